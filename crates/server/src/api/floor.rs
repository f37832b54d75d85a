//! Kiosks, tickets, counters and waiting-room screens over the API.

use crate::api::ApiJson;
use crate::api::auth::Staff;
use crate::api::problem::{ApiError, ApiResult};
use crate::floor::{self, CheckInBy, CounterChange, FloorError, Route, TicketView};
use crate::i18n::{Tr, current_locale};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use loket_domain::catalogue::FieldErrors;
use loket_domain::locale::Locale;
use loket_domain::queue::TicketAction;
use loket_store::floor::FloorEvent;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, VecDeque};
use std::convert::Infallible;
use std::sync::Arc;
use tokio::sync::broadcast;
use utoipa::ToSchema;

impl From<FloorError> for ApiError {
    fn from(error: FloorError) -> Self {
        match error {
            FloorError::NotFound => ApiError::NotFound,
            FloorError::Closed => ApiError::Conflict("problem-closed"),
            FloorError::AlreadyCheckedIn => ApiError::Conflict("problem-already-checked-in"),
            FloorError::TooEarly => check_in_refused("error-check-in-too-early"),
            FloorError::TooLate => check_in_refused("error-check-in-too-late"),
            FloorError::NotToday => check_in_refused("error-check-in-not-today"),
            FloorError::WrongState(_) => ApiError::Conflict("problem-ticket-state"),
            FloorError::CounterTaken => ApiError::Conflict("problem-counter-taken"),
            FloorError::Store(error) => error.into(),
        }
    }
}

fn check_in_refused(message_id: &'static str) -> ApiError {
    let mut errors = FieldErrors::default();
    errors.add("code", message_id);
    ApiError::Invalid(errors)
}

#[derive(Serialize, ToSchema)]
pub struct TicketJson {
    id: i64,
    /// "B012".
    number: String,
    zone: String,
    product: String,
    /// The counter it is called to, or will be when only one counter serves it now.
    counter: Option<i64>,
    /// The meeting room it is called to instead of a counter (counter on call), in the request's
    /// language.
    #[serde(skip_serializing_if = "Option::is_none")]
    room: Option<String>,
    #[schema(value_type = String, example = "waiting")]
    status: loket_domain::queue::TicketStatus,
    /// 1 for the next to be called; absent once called.
    position: Option<usize>,
    estimated_wait_minutes: Option<i64>,
    /// Only in the answer that hands the ticket out: the secret of its phone page.
    #[serde(skip_serializing_if = "Option::is_none")]
    track_token: Option<String>,
}

impl From<TicketView> for TicketJson {
    fn from(view: TicketView) -> Self {
        TicketJson {
            id: view.ticket.id,
            number: view.ticket.label,
            zone: view.ticket.zone_letter,
            product: view.ticket.product_code,
            counter: view.counter,
            room: view
                .ticket
                .room
                .as_ref()
                .map(|room| room.get(current_locale()).to_owned()),
            status: view.ticket.status,
            position: view.position,
            estimated_wait_minutes: view.estimated_wait_minutes,
            track_token: view.track_token,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RouteJson {
    /// `queue` (with a ticket), `reception`, `appointment` or `online`.
    route: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    ticket: Option<TicketJson>,
    /// What to tell the citizen, in the request's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct TicketRequest {
    #[serde(default)]
    site: String,
    #[serde(default)]
    product: String,
}

fn queued(view: TicketView) -> Response {
    let body = RouteJson {
        route: "queue",
        ticket: Some(view.into()),
        message: None,
    };
    (StatusCode::CREATED, Json(body)).into_response()
}

/// A kiosk asks for a product: a ticket in its zone, or where to go instead.
#[utoipa::path(post, path = "/api/v1/tickets", tag = "floor", request_body = TicketRequest,
    responses((status = 201, body = RouteJson), (status = 200, body = RouteJson),
              (status = 404, body = crate::api::problem::Problem), (status = 409, body = crate::api::problem::Problem)))]
pub async fn take_ticket(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<TicketRequest>,
) -> ApiResult<Response> {
    let route = floor::ask_for_product(&state, &request.site, &request.product, None).await?;
    let t = Tr::new(current_locale());
    let (route, message_id) = match route {
        Route::Queue(view) => return Ok(queued(*view)),
        Route::Reception => ("reception", "route-reception"),
        Route::Appointment => ("appointment", "route-appointment"),
        Route::Online => ("online", "route-online"),
    };
    Ok(Json(RouteJson {
        route,
        ticket: None,
        message: Some(t.get(message_id)),
    })
    .into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct CheckInRequest {
    #[serde(default)]
    site: String,
    /// The booking code, as typed or scanned.
    #[serde(default)]
    code: String,
}

/// Checks in a booked appointment of today; outside the check-in window the citizen goes to
/// reception.
#[utoipa::path(post, path = "/api/v1/check-ins", tag = "floor", request_body = CheckInRequest,
    responses((status = 201, body = RouteJson), (status = 404, body = crate::api::problem::Problem),
              (status = 409, body = crate::api::problem::Problem), (status = 422, body = crate::api::problem::Problem)))]
pub async fn check_in(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<CheckInRequest>,
) -> ApiResult<Response> {
    let view = floor::check_in(&state, &request.site, &request.code, CheckInBy::Citizen).await?;
    Ok(queued(view))
}

/// A ticket as its phone page shows it.
#[utoipa::path(get, path = "/api/v1/tickets/{track_token}", tag = "floor",
    params(("track_token" = String, Path, description = "The secret in the ticket's QR code")),
    responses((status = 200, body = TicketJson), (status = 404, body = crate::api::problem::Problem)))]
pub async fn track(
    State(state): State<AppState>,
    Path(track_token): Path<String>,
) -> ApiResult<Json<TicketJson>> {
    Ok(Json(floor::tracked(&state, &track_token).await?.into()))
}

#[derive(Serialize, ToSchema)]
pub struct CallJson {
    number: String,
    zone: String,
    counter: Option<i64>,
    /// The meeting room the ticket is called to instead of a counter, in the request's language.
    room: Option<String>,
    /// RFC 3339 in the site's zone.
    at: String,
}

fn call_json(state: &AppState, event: &FloorEvent, locale: Locale) -> CallJson {
    CallJson {
        number: event.ticket_label.clone().unwrap_or_default(),
        zone: event.zone_letter.clone().unwrap_or_default(),
        counter: event.counter_number,
        room: event.room.as_ref().map(|room| room.get(locale).to_owned()),
        at: state.local_instant(event.at),
    }
}

#[derive(Serialize, ToSchema)]
pub struct DisplayJson {
    /// The last calls, newest first.
    recent_calls: Vec<CallJson>,
    /// Waiting tickets per zone letter.
    waiting: BTreeMap<String, usize>,
    /// The id of the last event included: follow `/events` from there.
    last_event: i64,
}

/// What a waiting-room screen shows.
#[utoipa::path(get, path = "/api/v1/sites/{site}/display", tag = "floor",
    params(("site" = String, Path, description = "The site's code")),
    responses((status = 200, body = DisplayJson), (status = 404, body = crate::api::problem::Problem)))]
pub async fn display(
    State(state): State<AppState>,
    Path(site): Path<String>,
) -> ApiResult<Json<DisplayJson>> {
    let display = floor::display(&state, &site).await?;
    Ok(Json(DisplayJson {
        recent_calls: display
            .recent_calls
            .iter()
            .map(|e| call_json(&state, e, current_locale()))
            .collect(),
        waiting: display.waiting,
        last_event: display.last_event,
    }))
}

/// Server-sent events of a site's floor: `called` for every call (a recall too) with the number,
/// zone, counter and time; `changed` for every other change. Each event's id is its number, so a
/// client that reconnects with `Last-Event-ID` gets what it missed.
#[utoipa::path(get, path = "/api/v1/sites/{site}/events", tag = "floor",
    params(("site" = String, Path, description = "The site's code")),
    responses((status = 200, description = "text/event-stream"), (status = 404, body = crate::api::problem::Problem)))]
pub async fn events(
    State(state): State<AppState>,
    Path(site): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let site_id = floor::site_id(&state, &site).await?;
    let live = state.floor.subscribe();
    let after = match last_event_id(&headers) {
        Some(last) => last,
        None => state.store.last_floor_event(site_id).await?,
    };
    let follower = Follower {
        locale: current_locale(),
        state,
        site_id,
        after,
        live,
        pending: VecDeque::new(),
        caught_up: false,
    };
    let stream = stream::unfold(follower, |mut follower| async move {
        let event = follower.next().await?;
        Some((Ok(event), follower))
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

/// The header a reconnecting `EventSource` sends with the id of the last event it received.
const LAST_EVENT_ID: &str = "last-event-id";

fn last_event_id(headers: &HeaderMap) -> Option<i64> {
    headers
        .get(LAST_EVENT_ID)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse().ok())
}

/// One client's place in a site's stream: first what it missed, from the database, then the
/// live events, each exactly once and in order.
struct Follower {
    state: AppState,
    /// The language of the request that opened the stream, for room names.
    locale: Locale,
    site_id: i64,
    after: i64,
    live: broadcast::Receiver<Arc<FloorEvent>>,
    pending: VecDeque<FloorEvent>,
    caught_up: bool,
}

impl Follower {
    async fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                self.after = event.seq;
                return Some(sse_event(&self.state, &event, self.locale));
            }
            if !self.caught_up {
                let missed = self
                    .state
                    .store
                    .floor_events_after(self.site_id, self.after, 500)
                    .await
                    .ok()?;
                self.caught_up = missed.len() < 500;
                self.pending.extend(missed);
                continue;
            }
            match self.live.recv().await {
                Ok(event) if event.site_id == self.site_id && event.seq > self.after => {
                    if event.seq > self.after + 1 {
                        // A gap: read it from the database rather than skip it.
                        self.caught_up = false;
                        continue;
                    }
                    self.pending.push_back((*event).clone());
                }
                Ok(_) => {}
                Err(broadcast::error::RecvError::Lagged(_)) => self.caught_up = false,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    }
}

fn sse_event(state: &AppState, event: &FloorEvent, locale: Locale) -> Event {
    let name = match event.kind.as_str() {
        "called" | "recalled" => "called",
        _ => "changed",
    };
    let mut data = serde_json::to_value(call_json(state, event, locale)).unwrap_or_default();
    if let Some(object) = data.as_object_mut() {
        object.insert("kind".into(), event.kind.clone().into());
    }
    Event::default()
        .id(event.seq.to_string())
        .event(name)
        .data(data.to_string())
}

// ---- Counters --------------------------------------------------------------------------------

/// Who may work at a counter.
fn counter_user(staff: Staff) -> ApiResult<i64> {
    let user = staff.0;
    if floor::COUNTER_ROLES.iter().any(|role| user.has_role(*role)) {
        Ok(user.id)
    } else {
        Err(ApiError::Forbidden)
    }
}

async fn counter_change(
    state: &AppState,
    staff: Staff,
    site: &str,
    counter: i64,
    change: CounterChange,
) -> ApiResult<StatusCode> {
    let user = counter_user(staff)?;
    floor::change_counter(state, user, site, counter, change).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in employee takes the counter: it is open, and calls go to it.
#[utoipa::path(post, path = "/api/v1/counters/{site}/{counter}/sign-in", tag = "floor",
    params(("site" = String, Path), ("counter" = i64, Path, description = "The counter's number")),
    responses((status = 204), (status = 409, body = crate::api::problem::Problem)), security(("bearer" = [])))]
pub async fn sign_in(
    State(state): State<AppState>,
    staff: Staff,
    Path((site, counter)): Path<(String, i64)>,
) -> ApiResult<StatusCode> {
    counter_change(&state, staff, &site, counter, CounterChange::SignIn).await
}

/// The employee leaves the counter.
#[utoipa::path(post, path = "/api/v1/counters/{site}/{counter}/sign-out", tag = "floor",
    params(("site" = String, Path), ("counter" = i64, Path, description = "The counter's number")),
    responses((status = 204)), security(("bearer" = [])))]
pub async fn sign_out(
    State(state): State<AppState>,
    staff: Staff,
    Path((site, counter)): Path<(String, i64)>,
) -> ApiResult<StatusCode> {
    counter_change(&state, staff, &site, counter, CounterChange::SignOut).await
}

/// The counter pauses: no calls until it resumes.
#[utoipa::path(post, path = "/api/v1/counters/{site}/{counter}/pause", tag = "floor",
    params(("site" = String, Path), ("counter" = i64, Path, description = "The counter's number")),
    responses((status = 204)), security(("bearer" = [])))]
pub async fn pause(
    State(state): State<AppState>,
    staff: Staff,
    Path((site, counter)): Path<(String, i64)>,
) -> ApiResult<StatusCode> {
    counter_change(&state, staff, &site, counter, CounterChange::Pause).await
}

/// The paused counter opens again.
#[utoipa::path(post, path = "/api/v1/counters/{site}/{counter}/resume", tag = "floor",
    params(("site" = String, Path), ("counter" = i64, Path, description = "The counter's number")),
    responses((status = 204)), security(("bearer" = [])))]
pub async fn resume(
    State(state): State<AppState>,
    staff: Staff,
    Path((site, counter)): Path<(String, i64)>,
) -> ApiResult<StatusCode> {
    counter_change(&state, staff, &site, counter, CounterChange::Resume).await
}

#[derive(Serialize, ToSchema)]
pub struct CalledJson {
    ticket: TicketJson,
}

/// Calls the next ticket for what this counter serves; 204 when nobody waits for it.
#[utoipa::path(post, path = "/api/v1/counters/{site}/{counter}/call-next", tag = "floor",
    params(("site" = String, Path), ("counter" = i64, Path, description = "The counter's number")),
    responses((status = 200, body = CalledJson), (status = 204), (status = 409, body = crate::api::problem::Problem)),
    security(("bearer" = [])))]
pub async fn call_next(
    State(state): State<AppState>,
    staff: Staff,
    Path((site, counter)): Path<(String, i64)>,
) -> ApiResult<Response> {
    let user = counter_user(staff)?;
    Ok(
        match floor::call_next(&state, user, &site, counter).await? {
            Some(view) => Json(CalledJson {
                ticket: view.into(),
            })
            .into_response(),
            None => StatusCode::NO_CONTENT.into_response(),
        },
    )
}

#[derive(Deserialize, ToSchema, Default)]
pub struct FinishRequest {
    /// The products actually served; one visit can hold several.
    #[serde(default)]
    transactions: Vec<String>,
}

#[derive(Deserialize, ToSchema, Default)]
pub struct TransferRequest {
    #[serde(default)]
    product: String,
}

async fn act(
    state: &AppState,
    staff: Staff,
    id: i64,
    action: TicketAction,
    transactions: &[String],
) -> ApiResult<Json<TicketJson>> {
    let user = counter_user(staff)?;
    Ok(Json(
        floor::act(state, user, id, action, transactions)
            .await?
            .into(),
    ))
}

/// Calls the ticket again, up to the configured number of times.
#[utoipa::path(post, path = "/api/v1/tickets/{id}/recall", tag = "floor", params(("id" = i64, Path)),
    responses((status = 200, body = TicketJson), (status = 409, body = crate::api::problem::Problem)), security(("bearer" = [])))]
pub async fn recall(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<TicketJson>> {
    act(&state, staff, id, TicketAction::Recall, &[]).await
}

/// The citizen came: service starts.
#[utoipa::path(post, path = "/api/v1/tickets/{id}/start", tag = "floor", params(("id" = i64, Path)),
    responses((status = 200, body = TicketJson), (status = 409, body = crate::api::problem::Problem)), security(("bearer" = [])))]
pub async fn start(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<TicketJson>> {
    act(&state, staff, id, TicketAction::Start, &[]).await
}

/// The citizen did not come after the calls.
#[utoipa::path(post, path = "/api/v1/tickets/{id}/no-show", tag = "floor", params(("id" = i64, Path)),
    responses((status = 200, body = TicketJson), (status = 409, body = crate::api::problem::Problem)), security(("bearer" = [])))]
pub async fn no_show(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<TicketJson>> {
    act(&state, staff, id, TicketAction::NoShow, &[]).await
}

/// Service ends, with the transactions actually done.
#[utoipa::path(post, path = "/api/v1/tickets/{id}/finish", tag = "floor", params(("id" = i64, Path)),
    request_body = FinishRequest,
    responses((status = 200, body = TicketJson), (status = 409, body = crate::api::problem::Problem)), security(("bearer" = [])))]
pub async fn finish(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    ApiJson(request): ApiJson<FinishRequest>,
) -> ApiResult<Json<TicketJson>> {
    act(
        &state,
        staff,
        id,
        TicketAction::Finish,
        &request.transactions,
    )
    .await
}

/// Sends the citizen on to another product, perhaps in another zone; they keep their arrival time.
#[utoipa::path(post, path = "/api/v1/tickets/{id}/transfer", tag = "floor", params(("id" = i64, Path)),
    request_body = TransferRequest,
    responses((status = 200, body = TicketJson), (status = 404, body = crate::api::problem::Problem),
              (status = 409, body = crate::api::problem::Problem)), security(("bearer" = [])))]
pub async fn transfer(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    ApiJson(request): ApiJson<TransferRequest>,
) -> ApiResult<Json<TicketJson>> {
    let user = counter_user(staff)?;
    Ok(Json(
        floor::transfer(&state, user, id, &request.product)
            .await?
            .into(),
    ))
}
