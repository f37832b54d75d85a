//! The counter console: an employee takes a counter, calls the next citizen, recalls, serves and
//! finishes with the transactions done, or sends the citizen on. Every action is a form that
//! returns to the console; a failed action shows the console again with the reason.

use crate::floor::{self, COUNTER_ROLES, CounterChange, FloorError, FloorNow};
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
use loket_domain::queue::{TicketAction, TicketStatus};
use loket_store::catalogue::Product;
use loket_store::organisation::Site;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/counter", get(console))
        .route("/counter/sign-in", post(sign_in))
        .route("/counter/pause", post(pause))
        .route("/counter/resume", post(resume))
        .route("/counter/sign-out", post(sign_out))
        .route("/counter/call-next", post(call_next))
        .route("/counter/tickets/{id}/recall", post(recall))
        .route("/counter/tickets/{id}/start", post(start))
        .route("/counter/tickets/{id}/no-show", post(no_show))
        .route("/counter/tickets/{id}/finish", post(finish))
        .route("/counter/tickets/{id}/transfer", post(transfer))
}

/// A counter of the site as the chooser shows it.
pub struct CounterChoice {
    pub number: i64,
    pub zone: String,
    /// The colleague who works there, if any.
    pub taken_by: Option<String>,
}

/// A citizen who waits for what this counter serves.
pub struct WaitingLine {
    pub number: String,
    pub zone: String,
    pub product: String,
    /// "12 minuten".
    pub waited: String,
    /// The time of the appointment a checked-in ticket is for.
    pub appointment: Option<String>,
}

/// The ticket at the counter now.
pub struct Current {
    pub id: i64,
    pub number: String,
    pub zone: String,
    pub product_code: String,
    pub product: String,
    pub serving: bool,
    pub recalls_left: i64,
    pub recalls_left_text: String,
    pub called_at: String,
}

/// A product to tick as done or to send a citizen on to.
pub struct ProductChoice {
    pub code: String,
    pub name: String,
    pub zone: String,
}

#[derive(Template)]
#[template(path = "counter.html")]
struct ConsoleTemplate {
    page: Page,
    site: String,
    site_name: String,
    /// The counter the employee sits at.
    counter: Option<i64>,
    counter_zone: String,
    paused: bool,
    choices: Vec<CounterChoice>,
    current: Option<Current>,
    waiting: Vec<WaitingLine>,
    waiting_title: String,
    /// What this counter serves, for the transactions of a visit.
    served: Vec<ProductChoice>,
    /// Every product served at a counter, to send a citizen on to.
    transfers: Vec<ProductChoice>,
    /// The transactions ticked, kept when finishing failed.
    ticked: Option<Vec<String>>,
    notice: Option<String>,
    error: Option<String>,
}

impl ConsoleTemplate {
    fn is_ticked(&self, code: &str) -> bool {
        match (&self.ticked, &self.current) {
            (Some(ticked), _) => ticked.iter().any(|c| c == code),
            (None, Some(current)) => current.product_code == code,
            (None, None) => false,
        }
    }
}

#[derive(Deserialize, Default)]
struct ConsoleQuery {
    #[serde(default)]
    site: String,
    #[serde(default)]
    done: String,
    #[serde(default)]
    ticket: String,
    #[serde(default)]
    count: i64,
}

async fn site_of(state: &AppState, code: &str) -> Result<Site, PageError> {
    let snapshot = state.books.current(&state.store).await?;
    snapshot
        .site_or_first(code)
        .cloned()
        .ok_or(PageError::NotFound)
}

fn product_name(catalogue: &[Product], code: &str, page: &Page) -> String {
    catalogue
        .iter()
        .find(|p| p.code == code)
        .map(|p| p.name(page.locale).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

/// What went wrong, or what was just done, in the console's words.
enum Outcome {
    Notice(String),
    Failed(String),
}

/// Builds the console for the signed-in employee.
async fn console_page(
    state: &AppState,
    page: Page,
    site: Site,
    outcome: Option<Outcome>,
    ticked: Option<Vec<String>>,
) -> Result<ConsoleTemplate, PageError> {
    let user = page.require_any(&COUNTER_ROLES)?.id;
    let floor = FloorNow::read(state, site.id).await?;
    let counters = floor.staffing.configured();
    let snapshot = state.books.current(&state.store).await?;
    let catalogue = &snapshot.catalogue;
    let mine = floor
        .staffing
        .counters
        .iter()
        .find(|c| c.user_id == Some(user));
    let now = state.now();
    let zone_of_site = state.settings.time_zone.clone();
    let t = page.t;

    let choices = counters
        .iter()
        .map(|c| CounterChoice {
            number: c.number,
            zone: c.zone_letter.clone(),
            taken_by: floor
                .staffing
                .counters
                .iter()
                .find(|f| f.counter_id == c.id && f.user_id.is_some())
                .map(|f| f.user_name.clone().unwrap_or_default()),
        })
        .collect();

    let serves: Vec<String> = mine
        .and_then(|m| counters.iter().find(|c| c.id == m.counter_id))
        .map(|c| c.products.clone())
        .unwrap_or_default();
    let choice = |p: &Product| ProductChoice {
        code: p.code.clone(),
        name: p.name(page.locale).to_owned(),
        zone: p.zone_letter.clone().unwrap_or_default(),
    };
    let served = catalogue
        .iter()
        .filter(|p| serves.contains(&p.code))
        .map(choice)
        .collect();
    let transfers = catalogue
        .iter()
        .filter(|p| p.channel.is_served_at_a_counter() && p.zone_letter.is_some())
        .map(choice)
        .collect();

    let mut zones: Vec<String> = catalogue
        .iter()
        .filter(|p| serves.contains(&p.code))
        .filter_map(|p| p.zone_letter.clone())
        .collect();
    zones.sort();
    zones.dedup();
    let waiting: Vec<WaitingLine> = zones
        .iter()
        .flat_map(|zone| floor.waiting_in(zone))
        .filter(|ticket| serves.contains(&ticket.product_code))
        .map(|ticket| WaitingLine {
            number: ticket.label.clone(),
            zone: ticket.zone_letter.clone(),
            product: product_name(catalogue, &ticket.product_code, &page),
            waited: t.count(
                "counter-minutes",
                (now - ticket.arrived_at).get_seconds().max(0) / 60,
            ),
            appointment: ticket
                .due_at
                .map(|due| t.time(due.to_zoned(zone_of_site.clone()).time())),
        })
        .collect();

    let current = mine.and_then(|m| {
        floor
            .open_tickets
            .iter()
            .find(|ticket| {
                ticket.counter_id == Some(m.counter_id)
                    && matches!(ticket.status, TicketStatus::Called | TicketStatus::Serving)
            })
            .map(|ticket| {
                let recalls_left = (state.settings.floor.max_recalls - ticket.recalls).max(0);
                Current {
                    id: ticket.id,
                    number: ticket.label.clone(),
                    zone: ticket.zone_letter.clone(),
                    product_code: ticket.product_code.clone(),
                    product: product_name(catalogue, &ticket.product_code, &page),
                    serving: ticket.status == TicketStatus::Serving,
                    recalls_left,
                    recalls_left_text: t.count("counter-recalls-left", recalls_left),
                    called_at: ticket
                        .called_at
                        .map(|at| t.time(at.to_zoned(zone_of_site.clone()).time()))
                        .unwrap_or_default(),
                }
            })
    });

    let (notice, error) = match outcome {
        Some(Outcome::Notice(text)) => (Some(text), None),
        Some(Outcome::Failed(text)) => (None, Some(text)),
        None => (None, None),
    };
    Ok(ConsoleTemplate {
        site: site.code,
        site_name: site.name,
        counter: mine.map(|m| m.number),
        counter_zone: mine.map(|m| m.zone_letter.clone()).unwrap_or_default(),
        paused: mine.is_some_and(|m| m.paused == Some(true)),
        choices,
        current,
        waiting_title: t.count("counter-waiting", waiting.len() as i64),
        waiting,
        served,
        transfers,
        ticked,
        notice,
        error,
        page,
    })
}

async fn console(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<ConsoleQuery>,
) -> PageResult {
    page.require_any(&COUNTER_ROLES)?;
    let site = site_of(&state, &query.site).await?;
    let t = page.t;
    let ticket = query.ticket.clone();
    let notice = match query.done.as_str() {
        "signed-in" => Some(t.get("counter-done-signed-in")),
        "paused" => Some(t.get("counter-done-paused")),
        "resumed" => Some(t.get("counter-done-resumed")),
        "signed-out" => Some(t.get("counter-done-signed-out")),
        "called" => Some(t.arg("counter-done-called", "number", ticket)),
        "nobody" => Some(t.get("counter-nobody-waiting")),
        "recalled" => Some(t.arg("counter-done-recalled", "number", ticket)),
        "started" => Some(t.arg("counter-done-started", "number", ticket)),
        "no-show" => Some(t.arg("counter-done-no-show", "number", ticket)),
        "finished" => Some(t.args(
            "counter-done-finished",
            &[("number", ticket), ("count", query.count.to_string())],
        )),
        "transferred" => Some(t.arg("counter-done-transferred", "number", ticket)),
        _ => None,
    };
    render(console_page(&state, page, site, notice.map(Outcome::Notice), None).await?)
}

/// The console again, with the reason an action failed.
async fn failed(
    state: &AppState,
    page: Page,
    site: Site,
    error: FloorError,
    counter: Option<i64>,
    ticked: Option<Vec<String>>,
) -> PageResult {
    let t = page.t;
    let (status, message) = match error {
        FloorError::CounterTaken => (
            StatusCode::CONFLICT,
            t.arg(
                "counter-error-taken",
                "counter",
                counter.unwrap_or_default(),
            ),
        ),
        FloorError::WrongState(_) => (StatusCode::CONFLICT, t.get("counter-error-state")),
        FloorError::NotFound => (StatusCode::NOT_FOUND, t.get("counter-error-not-found")),
        other => {
            tracing::error!("counter action failed: {other:?}");
            return Err(PageError::Internal);
        }
    };
    let template = console_page(state, page, site, Some(Outcome::Failed(message)), ticked).await?;
    let html = template.render().map_err(PageError::from)?;
    Ok((status, Html(html)).into_response())
}

fn back(site: &str, done: &str, ticket: &str, count: usize) -> PageResult {
    let count = count.to_string();
    let mut query = vec![("site", site), ("done", done)];
    if !ticket.is_empty() {
        query.push(("ticket", ticket));
    }
    if count != "0" {
        query.push(("count", &count));
    }
    let query = serde_urlencoded::to_string(query).unwrap_or_default();
    see_other(&format!("/counter?{query}"))
}

#[derive(Deserialize)]
struct CounterForm {
    #[serde(default)]
    site: String,
    counter: i64,
}

async fn counter_change(
    state: AppState,
    page: Page,
    form: CounterForm,
    change: CounterChange,
    done: &str,
) -> PageResult {
    let user = page.require_any(&COUNTER_ROLES)?.id;
    let site = site_of(&state, &form.site).await?;
    match floor::change_counter(&state, user, &site.code, form.counter, change).await {
        Ok(()) => back(&site.code, done, "", 0),
        Err(error) => failed(&state, page, site, error, Some(form.counter), None).await,
    }
}

async fn sign_in(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<CounterForm>,
) -> PageResult {
    counter_change(state, page, form, CounterChange::SignIn, "signed-in").await
}

async fn pause(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<CounterForm>,
) -> PageResult {
    counter_change(state, page, form, CounterChange::Pause, "paused").await
}

async fn resume(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<CounterForm>,
) -> PageResult {
    counter_change(state, page, form, CounterChange::Resume, "resumed").await
}

async fn sign_out(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<CounterForm>,
) -> PageResult {
    counter_change(state, page, form, CounterChange::SignOut, "signed-out").await
}

async fn call_next(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<CounterForm>,
) -> PageResult {
    let user = page.require_any(&COUNTER_ROLES)?.id;
    let site = site_of(&state, &form.site).await?;
    match floor::call_next(&state, user, &site.code, form.counter).await {
        Ok(Some(called)) => back(&site.code, "called", &called.ticket.label, 0),
        Ok(None) => back(&site.code, "nobody", "", 0),
        Err(error) => failed(&state, page, site, error, Some(form.counter), None).await,
    }
}

#[derive(Deserialize)]
struct TicketForm {
    #[serde(default)]
    site: String,
    #[serde(default)]
    transactions: Vec<String>,
    #[serde(default)]
    product: String,
}

async fn ticket_action(
    state: AppState,
    page: Page,
    id: i64,
    form: TicketForm,
    action: TicketAction,
    done: &str,
) -> PageResult {
    let user = page.require_any(&COUNTER_ROLES)?.id;
    let site = site_of(&state, &form.site).await?;
    let ticked = (action == TicketAction::Finish).then(|| form.transactions.clone());
    if action == TicketAction::Finish && form.transactions.is_empty() {
        let message = page.t.get("counter-error-no-transactions");
        let template = console_page(
            &state,
            page,
            site,
            Some(Outcome::Failed(message)),
            Some(Vec::new()),
        )
        .await?;
        let html = template.render().map_err(PageError::from)?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
    }
    match floor::act(&state, user, id, action, &form.transactions).await {
        Ok(view) => back(
            &site.code,
            done,
            &view.ticket.label,
            form.transactions.len(),
        ),
        Err(error) => failed(&state, page, site, error, None, ticked).await,
    }
}

async fn recall(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<TicketForm>,
) -> PageResult {
    ticket_action(state, page, id, form, TicketAction::Recall, "recalled").await
}

async fn start(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<TicketForm>,
) -> PageResult {
    ticket_action(state, page, id, form, TicketAction::Start, "started").await
}

async fn no_show(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<TicketForm>,
) -> PageResult {
    ticket_action(state, page, id, form, TicketAction::NoShow, "no-show").await
}

async fn finish(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<TicketForm>,
) -> PageResult {
    ticket_action(state, page, id, form, TicketAction::Finish, "finished").await
}

async fn transfer(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<TicketForm>,
) -> PageResult {
    let user = page.require_any(&COUNTER_ROLES)?.id;
    let site = site_of(&state, &form.site).await?;
    match floor::transfer(&state, user, id, &form.product).await {
        Ok(view) => back(&site.code, "transferred", &view.ticket.label, 0),
        Err(error) => failed(&state, page, site, error, None, None).await,
    }
}
