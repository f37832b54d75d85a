//! The mails a citizen gets about an appointment: when it is made, moved or cancelled. Each is
//! written in the citizen's language and queued in the outbox; the web request never waits.

use crate::appointments::{calendar_file, things_to_bring, visit_summary, when_text};
use crate::i18n::Tr;
use crate::state::AppState;
use askama::Template;
use loket_store::StoreResult;
use loket_store::appointments::Appointment;
use loket_store::outbox::{MailAttachment, OutgoingMail};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Booked,
    Moved,
    Cancelled,
    /// The evening before the visit.
    Reminder,
}

impl Notice {
    fn subject_id(self) -> &'static str {
        match self {
            Notice::Booked => "mail-booked-subject",
            Notice::Moved => "mail-moved-subject",
            Notice::Cancelled => "mail-cancelled-subject",
            Notice::Reminder => "mail-reminder-subject",
        }
    }

    fn intro_id(self) -> &'static str {
        match self {
            Notice::Booked => "mail-booked-intro",
            Notice::Moved => "mail-moved-intro",
            Notice::Cancelled => "mail-cancelled-intro",
            Notice::Reminder => "mail-reminder-intro",
        }
    }
}

/// What both the text and the HTML version of the mail say.
struct Content {
    t: Tr,
    subject: String,
    name: String,
    intro: String,
    when: String,
    what: String,
    site: String,
    address: String,
    zone: String,
    code: String,
    bring: Vec<String>,
    link: String,
    new_link: String,
    organisation: String,
    cancelled: bool,
}

#[derive(Template)]
#[template(path = "mail/appointment.txt")]
struct TextMail<'a> {
    m: &'a Content,
}

#[derive(Template)]
#[template(path = "mail/appointment.html")]
struct HtmlMail<'a> {
    m: &'a Content,
}

/// Queues the mail about `appointment`. With the `manage_token` (known only while the citizen is
/// at it) the mail links to the appointment's page; a reminder points to the confirmation instead.
pub async fn queue(
    state: &AppState,
    appointment: &Appointment,
    manage_token: Option<&str>,
    notice: Notice,
) -> StoreResult<()> {
    let t = Tr::new(appointment.locale);
    let snapshot = state.books.current(&state.store).await?;
    let site = snapshot
        .site(&appointment.site_code)
        .ok_or(loket_store::StoreError::NotFound)?;
    let catalogue = &snapshot.catalogue;
    let when = when_text(&state.settings.time_zone, appointment.start, t);
    let what = visit_summary(&appointment.products, catalogue, t).join(", ");
    let bring = things_to_bring(&appointment.products, catalogue, t);
    let subject = t.args(
        notice.subject_id(),
        &[("site", site.name.clone()), ("when", when.clone())],
    );
    let content = Content {
        t,
        intro: t.get(notice.intro_id()),
        name: appointment.name.clone(),
        what: what.clone(),
        site: site.name.clone(),
        address: site.address.clone(),
        zone: appointment.zone_letter.clone(),
        code: appointment.code.clone(),
        bring,
        link: manage_token
            .map(|token| format!("{}/appointments/manage/{token}", state.settings.public_url))
            .unwrap_or_default(),
        new_link: format!("{}/appointments/new", state.settings.public_url),
        organisation: state.settings.organisation.clone(),
        cancelled: notice == Notice::Cancelled,
        subject,
        when,
    };
    let attachment = matches!(notice, Notice::Booked | Notice::Moved).then(|| MailAttachment {
        name: format!("afspraak-{}.ics", appointment.code),
        content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
        body: calendar_file(
            &format!("appointment-{}@loket", appointment.id),
            appointment.start,
            appointment.end,
            &t.args(
                "booking-calendar-summary",
                &[("site", site.name.clone()), ("products", what.clone())],
            ),
            &site.address,
            &t.arg("booking-calendar-description", "code", &appointment.code),
            state.now(),
        ),
    });
    let mail = OutgoingMail {
        recipient: appointment.email.clone(),
        subject: content.subject.clone(),
        text: crate::mail::rendered(TextMail { m: &content }.render())?,
        html: crate::mail::rendered(HtmlMail { m: &content }.render())?,
        attachment,
    };
    state
        .store
        .queue_mail(&mail, state.now(), state.now())
        .await?;
    Ok(())
}
