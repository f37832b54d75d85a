//! Asking for a certificate: choose which, and it is issued at once into the e-box.

use super::{certificate_choices, signed_in_number};
use crate::certificates::CertificateKind;
use crate::eloket::request_certificate;
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_form, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, State};
use axum::routing::get;
use loket_store::citizens::Assurance;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route("/eloket/certificates", get(choose).post(request))
}

#[derive(Template)]
#[template(path = "eloket/certificates.html")]
struct ChooseTemplate {
    page: Page,
    /// Code and name of each certificate.
    kinds: Vec<(String, String)>,
    chosen: String,
    errors: Errors,
}

impl ChooseTemplate {
    fn new(page: Page, chosen: String, errors: Errors) -> ChooseTemplate {
        let kinds = certificate_choices(page.t);
        ChooseTemplate {
            page,
            kinds,
            chosen,
            errors,
        }
    }
}

async fn choose(page: Page) -> PageResult {
    page.require_citizen()?;
    render(ChooseTemplate::new(page, String::new(), Errors::none()))
}

#[derive(Deserialize)]
struct RequestForm {
    #[serde(default)]
    kind: String,
}

async fn request(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<RequestForm>,
) -> PageResult {
    let citizen = page.require_citizen()?;
    if citizen.assurance != Assurance::High {
        return Err(PageError::Forbidden);
    }
    let number = signed_in_number(citizen)?;
    let Some(kind) = CertificateKind::parse(&form.kind) else {
        let errors = Errors::general("kind", page.t.get("eloket-certificate-choose"));
        return render_form(ChooseTemplate::new(page, form.kind, errors), true);
    };
    let (_, message) = request_certificate(&state, &number, kind, page.locale, None)
        .await
        .map_err(|error| {
            tracing::error!("a certificate could not be issued: {error}");
            PageError::Internal
        })?;
    see_other(&format!("/ebox/{}", message.id))
}
