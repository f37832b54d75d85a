//! The mail sender: takes the due mails from the outbox one by one (see [`crate::outbox`] for the
//! rounds and the retries), hands each to the SMTP server and records the outcome.

use crate::mail::{SmtpSettings, SmtpTls};
use crate::outbox::{Carrier, Failure, ROUND_INTERVAL, deliver_due};
use jiff::Timestamp;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use loket_domain::clock::Clock;
use loket_store::outbox::{OutboxChannel, QueuedMail};
use loket_store::{Store, StoreResult};
use std::sync::Arc;
use std::time::Duration;

/// How long the SMTP server may take to answer one command.
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

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

/// One round: sends every mail due at `now` and records each outcome. Returns how many mails
/// left.
pub async fn send_due_mails(
    store: &Store,
    smtp: &SmtpSettings,
    now: Timestamp,
) -> StoreResult<usize> {
    let carrier = SmtpCarrier {
        transport: transport(smtp).map_err(|error| error.to_string()),
        from: &smtp.from,
    };
    deliver_due(store, &carrier, now).await
}

/// The SMTP server, with one connection per mail.
struct SmtpCarrier<'a> {
    transport: Result<AsyncSmtpTransport<Tokio1Executor>, String>,
    from: &'a Mailbox,
}

impl Carrier for SmtpCarrier<'_> {
    const CHANNEL: OutboxChannel = OutboxChannel::Mail;

    async fn deliver(&self, queued: &QueuedMail) -> Result<(), Failure> {
        match (&self.transport, message(self.from, queued)) {
            (Ok(transport), Ok(message)) => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|error| Failure::Retry(error.to_string())),
            (Err(error), _) => Err(Failure::Retry(error.clone())),
            (_, Err(error)) => Err(Failure::GiveUp(error)),
        }
    }
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
            channel: OutboxChannel::Mail,
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
