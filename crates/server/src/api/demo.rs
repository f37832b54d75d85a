//! What only the demo offers: its made-up residents, to sign in as one of them.

use crate::api::problem::{ApiError, ApiResult};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct DemoResidentView {
    /// Eleven digits; made up, like everything about a demo resident.
    national_number: String,
    first_name: String,
    last_name: String,
    /// `Naamsestraat 10 bus 2, 3000 Leuven`
    address: String,
}

/// DEMO DATA ONLY: the made-up residents of the demo, by name, to pick one to sign in as.
/// Answers 404 unless Loket runs as the demo, where the register holds nobody real.
#[utoipa::path(get, path = "/api/v1/demo/residents", tag = "demo",
    responses((status = 200, description = "The demo's made-up residents", body = [DemoResidentView]),
              (status = 404, description = "Not running as the demo", body = crate::api::problem::Problem)))]
pub async fn residents(State(state): State<AppState>) -> ApiResult<Json<Vec<DemoResidentView>>> {
    if !state.settings.demo {
        return Err(ApiError::NotFound);
    }
    let residents = state.store.resident_summaries().await?;
    Ok(Json(
        residents
            .into_iter()
            .map(|r| DemoResidentView {
                national_number: r.national_number,
                first_name: r.first_name,
                last_name: r.last_name,
                address: r.address,
            })
            .collect(),
    ))
}
