//! The sender: takes the due mails from the outbox one by one, hands each to the SMTP server and
//! records the outcome. A failed attempt is tried again after 1, 5, 15 and 60 minutes and then
//! every hour; after ten attempts the mail is marked failed.

use crate::mail::{SmtpSettings, SmtpTls};
use jiff::{SignedDuration, Timestamp};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use loket_domain::clock::Clock;
use loket_store::outbox::QueuedMail;
use loket_store::{Store, StoreResult};
use std::sync::Arc;
use std::time::Duration;

/// After this many failed attempts a mail is marked failed.
pub const MAX_ATTEMPTS: u32 = 10;

/// How often the background task looks for due mails.
pub const ROUND_INTERVAL: Duration = Duration::from_secs(5);

/// The longest a round sends, so one round of a long backlog ends and the next begins.
const MAX_PER_ROUND: usize = 200;

/// How long the SMTP server may take to answer one command.
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

/// How long a mail taken for sending is held from other senders (other nodes). Far longer than
/// one delivery may take; if the sender stops meanwhile, the mail is due again after it.
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

/// Sends mail every few seconds for as long as the server runs. Never returns.
pub async fn run_outbox(store: Store, clock: Arc<dyn Clock>, smtp: SmtpSettings) {
    let mut rounds = tokio::time::interval(ROUND_INTERVAL);
    rounds.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        rounds.tick().await;
        match send_due_mails(&store, &smtp, clock.now()).await {
            Ok(0) => {}
            Ok(count) => tracing::info!("sent {count} mails"),
            Err(error) => tracing::warn!("the outbox could not be read: {error}"),
        }
    }
}

/// One round: sends every mail due at `now`, one by one, and records each outcome. Returns how
/// many mails left. A mail that fails stays in the outbox for a later attempt.
pub async fn send_due_mails(
    store: &Store,
    smtp: &SmtpSettings,
    now: Timestamp,
) -> StoreResult<usize> {
    let transport = transport(smtp);
    let mut sent = 0;
    for _ in 0..MAX_PER_ROUND {
        let Some(queued) = store
            .claim_due_mails(now, now + HOLD, 1)
            .await?
            .into_iter()
            .next()
        else {
            break;
        };
        let outcome = match (&transport, message(&smtp.from, &queued)) {
            (Ok(transport), Ok(message)) => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|error| Failure::Retry(error.to_string())),
            (Err(error), _) => Err(Failure::Retry(error.to_string())),
            (_, Err(error)) => Err(Failure::GiveUp(error)),
        };
        match outcome {
            Ok(()) => {
                store.mark_sent(queued.id, now).await?;
                sent += 1;
            }
            Err(failure) => record_failure(store, &queued, failure, now).await?,
        }
    }
    Ok(sent)
}

enum Failure {
    /// The server is unreachable or refused: try again later.
    Retry(String),
    /// The mail itself is wrong (an impossible address): another attempt cannot help.
    GiveUp(String),
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
    if give_up {
        tracing::warn!(
            "mail {} failed after {failed} attempts and is not tried again: {error}",
            queued.id
        );
    } else {
        tracing::warn!(
            "mail {} could not be sent (attempt {failed}), tried again later: {error}",
            queued.id
        );
    }
    store
        .mark_attempt_failed(queued.id, &error, now + retry_delay(failed), give_up)
        .await
}

/// The SMTP transport for these settings; one connection per mail.
pub(crate) fn transport(
    smtp: &SmtpSettings,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, lettre::transport::smtp::Error> {
    let parameters = || TlsParameters::new(smtp.host.clone());
    let tls = match smtp.tls {
        SmtpTls::None => Tls::None,
        SmtpTls::Opportunistic => Tls::Opportunistic(parameters()?),
        SmtpTls::StartTls => Tls::Required(parameters()?),
        SmtpTls::Tls => Tls::Wrapper(parameters()?),
    };
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(smtp.host.clone())
        .port(smtp.port)
        .tls(tls)
        .timeout(Some(SMTP_TIMEOUT));
    if let Some(username) = &smtp.username {
        builder = builder.credentials(Credentials::new(
            username.clone(),
            smtp.password.clone().unwrap_or_default(),
        ));
    }
    Ok(builder.build())
}

/// The message as it leaves: text and HTML as alternatives, and the attachment beside them. Its
/// Message-ID stays the same on every attempt, so a mail server can tell a repeat.
fn message(from: &Mailbox, queued: &QueuedMail) -> Result<Message, String> {
    let mail = &queued.mail;
    let to: Mailbox = mail
        .recipient
        .trim()
        .parse()
        .map_err(|error| format!("the recipient address is not valid: {error}"))?;
    let alternatives = MultiPart::alternative_plain_html(mail.text.clone(), mail.html.clone());
    let body = match &mail.attachment {
        None => alternatives,
        Some(attachment) => {
            let content_type = ContentType::parse(&attachment.content_type).map_err(|error| {
                format!(
                    "the attachment's type {} is not valid: {error}",
                    attachment.content_type
                )
            })?;
            MultiPart::mixed().multipart(alternatives).singlepart(
                Attachment::new(attachment.name.clone())
                    .body(attachment.body.clone(), content_type),
            )
        }
    };
    let message_id = format!(
        "<loket-outbox-{}.{}@{}>",
        queued.id,
        queued.created_at.as_second(),
        from.email.domain()
    );
    Message::builder()
        .message_id(Some(message_id))
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .multipart(body)
        .map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use loket_store::outbox::{MailAttachment, MailStatus, OutgoingMail};

    #[test]
    fn a_failed_mail_waits_longer_each_time_then_every_hour() {
        let minutes: Vec<i64> = (1..=MAX_ATTEMPTS)
            .map(|failed| retry_delay(failed).as_mins())
            .collect();
        assert_eq!(minutes, [1, 5, 15, 60, 60, 60, 60, 60, 60, 60]);
    }

    #[test]
    fn a_mail_with_an_ics_has_text_html_and_the_calendar() {
        let from: Mailbox = "Stad Leuven <noreply@leuven.be>".parse().unwrap();
        let mail = OutgoingMail {
            recipient: "an.peeters@example.be".into(),
            subject: "Uw afspraak".into(),
            text: "Tot donderdag.".into(),
            html: "<p>Tot donderdag.</p>".into(),
            attachment: Some(MailAttachment {
                name: "afspraak.ics".into(),
                content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
                body: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".into(),
            }),
        };
        let mut queued = QueuedMail {
            id: 7,
            mail,
            created_at: Timestamp::from_second(1_796_288_400).unwrap(),
            send_after: Timestamp::from_second(1_796_288_400).unwrap(),
            attempts: 0,
            last_error: None,
            sent_at: None,
            status: MailStatus::Pending,
        };
        let formatted = String::from_utf8(message(&from, &queued).unwrap().formatted()).unwrap();
        for expected in [
            "multipart/mixed",
            "multipart/alternative",
            "text/plain",
            "text/html",
            "text/calendar",
            "method=PUBLISH",
            "afspraak.ics",
            "Message-ID: <loket-outbox-7.1796288400@leuven.be>",
        ] {
            assert!(formatted.contains(expected), "{expected} in {formatted}");
        }
        queued.mail.recipient = "not an address".into();
        assert!(message(&from, &queued).is_err());
    }
}
