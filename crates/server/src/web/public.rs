//! The public site: what the office does, each product, the opening hours.

use crate::i18n::Tr;
use crate::state::AppState;
use crate::web::page::{LANGUAGE_COOKIE, Page, PageError, PageResult};
use crate::web::{local_path, render, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use jiff::civil::{Date, Weekday};
use jiff::{Timestamp, ToSpan};
use loket_domain::calendar::{ClosedBecause, Day, SiteCalendar, TimeRange, WEEK};
use loket_domain::catalogue::Channel;
use loket_store::calendar::SiteHours;
use loket_store::catalogue::Product;
use loket_store::organisation::{Site, Zone};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/products/{code}", get(product))
        .route("/opening-hours", get(opening_hours))
        .route("/accessibility", get(accessibility))
        .route("/language", get(choose_language))
}

/// A product in a list: its name in the visitor's language and where it links.
pub struct ProductLink {
    pub code: String,
    pub name: String,
    pub zone: Option<String>,
}

impl ProductLink {
    fn new(product: &Product, t: Tr) -> ProductLink {
        ProductLink {
            code: product.code.clone(),
            name: product.name(t.locale).to_owned(),
            zone: product.zone_letter.clone(),
        }
    }
}

/// The products reached through one channel, sorted by name in the visitor's language.
fn links(products: &[Product], channels: &[Channel], t: Tr) -> Vec<ProductLink> {
    let mut links: Vec<ProductLink> = products
        .iter()
        .filter(|p| channels.contains(&p.channel))
        .map(|p| ProductLink::new(p, t))
        .collect();
    links.sort_by_key(|link| link.name.to_lowercase());
    links
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomeTemplate {
    page: Page,
    site: Site,
    today: String,
    appointment: Vec<ProductLink>,
    fast_counter: Vec<ProductLink>,
    online: Vec<ProductLink>,
    reception: Vec<ProductLink>,
}

/// The main site: the first one, which is the only one in a city with one office.
async fn main_site(state: &AppState) -> Result<(Site, SiteHours), PageError> {
    let site = state
        .store
        .sites()
        .await?
        .into_iter()
        .next()
        .ok_or(PageError::NotFound)?;
    let hours = state.store.site_hours(&site).await?;
    Ok((site, hours))
}

async fn home(State(state): State<AppState>, page: Page) -> PageResult {
    let (site, hours) = main_site(&state).await?;
    let products = state.store.products().await?;
    let t = page.t;
    render(HomeTemplate {
        today: today_status(&hours.calendar, state.now(), t),
        appointment: links(&products, &[Channel::Appointment], t),
        fast_counter: links(&products, &[Channel::FastCounter], t),
        online: links(&products, &[Channel::Online], t),
        reception: links(&products, &[Channel::OnCall, Channel::Reception], t),
        site,
        page,
    })
}

/// "Vandaag open van 9.00 uur tot 20.00 uur", "Nu gesloten. Wij openen opnieuw ...".
fn today_status(calendar: &SiteCalendar, now: Timestamp, t: Tr) -> String {
    let local = now.to_zoned(calendar.time_zone.clone());
    let today = local.date();
    if let Day::Open(intervals) = calendar.day(today)
        && let Some(current) = intervals.iter().find(|interval| interval.contains(now))
    {
        return t.arg("today-open-until", "time", t.time(current.local.closes()));
    }
    match calendar.next_opening(now) {
        Some(next) => {
            let next = next.to_zoned(calendar.time_zone.clone());
            let when = if next.date() == today {
                t.get("today")
            } else {
                t.date(next.date())
            };
            t.args(
                "closed-now-opens",
                &[("day", when), ("time", t.time(next.time()))],
            )
        }
        None => t.get("closed-now"),
    }
}

#[derive(Template)]
#[template(path = "product.html")]
struct ProductTemplate {
    page: Page,
    product: Product,
    name: String,
    description: String,
    bring: Vec<String>,
    department: String,
    zone: Option<Zone>,
    fee: String,
}

async fn product(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
) -> PageResult {
    let product = state.store.product(&code).await?;
    let locale = page.locale;
    let department = state
        .store
        .department(&product.department_code)
        .await?
        .name(locale)
        .to_owned();
    let zone = match (&product.zone_letter, state.store.sites().await?.first()) {
        (Some(letter), Some(site)) => state
            .store
            .zones(site.id)
            .await?
            .into_iter()
            .find(|z| &z.letter == letter),
        _ => None,
    };
    render(ProductTemplate {
        name: product.name(locale).to_owned(),
        description: product.description(locale).to_owned(),
        bring: product
            .bring(locale)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        fee: page.t.fee(product.fee_cents),
        department,
        zone,
        product,
        page,
    })
}

/// One weekday's hours as a reader sees them.
pub struct WeekdayHours {
    pub name: String,
    pub hours: Vec<String>,
    pub evening: bool,
    pub today: bool,
}

pub struct Closure {
    pub date: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "hours.html")]
struct HoursTemplate {
    page: Page,
    site: Site,
    today: String,
    counters: Vec<WeekdayHours>,
    phone: Vec<WeekdayHours>,
    closures: Vec<Closure>,
}

/// Opening after 18:00 counts as an evening opening.
fn is_evening(ranges: &[TimeRange]) -> bool {
    ranges
        .iter()
        .any(|range| range.closes() > jiff::civil::time(18, 0, 0, 0))
}

fn week_table(
    weekly: &loket_domain::calendar::WeeklyHours,
    today: Weekday,
    t: Tr,
) -> Vec<WeekdayHours> {
    WEEK.into_iter()
        .map(|weekday| {
            let ranges = weekly.on(weekday);
            WeekdayHours {
                name: t.weekday(weekday),
                hours: ranges
                    .iter()
                    .map(|r| {
                        t.args(
                            "hours-range",
                            &[("opens", t.time(r.opens())), ("closes", t.time(r.closes()))],
                        )
                    })
                    .collect(),
                evening: is_evening(ranges),
                today: weekday == today,
            }
        })
        .collect()
}

/// Why the office is closed on a date, in the reader's language.
fn closure_reason(because: ClosedBecause, date: Date, hours: &SiteHours, t: Tr) -> String {
    match because {
        ClosedBecause::LegalHoliday(holiday) => t.get(holiday.message_id()),
        ClosedBecause::CityRule(index) => hours
            .rules
            .get(index)
            .map(|r| r.names.get(t.locale).to_owned())
            .unwrap_or_default(),
        ClosedBecause::Exception => hours
            .exceptions
            .iter()
            .find(|e| e.exception.date() == date)
            .map(|e| e.names.get(t.locale).to_owned())
            .unwrap_or_default(),
        ClosedBecause::NoHours => t.get("closed"),
    }
}

async fn opening_hours(State(state): State<AppState>, page: Page) -> PageResult {
    let (site, hours) = main_site(&state).await?;
    let now = state.now();
    let today = now.to_zoned(hours.calendar.time_zone.clone()).date();
    let t = page.t;
    let closures = hours
        .calendar
        .closures(today, today.saturating_add(1.year()))
        .into_iter()
        .map(|(date, because)| Closure {
            date: t.date(date),
            reason: closure_reason(because, date, &hours, t),
        })
        .collect();
    render(HoursTemplate {
        today: today_status(&hours.calendar, now, t),
        counters: week_table(&hours.calendar.weekly, today.weekday(), t),
        phone: week_table(&hours.phone, today.weekday(), t),
        closures,
        site,
        page,
    })
}

#[derive(Template)]
#[template(path = "accessibility.html")]
struct AccessibilityTemplate {
    page: Page,
}

async fn accessibility(page: Page) -> PageResult {
    render(AccessibilityTemplate { page })
}

#[derive(Deserialize)]
struct LanguageChoice {
    to: String,
    #[serde(default)]
    back: String,
}

/// The language switcher: remembers the choice for a year and goes back to the same page.
async fn choose_language(Query(choice): Query<LanguageChoice>) -> PageResult {
    let Ok(locale) = choice.to.parse::<loket_domain::locale::Locale>() else {
        return Err(PageError::NotFound);
    };
    let back = local_path(&choice.back).unwrap_or("/");
    let mut response = see_other(back)?;
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        locale.code()
    );
    if let Ok(value) = cookie.parse() {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    Ok(response.into_response())
}
