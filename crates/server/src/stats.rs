//! The statistics of a site per day: visitors, tickets, appointments, no-shows, transactions by
//! product, waiting and service times, and the counter pressure sampled every five minutes over
//! the opening hours. Figures only, never a name.

use crate::state::AppState;
use jiff::Timestamp;
use jiff::civil::Date;
use loket_domain::calendar::Day;
use loket_domain::stats::{
    PRESSURE_SAMPLE_SECONDS, Pressure, Spread, pressure, service_times, spread, visitors, waits,
};
use loket_store::StoreResult;
use loket_store::organisation::Site;
use std::collections::BTreeMap;

/// The most days one question may span.
pub const MAX_DAYS: i64 = 366;

/// One day's figures at a site.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyFigures {
    pub date: Date,
    pub visitors: i64,
    pub tickets: i64,
    pub appointments: i64,
    pub no_shows: i64,
    pub transactions: BTreeMap<String, i64>,
    pub wait: Option<Spread>,
    pub service: Option<Spread>,
    pub pressure: Option<Pressure>,
}

/// The figures of each day from `from` to `to`, both included.
pub async fn daily(
    state: &AppState,
    site: &Site,
    from: Date,
    to: Date,
) -> StoreResult<Vec<DailyFigures>> {
    let hours = state
        .books
        .current(&state.store)
        .await?
        .hours(&state.store, site)
        .await?;
    let zone = state.settings.time_zone.clone();
    let no_show_before = state.now() - state.settings.floor.check_in.after;
    let mut days = Vec::new();
    let mut date = from;
    while date <= to {
        let start = local_midnight(date, &zone)?;
        let end = local_midnight(date.tomorrow().map_err(invalid)?, &zone)?;
        let facts = state
            .store
            .day_facts(site.id, start, end, no_show_before)
            .await?;
        let samples = opening_samples(hours.calendar.day(date));
        days.push(DailyFigures {
            date,
            visitors: visitors(&facts.tickets),
            tickets: facts.tickets.len() as i64,
            appointments: facts.appointments,
            no_shows: facts.no_shows,
            wait: spread(&mut waits(&facts.tickets)),
            service: spread(&mut service_times(&facts.tickets)),
            pressure: pressure(&facts.tickets, &facts.presence, &samples),
            transactions: facts.transactions,
        });
        date = date.tomorrow().map_err(invalid)?;
    }
    Ok(days)
}

/// Every five minutes of the opening hours, in Unix seconds.
fn opening_samples(day: Day) -> Vec<i64> {
    let Day::Open(intervals) = day else {
        return Vec::new();
    };
    intervals
        .iter()
        .flat_map(|open| {
            (open.start.as_second()..open.end.as_second()).step_by(PRESSURE_SAMPLE_SECONDS as usize)
        })
        .collect()
}

fn local_midnight(date: Date, zone: &jiff::tz::TimeZone) -> StoreResult<Timestamp> {
    Ok(date.to_zoned(zone.clone()).map_err(invalid)?.timestamp())
}

fn invalid(error: jiff::Error) -> loket_store::StoreError {
    loket_store::StoreError::Invalid(error.to_string())
}

/// Whether `from`..=`to` is a span the statistics answer.
pub fn span_is_valid(from: Date, to: Date) -> bool {
    from <= to && i64::from((to - from).get_days()) < MAX_DAYS
}

/// Visitors per weekday (Monday first) and hour of the day over a span, in the city's time.
pub struct HeatMap {
    pub counts: [[i64; 24]; 7],
}

impl HeatMap {
    /// Office hours (8 to 19), widened to every hour that had visitors.
    pub fn hours(&self) -> std::ops::RangeInclusive<usize> {
        let busy = |hour: &usize| self.counts.iter().any(|day| day[*hour] > 0);
        let first = (0..24).find(busy).unwrap_or(8).min(8);
        let last = (0..24).rev().find(busy).unwrap_or(19).max(19);
        first..=last
    }

    pub fn most(&self) -> i64 {
        self.counts.iter().flatten().copied().max().unwrap_or(0)
    }
}

/// When visitors came over the days `from` to `to`, by weekday and hour.
pub async fn visitors_by_weekday_and_hour(
    state: &AppState,
    site: &Site,
    from: Date,
    to: Date,
) -> StoreResult<HeatMap> {
    let zone = state.settings.time_zone.clone();
    let start = local_midnight(from, &zone)?;
    let end = local_midnight(to.tomorrow().map_err(invalid)?, &zone)?;
    let mut counts = [[0; 24]; 7];
    for at in state.store.visit_starts(site.id, start, end).await? {
        let local = Timestamp::from_second(at)
            .map_err(invalid)?
            .to_zoned(zone.clone());
        let weekday = local.weekday().to_monday_zero_offset() as usize;
        counts[weekday][local.hour() as usize] += 1;
    }
    Ok(HeatMap { counts })
}
