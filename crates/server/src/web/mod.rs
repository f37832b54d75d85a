//! Server-rendered pages: the public site, staff sign-in and the administration. Every form works
//! without JavaScript: parse, validate, re-render with the input kept on error, redirect on success.

mod address_changes;
pub mod admin;
mod agenda;
mod assets;
mod backoffice;
pub mod booking;
pub mod counter;
mod display;
pub mod eloket;
mod fast_counter;
pub mod form;
mod history;
mod kiosk;
pub mod manage;
mod outbox;
pub mod page;
mod phone;
mod public;
pub mod reception;
pub mod roster;
mod sales;
pub mod staff;
mod summons;
mod verify;

use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect};
use page::{PageError, PageResult};

pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(public::routes())
        .merge(booking::routes())
        .merge(agenda::routes())
        .merge(staff::routes())
        .merge(outbox::routes())
        .merge(roster::routes())
        .merge(admin::routes())
        .merge(kiosk::routes())
        .merge(phone::routes())
        .merge(display::routes())
        .merge(counter::routes())
        .merge(reception::routes())
        .merge(manage::routes())
        .merge(sales::routes())
        .merge(fast_counter::routes())
        .merge(assets::routes())
        .merge(address_changes::routes())
        .merge(backoffice::routes())
        .merge(summons::routes())
        .merge(verify::routes())
        .merge(eloket::routes())
        .with_state(state)
}

/// Renders a template into a 200 page.
pub fn render(template: impl Template) -> PageResult {
    Ok(Html(template.render().map_err(PageError::from)?).into_response())
}

/// Renders a form that came back with errors: the same page with status 422.
pub fn render_invalid(template: impl Template) -> PageResult {
    let html = template.render().map_err(PageError::from)?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}

/// Renders a form page: 200 when fresh, 422 when it comes back with errors.
pub fn render_form(template: impl Template, invalid: bool) -> PageResult {
    if invalid {
        render_invalid(template)
    } else {
        render(template)
    }
}

/// Post/Redirect/Get: after a successful form, send the browser to `to` with a 303.
pub fn see_other(to: &str) -> PageResult {
    Ok(Redirect::to(to).into_response())
}

/// Only a path on this site is a safe place to send someone back to.
pub fn local_path(candidate: &str) -> Option<&str> {
    let is_local =
        candidate.starts_with('/') && !candidate.starts_with("//") && !candidate.contains('\\');
    is_local.then_some(candidate)
}
