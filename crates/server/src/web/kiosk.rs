//! The kiosk at the entrance: a touch screen that hands out tickets. The start page shows the
//! rubrics as big buttons and "I have an appointment"; a rubric shows its products; tapping one
//! gives a ticket (printed on the receipt printer) or says where to go instead. Three taps at most,
//! every page works without JavaScript, and a small script goes back to the start after a while.

use crate::floor::{self, CheckInBy, FloorError, Route, TicketView};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_invalid, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum_extra::extract::Form;
use loket_domain::catalogue::Channel;
use loket_domain::locale::Locale;
use loket_domain::queue::TicketStatus;
use loket_store::catalogue::Product;
use loket_store::organisation::Site;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/kiosk/{site}", get(start))
        .route("/kiosk/{site}/rubrics/{rubric}", get(rubric))
        .route("/kiosk/{site}/ticket", axum::routing::post(ask))
        .route("/kiosk/{site}/ticket/{token}", get(ticket))
        .route("/kiosk/{site}/where/{route}", get(where_to_go))
        .route("/kiosk/{site}/closed", get(closed))
        .route(
            "/kiosk/{site}/appointment",
            get(check_in_form).post(check_in),
        )
}

/// What every kiosk page needs: the site, the way back to the start, and whether the page
/// returns to the start by itself after a while.
pub struct Kiosk {
    pub site: String,
    /// The start page, in the kiosk's default language: the next citizen begins afresh.
    pub reset: String,
    pub idle: bool,
}

impl Kiosk {
    fn new(site: &Site, idle: bool) -> Kiosk {
        Kiosk {
            site: site.code.clone(),
            reset: format!(
                "/language?to={}&back=/kiosk/{}",
                Locale::default().code(),
                site.code
            ),
            idle,
        }
    }

    pub fn home(&self) -> String {
        format!("/kiosk/{}", self.site)
    }

    /// The language buttons: the same page in another language, without printing the ticket again.
    pub fn languages(&self, page: &Page) -> Vec<(Locale, String)> {
        let mut same = page.clone();
        same.path = same.path.replace("?print=1", "");
        same.languages()
    }
}

async fn site_of(state: &AppState, code: &str) -> Result<Site, PageError> {
    let snapshot = state.books.current(&state.store).await?;
    snapshot.site(code).cloned().ok_or(PageError::NotFound)
}

/// A big button on the start page.
pub struct RubricButton {
    pub href: String,
    pub name: String,
    pub icon: &'static str,
}

#[derive(Template)]
#[template(path = "kiosk/start.html")]
struct StartTemplate {
    page: Page,
    kiosk: Kiosk,
    rubrics: Vec<RubricButton>,
    appointment_icon: &'static str,
}

async fn start(State(state): State<AppState>, page: Page, Path(site): Path<String>) -> PageResult {
    let site = site_of(&state, &site).await?;
    let snapshot = state.books.current(&state.store).await?;
    let rubrics = state
        .store
        .rubrics()
        .await?
        .into_iter()
        .filter(|r| {
            snapshot
                .catalogue
                .iter()
                .any(|p| p.rubric_code.as_deref() == Some(r.code.as_str()))
        })
        .map(|r| RubricButton {
            href: format!("/kiosk/{}/rubrics/{}", site.code, r.code),
            name: r.name(page.locale).to_owned(),
            icon: icon(&r.code),
        })
        .collect();
    render(StartTemplate {
        kiosk: Kiosk::new(&site, false),
        rubrics,
        appointment_icon: icon("appointment"),
        page,
    })
}

/// A product on a rubric's page, with a word on what tapping it gives.
pub struct ProductButton {
    pub code: String,
    pub name: String,
    pub zone: Option<String>,
    pub note: String,
}

impl ProductButton {
    fn new(product: &Product, t: Tr) -> ProductButton {
        let zone = match product.channel {
            Channel::FastCounter => product.zone_letter.clone(),
            _ => None,
        };
        let note = match product.channel {
            Channel::FastCounter => t.get("kiosk-product-ticket"),
            Channel::Appointment => t.get("kiosk-product-appointment"),
            Channel::Online => t.get("kiosk-product-online"),
            Channel::OnCall | Channel::Reception => t.get("kiosk-product-reception"),
        };
        ProductButton {
            code: product.code.clone(),
            name: product.name(t.locale).to_owned(),
            zone,
            note,
        }
    }
}

#[derive(Template)]
#[template(path = "kiosk/rubric.html")]
struct RubricTemplate {
    page: Page,
    kiosk: Kiosk,
    title: String,
    icon: &'static str,
    products: Vec<ProductButton>,
}

async fn rubric(
    State(state): State<AppState>,
    page: Page,
    Path((site, rubric)): Path<(String, String)>,
) -> PageResult {
    let site = site_of(&state, &site).await?;
    let rubric = state
        .store
        .rubrics()
        .await?
        .into_iter()
        .find(|r| r.code == rubric)
        .ok_or(PageError::NotFound)?;
    let snapshot = state.books.current(&state.store).await?;
    let products = snapshot
        .catalogue
        .iter()
        .filter(|p| p.rubric_code.as_deref() == Some(rubric.code.as_str()))
        .map(|p| ProductButton::new(p, page.t))
        .collect();
    render(RubricTemplate {
        kiosk: Kiosk::new(&site, true),
        title: rubric.name(page.locale).to_owned(),
        icon: icon(&rubric.code),
        products,
        page,
    })
}

#[derive(Deserialize)]
struct AskForm {
    #[serde(default)]
    product: String,
}

/// A product was tapped: a ticket, or where to go instead (Post/Redirect/Get).
async fn ask(
    State(state): State<AppState>,
    Path(site): Path<String>,
    Form(form): Form<AskForm>,
) -> PageResult {
    let site = site_of(&state, &site).await?;
    let base = format!("/kiosk/{}", site.code);
    let product = &form.product;
    match floor::ask_for_product(&state, &site.code, product, None).await {
        Ok(Route::Queue(view)) => match view.track_token {
            Some(token) => see_other(&format!("{base}/ticket/{token}?print=1")),
            None => Err(PageError::Internal),
        },
        Ok(Route::Reception) => see_other(&format!("{base}/where/reception?product={product}")),
        Ok(Route::Appointment) => see_other(&format!("{base}/where/appointment?product={product}")),
        Ok(Route::Online) => see_other(&format!("{base}/where/online?product={product}")),
        Err(FloorError::Closed) => see_other(&format!("{base}/closed")),
        Err(FloorError::NotFound) => Err(PageError::NotFound),
        Err(error) => {
            tracing::error!("the kiosk could not hand out a ticket: {error:?}");
            Err(PageError::Internal)
        }
    }
}

#[derive(Deserialize)]
struct ProductQuery {
    #[serde(default)]
    product: String,
}

#[derive(Template)]
#[template(path = "kiosk/message.html")]
struct MessageTemplate {
    page: Page,
    kiosk: Kiosk,
    /// `reception`, `appointment`, `online` or `closed`: the pictogram and its colour.
    kind: &'static str,
    icon: &'static str,
    title: String,
    /// The product asked for, if any.
    product: Option<String>,
    lines: Vec<Line>,
}

/// A sentence of a message, with what to remember from it in large type (a website, a number).
pub struct Line {
    pub text: String,
    pub big: Option<String>,
}

impl Line {
    fn plain(text: String) -> Line {
        Line { text, big: None }
    }

    fn big(text: String, big: &str) -> Line {
        Line {
            text,
            big: Some(big.to_owned()),
        }
    }
}

/// What to do for a product without a ticket: reception, an appointment or the e-loket.
async fn where_to_go(
    State(state): State<AppState>,
    page: Page,
    Path((site, route)): Path<(String, String)>,
    Query(query): Query<ProductQuery>,
) -> PageResult {
    let site = site_of(&state, &site).await?;
    let snapshot = state.books.current(&state.store).await?;
    let product = snapshot
        .catalogue
        .iter()
        .find(|p| p.code == query.product)
        .map(|p| p.name(page.locale).to_owned());
    let t = page.t;
    let phone = state.settings.phone.clone();
    let website = website(&state);
    let (kind, title, lines) = match route.as_str() {
        "reception" => (
            "reception",
            t.get("kiosk-reception-title"),
            vec![Line::plain(t.get("kiosk-reception-text"))],
        ),
        "appointment" => (
            "appointment",
            t.get("kiosk-appointment-title"),
            vec![
                Line::plain(t.get("kiosk-appointment-text")),
                Line::big(t.get("kiosk-appointment-website"), &website),
                Line::big(t.get("kiosk-appointment-phone"), &phone),
                Line::plain(t.get("kiosk-appointment-reception")),
            ],
        ),
        "online" => (
            "online",
            t.get("kiosk-online-title"),
            vec![
                Line::big(t.get("kiosk-online-text"), &website),
                Line::plain(t.get("kiosk-online-reception")),
            ],
        ),
        _ => return Err(PageError::NotFound),
    };
    render(MessageTemplate {
        kiosk: Kiosk::new(&site, true),
        kind,
        icon: icon(kind),
        title,
        product,
        lines,
        page,
    })
}

/// The website as a citizen would type it: without the scheme.
fn website(state: &AppState) -> String {
    let url = state.settings.public_url.trim_end_matches('/');
    url.split_once("://")
        .map_or(url, |(_, rest)| rest)
        .to_owned()
}

/// The office is closed: no tickets now; when it opens again.
async fn closed(State(state): State<AppState>, page: Page, Path(site): Path<String>) -> PageResult {
    let site = site_of(&state, &site).await?;
    let t = page.t;
    let hours = state.store.site_hours(&site).await?;
    let now = state.now();
    let mut lines = vec![Line::plain(t.get("kiosk-closed-text"))];
    if let Some(next) = hours.calendar.next_opening(now) {
        let next = next.to_zoned(hours.calendar.time_zone.clone());
        let today = now.to_zoned(hours.calendar.time_zone.clone()).date();
        let day = if next.date() == today {
            t.get("today")
        } else {
            t.date(next.date())
        };
        lines.push(Line::plain(t.args(
            "kiosk-closed-opens",
            &[("day", day), ("time", t.time(next.time()))],
        )));
    }
    render(MessageTemplate {
        kiosk: Kiosk::new(&site, true),
        kind: "closed",
        icon: icon("closed"),
        title: t.get("kiosk-closed-title"),
        product: None,
        lines,
        page,
    })
}

#[derive(Template)]
#[template(path = "kiosk/check_in.html")]
struct CheckInTemplate {
    page: Page,
    kiosk: Kiosk,
    code: String,
    error: Option<String>,
}

async fn check_in_form(
    State(state): State<AppState>,
    page: Page,
    Path(site): Path<String>,
) -> PageResult {
    let site = site_of(&state, &site).await?;
    render(CheckInTemplate {
        kiosk: Kiosk::new(&site, true),
        code: String::new(),
        error: None,
        page,
    })
}

#[derive(Deserialize)]
struct CheckInForm {
    #[serde(default)]
    code: String,
}

/// A booking code as typed or scanned: "k7m2-xq9 " is "K7M2XQ9".
fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Checks in an appointment by its booking code; on a refusal the same page says why, with the
/// code kept, and sends the citizen to reception.
async fn check_in(
    State(state): State<AppState>,
    page: Page,
    Path(site): Path<String>,
    Form(form): Form<CheckInForm>,
) -> PageResult {
    let site = site_of(&state, &site).await?;
    let code = normalise_code(&form.code);
    let error_id = if code.is_empty() {
        "kiosk-check-in-empty"
    } else {
        match floor::check_in(&state, &site.code, &code, CheckInBy::Citizen).await {
            Ok(view) => {
                let token = view.track_token.ok_or(PageError::Internal)?;
                return see_other(&format!("/kiosk/{}/ticket/{token}?print=1", site.code));
            }
            Err(FloorError::NotFound) => "kiosk-check-in-unknown",
            Err(FloorError::AlreadyCheckedIn) => "kiosk-check-in-already",
            Err(FloorError::TooEarly) => "kiosk-check-in-too-early",
            Err(FloorError::TooLate) => "kiosk-check-in-too-late",
            Err(FloorError::Closed) => "kiosk-closed-text",
            Err(error) => {
                tracing::error!("the kiosk could not check in an appointment: {error:?}");
                return Err(PageError::Internal);
            }
        }
    };
    render_invalid(CheckInTemplate {
        kiosk: Kiosk::new(&site, true),
        code: form.code.trim().to_owned(),
        error: Some(page.t.get(error_id)),
        page,
    })
}

/// A ticket as the paper, the kiosk's screen and the phone page show it.
pub struct TicketShown {
    pub number: String,
    pub zone: String,
    pub zone_name: String,
    pub status: TicketStatus,
    pub counter: Option<i64>,
    /// "Er zijn nog 3 personen voor u"; None once called.
    pub ahead: Option<String>,
    /// "ongeveer 12 minuten" or "nog geen schatting".
    pub wait: String,
    /// "10.02 uur".
    pub time: String,
    pub date: String,
    /// The QR code of the phone page, as inline SVG.
    pub qr: String,
    /// What the phone page says in large type: wait, go to counter 3, ...
    pub headline: String,
    /// One line under the headline.
    pub detail: String,
}

impl TicketShown {
    pub async fn new(
        state: &AppState,
        site: &Site,
        view: &TicketView,
        token: &str,
        t: Tr,
    ) -> Result<TicketShown, PageError> {
        let ticket = &view.ticket;
        let zone_name = state
            .store
            .zones(site.id)
            .await?
            .into_iter()
            .find(|z| z.letter == ticket.zone_letter)
            .map(|z| z.name(t.locale).to_owned())
            .unwrap_or_default();
        let issued = ticket.issued_at.to_zoned(state.settings.time_zone.clone());
        let wait = match view.estimated_wait_minutes {
            Some(minutes) => t.count("kiosk-wait-minutes", minutes),
            None => t.get("kiosk-wait-unknown"),
        };
        let counter = view.counter.map(|c| c.to_string()).unwrap_or_default();
        let room = ticket.room.as_ref().map(|room| room.get(t.locale));
        let (headline, detail) = match (ticket.status, room) {
            (TicketStatus::Called, Some(room)) => (
                t.arg("on-call-phone-go-room", "room", room),
                t.get("kiosk-phone-go-text"),
            ),
            (TicketStatus::Serving, Some(room)) => {
                (t.arg("on-call-phone-in-room", "room", room), String::new())
            }
            (status, _) => match status {
                TicketStatus::Waiting => {
                    (t.get("kiosk-phone-wait"), t.get("kiosk-phone-wait-text"))
                }
                TicketStatus::Called => (
                    t.arg("kiosk-phone-go", "counter", &counter),
                    t.get("kiosk-phone-go-text"),
                ),
                TicketStatus::Serving => (
                    t.arg("kiosk-phone-serving", "counter", &counter),
                    String::new(),
                ),
                TicketStatus::Done => (t.get("kiosk-phone-done"), String::new()),
                TicketStatus::NoShow => (
                    t.get("kiosk-phone-no-show"),
                    t.get("kiosk-phone-to-reception"),
                ),
                TicketStatus::Transferred => (
                    t.get("kiosk-phone-transferred"),
                    t.get("kiosk-phone-to-reception"),
                ),
                TicketStatus::Cancelled => (
                    t.get("kiosk-phone-cancelled"),
                    t.get("kiosk-phone-to-reception"),
                ),
            },
        };
        let phone_url = format!(
            "{}/t/{token}",
            state.settings.public_url.trim_end_matches('/')
        );
        Ok(TicketShown {
            number: ticket.label.clone(),
            zone: ticket.zone_letter.clone(),
            zone_name,
            status: ticket.status,
            counter: view.counter,
            ahead: view
                .position
                .map(|p| t.count("kiosk-ahead", p.saturating_sub(1) as i64)),
            wait,
            time: t.time(issued.time()),
            date: t.date(issued.date()),
            qr: crate::appointments::qr_svg(&phone_url),
            headline,
            detail,
        })
    }

    pub fn is_waiting(&self) -> bool {
        self.status == TicketStatus::Waiting
    }

    pub fn status_code(&self) -> &'static str {
        self.status.code()
    }
}

#[derive(Deserialize)]
struct PrintQuery {
    #[serde(default)]
    print: Option<String>,
}

#[derive(Template)]
#[template(path = "kiosk/ticket.html")]
struct TicketTemplate {
    page: Page,
    kiosk: Kiosk,
    ticket: TicketShown,
    print: bool,
}

/// The ticket just handed out, on screen and on paper; `?print=1` prints it once.
async fn ticket(
    State(state): State<AppState>,
    page: Page,
    Path((site, token)): Path<(String, String)>,
    Query(query): Query<PrintQuery>,
) -> PageResult {
    let site = site_of(&state, &site).await?;
    let view = match floor::tracked(&state, &token).await {
        Ok(view) if view.ticket.site_id == site.id => view,
        Ok(_) | Err(FloorError::NotFound) => return Err(PageError::NotFound),
        Err(error) => {
            tracing::error!("the kiosk could not read a ticket: {error:?}");
            return Err(PageError::Internal);
        }
    };
    render(TicketTemplate {
        kiosk: Kiosk::new(&site, true),
        ticket: TicketShown::new(&state, &site, &view, &token, page.t).await?,
        print: query.print.as_deref() == Some("1"),
        page,
    })
}

/// The pictogram of a rubric or a message: the inside of a 48 × 48 SVG drawn with strokes.
pub fn icon(code: &str) -> &'static str {
    match code {
        "identiteit" => {
            r#"<rect x="5" y="11" width="38" height="26" rx="3"/><circle cx="16" cy="22" r="4"/><path d="M10 32c1.5-4 10.5-4 12 0M27 19h11M27 25h11M27 31h7"/>"#
        }
        "rijbewijs" => {
            r#"<path d="M8 30l3-10c.6-2 2-3 4-3h18c2 0 3.4 1 4 3l3 10"/><rect x="5" y="30" width="38" height="8" rx="2"/><circle cx="13" cy="38" r="3"/><circle cx="35" cy="38" r="3"/><path d="M11 24h26"/>"#
        }
        "vreemdelingen" => {
            r#"<circle cx="24" cy="24" r="17"/><path d="M7 24h34M24 7c-6 6-6 28 0 34M24 7c6 6 6 28 0 34"/>"#
        }
        "burgerlijke-stand" => {
            r#"<circle cx="18" cy="27" r="10"/><circle cx="30" cy="27" r="10"/><path d="M21 10l3-4 3 4"/>"#
        }
        "attesten" => {
            r#"<path d="M12 5h17l9 9v29H12z"/><path d="M29 5v9h9M17 22h16M17 28h16M17 34h10"/>"#
        }
        "afhalen" => {
            r#"<path d="M6 16l18-9 18 9v18l-18 9-18-9z"/><path d="M6 16l18 9 18-9M24 25v18"/>"#
        }
        "parkeren" => {
            r#"<rect x="7" y="7" width="34" height="34" rx="5"/><path d="M19 35V14h7a6 6 0 010 12h-7"/>"#
        }
        "afval" => r#"<path d="M9 13h30M19 13V8h10v5M12 13l2 28h20l2-28M20 19v16M28 19v16"/>"#,
        "welzijn" => {
            r#"<path d="M24 40S7 30 7 18a8.5 8.5 0 0117-3 8.5 8.5 0 0117 3c0 12-17 22-17 22z"/>"#
        }
        "info" | "reception" => r#"<circle cx="24" cy="24" r="17"/><path d="M24 21v12M24 14v1"/>"#,
        "bouwen-milieu" => r#"<path d="M6 22L24 7l18 15M11 18v23h26V18M20 41V29h8v12"/>"#,
        "appointment" => {
            r#"<rect x="6" y="9" width="36" height="32" rx="3"/><path d="M6 18h36M15 5v8M33 5v8M17 30l5 5 9-10"/>"#
        }
        "online" => {
            r#"<rect x="5" y="8" width="38" height="26" rx="2"/><path d="M17 42h14M24 34v8M12 16h24M12 22h16"/>"#
        }
        "closed" => r#"<circle cx="24" cy="24" r="17"/><path d="M24 13v11l7 5"/>"#,
        // A rubric added later, whose code has no drawing of its own: a folder of documents.
        _ => {
            r#"<path d="M5 13a3 3 0 013-3h10l4 5h18a3 3 0 013 3v19a3 3 0 01-3 3H8a3 3 0 01-3-3z"/><path d="M5 21h38"/>"#
        }
    }
}
