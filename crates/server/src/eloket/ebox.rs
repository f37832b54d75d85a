//! The words of e-box messages, and the mail that tells a citizen something new waits there.
//! A message is kept as its kind and parameters and read in the language the citizen reads in;
//! the mail carries no personal data, only the way to the e-box.

use crate::i18n::Tr;
use crate::state::AppState;
use askama::Template;
use loket_domain::locale::Locale;
use loket_domain::register::Resident;
use loket_store::StoreResult;
use loket_store::eloket::Message;
use std::collections::BTreeMap;

/// A certificate is in the e-box; parameter `type`, the certificate's code.
pub const DOCUMENT_DELIVERED: &str = "document-delivered";

/// Every kind of message, each with a subject and a body in the translations.
pub const KINDS: &[&str] = &[
    DOCUMENT_DELIVERED,
    super::address_change::APPROVED,
    super::address_change::REFUSED,
    super::parking::CARD_ISSUED,
    super::parking::CARD_REMINDER,
];

/// The parameters of a message, as they are kept.
pub fn params(values: &[(&str, &str)]) -> String {
    let map: BTreeMap<&str, &str> = values.iter().copied().collect();
    serde_json::to_string(&map).unwrap_or_else(|_| "{}".into())
}

/// The subject and the text of a message, in the reader's language.
pub struct Words {
    pub subject: String,
    pub body: String,
}

pub fn words(t: Tr, message: &Message) -> Words {
    let mut values: Vec<(String, String)> =
        serde_json::from_str::<BTreeMap<String, String>>(&message.params)
            .unwrap_or_default()
            .into_iter()
            .collect();
    // A document's type is named in the reader's language, as within a sentence.
    // A date (kept as 2026-12-10) is written out in the reader's language.
    for (name, value) in &mut values {
        if name == "type" {
            *value = t.get(&format!("verify-kind-{value}"));
        } else if name == "date"
            && let Ok(date) = value.parse::<jiff::civil::Date>()
        {
            *value = t.date(date);
        }
        // A day (`from`, `until`) is kept as YYYY-MM-DD and written as the reader writes days.
        if (name == "from" || name == "until")
            && let Ok(day) = value.parse::<jiff::civil::Date>()
        {
            *value = t.date(day);
        }
    }
    let args: Vec<(&str, String)> = values
        .iter()
        .map(|(name, value)| (name.as_str(), value.clone()))
        .collect();
    Words {
        subject: t.args(&format!("ebox-{}-subject", message.kind), &args),
        body: t.args(&format!("ebox-{}-body", message.kind), &args),
    }
}

struct Notice {
    t: Tr,
    subject: String,
    link: String,
    organisation: String,
}

#[derive(Template)]
#[template(path = "mail/ebox_notice.txt")]
struct TextMail<'a> {
    m: &'a Notice,
}

#[derive(Template)]
#[template(path = "mail/ebox_notice.html")]
struct HtmlMail<'a> {
    m: &'a Notice,
}

/// Tells the resident by mail, when the register has an address for them, that a message waits.
pub async fn notify(state: &AppState, resident: &Resident, language: Locale) -> StoreResult<()> {
    let Some(recipient) = resident.email.clone().filter(|email| !email.is_empty()) else {
        return Ok(());
    };
    let t = Tr::new(language);
    let notice = Notice {
        t,
        subject: t.arg(
            "ebox-mail-subject",
            "organisation",
            &state.settings.organisation,
        ),
        link: format!("{}/ebox", state.settings.public_url.trim_end_matches('/')),
        organisation: state.settings.organisation.clone(),
    };
    let subject = notice.subject.clone();
    crate::mail::queue_now(
        state,
        recipient,
        subject,
        TextMail { m: &notice },
        HtmlMail { m: &notice },
    )
    .await
}
