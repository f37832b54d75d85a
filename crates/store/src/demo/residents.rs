//! The demo's residents: about three hundred made-up people of Leuven in households, the same on
//! every install. A fixed seed drives a small generator over the streets and names of
//! `residents.toml`; national register numbers are valid and match birth date and sex.

use crate::register::{NewHousehold, StreetInput};
use crate::{Store, StoreError, StoreResult};
use jiff::civil::{Date, date};
use loket_domain::national_number::NationalNumber;
use loket_domain::register::{Address, CivilStatus, HouseholdRole, Resident, Sex};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

pub const RESIDENTS: &str = include_str!("residents.toml");

/// How many residents the demo has at least.
const RESIDENT_COUNT: usize = 300;
const SEED: u64 = 0x1e0e_2026;
/// Ages are reckoned on this day, so that the demo does not change with the clock.
const REFERENCE_DAY: Date = date(2026, 12, 1);

#[derive(Deserialize)]
struct ResidentsFile {
    streets: Vec<DemoStreet>,
    cities: BTreeMap<String, String>,
    origins: Vec<Origin>,
}

#[derive(Deserialize)]
struct DemoStreet {
    name: String,
    postal_code: String,
    zone: String,
}

#[derive(Deserialize)]
struct Origin {
    weight: u64,
    /// Of the adults born abroad; those born in Belgium are Belgian.
    nationality: String,
    birth_places: Vec<String>,
    male: Vec<String>,
    female: Vec<String>,
    last: Vec<String>,
}

fn invalid(what: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(format!("demo residents: {what}"))
}

/// SplitMix64: small, fast and the same everywhere, which is all the demo asks of it.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: i64, high: i64) -> i64 {
        let span = u64::try_from(high - low + 1).unwrap_or(1);
        low + i64::try_from(self.next() % span).unwrap_or(0)
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: i64) -> bool {
        self.between(1, 100) <= percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let index = self.next() % items.len() as u64;
        &items[usize::try_from(index).unwrap_or(0)]
    }
}

/// One household drawn, before it is stored.
struct DrawnHousehold {
    address: Address,
    since: Date,
    members: Vec<Resident>,
}

struct Generator<'a> {
    file: &'a ResidentsFile,
    random: Seeded,
    numbers: HashSet<String>,
    addresses: HashSet<Address>,
}

impl<'a> Generator<'a> {
    fn origin(&mut self) -> &'a Origin {
        let total: u64 = self.file.origins.iter().map(|o| o.weight).sum();
        let mut draw = self.random.next() % total.max(1);
        for origin in &self.file.origins {
            if draw < origin.weight {
                return origin;
            }
            draw -= origin.weight;
        }
        &self.file.origins[0]
    }

    /// A free housing unit: a number, and in a quarter of the cases a flat's box.
    fn address(&mut self) -> StoreResult<Address> {
        loop {
            let street = self.random.pick(&self.file.streets);
            let city = self
                .file
                .cities
                .get(&street.postal_code)
                .ok_or_else(|| invalid(&street.postal_code))?;
            let box_number = if self.random.chance(25) {
                self.random.between(1, 12).to_string()
            } else {
                String::new()
            };
            let address = Address {
                street: street.name.clone(),
                number: self.random.between(1, 160).to_string(),
                box_number,
                postal_code: street.postal_code.clone(),
                city: city.clone(),
            };
            if self.addresses.insert(address.clone()) {
                return Ok(address);
            }
        }
    }

    fn birth_date(&mut self, age: i64) -> StoreResult<Date> {
        let year = i64::from(REFERENCE_DAY.year()) - age - 1;
        let born = date(i16::try_from(year).map_err(invalid)?, 1, 1)
            .checked_add(jiff::Span::new().days(self.random.between(0, 364)))
            .map_err(invalid)?;
        Ok(born.min(REFERENCE_DAY))
    }

    /// A new valid number for this birth date and sex: odd serials for men, even for women.
    fn national_number(&mut self, birth: Date, sex: Sex) -> StoreResult<NationalNumber> {
        loop {
            let mut serial = self.random.between(1, 996);
            if (sex == Sex::Male) != (serial % 2 == 1) {
                serial += 1;
            }
            let body = format!(
                "{:02}{:02}{:02}{serial:03}",
                birth.year() % 100,
                birth.month(),
                birth.day()
            );
            let mut base: u64 = body.parse().map_err(invalid)?;
            if birth.year() >= 2000 {
                base += 2_000_000_000;
            }
            let digits = format!("{body}{:02}", 97 - base % 97);
            if self.numbers.insert(digits.clone()) {
                return NationalNumber::parse(&digits).map_err(invalid);
            }
        }
    }

    fn person(&mut self, who: Person<'_>) -> StoreResult<Resident> {
        let birth_date = self.birth_date(who.age)?;
        let names = if who.sex == Sex::Male {
            &who.origin.male
        } else {
            &who.origin.female
        };
        let mut first_names = self.random.pick(names).clone();
        if self.random.chance(40) {
            let second = self.random.pick(names);
            if *second != first_names {
                first_names = format!("{first_names} {second}");
            }
        }
        let born_here = who.role == HouseholdRole::Child || self.random.chance(20);
        let birth_place = if born_here {
            "Leuven".to_owned()
        } else {
            self.random.pick(&who.origin.birth_places).clone()
        };
        let nationality = if who.origin.nationality == "BE" || self.random.chance(35) {
            "BE".to_owned()
        } else {
            who.origin.nationality.clone()
        };
        let adult = who.role != HouseholdRole::Child || who.age >= 18;
        let email =
            (adult && self.random.chance(75)).then(|| email_of(&first_names, who.last_name));
        Ok(Resident {
            national_number: self.national_number(birth_date, who.sex)?,
            first_names,
            last_name: who.last_name.to_owned(),
            birth_date,
            birth_place,
            sex: who.sex,
            nationality,
            civil_status: who.civil_status,
            household_role: who.role,
            email,
        })
    }

    fn sex(&mut self) -> Sex {
        if self.random.chance(50) {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// A household of one of the common kinds: someone alone, a couple, a family with
    /// children, or a parent alone with children.
    fn household(&mut self) -> StoreResult<DrawnHousehold> {
        let origin = self.origin();
        let last_name = self.random.pick(&origin.last).clone();
        let kind = self.random.between(1, 100);
        let age = self.random.between(21, 88);
        let mut members = Vec::new();
        let first_sex = self.sex();
        if kind <= 32 {
            let status = match age {
                ..=35 => CivilStatus::Single,
                36..=74 if self.random.chance(35) => CivilStatus::Divorced,
                75.. if self.random.chance(60) => CivilStatus::Widowed,
                _ => CivilStatus::Single,
            };
            members.push(self.person(Person::adult(origin, &last_name, first_sex, age, status))?);
        } else {
            let with_partner = kind <= 90;
            let age = if kind > 52 {
                self.random.between(26, 56)
            } else {
                age
            };
            let status = if !with_partner {
                CivilStatus::Divorced
            } else if self.random.chance(70) {
                CivilStatus::Married
            } else if self.random.chance(65) {
                CivilStatus::RegisteredPartner
            } else {
                CivilStatus::Single
            };
            members.push(self.person(Person::adult(origin, &last_name, first_sex, age, status))?);
            if with_partner {
                let partner_origin = if self.random.chance(85) {
                    origin
                } else {
                    self.origin()
                };
                let partner_name = self.random.pick(&partner_origin.last).clone();
                let partner_age = (age + self.random.between(-4, 4)).max(20);
                let sex = if self.random.chance(94) {
                    opposite(first_sex)
                } else {
                    first_sex
                };
                let mut partner =
                    Person::adult(partner_origin, &partner_name, sex, partner_age, status);
                partner.role = HouseholdRole::Partner;
                members.push(self.person(partner)?);
            }
            if kind > 52 {
                let youngest_parent = age.min(partner_age(&members));
                let children = self.random.between(1, 3);
                // The eldest born when the youngest parent was 23 to 34, the others two to
                // four years apart.
                let mut child_age = youngest_parent - self.random.between(23, 34);
                for _ in 0..children {
                    if !(0..=24).contains(&child_age) {
                        break;
                    }
                    let sex = self.sex();
                    members.push(self.person(Person::child(origin, &last_name, sex, child_age))?);
                    child_age -= self.random.between(2, 4);
                }
            }
        }
        let address = self.address()?;
        let youngest_adult = members
            .iter()
            .filter(|m| m.household_role != HouseholdRole::Child)
            .map(|m| m.birth_date)
            .max()
            .unwrap_or(REFERENCE_DAY);
        let eldest_child = members
            .iter()
            .filter(|m| m.household_role == HouseholdRole::Child)
            .map(|m| m.birth_date)
            .min();
        let earliest = youngest_adult
            .checked_add(jiff::Span::new().years(18))
            .map_err(invalid)?;
        let since = self.since(eldest_child.map_or(earliest, |child| child.min(earliest)))?;
        Ok(DrawnHousehold {
            address,
            since,
            members,
        })
    }

    /// A day from `earliest` (or 1990) to two weeks before the reference day.
    fn since(&mut self, earliest: Date) -> StoreResult<Date> {
        let from = earliest.max(date(1990, 1, 1));
        let until = REFERENCE_DAY
            .checked_sub(jiff::Span::new().days(14))
            .map_err(invalid)?;
        if from >= until {
            return Ok(until);
        }
        let days = from.until(until).map_err(invalid)?.get_days();
        from.checked_add(jiff::Span::new().days(self.random.between(0, i64::from(days))))
            .map_err(invalid)
    }
}

/// Who to draw: their origin, family name, sex, age and place in the household.
struct Person<'a> {
    origin: &'a Origin,
    last_name: &'a str,
    sex: Sex,
    age: i64,
    civil_status: CivilStatus,
    role: HouseholdRole,
}

impl<'a> Person<'a> {
    fn adult(
        origin: &'a Origin,
        last_name: &'a str,
        sex: Sex,
        age: i64,
        civil_status: CivilStatus,
    ) -> Self {
        Person {
            origin,
            last_name,
            sex,
            age,
            civil_status,
            role: HouseholdRole::Reference,
        }
    }

    fn child(origin: &'a Origin, last_name: &'a str, sex: Sex, age: i64) -> Self {
        Person {
            origin,
            last_name,
            sex,
            age,
            civil_status: CivilStatus::Single,
            role: HouseholdRole::Child,
        }
    }
}

fn opposite(sex: Sex) -> Sex {
    if sex == Sex::Male {
        Sex::Female
    } else {
        Sex::Male
    }
}

/// The age of the partner (the second member), or a great one when there is none.
fn partner_age(members: &[Resident]) -> i64 {
    members
        .get(1)
        .map_or(i64::MAX, |partner| age_on_reference_day(partner.birth_date))
}

fn age_on_reference_day(birth: Date) -> i64 {
    birth
        .until((jiff::Unit::Year, REFERENCE_DAY))
        .map_or(0, |span| i64::from(span.get_years()))
}

/// `jan.peeters@example.org`, without accents or spaces.
fn email_of(first_names: &str, last_name: &str) -> String {
    let first = loket_domain::register::first_name(first_names);
    let plain = |text: &str| -> String {
        text.chars()
            .filter_map(|c| match c {
                'á' | 'à' | 'ä' | 'â' | 'ą' => Some('a'),
                'é' | 'è' | 'ë' | 'ê' | 'ę' => Some('e'),
                'í' | 'ï' | 'î' => Some('i'),
                'ó' | 'ö' | 'ô' => Some('o'),
                'ú' | 'ü' | 'û' => Some('u'),
                'ç' | 'ć' => Some('c'),
                'ł' => Some('l'),
                'ń' => Some('n'),
                'ś' => Some('s'),
                'ź' | 'ż' => Some('z'),
                c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
                _ => None,
            })
            .collect()
    };
    format!(
        "{}.{}@example.org",
        plain(&first.to_lowercase()),
        plain(&last_name.to_lowercase())
    )
}

fn draw(file: &ResidentsFile) -> StoreResult<Vec<DrawnHousehold>> {
    let mut generator = Generator {
        file,
        random: Seeded(SEED),
        numbers: HashSet::new(),
        addresses: HashSet::new(),
    };
    let mut households = Vec::new();
    let mut residents = 0;
    while residents < RESIDENT_COUNT {
        let household = generator.household()?;
        residents += household.members.len();
        households.push(household);
    }
    Ok(households)
}

impl Store {
    /// Stores the demo's streets and residents unless the register holds residents already.
    pub(super) async fn install_demo_residents(&self) -> StoreResult<()> {
        if self.resident_count().await? > 0 {
            return Ok(());
        }
        let file: ResidentsFile = toml::from_str(RESIDENTS).map_err(invalid)?;
        let streets = file
            .streets
            .iter()
            .map(|street| {
                Ok(StreetInput {
                    name: street.name.clone(),
                    postal_code: street.postal_code.clone(),
                    city: file
                        .cities
                        .get(&street.postal_code)
                        .ok_or_else(|| invalid(&street.postal_code))?
                        .clone(),
                    parking_zone: Some(street.zone.clone()),
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
        self.save_streets(&streets).await?;
        let drawn = draw(&file)?;
        let households: Vec<NewHousehold<'_>> = drawn
            .iter()
            .map(|h| NewHousehold {
                address: &h.address,
                since: h.since,
                members: &h.members,
            })
            .collect();
        self.save_households(&households).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn residents() -> Vec<DrawnHousehold> {
        draw(&toml::from_str(RESIDENTS).unwrap()).unwrap()
    }

    fn all(households: &[DrawnHousehold]) -> impl Iterator<Item = &Resident> {
        households.iter().flat_map(|h| h.members.iter())
    }

    #[test]
    fn the_demo_is_the_same_on_every_install() {
        let first: Vec<_> = all(&residents())
            .map(|r| r.national_number.clone())
            .collect();
        let second: Vec<_> = all(&residents())
            .map(|r| r.national_number.clone())
            .collect();
        assert_eq!(first, second);
        assert!((RESIDENT_COUNT..RESIDENT_COUNT + 5).contains(&first.len()));
        assert_eq!(first.iter().collect::<HashSet<_>>().len(), first.len());
    }

    #[test]
    fn every_number_is_valid_and_tells_birth_date_and_sex() {
        for resident in all(&residents()) {
            let number = &resident.national_number;
            assert_eq!(number.birth_date(), Some(resident.birth_date));
            let odd = number.digits().as_bytes()[8] % 2 == 1;
            assert_eq!(odd, resident.sex == Sex::Male, "{number:?}");
        }
        let born_after_2000 = all(&residents())
            .filter(|r| r.birth_date.year() >= 2000)
            .count();
        assert!(
            born_after_2000 > 20,
            "children and students use the 2000 rule"
        );
    }

    #[test]
    fn households_are_consistent() {
        let households = residents();
        for household in &households {
            let reference = &household.members[0];
            assert_eq!(reference.household_role, HouseholdRole::Reference);
            assert!(age_on_reference_day(reference.birth_date) >= 18);
            let partner = household
                .members
                .iter()
                .find(|m| m.household_role == HouseholdRole::Partner);
            if let Some(partner) = partner {
                assert_eq!(partner.civil_status, reference.civil_status);
            }
            for child in household
                .members
                .iter()
                .filter(|m| m.household_role == HouseholdRole::Child)
            {
                assert!(
                    child.birth_date
                        > reference
                            .birth_date
                            .checked_add(jiff::Span::new().years(18))
                            .unwrap()
                );
            }
            let mut children: Vec<_> = household
                .members
                .iter()
                .filter(|m| m.household_role == HouseholdRole::Child)
                .map(|m| m.birth_date)
                .collect();
            children.sort();
            for pair in children.windows(2) {
                assert!(pair[0].checked_add(jiff::Span::new().years(1)).unwrap() < pair[1]);
            }
            assert!(household.since <= REFERENCE_DAY);
        }
        let kinds = |size: usize| {
            households
                .iter()
                .filter(|h| h.members.len() == size)
                .count()
        };
        assert!(kinds(1) > 20 && kinds(2) > 10 && kinds(4) > 5);
        assert!(households.iter().any(|h| !h.address.box_number.is_empty()));
        let foreign = all(&households).filter(|r| r.nationality != "BE").count();
        assert!(foreign > 10 && foreign < 100, "{foreign} foreigners");
    }
}
