//! Delivering what waits in the store's outbox, by mail or text message alike: a round takes the
//! due messages of one channel one by one, hands each to its carrier and records the outcome. A
//! failed attempt is tried again after 1, 5, 15 and 60 minutes and then every hour; after ten
//! attempts the message is marked failed.

use jiff::{SignedDuration, Timestamp};
use loket_store::outbox::{OutboxChannel, QueuedMail};
use loket_store::{Store, StoreResult};
use std::time::Duration;

/// After this many failed attempts a message is marked failed.
pub const MAX_ATTEMPTS: u32 = 10;

/// How often the background tasks look for due messages.
pub const ROUND_INTERVAL: Duration = Duration::from_secs(5);

/// The most one round sends, so one round of a long backlog ends and the next begins.
const MAX_PER_ROUND: usize = 200;

/// How long a message taken for sending is held from other senders (other nodes). Far longer
/// than one delivery may take; if the sender stops meanwhile, the message is due again after it.
const HOLD: SignedDuration = SignedDuration::from_mins(15);

/// The wait before the next attempt, after `failed` failed attempts: 1, 5, 15, 60 minutes, then
/// every hour.
pub fn retry_delay(failed: u32) -> SignedDuration {
    SignedDuration::from_mins(match failed {
        0 | 1 => 1,
        2 => 5,
        3 => 15,
        _ => 60,
    })
}

/// Why a delivery failed, and so whether to try again.
pub enum Failure {
    /// The carrier is unreachable or refused for now: try again later.
    Retry(String),
    /// The message itself is wrong (an impossible address): another attempt cannot help.
    GiveUp(String),
}

/// What takes a message of one channel to its recipient: the SMTP server, the SMS gateway.
pub trait Carrier: Sync {
    const CHANNEL: OutboxChannel;

    fn deliver(&self, queued: &QueuedMail) -> impl Future<Output = Result<(), Failure>> + Send;
}

/// One round: delivers every message of the carrier's channel due at `now`, one by one, and
/// records each outcome. Returns how many left. A message that fails stays for a later attempt.
pub async fn deliver_due<C: Carrier>(
    store: &Store,
    carrier: &C,
    now: Timestamp,
) -> StoreResult<usize> {
    let mut sent = 0;
    for _ in 0..MAX_PER_ROUND {
        let Some(queued) = store
            .claim_due_mails(C::CHANNEL, now, now + HOLD, 1)
            .await?
            .into_iter()
            .next()
        else {
            break;
        };
        match carrier.deliver(&queued).await {
            Ok(()) => {
                store.mark_sent(queued.id, now).await?;
                sent += 1;
            }
            Err(failure) => record_failure(store, &queued, failure, now).await?,
        }
    }
    Ok(sent)
}

async fn record_failure(
    store: &Store,
    queued: &QueuedMail,
    failure: Failure,
    now: Timestamp,
) -> StoreResult<()> {
    let failed = queued.attempts.saturating_add(1);
    let (error, give_up) = match failure {
        Failure::Retry(error) => (error, failed >= MAX_ATTEMPTS),
        Failure::GiveUp(error) => (error, true),
    };
    let what = queued.channel.code();
    if give_up {
        tracing::warn!(
            "{what} {} failed after {failed} attempts and is not tried again: {error}",
            queued.id
        );
    } else {
        tracing::warn!(
            "{what} {} could not be sent (attempt {failed}), tried again later: {error}",
            queued.id
        );
    }
    store
        .mark_attempt_failed(queued.id, &error, now + retry_delay(failed), give_up)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_message_waits_longer_each_time_then_every_hour() {
        let minutes: Vec<i64> = (1..=MAX_ATTEMPTS)
            .map(|failed| retry_delay(failed).as_mins())
            .collect();
        assert_eq!(minutes, [1, 5, 15, 60, 60, 60, 60, 60, 60, 60]);
    }
}
