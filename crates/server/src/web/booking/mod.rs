//! Booking an appointment, one question per page: what for, for how many persons, which day,
//! which time, who comes, check, booked. Citizens book on the website; employees book the same way
//! for a caller (`/staff/book`), may lift the lead time, and look up, move or cancel appointments.
//! The citizen's own page behind the secret link shows, moves and cancels. Everything works
//! without JavaScript.

mod citizen;
mod desk;
mod staff;
mod steps;

use crate::appointments::{Visit, VisitError, resolve_visit};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::web::page::PageError;
use axum::Router;
use jiff::Timestamp;
use loket_store::catalogue::Product;

pub use desk::{BOOKING_ROLES, require_booking_role};

pub fn routes() -> Router<AppState> {
    steps::routes()
        .merge(citizen::routes())
        .merge(staff::routes())
}

/// Products listed twice are two persons: "eid-aanvraag,eid-aanvraag,kids-id-aanvraag".
fn parse_products(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A visit booked at the city's main site (the first; a city with one office has one).
async fn main_site_visit(state: &AppState, codes: &[String]) -> Result<Visit, VisitError> {
    let site = state
        .store
        .sites()
        .await?
        .into_iter()
        .next()
        .ok_or(VisitError::Store(loket_store::StoreError::NotFound))?;
    resolve_visit(state, &site.code, codes).await
}

/// What the products of a visit cost together; None when one of the fees is not known.
fn total_fee(codes: &[String], catalogue: &[Product]) -> Option<i64> {
    codes
        .iter()
        .filter_map(|code| catalogue.iter().find(|p| &p.code == code))
        .try_fold(0, |sum, p| p.fee_cents.map(|fee| sum + fee))
}

/// "donderdag 10 december 2026 om 10.00 uur".
fn when(visit: &Visit, start: Timestamp, t: Tr) -> String {
    crate::appointments::when_text(visit.time_zone(), start, t)
}

fn visit_error(error: VisitError) -> PageError {
    match error {
        VisitError::Store(error) => error.into(),
        _ => PageError::NotFound,
    }
}
