//! Sites, their zones (letters), counters (numbers) and meeting rooms.

use crate::backend::BeginWrite;
use crate::catalogue::Texts;
use crate::{Store, StoreError, StoreResult};
use loket_domain::locale::Locale;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Site {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub time_zone: String,
    pub legal_holidays: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteInput {
    pub code: String,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub time_zone: String,
    pub legal_holidays: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Zone {
    pub id: i64,
    pub letter: String,
    pub name_nl: String,
    pub name_fr: String,
    pub name_en: String,
    pub colour: String,
}

impl Zone {
    pub fn name(&self, locale: Locale) -> &str {
        locale.pick(&self.name_nl, &self.name_fr, &self.name_en)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneInput {
    pub letter: String,
    pub names: Texts,
    pub colour: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Counter {
    pub id: i64,
    pub number: i64,
    pub zone_letter: String,
    /// Codes of the products this counter serves.
    pub products: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterInput {
    pub number: i64,
    pub zone_letter: String,
    pub products: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Room {
    pub id: i64,
    pub code: String,
    pub name_nl: String,
    pub name_fr: String,
    pub name_en: String,
    pub note: String,
}

impl Room {
    pub fn name(&self, locale: Locale) -> &str {
        locale.pick(&self.name_nl, &self.name_fr, &self.name_en)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomInput {
    pub code: String,
    pub names: Texts,
    pub note: String,
}

#[derive(sqlx::FromRow)]
struct CounterProductRow {
    number: i64,
    product_code: String,
}

impl Store {
    pub async fn sites(&self) -> StoreResult<Vec<Site>> {
        let sql = "SELECT id, code, name, address, phone, time_zone, legal_holidays FROM sites ORDER BY name";
        Ok(on_backend!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?))
    }

    pub async fn site(&self, code: &str) -> StoreResult<Site> {
        let sql = "SELECT id, code, name, address, phone, time_zone, legal_holidays FROM sites WHERE code = $1";
        Ok(on_backend!(self, pool => sqlx::query_as(sql).bind(code).fetch_one(pool).await?))
    }

    pub async fn insert_site(&self, input: &SiteInput) -> StoreResult<()> {
        let sql = "INSERT INTO sites (code, name, address, phone, time_zone, legal_holidays) VALUES ($1, $2, $3, $4, $5, $6)";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(&input.code).bind(&input.name).bind(&input.address).bind(&input.phone)
            .bind(&input.time_zone).bind(input.legal_holidays)
            .execute(pool).await?.rows_affected());
        Ok(())
    }

    pub async fn update_site(&self, code: &str, input: &SiteInput) -> StoreResult<()> {
        let sql = "UPDATE sites SET code = $1, name = $2, address = $3, phone = $4, time_zone = $5, legal_holidays = $6 \
                   WHERE code = $7";
        let changed = on_backend!(self, pool => sqlx::query(sql)
            .bind(&input.code).bind(&input.name).bind(&input.address).bind(&input.phone)
            .bind(&input.time_zone).bind(input.legal_holidays).bind(code)
            .execute(pool).await?.rows_affected());
        found(changed)
    }

    pub async fn zones(&self, site_id: i64) -> StoreResult<Vec<Zone>> {
        let sql = "SELECT id, letter, name_nl, name_fr, name_en, colour FROM zones WHERE site_id = $1 ORDER BY letter";
        Ok(on_backend!(self, pool => sqlx::query_as(sql).bind(site_id).fetch_all(pool).await?))
    }

    /// Adds the zone, or updates the site's zone with the same letter.
    pub async fn save_zone(&self, site_id: i64, input: &ZoneInput) -> StoreResult<()> {
        let sql = "INSERT INTO zones (site_id, letter, name_nl, name_fr, name_en, colour) VALUES ($1, $2, $3, $4, $5, $6) \
                   ON CONFLICT (site_id, letter) DO UPDATE SET name_nl = $3, name_fr = $4, name_en = $5, colour = $6";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(site_id).bind(&input.letter).bind(&input.names.nl).bind(&input.names.fr)
            .bind(&input.names.en).bind(&input.colour)
            .execute(pool).await?.rows_affected());
        Ok(())
    }

    /// The site's counters by number, each with the products it serves.
    pub async fn counters(&self, site_id: i64) -> StoreResult<Vec<Counter>> {
        let counters_sql = "SELECT c.id, c.number, z.letter FROM counters c JOIN zones z ON z.id = c.zone_id \
                            WHERE c.site_id = $1 ORDER BY c.number";
        let products_sql = "SELECT c.number, p.code AS product_code FROM counter_products cp \
                            JOIN counters c ON c.id = cp.counter_id JOIN products p ON p.id = cp.product_id \
                            WHERE c.site_id = $1 ORDER BY p.code";
        let (rows, served): (Vec<(i64, i64, String)>, Vec<CounterProductRow>) = on_backend!(self, pool => (
            sqlx::query_as(counters_sql).bind(site_id).fetch_all(pool).await?,
            sqlx::query_as(products_sql).bind(site_id).fetch_all(pool).await?,
        ));
        Ok(rows
            .into_iter()
            .map(|(id, number, zone_letter)| Counter {
                id,
                number,
                zone_letter,
                products: served
                    .iter()
                    .filter(|row| row.number == number)
                    .map(|row| row.product_code.clone())
                    .collect(),
            })
            .collect())
    }

    /// Adds the counter, or updates the site's counter with the same number, with the products it serves.
    pub async fn save_counter(&self, site_id: i64, input: &CounterInput) -> StoreResult<()> {
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let zone_id: i64 = sqlx::query_scalar("SELECT id FROM zones WHERE site_id = $1 AND letter = $2")
                .bind(site_id).bind(&input.zone_letter)
                .fetch_optional(&mut *tx).await?
                .ok_or_else(|| StoreError::Reference(format!("zone {}", input.zone_letter)))?;
            let counter_id: i64 = sqlx::query_scalar(
                "INSERT INTO counters (site_id, zone_id, number) VALUES ($1, $2, $3) \
                 ON CONFLICT (site_id, number) DO UPDATE SET zone_id = $2 RETURNING id")
                .bind(site_id).bind(zone_id).bind(input.number)
                .fetch_one(&mut *tx).await?;
            sqlx::query("DELETE FROM counter_products WHERE counter_id = $1")
                .bind(counter_id).execute(&mut *tx).await?;
            for code in &input.products {
                let inserted = sqlx::query(
                    "INSERT INTO counter_products (counter_id, product_id) SELECT $1, id FROM products WHERE code = $2")
                    .bind(counter_id).bind(code)
                    .execute(&mut *tx).await?;
                if inserted.rows_affected() == 0 {
                    return Err(StoreError::Reference(format!("product {code}")));
                }
            }
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn delete_counter(&self, site_id: i64, number: i64) -> StoreResult<()> {
        let sql = "DELETE FROM counters WHERE site_id = $1 AND number = $2";
        let changed = on_backend!(self, pool => sqlx::query(sql).bind(site_id).bind(number).execute(pool).await?.rows_affected());
        found(changed)
    }

    pub async fn rooms(&self, site_id: i64) -> StoreResult<Vec<Room>> {
        let sql = "SELECT id, code, name_nl, name_fr, name_en, note FROM rooms WHERE site_id = $1 ORDER BY code";
        Ok(on_backend!(self, pool => sqlx::query_as(sql).bind(site_id).fetch_all(pool).await?))
    }

    /// Adds the room, or updates the site's room with the same code.
    pub async fn save_room(&self, site_id: i64, input: &RoomInput) -> StoreResult<()> {
        let sql = "INSERT INTO rooms (site_id, code, name_nl, name_fr, name_en, note) VALUES ($1, $2, $3, $4, $5, $6) \
                   ON CONFLICT (site_id, code) DO UPDATE SET name_nl = $3, name_fr = $4, name_en = $5, note = $6";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(site_id).bind(&input.code).bind(&input.names.nl).bind(&input.names.fr)
            .bind(&input.names.en).bind(&input.note)
            .execute(pool).await?.rows_affected());
        Ok(())
    }

    /// The site's zone with this letter.
    pub async fn zone(&self, site_id: i64, letter: &str) -> StoreResult<Zone> {
        let sql = "SELECT id, letter, name_nl, name_fr, name_en, colour FROM zones WHERE site_id = $1 AND letter = $2";
        Ok(
            on_backend!(self, pool => sqlx::query_as(sql).bind(site_id).bind(letter).fetch_one(pool).await?),
        )
    }

    /// Adds a zone; [`StoreError::Duplicate`] when the site has a zone with that letter already.
    pub async fn insert_zone(&self, site_id: i64, input: &ZoneInput) -> StoreResult<()> {
        let sql = "INSERT INTO zones (site_id, letter, name_nl, name_fr, name_en, colour) VALUES ($1, $2, $3, $4, $5, $6)";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(site_id).bind(&input.letter).bind(&input.names.nl).bind(&input.names.fr)
            .bind(&input.names.en).bind(&input.colour)
            .execute(pool).await?.rows_affected());
        Ok(())
    }

    /// The site's meeting room with this code.
    pub async fn room(&self, site_id: i64, code: &str) -> StoreResult<Room> {
        let sql = "SELECT id, code, name_nl, name_fr, name_en, note FROM rooms WHERE site_id = $1 AND code = $2";
        Ok(
            on_backend!(self, pool => sqlx::query_as(sql).bind(site_id).bind(code).fetch_one(pool).await?),
        )
    }

    /// Adds a meeting room; [`StoreError::Duplicate`] when the site has a room with that code already.
    pub async fn insert_room(&self, site_id: i64, input: &RoomInput) -> StoreResult<()> {
        let sql = "INSERT INTO rooms (site_id, code, name_nl, name_fr, name_en, note) VALUES ($1, $2, $3, $4, $5, $6)";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(site_id).bind(&input.code).bind(&input.names.nl).bind(&input.names.fr)
            .bind(&input.names.en).bind(&input.note)
            .execute(pool).await?.rows_affected());
        Ok(())
    }
}

/// Turns "no row changed" into [`StoreError::NotFound`].
pub(crate) fn found(rows_affected: u64) -> StoreResult<()> {
    if rows_affected == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}
