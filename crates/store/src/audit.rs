//! The audit log: who did what to which record, and when. Later parts write every lookup of a
//! person's data here too.

use crate::{Store, StoreResult};
use jiff::Timestamp;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub at: Timestamp,
    pub actor: Option<String>,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

type AuditRow = (i64, Option<String>, String, String, String);

impl Store {
    pub async fn audit(
        &self,
        at: Timestamp,
        actor_id: Option<i64>,
        action: &str,
        subject: &str,
        detail: &str,
    ) -> StoreResult<()> {
        let sql = "INSERT INTO audit_log (at, actor_id, action, subject, detail) VALUES ($1, $2, $3, $4, $5)";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(at.as_second()).bind(actor_id).bind(action).bind(subject).bind(detail)
            .execute(pool).await?.rows_affected());
        Ok(())
    }

    /// The newest entries first.
    pub async fn audit_entries(&self, limit: i64) -> StoreResult<Vec<AuditEntry>> {
        let sql = "SELECT a.at, u.username, a.action, a.subject, a.detail FROM audit_log a \
                   LEFT JOIN users u ON u.id = a.actor_id ORDER BY a.id DESC LIMIT $1";
        let rows: Vec<AuditRow> =
            on_backend!(self, pool => sqlx::query_as(sql).bind(limit).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|(at, actor, action, subject, detail)| AuditEntry {
                at: Timestamp::from_second(at).unwrap_or(Timestamp::UNIX_EPOCH),
                actor,
                action,
                subject,
                detail,
            })
            .collect())
    }
}
