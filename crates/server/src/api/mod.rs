//! The public HTTP API, version 1: JSON in and out, described by the OpenAPI document generated
//! from these handlers and served at `/api/v1/openapi.json`.

mod appointments;
mod auth;
mod catalogue;
pub mod citizen;
mod demo;
mod eloket;
mod floor;
mod on_call;
mod permits;
mod pickups;
pub mod problem;
mod sales;
mod staff;
mod stats;
mod verify;

use crate::middleware::{api_locale, metrics_handle};
use crate::state::AppState;
use axum::extract::{FromRequest, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::from_fn;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use loket_domain::catalogue::FieldErrors;
use problem::ApiError;
use serde::de::DeserializeOwned;
use std::sync::Arc;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(title = "Loket API", version = "1", description = "Appointments, tickets, counters, screens and the e-loket of a city office."),
    components(schemas(problem::Problem)),
    modifiers(&BearerToken),
    tags(
        (name = "catalogue", description = "Sites and products"),
        (name = "appointments", description = "Free times, bookings, cancelling and moving"),
        (name = "staff", description = "Staff sign-in and tools"),
        (name = "e-loket", description = "Citizens signing in, their requests, e-box and documents"),
        (name = "floor", description = "Kiosks, tickets, counters and waiting-room screens"),
        (name = "sales", description = "Sales and hand-outs at the fast counter and partner shops, with stock"),
        (name = "fast-counter", description = "Documents ready for pickup at the fast counter"),
        (name = "on-call", description = "The counter on call: staff presence, summons and visits"),
        (name = "demo", description = "Demo mode only: made-up data to try Loket with"),
        (name = "verification", description = "Checking that a document is one Loket issued"),
        (name = "statistics", description = "Figures per day for managers, without names"),
    )
)]
struct ApiDoc;

struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let scheme = HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build();
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

pub fn router(state: AppState) -> Router {
    let (routes, openapi) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(catalogue::sites))
        .routes(routes!(catalogue::products))
        .routes(routes!(appointments::availability))
        .routes(routes!(appointments::book))
        .routes(routes!(appointments::show))
        .routes(routes!(appointments::cancel))
        .routes(routes!(appointments::reschedule))
        .routes(routes!(floor::take_ticket))
        .routes(routes!(floor::check_in))
        .routes(routes!(floor::track))
        .routes(routes!(floor::display))
        .routes(routes!(floor::events))
        .routes(routes!(floor::sign_in))
        .routes(routes!(floor::sign_out))
        .routes(routes!(floor::pause))
        .routes(routes!(floor::resume))
        .routes(routes!(floor::call_next))
        .routes(routes!(floor::recall))
        .routes(routes!(floor::start))
        .routes(routes!(floor::no_show))
        .routes(routes!(floor::finish))
        .routes(routes!(floor::transfer))
        .routes(routes!(on_call::presence))
        .routes(routes!(on_call::summon, on_call::list))
        .routes(routes!(on_call::accept))
        .routes(routes!(on_call::start))
        .routes(routes!(on_call::finish))
        .routes(routes!(on_call::no_show))
        .routes(routes!(on_call::cancel))
        .routes(routes!(citizen::sign_in, citizen::sign_out))
        .routes(routes!(citizen::me))
        .routes(routes!(eloket::request_types))
        .routes(routes!(eloket::submit))
        .routes(routes!(eloket::ebox))
        .routes(routes!(eloket::document))
        .routes(routes!(permits::check))
        .routes(routes!(auth::token))
        .routes(routes!(staff::me))
        .routes(routes!(staff::audit_log))
        .routes(routes!(stats::daily_stats))
        .routes(routes!(sales::sell))
        .routes(routes!(sales::receipt))
        .routes(routes!(sales::stock))
        .routes(routes!(sales::received))
        .routes(routes!(sales::settings))
        .routes(routes!(sales::sales_points))
        .routes(routes!(pickups::register, pickups::search))
        .routes(routes!(pickups::to_return))
        .routes(routes!(pickups::hand_over))
        .routes(routes!(pickups::send_back))
        .routes(routes!(demo::residents))
        .routes(routes!(verify::by_file))
        .routes(routes!(verify::by_code))
        .split_for_parts();
    let openapi = Arc::new(openapi);
    routes
        .route(
            "/api/v1/openapi.json",
            get(move || async move { Json(openapi.as_ref().clone()) }),
        )
        .layer(from_fn(api_locale))
        .route("/healthz", get(health))
        .route("/metrics", get(metrics))
        .with_state(state)
}

/// Ready when the database answers.
async fn health(State(state): State<AppState>) -> impl IntoResponse {
    match state.store.sites().await {
        Ok(_) => (StatusCode::OK, "ok"),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable"),
    }
}

async fn metrics() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        metrics_handle().render(),
    )
}

/// A JSON body whose parse errors come back as a 422 problem naming the body.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(_) => {
                let mut errors = FieldErrors::default();
                errors.add("body", "error-json");
                Err(ApiError::Invalid(errors))
            }
        }
    }
}
