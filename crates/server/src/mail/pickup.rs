//! The message that tells a holder their document is ready at the fast counter: a mail with where,
//! the pickup code, what to bring, and that it goes back after three months; or a short text
//! message for a holder who gave only a mobile number. Never the national number.

use crate::i18n::Tr;
use crate::pickups::{Notice, document_name};
use crate::state::AppState;
use askama::Template;
use loket_store::catalogue::Product;
use loket_store::organisation::Site;
use loket_store::pickups::Pickup;
use loket_store::{StoreError, StoreResult};

/// What both the text and the HTML version say.
struct Content {
    t: Tr,
    subject: String,
    name: String,
    intro: String,
    site: String,
    address: String,
    hours_link: String,
    code: String,
    bring: Vec<String>,
    organisation: String,
}

#[derive(Template)]
#[template(path = "mail/pickup_ready.txt")]
struct TextMail<'a> {
    m: &'a Content,
}

#[derive(Template)]
#[template(path = "mail/pickup_ready.html")]
struct HtmlMail<'a> {
    m: &'a Content,
}

/// Tells the holder, in their language: by mail, or by text message to a mobile number when they
/// gave no e-mail address.
pub async fn queue_ready(state: &AppState, site: &Site, pickup: &Pickup) -> StoreResult<()> {
    let notice = Notice::of(pickup);
    if matches!(notice, Notice::Nobody) {
        return Ok(());
    }
    let snapshot = state.books.current(&state.store).await?;
    let product = snapshot
        .catalogue
        .iter()
        .find(|p| p.code == pickup.product_code)
        .ok_or(StoreError::NotFound)?;
    match notice {
        Notice::Mail(address) => queue_mail(state, site, pickup, product, address).await,
        Notice::Text(number) => queue_text(state, site, pickup, product, &number).await,
        Notice::Nobody => Ok(()),
    }
}

/// The mail: where, the pickup code, what to bring, and that it goes back after three months.
async fn queue_mail(
    state: &AppState,
    site: &Site,
    pickup: &Pickup,
    product: &Product,
    recipient: String,
) -> StoreResult<()> {
    let t = Tr::new(pickup.locale);
    let document = document_name(product, t);
    let content = Content {
        t,
        subject: t.args(
            "pickup-mail-subject",
            &[
                ("document", document.clone()),
                ("code", pickup.pickup_code.clone()),
            ],
        ),
        name: pickup.holder_name.clone(),
        intro: t.args(
            "pickup-mail-intro",
            &[("document", document), ("site", site.name.clone())],
        ),
        site: site.name.clone(),
        address: site.address.clone(),
        hours_link: format!("{}/opening-hours", state.settings.public_url),
        code: pickup.pickup_code.clone(),
        bring: things_to_bring(product, t),
        organisation: state.settings.organisation.clone(),
    };
    let subject = content.subject.clone();
    crate::mail::queue_now(
        state,
        recipient,
        subject,
        TextMail { m: &content },
        HtmlMail { m: &content },
    )
    .await
}

/// The text message: short, with the code and where to go, and never the national number.
async fn queue_text(
    state: &AppState,
    site: &Site,
    pickup: &Pickup,
    product: &Product,
    number: &str,
) -> StoreResult<()> {
    let t = Tr::new(pickup.locale);
    let text = t.args(
        "pickup-text-message",
        &[
            ("organisation", state.settings.organisation.clone()),
            ("document", document_name(product, t)),
            ("site", site.name.clone()),
            ("address", site.address.clone()),
            ("code", pickup.pickup_code.clone()),
        ],
    );
    state
        .store
        .queue_text_message(number, &text, state.now())
        .await?;
    Ok(())
}

/// What to bring to collect the document. A pickup product of the fast counter lists it in the
/// catalogue; an application's own list is for applying (a photo, a form), so for a document
/// that was applied for the holder brings their identity card and what the new one replaces.
fn things_to_bring(product: &Product, t: Tr) -> Vec<String> {
    if product.channel == loket_domain::catalogue::Channel::FastCounter {
        return product
            .bring(t.locale)
            .into_iter()
            .map(str::to_owned)
            .collect();
    }
    vec![
        t.get("pickup-bring-identity"),
        t.get("pickup-bring-old-document"),
        t.get("pickup-bring-pin-puk"),
    ]
}
