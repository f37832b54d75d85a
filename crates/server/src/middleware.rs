//! What every request passes through: metrics, security headers, the same-origin check on forms,
//! the page context (language and signed-in staff member), and the rate limiter.

use crate::i18n::with_locale;
use crate::state::AppState;
use crate::web::page;
use axum::Router;
use axum::extract::{ConnectInfo, MatchedPath, Request};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use governor::{DefaultKeyedRateLimiter, Quota};
use loket_domain::locale::Locale;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub fn apply(router: Router, state: AppState) -> Router {
    router
        .layer(from_fn_with_state(state, page::attach))
        .layer(from_fn(reject_cross_site_forms))
        .layer(from_fn(security_headers))
        .layer(from_fn(record_metrics))
}

/// The language of a request: the visitor's choice (cookie `lang`), else their browser's, else Dutch.
pub fn request_locale(headers: &HeaderMap) -> Locale {
    let chosen = page::cookie(headers, page::LANGUAGE_COOKIE).and_then(|value| value.parse().ok());
    chosen.unwrap_or_else(|| {
        let accepted = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        Locale::from_accept_language(accepted)
    })
}

/// Runs the API handlers in the language of the `Accept-Language` header.
pub async fn api_locale(request: Request, next: Next) -> Response {
    let accepted = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let locale = Locale::from_accept_language(accepted);
    with_locale(locale, next.run(request)).await
}

/// Forms change things only when sent from Loket's own pages (browsers say where a request comes from).
async fn reject_cross_site_forms(request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe || request.uri().path().starts_with("/api/") || is_same_origin(request.headers()) {
        next.run(request).await
    } else {
        (
            StatusCode::FORBIDDEN,
            "This form was sent from another site and has been refused.",
        )
            .into_response()
    }
}

fn is_same_origin(headers: &HeaderMap) -> bool {
    let value = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = value("sec-fetch-site") {
        return matches!(site, "same-origin" | "none");
    }
    match (value("origin"), value("host")) {
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, authority)| authority == host),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

/// What pages may load and where their forms may go. `form-action` comes last, so a page whose
/// form leads on to another site (the citizen's sign-in provider) appends that origin.
pub(crate) const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let fixed = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
    ];
    for (name, value) in fixed {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    }
    response
}

/// The process-wide Prometheus recorder (several test servers in one process share it).
pub fn metrics_handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets(&[
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ])
            .expect("valid histogram buckets")
            .build_recorder();
        let handle = recorder.handle();
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

async fn record_metrics(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("loket_http_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!("loket_http_request_duration_seconds", "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}

/// Limits how often one address may try something costly or guessable (signing in, booking).
pub struct RateLimiter {
    limiter: DefaultKeyedRateLimiter<IpAddr>,
}

impl RateLimiter {
    /// 10 attempts at once, then one more every 6 seconds.
    pub fn new() -> RateLimiter {
        let quota = Quota::per_minute(NonZeroU32::new(10).expect("non-zero quota"));
        RateLimiter {
            limiter: DefaultKeyedRateLimiter::keyed(quota),
        }
    }

    /// Ok, or how long the address must wait.
    pub fn check(&self, address: IpAddr) -> Result<(), Duration> {
        self.limiter.check_key(&address).map_err(|not_until| {
            not_until.wait_time_from(governor::clock::Clock::now(
                &governor::clock::DefaultClock::default(),
            ))
        })
    }
}

impl Default for RateLimiter {
    fn default() -> Self {
        Self::new()
    }
}

/// The address a request comes from (the peer of the connection).
pub struct ClientAddress(pub IpAddr);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip());
        Ok(ClientAddress(
            peer.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        ))
    }
}

/// Whether this address may go on; `Err` carries the seconds to wait, for `Retry-After`.
pub fn rate_check(state: &AppState, client: &ClientAddress) -> Result<(), u64> {
    let Some(limiter) = &state.limiter else {
        return Ok(());
    };
    limiter
        .check(client.0)
        .map_err(|wait| wait.as_secs().max(1))
}
