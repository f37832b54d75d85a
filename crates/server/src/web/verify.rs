//! The public verification page: anyone holding a certificate checks it by the code printed on it
//! (the QR code opens `/verify?code=…`) or by uploading the file. The answer names the kind of
//! document and its date of issue, never the person it is about.

use crate::certificates::{self, CertificateKind};
use crate::middleware::{ClientAddress, rate_check};
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageResult};
use crate::web::{render, render_form};
use askama::Template;
use axum::Router;
use axum::extract::{Multipart, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use loket_store::documents::{Document, normalize_verification_code};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/verify", get(by_code))
        .route("/verify/file", get(file_form).post(by_file))
}

/// What the page says about a document that was found.
pub struct Found {
    pub kind: String,
    pub issued_on: String,
    pub code: String,
    /// What was found, in a sentence that names the kind, the date and the city.
    pub sentence: String,
}

impl Found {
    /// `sentence_id` names the message that says what was found, with the kind, date and city.
    fn new(state: &AppState, page: &Page, document: &Document, sentence_id: &str) -> Found {
        let known = CertificateKind::parse(&document.kind).is_some()
            || document.kind == crate::eloket::parking::KIND;
        let kind = if known {
            page.t.get(&format!("verify-kind-{}", document.kind))
        } else {
            document.kind.clone()
        };
        let date = document
            .issued_at
            .to_zoned(state.settings.time_zone.clone())
            .date();
        let issued_on = page.t.date(date);
        let sentence = page.t.args(
            sentence_id,
            &[
                ("kind", kind.clone()),
                ("date", issued_on.clone()),
                ("organisation", page.organisation.clone()),
            ],
        );
        Found {
            kind,
            issued_on,
            code: document.verification_code.clone(),
            sentence,
        }
    }
}

#[derive(Template)]
#[template(path = "verify/code.html")]
struct CodeTemplate {
    page: Page,
    code: String,
    errors: Errors,
    found: Option<Found>,
}

#[derive(Deserialize)]
struct CodeQuery {
    code: Option<String>,
}

/// The form, or with `?code=` the answer for that code.
async fn by_code(
    State(state): State<AppState>,
    page: Page,
    client: ClientAddress,
    Query(query): Query<CodeQuery>,
) -> PageResult {
    let Some(code) = query.code else {
        return render(CodeTemplate {
            page,
            code: String::new(),
            errors: Errors::none(),
            found: None,
        });
    };
    let message = if code.trim().is_empty() {
        Some("verify-error-code-empty")
    } else if normalize_verification_code(&code).is_none() {
        Some("verify-error-code-form")
    } else {
        None
    };
    if message.is_none()
        && let Err(wait) = rate_check(&state, &client)
    {
        let errors = Errors::general(
            "code",
            page.t.arg("error-too-many-attempts", "seconds", wait),
        );
        let html = CodeTemplate {
            page,
            code,
            errors,
            found: None,
        }
        .render()?;
        let headers = [(header::RETRY_AFTER, wait.to_string())];
        return Ok((StatusCode::TOO_MANY_REQUESTS, headers, Html(html)).into_response());
    }
    let document = match message {
        Some(_) => None,
        None => certificates::find_by_code(&state, &code).await?,
    };
    let found =
        document.map(|document| Found::new(&state, &page, &document, "verify-found-by-code"));
    let message = message.or(found.is_none().then_some("verify-error-code-unknown"));
    let errors = message
        .map(|id| Errors::general("code", page.t.get(id)))
        .unwrap_or_default();
    let invalid = !errors.is_empty();
    render_form(
        CodeTemplate {
            page,
            code,
            errors,
            found,
        },
        invalid,
    )
}

#[derive(Template)]
#[template(path = "verify/file.html")]
struct FileTemplate {
    page: Page,
    errors: Errors,
    /// None before a file was checked; then whether it is a document Loket issued, unchanged.
    verdict: Option<Option<Found>>,
}

async fn file_form(page: Page) -> PageResult {
    render(FileTemplate {
        page,
        errors: Errors::none(),
        verdict: None,
    })
}

/// Checks the uploaded file; checking changes nothing, so the answer is shown at once.
async fn by_file(State(state): State<AppState>, page: Page, multipart: Multipart) -> PageResult {
    let Some(file) = read_file(multipart).await else {
        let errors = Errors::general("file", page.t.get("verify-error-file-missing"));
        return render_form(
            FileTemplate {
                page,
                errors,
                verdict: None,
            },
            true,
        );
    };
    let document = certificates::find_by_file(&state, &file).await?;
    let found =
        document.map(|document| Found::new(&state, &page, &document, "verify-file-genuine"));
    render(FileTemplate {
        page,
        errors: Errors::none(),
        verdict: Some(found),
    })
}

async fn read_file(mut multipart: Multipart) -> Option<Vec<u8>> {
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            return field
                .bytes()
                .await
                .ok()
                .filter(|bytes| !bytes.is_empty())
                .map(|bytes| bytes.to_vec());
        }
    }
    None
}
