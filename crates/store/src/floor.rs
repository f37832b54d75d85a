//! The floor: tickets and their numbers, counters that call them, and the numbered stream of
//! every change, which the screens follow and the statistics are built from.

use crate::backend::BeginWrite;
use crate::catalogue::Texts;
use crate::staff::{random_token, token_hash};
use crate::{Store, StoreError, StoreResult};
use jiff::Timestamp;
use jiff::civil::Date;
use loket_domain::queue::{TicketAction, TicketStatus, Waiting};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub id: i64,
    pub site_id: i64,
    /// "B012".
    pub label: String,
    pub zone_letter: String,
    pub product_code: String,
    pub appointment_id: Option<i64>,
    pub status: TicketStatus,
    /// The number of the counter that called it.
    pub counter_number: Option<i64>,
    pub counter_id: Option<i64>,
    /// The meeting room a ticket of the counter on call is called to, instead of a counter.
    pub room_id: Option<i64>,
    pub room: Option<Texts>,
    pub arrived_at: Timestamp,
    pub issued_at: Timestamp,
    pub due_at: Option<Timestamp>,
    pub called_at: Option<Timestamp>,
    pub started_at: Option<Timestamp>,
    pub finished_at: Option<Timestamp>,
    pub recalls: i64,
}

#[derive(sqlx::FromRow)]
struct TicketRow {
    id: i64,
    site_id: i64,
    label: String,
    zone_letter: String,
    product_code: String,
    appointment_id: Option<i64>,
    status: String,
    counter_number: Option<i64>,
    counter_id: Option<i64>,
    room_id: Option<i64>,
    room_nl: Option<String>,
    room_fr: Option<String>,
    room_en: Option<String>,
    arrived_at: i64,
    issued_at: i64,
    due_at: Option<i64>,
    called_at: Option<i64>,
    started_at: Option<i64>,
    finished_at: Option<i64>,
    recalls: i64,
}

const TICKET_COLUMNS: &str = "SELECT t.id, t.site_id, t.label, t.zone_letter, p.code AS product_code, t.appointment_id, \
     t.status, c.number AS counter_number, t.counter_id, t.room_id, r.name_nl AS room_nl, r.name_fr AS room_fr, r.name_en AS room_en, \
     t.arrived_at, t.issued_at, t.due_at, t.called_at, t.started_at, t.finished_at, t.recalls \
     FROM tickets t JOIN products p ON p.id = t.product_id LEFT JOIN counters c ON c.id = t.counter_id \
     LEFT JOIN rooms r ON r.id = t.room_id";

pub(crate) fn instant(seconds: i64) -> StoreResult<Timestamp> {
    Timestamp::from_second(seconds).map_err(|e| StoreError::Invalid(e.to_string()))
}

/// A room's names, when the row names a room.
pub(crate) fn room_names(
    nl: Option<String>,
    fr: Option<String>,
    en: Option<String>,
) -> Option<Texts> {
    match (nl, fr, en) {
        (Some(nl), Some(fr), Some(en)) => Some(Texts { nl, fr, en }),
        _ => None,
    }
}

pub(crate) fn maybe_instant(seconds: Option<i64>) -> StoreResult<Option<Timestamp>> {
    seconds.map(instant).transpose()
}

impl TryFrom<TicketRow> for Ticket {
    type Error = StoreError;

    fn try_from(row: TicketRow) -> StoreResult<Ticket> {
        Ok(Ticket {
            id: row.id,
            site_id: row.site_id,
            label: row.label,
            zone_letter: row.zone_letter,
            product_code: row.product_code,
            appointment_id: row.appointment_id,
            status: TicketStatus::parse(&row.status)
                .ok_or_else(|| StoreError::Invalid(format!("ticket status {}", row.status)))?,
            counter_number: row.counter_number,
            counter_id: row.counter_id,
            room_id: row.room_id,
            room: room_names(row.room_nl, row.room_fr, row.room_en),
            arrived_at: instant(row.arrived_at)?,
            issued_at: instant(row.issued_at)?,
            due_at: maybe_instant(row.due_at)?,
            called_at: maybe_instant(row.called_at)?,
            started_at: maybe_instant(row.started_at)?,
            finished_at: maybe_instant(row.finished_at)?,
            recalls: row.recalls,
        })
    }
}

/// Who changes a ticket: the user, and the counter they work at (None at reception).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Actor {
    pub counter_id: Option<i64>,
    pub user_id: Option<i64>,
}

/// A ticket to hand out.
#[derive(Debug, Clone)]
pub struct NewTicket {
    pub site_id: i64,
    pub zone_letter: String,
    /// The site's local date: numbers start again at 1 every day.
    pub day: Date,
    pub product_code: String,
    pub appointment_id: Option<i64>,
    pub due_at: Option<Timestamp>,
    /// Who handed it out, when not the kiosk.
    pub user_id: Option<i64>,
}

/// A new ticket and the secret of its phone page, which is shown (and printed) only now.
#[derive(Debug, Clone)]
pub struct Issued {
    pub ticket: Ticket,
    pub track_token: String,
}

/// One change on the floor, as screens and phones receive it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FloorEvent {
    pub site_id: i64,
    /// Numbered per site in commit order.
    pub seq: i64,
    pub at: Timestamp,
    /// `issued`, `called`, `recalled`, `started`, `finished`, `no_show`, `transferred`,
    /// `cancelled`, `counter_open`, `counter_paused`, `counter_closed`.
    pub kind: String,
    pub ticket_label: Option<String>,
    pub zone_letter: Option<String>,
    pub counter_number: Option<i64>,
    /// The meeting room a ticket is called to, instead of a counter.
    pub room: Option<Texts>,
}

type EventRow = (
    i64,
    i64,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
);

const EVENT_COLUMNS: &str = "SELECT e.site_id, e.seq, e.at, e.kind, t.label, t.zone_letter, c.number, \
     r.name_nl, r.name_fr, r.name_en \
     FROM floor_events e LEFT JOIN tickets t ON t.id = e.ticket_id LEFT JOIN counters c ON c.id = e.counter_id \
     LEFT JOIN rooms r ON r.id = e.room_id";

fn event_from(row: EventRow) -> StoreResult<FloorEvent> {
    let (
        site_id,
        seq,
        at,
        kind,
        ticket_label,
        zone_letter,
        counter_number,
        room_nl,
        room_fr,
        room_en,
    ) = row;
    Ok(FloorEvent {
        site_id,
        seq,
        at: instant(at)?,
        kind,
        ticket_label,
        zone_letter,
        counter_number,
        room: room_names(room_nl, room_fr, room_en),
    })
}

/// Who works at a counter and whether it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterOnFloor {
    pub counter_id: i64,
    pub number: i64,
    pub zone_letter: String,
    pub user_id: Option<i64>,
    pub user_name: Option<String>,
    /// None when nobody is signed in.
    pub paused: Option<bool>,
}

impl CounterOnFloor {
    pub fn is_open(&self) -> bool {
        self.paused == Some(false)
    }
}

/// Numbers the change inside `$tx` and stores it; the site's sequence row stays locked until the
/// commit, so the numbers follow the order in which changes become visible.
macro_rules! record_event {
    ($tx:ident, $site:expr, $at:expr, $kind:expr, $ticket:expr, $counter:expr, $user:expr) => {
        record_event!($tx, $site, $at, $kind, $ticket, $counter, $user, None::<i64>)
    };
    ($tx:ident, $site:expr, $at:expr, $kind:expr, $ticket:expr, $counter:expr, $user:expr, $room:expr) => {{
        let seq: i64 = sqlx::query_scalar(
            "INSERT INTO floor_sequences (site_id, last) VALUES ($1, 1) \
             ON CONFLICT (site_id) DO UPDATE SET last = floor_sequences.last + 1 RETURNING last",
        )
        .bind($site)
        .fetch_one(&mut *$tx)
        .await?;
        sqlx::query(
            "INSERT INTO floor_events (site_id, seq, at, kind, ticket_id, counter_id, user_id, room_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind($site)
        .bind(seq)
        .bind($at.as_second())
        .bind($kind)
        .bind($ticket)
        .bind($counter)
        .bind($user)
        .bind($room)
        .execute(&mut *$tx)
        .await?;
        seq
    }};
}

/// Hands out the next number of the zone's day and stores the ticket inside `$tx`; evaluates to
/// the new ticket's id.
macro_rules! insert_ticket {
    ($tx:ident, $new:expr, $token_hash:expr, $arrived:expr, $from:expr, $now:expr) => {{
        let day = $new.day.to_string();
        let number: i64 = sqlx::query_scalar(
            "INSERT INTO ticket_numbers (site_id, zone_letter, day, last) VALUES ($1, $2, $3, 1) \
             ON CONFLICT (site_id, zone_letter, day) DO UPDATE SET last = ticket_numbers.last + 1 RETURNING last",
        )
        .bind($new.site_id)
        .bind(&$new.zone_letter)
        .bind(&day)
        .fetch_one(&mut *$tx)
        .await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO tickets (site_id, zone_letter, day, number, label, product_id, appointment_id, track_token_hash, \
             status, arrived_at, issued_at, due_at, transferred_from) \
             SELECT $1, $2, $3, $4, $5, id, $6, $7, 'waiting', $8, $9, $10, $11 FROM products WHERE code = $12 RETURNING id",
        )
        .bind($new.site_id)
        .bind(&$new.zone_letter)
        .bind(&day)
        .bind(number)
        .bind(loket_domain::queue::ticket_label(&$new.zone_letter, number))
        .bind($new.appointment_id)
        .bind($token_hash)
        .bind($arrived.as_second())
        .bind($now.as_second())
        .bind($new.due_at.map(|due: Timestamp| due.as_second()))
        .bind($from)
        .bind(&$new.product_code)
        .fetch_optional(&mut *$tx)
        .await?;
        let Some(id) = id else {
            return Err(StoreError::Reference(format!("product {}", $new.product_code)));
        };
        record_event!($tx, $new.site_id, $now, "issued", Some(id), None::<i64>, $new.user_id);
        id
    }};
}

impl Store {
    /// Hands out a ticket with the next number of its zone that day.
    pub async fn issue_ticket(&self, new: &NewTicket, now: Timestamp) -> StoreResult<Issued> {
        let track_token = random_token();
        let hash = token_hash(&track_token);
        let id: i64 = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let id = insert_ticket!(tx, new, &hash, now, None::<i64>, now);
            tx.commit().await?;
            id
        });
        Ok(Issued {
            ticket: self.ticket(id).await?,
            track_token,
        })
    }

    /// Checks in a booked appointment and hands out its ticket, in one transaction: an
    /// appointment is checked in once ([`StoreError::WrongState`] the second time).
    pub async fn check_in(
        &self,
        appointment_id: i64,
        new: &NewTicket,
        now: Timestamp,
    ) -> StoreResult<Issued> {
        let track_token = random_token();
        let hash = token_hash(&track_token);
        let id: i64 = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let changed = sqlx::query("UPDATE appointments SET status = 'checked_in', changed_at = $2 WHERE id = $1 AND status = 'booked'")
                .bind(appointment_id).bind(now.as_second()).execute(&mut *tx).await?;
            if changed.rows_affected() == 0 {
                return Err(StoreError::WrongState("not booked".into()));
            }
            let id = insert_ticket!(tx, new, &hash, now, None::<i64>, now);
            tx.commit().await?;
            id
        });
        Ok(Issued {
            ticket: self.ticket(id).await?,
            track_token,
        })
    }

    pub async fn ticket(&self, id: i64) -> StoreResult<Ticket> {
        let sql = format!("{TICKET_COLUMNS} WHERE t.id = $1");
        let row: TicketRow = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(pool).await?);
        row.try_into()
    }

    pub async fn ticket_by_token(&self, track_token: &str) -> StoreResult<Ticket> {
        let sql = format!("{TICKET_COLUMNS} WHERE t.track_token_hash = $1");
        let row: TicketRow = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(token_hash(track_token)).fetch_one(pool).await?);
        row.try_into()
    }

    /// The tickets of a site still on the floor (waiting, called or at a counter), oldest first.
    pub async fn open_tickets(&self, site_id: i64) -> StoreResult<Vec<Ticket>> {
        let sql = format!(
            "{TICKET_COLUMNS} WHERE t.site_id = $1 AND t.status IN ('waiting', 'called', 'serving') ORDER BY t.arrived_at, t.id"
        );
        let rows: Vec<TicketRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(site_id).fetch_all(pool).await?);
        rows.into_iter().map(Ticket::try_from).collect()
    }

    /// How many waiting tickets of a zone come before `ticket` in the call order at `now`.
    pub async fn waiting_ahead(&self, ticket: &Ticket, now: Timestamp) -> StoreResult<i64> {
        let (class, at, id) = Waiting {
            id: ticket.id,
            arrived_at: ticket.arrived_at,
            due_at: ticket.due_at,
        }
        .call_key(now);
        let sql = "SELECT COUNT(*) FROM tickets WHERE site_id = $1 AND zone_letter = $2 AND status = 'waiting' \
                   AND (CASE WHEN due_at <= $3 THEN 0 ELSE 1 END, CASE WHEN due_at <= $3 THEN due_at ELSE arrived_at END, id) \
                   < ($4, $5, $6)";
        Ok(on_backend!(self, pool => sqlx::query_scalar(sql)
            .bind(ticket.site_id).bind(&ticket.zone_letter).bind(now.as_second())
            .bind(i64::from(class)).bind(at.as_second()).bind(id)
            .fetch_one(pool).await?))
    }

    /// How many tickets wait per zone letter.
    pub async fn waiting_counts(&self, site_id: i64) -> StoreResult<Vec<(String, i64)>> {
        let sql = "SELECT zone_letter, COUNT(*) FROM tickets WHERE site_id = $1 AND status = 'waiting' GROUP BY zone_letter ORDER BY zone_letter";
        Ok(on_backend!(self, pool => sqlx::query_as(sql).bind(site_id).fetch_all(pool).await?))
    }

    /// The products served in a visit, in the order the counter recorded them.
    pub async fn ticket_transactions(&self, ticket_id: i64) -> StoreResult<Vec<String>> {
        let sql = "SELECT p.code FROM ticket_transactions tt JOIN products p ON p.id = tt.product_id \
                   WHERE tt.ticket_id = $1 ORDER BY tt.position";
        Ok(
            on_backend!(self, pool => sqlx::query_scalar(sql).bind(ticket_id).fetch_all(pool).await?),
        )
    }

    /// Calls the next ticket for what the counter serves, to that counter. Of any number of
    /// counters calling at once, each ticket goes to exactly one. A citizen waiting for a
    /// department on call is called by the employee who accepts the summons, never by a counter. None when nobody waits;
    /// [`StoreError::WrongState`] when the counter is not open for this user or still has a ticket.
    pub async fn call_next(
        &self,
        counter_id: i64,
        user_id: i64,
        now: Timestamp,
    ) -> StoreResult<Option<Ticket>> {
        let called: Option<i64> = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let presence: Option<(i64, String, i64)> = sqlx::query_as(
                "SELECT p.user_id, p.state, c.site_id FROM counter_presence p JOIN counters c ON c.id = p.counter_id WHERE p.counter_id = $1")
                .bind(counter_id).fetch_optional(&mut *tx).await?;
            let site_id = match presence {
                Some((user, state, site_id)) if user == user_id && state == "open" => site_id,
                Some((user, _, _)) if user == user_id => return Err(StoreError::WrongState("paused".into())),
                _ => return Err(StoreError::WrongState("not at this counter".into())),
            };
            let busy: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tickets WHERE counter_id = $1 AND status IN ('called', 'serving')")
                .bind(counter_id).fetch_one(&mut *tx).await?;
            if busy > 0 {
                return Err(StoreError::WrongState("busy".into()));
            }
            // The same order as `Waiting::call_key`; only the first few are read. A citizen waiting
            // for a summons is skipped when taking, not when choosing, which keeps the choice cheap.
            let candidates: Vec<i64> = sqlx::query_scalar(
                "SELECT t.id FROM tickets t WHERE t.site_id = $1 AND t.status = 'waiting' \
                 AND t.product_id IN (SELECT product_id FROM counter_products WHERE counter_id = $2) \
                 ORDER BY CASE WHEN t.due_at <= $3 THEN 0 ELSE 1 END, CASE WHEN t.due_at <= $3 THEN t.due_at ELSE t.arrived_at END, t.id \
                 LIMIT 16")
                .bind(site_id).bind(counter_id).bind(now.as_second()).fetch_all(&mut *tx).await?;
            let mut called = None;
            for candidate in candidates {
                let taken = sqlx::query(
                    "UPDATE tickets SET status = 'called', counter_id = $2, called_at = COALESCE(called_at, $3) WHERE id = $1 AND status = 'waiting' \
                     AND NOT EXISTS (SELECT 1 FROM on_call_requests o WHERE o.ticket_id = $1 AND o.status = 'waiting')")
                    .bind(candidate).bind(counter_id).bind(now.as_second()).execute(&mut *tx).await?;
                if taken.rows_affected() == 1 {
                    record_event!(tx, site_id, now, "called", Some(candidate), Some(counter_id), Some(user_id));
                    called = Some(candidate);
                    break;
                }
            }
            tx.commit().await?;
            called
        });
        match called {
            Some(id) => Ok(Some(self.ticket(id).await?)),
            None => Ok(None),
        }
    }

    /// Does `action` on a ticket, by a user at the counter that called it. `transactions` are
    /// the products actually served, for [`TicketAction::Finish`]. [`StoreError::WrongState`] when
    /// the ticket is not in a state for it, is at another counter, or was recalled `max_recalls`
    /// times already.
    pub async fn act_on_ticket(
        &self,
        ticket_id: i64,
        action: TicketAction,
        by: Actor,
        transactions: &[String],
        max_recalls: i64,
        now: Timestamp,
    ) -> StoreResult<Ticket> {
        let Actor {
            counter_id,
            user_id,
        } = by;
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let (site_id, status, at_counter, recalls, appointment_id): (i64, String, Option<i64>, i64, Option<i64>) =
                sqlx::query_as("SELECT site_id, status, counter_id, recalls, appointment_id FROM tickets WHERE id = $1")
                    .bind(ticket_id).fetch_one(&mut *tx).await?;
            let current = TicketStatus::parse(&status).ok_or_else(|| StoreError::Invalid(status.clone()))?;
            if !action.allowed_from().contains(&current) {
                return Err(StoreError::WrongState(status));
            }
            if action != TicketAction::Cancel && at_counter != counter_id {
                return Err(StoreError::WrongState("at another counter".into()));
            }
            if action == TicketAction::Recall && recalls >= max_recalls {
                return Err(StoreError::WrongState("recalled enough".into()));
            }
            let next = action.leads_to();
            sqlx::query(
                "UPDATE tickets SET status = $2, recalls = recalls + $3, \
                 started_at = CASE WHEN $2 = 'serving' THEN $4 ELSE started_at END, \
                 finished_at = CASE WHEN $2 IN ('done', 'no_show', 'transferred', 'cancelled') THEN $4 ELSE finished_at END \
                 WHERE id = $1")
                .bind(ticket_id).bind(next.code()).bind(i64::from(action == TicketAction::Recall)).bind(now.as_second())
                .execute(&mut *tx).await?;
            for (position, product) in (0_i64..).zip(transactions.iter().filter(|_| action == TicketAction::Finish)) {
                let inserted = sqlx::query(
                    "INSERT INTO ticket_transactions (ticket_id, position, product_id) SELECT $1, $2, id FROM products WHERE code = $3")
                    .bind(ticket_id).bind(position).bind(product).execute(&mut *tx).await?;
                if inserted.rows_affected() == 0 {
                    return Err(StoreError::Reference(format!("product {product}")));
                }
            }
            let appointment_status = match action {
                TicketAction::Finish => Some("served"),
                TicketAction::NoShow => Some("no_show"),
                _ => None,
            };
            if let (Some(id), Some(appointment_status)) = (appointment_id, appointment_status) {
                sqlx::query("UPDATE appointments SET status = $2, changed_at = $3 WHERE id = $1 AND status = 'checked_in'")
                    .bind(id).bind(appointment_status).bind(now.as_second()).execute(&mut *tx).await?;
            }
            record_event!(tx, site_id, now, action.code(), Some(ticket_id), at_counter, user_id);
            tx.commit().await?;
        });
        self.ticket(ticket_id).await
    }

    /// Sends a called or served ticket on to another product (and so perhaps another zone): a new
    /// ticket that keeps the arrival time and the citizen's phone page, in one transaction.
    pub async fn transfer_ticket(
        &self,
        ticket_id: i64,
        to: &NewTicket,
        counter_id: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<Ticket> {
        let current = self.ticket(ticket_id).await?;
        if !TicketAction::Transfer
            .allowed_from()
            .contains(&current.status)
        {
            return Err(StoreError::WrongState(current.status.code().into()));
        }
        if current.counter_id != counter_id {
            return Err(StoreError::WrongState("at another counter".into()));
        }
        let id: i64 = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let old_hash: String = sqlx::query_scalar("SELECT track_token_hash FROM tickets WHERE id = $1")
                .bind(ticket_id).fetch_one(&mut *tx).await?;
            let moved = sqlx::query(
                "UPDATE tickets SET status = 'transferred', finished_at = $2, track_token_hash = $3 \
                 WHERE id = $1 AND status IN ('called', 'serving')")
                .bind(ticket_id).bind(now.as_second()).bind(format!("moved-{ticket_id}")).execute(&mut *tx).await?;
            if moved.rows_affected() == 0 {
                return Err(StoreError::WrongState("changed meanwhile".into()));
            }
            record_event!(tx, current.site_id, now, "transferred", Some(ticket_id), current.counter_id, to.user_id);
            let id = insert_ticket!(tx, to, &old_hash, current.arrived_at, Some(ticket_id), now);
            tx.commit().await?;
            id
        });
        self.ticket(id).await
    }
}

impl Store {
    /// Takes a counter: it is open for this user, who leaves any other counter. Another user's
    /// counter is not taken over ([`StoreError::Duplicate`]).
    pub async fn sign_in_at_counter(
        &self,
        counter_id: i64,
        user_id: i64,
        now: Timestamp,
    ) -> StoreResult<()> {
        self.set_presence(counter_id, user_id, Presence::Open, now)
            .await
    }

    /// Pauses an open counter, or opens a paused one again.
    pub async fn pause_counter(
        &self,
        counter_id: i64,
        user_id: i64,
        paused: bool,
        now: Timestamp,
    ) -> StoreResult<()> {
        let presence = if paused {
            Presence::Paused
        } else {
            Presence::Open
        };
        self.set_presence(counter_id, user_id, presence, now).await
    }

    pub async fn sign_out_of_counter(
        &self,
        counter_id: i64,
        user_id: i64,
        now: Timestamp,
    ) -> StoreResult<()> {
        self.set_presence(counter_id, user_id, Presence::Closed, now)
            .await
    }

    async fn set_presence(
        &self,
        counter_id: i64,
        user_id: i64,
        presence: Presence,
        now: Timestamp,
    ) -> StoreResult<()> {
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let site_id: i64 = sqlx::query_scalar("SELECT site_id FROM counters WHERE id = $1")
                .bind(counter_id).fetch_one(&mut *tx).await?;
            let holder: Option<i64> = sqlx::query_scalar("SELECT user_id FROM counter_presence WHERE counter_id = $1")
                .bind(counter_id).fetch_optional(&mut *tx).await?;
            match (holder, presence) {
                (Some(other), _) if other != user_id => {
                    return Err(StoreError::Duplicate("counter taken".into()));
                }
                (None, Presence::Paused) => return Err(StoreError::WrongState("not at this counter".into())),
                _ => {}
            }
            sqlx::query("DELETE FROM counter_presence WHERE user_id = $1 OR counter_id = $2")
                .bind(user_id).bind(counter_id).execute(&mut *tx).await?;
            if let Some(state) = presence.state() {
                sqlx::query("INSERT INTO counter_presence (counter_id, user_id, state, since) VALUES ($1, $2, $3, $4)")
                    .bind(counter_id).bind(user_id).bind(state).bind(now.as_second()).execute(&mut *tx).await?;
            }
            record_event!(tx, site_id, now, presence.event(), None::<i64>, Some(counter_id), Some(user_id));
            tx.commit().await?;
        });
        Ok(())
    }

    /// Every counter of a site with who works there and whether it is open, by number.
    pub async fn counters_on_floor(&self, site_id: i64) -> StoreResult<Vec<CounterOnFloor>> {
        let sql = "SELECT c.id, c.number, z.letter, p.user_id, u.display_name, p.state FROM counters c \
                   JOIN zones z ON z.id = c.zone_id LEFT JOIN counter_presence p ON p.counter_id = c.id \
                   LEFT JOIN users u ON u.id = p.user_id WHERE c.site_id = $1 ORDER BY c.number";
        type Row = (
            i64,
            i64,
            String,
            Option<i64>,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<Row> =
            on_backend!(self, pool => sqlx::query_as(sql).bind(site_id).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(
                |(counter_id, number, zone_letter, user_id, user_name, state)| CounterOnFloor {
                    counter_id,
                    number,
                    zone_letter,
                    user_id,
                    user_name,
                    paused: state.map(|s| s == "paused"),
                },
            )
            .collect())
    }

    /// How long the visits finished since `since` held their counter, by zone, in seconds: from
    /// the call, so the walk to the counter counts too; without it the estimates of a busy day
    /// come out short (`loket simulate` shows by how much).
    pub async fn recent_service_seconds(
        &self,
        site_id: i64,
        since: Timestamp,
    ) -> StoreResult<Vec<(String, i64)>> {
        let sql = "SELECT zone_letter, finished_at - called_at FROM tickets WHERE site_id = $1 AND status = 'done' \
                   AND finished_at >= $2 AND called_at IS NOT NULL";
        Ok(
            on_backend!(self, pool => sqlx::query_as(sql).bind(site_id).bind(since.as_second()).fetch_all(pool).await?),
        )
    }

    /// The changes on a site's floor after `after`, in order; at most `limit`.
    pub async fn floor_events_after(
        &self,
        site_id: i64,
        after: i64,
        limit: i64,
    ) -> StoreResult<Vec<FloorEvent>> {
        let sql =
            format!("{EVENT_COLUMNS} WHERE e.site_id = $1 AND e.seq > $2 ORDER BY e.seq LIMIT $3");
        let rows: Vec<EventRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(site_id).bind(after).bind(limit).fetch_all(pool).await?);
        rows.into_iter().map(event_from).collect()
    }

    /// The last calls of a site (a recall counts as a call), newest first.
    pub async fn recent_calls(&self, site_id: i64, limit: i64) -> StoreResult<Vec<FloorEvent>> {
        let sql = format!(
            "{EVENT_COLUMNS} WHERE e.site_id = $1 AND e.kind IN ('called', 'recalled') ORDER BY e.seq DESC LIMIT $2"
        );
        let rows: Vec<EventRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(site_id).bind(limit).fetch_all(pool).await?);
        rows.into_iter().map(event_from).collect()
    }

    /// The number of the last change on a site's floor (0 before the first).
    pub async fn last_floor_event(&self, site_id: i64) -> StoreResult<i64> {
        let sql = "SELECT last FROM floor_sequences WHERE site_id = $1";
        let last: Option<i64> = on_backend!(self, pool => sqlx::query_scalar(sql).bind(site_id).fetch_optional(pool).await?);
        Ok(last.unwrap_or(0))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Presence {
    Open,
    Paused,
    Closed,
}

impl Presence {
    fn state(self) -> Option<&'static str> {
        match self {
            Presence::Open => Some("open"),
            Presence::Paused => Some("paused"),
            Presence::Closed => None,
        }
    }

    fn event(self) -> &'static str {
        match self {
            Presence::Open => "counter_open",
            Presence::Paused => "counter_paused",
            Presence::Closed => "counter_closed",
        }
    }
}

/// Notifications from other nodes that their floor changed (PostgreSQL only). It holds one
/// connection of the pool for as long as it lives.
pub struct FloorListener(sqlx::postgres::PgListener);

impl FloorListener {
    /// Waits for the next change announced by any node; false once the store is closed, when the
    /// listener must be dropped to give its connection back.
    pub async fn next_change(&mut self) -> bool {
        match self.0.recv().await {
            Ok(_) => true,
            Err(sqlx::Error::PoolClosed) => false,
            Err(error) => {
                tracing::warn!("listening for floor changes: {error}");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                true
            }
        }
    }
}

const FLOOR_CHANNEL: &str = "loket_floor";

impl Store {
    /// Tells the other nodes that the floor changed; they read the new events themselves.
    pub async fn announce_floor_change(&self) -> StoreResult<()> {
        if let crate::Backend::Postgres(pool) = self.backend() {
            sqlx::query("SELECT pg_notify($1, '')")
                .bind(FLOOR_CHANNEL)
                .execute(pool)
                .await?;
        }
        Ok(())
    }

    /// Listens for the other nodes' changes; None on SQLite, where there is one node.
    pub async fn listen_for_floor_changes(&self) -> Option<FloorListener> {
        let crate::Backend::Postgres(pool) = self.backend() else {
            return None;
        };
        let mut listener = match sqlx::postgres::PgListener::connect_with(pool).await {
            Ok(listener) => listener,
            Err(error) => {
                tracing::warn!("cannot listen for floor changes: {error}");
                return None;
            }
        };
        match listener.listen(FLOOR_CHANNEL).await {
            Ok(()) => Some(FloorListener(listener)),
            Err(error) => {
                tracing::warn!("cannot listen for floor changes: {error}");
                None
            }
        }
    }
}
