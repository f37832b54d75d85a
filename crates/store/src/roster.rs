//! Rosters: per zone, the counters staffed and those kept for walk-ins per weekday and time of
//! day, and dates with a roster of their own.
//!
//! Every change of a zone's roster first takes the zone's row for writing, so two people editing
//! the same zone at once never both pass the check that blocks of one day do not overlap.

use crate::backend::BeginWrite;
use crate::organisation::found;
use crate::{Store, StoreError, StoreResult};
use jiff::civil::{Date, Weekday};
use loket_domain::calendar::{TimeRange, WEEK};
use loket_domain::roster::{DayBlock, Roster, RosterBlock, overlapping};

/// A block of the weekly roster as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredBlock {
    pub id: i64,
    pub block: RosterBlock,
}

/// A block of a date with its own roster, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredDayBlock {
    pub id: i64,
    pub block: DayBlock,
}

/// A date on which a zone has its own roster; without blocks it has no appointments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterDate {
    pub id: i64,
    pub date: Date,
    /// Why, for the staff: "Opleiding", "Personeelsuitstap".
    pub note: String,
    /// Sorted by time.
    pub blocks: Vec<StoredDayBlock>,
}

type BlockRow = (i64, i64, String, String, i64, i64);
type DateRow = (
    i64,
    String,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

const WEEKLY_BLOCKS: &str = "SELECT id, weekday, opens, closes, counters, walk_in FROM roster \
     WHERE site_id = $1 AND zone_letter = $2 ORDER BY weekday, opens";

const DATES: &str = "SELECT e.id, e.day, e.note, b.id, b.opens, b.closes, b.counters, b.walk_in \
     FROM roster_exceptions e LEFT JOIN roster_exception_blocks b ON b.exception_id = e.id \
     WHERE e.site_id = $1 AND e.zone_letter = $2 AND e.day >= $3 ORDER BY e.day, b.opens";

/// Takes the zone's row for writing inside the transaction: on PostgreSQL a row lock, on SQLite
/// the write lock `BEGIN IMMEDIATE` holds already. Not found when the site has no such zone.
const LOCK_ZONE: &str = "UPDATE zones SET letter = letter WHERE site_id = $1 AND letter = $2";

fn weekday_of(number: i64) -> StoreResult<Weekday> {
    WEEK.into_iter()
        .find(|w| i64::from(w.to_monday_one_offset()) == number)
        .ok_or_else(|| StoreError::Invalid(format!("weekday {number}")))
}

fn weekday_number(weekday: Weekday) -> i64 {
    i64::from(weekday.to_monday_one_offset())
}

fn hhmm(time: jiff::civil::Time) -> String {
    time.strftime("%H:%M").to_string()
}

fn day_block(opens: &str, closes: &str, counters: i64, walk_in: i64) -> StoreResult<DayBlock> {
    let hours: TimeRange = format!("{opens}-{closes}")
        .parse()
        .map_err(|_| StoreError::Invalid(format!("roster {opens}-{closes}")))?;
    let number =
        |n: i64| u32::try_from(n).map_err(|_| StoreError::Invalid(format!("roster counters {n}")));
    Ok(DayBlock {
        hours,
        counters: number(counters)?,
        walk_in: number(walk_in)?,
    })
}

fn stored_block(
    (id, weekday, opens, closes, counters, walk_in): BlockRow,
) -> StoreResult<StoredBlock> {
    Ok(StoredBlock {
        id,
        block: day_block(&opens, &closes, counters, walk_in)?.on(weekday_of(weekday)?),
    })
}

fn parse_date(day: &str) -> StoreResult<Date> {
    day.parse()
        .map_err(|_| StoreError::Invalid(format!("roster date {day}")))
}

/// Rows of dates joined with their blocks (a date without blocks has one row without a block)
/// into dates, in the order of the rows.
fn roster_dates(rows: Vec<DateRow>) -> StoreResult<Vec<RosterDate>> {
    let mut dates: Vec<RosterDate> = Vec::new();
    for (id, day, note, block_id, opens, closes, counters, walk_in) in rows {
        if dates.last().is_none_or(|last| last.id != id) {
            dates.push(RosterDate {
                id,
                date: parse_date(&day)?,
                note,
                blocks: Vec::new(),
            });
        }
        if let (
            Some(block_id),
            Some(opens),
            Some(closes),
            Some(counters),
            Some(walk_in),
            Some(date),
        ) = (block_id, opens, closes, counters, walk_in, dates.last_mut())
        {
            date.blocks.push(StoredDayBlock {
                id: block_id,
                block: day_block(&opens, &closes, counters, walk_in)?,
            });
        }
    }
    Ok(dates)
}

/// Refuses a block whose hours overlap another block of the same day.
fn check_overlap(hours: TimeRange, others: &[DayBlock]) -> StoreResult<()> {
    match overlapping(hours, others) {
        Some(other) => Err(StoreError::Overlap(other.hours.to_string())),
        None => Ok(()),
    }
}

impl Store {
    /// A zone's roster: the weekly blocks and every date with its own.
    pub async fn roster(&self, site_id: i64, zone_letter: &str) -> StoreResult<Roster> {
        let weekly = self.roster_blocks(site_id, zone_letter).await?;
        let mut roster = Roster::new(weekly.into_iter().map(|stored| stored.block).collect());
        for date in self.roster_dates(site_id, zone_letter, Date::MIN).await? {
            roster.set_exception(
                date.date,
                date.blocks.into_iter().map(|stored| stored.block).collect(),
            );
        }
        Ok(roster)
    }

    /// The weekly blocks of a zone, by weekday and time.
    pub async fn roster_blocks(
        &self,
        site_id: i64,
        zone_letter: &str,
    ) -> StoreResult<Vec<StoredBlock>> {
        let rows: Vec<BlockRow> = on_backend!(self, pool => sqlx::query_as(WEEKLY_BLOCKS)
            .bind(site_id).bind(zone_letter).fetch_all(pool).await?);
        rows.into_iter().map(stored_block).collect()
    }

    /// The dates from `from` on with a roster of their own, by date.
    pub async fn roster_dates(
        &self,
        site_id: i64,
        zone_letter: &str,
        from: Date,
    ) -> StoreResult<Vec<RosterDate>> {
        // Dates are stored as `YYYY-MM-DD`, which sorts as the dates do; before year 0 nothing is kept.
        let from = if from.year() < 0 {
            String::new()
        } else {
            from.to_string()
        };
        let rows: Vec<DateRow> = on_backend!(self, pool => sqlx::query_as(DATES)
            .bind(site_id).bind(zone_letter).bind(from).fetch_all(pool).await?);
        roster_dates(rows)
    }

    /// One date with a roster of its own; not found when the date follows the weekly roster.
    pub async fn roster_date(
        &self,
        site_id: i64,
        zone_letter: &str,
        date: Date,
    ) -> StoreResult<RosterDate> {
        self.roster_dates(site_id, zone_letter, date)
            .await?
            .into_iter()
            .find(|found| found.date == date)
            .ok_or(StoreError::NotFound)
    }

    /// Replaces a zone's weekly roster at once; the dates with their own roster stay.
    pub async fn replace_roster(
        &self,
        site_id: i64,
        zone_letter: &str,
        blocks: &[RosterBlock],
    ) -> StoreResult<()> {
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query("DELETE FROM roster WHERE site_id = $1 AND zone_letter = $2")
                .bind(site_id).bind(zone_letter).execute(&mut *tx).await?;
            for block in blocks {
                sqlx::query("INSERT INTO roster (site_id, zone_letter, weekday, opens, closes, counters, walk_in) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                    .bind(site_id).bind(zone_letter)
                    .bind(weekday_number(block.weekday))
                    .bind(hhmm(block.hours.opens()))
                    .bind(hhmm(block.hours.closes()))
                    .bind(i64::from(block.counters))
                    .bind(i64::from(block.walk_in))
                    .execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Adds a weekly block (`id` None) or changes one; returns its id. [`StoreError::Overlap`]
    /// when it would cover the same time as another block of that weekday, and then nothing changes.
    pub async fn save_roster_block(
        &self,
        site_id: i64,
        zone_letter: &str,
        id: Option<i64>,
        block: &RosterBlock,
    ) -> StoreResult<i64> {
        let id = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            found(sqlx::query(LOCK_ZONE).bind(site_id).bind(zone_letter).execute(&mut *tx).await?.rows_affected())?;
            let rows: Vec<BlockRow> = sqlx::query_as(WEEKLY_BLOCKS)
                .bind(site_id).bind(zone_letter).fetch_all(&mut *tx).await?;
            let others = rows
                .into_iter()
                .map(stored_block)
                .collect::<StoreResult<Vec<_>>>()?
                .into_iter()
                .filter(|other| Some(other.id) != id && other.block.weekday == block.weekday)
                .map(|other| other.block.day_block())
                .collect::<Vec<_>>();
            check_overlap(block.hours, &others)?;
            let (weekday, opens, closes) = (weekday_number(block.weekday), hhmm(block.hours.opens()), hhmm(block.hours.closes()));
            let (counters, walk_in) = (i64::from(block.counters), i64::from(block.walk_in));
            let saved: Option<i64> = match id {
                Some(id) => sqlx::query_scalar(
                    "UPDATE roster SET weekday = $4, opens = $5, closes = $6, counters = $7, walk_in = $8 \
                     WHERE site_id = $1 AND zone_letter = $2 AND id = $3 RETURNING id")
                    .bind(site_id).bind(zone_letter).bind(id)
                    .bind(weekday).bind(opens).bind(closes).bind(counters).bind(walk_in)
                    .fetch_optional(&mut *tx).await?,
                None => sqlx::query_scalar(
                    "INSERT INTO roster (site_id, zone_letter, weekday, opens, closes, counters, walk_in) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")
                    .bind(site_id).bind(zone_letter)
                    .bind(weekday).bind(opens).bind(closes).bind(counters).bind(walk_in)
                    .fetch_optional(&mut *tx).await?,
            };
            let saved = saved.ok_or(StoreError::NotFound)?;
            tx.commit().await?;
            saved
        });
        Ok(id)
    }

    /// Removes a weekly block.
    pub async fn delete_roster_block(
        &self,
        site_id: i64,
        zone_letter: &str,
        id: i64,
    ) -> StoreResult<()> {
        let sql = "DELETE FROM roster WHERE site_id = $1 AND zone_letter = $2 AND id = $3";
        found(on_backend!(self, pool => sqlx::query(sql)
            .bind(site_id).bind(zone_letter).bind(id).execute(pool).await?.rows_affected()))
    }

    /// Gives a date its own roster, starting with `blocks` (none: no appointments that day);
    /// [`StoreError::Duplicate`] when the date has its own roster already.
    pub async fn add_roster_date(
        &self,
        site_id: i64,
        zone_letter: &str,
        date: Date,
        note: &str,
        blocks: &[DayBlock],
    ) -> StoreResult<i64> {
        let id = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            found(sqlx::query(LOCK_ZONE).bind(site_id).bind(zone_letter).execute(&mut *tx).await?.rows_affected())?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO roster_exceptions (site_id, zone_letter, day, note) VALUES ($1, $2, $3, $4) RETURNING id")
                .bind(site_id).bind(zone_letter).bind(date.to_string()).bind(note)
                .fetch_one(&mut *tx).await?;
            for block in blocks {
                sqlx::query(
                    "INSERT INTO roster_exception_blocks (exception_id, opens, closes, counters, walk_in) VALUES ($1, $2, $3, $4, $5)")
                    .bind(id)
                    .bind(hhmm(block.hours.opens()))
                    .bind(hhmm(block.hours.closes()))
                    .bind(i64::from(block.counters))
                    .bind(i64::from(block.walk_in))
                    .execute(&mut *tx).await?;
            }
            tx.commit().await?;
            id
        });
        Ok(id)
    }

    /// Changes the note of a date with its own roster.
    pub async fn update_roster_date_note(
        &self,
        site_id: i64,
        zone_letter: &str,
        date: Date,
        note: &str,
    ) -> StoreResult<()> {
        let sql = "UPDATE roster_exceptions SET note = $4 WHERE site_id = $1 AND zone_letter = $2 AND day = $3";
        found(on_backend!(self, pool => sqlx::query(sql)
            .bind(site_id).bind(zone_letter).bind(date.to_string()).bind(note)
            .execute(pool).await?.rows_affected()))
    }

    /// Gives the date back to the weekly roster.
    pub async fn delete_roster_date(
        &self,
        site_id: i64,
        zone_letter: &str,
        date: Date,
    ) -> StoreResult<()> {
        let sql =
            "DELETE FROM roster_exceptions WHERE site_id = $1 AND zone_letter = $2 AND day = $3";
        found(on_backend!(self, pool => sqlx::query(sql)
            .bind(site_id).bind(zone_letter).bind(date.to_string())
            .execute(pool).await?.rows_affected()))
    }

    /// Adds a block to a date with its own roster (`id` None) or changes one; returns its id.
    /// [`StoreError::Overlap`] when it would cover the same time as another block of that date.
    pub async fn save_roster_date_block(
        &self,
        site_id: i64,
        zone_letter: &str,
        date: Date,
        id: Option<i64>,
        block: &DayBlock,
    ) -> StoreResult<i64> {
        let id = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            found(sqlx::query(LOCK_ZONE).bind(site_id).bind(zone_letter).execute(&mut *tx).await?.rows_affected())?;
            let rows: Vec<DateRow> = sqlx::query_as(DATES)
                .bind(site_id).bind(zone_letter).bind(date.to_string()).fetch_all(&mut *tx).await?;
            let day = roster_dates(rows)?
                .into_iter()
                .find(|found| found.date == date)
                .ok_or(StoreError::NotFound)?;
            let others: Vec<DayBlock> = day
                .blocks
                .iter()
                .filter(|other| Some(other.id) != id)
                .map(|other| other.block)
                .collect();
            check_overlap(block.hours, &others)?;
            let (opens, closes) = (hhmm(block.hours.opens()), hhmm(block.hours.closes()));
            let (counters, walk_in) = (i64::from(block.counters), i64::from(block.walk_in));
            let saved: Option<i64> = match id {
                Some(id) => sqlx::query_scalar(
                    "UPDATE roster_exception_blocks SET opens = $3, closes = $4, counters = $5, walk_in = $6 \
                     WHERE exception_id = $1 AND id = $2 RETURNING id")
                    .bind(day.id).bind(id)
                    .bind(opens).bind(closes).bind(counters).bind(walk_in)
                    .fetch_optional(&mut *tx).await?,
                None => sqlx::query_scalar(
                    "INSERT INTO roster_exception_blocks (exception_id, opens, closes, counters, walk_in) \
                     VALUES ($1, $2, $3, $4, $5) RETURNING id")
                    .bind(day.id)
                    .bind(opens).bind(closes).bind(counters).bind(walk_in)
                    .fetch_optional(&mut *tx).await?,
            };
            let saved = saved.ok_or(StoreError::NotFound)?;
            tx.commit().await?;
            saved
        });
        Ok(id)
    }

    /// Removes a block of a date with its own roster; the date keeps its own roster.
    pub async fn delete_roster_date_block(
        &self,
        site_id: i64,
        zone_letter: &str,
        date: Date,
        id: i64,
    ) -> StoreResult<()> {
        let sql = "DELETE FROM roster_exception_blocks WHERE id = $4 AND exception_id IN \
                   (SELECT id FROM roster_exceptions WHERE site_id = $1 AND zone_letter = $2 AND day = $3)";
        found(on_backend!(self, pool => sqlx::query(sql)
            .bind(site_id).bind(zone_letter).bind(date.to_string()).bind(id)
            .execute(pool).await?.rows_affected()))
    }
}
