//! An address change as a citizen declares it: a street from the city's list, a house number,
//! perhaps a box, the day of the move and who of the household moves along. Checked here, free
//! of I/O, so an invalid declaration never reaches the back office.

use crate::catalogue::FieldErrors;
use crate::national_number::NationalNumber;
use crate::register::Address;
use jiff::ToSpan;
use jiff::civil::Date;

/// A declaration is due within eight working days after the move. A citizen who is later than a
/// month should come and explain at the counter instead, where a late declaration is handled with
/// the citizen present; a move more than a month ahead cannot be checked by the neighbourhood
/// officer yet and plans still change.
pub const MAX_DAYS_AFTER_MOVE: i64 = 30;
pub const MAX_DAYS_BEFORE_MOVE: i64 = 30;

/// A street of the city's list, as the check needs it.
#[derive(Debug, Clone, Copy)]
pub struct ListedStreet<'a> {
    pub name: &'a str,
    pub postal_code: &'a str,
    pub city: &'a str,
}

/// What the citizen filled in, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeclarationInput {
    pub street: String,
    pub number: String,
    pub box_number: String,
    /// May be empty where the street's name is enough.
    pub postal_code: String,
    pub moving_date: String,
    /// National numbers of the household members who move along (the declarant always moves).
    pub members: Vec<String>,
}

/// What the citizen's situation is: who they are, where they live and with whom.
#[derive(Debug, Clone, Copy)]
pub struct Declarant<'a> {
    pub national_number: &'a NationalNumber,
    pub current: &'a Address,
    pub household: &'a [NationalNumber],
    pub today: Date,
}

/// A checked declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub to: Address,
    pub moving_date: Date,
    /// Everyone who moves, the declarant first.
    pub movers: Vec<NationalNumber>,
}

impl DeclarationInput {
    /// Checks the declaration against the city's street list and the declarant's household; the
    /// errors name the field that is wrong and how to put it right.
    pub fn parse(
        &self,
        streets: &[ListedStreet<'_>],
        declarant: Declarant<'_>,
    ) -> Result<Declaration, FieldErrors> {
        let mut errors = FieldErrors::default();
        let street = self.street(streets, &mut errors);
        let number = house_number(&self.number);
        if let Err(id) = &number {
            errors.add("number", id);
        }
        let box_number = box_number(&self.box_number);
        if let Err(id) = &box_number {
            errors.add("box", id);
        }
        let moving_date = moving_date(&self.moving_date, declarant.today);
        if let Err(id) = &moving_date {
            errors.add("moving_date", id);
        }
        let movers = self.movers(declarant);
        if let Err(id) = &movers {
            errors.add("members", id);
        }
        let (Some(street), Ok(number), Ok(box_number), Ok(moving_date), Ok(movers)) =
            (street, number, box_number, moving_date, movers)
        else {
            return Err(errors);
        };
        let to = Address {
            street: street.name.to_owned(),
            number,
            box_number,
            postal_code: street.postal_code.to_owned(),
            city: street.city.to_owned(),
        };
        if same_housing_unit(&to, declarant.current) {
            errors.add("number", "error-address-change-same-address");
            return Err(errors);
        }
        Ok(Declaration {
            to,
            moving_date,
            movers,
        })
    }

    fn street<'a>(
        &self,
        streets: &[ListedStreet<'a>],
        errors: &mut FieldErrors,
    ) -> Option<ListedStreet<'a>> {
        let name = self.street.trim();
        if name.is_empty() {
            errors.add("street", "error-address-change-street-empty");
            return None;
        }
        let named: Vec<ListedStreet<'a>> = streets
            .iter()
            .copied()
            .filter(|street| street.name.to_lowercase() == name.to_lowercase())
            .collect();
        if named.is_empty() {
            errors.add("street", "error-address-change-street-unknown");
            return None;
        }
        let postal_code = self.postal_code.trim();
        if postal_code.is_empty() {
            if named.len() > 1 {
                errors.add("postal_code", "error-address-change-postal-code-which");
                return None;
            }
            return named.first().copied();
        }
        let found = named.iter().find(|s| s.postal_code == postal_code).copied();
        if found.is_none() {
            errors.add("postal_code", "error-address-change-postal-code");
        }
        found
    }

    fn movers(&self, declarant: Declarant<'_>) -> Result<Vec<NationalNumber>, &'static str> {
        let mut movers = vec![declarant.national_number.clone()];
        for typed in &self.members {
            let typed = typed.trim();
            if typed.is_empty() {
                continue;
            }
            let member = NationalNumber::parse(typed).map_err(|_| "error-address-change-member")?;
            if !declarant.household.contains(&member) {
                return Err("error-address-change-member");
            }
            if !movers.contains(&member) {
                movers.push(member);
            }
        }
        Ok(movers)
    }
}

/// `12`, `12A`: one to four digits, not starting with 0, and perhaps one letter (kept upper case).
fn house_number(typed: &str) -> Result<String, &'static str> {
    let number = typed.trim().to_uppercase();
    if number.is_empty() {
        return Err("error-address-change-number-empty");
    }
    let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
    let rest = &number[digits.len()..];
    let letter_ok = rest.is_empty()
        || (rest.chars().count() == 1 && rest.chars().all(|c| c.is_ascii_alphabetic()));
    if digits.is_empty() || digits.len() > 4 || digits.starts_with('0') || !letter_ok {
        return Err("error-address-change-number");
    }
    Ok(number)
}

/// `3`, `0101`, `B2`: up to six letters and digits; empty for a house with one housing unit.
fn box_number(typed: &str) -> Result<String, &'static str> {
    let typed = typed.trim();
    let without_word = typed
        .strip_prefix("bus ")
        .or_else(|| typed.strip_prefix("Bus "))
        .unwrap_or(typed)
        .trim()
        .to_uppercase();
    let ok = without_word.chars().count() <= 6
        && without_word.chars().all(|c| c.is_ascii_alphanumeric());
    if ok {
        Ok(without_word)
    } else {
        Err("error-address-change-box")
    }
}

/// The day of the move: a date (`2026-12-10`, or `10/12/2026` as Belgians write it) at most
/// [`MAX_DAYS_AFTER_MOVE`] days ago and [`MAX_DAYS_BEFORE_MOVE`] days ahead.
fn moving_date(typed: &str, today: Date) -> Result<Date, &'static str> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err("error-address-change-date-empty");
    }
    let date = parse_date(typed).ok_or("error-address-change-date")?;
    let earliest = today
        .checked_sub(MAX_DAYS_AFTER_MOVE.days())
        .map_err(|_| "error-address-change-date")?;
    let latest = today
        .checked_add(MAX_DAYS_BEFORE_MOVE.days())
        .map_err(|_| "error-address-change-date")?;
    if date < earliest {
        return Err("error-address-change-date-late");
    }
    if date > latest {
        return Err("error-address-change-date-early");
    }
    Ok(date)
}

fn parse_date(typed: &str) -> Option<Date> {
    if let Ok(date) = typed.parse::<Date>() {
        return Some(date);
    }
    let parts: Vec<&str> = typed.split(['/', '-', '.']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

fn same_housing_unit(a: &Address, b: &Address) -> bool {
    a.street.to_lowercase() == b.street.to_lowercase()
        && a.postal_code == b.postal_code
        && a.number.to_uppercase() == b.number.to_uppercase()
        && a.box_number.to_uppercase() == b.box_number.to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streets() -> Vec<ListedStreet<'static>> {
        [
            ("Bondgenotenlaan", "3000", "Leuven"),
            ("Naamsesteenweg", "3001", "Heverlee"),
            ("Dorpsstraat", "3012", "Wilsele"),
            ("Dorpsstraat", "3018", "Wijgmaal"),
        ]
        .into_iter()
        .map(|(name, postal_code, city)| ListedStreet {
            name,
            postal_code,
            city,
        })
        .collect()
    }

    fn me() -> NationalNumber {
        NationalNumber::parse("85073003328").unwrap()
    }

    fn child() -> NationalNumber {
        NationalNumber::parse("17073003384").unwrap()
    }

    fn home() -> Address {
        Address {
            street: "Bondgenotenlaan".into(),
            number: "12".into(),
            box_number: String::new(),
            postal_code: "3000".into(),
            city: "Leuven".into(),
        }
    }

    fn check(input: DeclarationInput) -> Result<Declaration, FieldErrors> {
        let me = me();
        let home = home();
        let household = [me.clone(), child()];
        input.parse(
            &streets(),
            Declarant {
                national_number: &me,
                current: &home,
                household: &household,
                today: "2026-12-03".parse().unwrap(),
            },
        )
    }

    fn input() -> DeclarationInput {
        DeclarationInput {
            street: "naamsesteenweg".into(),
            number: "140a".into(),
            box_number: "bus 2".into(),
            postal_code: String::new(),
            moving_date: "10/12/2026".into(),
            members: vec!["17.07.30-033.84".into()],
        }
    }

    #[test]
    fn a_valid_declaration_takes_the_street_as_the_list_writes_it() {
        let declaration = check(input()).unwrap();
        assert_eq!(
            declaration.to.to_string(),
            "Naamsesteenweg 140A bus 2, 3001 Heverlee"
        );
        assert_eq!(declaration.moving_date.to_string(), "2026-12-10");
        assert_eq!(declaration.movers, vec![me(), child()]);
    }

    #[test]
    fn each_wrong_field_gets_its_own_message() {
        let errors = check(DeclarationInput {
            street: "Rue de la Loi".into(),
            number: "0".into(),
            box_number: "3/4".into(),
            postal_code: String::new(),
            moving_date: "31/02/2026".into(),
            members: vec!["93051822361".into()],
        })
        .unwrap_err();
        assert_eq!(
            errors.get("street"),
            Some("error-address-change-street-unknown")
        );
        assert_eq!(errors.get("number"), Some("error-address-change-number"));
        assert_eq!(errors.get("box"), Some("error-address-change-box"));
        assert_eq!(errors.get("moving_date"), Some("error-address-change-date"));
        assert_eq!(errors.get("members"), Some("error-address-change-member"));
    }

    #[test]
    fn house_numbers_are_digits_with_perhaps_a_letter() {
        for good in ["1", "12", "140a", "9999"] {
            assert!(house_number(good).is_ok(), "{good}");
        }
        for bad in ["", "a", "012", "12ab", "12-14", "10000", "12 b"] {
            assert!(house_number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_moving_date_lies_within_a_month_of_today() {
        let today: Date = "2026-12-03".parse().unwrap();
        assert!(moving_date("2026-11-03", today).is_ok());
        assert!(moving_date("2027-01-02", today).is_ok());
        assert_eq!(
            moving_date("2026-11-02", today),
            Err("error-address-change-date-late")
        );
        assert_eq!(
            moving_date("2027-01-03", today),
            Err("error-address-change-date-early")
        );
    }

    #[test]
    fn an_ambiguous_street_needs_its_postal_code() {
        let mut ambiguous = input();
        ambiguous.street = "Dorpsstraat".into();
        let errors = check(ambiguous.clone()).unwrap_err();
        assert_eq!(
            errors.get("postal_code"),
            Some("error-address-change-postal-code-which")
        );
        ambiguous.postal_code = "3018".into();
        assert_eq!(check(ambiguous.clone()).unwrap().to.city, "Wijgmaal");
        ambiguous.postal_code = "3000".into();
        assert_eq!(
            check(ambiguous).unwrap_err().get("postal_code"),
            Some("error-address-change-postal-code")
        );
    }

    #[test]
    fn the_new_address_differs_from_the_current_one() {
        let errors = check(DeclarationInput {
            street: "Bondgenotenlaan".into(),
            number: "12".into(),
            moving_date: "2026-12-10".into(),
            ..DeclarationInput::default()
        })
        .unwrap_err();
        assert_eq!(
            errors.get("number"),
            Some("error-address-change-same-address")
        );
    }

    #[test]
    fn only_the_declarant_moves_unless_members_are_named() {
        let declaration = check(DeclarationInput {
            members: vec![String::new(), "85073003328".into()],
            ..input()
        })
        .unwrap();
        assert_eq!(declaration.movers, vec![me()]);
    }
}
