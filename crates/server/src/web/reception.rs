//! Reception, the desk at the door: the whole floor at a glance and live (who waits in each zone
//! and for how long, which counters are open, paused or empty, the citizens waiting for a
//! department on call and who of those departments is in the back office), and what reception does for a
//! visitor: hand out a ticket, note an answered question, check in an early or late appointment,
//! and summon a department on call.

use crate::floor::on_call::{SUMMON_ROLES, waited_minutes};
use crate::floor::{self, CheckInBy, FloorError, FloorNow, TicketView};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::web::backoffice::presence_message;
use crate::web::form::Errors;
use crate::web::kiosk::TicketShown;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::summons::{place_text, status_text};
use crate::web::{render, render_form, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use jiff::Timestamp;
use loket_domain::catalogue::Staffing;
use loket_domain::catalogue::{Channel, FieldErrors};
use loket_domain::queue::TicketStatus;
use loket_domain::staff::Role;
use loket_store::catalogue::{Department, Product};
use loket_store::on_call::{OnCallRequest, OnCallStatus, StaffOnCall};
use loket_store::organisation::Site;
use serde::Deserialize;

/// Who works at reception.
pub const RECEPTION_ROLES: [Role; 3] = [Role::Reception, Role::Manager, Role::Admin];

/// The subject of a question when reception does not pick one.
const GENERAL_QUESTION: &str = "info-vraag";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/reception", get(overview))
        .route("/reception/tickets", post(hand_out))
        .route("/reception/tickets/{token}", get(ticket))
        .route("/reception/questions", post(note_question))
        .route("/reception/appointments/{id}/check-in", post(check_in))
}

/// A zone as reception sees it.
pub struct ZoneLine {
    pub letter: String,
    pub name: String,
    pub waiting: usize,
    /// How long the longest waiting citizen has waited, e.g. "14 minuten".
    pub longest: Option<String>,
    pub open: usize,
    pub paused: usize,
    pub empty: usize,
}

/// A counter as reception sees it.
pub struct CounterLine {
    pub number: i64,
    pub zone: String,
    /// `open`, `paused` or `empty`.
    pub state: &'static str,
    pub state_text: String,
    pub who: Option<String>,
    /// The ticket called to it or served there now.
    pub ticket: Option<String>,
}

/// A citizen waiting for (or with) an employee of a department on call.
pub struct OnCallLine {
    pub number: String,
    pub product: String,
    /// Only for those who summon; a manager looking on sees no names.
    pub citizen: Option<String>,
    pub waited: String,
    pub status: String,
    /// Nobody accepted in time: the department was alerted again.
    pub overdue: bool,
    pub place: Option<String>,
    pub accepted_by: Option<String>,
    /// The request's page, for those who summon.
    pub href: Option<String>,
}

/// The employees of a department on call and where each is now.
pub struct DepartmentStaff {
    pub name: String,
    pub people: Vec<Person>,
}

pub struct Person {
    pub name: String,
    /// `back_office`, `front_office`, `break` or `off`.
    pub state: &'static str,
    pub state_text: String,
}

/// A product in a select list, grouped under its zone or department.
pub struct Choice {
    pub code: String,
    pub name: String,
}

pub struct ChoiceGroup {
    pub label: String,
    pub choices: Vec<Choice>,
}

/// What the two forms held when one came back with an error.
#[derive(Default)]
struct Typed {
    ticket_product: String,
    question_product: String,
}

#[derive(Template)]
#[template(path = "reception/overview.html")]
struct OverviewTemplate {
    page: Page,
    site: String,
    site_name: String,
    zones: Vec<ZoneLine>,
    counters: Vec<CounterLine>,
    on_call: Vec<OnCallLine>,
    back_office: Vec<DepartmentStaff>,
    may_summon: bool,
    ticket_products: Vec<ChoiceGroup>,
    question_products: Vec<ChoiceGroup>,
    questions_today: String,
    typed: Typed,
    errors: Errors,
    notice: Option<String>,
}

impl OverviewTemplate {
    fn is_chosen_for_ticket(&self, code: &str) -> bool {
        self.typed.ticket_product == code
    }

    fn is_chosen_for_question(&self, code: &str) -> bool {
        let chosen = if self.typed.question_product.is_empty() {
            GENERAL_QUESTION
        } else {
            &self.typed.question_product
        };
        chosen == code
    }
}

#[derive(Deserialize, Default)]
struct OverviewQuery {
    #[serde(default)]
    site: String,
    #[serde(default)]
    noted: String,
}

async fn site_of(state: &AppState, code: &str) -> Result<Site, PageError> {
    let snapshot = state.books.current(&state.store).await?;
    snapshot
        .site_or_first(code)
        .cloned()
        .ok_or(PageError::NotFound)
}

async fn overview(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<OverviewQuery>,
) -> PageResult {
    page.require_any(&RECEPTION_ROLES)?;
    let site = site_of(&state, &query.site).await?;
    let snapshot = state.books.current(&state.store).await?;
    let notice = snapshot
        .catalogue
        .iter()
        .find(|p| p.code == query.noted)
        .map(|p| {
            page.t
                .arg("reception-question-noted", "subject", p.name(page.locale))
        });
    let template = overview_page(&state, page, site, Typed::default(), Errors::none()).await?;
    render(OverviewTemplate { notice, ..template })
}

async fn overview_page(
    state: &AppState,
    page: Page,
    site: Site,
    typed: Typed,
    errors: Errors,
) -> Result<OverviewTemplate, PageError> {
    let floor = FloorNow::read(state, site.id).await?;
    let snapshot = state.books.current(&state.store).await?;
    let t = page.t;
    let zones = state.store.zones(site.id).await?;
    let zone_lines = zones
        .iter()
        .map(|zone| zone_line(&floor, &zone.letter, zone.name(page.locale), state.now(), t))
        .collect();
    let (from, until) = today_span(state)?;
    let asked: i64 = state
        .store
        .questions_between(site.id, from, until)
        .await?
        .iter()
        .map(|(_, count)| count)
        .sum();
    let catalogue = &snapshot.catalogue;
    let departments = state.store.departments().await?;
    let may_summon = page.is_any(&SUMMON_ROLES);
    let requests = state.store.open_on_call_requests(site.id).await?;
    Ok(OverviewTemplate {
        site: site.code.clone(),
        site_name: site.name.clone(),
        zones: zone_lines,
        counters: counter_lines(&floor, t),
        on_call: on_call_lines(requests, catalogue, may_summon, state.now(), t),
        back_office: back_office(&state.store.on_call_staff().await?, &departments, t),
        may_summon,
        ticket_products: ticket_choices(catalogue, &zones, page.t),
        question_products: question_choices(catalogue, &departments, page.t),
        questions_today: t.count("reception-questions-today", asked),
        typed,
        errors,
        notice: None,
        page,
    })
}

pub(crate) fn zone_line(
    floor: &FloorNow,
    letter: &str,
    name: &str,
    now: Timestamp,
    t: Tr,
) -> ZoneLine {
    let waiting = floor.waiting_in(letter);
    let longest = waiting
        .iter()
        .map(|ticket| ticket.arrived_at)
        .min()
        .map(|arrived| t.count("minutes", (now - arrived).get_seconds().max(0) / 60));
    let counters: Vec<_> = floor
        .staffing
        .counters
        .iter()
        .filter(|c| c.zone_letter == letter)
        .collect();
    ZoneLine {
        letter: letter.to_owned(),
        name: name.to_owned(),
        waiting: waiting.len(),
        longest,
        open: counters.iter().filter(|c| c.paused == Some(false)).count(),
        paused: counters.iter().filter(|c| c.paused == Some(true)).count(),
        empty: counters.iter().filter(|c| c.paused.is_none()).count(),
    }
}

fn counter_lines(floor: &FloorNow, t: Tr) -> Vec<CounterLine> {
    floor
        .staffing
        .counters
        .iter()
        .map(|counter| {
            let state = match counter.paused {
                Some(false) => "open",
                Some(true) => "paused",
                None => "empty",
            };
            CounterLine {
                number: counter.number,
                zone: counter.zone_letter.clone(),
                state,
                state_text: t.get(&format!("reception-counter-{state}")),
                who: counter.user_name.clone(),
                ticket: floor
                    .open_tickets
                    .iter()
                    .find(|ticket| {
                        ticket.counter_id == Some(counter.counter_id)
                            && matches!(ticket.status, TicketStatus::Called | TicketStatus::Serving)
                    })
                    .map(|ticket| ticket.label.clone()),
            }
        })
        .collect()
}

fn on_call_lines(
    requests: Vec<OnCallRequest>,
    catalogue: &[Product],
    may_summon: bool,
    now: Timestamp,
    t: Tr,
) -> Vec<OnCallLine> {
    requests
        .into_iter()
        .map(|request| OnCallLine {
            number: request.ticket_label.clone(),
            product: catalogue
                .iter()
                .find(|p| p.code == request.product_code)
                .map_or_else(
                    || request.product_code.clone(),
                    |p| p.name(t.locale).to_owned(),
                ),
            citizen: (may_summon && !request.citizen_name.is_empty())
                .then(|| request.citizen_name.clone()),
            waited: t.count("minutes", waited_minutes(&request, now)),
            status: status_text(&request, t),
            overdue: request.status == OnCallStatus::Waiting && request.realerted_at.is_some(),
            place: request.place.as_ref().map(|place| place_text(place, t)),
            accepted_by: request.accepted_by_name.clone(),
            href: may_summon.then(|| format!("/reception/on-call/{}", request.id)),
        })
        .collect()
}

/// Each department on call with its employees and where they are.
fn back_office(staff: &[StaffOnCall], departments: &[Department], t: Tr) -> Vec<DepartmentStaff> {
    departments
        .iter()
        .filter(|d| d.staffing == Staffing::OnCall)
        .map(|department| DepartmentStaff {
            name: department.name(t.locale).to_owned(),
            people: staff
                .iter()
                .filter(|person| person.departments.contains(&department.code))
                .map(|person| Person {
                    name: person.display_name.clone(),
                    state: person.state.code(),
                    state_text: t.get(presence_message(person.state)),
                })
                .collect(),
        })
        .collect()
}

/// The products reception can hand a ticket out for, under their zone.
fn ticket_choices(
    catalogue: &[Product],
    zones: &[loket_store::organisation::Zone],
    t: Tr,
) -> Vec<ChoiceGroup> {
    zones
        .iter()
        .map(|zone| ChoiceGroup {
            label: format!("{} · {}", zone.letter, zone.name(t.locale)),
            choices: catalogue
                .iter()
                .filter(|p| matches!(p.channel, Channel::Appointment | Channel::FastCounter))
                .filter(|p| p.zone_letter.as_deref() == Some(zone.letter.as_str()))
                .map(|p| choice(p, t))
                .collect(),
        })
        .filter(|group| !group.choices.is_empty())
        .collect()
}

/// Every product a question can be about, under its department.
fn question_choices(catalogue: &[Product], departments: &[Department], t: Tr) -> Vec<ChoiceGroup> {
    departments
        .iter()
        .map(|department| ChoiceGroup {
            label: department.name(t.locale).to_owned(),
            choices: catalogue
                .iter()
                .filter(|p| p.department_code == department.code)
                .map(|p| choice(p, t))
                .collect(),
        })
        .filter(|group| !group.choices.is_empty())
        .collect()
}

fn choice(product: &Product, t: Tr) -> Choice {
    Choice {
        code: product.code.clone(),
        name: product.name(t.locale).to_owned(),
    }
}

/// From midnight to midnight of the site's day.
pub(crate) fn today_span(state: &AppState) -> Result<(Timestamp, Timestamp), PageError> {
    let zone = state.settings.time_zone.clone();
    let today = state.now().to_zoned(zone.clone()).date();
    let start = today
        .to_zoned(zone.clone())
        .map_err(|_| PageError::Internal)?;
    let end = today
        .tomorrow()
        .and_then(|day| day.to_zoned(zone))
        .map_err(|_| PageError::Internal)?;
    Ok((start.timestamp(), end.timestamp()))
}

#[derive(Deserialize, Default)]
struct ProductForm {
    #[serde(default)]
    site: String,
    #[serde(default)]
    product: String,
}

/// Hands out a ticket for a visitor who does not use the kiosk.
async fn hand_out(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<ProductForm>,
) -> PageResult {
    let user = page.require_any(&RECEPTION_ROLES)?.id;
    let site = site_of(&state, &form.site).await?;
    let error = match floor::hand_out_ticket(&state, &site.code, &form.product, user).await {
        Ok(TicketView {
            track_token: Some(token),
            ..
        }) => return see_other(&format!("/reception/tickets/{token}?site={}", site.code)),
        Ok(_) => return Err(PageError::Internal),
        Err(FloorError::NotFound) => "error-reception-product",
        Err(FloorError::Closed) => "error-reception-closed",
        Err(error) => return Err(floor_failure(error)),
    };
    let typed = Typed {
        ticket_product: form.product,
        ..Typed::default()
    };
    refused(&state, page, site, typed, "ticket_product", error).await
}

/// Notes a question answered at the desk, by subject, for the statistics.
async fn note_question(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<ProductForm>,
) -> PageResult {
    let user = page.require_any(&RECEPTION_ROLES)?.id;
    let site = site_of(&state, &form.site).await?;
    let snapshot = state.books.current(&state.store).await?;
    if snapshot.catalogue.iter().all(|p| p.code != form.product) {
        let typed = Typed {
            question_product: form.product,
            ..Typed::default()
        };
        return refused(
            &state,
            page,
            site,
            typed,
            "question_product",
            "error-reception-product",
        )
        .await;
    }
    state
        .store
        .record_question(site.id, &form.product, user, state.now())
        .await?;
    see_other(&format!(
        "/reception?site={}&noted={}",
        site.code, form.product
    ))
}

/// The overview again, with the form that failed, what was chosen in it, and why.
async fn refused(
    state: &AppState,
    page: Page,
    site: Site,
    typed: Typed,
    field: &str,
    message_id: &'static str,
) -> PageResult {
    let mut errors = FieldErrors::default();
    errors.add(field, message_id);
    let errors = Errors::translate(&errors, page.t);
    render_form(overview_page(state, page, site, typed, errors).await?, true)
}

fn floor_failure(error: FloorError) -> PageError {
    tracing::error!("reception could not change the floor: {error:?}");
    PageError::Internal
}

#[derive(Template)]
#[template(path = "reception/ticket.html")]
struct TicketTemplate {
    page: Page,
    site: String,
    ticket: TicketShown,
    /// The appointment the ticket checks in, if any.
    appointment: Option<String>,
}

/// A ticket reception handed out, on screen and ready to print.
async fn ticket(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> PageResult {
    page.require_any(&RECEPTION_ROLES)?;
    let view = floor::tracked(&state, &token)
        .await
        .map_err(|error| match error {
            FloorError::NotFound => PageError::NotFound,
            other => floor_failure(other),
        })?;
    let snapshot = state.books.current(&state.store).await?;
    let site = snapshot
        .sites
        .iter()
        .find(|s| s.id == view.ticket.site_id)
        .cloned()
        .ok_or(PageError::NotFound)?;
    let appointment = match view.ticket.appointment_id {
        Some(id) => Some(state.store.appointment(id).await?.code),
        None => None,
    };
    render(TicketTemplate {
        site: site.code.clone(),
        ticket: TicketShown::new(&state, &site, &view, &token, page.t).await?,
        appointment,
        page,
    })
}

/// Checks in an appointment of today for a citizen who came too early or too late for the kiosk.
async fn check_in(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let user = page.require_any(&RECEPTION_ROLES)?.id;
    let appointment = state.store.appointment(id).await?;
    let by = CheckInBy::Reception(user);
    match floor::check_in(&state, &appointment.site_code, &appointment.code, by).await {
        Ok(TicketView {
            track_token: Some(token),
            ..
        }) => see_other(&format!("/reception/tickets/{token}")),
        Ok(_) => Err(PageError::Internal),
        Err(FloorError::AlreadyCheckedIn) => refused_check_in(id, "already"),
        Err(FloorError::NotToday) => refused_check_in(id, "not-today"),
        Err(FloorError::Closed) => refused_check_in(id, "closed"),
        Err(FloorError::NotFound) => Err(PageError::NotFound),
        Err(error) => Err(floor_failure(error)),
    }
}

/// Back to the appointment, which says why it could not be checked in.
fn refused_check_in(id: i64, reason: &str) -> PageResult {
    see_other(&format!("/staff/appointments/{id}?check_in={reason}"))
}
