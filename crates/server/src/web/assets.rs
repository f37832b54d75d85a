//! The stylesheet, the small script and the zone colours, embedded in the binary.

use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

const ASSETS: &[(&str, &str, &str)] = &[
    (
        "loket.css",
        "text/css; charset=utf-8",
        include_str!("../../static/loket.css"),
    ),
    (
        "loket.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/loket.js"),
    ),
    (
        "kiosk.css",
        "text/css; charset=utf-8",
        include_str!("../../static/kiosk.css"),
    ),
    (
        "ticket-paper.css",
        "text/css; charset=utf-8",
        include_str!("../../static/ticket-paper.css"),
    ),
    (
        "reception.css",
        "text/css; charset=utf-8",
        include_str!("../../static/reception.css"),
    ),
    (
        "manage.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/manage.js"),
    ),
    (
        "reception.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/reception.js"),
    ),
    (
        "kiosk.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/kiosk.js"),
    ),
    (
        "phone.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/phone.js"),
    ),
    (
        "ticket-print.css",
        "text/css; charset=utf-8",
        include_str!("../../static/ticket-print.css"),
    ),
    (
        "display.css",
        "text/css; charset=utf-8",
        include_str!("../../static/display.css"),
    ),
    (
        "display.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/display.js"),
    ),
    (
        "counter.css",
        "text/css; charset=utf-8",
        include_str!("../../static/counter.css"),
    ),
    (
        "counter.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/counter.js"),
    ),
    (
        "sales.css",
        "text/css; charset=utf-8",
        include_str!("../../static/sales.css"),
    ),
    (
        "sales.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/sales.js"),
    ),
    (
        "receipt-print.css",
        "text/css; charset=utf-8",
        include_str!("../../static/receipt-print.css"),
    ),
    (
        "fast-counter.css",
        "text/css; charset=utf-8",
        include_str!("../../static/fast-counter.css"),
    ),
    (
        "on-call.css",
        "text/css; charset=utf-8",
        include_str!("../../static/on-call.css"),
    ),
    (
        "on-call.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/on-call.js"),
    ),
];

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/static/{file}", get(asset))
        .route("/zones.css", get(zone_colours))
}

async fn asset(Path(file): Path<String>) -> Response {
    match ASSETS.iter().find(|(name, _, _)| *name == file) {
        Some((_, content_type, body)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            *body,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// One CSS class per zone letter, from the colours an administrator set: `.zone-B { --zone: #047857 }`.
async fn zone_colours(State(state): State<AppState>) -> Response {
    let mut css = String::new();
    if let Ok(sites) = state.store.sites().await {
        for site in sites {
            for zone in state.store.zones(site.id).await.unwrap_or_default() {
                css.push_str(&format!(
                    ".zone-{} {{ --zone: {}; }}\n",
                    zone.letter, zone.colour
                ));
            }
        }
    }
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        css,
    )
        .into_response()
}
