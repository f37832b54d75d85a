//! Documents ready for pickup at the fast counter, shared by the API and the pages: registering
//! one or a day's list (and telling each holder), finding them by name, code or national number
//! (every lookup audited), handing over exactly once, and sending back what nobody collected.
//!
//! A document is a product whose document is picked up later (`pickup_later` in the catalogue):
//! the applications made elsewhere (eID, passport, driving licence, residence card) and the fast
//! counter's own pickups (eID pickup, PIN/PUK codes).

use crate::i18n::{LOCALES, Tr, language_id};
use crate::state::AppState;
use fluent_templates::Loader;
use jiff::{Timestamp, ToSpan};
use loket_domain::catalogue::FieldErrors;
use loket_domain::contact::{is_valid_email, is_valid_phone, text_message_number};
use loket_domain::locale::Locale;
use loket_domain::national_number::NationalNumber;
use loket_domain::staff::Role;
use loket_store::StoreError;
use loket_store::catalogue::Product;
use loket_store::organisation::Site;
use loket_store::pickups::{NewPickup, Pickup, PickupSearch, PickupStatus};
use loket_store::staff::StaffUser;

/// Who may register a document that arrived.
pub const REGISTER_ROLES: [Role; 4] = [Role::Counter, Role::Backoffice, Role::Manager, Role::Admin];
/// Who may look documents up, hand them over and send them back: the fast counter.
pub const COUNTER_ROLES: [Role; 3] = crate::floor::COUNTER_ROLES;

/// Whether a product is a document that waits at the fast counter for its holder.
pub fn is_document(product: &Product) -> bool {
    product.pickup_later
}

/// The document's name as the counter and the holder know it ("Reispas"), or the product's name
/// when the catalogue has a product without a document name of its own.
pub fn document_name(product: &Product, t: Tr) -> String {
    LOCALES
        .try_lookup(
            &language_id(t.locale),
            &format!("document-{}", product.code),
        )
        .unwrap_or_else(|| product.name(t.locale).to_owned())
}

/// When documents not collected since then go back: three months before `now` in the site's zone.
pub fn return_cutoff(state: &AppState, now: Timestamp) -> Timestamp {
    now.to_zoned(state.settings.time_zone.clone())
        .checked_sub(3.months())
        .map(|then| then.timestamp())
        .unwrap_or(now)
}

#[derive(Debug)]
pub enum PickupError {
    Invalid(FieldErrors),
    NotFound,
    /// Picked up or returned already.
    NotReady(PickupStatus),
    Store(StoreError),
}

impl From<StoreError> for PickupError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => PickupError::NotFound,
            other => PickupError::Store(other),
        }
    }
}

pub type PickupResult<T> = Result<T, PickupError>;

/// A document as typed in a form, an API call or a line of the day's list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PickupInput {
    pub product: String,
    pub holder_name: String,
    pub national_number: String,
    pub email: String,
    pub phone: String,
    /// `nl`, `fr` or `en`; empty for Dutch.
    pub language: String,
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

impl PickupInput {
    /// Checks every field against the catalogue; the document to store, or what is wrong per field.
    pub fn validate(&self, site: &Site, catalogue: &[Product]) -> Result<NewPickup, FieldErrors> {
        let mut errors = FieldErrors::default();
        let product = catalogue
            .iter()
            .find(|p| p.code == self.product.trim() && is_document(p));
        errors.check(product.is_some(), "product", "pickup-error-product");
        let name = self.holder_name.trim();
        errors.check(
            !name.is_empty() && name.chars().count() <= 200,
            "holder_name",
            "pickup-error-holder-name",
        );
        let national_number = match optional(&self.national_number) {
            None => None,
            Some(typed) => match NationalNumber::parse(&typed) {
                Ok(number) => Some(number.digits().to_owned()),
                Err(error) => {
                    errors.add("national_number", error.message_id());
                    None
                }
            },
        };
        let email = optional(&self.email);
        errors.check(
            email.as_deref().is_none_or(is_valid_email),
            "email",
            "error-email",
        );
        let phone = optional(&self.phone);
        errors.check(
            phone.as_deref().is_none_or(is_valid_phone),
            "phone",
            "pickup-error-phone",
        );
        let locale = match optional(&self.language) {
            None => Some(Locale::Nl),
            Some(code) => code.parse().ok(),
        };
        errors.check(locale.is_some(), "language", "pickup-error-language");
        errors.into_result()?;
        Ok(NewPickup {
            site_id: site.id,
            product_code: self.product.trim().to_owned(),
            holder_name: name.to_owned(),
            national_number,
            email,
            phone,
            locale: locale.unwrap_or_default(),
        })
    }
}

/// The site with this code; the first site when the code is empty.
pub async fn site(state: &AppState, code: &str) -> PickupResult<Site> {
    let snapshot = state.books.current(&state.store).await?;
    snapshot.site_or_first(code).cloned().ok_or_else(|| {
        let mut errors = FieldErrors::default();
        errors.add("site", "error-site");
        PickupError::Invalid(errors)
    })
}

/// The documents of the catalogue, by name in `t`'s language.
pub async fn documents(state: &AppState, t: Tr) -> PickupResult<Vec<Product>> {
    let snapshot = state.books.current(&state.store).await?;
    let mut documents: Vec<Product> = snapshot
        .catalogue
        .iter()
        .filter(|p| is_document(p))
        .cloned()
        .collect();
    documents.sort_by_key(|p| p.name(t.locale).to_lowercase());
    Ok(documents)
}

/// How the holder hears that the document is ready.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// An e-mail to this address.
    Mail(String),
    /// A text message to this mobile number, in international form.
    Text(String),
    /// No e-mail address and no mobile number: staff call the holder, or write.
    Nobody,
}

impl Notice {
    pub fn of(pickup: &Pickup) -> Notice {
        match (
            &pickup.email,
            pickup.phone.as_deref().and_then(text_message_number),
        ) {
            (Some(email), _) => Notice::Mail(email.clone()),
            (None, Some(number)) => Notice::Text(number),
            (None, None) => Notice::Nobody,
        }
    }
}

/// Registers one document and tells its holder.
pub async fn register(
    state: &AppState,
    user: &StaffUser,
    site: &Site,
    input: &PickupInput,
) -> PickupResult<Pickup> {
    let catalogue = state.books.current(&state.store).await?.catalogue.clone();
    let new = input
        .validate(site, &catalogue)
        .map_err(PickupError::Invalid)?;
    let mut stored = register_all(state, user, site, vec![new]).await?;
    stored.pop().ok_or(PickupError::NotFound)
}

/// Stores all documents in one transaction, then queues each holder's message.
pub async fn register_all(
    state: &AppState,
    user: &StaffUser,
    site: &Site,
    documents: Vec<NewPickup>,
) -> PickupResult<Vec<Pickup>> {
    let now = state.now();
    let stored = state
        .store
        .register_pickups(&documents, Some(user.id), now)
        .await?;
    for pickup in &stored {
        crate::mail::pickup::queue_ready(state, site, pickup).await?;
    }
    state
        .store
        .audit(
            now,
            Some(user.id),
            "pickup.register",
            &format!("site {}", site.code),
            &format!("{} documents", stored.len()),
        )
        .await?;
    Ok(stored)
}

/// What a search typed is looked for as: any name containing it, the code, and the national
/// number when its digits make one.
pub fn search_for(query: &str) -> PickupSearch {
    let query = query.trim();
    let digits: String = query.chars().filter(char::is_ascii_digit).collect();
    PickupSearch {
        name: query.to_owned(),
        pickup_code: query.to_uppercase(),
        national_number: if digits.len() == 11 && is_number_like(query) {
            digits
        } else {
            String::new()
        },
    }
}

/// Only digits, spaces, dots and dashes: what a national number (or part of one) looks like.
fn is_number_like(query: &str) -> bool {
    query.chars().any(|c| c.is_ascii_digit())
        && query
            .chars()
            .all(|c| c.is_ascii_digit() || " .-".contains(c))
}

/// The query as the audit log keeps it: a national number (or digits that may be part of one)
/// masked, a name or code as typed.
pub fn audited_query(query: &str) -> String {
    let query = query.trim();
    if !is_number_like(query) {
        return query.to_owned();
    }
    NationalNumber::parse(query)
        .map(|number| number.masked())
        .unwrap_or_else(|_| "*".repeat(query.chars().filter(char::is_ascii_digit).count()))
}

/// The documents of a site that match what the counter typed; the lookup is written to the audit
/// log. An empty query finds nothing and is not logged.
pub async fn search(
    state: &AppState,
    user: &StaffUser,
    site: &Site,
    query: &str,
) -> PickupResult<Vec<Pickup>> {
    if query.trim().is_empty() {
        return Ok(Vec::new());
    }
    let found = state
        .store
        .find_pickups(site.id, &search_for(query))
        .await?;
    state
        .store
        .audit(
            state.now(),
            Some(user.id),
            "pickup.search",
            &format!("site {}", site.code),
            &format!("{} ({} found)", audited_query(query), found.len()),
        )
        .await?;
    Ok(found)
}

/// Hands a document over, once.
pub async fn hand_over(
    state: &AppState,
    user: &StaffUser,
    id: i64,
    by_proxy: bool,
) -> PickupResult<Pickup> {
    let now = state.now();
    let pickup = state
        .store
        .hand_over_pickup(id, Some(user.id), by_proxy, now)
        .await
        .map_err(not_ready)?;
    let detail = if by_proxy { "by proxy" } else { "" };
    state
        .store
        .audit(
            now,
            Some(user.id),
            "pickup.hand-over",
            &format!("pickup {id}"),
            detail,
        )
        .await?;
    Ok(pickup)
}

/// Marks a document as sent back (or its codes destroyed), once.
pub async fn send_back(state: &AppState, user: &StaffUser, id: i64) -> PickupResult<Pickup> {
    let now = state.now();
    let pickup = state
        .store
        .return_pickup(id, now)
        .await
        .map_err(not_ready)?;
    state
        .store
        .audit(
            now,
            Some(user.id),
            "pickup.return",
            &format!("pickup {id}"),
            "",
        )
        .await?;
    Ok(pickup)
}

fn not_ready(error: StoreError) -> PickupError {
    match error {
        StoreError::WrongState(status) if status == PickupStatus::Returned.code() => {
            PickupError::NotReady(PickupStatus::Returned)
        }
        StoreError::WrongState(_) => PickupError::NotReady(PickupStatus::PickedUp),
        other => other.into(),
    }
}

/// The documents of a site waiting for more than three months.
pub async fn to_return(state: &AppState, site: &Site) -> PickupResult<Vec<Pickup>> {
    let cutoff = return_cutoff(state, state.now());
    Ok(state.store.pickups_waiting_since(site.id, cutoff).await?)
}

/// A document as lists show it: never the national number in full.
#[derive(Debug, Clone)]
pub struct PickupView {
    pub id: i64,
    pub document: String,
    pub holder_name: String,
    pub national_number: Option<String>,
    pub pickup_code: String,
    /// The local date it was registered, as the language writes it.
    pub registered: String,
    pub status: PickupStatus,
    /// When it was picked up or sent back, as the language writes it.
    pub status_since: Option<String>,
    pub has_email: bool,
    pub phone: Option<String>,
}

impl PickupView {
    pub fn new(state: &AppState, catalogue: &[Product], pickup: Pickup, t: Tr) -> PickupView {
        let document = catalogue
            .iter()
            .find(|p| p.code == pickup.product_code)
            .map(|p| document_name(p, t))
            .unwrap_or_else(|| pickup.product_code.clone());
        let local = |at: Timestamp| at.to_zoned(state.settings.time_zone.clone());
        let registered = local(pickup.registered_at).date();
        let status_since = pickup.picked_up_at.or(pickup.returned_at).map(|at| {
            let at = local(at);
            format!("{} {}", t.date(at.date()), t.time(at.time()))
        });
        PickupView {
            status_since,
            id: pickup.id,
            document,
            national_number: NationalNumber::mask_stored(pickup.national_number.as_deref()),
            holder_name: pickup.holder_name,
            pickup_code: pickup.pickup_code,
            registered: t.date(registered),
            status: pickup.status,
            has_email: pickup.email.is_some(),
            phone: pickup.phone,
        }
    }

    pub fn is_ready(&self) -> bool {
        self.status == PickupStatus::Ready
    }

    /// The Fluent id of the status's name.
    pub fn status_id(&self) -> &'static str {
        status_id(self.status)
    }
}

pub fn status_id(status: PickupStatus) -> &'static str {
    match status {
        PickupStatus::Ready => "pickup-status-ready",
        PickupStatus::PickedUp => "pickup-status-picked-up",
        PickupStatus::Returned => "pickup-status-returned",
    }
}

/// Views of `pickups` with the current catalogue's names.
pub async fn views(state: &AppState, pickups: Vec<Pickup>, t: Tr) -> PickupResult<Vec<PickupView>> {
    let snapshot = state.books.current(&state.store).await?;
    Ok(pickups
        .into_iter()
        .map(|pickup| PickupView::new(state, &snapshot.catalogue, pickup, t))
        .collect())
}

/// A wrong line of an imported list: its number (the header is line 1), the field and the Fluent
/// id of what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub line: usize,
    pub field: String,
    pub message_id: &'static str,
}

/// The columns of the day's list, in this order.
pub const IMPORT_HEADER: [&str; 6] = [
    "product",
    "holder_name",
    "national_number",
    "email",
    "phone",
    "language",
];

/// Reads the day's list (comma or semicolon separated, with the header [`IMPORT_HEADER`]) and
/// checks every line: the documents to store, or every wrong line.
pub fn read_import(
    text: &str,
    site: &Site,
    catalogue: &[Product],
) -> Result<Vec<NewPickup>, Vec<ImportError>> {
    let text = text.trim_start_matches('\u{feff}');
    let first_line = text.lines().next().unwrap_or_default();
    let separator = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header_ok = reader.headers().is_ok_and(|header| {
        header
            .iter()
            .map(str::to_lowercase)
            .eq(IMPORT_HEADER.iter().map(|h| h.to_string()))
    });
    if !header_ok {
        return Err(vec![ImportError {
            line: 1,
            field: String::new(),
            message_id: "pickup-import-error-header",
        }]);
    }
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let Ok(record) = record else {
            errors.push(ImportError {
                line,
                field: String::new(),
                message_id: "pickup-import-error-line",
            });
            continue;
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != IMPORT_HEADER.len() {
            errors.push(ImportError {
                line,
                field: String::new(),
                message_id: "pickup-import-error-columns",
            });
            continue;
        }
        let input = PickupInput {
            product: record[0].to_owned(),
            holder_name: record[1].to_owned(),
            national_number: record[2].to_owned(),
            email: record[3].to_owned(),
            phone: record[4].to_owned(),
            language: record[5].to_owned(),
        };
        match input.validate(site, catalogue) {
            Ok(document) => documents.push(document),
            Err(wrong) => {
                errors.extend(wrong.0.into_iter().map(|(field, message_id)| ImportError {
                    line,
                    field,
                    message_id,
                }))
            }
        }
    }
    if documents.is_empty() && errors.is_empty() {
        errors.push(ImportError {
            line: 2,
            field: String::new(),
            message_id: "pickup-import-error-empty",
        });
    }
    if errors.is_empty() {
        Ok(documents)
    } else {
        Err(errors)
    }
}

/// Stores a whole list, or nothing when a line is wrong.
pub async fn import(
    state: &AppState,
    user: &StaffUser,
    site: &Site,
    text: &str,
) -> Result<Vec<Pickup>, ImportOutcome> {
    let catalogue = state
        .books
        .current(&state.store)
        .await
        .map_err(|e| ImportOutcome::Failed(e.into()))?
        .catalogue
        .clone();
    let documents = read_import(text, site, &catalogue).map_err(ImportOutcome::Wrong)?;
    register_all(state, user, site, documents)
        .await
        .map_err(ImportOutcome::Failed)
}

/// Why an import stored nothing.
#[derive(Debug)]
pub enum ImportOutcome {
    Wrong(Vec<ImportError>),
    Failed(PickupError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_in_any_notation_is_searched_by_its_digits_and_audited_masked() {
        let search = search_for("85.07.30-033.28");
        assert_eq!(search.national_number, "85073003328");
        assert_eq!(audited_query("85.07.30-033.28"), "85.07.30-***.**");
        assert_eq!(audited_query("85073003328"), "85.07.30-***.**");
        assert_eq!(audited_query("850730"), "******");
        assert_eq!(search_for("Peeters").national_number, "");
        assert_eq!(audited_query("Peeters"), "Peeters");
        assert_eq!(search_for("k7m3xp").pickup_code, "K7M3XP");
    }

    /// The ids the code hands to a translator, which the template scan of `i18n` cannot see.
    #[test]
    fn every_message_the_code_uses_exists_in_every_language() {
        let ids = [
            "pickup-error-product",
            "pickup-error-holder-name",
            "pickup-error-phone",
            "pickup-error-language",
            "pickup-import-error-header",
            "pickup-import-error-line",
            "pickup-import-error-columns",
            "pickup-import-error-empty",
            "pickup-import-error-no-file",
            "pickup-problem-picked-up",
            "pickup-problem-returned",
            "pickup-refused-picked-up",
            "pickup-refused-returned",
            "pickup-handed-over",
            "pickup-handed-over-proxy",
            "pickup-returned",
            "pickup-contact-mailed",
            "pickup-contact-phone",
            "pickup-contact-texted",
            "pickup-contact-none",
            "pickup-mail-subject",
            "pickup-mail-intro",
            "pickup-bring-identity",
            "pickup-bring-old-document",
            "pickup-bring-pin-puk",
            "pickup-search-count",
            "pickup-return-count",
            "pickup-import-done",
            "pickup-import-told",
        ];
        let statuses = [
            PickupStatus::Ready,
            PickupStatus::PickedUp,
            PickupStatus::Returned,
        ]
        .map(status_id);
        let args = [
            "count", "document", "holder", "email", "phone", "code", "site",
        ]
        .map(|name| (name, "x".to_owned()));
        for locale in Locale::ALL {
            for id in ids.iter().chain(statuses.iter()) {
                let text = Tr::new(locale).args(id, &args);
                assert!(!text.contains(id), "{locale:?} lacks {id}: {text}");
            }
        }
    }
}
