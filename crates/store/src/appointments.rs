//! The appointment book: bookings and the places they take.

use crate::backend::BeginWrite;
use crate::staff::{random_token, token_hash};
use crate::{Store, StoreError, StoreResult};
use jiff::{SignedDuration, Timestamp};
use loket_domain::locale::Locale;
use loket_domain::slots::Cell;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentStatus {
    Booked,
    Cancelled,
    CheckedIn,
    Served,
    NoShow,
}

impl AppointmentStatus {
    /// The Fluent id of the status's name.
    pub fn message_id(self) -> &'static str {
        match self {
            AppointmentStatus::Booked => "status-booked",
            AppointmentStatus::Cancelled => "status-cancelled",
            AppointmentStatus::CheckedIn => "status-checked-in",
            AppointmentStatus::Served => "status-served",
            AppointmentStatus::NoShow => "status-no-show",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            AppointmentStatus::Booked => "booked",
            AppointmentStatus::Cancelled => "cancelled",
            AppointmentStatus::CheckedIn => "checked_in",
            AppointmentStatus::Served => "served",
            AppointmentStatus::NoShow => "no_show",
        }
    }

    fn parse(code: &str) -> StoreResult<AppointmentStatus> {
        [
            Self::Booked,
            Self::Cancelled,
            Self::CheckedIn,
            Self::Served,
            Self::NoShow,
        ]
        .into_iter()
        .find(|status| status.code() == code)
        .ok_or_else(|| StoreError::Invalid(format!("appointment status {code}")))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Appointment {
    pub id: i64,
    pub code: String,
    pub status: AppointmentStatus,
    pub site_code: String,
    pub zone_letter: String,
    pub start: Timestamp,
    pub end: Timestamp,
    /// Product codes; a code listed twice is two persons.
    pub products: Vec<String>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub national_number: Option<String>,
    pub locale: Locale,
}

/// A booking to make: the visit's cells come from the site's appointment book.
#[derive(Debug, Clone)]
pub struct NewAppointment {
    pub site_id: i64,
    pub zone_letter: String,
    pub products: Vec<String>,
    pub cells: Vec<Cell>,
    pub cell_length: SignedDuration,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub national_number: Option<String>,
    pub locale: Locale,
    pub booked_by: Option<i64>,
    pub limits: BookingLimits,
}

impl NewAppointment {
    /// The people the limits count for, as lock keys in the order every booking takes them.
    fn limit_keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        if !self.email.is_empty() {
            keys.push(token_hash(&format!("email:{}", self.email)));
        }
        if let Some(number) = &self.national_number {
            keys.extend(
                self.distinct_products()
                    .map(|product| token_hash(&format!("nn:{number}:{product}"))),
            );
        }
        keys.sort();
        keys
    }

    fn distinct_products(&self) -> impl Iterator<Item = &String> {
        self.products
            .iter()
            .enumerate()
            .filter(|(i, p)| !self.products[..*i].contains(p))
            .map(|(_, p)| p)
    }
}

/// A new booking and the secret of its manage link, which is shown only now.
#[derive(Debug, Clone)]
pub struct Booked {
    pub appointment: Appointment,
    pub manage_token: String,
}

/// Which booking limit a booking ran into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Future appointments per e-mail address.
    Email,
    /// Future appointments per national number for one product.
    NationalNumber,
}

/// How many future appointments one person may hold at once, against bots and hoarders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BookingLimits {
    pub per_email: u32,
    pub per_national_number_and_product: u32,
}

impl BookingLimits {
    pub const NONE: BookingLimits = BookingLimits {
        per_email: u32::MAX,
        per_national_number_and_product: u32::MAX,
    };
}

impl Default for BookingLimits {
    fn default() -> Self {
        BookingLimits {
            per_email: 3,
            per_national_number_and_product: 1,
        }
    }
}

type AppointmentRow = (
    i64,
    String,
    String,
    String,
    String,
    i64,
    i64,
    String,
    String,
    String,
    Option<String>,
    String,
);

const APPOINTMENT_COLUMNS: &str = "SELECT a.id, a.code, a.status, s.code, a.zone_letter, a.start_at, a.end_at, a.name, a.email, \
     a.phone, a.national_number, a.locale FROM appointments a JOIN sites s ON s.id = a.site_id";

/// Unambiguous letters and digits for codes read aloud or typed at a kiosk.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

fn new_code() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    (0..7)
        .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

fn instant(seconds: i64) -> StoreResult<Timestamp> {
    Timestamp::from_second(seconds).map_err(|e| StoreError::Invalid(e.to_string()))
}

/// The places a change takes (+1) or gives back (-1), per cell, in the order every transaction
/// touches them, so two bookings never wait on each other in a circle.
fn changes(take: &[Cell], give_back: &[Timestamp]) -> BTreeMap<i64, (i64, u32)> {
    let mut delta: BTreeMap<i64, (i64, u32)> = BTreeMap::new();
    for cell in take {
        let entry = delta
            .entry(cell.start.as_second())
            .or_insert((0, cell.places));
        entry.0 += 1;
        entry.1 = cell.places;
    }
    for start in give_back {
        delta.entry(start.as_second()).or_insert((0, u32::MAX)).0 -= 1;
    }
    delta.retain(|_, (change, _)| *change != 0);
    delta
}

/// Applies place changes inside `$tx`; returns `StoreError::Full` from the enclosing function
/// when a cell has no room left.
macro_rules! move_places {
    ($tx:ident, $site_id:expr, $zone:expr, $changes:expr) => {
        for (cell_start, (change, places)) in $changes {
            if change > 0 {
                let raised: Option<i64> = sqlx::query_scalar(
                    "INSERT INTO slot_usage (site_id, zone_letter, cell_start, taken) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (site_id, zone_letter, cell_start) DO UPDATE SET taken = slot_usage.taken + $4 \
                     WHERE slot_usage.taken + $4 <= $5 RETURNING taken",
                )
                .bind($site_id)
                .bind($zone)
                .bind(cell_start)
                .bind(change)
                .bind(i64::from(places))
                .fetch_optional(&mut *$tx)
                .await?;
                if raised.is_none_or(|taken| taken > i64::from(places)) {
                    return Err(StoreError::Full);
                }
            } else {
                sqlx::query(
                    "UPDATE slot_usage SET taken = taken + $4 WHERE site_id = $1 AND zone_letter = $2 AND cell_start = $3 AND taken + $4 >= 0",
                )
                .bind($site_id)
                .bind($zone)
                .bind(cell_start)
                .bind(change)
                .execute(&mut *$tx)
                .await?;
            }
        }
    };
}

/// Takes the locks of the people a booking counts for, then returns `StoreError::Limit` from the
/// enclosing function when one of them holds as many future appointments as allowed.
macro_rules! check_limits {
    ($tx:ident, $new:expr, $at:expr) => {
        for key in $new.limit_keys() {
            sqlx::query("INSERT INTO booking_locks (key) VALUES ($1) ON CONFLICT (key) DO UPDATE SET key = excluded.key")
                .bind(key)
                .execute(&mut *$tx)
                .await?;
        }
        if !$new.email.is_empty() {
            let held: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM appointments WHERE email = $1 AND status = 'booked' AND start_at >= $2",
            )
            .bind(&$new.email)
            .bind($at.as_second())
            .fetch_one(&mut *$tx)
            .await?;
            if held >= i64::from($new.limits.per_email) {
                return Err(StoreError::Limit(Limit::Email));
            }
        }
        if let Some(number) = &$new.national_number {
            for product in $new.distinct_products() {
                let held: i64 = sqlx::query_scalar(
                    "SELECT COUNT(DISTINCT a.id) FROM appointments a JOIN appointment_products ap ON ap.appointment_id = a.id \
                     JOIN products p ON p.id = ap.product_id \
                     WHERE a.national_number = $1 AND a.status = 'booked' AND a.start_at >= $2 AND p.code = $3",
                )
                .bind(number)
                .bind($at.as_second())
                .bind(product)
                .fetch_one(&mut *$tx)
                .await?;
                if held >= i64::from($new.limits.per_national_number_and_product) {
                    return Err(StoreError::Limit(Limit::NationalNumber));
                }
            }
        }
    };
}

impl Store {
    /// The places taken in a zone's cells that start in [from, to).
    pub async fn taken_places(
        &self,
        site_id: i64,
        zone_letter: &str,
        from: Timestamp,
        to: Timestamp,
    ) -> StoreResult<HashMap<Timestamp, u32>> {
        let sql = "SELECT cell_start, taken FROM slot_usage WHERE site_id = $1 AND zone_letter = $2 AND cell_start >= $3 AND cell_start < $4 AND taken > 0";
        let rows: Vec<(i64, i64)> = on_backend!(self, pool => sqlx::query_as(sql)
            .bind(site_id).bind(zone_letter).bind(from.as_second()).bind(to.as_second())
            .fetch_all(pool).await?);
        rows.into_iter()
            .map(|(start, taken)| Ok((instant(start)?, u32::try_from(taken).unwrap_or(u32::MAX))))
            .collect()
    }

    /// Books a visit if every cell it covers still has room: [`StoreError::Full`] otherwise, and
    /// then nothing is stored.
    pub async fn book_appointment(
        &self,
        new: &NewAppointment,
        at: Timestamp,
    ) -> StoreResult<Booked> {
        let (Some(first), Some(last)) = (new.cells.first(), new.cells.last()) else {
            return Err(StoreError::Invalid("a visit without cells".into()));
        };
        let (start, end) = (first.start, last.start + new.cell_length);
        let manage_token = random_token();
        for _ in 0..5 {
            let code = new_code();
            match self
                .insert_appointment(new, &code, &manage_token, start, end, at)
                .await
            {
                Err(StoreError::Duplicate(message)) if message.contains("code") => continue,
                Err(other) => return Err(other),
                Ok(()) => {
                    let appointment = self.appointment_by_token(&manage_token).await?;
                    return Ok(Booked {
                        appointment,
                        manage_token,
                    });
                }
            }
        }
        Err(StoreError::Invalid(
            "no free appointment code after five tries".into(),
        ))
    }

    async fn insert_appointment(
        &self,
        new: &NewAppointment,
        code: &str,
        manage_token: &str,
        start: Timestamp,
        end: Timestamp,
        at: Timestamp,
    ) -> StoreResult<()> {
        let places = changes(&new.cells, &[]);
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            check_limits!(tx, new, at);
            move_places!(tx, new.site_id, &new.zone_letter, places);
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO appointments (site_id, zone_letter, code, manage_token_hash, status, start_at, end_at, cell_minutes, \
                 name, email, phone, national_number, locale, booked_by, created_at, changed_at) \
                 VALUES ($1, $2, $3, $4, 'booked', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id")
                .bind(new.site_id).bind(&new.zone_letter).bind(code).bind(token_hash(manage_token))
                .bind(start.as_second()).bind(end.as_second()).bind(new.cell_length.as_mins())
                .bind(&new.name).bind(&new.email).bind(&new.phone).bind(&new.national_number)
                .bind(new.locale.code()).bind(new.booked_by).bind(at.as_second())
                .fetch_one(&mut *tx).await?;
            for (position, product) in (0_i64..).zip(&new.products) {
                let inserted = sqlx::query(
                    "INSERT INTO appointment_products (appointment_id, position, product_id) SELECT $1, $2, id FROM products WHERE code = $3")
                    .bind(id).bind(position).bind(product)
                    .execute(&mut *tx).await?;
                if inserted.rows_affected() == 0 {
                    return Err(StoreError::Reference(format!("product {product}")));
                }
            }
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn appointment_by_token(&self, manage_token: &str) -> StoreResult<Appointment> {
        let sql = format!("{APPOINTMENT_COLUMNS} WHERE a.manage_token_hash = $1");
        let row: AppointmentRow = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(token_hash(manage_token)).fetch_one(pool).await?);
        self.one_with_products(row).await
    }

    /// The appointment with this booking code, as typed at a kiosk (any case, spaces around).
    pub async fn appointment_by_code(&self, code: &str) -> StoreResult<Appointment> {
        let sql = format!("{APPOINTMENT_COLUMNS} WHERE a.code = $1");
        let row: AppointmentRow = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(code.trim().to_uppercase()).fetch_one(pool).await?);
        self.one_with_products(row).await
    }

    pub async fn appointment(&self, id: i64) -> StoreResult<Appointment> {
        let sql = format!("{APPOINTMENT_COLUMNS} WHERE a.id = $1");
        let row: AppointmentRow = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(pool).await?);
        self.one_with_products(row).await
    }

    /// The appointments whose code, e-mail address or phone number is `text`, or whose name
    /// holds it, that start from `from` on; at most `limit`, the soonest first.
    pub async fn find_appointments(
        &self,
        text: &str,
        from: Timestamp,
        limit: i64,
    ) -> StoreResult<Vec<Appointment>> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "{APPOINTMENT_COLUMNS} WHERE a.start_at >= $2 AND (a.code = $3 OR LOWER(a.email) = $4 OR a.phone = $1 \
             OR LOWER(a.name) LIKE $5) ORDER BY a.start_at, a.id LIMIT $6"
        );
        let lower = text.to_lowercase();
        let literal: String = lower
            .chars()
            .filter(|c| !matches!(c, '%' | '_' | '\\'))
            .collect();
        // A part of a name from two characters on; shorter text matches a whole name only.
        let pattern = if literal.chars().count() >= 2 {
            format!("%{literal}%")
        } else {
            literal
        };
        let rows: Vec<AppointmentRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(text).bind(from.as_second()).bind(text.to_uppercase()).bind(&lower).bind(pattern).bind(limit)
            .fetch_all(pool).await?);
        self.with_products(rows).await
    }

    async fn one_with_products(&self, row: AppointmentRow) -> StoreResult<Appointment> {
        self.with_products(vec![row])
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// Appointments from their rows, with their products read in one query.
    async fn with_products(&self, rows: Vec<AppointmentRow>) -> StoreResult<Vec<Appointment>> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let ids = rows
            .iter()
            .map(|row| row.0.to_string())
            .collect::<Vec<_>>()
            .join(",");
        // The ids are integers read from the database, so writing them into the text is safe.
        let sql = format!(
            "SELECT ap.appointment_id, p.code FROM appointment_products ap JOIN products p ON p.id = ap.product_id \
             WHERE ap.appointment_id IN ({ids}) ORDER BY ap.appointment_id, ap.position"
        );
        let product_rows: Vec<(i64, String)> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await?);
        let mut products: HashMap<i64, Vec<String>> = HashMap::new();
        for (appointment_id, code) in product_rows {
            products.entry(appointment_id).or_default().push(code);
        }
        rows.into_iter()
            .map(|row| {
                let codes = products.remove(&row.0).unwrap_or_default();
                appointment_from(row, codes)
            })
            .collect()
    }
}

/// An appointment from its row and its product codes.
fn appointment_from(row: AppointmentRow, products: Vec<String>) -> StoreResult<Appointment> {
    let (
        id,
        code,
        status,
        site_code,
        zone_letter,
        start,
        end,
        name,
        email,
        phone,
        national_number,
        locale,
    ) = row;
    Ok(Appointment {
        id,
        code,
        status: AppointmentStatus::parse(&status)?,
        site_code,
        zone_letter,
        start: instant(start)?,
        end: instant(end)?,
        products,
        name,
        email,
        phone,
        national_number,
        locale: locale.parse().unwrap_or_default(),
    })
}

impl Store {
    /// The cells a stored appointment holds, with its site, zone and state.
    async fn held_cells(&self, id: i64) -> StoreResult<(i64, String, String, Vec<Timestamp>)> {
        let sql = "SELECT site_id, zone_letter, status, start_at, end_at, cell_minutes FROM appointments WHERE id = $1";
        let (site_id, zone, status, start, end, minutes): (i64, String, String, i64, i64, i64) =
            on_backend!(self, pool => sqlx::query_as(sql).bind(id).fetch_one(pool).await?);
        let step = minutes.max(1) * 60;
        let cells = (start..end)
            .step_by(usize::try_from(step).unwrap_or(600))
            .map(instant)
            .collect::<StoreResult<_>>()?;
        Ok((site_id, zone, status, cells))
    }

    /// Cancels a booked appointment and frees its places.
    pub async fn cancel_appointment(&self, id: i64, at: Timestamp) -> StoreResult<Appointment> {
        let (site_id, zone, status, held) = self.held_cells(id).await?;
        if status != AppointmentStatus::Booked.code() {
            return Err(StoreError::WrongState(status));
        }
        let places = changes(&[], &held);
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let changed = sqlx::query("UPDATE appointments SET status = 'cancelled', changed_at = $2 WHERE id = $1 AND status = 'booked'")
                .bind(id).bind(at.as_second()).execute(&mut *tx).await?;
            if changed.rows_affected() == 0 {
                return Err(StoreError::WrongState("changed meanwhile".into()));
            }
            move_places!(tx, site_id, &zone, places);
            tx.commit().await?;
        });
        self.appointment(id).await
    }

    /// Moves a booked appointment to new cells in one transaction: it never loses the old time
    /// without getting the new one ([`StoreError::Full`] keeps the old).
    pub async fn reschedule_appointment(
        &self,
        id: i64,
        cells: &[Cell],
        cell_length: SignedDuration,
        at: Timestamp,
    ) -> StoreResult<Appointment> {
        let (site_id, zone, status, held) = self.held_cells(id).await?;
        if status != AppointmentStatus::Booked.code() {
            return Err(StoreError::WrongState(status));
        }
        let (Some(first), Some(last)) = (cells.first(), cells.last()) else {
            return Err(StoreError::Invalid("a visit without cells".into()));
        };
        let (start, end) = (first.start, last.start + cell_length);
        let places = changes(cells, &held);
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let changed = sqlx::query(
                "UPDATE appointments SET start_at = $2, end_at = $3, cell_minutes = $4, changed_at = $5, reminder_queued_at = NULL \
                 WHERE id = $1 AND status = 'booked'")
                .bind(id).bind(start.as_second()).bind(end.as_second()).bind(cell_length.as_mins()).bind(at.as_second())
                .execute(&mut *tx).await?;
            if changed.rows_affected() == 0 {
                return Err(StoreError::WrongState("changed meanwhile".into()));
            }
            move_places!(tx, site_id, &zone, places);
            tx.commit().await?;
        });
        self.appointment(id).await
    }

    /// Claims the booked appointments starting in [from, to) whose reminder is not queued yet, so
    /// that of several nodes only one reminds each citizen.
    pub async fn claim_reminders(
        &self,
        from: Timestamp,
        to: Timestamp,
        at: Timestamp,
    ) -> StoreResult<Vec<Appointment>> {
        let sql = "UPDATE appointments SET reminder_queued_at = $3 WHERE status = 'booked' AND reminder_queued_at IS NULL \
                   AND start_at >= $1 AND start_at < $2 RETURNING id";
        let ids: Vec<i64> = on_backend!(self, pool => sqlx::query_scalar(sql)
            .bind(from.as_second()).bind(to.as_second()).bind(at.as_second())
            .fetch_all(pool).await?);
        let mut claimed = Vec::with_capacity(ids.len());
        for id in ids {
            claimed.push(self.appointment(id).await?);
        }
        Ok(claimed)
    }

    /// Records that the citizen of a booked appointment did not come.
    pub async fn mark_no_show(&self, id: i64, at: Timestamp) -> StoreResult<()> {
        let sql = "UPDATE appointments SET status = 'no_show', changed_at = $2 WHERE id = $1 AND status = 'booked'";
        let changed = on_backend!(self, pool => sqlx::query(sql).bind(id).bind(at.as_second()).execute(pool).await?.rows_affected());
        if changed == 0 {
            return Err(StoreError::WrongState("not booked".into()));
        }
        Ok(())
    }

    /// Appointments of a site whose visit starts in [from, to), by start, in every state.
    pub async fn appointments_between(
        &self,
        site_id: i64,
        from: Timestamp,
        to: Timestamp,
    ) -> StoreResult<Vec<Appointment>> {
        let sql = format!(
            "{APPOINTMENT_COLUMNS} WHERE a.site_id = $1 AND a.start_at >= $2 AND a.start_at < $3 ORDER BY a.start_at, a.id"
        );
        let rows: Vec<AppointmentRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(site_id).bind(from.as_second()).bind(to.as_second()).fetch_all(pool).await?);
        self.with_products(rows).await
    }
}
