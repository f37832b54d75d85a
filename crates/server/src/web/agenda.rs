//! The day agenda of a zone for staff: who is booked when, who came, who did not. A no-show is
//! recorded here, after the time has passed.

use crate::state::AppState;
use crate::web::booking::require_booking_role;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use jiff::ToSpan;
use jiff::civil::Date;
use loket_domain::catalogue::Channel;
use loket_domain::national_number::NationalNumber;
use loket_store::appointments::AppointmentStatus;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/appointments", get(agenda))
        .route("/staff/appointments/{id}/no-show", post(no_show))
}

pub struct AgendaLine {
    pub id: i64,
    pub time: String,
    pub code: String,
    pub name: String,
    pub contact: String,
    pub national_number: String,
    pub products: String,
    pub status: String,
    pub status_code: &'static str,
    pub can_mark_no_show: bool,
}

#[derive(Template)]
#[template(path = "agenda.html")]
struct AgendaTemplate {
    page: Page,
    day: String,
    date: String,
    zone: String,
    zones: Vec<String>,
    lines: Vec<AgendaLine>,
    previous: String,
    next: String,
    counts: Vec<(String, usize)>,
}

#[derive(Deserialize, Default)]
struct AgendaQuery {
    #[serde(default)]
    date: String,
    #[serde(default)]
    zone: String,
}

async fn agenda(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<AgendaQuery>,
) -> PageResult {
    let staff_id = require_booking_role(&page)?;
    let site = state
        .store
        .sites()
        .await?
        .into_iter()
        .next()
        .ok_or(PageError::NotFound)?;
    let zone_of_site = state.settings.time_zone.clone();
    let today = state.now().to_zoned(zone_of_site.clone()).date();
    let date: Date = query.date.parse().unwrap_or(today);
    let zones: Vec<String> = state
        .store
        .zones(site.id)
        .await?
        .into_iter()
        .map(|z| z.letter)
        .collect();
    let catalogue = state.store.products().await?;
    let booked_by_appointment = |letter: &String| {
        catalogue
            .iter()
            .any(|p| p.channel == Channel::Appointment && p.zone_letter.as_ref() == Some(letter))
    };
    let zone = match zones.iter().find(|letter| **letter == query.zone) {
        Some(chosen) => chosen.clone(),
        None => zones
            .iter()
            .find(|letter| booked_by_appointment(letter))
            .or(zones.first())
            .cloned()
            .unwrap_or_default(),
    };
    let start_of = |d: Date| {
        d.to_zoned(zone_of_site.clone())
            .map(|z| z.timestamp())
            .map_err(|_| PageError::NotFound)
    };
    let appointments = state
        .store
        .appointments_between(
            site.id,
            start_of(date)?,
            start_of(date.saturating_add(1.day()))?,
        )
        .await?;
    let t = page.t;
    let now = state.now();
    let lines: Vec<AgendaLine> = appointments
        .into_iter()
        .filter(|a| a.zone_letter == zone)
        .map(|a| AgendaLine {
            id: a.id,
            time: t.time(a.start.to_zoned(zone_of_site.clone()).time()),
            code: a.code.clone(),
            contact: [a.phone.as_str(), a.email.as_str()]
                .into_iter()
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
            national_number: NationalNumber::mask_stored(a.national_number.as_deref())
                .unwrap_or_default(),
            products: crate::appointments::visit_summary(&a.products, &catalogue, t).join(", "),
            status: t.get(a.status.message_id()),
            status_code: a.status.code(),
            can_mark_no_show: a.status == AppointmentStatus::Booked && a.end <= now,
            name: a.name,
        })
        .collect();
    let counts = [
        AppointmentStatus::Booked,
        AppointmentStatus::CheckedIn,
        AppointmentStatus::Served,
        AppointmentStatus::NoShow,
        AppointmentStatus::Cancelled,
    ]
    .into_iter()
    .map(|status| {
        (
            t.get(status.message_id()),
            lines
                .iter()
                .filter(|l| l.status_code == status.code())
                .count(),
        )
    })
    .collect();
    state
        .store
        .audit(
            now,
            Some(staff_id),
            "agenda.view",
            &format!("{} {zone}", date),
            "",
        )
        .await?;
    render(AgendaTemplate {
        day: t.date(date),
        date: date.to_string(),
        previous: format!(
            "/staff/appointments?date={}&zone={zone}",
            date.saturating_sub(1.day())
        ),
        next: format!(
            "/staff/appointments?date={}&zone={zone}",
            date.saturating_add(1.day())
        ),
        zone,
        zones,
        lines,
        counts,
        page,
    })
}

#[derive(Deserialize, Default)]
struct Back {
    #[serde(default)]
    date: String,
    #[serde(default)]
    zone: String,
}

async fn no_show(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    axum::extract::Form(back): axum::extract::Form<Back>,
) -> PageResult {
    let staff_id = require_booking_role(&page)?;
    match state.store.mark_no_show(id, state.now()).await {
        Ok(()) => {
            state
                .store
                .audit(
                    state.now(),
                    Some(staff_id),
                    "appointment.no-show",
                    &id.to_string(),
                    "",
                )
                .await?
        }
        Err(loket_store::StoreError::WrongState(_)) => {}
        Err(other) => return Err(other.into()),
    }
    see_other(&format!(
        "/staff/appointments?date={}&zone={}",
        back.date, back.zone
    ))
}
