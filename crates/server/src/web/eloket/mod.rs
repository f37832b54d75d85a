//! The citizen's e-loket: signing in, the start page with what one can ask for and how one's
//! requests stand, and the e-box. A citizen sees only their own requests, messages and documents.

mod address_change;
mod at_counter;
mod certificates;
mod ebox;
mod oidc;
mod parking;

use crate::api::citizen::CITIZEN_SESSION_LIFETIME;
use crate::eloket::{RequestType, status_message_id};
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{CITIZEN_COOKIE, Page, PageError, PageResult, cookie, set_cookie};
use crate::web::{local_path, render, render_invalid, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use loket_domain::national_number::NationalNumber;
use loket_store::StoreError;
use loket_store::citizens::Assurance;
use loket_store::register::ResidentSummary;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/eloket", get(home))
        .route("/eloket/login", get(sign_in_form))
        .route("/eloket/login/demo", post(sign_in_demo))
        .route("/eloket/logout", post(sign_out))
        .merge(address_change::routes())
        .merge(at_counter::routes())
        .merge(certificates::routes())
        .merge(ebox::routes())
        .merge(oidc::routes())
        .merge(parking::routes())
}

#[derive(Template)]
#[template(path = "eloket/sign_in.html")]
struct SignInTemplate {
    page: Page,
    /// Where to go once signed in.
    next: String,
    /// The demo's made-up residents to pick from; empty outside the demo.
    residents: Vec<ResidentSummary>,
    /// Whether citizens sign in with the city's eID / itsme provider.
    oidc: bool,
    chosen: String,
    errors: Errors,
}

#[derive(Deserialize, Default)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

async fn sign_in_form(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<NextQuery>,
) -> PageResult {
    let residents = demo_residents(&state).await?;
    let response = render(SignInTemplate {
        page,
        next: query.next,
        residents,
        oidc: state.oidc.is_some(),
        chosen: String::new(),
        errors: Errors::none(),
    })?;
    Ok(oidc::allow_forms_to_provider(&state, response).await)
}

async fn demo_residents(state: &AppState) -> Result<Vec<ResidentSummary>, PageError> {
    if !state.settings.demo {
        return Ok(Vec::new());
    }
    Ok(state.store.resident_summaries().await?)
}

#[derive(Deserialize)]
struct DemoSignInForm {
    #[serde(default)]
    resident: String,
    #[serde(default)]
    next: String,
}

async fn sign_in_demo(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<DemoSignInForm>,
) -> PageResult {
    if !state.settings.demo {
        return Err(PageError::NotFound);
    }
    let known = match NationalNumber::parse(&form.resident) {
        Ok(number) => match state.store.register_entry(&number).await {
            Ok(_) => Some(number),
            Err(StoreError::NotFound) => None,
            Err(other) => return Err(other.into()),
        },
        Err(_) => None,
    };
    let Some(resident) = known else {
        let message = page.t.get("eloket-demo-choose");
        let response = render_invalid(SignInTemplate {
            residents: demo_residents(&state).await?,
            oidc: state.oidc.is_some(),
            next: form.next,
            chosen: form.resident,
            errors: Errors::general("resident", message),
            page,
        })?;
        return Ok(oidc::allow_forms_to_provider(&state, response).await);
    };
    sign_citizen_in(&state, &resident, Assurance::High, "demo", &form.next).await
}

/// Starts a citizen's session after they proved who they are (`how`: `demo`, `oidc`), and sends
/// them on to `next` on this site, or to the e-loket's start page.
pub async fn sign_citizen_in(
    state: &AppState,
    resident: &NationalNumber,
    assurance: Assurance,
    how: &str,
    next: &str,
) -> PageResult {
    let now = state.now();
    let session = state
        .store
        .start_citizen_session(resident.digits(), assurance, now, CITIZEN_SESSION_LIFETIME)
        .await?;
    state
        .store
        .audit(now, None, "citizen.sign-in", &resident.masked(), how)
        .await?;
    let mut response = see_other(local_path(next).unwrap_or("/eloket"))?;
    set_cookie(
        &mut response,
        state,
        CITIZEN_COOKIE,
        &session.token,
        CITIZEN_SESSION_LIFETIME.as_secs(),
    );
    Ok(response)
}

async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> PageResult {
    if let Some(token) = cookie(&headers, CITIZEN_COOKIE) {
        // An expired or unknown session is signed out already.
        let _ = state.store.end_citizen_session(token).await;
    }
    let mut response = see_other("/eloket/login")?;
    set_cookie(&mut response, &state, CITIZEN_COOKIE, "", 0);
    Ok(response)
}

/// A request on the start page: what, when, and how it stands.
struct RequestLine {
    name: String,
    submitted_on: String,
    status: String,
    /// Where the request can be followed, for one that takes a decision.
    link: Option<String>,
}

#[derive(Template)]
#[template(path = "eloket/home.html")]
struct HomeTemplate {
    page: Page,
    first_name: String,
    address: String,
    unread: i64,
    requests: Vec<RequestLine>,
}

async fn home(State(state): State<AppState>, page: Page) -> PageResult {
    let citizen = page.require_citizen()?;
    let number = signed_in_number(citizen)?;
    let entry = state.store.register_entry(&number).await?;
    let unread = state.store.unread_messages(number.digits()).await?;
    let requests = state
        .store
        .requests_of(number.digits())
        .await?
        .into_iter()
        .map(|request| RequestLine {
            link: (request.kind == loket_store::address_changes::ADDRESS_CHANGE)
                .then(|| format!("/eloket/address-change/{}", request.id)),
            name: RequestType::parse(&request.kind)
                .map(|kind| page.t.get(&kind.name_id()))
                .unwrap_or(request.kind),
            submitted_on: page.t.date(state.local_date(request.submitted_at)),
            status: page.t.get(&status_message_id(request.status)),
        })
        .collect();
    render(HomeTemplate {
        first_name: entry.resident.first_name().to_owned(),
        address: entry.home.address.to_string(),
        unread,
        requests,
        page,
    })
}

/// The certificates to choose from, as code and name in the reader's language.
fn certificate_choices(t: crate::i18n::Tr) -> Vec<(String, String)> {
    crate::certificates::CertificateKind::ALL
        .into_iter()
        .map(|kind| {
            let name = t.get(&RequestType::Certificate(kind).name_id());
            (kind.code().to_owned(), name)
        })
        .collect()
}

/// The national number the citizen's session is for.
fn signed_in_number(
    citizen: &loket_store::citizens::CitizenSession,
) -> Result<NationalNumber, PageError> {
    NationalNumber::parse(&citizen.national_number).map_err(|_| PageError::CitizenSignInNeeded)
}
