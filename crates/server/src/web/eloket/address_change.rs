//! Declaring a new address: one short form (street from the city's list, number, box, the day of
//! the move, who moves along), then a confirmation with the reference and what happens next.

use super::signed_in_number;
use crate::eloket::address_change::{self, DeclareError, Details};
use crate::eloket::status_message_id;
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_form, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum_extra::extract::Form;
use loket_domain::address_change::{DeclarationInput, MAX_DAYS_AFTER_MOVE};
use loket_domain::national_number::NationalNumber;
use loket_store::address_changes::ADDRESS_CHANGE;
use loket_store::citizens::Assurance;
use loket_store::eloket::RequestStatus;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/eloket/address-change", get(form).post(declare))
        .route("/eloket/address-change/{id}", get(confirmation))
}

/// A household member who may move along.
pub struct MemberChoice {
    pub national_number: String,
    pub name: String,
    pub born: String,
    pub ticked: bool,
}

#[derive(Template)]
#[template(path = "eloket/address_change.html")]
struct FormTemplate {
    page: Page,
    current: String,
    streets: Vec<String>,
    members: Vec<MemberChoice>,
    street: String,
    number: String,
    box_number: String,
    moving_date: String,
    /// The declaration that waits already, if any: then no form, but where it stands.
    open: Option<(i64, String)>,
    /// How many days back the day of the move may lie.
    max_days: i64,
    errors: Errors,
}

#[derive(Deserialize, Default)]
struct DeclarationForm {
    #[serde(default)]
    street: String,
    #[serde(default)]
    number: String,
    #[serde(default, rename = "box")]
    box_number: String,
    #[serde(default)]
    moving_date: String,
    #[serde(default)]
    members: Vec<String>,
}

async fn form_page(
    state: &AppState,
    page: Page,
    number: &NationalNumber,
    typed: DeclarationForm,
    errors: Errors,
) -> Result<FormTemplate, PageError> {
    let entry = state.store.register_entry(number).await?;
    let mut streets: Vec<String> = state
        .store
        .streets()
        .await?
        .into_iter()
        .map(|street| street.name)
        .collect();
    streets.dedup();
    let members = entry
        .household
        .iter()
        .filter(|member| &member.national_number != number)
        .map(|member| MemberChoice {
            national_number: member.national_number.digits().to_owned(),
            name: format!("{} {}", member.first_names, member.last_name),
            born: page.t.day_month_year(member.birth_date),
            ticked: typed
                .members
                .iter()
                .any(|m| m == member.national_number.digits()),
        })
        .collect();
    let open = address_change::open_declaration(state, number)
        .await?
        .map(|request| {
            let on = page.t.date(state.local_date(request.submitted_at));
            (request.id, on)
        });
    Ok(FormTemplate {
        current: entry.home.address.to_string(),
        streets,
        members,
        street: typed.street,
        number: typed.number,
        box_number: typed.box_number,
        moving_date: typed.moving_date,
        open,
        max_days: MAX_DAYS_AFTER_MOVE,
        errors,
        page,
    })
}

async fn form(State(state): State<AppState>, page: Page) -> PageResult {
    let citizen = page.require_citizen()?;
    let number = signed_in_number(citizen)?;
    let template = form_page(
        &state,
        page,
        &number,
        DeclarationForm::default(),
        Errors::none(),
    )
    .await?;
    render(template)
}

async fn declare(
    State(state): State<AppState>,
    page: Page,
    Form(typed): Form<DeclarationForm>,
) -> PageResult {
    let citizen = page.require_citizen()?;
    if citizen.assurance != Assurance::High {
        return Err(PageError::Forbidden);
    }
    let number = signed_in_number(citizen)?;
    let input = DeclarationInput {
        street: typed.street.clone(),
        number: typed.number.clone(),
        box_number: typed.box_number.clone(),
        postal_code: String::new(),
        moving_date: typed.moving_date.clone(),
        members: typed.members.clone(),
    };
    match address_change::declare(&state, &number, &input, page.locale).await {
        Ok(request) => see_other(&format!("/eloket/address-change/{}", request.id)),
        Err(DeclareError::Invalid(errors)) => {
            let errors = Errors::translate(&errors, page.t);
            render_form(form_page(&state, page, &number, typed, errors).await?, true)
        }
        Err(DeclareError::OpenAlready) => {
            let errors = Errors::general("street", page.t.get("error-address-change-open"));
            let html = form_page(&state, page, &number, typed, errors)
                .await?
                .render()
                .map_err(PageError::from)?;
            Ok((StatusCode::CONFLICT, Html(html)).into_response())
        }
        Err(DeclareError::Store(error)) => Err(error.into()),
    }
}

#[derive(Template)]
#[template(path = "eloket/address_change_done.html")]
struct ConfirmationTemplate {
    page: Page,
    reference: i64,
    to: String,
    moving_date: String,
    movers: Vec<String>,
    status: String,
    submitted: bool,
    approved: bool,
    reason: Option<String>,
}

/// The declaration as it stands; another citizen's is not found.
async fn confirmation(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
) -> PageResult {
    let citizen = page.require_citizen()?;
    let request = state.store.request(id).await?;
    if request.national_number != citizen.national_number || request.kind != ADDRESS_CHANGE {
        return Err(PageError::NotFound);
    }
    let details = Details::of(&request)?;
    render(ConfirmationTemplate {
        reference: request.id,
        to: details.to().to_string(),
        moving_date: page.t.date(details.moving_date),
        movers: details.movers.into_iter().map(|m| m.name).collect(),
        status: page.t.get(&status_message_id(request.status)),
        submitted: request.status == RequestStatus::Submitted,
        approved: request.status == RequestStatus::Approved,
        reason: request.decision_reason,
        page,
    })
}
