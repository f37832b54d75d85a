//! Citizens signing in to the e-loket. In the demo a citizen picks one of the made-up residents
//! (`demo_national_number`); in production they sign in through the city's eID or itsme login in
//! the browser. A citizen's token is its own kind: it opens nothing of the staff's, and a staff
//! token opens nothing of a citizen's.

use crate::api::ApiJson;
use crate::api::auth::bearer_token;
use crate::api::problem::{ApiError, ApiResult};
use crate::state::AppState;
use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use jiff::SignedDuration;
use loket_domain::catalogue::FieldErrors;
use loket_domain::national_number::NationalNumber;
use loket_store::StoreError;
use loket_store::citizens::{Assurance, CitizenSession};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How long a citizen stays signed in.
pub const CITIZEN_SESSION_LIFETIME: SignedDuration = SignedDuration::from_hours(2);

#[derive(Deserialize, ToSchema)]
pub struct CitizenSessionRequest {
    /// Demo only: the national number of one of `GET /api/v1/demo/residents`.
    #[serde(default)]
    demo_national_number: String,
}

#[derive(Serialize, ToSchema)]
pub struct CitizenSessionResponse {
    /// A bearer token with citizen scope.
    token: String,
    /// RFC 3339 with the site's offset.
    expires_at: String,
}

/// Signs a citizen in. In the demo, as one of its made-up residents; elsewhere 404, since citizens
/// sign in through the city's login in the browser.
#[utoipa::path(post, path = "/api/v1/citizen/session", tag = "e-loket", request_body = CitizenSessionRequest,
    responses((status = 201, body = CitizenSessionResponse),
              (status = 404, description = "Not running as the demo", body = crate::api::problem::Problem),
              (status = 422, body = crate::api::problem::Problem)))]
pub async fn sign_in(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<CitizenSessionRequest>,
) -> ApiResult<(StatusCode, Json<CitizenSessionResponse>)> {
    if !state.settings.demo {
        return Err(ApiError::NotFound);
    }
    let resident = NationalNumber::parse(&request.demo_national_number)
        .map_err(|error| invalid_resident(error.message_id()))?;
    match state.store.register_entry(&resident).await {
        Ok(_) => {}
        Err(StoreError::NotFound) => return Err(invalid_resident("error-demo-resident")),
        Err(other) => return Err(other.into()),
    }
    let now = state.now();
    let session = state
        .store
        .start_citizen_session(
            resident.digits(),
            Assurance::High,
            now,
            CITIZEN_SESSION_LIFETIME,
        )
        .await?;
    state
        .store
        .audit(now, None, "citizen.sign-in", &resident.masked(), "demo")
        .await?;
    let answer = CitizenSessionResponse {
        token: session.token,
        expires_at: state.local_instant(session.expires_at),
    };
    Ok((StatusCode::CREATED, Json(answer)))
}

fn invalid_resident(message_id: &'static str) -> ApiError {
    let mut errors = FieldErrors::default();
    errors.add("demo_national_number", message_id);
    ApiError::Invalid(errors)
}

/// Signs the citizen out: the token opens nothing any more.
#[utoipa::path(delete, path = "/api/v1/citizen/session", tag = "e-loket", security(("bearer" = [])),
    responses((status = 204), (status = 401, body = crate::api::problem::Problem)))]
pub async fn sign_out(State(state): State<AppState>, citizen: Citizen) -> ApiResult<StatusCode> {
    state.store.end_citizen_session(&citizen.token).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct CitizenView {
    national_number: String,
    first_name: String,
    last_name: String,
    /// `Naamsestraat 10 bus 2, 3000 Leuven`
    address: String,
    /// `high` (eID, itsme, the demo) or `low` (an e-mail link).
    assurance: String,
}

/// Who the signed-in citizen is, as the register knows them.
#[utoipa::path(get, path = "/api/v1/citizen/me", tag = "e-loket", security(("bearer" = [])),
    responses((status = 200, body = CitizenView), (status = 401, body = crate::api::problem::Problem)))]
pub async fn me(State(state): State<AppState>, citizen: Citizen) -> ApiResult<Json<CitizenView>> {
    let number = NationalNumber::parse(&citizen.session.national_number)
        .map_err(|_| ApiError::Unauthorized)?;
    let entry = state.store.register_entry(&number).await?;
    Ok(Json(CitizenView {
        national_number: number.digits().to_owned(),
        first_name: entry.resident.first_name().to_owned(),
        last_name: entry.resident.last_name.clone(),
        address: entry.home.address.to_string(),
        assurance: citizen.session.assurance.code().to_owned(),
    }))
}

/// The citizen behind the request's bearer token.
pub struct Citizen {
    pub session: CitizenSession,
    token: String,
}

impl FromRequestParts<AppState> for Citizen {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = bearer_token(parts).ok_or(ApiError::Unauthorized)?;
        let session = state.store.citizen_session(token, state.now()).await?;
        session
            .map(|session| Citizen {
                session,
                token: token.to_owned(),
            })
            .ok_or(ApiError::Unauthorized)
    }
}
