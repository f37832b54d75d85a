//! The personal data of a visit is kept for a retention period after its day and then removed;
//! the figures of that day stay as they were. See `loket_store::retention` for what goes.

use crate::state::AppState;
use jiff::{Timestamp, ToSpan};
use loket_store::StoreResult;
use loket_store::retention::RemovedPersonalData;
use std::time::Duration;

/// How often the removal runs; visits become due a day at a time.
const ROUND: Duration = Duration::from_secs(3600);

/// How many days after its day the personal data of a visit is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionPeriod {
    days: i64,
}

impl RetentionPeriod {
    /// Three months: long enough for questions about a visit, short enough to keep little.
    pub const DEFAULT_DAYS: i64 = 90;
    pub const MAX_DAYS: i64 = 36_500;

    /// A period of 1 to [`Self::MAX_DAYS`] days.
    pub fn of_days(days: i64) -> Option<RetentionPeriod> {
        (1..=Self::MAX_DAYS)
            .contains(&days)
            .then_some(RetentionPeriod { days })
    }

    pub fn days(self) -> i64 {
        self.days
    }
}

impl Default for RetentionPeriod {
    fn default() -> Self {
        RetentionPeriod {
            days: Self::DEFAULT_DAYS,
        }
    }
}

/// The start of the oldest day whose visits keep their personal data: midnight in the city, the
/// period's number of days before today.
pub fn kept_from(state: &AppState) -> StoreResult<Timestamp> {
    let zone = state.settings.time_zone.clone();
    let today = state.now().to_zoned(zone.clone()).date();
    today
        .checked_sub(state.settings.visit_retention.days().days())
        .and_then(|day| day.to_zoned(zone))
        .map(|midnight| midnight.timestamp())
        .map_err(|error| loket_store::StoreError::Invalid(error.to_string()))
}

/// Removes the personal data of every visit older than the period; when anything was removed, one
/// audit line says how much.
pub async fn remove_expired(state: &AppState) -> StoreResult<RemovedPersonalData> {
    let now = state.now();
    let removed = state
        .store
        .remove_personal_data_before(kept_from(state)?, now)
        .await?;
    if removed.total() > 0 {
        state
            .store
            .audit(
                now,
                None,
                "retention.remove",
                "personal data of visits",
                &describe(&removed),
            )
            .await?;
    }
    Ok(removed)
}

/// What was removed, in numbers only.
pub fn describe(removed: &RemovedPersonalData) -> String {
    format!(
        "appointments {}, tickets {}, requests for the counter on call {}, documents handed over or returned {}, messages {}",
        removed.appointments,
        removed.tickets,
        removed.on_call_requests,
        removed.pickups,
        removed.messages
    )
}

/// Removes expired personal data once an hour, for as long as the server runs.
pub async fn run(state: AppState) {
    let mut hourly = tokio::time::interval(ROUND);
    while !state.store.is_closed() {
        hourly.tick().await;
        match remove_expired(&state).await {
            Ok(removed) if removed.total() == 0 => {}
            Ok(removed) => tracing::info!(
                "removed the personal data of past visits: {}",
                describe(&removed)
            ),
            Err(error) => {
                tracing::warn!("could not remove the personal data of past visits: {error}")
            }
        }
    }
}
