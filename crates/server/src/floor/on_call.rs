//! The counter on call, shared by the API and the pages: reception summons an employee of a
//! department without a fixed counter, the first of them to accept gets the visit and a place for
//! it, and a request nobody accepts in time alerts the department again.

use crate::state::AppState;
use jiff::{SignedDuration, Timestamp};
use loket_domain::catalogue::{Channel, FieldErrors};
use loket_domain::staff::Role;
use loket_store::StoreError;
use loket_store::floor::NewTicket;
use loket_store::on_call::{Ending, NewOnCall, OnCallRequest, Place, StaffState, Summoned};
use loket_store::staff::StaffUser;

/// Who may summon: reception, and administrators.
pub const SUMMON_ROLES: [Role; 2] = [Role::Reception, Role::Admin];

/// Who sees the open requests with the citizens' names: reception and administrators all of
/// them, the back office those of their departments.
pub const LIST_ROLES: [Role; 3] = [Role::Reception, Role::Admin, Role::Backoffice];

/// How long a request may wait before the department is alerted again, by default.
pub const DEFAULT_ALERT_AGAIN: SignedDuration = SignedDuration::from_mins(3);

#[derive(Debug)]
pub enum OnCallError {
    NotFound,
    /// The user may not do this (not their department, not their visit).
    Forbidden,
    Invalid(FieldErrors),
    /// Someone else accepted first, or the request or ticket is past this step.
    WrongState,
    /// No counter of the zone and no room is free now; the request keeps waiting.
    NoPlaceFree,
    Store(StoreError),
}

impl From<StoreError> for OnCallError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => OnCallError::NotFound,
            StoreError::WrongState(_) => OnCallError::WrongState,
            StoreError::Full => OnCallError::NoPlaceFree,
            StoreError::Reference(_) => OnCallError::Forbidden,
            other => OnCallError::Store(other),
        }
    }
}

pub type OnCallResult<T> = Result<T, OnCallError>;

/// What reception fills in.
#[derive(Debug, Clone, Default)]
pub struct Summons {
    pub site: String,
    pub product: String,
    pub citizen_name: String,
    pub note: String,
    /// The code of the room wanted; empty for a counter of the zone.
    pub room: String,
    /// A waiting ticket the citizen holds already.
    pub ticket_id: Option<i64>,
}

/// The longest name and note kept.
const MAX_NAME: usize = 120;
const MAX_NOTE: usize = 500;

/// Summons an employee: a ticket in the product's zone and the request, in one transaction; the
/// department's employees in the back office see it at once.
pub async fn summon(
    state: &AppState,
    user: &StaffUser,
    summons: &Summons,
) -> OnCallResult<Summoned> {
    if !SUMMON_ROLES.iter().any(|role| user.has_role(*role)) {
        return Err(OnCallError::Forbidden);
    }
    let snapshot = state.books.current(&state.store).await?;
    let mut errors = FieldErrors::default();
    let site = snapshot.site(&summons.site).cloned();
    errors.check(site.is_some(), "site", "error-on-call-site");
    let product = snapshot
        .catalogue
        .iter()
        .find(|p| p.code == summons.product && p.channel == Channel::OnCall);
    errors.check(product.is_some(), "product", "error-on-call-product");
    errors.check(
        summons.citizen_name.chars().count() <= MAX_NAME,
        "citizen_name",
        "error-on-call-name-long",
    );
    errors.check(
        summons.note.chars().count() <= MAX_NOTE,
        "note",
        "error-on-call-note-long",
    );
    let room = match (&site, summons.room.trim()) {
        (Some(site), code) if !code.is_empty() => match state.store.room(site.id, code).await {
            Ok(room) => Some(room.id),
            Err(StoreError::NotFound) => {
                errors.add("room", "error-on-call-room");
                None
            }
            Err(other) => return Err(other.into()),
        },
        _ => None,
    };
    let zone = product.and_then(|p| p.zone_letter.clone());
    errors.check(
        product.is_none() || zone.is_some(),
        "product",
        "error-on-call-product",
    );
    errors.into_result().map_err(OnCallError::Invalid)?;
    let (Some(site), Some(product), Some(zone)) = (site, product, zone) else {
        return Err(OnCallError::NotFound);
    };
    let now = state.now();
    let new = NewOnCall {
        ticket: NewTicket {
            site_id: site.id,
            zone_letter: zone,
            day: now.to_zoned(state.settings.time_zone.clone()).date(),
            product_code: product.code.clone(),
            appointment_id: None,
            due_at: None,
            user_id: Some(user.id),
        },
        citizen_name: summons.citizen_name.trim().to_owned(),
        note: summons.note.trim().to_owned(),
        wanted_room_id: room,
        held_ticket_id: summons.ticket_id,
    };
    let summoned = match state.store.summon(&new, now).await {
        Err(StoreError::WrongState(_)) => {
            let mut errors = FieldErrors::default();
            errors.add("ticket_id", "error-on-call-ticket");
            return Err(OnCallError::Invalid(errors));
        }
        other => other?,
    };
    state.floor.changed(&state.store).await;
    Ok(summoned)
}

/// Whether the user works in the back office of the request's department.
pub fn is_of_department(user: &StaffUser, request: &OnCallRequest) -> bool {
    user.has_role(Role::Backoffice) && user.departments.contains(&request.department_code)
}

/// Whether the user may see the request, with the citizen's name.
pub fn may_see(user: &StaffUser, request: &OnCallRequest) -> bool {
    user.has_role(Role::Reception) || user.has_role(Role::Admin) || is_of_department(user, request)
}

/// The open requests of a site the user may see; [`OnCallError::Forbidden`] when their roles see
/// none at all.
pub async fn visible_requests(
    state: &AppState,
    user: &StaffUser,
    site_id: i64,
) -> OnCallResult<Vec<OnCallRequest>> {
    if !LIST_ROLES.iter().any(|role| user.has_role(*role)) {
        return Err(OnCallError::Forbidden);
    }
    Ok(state
        .store
        .open_on_call_requests(site_id)
        .await?
        .into_iter()
        .filter(|r| may_see(user, r))
        .collect())
}

/// The first employee of the department to accept gets the visit: the ticket is called to a
/// counter of the zone or a room, and they are in the front office.
pub async fn accept(state: &AppState, user: &StaffUser, id: i64) -> OnCallResult<Place> {
    let request = state.store.on_call_request(id).await?;
    if !is_of_department(user, &request) {
        return Err(OnCallError::Forbidden);
    }
    let place = state.store.accept_on_call(id, user.id, state.now()).await?;
    state
        .store
        .audit(
            state.now(),
            Some(user.id),
            "on-call.accept",
            &id.to_string(),
            "",
        )
        .await?;
    state.floor.changed(&state.store).await;
    Ok(place)
}

/// The citizen arrived: service starts.
pub async fn start(state: &AppState, user: &StaffUser, id: i64) -> OnCallResult<()> {
    state.store.start_on_call(id, user.id, state.now()).await?;
    state.floor.changed(&state.store).await;
    Ok(())
}

/// The visit ends, served with the transactions done (products of the user's departments) or as
/// a no-show; the employee goes back to the back office.
pub async fn end(
    state: &AppState,
    user: &StaffUser,
    id: i64,
    ending: Ending,
    transactions: &[String],
) -> OnCallResult<()> {
    let snapshot = state.books.current(&state.store).await?;
    let unknown = transactions.iter().any(|code| {
        !snapshot
            .catalogue
            .iter()
            .any(|p| &p.code == code && user.departments.contains(&p.department_code))
    });
    if unknown || (ending == Ending::Finished && transactions.is_empty()) {
        let mut errors = FieldErrors::default();
        errors.add("transactions", "error-on-call-transactions");
        return Err(OnCallError::Invalid(errors));
    }
    state
        .store
        .end_on_call(id, user.id, ending, transactions, state.now())
        .await?;
    state.floor.changed(&state.store).await;
    Ok(())
}

/// Reception takes back a request nobody accepted yet.
pub async fn cancel(state: &AppState, user: &StaffUser, id: i64) -> OnCallResult<()> {
    if !SUMMON_ROLES.iter().any(|role| user.has_role(*role)) {
        return Err(OnCallError::Forbidden);
    }
    state.store.cancel_on_call(id, user.id, state.now()).await?;
    state.floor.changed(&state.store).await;
    Ok(())
}

/// Where the employee is now; only the back office has a place to be.
pub async fn set_presence(
    state: &AppState,
    user: &StaffUser,
    presence: StaffState,
) -> OnCallResult<()> {
    if !user.has_role(Role::Backoffice) {
        return Err(OnCallError::Forbidden);
    }
    state
        .store
        .set_staff_state(user.id, presence, state.now())
        .await?;
    state.floor.changed(&state.store).await;
    Ok(())
}

/// Marks once every request that waited longer than the configured time, so the department's
/// present employees are alerted again; run from the floor's regular round.
pub async fn alert_overdue(state: &AppState) -> loket_store::StoreResult<Vec<i64>> {
    let now = state.now();
    let marked = state
        .store
        .mark_overdue_on_call(now - state.settings.floor.on_call_alert_again, now)
        .await?;
    if !marked.is_empty() {
        state.floor.changed(&state.store).await;
    }
    Ok(marked)
}

/// Minutes a request has waited.
pub fn waited_minutes(request: &OnCallRequest, now: Timestamp) -> i64 {
    now.duration_since(request.requested_at).as_mins().max(0)
}

/// How often the requests are looked at for being overdue.
const OVERDUE_ROUND: std::time::Duration = std::time::Duration::from_secs(10);

/// Looks for overdue requests in a regular round beside the floor's pump.
pub async fn run_overdue_alerts(state: AppState) {
    let mut round = tokio::time::interval(OVERDUE_ROUND);
    while !state.store.is_closed() {
        round.tick().await;
        if let Err(error) = alert_overdue(&state).await
            && !state.store.is_closed()
        {
            tracing::warn!("could not alert the departments on call again: {error}");
        }
    }
}
