//! Certificates and extracts from the population register: issued at once as a signed PDF in
//! Dutch, the city's administrative language, and checked by anyone on the public verification
//! page by their code or by the file itself.

pub mod content;
pub mod signing;

use crate::i18n::Tr;
use crate::state::AppState;
use jiff::Timestamp;
use loket_domain::locale::Locale;
use loket_pdf::{Certificate, DataLine, Heading, Table, Verification};
use loket_store::documents::{
    Document, NewDocument, new_verification_code, normalize_verification_code,
};
use loket_store::{StoreError, StoreResult};
use signing::sha256_hex;

/// The documents Loket issues from the population register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertificateKind {
    Residence,
    HouseholdComposition,
    Life,
    Nationality,
    RegisterExtract,
}

impl CertificateKind {
    pub const ALL: [CertificateKind; 5] = [
        CertificateKind::Residence,
        CertificateKind::HouseholdComposition,
        CertificateKind::Life,
        CertificateKind::Nationality,
        CertificateKind::RegisterExtract,
    ];

    /// How the kind is stored and named in the API.
    pub fn code(self) -> &'static str {
        match self {
            CertificateKind::Residence => "attest-woonst",
            CertificateKind::HouseholdComposition => "attest-gezinssamenstelling",
            CertificateKind::Life => "attest-leven",
            CertificateKind::Nationality => "attest-nationaliteit",
            CertificateKind::RegisterExtract => "uittreksel-bevolkingsregister",
        }
    }

    pub fn parse(code: &str) -> Option<CertificateKind> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The title printed on the document.
    pub fn title(self) -> &'static str {
        match self {
            CertificateKind::Residence => "Attest van woonst",
            CertificateKind::HouseholdComposition => "Gezinssamenstelling",
            CertificateKind::Life => "Attest van leven",
            CertificateKind::Nationality => "Attest van nationaliteit",
            CertificateKind::RegisterExtract => "Uittreksel uit het bevolkingsregister",
        }
    }
}

/// What a certificate says about the person, in Dutch, as the register gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CertificateData {
    /// The sentence before the data, e.g. "Uit het bevolkingsregister blijkt dat".
    pub introduction: String,
    /// Label and value, e.g. ("Naam", "Peeters, Jan").
    pub lines: Vec<(String, String)>,
    /// For a household composition: the members, each as name, date of birth and relation.
    pub members: Vec<HouseholdMember>,
    /// What the certificate may be used for, if it says so.
    pub closing: Option<String>,
}

/// What a document is: its code (as kept and in the API), its printed title and the service that
/// issues it.
#[derive(Debug, Clone, Copy)]
pub struct DocumentKind<'a> {
    pub code: &'a str,
    pub title: &'a str,
    pub service: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HouseholdMember {
    pub name: String,
    pub birth_date: String,
    pub relation: String,
}

/// The issuing service printed in the letterhead and under the date.
const SERVICE: &str = "Dienst Burgerzaken";
/// A fresh verification code is drawn this many times at most when one happens to be taken.
const CODE_ATTEMPTS: usize = 5;

#[derive(Debug, thiserror::Error)]
pub enum CertificateError {
    #[error(transparent)]
    Render(#[from] loket_pdf::RenderError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Renders, signs and keeps a certificate about `owner_national_number`; `issued_by` is the
/// employee who issued it at a counter, None when the citizen asked online.
pub async fn issue(
    state: &AppState,
    owner_national_number: &str,
    kind: CertificateKind,
    data: &CertificateData,
    issued_by: Option<i64>,
) -> Result<Document, CertificateError> {
    let mut attempts = 0;
    loop {
        let document = prepare(
            state,
            owner_national_number,
            DocumentKind {
                code: kind.code(),
                title: kind.title(),
                service: SERVICE,
            },
            data,
            issued_by,
        )
        .await?;
        match state.store.insert_document(&document).await {
            Err(StoreError::Duplicate(_)) if attempts + 1 < CODE_ATTEMPTS => attempts += 1,
            result => {
                let document = result?;
                state
                    .store
                    .audit(
                        document.issued_at,
                        issued_by,
                        "document.issue",
                        &document.verification_code,
                        kind.code(),
                    )
                    .await?;
                return Ok(document);
            }
        }
    }
}

/// Renders and signs a document about `owner_national_number` with a fresh verification code,
/// without keeping it: for a document that is kept together with the change it is part of (a
/// parking card issued when paid).
pub async fn prepare(
    state: &AppState,
    owner_national_number: &str,
    kind: DocumentKind<'_>,
    data: &CertificateData,
    issued_by: Option<i64>,
) -> Result<NewDocument, CertificateError> {
    let key = &state.signing_key;
    let issued_at = state.now();
    let letterhead = letterhead(state).await?;
    let verification_code = new_verification_code();
    let certificate = certificate(
        state,
        &letterhead,
        kind,
        data,
        &verification_code,
        issued_at,
    );
    let pdf = loket_pdf::render(&certificate)?;
    let sha256 = sha256_hex(&pdf);
    Ok(NewDocument {
        national_number: owner_national_number.to_owned(),
        kind: kind.code.to_owned(),
        verification_code,
        issued_at,
        issued_by,
        signature: key.sign(&sha256),
        sha256,
        pdf,
    })
}

/// The document with this code as someone typed it, if Loket issued it and its signature holds.
pub async fn find_by_code(state: &AppState, typed: &str) -> StoreResult<Option<Document>> {
    let Some(code) = normalize_verification_code(typed) else {
        return Ok(None);
    };
    let document = state.store.document_by_code(&code).await?;
    Ok(genuine(state, document))
}

/// The document this file is, if it is exactly a file Loket issued.
pub async fn find_by_file(state: &AppState, file: &[u8]) -> StoreResult<Option<Document>> {
    let document = state.store.document_by_sha256(&sha256_hex(file)).await?;
    Ok(genuine(state, document))
}

fn genuine(state: &AppState, document: Option<Document>) -> Option<Document> {
    document.filter(|document| {
        state
            .signing_key
            .verifies(&document.sha256, &document.signature)
    })
}

/// The city's name and address, and the place documents are issued in.
struct Letterhead {
    organisation: String,
    address_lines: Vec<String>,
    place: String,
}

async fn letterhead(state: &AppState) -> StoreResult<Letterhead> {
    let address = state
        .books
        .current(&state.store)
        .await?
        .sites
        .first()
        .map(|site| site.address.clone())
        .unwrap_or_default();
    let address_lines: Vec<String> = address.split(", ").map(str::to_owned).collect();
    let place = address_lines
        .last()
        .map(|line| line.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' '))
        .filter(|place| !place.is_empty())
        .unwrap_or(&state.settings.organisation)
        .to_owned();
    Ok(Letterhead {
        organisation: state.settings.organisation.clone(),
        address_lines,
        place,
    })
}

fn certificate(
    state: &AppState,
    letterhead: &Letterhead,
    kind: DocumentKind<'_>,
    data: &CertificateData,
    code: &str,
    issued_at: Timestamp,
) -> Certificate {
    let date = issued_at.to_zoned(state.settings.time_zone.clone()).date();
    let url = format!(
        "{}/verify?code={code}",
        state.settings.public_url.trim_end_matches('/')
    );
    Certificate {
        language: "nl-BE".into(),
        heading: Heading {
            organisation: letterhead.organisation.clone(),
            service: kind.service.into(),
            address_lines: letterhead.address_lines.clone(),
        },
        title: kind.title.into(),
        introduction: data.introduction.clone(),
        lines: data
            .lines
            .iter()
            .map(|(label, value)| DataLine {
                label: label.clone(),
                value: value.clone(),
            })
            .collect(),
        table: members_table(&data.members),
        closing: data.closing.clone(),
        place_and_date: format!(
            "{}, {}",
            letterhead.place,
            Tr::new(Locale::Nl).day_month_year(date)
        ),
        issued_by: kind.service.into(),
        verification: Verification {
            code_label: "Verificatiecode".into(),
            code: code.into(),
            instruction: "Controleer of dit document echt is op".into(),
            url,
            qr_description: "QR-code die de verificatiepagina van dit document opent".into(),
        },
    }
}

fn members_table(members: &[HouseholdMember]) -> Option<Table> {
    if members.is_empty() {
        return None;
    }
    Some(Table {
        caption: "Samenstelling van het gezin".into(),
        headers: vec!["Naam".into(), "Geboortedatum".into(), "Relatie".into()],
        rows: members
            .iter()
            .map(|m| vec![m.name.clone(), m.birth_date.clone(), m.relation.clone()])
            .collect(),
    })
}
