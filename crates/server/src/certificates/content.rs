//! What each certificate says, written in Dutch from the person's entry in the population register.

use super::{CertificateData, CertificateKind, HouseholdMember};
use crate::i18n::Tr;
use jiff::civil::Date;
use loket_domain::locale::Locale;
use loket_domain::register::{Resident, nationality_dutch};
use loket_store::register::RegisterEntry;

/// The certificate of `kind` about the person of `entry`.
pub fn from_register(kind: CertificateKind, entry: &RegisterEntry) -> CertificateData {
    let person = &entry.resident;
    let address = ("Adres".to_owned(), entry.home.address.to_string());
    let since = ("Ingeschreven sinds".to_owned(), dutch_date(entry.since));
    match kind {
        CertificateKind::Residence => CertificateData {
            introduction: "Uit het bevolkingsregister blijkt dat de hierna genoemde persoon ingeschreven is op het volgende adres.".into(),
            lines: [identity(person), vec![address, since]].concat(),
            ..CertificateData::default()
        },
        CertificateKind::HouseholdComposition => CertificateData {
            introduction: "Uit het bevolkingsregister blijkt dat het gezin van de hierna genoemde persoon op de datum van dit attest als volgt is samengesteld.".into(),
            lines: [identity(person), vec![address]].concat(),
            members: entry.household.iter().map(member).collect(),
            ..CertificateData::default()
        },
        CertificateKind::Life => CertificateData {
            introduction: "Uit het bevolkingsregister blijkt dat de hierna genoemde persoon op de datum van dit attest in leven is.".into(),
            lines: [identity(person), vec![address]].concat(),
            ..CertificateData::default()
        },
        CertificateKind::Nationality => CertificateData {
            introduction: "Uit het bevolkingsregister blijkt dat de hierna genoemde persoon de volgende nationaliteit heeft.".into(),
            lines: [identity(person), vec![nationality(person)]].concat(),
            ..CertificateData::default()
        },
        CertificateKind::RegisterExtract => CertificateData {
            introduction: "Uittreksel uit het bevolkingsregister over de hierna genoemde persoon.".into(),
            lines: [
                identity(person),
                vec![
                    ("Geslacht".into(), sex_dutch(person).into()),
                    nationality(person),
                    ("Burgerlijke staat".into(), person.civil_status.dutch().into()),
                    address,
                    since,
                    ("Plaats in het gezin".into(), person.household_role.dutch().into()),
                ],
            ]
            .concat(),
            ..CertificateData::default()
        },
    }
}

fn identity(person: &Resident) -> Vec<(String, String)> {
    vec![
        ("Naam".into(), full_name(person)),
        (
            "Geboren".into(),
            format!("{}, {}", person.birth_place, dutch_date(person.birth_date)),
        ),
        (
            "Rijksregisternummer".into(),
            person.national_number.formatted(),
        ),
    ]
}

fn nationality(person: &Resident) -> (String, String) {
    (
        "Nationaliteit".into(),
        nationality_dutch(&person.nationality).into(),
    )
}

fn member(person: &Resident) -> HouseholdMember {
    HouseholdMember {
        name: full_name(person),
        birth_date: dutch_date(person.birth_date),
        relation: person.household_role.dutch().into(),
    }
}

/// `Peeters, Jan Frans`, as the register lists people.
fn full_name(person: &Resident) -> String {
    format!("{}, {}", person.last_name, person.first_names)
}

fn sex_dutch(person: &Resident) -> &'static str {
    match person.sex {
        loket_domain::register::Sex::Male => "mannelijk",
        loket_domain::register::Sex::Female => "vrouwelijk",
        loket_domain::register::Sex::X => "X",
    }
}

fn dutch_date(date: Date) -> String {
    Tr::new(Locale::Nl).day_month_year(date)
}
