//! The counter on call: departments without a fixed counter are summoned by reception, and the
//! first of their employees to accept gets a counter of the zone or a meeting room for the visit.
//! Also where each employee of such a department is (back office, front office, break, off).

use crate::backend::BeginWrite;
use crate::catalogue::Texts;
use crate::floor::{Issued, NewTicket, instant, maybe_instant, room_names};
use crate::staff::{random_token, token_hash};
use crate::{Store, StoreError, StoreResult};
use jiff::Timestamp;

/// Where an employee of a department on call is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffState {
    BackOffice,
    FrontOffice,
    Break,
    Off,
}

impl StaffState {
    pub const ALL: [StaffState; 4] = [
        StaffState::BackOffice,
        StaffState::FrontOffice,
        StaffState::Break,
        StaffState::Off,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StaffState::BackOffice => "back_office",
            StaffState::FrontOffice => "front_office",
            StaffState::Break => "break",
            StaffState::Off => "off",
        }
    }

    pub fn parse(code: &str) -> Option<StaffState> {
        StaffState::ALL.into_iter().find(|s| s.code() == code)
    }

    /// At work: alerted again when a request waits too long.
    pub fn is_present(self) -> bool {
        self != StaffState::Off
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnCallStatus {
    Waiting,
    Accepted,
    Finished,
    Cancelled,
}

impl OnCallStatus {
    pub fn code(self) -> &'static str {
        match self {
            OnCallStatus::Waiting => "waiting",
            OnCallStatus::Accepted => "accepted",
            OnCallStatus::Finished => "finished",
            OnCallStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(code: &str) -> Option<OnCallStatus> {
        [
            OnCallStatus::Waiting,
            OnCallStatus::Accepted,
            OnCallStatus::Finished,
            OnCallStatus::Cancelled,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// Where a visit on call takes place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The number of a counter of the ticket's zone.
    Counter(i64),
    /// A meeting room, by its names.
    Room(Texts),
}

/// A citizen waiting for (or with) an employee of a department on call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnCallRequest {
    pub id: i64,
    pub site_id: i64,
    pub product_code: String,
    pub department_code: String,
    pub ticket_id: i64,
    /// "E003".
    pub ticket_label: String,
    pub zone_letter: String,
    pub citizen_name: String,
    pub note: String,
    pub status: OnCallStatus,
    /// The room reception asked for.
    pub wanted_room: Option<Texts>,
    pub requested_at: Timestamp,
    pub realerted_at: Option<Timestamp>,
    pub accepted_at: Option<Timestamp>,
    pub accepted_by: Option<i64>,
    pub accepted_by_name: Option<String>,
    /// Where the visit takes place once accepted.
    pub place: Option<Place>,
    /// When the employee started: the end of the summons.
    pub arrived_at: Option<Timestamp>,
    pub finished_at: Option<Timestamp>,
}

#[derive(sqlx::FromRow)]
struct RequestRow {
    id: i64,
    site_id: i64,
    product_code: String,
    department_code: String,
    ticket_id: i64,
    ticket_label: String,
    zone_letter: String,
    citizen_name: String,
    note: String,
    status: String,
    wanted_nl: Option<String>,
    wanted_fr: Option<String>,
    wanted_en: Option<String>,
    requested_at: i64,
    realerted_at: Option<i64>,
    accepted_at: Option<i64>,
    accepted_by: Option<i64>,
    accepted_by_name: Option<String>,
    counter_number: Option<i64>,
    room_nl: Option<String>,
    room_fr: Option<String>,
    room_en: Option<String>,
    arrived_at: Option<i64>,
    finished_at: Option<i64>,
}

const REQUEST_COLUMNS: &str = "SELECT o.id, o.site_id, p.code AS product_code, d.code AS department_code, o.ticket_id, \
     t.label AS ticket_label, t.zone_letter, o.citizen_name, o.note, o.status, \
     w.name_nl AS wanted_nl, w.name_fr AS wanted_fr, w.name_en AS wanted_en, o.requested_at, o.realerted_at, \
     o.accepted_at, o.accepted_by, u.display_name AS accepted_by_name, c.number AS counter_number, \
     r.name_nl AS room_nl, r.name_fr AS room_fr, r.name_en AS room_en, o.arrived_at, o.finished_at \
     FROM on_call_requests o JOIN products p ON p.id = o.product_id JOIN departments d ON d.id = o.department_id \
     JOIN tickets t ON t.id = o.ticket_id LEFT JOIN rooms w ON w.id = o.wanted_room_id \
     LEFT JOIN users u ON u.id = o.accepted_by LEFT JOIN counters c ON c.id = o.counter_id \
     LEFT JOIN rooms r ON r.id = o.room_id";

impl TryFrom<RequestRow> for OnCallRequest {
    type Error = StoreError;

    fn try_from(row: RequestRow) -> StoreResult<OnCallRequest> {
        let place = match (
            row.counter_number,
            room_names(row.room_nl, row.room_fr, row.room_en),
        ) {
            (Some(number), _) => Some(Place::Counter(number)),
            (None, Some(room)) => Some(Place::Room(room)),
            (None, None) => None,
        };
        Ok(OnCallRequest {
            id: row.id,
            site_id: row.site_id,
            product_code: row.product_code,
            department_code: row.department_code,
            ticket_id: row.ticket_id,
            ticket_label: row.ticket_label,
            zone_letter: row.zone_letter,
            citizen_name: row.citizen_name,
            note: row.note,
            status: OnCallStatus::parse(&row.status)
                .ok_or_else(|| StoreError::Invalid(format!("on-call status {}", row.status)))?,
            wanted_room: room_names(row.wanted_nl, row.wanted_fr, row.wanted_en),
            requested_at: instant(row.requested_at)?,
            realerted_at: maybe_instant(row.realerted_at)?,
            accepted_at: maybe_instant(row.accepted_at)?,
            accepted_by: row.accepted_by,
            accepted_by_name: row.accepted_by_name,
            place,
            arrived_at: maybe_instant(row.arrived_at)?,
            finished_at: maybe_instant(row.finished_at)?,
        })
    }
}

/// What reception asks for.
#[derive(Debug, Clone)]
pub struct NewOnCall {
    /// The citizen's ticket: the product is one of channel `on_call`, its zone the zone on call.
    pub ticket: NewTicket,
    pub citizen_name: String,
    pub note: String,
    pub wanted_room_id: Option<i64>,
    /// A waiting ticket the citizen holds already: it moves to the on-call product and keeps its
    /// arrival time and phone page, instead of a second ticket being handed out.
    pub held_ticket_id: Option<i64>,
}

/// A new request and its ticket; the ticket's secret is shown (and printed) only now, and is
/// empty when the citizen's held ticket moved (their phone page follows it already).
#[derive(Debug, Clone)]
pub struct Summoned {
    pub request: OnCallRequest,
    pub issued: Issued,
}

/// An employee of a department on call, for reception.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffOnCall {
    pub user_id: i64,
    pub display_name: String,
    /// Codes of their departments on call.
    pub departments: Vec<String>,
    pub state: StaffState,
    /// None when they never set where they are.
    pub since: Option<Timestamp>,
}

/// Takes the site's sequence row for the rest of the transaction, so that two transactions that
/// choose a free place on one site take turns (on SQLite, writers take turns anyway).
macro_rules! hold_site {
    ($tx:ident, $site:expr) => {{
        sqlx::query(
            "INSERT INTO floor_sequences (site_id, last) VALUES ($1, 0) \
             ON CONFLICT (site_id) DO UPDATE SET last = floor_sequences.last",
        )
        .bind($site)
        .execute(&mut *$tx)
        .await?;
    }};
}

/// Sets where `$user` is inside `$tx` and records a `presence` change on every site, so
/// reception's view follows; the events name no one.
macro_rules! set_staff_state {
    ($tx:ident, $user:expr, $state:expr, $now:expr) => {{
        sqlx::query(
            "INSERT INTO staff_presence (user_id, state, since) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id) DO UPDATE SET state = $2, since = $3",
        )
        .bind($user)
        .bind($state.code())
        .bind($now.as_second())
        .execute(&mut *$tx)
        .await?;
        let sites: Vec<i64> = sqlx::query_scalar("SELECT id FROM sites ORDER BY id")
            .fetch_all(&mut *$tx)
            .await?;
        for site in sites {
            record_event!(
                $tx,
                site,
                $now,
                "presence",
                None::<i64>,
                None::<i64>,
                None::<i64>
            );
        }
    }};
}

/// The state of a request at the start of a change, read inside the change's transaction.
#[derive(sqlx::FromRow)]
struct Held {
    site_id: i64,
    ticket_id: i64,
    status: String,
    accepted_by: Option<i64>,
    counter_id: Option<i64>,
    room_id: Option<i64>,
}

/// How a visit on call ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Served, with the transactions done.
    Finished,
    /// The citizen did not come.
    NoShow,
}

impl Store {
    /// Where an employee is; `Off` (and no time) when they never said.
    pub async fn staff_state(&self, user_id: i64) -> StoreResult<(StaffState, Option<Timestamp>)> {
        let sql = "SELECT state, since FROM staff_presence WHERE user_id = $1";
        let row: Option<(String, i64)> = on_backend!(self, pool => sqlx::query_as(sql).bind(user_id).fetch_optional(pool).await?);
        match row {
            Some((state, since)) => Ok((
                StaffState::parse(&state).ok_or_else(|| StoreError::Invalid(state.clone()))?,
                Some(instant(since)?),
            )),
            None => Ok((StaffState::Off, None)),
        }
    }

    /// Sets where an employee is. A change records a `presence` event on every site.
    pub async fn set_staff_state(
        &self,
        user_id: i64,
        state: StaffState,
        now: Timestamp,
    ) -> StoreResult<()> {
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            set_staff_state!(tx, user_id, state, now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Every employee of a department on call, with where they are (no row means off), by name.
    pub async fn on_call_staff(&self) -> StoreResult<Vec<StaffOnCall>> {
        let sql = "SELECT u.id, u.display_name, d.code, s.state, s.since FROM users u \
                   JOIN user_departments ud ON ud.user_id = u.id JOIN departments d ON d.id = ud.department_id \
                   LEFT JOIN staff_presence s ON s.user_id = u.id \
                   WHERE d.staffing = 'on_call' AND u.active ORDER BY u.display_name, u.id, d.code";
        type Row = (i64, String, String, Option<String>, Option<i64>);
        let rows: Vec<Row> = on_backend!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?);
        let mut staff: Vec<StaffOnCall> = Vec::new();
        for (user_id, display_name, department, state, since) in rows {
            if let Some(last) = staff.last_mut().filter(|s| s.user_id == user_id) {
                last.departments.push(department);
                continue;
            }
            let state = match state {
                Some(code) => {
                    StaffState::parse(&code).ok_or_else(|| StoreError::Invalid(code.clone()))?
                }
                None => StaffState::Off,
            };
            staff.push(StaffOnCall {
                user_id,
                display_name,
                departments: vec![department],
                state,
                since: maybe_instant(since)?,
            });
        }
        Ok(staff)
    }

    /// Hands out the citizen's ticket in the zone on call and records the request, in one
    /// transaction, with the floor events `issued` and `on_call_requested`. A held waiting ticket
    /// moves to the on-call product instead ([`StoreError::WrongState`] when it no longer waits).
    pub async fn summon(&self, new: &NewOnCall, now: Timestamp) -> StoreResult<Summoned> {
        let ticket = &new.ticket;
        let (ticket_id, track_token, request_id) = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let (ticket_id, track_token) = match new.held_ticket_id {
                None => {
                    let track_token = random_token();
                    let id = insert_ticket!(tx, ticket, &token_hash(&track_token), now, None::<i64>, now);
                    (id, Some(track_token))
                }
                Some(held) => {
                    let old: Option<(String, i64, i64)> = sqlx::query_as(
                        "SELECT track_token_hash, arrived_at, site_id FROM tickets WHERE id = $1 AND status = 'waiting'")
                        .bind(held).fetch_optional(&mut *tx).await?;
                    let Some((old_hash, arrived_at, site_id)) = old else {
                        return Err(StoreError::WrongState("the ticket no longer waits".into()));
                    };
                    if site_id != ticket.site_id {
                        return Err(StoreError::WrongState("a ticket of another site".into()));
                    }
                    sqlx::query(
                        "UPDATE tickets SET status = 'transferred', finished_at = $2, track_token_hash = $3 WHERE id = $1")
                        .bind(held).bind(now.as_second()).bind(format!("moved-{held}")).execute(&mut *tx).await?;
                    record_event!(tx, site_id, now, "transferred", Some(held), None::<i64>, ticket.user_id);
                    let arrived = instant(arrived_at)?;
                    let id = insert_ticket!(tx, ticket, &old_hash, arrived, Some(held), now);
                    (id, None)
                }
            };
            let request_id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO on_call_requests (site_id, product_id, department_id, ticket_id, citizen_name, note, \
                 wanted_room_id, status, requested_at, requested_by) \
                 SELECT $1, p.id, p.department_id, $2, $3, $4, $5, 'waiting', $6, $7 FROM products p \
                 WHERE p.code = $8 AND p.channel = 'on_call' RETURNING id")
                .bind(ticket.site_id).bind(ticket_id).bind(&new.citizen_name).bind(&new.note)
                .bind(new.wanted_room_id).bind(now.as_second()).bind(ticket.user_id).bind(&ticket.product_code)
                .fetch_optional(&mut *tx).await?;
            let Some(request_id) = request_id else {
                return Err(StoreError::Reference(format!("on-call product {}", ticket.product_code)));
            };
            record_event!(tx, ticket.site_id, now, "on_call_requested", Some(ticket_id), None::<i64>, ticket.user_id);
            tx.commit().await?;
            (ticket_id, track_token, request_id)
        });
        let ticket = self.ticket(ticket_id).await?;
        // The phone page of a held ticket stays the citizen's; its secret is not known here.
        let track_token: String = track_token.unwrap_or_default();
        Ok(Summoned {
            request: self.on_call_request(request_id).await?,
            issued: Issued {
                ticket,
                track_token,
            },
        })
    }

    pub async fn on_call_request(&self, id: i64) -> StoreResult<OnCallRequest> {
        let sql = format!("{REQUEST_COLUMNS} WHERE o.id = $1");
        let row: RequestRow = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(pool).await?);
        row.try_into()
    }

    /// The requests of a site still open (waiting or accepted), oldest first: product, department,
    /// ticket, citizen, note, status, times, who accepted and where.
    pub async fn open_on_call_requests(&self, site_id: i64) -> StoreResult<Vec<OnCallRequest>> {
        let sql = format!(
            "{REQUEST_COLUMNS} WHERE o.site_id = $1 AND o.status IN ('waiting', 'accepted') ORDER BY o.requested_at, o.id"
        );
        let rows: Vec<RequestRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(site_id).fetch_all(pool).await?);
        rows.into_iter().map(OnCallRequest::try_from).collect()
    }

    /// The open requests of every site for the departments given, oldest first.
    pub async fn open_on_call_requests_of(
        &self,
        departments: &[String],
    ) -> StoreResult<Vec<OnCallRequest>> {
        let mut requests = Vec::new();
        for site in self.sites().await? {
            requests.extend(
                self.open_on_call_requests(site.id)
                    .await?
                    .into_iter()
                    .filter(|r| departments.contains(&r.department_code)),
            );
        }
        requests.sort_by_key(|r| (r.requested_at, r.id));
        Ok(requests)
    }

    /// The first employee of the product's department to accept gets the request, and a place for
    /// the visit in the same transaction: the room asked for if free, else a free counter of the
    /// ticket's zone, else any free room. The ticket is called there, the employee is in the front
    /// office and, at a counter, signed in there. [`StoreError::WrongState`] when the request no
    /// longer waits, [`StoreError::Reference`] when the employee is not of the department,
    /// [`StoreError::Full`] when no place is free (the request keeps waiting).
    pub async fn accept_on_call(
        &self,
        id: i64,
        user_id: i64,
        now: Timestamp,
    ) -> StoreResult<Place> {
        // On PostgreSQL a counter employee signing in at the chosen counter at the same moment
        // makes the place taken at commit; the next try chooses again.
        let mut tries = 0;
        loop {
            match self.try_accept_on_call(id, user_id, now).await {
                Err(StoreError::Duplicate(_)) if tries < 5 => tries += 1,
                other => return other,
            }
        }
    }

    async fn try_accept_on_call(
        &self,
        id: i64,
        user_id: i64,
        now: Timestamp,
    ) -> StoreResult<Place> {
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let request: Option<(i64, i64, i64, Option<i64>, String, String)> = sqlx::query_as(
                "SELECT o.site_id, o.ticket_id, o.department_id, o.wanted_room_id, o.status, t.zone_letter \
                 FROM on_call_requests o JOIN tickets t ON t.id = o.ticket_id WHERE o.id = $1")
                .bind(id).fetch_optional(&mut *tx).await?;
            let Some((site_id, ticket_id, department_id, wanted_room, status, zone)) = request else {
                return Err(StoreError::NotFound);
            };
            let member: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM user_departments WHERE user_id = $1 AND department_id = $2")
                .bind(user_id).bind(department_id).fetch_one(&mut *tx).await?;
            if member == 0 {
                return Err(StoreError::Reference("not of the department".into()));
            }
            if status != "waiting" {
                return Err(StoreError::WrongState(status));
            }
            hold_site!(tx, site_id);
            let free_room = "SELECT r.id FROM rooms r WHERE r.site_id = $1 \
                 AND NOT EXISTS (SELECT 1 FROM on_call_requests o WHERE o.room_id = r.id AND o.status = 'accepted')";
            let wanted: Option<i64> = match wanted_room {
                Some(room) => sqlx::query_scalar(sqlx::AssertSqlSafe(format!("{free_room} AND r.id = $2")))
                    .bind(site_id).bind(room).fetch_optional(&mut *tx).await?,
                None => None,
            };
            let counter: Option<(i64, i64)> = match wanted {
                Some(_) => None,
                None => sqlx::query_as(
                    "SELECT c.id, c.number FROM counters c JOIN zones z ON z.id = c.zone_id \
                     WHERE c.site_id = $1 AND z.letter = $2 \
                     AND NOT EXISTS (SELECT 1 FROM counter_presence p WHERE p.counter_id = c.id) \
                     AND NOT EXISTS (SELECT 1 FROM on_call_requests o WHERE o.counter_id = c.id AND o.status = 'accepted') \
                     AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.counter_id = c.id AND t.status IN ('called', 'serving')) \
                     ORDER BY c.number LIMIT 1")
                    .bind(site_id).bind(&zone).fetch_optional(&mut *tx).await?,
            };
            let room: Option<i64> = match (wanted, counter) {
                (Some(room), _) => Some(room),
                (None, Some(_)) => None,
                (None, None) => sqlx::query_scalar(sqlx::AssertSqlSafe(format!("{free_room} ORDER BY r.code LIMIT 1")))
                    .bind(site_id).fetch_optional(&mut *tx).await?,
            };
            let counter_id = counter.map(|(id, _)| id);
            if counter_id.is_none() && room.is_none() {
                return Err(StoreError::Full);
            }
            let taken = sqlx::query(
                "UPDATE on_call_requests SET status = 'accepted', accepted_at = $2, accepted_by = $3, counter_id = $4, room_id = $5 \
                 WHERE id = $1 AND status = 'waiting'")
                .bind(id).bind(now.as_second()).bind(user_id).bind(counter_id).bind(room)
                .execute(&mut *tx).await?;
            if taken.rows_affected() == 0 {
                return Err(StoreError::WrongState("accepted meanwhile".into()));
            }
            let called = sqlx::query(
                "UPDATE tickets SET status = 'called', counter_id = $2, room_id = $3, called_at = $4 WHERE id = $1 AND status = 'waiting'")
                .bind(ticket_id).bind(counter_id).bind(room).bind(now.as_second()).execute(&mut *tx).await?;
            if called.rows_affected() == 0 {
                return Err(StoreError::WrongState("the ticket no longer waits".into()));
            }
            if let Some(counter) = counter_id {
                // An employee who also works at counters leaves the one they were at.
                let left: Option<(i64, i64)> = sqlx::query_as(
                    "SELECT p.counter_id, c.site_id FROM counter_presence p JOIN counters c ON c.id = p.counter_id WHERE p.user_id = $1")
                    .bind(user_id).fetch_optional(&mut *tx).await?;
                sqlx::query("DELETE FROM counter_presence WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
                if let Some((left, left_site)) = left {
                    record_event!(tx, left_site, now, "counter_closed", None::<i64>, Some(left), Some(user_id));
                }
                sqlx::query("INSERT INTO counter_presence (counter_id, user_id, state, since) VALUES ($1, $2, 'open', $3)")
                    .bind(counter).bind(user_id).bind(now.as_second()).execute(&mut *tx).await?;
                record_event!(tx, site_id, now, "counter_open", None::<i64>, Some(counter), Some(user_id));
            }
            record_event!(tx, site_id, now, "called", Some(ticket_id), counter_id, Some(user_id), room);
            set_staff_state!(tx, user_id, StaffState::FrontOffice, now);
            tx.commit().await?;
        });
        let request = self.on_call_request(id).await?;
        request
            .place
            .ok_or_else(|| StoreError::Invalid("an accepted request without a place".into()))
    }

    /// The request, when `user_id` accepted it and it is still open.
    async fn held_by(&self, id: i64, user_id: i64) -> StoreResult<Held> {
        let sql = "SELECT site_id, ticket_id, status, accepted_by, counter_id, room_id FROM on_call_requests WHERE id = $1";
        let held: Held =
            on_backend!(self, pool => sqlx::query_as(sql).bind(id).fetch_one(pool).await?);
        if held.accepted_by != Some(user_id) {
            return Err(StoreError::Reference("accepted by someone else".into()));
        }
        if held.status != "accepted" {
            return Err(StoreError::WrongState(held.status));
        }
        Ok(held)
    }

    /// The citizen arrived: the ticket is being served, and the summons ends now.
    pub async fn start_on_call(&self, id: i64, user_id: i64, now: Timestamp) -> StoreResult<()> {
        let held = self.held_by(id, user_id).await?;
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let started = sqlx::query(
                "UPDATE on_call_requests SET arrived_at = $2 WHERE id = $1 AND status = 'accepted' AND accepted_by = $3 AND arrived_at IS NULL")
                .bind(id).bind(now.as_second()).bind(user_id).execute(&mut *tx).await?;
            if started.rows_affected() == 0 {
                return Err(StoreError::WrongState("started already".into()));
            }
            sqlx::query("UPDATE tickets SET status = 'serving', started_at = $2 WHERE id = $1 AND status = 'called'")
                .bind(held.ticket_id).bind(now.as_second()).execute(&mut *tx).await?;
            record_event!(tx, held.site_id, now, "started", Some(held.ticket_id), held.counter_id, Some(user_id), held.room_id);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Ends the visit: finished with the transactions done (products by code), or a no-show. The
    /// request is finished, the place free again, and the employee back in the back office.
    pub async fn end_on_call(
        &self,
        id: i64,
        user_id: i64,
        ending: Ending,
        transactions: &[String],
        now: Timestamp,
    ) -> StoreResult<()> {
        let held = self.held_by(id, user_id).await?;
        let (ticket_status, event, from) = match ending {
            Ending::Finished => ("done", "finished", "'serving'"),
            Ending::NoShow => ("no_show", "no_show", "'called'"),
        };
        let end_ticket = format!(
            "UPDATE tickets SET status = $2, finished_at = $3 WHERE id = $1 AND status IN ({from})"
        );
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let ended = sqlx::query(
                "UPDATE on_call_requests SET status = 'finished', finished_at = $2 WHERE id = $1 AND status = 'accepted' AND accepted_by = $3")
                .bind(id).bind(now.as_second()).bind(user_id).execute(&mut *tx).await?;
            if ended.rows_affected() == 0 {
                return Err(StoreError::WrongState("ended already".into()));
            }
            let ticket = sqlx::query(sqlx::AssertSqlSafe(end_ticket.clone()))
                .bind(held.ticket_id).bind(ticket_status).bind(now.as_second()).execute(&mut *tx).await?;
            if ticket.rows_affected() == 0 {
                return Err(StoreError::WrongState(format!("the ticket cannot become {ticket_status}")));
            }
            for (position, product) in (0_i64..).zip(transactions.iter().filter(|_| ending == Ending::Finished)) {
                let inserted = sqlx::query(
                    "INSERT INTO ticket_transactions (ticket_id, position, product_id) SELECT $1, $2, id FROM products WHERE code = $3")
                    .bind(held.ticket_id).bind(position).bind(product).execute(&mut *tx).await?;
                if inserted.rows_affected() == 0 {
                    return Err(StoreError::Reference(format!("product {product}")));
                }
            }
            record_event!(tx, held.site_id, now, event, Some(held.ticket_id), held.counter_id, Some(user_id), held.room_id);
            if let Some(counter) = held.counter_id {
                let left = sqlx::query("DELETE FROM counter_presence WHERE counter_id = $1 AND user_id = $2")
                    .bind(counter).bind(user_id).execute(&mut *tx).await?;
                if left.rows_affected() > 0 {
                    record_event!(tx, held.site_id, now, "counter_closed", None::<i64>, Some(counter), Some(user_id));
                }
            }
            set_staff_state!(tx, user_id, StaffState::BackOffice, now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Reception takes back a request nobody accepted yet; its ticket is cancelled.
    pub async fn cancel_on_call(&self, id: i64, user_id: i64, now: Timestamp) -> StoreResult<()> {
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let cancelled: Option<(i64, i64)> = sqlx::query_as(
                "UPDATE on_call_requests SET status = 'cancelled', finished_at = $2 WHERE id = $1 AND status = 'waiting' \
                 RETURNING site_id, ticket_id")
                .bind(id).bind(now.as_second()).fetch_optional(&mut *tx).await?;
            let Some((site_id, ticket_id)) = cancelled else {
                return Err(StoreError::WrongState("no longer waiting".into()));
            };
            sqlx::query("UPDATE tickets SET status = 'cancelled', finished_at = $2 WHERE id = $1 AND status = 'waiting'")
                .bind(ticket_id).bind(now.as_second()).execute(&mut *tx).await?;
            record_event!(tx, site_id, now, "cancelled", Some(ticket_id), None::<i64>, Some(user_id));
            tx.commit().await?;
        });
        Ok(())
    }

    /// Marks, once, every request still waiting since `requested_before`, with a floor event
    /// `on_call_overdue`; the ids of the requests marked now. Several nodes running this at once
    /// mark each request once between them.
    pub async fn mark_overdue_on_call(
        &self,
        requested_before: Timestamp,
        now: Timestamp,
    ) -> StoreResult<Vec<i64>> {
        let sql = "SELECT id FROM on_call_requests WHERE status = 'waiting' AND realerted_at IS NULL AND requested_at <= $1";
        let due: Vec<i64> = on_backend!(self, pool => sqlx::query_scalar(sql).bind(requested_before.as_second()).fetch_all(pool).await?);
        let mut marked = Vec::new();
        for id in due {
            let done: bool = on_backend!(self, pool => {
                let mut tx = pool.begin_write().await?;
                let row: Option<(i64, i64)> = sqlx::query_as(
                    "UPDATE on_call_requests SET realerted_at = $2 WHERE id = $1 AND status = 'waiting' AND realerted_at IS NULL \
                     RETURNING site_id, ticket_id")
                    .bind(id).bind(now.as_second()).fetch_optional(&mut *tx).await?;
                if let Some((site_id, ticket_id)) = row {
                    record_event!(tx, site_id, now, "on_call_overdue", Some(ticket_id), None::<i64>, None::<i64>);
                }
                tx.commit().await?;
                row.is_some()
            });
            if done {
                marked.push(id);
            }
        }
        Ok(marked)
    }
}
