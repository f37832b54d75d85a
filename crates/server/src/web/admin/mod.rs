//! The administration: plain forms for the catalogue, the organisation and the staff. Only the
//! admin role gets here; every change is written to the audit log.

mod calendar;
mod counters;
mod departments;
mod products;
mod rubrics;
mod sites;
mod users;

use crate::state::AppState;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::render;
use askama::Template;
use axum::Router;
use axum::routing::get;
use loket_domain::staff::Role;
use loket_store::audit::AuditEntry;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin", get(overview))
        .merge(products::routes())
        .merge(users::routes())
        .merge(departments::routes())
        .merge(rubrics::routes())
        .merge(sites::routes())
        .merge(counters::routes())
        .merge(calendar::routes())
}

/// The signed-in administrator's id and the site a page is about; 401, 403 or 404 otherwise.
pub(super) async fn admin_site(
    state: &AppState,
    page: &Page,
    code: &str,
) -> Result<(i64, loket_store::organisation::Site), PageError> {
    let admin = page.require(Role::Admin)?.id;
    Ok((admin, state.store.site(code).await?))
}

#[derive(Template)]
#[template(path = "admin/index.html")]
struct OverviewTemplate {
    page: Page,
    audit: Vec<AuditLine>,
}

pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
}

async fn overview(
    axum::extract::State(state): axum::extract::State<AppState>,
    page: Page,
) -> PageResult {
    page.require(Role::Admin)?;
    let site_zone = match state.store.sites().await?.first() {
        Some(site) => jiff::tz::TimeZone::get(&site.time_zone).unwrap_or(jiff::tz::TimeZone::UTC),
        None => jiff::tz::TimeZone::UTC,
    };
    let audit = state
        .store
        .audit_entries(20)
        .await?
        .into_iter()
        .map(|entry: AuditEntry| {
            let local = entry.at.to_zoned(site_zone.clone());
            AuditLine {
                at: format!(
                    "{} {}",
                    page.t.date(local.date()),
                    page.t.time(local.time())
                ),
                actor: entry.actor.unwrap_or_default(),
                action: entry.action,
                subject: entry.subject,
            }
        })
        .collect();
    render(OverviewTemplate { page, audit })
}
