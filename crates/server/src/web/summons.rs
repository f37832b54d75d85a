//! Reception summons an employee of a department on call: a form for the product, the citizen and
//! the room wanted, and then the citizen's ticket, large and printable, with the request's status.

use crate::floor::on_call::{self, OnCallError, SUMMON_ROLES, Summons};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_form, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use loket_domain::catalogue::{Channel, FieldErrors};
use loket_store::on_call::{OnCallRequest, OnCallStatus, Place};
use loket_store::organisation::Site;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/reception/on-call/new", get(new_form).post(create))
        .route("/reception/on-call/{id}", get(show))
        .route("/reception/on-call/{id}/cancel", post(cancel))
}

/// An on-call product to choose, grouped by its department.
pub struct ProductGroup {
    pub department: String,
    pub products: Vec<(String, String)>,
}

/// A meeting room to ask for.
pub struct RoomChoice {
    pub code: String,
    pub name: String,
}

#[derive(Deserialize, Default, Clone)]
struct SummonsForm {
    #[serde(default)]
    site: String,
    #[serde(default)]
    product: String,
    #[serde(default)]
    citizen_name: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    room: String,
}

#[derive(Template)]
#[template(path = "summons/new.html")]
struct NewTemplate {
    page: Page,
    sites: Vec<Site>,
    groups: Vec<ProductGroup>,
    rooms: Vec<RoomChoice>,
    form: SummonsForm,
    errors: Errors,
}

async fn form_page(
    state: &AppState,
    page: Page,
    form: SummonsForm,
    errors: Errors,
) -> Result<NewTemplate, PageError> {
    page.require_any(&SUMMON_ROLES)?;
    let snapshot = state.books.current(&state.store).await?;
    let sites = snapshot.sites.clone();
    let site = sites
        .iter()
        .find(|s| s.code == form.site)
        .or(sites.first())
        .ok_or(PageError::NotFound)?;
    let departments = state.store.departments().await?;
    let groups = departments
        .iter()
        .map(|d| ProductGroup {
            department: d.name(page.locale).to_owned(),
            products: snapshot
                .catalogue
                .iter()
                .filter(|p| p.channel == Channel::OnCall && p.department_code == d.code)
                .map(|p| (p.code.clone(), p.name(page.locale).to_owned()))
                .collect(),
        })
        .filter(|g| !g.products.is_empty())
        .collect();
    let rooms = state
        .store
        .rooms(site.id)
        .await?
        .into_iter()
        .map(|r| RoomChoice {
            name: r.name(page.locale).to_owned(),
            code: r.code,
        })
        .collect();
    let form = SummonsForm {
        site: site.code.clone(),
        ..form
    };
    Ok(NewTemplate {
        page,
        sites,
        groups,
        rooms,
        form,
        errors,
    })
}

async fn new_form(State(state): State<AppState>, page: Page) -> PageResult {
    render(form_page(&state, page, SummonsForm::default(), Errors::none()).await?)
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<SummonsForm>,
) -> PageResult {
    let user = page.require_any(&SUMMON_ROLES)?.clone();
    let summons = Summons {
        site: form.site.clone(),
        product: form.product.clone(),
        citizen_name: form.citizen_name.clone(),
        note: form.note.clone(),
        room: form.room.clone(),
        ticket_id: None,
    };
    match on_call::summon(&state, &user, &summons).await {
        Ok(summoned) => see_other(&format!("/reception/on-call/{}", summoned.request.id)),
        Err(OnCallError::Invalid(errors)) => {
            let errors = Errors::translate(&errors, page.t);
            render_form(form_page(&state, page, form, errors).await?, true)
        }
        Err(OnCallError::Forbidden) => Err(PageError::Forbidden),
        Err(_) => {
            let mut errors = FieldErrors::default();
            errors.add("product", "error-on-call-product");
            let errors = Errors::translate(&errors, page.t);
            render_form(form_page(&state, page, form, errors).await?, true)
        }
    }
}

#[derive(Template)]
#[template(path = "summons/show.html")]
struct ShowTemplate {
    page: Page,
    id: i64,
    /// The site's code, whose floor the page follows.
    site: String,
    number: String,
    zone: String,
    zone_name: String,
    product: String,
    citizen_name: String,
    status: String,
    waiting: bool,
    /// "Loket 19" or a room, once accepted.
    place: Option<String>,
    accepted_by: Option<String>,
    issued: String,
    error: Option<String>,
}

async fn show_page(
    state: &AppState,
    page: Page,
    id: i64,
    error: Option<String>,
) -> Result<ShowTemplate, PageError> {
    page.require_any(&SUMMON_ROLES)?;
    let request = state.store.on_call_request(id).await?;
    let ticket = state.store.ticket(request.ticket_id).await?;
    let snapshot = state.books.current(&state.store).await?;
    let product = snapshot
        .catalogue
        .iter()
        .find(|p| p.code == request.product_code)
        .map_or_else(
            || request.product_code.clone(),
            |p| p.name(page.locale).to_owned(),
        );
    let zone_name = state
        .store
        .zones(request.site_id)
        .await?
        .into_iter()
        .find(|z| z.letter == request.zone_letter)
        .map(|z| z.name(page.locale).to_owned())
        .unwrap_or_default();
    let t = page.t;
    let status = status_text(&request, t);
    let place = request.place.as_ref().map(|place| place_text(place, t));
    let issued = ticket.issued_at.to_zoned(state.settings.time_zone.clone());
    let site = state
        .store
        .sites()
        .await?
        .into_iter()
        .find(|s| s.id == request.site_id)
        .map(|s| s.code)
        .unwrap_or_default();
    Ok(ShowTemplate {
        id,
        site,
        number: request.ticket_label,
        zone: request.zone_letter,
        zone_name,
        product,
        citizen_name: request.citizen_name,
        status,
        waiting: request.status == OnCallStatus::Waiting,
        place,
        accepted_by: request.accepted_by_name,
        issued: format!("{} · {}", t.date(issued.date()), t.time(issued.time())),
        error,
        page,
    })
}

/// Where a request stands, in reception's words.
pub fn status_text(request: &OnCallRequest, t: Tr) -> String {
    t.get(match request.status {
        OnCallStatus::Waiting => "on-call-status-waiting",
        OnCallStatus::Accepted if request.arrived_at.is_some() => "on-call-status-serving",
        OnCallStatus::Accepted => "on-call-status-accepted",
        OnCallStatus::Finished => "on-call-status-finished",
        OnCallStatus::Cancelled => "on-call-status-cancelled",
    })
}

/// "Loket 18" or the room's name.
pub fn place_text(place: &Place, t: Tr) -> String {
    match place {
        Place::Counter(number) => t.arg("on-call-counter", "counter", number),
        Place::Room(room) => room.get(t.locale).to_owned(),
    }
}

async fn show(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    render(show_page(&state, page, id, None).await?)
}

async fn cancel(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let user = page.require_any(&SUMMON_ROLES)?.clone();
    match on_call::cancel(&state, &user, id).await {
        Ok(()) => see_other(&format!("/reception/on-call/{id}")),
        Err(OnCallError::WrongState) => {
            let message = page.t.get("on-call-error-cancel");
            let html = show_page(&state, page, id, Some(message))
                .await?
                .render()
                .map_err(PageError::from)?;
            Ok((StatusCode::CONFLICT, Html(html)).into_response())
        }
        Err(OnCallError::NotFound) => Err(PageError::NotFound),
        Err(OnCallError::Forbidden) => Err(PageError::Forbidden),
        Err(_) => Err(PageError::Internal),
    }
}
