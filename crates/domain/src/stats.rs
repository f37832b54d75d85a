//! The figures of a day at a site, computed from what happened on the floor: waits and service
//! times as spreads, and the counter pressure (citizens waiting per open counter) sampled over the
//! opening hours; and the periods (day, ISO week, calendar month) days are added up in. No names
//! go in, none come out.

use jiff::civil::Date;
use std::collections::BTreeMap;

/// A ticket as the statistics see it; instants in Unix seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketFacts {
    pub issued_at: i64,
    pub called_at: Option<i64>,
    pub started_at: Option<i64>,
    pub finished_at: Option<i64>,
    /// Whether the service ended in a done visit.
    pub done: bool,
    pub cancelled: bool,
    /// A ticket made by a transfer continues a visit; it is not a new visitor.
    pub transferred: bool,
    /// The product the ticket was taken for.
    pub product_id: i64,
}

/// A counter opening, pausing or closing; instants in Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresenceChange {
    pub at: i64,
    pub counter_id: i64,
    pub open: bool,
}

/// Median, 90th percentile and maximum, in minutes with one decimal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub p50: f64,
    pub p90: f64,
    pub max: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pressure {
    pub peak: f64,
    pub mean: f64,
}

/// How often the pressure is sampled.
pub const PRESSURE_SAMPLE_SECONDS: i64 = 300;

/// The spread of durations given in seconds, or None without any.
pub fn spread(seconds: &mut [i64]) -> Option<Spread> {
    if seconds.is_empty() {
        return None;
    }
    seconds.sort_unstable();
    let minutes = |s: i64| (s as f64 / 6.0).round() / 10.0;
    Some(Spread {
        p50: minutes(nearest_rank(seconds, 50)),
        p90: minutes(nearest_rank(seconds, 90)),
        max: minutes(seconds[seconds.len() - 1]),
    })
}

/// The value at `percent` of sorted `values` by the nearest-rank method.
fn nearest_rank(values: &[i64], percent: usize) -> i64 {
    let rank = (values.len() * percent).div_ceil(100).max(1);
    values[rank - 1]
}

/// How long each ticket waited in line until it was called, in seconds.
pub fn waits(tickets: &[TicketFacts]) -> Vec<i64> {
    tickets
        .iter()
        .filter_map(|t| t.called_at.map(|called| (called - t.issued_at).max(0)))
        .collect()
}

/// How long each finished visit took at the counter, in seconds.
pub fn service_times(tickets: &[TicketFacts]) -> Vec<i64> {
    tickets
        .iter()
        .filter(|t| t.done)
        .filter_map(|t| Some((t.finished_at? - t.started_at?).max(0)))
        .collect()
}

/// Visitors: the visits begun (a transfer continues one), without those who left before being
/// called.
pub fn visitors(tickets: &[TicketFacts]) -> i64 {
    tickets
        .iter()
        .filter(|t| !t.transferred && !t.cancelled)
        .count() as i64
}

/// The counter pressure at each of `samples` (Unix seconds) at which at least one counter was
/// open: its peak and mean, with one decimal. Counters start the day closed.
pub fn pressure(
    tickets: &[TicketFacts],
    presence: &[PresenceChange],
    samples: &[i64],
) -> Option<Pressure> {
    Pressure::of(&pressure_samples(tickets, presence, samples))
}

/// The counter pressure at each of `samples` (Unix seconds) at which at least one counter was
/// open. Counters start the day closed.
pub fn pressure_samples(
    tickets: &[TicketFacts],
    presence: &[PresenceChange],
    samples: &[i64],
) -> Vec<f64> {
    let mut values = Vec::new();
    for &at in samples {
        let open = open_counters(presence, at);
        if open == 0 {
            continue;
        }
        let waiting = tickets
            .iter()
            .filter(|t| {
                t.issued_at <= at && t.called_at.or(t.finished_at).is_none_or(|end| end > at)
            })
            .count();
        values.push(waiting as f64 / open as f64);
    }
    values
}

impl Pressure {
    /// The peak and mean of sampled pressures, with one decimal; None without samples.
    pub fn of(values: &[f64]) -> Option<Pressure> {
        if values.is_empty() {
            return None;
        }
        let one_decimal = |v: f64| (v * 10.0).round() / 10.0;
        Some(Pressure {
            peak: one_decimal(values.iter().copied().fold(0.0, f64::max)),
            mean: one_decimal(values.iter().sum::<f64>() / values.len() as f64),
        })
    }
}

/// What the history adds days up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Per {
    #[default]
    Day,
    /// An ISO week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
}

impl Per {
    pub const ALL: [Per; 3] = [Per::Day, Per::Week, Per::Month];

    /// How the choice is written in an address: `dag`, `week`, `maand`.
    pub fn code(self) -> &'static str {
        match self {
            Per::Day => "dag",
            Per::Week => "week",
            Per::Month => "maand",
        }
    }

    pub fn parse(code: &str) -> Option<Per> {
        Self::ALL.into_iter().find(|per| per.code() == code)
    }

    /// The first day of the period `date` falls in.
    pub fn start(self, date: Date) -> Date {
        match self {
            Per::Day => date,
            Per::Week => {
                let since_monday = date.weekday().to_monday_zero_offset();
                date.checked_sub(jiff::Span::new().days(since_monday))
                    .unwrap_or(date)
            }
            Per::Month => date.first_of_month(),
        }
    }

    /// The days from `from` to `to`, both included, cut into periods: the first and last day of
    /// each, a period cut by the span holding only the days inside it.
    pub fn periods(self, from: Date, to: Date) -> Vec<(Date, Date)> {
        let mut periods: Vec<(Date, Date)> = Vec::new();
        let mut date = from;
        while date <= to {
            match periods.last_mut() {
                Some((first, last)) if self.start(*first) == self.start(date) => *last = date,
                _ => periods.push((date, date)),
            }
            match date.tomorrow() {
                Ok(next) => date = next,
                Err(_) => break,
            }
        }
        periods
    }
}

/// How many counters were open at `at`, by the last change of each before it.
fn open_counters(presence: &[PresenceChange], at: i64) -> usize {
    let mut state: BTreeMap<i64, bool> = BTreeMap::new();
    for change in presence.iter().filter(|c| c.at <= at) {
        state.insert(change.counter_id, change.open);
    }
    state.values().filter(|open| **open).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(issued: i64, called: Option<i64>) -> TicketFacts {
        TicketFacts {
            issued_at: issued,
            called_at: called,
            started_at: called,
            finished_at: called.map(|c| c + 600),
            done: called.is_some(),
            cancelled: false,
            transferred: false,
            product_id: 1,
        }
    }

    #[test]
    fn spreads_use_the_nearest_rank_in_minutes() {
        let mut seconds: Vec<i64> = (1..=10).map(|m| m * 60).collect();
        let spread = spread(&mut seconds).unwrap();
        assert_eq!((spread.p50, spread.p90, spread.max), (5.0, 9.0, 10.0));
        assert_eq!(super::spread(&mut []), None);
    }

    #[test]
    fn pressure_counts_waiting_per_open_counter_and_skips_closed_moments() {
        let tickets = [
            ticket(0, Some(900)),
            ticket(0, Some(1500)),
            ticket(600, None),
        ];
        let presence = [
            PresenceChange {
                at: 300,
                counter_id: 1,
                open: true,
            },
            PresenceChange {
                at: 1200,
                counter_id: 2,
                open: true,
            },
        ];
        // At 0 nobody is open; at 600 one counter for 3; at 1200 two for 2.
        let pressure = pressure(&tickets, &presence, &[0, 600, 1200]).unwrap();
        assert_eq!((pressure.peak, pressure.mean), (3.0, 2.0));
    }

    #[test]
    fn a_transfer_is_no_new_visitor_and_leaving_unserved_is_none() {
        let mut transferred = ticket(0, Some(60));
        transferred.transferred = true;
        let mut left = ticket(0, None);
        left.cancelled = true;
        assert_eq!(visitors(&[ticket(0, Some(60)), transferred, left]), 1);
    }

    #[test]
    fn weeks_are_iso_weeks_and_months_calendar_months_cut_by_the_span() {
        let date = |s: &str| s.parse::<Date>().unwrap();
        let weeks = Per::Week.periods(date("2026-11-27"), date("2026-12-09"));
        assert_eq!(
            weeks,
            [
                (date("2026-11-27"), date("2026-11-29")),
                (date("2026-11-30"), date("2026-12-06")),
                (date("2026-12-07"), date("2026-12-09")),
            ]
        );
        let months = Per::Month.periods(date("2026-11-27"), date("2027-01-02"));
        assert_eq!(months.len(), 3);
        assert_eq!(months[1], (date("2026-12-01"), date("2026-12-31")));
        assert_eq!(
            Per::Day
                .periods(date("2026-12-03"), date("2026-12-04"))
                .len(),
            2
        );
        assert_eq!(Per::Week.start(date("2026-12-07")), date("2026-12-07"));
    }

    #[test]
    fn the_pressure_of_several_days_is_the_peak_and_mean_of_all_their_samples() {
        let pressure = Pressure::of(&[1.0, 2.0, 6.0]).unwrap();
        assert_eq!((pressure.peak, pressure.mean), (6.0, 3.0));
        assert_eq!(Pressure::of(&[]), None);
    }
}
