//! The `loket` web server: public pages, staff and admin pages, and the JSON API, over one store.

pub mod api;
pub mod appointments;
pub mod bench;
pub mod books;
pub mod certificates;
pub mod config;
pub mod eloket;
pub mod floor;
pub mod i18n;
pub mod mail;
mod middleware;
pub mod oidc;
pub mod outbox;
pub mod payments;
pub mod pickups;
pub mod retention;
pub mod sales;
pub mod simulate;
pub mod sms;
pub mod state;
pub mod stats;
pub mod web;

use crate::config::ServeConfig;
use crate::state::AppState;
use anyhow::Context;
use loket_domain::clock::{Clock, ShiftedClock, SystemClock};
use loket_store::Store;
use std::sync::Arc;

/// Everything a running server needs besides its listening socket.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    pub demo: bool,
    pub rate_limit: bool,
    pub secure_cookies: bool,
    /// The address citizens reach Loket at, for links in mails.
    pub public_url: String,
    pub limits: loket_store::appointments::BookingLimits,
    pub floor: floor::FloorRules,
    /// The city's OpenID Connect provider citizens sign in with; None: not offered.
    pub oidc: Option<oidc::OidcSettings>,
    /// How long the personal data of a visit is kept.
    pub visit_retention: retention::RetentionPeriod,
}

/// Builds the whole application over a migrated store.
pub async fn app(
    store: Store,
    clock: Arc<dyn Clock>,
    options: AppOptions,
) -> anyhow::Result<axum::Router> {
    Ok(router(AppState::new(store, clock, options).await?))
}

/// The routes of the whole application over its state.
pub fn router(state: AppState) -> axum::Router {
    middleware::metrics_handle();
    let routes = web::router(state.clone())
        .merge(api::router(state.clone()))
        .fallback(not_found);
    middleware::apply(routes, state)
}

/// `loket serve`: opens and migrates the database, installs the demo when asked, and serves.
pub async fn serve(config: ServeConfig) -> anyhow::Result<()> {
    let store = Store::connect(&config.database_url)
        .await
        .with_context(|| format!("opening the database {}", redact(&config.database_url)))?;
    store.migrate().await.context("migrating the database")?;
    let clock: Arc<dyn Clock> = match config.now {
        Some(start) => Arc::new(ShiftedClock::starting_at(start)),
        None => Arc::new(SystemClock),
    };
    if config.demo && store.install_demo(clock.now()).await? {
        tracing::info!("installed the Leuven demo; every demo account has the password `demo`");
    }
    let options = AppOptions {
        demo: config.demo,
        rate_limit: config.rate_limit,
        secure_cookies: config.secure_cookies,
        public_url: config.public_url.clone(),
        limits: config.limits,
        floor: config.floor,
        oidc: config.oidc.clone(),
        visit_retention: config.visit_retention,
    };
    tokio::spawn(purge_expired_sessions(store.clone(), clock.clone()));
    mail::start_outbox(store.clone(), clock.clone(), config.smtp.clone());
    sms::start_text_messages(store.clone(), clock.clone(), config.sms.clone());
    let state = AppState::new(store, clock, options).await?;
    tokio::spawn(mail::reminders::run_reminders(state.clone()));
    tokio::spawn(eloket::parking::run_reminders(state.clone()));
    tokio::spawn(floor::on_call::run_overdue_alerts(state.clone()));
    tokio::spawn(retention::run(state.clone()));
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("listening on {}", config.listen))?;
    tracing::info!("Loket listens on http://{}", listener.local_addr()?);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}

/// Removes expired sessions of staff and citizens once an hour, so the tables only hold sessions
/// that can still be used.
async fn purge_expired_sessions(store: Store, clock: Arc<dyn Clock>) {
    let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        hourly.tick().await;
        let now = clock.now();
        let purged = match store.purge_sessions(now).await {
            Ok(staff) => store
                .purge_citizen_sessions(now)
                .await
                .map(|citizens| staff + citizens),
            Err(error) => Err(error),
        };
        match purged {
            Ok(0) => {}
            Ok(count) => tracing::info!("removed {count} expired sessions"),
            Err(error) => tracing::warn!("could not remove expired sessions: {error}"),
        }
    }
}

/// An unknown path: a problem for the API, a translated page for everything else.
async fn not_found(uri: axum::http::Uri) -> axum::response::Response {
    use axum::response::IntoResponse;
    if uri.path().starts_with("/api/") {
        api::problem::ApiError::NotFound.into_response()
    } else {
        web::page::PageError::NotFound.into_response()
    }
}

/// A database URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://…{}", &url[..scheme], &url[at..]),
        _ => url.to_owned(),
    }
}
