//! The vocabulary of the catalogue: how a product reaches the citizen, how a department is staffed,
//! fees, codes, zone letters and colours, with the checks an administrator's input must pass.

use crate::locale::Locale;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How a citizen gets a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Booked in advance, served at a counter of the product's zone.
    Appointment,
    /// Walk in and take a ticket for the fast counter (A).
    FastCounter,
    /// Reception summons an employee of the department from the back office.
    OnCall,
    /// Answered at the reception desk.
    Reception,
    /// Requested on the e-loket and delivered in the e-box.
    Online,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Appointment,
        Channel::FastCounter,
        Channel::OnCall,
        Channel::Reception,
        Channel::Online,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Appointment => "appointment",
            Channel::FastCounter => "fast_counter",
            Channel::OnCall => "on_call",
            Channel::Reception => "reception",
            Channel::Online => "online",
        }
    }

    /// Whether citizens are served for it at a counter (and so a counter can be set to serve it).
    pub fn is_served_at_a_counter(self) -> bool {
        matches!(
            self,
            Channel::Appointment | Channel::FastCounter | Channel::OnCall
        )
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Channel::Appointment => "channel-appointment",
            Channel::FastCounter => "channel-fast-counter",
            Channel::OnCall => "channel-on-call",
            Channel::Reception => "channel-reception",
            Channel::Online => "channel-online",
        }
    }
}

/// How a department meets citizens: at fixed counters, or on call from the back office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Staffing {
    Fixed,
    OnCall,
}

impl Staffing {
    pub const ALL: [Staffing; 2] = [Staffing::Fixed, Staffing::OnCall];

    pub fn code(self) -> &'static str {
        match self {
            Staffing::Fixed => "fixed",
            Staffing::OnCall => "on_call",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Staffing::Fixed => "staffing-fixed",
            Staffing::OnCall => "staffing-on-call",
        }
    }
}

macro_rules! parse_by_code {
    ($type:ty) => {
        impl FromStr for $type {
            type Err = ();

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$type>::ALL.into_iter().find(|v| v.code() == s).ok_or(())
            }
        }

        impl TryFrom<String> for $type {
            type Error = String;

            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
                    .map_err(|()| format!("unknown {}: {s}", stringify!($type)))
            }
        }

        impl fmt::Display for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
parse_by_code!(Channel);
parse_by_code!(Staffing);

/// A code as used in URLs and the API: 2 to 60 lowercase letters, digits and single dashes.
pub fn is_valid_code(code: &str) -> bool {
    (2..=60).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !code.starts_with('-')
        && !code.ends_with('-')
        && !code.contains("--")
}

/// A zone is named by one capital letter, the letter citizens follow.
pub fn is_valid_zone_letter(letter: &str) -> bool {
    letter.len() == 1 && letter.chars().all(|c| c.is_ascii_uppercase())
}

/// A colour as `#rrggbb`.
pub fn is_valid_colour(colour: &str) -> bool {
    colour.len() == 7
        && colour.starts_with('#')
        && colour[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// The contrast ratio of white text on a `#rrggbb` colour (WCAG 2.1 definition).
pub fn contrast_with_white(colour: &str) -> Option<f64> {
    if !is_valid_colour(colour) {
        return None;
    }
    let channel = |i: usize| -> Option<f64> {
        let value = f64::from(u8::from_str_radix(&colour[i..i + 2], 16).ok()?) / 255.0;
        Some(if value <= 0.03928 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        })
    };
    let luminance = 0.2126 * channel(1)? + 0.7152 * channel(3)? + 0.0722 * channel(5)?;
    Some(1.05 / (luminance + 0.05))
}

/// Parses a fee in euro as a person types it ("20", "20.00", "22,50", "€ 3") into cents.
pub fn parse_fee_cents(input: &str) -> Result<i64, FeeError> {
    let cleaned: String = input
        .trim()
        .trim_start_matches('€')
        .trim()
        .replace(',', ".");
    let (euros, cents) = match cleaned.split_once('.') {
        Some((euros, cents)) => (euros, cents),
        None => (cleaned.as_str(), ""),
    };
    if euros.is_empty() || !euros.chars().all(|c| c.is_ascii_digit()) || euros.len() > 7 {
        return Err(FeeError);
    }
    if cents.len() > 2 || !cents.chars().all(|c| c.is_ascii_digit()) {
        return Err(FeeError);
    }
    let euros: i64 = euros.parse().map_err(|_| FeeError)?;
    let cents: i64 = format!("{cents:0<2}").parse().map_err(|_| FeeError)?;
    Ok(euros * 100 + cents)
}

/// Writes cents as euro with a decimal comma, as Belgians read it: "22,50".
pub fn format_euro(cents: i64) -> String {
    format!("{},{:02}", cents / 100, cents % 100)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not an amount in euro")]
pub struct FeeError;

/// A text in the three languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    pub nl: String,
    pub fr: String,
    pub en: String,
}

impl Texts {
    pub fn new(nl: impl Into<String>, fr: impl Into<String>, en: impl Into<String>) -> Self {
        Texts {
            nl: nl.into(),
            fr: fr.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, locale: Locale) -> &str {
        locale.pick(&self.nl, &self.fr, &self.en)
    }

    fn trimmed(&self) -> Texts {
        Texts::new(self.nl.trim(), self.fr.trim(), self.en.trim())
    }

    /// The names trimmed, each required and at most 120 characters; a wrong one is noted on the
    /// field `name_nl`, `name_fr` or `name_en`.
    pub fn checked(&self, errors: &mut FieldErrors) -> Texts {
        let names = self.trimmed();
        for (field, name) in [
            ("name_nl", &names.nl),
            ("name_fr", &names.fr),
            ("name_en", &names.en),
        ] {
            errors.check(
                !name.is_empty() && name.chars().count() <= 120,
                field,
                "error-name",
            );
        }
        names
    }
}

/// A department as it is stored: every field checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DepartmentInput {
    pub code: String,
    pub names: Texts,
    pub staffing: Staffing,
}

/// A product as it is stored: every field checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductInput {
    pub code: String,
    pub names: Texts,
    pub department_code: String,
    pub zone_letter: Option<String>,
    pub channel: Channel,
    pub minutes: i64,
    pub fee_cents: Option<i64>,
    pub online: bool,
    pub pickup_later: bool,
    pub rubric_code: Option<String>,
    pub descriptions: Texts,
    pub bring: Texts,
}

/// A product as a person typed it (a form or an import file), every field still text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductForm {
    pub code: String,
    pub names: Texts,
    pub department: String,
    pub zone: String,
    pub channel: String,
    pub minutes: String,
    /// In euro; empty when the fee is not known.
    pub fee: String,
    pub online: bool,
    pub pickup_later: bool,
    pub rubric: String,
    pub descriptions: Texts,
    pub bring: Texts,
}

impl ProductForm {
    /// Checks every field; the errors name each wrong field with a Fluent message id.
    pub fn parse(&self) -> Result<ProductInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = self.code.trim();
        errors.check(is_valid_code(code), "code", "error-code");
        let names = self.names.checked(&mut errors);
        errors.check(
            !self.department.trim().is_empty(),
            "department",
            "error-department",
        );
        let zone = self.zone.trim();
        errors.check(
            zone.is_empty() || is_valid_zone_letter(zone),
            "zone",
            "error-zone-letter",
        );
        let channel = self.channel.parse::<Channel>();
        errors.check(channel.is_ok(), "channel", "error-channel");
        let minutes = self
            .minutes
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|m| (1..=480).contains(m));
        errors.check(minutes.is_some(), "minutes", "error-minutes");
        let fee = match self.fee.trim() {
            "" => Ok(None),
            typed => parse_fee_cents(typed).map(Some),
        };
        errors.check(fee.is_ok(), "fee", "error-fee");
        if let (Ok(channel), true) = (&channel, zone.is_empty()) {
            errors.check(
                !channel.is_served_at_a_counter(),
                "zone",
                "error-zone-needed",
            );
        }
        match (channel, minutes, fee) {
            (Ok(channel), Some(minutes), Ok(fee_cents)) if errors.is_empty() => Ok(ProductInput {
                code: code.to_owned(),
                names,
                department_code: self.department.trim().to_owned(),
                zone_letter: (!zone.is_empty()).then(|| zone.to_owned()),
                channel,
                minutes,
                fee_cents,
                online: self.online,
                pickup_later: self.pickup_later,
                rubric_code: Some(self.rubric.trim())
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned),
                descriptions: self.descriptions.trimmed(),
                bring: self.bring.trimmed(),
            }),
            _ => Err(errors),
        }
    }
}

impl From<&ProductInput> for ProductForm {
    fn from(product: &ProductInput) -> Self {
        ProductForm {
            code: product.code.clone(),
            names: product.names.clone(),
            department: product.department_code.clone(),
            zone: product.zone_letter.clone().unwrap_or_default(),
            channel: product.channel.code().to_owned(),
            minutes: product.minutes.to_string(),
            fee: product.fee_cents.map(format_euro).unwrap_or_default(),
            online: product.online,
            pickup_later: product.pickup_later,
            rubric: product.rubric_code.clone().unwrap_or_default(),
            descriptions: product.descriptions.clone(),
            bring: product.bring.clone(),
        }
    }
}

/// The fields of a form that are wrong, each with the Fluent id of the message that says why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub Vec<(String, &'static str)>);

impl FieldErrors {
    /// Records `message_id` for `field` unless `ok` holds; only the first message of a field counts.
    pub fn check(&mut self, ok: bool, field: &str, message_id: &'static str) {
        if !ok && self.get(field).is_none() {
            self.0.push((field.to_owned(), message_id));
        }
    }

    pub fn add(&mut self, field: &str, message_id: &'static str) {
        self.check(false, field, message_id);
    }

    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, m)| *m)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fees_parse_the_way_people_type_them() {
        assert_eq!(parse_fee_cents("20"), Ok(2000));
        assert_eq!(parse_fee_cents("22,50"), Ok(2250));
        assert_eq!(parse_fee_cents("22.5"), Ok(2250));
        assert_eq!(parse_fee_cents("€ 3"), Ok(300));
        assert_eq!(parse_fee_cents("0.00"), Ok(0));
        assert_eq!(parse_fee_cents("-5"), Err(FeeError));
        assert_eq!(parse_fee_cents("1.234"), Err(FeeError));
        assert_eq!(parse_fee_cents("twenty"), Err(FeeError));
        assert_eq!(parse_fee_cents(""), Err(FeeError));
    }

    #[test]
    fn euro_amounts_use_a_decimal_comma() {
        assert_eq!(format_euro(2250), "22,50");
        assert_eq!(format_euro(9000), "90,00");
        assert_eq!(format_euro(5), "0,05");
    }

    #[test]
    fn codes_are_url_safe_words() {
        assert!(is_valid_code("eid-aanvraag"));
        assert!(is_valid_code("pin-puk"));
        assert!(!is_valid_code("Eid"));
        assert!(!is_valid_code("eid--aanvraag"));
        assert!(!is_valid_code("-eid"));
        assert!(!is_valid_code("e"));
    }

    #[test]
    fn zone_letters_and_colours() {
        assert!(is_valid_zone_letter("B"));
        assert!(!is_valid_zone_letter("b"));
        assert!(!is_valid_zone_letter("AB"));
        assert!(is_valid_colour("#1d4ed8"));
        assert!(!is_valid_colour("blue"));
        let dark_blue = contrast_with_white("#1d4ed8").unwrap();
        assert!(dark_blue > 4.5, "{dark_blue}");
        let yellow = contrast_with_white("#facc15").unwrap();
        assert!(yellow < 3.0, "{yellow}");
    }

    fn eid_form() -> ProductForm {
        ProductForm {
            code: "eid-aanvraag".into(),
            names: Texts::new(
                "Identiteitskaart aanvragen",
                "Demande de carte d'identité",
                "eID card application",
            ),
            department: "burgerzaken".into(),
            zone: "B".into(),
            channel: "appointment".into(),
            minutes: "15".into(),
            fee: "20,00".into(),
            ..ProductForm::default()
        }
    }

    #[test]
    fn a_complete_product_form_parses() {
        let product = eid_form().parse().unwrap();
        assert_eq!(product.fee_cents, Some(2000));
        assert_eq!(product.zone_letter.as_deref(), Some("B"));
        assert_eq!(product.rubric_code, None);
        assert_eq!(ProductForm::from(&product).fee, "20,00");
    }

    #[test]
    fn a_wrong_product_form_names_every_wrong_field() {
        let form = ProductForm {
            code: "Eid Aanvraag".into(),
            minutes: "0".into(),
            fee: "gratis".into(),
            zone: "b".into(),
            names: Texts::new("Identiteitskaart", "", "eID"),
            ..eid_form()
        };
        let errors = form.parse().unwrap_err();
        assert_eq!(errors.get("code"), Some("error-code"));
        assert_eq!(errors.get("minutes"), Some("error-minutes"));
        assert_eq!(errors.get("fee"), Some("error-fee"));
        assert_eq!(errors.get("zone"), Some("error-zone-letter"));
        assert_eq!(errors.get("name_fr"), Some("error-name"));
        assert_eq!(errors.get("name_nl"), None);
    }

    #[test]
    fn products_served_at_a_counter_need_a_zone() {
        let form = ProductForm {
            zone: String::new(),
            ..eid_form()
        };
        assert_eq!(
            form.parse().unwrap_err().get("zone"),
            Some("error-zone-needed")
        );
        let info = ProductForm {
            zone: String::new(),
            channel: "reception".into(),
            ..eid_form()
        };
        assert!(info.parse().is_ok());
    }

    #[test]
    fn channels_round_trip_through_their_codes() {
        for channel in Channel::ALL {
            assert_eq!(channel.code().parse::<Channel>(), Ok(channel));
        }
        assert_eq!("on_call".parse::<Staffing>(), Ok(Staffing::OnCall));
    }
}
