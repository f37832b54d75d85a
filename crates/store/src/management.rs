//! Figures for the management view: what the floor has done so far today, per zone, counted by the
//! database from tickets, appointments and requests for the counter on call; and what the history
//! is made from: a site's facts over a span of days, the certificates and address changes per
//! channel, and the sales. No names.

use crate::{Store, StoreResult};
use jiff::Timestamp;
use loket_domain::stats::{PresenceChange, TicketFacts};
use std::collections::HashMap;

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

/// What the statistics of a span of days at a site are made from; the server sorts it into the
/// city's days.
#[derive(Debug, Clone, Default)]
pub struct SpanFacts {
    /// The tickets issued in the span, in order.
    pub tickets: Vec<TicketFacts>,
    /// Counter openings and closings, in order.
    pub presence: Vec<PresenceChange>,
    /// Transactions done at the counters.
    pub transactions: Vec<TransactionFact>,
    /// Appointments that were not cancelled.
    pub appointments: Vec<AppointmentFact>,
}

/// A transaction done at a counter, at the moment its ticket was issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionFact {
    pub at: i64,
    pub product_id: i64,
    pub product_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppointmentFact {
    pub start_at: i64,
    /// Marked as no-show, or still booked though it started before the no-show moment.
    pub no_show: bool,
    pub product_ids: Vec<i64>,
}

type TicketRow = (
    i64,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    String,
    Option<i64>,
    i64,
);

impl Store {
    /// The facts of `[from, until)` at a site, one query per kind of fact; an appointment still
    /// booked that started before `no_show_before` counts as a no-show.
    pub async fn span_facts(
        &self,
        site_id: i64,
        from: Timestamp,
        until: Timestamp,
        no_show_before: Timestamp,
    ) -> StoreResult<SpanFacts> {
        let (from, until) = (from.as_second(), until.as_second());
        let tickets = "SELECT issued_at, called_at, started_at, finished_at, status, transferred_from, product_id \
                       FROM tickets WHERE site_id = $1 AND issued_at >= $2 AND issued_at < $3 ORDER BY issued_at";
        let presence = "SELECT at, counter_id, kind FROM floor_events WHERE site_id = $1 AND at >= $2 AND at < $3 \
                        AND counter_id IS NOT NULL AND kind IN ('counter_open', 'counter_paused', 'counter_closed') ORDER BY seq";
        let transactions = "SELECT t.issued_at, p.id, p.code FROM ticket_transactions x \
                            JOIN tickets t ON t.id = x.ticket_id JOIN products p ON p.id = x.product_id \
                            WHERE t.site_id = $1 AND t.issued_at >= $2 AND t.issued_at < $3";
        let appointments = "SELECT a.id, a.start_at, a.status, ap.product_id FROM appointments a \
                            LEFT JOIN appointment_products ap ON ap.appointment_id = a.id \
                            WHERE a.site_id = $1 AND a.start_at >= $2 AND a.start_at < $3 AND a.status <> 'cancelled' \
                            ORDER BY a.id, ap.position";
        let ticket_rows: Vec<TicketRow> = on_backend!(self, pool => sqlx::query_as(tickets)
            .bind(site_id).bind(from).bind(until).fetch_all(pool).await?);
        let presence_rows: Vec<(i64, i64, String)> = on_backend!(self, pool => sqlx::query_as(presence)
            .bind(site_id).bind(from).bind(until).fetch_all(pool).await?);
        let transaction_rows: Vec<(i64, i64, String)> = on_backend!(self, pool => sqlx::query_as(transactions)
            .bind(site_id).bind(from).bind(until).fetch_all(pool).await?);
        let appointment_rows: Vec<(i64, i64, String, Option<i64>)> = on_backend!(self, pool => sqlx::query_as(appointments)
            .bind(site_id).bind(from).bind(until).fetch_all(pool).await?);
        Ok(SpanFacts {
            tickets: ticket_rows.into_iter().map(ticket_facts).collect(),
            presence: presence_rows
                .into_iter()
                .map(|(at, counter_id, kind)| PresenceChange {
                    at,
                    counter_id,
                    open: kind == "counter_open",
                })
                .collect(),
            transactions: transaction_rows
                .into_iter()
                .map(|(at, product_id, product_code)| TransactionFact {
                    at,
                    product_id,
                    product_code,
                })
                .collect(),
            appointments: appointment_facts(appointment_rows, no_show_before.as_second()),
        })
    }
}

fn ticket_facts(
    (issued_at, called_at, started_at, finished_at, status, transferred_from, product_id): TicketRow,
) -> TicketFacts {
    TicketFacts {
        issued_at,
        called_at,
        started_at,
        finished_at,
        done: status == "done",
        cancelled: status == "cancelled",
        transferred: transferred_from.is_some(),
        product_id,
    }
}

/// One appointment per id from its rows, one row per product in order.
fn appointment_facts(
    rows: Vec<(i64, i64, String, Option<i64>)>,
    no_show_before: i64,
) -> Vec<AppointmentFact> {
    let mut facts: Vec<(i64, AppointmentFact)> = Vec::new();
    for (id, start_at, status, product_id) in rows {
        if facts.last().is_none_or(|(last, _)| *last != id) {
            let no_show = status == "no_show" || (status == "booked" && start_at < no_show_before);
            facts.push((
                id,
                AppointmentFact {
                    start_at,
                    no_show,
                    product_ids: Vec::new(),
                },
            ));
        }
        if let (Some((_, fact)), Some(product_id)) = (facts.last_mut(), product_id) {
            fact.product_ids.push(product_id);
        }
    }
    facts.into_iter().map(|(_, fact)| fact).collect()
}

/// A certificate or an address change, and whether it was done online or at a counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelFact {
    pub at: i64,
    /// The request type, which is also the code of its catalogue product.
    pub kind: String,
    pub online: bool,
}

/// What one product sold through one kind of sales point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SalesFact {
    pub product_id: i64,
    /// `office` (the fast counter) or `shop` (a partner shop).
    pub point_kind: String,
    /// Articles sold, counted one by one.
    pub quantity: i64,
    pub cents: i64,
}

impl Store {
    /// The e-loket requests of `kinds` submitted in `[from, until)` and not cancelled, with the
    /// counter transactions of the products of the same codes, for the whole city.
    pub async fn channel_facts(
        &self,
        kinds: &[&str],
        from: Timestamp,
        until: Timestamp,
    ) -> StoreResult<Vec<ChannelFact>> {
        if kinds.is_empty() {
            return Ok(Vec::new());
        }
        let listed = (3..3 + kinds.len())
            .map(|n| format!("${n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let requests = format!(
            "SELECT submitted_at, kind, channel FROM eloket_requests \
             WHERE submitted_at >= $1 AND submitted_at < $2 AND status <> 'cancelled' AND kind IN ({listed})"
        );
        let transactions = format!(
            "SELECT t.issued_at, p.code, 'counter' FROM ticket_transactions x \
             JOIN tickets t ON t.id = x.ticket_id JOIN products p ON p.id = x.product_id \
             WHERE t.issued_at >= $1 AND t.issued_at < $2 AND p.code IN ({listed})"
        );
        let (from, until) = (from.as_second(), until.as_second());
        let mut rows: Vec<(i64, String, String)> = Vec::new();
        // The placeholders are numbers written here; the kinds are bound as values.
        for sql in [requests, transactions] {
            rows.extend(on_backend!(self, pool => {
                let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(from).bind(until);
                for kind in kinds {
                    query = query.bind(*kind);
                }
                query.fetch_all(pool).await?
            }));
        }
        Ok(rows
            .into_iter()
            .map(|(at, kind, channel)| ChannelFact {
                at,
                kind,
                online: channel == "online",
            })
            .collect())
    }

    /// What the sales points of the city sold in `[from, until)`, per product and kind of point.
    pub async fn sales_facts(
        &self,
        from: Timestamp,
        until: Timestamp,
    ) -> StoreResult<Vec<SalesFact>> {
        let sql = "SELECT a.product_id, sp.kind, CAST(SUM(i.quantity) AS BIGINT), \
                   CAST(SUM(i.quantity * i.unit_cents) AS BIGINT) FROM sale_items i \
                   JOIN sales s ON s.id = i.sale_id JOIN sales_points sp ON sp.id = s.sales_point_id \
                   JOIN articles a ON a.id = i.article_id \
                   WHERE s.sold_at >= $1 AND s.sold_at < $2 GROUP BY a.product_id, sp.kind";
        let rows: Vec<(i64, String, i64, i64)> = on_backend!(self, pool => sqlx::query_as(sql)
            .bind(from.as_second()).bind(until.as_second()).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|(product_id, point_kind, quantity, cents)| SalesFact {
                product_id,
                point_kind,
                quantity,
                cents,
            })
            .collect())
    }

    /// The residents' parking cards paid online in `[from, until)`: how many, and for how much
    /// in cents.
    pub async fn paid_parking_cards(
        &self,
        from: Timestamp,
        until: Timestamp,
    ) -> StoreResult<(i64, i64)> {
        let sql = "SELECT COUNT(*), CAST(COALESCE(SUM(fee_cents), 0) AS BIGINT) FROM parking_cards \
                   WHERE paid_at >= $1 AND paid_at < $2";
        Ok(on_backend!(self, pool => sqlx::query_as(sql)
            .bind(from.as_second()).bind(until.as_second()).fetch_one(pool).await?))
    }
}
