//! The counter on call over the API: where employees are, reception summoning a department, and
//! the employee who accepts, starts and finishes the visit.

use crate::api::ApiJson;
use crate::api::auth::Staff;
use crate::api::floor::TicketJson;
use crate::api::problem::{ApiError, ApiResult};
use crate::floor::on_call::{self, OnCallError, Summons};
use crate::floor::{self as floor_service, TicketView};
use crate::i18n::current_locale;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use loket_domain::catalogue::FieldErrors;
use loket_store::on_call::{Ending, OnCallRequest, Place, StaffState};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

impl From<OnCallError> for ApiError {
    fn from(error: OnCallError) -> Self {
        match error {
            OnCallError::NotFound => ApiError::NotFound,
            OnCallError::Forbidden => ApiError::Forbidden,
            OnCallError::Invalid(errors) => ApiError::Invalid(errors),
            OnCallError::WrongState => ApiError::Conflict("problem-on-call-state"),
            OnCallError::NoPlaceFree => ApiError::Conflict("problem-on-call-no-place"),
            OnCallError::Store(error) => error.into(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct PresenceRequest {
    /// `back_office`, `front_office`, `break` or `off`.
    #[serde(default)]
    state: String,
}

#[derive(Serialize, ToSchema)]
pub struct PresenceJson {
    state: &'static str,
}

/// Where the signed-in back-office employee is now; reception's view follows.
#[utoipa::path(post, path = "/api/v1/presence", tag = "on-call", request_body = PresenceRequest,
    responses((status = 200, body = PresenceJson), (status = 403, body = crate::api::problem::Problem),
              (status = 422, body = crate::api::problem::Problem)), security(("bearer" = [])))]
pub async fn presence(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(request): ApiJson<PresenceRequest>,
) -> ApiResult<Json<PresenceJson>> {
    let Some(presence) = StaffState::parse(&request.state) else {
        let mut errors = FieldErrors::default();
        errors.add("state", "error-on-call-presence");
        return Err(ApiError::Invalid(errors));
    };
    on_call::set_presence(&state, &staff.0, presence).await?;
    Ok(Json(PresenceJson {
        state: presence.code(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct SummonRequest {
    #[serde(default)]
    site: String,
    /// A product of channel `on_call`.
    #[serde(default)]
    product: String,
    #[serde(default)]
    citizen_name: String,
    /// A waiting ticket the citizen holds: it moves to the on-call product and keeps its arrival
    /// time and phone page.
    #[serde(default)]
    ticket_id: Option<i64>,
    #[serde(default)]
    note: String,
    /// The code of a meeting room wanted (a private talk, a large table); else a counter of the zone.
    #[serde(default)]
    room: String,
}

#[derive(Serialize, ToSchema)]
pub struct SummonedJson {
    id: i64,
    /// `waiting`.
    status: &'static str,
    ticket: TicketJson,
}

/// Reception summons an employee of the product's department; its employees in the back office
/// are alerted at once, and the citizen gets a ticket in the zone on call.
#[utoipa::path(post, path = "/api/v1/on-call", tag = "on-call", request_body = SummonRequest,
    responses((status = 201, body = SummonedJson), (status = 403, body = crate::api::problem::Problem),
              (status = 422, body = crate::api::problem::Problem)), security(("bearer" = [])))]
pub async fn summon(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(request): ApiJson<SummonRequest>,
) -> ApiResult<Response> {
    let summons = Summons {
        site: request.site,
        product: request.product,
        citizen_name: request.citizen_name,
        note: request.note,
        room: request.room,
        ticket_id: request.ticket_id,
    };
    let summoned = on_call::summon(&state, &staff.0, &summons).await?;
    let mut view: TicketView = floor_service::view(&state, summoned.issued.ticket).await?;
    view.track_token = Some(summoned.issued.track_token).filter(|token| !token.is_empty());
    let body = SummonedJson {
        id: summoned.request.id,
        status: summoned.request.status.code(),
        ticket: view.into(),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[derive(Deserialize, IntoParams)]
pub struct ListQuery {
    /// The site's code.
    #[serde(default)]
    site: String,
}

#[derive(Serialize, ToSchema)]
pub struct OnCallJson {
    id: i64,
    product: String,
    department: String,
    /// The citizen's ticket number.
    number: String,
    citizen_name: String,
    note: String,
    /// `waiting` or `accepted`.
    status: &'static str,
    /// RFC 3339 in the site's zone.
    requested_at: String,
    /// When the department was alerted again because nobody accepted in time.
    realerted_at: Option<String>,
    /// The name of the employee who accepted.
    accepted_by: Option<String>,
    counter: Option<i64>,
    room: Option<String>,
}

fn request_json(state: &AppState, request: OnCallRequest) -> OnCallJson {
    let (counter, room) = place_parts(request.place.as_ref());
    OnCallJson {
        id: request.id,
        product: request.product_code,
        department: request.department_code,
        number: request.ticket_label,
        citizen_name: request.citizen_name,
        note: request.note,
        status: request.status.code(),
        requested_at: state.local_instant(request.requested_at),
        realerted_at: request.realerted_at.map(|at| state.local_instant(at)),
        accepted_by: request.accepted_by_name,
        counter,
        room,
    }
}

fn place_parts(place: Option<&Place>) -> (Option<i64>, Option<String>) {
    match place {
        Some(Place::Counter(number)) => (Some(*number), None),
        Some(Place::Room(room)) => (None, Some(room.get(current_locale()).to_owned())),
        None => (None, None),
    }
}

/// The open requests of a site: reception sees all, the back office those of its departments.
#[utoipa::path(get, path = "/api/v1/on-call", tag = "on-call", params(ListQuery),
    responses((status = 200, body = [OnCallJson]), (status = 403, body = crate::api::problem::Problem),
              (status = 404, body = crate::api::problem::Problem)), security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> ApiResult<Json<Vec<OnCallJson>>> {
    if !on_call::LIST_ROLES
        .iter()
        .any(|role| staff.0.has_role(*role))
    {
        return Err(ApiError::Forbidden);
    }
    let site_id = floor_service::site_id(&state, &query.site).await?;
    let requests = on_call::visible_requests(&state, &staff.0, site_id).await?;
    Ok(Json(
        requests
            .into_iter()
            .map(|r| request_json(&state, r))
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct AcceptedJson {
    /// `accepted`.
    status: &'static str,
    /// The counter the citizen is called to, or
    #[serde(skip_serializing_if = "Option::is_none")]
    counter: Option<i64>,
    /// the meeting room, in the request's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    room: Option<String>,
}

/// An employee of the product's department accepts: the first gets it, with a free counter of
/// the zone or a room, and the citizen's ticket is called there. 409 when someone accepted first
/// or no place is free (the request keeps waiting).
#[utoipa::path(post, path = "/api/v1/on-call/{id}/accept", tag = "on-call", params(("id" = i64, Path)),
    responses((status = 200, body = AcceptedJson), (status = 403, body = crate::api::problem::Problem),
              (status = 409, body = crate::api::problem::Problem)), security(("bearer" = [])))]
pub async fn accept(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<AcceptedJson>> {
    let place = on_call::accept(&state, &staff.0, id).await?;
    let (counter, room) = place_parts(Some(&place));
    Ok(Json(AcceptedJson {
        status: "accepted",
        counter,
        room,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct StatusJson {
    status: &'static str,
}

/// The citizen arrived: service starts, and the summons is over.
#[utoipa::path(post, path = "/api/v1/on-call/{id}/start", tag = "on-call", params(("id" = i64, Path)),
    responses((status = 200, body = StatusJson), (status = 403, body = crate::api::problem::Problem),
              (status = 409, body = crate::api::problem::Problem)), security(("bearer" = [])))]
pub async fn start(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<StatusJson>> {
    on_call::start(&state, &staff.0, id).await?;
    Ok(Json(StatusJson { status: "serving" }))
}

#[derive(Deserialize, ToSchema, Default)]
pub struct FinishRequest {
    /// The products served, of the employee's departments.
    #[serde(default)]
    transactions: Vec<String>,
}

/// The visit ends with the transactions done; the employee goes back to the back office.
#[utoipa::path(post, path = "/api/v1/on-call/{id}/finish", tag = "on-call", params(("id" = i64, Path)),
    request_body = FinishRequest,
    responses((status = 200, body = StatusJson), (status = 403, body = crate::api::problem::Problem),
              (status = 409, body = crate::api::problem::Problem), (status = 422, body = crate::api::problem::Problem)),
    security(("bearer" = [])))]
pub async fn finish(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    ApiJson(request): ApiJson<FinishRequest>,
) -> ApiResult<Json<StatusJson>> {
    on_call::end(
        &state,
        &staff.0,
        id,
        Ending::Finished,
        &request.transactions,
    )
    .await?;
    Ok(Json(StatusJson { status: "finished" }))
}

/// The citizen did not come; the employee goes back to the back office.
#[utoipa::path(post, path = "/api/v1/on-call/{id}/no-show", tag = "on-call", params(("id" = i64, Path)),
    responses((status = 200, body = StatusJson), (status = 403, body = crate::api::problem::Problem),
              (status = 409, body = crate::api::problem::Problem)), security(("bearer" = [])))]
pub async fn no_show(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<StatusJson>> {
    on_call::end(&state, &staff.0, id, Ending::NoShow, &[]).await?;
    Ok(Json(StatusJson { status: "finished" }))
}

/// Reception takes back a request nobody accepted yet; its ticket is cancelled.
#[utoipa::path(post, path = "/api/v1/on-call/{id}/cancel", tag = "on-call", params(("id" = i64, Path)),
    responses((status = 200, body = StatusJson), (status = 403, body = crate::api::problem::Problem),
              (status = 409, body = crate::api::problem::Problem)), security(("bearer" = [])))]
pub async fn cancel(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<StatusJson>> {
    on_call::cancel(&state, &staff.0, id).await?;
    Ok(Json(StatusJson {
        status: "cancelled",
    }))
}
