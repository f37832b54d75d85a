//! API errors as `application/problem+json` (RFC 9457), with translated titles and field messages.

use crate::i18n::{Tr, current_locale};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use loket_domain::catalogue::FieldErrors;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

#[derive(Debug)]
pub enum ApiError {
    Invalid(FieldErrors),
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict(&'static str),
    /// A conflict whose detail is translated already (it names what was in the way).
    ConflictDetail(String),
    TooManyRequests {
        retry_after: u64,
    },
    Internal,
}

/// The body of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Per wrong field, what is wrong with it.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, String>,
}

impl ApiError {
    fn parts(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            ApiError::Invalid(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid-input",
                "problem-invalid",
            ),
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "problem-unauthorized",
            ),
            ApiError::Forbidden => (StatusCode::FORBIDDEN, "forbidden", "problem-forbidden"),
            ApiError::NotFound => (StatusCode::NOT_FOUND, "not-found", "problem-not-found"),
            ApiError::Conflict(_) | ApiError::ConflictDetail(_) => {
                (StatusCode::CONFLICT, "conflict", "problem-conflict")
            }
            ApiError::TooManyRequests { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                "rate-limited",
                "problem-rate-limited",
            ),
            ApiError::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "problem-internal",
            ),
        }
    }

    pub fn problem(&self, t: Tr) -> Problem {
        let (status, kind, title_id) = self.parts();
        let detail = match self {
            ApiError::Conflict(detail_id) => t.get(detail_id),
            ApiError::ConflictDetail(detail) => detail.clone(),
            ApiError::TooManyRequests { retry_after } => {
                t.arg("error-too-many-attempts", "seconds", retry_after)
            }
            _ => t.get(&format!("{title_id}-detail")),
        };
        let errors = match self {
            ApiError::Invalid(errors) => errors
                .0
                .iter()
                .map(|(field, id)| (field.clone(), t.get(id)))
                .collect(),
            _ => BTreeMap::new(),
        };
        Problem {
            kind: format!("/api/v1/problems/{kind}"),
            title: t.get(title_id),
            status: status.as_u16(),
            detail,
            errors,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = self.problem(Tr::new(current_locale()));
        let status =
            StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_string(&problem).unwrap_or_default();
        let mut response = (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response();
        if let ApiError::TooManyRequests { retry_after } = self
            && let Ok(value) = retry_after.to_string().parse()
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        if let ApiError::Unauthorized = self {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

impl From<loket_store::StoreError> for ApiError {
    fn from(error: loket_store::StoreError) -> Self {
        match error {
            loket_store::StoreError::NotFound => ApiError::NotFound,
            other => {
                tracing::error!("store error in the API: {other}");
                ApiError::Internal
            }
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
