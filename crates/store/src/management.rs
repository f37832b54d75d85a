//! Figures for the management view: what the floor has done so far today, per zone, counted by the
//! database from tickets, appointments and requests for the counter on call. No names.

use crate::{Store, StoreResult};
use jiff::Timestamp;
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
