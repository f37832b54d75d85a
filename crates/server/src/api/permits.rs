//! Residents' parking cards over the API: applying (through `POST /api/v1/eloket/requests` with
//! type `bewonerskaart`) and the check parking enforcement makes of a plate.
//!
//! The check needs a staff token of the back office (the Mobility department's enforcement
//! works under it) or an administrator. It names no person, but whether a plate holds a card and
//! for which zone tells roughly where its owner lives; open to anyone, it could be asked for any
//! plate one sees, so it is not public.

use crate::api::auth::Staff;
use crate::api::problem::{ApiError, ApiResult};
use crate::eloket::parking::{self, ApplicationInput, ApplyError, Started};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Query, State};
use loket_domain::catalogue::FieldErrors;
use loket_domain::national_number::NationalNumber;
use loket_domain::parking::LicencePlate;
use loket_domain::staff::Role;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

/// Who may check plates.
pub const CHECK_ROLES: [Role; 2] = [Role::Backoffice, Role::Admin];

/// Applies for a card from the request body `{"type": "bewonerskaart", "plate", "duration",
/// "no_garage"?, "vehicle_fits"?}`. The citizen makes the two statements: an application that
/// sends either as anything but `true` is refused on that field. The API's first form had no such
/// fields, so an application without them is one whose client asked the citizen itself.
pub async fn apply(state: &AppState, owner: &NationalNumber, body: &Value) -> ApiResult<Started> {
    let text = |name: &str| body.get(name).and_then(Value::as_str).unwrap_or_default();
    let yes = |name: &str| match body.get(name) {
        None | Some(Value::Null) => true,
        Some(value) => value.as_bool() == Some(true),
    };
    let input = ApplicationInput {
        plate: text("plate").to_owned(),
        duration: text("duration").to_owned(),
        no_garage: yes("no_garage"),
        vehicle_fits: yes("vehicle_fits"),
    };
    parking::apply(state, owner, &input, crate::i18n::current_locale())
        .await
        .map_err(refusal)
}

/// An application that was not taken, as the API answers it.
pub fn refusal(error: ApplyError) -> ApiError {
    if let Some(message_id) = error.message_id() {
        return ApiError::Conflict(message_id);
    }
    match error {
        ApplyError::Invalid(errors) => ApiError::Invalid(errors),
        ApplyError::Store(error) => error.into(),
        other => {
            tracing::error!("a parking card application failed: {other}");
            ApiError::Internal
        }
    }
}

#[derive(Deserialize, IntoParams)]
pub struct CheckQuery {
    /// A licence plate, in any case, with or without dashes, dots or spaces.
    #[serde(default)]
    plate: String,
}

#[derive(Serialize, ToSchema)]
pub struct PermitJson {
    /// The plate as written on the car, e.g. `1-ABC-123`.
    plate: String,
    /// Whether the plate holds a residents' parking card valid now.
    valid: bool,
    /// The zone the card is for, when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    zone: Option<String>,
    /// The card's last day (YYYY-MM-DD), when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_until: Option<String>,
}

/// Whether a plate holds a valid residents' parking card, and for which zone: for parking
/// enforcement (back office or administrator).
#[utoipa::path(get, path = "/api/v1/permits/check", tag = "e-loket", security(("bearer" = [])),
    params(CheckQuery),
    responses((status = 200, body = PermitJson),
              (status = 401, body = crate::api::problem::Problem),
              (status = 403, body = crate::api::problem::Problem),
              (status = 422, body = crate::api::problem::Problem)))]
pub async fn check(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<CheckQuery>,
) -> ApiResult<Json<PermitJson>> {
    if !CHECK_ROLES.iter().any(|role| staff.0.has_role(*role)) {
        return Err(ApiError::Forbidden);
    }
    let plate = LicencePlate::parse(&query.plate).map_err(|error| {
        let mut errors = FieldErrors::default();
        errors.add("plate", error.message_id());
        ApiError::Invalid(errors)
    })?;
    let card = parking::valid_card(&state, &plate).await?;
    Ok(Json(PermitJson {
        plate: plate.to_string(),
        valid: card.is_some(),
        valid_until: card.as_ref().map(|card| card.last_day.to_string()),
        zone: card.map(|card| card.zone),
    }))
}
