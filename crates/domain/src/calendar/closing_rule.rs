//! A city's own yearly closing days, on top of the legal holidays.

use std::fmt;
use std::str::FromStr;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::easter::easter_sunday;

/// A closing day that comes back every year, such as "2 January" or "Friday after Ascension".
///
/// The compact text form used for storage round-trips through [`FromStr`] and [`fmt::Display`]:
/// `fixed 01-02`, `easter +40`, `easter -2`, `weekday 1 monday 09`, `weekday -1 friday 10`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClosingRule {
    /// The same day every year, e.g. 2 January is `Fixed { month: 1, day: 2 }`.
    Fixed {
        /// 1 to 12.
        month: i8,
        /// 1 to 31.
        day: i8,
    },
    /// A number of days from Easter Sunday, e.g. the Friday after Ascension is `days: 40`.
    EasterOffset {
        /// Negative for days before Easter.
        days: i16,
    },
    /// The nth weekday of a month, e.g. the first Monday of September.
    NthWeekday {
        /// 1 to 5, or -1 for the last one of the month.
        n: i8,
        /// The day of the week.
        weekday: Weekday,
        /// 1 to 12.
        month: i8,
    },
}

/// A closing rule text that cannot be parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("invalid closing rule; expected e.g. `fixed 01-02`, `easter +40` or `weekday 1 monday 09`")]
pub struct ClosingRuleError;

impl ClosingRuleError {
    /// The Fluent message id that explains this error.
    pub fn message_id(&self) -> &'static str {
        "closing-rule-invalid"
    }
}

impl ClosingRule {
    /// The closing day in `year`, or `None` when the rule has no date that year.
    ///
    /// That happens for 29 February outside leap years, a fifth weekday a month does not have,
    /// an Easter offset that leaves the year, or values outside the documented ranges.
    pub fn date_in(&self, year: i16) -> Option<Date> {
        match *self {
            ClosingRule::Fixed { month, day } => Date::new(year, month, day).ok(),
            ClosingRule::EasterOffset { days } => easter_offset_in(year, days),
            ClosingRule::NthWeekday { n, weekday, month } => {
                nth_weekday_in(year, n, weekday, month)
            }
        }
    }
}

fn easter_offset_in(year: i16, days: i16) -> Option<Date> {
    let date = easter_sunday(year).checked_add(days.days()).ok()?;
    (date.year() == year).then_some(date)
}

fn nth_weekday_in(year: i16, n: i8, weekday: Weekday, month: i8) -> Option<Date> {
    if !is_valid_nth(n) {
        return None;
    }
    let first_of_month = Date::new(year, month, 1).ok()?;
    first_of_month.nth_weekday_of_month(n, weekday).ok()
}

fn is_valid_nth(n: i8) -> bool {
    (1..=5).contains(&n) || n == -1
}

impl FromStr for ClosingRule {
    type Err = ClosingRuleError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let words: Vec<&str> = text.split_whitespace().collect();
        match words.as_slice() {
            ["fixed", month_day] => parse_fixed(month_day),
            ["easter", days] => parse_easter_offset(days),
            ["weekday", n, weekday, month] => parse_nth_weekday(n, weekday, month),
            _ => Err(ClosingRuleError),
        }
    }
}

/// Parses `MM-DD`, accepting 29 February but not 30 February.
fn parse_fixed(month_day: &str) -> Result<ClosingRule, ClosingRuleError> {
    let (month, day) = month_day.split_once('-').ok_or(ClosingRuleError)?;
    let month = parse_two_digits(month)?;
    let day = parse_two_digits(day)?;
    // 2000 is a leap year, so every day that exists in some year exists in it.
    Date::new(2000, month, day).map_err(|_| ClosingRuleError)?;
    Ok(ClosingRule::Fixed { month, day })
}

fn parse_easter_offset(days: &str) -> Result<ClosingRule, ClosingRuleError> {
    let days = days.parse().map_err(|_| ClosingRuleError)?;
    Ok(ClosingRule::EasterOffset { days })
}

fn parse_nth_weekday(n: &str, weekday: &str, month: &str) -> Result<ClosingRule, ClosingRuleError> {
    let n = n.parse().map_err(|_| ClosingRuleError)?;
    let weekday = parse_weekday(weekday)?;
    let month = parse_two_digits(month)?;
    if !is_valid_nth(n) || !(1..=12).contains(&month) {
        return Err(ClosingRuleError);
    }
    Ok(ClosingRule::NthWeekday { n, weekday, month })
}

fn parse_two_digits(text: &str) -> Result<i8, ClosingRuleError> {
    if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ClosingRuleError);
    }
    text.parse().map_err(|_| ClosingRuleError)
}

/// Parses an English weekday name, ignoring ASCII case.
fn parse_weekday(name: &str) -> Result<Weekday, ClosingRuleError> {
    match name.to_ascii_lowercase().as_str() {
        "monday" => Ok(Weekday::Monday),
        "tuesday" => Ok(Weekday::Tuesday),
        "wednesday" => Ok(Weekday::Wednesday),
        "thursday" => Ok(Weekday::Thursday),
        "friday" => Ok(Weekday::Friday),
        "saturday" => Ok(Weekday::Saturday),
        "sunday" => Ok(Weekday::Sunday),
        _ => Err(ClosingRuleError),
    }
}

fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "monday",
        Weekday::Tuesday => "tuesday",
        Weekday::Wednesday => "wednesday",
        Weekday::Thursday => "thursday",
        Weekday::Friday => "friday",
        Weekday::Saturday => "saturday",
        Weekday::Sunday => "sunday",
    }
}

impl fmt::Display for ClosingRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ClosingRule::Fixed { month, day } => write!(f, "fixed {month:02}-{day:02}"),
            ClosingRule::EasterOffset { days } => write!(f, "easter {days:+}"),
            ClosingRule::NthWeekday { n, weekday, month } => {
                write!(f, "weekday {n} {} {month:02}", weekday_name(weekday))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn rule(text: &str) -> ClosingRule {
        text.parse().expect("test rule is valid")
    }

    #[test]
    fn fixed_day() {
        let second_of_january = rule("fixed 01-02");
        assert_eq!(second_of_january, ClosingRule::Fixed { month: 1, day: 2 });
        assert_eq!(second_of_january.date_in(2027), Some(date(2027, 1, 2)));
    }

    #[test]
    fn leap_day_only_in_leap_years() {
        let leap_day = rule("fixed 02-29");
        assert_eq!(leap_day.date_in(2028), Some(date(2028, 2, 29)));
        assert_eq!(leap_day.date_in(2027), None);
    }

    #[test]
    fn day_that_never_exists_has_no_date() {
        assert_eq!(ClosingRule::Fixed { month: 2, day: 30 }.date_in(2028), None);
        assert!("fixed 02-30".parse::<ClosingRule>().is_err());
    }

    #[test]
    fn friday_after_ascension() {
        let rule = rule("easter +40");
        assert_eq!(rule, ClosingRule::EasterOffset { days: 40 });
        assert_eq!(rule.date_in(2026), Some(date(2026, 5, 15)));
        assert_eq!(rule.date_in(2027), Some(date(2027, 5, 7)));
    }

    #[test]
    fn good_friday() {
        assert_eq!(rule("easter -2").date_in(2026), Some(date(2026, 4, 3)));
    }

    #[test]
    fn easter_offset_that_leaves_the_year_has_no_date() {
        assert_eq!(ClosingRule::EasterOffset { days: 300 }.date_in(2026), None);
    }

    #[test]
    fn first_monday_of_september() {
        let kermis = rule("weekday 1 monday 09");
        assert_eq!(
            kermis,
            ClosingRule::NthWeekday {
                n: 1,
                weekday: Weekday::Monday,
                month: 9
            }
        );
        assert_eq!(kermis.date_in(2026), Some(date(2026, 9, 7)));
        assert_eq!(kermis.date_in(2027), Some(date(2027, 9, 6)));
    }

    #[test]
    fn last_friday_of_october() {
        assert_eq!(
            rule("weekday -1 friday 10").date_in(2026),
            Some(date(2026, 10, 30))
        );
    }

    #[test]
    fn missing_fifth_weekday_has_no_date() {
        let fifth_monday_of_february = rule("weekday 5 monday 02");
        assert_eq!(fifth_monday_of_february.date_in(2026), None);
        // February 2044 starts on a Monday and has 29 days.
        assert_eq!(
            fifth_monday_of_february.date_in(2044),
            Some(date(2044, 2, 29))
        );
    }

    #[test]
    fn text_form_round_trips() {
        for text in [
            "fixed 01-02",
            "fixed 12-26",
            "easter +40",
            "easter -2",
            "easter +0",
            "weekday 1 monday 09",
            "weekday -1 friday 10",
        ] {
            assert_eq!(rule(text).to_string(), text);
        }
    }

    #[test]
    fn parsing_is_lenient_about_case_and_spacing_only() {
        assert_eq!(rule("  weekday 1  Monday 09 "), rule("weekday 1 monday 09"));
        assert_eq!(rule("easter 40"), rule("easter +40"));
    }

    #[test]
    fn rejects_invalid_text() {
        for text in [
            "",
            "fixed",
            "fixed 1-2",
            "fixed 13-01",
            "fixed 01-02 extra",
            "easter",
            "easter forty",
            "easter +99999",
            "weekday 0 monday 09",
            "weekday 6 monday 09",
            "weekday -2 monday 09",
            "weekday 1 maandag 09",
            "weekday 1 monday 13",
            "holiday 01-02",
        ] {
            assert_eq!(
                text.parse::<ClosingRule>(),
                Err(ClosingRuleError),
                "{text:?}"
            );
        }
    }

    #[test]
    fn message_id() {
        assert_eq!(ClosingRuleError.message_id(), "closing-rule-invalid");
    }
}
