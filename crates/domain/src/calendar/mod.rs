//! Opening hours and closing days of a city office.
//!
//! A [`SiteCalendar`] combines a [`WeeklyHours`] pattern with the Belgian legal holidays
//! ([`Holiday`]), the city's own yearly closing days ([`ClosingRule`]) and one-off
//! [`DateException`]s, and turns local opening hours into real instants in the site's time zone.

mod closing_rule;
mod easter;
mod holidays;
mod hours;
mod site_calendar;

pub use closing_rule::{ClosingRule, ClosingRuleError};
pub use easter::easter_sunday;
pub use holidays::{Holiday, belgian_holidays};
pub use hours::{
    HoursError, TimeRange, WeeklyHours, format_day_hours, parse_day_hours, parse_time_of_day,
};
pub use site_calendar::{ClosedBecause, DateException, Day, OpenInterval, SiteCalendar};

/// The days of the week, Monday first, as Belgian calendars print them.
pub const WEEK: [jiff::civil::Weekday; 7] = [
    jiff::civil::Weekday::Monday,
    jiff::civil::Weekday::Tuesday,
    jiff::civil::Weekday::Wednesday,
    jiff::civil::Weekday::Thursday,
    jiff::civil::Weekday::Friday,
    jiff::civil::Weekday::Saturday,
    jiff::civil::Weekday::Sunday,
];
