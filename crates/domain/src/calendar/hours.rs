//! Opening hours: time ranges within a day and the weekly pattern.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{Time, Weekday};

/// Why opening hours are invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    /// A range does not open before it closes.
    #[error("an opening time range must open before it closes")]
    InvalidRange,
    /// Two ranges on the same day overlap.
    #[error("opening time ranges on the same day must not overlap")]
    Overlap,
    /// A time is not a whole minute written as `HH:MM`.
    #[error("an opening time must be a whole minute written as HH:MM")]
    InvalidTime,
}

impl HoursError {
    /// The Fluent message id that explains this error.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::InvalidRange => "hours-invalid-range",
            Self::Overlap => "hours-overlap",
            Self::InvalidTime => "hours-invalid-time",
        }
    }
}

/// A local time range within one day, such as `09:00-12:30`.
///
/// It opens strictly before it closes and both times are whole minutes; the closing time itself
/// is no longer open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeRange {
    opens: Time,
    closes: Time,
}

impl TimeRange {
    /// A range from `opens` to `closes`.
    pub fn new(opens: Time, closes: Time) -> Result<Self, HoursError> {
        if !is_whole_minute(opens) || !is_whole_minute(closes) {
            return Err(HoursError::InvalidTime);
        }
        if opens >= closes {
            return Err(HoursError::InvalidRange);
        }
        Ok(Self { opens, closes })
    }

    /// The local time at which the range starts.
    pub fn opens(&self) -> Time {
        self.opens
    }

    /// The local time at which the range ends.
    pub fn closes(&self) -> Time {
        self.closes
    }

    /// Whether `time` lies within the range, closing time excluded.
    pub fn contains(&self, time: Time) -> bool {
        self.opens <= time && time < self.closes
    }
}

fn is_whole_minute(time: Time) -> bool {
    time.second() == 0 && time.subsec_nanosecond() == 0
}

/// Parses `HH:MM-HH:MM`, e.g. `09:00-12:30`.
impl FromStr for TimeRange {
    type Err = HoursError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (opens, closes) = text.split_once('-').ok_or(HoursError::InvalidTime)?;
        Self::new(parse_time(opens.trim())?, parse_time(closes.trim())?)
    }
}

/// Writes `HH:MM-HH:MM`, e.g. `09:00-12:30`.
impl fmt::Display for TimeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}:{:02}-{:02}:{:02}",
            self.opens.hour(),
            self.opens.minute(),
            self.closes.hour(),
            self.closes.minute()
        )
    }
}

/// Parses exactly `HH:MM`.
fn parse_time(text: &str) -> Result<Time, HoursError> {
    let (hour, minute) = text.split_once(':').ok_or(HoursError::InvalidTime)?;
    let hour = parse_two_digits(hour)?;
    let minute = parse_two_digits(minute)?;
    Time::new(hour, minute, 0, 0).map_err(|_| HoursError::InvalidTime)
}

fn parse_two_digits(text: &str) -> Result<i8, HoursError> {
    if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(HoursError::InvalidTime);
    }
    text.parse().map_err(|_| HoursError::InvalidTime)
}

/// Reads a day's hours as a person types them: ranges separated by commas, each `from-to` with
/// times like `9:00`, `09.00`, `9u30` or `9u`; an empty text is a closed day.
/// `"9.00-12.30, 13:30 - 16:00"` gives two sorted ranges; overlapping ranges are refused.
pub fn parse_day_hours(text: &str) -> Result<Vec<TimeRange>, HoursError> {
    let ranges = text
        .split([',', ';'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (opens, closes) = part.split_once(['-', '–']).ok_or(HoursError::InvalidTime)?;
            TimeRange::new(parse_typed_time(opens)?, parse_typed_time(closes)?)
        })
        .collect::<Result<Vec<_>, _>>()?;
    sorted_without_overlap(ranges)
}

/// Writes a day's hours the way [`parse_day_hours`] reads them: `09:00-12:30, 13:30-16:00`.
pub fn format_day_hours(ranges: &[TimeRange]) -> String {
    ranges
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A time of day as a person types it: `9:00`, `09.00`, `9u30`, `9u` or `9`.
pub fn parse_time_of_day(text: &str) -> Result<Time, HoursError> {
    parse_typed_time(text)
}

/// `9:00`, `09.00`, `9u30`, `9u` or `9` as a time of day.
fn parse_typed_time(text: &str) -> Result<Time, HoursError> {
    let text = text.trim().to_ascii_lowercase();
    let (hour, minute) = match text.split_once([':', '.', 'u', 'h']) {
        Some((hour, "")) => (hour, "00"),
        Some((hour, minute)) => (hour, minute),
        None => (text.as_str(), "00"),
    };
    let is_number = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !is_number(hour) || minute.len() != 2 || !is_number(minute) {
        return Err(HoursError::InvalidTime);
    }
    let hour: i8 = hour.parse().map_err(|_| HoursError::InvalidTime)?;
    let minute: i8 = minute.parse().map_err(|_| HoursError::InvalidTime)?;
    Time::new(hour, minute, 0, 0).map_err(|_| HoursError::InvalidTime)
}

/// Sorts `ranges` by opening time and checks that none overlap. Ranges may touch.
pub(crate) fn sorted_without_overlap(
    mut ranges: Vec<TimeRange>,
) -> Result<Vec<TimeRange>, HoursError> {
    ranges.sort();
    let overlaps = ranges.windows(2).any(|pair| pair[1].opens < pair[0].closes);
    if overlaps {
        return Err(HoursError::Overlap);
    }
    Ok(ranges)
}

/// The regular opening hours for each day of the week; a day without ranges is closed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeeklyHours {
    /// Indexed from Monday (0) to Sunday (6).
    days: [Vec<TimeRange>; 7],
}

impl WeeklyHours {
    /// A week on which every day is closed.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the opening hours of `weekday`, sorted by opening time; an empty list closes the day.
    ///
    /// Fails without changing anything when two ranges overlap.
    pub fn set(&mut self, weekday: Weekday, ranges: Vec<TimeRange>) -> Result<(), HoursError> {
        self.days[day_index(weekday)] = sorted_without_overlap(ranges)?;
        Ok(())
    }

    /// The opening hours of `weekday`, sorted by opening time.
    pub fn on(&self, weekday: Weekday) -> &[TimeRange] {
        &self.days[day_index(weekday)]
    }
}

fn day_index(weekday: Weekday) -> usize {
    // The offset is 0..=6, so taking the absolute value changes nothing.
    usize::from(weekday.to_monday_zero_offset().unsigned_abs())
}

#[cfg(test)]
mod typed_hours_tests {
    use super::*;

    #[test]
    fn hours_are_read_the_way_people_type_them() {
        let ranges = parse_day_hours("13:30 - 16:00, 9.00-12.30").unwrap();
        assert_eq!(format_day_hours(&ranges), "09:00-12:30, 13:30-16:00");
        assert_eq!(
            format_day_hours(&parse_day_hours("9u-12u30").unwrap()),
            "09:00-12:30"
        );
        assert_eq!(
            format_day_hours(&parse_day_hours("9h00–20h00").unwrap()),
            "09:00-20:00"
        );
        assert_eq!(parse_day_hours("  ").unwrap(), vec![]);
    }

    #[test]
    fn wrong_hours_say_what_is_wrong() {
        assert_eq!(parse_day_hours("9-25"), Err(HoursError::InvalidTime));
        assert_eq!(parse_day_hours("morning"), Err(HoursError::InvalidTime));
        assert_eq!(
            parse_day_hours("12:00-09:00"),
            Err(HoursError::InvalidRange)
        );
        assert_eq!(
            parse_day_hours("09:00-12:00, 11:00-13:00"),
            Err(HoursError::Overlap)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::time;

    fn range(text: &str) -> TimeRange {
        text.parse().expect("test range is valid")
    }

    #[test]
    fn parses_and_displays_a_range() {
        let morning = range("09:00-12:30");
        assert_eq!(morning.opens(), time(9, 0, 0, 0));
        assert_eq!(morning.closes(), time(12, 30, 0, 0));
        assert_eq!(morning.to_string(), "09:00-12:30");
        assert_eq!(range(" 13:15 - 16:30 ").to_string(), "13:15-16:30");
    }

    #[test]
    fn rejects_malformed_times() {
        for text in [
            "9:00-12:30",
            "09:00",
            "09:00-24:00",
            "09:60-10:00",
            "ab:cd-12:00",
            "09:00:00-12:00",
        ] {
            assert_eq!(
                text.parse::<TimeRange>(),
                Err(HoursError::InvalidTime),
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_a_range_that_does_not_open_before_it_closes() {
        assert_eq!(
            "12:30-09:00".parse::<TimeRange>(),
            Err(HoursError::InvalidRange)
        );
        assert_eq!(
            "09:00-09:00".parse::<TimeRange>(),
            Err(HoursError::InvalidRange)
        );
    }

    #[test]
    fn rejects_seconds() {
        assert_eq!(
            TimeRange::new(time(9, 0, 30, 0), time(12, 0, 0, 0)),
            Err(HoursError::InvalidTime)
        );
    }

    #[test]
    fn contains_excludes_the_closing_time() {
        let morning = range("09:00-12:30");
        assert!(morning.contains(time(9, 0, 0, 0)));
        assert!(morning.contains(time(12, 29, 59, 0)));
        assert!(!morning.contains(time(12, 30, 0, 0)));
        assert!(!morning.contains(time(8, 59, 0, 0)));
    }

    #[test]
    fn weekly_hours_are_sorted_per_day() {
        let mut week = WeeklyHours::new();
        week.set(
            Weekday::Monday,
            vec![range("13:30-16:00"), range("09:00-12:00")],
        )
        .expect("no overlap");
        assert_eq!(
            week.on(Weekday::Monday),
            [range("09:00-12:00"), range("13:30-16:00")]
        );
        assert!(week.on(Weekday::Sunday).is_empty());
    }

    #[test]
    fn weekly_hours_reject_overlap_and_keep_the_old_hours() {
        let mut week = WeeklyHours::new();
        week.set(Weekday::Tuesday, vec![range("09:00-12:30")])
            .expect("valid");
        assert_eq!(
            week.set(
                Weekday::Tuesday,
                vec![range("09:00-12:30"), range("12:00-14:00")]
            ),
            Err(HoursError::Overlap)
        );
        assert_eq!(week.on(Weekday::Tuesday), [range("09:00-12:30")]);
    }

    #[test]
    fn touching_ranges_are_allowed() {
        let mut week = WeeklyHours::new();
        assert_eq!(
            week.set(
                Weekday::Friday,
                vec![range("09:00-12:00"), range("12:00-13:00")]
            ),
            Ok(())
        );
    }

    #[test]
    fn message_ids() {
        assert_eq!(HoursError::InvalidRange.message_id(), "hours-invalid-range");
        assert_eq!(HoursError::Overlap.message_id(), "hours-overlap");
        assert_eq!(HoursError::InvalidTime.message_id(), "hours-invalid-time");
    }
}
