//! Reading a product catalogue file: the CSV columns of the Leuven catalogue
//! (`code,name_nl,name_fr,name_en,department,zone,channel,minutes,fee_eur,online,pickup_later`),
//! optionally followed by `rubric`, `description_nl/fr/en` and `bring_nl/fr/en`; and a population
//! register file (see [`parse_register_file`]).

use crate::Store;
use crate::register::NewHousehold;
use loket_domain::catalogue::{ProductForm, ProductInput, Texts};
use loket_domain::register::{HouseholdEntry, LineProblem, ResidentRow, households_of};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct CatalogueRecord {
    code: String,
    name_nl: String,
    name_fr: String,
    name_en: String,
    department: String,
    zone: String,
    channel: String,
    minutes: String,
    fee_eur: String,
    online: String,
    pickup_later: String,
    #[serde(default)]
    rubric: String,
    #[serde(default)]
    description_nl: String,
    #[serde(default)]
    description_fr: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    bring_nl: String,
    #[serde(default)]
    bring_fr: String,
    #[serde(default)]
    bring_en: String,
}

impl CatalogueRecord {
    fn into_form(self) -> ProductForm {
        ProductForm {
            code: self.code,
            names: Texts::new(self.name_nl, self.name_fr, self.name_en),
            department: self.department,
            zone: self.zone,
            channel: self.channel,
            minutes: self.minutes,
            fee: self.fee_eur,
            online: is_yes(&self.online),
            pickup_later: is_yes(&self.pickup_later),
            rubric: self.rubric,
            descriptions: Texts::new(
                self.description_nl,
                self.description_fr,
                self.description_en,
            ),
            bring: Texts::new(self.bring_nl, self.bring_fr, self.bring_en),
        }
    }
}

fn is_yes(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "yes" | "ja" | "oui" | "true" | "1"
    )
}

/// What is wrong with a catalogue file, line by line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.join("\n"))]
pub struct CatalogueErrors(pub Vec<String>);

/// Parses a whole catalogue file; every bad line is reported, and nothing is returned unless all are good.
pub fn parse_catalogue(csv_text: &str) -> Result<Vec<ProductInput>, CatalogueErrors> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(csv_text.as_bytes());
    let mut products = Vec::new();
    let mut problems = Vec::new();
    for (index, record) in reader.deserialize::<CatalogueRecord>().enumerate() {
        let line = index + 2;
        match record {
            Ok(record) => match record.into_form().parse() {
                Ok(product) => products.push(product),
                Err(errors) => problems.extend(
                    errors
                        .0
                        .iter()
                        .map(|(field, message)| format!("line {line}: {field}: {message}")),
                ),
            },
            Err(error) => problems.push(format!("line {line}: {error}")),
        }
    }
    if problems.is_empty() {
        Ok(products)
    } else {
        Err(CatalogueErrors(problems))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    File(#[from] CatalogueErrors),
    #[error("{code}: {source}")]
    Store {
        code: String,
        source: crate::StoreError,
    },
}

impl Store {
    /// Adds or updates every product of a catalogue file; returns how many.
    pub async fn import_catalogue(&self, csv_text: &str) -> Result<usize, ImportError> {
        let products = parse_catalogue(csv_text)?;
        for product in &products {
            self.upsert_product(product)
                .await
                .map_err(|source| ImportError::Store {
                    code: product.code.clone(),
                    source,
                })?;
        }
        Ok(products.len())
    }
}

/// One line of a register file, with the columns
/// `national_number,first_names,last_name,birth_date,birth_place,sex,nationality,civil_status,street,number,box,postal_code,city,household,household_role,email`.
#[derive(Debug, Deserialize)]
struct RegisterRecord {
    national_number: String,
    first_names: String,
    last_name: String,
    birth_date: String,
    birth_place: String,
    sex: String,
    nationality: String,
    civil_status: String,
    street: String,
    number: String,
    #[serde(rename = "box")]
    box_number: String,
    postal_code: String,
    city: String,
    household: String,
    household_role: String,
    #[serde(default)]
    email: String,
}

impl From<RegisterRecord> for ResidentRow {
    fn from(record: RegisterRecord) -> ResidentRow {
        ResidentRow {
            national_number: record.national_number,
            first_names: record.first_names,
            last_name: record.last_name,
            birth_date: record.birth_date,
            birth_place: record.birth_place,
            sex: record.sex,
            nationality: record.nationality,
            civil_status: record.civil_status,
            street: record.street,
            number: record.number,
            box_number: record.box_number,
            postal_code: record.postal_code,
            city: record.city,
            household: record.household,
            household_role: record.household_role,
            email: record.email,
        }
    }
}

/// What is wrong with a register file, line by line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct RegisterFileErrors(pub Vec<LineProblem>);

/// Parses a whole register file into households (the `household` column groups them); every
/// problem of every line is reported, and nothing is returned unless the whole file is good.
pub fn parse_register_file(csv_text: &str) -> Result<Vec<HouseholdEntry>, RegisterFileErrors> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(csv_text.as_bytes());
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (index, record) in reader.deserialize::<RegisterRecord>().enumerate() {
        let line = index + 2;
        let parsed = record
            .map_err(|error| vec![error.to_string()])
            .and_then(|record| {
                ResidentRow::from(record)
                    .parse()
                    .map_err(|fields| fields.iter().map(ToString::to_string).collect())
            });
        match parsed {
            Ok(entry) => entries.push((line, entry)),
            Err(messages) => problems.extend(
                messages
                    .into_iter()
                    .map(|problem| LineProblem { line, problem }),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(RegisterFileErrors(problems));
    }
    households_of(entries).map_err(RegisterFileErrors)
}

#[derive(Debug, thiserror::Error)]
pub enum RegisterImportError {
    #[error("{0}")]
    File(#[from] RegisterFileErrors),
    #[error(transparent)]
    Store(#[from] crate::StoreError),
}

/// What an import stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegisterImport {
    pub households: usize,
    pub residents: usize,
}

impl Store {
    /// Stores every household of a register file in one transaction, or nothing when a line is
    /// wrong. Residents already in the register are replaced by national number; a street not
    /// yet on the city's list is added without a parking zone. A household new at its address
    /// lives there since `today`.
    pub async fn import_residents(
        &self,
        csv_text: &str,
        today: jiff::civil::Date,
    ) -> Result<RegisterImport, RegisterImportError> {
        let households = parse_register_file(csv_text)?;
        let new: Vec<NewHousehold<'_>> = households
            .iter()
            .map(|household| NewHousehold {
                address: &household.address,
                since: today,
                members: &household.members,
            })
            .collect();
        self.save_households(&new).await?;
        Ok(RegisterImport {
            households: households.len(),
            residents: households.iter().map(|h| h.members.len()).sum(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "code,name_nl,name_fr,name_en,department,zone,channel,minutes,fee_eur,online,pickup_later\n";

    #[test]
    fn the_demo_catalogue_parses_completely() {
        let products = parse_catalogue(crate::demo::CATALOGUE).unwrap();
        assert_eq!(products.len(), 37);
        let eid = products.iter().find(|p| p.code == "eid-aanvraag").unwrap();
        assert_eq!(eid.fee_cents, Some(2000));
        assert_eq!(eid.minutes, 15);
        assert!(eid.pickup_later);
        assert!(
            products
                .iter()
                .all(|p| !p.descriptions.nl.is_empty() && !p.descriptions.fr.is_empty())
        );
    }

    #[test]
    fn a_file_in_the_short_format_parses() {
        let text = format!(
            "{HEADER}stadsplan,Stadsplan,Plan de la ville,City map,onthaal,A,fast_counter,1,0.00,no,no\n"
        );
        let products = parse_catalogue(&text).unwrap();
        assert_eq!(products[0].fee_cents, Some(0));
        assert_eq!(products[0].rubric_code, None);
    }

    #[test]
    fn every_bad_line_is_reported_with_its_number() {
        let text = format!(
            "{HEADER}stadsplan,Stadsplan,Plan,Map,onthaal,A,fast_counter,zero,0.00,no,no\n\
             ok-code,Naam,Nom,Name,onthaal,A,fast_counter,1,0.00,no,no\n\
             Bad Code,Naam,Nom,Name,onthaal,A,teleport,1,0.00,no,no\n"
        );
        let errors = parse_catalogue(&text).unwrap_err();
        assert_eq!(
            errors.0,
            vec![
                "line 2: minutes: error-minutes",
                "line 4: code: error-code",
                "line 4: channel: error-channel"
            ]
        );
    }

    const REGISTER_HEADER: &str = "national_number,first_names,last_name,birth_date,birth_place,sex,nationality,civil_status,street,number,box,postal_code,city,household,household_role,email\n";

    #[test]
    fn a_register_file_becomes_households() {
        let text = format!(
            "{REGISTER_HEADER}85.07.30-033.28,Jan Frans,Peeters,1985-07-30,Leuven,M,BE,married,Naamsestraat,10,,3000,Leuven,a,reference,jan@example.org\n\
             17073003384,Lars,Peeters,2017-07-30,Leuven,M,BE,single,Naamsestraat,10,,3000,Leuven,a,child,\n\
             93051822361,Arjun,Sharma,1993-05-18,Chennai,M,IN,single,Schapenstraat,4,2,3000,Leuven,b,reference,\n"
        );
        let households = parse_register_file(&text).unwrap();
        assert_eq!(households.len(), 2);
        assert_eq!(households[0].members.len(), 2);
        assert_eq!(households[0].members[1].email, None);
        assert_eq!(households[1].address.box_number, "2");
    }

    #[test]
    fn every_bad_line_of_a_register_file_is_reported() {
        let text = format!(
            "{REGISTER_HEADER}85073003329,Jan,Peeters,1985-07-30,Leuven,M,BE,married,Naamsestraat,10,,3000,Leuven,a,reference,\n\
             93051822361,Arjun,Sharma,1993-05-18,Chennai,M,IN,single,Schapenstraat,4,2,3000,Leuven,b,boss,\n\
             93051822361,Priya,Sharma\n"
        );
        let errors = parse_register_file(&text).unwrap_err().to_string();
        let lines: Vec<&str> = errors.lines().collect();
        assert_eq!(lines.len(), 3, "{errors}");
        assert!(lines[0].starts_with("line 2: national_number: the check digits"));
        assert!(lines[1].starts_with("line 3: household_role: must be"));
        assert!(lines[2].starts_with("line 4: "));
    }
}
