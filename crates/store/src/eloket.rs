//! The e-loket's requests and the citizen's e-box. A request is what a citizen asked for (online,
//! or through an employee at a counter) and where it stands; a message in the e-box is an answer,
//! kept as what it says so the citizen reads it in the language they choose, and may carry a
//! document. Every read is for one national number: a citizen never sees another's.

use crate::backend::BeginWrite;
use crate::documents::Document;
use crate::floor::instant;
use crate::{Store, StoreError, StoreResult};
use jiff::Timestamp;
use loket_domain::locale::Locale;

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStatus {
    /// A certificate: in the e-box at once.
    Delivered,
    /// An address change waiting for the back office.
    Submitted,
    Approved,
    Refused,
    /// A parking card waiting for the citizen to pay.
    AwaitingPayment,
    /// A parking card paid and in the e-box.
    Issued,
    /// Withdrawn before it was decided or paid.
    Cancelled,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 7] = [
        RequestStatus::Delivered,
        RequestStatus::Submitted,
        RequestStatus::Approved,
        RequestStatus::Refused,
        RequestStatus::AwaitingPayment,
        RequestStatus::Issued,
        RequestStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Delivered => "delivered",
            RequestStatus::Submitted => "submitted",
            RequestStatus::Approved => "approved",
            RequestStatus::Refused => "refused",
            RequestStatus::AwaitingPayment => "awaiting_payment",
            RequestStatus::Issued => "issued",
            RequestStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(code: &str) -> Option<RequestStatus> {
        Self::ALL.into_iter().find(|status| status.code() == code)
    }
}

/// Who filled the request in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// The citizen, at the e-loket.
    Online,
    /// An employee, for a visitor at a counter.
    Counter,
}

impl Channel {
    pub fn code(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Counter => "counter",
        }
    }

    fn parse(code: &str) -> StoreResult<Channel> {
        [Channel::Online, Channel::Counter]
            .into_iter()
            .find(|channel| channel.code() == code)
            .ok_or_else(|| StoreError::Invalid(format!("channel {code}")))
    }
}

/// A request to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest {
    /// Whom it is for: eleven digits.
    pub national_number: String,
    /// What is asked, e.g. `attest-woonst`, `adreswijziging`, `bewonerskaart`.
    pub kind: String,
    pub status: RequestStatus,
    pub channel: Channel,
    /// The language the citizen used; later answers reach them in it.
    pub language: Locale,
    /// What was filled in, as JSON.
    pub details: String,
    pub submitted_at: Timestamp,
    /// The employee who filled it in at a counter.
    pub submitted_by: Option<i64>,
    /// The document it delivered at once, if any.
    pub document_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub id: i64,
    pub national_number: String,
    pub kind: String,
    pub status: RequestStatus,
    pub channel: Channel,
    pub language: Locale,
    pub details: String,
    pub submitted_at: Timestamp,
    pub submitted_by: Option<i64>,
    pub document_id: Option<i64>,
    pub decided_at: Option<Timestamp>,
    pub decided_by: Option<i64>,
    pub decision_reason: Option<String>,
}

/// A message to put in someone's e-box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMessage {
    pub national_number: String,
    /// What it says, e.g. `document-delivered`; the words come from the translations.
    pub kind: String,
    /// The values the words need, as a JSON object of strings.
    pub params: String,
    pub request_id: Option<i64>,
    pub document_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: i64,
    pub national_number: String,
    pub kind: String,
    pub params: String,
    pub received_at: Timestamp,
    pub read_at: Option<Timestamp>,
    pub request_id: Option<i64>,
    pub document_id: Option<i64>,
}

impl Message {
    pub fn is_read(&self) -> bool {
        self.read_at.is_some()
    }
}

#[derive(sqlx::FromRow)]
struct RequestRow {
    id: i64,
    national_number: String,
    kind: String,
    status: String,
    channel: String,
    language: String,
    details: String,
    submitted_at: i64,
    submitted_by: Option<i64>,
    document_id: Option<i64>,
    decided_at: Option<i64>,
    decided_by: Option<i64>,
    decision_reason: Option<String>,
}

const REQUEST_COLUMNS: &str = "SELECT id, national_number, kind, status, channel, language, details, submitted_at, \
     submitted_by, document_id, decided_at, decided_by, decision_reason FROM eloket_requests";

impl TryFrom<RequestRow> for Request {
    type Error = StoreError;

    fn try_from(row: RequestRow) -> StoreResult<Request> {
        Ok(Request {
            id: row.id,
            national_number: row.national_number,
            kind: row.kind,
            status: RequestStatus::parse(&row.status)
                .ok_or_else(|| StoreError::Invalid(format!("request status {}", row.status)))?,
            channel: Channel::parse(&row.channel)?,
            language: row.language.parse().unwrap_or_default(),
            details: row.details,
            submitted_at: instant(row.submitted_at)?,
            submitted_by: row.submitted_by,
            document_id: row.document_id,
            decided_at: row.decided_at.map(instant).transpose()?,
            decided_by: row.decided_by,
            decision_reason: row.decision_reason,
        })
    }
}

#[derive(sqlx::FromRow)]
struct MessageRow {
    id: i64,
    national_number: String,
    kind: String,
    params: String,
    received_at: i64,
    read_at: Option<i64>,
    request_id: Option<i64>,
    document_id: Option<i64>,
}

const MESSAGE_COLUMNS: &str = "SELECT id, national_number, kind, params, received_at, read_at, request_id, document_id \
     FROM ebox_messages";

impl TryFrom<MessageRow> for Message {
    type Error = StoreError;

    fn try_from(row: MessageRow) -> StoreResult<Message> {
        Ok(Message {
            id: row.id,
            national_number: row.national_number,
            kind: row.kind,
            params: row.params,
            received_at: instant(row.received_at)?,
            read_at: row.read_at.map(instant).transpose()?,
            request_id: row.request_id,
            document_id: row.document_id,
        })
    }
}

/// Keeps `$request` (a [`NewRequest`]) inside the write transaction `$tx`; evaluates to its id.
macro_rules! insert_request_in {
    ($tx:ident, $request:expr) => {{
        let request: &$crate::eloket::NewRequest = $request;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO eloket_requests (national_number, kind, status, channel, language, details, \
             submitted_at, submitted_by, document_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(&request.national_number)
        .bind(&request.kind)
        .bind(request.status.code())
        .bind(request.channel.code())
        .bind(request.language.code())
        .bind(&request.details)
        .bind(request.submitted_at.as_second())
        .bind(request.submitted_by)
        .bind(request.document_id)
        .fetch_one(&mut *$tx)
        .await?;
        id
    }};
}

/// Puts `$message` (a [`NewMessage`]) in the e-box inside the write transaction `$tx`, received
/// at `$at`; evaluates to its id. A message goes in together with the change it tells about.
macro_rules! deliver_message_in {
    ($tx:ident, $message:expr, $at:expr) => {{
        let message: &$crate::eloket::NewMessage = $message;
        let at: jiff::Timestamp = $at;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO ebox_messages (national_number, kind, params, received_at, request_id, document_id) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(&message.national_number)
        .bind(&message.kind)
        .bind(&message.params)
        .bind(at.as_second())
        .bind(message.request_id)
        .bind(message.document_id)
        .fetch_one(&mut *$tx)
        .await?;
        id
    }};
}

pub(crate) use {deliver_message_in, insert_request_in};

impl Store {
    /// Keeps a request and, with it, the message that answers it at once (a certificate delivered),
    /// in one transaction. `message.request_id` is filled in. Returns the request and the message.
    pub async fn submit_request(
        &self,
        request: &NewRequest,
        answer: Option<&NewMessage>,
    ) -> StoreResult<(Request, Option<Message>)> {
        let (request_id, message_id) = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let request_id = insert_request_in!(tx, request);
            let message_id = match answer {
                Some(message) => {
                    let message = NewMessage { request_id: Some(request_id), ..message.clone() };
                    Some(deliver_message_in!(tx, &message, request.submitted_at))
                }
                None => None,
            };
            tx.commit().await?;
            (request_id, message_id)
        });
        let message = match message_id {
            Some(id) => Some(self.message(&request.national_number, id).await?),
            None => None,
        };
        Ok((self.request(request_id).await?, message))
    }

    pub async fn request(&self, id: i64) -> StoreResult<Request> {
        let sql = format!("{REQUEST_COLUMNS} WHERE id = $1");
        let row: Option<RequestRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id).fetch_optional(pool).await?);
        row.ok_or(StoreError::NotFound)?.try_into()
    }

    /// A citizen's requests, the newest first.
    pub async fn requests_of(&self, national_number: &str) -> StoreResult<Vec<Request>> {
        let sql = format!(
            "{REQUEST_COLUMNS} WHERE national_number = $1 ORDER BY submitted_at DESC, id DESC"
        );
        let rows: Vec<RequestRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(national_number).fetch_all(pool).await?);
        rows.into_iter().map(Request::try_from).collect()
    }

    /// The requests of one kind in one state, the oldest first: the back office's work list.
    pub async fn requests_in(
        &self,
        kind: &str,
        status: RequestStatus,
    ) -> StoreResult<Vec<Request>> {
        let sql =
            format!("{REQUEST_COLUMNS} WHERE kind = $1 AND status = $2 ORDER BY submitted_at, id");
        let rows: Vec<RequestRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(kind).bind(status.code()).fetch_all(pool).await?);
        rows.into_iter().map(Request::try_from).collect()
    }

    /// Puts a message in an e-box on its own, e.g. a reminder. Returns it.
    pub async fn deliver_message(
        &self,
        message: &NewMessage,
        at: Timestamp,
    ) -> StoreResult<Message> {
        let id = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let id = deliver_message_in!(tx, message, at);
            tx.commit().await?;
            id
        });
        self.message(&message.national_number, id).await
    }

    /// The citizen's e-box, the newest first.
    pub async fn ebox(&self, national_number: &str) -> StoreResult<Vec<Message>> {
        let sql = format!(
            "{MESSAGE_COLUMNS} WHERE national_number = $1 ORDER BY received_at DESC, id DESC"
        );
        let rows: Vec<MessageRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(national_number).fetch_all(pool).await?);
        rows.into_iter().map(Message::try_from).collect()
    }

    /// The citizen's e-box, the newest first, each message with the document it carries: two
    /// queries, however many messages.
    pub async fn ebox_with_documents(
        &self,
        national_number: &str,
    ) -> StoreResult<Vec<(Message, Option<Document>)>> {
        let mut documents: std::collections::HashMap<i64, Document> = self
            .documents_delivered_to(national_number)
            .await?
            .into_iter()
            .map(|document| (document.id, document))
            .collect();
        Ok(self
            .ebox(national_number)
            .await?
            .into_iter()
            .map(|message| {
                let document = message.document_id.and_then(|id| documents.remove(&id));
                (message, document)
            })
            .collect())
    }

    /// One message of the citizen's e-box; [`StoreError::NotFound`] for a message that is not
    /// theirs, exactly as for one that does not exist.
    pub async fn message(&self, national_number: &str, id: i64) -> StoreResult<Message> {
        let sql = format!("{MESSAGE_COLUMNS} WHERE id = $1 AND national_number = $2");
        let row: Option<MessageRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id).bind(national_number).fetch_optional(pool).await?);
        row.ok_or(StoreError::NotFound)?.try_into()
    }

    /// Marks the citizen's message read, the first time it is opened.
    pub async fn mark_message_read(
        &self,
        national_number: &str,
        id: i64,
        at: Timestamp,
    ) -> StoreResult<()> {
        let sql = "UPDATE ebox_messages SET read_at = $1 WHERE id = $2 AND national_number = $3 AND read_at IS NULL";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(at.as_second()).bind(id).bind(national_number).execute(pool).await?.rows_affected());
        Ok(())
    }

    /// How many of the citizen's messages are still unread.
    pub async fn unread_messages(&self, national_number: &str) -> StoreResult<i64> {
        let sql =
            "SELECT COUNT(*) FROM ebox_messages WHERE national_number = $1 AND read_at IS NULL";
        Ok(on_backend!(self, pool => sqlx::query_scalar(sql)
            .bind(national_number).fetch_one(pool).await?))
    }

    /// A document in the citizen's e-box; [`StoreError::NotFound`] when it was delivered to
    /// someone else.
    pub async fn ebox_document(&self, national_number: &str, id: i64) -> StoreResult<Document> {
        let sql =
            "SELECT COUNT(*) FROM ebox_messages WHERE document_id = $1 AND national_number = $2";
        let delivered: i64 = on_backend!(self, pool => sqlx::query_scalar(sql)
            .bind(id).bind(national_number).fetch_one(pool).await?);
        if delivered == 0 {
            return Err(StoreError::NotFound);
        }
        self.document(id).await
    }
}
