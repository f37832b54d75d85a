//! Departments, kiosk rubrics and products.

use crate::backend::BeginWrite;
use crate::{Store, StoreError, StoreResult};
use loket_domain::catalogue::{Channel, Staffing};
pub use loket_domain::catalogue::{DepartmentInput, ProductInput, Texts};
use loket_domain::locale::Locale;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Department {
    pub id: i64,
    pub code: String,
    pub name_nl: String,
    pub name_fr: String,
    pub name_en: String,
    #[sqlx(try_from = "String")]
    pub staffing: Staffing,
}

impl Department {
    pub fn name(&self, locale: Locale) -> &str {
        locale.pick(&self.name_nl, &self.name_fr, &self.name_en)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Rubric {
    pub id: i64,
    pub code: String,
    pub name_nl: String,
    pub name_fr: String,
    pub name_en: String,
    pub position: i64,
}

impl Rubric {
    pub fn name(&self, locale: Locale) -> &str {
        locale.pick(&self.name_nl, &self.name_fr, &self.name_en)
    }
}

/// What became of a request to remove a rubric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RubricRemoval {
    Removed,
    /// Kept: products are in it still.
    InUse {
        products: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Product {
    pub id: i64,
    pub code: String,
    pub name_nl: String,
    pub name_fr: String,
    pub name_en: String,
    pub department_code: String,
    pub zone_letter: Option<String>,
    #[sqlx(try_from = "String")]
    pub channel: Channel,
    pub minutes: i64,
    pub fee_cents: Option<i64>,
    pub online: bool,
    pub pickup_later: bool,
    pub rubric_code: Option<String>,
    pub description_nl: String,
    pub description_fr: String,
    pub description_en: String,
    pub bring_nl: String,
    pub bring_fr: String,
    pub bring_en: String,
}

impl Product {
    pub fn name(&self, locale: Locale) -> &str {
        locale.pick(&self.name_nl, &self.name_fr, &self.name_en)
    }

    pub fn description(&self, locale: Locale) -> &str {
        locale.pick(
            &self.description_nl,
            &self.description_fr,
            &self.description_en,
        )
    }

    /// What to bring, one item per entry.
    pub fn bring(&self, locale: Locale) -> Vec<&str> {
        locale
            .pick(&self.bring_nl, &self.bring_fr, &self.bring_en)
            .split(" · ")
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .collect()
    }

    pub fn input(&self) -> ProductInput {
        ProductInput {
            code: self.code.clone(),
            names: Texts::new(&self.name_nl, &self.name_fr, &self.name_en),
            department_code: self.department_code.clone(),
            zone_letter: self.zone_letter.clone(),
            channel: self.channel,
            minutes: self.minutes,
            fee_cents: self.fee_cents,
            online: self.online,
            pickup_later: self.pickup_later,
            rubric_code: self.rubric_code.clone(),
            descriptions: Texts::new(
                &self.description_nl,
                &self.description_fr,
                &self.description_en,
            ),
            bring: Texts::new(&self.bring_nl, &self.bring_fr, &self.bring_en),
        }
    }
}

const PRODUCT_COLUMNS: &str = "SELECT p.id, p.code, p.name_nl, p.name_fr, p.name_en, d.code AS department_code, \
     p.zone_letter, p.channel, p.minutes, p.fee_cents, p.online, p.pickup_later, r.code AS rubric_code, \
     p.description_nl, p.description_fr, p.description_en, p.bring_nl, p.bring_fr, p.bring_en \
     FROM products p JOIN departments d ON d.id = p.department_id LEFT JOIN rubrics r ON r.id = p.rubric_id";

impl Store {
    pub async fn departments(&self) -> StoreResult<Vec<Department>> {
        let sql = "SELECT id, code, name_nl, name_fr, name_en, staffing FROM departments ORDER BY name_nl";
        Ok(on_backend!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?))
    }

    pub async fn department(&self, code: &str) -> StoreResult<Department> {
        let sql =
            "SELECT id, code, name_nl, name_fr, name_en, staffing FROM departments WHERE code = $1";
        Ok(on_backend!(self, pool => sqlx::query_as(sql).bind(code).fetch_one(pool).await?))
    }

    /// Adds the department, or updates the one with the same code.
    pub async fn save_department(&self, input: &DepartmentInput) -> StoreResult<()> {
        let sql = "INSERT INTO departments (code, name_nl, name_fr, name_en, staffing) VALUES ($1, $2, $3, $4, $5) \
                   ON CONFLICT (code) DO UPDATE SET name_nl = $2, name_fr = $3, name_en = $4, staffing = $5";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(&input.code)
            .bind(&input.names.nl)
            .bind(&input.names.fr)
            .bind(&input.names.en)
            .bind(input.staffing.code())
            .execute(pool)
            .await?
            .rows_affected());
        Ok(())
    }

    pub async fn rubrics(&self) -> StoreResult<Vec<Rubric>> {
        let sql = "SELECT id, code, name_nl, name_fr, name_en, position FROM rubrics ORDER BY position, code";
        Ok(on_backend!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?))
    }

    pub async fn save_rubric(&self, code: &str, names: &Texts, position: i64) -> StoreResult<()> {
        let sql = "INSERT INTO rubrics (code, name_nl, name_fr, name_en, position) VALUES ($1, $2, $3, $4, $5) \
                   ON CONFLICT (code) DO UPDATE SET name_nl = $2, name_fr = $3, name_en = $4, position = $5";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(code)
            .bind(&names.nl)
            .bind(&names.fr)
            .bind(&names.en)
            .bind(position)
            .execute(pool)
            .await?
            .rows_affected());
        Ok(())
    }

    pub async fn rubric(&self, code: &str) -> StoreResult<Rubric> {
        let sql =
            "SELECT id, code, name_nl, name_fr, name_en, position FROM rubrics WHERE code = $1";
        Ok(on_backend!(self, pool => sqlx::query_as(sql).bind(code).fetch_one(pool).await?))
    }

    /// Per rubric code, how many products are in that rubric (rubrics without products included).
    pub async fn rubric_product_counts(&self) -> StoreResult<Vec<(String, i64)>> {
        let sql = "SELECT r.code, COUNT(p.id) FROM rubrics r LEFT JOIN products p ON p.rubric_id = r.id \
                   GROUP BY r.code ORDER BY r.code";
        Ok(on_backend!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?))
    }

    /// Adds a rubric at the end of the kiosk's order; [`StoreError::Duplicate`] when its code is taken.
    pub async fn insert_rubric(&self, code: &str, names: &Texts) -> StoreResult<()> {
        let sql = "INSERT INTO rubrics (code, name_nl, name_fr, name_en, position) \
                   SELECT $1, $2, $3, $4, COALESCE(MAX(position), 0) + 1 FROM rubrics";
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(sql)
                .bind(code)
                .bind(&names.nl)
                .bind(&names.fr)
                .bind(&names.en)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Changes the names of a rubric; its code and place stay.
    pub async fn rename_rubric(&self, code: &str, names: &Texts) -> StoreResult<()> {
        let sql = "UPDATE rubrics SET name_nl = $2, name_fr = $3, name_en = $4 WHERE code = $1";
        let changed = on_backend!(self, pool => sqlx::query(sql)
            .bind(code)
            .bind(&names.nl)
            .bind(&names.fr)
            .bind(&names.en)
            .execute(pool)
            .await?
            .rows_affected());
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Swaps a rubric with the one before it (`earlier`) or after it in the kiosk's order. The
    /// positions are numbered 1, 2, 3... again in the same transaction, so rubrics that shared a
    /// position get one each. False when the rubric is first or last already.
    pub async fn move_rubric(&self, code: &str, earlier: bool) -> StoreResult<bool> {
        let moved = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let mut codes: Vec<String> =
                sqlx::query_scalar("SELECT code FROM rubrics ORDER BY position, code")
                    .fetch_all(&mut *tx)
                    .await?;
            let index = codes
                .iter()
                .position(|c| c == code)
                .ok_or(StoreError::NotFound)?;
            let other = if earlier {
                index.checked_sub(1)
            } else {
                Some(index + 1).filter(|i| *i < codes.len())
            };
            match other {
                Some(other) => {
                    codes.swap(index, other);
                    for (position, code) in (1_i64..).zip(&codes) {
                        sqlx::query("UPDATE rubrics SET position = $1 WHERE code = $2 AND position <> $1")
                            .bind(position)
                            .bind(code)
                            .execute(&mut *tx)
                            .await?;
                    }
                    tx.commit().await?;
                    true
                }
                None => false,
            }
        });
        Ok(moved)
    }

    /// Removes a rubric that holds no product; otherwise leaves it and says how many it holds.
    pub async fn remove_rubric(&self, code: &str) -> StoreResult<RubricRemoval> {
        let removal = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let id: i64 = sqlx::query_scalar("SELECT id FROM rubrics WHERE code = $1")
                .bind(code)
                .fetch_one(&mut *tx)
                .await?;
            let products: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products WHERE rubric_id = $1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
            if products == 0 {
                sqlx::query("DELETE FROM rubrics WHERE id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                RubricRemoval::Removed
            } else {
                RubricRemoval::InUse { products }
            }
        });
        Ok(removal)
    }

    /// Every product, ordered by its Dutch name.
    pub async fn products(&self) -> StoreResult<Vec<Product>> {
        let sql = format!("{PRODUCT_COLUMNS} ORDER BY p.name_nl");
        Ok(
            on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await?),
        )
    }

    pub async fn product(&self, code: &str) -> StoreResult<Product> {
        let sql = format!("{PRODUCT_COLUMNS} WHERE p.code = $1");
        Ok(
            on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(code).fetch_one(pool).await?),
        )
    }

    /// Adds a product; [`StoreError::Duplicate`] when its code is taken.
    pub async fn insert_product(&self, input: &ProductInput) -> StoreResult<()> {
        self.write_product(None, input).await
    }

    /// Changes the product that has code `code` now (its code may change too).
    pub async fn update_product(&self, code: &str, input: &ProductInput) -> StoreResult<()> {
        self.write_product(Some(code), input).await
    }

    /// Adds the product, or updates the one with the same code (for imports).
    pub async fn upsert_product(&self, input: &ProductInput) -> StoreResult<()> {
        match self.product(&input.code).await {
            Ok(_) => self.update_product(&input.code, input).await,
            Err(StoreError::NotFound) => self.insert_product(input).await,
            Err(other) => Err(other),
        }
    }

    async fn write_product(
        &self,
        existing_code: Option<&str>,
        input: &ProductInput,
    ) -> StoreResult<()> {
        let values = "name_nl = $2, name_fr = $3, name_en = $4, department_id = $5, zone_letter = $6, channel = $7, \
             minutes = $8, fee_cents = $9, online = $10, pickup_later = $11, rubric_id = $12, description_nl = $13, \
             description_fr = $14, description_en = $15, bring_nl = $16, bring_fr = $17, bring_en = $18";
        let sql = match existing_code {
            Some(_) => format!("UPDATE products SET code = $1, {values} WHERE code = $19"),
            None => "INSERT INTO products (code, name_nl, name_fr, name_en, department_id, zone_letter, channel, minutes, \
                 fee_cents, online, pickup_later, rubric_id, description_nl, description_fr, description_en, bring_nl, \
                 bring_fr, bring_en) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)"
                .to_owned(),
        };
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let department_id: i64 = sqlx::query_scalar("SELECT id FROM departments WHERE code = $1")
                .bind(&input.department_code)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or_else(|| StoreError::Reference(format!("department {}", input.department_code)))?;
            let rubric_id: Option<i64> = match &input.rubric_code {
                Some(code) => Some(
                    sqlx::query_scalar("SELECT id FROM rubrics WHERE code = $1")
                        .bind(code)
                        .fetch_optional(&mut *tx)
                        .await?
                        .ok_or_else(|| StoreError::Reference(format!("rubric {code}")))?,
                ),
                None => None,
            };
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(&input.code)
                .bind(&input.names.nl)
                .bind(&input.names.fr)
                .bind(&input.names.en)
                .bind(department_id)
                .bind(&input.zone_letter)
                .bind(input.channel.code())
                .bind(input.minutes)
                .bind(input.fee_cents)
                .bind(input.online)
                .bind(input.pickup_later)
                .bind(rubric_id)
                .bind(&input.descriptions.nl)
                .bind(&input.descriptions.fr)
                .bind(&input.descriptions.en)
                .bind(&input.bring.nl)
                .bind(&input.bring.fr)
                .bind(&input.bring.en);
            if let Some(code) = existing_code {
                query = query.bind(code);
            }
            let changed = query.execute(&mut *tx).await?;
            if changed.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            tx.commit().await?;
        });
        Ok(())
    }
}
