//! The Belgian national register number (rijksregisternummer).
//!
//! The number has the form `YYMMDD SSS CC`: the birth date, a serial number (odd for men, even
//! for women) and two check digits. It is a sensitive identifier, so [`NationalNumber`] masks
//! itself in [`Debug`](std::fmt::Debug) output and offers [`NationalNumber::masked`] for screens.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

const DIGIT_COUNT: usize = 11;

/// Added to the first nine digits when computing the check digits of people born in 2000 or later.
const BORN_FROM_2000_PREFIX: u64 = 2_000_000_000;

/// Added to the month of a BIS number when the holder's sex was unknown at registration.
const BIS_OFFSET_SEX_UNKNOWN: i8 = 20;

/// Added to the month of a BIS number when the holder's sex was known at registration.
const BIS_OFFSET_SEX_KNOWN: i8 = 40;

/// A validated Belgian national register number: exactly eleven ASCII digits with valid check digits.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct NationalNumber(String);

/// Why a text is not a valid national register number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NationalNumberError {
    /// Nothing but separators or whitespace was entered.
    #[error("the national register number is empty")]
    Empty,
    /// The number does not have exactly eleven digits.
    #[error("a national register number has exactly 11 digits")]
    WrongLength,
    /// The number contains something other than digits, spaces, dots and dashes.
    #[error("a national register number contains only digits")]
    NotDigits,
    /// The check digits do not match the first nine digits.
    #[error("the check digits of the national register number do not match")]
    CheckDigits,
}

impl NationalNumberError {
    /// The Fluent message id that explains this error to the citizen.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Empty => "national-number-empty",
            Self::WrongLength => "national-number-length",
            Self::NotDigits => "national-number-digits",
            Self::CheckDigits => "national-number-check",
        }
    }
}

/// The century a number belongs to, as decided by which check-digit computation matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Century {
    Nineteen,
    Twenty,
}

impl Century {
    fn first_year(self) -> i16 {
        match self {
            Self::Nineteen => 1900,
            Self::Twenty => 2000,
        }
    }
}

impl NationalNumber {
    /// Parses a number as people type it: `85.07.30-033.28`, `85073003328` or with spaces.
    ///
    /// Whitespace, dots and dashes are ignored; everything else must be an ASCII digit.
    pub fn parse(input: &str) -> Result<Self, NationalNumberError> {
        let digits: String = input.chars().filter(|c| !is_separator(*c)).collect();
        if digits.is_empty() {
            return Err(NationalNumberError::Empty);
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NationalNumberError::NotDigits);
        }
        if digits.len() != DIGIT_COUNT {
            return Err(NationalNumberError::WrongLength);
        }
        if century_of(&digits).is_none() {
            return Err(NationalNumberError::CheckDigits);
        }
        Ok(Self(digits))
    }

    /// The eleven digits without separators, e.g. `85073003328`.
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// The official notation, e.g. `85.07.30-033.28`.
    pub fn formatted(&self) -> String {
        let d = &self.0;
        format!(
            "{}.{}.{}-{}.{}",
            &d[0..2],
            &d[2..4],
            &d[4..6],
            &d[6..9],
            &d[9..11]
        )
    }

    /// The official notation with the serial number and check digits hidden, e.g. `85.07.30-***.**`.
    pub fn masked(&self) -> String {
        let d = &self.0;
        format!("{}.{}.{}-***.**", &d[0..2], &d[2..4], &d[4..6])
    }

    /// A stored number as screens show it, masked; None when there is none or it no longer parses.
    pub fn mask_stored(stored: Option<&str>) -> Option<String> {
        stored
            .and_then(|digits| NationalNumber::parse(digits).ok())
            .map(|number| number.masked())
    }

    /// The birth date encoded in the number.
    ///
    /// Returns `None` when the month or day is `00` (birth date unknown) or does not form a real
    /// date. For BIS numbers the offset of 20 or 40 is removed from the month first.
    pub fn birth_date(&self) -> Option<Date> {
        let year = self.century().first_year() + i16::from(self.two_digits(0));
        let month = remove_bis_offset(self.two_digits(2));
        let day = self.two_digits(4);
        Date::new(year, month, day).ok()
    }

    /// Whether this is a BIS number, given to people not (or not yet) in the national register.
    pub fn is_bis(&self) -> bool {
        self.two_digits(2) >= BIS_OFFSET_SEX_UNKNOWN
    }

    /// The two-digit number starting at `start`; parsing guaranteed ASCII digits.
    fn two_digits(&self, start: usize) -> i8 {
        let bytes = &self.0.as_bytes()[start..start + 2];
        let value = (bytes[0] - b'0') * 10 + (bytes[1] - b'0');
        // At most 99, so it always fits.
        value as i8
    }

    fn century(&self) -> Century {
        // Parsing only accepts numbers for which one of the two computations matches.
        century_of(&self.0).unwrap_or(Century::Nineteen)
    }
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '.' || c == '-'
}

/// The century whose check-digit computation matches, or `None` when neither does.
///
/// `digits` must be eleven ASCII digits. Both computations can never match at once, because
/// 2,000,000,000 is not a multiple of 97.
fn century_of(digits: &str) -> Option<Century> {
    let (body, check) = digits.split_at(9);
    let body: u64 = body.parse().ok()?;
    let check: u64 = check.parse().ok()?;
    if check_digits(body) == check {
        Some(Century::Nineteen)
    } else if check_digits(BORN_FROM_2000_PREFIX + body) == check {
        Some(Century::Twenty)
    } else {
        None
    }
}

fn check_digits(number: u64) -> u64 {
    97 - number % 97
}

/// The calendar month of a month field. An unknown month (`00`, or `20`/`40` in a BIS number)
/// stays outside 1..=12 and so yields no date.
fn remove_bis_offset(month: i8) -> i8 {
    match month {
        m if m > BIS_OFFSET_SEX_KNOWN => m - BIS_OFFSET_SEX_KNOWN,
        m if m > BIS_OFFSET_SEX_UNKNOWN => m - BIS_OFFSET_SEX_UNKNOWN,
        m => m,
    }
}

impl FromStr for NationalNumber {
    type Err = NationalNumberError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Self::parse(input)
    }
}

impl fmt::Display for NationalNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.formatted())
    }
}

/// Masked, so that the full number never ends up in logs.
impl fmt::Debug for NationalNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("NationalNumber")
            .field(&self.masked())
            .finish()
    }
}

/// Serialized as the eleven digits, e.g. `"85073003328"`.
impl Serialize for NationalNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Deserialized from any notation [`NationalNumber::parse`] accepts, and validated.
impl<'de> Deserialize<'de> for NationalNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn number(text: &str) -> NationalNumber {
        NationalNumber::parse(text).expect("test number is valid")
    }

    #[test]
    fn accepts_numbers_born_in_the_1900s() {
        assert_eq!(number("85073003328").birth_date(), Some(date(1985, 7, 30)));
        assert_eq!(number("93051822361").birth_date(), Some(date(1993, 5, 18)));
    }

    #[test]
    fn accepts_numbers_born_from_2000_on() {
        assert_eq!(number("17073003384").birth_date(), Some(date(2017, 7, 30)));
    }

    #[test]
    fn ignores_spaces_dots_and_dashes() {
        let expected = number("85073003328");
        assert_eq!(number("85.07.30-033.28"), expected);
        assert_eq!(number(" 850730 033 28 "), expected);
        assert_eq!(number("85-07-30 033-28"), expected);
        assert_eq!(number("85073003328").digits(), "85073003328");
    }

    #[test]
    fn rejects_a_wrong_check_digit() {
        for text in ["85073003329", "17073003383", "93051822362"] {
            assert_eq!(
                NationalNumber::parse(text),
                Err(NationalNumberError::CheckDigits),
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_a_wrong_length() {
        assert_eq!(
            NationalNumber::parse("8507300332"),
            Err(NationalNumberError::WrongLength)
        );
        assert_eq!(
            NationalNumber::parse("850730033281"),
            Err(NationalNumberError::WrongLength)
        );
    }

    #[test]
    fn rejects_letters_and_non_ascii_digits() {
        assert_eq!(
            NationalNumber::parse("85O73003328"),
            Err(NationalNumberError::NotDigits)
        );
        assert_eq!(
            NationalNumber::parse("８5073003328"),
            Err(NationalNumberError::NotDigits)
        );
    }

    #[test]
    fn rejects_empty_input() {
        assert_eq!(NationalNumber::parse(""), Err(NationalNumberError::Empty));
        assert_eq!(
            NationalNumber::parse(" .- "),
            Err(NationalNumberError::Empty)
        );
    }

    #[test]
    fn formats_and_masks() {
        let n = number("85073003328");
        assert_eq!(n.formatted(), "85.07.30-033.28");
        assert_eq!(n.to_string(), "85.07.30-033.28");
        assert_eq!(n.masked(), "85.07.30-***.**");
    }

    #[test]
    fn a_stored_number_is_shown_masked_and_a_damaged_one_not_at_all() {
        assert_eq!(
            NationalNumber::mask_stored(Some("85073003328")).as_deref(),
            Some("85.07.30-***.**")
        );
        assert_eq!(NationalNumber::mask_stored(Some("85073003329")), None);
        assert_eq!(NationalNumber::mask_stored(None), None);
    }

    #[test]
    fn debug_output_is_masked() {
        let debug = format!("{:?}", number("85073003328"));
        assert_eq!(debug, r#"NationalNumber("85.07.30-***.**")"#);
        assert!(!debug.contains("033"));
    }

    #[test]
    fn bis_numbers_carry_an_offset_on_the_month() {
        let sex_unknown = number("85273003371");
        assert!(sex_unknown.is_bis());
        assert_eq!(sex_unknown.birth_date(), Some(date(1985, 7, 30)));

        let sex_known = number("85473003317");
        assert!(sex_known.is_bis());
        assert_eq!(sex_known.birth_date(), Some(date(1985, 7, 30)));

        let born_2005 = number("05243012355");
        assert!(born_2005.is_bis());
        assert_eq!(born_2005.birth_date(), Some(date(2005, 4, 30)));

        assert!(!number("85073003328").is_bis());
    }

    #[test]
    fn unknown_month_or_day_has_no_birth_date() {
        // 000000012 with the 2000s check digits: month and day 00.
        assert_eq!(number("00000001217").birth_date(), None);
    }

    #[test]
    fn deserializes_and_validates() {
        use serde::de::value::{Error, StrDeserializer};

        let valid = StrDeserializer::<Error>::new("85.07.30-033.28");
        assert_eq!(
            NationalNumber::deserialize(valid),
            Ok(number("85073003328"))
        );
        let invalid = StrDeserializer::<Error>::new("85073003329");
        assert!(NationalNumber::deserialize(invalid).is_err());
    }

    #[test]
    fn message_ids() {
        assert_eq!(
            NationalNumberError::Empty.message_id(),
            "national-number-empty"
        );
        assert_eq!(
            NationalNumberError::WrongLength.message_id(),
            "national-number-length"
        );
        assert_eq!(
            NationalNumberError::NotDigits.message_id(),
            "national-number-digits"
        );
        assert_eq!(
            NationalNumberError::CheckDigits.message_id(),
            "national-number-check"
        );
    }
}
