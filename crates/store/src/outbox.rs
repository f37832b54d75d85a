//! The outbox: every mail and text message Loket sends is stored here first and leaves when a
//! sender delivers it, so nothing is lost while the mail server or the SMS gateway is down. A
//! failed attempt is retried later; after too many attempts the message is marked failed and stays
//! readable for staff.

use crate::{Store, StoreError, StoreResult};
use jiff::Timestamp;
use serde::Serialize;

/// A mail to send: plain text and HTML alternatives of the same message, and optionally one
/// attachment (an appointment's .ics file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutgoingMail {
    pub recipient: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub attachment: Option<MailAttachment>,
}

/// A text attachment, such as `afspraak.ics` of type `text/calendar; charset=utf-8; method=PUBLISH`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MailAttachment {
    pub name: String,
    pub content_type: String,
    pub body: String,
}

/// How a message leaves: by mail (SMTP) or as a text message (the SMS gateway).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxChannel {
    Mail,
    Sms,
}

impl OutboxChannel {
    pub fn code(self) -> &'static str {
        match self {
            OutboxChannel::Mail => "mail",
            OutboxChannel::Sms => "sms",
        }
    }

    fn parse(code: &str) -> StoreResult<OutboxChannel> {
        [Self::Mail, Self::Sms]
            .into_iter()
            .find(|channel| channel.code() == code)
            .ok_or_else(|| StoreError::Invalid(format!("outbox channel {code}")))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MailStatus {
    /// Waiting for its `send_after`, or for the next attempt.
    Pending,
    Sent,
    /// Given up after too many attempts.
    Failed,
}

impl MailStatus {
    pub fn code(self) -> &'static str {
        match self {
            MailStatus::Pending => "pending",
            MailStatus::Sent => "sent",
            MailStatus::Failed => "failed",
        }
    }

    fn parse(code: &str) -> StoreResult<MailStatus> {
        [Self::Pending, Self::Sent, Self::Failed]
            .into_iter()
            .find(|status| status.code() == code)
            .ok_or_else(|| StoreError::Invalid(format!("mail status {code}")))
    }
}

/// A message in the outbox with its delivery state. A text message has its words in `mail.text`
/// and no subject or HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueuedMail {
    pub id: i64,
    pub channel: OutboxChannel,
    pub mail: OutgoingMail,
    pub created_at: Timestamp,
    /// Not sent before this instant.
    pub send_after: Timestamp,
    /// Attempts made so far, the successful one included.
    pub attempts: u32,
    pub last_error: Option<String>,
    pub sent_at: Option<Timestamp>,
    pub status: MailStatus,
}

/// An error message is cut to this many characters before it is stored.
const MAX_ERROR_CHARS: usize = 1000;

type MailRow = (
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
    i64,
    i64,
    Option<String>,
    Option<i64>,
    String,
    String,
);

const MAIL_COLUMNS: &str = "id, recipient, subject, text_body, html_body, attachment_name, attachment_type, attachment_body, \
     created_at, send_after, attempts, last_error, sent_at, status, channel";

fn instant(seconds: i64) -> StoreResult<Timestamp> {
    Timestamp::from_second(seconds).map_err(|e| StoreError::Invalid(e.to_string()))
}

fn queued_mail(row: MailRow) -> StoreResult<QueuedMail> {
    let (
        id,
        recipient,
        subject,
        text,
        html,
        attachment_name,
        attachment_type,
        attachment_body,
        created_at,
        send_after,
        attempts,
        last_error,
        sent_at,
        status,
        channel,
    ) = row;
    let attachment = match (attachment_name, attachment_type, attachment_body) {
        (Some(name), Some(content_type), Some(body)) => Some(MailAttachment {
            name,
            content_type,
            body,
        }),
        _ => None,
    };
    Ok(QueuedMail {
        id,
        channel: OutboxChannel::parse(&channel)?,
        mail: OutgoingMail {
            recipient,
            subject,
            text,
            html,
            attachment,
        },
        created_at: instant(created_at)?,
        send_after: instant(send_after)?,
        attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
        last_error,
        sent_at: sent_at.map(instant).transpose()?,
        status: MailStatus::parse(&status)?,
    })
}

fn queued_mails(rows: Vec<MailRow>) -> StoreResult<Vec<QueuedMail>> {
    rows.into_iter().map(queued_mail).collect()
}

impl Store {
    /// Puts a mail in the outbox, to leave at `send_after` or as soon as possible after it (pass
    /// `at` to send it now). Returns its id.
    pub async fn queue_mail(
        &self,
        mail: &OutgoingMail,
        send_after: Timestamp,
        at: Timestamp,
    ) -> StoreResult<i64> {
        let sql = "INSERT INTO outbox (recipient, subject, text_body, html_body, attachment_name, attachment_type, attachment_body, \
                   created_at, send_after, attempts, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, 'pending') RETURNING id";
        let attachment = mail.attachment.as_ref();
        let id: i64 = on_backend!(self, pool => sqlx::query_scalar(sql)
            .bind(&mail.recipient).bind(&mail.subject).bind(&mail.text).bind(&mail.html)
            .bind(attachment.map(|a| a.name.as_str()))
            .bind(attachment.map(|a| a.content_type.as_str()))
            .bind(attachment.map(|a| a.body.as_str()))
            .bind(at.as_second()).bind(send_after.as_second())
            .fetch_one(pool).await?);
        Ok(id)
    }

    /// Puts a text message for a mobile number (in international form, `+32470123456`) in the
    /// outbox, to leave as soon as possible. Returns its id.
    pub async fn queue_text_message(
        &self,
        recipient: &str,
        text: &str,
        at: Timestamp,
    ) -> StoreResult<i64> {
        let sql = "INSERT INTO outbox (channel, recipient, subject, text_body, html_body, created_at, send_after, attempts, status) \
                   VALUES ('sms', $1, '', $2, '', $3, $3, 0, 'pending') RETURNING id";
        let id: i64 = on_backend!(self, pool => sqlx::query_scalar(sql)
            .bind(recipient).bind(text).bind(at.as_second())
            .fetch_one(pool).await?);
        Ok(id)
    }

    /// Pending mails whose time has come (`send_after <= now`), the oldest first.
    pub async fn due_mails(&self, now: Timestamp, limit: i64) -> StoreResult<Vec<QueuedMail>> {
        let sql = format!(
            "SELECT {MAIL_COLUMNS} FROM outbox WHERE status = 'pending' AND send_after <= $1 ORDER BY send_after, id LIMIT $2"
        );
        let rows: Vec<MailRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(now.as_second()).bind(limit).fetch_all(pool).await?);
        queued_mails(rows)
    }

    /// Takes up to `limit` due messages of a channel for one sender, the oldest first, and holds
    /// them until `held_until`: no other sender (another node) takes them meanwhile, and if this
    /// one stops before marking them sent or failed, they are due again at that instant, so none
    /// is lost.
    pub async fn claim_due_mails(
        &self,
        channel: OutboxChannel,
        now: Timestamp,
        held_until: Timestamp,
        limit: i64,
    ) -> StoreResult<Vec<QueuedMail>> {
        // The outer condition is checked again on each row after a concurrent claim on PostgreSQL,
        // so a row another sender just took is skipped.
        let sql = format!(
            "UPDATE outbox SET send_after = $2 WHERE id IN \
             (SELECT id FROM outbox WHERE channel = $4 AND status = 'pending' AND send_after <= $1 ORDER BY send_after, id LIMIT $3) \
             AND status = 'pending' AND send_after <= $1 RETURNING {MAIL_COLUMNS}"
        );
        let rows: Vec<MailRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(now.as_second()).bind(held_until.as_second()).bind(limit).bind(channel.code())
            .fetch_all(pool).await?);
        let mut mails = queued_mails(rows)?;
        mails.sort_by_key(|mail| mail.id);
        Ok(mails)
    }

    /// Records a delivery: the mail is sent and leaves the queue.
    pub async fn mark_sent(&self, id: i64, at: Timestamp) -> StoreResult<()> {
        let sql = "UPDATE outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1 WHERE id = $1 AND status = 'pending'";
        let changed = on_backend!(self, pool => sqlx::query(sql)
            .bind(id).bind(at.as_second()).execute(pool).await?.rows_affected());
        self.changed_pending(id, changed).await
    }

    /// Records a failed attempt with its error: the mail is tried again at `retry_at`, or, when
    /// `give_up`, marked failed and never tried again.
    pub async fn mark_attempt_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Timestamp,
        give_up: bool,
    ) -> StoreResult<()> {
        let error: String = error.chars().take(MAX_ERROR_CHARS).collect();
        let status = if give_up {
            MailStatus::Failed
        } else {
            MailStatus::Pending
        };
        let sql = "UPDATE outbox SET attempts = attempts + 1, last_error = $2, send_after = $3, status = $4 \
                   WHERE id = $1 AND status = 'pending'";
        let changed = on_backend!(self, pool => sqlx::query(sql)
            .bind(id).bind(&error).bind(retry_at.as_second()).bind(status.code())
            .execute(pool).await?.rows_affected());
        self.changed_pending(id, changed).await
    }

    /// After an update of a pending mail: [`StoreError::NotFound`] for an unknown id,
    /// [`StoreError::WrongState`] for a mail that is sent or failed already.
    async fn changed_pending(&self, id: i64, rows_affected: u64) -> StoreResult<()> {
        if rows_affected > 0 {
            return Ok(());
        }
        let sql = "SELECT status FROM outbox WHERE id = $1";
        let status: Option<String> =
            on_backend!(self, pool => sqlx::query_scalar(sql).bind(id).fetch_optional(pool).await?);
        match status {
            None => Err(StoreError::NotFound),
            Some(status) => Err(StoreError::WrongState(status)),
        }
    }

    /// The latest mails, the newest first, whatever their state: for the staff's outbox page.
    pub async fn outbox(&self, limit: i64) -> StoreResult<Vec<QueuedMail>> {
        let sql = format!("SELECT {MAIL_COLUMNS} FROM outbox ORDER BY id DESC LIMIT $1");
        let rows: Vec<MailRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(limit).fetch_all(pool).await?);
        queued_mails(rows)
    }

    /// One mail of the outbox.
    pub async fn outbox_mail(&self, id: i64) -> StoreResult<QueuedMail> {
        let sql = format!("SELECT {MAIL_COLUMNS} FROM outbox WHERE id = $1");
        let row: MailRow = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id).fetch_one(pool).await?);
        queued_mail(row)
    }
}
