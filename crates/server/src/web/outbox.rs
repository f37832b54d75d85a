//! The outbox for staff: the latest mails and text messages Loket sent or still has to send, and
//! the text of each, so a failed one can be followed up and, in a demo without a mail server, a confirmation read.
//! For administrators and managers; reading a mail is written to the audit log.

use crate::state::AppState;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::render;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use jiff::Timestamp;
use loket_domain::staff::Role;
use loket_store::outbox::{OutboxChannel, QueuedMail};
use loket_store::staff::StaffUser;

/// How many mails the list shows.
const LISTED: i64 = 100;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/outbox", get(list))
        .route("/staff/outbox/{id}", get(show))
}

/// Administrators and managers; 401 without sign-in, 403 for other roles.
fn require_reader(page: &Page) -> Result<&StaffUser, PageError> {
    page.require(Role::Admin)
        .or_else(|_| page.require(Role::Manager))
}

/// A mail as the pages show it.
struct MailView {
    id: i64,
    recipient: String,
    subject: String,
    created: String,
    send_after: String,
    sent: Option<String>,
    /// pending, sent or failed
    status: &'static str,
    attempts: u32,
    last_error: String,
    attachment: Option<String>,
    text: String,
}

impl MailView {
    fn new(state: &AppState, page: &Page, queued: QueuedMail) -> MailView {
        let when = |at: Timestamp| {
            let local = at.to_zoned(state.settings.time_zone.clone());
            format!(
                "{} {}",
                page.t.date(local.date()),
                page.t.time(local.time())
            )
        };
        MailView {
            id: queued.id,
            created: when(queued.created_at),
            send_after: when(queued.send_after),
            sent: queued.sent_at.map(when),
            status: queued.status.code(),
            attempts: queued.attempts,
            last_error: queued.last_error.unwrap_or_default(),
            subject: match queued.channel {
                OutboxChannel::Mail => queued.mail.subject,
                OutboxChannel::Sms => {
                    page.t
                        .arg("outbox-text-message", "number", &queued.mail.recipient)
                }
            },
            recipient: queued.mail.recipient,
            attachment: queued.mail.attachment.map(|attachment| attachment.name),
            text: queued.mail.text,
        }
    }
}

#[derive(Template)]
#[template(path = "outbox.html")]
struct ListTemplate {
    page: Page,
    mails: Vec<MailView>,
}

async fn list(State(state): State<AppState>, page: Page) -> PageResult {
    require_reader(&page)?;
    let mails = state
        .store
        .outbox(LISTED)
        .await?
        .into_iter()
        .map(|queued| MailView::new(&state, &page, queued))
        .collect();
    render(ListTemplate { page, mails })
}

#[derive(Template)]
#[template(path = "outbox_mail.html")]
struct MailTemplate {
    page: Page,
    mail: MailView,
}

async fn show(State(state): State<AppState>, page: Page, Path(id): Path<String>) -> PageResult {
    let reader = require_reader(&page)?.id;
    let id: i64 = id.parse().map_err(|_| PageError::NotFound)?;
    let queued = state.store.outbox_mail(id).await?;
    state
        .store
        .audit(
            state.now(),
            Some(reader),
            "mail.read",
            &format!("mail {id}"),
            "",
        )
        .await?;
    let mail = MailView::new(&state, &page, queued);
    render(MailTemplate { page, mail })
}
