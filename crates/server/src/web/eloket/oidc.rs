//! Signing in with the city's OpenID Connect provider (eID or itsme through the city's broker; see
//! `crate::oidc`): the button on the sign-in page sends the citizen off, the provider sends them
//! back to the callback, which signs them in.
//!
//! Between those two requests Loket keeps the `state`, the `nonce`, the PKCE verifier and the page
//! to return to in the database (`oidc_logins`), not in a signed cookie: every node reads it
//! without sharing a signing key, one `DELETE … RETURNING` takes it so a state serves once even
//! when two answers race on two nodes, and it expires after ten minutes. The browser holds the
//! state itself in a short-lived HttpOnly cookie, and the answer counts only with that cookie: an
//! answer carried to another browser (someone signing a victim in under their own name) is
//! refused. The cookie is `SameSite=Lax`, which a browser sends along on the provider's redirect.
//!
//! Only residents in the city's register sign in: everything the e-loket offers (certificates,
//! address changes, residents' parking cards) is made from their entry, so a citizen who is not in
//! it is told so on a page of its own, with where to go instead, rather than finding an e-loket
//! where nothing works.

use super::sign_citizen_in;
use crate::middleware::CONTENT_SECURITY_POLICY;
use crate::oidc::{CALLBACK_PATH, Oidc, OidcError};
use crate::state::AppState;
use crate::web::page::{Page, PageError, PageResult, cookie, set_cookie};
use crate::web::{local_path, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use jiff::SignedDuration;
use loket_domain::national_number::NationalNumber;
use loket_store::StoreError;
use loket_store::citizens::Assurance;
use loket_store::oidc_logins::PendingOidcLogin;
use serde::Deserialize;

/// The browser's half of a sign-in under way: its state.
pub const OIDC_COOKIE: &str = "loket_oidc";
/// How long a citizen may take at the provider.
const LOGIN_LIFETIME: SignedDuration = SignedDuration::from_mins(10);

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/eloket/login/oidc", post(start))
        .route(CALLBACK_PATH, get(callback))
}

/// Lets the forms of a page that offers the provider's sign-in send the browser on to the
/// provider (Content-Security-Policy `form-action`, which browsers also apply to the redirect).
pub async fn allow_forms_to_provider(state: &AppState, mut response: Response) -> Response {
    if let Some(oidc) = &state.oidc {
        let policy = format!(
            "{CONTENT_SECURITY_POLICY} {}",
            oidc.form_targets().await.join(" ")
        );
        if let Ok(value) = HeaderValue::from_str(&policy) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    response
}

#[derive(Deserialize)]
struct StartForm {
    #[serde(default)]
    next: String,
}

/// Sends the citizen to the provider, after noting what the answer must match.
async fn start(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<StartForm>,
) -> PageResult {
    let Some(oidc) = state.oidc.clone() else {
        return Err(PageError::NotFound);
    };
    let next = local_path(&form.next).unwrap_or_default().to_owned();
    let authorization = match oidc.authorize(page.locale).await {
        Ok(authorization) => authorization,
        Err(error) => {
            return failed(&state, page, Failure::from_provider(error), &next, "").await;
        }
    };
    let now = state.now();
    let login = PendingOidcLogin {
        nonce: authorization.nonce,
        pkce_verifier: authorization.pkce_verifier,
        next,
        expires_at: now + LOGIN_LIFETIME,
    };
    state
        .store
        .start_oidc_login(&authorization.state, &login, now)
        .await?;
    let mut response = see_other(&authorization.url)?;
    set_cookie(
        &mut response,
        &state,
        OIDC_COOKIE,
        &authorization.state,
        LOGIN_LIFETIME.as_secs(),
    );
    Ok(response)
}

/// What the provider sends back: a code, or an error, with our state.
#[derive(Deserialize, Default)]
struct ProviderAnswer {
    state: Option<String>,
    code: Option<String>,
    error: Option<String>,
    iss: Option<String>,
}

/// Finishes the sign-in the provider answered; the state cookie has served either way.
async fn callback(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Query(answer): Query<ProviderAnswer>,
) -> PageResult {
    let Some(oidc) = state.oidc.clone() else {
        return Err(PageError::NotFound);
    };
    let mut response = match verified_resident(&state, &oidc, &headers, answer).await? {
        Ok((resident, next)) => {
            sign_citizen_in(&state, &resident, Assurance::High, "oidc", &next).await?
        }
        Err(refusal) => {
            let subject = refusal.resident.map(|r| r.masked()).unwrap_or_default();
            failed(&state, page, refusal.failure, &refusal.next, &subject).await?
        }
    };
    set_cookie(&mut response, &state, OIDC_COOKIE, "", 0);
    Ok(response)
}

/// Why a sign-in failed, and what is known of it.
struct Refusal {
    failure: Failure,
    next: String,
    /// The resident, when the provider named a valid one.
    resident: Option<NationalNumber>,
}

impl Refusal {
    fn new(failure: Failure, next: &str) -> Refusal {
        Refusal {
            failure,
            next: next.to_owned(),
            resident: None,
        }
    }
}

/// The resident the provider vouches for and where they go next; or why not.
async fn verified_resident(
    state: &AppState,
    oidc: &Oidc,
    headers: &HeaderMap,
    answer: ProviderAnswer,
) -> Result<Result<(NationalNumber, String), Refusal>, PageError> {
    let Some(answer_state) = answer
        .state
        .filter(|s| cookie(headers, OIDC_COOKIE) == Some(s.as_str()))
    else {
        return Ok(Err(Refusal::new(Failure::UnknownState, "")));
    };
    let Some(login) = state.store.take_oidc_login(&answer_state).await? else {
        return Ok(Err(Refusal::new(Failure::UnknownState, "")));
    };
    let next = login.next.as_str();
    if login.expires_at <= state.now() {
        return Ok(Err(Refusal::new(Failure::Expired, next)));
    }
    if answer
        .iss
        .as_deref()
        .is_some_and(|iss| !oidc.is_issuer(iss))
    {
        tracing::warn!("an OpenID Connect answer named another issuer");
        return Ok(Err(Refusal::new(Failure::Rejected, next)));
    }
    if let Some(error) = answer.error {
        tracing::info!("the OpenID Connect provider answered {error:?}");
        let failure = match error.as_str() {
            "access_denied" => Failure::Cancelled,
            _ => Failure::ProviderError,
        };
        return Ok(Err(Refusal::new(failure, next)));
    }
    let Some(code) = answer.code else {
        return Ok(Err(Refusal::new(Failure::ProviderError, next)));
    };
    let claim = match oidc
        .national_number(&code, &login.nonce, &login.pkce_verifier)
        .await
    {
        Ok(claim) => claim,
        Err(error) => return Ok(Err(Refusal::new(Failure::from_provider(error), next))),
    };
    let Some(resident) = claim.and_then(|text| NationalNumber::parse(&text).ok()) else {
        tracing::warn!("the OpenID Connect provider gave no valid national number");
        return Ok(Err(Refusal::new(Failure::NoNationalNumber, next)));
    };
    match state.store.register_entry(&resident).await {
        Ok(_) => Ok(Ok((resident, login.next))),
        Err(StoreError::NotFound) => Ok(Err(Refusal {
            resident: Some(resident),
            ..Refusal::new(Failure::NotResident, next)
        })),
        Err(other) => Err(other.into()),
    }
}

/// What went wrong, as the citizen is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// The provider could not be reached.
    Unavailable,
    /// The citizen stopped at the provider or did not agree to share their data.
    Cancelled,
    /// The provider answered with another error, or without a code.
    ProviderError,
    /// No sign-in of this browser is waiting for this answer: unknown, used, or from elsewhere.
    UnknownState,
    Expired,
    /// The code or the ID token did not pass the checks.
    Rejected,
    NoNationalNumber,
    NotResident,
}

impl Failure {
    fn from_provider(error: OidcError) -> Failure {
        match error {
            OidcError::Unavailable(detail) => {
                tracing::warn!("the OpenID Connect provider is unavailable: {detail}");
                Failure::Unavailable
            }
            OidcError::Rejected(detail) => {
                tracing::warn!("an OpenID Connect sign-in was rejected: {detail}");
                Failure::Rejected
            }
        }
    }

    /// As the audit log writes it.
    fn code(self) -> &'static str {
        match self {
            Failure::Unavailable => "provider-unavailable",
            Failure::Cancelled => "cancelled",
            Failure::ProviderError => "provider-error",
            Failure::UnknownState => "unknown-state",
            Failure::Expired => "expired",
            Failure::Rejected => "rejected",
            Failure::NoNationalNumber => "no-national-number",
            Failure::NotResident => "not-resident",
        }
    }

    fn status(self) -> StatusCode {
        match self {
            Failure::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Failure::ProviderError => StatusCode::BAD_GATEWAY,
            Failure::Cancelled | Failure::NoNationalNumber | Failure::NotResident => {
                StatusCode::FORBIDDEN
            }
            Failure::UnknownState | Failure::Expired | Failure::Rejected => StatusCode::BAD_REQUEST,
        }
    }

    /// The page's title and message.
    fn message_ids(self) -> (&'static str, &'static str) {
        match self {
            Failure::Unavailable => ("oidc-unavailable-title", "oidc-unavailable"),
            Failure::Cancelled => ("oidc-cancelled-title", "oidc-cancelled"),
            Failure::ProviderError => ("oidc-failed-title", "oidc-provider-error"),
            Failure::UnknownState => ("oidc-failed-title", "oidc-unknown-state"),
            Failure::Expired => ("oidc-expired-title", "oidc-expired"),
            Failure::Rejected => ("oidc-failed-title", "oidc-rejected"),
            Failure::NoNationalNumber => ("oidc-failed-title", "oidc-no-national-number"),
            Failure::NotResident => ("oidc-not-resident-title", "oidc-not-resident"),
        }
    }
}

#[derive(Template)]
#[template(path = "eloket/oidc_failed.html")]
struct FailedTemplate {
    page: Page,
    title: String,
    message: String,
    /// Where to go once signed in, for trying again.
    next: String,
    /// Not in the register: trying again will not help; say where to go instead.
    not_resident: bool,
}

/// Audits the failure (with the national number masked, when there is one) and tells the citizen,
/// with a button to try again.
async fn failed(
    state: &AppState,
    page: Page,
    failure: Failure,
    next: &str,
    masked_resident: &str,
) -> PageResult {
    state
        .store
        .audit(
            state.now(),
            None,
            "citizen.sign-in-failed",
            masked_resident,
            &format!("oidc: {}", failure.code()),
        )
        .await?;
    let (title_id, message_id) = failure.message_ids();
    let template = FailedTemplate {
        title: page.t.get(title_id),
        message: page.t.arg(message_id, "organisation", &page.organisation),
        next: next.to_owned(),
        not_resident: failure == Failure::NotResident,
        page,
    };
    let html = template.render().map_err(PageError::from)?;
    let response = (failure.status(), Html(html)).into_response();
    Ok(allow_forms_to_provider(state, response).await)
}
