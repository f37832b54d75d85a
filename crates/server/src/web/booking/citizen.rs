//! The citizen's own page behind the secret link of the confirmation mail: see the appointment,
//! add it to a calendar, move or cancel it.

use super::desk::{Desk, Flow};
use super::steps::{day_page, taken_meanwhile, time_page};
use super::{total_fee, visit_error, when};
use crate::appointments::{self, Visit, VisitError, earliest_start, resolve_visit};
use crate::appointments::{things_to_bring, visit_summary};
use crate::state::AppState;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum_extra::extract::{Form, Query};
use jiff::Timestamp;
use loket_store::appointments::{Appointment, AppointmentStatus};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
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
            post(confirm_move),
        )
}

fn home(token: &str) -> String {
    format!("/appointments/manage/{token}")
}

fn moving(token: &str) -> Flow {
    Flow::Move {
        desk: Desk::Website,
        home: home(token),
    }
}

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
    render(ManageTemplate {
        when: when(&visit, appointment.start, t),
        summary: visit_summary(&appointment.products, &catalogue, t),
        bring: things_to_bring(&appointment.products, &catalogue, t),
        fee: t.fee(total_fee(&appointment.products, &catalogue)),
        qr: appointments::qr_svg(&appointment.code),
        address: visit.site().address.clone(),
        can_change: appointment.status == AppointmentStatus::Booked
            && appointment.start > state.now(),
        booked: appointment.status == AppointmentStatus::Booked,
        cancelled: appointment.status == AppointmentStatus::Cancelled,
        just_booked: !query.new.is_empty(),
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
            ("site", visit.site().name.clone()),
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
        &visit.site().address,
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
    action: String,
    back: String,
    when: String,
    staff: bool,
}

async fn cancel_form(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> PageResult {
    let (appointment, visit) = load(&state, &token).await?;
    let when = when(&visit, appointment.start, page.t);
    render(CancelTemplate {
        page,
        action: format!("{}/cancel", home(&token)),
        back: home(&token),
        when,
        staff: false,
    })
}

async fn cancel(State(state): State<AppState>, Path(token): Path<String>) -> PageResult {
    let appointment = state.store.appointment_by_token(&token).await?;
    match appointments::cancel(&state, appointment.id, Some(&token)).await {
        Ok(_) | Err(VisitError::NotBooked) => see_other(&home(&token)),
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
    day_page(&state, page, &visit, &moving(&token), &query.month).await
}

async fn choose_new_time(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
    Query(query): Query<MoveQuery>,
) -> PageResult {
    let (_, visit) = load(&state, &token).await?;
    time_page(&state, page, &visit, &moving(&token), &query.date, false).await
}

#[derive(Deserialize, Default)]
pub(super) struct MoveForm {
    #[serde(default)]
    pub start: String,
}

async fn confirm_move(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
    Form(form): Form<MoveForm>,
) -> PageResult {
    let (current, visit) = load(&state, &token).await?;
    let start: Timestamp = form.start.parse().map_err(|_| PageError::NotFound)?;
    let earliest = earliest_start(state.now(), false);
    match appointments::reschedule(&state, &current, start, earliest, Some(&token)).await {
        Ok(_) => see_other(&format!("{}?new=1", home(&token))),
        Err(VisitError::Full | VisitError::Invalid(_)) => {
            taken_meanwhile(&state, page, &visit, &moving(&token), start).await
        }
        Err(VisitError::NotBooked | VisitError::Limit(_)) => see_other(&home(&token)),
        Err(VisitError::Store(error)) => Err(error.into()),
    }
}
