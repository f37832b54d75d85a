//! An address change: the citizen declares it, the back office records the neighbourhood
//! officer's check and decides. An approval moves the citizen (and whoever moves along) in the
//! register and tells them in the e-box to have the new address written on their eID's chip.

use super::ebox;
use crate::state::AppState;
use jiff::civil::Date;
use loket_domain::address_change::{Declarant, Declaration, DeclarationInput, ListedStreet};
use loket_domain::catalogue::FieldErrors;
use loket_domain::locale::Locale;
use loket_domain::national_number::NationalNumber;
use loket_domain::register::Address;
use loket_store::address_changes::{ADDRESS_CHANGE, Decision, NOT_CHECKED};
use loket_store::eloket::{Channel, NewMessage, NewRequest, Request, RequestStatus};
use loket_store::staff::StaffUser;
use loket_store::{StoreError, StoreResult};
use serde::{Deserialize, Serialize};

/// The department whose back office decides address changes.
pub const POPULATION_DEPARTMENT: &str = "burgerzaken";

/// The approval is in the e-box; parameters `address` and `date`.
pub const APPROVED: &str = "address-change-approved";
/// The refusal is in the e-box; parameters `address` and `reason`.
pub const REFUSED: &str = "address-change-refused";

/// Whether the employee decides address changes: back office of the population department, or
/// an administrator, who may look.
pub fn decides_address_changes(user: &StaffUser) -> bool {
    use loket_domain::staff::Role;
    user.has_role(Role::Admin)
        || (user.has_role(Role::Backoffice)
            && user.departments.iter().any(|d| d == POPULATION_DEPARTMENT))
}

/// Someone who moves, as declared.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mover {
    pub national_number: String,
    pub name: String,
}

/// What was declared, as kept in the request's details.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Details {
    pub street: String,
    pub number: String,
    #[serde(rename = "box")]
    pub box_number: String,
    pub postal_code: String,
    pub city: String,
    pub moving_date: Date,
    /// The address the declarant lived at when declaring.
    pub from: String,
    /// Everyone who moves, the declarant first.
    pub movers: Vec<Mover>,
}

impl Details {
    pub fn of(request: &Request) -> StoreResult<Details> {
        serde_json::from_str(&request.details)
            .map_err(|e| StoreError::Invalid(format!("address change {}: {e}", request.id)))
    }

    pub fn to(&self) -> Address {
        Address {
            street: self.street.clone(),
            number: self.number.clone(),
            box_number: self.box_number.clone(),
            postal_code: self.postal_code.clone(),
            city: self.city.clone(),
        }
    }

    fn movers(&self) -> StoreResult<Vec<NationalNumber>> {
        self.movers
            .iter()
            .map(|mover| {
                NationalNumber::parse(&mover.national_number)
                    .map_err(|_| StoreError::Invalid("a mover's national number".into()))
            })
            .collect()
    }
}

#[derive(Debug)]
pub enum DeclareError {
    Invalid(FieldErrors),
    /// The citizen has a declaration waiting for the back office already.
    OpenAlready,
    Store(StoreError),
}

impl From<StoreError> for DeclareError {
    fn from(error: StoreError) -> Self {
        DeclareError::Store(error)
    }
}

/// Checks and keeps the citizen's declaration; it waits for the back office.
pub async fn declare(
    state: &AppState,
    owner: &NationalNumber,
    input: &DeclarationInput,
    language: Locale,
) -> Result<Request, DeclareError> {
    let entry = state.store.register_entry(owner).await?;
    let streets = state.store.streets().await?;
    let listed: Vec<ListedStreet<'_>> = streets
        .iter()
        .map(|street| ListedStreet {
            name: &street.name,
            postal_code: &street.postal_code,
            city: &street.city,
        })
        .collect();
    let household: Vec<NationalNumber> = entry
        .household
        .iter()
        .map(|member| member.national_number.clone())
        .collect();
    let now = state.now();
    let declaration = input
        .parse(
            &listed,
            Declarant {
                national_number: owner,
                current: &entry.home.address,
                household: &household,
                today: state.local_date(now),
            },
        )
        .map_err(DeclareError::Invalid)?;
    let details = details(&declaration, &entry);
    let request = NewRequest {
        national_number: owner.digits().to_owned(),
        kind: ADDRESS_CHANGE.to_owned(),
        status: RequestStatus::Submitted,
        channel: Channel::Online,
        language,
        details: serde_json::to_string(&details).map_err(|e| StoreError::Invalid(e.to_string()))?,
        submitted_at: now,
        submitted_by: None,
        document_id: None,
    };
    match state.store.submit_request(&request, None).await {
        Ok((request, _)) => Ok(request),
        Err(StoreError::Duplicate(_)) => Err(DeclareError::OpenAlready),
        Err(other) => Err(other.into()),
    }
}

fn details(declaration: &Declaration, entry: &loket_store::register::RegisterEntry) -> Details {
    let movers = declaration
        .movers
        .iter()
        .map(|number| Mover {
            national_number: number.digits().to_owned(),
            name: entry
                .household
                .iter()
                .find(|member| &member.national_number == number)
                .map(|member| format!("{} {}", member.first_names, member.last_name))
                .unwrap_or_default(),
        })
        .collect();
    Details {
        street: declaration.to.street.clone(),
        number: declaration.to.number.clone(),
        box_number: declaration.to.box_number.clone(),
        postal_code: declaration.to.postal_code.clone(),
        city: declaration.to.city.clone(),
        moving_date: declaration.moving_date,
        from: entry.home.address.to_string(),
        movers,
    }
}

/// The citizen's address change that waits for the back office, if any.
pub async fn open_declaration(
    state: &AppState,
    owner: &NationalNumber,
) -> StoreResult<Option<Request>> {
    Ok(state
        .store
        .requests_of(owner.digits())
        .await?
        .into_iter()
        .find(|r| r.kind == ADDRESS_CHANGE && r.status == RequestStatus::Submitted))
}

/// What the back office decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Approve,
    Refuse { reason: String },
}

#[derive(Debug)]
pub enum DecideError {
    /// Someone decided it already; the request as it stands now.
    DecidedAlready(Request),
    /// Approval needs the officer to have found the citizen at the new address.
    NotChecked,
    /// The register changed since the declaration (someone of the movers moved or left).
    RegisterChanged,
    NotFound,
    Store(StoreError),
}

impl From<StoreError> for DecideError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => DecideError::NotFound,
            other => DecideError::Store(other),
        }
    }
}

/// Approves or refuses a submitted address change for `by`, tells the citizen in their e-box and
/// by mail, and writes the decision in the audit log.
pub async fn decide(
    state: &AppState,
    request_id: i64,
    verdict: &Verdict,
    by: &StaffUser,
) -> Result<Request, DecideError> {
    let request = state.store.request(request_id).await?;
    if request.kind != ADDRESS_CHANGE {
        return Err(DecideError::NotFound);
    }
    let details = Details::of(&request)?;
    let movers = details.movers()?;
    let to = details.to();
    let address = to.to_string();
    let (decision, message) = match verdict {
        Verdict::Approve => (
            Decision::Approve {
                movers: &movers,
                to: &to,
                since: details.moving_date,
            },
            message(
                &request,
                APPROVED,
                &[
                    ("address", &address),
                    ("date", &details.moving_date.to_string()),
                ],
            ),
        ),
        Verdict::Refuse { reason } => (
            Decision::Refuse { reason },
            message(
                &request,
                REFUSED,
                &[("address", &address), ("reason", reason)],
            ),
        ),
    };
    let now = state.now();
    let decided = match state
        .store
        .decide_address_change(request_id, &decision, &message, by.id, now)
        .await
    {
        Ok(decided) => decided,
        Err(StoreError::WrongState(why)) if why == NOT_CHECKED => {
            return Err(DecideError::NotChecked);
        }
        Err(StoreError::WrongState(_) | StoreError::Reference(_) | StoreError::NotFound) => {
            let now_request = state.store.request(request_id).await?;
            return Err(if now_request.status == RequestStatus::Submitted {
                DecideError::RegisterChanged
            } else {
                DecideError::DecidedAlready(now_request)
            });
        }
        Err(other) => return Err(other.into()),
    };
    let owner = NationalNumber::parse(&request.national_number)
        .map_err(|_| StoreError::Invalid("a request's national number".into()))?;
    state
        .store
        .audit(
            now,
            Some(by.id),
            &format!("address-change.{}", decided.status.code()),
            &owner.masked(),
            &format!("request {request_id}"),
        )
        .await?;
    let entry = state.store.register_entry(&owner).await?;
    ebox::notify(state, &entry.resident, request.language).await?;
    Ok(decided)
}

fn message(request: &Request, kind: &str, values: &[(&str, &str)]) -> NewMessage {
    NewMessage {
        national_number: request.national_number.clone(),
        kind: kind.to_owned(),
        params: ebox::params(values),
        request_id: Some(request.id),
        document_id: None,
    }
}
