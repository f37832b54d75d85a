//! The desk at the door: the questions reception answers, counted by subject for the statistics.

use crate::{Store, StoreError, StoreResult};
use jiff::Timestamp;

impl Store {
    /// Notes that reception answered a question about `product_code` at a site.
    pub async fn record_question(
        &self,
        site_id: i64,
        product_code: &str,
        user_id: i64,
        at: Timestamp,
    ) -> StoreResult<()> {
        let sql = "INSERT INTO reception_questions (site_id, product_id, at, user_id) \
                   SELECT $1, id, $2, $3 FROM products WHERE code = $4";
        let inserted = on_backend!(self, pool => sqlx::query(sql)
            .bind(site_id).bind(at.as_second()).bind(user_id).bind(product_code)
            .execute(pool).await?.rows_affected());
        if inserted == 0 {
            return Err(StoreError::Reference(format!("product {product_code}")));
        }
        Ok(())
    }

    /// The questions answered at a site from `from` until `until`, per subject, most asked first.
    pub async fn questions_between(
        &self,
        site_id: i64,
        from: Timestamp,
        until: Timestamp,
    ) -> StoreResult<Vec<(String, i64)>> {
        let sql = "SELECT p.code, COUNT(*) AS asked FROM reception_questions q JOIN products p ON p.id = q.product_id \
                   WHERE q.site_id = $1 AND q.at >= $2 AND q.at < $3 GROUP BY p.code ORDER BY asked DESC, p.code";
        Ok(on_backend!(self, pool => sqlx::query_as(sql)
            .bind(site_id).bind(from.as_second()).bind(until.as_second())
            .fetch_all(pool).await?))
    }
}
