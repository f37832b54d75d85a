//! Figures for the management view: what the floor has done so far today, per zone, counted by the
//! database from tickets, appointments and requests for the counter on call. No names.

use crate::{Store, StoreResult};
use jiff::Timestamp;
use loket_domain::stats::{PresenceChange, TicketFacts};
use std::collections::{BTreeMap, HashMap};

/// A zone's day so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZoneToday {
    /// Tickets finished since the start of this hour.
    pub served_this_hour: i64,
    /// Appointments booked for later today, not yet checked in.
    pub appointments_to_come: i64,
    /// Appointments today whose citizen did not come: marked so, or past their check-in window.
    pub no_shows: i64,
}

/// Requests for the counter on call today.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OnCallToday {
    pub requested: i64,
    /// Seconds from each accepted request to its acceptance, in the order they were asked.
    pub pickup_seconds: Vec<i64>,
}

/// The instants a day's figures are counted between.
#[derive(Debug, Clone, Copy)]
pub struct DayWindow {
    pub day_start: Timestamp,
    pub day_end: Timestamp,
    pub hour_start: Timestamp,
    pub now: Timestamp,
    /// An appointment that started before this and was not checked in is a no-show.
    pub no_show_before: Timestamp,
}

impl Store {
    /// Per zone letter, what the site's floor has done today.
    pub async fn zones_today(
        &self,
        site_id: i64,
        window: DayWindow,
    ) -> StoreResult<HashMap<String, ZoneToday>> {
        let served = "SELECT zone_letter, COUNT(*) FROM tickets \
                      WHERE site_id = $1 AND status = 'done' AND finished_at >= $2 AND finished_at < $3 \
                      GROUP BY zone_letter";
        let to_come = "SELECT zone_letter, COUNT(*) FROM appointments \
                       WHERE site_id = $1 AND status = 'booked' AND start_at >= $2 AND start_at < $3 \
                       GROUP BY zone_letter";
        let no_shows = "SELECT zone_letter, COUNT(*) FROM appointments \
                        WHERE site_id = $1 AND start_at >= $2 AND start_at < $3 \
                        AND (status = 'no_show' OR status = 'booked') GROUP BY zone_letter";
        let mut zones: HashMap<String, ZoneToday> = HashMap::new();
        for (letter, count) in self
            .per_zone(served, site_id, window.hour_start, window.day_end)
            .await?
        {
            zones.entry(letter).or_default().served_this_hour = count;
        }
        for (letter, count) in self
            .per_zone(to_come, site_id, window.now, window.day_end)
            .await?
        {
            zones.entry(letter).or_default().appointments_to_come = count;
        }
        for (letter, count) in self
            .per_zone(no_shows, site_id, window.day_start, window.no_show_before)
            .await?
        {
            zones.entry(letter).or_default().no_shows = count;
        }
        Ok(zones)
    }

    /// Runs a count grouped by zone letter over the site and the instants `[from, until)`.
    async fn per_zone(
        &self,
        sql: &'static str,
        site_id: i64,
        from: Timestamp,
        until: Timestamp,
    ) -> StoreResult<Vec<(String, i64)>> {
        Ok(on_backend!(self, pool => sqlx::query_as(sql)
            .bind(site_id).bind(from.as_second()).bind(until.as_second())
            .fetch_all(pool).await?))
    }

    /// The site's requests for the counter on call since `day_start`, with how fast each accepted
    /// one was picked up.
    pub async fn on_call_today(
        &self,
        site_id: i64,
        day_start: Timestamp,
    ) -> StoreResult<OnCallToday> {
        let sql = "SELECT requested_at, accepted_at FROM on_call_requests \
                   WHERE site_id = $1 AND requested_at >= $2 ORDER BY requested_at";
        let rows: Vec<(i64, Option<i64>)> = on_backend!(self, pool => sqlx::query_as(sql)
            .bind(site_id).bind(day_start.as_second()).fetch_all(pool).await?);
        Ok(OnCallToday {
            requested: rows.len() as i64,
            pickup_seconds: rows
                .iter()
                .filter_map(|(asked, accepted)| accepted.map(|at| (at - asked).max(0)))
                .collect(),
        })
    }
}

/// What the statistics of one day at a site are made from.
#[derive(Debug, Clone, Default)]
pub struct DayFacts {
    pub tickets: Vec<TicketFacts>,
    /// Counter openings and closings of the day, in order.
    pub presence: Vec<PresenceChange>,
    /// Transactions done at the counters, by product code.
    pub transactions: BTreeMap<String, i64>,
    /// Appointments of the day that were not cancelled.
    pub appointments: i64,
    /// Appointments of the day marked as no-show, or still booked though they started before
    /// the no-show moment.
    pub no_shows: i64,
}

type TicketRow = (
    i64,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    String,
    Option<i64>,
);

impl Store {
    /// The facts of the day `[from, until)` at a site; an appointment still booked that started
    /// before `no_show_before` counts as a no-show.
    pub async fn day_facts(
        &self,
        site_id: i64,
        from: Timestamp,
        until: Timestamp,
        no_show_before: Timestamp,
    ) -> StoreResult<DayFacts> {
        let (from, until, no_show_before) = (
            from.as_second(),
            until.as_second(),
            no_show_before.as_second(),
        );
        let tickets = "SELECT issued_at, called_at, started_at, finished_at, status, transferred_from \
                       FROM tickets WHERE site_id = $1 AND issued_at >= $2 AND issued_at < $3 ORDER BY issued_at";
        let presence = "SELECT at, counter_id, kind FROM floor_events WHERE site_id = $1 AND at >= $2 AND at < $3 \
                        AND counter_id IS NOT NULL AND kind IN ('counter_open', 'counter_paused', 'counter_closed') ORDER BY seq";
        let transactions = "SELECT p.code, COUNT(*) FROM ticket_transactions x \
                            JOIN tickets t ON t.id = x.ticket_id JOIN products p ON p.id = x.product_id \
                            WHERE t.site_id = $1 AND t.issued_at >= $2 AND t.issued_at < $3 GROUP BY p.code";
        let appointments = "SELECT COUNT(*) FROM appointments WHERE site_id = $1 AND start_at >= $2 AND start_at < $3 \
                            AND status <> 'cancelled'";
        let no_shows = "SELECT COUNT(*) FROM appointments WHERE site_id = $1 AND start_at >= $2 AND start_at < $3 \
                        AND (status = 'no_show' OR (status = 'booked' AND start_at < $4))";
        let ticket_rows: Vec<TicketRow> = on_backend!(self, pool => sqlx::query_as(tickets)
            .bind(site_id).bind(from).bind(until).fetch_all(pool).await?);
        let presence_rows: Vec<(i64, i64, String)> = on_backend!(self, pool => sqlx::query_as(presence)
            .bind(site_id).bind(from).bind(until).fetch_all(pool).await?);
        let transaction_rows: Vec<(String, i64)> = on_backend!(self, pool => sqlx::query_as(transactions)
            .bind(site_id).bind(from).bind(until).fetch_all(pool).await?);
        let appointments: i64 = on_backend!(self, pool => sqlx::query_scalar(appointments)
            .bind(site_id).bind(from).bind(until).fetch_one(pool).await?);
        let no_shows: i64 = on_backend!(self, pool => sqlx::query_scalar(no_shows)
            .bind(site_id).bind(from).bind(until).bind(no_show_before).fetch_one(pool).await?);
        Ok(DayFacts {
            tickets: ticket_rows
                .into_iter()
                .map(
                    |(issued_at, called_at, started_at, finished_at, status, transferred_from)| {
                        TicketFacts {
                            issued_at,
                            called_at,
                            started_at,
                            finished_at,
                            done: status == "done",
                            cancelled: status == "cancelled",
                            transferred: transferred_from.is_some(),
                        }
                    },
                )
                .collect(),
            presence: presence_rows
                .into_iter()
                .map(|(at, counter_id, kind)| PresenceChange {
                    at,
                    counter_id,
                    open: kind == "counter_open",
                })
                .collect(),
            transactions: transaction_rows.into_iter().collect(),
            appointments,
            no_shows,
        })
    }
}

impl Store {
    /// When each visit at a site began in `[from, until)` (its first ticket, unless the citizen
    /// left before being called), in Unix seconds.
    pub async fn visit_starts(
        &self,
        site_id: i64,
        from: Timestamp,
        until: Timestamp,
    ) -> StoreResult<Vec<i64>> {
        let sql = "SELECT issued_at FROM tickets WHERE site_id = $1 AND issued_at >= $2 AND issued_at < $3 \
                   AND transferred_from IS NULL AND status <> 'cancelled'";
        Ok(on_backend!(self, pool => sqlx::query_scalar(sql)
            .bind(site_id).bind(from.as_second()).bind(until.as_second())
            .fetch_all(pool).await?))
    }
}
