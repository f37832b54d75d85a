//! The back-office page of a department on call: where the employee is, the citizens reception
//! summoned for their departments, and the visit they accepted. Every action is a form that
//! returns to the page; a small script follows the floor and alerts when a request arrives.

use crate::floor::on_call::{self, OnCallError, waited_minutes};
use crate::state::AppState;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use loket_domain::locale::Locale;
use loket_domain::staff::Role;
use loket_store::on_call::{Ending, OnCallRequest, OnCallStatus, Place, StaffState};
use loket_store::staff::StaffUser;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/backoffice", get(back_office))
        .route("/backoffice/presence", post(presence))
        .route("/backoffice/requests/{id}/accept", post(accept))
        .route("/backoffice/requests/{id}/start", post(start))
        .route("/backoffice/requests/{id}/finish", post(finish))
        .route("/backoffice/requests/{id}/no-show", post(no_show))
}

/// A place the employee can say they are.
pub struct PresenceChoice {
    pub code: &'static str,
    pub label: String,
    pub current: bool,
}

/// A citizen waiting for the employee's departments.
pub struct WaitingLine {
    pub id: i64,
    pub number: String,
    pub zone: String,
    pub product: String,
    pub citizen_name: String,
    pub note: String,
    /// "4 minuten".
    pub waited: String,
    /// Nobody accepted in time; the department was alerted again.
    pub overdue: bool,
    /// The room reception asked for.
    pub wanted_room: Option<String>,
}

/// The visit the employee accepted.
pub struct Visit {
    pub id: i64,
    pub number: String,
    pub product: String,
    /// "Loket 19" or the room's name.
    pub place: String,
    pub citizen_name: String,
    pub note: String,
    pub started: bool,
}

/// A product of the employee's departments, to tick as done.
pub struct ProductChoice {
    pub code: String,
    pub name: String,
    pub ticked: bool,
}

#[derive(Template)]
#[template(path = "backoffice.html")]
struct BackOfficeTemplate {
    page: Page,
    presence: &'static str,
    presence_label: String,
    choices: Vec<PresenceChoice>,
    /// The sites whose floor the page follows.
    sites: String,
    waiting: Vec<WaitingLine>,
    visit: Option<Visit>,
    products: Vec<ProductChoice>,
    notice: Option<String>,
    error: Option<String>,
    /// What the script announces, with `{number}` and `{product}` to fill in.
    alert_new: String,
    alert_again: String,
}

/// What was just done, or what went wrong, in the page's words.
enum Outcome {
    Notice(&'static str),
    Failed(&'static str),
}

fn back_office_user(page: &Page) -> Result<StaffUser, PageError> {
    page.require(Role::Backoffice).cloned()
}

fn place_name(place: Option<&Place>, page: &Page) -> String {
    match place {
        Some(Place::Counter(number)) => page.t.arg("on-call-counter", "counter", number),
        Some(Place::Room(room)) => room.get(page.locale).to_owned(),
        None => String::new(),
    }
}

async fn page_for(
    state: &AppState,
    page: Page,
    outcome: Option<Outcome>,
    ticked: Vec<String>,
) -> Result<BackOfficeTemplate, PageError> {
    let user = back_office_user(&page)?;
    let (presence, _) = state.store.staff_state(user.id).await?;
    let requests = state
        .store
        .open_on_call_requests_of(&user.departments)
        .await?;
    let snapshot = state.books.current(&state.store).await?;
    let product_name = |code: &str, locale: Locale| {
        snapshot
            .catalogue
            .iter()
            .find(|p| p.code == code)
            .map_or_else(|| code.to_owned(), |p| p.name(locale).to_owned())
    };
    let now = state.now();
    let t = page.t;
    let waiting = requests
        .iter()
        .filter(|r| r.status == OnCallStatus::Waiting)
        .map(|r| WaitingLine {
            id: r.id,
            number: r.ticket_label.clone(),
            zone: r.zone_letter.clone(),
            product: product_name(&r.product_code, page.locale),
            citizen_name: r.citizen_name.clone(),
            note: r.note.clone(),
            waited: t.count("on-call-minutes", waited_minutes(r, now)),
            overdue: r.realerted_at.is_some(),
            wanted_room: r
                .wanted_room
                .as_ref()
                .map(|room| room.get(page.locale).to_owned()),
        })
        .collect();
    let visit = requests
        .iter()
        .find(|r| r.status == OnCallStatus::Accepted && r.accepted_by == Some(user.id))
        .map(|r: &OnCallRequest| Visit {
            id: r.id,
            number: r.ticket_label.clone(),
            product: product_name(&r.product_code, page.locale),
            place: place_name(r.place.as_ref(), &page),
            citizen_name: r.citizen_name.clone(),
            note: r.note.clone(),
            started: r.arrived_at.is_some(),
        });
    let requested_product = visit
        .as_ref()
        .and_then(|v| requests.iter().find(|r| r.id == v.id))
        .map(|r| r.product_code.clone());
    let products = snapshot
        .catalogue
        .iter()
        .filter(|p| user.departments.contains(&p.department_code))
        .map(|p| ProductChoice {
            ticked: if ticked.is_empty() {
                requested_product.as_deref() == Some(p.code.as_str())
            } else {
                ticked.contains(&p.code)
            },
            code: p.code.clone(),
            name: p.name(page.locale).to_owned(),
        })
        .collect();
    let sites = state
        .store
        .sites()
        .await?
        .into_iter()
        .map(|s| s.code)
        .collect::<Vec<_>>()
        .join(" ");
    let choices = StaffState::ALL
        .into_iter()
        .map(|s| PresenceChoice {
            code: s.code(),
            label: t.get(presence_message(s)),
            current: s == presence,
        })
        .collect();
    let (notice, error) = match outcome {
        Some(Outcome::Notice(id)) => (Some(t.get(id)), None),
        Some(Outcome::Failed(id)) => (None, Some(t.get(id))),
        None => (None, None),
    };
    let announcement = |id: &str| {
        t.args(
            id,
            &[
                ("number", "{number}".into()),
                ("product", "{product}".into()),
            ],
        )
    };
    Ok(BackOfficeTemplate {
        alert_new: announcement("on-call-alert-new"),
        alert_again: announcement("on-call-alert-again"),
        presence: presence.code(),
        presence_label: t.get(presence_message(presence)),
        choices,
        sites,
        waiting,
        visit,
        products,
        notice,
        error,
        page,
    })
}

pub fn presence_message(state: StaffState) -> &'static str {
    match state {
        StaffState::BackOffice => "on-call-presence-back-office",
        StaffState::FrontOffice => "on-call-presence-front-office",
        StaffState::Break => "on-call-presence-break",
        StaffState::Off => "on-call-presence-off",
    }
}

#[derive(Deserialize, Default)]
struct BackOfficeQuery {
    #[serde(default)]
    done: String,
}

async fn back_office(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<BackOfficeQuery>,
) -> PageResult {
    let notice = match query.done.as_str() {
        "presence" => Some(Outcome::Notice("on-call-done-presence")),
        "accepted" => Some(Outcome::Notice("on-call-done-accepted")),
        "started" => Some(Outcome::Notice("on-call-done-started")),
        "finished" => Some(Outcome::Notice("on-call-done-finished")),
        "no-show" => Some(Outcome::Notice("on-call-done-no-show")),
        _ => None,
    };
    render(page_for(&state, page, notice, Vec::new()).await?)
}

/// The page again with what went wrong; the status says why.
async fn failed(
    state: &AppState,
    page: Page,
    error: OnCallError,
    ticked: Vec<String>,
) -> PageResult {
    let (status, message) = match error {
        OnCallError::NoPlaceFree => (StatusCode::CONFLICT, "on-call-error-no-place"),
        OnCallError::WrongState => (StatusCode::CONFLICT, "on-call-error-state"),
        OnCallError::Forbidden => (StatusCode::FORBIDDEN, "on-call-error-forbidden"),
        OnCallError::Invalid(_) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "on-call-error-transactions",
        ),
        OnCallError::NotFound => return Err(PageError::NotFound),
        OnCallError::Store(error) => return Err(error.into()),
    };
    let template = page_for(state, page, Some(Outcome::Failed(message)), ticked).await?;
    let html = template.render().map_err(PageError::from)?;
    Ok((status, Html(html)).into_response())
}

#[derive(Deserialize)]
struct PresenceForm {
    #[serde(default)]
    state: String,
}

async fn presence(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<PresenceForm>,
) -> PageResult {
    let user = back_office_user(&page)?;
    let presence = StaffState::parse(&form.state).ok_or(PageError::NotFound)?;
    match on_call::set_presence(&state, &user, presence).await {
        Ok(()) => see_other("/backoffice?done=presence"),
        Err(error) => failed(&state, page, error, Vec::new()).await,
    }
}

async fn accept(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let user = back_office_user(&page)?;
    match on_call::accept(&state, &user, id).await {
        Ok(_) => see_other("/backoffice?done=accepted"),
        Err(error) => failed(&state, page, error, Vec::new()).await,
    }
}

async fn start(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let user = back_office_user(&page)?;
    match on_call::start(&state, &user, id).await {
        Ok(()) => see_other("/backoffice?done=started"),
        Err(error) => failed(&state, page, error, Vec::new()).await,
    }
}

#[derive(Deserialize, Default)]
struct FinishForm {
    #[serde(default)]
    transactions: Vec<String>,
}

async fn finish(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<FinishForm>,
) -> PageResult {
    let user = back_office_user(&page)?;
    match on_call::end(&state, &user, id, Ending::Finished, &form.transactions).await {
        Ok(()) => see_other("/backoffice?done=finished"),
        Err(error) => failed(&state, page, error, form.transactions).await,
    }
}

async fn no_show(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let user = back_office_user(&page)?;
    match on_call::end(&state, &user, id, Ending::NoShow, &[]).await {
        Ok(()) => see_other("/backoffice?done=no-show"),
        Err(error) => failed(&state, page, error, Vec::new()).await,
    }
}
