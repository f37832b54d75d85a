//! Residents' parking cards (bewonerskaarten): the licence plate a card is for, how long a card
//! runs, what it costs, and the rules of the Leuven scheme (2018): at most two cards per housing
//! unit, the second one dearer, only for residents without a garage and for a vehicle of at most
//! 4.90 m long and 1.90 m high, a reminder a month before a card ends.

use jiff::ToSpan;
use jiff::civil::Date;
use std::fmt;
use std::str::FromStr;

/// At most this many cards per housing unit; an application waiting for payment counts.
pub const MAX_CARDS_PER_HOUSING_UNIT: usize = 2;

/// The largest vehicle a card is for, in centimetres.
pub const MAX_VEHICLE_LENGTH_CM: u32 = 490;
pub const MAX_VEHICLE_HEIGHT_CM: u32 = 190;

/// A Belgian licence plate as it is written on the car: `1-ABC-123` (since 2010), `123-ABC`
/// (2008-2010) or `ABC-123` (1973-2008). Typed in any case, with or without dashes, dots or spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LicencePlate(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PlateError {
    #[error("no licence plate given")]
    Empty,
    #[error("not a Belgian licence plate such as 1-ABC-123")]
    NotBelgian,
}

impl PlateError {
    /// The Fluent message id of the error.
    pub fn message_id(self) -> &'static str {
        match self {
            PlateError::Empty => "error-plate-empty",
            PlateError::NotBelgian => "error-plate-format",
        }
    }
}

impl LicencePlate {
    pub fn parse(input: &str) -> Result<LicencePlate, PlateError> {
        let compact: String = input
            .chars()
            .filter(|c| !matches!(c, '-' | '.' | ' '))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.is_empty() {
            return Err(PlateError::Empty);
        }
        let shape: String = compact
            .chars()
            .map(|c| match c {
                '0'..='9' => '9',
                'A'..='Z' => 'A',
                _ => '?',
            })
            .collect();
        let written = match shape.as_str() {
            // The series since 2010 starts at 1; a 0 is not issued.
            "9AAA999" if !compact.starts_with('0') => {
                format!("{}-{}-{}", &compact[..1], &compact[1..4], &compact[4..])
            }
            "999AAA" | "AAA999" => format!("{}-{}", &compact[..3], &compact[3..]),
            _ => return Err(PlateError::NotBelgian),
        };
        Ok(LicencePlate(written))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for LicencePlate {
    type Err = PlateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LicencePlate::parse(s)
    }
}

impl fmt::Display for LicencePlate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How long a card runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CardDuration {
    Quarter,
    Year,
}

impl CardDuration {
    pub fn code(self) -> &'static str {
        match self {
            CardDuration::Quarter => "quarter",
            CardDuration::Year => "year",
        }
    }

    pub fn parse(code: &str) -> Option<CardDuration> {
        [CardDuration::Quarter, CardDuration::Year]
            .into_iter()
            .find(|duration| duration.code() == code)
    }

    /// The last day of a card that starts on `from`: three months or a year, less a day.
    pub fn last_day(self, from: Date) -> Date {
        let span = match self {
            CardDuration::Quarter => 3.months(),
            CardDuration::Year => 1.year(),
        };
        from.checked_add(span)
            .and_then(|end| end.yesterday())
            .unwrap_or(Date::MAX)
    }
}

/// The day to remind the holder that a card ending on `last_day` is to be renewed: a month before.
pub fn reminder_day(last_day: Date) -> Date {
    last_day.checked_sub(1.month()).unwrap_or(last_day)
}

/// What a card costs, in cents: the housing unit's first card, or its second, which costs more so
/// that streets keep room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardFees {
    pub first_quarter: i64,
    pub first_year: i64,
    pub second_quarter: i64,
    pub second_year: i64,
}

impl Default for CardFees {
    /// Leuven's prices of 2018.
    fn default() -> Self {
        CardFees {
            first_quarter: 2_000,
            first_year: 6_000,
            second_quarter: 9_000,
            second_year: 30_000,
        }
    }
}

impl CardFees {
    /// The fees when the catalogue's product holds `first_year` (in cents) as the fee of a first
    /// card for a year: the catalogue keeps one fee per product, and the other three keep their
    /// proportion to it as in Leuven's scheme (a third for three months, five times for a second
    /// card), rounded to the cent.
    pub fn for_first_year(first_year: i64) -> CardFees {
        let base = CardFees::default();
        let scaled = |fee: i64| {
            let exact = i128::from(fee) * i128::from(first_year);
            let whole = i128::from(base.first_year);
            i64::try_from((exact + whole / 2) / whole).unwrap_or(i64::MAX)
        };
        CardFees {
            first_quarter: scaled(base.first_quarter),
            first_year,
            second_quarter: scaled(base.second_quarter),
            second_year: scaled(base.second_year),
        }
    }

    /// The fee of a card when the housing unit holds `others` cards already (issued or waiting
    /// for payment); None when it may not have another.
    pub fn fee(&self, others: usize, duration: CardDuration) -> Option<i64> {
        match (others, duration) {
            (0, CardDuration::Quarter) => Some(self.first_quarter),
            (0, CardDuration::Year) => Some(self.first_year),
            (1, CardDuration::Quarter) => Some(self.second_quarter),
            (1, CardDuration::Year) => Some(self.second_year),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn plates_are_read_as_people_type_them_and_written_as_on_the_car() {
        for (typed, written) in [
            ("1-ABC-123", "1-ABC-123"),
            ("1abc123", "1-ABC-123"),
            (" 2 xyz 045 ", "2-XYZ-045"),
            ("2.XYZ.045", "2-XYZ-045"),
            ("123-abc", "123-ABC"),
            ("ABC123", "ABC-123"),
        ] {
            assert_eq!(
                LicencePlate::parse(typed).unwrap().as_str(),
                written,
                "{typed}"
            );
        }
        assert_eq!(LicencePlate::parse(" - "), Err(PlateError::Empty));
        for wrong in [
            "0-ABC-123",
            "1-AB-123",
            "1-ABC-12",
            "12-ABC-123",
            "1-ÀBC-123",
            "AB-CD-12",
        ] {
            assert_eq!(
                LicencePlate::parse(wrong),
                Err(PlateError::NotBelgian),
                "{wrong}"
            );
        }
    }

    #[test]
    fn a_card_runs_three_months_or_a_year_and_is_reminded_a_month_before() {
        let from = date(2026, 12, 3);
        assert_eq!(CardDuration::Quarter.last_day(from), date(2027, 3, 2));
        assert_eq!(CardDuration::Year.last_day(from), date(2027, 12, 2));
        assert_eq!(reminder_day(date(2027, 3, 2)), date(2027, 2, 2));
        // From the last day of a long month to a short one.
        assert_eq!(
            CardDuration::Quarter.last_day(date(2026, 11, 30)),
            date(2027, 2, 27)
        );
        assert_eq!(reminder_day(date(2027, 3, 31)), date(2027, 2, 28));
    }

    #[test]
    fn the_second_card_of_a_housing_unit_costs_more_and_a_third_is_refused() {
        let fees = CardFees::default();
        assert_eq!(fees.fee(0, CardDuration::Year), Some(6_000));
        assert_eq!(fees.fee(0, CardDuration::Quarter), Some(2_000));
        assert_eq!(fees.fee(1, CardDuration::Year), Some(30_000));
        assert_eq!(fees.fee(1, CardDuration::Quarter), Some(9_000));
        assert_eq!(
            fees.fee(MAX_CARDS_PER_HOUSING_UNIT, CardDuration::Year),
            None
        );
        assert_eq!(CardDuration::parse("year"), Some(CardDuration::Year));
        assert_eq!(CardFees::for_first_year(6_000), fees);
        let dearer = CardFees::for_first_year(7_500);
        assert_eq!(dearer.fee(0, CardDuration::Quarter), Some(2_500));
        assert_eq!(dearer.fee(1, CardDuration::Year), Some(37_500));
        assert_eq!(dearer.fee(1, CardDuration::Quarter), Some(11_250));
        assert_eq!(CardDuration::parse("month"), None);
    }
}
