//! The ten Belgian legal holidays.

use jiff::ToSpan;
use jiff::civil::{Date, date};

use super::easter::easter_sunday;

/// A Belgian legal holiday (wettelijke feestdag).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    /// 1 January.
    NewYear,
    /// The Monday after Easter.
    EasterMonday,
    /// 1 May.
    LabourDay,
    /// Easter + 39 days, a Thursday.
    Ascension,
    /// Easter + 50 days.
    WhitMonday,
    /// 21 July.
    NationalDay,
    /// 15 August.
    Assumption,
    /// 1 November.
    AllSaints,
    /// 11 November.
    Armistice,
    /// 25 December.
    Christmas,
}

impl Holiday {
    /// All ten legal holidays, in calendar order except that Ascension can precede Labour Day.
    pub const ALL: [Holiday; 10] = [
        Holiday::NewYear,
        Holiday::EasterMonday,
        Holiday::LabourDay,
        Holiday::Ascension,
        Holiday::WhitMonday,
        Holiday::NationalDay,
        Holiday::Assumption,
        Holiday::AllSaints,
        Holiday::Armistice,
        Holiday::Christmas,
    ];

    /// The date of this holiday in `year`.
    ///
    /// # Panics
    ///
    /// Panics when `year` is outside the range jiff supports (-9999..=9999).
    pub fn date_in(self, year: i16) -> Date {
        match self {
            Holiday::NewYear => date(year, 1, 1),
            Holiday::EasterMonday => easter_sunday(year) + 1.day(),
            Holiday::LabourDay => date(year, 5, 1),
            Holiday::Ascension => easter_sunday(year) + 39.days(),
            Holiday::WhitMonday => easter_sunday(year) + 50.days(),
            Holiday::NationalDay => date(year, 7, 21),
            Holiday::Assumption => date(year, 8, 15),
            Holiday::AllSaints => date(year, 11, 1),
            Holiday::Armistice => date(year, 11, 11),
            Holiday::Christmas => date(year, 12, 25),
        }
    }

    /// The legal holiday that falls on `date`, if any.
    pub fn falling_on(date: Date) -> Option<Holiday> {
        Self::ALL
            .into_iter()
            .find(|holiday| holiday.date_in(date.year()) == date)
    }

    /// The Fluent message id of the holiday's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Holiday::NewYear => "holiday-new-year",
            Holiday::EasterMonday => "holiday-easter-monday",
            Holiday::LabourDay => "holiday-labour-day",
            Holiday::Ascension => "holiday-ascension",
            Holiday::WhitMonday => "holiday-whit-monday",
            Holiday::NationalDay => "holiday-national-day",
            Holiday::Assumption => "holiday-assumption",
            Holiday::AllSaints => "holiday-all-saints",
            Holiday::Armistice => "holiday-armistice",
            Holiday::Christmas => "holiday-christmas",
        }
    }
}

/// The ten legal holidays of `year`, sorted by date.
///
/// # Panics
///
/// Panics when `year` is outside the range jiff supports (-9999..=9999).
pub fn belgian_holidays(year: i16) -> Vec<(Date, Holiday)> {
    let mut holidays: Vec<_> = Holiday::ALL
        .into_iter()
        .map(|holiday| (holiday.date_in(year), holiday))
        .collect();
    // With an early Easter, Ascension comes before Labour Day.
    holidays.sort_by_key(|(date, _)| *date);
    holidays
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holidays_of_2026() {
        assert_eq!(
            belgian_holidays(2026),
            vec![
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
            ]
        );
    }

    #[test]
    fn holidays_of_2027() {
        assert_eq!(
            belgian_holidays(2027),
            vec![
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
            ]
        );
    }

    #[test]
    fn ascension_before_labour_day_is_sorted() {
        // Easter on 22 March 2285 puts Ascension on 30 April.
        let holidays = belgian_holidays(2285);
        assert_eq!(holidays[2], (date(2285, 4, 30), Holiday::Ascension));
        assert_eq!(holidays[3], (date(2285, 5, 1), Holiday::LabourDay));
    }

    #[test]
    fn finds_the_holiday_on_a_date() {
        assert_eq!(
            Holiday::falling_on(date(2026, 5, 25)),
            Some(Holiday::WhitMonday)
        );
        assert_eq!(Holiday::falling_on(date(2026, 5, 26)), None);
    }

    #[test]
    fn message_ids() {
        assert_eq!(Holiday::NewYear.message_id(), "holiday-new-year");
        assert_eq!(Holiday::WhitMonday.message_id(), "holiday-whit-monday");
        assert_eq!(Holiday::Christmas.message_id(), "holiday-christmas");
    }
}
