//! The population register: residents with their national register number, names, birth, sex,
//! nationality and civil status, living in households at an address. Certificates are made from
//! it; `loket import residents` fills it from the city's copy, checked row by row here.

use crate::contact::is_valid_email;
use crate::national_number::NationalNumber;
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::fmt;

/// Sex as the register records it; `X` for neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    Male,
    Female,
    X,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "M",
            Sex::Female => "F",
            Sex::X => "X",
        }
    }

    pub fn parse(code: &str) -> Option<Sex> {
        match code.trim().to_ascii_uppercase().as_str() {
            "M" => Some(Sex::Male),
            "F" | "V" => Some(Sex::Female),
            "X" => Some(Sex::X),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CivilStatus {
    Single,
    Married,
    RegisteredPartner,
    Divorced,
    Widowed,
}

impl CivilStatus {
    pub const ALL: [CivilStatus; 5] = [
        CivilStatus::Single,
        CivilStatus::Married,
        CivilStatus::RegisteredPartner,
        CivilStatus::Divorced,
        CivilStatus::Widowed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CivilStatus::Single => "single",
            CivilStatus::Married => "married",
            CivilStatus::RegisteredPartner => "registered_partner",
            CivilStatus::Divorced => "divorced",
            CivilStatus::Widowed => "widowed",
        }
    }

    /// As a Dutch certificate writes it.
    pub fn dutch(self) -> &'static str {
        match self {
            CivilStatus::Single => "ongehuwd",
            CivilStatus::Married => "gehuwd",
            CivilStatus::RegisteredPartner => "wettelijk samenwonend",
            CivilStatus::Divorced => "uit de echt gescheiden",
            CivilStatus::Widowed => "weduwe/weduwnaar",
        }
    }

    pub fn parse(code: &str) -> Option<CivilStatus> {
        Self::ALL.into_iter().find(|s| s.code() == code.trim())
    }
}

/// A resident's place in their household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HouseholdRole {
    /// The reference person (referentiepersoon), in whose name the household is registered.
    Reference,
    Partner,
    Child,
    Other,
}

impl HouseholdRole {
    pub const ALL: [HouseholdRole; 4] = [
        HouseholdRole::Reference,
        HouseholdRole::Partner,
        HouseholdRole::Child,
        HouseholdRole::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            HouseholdRole::Reference => "reference",
            HouseholdRole::Partner => "partner",
            HouseholdRole::Child => "child",
            HouseholdRole::Other => "other",
        }
    }

    /// As a Dutch household composition certificate writes it.
    pub fn dutch(self) -> &'static str {
        match self {
            HouseholdRole::Reference => "referentiepersoon",
            HouseholdRole::Partner => "partner",
            HouseholdRole::Child => "kind",
            HouseholdRole::Other => "ander lid",
        }
    }

    pub fn parse(code: &str) -> Option<HouseholdRole> {
        Self::ALL.into_iter().find(|r| r.code() == code.trim())
    }
}

/// A housing unit in the city: a street, a number and, for a flat, a box.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Address {
    pub street: String,
    pub number: String,
    /// Empty when the building has one housing unit.
    pub box_number: String,
    pub postal_code: String,
    pub city: String,
}

/// `Bondgenotenlaan 12 bus 3, 3000 Leuven`, as Belgian letters write it.
impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.street, self.number)?;
        if !self.box_number.is_empty() {
            write!(f, " bus {}", self.box_number)?;
        }
        write!(f, ", {} {}", self.postal_code, self.city)
    }
}

/// A person in the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resident {
    pub national_number: NationalNumber,
    /// All given names, as on the eID: `Jan Frans`.
    pub first_names: String,
    pub last_name: String,
    pub birth_date: Date,
    pub birth_place: String,
    pub sex: Sex,
    /// ISO 3166-1 alpha-2 code of the country, e.g. `BE`.
    pub nationality: String,
    pub civil_status: CivilStatus,
    pub household_role: HouseholdRole,
    pub email: Option<String>,
}

impl Resident {
    /// The first of the given names, as people call them.
    pub fn first_name(&self) -> &str {
        first_name(&self.first_names)
    }
}

/// The first of a list of given names.
pub fn first_name(first_names: &str) -> &str {
    first_names.split_whitespace().next().unwrap_or("")
}

/// The nationality as a Dutch certificate writes it (`Belg`), or the country code when it is not
/// one of the nationalities common in Flemish cities.
pub fn nationality_dutch(code: &str) -> &str {
    match code {
        "BE" => "Belg",
        "NL" => "Nederlander",
        "FR" => "Fransman",
        "DE" => "Duitser",
        "IT" => "Italiaan",
        "ES" => "Spanjaard",
        "PT" => "Portugees",
        "PL" => "Pool",
        "RO" => "Roemeen",
        "BG" => "Bulgaar",
        "MA" => "Marokkaan",
        "TR" => "Turk",
        "CD" => "Congolees",
        "IN" => "Indiër",
        "CN" => "Chinees",
        "SY" => "Syriër",
        "UA" => "Oekraïner",
        other => other,
    }
}

/// One row of a register file, as text, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResidentRow {
    pub national_number: String,
    pub first_names: String,
    pub last_name: String,
    pub birth_date: String,
    pub birth_place: String,
    pub sex: String,
    pub nationality: String,
    pub civil_status: String,
    pub street: String,
    pub number: String,
    pub box_number: String,
    pub postal_code: String,
    pub city: String,
    /// A key that groups the members of one household within the file.
    pub household: String,
    pub household_role: String,
    pub email: String,
}

/// What is wrong with one field of a row, in words an operator reads on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub problem: String,
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem)
    }
}

/// A checked row: the resident, where they live and the household key of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResidentEntry {
    pub resident: Resident,
    pub address: Address,
    pub household: String,
}

struct Check(Vec<FieldProblem>);

impl Check {
    fn fail(&mut self, field: &'static str, problem: impl Into<String>) {
        self.0.push(FieldProblem {
            field,
            problem: problem.into(),
        });
    }

    fn required(&mut self, field: &'static str, value: &str) -> String {
        let value = value.trim();
        if value.is_empty() {
            self.fail(field, "is required");
        }
        value.to_owned()
    }
}

impl ResidentRow {
    /// Checks every field; all problems of the row are reported at once.
    pub fn parse(&self) -> Result<ResidentEntry, Vec<FieldProblem>> {
        let mut check = Check(Vec::new());
        let national_number = NationalNumber::parse(&self.national_number)
            .map_err(|error| check.fail("national_number", error.to_string()))
            .ok();
        let birth_date = self
            .birth_date
            .trim()
            .parse::<Date>()
            .map_err(|_| check.fail("birth_date", "is not a date like 1985-07-30"))
            .ok();
        let sex = Sex::parse(&self.sex);
        if sex.is_none() {
            check.fail("sex", "must be M, F or X");
        }
        let civil_status = CivilStatus::parse(&self.civil_status);
        if civil_status.is_none() {
            check.fail(
                "civil_status",
                "must be single, married, registered_partner, divorced or widowed",
            );
        }
        let household_role = HouseholdRole::parse(&self.household_role);
        if household_role.is_none() {
            check.fail(
                "household_role",
                "must be reference, partner, child or other",
            );
        }
        let nationality = self.nationality.trim().to_ascii_uppercase();
        if nationality.len() != 2 || !nationality.bytes().all(|b| b.is_ascii_uppercase()) {
            check.fail("nationality", "must be a two-letter country code like BE");
        }
        let postal_code = self.postal_code.trim();
        if postal_code.len() != 4 || !postal_code.bytes().all(|b| b.is_ascii_digit()) {
            check.fail("postal_code", "must be four digits");
        }
        let email = Some(self.email.trim()).filter(|e| !e.is_empty());
        if email.is_some_and(|e| !is_valid_email(e)) {
            check.fail("email", "is not an e-mail address");
        }
        let first_names = check.required("first_names", &self.first_names);
        let last_name = check.required("last_name", &self.last_name);
        let birth_place = check.required("birth_place", &self.birth_place);
        let address = Address {
            street: check.required("street", &self.street),
            number: check.required("number", &self.number),
            box_number: self.box_number.trim().to_owned(),
            postal_code: postal_code.to_owned(),
            city: check.required("city", &self.city),
        };
        let household = check.required("household", &self.household);
        if let (Some(number), Some(date), Some(sex)) = (&national_number, birth_date, sex) {
            check_number_matches(&mut check, number, date, sex);
        }
        match (
            national_number,
            birth_date,
            sex,
            civil_status,
            household_role,
        ) {
            (
                Some(national_number),
                Some(birth_date),
                Some(sex),
                Some(civil_status),
                Some(role),
            ) if check.0.is_empty() => Ok(ResidentEntry {
                resident: Resident {
                    national_number,
                    first_names,
                    last_name,
                    birth_date,
                    birth_place,
                    sex,
                    nationality,
                    civil_status,
                    household_role: role,
                    email: email.map(str::to_owned),
                },
                address,
                household,
            }),
            _ => Err(check.0),
        }
    }
}

/// The number encodes the birth date and, by its serial, the sex; a row that says otherwise is
/// a typing error. BIS numbers and unknown birth days carry less, and are checked only as far as
/// they go.
fn check_number_matches(check: &mut Check, number: &NationalNumber, birth: Date, sex: Sex) {
    if let Some(encoded) = number.birth_date()
        && encoded != birth
    {
        check.fail(
            "birth_date",
            format!("does not match the national register number ({encoded})"),
        );
    }
    if number.is_bis() {
        return;
    }
    let serial_is_odd = number.digits().as_bytes()[8] % 2 == 1;
    let mismatch = match sex {
        Sex::Male => !serial_is_odd,
        Sex::Female => serial_is_odd,
        Sex::X => false,
    };
    if mismatch {
        check.fail(
            "sex",
            "does not match the national register number (odd serial for men, even for women)",
        );
    }
}

/// A household of a register file: its address and members, the reference person first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HouseholdEntry {
    pub key: String,
    pub address: Address,
    pub members: Vec<Resident>,
}

/// A problem on one line of a file (the header is line 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    pub line: usize,
    pub problem: String,
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

/// Groups checked rows (with their line numbers) into households, and checks what no single row
/// shows: a national number listed twice, a household at two addresses, a household without
/// exactly one reference person.
pub fn households_of(
    entries: Vec<(usize, ResidentEntry)>,
) -> Result<Vec<HouseholdEntry>, Vec<LineProblem>> {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut groups: BTreeMap<String, (usize, HouseholdEntry)> = BTreeMap::new();
    for (line, entry) in entries {
        let digits = entry.resident.national_number.digits().to_owned();
        if let Some(first) = seen.insert(digits, line) {
            problems.push(LineProblem {
                line,
                problem: format!("national_number: also on line {first}"),
            });
        }
        let (first_line, group) = groups.entry(entry.household.clone()).or_insert_with(|| {
            (
                line,
                HouseholdEntry {
                    key: entry.household.clone(),
                    address: entry.address.clone(),
                    members: Vec::new(),
                },
            )
        });
        if group.address != entry.address {
            problems.push(LineProblem {
                line,
                problem: format!(
                    "household {}: lives at {} on line {first_line}",
                    entry.household, group.address
                ),
            });
        }
        group.members.push(entry.resident);
    }
    for (first_line, group) in groups.values_mut() {
        let references = group
            .members
            .iter()
            .filter(|m| m.household_role == HouseholdRole::Reference)
            .count();
        if references != 1 {
            problems.push(LineProblem {
                line: *first_line,
                problem: format!(
                    "household {}: needs exactly one reference person, has {references}",
                    group.key
                ),
            });
        }
        group
            .members
            .sort_by_key(|m| m.household_role != HouseholdRole::Reference);
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line);
        return Err(problems);
    }
    let mut households: Vec<_> = groups.into_values().collect();
    households.sort_by_key(|(line, _)| *line);
    Ok(households.into_iter().map(|(_, group)| group).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn row() -> ResidentRow {
        ResidentRow {
            national_number: "85.07.30-033.28".into(),
            first_names: "Jan Frans".into(),
            last_name: "Peeters".into(),
            birth_date: "1985-07-30".into(),
            birth_place: "Leuven".into(),
            sex: "M".into(),
            nationality: "be".into(),
            civil_status: "married".into(),
            street: "Bondgenotenlaan".into(),
            number: "12".into(),
            box_number: "".into(),
            postal_code: "3000".into(),
            city: "Leuven".into(),
            household: "h1".into(),
            household_role: "reference".into(),
            email: "jan@example.be".into(),
        }
    }

    #[test]
    fn a_good_row_becomes_a_resident_at_an_address() {
        let entry = row().parse().unwrap();
        assert_eq!(entry.resident.national_number.digits(), "85073003328");
        assert_eq!(entry.resident.birth_date, date(1985, 7, 30));
        assert_eq!(entry.resident.first_name(), "Jan");
        assert_eq!(entry.resident.nationality, "BE");
        assert_eq!(entry.resident.civil_status, CivilStatus::Married);
        assert_eq!(entry.resident.household_role, HouseholdRole::Reference);
        assert_eq!(entry.address.to_string(), "Bondgenotenlaan 12, 3000 Leuven");
    }

    #[test]
    fn every_problem_of_a_row_is_named_by_its_field() {
        let bad = ResidentRow {
            national_number: "85073003329".into(),
            birth_date: "30/07/1985".into(),
            sex: "male".into(),
            civil_status: "complicated".into(),
            household_role: "boss".into(),
            nationality: "Belg".into(),
            postal_code: "300".into(),
            email: "jan".into(),
            last_name: " ".into(),
            ..row()
        };
        let fields: Vec<_> = bad.parse().unwrap_err().iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                "national_number",
                "birth_date",
                "sex",
                "civil_status",
                "household_role",
                "nationality",
                "postal_code",
                "email",
                "last_name"
            ]
        );
    }

    #[test]
    fn the_birth_date_and_sex_must_match_the_national_number() {
        let wrong = ResidentRow {
            birth_date: "1985-07-31".into(),
            sex: "F".into(),
            ..row()
        };
        let problems = wrong.parse().unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(
            problems[0].to_string(),
            "birth_date: does not match the national register number (1985-07-30)"
        );
        assert!(problems[1].to_string().starts_with("sex: does not match"));
        let x = ResidentRow {
            sex: "X".into(),
            ..row()
        };
        assert!(x.parse().is_ok());
    }

    fn entry(
        line: usize,
        number: &str,
        household: &str,
        role: &str,
        street: &str,
    ) -> (usize, ResidentEntry) {
        let row = ResidentRow {
            national_number: number.into(),
            birth_date: NationalNumber::parse(number)
                .unwrap()
                .birth_date()
                .unwrap()
                .to_string(),
            sex: "X".into(),
            household: household.into(),
            household_role: role.into(),
            street: street.into(),
            ..row()
        };
        (line, row.parse().unwrap())
    }

    #[test]
    fn rows_are_grouped_into_households_with_the_reference_person_first() {
        let households = households_of(vec![
            entry(2, "17073003384", "h1", "child", "Naamsestraat"),
            entry(3, "85073003328", "h1", "reference", "Naamsestraat"),
            entry(4, "93051822361", "h2", "reference", "Tiensestraat"),
        ])
        .unwrap();
        assert_eq!(households.len(), 2);
        assert_eq!(households[0].address.street, "Naamsestraat");
        assert_eq!(
            households[0].members[0].household_role,
            HouseholdRole::Reference
        );
        assert_eq!(households[0].members.len(), 2);
        assert_eq!(households[1].members.len(), 1);
    }

    #[test]
    fn a_file_with_a_person_twice_or_a_household_in_two_places_is_refused_by_line() {
        let problems = households_of(vec![
            entry(2, "85073003328", "h1", "reference", "Naamsestraat"),
            entry(3, "85073003328", "h2", "reference", "Tiensestraat"),
            entry(4, "93051822361", "h1", "partner", "Tiensestraat"),
            entry(5, "17073003384", "h3", "child", "Tiensestraat"),
        ])
        .unwrap_err();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "line 3: national_number: also on line 2",
                "line 4: household h1: lives at Naamsestraat 12, 3000 Leuven on line 2",
                "line 5: household h3: needs exactly one reference person, has 0",
            ]
        );
    }

    #[test]
    fn codes_read_back() {
        for status in CivilStatus::ALL {
            assert_eq!(CivilStatus::parse(status.code()), Some(status));
        }
        for role in HouseholdRole::ALL {
            assert_eq!(HouseholdRole::parse(role.code()), Some(role));
        }
        assert_eq!(Sex::parse("f"), Some(Sex::Female));
        assert_eq!(nationality_dutch("MA"), "Marokkaan");
        assert_eq!(nationality_dutch("JP"), "JP");
    }
}
