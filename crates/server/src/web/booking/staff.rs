//! Appointments for employees: find one by code, e-mail, phone or name, see it, move or cancel it
//! for the caller. Every look at a citizen's appointment is written to the audit log.

use super::citizen::MoveForm;
use super::desk::{Desk, Flow, require_booking_role};
use super::steps::{day_page, taken_meanwhile, time_page};
use super::{total_fee, visit_error, when};
use crate::appointments::{self, Visit, VisitError, resolve_visit};
use crate::appointments::{things_to_bring, visit_summary};
use crate::state::AppState;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::reception::RECEPTION_ROLES;
use crate::web::{render, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::Uri;
use axum::routing::{get, post};
use axum_extra::extract::{Form, Query};
use jiff::Timestamp;
use loket_domain::national_number::NationalNumber;
use loket_store::appointments::{Appointment, AppointmentStatus};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/appointments/find", get(find))
        .route("/staff/appointments/{id}", get(show))
        .route(
            "/staff/appointments/{id}/cancel",
            get(cancel_form).post(cancel),
        )
        .route("/staff/appointments/{id}/move", get(choose_new_day))
        .route("/staff/appointments/{id}/move/time", get(choose_new_time))
        .route("/staff/appointments/{id}/move/confirm", post(confirm_move))
}

/// At most this many appointments in one list of search results.
const FOUND_AT_MOST: i64 = 25;

fn home(id: i64) -> String {
    format!("/staff/appointments/{id}")
}

pub struct FoundLine {
    pub href: String,
    pub when: String,
    pub code: String,
    pub name: String,
    pub products: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "booking/staff_find.html")]
struct FindTemplate {
    page: Page,
    query: String,
    searched: bool,
    found: Vec<FoundLine>,
    count: i64,
}

#[derive(Deserialize, Default)]
struct FindQuery {
    #[serde(default)]
    q: String,
}

async fn find(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<FindQuery>,
) -> PageResult {
    let staff_id = require_booking_role(&page)?;
    let text = query.q.trim();
    let site_zone = state.settings.time_zone.clone();
    let today = state
        .now()
        .to_zoned(site_zone.clone())
        .date()
        .to_zoned(site_zone.clone())
        .map(|start| start.timestamp())
        .unwrap_or(state.now());
    let appointments = state
        .store
        .find_appointments(text, today, FOUND_AT_MOST)
        .await?;
    if !text.is_empty() {
        let subject = format!("{} found", appointments.len());
        state
            .store
            .audit(
                state.now(),
                Some(staff_id),
                "appointment.find",
                &subject,
                "",
            )
            .await?;
    }
    let catalogue = state.store.products().await?;
    let t = page.t;
    let found: Vec<FoundLine> = appointments
        .into_iter()
        .map(|a| {
            let local = a.start.to_zoned(site_zone.clone());
            FoundLine {
                href: home(a.id),
                when: format!("{} {}", t.date(local.date()), t.time(local.time())),
                products: visit_summary(&a.products, &catalogue, t).join(", "),
                status: t.get(a.status.message_id()),
                code: a.code,
                name: a.name,
            }
        })
        .collect();
    render(FindTemplate {
        count: i64::try_from(found.len()).unwrap_or(i64::MAX),
        searched: !text.is_empty(),
        query: text.to_owned(),
        found,
        page,
    })
}

async fn load(
    state: &AppState,
    page: &Page,
    id: i64,
    action: &str,
) -> Result<(i64, Appointment, Visit), PageError> {
    let staff_id = require_booking_role(page)?;
    let appointment = state.store.appointment(id).await?;
    let visit = resolve_visit(state, &appointment.site_code, &appointment.products)
        .await
        .map_err(visit_error)?;
    state
        .store
        .audit(state.now(), Some(staff_id), action, &appointment.code, "")
        .await?;
    Ok((staff_id, appointment, visit))
}

#[derive(Template)]
#[template(path = "booking/staff_appointment.html")]
struct AppointmentTemplate {
    page: Page,
    appointment: Appointment,
    just_booked: bool,
    when: String,
    summary: Vec<String>,
    bring: Vec<String>,
    fee: String,
    national_number: String,
    can_change: bool,
    /// Reception may check in a booked appointment of today, early or late.
    can_check_in: bool,
    /// Why reception's check-in was refused.
    check_in_refusal: Option<String>,
    status: String,
}

#[derive(Deserialize, Default)]
struct ShowQuery {
    #[serde(default)]
    new: String,
    #[serde(default)]
    check_in: String,
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Query(query): Query<ShowQuery>,
) -> PageResult {
    let (_, appointment, visit) = load(&state, &page, id, "appointment.view").await?;
    let catalogue = state.store.products().await?;
    let t = page.t;
    let site_zone = &state.settings.time_zone;
    let day = appointment.start.to_zoned(site_zone.clone()).date();
    let today = state.now().to_zoned(site_zone.clone()).date();
    let booked = appointment.status == AppointmentStatus::Booked;
    // A citizen who came late today can still be given another time.
    let (before_today, is_today) = (day < today, day == today);
    render(AppointmentTemplate {
        when: when(&visit, appointment.start, t),
        summary: visit_summary(&appointment.products, &catalogue, t),
        bring: things_to_bring(&appointment.products, &catalogue, t),
        fee: t.fee(total_fee(&appointment.products, &catalogue)),
        national_number: NationalNumber::mask_stored(appointment.national_number.as_deref())
            .unwrap_or_default(),
        can_change: booked && !before_today,
        can_check_in: booked && is_today && page.is_any(&RECEPTION_ROLES),
        check_in_refusal: match query.check_in.as_str() {
            "already" => Some(t.get("reception-check-in-already")),
            "not-today" => Some(t.get("reception-check-in-not-today")),
            "closed" => Some(t.get("reception-check-in-closed")),
            _ => None,
        },
        status: t.get(appointment.status.message_id()),
        just_booked: !query.new.is_empty(),
        appointment,
        page,
    })
}

#[derive(Template)]
#[template(path = "booking/cancel.html")]
struct CancelTemplate {
    page: Page,
    action: String,
    back: String,
    when: String,
    staff: bool,
}

async fn cancel_form(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let (_, appointment, visit) = load(&state, &page, id, "appointment.view").await?;
    let when = when(&visit, appointment.start, page.t);
    render(CancelTemplate {
        page,
        action: format!("{}/cancel", home(id)),
        back: home(id),
        when,
        staff: true,
    })
}

async fn cancel(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let (_, appointment, _) = load(&state, &page, id, "appointment.cancel").await?;
    match appointments::cancel(&state, appointment.id, None).await {
        Ok(_) | Err(VisitError::NotBooked) => see_other(&home(id)),
        Err(other) => Err(visit_error(other)),
    }
}

fn moving(desk: Desk, id: i64) -> Flow {
    Flow::Move {
        desk,
        home: home(id),
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
    uri: Uri,
    Path(id): Path<i64>,
    Query(query): Query<MoveQuery>,
) -> PageResult {
    let desk = Desk::of(&page, &uri)?;
    let (_, _, visit) = load(&state, &page, id, "appointment.view").await?;
    day_page(&state, page, &visit, &moving(desk, id), &query.month).await
}

async fn choose_new_time(
    State(state): State<AppState>,
    page: Page,
    uri: Uri,
    Path(id): Path<i64>,
    Query(query): Query<MoveQuery>,
) -> PageResult {
    let desk = Desk::of(&page, &uri)?;
    let (_, _, visit) = load(&state, &page, id, "appointment.view").await?;
    time_page(&state, page, &visit, &moving(desk, id), &query.date, false).await
}

async fn confirm_move(
    State(state): State<AppState>,
    page: Page,
    uri: Uri,
    Path(id): Path<i64>,
    Form(form): Form<MoveForm>,
) -> PageResult {
    let desk = Desk::of(&page, &uri)?;
    let (_, current, visit) = load(&state, &page, id, "appointment.move").await?;
    let start: Timestamp = form.start.parse().map_err(|_| PageError::NotFound)?;
    let earliest = desk.earliest(state.now());
    match appointments::reschedule(&state, &current, start, earliest, None).await {
        Ok(_) => see_other(&home(id)),
        Err(VisitError::Full | VisitError::Invalid(_)) => {
            taken_meanwhile(&state, page, &visit, &moving(desk, id), start).await
        }
        Err(VisitError::NotBooked | VisitError::Limit(_)) => see_other(&home(id)),
        Err(VisitError::Store(error)) => Err(error.into()),
    }
}
