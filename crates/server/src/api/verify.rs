//! The public check of an issued document: by its verification code, or by the file itself, which
//! is accepted only exactly as it was issued. Neither answer carries personal data.

use crate::api::problem::{ApiError, ApiResult};
use crate::certificates;
use crate::middleware::{ClientAddress, rate_check};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use loket_store::documents::Document;
use serde::Serialize;
use utoipa::ToSchema;

/// What the verification code tells about a document.
#[derive(Serialize, ToSchema)]
pub struct CodeVerdictJson {
    /// Whether Loket's signature of the document holds.
    valid: bool,
    /// The kind of document, e.g. `attest-woonst`.
    #[serde(rename = "type")]
    kind: String,
    /// When it was issued, in the city's time zone.
    issued_at: String,
    /// The SHA-256 of the file as issued; a copy with another digest is not that file.
    sha256: String,
}

/// Whether an uploaded file is a document Loket issued, exactly as issued.
#[derive(Serialize, ToSchema)]
pub struct FileVerdictJson {
    valid: bool,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued_at: Option<String>,
}

/// The kind and date of issue of the document with this code. Codes are 12 symbols from 31
/// (about 7.9 × 10^17), too many to find one by guessing; the API's rate limit applies too.
#[utoipa::path(get, path = "/api/v1/verify/{code}", tag = "verification",
    params(("code" = String, Path, description = "The verification code printed on the document, e.g. K7M2-P9QX-4HTR")),
    responses((status = 200, body = CodeVerdictJson), (status = 404, body = crate::api::problem::Problem),
              (status = 429, body = crate::api::problem::Problem)))]
pub async fn by_code(
    State(state): State<AppState>,
    client: ClientAddress,
    Path(code): Path<String>,
) -> ApiResult<Json<CodeVerdictJson>> {
    rate_check(&state, &client).map_err(|retry_after| ApiError::TooManyRequests { retry_after })?;
    let document = certificates::find_by_code(&state, &code)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(CodeVerdictJson {
        valid: true,
        kind: document.kind.clone(),
        issued_at: state.local_instant(document.issued_at),
        sha256: document.sha256,
    }))
}

/// Checks a file (the PDF as the request body): valid only if it is byte for byte a document
/// Loket issued.
#[utoipa::path(post, path = "/api/v1/verify", tag = "verification",
    request_body(content = Vec<u8>, content_type = "application/pdf"),
    responses((status = 200, body = FileVerdictJson), (status = 429, body = crate::api::problem::Problem)))]
pub async fn by_file(
    State(state): State<AppState>,
    file: Bytes,
) -> ApiResult<Json<FileVerdictJson>> {
    let verdict = match certificates::find_by_file(&state, &file).await? {
        Some(document) => genuine(&state, &document),
        None => FileVerdictJson {
            valid: false,
            kind: None,
            issued_at: None,
        },
    };
    Ok(Json(verdict))
}

fn genuine(state: &AppState, document: &Document) -> FileVerdictJson {
    FileVerdictJson {
        valid: true,
        kind: Some(document.kind.clone()),
        issued_at: Some(state.local_instant(document.issued_at)),
    }
}
