use crate::api::ApiJson;
use crate::api::problem::{ApiError, ApiResult};
use crate::appointments::{self, ContactForm, Email, VisitError, earliest_start, resolve_visit};
use crate::middleware::{ClientAddress, rate_check};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::Timestamp;
use jiff::civil::Date;
use loket_domain::catalogue::FieldErrors;
use loket_domain::national_number::NationalNumber;
use loket_store::appointments::Appointment;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
pub struct AvailabilityQuery {
    /// The site's code, e.g. `stadskantoor`.
    site: String,
    /// Product codes separated by commas; a code listed twice is two persons.
    products: String,
    /// First local date, `YYYY-MM-DD`; today when left out.
    from: Option<String>,
    /// Last local date, `YYYY-MM-DD`; the end of the booking horizon when left out.
    to: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SlotView {
    start: String,
    end: String,
    /// How many more visits like this can still be booked at this start.
    remaining: u32,
}

#[derive(Serialize, ToSchema)]
pub struct AvailabilityView {
    slots: Vec<SlotView>,
}

fn product_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|code| !code.is_empty())
        .map(str::to_owned)
        .collect()
}

fn parse_date(text: Option<&str>, field: &str, errors: &mut FieldErrors) -> Option<Date> {
    let text = text?;
    let date = text.trim().parse().ok();
    errors.check(date.is_some(), field, "error-date");
    date
}

impl From<VisitError> for ApiError {
    fn from(error: VisitError) -> Self {
        match error {
            VisitError::Invalid(errors) => ApiError::Invalid(errors),
            VisitError::Full => ApiError::Conflict("problem-slot-taken"),
            VisitError::NotBooked => ApiError::Conflict("problem-not-booked"),
            VisitError::Limit(limit) => ApiError::Conflict(appointments::limit_message(limit)),
            VisitError::Store(error) => error.into(),
        }
    }
}

/// Every start at which all the listed products can be served in one visit.
#[utoipa::path(get, path = "/api/v1/availability", tag = "appointments", params(AvailabilityQuery),
    responses((status = 200, body = AvailabilityView), (status = 422, body = crate::api::problem::Problem)))]
pub async fn availability(
    State(state): State<AppState>,
    Query(query): Query<AvailabilityQuery>,
) -> ApiResult<Json<AvailabilityView>> {
    let mut errors = FieldErrors::default();
    let from = parse_date(query.from.as_deref(), "from", &mut errors);
    let to = parse_date(query.to.as_deref(), "to", &mut errors);
    errors.into_result().map_err(ApiError::Invalid)?;
    let visit = resolve_visit(&state, &query.site, &product_list(&query.products)).await?;
    let today = state.now().to_zoned(visit.time_zone().clone()).date();
    let from = from.unwrap_or(today);
    let to = to.unwrap_or_else(|| appointments::POLICY.last_bookable_date(today));
    let earliest = earliest_start(state.now(), false);
    let slots = appointments::free_slots(&state, &visit, from, to, earliest).await?;
    Ok(Json(AvailabilityView {
        slots: slots
            .into_iter()
            .map(|slot| SlotView {
                start: state.local_instant(slot.start),
                end: state.local_instant(slot.end),
                remaining: slot.remaining,
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct BookingRequest {
    #[serde(default)]
    site: String,
    #[serde(default)]
    products: Vec<String>,
    /// RFC 3339, one of the starts `GET /api/v1/availability` offers.
    #[serde(default)]
    start: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: Option<String>,
    /// Checked with its check digits; shown masked afterwards.
    #[serde(default)]
    national_number: Option<String>,
    /// `nl` (default), `fr` or `en`: the language of the mails.
    #[serde(default)]
    locale: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AppointmentView {
    id: i64,
    /// Short and human, for the kiosk.
    code: String,
    /// Only in the answer to the booking: the secret of the manage link.
    #[serde(skip_serializing_if = "Option::is_none")]
    manage_token: Option<String>,
    #[schema(value_type = String, example = "booked")]
    status: loket_store::appointments::AppointmentStatus,
    start: String,
    end: String,
    site: String,
    zone: String,
    products: Vec<String>,
    name: String,
    email: String,
    phone: String,
    /// Masked: `85.07.30-***.**`.
    national_number: Option<String>,
}

impl AppointmentView {
    fn new(
        state: &AppState,
        appointment: Appointment,
        manage_token: Option<String>,
    ) -> AppointmentView {
        AppointmentView {
            id: appointment.id,
            code: appointment.code,
            manage_token,
            status: appointment.status,
            start: state.local_instant(appointment.start),
            end: state.local_instant(appointment.end),
            site: appointment.site_code,
            zone: appointment.zone_letter,
            products: appointment.products,
            name: appointment.name,
            email: appointment.email,
            phone: appointment.phone,
            national_number: NationalNumber::mask_stored(appointment.national_number.as_deref()),
        }
    }
}

fn parse_start(text: &str) -> Result<Timestamp, ApiError> {
    text.trim().parse::<Timestamp>().map_err(|_| {
        let mut errors = FieldErrors::default();
        errors.add("start", "error-start");
        ApiError::Invalid(errors)
    })
}

/// Books a visit at one of the free starts.
#[utoipa::path(post, path = "/api/v1/appointments", tag = "appointments", request_body = BookingRequest,
    responses((status = 201, body = AppointmentView), (status = 409, body = crate::api::problem::Problem),
              (status = 422, body = crate::api::problem::Problem), (status = 429, body = crate::api::problem::Problem)))]
pub async fn book(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiJson(request): ApiJson<BookingRequest>,
) -> ApiResult<(StatusCode, Json<AppointmentView>)> {
    rate_check(&state, &client).map_err(|retry_after| ApiError::TooManyRequests { retry_after })?;
    let mut errors = FieldErrors::default();
    let contact = ContactForm {
        name: request.name,
        email: request.email,
        phone: request.phone.unwrap_or_default(),
        national_number: request.national_number.unwrap_or_default(),
        locale: request.locale.unwrap_or_default(),
    }
    .parse(&mut errors, Email::Required);
    let start = parse_start(&request.start);
    let visit = resolve_visit(&state, &request.site, &request.products).await;
    if let Err(VisitError::Invalid(visit_errors)) = &visit {
        errors.0.extend(visit_errors.0.iter().cloned());
    }
    if let Err(ApiError::Invalid(start_errors)) = &start {
        errors.0.extend(start_errors.0.iter().cloned());
    }
    let (Some(contact), Ok(start), Ok(visit)) = (contact, start, visit) else {
        return Err(ApiError::Invalid(errors));
    };
    let booked = appointments::book(
        &state,
        &visit,
        start,
        contact,
        None,
        earliest_start(state.now(), false),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(AppointmentView::new(
            &state,
            booked.appointment,
            Some(booked.manage_token),
        )),
    ))
}

/// The appointment behind a manage link.
#[utoipa::path(get, path = "/api/v1/appointments/{manage_token}", tag = "appointments",
    params(("manage_token" = String, Path, description = "The secret of the manage link")),
    responses((status = 200, body = AppointmentView), (status = 404, body = crate::api::problem::Problem)))]
pub async fn show(
    State(state): State<AppState>,
    Path(manage_token): Path<String>,
) -> ApiResult<Json<AppointmentView>> {
    let appointment = state.store.appointment_by_token(&manage_token).await?;
    Ok(Json(AppointmentView::new(&state, appointment, None)))
}

/// Cancels the appointment; its place is free again at once.
#[utoipa::path(post, path = "/api/v1/appointments/{manage_token}/cancel", tag = "appointments",
    params(("manage_token" = String, Path, description = "The secret of the manage link")),
    responses((status = 200, body = AppointmentView), (status = 404, body = crate::api::problem::Problem),
              (status = 409, body = crate::api::problem::Problem)))]
pub async fn cancel(
    State(state): State<AppState>,
    Path(manage_token): Path<String>,
) -> ApiResult<Json<AppointmentView>> {
    let current = state.store.appointment_by_token(&manage_token).await?;
    let appointment = appointments::cancel(&state, current.id, Some(&manage_token)).await?;
    Ok(Json(AppointmentView::new(&state, appointment, None)))
}

#[derive(Deserialize, ToSchema)]
pub struct RescheduleRequest {
    #[serde(default)]
    start: String,
}

/// Moves the appointment to another free start; when that start is taken, the old time is kept.
#[utoipa::path(post, path = "/api/v1/appointments/{manage_token}/reschedule", tag = "appointments",
    params(("manage_token" = String, Path, description = "The secret of the manage link")), request_body = RescheduleRequest,
    responses((status = 200, body = AppointmentView), (status = 404, body = crate::api::problem::Problem),
              (status = 409, body = crate::api::problem::Problem), (status = 422, body = crate::api::problem::Problem)))]
pub async fn reschedule(
    State(state): State<AppState>,
    Path(manage_token): Path<String>,
    ApiJson(request): ApiJson<RescheduleRequest>,
) -> ApiResult<Json<AppointmentView>> {
    let start = parse_start(&request.start)?;
    let current = state.store.appointment_by_token(&manage_token).await?;
    let earliest = earliest_start(state.now(), false);
    let moved =
        appointments::reschedule(&state, &current, start, earliest, Some(&manage_token)).await?;
    Ok(Json(AppointmentView::new(&state, moved, None)))
}
