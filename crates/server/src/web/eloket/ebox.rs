//! The e-box: the citizen's messages, the newest first with the unread ones marked; a message
//! opened is read; its document downloads as the exact file that was issued.

use super::signed_in_number;
use crate::eloket::ebox::words;
use crate::state::AppState;
use crate::web::page::{Page, PageResult};
use crate::web::render;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use loket_store::documents::Document;
use loket_store::eloket::Message;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/ebox", get(inbox))
        .route("/ebox/{id}", get(message))
        .route("/ebox/documents/{id}", get(download))
}

/// A message as the e-box lists and shows it.
struct MessageView {
    id: i64,
    subject: String,
    body: String,
    received: String,
    read: bool,
    document: Option<DocumentView>,
}

struct DocumentView {
    id: i64,
    file_name: String,
    verification_code: String,
}

fn view(
    state: &AppState,
    page: &Page,
    message: &Message,
    document: Option<&Document>,
) -> MessageView {
    let words = words(page.t, message);
    MessageView {
        id: message.id,
        subject: words.subject,
        body: words.body,
        received: format!(
            "{} {}",
            page.t.date(state.local_date(message.received_at)),
            page.t.time(
                message
                    .received_at
                    .to_zoned(state.settings.time_zone.clone())
                    .time()
            )
        ),
        read: message.is_read(),
        document: document.map(document_view),
    }
}

fn document_view(document: &Document) -> DocumentView {
    DocumentView {
        id: document.id,
        file_name: file_name(document),
        verification_code: document.verification_code.clone(),
    }
}

/// `attest-woonst-K7M2-P9QX-4HTR.pdf`: the kind and the code, so two copies are told apart.
pub fn file_name(document: &Document) -> String {
    format!("{}-{}.pdf", document.kind, document.verification_code)
}

#[derive(Template)]
#[template(path = "eloket/ebox.html")]
struct InboxTemplate {
    page: Page,
    messages: Vec<MessageView>,
    unread: i64,
}

async fn inbox(State(state): State<AppState>, page: Page) -> PageResult {
    let number = signed_in_number(page.require_citizen()?)?;
    let messages: Vec<MessageView> = state
        .store
        .ebox_with_documents(number.digits())
        .await?
        .iter()
        .map(|(message, document)| view(&state, &page, message, document.as_ref()))
        .collect();
    let unread = messages.iter().filter(|m| !m.read).count() as i64;
    render(InboxTemplate {
        page,
        messages,
        unread,
    })
}

#[derive(Template)]
#[template(path = "eloket/message.html")]
struct MessageTemplate {
    page: Page,
    message: MessageView,
}

async fn message(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let number = signed_in_number(page.require_citizen()?)?;
    let message = state.store.message(number.digits(), id).await?;
    state
        .store
        .mark_message_read(number.digits(), id, state.now())
        .await?;
    let document = match message.document_id {
        Some(document) => Some(state.store.ebox_document(number.digits(), document).await?),
        None => None,
    };
    let message = view(&state, &page, &message, document.as_ref());
    render(MessageTemplate { page, message })
}

async fn download(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let number = signed_in_number(page.require_citizen()?)?;
    let document = state.store.ebox_document(number.digits(), id).await?;
    let pdf = state.store.document_pdf(document.id).await?;
    let disposition = format!("attachment; filename=\"{}\"", file_name(&document));
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        pdf,
    )
        .into_response())
}
