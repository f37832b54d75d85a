//! Documents ready for pickup at the fast counter over the API: register, search (audited), hand
//! over once, and the list of documents to send back.

use crate::api::ApiJson;
use crate::api::auth::Staff;
use crate::api::problem::{ApiError, ApiResult};
use crate::i18n::{Tr, current_locale};
use crate::pickups::{self, PickupError, PickupInput, PickupView};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use loket_domain::staff::Role;
use loket_store::pickups::{Pickup, PickupStatus};
use loket_store::staff::StaffUser;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

impl From<PickupError> for ApiError {
    fn from(error: PickupError) -> Self {
        match error {
            PickupError::Invalid(errors) => ApiError::Invalid(errors),
            PickupError::NotFound => ApiError::NotFound,
            PickupError::NotReady(PickupStatus::Returned) => {
                ApiError::Conflict("pickup-problem-returned")
            }
            PickupError::NotReady(_) => ApiError::Conflict("pickup-problem-picked-up"),
            PickupError::Store(error) => error.into(),
        }
    }
}

fn require_any(staff: Staff, roles: &[Role]) -> ApiResult<StaffUser> {
    if roles.iter().any(|role| staff.0.has_role(*role)) {
        Ok(staff.0)
    } else {
        Err(ApiError::Forbidden)
    }
}

#[derive(Deserialize, ToSchema)]
pub struct PickupRequest {
    #[serde(default)]
    site: String,
    /// A product whose document is picked up later, e.g. `eid-afhalen`.
    #[serde(default)]
    product: String,
    #[serde(default)]
    holder_name: String,
    #[serde(default)]
    national_number: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    phone: Option<String>,
    /// The language of the holder's message: `nl` (default), `fr` or `en`.
    #[serde(default)]
    language: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RegisteredJson {
    id: i64,
    /// `ready`.
    status: &'static str,
    pickup_code: String,
}

/// Registers a document that arrived; its holder is told by e-mail when they gave an address.
#[utoipa::path(post, path = "/api/v1/pickups", tag = "fast-counter", request_body = PickupRequest,
    security(("bearer" = [])),
    responses((status = 201, body = RegisteredJson), (status = 401, body = crate::api::problem::Problem),
              (status = 403, body = crate::api::problem::Problem), (status = 422, body = crate::api::problem::Problem)))]
pub async fn register(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(request): ApiJson<PickupRequest>,
) -> ApiResult<(StatusCode, Json<RegisteredJson>)> {
    let user = require_any(staff, &pickups::REGISTER_ROLES)?;
    let site = pickups::site(&state, &request.site).await?;
    let input = PickupInput {
        product: request.product,
        holder_name: request.holder_name,
        national_number: request.national_number.unwrap_or_default(),
        email: request.email.unwrap_or_default(),
        phone: request.phone.unwrap_or_default(),
        language: request.language.unwrap_or_default(),
    };
    let pickup = pickups::register(&state, &user, &site, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(RegisteredJson {
            id: pickup.id,
            status: pickup.status.code(),
            pickup_code: pickup.pickup_code,
        }),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct PickupJson {
    id: i64,
    product: String,
    /// The document's name in the request's language.
    document: String,
    holder_name: String,
    /// Masked: `85.07.30-***.**`.
    national_number: Option<String>,
    pickup_code: String,
    /// `ready`, `picked_up` or `returned`.
    status: &'static str,
    /// RFC 3339 in the site's zone.
    registered_at: String,
    /// When it was handed over (RFC 3339 in the site's zone).
    picked_up_at: Option<String>,
    /// Collected by someone else with a proxy form.
    by_proxy: bool,
    has_email: bool,
    phone: Option<String>,
}

fn pickup_json(state: &AppState, pickup: Pickup, view: PickupView) -> PickupJson {
    PickupJson {
        id: pickup.id,
        product: pickup.product_code,
        document: view.document,
        holder_name: view.holder_name,
        national_number: view.national_number,
        pickup_code: view.pickup_code,
        status: pickup.status.code(),
        registered_at: state.local_instant(pickup.registered_at),
        picked_up_at: pickup.picked_up_at.map(|at| state.local_instant(at)),
        by_proxy: pickup.by_proxy,
        has_email: view.has_email,
        phone: view.phone,
    }
}

async fn pickups_json(state: &AppState, found: Vec<Pickup>) -> ApiResult<Json<Vec<PickupJson>>> {
    let views = pickups::views(state, found.clone(), Tr::new(current_locale())).await?;
    Ok(Json(
        found
            .into_iter()
            .zip(views)
            .map(|(pickup, view)| pickup_json(state, pickup, view))
            .collect(),
    ))
}

#[derive(Deserialize, IntoParams)]
pub struct SearchQuery {
    /// The site's code; the main site when absent.
    #[serde(default)]
    site: String,
    /// A name or part of it, a pickup code, or a national number in any notation.
    #[serde(default)]
    q: String,
}

/// Finds documents by name, pickup code or national number; every lookup is written to the audit
/// log (a national number masked).
#[utoipa::path(get, path = "/api/v1/pickups", tag = "fast-counter", params(SearchQuery),
    security(("bearer" = [])),
    responses((status = 200, body = Vec<PickupJson>), (status = 401, body = crate::api::problem::Problem),
              (status = 403, body = crate::api::problem::Problem)))]
pub async fn search(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<SearchQuery>,
) -> ApiResult<Json<Vec<PickupJson>>> {
    let user = require_any(staff, &pickups::COUNTER_ROLES)?;
    let site = pickups::site(&state, &query.site).await?;
    let found = pickups::search(&state, &user, &site, &query.q).await?;
    pickups_json(&state, found).await
}

#[derive(Deserialize, IntoParams)]
pub struct SiteQuery {
    /// The site's code; the main site when absent.
    #[serde(default)]
    site: String,
}

/// The documents not collected within three months, oldest first: to send back.
#[utoipa::path(get, path = "/api/v1/pickups/to-return", tag = "fast-counter", params(SiteQuery),
    security(("bearer" = [])),
    responses((status = 200, body = Vec<PickupJson>), (status = 401, body = crate::api::problem::Problem),
              (status = 403, body = crate::api::problem::Problem)))]
pub async fn to_return(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<SiteQuery>,
) -> ApiResult<Json<Vec<PickupJson>>> {
    require_any(staff, &pickups::COUNTER_ROLES)?;
    let site = pickups::site(&state, &query.site).await?;
    let waiting = pickups::to_return(&state, &site).await?;
    pickups_json(&state, waiting).await
}

#[derive(Deserialize, ToSchema)]
pub struct HandOverRequest {
    /// Collected by someone else, with a proxy form.
    #[serde(default)]
    proxy: bool,
}

#[derive(Serialize, ToSchema)]
pub struct StatusJson {
    /// `picked_up` or `returned`.
    status: &'static str,
}

/// Hands the document over; only once (409 when picked up or returned already).
#[utoipa::path(post, path = "/api/v1/pickups/{id}/hand-over", tag = "fast-counter", request_body = HandOverRequest,
    params(("id" = i64, Path, description = "The document's id")), security(("bearer" = [])),
    responses((status = 200, body = StatusJson), (status = 401, body = crate::api::problem::Problem),
              (status = 403, body = crate::api::problem::Problem), (status = 404, body = crate::api::problem::Problem),
              (status = 409, body = crate::api::problem::Problem)))]
pub async fn hand_over(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    ApiJson(request): ApiJson<HandOverRequest>,
) -> ApiResult<Json<StatusJson>> {
    let user = require_any(staff, &pickups::COUNTER_ROLES)?;
    let pickup = pickups::hand_over(&state, &user, id, request.proxy).await?;
    Ok(Json(StatusJson {
        status: pickup.status.code(),
    }))
}

/// Marks a document not collected as sent back (or its PIN/PUK codes destroyed); only once.
#[utoipa::path(post, path = "/api/v1/pickups/{id}/return", tag = "fast-counter",
    params(("id" = i64, Path, description = "The document's id")), security(("bearer" = [])),
    responses((status = 200, body = StatusJson), (status = 401, body = crate::api::problem::Problem),
              (status = 403, body = crate::api::problem::Problem), (status = 404, body = crate::api::problem::Problem),
              (status = 409, body = crate::api::problem::Problem)))]
pub async fn send_back(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<StatusJson>> {
    let user = require_any(staff, &pickups::COUNTER_ROLES)?;
    let pickup = pickups::send_back(&state, &user, id).await?;
    Ok(Json(StatusJson {
        status: pickup.status.code(),
    }))
}
