//! The calendar of one site: which days it opens, and at which real instants.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use super::closing_rule::ClosingRule;
use super::holidays::Holiday;
use super::hours::{HoursError, TimeRange, WeeklyHours, sorted_without_overlap};

/// How far [`SiteCalendar::next_opening`] looks ahead, in days after the starting day.
const NEXT_OPENING_HORIZON_DAYS: usize = 366;

/// A one-off change for a single date, such as a Saturday opening before elections or closing
/// early on 24 December.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateException {
    date: Date,
    hours: Vec<TimeRange>,
}

impl DateException {
    /// Closes the site all day on `date`.
    pub fn closed(date: Date) -> Self {
        Self {
            date,
            hours: Vec::new(),
        }
    }

    /// Opens the site on `date` during `hours` instead of its usual hours.
    ///
    /// The hours are sorted; overlapping ranges are rejected. Empty hours close the day.
    pub fn open(date: Date, hours: Vec<TimeRange>) -> Result<Self, HoursError> {
        let hours = sorted_without_overlap(hours)?;
        Ok(Self { date, hours })
    }

    /// The date this exception applies to.
    pub fn date(&self) -> Date {
        self.date
    }

    /// The opening hours on that date, sorted; empty when the site is closed.
    pub fn hours(&self) -> &[TimeRange] {
        &self.hours
    }

    /// Whether the site is closed all day.
    pub fn is_closed(&self) -> bool {
        self.hours.is_empty()
    }
}

/// A period during which the site is open, both as local hours and as real instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenInterval {
    /// The opening hours as written, in the site's local time.
    pub local: TimeRange,
    /// The instant the site opens.
    pub start: Timestamp,
    /// The instant the site closes; not itself open.
    pub end: Timestamp,
}

impl OpenInterval {
    /// Whether `at` lies within the interval, closing instant excluded.
    pub fn contains(&self, at: Timestamp) -> bool {
        self.start <= at && at < self.end
    }
}

/// Why a site is closed on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClosedBecause {
    /// A date exception closes the day.
    Exception,
    /// The day is a legal holiday.
    LegalHoliday(Holiday),
    /// One of the city's own closing rules; the index into [`SiteCalendar::closing_rules`].
    CityRule(usize),
    /// The weekly pattern has no opening hours that day.
    NoHours,
}

/// Whether a site opens on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Day {
    /// Open during these intervals, sorted by start.
    Open(Vec<OpenInterval>),
    /// Closed all day.
    Closed(ClosedBecause),
}

/// The opening calendar of one site.
///
/// For a date, the first [`DateException`] for it wins over everything, so it can even open a
/// legal holiday. Otherwise the site is closed on legal holidays (when `legal_holidays` is set)
/// and on the days of its `closing_rules`, and follows its `weekly` hours on all other days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteCalendar {
    /// The zone in which the opening hours are written, e.g. `Europe/Brussels`.
    pub time_zone: TimeZone,
    /// The regular opening hours.
    pub weekly: WeeklyHours,
    /// Whether the site closes on the Belgian legal holidays.
    pub legal_holidays: bool,
    /// The city's own yearly closing days.
    pub closing_rules: Vec<ClosingRule>,
    /// One-off changes for single dates.
    pub exceptions: Vec<DateException>,
}

impl SiteCalendar {
    /// Whether the site opens on `date`, and when.
    ///
    /// Local times are resolved in the site's zone: a time skipped when the clocks go forward
    /// takes the later instant, a time repeated when they go back the earlier one. A range that
    /// thereby ends no later than it starts (such as 02:30-03:00 on the spring-forward day)
    /// yields no interval.
    pub fn day(&self, date: Date) -> Day {
        let hours = match self.local_hours(date) {
            Ok(hours) => hours,
            Err(reason) => return Day::Closed(reason),
        };
        let intervals: Vec<_> = hours
            .iter()
            .filter_map(|range| self.open_interval(date, *range))
            .collect();
        if intervals.is_empty() {
            Day::Closed(ClosedBecause::NoHours)
        } else {
            Day::Open(intervals)
        }
    }

    /// Whether the site is open at the instant `at`.
    pub fn is_open_at(&self, at: Timestamp) -> bool {
        match self.day(self.local_date(at)) {
            Day::Open(intervals) => intervals.iter().any(|interval| interval.contains(at)),
            Day::Closed(_) => false,
        }
    }

    /// The dates in `from..=to` on which the site is closed although its weekly hours would open
    /// it, together with every date an exception closes, sorted by date.
    pub fn closures(&self, from: Date, to: Date) -> Vec<(Date, ClosedBecause)> {
        from.series(1.day())
            .take_while(|date| *date <= to)
            .filter_map(|date| match self.day(date) {
                Day::Closed(reason) if self.is_closure(date, reason) => Some((date, reason)),
                _ => None,
            })
            .collect()
    }

    /// The first instant strictly after `after` at which the site opens, looking at most
    /// 366 days ahead. While the site is open, this is the start of the next interval.
    pub fn next_opening(&self, after: Timestamp) -> Option<Timestamp> {
        self.local_date(after)
            .series(1.day())
            .take(NEXT_OPENING_HORIZON_DAYS + 1)
            .find_map(|date| self.first_opening_after(date, after))
    }

    /// The local opening hours of `date`, or why the site is closed that day.
    fn local_hours(&self, date: Date) -> Result<&[TimeRange], ClosedBecause> {
        if let Some(exception) = self.exception_on(date) {
            return if exception.is_closed() {
                Err(ClosedBecause::Exception)
            } else {
                Ok(exception.hours())
            };
        }
        if let Some(holiday) = self.legal_holiday_on(date) {
            return Err(ClosedBecause::LegalHoliday(holiday));
        }
        if let Some(index) = self.closing_rule_on(date) {
            return Err(ClosedBecause::CityRule(index));
        }
        match self.weekly.on(date.weekday()) {
            [] => Err(ClosedBecause::NoHours),
            hours => Ok(hours),
        }
    }

    fn exception_on(&self, date: Date) -> Option<&DateException> {
        self.exceptions
            .iter()
            .find(|exception| exception.date() == date)
    }

    fn legal_holiday_on(&self, date: Date) -> Option<Holiday> {
        if self.legal_holidays {
            Holiday::falling_on(date)
        } else {
            None
        }
    }

    fn closing_rule_on(&self, date: Date) -> Option<usize> {
        self.closing_rules
            .iter()
            .position(|rule| rule.date_in(date.year()) == Some(date))
    }

    /// Whether a closed day counts as a closure: an exception closed it, or the weekly hours
    /// would have opened it.
    fn is_closure(&self, date: Date, reason: ClosedBecause) -> bool {
        match reason {
            ClosedBecause::Exception => true,
            ClosedBecause::NoHours => false,
            ClosedBecause::LegalHoliday(_) | ClosedBecause::CityRule(_) => {
                !self.weekly.on(date.weekday()).is_empty()
            }
        }
    }

    fn first_opening_after(&self, date: Date, after: Timestamp) -> Option<Timestamp> {
        match self.day(date) {
            Day::Open(intervals) => intervals
                .iter()
                .map(|interval| interval.start)
                .find(|start| *start > after),
            Day::Closed(_) => None,
        }
    }

    /// The interval for `range` on `date`, or `None` when it is empty in real time.
    fn open_interval(&self, date: Date, range: TimeRange) -> Option<OpenInterval> {
        let start = self.instant(date, range.opens())?;
        let end = self.instant(date, range.closes())?;
        // On the spring-forward day, 02:30-03:00 resolves to 01:30Z-01:00Z: nothing is open.
        (start < end).then_some(OpenInterval {
            local: range,
            start,
            end,
        })
    }

    /// The instant of a local date and time; `None` only at the edges of jiff's supported range.
    fn instant(&self, date: Date, time: Time) -> Option<Timestamp> {
        // `to_zoned` uses the "compatible" disambiguation: the later instant in a gap, the
        // earlier one in a fold.
        let zoned = date
            .to_datetime(time)
            .to_zoned(self.time_zone.clone())
            .ok()?;
        Some(zoned.timestamp())
    }

    fn local_date(&self, at: Timestamp) -> Date {
        at.to_zoned(self.time_zone.clone()).date()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::SignedDuration;
    use jiff::civil::{Weekday, date};

    fn brussels() -> TimeZone {
        // The POSIX rule is equivalent for these years and keeps the tests independent of an
        // installed tz database.
        TimeZone::get("Europe/Brussels")
            .or_else(|_| TimeZone::posix("CET-1CEST,M3.5.0,M10.5.0/3"))
            .expect("Brussels time zone")
    }

    fn range(text: &str) -> TimeRange {
        text.parse().expect("test range is valid")
    }

    fn utc(text: &str) -> Timestamp {
        text.parse().expect("test timestamp is valid")
    }

    fn rule(text: &str) -> ClosingRule {
        text.parse().expect("test rule is valid")
    }

    /// The Leuven city office (stadskantoor), as in `shared/domain/leuven.toml`.
    fn leuven() -> SiteCalendar {
        let mut weekly = WeeklyHours::new();
        let pattern = [
            (Weekday::Monday, "09:00-20:00"),
            (Weekday::Tuesday, "09:00-12:30"),
            (Weekday::Wednesday, "09:00-16:30"),
            (Weekday::Thursday, "09:00-20:00"),
            (Weekday::Friday, "09:00-12:30"),
        ];
        for (weekday, hours) in pattern {
            weekly
                .set(weekday, vec![range(hours)])
                .expect("valid hours");
        }
        SiteCalendar {
            time_zone: brussels(),
            weekly,
            legal_holidays: true,
            closing_rules: vec![
                rule("fixed 01-02"),
                rule("easter +40"),
                rule("fixed 07-11"),
                rule("weekday 1 monday 09"),
                rule("fixed 11-02"),
                rule("fixed 12-26"),
            ],
            exceptions: Vec::new(),
        }
    }

    fn with_exception(exception: DateException) -> SiteCalendar {
        let mut calendar = leuven();
        calendar.exceptions.push(exception);
        calendar
    }

    fn local(calendar: &SiteCalendar, date: Date, hour: i8, minute: i8) -> Timestamp {
        date.at(hour, minute, 0, 0)
            .to_zoned(calendar.time_zone.clone())
            .expect("local time exists")
            .timestamp()
    }

    fn single_interval(day: Day) -> OpenInterval {
        match day {
            Day::Open(intervals) if intervals.len() == 1 => intervals[0],
            other => panic!("expected one interval, got {other:?}"),
        }
    }

    #[test]
    fn closed_on_all_legal_holidays_of_2026_and_2027() {
        let calendar = leuven();
        let expected_2026 = [
            (date(2026, 1, 1), Holiday::NewYear),
            (date(2026, 4, 6), Holiday::EasterMonday),
            (date(2026, 5, 1), Holiday::LabourDay),
            (date(2026, 5, 14), Holiday::Ascension),
            (date(2026, 5, 25), Holiday::WhitMonday),
            (date(2026, 7, 21), Holiday::NationalDay),
            (date(2026, 8, 15), Holiday::Assumption),
            (date(2026, 11, 1), Holiday::AllSaints),
            (date(2026, 11, 11), Holiday::Armistice),
            (date(2026, 12, 25), Holiday::Christmas),
        ];
        let expected_2027 = [
            (date(2027, 1, 1), Holiday::NewYear),
            (date(2027, 3, 29), Holiday::EasterMonday),
            (date(2027, 5, 1), Holiday::LabourDay),
            (date(2027, 5, 6), Holiday::Ascension),
            (date(2027, 5, 17), Holiday::WhitMonday),
            (date(2027, 7, 21), Holiday::NationalDay),
            (date(2027, 8, 15), Holiday::Assumption),
            (date(2027, 11, 1), Holiday::AllSaints),
            (date(2027, 11, 11), Holiday::Armistice),
            (date(2027, 12, 25), Holiday::Christmas),
        ];
        for (day, holiday) in expected_2026.into_iter().chain(expected_2027) {
            assert_eq!(
                calendar.day(day),
                Day::Closed(ClosedBecause::LegalHoliday(holiday)),
                "{day}"
            );
        }
    }

    #[test]
    fn legal_holidays_can_be_switched_off() {
        let mut calendar = leuven();
        calendar.legal_holidays = false;
        // Thursday 14 May 2026 is Ascension.
        let interval = single_interval(calendar.day(date(2026, 5, 14)));
        assert_eq!(interval.local, range("09:00-20:00"));
    }

    #[test]
    fn friday_after_ascension_is_closed_by_city_rule() {
        assert_eq!(
            leuven().day(date(2026, 5, 15)),
            Day::Closed(ClosedBecause::CityRule(1))
        );
    }

    #[test]
    fn city_rules_close_their_days() {
        let calendar = leuven();
        assert_eq!(
            calendar.day(date(2026, 1, 2)),
            Day::Closed(ClosedBecause::CityRule(0))
        );
        assert_eq!(
            calendar.day(date(2026, 9, 7)),
            Day::Closed(ClosedBecause::CityRule(3))
        );
        assert_eq!(
            calendar.day(date(2026, 11, 2)),
            Day::Closed(ClosedBecause::CityRule(4))
        );
    }

    #[test]
    fn weekend_has_no_hours() {
        assert_eq!(
            leuven().day(date(2026, 12, 5)),
            Day::Closed(ClosedBecause::NoHours)
        );
    }

    #[test]
    fn thursday_evening_opening_in_winter_time() {
        let interval = single_interval(leuven().day(date(2026, 12, 3)));
        assert_eq!(interval.local, range("09:00-20:00"));
        assert_eq!(interval.start, utc("2026-12-03T08:00:00Z"));
        assert_eq!(interval.end, utc("2026-12-03T19:00:00Z"));
    }

    #[test]
    fn monday_after_spring_forward_opens_in_summer_time() {
        let interval = single_interval(leuven().day(date(2026, 3, 30)));
        assert_eq!(interval.start, utc("2026-03-30T07:00:00Z"));
        assert_eq!(interval.end, utc("2026-03-30T18:00:00Z"));
    }

    #[test]
    fn monday_after_fall_back_opens_in_winter_time() {
        let interval = single_interval(leuven().day(date(2026, 10, 26)));
        assert_eq!(interval.start, utc("2026-10-26T08:00:00Z"));
    }

    #[test]
    fn open_at_19_59_on_thursday_but_not_on_tuesday() {
        let calendar = leuven();
        let tuesday = local(&calendar, date(2026, 12, 1), 19, 59);
        let thursday = local(&calendar, date(2026, 12, 3), 19, 59);
        assert!(!calendar.is_open_at(tuesday));
        assert!(calendar.is_open_at(thursday));
    }

    #[test]
    fn open_until_but_not_at_closing_time() {
        let calendar = leuven();
        let tuesday = date(2026, 12, 1);
        assert!(calendar.is_open_at(local(&calendar, tuesday, 9, 0)));
        assert!(calendar.is_open_at(local(&calendar, tuesday, 12, 29)));
        assert!(!calendar.is_open_at(local(&calendar, tuesday, 12, 30)));
        assert!(!calendar.is_open_at(local(&calendar, tuesday, 8, 59)));
    }

    #[test]
    fn exception_opens_a_saturday() {
        let saturday = date(2026, 12, 5);
        let exception = DateException::open(saturday, vec![range("09:00-12:00")]).expect("valid");
        let calendar = with_exception(exception);
        let interval = single_interval(calendar.day(saturday));
        assert_eq!(interval.start, utc("2026-12-05T08:00:00Z"));
        assert_eq!(interval.end, utc("2026-12-05T11:00:00Z"));
        assert!(calendar.is_open_at(local(&calendar, saturday, 10, 0)));
    }

    #[test]
    fn exception_closes_a_normal_wednesday() {
        let wednesday = date(2026, 12, 2);
        let calendar = with_exception(DateException::closed(wednesday));
        assert_eq!(
            calendar.day(wednesday),
            Day::Closed(ClosedBecause::Exception)
        );
        assert!(!calendar.is_open_at(local(&calendar, wednesday, 10, 0)));
        assert_eq!(
            calendar.closures(wednesday, wednesday),
            vec![(wednesday, ClosedBecause::Exception)]
        );
    }

    #[test]
    fn exception_wins_over_a_legal_holiday() {
        let christmas = date(2026, 12, 25);
        let exception = DateException::open(christmas, vec![range("10:00-12:00")]).expect("valid");
        let interval = single_interval(with_exception(exception).day(christmas));
        assert_eq!(interval.local, range("10:00-12:00"));
    }

    #[test]
    fn exception_closing_early_on_christmas_eve() {
        let christmas_eve = date(2026, 12, 24);
        let exception =
            DateException::open(christmas_eve, vec![range("09:00-12:00")]).expect("valid");
        let calendar = with_exception(exception);
        assert!(!calendar.is_open_at(local(&calendar, christmas_eve, 12, 0)));
    }

    #[test]
    fn exception_rejects_overlapping_hours() {
        let hours = vec![range("09:00-12:00"), range("11:00-13:00")];
        assert_eq!(
            DateException::open(date(2026, 12, 5), hours),
            Err(HoursError::Overlap)
        );
    }

    #[test]
    fn closures_around_new_year() {
        // 26 December 2026 and 2 January 2027 fall on a Saturday: closed anyway, so not listed.
        assert_eq!(
            leuven().closures(date(2026, 12, 1), date(2027, 1, 10)),
            vec![
                (
                    date(2026, 12, 25),
                    ClosedBecause::LegalHoliday(Holiday::Christmas)
                ),
                (
                    date(2027, 1, 1),
                    ClosedBecause::LegalHoliday(Holiday::NewYear)
                ),
            ]
        );
    }

    #[test]
    fn closures_list_exceptions_even_on_closed_days() {
        let sunday = date(2026, 12, 6);
        let calendar = with_exception(DateException::closed(sunday));
        assert_eq!(
            calendar.closures(date(2026, 12, 1), date(2026, 12, 10)),
            vec![(sunday, ClosedBecause::Exception)]
        );
    }

    #[test]
    fn closures_of_an_empty_period() {
        assert!(
            leuven()
                .closures(date(2027, 1, 10), date(2026, 12, 1))
                .is_empty()
        );
    }

    #[test]
    fn next_opening_after_christmas_eve_evening() {
        let calendar = leuven();
        let after = local(&calendar, date(2026, 12, 24), 20, 0);
        assert_eq!(
            calendar.next_opening(after),
            Some(local(&calendar, date(2026, 12, 28), 9, 0))
        );
        assert_eq!(
            calendar.next_opening(after),
            Some(utc("2026-12-28T08:00:00Z"))
        );
    }

    #[test]
    fn next_opening_while_open_is_the_next_day() {
        let calendar = leuven();
        let during = local(&calendar, date(2026, 12, 1), 10, 0);
        assert_eq!(
            calendar.next_opening(during),
            Some(local(&calendar, date(2026, 12, 2), 9, 0))
        );
    }

    #[test]
    fn next_opening_gives_up_after_a_year() {
        let mut calendar = leuven();
        calendar.weekly = WeeklyHours::new();
        assert_eq!(calendar.next_opening(utc("2026-12-01T00:00:00Z")), None);
    }

    #[test]
    fn spring_forward_day_has_two_real_hours_between_01_and_04() {
        let sunday = date(2026, 3, 29);
        let exception = DateException::open(sunday, vec![range("01:00-04:00")]).expect("valid");
        let interval = single_interval(with_exception(exception).day(sunday));
        assert_eq!(interval.start, utc("2026-03-29T00:00:00Z"));
        assert_eq!(interval.end, utc("2026-03-29T02:00:00Z"));
        assert_eq!(
            interval.end.duration_since(interval.start),
            SignedDuration::from_hours(2)
        );
    }

    #[test]
    fn fall_back_day_has_four_real_hours_between_01_and_04() {
        let sunday = date(2026, 10, 25);
        let exception = DateException::open(sunday, vec![range("01:00-04:00")]).expect("valid");
        let interval = single_interval(with_exception(exception).day(sunday));
        assert_eq!(interval.start, utc("2026-10-24T23:00:00Z"));
        assert_eq!(interval.end, utc("2026-10-25T03:00:00Z"));
        assert_eq!(
            interval.end.duration_since(interval.start),
            SignedDuration::from_hours(4)
        );
    }

    #[test]
    fn times_in_the_gap_and_fold_resolve_as_documented() {
        let gap_day = date(2026, 3, 29);
        let fold_day = date(2026, 10, 25);
        let calendar = with_exception(
            DateException::open(gap_day, vec![range("02:30-05:00")]).expect("valid"),
        );
        // 02:30 does not exist; the later instant is 03:30 summer time.
        let gap = single_interval(calendar.day(gap_day));
        assert_eq!(gap.start, utc("2026-03-29T01:30:00Z"));

        let calendar = with_exception(
            DateException::open(fold_day, vec![range("02:30-05:00")]).expect("valid"),
        );
        // 02:30 happens twice; the earlier is 02:30 summer time.
        let fold = single_interval(calendar.day(fold_day));
        assert_eq!(fold.start, utc("2026-10-25T00:30:00Z"));
    }

    #[test]
    fn a_range_ending_right_after_the_skipped_hour_opens_nothing() {
        let sunday = date(2026, 3, 29);
        let exception = DateException::open(sunday, vec![range("02:30-03:00")]).expect("valid");
        assert_eq!(
            with_exception(exception).day(sunday),
            Day::Closed(ClosedBecause::NoHours)
        );
    }
}
