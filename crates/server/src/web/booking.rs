//! Booking an appointment on the website, one question per page: what for, for how many persons,
//! which day, which time, who comes, check, booked. Then the citizen's own page behind the secret
//! link: see, add to a calendar, move or cancel. Everything works without JavaScript.

use crate::appointments::{
    self, ContactForm, POLICY, Visit, VisitError, earliest_start, resolve_visit,
};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_form, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum_extra::extract::{Form, Query};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use loket_domain::catalogue::{Channel, FieldErrors};
use loket_domain::slots::Slot;
use loket_store::appointments::{Appointment, AppointmentStatus};
use loket_store::catalogue::Product;
use serde::Deserialize;
use std::collections::BTreeMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/appointments/new", get(choose_products))
        .route("/appointments/new/persons", get(choose_persons))
        .route("/appointments/new/visit", get(visit_chosen))
        .route("/appointments/new/day", get(choose_day))
        .route("/appointments/new/time", get(choose_time))
        .route(
            "/appointments/new/details",
            get(details_form).post(details_given),
        )
        .route("/appointments/new/confirm", axum::routing::post(confirm))
        .route("/appointments/manage/{token}", get(manage))
        .route("/appointments/manage/{token}/calendar.ics", get(calendar))
        .route(
            "/appointments/manage/{token}/cancel",
            get(cancel_form).post(cancel),
        )
        .route("/appointments/manage/{token}/move", get(choose_new_day))
        .route(
            "/appointments/manage/{token}/move/time",
            get(choose_new_time),
        )
        .route(
            "/appointments/manage/{token}/move/confirm",
            axum::routing::post(confirm_move),
        )
}

/// Products listed twice are two persons: "eid-aanvraag,eid-aanvraag,kids-id-aanvraag".
fn parse_products(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A visit booked on the website, at the city's main site (the first; a city with one office
/// has one).
async fn website_visit(state: &AppState, codes: &[String]) -> Result<Visit, VisitError> {
    let site = state
        .store
        .sites()
        .await?
        .into_iter()
        .next()
        .ok_or(VisitError::Store(loket_store::StoreError::NotFound))?;
    resolve_visit(state, &site.code, codes).await
}

/// What the products of a visit cost together; None when one of the fees is not known.
fn total_fee(codes: &[String], catalogue: &[Product]) -> Option<i64> {
    codes
        .iter()
        .filter_map(|code| catalogue.iter().find(|p| &p.code == code))
        .try_fold(0, |sum, p| p.fee_cents.map(|fee| sum + fee))
}

/// "2 × Identiteitskaart (eID) aanvragen, 1 × Kids-ID aanvragen".
pub fn visit_summary(codes: &[String], catalogue: &[Product], t: Tr) -> Vec<String> {
    let mut counted: Vec<(String, usize)> = Vec::new();
    for code in codes {
        match counted.iter_mut().find(|(c, _)| c == code) {
            Some((_, n)) => *n += 1,
            None => counted.push((code.clone(), 1)),
        }
    }
    counted
        .into_iter()
        .map(|(code, n)| {
            let name = catalogue
                .iter()
                .find(|p| p.code == code)
                .map(|p| p.name(t.locale).to_owned())
                .unwrap_or(code);
            t.args(
                "booking-persons-of",
                &[("count", n.to_string()), ("product", name)],
            )
        })
        .collect()
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
    groups: Vec<ChoiceGroup>,
    errors: Errors,
}

async fn products_page(
    state: &AppState,
    page: Page,
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
    Query(query): Query<ChosenProducts>,
) -> PageResult {
    products_page(&state, page, &query.product, Errors::none()).await
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
    products: Vec<PersonsChoice>,
    chosen: String,
    back: String,
}

async fn choose_persons(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<ChosenProducts>,
) -> PageResult {
    if query.product.is_empty() {
        let mut errors = FieldErrors::default();
        errors.add("products", "error-products-none");
        let errors = Errors::translate(&errors, page.t);
        return products_page(&state, page, &[], errors).await;
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
    let back = format!(
        "/appointments/new?{}",
        query
            .product
            .iter()
            .map(|c| format!("product={c}"))
            .collect::<Vec<_>>()
            .join("&")
    );
    render(PersonsTemplate {
        page,
        products,
        chosen,
        back,
    })
}

/// The persons form sends `persons-<code>=N` per product; the visit lists each code N times.
async fn visit_chosen(Query(fields): Query<BTreeMap<String, String>>) -> PageResult {
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
    see_other(&format!(
        "/appointments/new/day?products={}",
        products.join(",")
    ))
}

// ---- 3. Which day -------------------------------------------------------------------------------

/// How a day page and a time page lead on: booking a new visit, or moving one.
enum Flow {
    New { products: String },
    Move { token: String },
}

impl Flow {
    fn day_link(&self, date: Date) -> String {
        match self {
            Flow::New { products } => {
                format!("/appointments/new/time?products={products}&date={date}")
            }
            Flow::Move { token } => format!("/appointments/manage/{token}/move/time?date={date}"),
        }
    }

    fn month_link(&self, month: Date) -> String {
        let month = month.strftime("%Y-%m");
        match self {
            Flow::New { products } => {
                format!("/appointments/new/day?products={products}&month={month}")
            }
            Flow::Move { token } => format!("/appointments/manage/{token}/move?month={month}"),
        }
    }

    fn back_to_days(&self, date: Date) -> String {
        self.month_link(date.first_of_month())
    }

    /// Where the day page leads back to: the choice of products, or the appointment itself.
    fn back_from_days(&self) -> String {
        match self {
            Flow::New { products } => {
                let mut codes = parse_products(products);
                codes.dedup();
                format!(
                    "/appointments/new?{}",
                    codes
                        .iter()
                        .map(|c| format!("product={c}"))
                        .collect::<Vec<_>>()
                        .join("&")
                )
            }
            Flow::Move { token } => format!("/appointments/manage/{token}"),
        }
    }
}

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
    Query(query): Query<DayQuery>,
) -> PageResult {
    let codes = parse_products(&query.products);
    let visit = match website_visit(&state, &codes).await {
        Ok(visit) => visit,
        Err(VisitError::Invalid(errors)) => {
            let errors = Errors::translate(&errors, page.t);
            let chosen: Vec<String> = codes;
            return products_page(&state, page, &chosen, errors).await;
        }
        Err(other) => return Err(visit_error(other)),
    };
    let flow = Flow::New {
        products: codes.join(","),
    };
    day_page(&state, page, &visit, &flow, &query.month, false).await
}

fn visit_error(error: VisitError) -> PageError {
    match error {
        VisitError::Store(error) => error.into(),
        _ => PageError::NotFound,
    }
}

async fn day_page(
    state: &AppState,
    page: Page,
    visit: &Visit,
    flow: &Flow,
    month: &str,
    moving: bool,
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
    let slots = appointments::free_slots(
        state,
        visit,
        first_of_month,
        end_of_month,
        earliest_start(state.now(), false),
    )
    .await?;
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
        moving,
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
    Query(query): Query<TimeQuery>,
) -> PageResult {
    let codes = parse_products(&query.products);
    let visit = website_visit(&state, &codes).await.map_err(visit_error)?;
    let flow = Flow::New {
        products: codes.join(","),
    };
    let hidden = vec![("products".to_owned(), codes.join(","))];
    time_page(
        &state,
        page,
        &visit,
        &flow,
        &query.date,
        "/appointments/new/details",
        hidden,
        false,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn time_page(
    state: &AppState,
    page: Page,
    visit: &Visit,
    flow: &Flow,
    date: &str,
    action: &str,
    hidden: Vec<(String, String)>,
    taken_meanwhile: bool,
) -> PageResult {
    let date: Date = date.parse().map_err(|_| PageError::NotFound)?;
    let t = page.t;
    let slots: Vec<Slot> =
        appointments::free_slots(state, visit, date, date, earliest_start(state.now(), false))
            .await?;
    let times = slots
        .iter()
        .map(|slot| TimeChoice {
            label: t.time(slot.start.to_zoned(visit.time_zone().clone()).time()),
            start: slot.start.to_string(),
        })
        .collect();
    let template = TimeTemplate {
        day: t.date(date),
        times,
        back: flow.back_to_days(date),
        action: action.to_owned(),
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
            locale: page.locale.code().to_owned(),
        }
    }
}

#[derive(Template)]
#[template(path = "booking/details.html")]
struct DetailsTemplate {
    page: Page,
    fields: DetailsFields,
    errors: Errors,
    when: String,
}

#[derive(Template)]
#[template(path = "booking/check.html")]
struct CheckTemplate {
    page: Page,
    fields: DetailsFields,
    hidden: Vec<(&'static str, String)>,
    summary: Vec<String>,
    when: String,
    zone: String,
    fee: String,
    national_number: String,
}

/// "donderdag 10 december 2026 om 10.00 uur".
fn when(visit: &Visit, start: Timestamp, t: Tr) -> String {
    let local = start.to_zoned(visit.time_zone().clone());
    t.args(
        "booking-when",
        &[
            ("day", t.date(local.date())),
            ("time", t.time(local.time())),
        ],
    )
}

/// The visit and start a details form is about, from its hidden fields.
async fn chosen_visit(
    state: &AppState,
    fields: &DetailsFields,
) -> Result<(Vec<String>, Visit, Timestamp), PageError> {
    let codes = parse_products(&fields.products);
    let visit = website_visit(state, &codes).await.map_err(visit_error)?;
    let start: Timestamp = fields.start.parse().map_err(|_| PageError::NotFound)?;
    Ok((codes, visit, start))
}

/// The "who comes" form, fresh or with the errors of what was typed.
fn details_page(
    page: Page,
    fields: DetailsFields,
    visit: &Visit,
    start: Timestamp,
    errors: &FieldErrors,
) -> PageResult {
    let when = when(visit, start, page.t);
    let errors = Errors::translate(errors, page.t);
    let invalid = !errors.is_empty();
    render_form(
        DetailsTemplate {
            page,
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
    Query(fields): Query<DetailsFields>,
) -> PageResult {
    let (_, visit, start) = chosen_visit(&state, &fields).await?;
    details_page(page, fields, &visit, start, &FieldErrors::default())
}

async fn details_given(
    State(state): State<AppState>,
    page: Page,
    Form(fields): Form<DetailsFields>,
) -> PageResult {
    let (codes, visit, start) = chosen_visit(&state, &fields).await?;
    let mut errors = FieldErrors::default();
    let contact = if fields.change.is_empty() {
        fields.contact(&page).parse(&mut errors)
    } else {
        None
    };
    let Some(contact) = contact else {
        return details_page(page, fields, &visit, start, &errors);
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
        fields,
        page,
    })
}

async fn confirm(
    State(state): State<AppState>,
    page: Page,
    Form(fields): Form<DetailsFields>,
) -> PageResult {
    let (codes, visit, start) = chosen_visit(&state, &fields).await?;
    let mut errors = FieldErrors::default();
    let Some(contact) = fields.contact(&page).parse(&mut errors) else {
        return details_page(page, fields, &visit, start, &errors);
    };
    match appointments::book(
        &state,
        &visit,
        start,
        contact,
        None,
        earliest_start(state.now(), false),
    )
    .await
    {
        Ok(booked) => see_other(&format!(
            "/appointments/manage/{}?new=1",
            booked.manage_token
        )),
        Err(VisitError::Full | VisitError::Invalid(_)) => {
            let date = start.to_zoned(visit.time_zone().clone()).date().to_string();
            let flow = Flow::New {
                products: codes.join(","),
            };
            let hidden = vec![("products".to_owned(), codes.join(","))];
            time_page(
                &state,
                page,
                &visit,
                &flow,
                &date,
                "/appointments/new/details",
                hidden,
                true,
            )
            .await
        }
        Err(other) => Err(visit_error(other)),
    }
}

// ---- The citizen's own page ---------------------------------------------------------------------

#[derive(Template)]
#[template(path = "booking/manage.html")]
struct ManageTemplate {
    page: Page,
    token: String,
    appointment: Appointment,
    just_booked: bool,
    when: String,
    summary: Vec<String>,
    bring: Vec<String>,
    fee: String,
    qr: String,
    address: String,
    can_change: bool,
    booked: bool,
    cancelled: bool,
}

#[derive(Deserialize, Default)]
struct ManageQuery {
    #[serde(default)]
    new: String,
}

async fn load(state: &AppState, token: &str) -> Result<(Appointment, Visit), PageError> {
    let appointment = state.store.appointment_by_token(token).await?;
    let visit = resolve_visit(state, &appointment.site_code, &appointment.products)
        .await
        .map_err(visit_error)?;
    Ok((appointment, visit))
}

async fn manage(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
    Query(query): Query<ManageQuery>,
) -> PageResult {
    let (appointment, visit) = load(&state, &token).await?;
    let catalogue = state.store.products().await?;
    let t = page.t;
    let products: Vec<&Product> = appointment
        .products
        .iter()
        .filter_map(|c| catalogue.iter().find(|p| &p.code == c))
        .collect();
    let mut bring: Vec<String> = Vec::new();
    for product in &products {
        for item in product.bring(page.locale) {
            if !bring.iter().any(|known| known == item) {
                bring.push(item.to_owned());
            }
        }
    }
    let fee = total_fee(&appointment.products, &catalogue);
    render(ManageTemplate {
        when: when(&visit, appointment.start, t),
        summary: visit_summary(&appointment.products, &catalogue, t),
        fee: t.fee(fee),
        qr: appointments::qr_svg(&appointment.code),
        address: visit.site.address.clone(),
        can_change: appointment.status == AppointmentStatus::Booked
            && appointment.start > state.now(),
        booked: appointment.status == AppointmentStatus::Booked,
        cancelled: appointment.status == AppointmentStatus::Cancelled,
        just_booked: !query.new.is_empty(),
        bring,
        token,
        appointment,
        page,
    })
}

async fn calendar(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> PageResult {
    let (appointment, visit) = load(&state, &token).await?;
    let catalogue = state.store.products().await?;
    let summary = page.t.args(
        "booking-calendar-summary",
        &[
            ("site", visit.site.name.clone()),
            (
                "products",
                visit_summary(&appointment.products, &catalogue, page.t).join(", "),
            ),
        ],
    );
    let description = page
        .t
        .arg("booking-calendar-description", "code", &appointment.code);
    let ics = appointments::calendar_file(
        &format!("appointment-{}@loket", appointment.id),
        appointment.start,
        appointment.end,
        &summary,
        &visit.site.address,
        &description,
        state.now(),
    );
    let headers = [
        (
            header::CONTENT_TYPE,
            "text/calendar; charset=utf-8".to_owned(),
        ),
        (
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"afspraak-{}.ics\"", appointment.code),
        ),
    ];
    Ok((headers, ics).into_response())
}

#[derive(Template)]
#[template(path = "booking/cancel.html")]
struct CancelTemplate {
    page: Page,
    token: String,
    when: String,
}

async fn cancel_form(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> PageResult {
    let (appointment, visit) = load(&state, &token).await?;
    let when = when(&visit, appointment.start, page.t);
    render(CancelTemplate { page, token, when })
}

async fn cancel(State(state): State<AppState>, Path(token): Path<String>) -> PageResult {
    match appointments::cancel(&state, &token).await {
        Ok(_) | Err(VisitError::NotBooked) => see_other(&format!("/appointments/manage/{token}")),
        Err(other) => Err(visit_error(other)),
    }
}

#[derive(Deserialize, Default)]
struct MoveQuery {
    #[serde(default)]
    month: String,
    #[serde(default)]
    date: String,
}

async fn choose_new_day(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
    Query(query): Query<MoveQuery>,
) -> PageResult {
    let (_, visit) = load(&state, &token).await?;
    day_page(
        &state,
        page,
        &visit,
        &Flow::Move { token },
        &query.month,
        true,
    )
    .await
}

async fn choose_new_time(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
    Query(query): Query<MoveQuery>,
) -> PageResult {
    let (_, visit) = load(&state, &token).await?;
    let action = format!("/appointments/manage/{token}/move/confirm");
    time_page(
        &state,
        page,
        &visit,
        &Flow::Move { token },
        &query.date,
        &action,
        Vec::new(),
        false,
    )
    .await
}

#[derive(Deserialize, Default)]
struct MoveForm {
    #[serde(default)]
    start: String,
}

async fn confirm_move(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
    Form(form): Form<MoveForm>,
) -> PageResult {
    let (_, visit) = load(&state, &token).await?;
    let start: Timestamp = form.start.parse().map_err(|_| PageError::NotFound)?;
    let moved = appointments::reschedule(&state, &token, start).await;
    match moved {
        Ok(_) => see_other(&format!("/appointments/manage/{token}?new=1")),
        Err(VisitError::Full | VisitError::Invalid(_)) => {
            let date = start.to_zoned(visit.time_zone().clone()).date().to_string();
            let action = format!("/appointments/manage/{token}/move/confirm");
            time_page(
                &state,
                page,
                &visit,
                &Flow::Move { token },
                &date,
                &action,
                Vec::new(),
                true,
            )
            .await
        }
        Err(VisitError::NotBooked) => see_other(&format!("/appointments/manage/{token}")),
        Err(VisitError::Store(error)) => Err(error.into()),
    }
}
