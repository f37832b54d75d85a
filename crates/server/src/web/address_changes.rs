//! The population department's back office for address changes: the declarations waiting, the
//! oldest first; one declaration with the neighbourhood officer's check, and the decision.
//! Back-office employees of burgerzaken decide; an administrator may look and decide too.

use crate::eloket::address_change::{self, DecideError, Details, Verdict, decides_address_changes};
use crate::eloket::status_message_id;
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use jiff::civil::Date;
use loket_domain::catalogue::FieldErrors;
use loket_domain::national_number::NationalNumber;
use loket_store::StoreError;
use loket_store::address_changes::{ADDRESS_CHANGE, CheckOutcome, OfficerCheck};
use loket_store::eloket::{Request, RequestStatus};
use loket_store::staff::StaffUser;
use serde::Deserialize;

/// How long a note or a reason may be.
const MAX_TEXT: usize = 1000;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/backoffice/address-changes", get(list))
        .route("/backoffice/address-changes/{id}", get(detail))
        .route("/backoffice/address-changes/{id}/check", post(record_check))
        .route("/backoffice/address-changes/{id}/approve", post(approve))
        .route("/backoffice/address-changes/{id}/refuse", post(refuse))
}

/// The employee, when they decide address changes; otherwise the sign-in or a 403.
fn population_clerk(page: &Page) -> Result<&StaffUser, PageError> {
    match &page.staff {
        None => Err(PageError::SignInNeeded),
        Some(user) if decides_address_changes(user) => Ok(user),
        Some(_) => Err(PageError::Forbidden),
    }
}

/// Whether the staff start page offers the list to this employee.
pub fn offered_to(page: &Page) -> bool {
    page.staff.as_ref().is_some_and(decides_address_changes)
}

/// A declaration as the back office reads it.
pub struct DeclarationView {
    pub id: i64,
    pub name: String,
    pub masked: String,
    pub from: String,
    pub to: String,
    pub moving_date: String,
    /// The others who move along, by name.
    pub along: Vec<String>,
    pub submitted_on: String,
    /// How the officer's check stands, in words.
    pub check: String,
}

async fn view(
    state: &AppState,
    page: &Page,
    request: &Request,
) -> Result<DeclarationView, PageError> {
    let details = Details::of(request)?;
    let check = state.store.officer_check(request.id).await?;
    let masked = NationalNumber::parse(&request.national_number)
        .map(|number| number.masked())
        .unwrap_or_default();
    let mut movers = details.movers.iter();
    let name = movers.next().map(|m| m.name.clone()).unwrap_or_default();
    Ok(DeclarationView {
        id: request.id,
        name,
        masked,
        from: details.from.clone(),
        to: details.to().to_string(),
        moving_date: page.t.date(details.moving_date),
        along: movers.map(|m| m.name.clone()).collect(),
        submitted_on: page.t.date(state.local_date(request.submitted_at)),
        check: match check {
            None => page.t.get("address-changes-check-none"),
            Some(check) => page.t.args(
                &format!(
                    "address-changes-check-{}",
                    check.outcome.code().replace('_', "-")
                ),
                &[("date", page.t.date(check.checked_on))],
            ),
        },
    })
}

#[derive(Template)]
#[template(path = "address_changes/list.html")]
struct ListTemplate {
    page: Page,
    declarations: Vec<DeclarationView>,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    decided: Option<i64>,
    #[serde(default)]
    status: String,
}

async fn list(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<ListQuery>,
) -> PageResult {
    population_clerk(&page)?;
    let mut declarations = Vec::new();
    for request in state
        .store
        .requests_in(ADDRESS_CHANGE, RequestStatus::Submitted)
        .await?
    {
        declarations.push(view(&state, &page, &request).await?);
    }
    let notice = query.decided.and_then(|id| {
        let status = RequestStatus::parse(&query.status)?;
        Some(page.t.args(
            &format!("address-changes-decided-{}", status.code()),
            &[("reference", id.to_string())],
        ))
    });
    render(ListTemplate {
        page,
        declarations,
        notice,
    })
}

#[derive(Template)]
#[template(path = "address_changes/detail.html")]
struct DetailTemplate {
    page: Page,
    declaration: DeclarationView,
    /// How it was decided, once decided.
    decision: Option<String>,
    reason: Option<String>,
    /// The officer confirmed the citizen lives there: approval is possible.
    confirmed: bool,
    checked_on: String,
    outcome: String,
    note: String,
    reason_typed: String,
    outcomes: Vec<(&'static str, String)>,
    notice: Option<String>,
    errors: Errors,
}

/// The form's values, as typed or as stored.
#[derive(Deserialize, Default)]
struct CheckForm {
    #[serde(default)]
    checked_on: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize, Default)]
struct RefuseForm {
    #[serde(default)]
    reason: String,
}

async fn detail_page(
    state: &AppState,
    page: Page,
    id: i64,
    typed_check: Option<CheckForm>,
    reason_typed: String,
    notice: Option<String>,
    errors: Errors,
) -> Result<DetailTemplate, PageError> {
    let request = address_change_request(state, id).await?;
    let declaration = view(state, &page, &request).await?;
    let stored_check = state.store.officer_check(id).await?;
    let confirmed = stored_check
        .as_ref()
        .is_some_and(|check| check.outcome == CheckOutcome::Confirmed);
    let typed_check = match typed_check {
        Some(typed) => typed,
        None => match stored_check {
            Some(check) => CheckForm {
                checked_on: check.checked_on.to_string(),
                outcome: check.outcome.code().to_owned(),
                note: check.note,
            },
            // The officer usually reports the same day: today, unless the employee changes it.
            None => CheckForm {
                checked_on: state.local_date(state.now()).to_string(),
                ..CheckForm::default()
            },
        },
    };
    let outcomes = CheckOutcome::ALL
        .into_iter()
        .map(|outcome| {
            let id = format!(
                "address-changes-outcome-{}",
                outcome.code().replace('_', "-")
            );
            (outcome.code(), page.t.get(&id))
        })
        .collect();
    let submitted = request.status == RequestStatus::Submitted;
    Ok(DetailTemplate {
        declaration,
        decision: (!submitted).then(|| page.t.get(&status_message_id(request.status))),
        reason: request.decision_reason,
        confirmed,
        checked_on: typed_check.checked_on,
        outcome: typed_check.outcome,
        note: typed_check.note,
        reason_typed,
        outcomes,
        notice,
        errors,
        page,
    })
}

async fn address_change_request(state: &AppState, id: i64) -> Result<Request, PageError> {
    let request = state.store.request(id).await?;
    if request.kind != ADDRESS_CHANGE {
        return Err(PageError::NotFound);
    }
    Ok(request)
}

#[derive(Deserialize, Default)]
struct DetailQuery {
    #[serde(default)]
    saved: bool,
}

async fn detail(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Query(query): Query<DetailQuery>,
) -> PageResult {
    let user = population_clerk(&page)?.clone();
    let request = address_change_request(&state, id).await?;
    audit(&state, &user, "address-change.view", &request).await?;
    let notice = query
        .saved
        .then(|| page.t.get("address-changes-check-saved"));
    let template = detail_page(
        &state,
        page,
        id,
        None,
        String::new(),
        notice,
        Errors::none(),
    )
    .await?;
    render(template)
}

async fn audit(
    state: &AppState,
    user: &StaffUser,
    action: &str,
    request: &Request,
) -> Result<(), PageError> {
    let masked = NationalNumber::parse(&request.national_number)
        .map(|number| number.masked())
        .unwrap_or_default();
    state
        .store
        .audit(
            state.now(),
            Some(user.id),
            action,
            &masked,
            &format!("request {}", request.id),
        )
        .await?;
    Ok(())
}

/// Renders the detail page again with `status` (422 for a wrong form, 409 for a conflict).
async fn again(
    state: &AppState,
    page: Page,
    id: i64,
    status: StatusCode,
    typed_check: Option<CheckForm>,
    reason: String,
    errors: Errors,
) -> PageResult {
    let html = detail_page(state, page, id, typed_check, reason, None, errors)
        .await?
        .render()
        .map_err(PageError::from)?;
    Ok((status, Html(html)).into_response())
}

fn parse_check(typed: &CheckForm, today: Date) -> Result<OfficerCheck, FieldErrors> {
    let mut errors = FieldErrors::default();
    let checked_on = typed.checked_on.trim().parse::<Date>().ok();
    match checked_on {
        None => errors.add("checked_on", "error-address-changes-check-date"),
        Some(date) if date > today => {
            errors.add("checked_on", "error-address-changes-check-future")
        }
        Some(_) => {}
    }
    let outcome = CheckOutcome::parse(&typed.outcome);
    errors.check(
        outcome.is_some(),
        "outcome",
        "error-address-changes-outcome",
    );
    let note = typed.note.trim();
    errors.check(
        note.chars().count() <= MAX_TEXT,
        "note",
        "error-address-changes-too-long",
    );
    match (checked_on, outcome) {
        (Some(checked_on), Some(outcome)) if errors.is_empty() => Ok(OfficerCheck {
            checked_on,
            outcome,
            note: note.to_owned(),
        }),
        _ => Err(errors),
    }
}

async fn record_check(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(typed): Form<CheckForm>,
) -> PageResult {
    let user = population_clerk(&page)?.clone();
    let request = address_change_request(&state, id).await?;
    let check = match parse_check(&typed, state.local_date(state.now())) {
        Ok(check) => check,
        Err(errors) => {
            let errors = Errors::translate(&errors, page.t);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return again(&state, page, id, status, Some(typed), String::new(), errors).await;
        }
    };
    match state
        .store
        .record_officer_check(id, &check, user.id, state.now())
        .await
    {
        Ok(()) => {}
        Err(StoreError::WrongState(_)) => {
            let errors = Errors::general("outcome", page.t.get("error-address-changes-decided"));
            return again(
                &state,
                page,
                id,
                StatusCode::CONFLICT,
                Some(typed),
                String::new(),
                errors,
            )
            .await;
        }
        Err(other) => return Err(other.into()),
    }
    audit(&state, &user, "address-change.check", &request).await?;
    see_other(&format!("/backoffice/address-changes/{id}?saved=true"))
}

async fn approve(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    decide(state, page, id, Verdict::Approve).await
}

async fn refuse(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(typed): Form<RefuseForm>,
) -> PageResult {
    population_clerk(&page)?;
    let reason = typed.reason.trim().to_owned();
    let problem = if reason.is_empty() {
        Some("error-address-changes-reason")
    } else if reason.chars().count() > MAX_TEXT {
        Some("error-address-changes-too-long")
    } else {
        None
    };
    if let Some(problem) = problem {
        let errors = Errors::general("reason", page.t.get(problem));
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return again(&state, page, id, status, None, typed.reason, errors).await;
    }
    decide(state, page, id, Verdict::Refuse { reason }).await
}

async fn decide(state: AppState, page: Page, id: i64, verdict: Verdict) -> PageResult {
    let user = population_clerk(&page)?.clone();
    let reason = match &verdict {
        Verdict::Refuse { reason } => reason.clone(),
        Verdict::Approve => String::new(),
    };
    let (field, message_id) = match address_change::decide(&state, id, &verdict, &user).await {
        Ok(decided) => {
            return see_other(&format!(
                "/backoffice/address-changes?decided={id}&status={}",
                decided.status.code()
            ));
        }
        Err(DecideError::DecidedAlready(_)) => ("decision", "error-address-changes-decided"),
        Err(DecideError::NotChecked) => ("outcome", "error-address-changes-not-checked"),
        Err(DecideError::RegisterChanged) => ("decision", "error-address-changes-register-changed"),
        Err(DecideError::NotFound) => return Err(PageError::NotFound),
        Err(DecideError::Store(error)) => return Err(error.into()),
    };
    let errors = Errors::general(field, page.t.get(message_id));
    again(&state, page, id, StatusCode::CONFLICT, None, reason, errors).await
}
