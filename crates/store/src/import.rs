//! Reading a product catalogue file: the CSV columns of the Leuven catalogue
//! (`code,name_nl,name_fr,name_en,department,zone,channel,minutes,fee_eur,online,pickup_later`),
//! optionally followed by `rubric`, `description_nl/fr/en` and `bring_nl/fr/en`.

use crate::Store;
use loket_domain::catalogue::{ProductForm, ProductInput, Texts};
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
}
