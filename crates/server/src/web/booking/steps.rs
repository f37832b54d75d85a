//! The steps of a new booking, the same for a citizen on the website and an employee booking for
//! a caller; the day and time pages also serve moving an appointment.

use super::desk::{Desk, Flow};
use super::{main_site_visit, parse_products, total_fee, visit_error, when};
use crate::appointments::visit_summary;
use crate::appointments::{self, ContactForm, POLICY, Visit, VisitError};
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_form, see_other};
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::{Html, IntoResponse};
use axum::routing::{get, post};
use axum_extra::extract::{Form, Query};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use loket_domain::catalogue::{Channel, FieldErrors};
use loket_domain::locale::Locale;
use loket_domain::slots::Slot;
use loket_store::appointments::Limit;
use serde::Deserialize;
use std::collections::BTreeMap;

pub fn routes() -> Router<AppState> {
    let mut router = Router::new();
    for base in [Desk::Website.base(), "/staff/book"] {
        router = router
            .route(base, get(choose_products))
            .route(&format!("{base}/persons"), get(choose_persons))
            .route(&format!("{base}/visit"), get(visit_chosen))
            .route(&format!("{base}/day"), get(choose_day))
            .route(&format!("{base}/time"), get(choose_time))
            .route(
                &format!("{base}/details"),
                get(details_form).post(details_given),
            )
            .route(&format!("{base}/confirm"), post(confirm));
    }
    router
}

// ---- 1. What for ---------------------------------------------------------------------------------

pub struct Choice {
    pub code: String,
    pub name: String,
    pub checked: bool,
}

pub struct ChoiceGroup {
    pub title: String,
    pub choices: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "booking/products.html")]
struct ProductsTemplate {
    page: Page,
    desk: Desk,
    groups: Vec<ChoiceGroup>,
    errors: Errors,
}

async fn products_page(
    state: &AppState,
    page: Page,
    desk: Desk,
    chosen: &[String],
    errors: Errors,
) -> PageResult {
    let catalogue = state.store.products().await?;
    let rubrics = state.store.rubrics().await?;
    let mut groups: Vec<ChoiceGroup> = Vec::new();
    for rubric in &rubrics {
        let mut choices: Vec<Choice> = catalogue
            .iter()
            .filter(|p| {
                p.channel == Channel::Appointment
                    && p.rubric_code.as_deref() == Some(rubric.code.as_str())
            })
            .map(|p| Choice {
                code: p.code.clone(),
                name: p.name(page.locale).to_owned(),
                checked: chosen.contains(&p.code),
            })
            .collect();
        choices.sort_by_key(|c| c.name.to_lowercase());
        if !choices.is_empty() {
            groups.push(ChoiceGroup {
                title: rubric.name(page.locale).to_owned(),
                choices,
            });
        }
    }
    let invalid = !errors.is_empty();
    render_form(
        ProductsTemplate {
            page,
            desk,
            groups,
            errors,
        },
        invalid,
    )
}

#[derive(Deserialize, Default)]
struct ChosenProducts {
    #[serde(default)]
    product: Vec<String>,
}

async fn choose_products(
    State(state): State<AppState>,
    page: Page,
    uri: Uri,
    Query(query): Query<ChosenProducts>,
) -> PageResult {
    let desk = Desk::of(&page, &uri)?;
    products_page(&state, page, desk, &query.product, Errors::none()).await
}

// ---- 2. For how many persons --------------------------------------------------------------------

pub struct PersonsChoice {
    pub code: String,
    pub name: String,
}

#[derive(Template)]
#[template(path = "booking/persons.html")]
struct PersonsTemplate {
    page: Page,
    desk: Desk,
    products: Vec<PersonsChoice>,
    chosen: String,
    back: String,
}

async fn choose_persons(
    State(state): State<AppState>,
    page: Page,
    uri: Uri,
    Query(query): Query<ChosenProducts>,
) -> PageResult {
    let desk = Desk::of(&page, &uri)?;
    if query.product.is_empty() {
        let mut errors = FieldErrors::default();
        errors.add("products", "error-products-none");
        let errors = Errors::translate(&errors, page.t);
        return products_page(&state, page, desk, &[], errors).await;
    }
    let catalogue = state.store.products().await?;
    let products = query
        .product
        .iter()
        .filter_map(|code| catalogue.iter().find(|p| &p.code == code))
        .map(|p| PersonsChoice {
            code: p.code.clone(),
            name: p.name(page.locale).to_owned(),
        })
        .collect();
    let chosen = query.product.join(",");
    let back = desk.path(
        "",
        &query
            .product
            .iter()
            .map(|c| format!("product={c}"))
            .collect::<Vec<_>>()
            .join("&"),
    );
    render(PersonsTemplate {
        page,
        desk,
        products,
        chosen,
        back,
    })
}

/// The persons form sends `persons-<code>=N` per product; the visit lists each code N times.
async fn visit_chosen(
    page: Page,
    uri: Uri,
    Query(fields): Query<BTreeMap<String, String>>,
) -> PageResult {
    let desk = Desk::of(&page, &uri)?;
    let chosen = parse_products(fields.get("chosen").map(String::as_str).unwrap_or(""));
    let mut products = Vec::new();
    for code in chosen {
        let persons = fields
            .get(&format!("persons-{code}"))
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, 6);
        products.extend(std::iter::repeat_n(code, persons));
    }
    see_other(&desk.path("day", &format!("products={}", products.join(","))))
}

// ---- 3. Which day -------------------------------------------------------------------------------

pub struct CalendarDay {
    pub number: i8,
    pub label: String,
    pub free: i64,
    pub link: Option<String>,
    pub in_month: bool,
}

#[derive(Template)]
#[template(path = "booking/day.html")]
struct DayTemplate {
    page: Page,
    summary: Vec<String>,
    zone: String,
    minutes: i64,
    month_title: String,
    /// (full name, two-letter abbreviation)
    weekdays: Vec<(String, String)>,
    back: String,
    weeks: Vec<Vec<CalendarDay>>,
    previous: Option<String>,
    next: Option<String>,
    any_free: bool,
    moving: bool,
}

#[derive(Deserialize, Default)]
struct DayQuery {
    #[serde(default)]
    products: String,
    #[serde(default)]
    month: String,
}

async fn choose_day(
    State(state): State<AppState>,
    page: Page,
    uri: Uri,
    Query(query): Query<DayQuery>,
) -> PageResult {
    let desk = Desk::of(&page, &uri)?;
    let codes = parse_products(&query.products);
    let visit = match main_site_visit(&state, &codes).await {
        Ok(visit) => visit,
        Err(VisitError::Invalid(errors)) => {
            let errors = Errors::translate(&errors, page.t);
            return products_page(&state, page, desk, &codes, errors).await;
        }
        Err(other) => return Err(visit_error(other)),
    };
    let flow = Flow::New {
        desk,
        products: codes.join(","),
    };
    day_page(&state, page, &visit, &flow, &query.month).await
}

/// A month with the days that still have a free start for the visit.
pub(super) async fn day_page(
    state: &AppState,
    page: Page,
    visit: &Visit,
    flow: &Flow,
    month: &str,
) -> PageResult {
    let t = page.t;
    let today = state.now().to_zoned(visit.time_zone().clone()).date();
    let last = POLICY.last_bookable_date(today);
    let first_of_month = format!("{month}-01")
        .parse::<Date>()
        .ok()
        .unwrap_or(today.first_of_month());
    let first_of_month = first_of_month.clamp(today.first_of_month(), last.first_of_month());
    let end_of_month = first_of_month.last_of_month();
    let earliest = flow.desk().earliest(state.now());
    let slots =
        appointments::free_slots(state, visit, first_of_month, end_of_month, earliest).await?;
    let mut free_per_day: BTreeMap<Date, usize> = BTreeMap::new();
    for slot in &slots {
        *free_per_day
            .entry(slot.start.to_zoned(visit.time_zone().clone()).date())
            .or_default() += 1;
    }
    let grid_start = first_of_month
        .saturating_sub(i64::from(first_of_month.weekday().to_monday_zero_offset()).days());
    let mut weeks = Vec::new();
    let mut day = grid_start;
    while day <= end_of_month {
        let week = (0..7)
            .map(|offset| {
                let date = day.saturating_add(offset.days());
                let free = free_per_day.get(&date).copied().unwrap_or(0) as i64;
                CalendarDay {
                    number: date.day(),
                    label: t.date(date),
                    free,
                    link: (free > 0).then(|| flow.day_link(date)),
                    in_month: date.month() == first_of_month.month(),
                }
            })
            .collect();
        weeks.push(week);
        day = day.saturating_add(7.days());
    }
    let previous = (first_of_month > today.first_of_month())
        .then(|| flow.month_link(first_of_month.saturating_sub(1.month())));
    let next = (first_of_month < last.first_of_month())
        .then(|| flow.month_link(first_of_month.saturating_add(1.month())));
    let catalogue = state.store.products().await?;
    render(DayTemplate {
        summary: visit_summary(&visit.products, &catalogue, t),
        zone: visit.zone.clone(),
        minutes: visit.minutes,
        month_title: format!(
            "{} {}",
            t.get(&format!("month-{}", first_of_month.month())),
            first_of_month.year()
        ),
        weekdays: loket_domain::calendar::WEEK
            .into_iter()
            .map(|w| {
                let name = t.weekday(w);
                let short = name.chars().take(2).collect();
                (name, short)
            })
            .collect(),
        back: flow.back_from_days(),
        any_free: !free_per_day.is_empty(),
        weeks,
        previous,
        next,
        moving: flow.moving(),
        page,
    })
}

// ---- 4. Which time ------------------------------------------------------------------------------

pub struct TimeChoice {
    pub label: String,
    pub start: String,
}

#[derive(Template)]
#[template(path = "booking/time.html")]
struct TimeTemplate {
    page: Page,
    day: String,
    times: Vec<TimeChoice>,
    back: String,
    action: String,
    hidden: Vec<(String, String)>,
    taken_meanwhile: bool,
}

#[derive(Deserialize, Default)]
struct TimeQuery {
    #[serde(default)]
    products: String,
    #[serde(default)]
    date: String,
}

async fn choose_time(
    State(state): State<AppState>,
    page: Page,
    uri: Uri,
    Query(query): Query<TimeQuery>,
) -> PageResult {
    let desk = Desk::of(&page, &uri)?;
    let codes = parse_products(&query.products);
    let visit = main_site_visit(&state, &codes).await.map_err(visit_error)?;
    let flow = Flow::New {
        desk,
        products: codes.join(","),
    };
    time_page(&state, page, &visit, &flow, &query.date, false).await
}

/// The free starts of one day; after a start was taken meanwhile, with that message and 409.
pub(super) async fn time_page(
    state: &AppState,
    page: Page,
    visit: &Visit,
    flow: &Flow,
    date: &str,
    taken_meanwhile: bool,
) -> PageResult {
    let date: Date = date.parse().map_err(|_| PageError::NotFound)?;
    let t = page.t;
    let earliest = flow.desk().earliest(state.now());
    let slots: Vec<Slot> = appointments::free_slots(state, visit, date, date, earliest).await?;
    let times = slots
        .iter()
        .map(|slot| TimeChoice {
            label: t.time(slot.start.to_zoned(visit.time_zone().clone()).time()),
            start: slot.start.to_string(),
        })
        .collect();
    let (action, hidden) = flow.time_form();
    let template = TimeTemplate {
        day: t.date(date),
        times,
        back: flow.back_to_days(date),
        action,
        hidden,
        taken_meanwhile,
        page,
    };
    if taken_meanwhile {
        let html = template.render().map_err(PageError::from)?;
        return Ok((StatusCode::CONFLICT, Html(html)).into_response());
    }
    render(template)
}

/// The day page of the start a booking or move failed on, saying it was taken meanwhile.
pub(super) async fn taken_meanwhile(
    state: &AppState,
    page: Page,
    visit: &Visit,
    flow: &Flow,
    start: Timestamp,
) -> PageResult {
    let date = start.to_zoned(visit.time_zone().clone()).date().to_string();
    time_page(state, page, visit, flow, &date, true).await
}

// ---- 5. Who comes, and check --------------------------------------------------------------------

#[derive(Deserialize, Default, Clone)]
struct DetailsFields {
    #[serde(default)]
    products: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    national_number: String,
    /// The caller's language, chosen by the employee; a citizen gets the language of the page.
    #[serde(default)]
    locale: String,
    /// Set by the "change" button of the check page: show the form again without checking it.
    #[serde(default)]
    change: String,
}

impl DetailsFields {
    fn contact(&self, page: &Page) -> ContactForm {
        ContactForm {
            name: self.name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            national_number: self.national_number.clone(),
            locale: match self.locale.as_str() {
                "" => page.locale.code().to_owned(),
                chosen => chosen.to_owned(),
            },
        }
    }
}

#[derive(Template)]
#[template(path = "booking/details.html")]
struct DetailsTemplate {
    /// The languages a caller can get mail in: (code, name in that language).
    languages: Vec<(&'static str, &'static str)>,
    page: Page,
    desk: Desk,
    fields: DetailsFields,
    errors: Errors,
    when: String,
}

#[derive(Template)]
#[template(path = "booking/check.html")]
struct CheckTemplate {
    page: Page,
    desk: Desk,
    fields: DetailsFields,
    hidden: Vec<(&'static str, String)>,
    summary: Vec<String>,
    when: String,
    zone: String,
    fee: String,
    national_number: String,
}

/// The visit and start a details form is about, from its hidden fields.
async fn chosen_visit(
    state: &AppState,
    fields: &DetailsFields,
) -> Result<(Vec<String>, Visit, Timestamp), PageError> {
    let codes = parse_products(&fields.products);
    let visit = main_site_visit(state, &codes).await.map_err(visit_error)?;
    let start: Timestamp = fields.start.parse().map_err(|_| PageError::NotFound)?;
    Ok((codes, visit, start))
}

/// The "who comes" form, fresh or with the errors of what was typed.
fn details_page(
    page: Page,
    desk: Desk,
    fields: DetailsFields,
    visit: &Visit,
    start: Timestamp,
    errors: &FieldErrors,
) -> PageResult {
    let when = when(visit, start, page.t);
    let errors = Errors::translate(errors, page.t);
    let invalid = !errors.is_empty();
    let languages = Locale::ALL
        .into_iter()
        .map(|l| (l.code(), l.native_name()))
        .collect();
    render_form(
        DetailsTemplate {
            languages,
            page,
            desk,
            fields,
            errors,
            when,
        },
        invalid,
    )
}

async fn details_form(
    State(state): State<AppState>,
    page: Page,
    uri: Uri,
    Query(fields): Query<DetailsFields>,
) -> PageResult {
    let desk = Desk::of(&page, &uri)?;
    let (_, visit, start) = chosen_visit(&state, &fields).await?;
    details_page(page, desk, fields, &visit, start, &FieldErrors::default())
}

async fn details_given(
    State(state): State<AppState>,
    page: Page,
    uri: Uri,
    Form(fields): Form<DetailsFields>,
) -> PageResult {
    let desk = Desk::of(&page, &uri)?;
    let (codes, visit, start) = chosen_visit(&state, &fields).await?;
    let mut errors = FieldErrors::default();
    let contact = if fields.change.is_empty() {
        fields.contact(&page).parse(&mut errors, desk.email())
    } else {
        None
    };
    let Some(contact) = contact else {
        return details_page(page, desk, fields, &visit, start, &errors);
    };
    let catalogue = state.store.products().await?;
    let fee = total_fee(&codes, &catalogue);
    let hidden = vec![
        ("products", fields.products.clone()),
        ("start", fields.start.clone()),
        ("name", fields.name.clone()),
        ("email", fields.email.clone()),
        ("phone", fields.phone.clone()),
        ("national_number", fields.national_number.clone()),
        ("locale", fields.locale.clone()),
    ];
    render(CheckTemplate {
        hidden,
        summary: visit_summary(&codes, &catalogue, page.t),
        zone: visit.zone.clone(),
        fee: page.t.fee(fee),
        national_number: contact
            .national_number
            .map(|n| n.masked())
            .unwrap_or_default(),
        when: when(&visit, start, page.t),
        desk,
        fields,
        page,
    })
}

async fn confirm(
    State(state): State<AppState>,
    page: Page,
    uri: Uri,
    Form(fields): Form<DetailsFields>,
) -> PageResult {
    let desk = Desk::of(&page, &uri)?;
    let (codes, visit, start) = chosen_visit(&state, &fields).await?;
    let mut errors = FieldErrors::default();
    let Some(contact) = fields.contact(&page).parse(&mut errors, desk.email()) else {
        return details_page(page, desk, fields, &visit, start, &errors);
    };
    let booked = appointments::book(
        &state,
        &visit,
        start,
        contact,
        desk.booked_by(),
        desk.earliest(state.now()),
    )
    .await;
    match booked {
        Ok(booked) => match desk {
            Desk::Website => see_other(&format!(
                "/appointments/manage/{}?new=1",
                booked.manage_token
            )),
            Desk::Staff { staff_id, .. } => {
                let code = &booked.appointment.code;
                state
                    .store
                    .audit(state.now(), Some(staff_id), "appointment.book", code, "")
                    .await?;
                see_other(&format!(
                    "/staff/appointments/{}?new=1",
                    booked.appointment.id
                ))
            }
        },
        Err(VisitError::Limit(limit)) => {
            let field = match limit {
                Limit::Email => "email",
                Limit::NationalNumber => "national_number",
            };
            errors.add(field, desk.limit_message(limit));
            details_page(page, desk, fields, &visit, start, &errors)
        }
        Err(VisitError::Full | VisitError::Invalid(_)) => {
            let flow = Flow::New {
                desk,
                products: codes.join(","),
            };
            taken_meanwhile(&state, page, &visit, &flow, start).await
        }
        Err(other) => Err(visit_error(other)),
    }
}
