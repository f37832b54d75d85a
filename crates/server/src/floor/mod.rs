//! The floor of an office, shared by the API and the pages: what the kiosk does for a product,
//! checking in an appointment, a ticket's place in the queue with an honest estimate of the wait,
//! counters calling and serving, and what the waiting-room screens show.

pub mod bus;
pub mod on_call;

use crate::books::Snapshot;
use crate::state::AppState;
use jiff::{SignedDuration, Timestamp};
use loket_domain::catalogue::Channel;
use loket_domain::queue::{
    CheckIn, CheckInWindow, TicketAction, TicketStatus, Waiting, estimate_wait_minutes,
};
use loket_domain::staff::Role;
use loket_store::appointments::AppointmentStatus;
use loket_store::catalogue::Product;
use loket_store::floor::{Actor, CounterOnFloor, FloorEvent, Issued, NewTicket, Ticket};
use loket_store::organisation::{Counter, Site};
use loket_store::{StoreError, StoreResult};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The rules of the floor, from the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloorRules {
    pub check_in: CheckInWindow,
    /// How often a counter may call a ticket again before it must mark it a no-show.
    pub max_recalls: i64,
    /// How long a request for the counter on call waits before the department is alerted again.
    pub on_call_alert_again: SignedDuration,
}

impl Default for FloorRules {
    fn default() -> Self {
        FloorRules {
            check_in: CheckInWindow::default(),
            max_recalls: 2,
            on_call_alert_again: on_call::DEFAULT_ALERT_AGAIN,
        }
    }
}

/// Who may work at a counter.
pub const COUNTER_ROLES: [Role; 3] = [Role::Counter, Role::Manager, Role::Admin];

/// The service times that count for the estimate: the last two hours.
const RECENT: SignedDuration = SignedDuration::from_hours(2);
/// Calls a waiting-room screen shows.
pub const CALLS_ON_SCREEN: i64 = 6;

#[derive(Debug)]
pub enum FloorError {
    NotFound,
    /// The office is closed now.
    Closed,
    AlreadyCheckedIn,
    TooEarly,
    TooLate,
    /// The appointment is on another day.
    NotToday,
    /// The counter is not open for this user, or the ticket cannot do that now.
    WrongState(String),
    /// Another employee works at this counter.
    CounterTaken,
    Store(StoreError),
}

impl From<StoreError> for FloorError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => FloorError::NotFound,
            StoreError::WrongState(state) => FloorError::WrongState(state),
            StoreError::Duplicate(_) => FloorError::CounterTaken,
            other => FloorError::Store(other),
        }
    }
}

/// Where the kiosk sends a citizen who asks for a product.
#[derive(Debug)]
pub enum Route {
    /// A ticket in the product's zone.
    Queue(Box<TicketView>),
    /// The desk at the entrance: departments on call and questions.
    Reception,
    /// Only by appointment, on the website or by phone.
    Appointment,
    /// Requested online, on the e-loket.
    Online,
}

/// A ticket with what the citizen wants to know about it.
#[derive(Debug, Clone)]
pub struct TicketView {
    pub ticket: Ticket,
    /// 1 for the next to be called; None once called.
    pub position: Option<usize>,
    pub estimated_wait_minutes: Option<i64>,
    /// The counter it is called to, or the one it will be when only one serves it now.
    pub counter: Option<i64>,
    /// Only right after the ticket is handed out.
    pub track_token: Option<String>,
}

/// The zone books as they are now, and the site of `code` in them.
async fn site(state: &AppState, code: &str) -> Result<(Arc<Snapshot>, Site), FloorError> {
    let snapshot = state.books.current(&state.store).await?;
    let site = snapshot.site(code).cloned().ok_or(FloorError::NotFound)?;
    Ok((snapshot, site))
}

fn today(state: &AppState, now: Timestamp) -> jiff::civil::Date {
    now.to_zoned(state.settings.time_zone.clone()).date()
}

/// What the kiosk does when a citizen taps a product.
pub async fn ask_for_product(
    state: &AppState,
    site_code: &str,
    product_code: &str,
    user_id: Option<i64>,
) -> Result<Route, FloorError> {
    let (snapshot, site) = site(state, site_code).await?;
    let product = product(&snapshot, product_code)?;
    let zone = match (product.channel, product.zone_letter.as_deref()) {
        (Channel::FastCounter, Some(zone)) => zone.to_owned(),
        (Channel::OnCall | Channel::Reception | Channel::FastCounter, _) => {
            return Ok(Route::Reception);
        }
        (Channel::Appointment, _) => return Ok(Route::Appointment),
        (Channel::Online, _) => return Ok(Route::Online),
    };
    let issued = issue_ticket(state, &snapshot, &site, product, zone, user_id).await?;
    Ok(Route::Queue(Box::new(issued)))
}

/// A ticket that reception hands out for a visitor: for any product served at a counter, also
/// one that is otherwise by appointment only (the walk-in counters serve it). A product of a
/// department on call goes through a summons instead, which alerts the department.
pub async fn hand_out_ticket(
    state: &AppState,
    site_code: &str,
    product_code: &str,
    user_id: i64,
) -> Result<TicketView, FloorError> {
    let (snapshot, site) = site(state, site_code).await?;
    let product = product(&snapshot, product_code)?;
    let zone = match (product.channel, product.zone_letter.as_deref()) {
        (Channel::Appointment | Channel::FastCounter, Some(zone)) => zone.to_owned(),
        _ => return Err(FloorError::NotFound),
    };
    issue_ticket(state, &snapshot, &site, product, zone, Some(user_id)).await
}

fn product<'a>(snapshot: &'a Snapshot, code: &str) -> Result<&'a Product, FloorError> {
    snapshot
        .catalogue
        .iter()
        .find(|p| p.code == code)
        .ok_or(FloorError::NotFound)
}

/// Hands out the next ticket of `zone` for `product` while the site is open (by the opening
/// hours kept in the zone books, not read again for every ticket).
async fn issue_ticket(
    state: &AppState,
    snapshot: &Snapshot,
    site: &Site,
    product: &Product,
    zone: String,
    user_id: Option<i64>,
) -> Result<TicketView, FloorError> {
    let now = state.now();
    if !snapshot
        .hours(&state.store, site)
        .await?
        .calendar
        .is_open_at(now)
    {
        return Err(FloorError::Closed);
    }
    let new = NewTicket {
        site_id: site.id,
        zone_letter: zone,
        day: today(state, now),
        product_code: product.code.clone(),
        appointment_id: None,
        due_at: None,
        user_id,
    };
    let issued = state.store.issue_ticket(&new, now).await?;
    state.floor.changed(&state.store).await;
    issued_view(state, issued).await
}

/// Who checks an appointment in, and so which rule of time applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInBy {
    /// The citizen, at the kiosk or through the API: only within the check-in window.
    Citizen,
    /// Reception, for a citizen who came early or late that day: any time of the appointment's
    /// day. A late citizen then waits like a walk-in, so lateness never moves them ahead of
    /// those who came on time.
    Reception(i64),
}

/// Checks in a booked appointment of today by its code, within the check-in window.
pub async fn check_in(
    state: &AppState,
    site_code: &str,
    code: &str,
    by: CheckInBy,
) -> Result<TicketView, FloorError> {
    let (_, site) = site(state, site_code).await?;
    let appointment = state.store.appointment_by_code(code).await?;
    if appointment.site_code != site.code {
        return Err(FloorError::NotFound);
    }
    match appointment.status {
        AppointmentStatus::Booked => {}
        AppointmentStatus::CheckedIn | AppointmentStatus::Served => {
            return Err(FloorError::AlreadyCheckedIn);
        }
        AppointmentStatus::Cancelled | AppointmentStatus::NoShow => {
            return Err(FloorError::NotFound);
        }
    }
    let now = state.now();
    let window = state.settings.floor.check_in.check(appointment.start, now);
    let due_at = match (by, window) {
        (_, CheckIn::Open) => Some(appointment.start),
        (CheckInBy::Reception(_), _) if today(state, appointment.start) != today(state, now) => {
            return Err(FloorError::NotToday);
        }
        (CheckInBy::Reception(_), CheckIn::TooEarly) => Some(appointment.start),
        (CheckInBy::Reception(_), CheckIn::TooLate) => None,
        (CheckInBy::Citizen, CheckIn::TooEarly) => return Err(FloorError::TooEarly),
        (CheckInBy::Citizen, CheckIn::TooLate) => return Err(FloorError::TooLate),
    };
    let product = appointment
        .products
        .first()
        .cloned()
        .ok_or(FloorError::NotFound)?;
    let new = NewTicket {
        site_id: site.id,
        zone_letter: appointment.zone_letter.clone(),
        day: today(state, now),
        product_code: product,
        appointment_id: Some(appointment.id),
        due_at,
        user_id: match by {
            CheckInBy::Citizen => None,
            CheckInBy::Reception(user) => Some(user),
        },
    };
    let issued = match state.store.check_in(appointment.id, &new, now).await {
        Err(StoreError::WrongState(_)) => return Err(FloorError::AlreadyCheckedIn),
        other => other?,
    };
    state.floor.changed(&state.store).await;
    issued_view(state, issued).await
}

async fn issued_view(state: &AppState, issued: Issued) -> Result<TicketView, FloorError> {
    let mut view = view(state, issued.ticket).await?;
    view.track_token = Some(issued.track_token);
    Ok(view)
}

/// The ticket behind the secret of its phone page.
pub async fn tracked(state: &AppState, track_token: &str) -> Result<TicketView, FloorError> {
    let ticket = state.store.ticket_by_token(track_token).await?;
    view(state, ticket).await
}

/// A ticket with its place in the queue, the estimate of its wait and its counter.
pub async fn view(state: &AppState, ticket: Ticket) -> Result<TicketView, FloorError> {
    if ticket.status != TicketStatus::Waiting {
        return Ok(TicketView {
            counter: ticket.counter_number,
            position: None,
            estimated_wait_minutes: None,
            track_token: None,
            ticket,
        });
    }
    let now = state.now();
    let ahead = usize::try_from(state.store.waiting_ahead(&ticket, now).await?).unwrap_or(0);
    let staffing = Staffing::read(state, ticket.site_id).await?;
    let counters = staffing.open_counters_for(&ticket.product_code);
    let recent: Vec<i64> = state
        .store
        .recent_service_seconds(ticket.site_id, now - RECENT)
        .await?
        .into_iter()
        .filter(|(zone, _)| *zone == ticket.zone_letter)
        .map(|(_, seconds)| seconds)
        .collect();
    let fallback_minutes = state
        .books
        .peek()
        .and_then(|snapshot| {
            snapshot
                .catalogue
                .iter()
                .find(|p| p.code == ticket.product_code)
                .map(|p| p.minutes)
        })
        .unwrap_or(10);
    Ok(TicketView {
        position: Some(ahead + 1),
        estimated_wait_minutes: estimate_wait_minutes(
            ahead,
            &recent,
            fallback_minutes,
            counters.len(),
        ),
        counter: match counters.as_slice() {
            [only] => Some(only.number),
            _ => None,
        },
        track_token: None,
        ticket,
    })
}

/// The counters of a site: who works where, and what each serves.
pub struct Staffing {
    pub counters: Vec<CounterOnFloor>,
    configured: Arc<Vec<Counter>>,
}

impl Staffing {
    pub async fn read(state: &AppState, site_id: i64) -> StoreResult<Staffing> {
        let snapshot = state.books.current(&state.store).await?;
        Ok(Staffing {
            counters: state.store.counters_on_floor(site_id).await?,
            configured: snapshot.counters(&state.store, site_id).await?,
        })
    }

    /// Every counter of the site, with the products it serves.
    pub fn configured(&self) -> &[Counter] {
        &self.configured
    }

    /// The products a counter serves.
    pub fn served_by(&self, counter_id: i64) -> &[String] {
        self.configured
            .iter()
            .find(|c| c.id == counter_id)
            .map_or(&[], |c| c.products.as_slice())
    }

    /// The open counters that serve `product`.
    pub fn open_counters_for(&self, product: &str) -> Vec<&CounterOnFloor> {
        self.counters
            .iter()
            .filter(|c| c.is_open())
            .filter(|c| self.served_by(c.counter_id).iter().any(|p| p == product))
            .collect()
    }
}

/// The floor of a site at one moment: every open ticket and the counters, for the consoles.
pub struct FloorNow {
    pub open_tickets: Vec<Ticket>,
    pub staffing: Staffing,
    now: Timestamp,
}

impl FloorNow {
    pub async fn read(state: &AppState, site_id: i64) -> StoreResult<FloorNow> {
        Ok(FloorNow {
            open_tickets: state.store.open_tickets(site_id).await?,
            staffing: Staffing::read(state, site_id).await?,
            now: state.now(),
        })
    }

    /// The waiting tickets of a zone in the order they will be called.
    pub fn waiting_in(&self, zone: &str) -> Vec<&Ticket> {
        let mut waiting: Vec<&Ticket> = self
            .open_tickets
            .iter()
            .filter(|t| t.status == TicketStatus::Waiting && t.zone_letter == zone)
            .collect();
        waiting.sort_by_key(|t| {
            Waiting {
                id: t.id,
                arrived_at: t.arrived_at,
                due_at: t.due_at,
            }
            .call_key(self.now)
        });
        waiting
    }
}

/// What a waiting-room screen shows: the last calls, newest first, and who waits per zone.
pub struct Display {
    pub recent_calls: Vec<FloorEvent>,
    pub waiting: BTreeMap<String, usize>,
    /// The number of the last change included, to follow the stream from.
    pub last_event: i64,
}

pub async fn display(state: &AppState, site_code: &str) -> Result<Display, FloorError> {
    let (_, site) = site(state, site_code).await?;
    let last_event = state.store.last_floor_event(site.id).await?;
    let waiting = state
        .store
        .waiting_counts(site.id)
        .await?
        .into_iter()
        .map(|(zone, count)| (zone, usize::try_from(count).unwrap_or(0)))
        .collect();
    Ok(Display {
        recent_calls: state.store.recent_calls(site.id, CALLS_ON_SCREEN).await?,
        waiting,
        last_event,
    })
}

/// The site a stream of events is for.
pub async fn site_id(state: &AppState, site_code: &str) -> Result<i64, FloorError> {
    Ok(site(state, site_code).await?.1.id)
}

/// The id of a counter of a site, by its number.
async fn counter_id(
    state: &AppState,
    snapshot: &Snapshot,
    site: &Site,
    number: i64,
) -> Result<i64, FloorError> {
    snapshot
        .counters(&state.store, site.id)
        .await?
        .iter()
        .find(|c| c.number == number)
        .map(|c| c.id)
        .ok_or(FloorError::NotFound)
}

/// What an employee does at a counter.
pub enum CounterChange {
    SignIn,
    Pause,
    Resume,
    SignOut,
}

pub async fn change_counter(
    state: &AppState,
    user_id: i64,
    site_code: &str,
    number: i64,
    change: CounterChange,
) -> Result<(), FloorError> {
    let (snapshot, site) = site(state, site_code).await?;
    let counter = counter_id(state, &snapshot, &site, number).await?;
    let now = state.now();
    match change {
        CounterChange::SignIn => state.store.sign_in_at_counter(counter, user_id, now).await,
        CounterChange::Pause => state.store.pause_counter(counter, user_id, true, now).await,
        CounterChange::Resume => {
            state
                .store
                .pause_counter(counter, user_id, false, now)
                .await
        }
        CounterChange::SignOut => state.store.sign_out_of_counter(counter, user_id, now).await,
    }?;
    state.floor.changed(&state.store).await;
    Ok(())
}

/// Calls the next ticket to the counter; None when nobody waits for what it serves.
pub async fn call_next(
    state: &AppState,
    user_id: i64,
    site_code: &str,
    number: i64,
) -> Result<Option<TicketView>, FloorError> {
    let (snapshot, site) = site(state, site_code).await?;
    let counter = counter_id(state, &snapshot, &site, number).await?;
    let called = state.store.call_next(counter, user_id, state.now()).await?;
    match called {
        Some(ticket) => {
            state.floor.changed(&state.store).await;
            Ok(Some(view(state, ticket).await?))
        }
        None => Ok(None),
    }
}

/// The counter the user works at, if any.
pub async fn counter_of(
    state: &AppState,
    user_id: i64,
    site_id: i64,
) -> StoreResult<Option<CounterOnFloor>> {
    Ok(state
        .store
        .counters_on_floor(site_id)
        .await?
        .into_iter()
        .find(|c| c.user_id == Some(user_id)))
}

/// Recalls, starts, finishes (with the transactions done), marks a no-show, or cancels a ticket.
pub async fn act(
    state: &AppState,
    user_id: i64,
    ticket_id: i64,
    action: TicketAction,
    transactions: &[String],
) -> Result<TicketView, FloorError> {
    let ticket = state.store.ticket(ticket_id).await?;
    let at = counter_of(state, user_id, ticket.site_id).await?;
    let actor = Actor {
        counter_id: at.map(|c| c.counter_id),
        user_id: Some(user_id),
    };
    let changed = state
        .store
        .act_on_ticket(
            ticket_id,
            action,
            actor,
            transactions,
            state.settings.floor.max_recalls,
            state.now(),
        )
        .await?;
    state.floor.changed(&state.store).await;
    view(state, changed).await
}

/// Sends a ticket on to another product; the new ticket keeps the arrival time.
pub async fn transfer(
    state: &AppState,
    user_id: i64,
    ticket_id: i64,
    product_code: &str,
) -> Result<TicketView, FloorError> {
    let ticket = state.store.ticket(ticket_id).await?;
    let snapshot = state.books.current(&state.store).await?;
    let product = snapshot
        .catalogue
        .iter()
        .find(|p| p.code == product_code && p.channel.is_served_at_a_counter())
        .ok_or(FloorError::NotFound)?;
    let zone = product.zone_letter.clone().ok_or(FloorError::NotFound)?;
    let at = counter_of(state, user_id, ticket.site_id).await?;
    let now = state.now();
    let to = NewTicket {
        site_id: ticket.site_id,
        zone_letter: zone,
        day: today(state, now),
        product_code: product.code.clone(),
        appointment_id: ticket.appointment_id,
        due_at: ticket.due_at,
        user_id: Some(user_id),
    };
    let moved = state
        .store
        .transfer_ticket(ticket_id, &to, at.map(|c| c.counter_id), now)
        .await?;
    state.floor.changed(&state.store).await;
    view(state, moved).await
}
