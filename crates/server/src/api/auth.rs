use crate::api::ApiJson;
use crate::api::problem::{ApiError, ApiResult};
use crate::middleware::{ClientAddress, rate_check};
use crate::state::AppState;
use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::header;
use axum::http::request::Parts;
use jiff::SignedDuration;
use loket_domain::catalogue::FieldErrors;
use loket_domain::staff::Role;
use loket_store::staff::{SessionKind, StaffUser};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How long an API token lasts: a working day.
pub const API_TOKEN_LIFETIME: SignedDuration = SignedDuration::from_hours(12);

#[derive(Deserialize, ToSchema)]
pub struct TokenRequest {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    token: String,
    /// RFC 3339 with the site's offset.
    expires_at: String,
}

/// Exchanges a staff username and password for a bearer token.
#[utoipa::path(post, path = "/api/v1/auth/token", tag = "staff", request_body = TokenRequest,
    responses((status = 200, body = TokenResponse), (status = 401, body = crate::api::problem::Problem),
              (status = 422, body = crate::api::problem::Problem), (status = 429, body = crate::api::problem::Problem)))]
pub async fn token(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiJson(request): ApiJson<TokenRequest>,
) -> ApiResult<Json<TokenResponse>> {
    let mut errors = FieldErrors::default();
    errors.check(
        !request.username.trim().is_empty(),
        "username",
        "error-required",
    );
    errors.check(!request.password.is_empty(), "password", "error-required");
    errors.into_result().map_err(ApiError::Invalid)?;
    rate_check(&state, &client).map_err(|retry_after| ApiError::TooManyRequests { retry_after })?;
    let user = state
        .store
        .authenticate(request.username.trim(), &request.password)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    let now = state.now();
    let session = state
        .store
        .start_session(user.id, SessionKind::Api, now, API_TOKEN_LIFETIME)
        .await?;
    state
        .store
        .audit(now, Some(user.id), "staff.token", &user.username, "")
        .await?;
    Ok(Json(TokenResponse {
        token: session.token,
        expires_at: state.local_instant(session.expires_at),
    }))
}

/// The staff member behind the request's bearer token.
pub struct Staff(pub StaffUser);

impl Staff {
    /// The staff member when they hold `role`, else 403.
    pub fn require(self, role: Role) -> ApiResult<StaffUser> {
        if self.0.has_role(role) {
            Ok(self.0)
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = bearer_token(parts).ok_or(ApiError::Unauthorized)?;
        let user = state
            .store
            .session_user(token, SessionKind::Api, state.now())
            .await?;
        user.map(Staff).ok_or(ApiError::Unauthorized)
    }
}

/// The token of the request's `Authorization: Bearer …` header.
pub fn bearer_token(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
}
