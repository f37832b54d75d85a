//! Free times like at a doctor's: the office is cut into cells of a fixed grid (10 minutes by
//! default); each cell of a zone has as many places as the roster has counters for appointments
//! then (staffed, less those kept for walk-ins); a visit takes one place in each cell it covers, from its start to its end.
//!
//! Everything here works on real instants, so the daylight-saving days are right: on the day in
//! March the night is an hour shorter, in October an hour longer, and the cells follow the clock.

use crate::calendar::{Day, SiteCalendar};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp, ToSpan};
use std::collections::HashMap;

pub use crate::roster::{DayBlock, Roster, RosterBlock};

/// The rules of the appointment book of a site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BookingPolicy {
    /// The grid of possible starts, in minutes.
    pub grid_minutes: i64,
    /// How long before a start a citizen can still book it online.
    pub lead_time: SignedDuration,
    /// How many days ahead the book is open.
    pub horizon_days: i32,
}

impl Default for BookingPolicy {
    fn default() -> Self {
        BookingPolicy {
            grid_minutes: 10,
            lead_time: SignedDuration::from_hours(2),
            horizon_days: 62,
        }
    }
}

impl BookingPolicy {
    /// The cells a visit of these minutes takes: its minutes rounded up to the grid.
    pub fn cells_for(&self, minutes: i64) -> usize {
        usize::try_from(((minutes.max(1) + self.grid_minutes - 1) / self.grid_minutes).max(1))
            .unwrap_or(1)
    }

    pub fn cell_length(&self) -> SignedDuration {
        SignedDuration::from_mins(self.grid_minutes)
    }

    /// The last date a citizen can book, seen from `today`.
    pub fn last_bookable_date(&self, today: Date) -> Date {
        today.saturating_add(self.horizon_days.days())
    }
}

/// A free start: from `start` to `end`, and how many more such visits can be booked there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: Timestamp,
    pub end: Timestamp,
    pub remaining: u32,
}

/// One cell of the grid: when it starts and how many places it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub start: Timestamp,
    pub places: u32,
}

/// Adds to `slots` every start of one day's cells (per open interval, as [`Book::cells_on`] gives
/// them) from `earliest` on at which a visit of `cells` cells still fits, given the places taken.
pub fn free_starts(
    day: &[Vec<Cell>],
    cells: usize,
    policy: BookingPolicy,
    taken: &HashMap<Timestamp, u32>,
    earliest: Timestamp,
    slots: &mut Vec<Slot>,
) {
    let length = policy.cell_length() * i32::try_from(cells).unwrap_or(i32::MAX);
    for interval in day {
        for window in interval
            .windows(cells)
            .filter(|window| window[0].start >= earliest)
        {
            let remaining = window
                .iter()
                .map(|cell| {
                    cell.places
                        .saturating_sub(taken.get(&cell.start).copied().unwrap_or(0))
                })
                .min()
                .unwrap_or(0);
            if remaining > 0 {
                slots.push(Slot {
                    start: window[0].start,
                    end: window[0].start + length,
                    remaining,
                });
            }
        }
    }
}

/// A zone's appointment book: the site's calendar, the zone's roster and the booking rules.
#[derive(Debug, Clone, Copy)]
pub struct Book<'a> {
    pub calendar: &'a SiteCalendar,
    pub roster: &'a Roster,
    pub policy: BookingPolicy,
}

impl Book<'_> {
    /// The cells of one date, per open interval (a visit never spans the gap between two intervals).
    pub fn cells_on(&self, date: Date) -> Vec<Vec<Cell>> {
        let Day::Open(intervals) = self.calendar.day(date) else {
            return Vec::new();
        };
        let step = self.policy.cell_length();
        intervals
            .iter()
            .map(|interval| {
                let mut cells = Vec::new();
                let mut start = interval.start;
                while start + step <= interval.end {
                    let local = start.to_zoned(self.calendar.time_zone.clone());
                    cells.push(Cell {
                        start,
                        places: self.roster.places_at(local.date(), local.time()),
                    });
                    start += step;
                }
                cells
            })
            .collect()
    }

    /// Every start from `earliest` on, between `from` and `to` (local dates, inclusive), at which a
    /// visit of `cells` cells still fits, given the places each cell has taken (`taken`, by cell start).
    pub fn free_slots(
        &self,
        from: Date,
        to: Date,
        cells: usize,
        taken: &HashMap<Timestamp, u32>,
        earliest: Timestamp,
    ) -> Vec<Slot> {
        let mut slots = Vec::new();
        let mut date = from;
        while date <= to {
            let day = self.cells_on(date);
            free_starts(&day, cells, self.policy, taken, earliest, &mut slots);
            let Ok(next) = date.tomorrow() else { break };
            date = next;
        }
        slots
    }

    /// The cells a visit starting at `start` takes, each with its places; None when the start is
    /// not on the grid, the visit does not fit in the hours, or nobody is rostered for part of it.
    pub fn cells_of_visit(&self, start: Timestamp, cells: usize) -> Option<Vec<Cell>> {
        let date = start.to_zoned(self.calendar.time_zone.clone()).date();
        self.cells_on(date).into_iter().find_map(|interval| {
            let first = interval.iter().position(|cell| cell.start == start)?;
            let window = interval.get(first..first + cells)?;
            window
                .iter()
                .all(|cell| cell.places > 0)
                .then(|| window.to_vec())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{TimeRange, WeeklyHours};
    use jiff::civil::{Weekday, date};
    use jiff::tz::TimeZone;

    fn range(text: &str) -> TimeRange {
        text.parse().unwrap()
    }

    fn leuven() -> SiteCalendar {
        let mut weekly = WeeklyHours::new();
        for (weekday, hours) in [
            (Weekday::Monday, "09:00-20:00"),
            (Weekday::Tuesday, "09:00-12:30"),
            (Weekday::Wednesday, "09:00-16:30"),
            (Weekday::Thursday, "09:00-20:00"),
            (Weekday::Friday, "09:00-12:30"),
        ] {
            weekly.set(weekday, vec![range(hours)]).unwrap();
        }
        SiteCalendar {
            time_zone: TimeZone::get("Europe/Brussels").unwrap(),
            weekly,
            legal_holidays: true,
            closing_rules: vec!["easter +40".parse().unwrap()],
            exceptions: vec![],
        }
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn free_on(
        day: Date,
        calendar: &SiteCalendar,
        roster: &Roster,
        policy: &BookingPolicy,
        cells: usize,
        taken: &HashMap<Timestamp, u32>,
        earliest: Timestamp,
    ) -> Vec<Slot> {
        Book {
            calendar,
            roster,
            policy: *policy,
        }
        .free_slots(day, day, cells, taken, earliest)
    }

    fn two_counters() -> Roster {
        Roster::every_day(2, range("08:00-21:00"))
    }

    #[test]
    fn visits_take_whole_cells() {
        let policy = BookingPolicy::default();
        assert_eq!(policy.cells_for(15), 2);
        assert_eq!(policy.cells_for(10), 1);
        assert_eq!(policy.cells_for(30), 3);
        assert_eq!(policy.cells_for(45), 5);
    }

    #[test]
    fn a_thursday_has_starts_from_nine_to_the_last_that_still_fits_before_eight() {
        let slots = free_on(
            date(2026, 12, 3),
            &leuven(),
            &two_counters(),
            &BookingPolicy::default(),
            2,
            &HashMap::new(),
            Timestamp::MIN,
        );
        assert_eq!(slots.first().unwrap().start, at("2026-12-03T08:00:00Z"));
        assert_eq!(
            slots.last().unwrap().start,
            at("2026-12-03T18:40:00Z"),
            "19:40 local, ends at 20:00"
        );
        assert_eq!(slots.len(), 65);
        assert!(slots.iter().all(|slot| slot.remaining == 2));
        assert_eq!(slots[0].end, at("2026-12-03T08:20:00Z"));
    }

    #[test]
    fn tuesday_and_friday_are_mornings_and_closing_days_have_no_slots() {
        let policy = BookingPolicy::default();
        let tuesday = free_on(
            date(2026, 12, 1),
            &leuven(),
            &two_counters(),
            &policy,
            1,
            &HashMap::new(),
            Timestamp::MIN,
        );
        assert_eq!(
            tuesday.last().unwrap().start,
            at("2026-12-01T11:20:00Z"),
            "12:20 local"
        );
        let christmas = free_on(
            date(2026, 12, 25),
            &leuven(),
            &two_counters(),
            &policy,
            1,
            &HashMap::new(),
            Timestamp::MIN,
        );
        assert!(christmas.is_empty());
        let friday_after_ascension = free_on(
            date(2026, 5, 15),
            &leuven(),
            &two_counters(),
            &policy,
            1,
            &HashMap::new(),
            Timestamp::MIN,
        );
        assert!(friday_after_ascension.is_empty());
    }

    #[test]
    fn taken_places_lower_what_remains_and_a_full_cell_blocks_every_visit_over_it() {
        let policy = BookingPolicy::default();
        let mut taken = HashMap::new();
        taken.insert(at("2026-12-03T08:10:00Z"), 2);
        taken.insert(at("2026-12-03T08:30:00Z"), 1);
        let slots = free_on(
            date(2026, 12, 3),
            &leuven(),
            &two_counters(),
            &policy,
            2,
            &taken,
            Timestamp::MIN,
        );
        let starts: Vec<String> = slots
            .iter()
            .take(3)
            .map(|s| format!("{} {}", s.start, s.remaining))
            .collect();
        assert_eq!(
            starts,
            [
                "2026-12-03T08:20:00Z 1",
                "2026-12-03T08:30:00Z 1",
                "2026-12-03T08:40:00Z 2"
            ]
        );
    }

    #[test]
    fn the_roster_decides_the_places_and_the_lead_time_hides_what_is_too_soon() {
        let mut roster = Roster::new(vec![
            RosterBlock {
                weekday: Weekday::Thursday,
                hours: range("09:00-12:00"),
                counters: 3,
                walk_in: 0,
            },
            RosterBlock {
                weekday: Weekday::Thursday,
                hours: range("17:00-20:00"),
                counters: 2,
                walk_in: 1,
            },
        ]);
        let policy = BookingPolicy::default();
        let slots = free_on(
            date(2026, 12, 3),
            &leuven(),
            &roster,
            &policy,
            1,
            &HashMap::new(),
            at("2026-12-03T10:00:00Z"),
        );
        assert_eq!(slots.first().unwrap().start, at("2026-12-03T10:00:00Z"));
        assert_eq!(slots.first().unwrap().remaining, 3);
        assert!(
            !slots.iter().any(|s| s.start == at("2026-12-03T12:00:00Z")),
            "13:00 local has nobody rostered"
        );
        assert_eq!(
            slots.last().unwrap().remaining,
            1,
            "two counters in the evening, one of them kept for walk-ins"
        );

        roster.set_exception(date(2026, 12, 3), vec![]);
        assert!(
            free_on(
                date(2026, 12, 3),
                &leuven(),
                &roster,
                &policy,
                1,
                &HashMap::new(),
                Timestamp::MIN
            )
            .is_empty()
        );
    }

    #[test]
    fn the_daylight_saving_days_follow_the_clock() {
        let mut calendar = leuven();
        // Hypothetical night openings on the two days the clocks change.
        calendar.exceptions = vec![
            crate::calendar::DateException::open(date(2026, 3, 29), vec![range("01:00-04:00")])
                .unwrap(),
            crate::calendar::DateException::open(date(2026, 10, 25), vec![range("01:00-04:00")])
                .unwrap(),
        ];
        let roster = Roster::every_day(1, range("00:00-23:59"));
        let policy = BookingPolicy {
            grid_minutes: 60,
            ..BookingPolicy::default()
        };
        let spring = free_on(
            date(2026, 3, 29),
            &calendar,
            &roster,
            &policy,
            1,
            &HashMap::new(),
            Timestamp::MIN,
        );
        let local: Vec<String> = spring
            .iter()
            .map(|s| {
                s.start
                    .to_zoned(calendar.time_zone.clone())
                    .strftime("%H:%M")
                    .to_string()
            })
            .collect();
        assert_eq!(local, ["01:00", "03:00"], "02:00 does not exist that night");
        let autumn = free_on(
            date(2026, 10, 25),
            &calendar,
            &roster,
            &policy,
            1,
            &HashMap::new(),
            Timestamp::MIN,
        );
        let local: Vec<String> = autumn
            .iter()
            .map(|s| {
                s.start
                    .to_zoned(calendar.time_zone.clone())
                    .strftime("%H:%M %:z")
                    .to_string()
            })
            .collect();
        assert_eq!(
            local,
            [
                "01:00 +02:00",
                "02:00 +02:00",
                "02:00 +01:00",
                "03:00 +01:00"
            ],
            "02:00 happens twice"
        );
    }

    #[test]
    fn a_visit_is_placed_only_on_the_grid_inside_the_hours() {
        let policy = BookingPolicy::default();
        let calendar = leuven();
        let roster = two_counters();
        let cells = Book {
            calendar: &calendar,
            roster: &roster,
            policy,
        }
        .cells_of_visit(at("2026-12-03T08:00:00Z"), 2)
        .unwrap();
        assert_eq!(cells.len(), 2);
        assert_eq!(cells[1].start, at("2026-12-03T08:10:00Z"));
        assert!(
            Book {
                calendar: &calendar,
                roster: &roster,
                policy
            }
            .cells_of_visit(at("2026-12-03T08:05:00Z"), 2)
            .is_none(),
            "off the grid"
        );
        assert!(
            Book {
                calendar: &calendar,
                roster: &roster,
                policy
            }
            .cells_of_visit(at("2026-12-03T18:50:00Z"), 2)
            .is_none(),
            "runs past 20:00"
        );
        assert!(
            Book {
                calendar: &calendar,
                roster: &roster,
                policy
            }
            .cells_of_visit(at("2026-12-25T09:00:00Z"), 1)
            .is_none(),
            "Christmas"
        );
    }
}
