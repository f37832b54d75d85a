//! `loket simulate`: plays a whole day of an office through the real floor on an accelerated
//! clock (appointments booked beforehand, walk-ins at the kiosk, check-ins, counters calling and
//! serving, summons, questions at reception), writes it into the database, and reports the day's
//! figures and how far the waits shown on the tickets were from the waits citizens had.

mod day;
mod report;
mod staff;
mod till;

pub use report::Report;

use crate::appointments::{self, Contact, VisitError};
use crate::state::AppState;
use anyhow::{Context, bail};
use jiff::civil::{Date, Time};
use jiff::{SignedDuration, Timestamp};
use loket_domain::calendar::Day;
use loket_domain::clock::ManualClock;
use loket_domain::simulation::{Errand, PlannedVisitor, Random, check_estimates, plan_day};
use loket_store::Store;
use loket_store::organisation::Site;
use std::collections::HashMap;
use std::sync::Arc;

pub struct SimulateOptions {
    pub date: Date,
    /// None: as many as an ordinary day of that length brings.
    pub visitors: Option<usize>,
    /// The same seed plays the same day; None takes the date's own, so each day differs.
    pub seed: Option<u64>,
    /// Stop at this local time, leaving the floor as it is then (for a look at the live view).
    pub until: Option<Time>,
    /// The site's code; the first site when None.
    pub site: Option<String>,
}

/// Plays the day into `store`, which must hold a site that is open that day and has no visits yet.
pub async fn run(store: Store, options: SimulateOptions) -> anyhow::Result<Report> {
    let started = std::time::Instant::now();
    let clock = Arc::new(ManualClock::at(Timestamp::UNIX_EPOCH));
    let state = AppState::new(store, clock.clone(), crate::AppOptions::default()).await?;
    let snapshot = state.books.current(&state.store).await?;
    let site = match &options.site {
        Some(code) => snapshot.site(code),
        None => snapshot.sites.first(),
    }
    .cloned()
    .context("the database holds no such site; install the demo with --demo")?;
    let opening = opening_of_day(&state, &site, options.date).await?;
    let zone = state.settings.time_zone.clone();
    let day_start = options.date.to_zoned(zone.clone())?.timestamp();
    refuse_unless_playable(&state, &site, options.date).await?;
    clock.set(day_start - SignedDuration::from_hours(36));
    let staff = staff::Staff::prepare(&state, &site).await?;
    let minutes_of = |code: &str| {
        snapshot
            .catalogue
            .iter()
            .find(|p| p.code == code)
            .map_or(5, |p| p.minutes)
    };
    let seed = options.seed.unwrap_or_else(|| date_seed(options.date));
    let mut random = Random::seeded(seed);
    let visitors = options.visitors.unwrap_or_else(|| ordinary_day(&opening));
    let plan = plan_day(visitors, &opening, &zone, minutes_of, &mut random);
    let bookings =
        book_appointments(&state, &site, options.date, &plan, staff.reception.id).await?;

    let until = options
        .until
        .map(|time| options.date.to_datetime(time).to_zoned(zone.clone()))
        .transpose()?
        .map(|zoned| zoned.timestamp());
    let outcome = day::play(
        &state,
        &clock,
        &site,
        &staff,
        day::Day {
            plan: &plan,
            bookings: &bookings,
            opening: &opening,
            until,
        },
        random,
    )
    .await?;

    let left_open = state.store.open_tickets(site.id).await?.len();
    if until.is_none() && left_open > 0 {
        bail!("the simulated day ended with {left_open} tickets still open");
    }
    let figures = crate::stats::daily(&state, &site, options.date, options.date)
        .await?
        .pop()
        .context("no figures for the day")?;
    let mut pickups = state
        .store
        .on_call_today(site.id, day_start)
        .await?
        .pickup_seconds;
    pickups.sort_unstable();
    Ok(Report {
        date: options.date,
        site_name: site.name.clone(),
        seed,
        planned: plan.len(),
        figures,
        appointments_booked: bookings.len(),
        appointments_not_booked: plan
            .iter()
            .filter(|v| matches!(v.errand, Errand::Appointment { .. }))
            .count()
            - bookings.len(),
        questions: outcome.questions,
        summons: outcome.summons,
        turned_away: outcome.turned_away,
        summons_pickup_median: pickups.get(pickups.len() / 2).copied(),
        estimates: check_estimates(&outcome.estimates),
        stopped_at: until.map(|at| at.to_zoned(zone.clone()).time()),
        elapsed: started.elapsed(),
    })
}

/// A day is played once, from an empty floor.
async fn refuse_unless_playable(state: &AppState, site: &Site, date: Date) -> anyhow::Result<()> {
    let played = crate::stats::daily(state, site, date, date).await?;
    if played.iter().any(|day| day.tickets > 0) {
        bail!(
            "{} already has visits on {date}; simulate another day or use another database",
            site.name
        );
    }
    let open_tickets = state.store.open_tickets(site.id).await?.len();
    if open_tickets > 0 {
        bail!(
            "the floor of {} still has {open_tickets} open tickets (of a simulated day stopped early?); \
             a simulated day starts from an empty floor",
            site.name
        );
    }
    Ok(())
}

/// Leuven sees 800 citizens a day on average over a week open 36.5 hours, so 1,200 on a
/// Thursday open from 9 to 20.
const VISITORS_PER_OPEN_HOUR: f64 = 110.0;

/// How many citizens an ordinary day with these opening hours brings.
fn ordinary_day(opening: &[(Timestamp, Timestamp)]) -> usize {
    let hours: f64 = opening
        .iter()
        .map(|(start, end)| end.duration_since(*start).as_secs_f64() / 3600.0)
        .sum();
    (hours * VISITORS_PER_OPEN_HOUR).round() as usize
}

/// 20261203 for 3 December 2026.
fn date_seed(date: Date) -> u64 {
    let number =
        i64::from(date.year()) * 10_000 + i64::from(date.month()) * 100 + i64::from(date.day());
    number.unsigned_abs()
}

/// The opening intervals of the site that day; an error when it is closed.
async fn opening_of_day(
    state: &AppState,
    site: &Site,
    date: Date,
) -> anyhow::Result<Vec<(Timestamp, Timestamp)>> {
    let hours = state.books.hours(&state.store, site).await?;
    match hours.calendar.day(date) {
        Day::Open(intervals) => Ok(intervals.iter().map(|i| (i.start, i.end)).collect()),
        Day::Closed(_) => bail!("{} is closed on {date}; choose a day it is open", site.name),
    }
}

/// A booked appointment of the plan: its kiosk code and start.
pub(crate) struct Booking {
    pub code: String,
    pub start: Timestamp,
}

/// Books each planned appointment at the free start nearest to when its citizen would like to
/// come, as the phone line does a day and a half before; by visitor index.
async fn book_appointments(
    state: &AppState,
    site: &Site,
    date: Date,
    plan: &[PlannedVisitor],
    booked_by: i64,
) -> anyhow::Result<HashMap<usize, Booking>> {
    let mut visits = HashMap::new();
    let mut bookings = HashMap::new();
    let earliest = appointments::earliest_start(state.now(), false);
    for (index, visitor) in plan.iter().enumerate() {
        let Errand::Appointment { product } = visitor.errand else {
            continue;
        };
        if !visits.contains_key(product) {
            let visit = appointments::resolve_visit(state, &site.code, &[product.to_owned()])
                .await
                .map_err(|error| anyhow::anyhow!("product {product}: {error:?}"))?;
            visits.insert(product, visit);
        }
        let visit = &visits[product];
        let mut slots = appointments::free_slots(state, visit, date, date, earliest).await?;
        slots.sort_by_key(|slot| slot.start.duration_since(visitor.arrival).abs());
        let Some(slot) = slots.first() else {
            continue;
        };
        let contact = Contact {
            name: format!("Bezoeker {}", index + 1),
            email: String::new(),
            phone: String::new(),
            national_number: None,
            locale: visitor.locale.parse().unwrap_or_default(),
        };
        match appointments::book(state, visit, slot.start, contact, Some(booked_by), earliest).await
        {
            Ok(booked) => {
                bookings.insert(
                    index,
                    Booking {
                        code: booked.appointment.code,
                        start: booked.appointment.start,
                    },
                );
            }
            Err(VisitError::Full) => {}
            Err(error) => bail!("booking a simulated appointment failed: {error:?}"),
        }
    }
    Ok(bookings)
}
