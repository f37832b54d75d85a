//! Booking a visit, shared by the API, the citizens' pages and the staff's phone bookings: which
//! zone and how long, the free starts, the checks on who books, and the booking itself.

use crate::books::ZoneBook;
use crate::i18n::Tr;
use crate::mail::appointment::Notice;
use crate::state::AppState;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use loket_domain::catalogue::{Channel, FieldErrors};
use loket_domain::contact::{is_valid_email, is_valid_phone};
use loket_domain::locale::Locale;
use loket_domain::national_number::NationalNumber;
use loket_domain::slots::{BookingPolicy, Cell, Slot};
use loket_store::appointments::{Appointment, Booked, Limit, NewAppointment};
use loket_store::catalogue::Product;
use loket_store::organisation::Site;
use loket_store::{StoreError, StoreResult};
use std::sync::Arc;

/// The rules of every site's appointment book, for now the same everywhere.
pub const POLICY: BookingPolicy = BookingPolicy {
    grid_minutes: 10,
    lead_time: jiff::SignedDuration::from_hours(2),
    horizon_days: 62,
};

/// At most this many persons or products in one visit.
pub const MAX_PRODUCTS_PER_VISIT: usize = 6;

/// What a visit is: where, which products, in which zone, for how many cells.
pub struct Visit {
    pub book: Arc<ZoneBook>,
    pub zone: String,
    pub products: Vec<String>,
    pub minutes: i64,
}

impl Visit {
    pub fn site(&self) -> &Site {
        &self.book.site
    }

    pub fn cells(&self) -> usize {
        POLICY.cells_for(self.minutes)
    }

    pub fn time_zone(&self) -> &TimeZone {
        &self.book.hours.calendar.time_zone
    }
}

/// Finds the site and products of a visit; the products must all be booked by appointment and
/// served in one zone.
pub async fn resolve_visit(
    state: &AppState,
    site_code: &str,
    product_codes: &[String],
) -> Result<Visit, VisitError> {
    let snapshot = state.books.current(&state.store).await?;
    let mut errors = FieldErrors::default();
    let site = snapshot.site(site_code);
    errors.check(site.is_some(), "site", "error-site");
    errors.check(!product_codes.is_empty(), "products", "error-products-none");
    errors.check(
        product_codes.len() <= MAX_PRODUCTS_PER_VISIT,
        "products",
        "error-products-too-many",
    );
    let mut zones: Vec<&str> = Vec::new();
    let mut minutes = 0;
    for code in product_codes {
        match snapshot.catalogue.iter().find(|p| &p.code == code) {
            Some(product) if product.channel == Channel::Appointment => {
                minutes += product.minutes;
                zones.extend(product.zone_letter.as_deref());
            }
            Some(_) => errors.add("products", "error-product-not-by-appointment"),
            None => errors.add("products", "error-products"),
        }
    }
    zones.sort_unstable();
    zones.dedup();
    errors.check(zones.len() <= 1, "products", "error-products-zones");
    let (Some(site), Some(zone)) = (site, zones.first().map(|z| z.to_string())) else {
        return Err(VisitError::Invalid(errors));
    };
    errors.into_result().map_err(VisitError::Invalid)?;
    let book = snapshot.zone(&state.store, site, &zone).await?;
    Ok(Visit {
        book,
        zone,
        products: product_codes.to_vec(),
        minutes,
    })
}

#[derive(Debug)]
pub enum VisitError {
    Invalid(FieldErrors),
    /// Every place of the chosen start is taken.
    Full,
    /// The appointment cannot change any more (cancelled, or already served).
    NotBooked,
    /// The person holds as many future appointments as allowed.
    Limit(Limit),
    Store(StoreError),
}

impl From<StoreError> for VisitError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Full => VisitError::Full,
            StoreError::WrongState(_) => VisitError::NotBooked,
            StoreError::Limit(limit) => VisitError::Limit(limit),
            other => VisitError::Store(other),
        }
    }
}

/// The Fluent id of the message that tells a person a booking limit is reached.
pub fn limit_message(limit: Limit) -> &'static str {
    match limit {
        Limit::Email => "error-limit-email",
        Limit::NationalNumber => "error-limit-national-number",
    }
}

/// The first instant a citizen may still book: the lead time from now, unless staff override it.
pub fn earliest_start(now: Timestamp, override_lead_time: bool) -> Timestamp {
    if override_lead_time {
        now
    } else {
        now + POLICY.lead_time
    }
}

/// The free starts of a visit between two local dates, within the booking horizon.
pub async fn free_slots(
    state: &AppState,
    visit: &Visit,
    from: Date,
    to: Date,
    earliest: Timestamp,
) -> StoreResult<Vec<Slot>> {
    let today = state.now().to_zoned(visit.time_zone().clone()).date();
    let from = from.max(today);
    let to = to.min(POLICY.last_bookable_date(today));
    if from > to {
        return Ok(Vec::new());
    }
    let start_of = |date: Date| {
        date.to_zoned(visit.time_zone().clone())
            .map(|z| z.timestamp())
    };
    let (Ok(first), Ok(last)) = (start_of(from), start_of(to.saturating_add(1.day()))) else {
        return Ok(Vec::new());
    };
    let taken = state
        .store
        .taken_places(visit.site().id, &visit.zone, first, last)
        .await?;
    Ok(visit
        .book
        .free_slots(from, to, visit.cells(), &taken, earliest))
}

/// Who books, as typed.
#[derive(Debug, Clone, Default)]
pub struct ContactForm {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub national_number: String,
    pub locale: String,
}

/// The checked contact details of a booking.
pub struct Contact {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub national_number: Option<NationalNumber>,
    pub locale: Locale,
}

/// Who needs an e-mail address: a citizen booking online does, for the confirmation and the
/// manage link; a caller booked by an employee may have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Email {
    Required,
    Optional,
}

impl ContactForm {
    pub fn parse(&self, errors: &mut FieldErrors, email: Email) -> Option<Contact> {
        let name = self.name.trim();
        errors.check(
            !name.is_empty() && name.chars().count() <= 120,
            "name",
            "error-person-name",
        );
        let typed_email = self.email.trim();
        errors.check(
            is_valid_email(typed_email) || (email == Email::Optional && typed_email.is_empty()),
            "email",
            "error-email",
        );
        let phone = self.phone.trim();
        errors.check(
            phone.is_empty() || is_valid_phone(phone),
            "phone",
            "error-phone",
        );
        let national_number = match self.national_number.trim() {
            "" => None,
            typed => match NationalNumber::parse(typed) {
                Ok(number) => Some(number),
                Err(error) => {
                    errors.add("national_number", error.message_id());
                    None
                }
            },
        };
        let locale = self.locale.parse().unwrap_or_default();
        errors.is_empty().then(|| Contact {
            name: name.to_owned(),
            email: typed_email.to_lowercase(),
            phone: phone.to_owned(),
            national_number,
            locale,
        })
    }
}

/// The cells a visit at `start` takes, or the error to show on the start field.
pub fn cells_at(
    visit: &Visit,
    start: Timestamp,
    earliest: Timestamp,
) -> Result<Vec<Cell>, FieldErrors> {
    let mut errors = FieldErrors::default();
    let today = earliest.to_zoned(visit.time_zone().clone()).date();
    let horizon = POLICY.last_bookable_date(today);
    let local = start.to_zoned(visit.time_zone().clone()).date();
    errors.check(start >= earliest, "start", "error-start-too-soon");
    errors.check(local <= horizon, "start", "error-start-too-late");
    errors.into_result()?;
    visit
        .book
        .book()
        .cells_of_visit(start, visit.cells())
        .ok_or_else(|| {
            let mut errors = FieldErrors::default();
            errors.add("start", "error-start-not-offered");
            errors
        })
}

/// Books `visit` at `start` for `contact`.
pub async fn book(
    state: &AppState,
    visit: &Visit,
    start: Timestamp,
    contact: Contact,
    booked_by: Option<i64>,
    earliest: Timestamp,
) -> Result<Booked, VisitError> {
    let cells = cells_at(visit, start, earliest).map_err(VisitError::Invalid)?;
    let new = NewAppointment {
        site_id: visit.site().id,
        zone_letter: visit.zone.clone(),
        products: visit.products.clone(),
        cells,
        cell_length: POLICY.cell_length(),
        name: contact.name,
        email: contact.email,
        phone: contact.phone,
        national_number: contact.national_number.map(|n| n.digits().to_owned()),
        locale: contact.locale,
        booked_by,
        limits: state.settings.limits,
    };
    let booked = state.store.book_appointment(&new, state.now()).await?;
    tell_citizen(
        state,
        &booked.appointment,
        Some(&booked.manage_token),
        Notice::Booked,
    )
    .await;
    Ok(booked)
}

/// Moves an appointment to `start`, or keeps it where it is. The citizen's mail holds the manage
/// link only when the change is made through it (`manage_token`).
pub async fn reschedule(
    state: &AppState,
    current: &Appointment,
    start: Timestamp,
    earliest: Timestamp,
    manage_token: Option<&str>,
) -> Result<Appointment, VisitError> {
    let visit = resolve_visit(state, &current.site_code, &current.products).await?;
    let cells = cells_at(&visit, start, earliest).map_err(VisitError::Invalid)?;
    let moved = state
        .store
        .reschedule_appointment(current.id, &cells, POLICY.cell_length(), state.now())
        .await?;
    tell_citizen(state, &moved, manage_token, Notice::Moved).await;
    Ok(moved)
}

/// "2 × Identiteitskaart (eID) aanvragen, 1 × Kids-ID aanvragen".
pub fn visit_summary(codes: &[String], catalogue: &[Product], t: Tr) -> Vec<String> {
    let mut counted: Vec<(String, usize)> = Vec::new();
    for code in codes {
        match counted.iter_mut().find(|(c, _)| c == code) {
            Some((_, n)) => *n += 1,
            None => counted.push((code.clone(), 1)),
        }
    }
    counted
        .into_iter()
        .map(|(code, n)| {
            let name = catalogue
                .iter()
                .find(|p| p.code == code)
                .map(|p| p.name(t.locale).to_owned())
                .unwrap_or(code);
            t.args(
                "booking-persons-of",
                &[("count", n.to_string()), ("product", name)],
            )
        })
        .collect()
}

/// "donderdag 10 december 2026 om 10.00 uur", in the site's zone.
pub fn when_text(time_zone: &TimeZone, start: Timestamp, t: Tr) -> String {
    let local = start.to_zoned(time_zone.clone());
    t.args(
        "booking-when",
        &[
            ("day", t.date(local.date())),
            ("time", t.time(local.time())),
        ],
    )
}

/// What to bring for all products of a visit, each thing once.
pub fn things_to_bring(codes: &[String], catalogue: &[Product], t: Tr) -> Vec<String> {
    let mut bring: Vec<String> = Vec::new();
    let products = codes
        .iter()
        .filter_map(|c| catalogue.iter().find(|p| &p.code == c));
    for item in products.flat_map(|p| p.bring(t.locale)) {
        if !bring.iter().any(|known| known == item) {
            bring.push(item.to_owned());
        }
    }
    bring
}

/// Cancels an appointment; its place is free again at once.
pub async fn cancel(
    state: &AppState,
    id: i64,
    manage_token: Option<&str>,
) -> Result<Appointment, VisitError> {
    let cancelled = state.store.cancel_appointment(id, state.now()).await?;
    tell_citizen(state, &cancelled, manage_token, Notice::Cancelled).await;
    Ok(cancelled)
}

/// Queues the mail about a change, when the citizen gave an address. The change itself is done
/// and stays done: a mail that cannot be queued is logged, and the result shows on the page.
async fn tell_citizen(
    state: &AppState,
    appointment: &Appointment,
    manage_token: Option<&str>,
    notice: Notice,
) {
    if appointment.email.is_empty() {
        return;
    }
    if let Err(error) =
        crate::mail::appointment::queue(state, appointment, manage_token, notice).await
    {
        tracing::error!(
            "could not queue the {notice:?} mail of appointment {}: {error}",
            appointment.id
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_form_names_each_wrong_field() {
        let form = ContactForm {
            name: " ".into(),
            email: "not-an-address".into(),
            phone: "abc".into(),
            national_number: "85073003329".into(),
            locale: "fr".into(),
        };
        let mut errors = FieldErrors::default();
        assert!(form.parse(&mut errors, Email::Required).is_none());
        assert_eq!(errors.get("name"), Some("error-person-name"));
        assert_eq!(errors.get("email"), Some("error-email"));
        assert_eq!(errors.get("phone"), Some("error-phone"));
        assert_eq!(errors.get("national_number"), Some("national-number-check"));
    }

    #[test]
    fn a_caller_booked_by_phone_may_have_no_e_mail_address() {
        let form = ContactForm {
            name: "Jan Peeters".into(),
            ..ContactForm::default()
        };
        let mut errors = FieldErrors::default();
        assert!(form.parse(&mut errors, Email::Required).is_none());
        assert_eq!(errors.get("email"), Some("error-email"));
        let mut errors = FieldErrors::default();
        let contact = form.parse(&mut errors, Email::Optional).unwrap();
        assert_eq!(contact.email, "");
        let wrong = ContactForm {
            email: "jan@".into(),
            ..form
        };
        assert!(wrong.parse(&mut errors, Email::Optional).is_none());
    }
}

/// An iCalendar file (RFC 5545) with the visit, for the citizen's own calendar.
pub fn calendar_file(
    uid: &str,
    start: Timestamp,
    end: Timestamp,
    summary: &str,
    location: &str,
    description: &str,
    stamp: Timestamp,
) -> String {
    let utc = |t: Timestamp| t.strftime("%Y%m%dT%H%M%SZ").to_string();
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Loket//Afspraken//NL".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{uid}"),
        format!("DTSTAMP:{}", utc(stamp)),
        format!("DTSTART:{}", utc(start)),
        format!("DTEND:{}", utc(end)),
        format!("SUMMARY:{}", ics_text(summary)),
        format!("LOCATION:{}", ics_text(location)),
        format!("DESCRIPTION:{}", ics_text(description)),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines
        .iter()
        .map(|line| fold(line))
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n"
}

/// Escapes a text value of an iCalendar property.
fn ics_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets, as RFC 5545 asks, never inside a character.
fn fold(line: &str) -> String {
    let mut folded = String::new();
    let mut width = 0;
    for character in line.chars() {
        if width + character.len_utf8() > 75 {
            folded.push_str("\r\n ");
            width = 1;
        }
        folded.push(character);
        width += character.len_utf8();
    }
    folded
}

/// The booking code as a QR code the kiosk scans, as inline SVG.
pub fn qr_svg(code: &str) -> String {
    match qrcode::QrCode::new(code.as_bytes()) {
        Ok(qr) => qr
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(160, 160)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod calendar_file_tests {
    use super::*;

    #[test]
    fn a_calendar_file_has_the_visit_in_utc_with_escaped_folded_lines() {
        let start: Timestamp = "2026-12-10T09:00:00Z".parse().unwrap();
        let end: Timestamp = "2026-12-10T09:20:00Z".parse().unwrap();
        let long = "Identiteitskaart (eID) aanvragen, Rijbewijs aanvragen; Kids-ID aanvragen en nog wat tekst";
        let ics = calendar_file(
            "appointment-7@loket",
            start,
            end,
            long,
            "Professor Van Overstraetenplein 1, 3000 Leuven",
            "Code ABC",
            start,
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.contains("DTSTART:20261210T090000Z\r\n"));
        assert!(ics.contains("DTEND:20261210T092000Z\r\n"));
        assert!(ics.contains("LOCATION:Professor Van Overstraetenplein 1\\, 3000 Leuven\r\n"));
        assert!(ics.contains("\r\n "), "a long summary is folded");
        assert!(ics.lines().all(|line| line.len() <= 75));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn the_qr_code_is_an_svg() {
        assert!(qr_svg("K7M2XQ9").starts_with("<?xml") || qr_svg("K7M2XQ9").contains("<svg"));
    }
}
