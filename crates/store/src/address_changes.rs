//! The back office's side of an address change: the neighbourhood officer's check, and the
//! decision. An approval changes the request, the register and the citizen's e-box in one
//! transaction, and only while the request is still submitted, so of two employees deciding at
//! once exactly one decides.

use crate::backend::BeginWrite;
use crate::eloket::{NewMessage, Request, RequestStatus, deliver_message_in};
use crate::register::move_to_address_in;
use crate::{Store, StoreError, StoreResult};
use jiff::Timestamp;
use jiff::civil::Date;
use loket_domain::national_number::NationalNumber;
use loket_domain::register::Address;

/// The kind of request an address change is kept as.
pub const ADDRESS_CHANGE: &str = "adreswijziging";

/// Why an approval was not possible: the officer has not confirmed the citizen lives there.
pub const NOT_CHECKED: &str = "not checked";

/// What the neighbourhood officer found at the new address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckOutcome {
    /// The citizen lives there.
    Confirmed,
    /// Nobody found the citizen living there.
    NotFound,
}

impl CheckOutcome {
    pub const ALL: [CheckOutcome; 2] = [CheckOutcome::Confirmed, CheckOutcome::NotFound];

    pub fn code(self) -> &'static str {
        match self {
            CheckOutcome::Confirmed => "confirmed",
            CheckOutcome::NotFound => "not_found",
        }
    }

    pub fn parse(code: &str) -> Option<CheckOutcome> {
        Self::ALL.into_iter().find(|outcome| outcome.code() == code)
    }
}

/// The neighbourhood officer's check of an address change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficerCheck {
    pub checked_on: Date,
    pub outcome: CheckOutcome,
    pub note: String,
}

/// A decision to take on a submitted address change.
#[derive(Debug, Clone)]
pub enum Decision<'a> {
    /// Move `movers` to `to` from `since`.
    Approve {
        movers: &'a [NationalNumber],
        to: &'a Address,
        since: Date,
    },
    Refuse {
        reason: &'a str,
    },
}

impl Store {
    /// Records (or records again) the officer's check of a submitted address change;
    /// [`StoreError::WrongState`] once it is decided, [`StoreError::NotFound`] for another request.
    pub async fn record_officer_check(
        &self,
        request_id: i64,
        check: &OfficerCheck,
        by: i64,
        at: Timestamp,
    ) -> StoreResult<()> {
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let status: Option<String> = sqlx::query_scalar(
                "SELECT status FROM eloket_requests WHERE id = $1 AND kind = $2")
                .bind(request_id)
                .bind(ADDRESS_CHANGE)
                .fetch_optional(&mut *tx)
                .await?;
            match status.as_deref() {
                None => return Err(StoreError::NotFound),
                Some(status) if status != RequestStatus::Submitted.code() => {
                    return Err(StoreError::WrongState(status.to_owned()));
                }
                Some(_) => {}
            }
            sqlx::query(
                "INSERT INTO address_change_checks (request_id, checked_on, outcome, note, recorded_by, recorded_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (request_id) DO UPDATE SET \
                 checked_on = excluded.checked_on, outcome = excluded.outcome, note = excluded.note, \
                 recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at")
                .bind(request_id)
                .bind(check.checked_on.to_string())
                .bind(check.outcome.code())
                .bind(&check.note)
                .bind(by)
                .bind(at.as_second())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The officer's check of an address change, once recorded.
    pub async fn officer_check(&self, request_id: i64) -> StoreResult<Option<OfficerCheck>> {
        let sql =
            "SELECT checked_on, outcome, note FROM address_change_checks WHERE request_id = $1";
        let row: Option<(String, String, String)> = on_backend!(self, pool => sqlx::query_as(sql)
            .bind(request_id).fetch_optional(pool).await?);
        row.map(|(checked_on, outcome, note)| {
            Ok(OfficerCheck {
                checked_on: checked_on
                    .parse()
                    .map_err(|_| StoreError::Invalid(format!("check date {checked_on}")))?,
                outcome: CheckOutcome::parse(&outcome)
                    .ok_or_else(|| StoreError::Invalid(format!("check outcome {outcome}")))?,
                note,
            })
        })
        .transpose()
    }

    /// Decides a submitted address change in one transaction: the request is approved (and the
    /// movers moved in the register) or refused with the reason, and `message` (its
    /// `request_id` filled in) put in the citizen's e-box; all of it or nothing.
    ///
    /// [`StoreError::WrongState`] when it was decided already (by someone else meanwhile), or the
    /// movers are no longer of one household; [`StoreError::Reference`] when the street left the
    /// city's list; [`StoreError::NotFound`] for another request.
    pub async fn decide_address_change(
        &self,
        request_id: i64,
        decision: &Decision<'_>,
        message: &NewMessage,
        by: i64,
        at: Timestamp,
    ) -> StoreResult<Request> {
        let (status, reason, condition) = match decision {
            // Only what the officer confirmed is approved.
            Decision::Approve { .. } => (
                RequestStatus::Approved,
                None,
                " AND EXISTS (SELECT 1 FROM address_change_checks c \
                 WHERE c.request_id = eloket_requests.id AND c.outcome = 'confirmed')",
            ),
            Decision::Refuse { reason } => (RequestStatus::Refused, Some(*reason), ""),
        };
        let update = format!(
            "UPDATE eloket_requests SET status = $1, decided_at = $2, decided_by = $3, decision_reason = $4 \
             WHERE id = $5 AND kind = $6 AND status = $7{condition}"
        );
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let decided = sqlx::query(sqlx::AssertSqlSafe(update.clone()))
                .bind(status.code())
                .bind(at.as_second())
                .bind(by)
                .bind(reason)
                .bind(request_id)
                .bind(ADDRESS_CHANGE)
                .bind(RequestStatus::Submitted.code())
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if decided != 1 {
                let status: Option<String> = sqlx::query_scalar(
                    "SELECT status FROM eloket_requests WHERE id = $1 AND kind = $2")
                    .bind(request_id)
                    .bind(ADDRESS_CHANGE)
                    .fetch_optional(&mut *tx)
                    .await?;
                return Err(match status {
                    None => StoreError::NotFound,
                    Some(status) if status == RequestStatus::Submitted.code() => {
                        StoreError::WrongState(NOT_CHECKED.into())
                    }
                    Some(status) => StoreError::WrongState(status),
                });
            }
            if let Decision::Approve { movers, to, since } = decision {
                move_to_address_in!(tx, movers, to, *since);
            }
            let message = NewMessage { request_id: Some(request_id), ..message.clone() };
            deliver_message_in!(tx, &message, at);
            tx.commit().await?;
        });
        self.request(request_id).await
    }
}
