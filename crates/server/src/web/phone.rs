//! The ticket on the citizen's phone, behind the QR code of the paper ticket: one glance says
//! "wait" or "go to counter 3". Without JavaScript a link refreshes it; with JavaScript it follows
//! the site's events and changes by itself, and buzzes when the ticket is called.

use crate::floor::{self, FloorError};
use crate::state::AppState;
use crate::web::kiosk::TicketShown;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::render;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};
use axum::routing::get;

pub fn routes() -> Router<AppState> {
    Router::new().route("/t/{token}", get(phone_ticket))
}

#[derive(Template)]
#[template(path = "kiosk/phone.html")]
struct PhoneTemplate {
    page: Page,
    site: String,
    token: String,
    ticket: TicketShown,
}

#[derive(Template)]
#[template(path = "kiosk/phone_unknown.html")]
struct UnknownTemplate {
    page: Page,
}

async fn phone_ticket(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> PageResult {
    let view = match floor::tracked(&state, &token).await {
        Ok(view) => view,
        Err(FloorError::NotFound) => {
            let html = UnknownTemplate { page }.render().map_err(PageError::from)?;
            return Ok((StatusCode::NOT_FOUND, Html(html)).into_response());
        }
        Err(error) => {
            tracing::error!("the phone page could not read a ticket: {error:?}");
            return Err(PageError::Internal);
        }
    };
    let site = state
        .store
        .sites()
        .await?
        .into_iter()
        .find(|s| s.id == view.ticket.site_id)
        .ok_or(PageError::NotFound)?;
    render(PhoneTemplate {
        ticket: TicketShown::new(&state, &site, &view, &token, page.t).await?,
        site: site.code,
        token,
        page,
    })
}
