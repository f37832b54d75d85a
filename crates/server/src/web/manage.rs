//! The management view (`/manage`): per zone, live, how many wait and how long, the counters open
//! and paused, the counter pressure (citizens waiting per open counter), the tickets served this
//! hour, the appointments still to come and the no-shows so far; and how fast the departments on
//! call picked up today's requests. Figures only, never a name.

use crate::i18n::Tr;
use crate::state::AppState;
use crate::stats::{DailyFigures, HeatMap, daily, span_is_valid, visitors_by_weekday_and_hour};
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::reception::{ZoneLine, today_span, zone_line};
use crate::web::{render, render_form};
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use loket_domain::catalogue::FieldErrors;
use loket_domain::staff::Role;
use loket_store::management::{DayWindow, OnCallToday, ZoneToday};
use loket_store::on_call::OnCallStatus;
use serde::Deserialize;

/// Who sees the management view.
pub const MANAGE_ROLES: [Role; 2] = [Role::Manager, Role::Admin];

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/manage", get(live))
        .route("/manage/history", get(history))
        .route("/manage/history.csv", get(history_csv))
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

#[derive(Deserialize, Default)]
struct HistoryQuery {
    #[serde(default)]
    site: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

/// The question of the history page: a site and a span of days, the last 30 by default.
struct Span {
    site: loket_store::organisation::Site,
    from: Date,
    to: Date,
}

fn span(
    state: &AppState,
    snapshot: &crate::books::Snapshot,
    query: &HistoryQuery,
) -> Result<(Span, FieldErrors), PageError> {
    let site = snapshot
        .site_or_first(&query.site)
        .cloned()
        .ok_or(PageError::NotFound)?;
    let today = state.local_date(state.now());
    let default_from = today
        .checked_sub(jiff::Span::new().days(29))
        .unwrap_or(today);
    let mut errors = FieldErrors::default();
    let read =
        |typed: &str, default: Date, field: &str, errors: &mut FieldErrors| match typed.trim() {
            "" => default,
            typed => typed.parse().unwrap_or_else(|_| {
                errors.add(field, "error-stats-date");
                default
            }),
        };
    let from = read(&query.from, default_from, "from", &mut errors);
    let to = read(&query.to, today, "to", &mut errors);
    let (from, to) = if span_is_valid(from, to) {
        (from, to)
    } else {
        errors.add("to", "error-stats-span");
        (default_from, today)
    };
    Ok((Span { site, from, to }, errors))
}

/// A day as the history shows it, its numbers written the way the reader's language does.
struct DayRow {
    date: String,
    visitors: i64,
    tickets: i64,
    appointments: i64,
    no_shows: i64,
    wait: [String; 3],
    service: [String; 2],
    pressure: [String; 2],
}

impl DayRow {
    fn new(day: &DailyFigures, t: Tr) -> DayRow {
        let number =
            |value: Option<f64>| value.map(|v| decimal(v, t)).unwrap_or_else(|| "–".into());
        DayRow {
            date: t.date(day.date),
            visitors: day.visitors,
            tickets: day.tickets,
            appointments: day.appointments,
            no_shows: day.no_shows,
            wait: [
                number(day.wait.map(|w| w.p50)),
                number(day.wait.map(|w| w.p90)),
                number(day.wait.map(|w| w.max)),
            ],
            service: [
                number(day.service.map(|s| s.p50)),
                number(day.service.map(|s| s.p90)),
            ],
            pressure: [
                number(day.pressure.map(|p| p.peak)),
                number(day.pressure.map(|p| p.mean)),
            ],
        }
    }
}

/// One decimal, with a decimal comma in Dutch and French.
fn decimal(value: f64, t: Tr) -> String {
    let text = format!("{value:.1}");
    match t.locale {
        loket_domain::locale::Locale::En => text,
        _ => text.replace('.', ","),
    }
}

/// A bar of the visitors chart, in the SVG's own units.
struct Bar {
    x: usize,
    y: i64,
    height: i64,
    label: String,
}

const CHART_HEIGHT: i64 = 160;
const BAR_STEP: usize = 22;

fn visitor_bars(days: &[DailyFigures], t: Tr) -> Vec<Bar> {
    let most = days.iter().map(|d| d.visitors).max().unwrap_or(0).max(1);
    days.iter()
        .enumerate()
        .map(|(i, day)| {
            let height = day.visitors * CHART_HEIGHT / most;
            Bar {
                x: i * BAR_STEP,
                y: CHART_HEIGHT - height,
                height,
                label: format!("{}: {}", t.date(day.date), day.visitors),
            }
        })
        .collect()
}

/// A weekday's row of the heat map: its name and, per hour shown, the visitors and a shade 0-4.
struct HeatRow {
    weekday: String,
    cells: Vec<(i64, usize)>,
}

fn heat_rows(map: &HeatMap, t: Tr) -> (Vec<usize>, Vec<HeatRow>) {
    let hours: Vec<usize> = map.hours().collect();
    let most = map.most().max(1);
    let rows = (0..7)
        .map(|day| HeatRow {
            weekday: t.weekday(
                jiff::civil::Weekday::from_monday_zero_offset(day as i8)
                    .unwrap_or(jiff::civil::Weekday::Monday),
            ),
            cells: hours
                .iter()
                .map(|&hour| {
                    let count = map.counts[day][hour];
                    let shade = if count == 0 {
                        0
                    } else {
                        1 + (count * 3 / most) as usize
                    };
                    (count, shade)
                })
                .collect(),
        })
        .collect();
    (hours, rows)
}

#[derive(Template)]
#[template(path = "manage_history.html")]
struct HistoryTemplate {
    page: Page,
    site: String,
    site_name: String,
    from: String,
    to: String,
    rows: Vec<DayRow>,
    bars: Vec<Bar>,
    chart_width: usize,
    chart_height: i64,
    heat_hours: Vec<usize>,
    heat_rows: Vec<HeatRow>,
    csv_link: String,
    errors: Errors,
}

/// The span asked for and its days, for a manager or admin.
async fn history_days(
    state: &AppState,
    page: &Page,
    query: &HistoryQuery,
) -> Result<(Span, FieldErrors, Vec<DailyFigures>), PageError> {
    page.require_any(&MANAGE_ROLES)?;
    let snapshot = state.books.current(&state.store).await?;
    let (span, errors) = span(state, &snapshot, query)?;
    let days = daily(state, &span.site, span.from, span.to).await?;
    Ok((span, errors, days))
}

async fn history(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<HistoryQuery>,
) -> PageResult {
    let (span, errors, days) = history_days(&state, &page, &query).await?;
    let t = page.t;
    let heat = visitors_by_weekday_and_hour(&state, &span.site, span.from, span.to).await?;
    let (heat_hours, heat_rows) = heat_rows(&heat, t);
    // After an error the fields show what was typed; otherwise the span shown.
    let shown = |used: Date, typed: &str| match errors.0.is_empty() {
        true => used.to_string(),
        false => typed.to_owned(),
    };
    let template = HistoryTemplate {
        site: span.site.code.clone(),
        site_name: span.site.name.clone(),
        from: shown(span.from, &query.from),
        to: shown(span.to, &query.to),
        rows: days.iter().map(|day| DayRow::new(day, t)).collect(),
        chart_width: days.len().max(1) * BAR_STEP,
        chart_height: CHART_HEIGHT,
        bars: visitor_bars(&days, t),
        heat_hours,
        heat_rows,
        csv_link: format!(
            "/manage/history.csv?site={}&from={}&to={}",
            span.site.code, span.from, span.to
        ),
        errors: Errors::translate(&errors, t),
        page,
    };
    let invalid = !template.errors.is_empty();
    render_form(template, invalid)
}

/// The history as CSV for a spreadsheet: `;` between fields and the reader's decimal sign, as
/// spreadsheets in Belgium expect, with a byte order mark so accents survive.
async fn history_csv(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<HistoryQuery>,
) -> PageResult {
    let (span, errors, days) = history_days(&state, &page, &query).await?;
    if !errors.0.is_empty() {
        return Err(PageError::NotFound);
    }
    let t = page.t;
    let columns = [
        "manage-csv-date",
        "manage-csv-visitors",
        "manage-csv-tickets",
        "manage-csv-appointments",
        "manage-csv-no-shows",
        "manage-csv-wait-p50",
        "manage-csv-wait-p90",
        "manage-csv-wait-max",
        "manage-csv-service-p50",
        "manage-csv-service-p90",
        "manage-csv-pressure-peak",
        "manage-csv-pressure-mean",
    ]
    .map(|id| t.get(id));
    let mut csv = String::from("\u{feff}");
    csv.push_str(&columns.join(";"));
    csv.push_str("\r\n");
    for day in &days {
        let number = |value: Option<f64>| value.map(|v| decimal(v, t)).unwrap_or_default();
        let fields = [
            day.date.to_string(),
            day.visitors.to_string(),
            day.tickets.to_string(),
            day.appointments.to_string(),
            day.no_shows.to_string(),
            number(day.wait.map(|w| w.p50)),
            number(day.wait.map(|w| w.p90)),
            number(day.wait.map(|w| w.max)),
            number(day.service.map(|s| s.p50)),
            number(day.service.map(|s| s.p90)),
            number(day.pressure.map(|p| p.peak)),
            number(day.pressure.map(|p| p.mean)),
        ];
        csv.push_str(&fields.join(";"));
        csv.push_str("\r\n");
    }
    let name = format!(
        "attachment; filename=\"loket-{}-{}-{}.csv\"",
        span.site.code, span.from, span.to
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, name),
        ],
        csv,
    )
        .into_response())
}
