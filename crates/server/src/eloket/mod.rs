//! The e-loket: what a citizen can ask for, and the answers that arrive in their e-box.
//! Certificates are issued at once; an address change waits for the back office; a residents'
//! parking card waits for the payment.

pub mod address_change;
pub mod ebox;
pub mod parking;

use crate::certificates::{self, CertificateError, CertificateKind, content};
use crate::state::AppState;
use loket_domain::locale::Locale;
use loket_domain::national_number::NationalNumber;
use loket_domain::staff::Role;
use loket_store::StoreError;
use loket_store::citizens::Assurance;
use loket_store::eloket::{Channel, Message, NewMessage, NewRequest, Request, RequestStatus};

/// Who issues a certificate for a visitor at a counter.
pub const CERTIFICATE_ROLES: [Role; 2] = [Role::Counter, Role::Admin];

/// What the e-loket takes requests for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestType {
    Certificate(CertificateKind),
    AddressChange,
    ParkingCard,
}

impl RequestType {
    pub fn all() -> Vec<RequestType> {
        CertificateKind::ALL
            .into_iter()
            .map(RequestType::Certificate)
            .chain([RequestType::AddressChange, RequestType::ParkingCard])
            .collect()
    }

    /// How the type is named in the API and kept with a request.
    pub fn code(self) -> &'static str {
        match self {
            RequestType::Certificate(kind) => kind.code(),
            RequestType::AddressChange => "adreswijziging",
            RequestType::ParkingCard => "bewonerskaart",
        }
    }

    pub fn parse(code: &str) -> Option<RequestType> {
        Self::all().into_iter().find(|kind| kind.code() == code)
    }

    /// The message that names it for citizens.
    pub fn name_id(self) -> String {
        format!("request-type-{}", self.code())
    }

    /// How surely the citizen must have signed in: every request is about the register or costs
    /// money, so an e-mail link is never enough.
    pub fn assurance(self) -> Assurance {
        Assurance::High
    }
}

/// Issues the certificate of `kind` about `owner` from the register and puts it in their e-box,
/// with a mail that something new waits there. `by` is the employee asking for a visitor at a
/// counter; None when the citizen asked online. Returns the delivered request and its message.
pub async fn request_certificate(
    state: &AppState,
    owner: &NationalNumber,
    kind: CertificateKind,
    language: Locale,
    by: Option<i64>,
) -> Result<(Request, Message), CertificateError> {
    let entry = state.store.register_entry(owner).await?;
    let data = content::from_register(kind, &entry);
    let document = certificates::issue(state, owner.digits(), kind, &data, by).await?;
    let request = NewRequest {
        national_number: owner.digits().to_owned(),
        kind: kind.code().to_owned(),
        status: RequestStatus::Delivered,
        channel: if by.is_some() {
            Channel::Counter
        } else {
            Channel::Online
        },
        language,
        details: "{}".into(),
        submitted_at: document.issued_at,
        submitted_by: by,
        document_id: Some(document.id),
    };
    let message = NewMessage {
        national_number: owner.digits().to_owned(),
        kind: ebox::DOCUMENT_DELIVERED.into(),
        params: ebox::params(&[("type", kind.code())]),
        request_id: None,
        document_id: Some(document.id),
    };
    let (request, message) = state.store.submit_request(&request, Some(&message)).await?;
    let message = message.ok_or(StoreError::NotFound)?;
    ebox::notify(state, &entry.resident, language).await?;
    Ok((request, message))
}

/// The message that tells a citizen how their request stands.
pub fn status_message_id(status: RequestStatus) -> String {
    format!("request-status-{}", status.code().replace('_', "-"))
}
