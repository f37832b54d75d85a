//! A certificate for a visitor at a counter: the employee reads the national number from the
//! visitor's eID, chooses the certificate, and prints or sends the PDF; it also lands in the
//! visitor's e-box. Every issue and every download is in the audit log.

use super::certificate_choices;
use crate::certificates::CertificateKind;
use crate::eloket::{CERTIFICATE_ROLES, request_certificate};
use crate::state::AppState;
use crate::web::eloket::ebox::file_name;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_invalid, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use loket_domain::national_number::NationalNumber;
use loket_store::StoreError;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/counter/certificates", get(form).post(issue))
        .route("/counter/certificates/{id}", get(issued))
        .route("/counter/certificates/{id}/pdf", get(download))
}

#[derive(Template)]
#[template(path = "eloket/at_counter.html")]
struct FormTemplate {
    page: Page,
    national_number: String,
    kinds: Vec<(String, String)>,
    chosen: String,
    errors: Errors,
}

impl FormTemplate {
    fn new(page: Page, national_number: String, chosen: String, errors: Errors) -> FormTemplate {
        let kinds = certificate_choices(page.t);
        FormTemplate {
            page,
            national_number,
            kinds,
            chosen,
            errors,
        }
    }
}

async fn form(page: Page) -> PageResult {
    page.require_any(&CERTIFICATE_ROLES)?;
    render(FormTemplate::new(
        page,
        String::new(),
        String::new(),
        Errors::none(),
    ))
}

#[derive(Deserialize)]
struct IssueForm {
    #[serde(default)]
    national_number: String,
    #[serde(default)]
    kind: String,
}

async fn issue(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<IssueForm>,
) -> PageResult {
    let employee = page.require_any(&CERTIFICATE_ROLES)?.id;
    let number = match NationalNumber::parse(&form.national_number) {
        Ok(number) => match state.store.register_entry(&number).await {
            Ok(_) => Ok(number),
            Err(StoreError::NotFound) => Err(page.t.get("eloket-counter-not-registered")),
            Err(other) => return Err(other.into()),
        },
        Err(error) => Err(page.t.get(error.message_id())),
    };
    let kind = CertificateKind::parse(&form.kind);
    let (number, kind) = match (number, kind) {
        (Ok(number), Some(kind)) => (number, kind),
        (number, kind) => {
            let mut errors = Vec::new();
            if let Err(message) = number {
                errors.push(("national_number".to_owned(), message));
            }
            if kind.is_none() {
                errors.push(("kind".to_owned(), page.t.get("eloket-certificate-choose")));
            }
            let template = FormTemplate::new(
                page,
                form.national_number,
                form.kind,
                Errors::from_list(errors),
            );
            return render_invalid(template);
        }
    };
    let (request, _) = request_certificate(&state, &number, kind, page.locale, Some(employee))
        .await
        .map_err(|error| {
            tracing::error!("a certificate could not be issued at a counter: {error}");
            PageError::Internal
        })?;
    let document_id = request.document_id.ok_or(PageError::Internal)?;
    see_other(&format!("/counter/certificates/{document_id}"))
}

#[derive(Template)]
#[template(path = "eloket/at_counter_issued.html")]
struct IssuedTemplate {
    page: Page,
    id: i64,
    kind: String,
    holder: String,
    masked_number: String,
    code: String,
}

async fn issued(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    page.require_any(&CERTIFICATE_ROLES)?;
    let document = state.store.document(id).await?;
    let number =
        NationalNumber::parse(&document.national_number).map_err(|_| PageError::NotFound)?;
    let entry = state.store.register_entry(&number).await?;
    render(IssuedTemplate {
        id,
        kind: page.t.get(&format!("request-type-{}", document.kind)),
        holder: format!(
            "{} {}",
            entry.resident.first_name(),
            entry.resident.last_name
        ),
        masked_number: number.masked(),
        code: document.verification_code,
        page,
    })
}

async fn download(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let employee = page.require_any(&CERTIFICATE_ROLES)?.id;
    let document = state.store.document(id).await?;
    let pdf = state.store.document_pdf(id).await?;
    state
        .store
        .audit(
            state.now(),
            Some(employee),
            "document.download",
            &document.verification_code,
            &document.kind,
        )
        .await?;
    let disposition = format!("inline; filename=\"{}\"", file_name(&document));
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        pdf,
    )
        .into_response())
}
