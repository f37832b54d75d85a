//! The citizen's requests and e-box over the API: what can be asked, asking it, the messages that
//! answer and the documents they carry. A citizen's token reaches only their own.

use crate::api::citizen::Citizen;
use crate::api::problem::{ApiError, ApiResult};
use crate::eloket::address_change::{self, DeclareError};
use crate::eloket::ebox::words;
use crate::eloket::{RequestType, request_certificate};
use crate::i18n::{Tr, current_locale};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use loket_domain::address_change::DeclarationInput;
use loket_domain::catalogue::FieldErrors;
use loket_domain::national_number::NationalNumber;
use loket_store::citizens::Assurance;
use loket_store::documents::Document;
use loket_store::eloket::{Message, Request};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct RequestTypeJson {
    /// e.g. `attest-woonst`, `adreswijziging`, `bewonerskaart`.
    code: String,
    /// In the language of the request.
    name: String,
    /// How the citizen must have signed in: `high` (eID, itsme).
    assurance: String,
}

/// What a citizen can ask for at the e-loket.
#[utoipa::path(get, path = "/api/v1/eloket/request-types", tag = "e-loket",
    responses((status = 200, body = [RequestTypeJson])))]
pub async fn request_types() -> Json<Vec<RequestTypeJson>> {
    let t = Tr::new(current_locale());
    Json(
        RequestType::all()
            .into_iter()
            .map(|kind| RequestTypeJson {
                code: kind.code().to_owned(),
                name: t.get(&kind.name_id()),
                assurance: kind.assurance().code().to_owned(),
            })
            .collect(),
    )
}

#[derive(Serialize, ToSchema)]
pub struct RequestJson {
    id: i64,
    /// `delivered`, `submitted`, `approved`, `refused`, `awaiting_payment`, `issued`, `cancelled`.
    status: String,
    /// A parking card: what it costs, in cents.
    #[serde(skip_serializing_if = "Option::is_none")]
    fee_cents: Option<i64>,
    /// A parking card: where the citizen pays it.
    #[serde(skip_serializing_if = "Option::is_none")]
    payment_url: Option<String>,
}

impl From<&Request> for RequestJson {
    fn from(request: &Request) -> RequestJson {
        RequestJson {
            id: request.id,
            status: request.status.code().to_owned(),
            fee_cents: None,
            payment_url: None,
        }
    }
}

/// Asks for something: `{"type": "attest-woonst"}` (or another certificate) is delivered into
/// the e-box at once; see the API description for an address change. A residents' parking card,
/// `{"type": "bewonerskaart", "plate": "1-ABC-123", "duration": "quarter"|"year", "no_garage"?:
/// true, "vehicle_fits"?: true}` (a statement sent as anything but `true` refuses the
/// application; without them the client asked the citizen itself), answers `awaiting_payment` with
/// `fee_cents` and the `payment_url` to send the citizen to; 409 when the street has no zone, the
/// housing unit holds two cards, the plate has one, or paying online is not available.
#[utoipa::path(post, path = "/api/v1/eloket/requests", tag = "e-loket", security(("bearer" = [])),
    request_body(content = Object, description = "`{\"type\": …}` with the fields of that type"),
    responses((status = 201, body = RequestJson),
              (status = 401, body = crate::api::problem::Problem),
              (status = 403, description = "Signed in with too low an assurance", body = crate::api::problem::Problem),
              (status = 422, body = crate::api::problem::Problem)))]
pub async fn submit(
    State(state): State<AppState>,
    citizen: Citizen,
    body: axum::body::Bytes,
) -> ApiResult<(StatusCode, Json<RequestJson>)> {
    let body: Value = serde_json::from_slice(&body).map_err(|_| invalid("body", "error-json"))?;
    let kind = body
        .get("type")
        .and_then(Value::as_str)
        .and_then(RequestType::parse)
        .ok_or_else(|| invalid("type", "error-request-type"))?;
    if kind.assurance() == Assurance::High && citizen.session.assurance != Assurance::High {
        return Err(ApiError::Forbidden);
    }
    let owner = citizen_number(&citizen)?;
    let request = match kind {
        RequestType::Certificate(certificate) => {
            let (request, _): (Request, _) =
                request_certificate(&state, &owner, certificate, current_locale(), None)
                    .await
                    .map_err(|error| {
                        tracing::error!("a certificate could not be issued: {error}");
                        ApiError::Internal
                    })?;
            RequestJson::from(&request)
        }
        RequestType::ParkingCard => {
            let started = crate::api::permits::apply(&state, &owner, &body).await?;
            let request = state.store.request(started.card.request_id).await?;
            let payment_url = match started.payment_url.starts_with('/') {
                true => format!(
                    "{}{}",
                    state.settings.public_url.trim_end_matches('/'),
                    started.payment_url
                ),
                false => started.payment_url,
            };
            RequestJson {
                fee_cents: Some(started.card.fee_cents),
                payment_url: Some(payment_url),
                ..RequestJson::from(&request)
            }
        }
        RequestType::AddressChange => {
            RequestJson::from(&declare_address_change(&state, &owner, &body).await?)
        }
    };
    Ok((StatusCode::CREATED, Json(request)))
}

async fn declare_address_change(
    state: &AppState,
    owner: &NationalNumber,
    body: &Value,
) -> ApiResult<Request> {
    let text = |field: &str| {
        body.get(field)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let members = match body.get("members") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(members)) => members
            .iter()
            .map(|m| m.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| invalid("members", "error-address-change-member"))?,
        Some(_) => return Err(invalid("members", "error-address-change-member")),
    };
    let input = DeclarationInput {
        street: text("street"),
        number: text("number"),
        box_number: text("box"),
        postal_code: text("postal_code"),
        moving_date: text("moving_date"),
        members,
    };
    match address_change::declare(state, owner, &input, current_locale()).await {
        Ok(request) => Ok(request),
        Err(DeclareError::Invalid(errors)) => Err(ApiError::Invalid(errors)),
        Err(DeclareError::OpenAlready) => Err(ApiError::Conflict("error-address-change-open")),
        Err(DeclareError::Store(error)) => Err(error.into()),
    }
}

fn invalid(field: &str, message_id: &'static str) -> ApiError {
    let mut errors = FieldErrors::default();
    errors.add(field, message_id);
    ApiError::Invalid(errors)
}

pub fn citizen_number(citizen: &Citizen) -> ApiResult<NationalNumber> {
    NationalNumber::parse(&citizen.session.national_number).map_err(|_| ApiError::Unauthorized)
}

#[derive(Serialize, ToSchema)]
pub struct EboxDocumentJson {
    id: i64,
    #[serde(rename = "type")]
    kind: String,
    verification_code: String,
}

#[derive(Serialize, ToSchema)]
pub struct EboxMessageJson {
    id: i64,
    /// In the language of the request.
    subject: String,
    body: String,
    received_at: String,
    read: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<EboxDocumentJson>,
}

/// The citizen's e-box, the newest message first.
#[utoipa::path(get, path = "/api/v1/ebox", tag = "e-loket", security(("bearer" = [])),
    responses((status = 200, body = [EboxMessageJson]), (status = 401, body = crate::api::problem::Problem)))]
pub async fn ebox(
    State(state): State<AppState>,
    citizen: Citizen,
) -> ApiResult<Json<Vec<EboxMessageJson>>> {
    let owner = citizen_number(&citizen)?;
    let t = Tr::new(current_locale());
    let messages = state.store.ebox_with_documents(owner.digits()).await?;
    Ok(Json(
        messages
            .into_iter()
            .map(|(message, document)| message_json(&state, t, &message, document))
            .collect(),
    ))
}

fn message_json(
    state: &AppState,
    t: Tr,
    message: &Message,
    document: Option<Document>,
) -> EboxMessageJson {
    let words = words(t, message);
    let document = document.map(|document| EboxDocumentJson {
        id: document.id,
        kind: document.kind,
        verification_code: document.verification_code,
    });
    EboxMessageJson {
        id: message.id,
        subject: words.subject,
        body: words.body,
        received_at: state.local_instant(message.received_at),
        read: message.is_read(),
        document,
    }
}

/// A document from the citizen's e-box: the PDF exactly as issued. Another citizen's document
/// is 404, as if it did not exist.
#[utoipa::path(get, path = "/api/v1/ebox/documents/{id}", tag = "e-loket", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>),
              (status = 401, body = crate::api::problem::Problem),
              (status = 404, body = crate::api::problem::Problem)))]
pub async fn document(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let owner = citizen_number(&citizen)?;
    let document = state.store.ebox_document(owner.digits(), id).await?;
    let pdf = state.store.document_pdf(document.id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf"),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        pdf,
    )
        .into_response())
}
