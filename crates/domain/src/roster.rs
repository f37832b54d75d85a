//! The roster of a zone: per weekday and time of day, how many counters are staffed and how many
//! of those are kept for walk-ins (tickets from the kiosk). The others take appointments. A date
//! can have its own blocks instead of its weekday's (a training day, a staff outing, an extra
//! evening); a date with its own roster and no blocks has no appointments.

use crate::calendar::{HoursError, TimeRange, WEEK, parse_time_of_day};
use crate::catalogue::FieldErrors;
use jiff::civil::{Date, Time, Weekday};
use std::collections::BTreeMap;

/// The most counters one block can staff.
pub const MAX_COUNTERS: u32 = 50;

/// Counters during a time range of a day: how many are staffed, and how many of them are kept for
/// walk-ins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayBlock {
    pub hours: TimeRange,
    /// Counters staffed.
    pub counters: u32,
    /// Of the counters staffed, how many serve walk-ins only.
    pub walk_in: u32,
}

impl DayBlock {
    /// Places for appointments: the counters staffed that are not kept for walk-ins.
    pub fn places(&self) -> u32 {
        self.counters.saturating_sub(self.walk_in)
    }

    pub fn on(self, weekday: Weekday) -> RosterBlock {
        RosterBlock {
            weekday,
            hours: self.hours,
            counters: self.counters,
            walk_in: self.walk_in,
        }
    }
}

/// A block of the weekly roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RosterBlock {
    pub weekday: Weekday,
    pub hours: TimeRange,
    /// Counters staffed.
    pub counters: u32,
    /// Of the counters staffed, how many serve walk-ins only.
    pub walk_in: u32,
}

impl RosterBlock {
    /// Places for appointments: the counters staffed that are not kept for walk-ins.
    pub fn places(&self) -> u32 {
        self.day_block().places()
    }

    pub fn day_block(&self) -> DayBlock {
        DayBlock {
            hours: self.hours,
            counters: self.counters,
            walk_in: self.walk_in,
        }
    }
}

/// How many counters of a zone take appointments, per weekday and time of day, and on dates with
/// their own roster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roster {
    blocks: Vec<RosterBlock>,
    /// Dates with their own blocks instead of the weekly ones.
    exceptions: BTreeMap<Date, Vec<DayBlock>>,
}

impl Roster {
    pub fn new(blocks: Vec<RosterBlock>) -> Roster {
        Roster {
            blocks,
            exceptions: BTreeMap::new(),
        }
    }

    /// The same number of counters, none kept for walk-ins, all through `hours` on every day.
    pub fn every_day(counters: u32, hours: TimeRange) -> Roster {
        Roster::new(
            WEEK.into_iter()
                .map(|weekday| RosterBlock {
                    weekday,
                    hours,
                    counters,
                    walk_in: 0,
                })
                .collect(),
        )
    }

    /// Gives `date` its own blocks instead of its weekday's; no blocks means no appointments.
    pub fn set_exception(&mut self, date: Date, blocks: Vec<DayBlock>) {
        self.exceptions.insert(date, blocks);
    }

    pub fn blocks(&self) -> &[RosterBlock] {
        &self.blocks
    }

    /// The blocks of a date with its own roster; None when the weekly roster applies.
    pub fn exception(&self, date: Date) -> Option<&[DayBlock]> {
        self.exceptions.get(&date).map(Vec::as_slice)
    }

    /// The blocks that apply on `date`: its own, or else its weekday's, sorted by time.
    pub fn day(&self, date: Date) -> Vec<DayBlock> {
        let mut blocks = match self.exception(date) {
            Some(own) => own.to_vec(),
            None => self
                .blocks
                .iter()
                .filter(|block| block.weekday == date.weekday())
                .map(RosterBlock::day_block)
                .collect(),
        };
        blocks.sort_by_key(|block| block.hours);
        blocks
    }

    /// Places for appointments at a local date and time: the counters staffed then, less those
    /// kept for walk-ins (blocks that overlap add up).
    pub fn places_at(&self, date: Date, time: Time) -> u32 {
        self.day(date)
            .iter()
            .filter(|block| block.hours.contains(time))
            .map(DayBlock::places)
            .sum()
    }
}

/// A block as a person types it on the roster page, every field still text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BlockForm {
    pub from: String,
    pub until: String,
    pub counters: String,
    pub walk_in: String,
}

impl BlockForm {
    pub fn from_block(block: &DayBlock) -> BlockForm {
        BlockForm {
            from: block.hours.opens().strftime("%H:%M").to_string(),
            until: block.hours.closes().strftime("%H:%M").to_string(),
            counters: block.counters.to_string(),
            walk_in: block.walk_in.to_string(),
        }
    }

    /// Checks every field; the errors name each wrong field (`from`, `until`, `counters`,
    /// `walk_in`) with a Fluent message id. Times are read the way people type them (`9:00`,
    /// `9u30`); an empty walk-in field is none.
    pub fn parse(&self) -> Result<DayBlock, FieldErrors> {
        let mut errors = FieldErrors::default();
        let from = parse_time_of_day(&self.from);
        errors.check(from.is_ok(), "from", "error-roster-time");
        let until = parse_time_of_day(&self.until);
        errors.check(until.is_ok(), "until", "error-roster-time");
        let hours = match (from, until) {
            (Ok(from), Ok(until)) => match TimeRange::new(from, until) {
                Ok(hours) => Some(hours),
                Err(HoursError::InvalidRange) => {
                    errors.add("until", "error-roster-range");
                    None
                }
                Err(_) => {
                    errors.add("until", "error-roster-time");
                    None
                }
            },
            _ => None,
        };
        let counters = count(&self.counters).filter(|n| (1..=MAX_COUNTERS).contains(n));
        errors.check(counters.is_some(), "counters", "error-roster-counters");
        let walk_in = if self.walk_in.trim().is_empty() {
            Some(0)
        } else {
            count(&self.walk_in)
        };
        errors.check(walk_in.is_some(), "walk_in", "error-roster-walk-in");
        if let (Some(counters), Some(walk_in)) = (counters, walk_in) {
            errors.check(walk_in <= counters, "walk_in", "error-roster-walk-in-more");
        }
        match (hours, counters, walk_in) {
            (Some(hours), Some(counters), Some(walk_in)) if errors.is_empty() => Ok(DayBlock {
                hours,
                counters,
                walk_in,
            }),
            _ => Err(errors),
        }
    }
}

/// A whole number as typed: digits only, with spaces around allowed.
fn count(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The first of `others` whose hours overlap `hours` (touching is no overlap): two blocks of one
/// day must not cover the same time, so that each time has one count of counters.
pub fn overlapping(hours: TimeRange, others: &[DayBlock]) -> Option<DayBlock> {
    others
        .iter()
        .find(|other| other.hours.opens() < hours.closes() && hours.opens() < other.hours.closes())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    fn range(text: &str) -> TimeRange {
        text.parse().unwrap()
    }

    fn block(hours: &str, counters: u32, walk_in: u32) -> DayBlock {
        DayBlock {
            hours: range(hours),
            counters,
            walk_in,
        }
    }

    fn form(from: &str, until: &str, counters: &str, walk_in: &str) -> BlockForm {
        BlockForm {
            from: from.into(),
            until: until.into(),
            counters: counters.into(),
            walk_in: walk_in.into(),
        }
    }

    /// Zone B of a Thursday: six counters in the morning, eight in the evening of which two are
    /// kept for walk-ins.
    fn thursday_roster() -> Roster {
        Roster::new(vec![
            block("09:00-12:30", 6, 0).on(Weekday::Thursday),
            block("17:00-20:00", 8, 2).on(Weekday::Thursday),
        ])
    }

    #[test]
    fn places_are_the_counters_staffed_less_those_kept_for_walk_ins() {
        let roster = thursday_roster();
        let thursday = date(2026, 12, 3);
        assert_eq!(roster.places_at(thursday, time(9, 0, 0, 0)), 6);
        assert_eq!(roster.places_at(thursday, time(18, 0, 0, 0)), 6);
        assert_eq!(roster.places_at(thursday, time(12, 30, 0, 0)), 0, "closed");
        assert_eq!(
            roster.places_at(date(2026, 12, 4), time(9, 0, 0, 0)),
            0,
            "nobody on Friday"
        );
        assert_eq!(block("09:00-12:00", 3, 3).places(), 0);
        assert_eq!(
            block("09:00-12:00", 2, 5).places(),
            0,
            "never below nothing"
        );
    }

    #[test]
    fn a_date_with_its_own_roster_replaces_its_weekday() {
        let mut roster = thursday_roster();
        let training = date(2026, 12, 10);
        roster.set_exception(training, vec![block("13:00-16:00", 3, 1)]);
        assert_eq!(roster.places_at(training, time(9, 0, 0, 0)), 0);
        assert_eq!(roster.places_at(training, time(13, 0, 0, 0)), 2);
        assert_eq!(roster.places_at(training, time(18, 0, 0, 0)), 0);
        assert_eq!(
            roster.places_at(date(2026, 12, 17), time(9, 0, 0, 0)),
            6,
            "the next Thursday has the weekly roster"
        );

        let outing = date(2026, 12, 17);
        roster.set_exception(outing, vec![]);
        assert_eq!(roster.places_at(outing, time(9, 0, 0, 0)), 0);
        assert_eq!(roster.exception(outing), Some(&[][..]));
        assert_eq!(roster.exception(date(2026, 12, 24)), None);
        assert_eq!(
            roster.day(date(2026, 12, 24)),
            [block("09:00-12:30", 6, 0), block("17:00-20:00", 8, 2)]
        );
    }

    #[test]
    fn a_block_is_read_the_way_people_type_it() {
        assert_eq!(
            form(" 9u ", "12.30", "6", "").parse(),
            Ok(block("09:00-12:30", 6, 0))
        );
        assert_eq!(
            form("17:00", "20:00", " 8 ", "2").parse(),
            Ok(block("17:00-20:00", 8, 2))
        );
        let typed = form("17:00", "20:00", "8", "2");
        assert_eq!(
            BlockForm::from_block(&typed.parse().unwrap()),
            typed,
            "the form shows a stored block as it reads it"
        );
    }

    #[test]
    fn a_wrong_block_says_which_field_is_wrong() {
        let errors = form("25:00", "morning", "0", "-1").parse().unwrap_err();
        assert_eq!(errors.get("from"), Some("error-roster-time"));
        assert_eq!(errors.get("until"), Some("error-roster-time"));
        assert_eq!(errors.get("counters"), Some("error-roster-counters"));
        assert_eq!(errors.get("walk_in"), Some("error-roster-walk-in"));

        let errors = form("12:00", "09:00", "51", "1").parse().unwrap_err();
        assert_eq!(errors.get("until"), Some("error-roster-range"));
        assert_eq!(errors.get("counters"), Some("error-roster-counters"));
        assert_eq!(errors.get("walk_in"), None);

        let errors = form("09:00", "12:00", "3", "4").parse().unwrap_err();
        assert_eq!(
            errors.0,
            [("walk_in".to_owned(), "error-roster-walk-in-more")]
        );
        assert!(form("09:00", "12:00", "50", "50").parse().is_ok());
    }

    #[test]
    fn blocks_of_one_day_may_touch_but_not_overlap() {
        let day = [block("09:00-12:30", 6, 0), block("17:00-20:00", 8, 2)];
        assert_eq!(overlapping(range("12:30-17:00"), &day), None);
        assert_eq!(overlapping(range("12:00-13:00"), &day), Some(day[0]));
        assert_eq!(overlapping(range("08:00-21:00"), &day), Some(day[0]));
        assert_eq!(overlapping(range("19:00-19:30"), &day), Some(day[1]));
    }
}
