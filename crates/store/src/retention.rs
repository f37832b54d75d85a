//! Removing the personal data of past visits. Only what identifies a person is cleared: every row
//! stays with its times, statuses, products and counters, so the statistics of its day keep their
//! numbers. Each record is marked when cleared and never cleared again.

use crate::backend::BeginWrite;
use crate::{Store, StoreResult};
use jiff::Timestamp;

/// How many records one transaction clears, so a first run over years of visits never holds the
/// other writers up for long.
const BATCH: i64 = 500;

/// What one removal cleared, per kind of record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RemovedPersonalData {
    pub appointments: u64,
    pub tickets: u64,
    pub on_call_requests: u64,
    pub pickups: u64,
    pub messages: u64,
}

impl RemovedPersonalData {
    pub fn total(&self) -> u64 {
        self.appointments + self.tickets + self.on_call_requests + self.pickups + self.messages
    }
}

// Each statement clears one batch of records not cleared yet from before $1, marks them at $2, and
// takes at most $3. The outer check skips a record another node cleared meanwhile.

/// Appointments: the citizen's name, e-mail, phone and national number go; the manage link's hash
/// becomes a text no hash ever equals, so the link opens nothing. Kept: site, zone, times, products,
/// status and language (the figures), and the short booking code, which names nobody.
const CLEAR_APPOINTMENTS: &str = "UPDATE appointments SET name = '', email = '', phone = '', national_number = NULL, \
     manage_token_hash = 'removed-' || CAST(id AS TEXT), personal_data_removed_at = $2 \
     WHERE id IN (SELECT id FROM appointments WHERE personal_data_removed_at IS NULL AND start_at < $1 ORDER BY id LIMIT $3) \
     AND personal_data_removed_at IS NULL";

/// Tickets hold no name; the hash of the token in their QR code becomes unmatchable, so the phone
/// page opens nothing. Times, statuses and transactions stay for the figures.
const CLEAR_TICKETS: &str = "UPDATE tickets SET track_token_hash = 'removed-' || CAST(id AS TEXT), personal_data_removed_at = $2 \
     WHERE id IN (SELECT id FROM tickets WHERE personal_data_removed_at IS NULL AND issued_at < $1 ORDER BY id LIMIT $3) \
     AND personal_data_removed_at IS NULL";

/// Requests for the counter on call: the name reception wrote and its note go; the times of the
/// request, acceptance and service stay for the figures.
const CLEAR_ON_CALL_REQUESTS: &str = "UPDATE on_call_requests SET citizen_name = '', note = '', personal_data_removed_at = $2 \
     WHERE id IN (SELECT id FROM on_call_requests WHERE personal_data_removed_at IS NULL AND requested_at < $1 ORDER BY id LIMIT $3) \
     AND personal_data_removed_at IS NULL";

/// Documents handed over or returned: the holder's name, national number, e-mail and phone go;
/// product, status and times stay. A document still waiting for its holder keeps them.
const CLEAR_PICKUPS: &str = "UPDATE pickups SET holder_name = '', national_number = NULL, email = NULL, phone = NULL, \
     personal_data_removed_at = $2 \
     WHERE id IN (SELECT id FROM pickups WHERE personal_data_removed_at IS NULL \
                  AND ((status = 'picked_up' AND picked_up_at < $1) OR (status = 'returned' AND returned_at < $1)) \
                  ORDER BY id LIMIT $3) \
     AND personal_data_removed_at IS NULL";

/// Mails and text messages are not linked to a visit and no figure counts them: every message from
/// before the period loses its recipient, words, attachment and error (which may quote the
/// address). One that never left is given up, so no sender ever sends it empty.
const CLEAR_MESSAGES: &str = "UPDATE outbox SET recipient = '', subject = '', text_body = '', html_body = '', \
     attachment_name = NULL, attachment_type = NULL, attachment_body = NULL, last_error = NULL, \
     status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END, personal_data_removed_at = $2 \
     WHERE id IN (SELECT id FROM outbox WHERE personal_data_removed_at IS NULL AND created_at < $1 ORDER BY id LIMIT $3) \
     AND personal_data_removed_at IS NULL";

impl Store {
    /// Clears the personal data of the visits before `before` (see each statement for what goes
    /// and what stays), marked as cleared at `now`. Running it again clears nothing more.
    pub async fn remove_personal_data_before(
        &self,
        before: Timestamp,
        now: Timestamp,
    ) -> StoreResult<RemovedPersonalData> {
        Ok(RemovedPersonalData {
            appointments: self
                .clear_in_batches(CLEAR_APPOINTMENTS, before, now)
                .await?,
            tickets: self.clear_in_batches(CLEAR_TICKETS, before, now).await?,
            on_call_requests: self
                .clear_in_batches(CLEAR_ON_CALL_REQUESTS, before, now)
                .await?,
            pickups: self.clear_in_batches(CLEAR_PICKUPS, before, now).await?,
            messages: self.clear_in_batches(CLEAR_MESSAGES, before, now).await?,
        })
    }

    /// Runs a clearing statement one batch per transaction until a batch comes back short.
    async fn clear_in_batches(
        &self,
        sql: &'static str,
        before: Timestamp,
        now: Timestamp,
    ) -> StoreResult<u64> {
        let mut cleared = 0;
        loop {
            let batch = on_backend!(self, pool => {
                let mut tx = pool.begin_write().await?;
                let changed = sqlx::query(sql)
                    .bind(before.as_second()).bind(now.as_second()).bind(BATCH)
                    .execute(&mut *tx).await?.rows_affected();
                tx.commit().await?;
                changed
            });
            cleared += batch;
            if batch < BATCH.unsigned_abs() {
                return Ok(cleared);
            }
        }
    }
}
