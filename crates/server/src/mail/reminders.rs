//! The reminder the day before: from 18:00 on, every citizen with an appointment the next day gets
//! one mail. A moved appointment is reminded again for its new day.

use crate::mail::appointment::{Notice, queue};
use crate::state::AppState;
use jiff::ToSpan;
use loket_store::StoreResult;
use std::time::Duration;

/// The local hour from which the reminders of the next day leave.
pub const REMINDER_HOUR: i8 = 18;

/// Queues the reminders that are due now; returns how many.
pub async fn queue_due_reminders(state: &AppState) -> StoreResult<usize> {
    let now = state.now().to_zoned(state.settings.time_zone.clone());
    if now.hour() < REMINDER_HOUR {
        return Ok(0);
    }
    let start_of = |date: jiff::civil::Date| {
        date.to_zoned(state.settings.time_zone.clone())
            .map(|z| z.timestamp())
    };
    let (Ok(tomorrow), Ok(day_after)) = (
        start_of(now.date().saturating_add(1.day())),
        start_of(now.date().saturating_add(2.days())),
    ) else {
        return Ok(0);
    };
    let due = state
        .store
        .claim_reminders(tomorrow, day_after, state.now())
        .await?;
    for appointment in &due {
        queue(state, appointment, None, Notice::Reminder).await?;
    }
    Ok(due.len())
}

/// Looks for due reminders every minute.
pub async fn run_reminders(state: AppState) {
    let mut every_minute = tokio::time::interval(Duration::from_secs(60));
    loop {
        every_minute.tick().await;
        match queue_due_reminders(&state).await {
            Ok(0) => {}
            Ok(count) => tracing::info!("queued {count} reminders for tomorrow"),
            Err(error) => tracing::warn!("could not queue reminders: {error}"),
        }
    }
}
