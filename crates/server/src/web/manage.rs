//! The management view (`/manage`): per zone, live, how many wait and how long, the counters open
//! and paused, the counter pressure (citizens waiting per open counter), the tickets served this
//! hour, the appointments still to come and the no-shows so far; and how fast the departments on
//! call picked up today's requests. Figures only, never a name.

use crate::i18n::Tr;
use crate::state::AppState;
use crate::web::history;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::reception::{ZoneLine, today_span, zone_line};
use crate::web::render;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use jiff::{SignedDuration, Timestamp};
use loket_domain::staff::Role;
use loket_store::management::{DayWindow, OnCallToday, ZoneToday};
use loket_store::on_call::OnCallStatus;
use serde::Deserialize;

/// Who sees the management view.
pub const MANAGE_ROLES: [Role; 2] = [Role::Manager, Role::Admin];

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/manage", get(live))
        .route("/manage/history", get(history::history))
        .route("/manage/history.csv", get(history::history_csv))
}

/// A zone's row: the floor now, and its day so far.
struct ZoneRow {
    now: ZoneLine,
    pressure: String,
    today: ZoneToday,
}

/// How the departments on call did today.
struct OnCallFigures {
    requested: i64,
    waiting: usize,
    picked_up: usize,
    median: Option<String>,
    longest: Option<String>,
}

#[derive(Template)]
#[template(path = "manage.html")]
struct LiveTemplate {
    page: Page,
    site: String,
    site_name: String,
    sites: Vec<(String, String)>,
    zones: Vec<ZoneRow>,
    on_call: OnCallFigures,
    updated: String,
}

#[derive(Deserialize, Default)]
struct LiveQuery {
    #[serde(default)]
    site: String,
}

async fn live(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<LiveQuery>,
) -> PageResult {
    page.require_any(&MANAGE_ROLES)?;
    let snapshot = state.books.current(&state.store).await?;
    let site = snapshot
        .site_or_first(&query.site)
        .cloned()
        .ok_or(PageError::NotFound)?;
    let now = state.now();
    let floor = crate::floor::FloorNow::read(&state, site.id).await?;
    let window = day_window(&state, now)?;
    let mut today = state.store.zones_today(site.id, window).await?;
    let t = page.t;
    let zones = state
        .store
        .zones(site.id)
        .await?
        .iter()
        .map(|zone| {
            let now_line = zone_line(&floor, &zone.letter, zone.name(page.locale), now, t);
            ZoneRow {
                pressure: pressure(now_line.waiting, now_line.open, t),
                today: today.remove(&zone.letter).unwrap_or_default(),
                now: now_line,
            }
        })
        .collect();
    let waiting = state
        .store
        .open_on_call_requests(site.id)
        .await?
        .iter()
        .filter(|request| request.status == OnCallStatus::Waiting)
        .count();
    let on_call = on_call_figures(
        state.store.on_call_today(site.id, window.day_start).await?,
        waiting,
        t,
    );
    render(LiveTemplate {
        site: site.code.clone(),
        site_name: site.name.clone(),
        sites: snapshot
            .sites
            .iter()
            .map(|s| (s.code.clone(), s.name.clone()))
            .collect(),
        zones,
        on_call,
        updated: t.time(now.to_zoned(state.settings.time_zone.clone()).time()),
        page,
    })
}

/// Today in the city, this hour, and the moment before which an appointment not checked in is a
/// no-show (its check-in window has closed).
fn day_window(state: &AppState, now: Timestamp) -> Result<DayWindow, PageError> {
    let (day_start, day_end) = today_span(state)?;
    let seconds_into_hour = now.as_second().rem_euclid(3600);
    Ok(DayWindow {
        day_start,
        day_end,
        hour_start: now - SignedDuration::from_secs(seconds_into_hour),
        now,
        no_show_before: now - state.settings.floor.check_in.after,
    })
}

/// Citizens waiting per open counter, with one decimal; a dash when no counter is open.
fn pressure(waiting: usize, open: usize, t: Tr) -> String {
    if open == 0 {
        return if waiting == 0 {
            "0".into()
        } else {
            t.get("manage-no-counter-open")
        };
    }
    decimal(waiting as f64 / open as f64, t)
}

fn on_call_figures(today: OnCallToday, waiting: usize, t: Tr) -> OnCallFigures {
    let mut seconds = today.pickup_seconds.clone();
    seconds.sort_unstable();
    let minutes = |s: i64| t.count("minutes", (s + 30) / 60);
    OnCallFigures {
        requested: today.requested,
        waiting,
        picked_up: seconds.len(),
        median: (!seconds.is_empty()).then(|| minutes(seconds[seconds.len() / 2])),
        longest: seconds.last().map(|&s| minutes(s)),
    }
}

/// One decimal, with a decimal comma in Dutch and French.
pub(crate) fn decimal(value: f64, t: Tr) -> String {
    let text = format!("{value:.1}");
    match t.locale {
        loket_domain::locale::Locale::En => text,
        _ => text.replace('.', ","),
    }
}
