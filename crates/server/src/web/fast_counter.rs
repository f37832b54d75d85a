//! The fast counter's pages for documents waiting for their holder: search and hand over,
//! register one document or the day's list, and send back what nobody collected in three months.

use crate::pickups::{
    self, ImportError, ImportOutcome, Notice, PickupError, PickupInput, PickupView, REGISTER_ROLES,
};
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_form, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};
use axum::routing::{get, post};
use loket_domain::locale::Locale;
use loket_store::organisation::Site;
use loket_store::pickups::PickupStatus;
use loket_store::staff::StaffUser;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/fast-counter", get(home))
        .route("/fast-counter/pickups/new", get(new_form).post(register))
        .route(
            "/fast-counter/pickups/import",
            get(import_form).post(import),
        )
        .route("/fast-counter/pickups/return", get(return_list))
        .route("/fast-counter/pickups/{id}/hand-over", post(hand_over))
        .route("/fast-counter/pickups/{id}/return", post(send_back))
}

impl From<PickupError> for PageError {
    fn from(error: PickupError) -> Self {
        match error {
            PickupError::NotFound | PickupError::Invalid(_) => PageError::NotFound,
            PickupError::NotReady(_) => PageError::NotFound,
            PickupError::Store(error) => error.into(),
        }
    }
}

fn counter_staff(page: &Page) -> Result<StaffUser, PageError> {
    page.require_any(&pickups::COUNTER_ROLES).cloned()
}

fn registering_staff(page: &Page) -> Result<StaffUser, PageError> {
    page.require_any(&REGISTER_ROLES).cloned()
}

fn query_string<V: serde::Serialize>(pairs: &[(&str, V)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

#[derive(Deserialize, Default)]
struct HomeQuery {
    #[serde(default)]
    site: String,
    #[serde(default)]
    q: String,
    /// The document just handed over, for the confirmation.
    #[serde(default)]
    handed: Option<i64>,
}

#[derive(Template)]
#[template(path = "fast_counter/home.html")]
struct HomeTemplate {
    page: Page,
    site: String,
    site_name: String,
    query: String,
    searched: bool,
    found: Vec<PickupView>,
    found_text: String,
    notice: Option<String>,
    error: Option<String>,
}

async fn home_page(
    state: &AppState,
    page: Page,
    user: &StaffUser,
    site: Site,
    query: String,
    notice: Option<String>,
    error: Option<String>,
) -> Result<HomeTemplate, PageError> {
    let found = pickups::search(state, user, &site, &query).await?;
    let found = pickups::views(state, found, page.t).await?;
    Ok(HomeTemplate {
        found_text: page.t.count("pickup-search-count", found.len() as i64),
        searched: !query.trim().is_empty(),
        site: site.code,
        site_name: site.name,
        query,
        found,
        notice,
        error,
        page,
    })
}

async fn home(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<HomeQuery>,
) -> PageResult {
    let user = counter_staff(&page)?;
    let site = pickups::site(&state, &query.site).await?;
    let notice = match query.handed {
        Some(id) => handed_over_notice(&state, &page, id).await?,
        None => None,
    };
    render(home_page(&state, page, &user, site, query.q, notice, None).await?)
}

/// "Identiteitskaart (eID) handed over to Jan Peeters", when that document was picked up.
async fn handed_over_notice(
    state: &AppState,
    page: &Page,
    id: i64,
) -> Result<Option<String>, PageError> {
    let Ok(pickup) = state.store.pickup(id).await else {
        return Ok(None);
    };
    if pickup.status != PickupStatus::PickedUp {
        return Ok(None);
    }
    let by_proxy = pickup.by_proxy;
    let view = pickups::views(state, vec![pickup], page.t)
        .await?
        .pop()
        .ok_or(PageError::NotFound)?;
    let id = if by_proxy {
        "pickup-handed-over-proxy"
    } else {
        "pickup-handed-over"
    };
    Ok(Some(page.t.args(
        id,
        &[("document", view.document), ("holder", view.holder_name)],
    )))
}

#[derive(Deserialize)]
struct HandOverForm {
    #[serde(default)]
    site: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    proxy: Option<String>,
}

async fn hand_over(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<HandOverForm>,
) -> PageResult {
    let user = counter_staff(&page)?;
    let site = pickups::site(&state, &form.site).await?;
    match pickups::hand_over(&state, &user, id, form.proxy.is_some()).await {
        Ok(_) => see_other(&format!(
            "/fast-counter?{}",
            query_string(&[
                ("site", &site.code),
                ("q", &form.q),
                ("handed", &id.to_string())
            ])
        )),
        Err(PickupError::NotReady(status)) => {
            let message = page.t.get(match status {
                PickupStatus::Returned => "pickup-refused-returned",
                _ => "pickup-refused-picked-up",
            });
            let html = home_page(&state, page, &user, site, form.q, None, Some(message))
                .await?
                .render()?;
            Ok((StatusCode::CONFLICT, Html(html)).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

/// A product in the register form's list.
struct DocumentChoice {
    code: String,
    name: String,
}

async fn choices(state: &AppState, page: &Page) -> Result<Vec<DocumentChoice>, PageError> {
    Ok(pickups::documents(state, page.t)
        .await?
        .into_iter()
        .map(|product| DocumentChoice {
            name: product.name(page.locale).to_owned(),
            code: product.code,
        })
        .collect())
}

/// What the register page tells after a document was registered.
struct Registered {
    document: String,
    holder_name: String,
    national_number: Option<String>,
    pickup_code: String,
    /// How the holder hears of it.
    contact: String,
}

#[derive(Template)]
#[template(path = "fast_counter/new.html")]
struct NewTemplate {
    page: Page,
    site: String,
    documents: Vec<DocumentChoice>,
    form: PickupForm,
    errors: Errors,
    registered: Option<Registered>,
    may_search: bool,
}

/// A language the holder's message can be in, for the form's list.
struct LanguageChoice {
    code: &'static str,
    name: &'static str,
    selected: bool,
}

impl NewTemplate {
    fn languages(&self) -> Vec<LanguageChoice> {
        let chosen = self.form.language.parse::<Locale>().unwrap_or_default();
        Locale::ALL
            .into_iter()
            .map(|locale| LanguageChoice {
                code: locale.code(),
                name: locale.native_name(),
                selected: locale == chosen,
            })
            .collect()
    }
}

#[derive(Deserialize, Default)]
struct PickupForm {
    #[serde(default)]
    site: String,
    #[serde(default)]
    product: String,
    #[serde(default)]
    holder_name: String,
    #[serde(default)]
    national_number: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    language: String,
}

impl PickupForm {
    fn input(&self) -> PickupInput {
        PickupInput {
            product: self.product.clone(),
            holder_name: self.holder_name.clone(),
            national_number: self.national_number.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            language: self.language.clone(),
        }
    }
}

#[derive(Deserialize, Default)]
struct NewQuery {
    #[serde(default)]
    site: String,
    #[serde(default)]
    registered: Option<i64>,
}

async fn new_form(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<NewQuery>,
) -> PageResult {
    registering_staff(&page)?;
    let site = pickups::site(&state, &query.site).await?;
    let registered = match query.registered {
        Some(id) => Some(registered_summary(&state, &page, id).await?),
        None => None,
    };
    render(NewTemplate {
        site: site.code,
        documents: choices(&state, &page).await?,
        form: PickupForm::default(),
        errors: Errors::none(),
        registered,
        may_search: page.is_any(&pickups::COUNTER_ROLES),
        page,
    })
}

async fn registered_summary(
    state: &AppState,
    page: &Page,
    id: i64,
) -> Result<Registered, PageError> {
    let pickup = state.store.pickup(id).await?;
    let contact = match (Notice::of(&pickup), &pickup.phone) {
        (Notice::Mail(email), _) => page.t.arg("pickup-contact-mailed", "email", email),
        (Notice::Text(_), Some(phone)) => page.t.arg("pickup-contact-texted", "phone", phone),
        (_, Some(phone)) => page.t.arg("pickup-contact-phone", "phone", phone),
        (_, None) => page.t.get("pickup-contact-none"),
    };
    let view = pickups::views(state, vec![pickup], page.t)
        .await?
        .pop()
        .ok_or(PageError::NotFound)?;
    Ok(Registered {
        document: view.document,
        holder_name: view.holder_name,
        national_number: view.national_number,
        pickup_code: view.pickup_code,
        contact,
    })
}

async fn register(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<PickupForm>,
) -> PageResult {
    let user = registering_staff(&page)?;
    let site = pickups::site(&state, &form.site).await?;
    match pickups::register(&state, &user, &site, &form.input()).await {
        Ok(pickup) => see_other(&format!(
            "/fast-counter/pickups/new?{}",
            query_string(&[("site", &site.code), ("registered", &pickup.id.to_string())])
        )),
        Err(PickupError::Invalid(errors)) => render_form(
            NewTemplate {
                site: site.code,
                documents: choices(&state, &page).await?,
                errors: Errors::translate(&errors, page.t),
                form,
                registered: None,
                may_search: page.is_any(&pickups::COUNTER_ROLES),
                page,
            },
            true,
        ),
        Err(other) => Err(other.into()),
    }
}

/// A wrong line of an uploaded list, as the page lists it.
struct LineError {
    line: usize,
    message: String,
}

/// What an import stored, as the page tells it.
struct Stored {
    registered: String,
    told: String,
    some_not_told: bool,
}

#[derive(Template)]
#[template(path = "fast_counter/import.html")]
struct ImportTemplate {
    page: Page,
    site: String,
    header: String,
    errors: Vec<LineError>,
    /// After a stored list: what was registered and who was told.
    stored: Option<Stored>,
    may_search: bool,
}

#[derive(Deserialize, Default)]
struct ImportQuery {
    #[serde(default)]
    site: String,
    #[serde(default)]
    registered: Option<usize>,
    #[serde(default)]
    told: Option<usize>,
}

fn import_page(page: Page, site: String, errors: Vec<LineError>) -> ImportTemplate {
    ImportTemplate {
        may_search: page.is_any(&pickups::COUNTER_ROLES),
        page,
        site,
        header: pickups::IMPORT_HEADER.join(","),
        errors,
        stored: None,
    }
}

async fn import_form(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<ImportQuery>,
) -> PageResult {
    registering_staff(&page)?;
    let site = pickups::site(&state, &query.site).await?;
    let stored = query.registered.map(|registered| {
        let told = query.told.unwrap_or(0).min(registered);
        Stored {
            registered: page.t.count("pickup-import-done", registered as i64),
            told: page.t.count("pickup-import-told", told as i64),
            some_not_told: told < registered,
        }
    });
    let mut template = import_page(page, site.code, Vec::new());
    template.stored = stored;
    render(template)
}

/// The uploaded list and the site it is for.
struct Upload {
    site: String,
    text: Option<String>,
}

async fn read_upload(mut multipart: Multipart) -> Upload {
    let mut upload = Upload {
        site: String::new(),
        text: None,
    };
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name() {
            Some("site") => upload.site = field.text().await.unwrap_or_default(),
            Some("file") => {
                upload.text = field
                    .bytes()
                    .await
                    .ok()
                    .filter(|bytes| !bytes.is_empty())
                    .map(|bytes| decode(&bytes));
            }
            _ => {}
        }
    }
    upload
}

/// UTF-8, or else Latin-1 as older spreadsheets save it (é, ë and ç survive either way).
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|byte| char::from(*byte)).collect(),
    }
}

fn line_errors(errors: Vec<ImportError>, page: &Page) -> Vec<LineError> {
    errors
        .into_iter()
        .map(|error| {
            let message = page.t.get(error.message_id);
            let message = if error.field.is_empty() {
                message
            } else {
                format!("{}: {message}", error.field)
            };
            LineError {
                line: error.line,
                message,
            }
        })
        .collect()
}

async fn import(State(state): State<AppState>, page: Page, multipart: Multipart) -> PageResult {
    let user = registering_staff(&page)?;
    let upload = read_upload(multipart).await;
    let site = pickups::site(&state, &upload.site).await?;
    let Some(text) = upload.text else {
        let missing = vec![LineError {
            line: 0,
            message: page.t.get("pickup-import-error-no-file"),
        }];
        return render_form(import_page(page, site.code, missing), true);
    };
    match pickups::import(&state, &user, &site, &text).await {
        Ok(stored) => {
            let told = stored
                .iter()
                .filter(|p| Notice::of(p) != Notice::Nobody)
                .count();
            see_other(&format!(
                "/fast-counter/pickups/import?{}",
                query_string(&[
                    ("site", &site.code),
                    ("registered", &stored.len().to_string()),
                    ("told", &told.to_string())
                ])
            ))
        }
        Err(ImportOutcome::Wrong(errors)) => {
            let errors = line_errors(errors, &page);
            render_form(import_page(page, site.code, errors), true)
        }
        Err(ImportOutcome::Failed(error)) => Err(error.into()),
    }
}

#[derive(Template)]
#[template(path = "fast_counter/return.html")]
struct ReturnTemplate {
    page: Page,
    site: String,
    waiting: Vec<PickupView>,
    waiting_text: String,
    notice: Option<String>,
}

#[derive(Deserialize, Default)]
struct ReturnQuery {
    #[serde(default)]
    site: String,
    #[serde(default)]
    returned: Option<i64>,
}

async fn return_list(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<ReturnQuery>,
) -> PageResult {
    counter_staff(&page)?;
    let site = pickups::site(&state, &query.site).await?;
    let notice = match query.returned {
        Some(id) => {
            let pickup = state.store.pickup(id).await?;
            let returned = (pickup.status == PickupStatus::Returned).then_some(pickup);
            let view = pickups::views(&state, returned.into_iter().collect(), page.t).await?;
            view.into_iter().next().map(|view| {
                page.t.args(
                    "pickup-returned",
                    &[("document", view.document), ("holder", view.holder_name)],
                )
            })
        }
        None => None,
    };
    let waiting = pickups::to_return(&state, &site).await?;
    let waiting = pickups::views(&state, waiting, page.t).await?;
    render(ReturnTemplate {
        site: site.code,
        waiting_text: page.t.count("pickup-return-count", waiting.len() as i64),
        waiting,
        notice,
        page,
    })
}

#[derive(Deserialize)]
struct SiteForm {
    #[serde(default)]
    site: String,
}

async fn send_back(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
    Form(form): Form<SiteForm>,
) -> PageResult {
    let user = counter_staff(&page)?;
    let site = pickups::site(&state, &form.site).await?;
    match pickups::send_back(&state, &user, id).await {
        // Sent back by a colleague a moment ago: the list shows it gone either way.
        Ok(_) | Err(PickupError::NotReady(_)) => see_other(&format!(
            "/fast-counter/pickups/return?{}",
            query_string(&[("site", &site.code), ("returned", &id.to_string())])
        )),
        Err(other) => Err(other.into()),
    }
}
