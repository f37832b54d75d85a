//! Documents waiting at the fast counter for their holder: registered when they arrive, found by
//! name, pickup code or national number, handed over once, or sent back when nobody came.

use crate::backend::BeginWrite;
use crate::{Store, StoreError, StoreResult};
use jiff::Timestamp;
use loket_domain::locale::Locale;
use rand::Rng;

/// Where a document is in its short life at the counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PickupStatus {
    Ready,
    PickedUp,
    /// Not collected in time: sent back, or its codes destroyed.
    Returned,
}

impl PickupStatus {
    pub fn code(self) -> &'static str {
        match self {
            PickupStatus::Ready => "ready",
            PickupStatus::PickedUp => "picked_up",
            PickupStatus::Returned => "returned",
        }
    }

    fn parse(code: &str) -> StoreResult<PickupStatus> {
        match code {
            "ready" => Ok(PickupStatus::Ready),
            "picked_up" => Ok(PickupStatus::PickedUp),
            "returned" => Ok(PickupStatus::Returned),
            other => Err(StoreError::Invalid(format!("pickup status {other}"))),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pickup {
    pub id: i64,
    pub site_id: i64,
    pub product_code: String,
    pub holder_name: String,
    /// Eleven digits, never shown unmasked.
    pub national_number: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub locale: Locale,
    pub pickup_code: String,
    pub status: PickupStatus,
    pub registered_at: Timestamp,
    pub picked_up_at: Option<Timestamp>,
    pub by_proxy: bool,
    pub returned_at: Option<Timestamp>,
}

#[derive(sqlx::FromRow)]
struct PickupRow {
    id: i64,
    site_id: i64,
    product_code: String,
    holder_name: String,
    national_number: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    locale: String,
    pickup_code: String,
    status: String,
    registered_at: i64,
    picked_up_at: Option<i64>,
    by_proxy: bool,
    returned_at: Option<i64>,
}

fn instant(seconds: i64) -> StoreResult<Timestamp> {
    Timestamp::from_second(seconds).map_err(|e| StoreError::Invalid(e.to_string()))
}

impl TryFrom<PickupRow> for Pickup {
    type Error = StoreError;

    fn try_from(row: PickupRow) -> StoreResult<Pickup> {
        Ok(Pickup {
            id: row.id,
            site_id: row.site_id,
            product_code: row.product_code,
            holder_name: row.holder_name,
            national_number: row.national_number,
            email: row.email,
            phone: row.phone,
            locale: row.locale.parse().unwrap_or_default(),
            pickup_code: row.pickup_code,
            status: PickupStatus::parse(&row.status)?,
            registered_at: instant(row.registered_at)?,
            picked_up_at: row.picked_up_at.map(instant).transpose()?,
            by_proxy: row.by_proxy,
            returned_at: row.returned_at.map(instant).transpose()?,
        })
    }
}

const PICKUP_COLUMNS: &str = "SELECT k.id, k.site_id, p.code AS product_code, k.holder_name, k.national_number, \
     k.email, k.phone, k.locale, k.pickup_code, k.status, k.registered_at, k.picked_up_at, k.by_proxy, k.returned_at \
     FROM pickups k JOIN products p ON p.id = k.product_id";

/// A document that arrived for its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPickup {
    pub site_id: i64,
    pub product_code: String,
    pub holder_name: String,
    /// Eleven digits, validated by the caller.
    pub national_number: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub locale: Locale,
}

/// What the counter typed to find a document: the name (or part of it) matches case-insensitively,
/// the code and the national number exactly.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PickupSearch {
    pub name: String,
    pub pickup_code: String,
    /// Eleven digits, or empty.
    pub national_number: String,
}

/// Letters and digits nobody confuses when reading them aloud or typing them (no 0/O, 1/I/L, 5/S,
/// 2/Z, 8/B).
const CODE_ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";
const CODE_LENGTH: usize = 6;

fn new_pickup_code() -> String {
    let mut rng = rand::rng();
    (0..CODE_LENGTH)
        .map(|_| char::from(CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())]))
        .collect()
}

/// `%` and `_` typed in a name mean themselves.
fn like_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{}%", escaped.to_lowercase())
}

/// How many documents a search lists at most.
const FOUND_AT_MOST: i64 = 50;

impl Store {
    /// Registers documents in one transaction: all of them, or none when one refers to an
    /// unknown product or site. Each gets a pickup code of its own.
    pub async fn register_pickups(
        &self,
        documents: &[NewPickup],
        registered_by: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<Vec<Pickup>> {
        let mut ids = Vec::with_capacity(documents.len());
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            for document in documents {
                // A code that happens to be taken already is drawn again.
                let id = loop {
                    let inserted: Option<i64> = sqlx::query_scalar(
                        "INSERT INTO pickups (site_id, product_id, holder_name, national_number, email, phone, locale, \
                         pickup_code, status, registered_at, registered_by) \
                         SELECT $1, id, $2, $3, $4, $5, $6, $7, 'ready', $8, $9 FROM products WHERE code = $10 \
                         ON CONFLICT (pickup_code) DO NOTHING RETURNING id")
                        .bind(document.site_id)
                        .bind(&document.holder_name)
                        .bind(&document.national_number)
                        .bind(&document.email)
                        .bind(&document.phone)
                        .bind(document.locale.code())
                        .bind(new_pickup_code())
                        .bind(now.as_second())
                        .bind(registered_by)
                        .bind(&document.product_code)
                        .fetch_optional(&mut *tx)
                        .await?;
                    if let Some(id) = inserted {
                        break id;
                    }
                    let known: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products WHERE code = $1")
                        .bind(&document.product_code).fetch_one(&mut *tx).await?;
                    if known == 0 {
                        return Err(StoreError::Reference(format!("product {}", document.product_code)));
                    }
                };
                ids.push(id);
            }
            tx.commit().await?;
        });
        let mut pickups = Vec::with_capacity(ids.len());
        for id in ids {
            pickups.push(self.pickup(id).await?);
        }
        Ok(pickups)
    }

    pub async fn pickup(&self, id: i64) -> StoreResult<Pickup> {
        let sql = format!("{PICKUP_COLUMNS} WHERE k.id = $1");
        let row: PickupRow = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(pool).await?);
        row.try_into()
    }

    /// The documents of a site that match any part of `search`: those still waiting first, then
    /// the newest.
    pub async fn find_pickups(
        &self,
        site_id: i64,
        search: &PickupSearch,
    ) -> StoreResult<Vec<Pickup>> {
        let name = if search.name.trim().is_empty() {
            String::new()
        } else {
            like_pattern(search.name.trim())
        };
        let sql = format!(
            "{PICKUP_COLUMNS} WHERE k.site_id = $1 AND (($2 <> '' AND LOWER(k.holder_name) LIKE $2 ESCAPE '\\') \
             OR ($3 <> '' AND k.pickup_code = $3) OR ($4 <> '' AND k.national_number = $4)) \
             ORDER BY CASE WHEN k.status = 'ready' THEN 0 ELSE 1 END, k.registered_at DESC, k.id DESC LIMIT $5"
        );
        let rows: Vec<PickupRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(site_id)
            .bind(&name)
            .bind(search.pickup_code.trim().to_uppercase())
            .bind(&search.national_number)
            .bind(FOUND_AT_MOST)
            .fetch_all(pool)
            .await?);
        rows.into_iter().map(Pickup::try_from).collect()
    }

    /// The documents of a site still waiting that were registered before `registered_before`,
    /// oldest first.
    pub async fn pickups_waiting_since(
        &self,
        site_id: i64,
        registered_before: Timestamp,
    ) -> StoreResult<Vec<Pickup>> {
        let sql = format!(
            "{PICKUP_COLUMNS} WHERE k.site_id = $1 AND k.status = 'ready' AND k.registered_at < $2 \
             ORDER BY k.registered_at, k.id"
        );
        let rows: Vec<PickupRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(site_id).bind(registered_before.as_second()).fetch_all(pool).await?);
        rows.into_iter().map(Pickup::try_from).collect()
    }

    /// Hands a waiting document over. Of any number of hand-overs at once exactly one succeeds;
    /// the others, and any later one, get [`StoreError::WrongState`] with the document's status.
    pub async fn hand_over_pickup(
        &self,
        id: i64,
        handed_over_by: Option<i64>,
        by_proxy: bool,
        now: Timestamp,
    ) -> StoreResult<Pickup> {
        let sql = "UPDATE pickups SET status = 'picked_up', picked_up_at = $2, handed_over_by = $3, by_proxy = $4 \
                   WHERE id = $1 AND status = 'ready'";
        let changed = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let changed = sqlx::query(sql).bind(id).bind(now.as_second()).bind(handed_over_by).bind(by_proxy)
                .execute(&mut *tx).await?.rows_affected();
            tx.commit().await?;
            changed
        });
        self.left_ready(id, changed).await
    }

    /// Marks a waiting document as sent back (or its codes destroyed); like a hand-over, only once.
    pub async fn return_pickup(&self, id: i64, now: Timestamp) -> StoreResult<Pickup> {
        let sql = "UPDATE pickups SET status = 'returned', returned_at = $2 WHERE id = $1 AND status = 'ready'";
        let changed = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let changed = sqlx::query(sql).bind(id).bind(now.as_second())
                .execute(&mut *tx).await?.rows_affected();
            tx.commit().await?;
            changed
        });
        self.left_ready(id, changed).await
    }

    /// The document after a conditional change out of `ready`: [`StoreError::WrongState`] with its
    /// status when the change found it no longer ready.
    async fn left_ready(&self, id: i64, changed: u64) -> StoreResult<Pickup> {
        let pickup = self.pickup(id).await?;
        if changed == 0 {
            return Err(StoreError::WrongState(pickup.status.code().to_owned()));
        }
        Ok(pickup)
    }
}
