//! The roster of each zone, for administrators and managers: per weekday and time of day how many
//! counters are staffed and how many of them are kept for walk-ins (the rest take appointments),
//! and dates with a roster of their own. The appointment book reads it at once; every change is
//! written to the audit log.

use crate::i18n::Tr;
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_form, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::routing::{get, post};
use jiff::civil::{Date, Weekday};
use loket_domain::calendar::{TimeRange, WEEK};
use loket_domain::catalogue::FieldErrors;
use loket_domain::roster::{BlockForm, DayBlock, RosterBlock};
use loket_domain::staff::Role;
use loket_store::StoreError;
use loket_store::organisation::{Site, Zone};
use loket_store::roster::RosterDate;
use serde::Deserialize;

/// Who sees and edits the rosters.
pub const ROSTER_ROLES: [Role; 2] = [Role::Admin, Role::Manager];

/// The longest note of a date with its own roster.
const MAX_NOTE: usize = 120;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/roster", get(index))
        .route("/staff/roster/{site}/{zone}", get(zone_page))
        .route(
            "/staff/roster/{site}/{zone}/blocks/new",
            get(new_block_form).post(create_block),
        )
        .route(
            "/staff/roster/{site}/{zone}/blocks/{id}",
            get(edit_block_form).post(update_block),
        )
        .route(
            "/staff/roster/{site}/{zone}/blocks/{id}/delete",
            post(delete_block),
        )
        .route(
            "/staff/roster/{site}/{zone}/dates/new",
            get(new_date_form).post(create_date),
        )
        .route("/staff/roster/{site}/{zone}/dates/{date}", get(date_page))
        .route(
            "/staff/roster/{site}/{zone}/dates/{date}/edit",
            get(edit_date_form).post(update_date),
        )
        .route(
            "/staff/roster/{site}/{zone}/dates/{date}/delete",
            post(delete_date),
        )
        .route(
            "/staff/roster/{site}/{zone}/dates/{date}/blocks/new",
            get(new_date_block_form).post(create_date_block),
        )
        .route(
            "/staff/roster/{site}/{zone}/dates/{date}/blocks/{id}",
            get(edit_date_block_form).post(update_date_block),
        )
        .route(
            "/staff/roster/{site}/{zone}/dates/{date}/blocks/{id}/delete",
            post(delete_date_block),
        )
}

// ---- Who and where ------------------------------------------------------------------------------

/// The signed-in administrator or manager, and the site and zone a page is about.
struct RosterZone {
    user: i64,
    site: Site,
    zone: Zone,
}

impl RosterZone {
    /// 401 without sign-in, 403 for other roles, 404 for an unknown site or zone.
    async fn find(
        state: &AppState,
        page: &Page,
        site: &str,
        zone: &str,
    ) -> Result<RosterZone, PageError> {
        let user = page.require_any(&ROSTER_ROLES)?.id;
        let site = state.store.site(site).await?;
        let zone = state.store.zone(site.id, zone).await?;
        Ok(RosterZone { user, site, zone })
    }

    fn address(&self) -> String {
        format!("/staff/roster/{}/{}", self.site.code, self.zone.letter)
    }

    fn date_address(&self, date: Date) -> String {
        format!("{}/dates/{date}", self.address())
    }

    /// Today in the site's time zone.
    fn today(&self, state: &AppState) -> Date {
        let zone = jiff::tz::TimeZone::get(&self.site.time_zone)
            .unwrap_or_else(|_| state.settings.time_zone.clone());
        state.now().to_zoned(zone).date()
    }

    /// Writes a change to the audit log, then sends the browser to `to` with a notice.
    async fn saved(&self, state: &AppState, action: &str, detail: &str, to: &str) -> PageResult {
        let subject = format!("{}/{}", self.site.code, self.zone.letter);
        state
            .store
            .audit(state.now(), Some(self.user), action, &subject, detail)
            .await?;
        see_other(&format!("{to}?saved=1"))
    }
}

/// A date in a path, `YYYY-MM-DD`; anything else is a page that does not exist.
fn path_date(text: &str) -> Result<Date, PageError> {
    text.parse().map_err(|_| PageError::NotFound)
}

fn weekday_code(weekday: Weekday) -> String {
    format!("{weekday:?}").to_lowercase()
}

/// A block for the audit log: `17:00-20:00 8/2` (staffed / kept for walk-ins).
fn describe(block: &DayBlock) -> String {
    format!("{} {}/{}", block.hours, block.counters, block.walk_in)
}

/// "9.00 uur tot 12.30 uur".
fn hours_text(t: Tr, hours: TimeRange) -> String {
    t.args(
        "hours-range",
        &[
            ("opens", t.time(hours.opens())),
            ("closes", t.time(hours.closes())),
        ],
    )
}

// ---- The list of zones --------------------------------------------------------------------------

pub struct ZoneLine {
    pub letter: String,
    pub name: String,
    pub summary: String,
}

pub struct SiteLine {
    pub code: String,
    pub name: String,
    pub zones: Vec<ZoneLine>,
}

#[derive(Template)]
#[template(path = "roster/index.html")]
struct IndexTemplate {
    page: Page,
    sites: Vec<SiteLine>,
}

async fn index(State(state): State<AppState>, page: Page) -> PageResult {
    page.require_any(&ROSTER_ROLES)?;
    let t = page.t;
    let mut sites = Vec::new();
    for site in state.store.sites().await? {
        let mut zones = Vec::new();
        for zone in state.store.zones(site.id).await? {
            let blocks = state.store.roster_blocks(site.id, &zone.letter).await?;
            let days = WEEK
                .into_iter()
                .filter(|weekday| {
                    blocks
                        .iter()
                        .any(|stored| stored.block.weekday == *weekday && stored.block.places() > 0)
                })
                .count();
            zones.push(ZoneLine {
                name: zone.name(page.locale).to_owned(),
                summary: t.count("roster-zone-days", i64::try_from(days).unwrap_or(0)),
                letter: zone.letter,
            });
        }
        sites.push(SiteLine {
            code: site.code,
            name: site.name,
            zones,
        });
    }
    render(IndexTemplate { page, sites })
}

// ---- A zone's roster ----------------------------------------------------------------------------

/// A block as the tables show it.
pub struct BlockLine {
    pub id: i64,
    pub from: String,
    pub until: String,
    pub counters: u32,
    pub walk_in: u32,
    pub places: u32,
    /// What the block is, for the buttons' hidden text: "donderdag 9.00 uur tot 12.30 uur".
    pub label: String,
}

fn block_line(t: Tr, id: i64, day: &str, block: &DayBlock) -> BlockLine {
    let hours = hours_text(t, block.hours);
    BlockLine {
        id,
        from: t.time(block.hours.opens()),
        until: t.time(block.hours.closes()),
        counters: block.counters,
        walk_in: block.walk_in,
        places: block.places(),
        label: format!("{day} {hours}"),
    }
}

pub struct DayLines {
    pub weekday: String,
    pub number: i8,
    pub blocks: Vec<BlockLine>,
}

pub struct DateLine {
    pub iso: String,
    pub date: String,
    pub note: String,
    pub summary: String,
}

/// The blocks of a date in one line: "9.00 uur tot 12.00 uur: 3 van 4 loketten voor afspraken".
fn date_summary(t: Tr, date: &RosterDate) -> String {
    if date.blocks.is_empty() {
        return t.get("roster-no-appointments");
    }
    date.blocks
        .iter()
        .map(|stored| {
            t.args(
                "roster-summary",
                &[
                    ("hours", hours_text(t, stored.block.hours)),
                    ("places", stored.block.places().to_string()),
                    ("counters", stored.block.counters.to_string()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[derive(Template)]
#[template(path = "roster/zone.html")]
struct ZoneTemplate {
    page: Page,
    site: Site,
    zone: Zone,
    zones: Vec<Zone>,
    address: String,
    title: String,
    days: Vec<DayLines>,
    dates: Vec<DateLine>,
}

async fn zone_page(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone)): Path<(String, String)>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let t = page.t;
    let blocks = state
        .store
        .roster_blocks(at.site.id, &at.zone.letter)
        .await?;
    let days = WEEK
        .into_iter()
        .map(|weekday| {
            let name = t.weekday(weekday);
            DayLines {
                number: weekday.to_monday_one_offset(),
                blocks: blocks
                    .iter()
                    .filter(|stored| stored.block.weekday == weekday)
                    .map(|stored| block_line(t, stored.id, &name, &stored.block.day_block()))
                    .collect(),
                weekday: name,
            }
        })
        .collect();
    let dates = state
        .store
        .roster_dates(at.site.id, &at.zone.letter, at.today(&state))
        .await?
        .iter()
        .map(|date| DateLine {
            iso: date.date.to_string(),
            date: t.date(date.date),
            note: date.note.clone(),
            summary: date_summary(t, date),
        })
        .collect();
    render(ZoneTemplate {
        zones: state.store.zones(at.site.id).await?,
        address: at.address(),
        title: t.args(
            "roster-zone-title",
            &[
                ("letter", at.zone.letter.clone()),
                ("name", at.zone.name(page.locale).to_owned()),
            ],
        ),
        page,
        site: at.site,
        zone: at.zone,
        days,
        dates,
    })
}

// ---- A block, of the week or of a date ----------------------------------------------------------

/// The block form's fields exactly as the browser sends them.
#[derive(Debug, Default, Deserialize)]
struct BlockFields {
    #[serde(default)]
    weekday: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    #[serde(default)]
    counters: String,
    #[serde(default)]
    walk_in: String,
}

impl BlockFields {
    fn typed(&self) -> BlockForm {
        BlockForm {
            from: self.from.clone(),
            until: self.until.clone(),
            counters: self.counters.clone(),
            walk_in: self.walk_in.clone(),
        }
    }

    fn of(block: &DayBlock, weekday: Option<Weekday>) -> BlockFields {
        let typed = BlockForm::from_block(block);
        BlockFields {
            weekday: weekday
                .map(|w| w.to_monday_one_offset().to_string())
                .unwrap_or_default(),
            from: typed.from,
            until: typed.until,
            counters: typed.counters,
            walk_in: typed.walk_in,
        }
    }

    /// A block of a date: its hours and counters.
    fn day_block(&self) -> Result<DayBlock, FieldErrors> {
        self.typed().parse()
    }

    /// A block of the week: a weekday besides.
    fn weekly(&self) -> Result<RosterBlock, FieldErrors> {
        let mut errors = FieldErrors::default();
        let weekday = self
            .weekday
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|index| WEEK.get(index).copied());
        errors.check(weekday.is_some(), "weekday", "error-roster-weekday");
        let block = self.typed().parse();
        if let Err(block_errors) = &block {
            for (field, id) in &block_errors.0 {
                errors.add(field, id);
            }
        }
        match (weekday, block) {
            (Some(weekday), Ok(block)) => Ok(block.on(weekday)),
            _ => Err(errors),
        }
    }
}

/// Which block a form is about.
#[derive(Debug, Clone, Copy)]
enum BlockOf {
    Week(Option<i64>),
    Date(Date, Option<i64>),
}

#[derive(Template)]
#[template(path = "roster/block_form.html")]
struct BlockTemplate {
    page: Page,
    site: Site,
    zone: Zone,
    title: String,
    zone_address: String,
    back: String,
    /// (value, name) of each weekday; None for a block of a date.
    weekdays: Option<Vec<(String, String)>>,
    fields: BlockFields,
    errors: Errors,
}

fn block_page(
    page: Page,
    at: RosterZone,
    of: BlockOf,
    fields: BlockFields,
    errors: Errors,
) -> PageResult {
    let t = page.t;
    let letter = at.zone.letter.clone();
    let (title, back, weekdays) = match of {
        BlockOf::Week(id) => (
            t.arg(
                if id.is_some() {
                    "roster-block-edit-title"
                } else {
                    "roster-block-new-title"
                },
                "letter",
                &letter,
            ),
            at.address(),
            Some(
                WEEK.into_iter()
                    .map(|w| (w.to_monday_one_offset().to_string(), t.weekday(w)))
                    .collect(),
            ),
        ),
        BlockOf::Date(date, id) => (
            t.args(
                if id.is_some() {
                    "roster-date-block-edit-title"
                } else {
                    "roster-date-block-new-title"
                },
                &[("letter", letter), ("date", t.date(date))],
            ),
            at.date_address(date),
            None,
        ),
    };
    let invalid = !errors.is_empty();
    let template = BlockTemplate {
        zone_address: at.address(),
        page,
        site: at.site,
        zone: at.zone,
        title,
        back,
        weekdays,
        fields,
        errors,
    };
    render_form(template, invalid)
}

/// The error of a block that covers the time of another block of its day.
fn overlap() -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add("from", "error-roster-overlap");
    errors
}

#[derive(Debug, Default, Deserialize)]
struct NewBlockQuery {
    #[serde(default)]
    weekday: String,
}

async fn new_block_form(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone)): Path<(String, String)>,
    Query(query): Query<NewBlockQuery>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let fields = BlockFields {
        weekday: query.weekday,
        walk_in: "0".into(),
        ..BlockFields::default()
    };
    block_page(page, at, BlockOf::Week(None), fields, Errors::none())
}

async fn edit_block_form(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone, id)): Path<(String, String, i64)>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let block = weekly_block(&state, &at, id).await?;
    let fields = BlockFields::of(&block.day_block(), Some(block.weekday));
    block_page(page, at, BlockOf::Week(Some(id)), fields, Errors::none())
}

async fn weekly_block(
    state: &AppState,
    at: &RosterZone,
    id: i64,
) -> Result<RosterBlock, PageError> {
    state
        .store
        .roster_blocks(at.site.id, &at.zone.letter)
        .await?
        .into_iter()
        .find(|stored| stored.id == id)
        .map(|stored| stored.block)
        .ok_or(PageError::NotFound)
}

async fn create_block(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone)): Path<(String, String)>,
    Form(fields): Form<BlockFields>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    save_weekly_block(state, page, at, None, fields).await
}

async fn update_block(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone, id)): Path<(String, String, i64)>,
    Form(fields): Form<BlockFields>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    weekly_block(&state, &at, id).await?;
    save_weekly_block(state, page, at, Some(id), fields).await
}

async fn save_weekly_block(
    state: AppState,
    page: Page,
    at: RosterZone,
    id: Option<i64>,
    fields: BlockFields,
) -> PageResult {
    let errors = match fields.weekly() {
        Ok(block) => match state
            .store
            .save_roster_block(at.site.id, &at.zone.letter, id, &block)
            .await
        {
            Ok(_) => {
                let action = if id.is_some() {
                    "roster.block-update"
                } else {
                    "roster.block-create"
                };
                let detail = format!(
                    "{} {}",
                    weekday_code(block.weekday),
                    describe(&block.day_block())
                );
                return at.saved(&state, action, &detail, &at.address()).await;
            }
            Err(StoreError::Overlap(_)) => overlap(),
            Err(other) => return Err(other.into()),
        },
        Err(errors) => errors,
    };
    let errors = Errors::translate(&errors, page.t);
    block_page(page, at, BlockOf::Week(id), fields, errors)
}

async fn delete_block(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone, id)): Path<(String, String, i64)>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let block = weekly_block(&state, &at, id).await?;
    state
        .store
        .delete_roster_block(at.site.id, &at.zone.letter, id)
        .await?;
    let detail = format!(
        "{} {}",
        weekday_code(block.weekday),
        describe(&block.day_block())
    );
    at.saved(&state, "roster.block-delete", &detail, &at.address())
        .await
}

// ---- Dates with their own roster ----------------------------------------------------------------

/// The date form's fields exactly as the browser sends them.
#[derive(Debug, Default, Deserialize)]
struct DateFields {
    #[serde(default)]
    date: String,
    #[serde(default)]
    note: String,
    /// How the date's roster starts: `weekday` (a copy of its weekday's blocks) or `none`.
    #[serde(default)]
    start: String,
}

impl DateFields {
    fn note(&self, errors: &mut FieldErrors) -> String {
        let note = self.note.trim();
        errors.check(
            note.chars().count() <= MAX_NOTE,
            "note",
            "error-roster-note",
        );
        note.to_owned()
    }

    /// A new date: from today on, with a note and how its roster starts (true: as its weekday).
    fn parse(&self, today: Date) -> Result<(Date, String, bool), FieldErrors> {
        let mut errors = FieldErrors::default();
        let date = self.date.trim().parse::<Date>().ok();
        errors.check(date.is_some(), "date", "error-date");
        errors.check(
            date.is_none_or(|date| date >= today),
            "date",
            "error-roster-date-past",
        );
        let note = self.note(&mut errors);
        let copy = match self.start.as_str() {
            "weekday" => Some(true),
            "none" => Some(false),
            _ => None,
        };
        errors.check(copy.is_some(), "start", "error-roster-start");
        match (date, copy) {
            (Some(date), Some(copy)) if errors.is_empty() => Ok((date, note, copy)),
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "roster/date_form.html")]
struct DateFormTemplate {
    page: Page,
    site: Site,
    zone: Zone,
    title: String,
    zone_address: String,
    back: String,
    /// The date whose note is edited; None for a new date.
    editing: Option<String>,
    fields: DateFields,
    errors: Errors,
}

fn date_form_page(
    page: Page,
    at: RosterZone,
    editing: Option<Date>,
    fields: DateFields,
    errors: Errors,
) -> PageResult {
    let t = page.t;
    let (title, back) = match editing {
        Some(date) => (
            t.args(
                "roster-date-edit-title",
                &[("letter", at.zone.letter.clone()), ("date", t.date(date))],
            ),
            at.date_address(date),
        ),
        None => (
            t.arg("roster-date-new-title", "letter", &at.zone.letter),
            at.address(),
        ),
    };
    let invalid = !errors.is_empty();
    let template = DateFormTemplate {
        zone_address: at.address(),
        editing: editing.map(|date| t.date(date)),
        page,
        site: at.site,
        zone: at.zone,
        title,
        back,
        fields,
        errors,
    };
    render_form(template, invalid)
}

async fn new_date_form(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone)): Path<(String, String)>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let fields = DateFields {
        start: "weekday".into(),
        ..DateFields::default()
    };
    date_form_page(page, at, None, fields, Errors::none())
}

async fn create_date(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone)): Path<(String, String)>,
    Form(fields): Form<DateFields>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let errors = match fields.parse(at.today(&state)) {
        Ok((date, note, copy)) => {
            let blocks = if copy {
                // The date has no roster of its own yet, so this is its weekday's.
                state
                    .store
                    .roster(at.site.id, &at.zone.letter)
                    .await?
                    .day(date)
            } else {
                Vec::new()
            };
            match state
                .store
                .add_roster_date(at.site.id, &at.zone.letter, date, &note, &blocks)
                .await
            {
                Ok(_) => {
                    let detail = format!("{date} {} blocks", blocks.len());
                    return at
                        .saved(
                            &state,
                            "roster.date-create",
                            &detail,
                            &at.date_address(date),
                        )
                        .await;
                }
                Err(StoreError::Duplicate(_)) => {
                    let mut errors = FieldErrors::default();
                    errors.add("date", "error-roster-date-taken");
                    errors
                }
                Err(other) => return Err(other.into()),
            }
        }
        Err(errors) => errors,
    };
    let errors = Errors::translate(&errors, page.t);
    date_form_page(page, at, None, fields, errors)
}

async fn roster_date(
    state: &AppState,
    at: &RosterZone,
    date: &str,
) -> Result<RosterDate, PageError> {
    let date = path_date(date)?;
    Ok(state
        .store
        .roster_date(at.site.id, &at.zone.letter, date)
        .await?)
}

#[derive(Template)]
#[template(path = "roster/date.html")]
struct DateTemplate {
    page: Page,
    site: Site,
    zone: Zone,
    title: String,
    zone_address: String,
    address: String,
    date: String,
    weekday: String,
    note: String,
    blocks: Vec<BlockLine>,
}

async fn date_page(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone, date)): Path<(String, String, String)>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let day = roster_date(&state, &at, &date).await?;
    let t = page.t;
    let name = t.date(day.date);
    render(DateTemplate {
        title: t.args(
            "roster-date-title",
            &[("letter", at.zone.letter.clone()), ("date", name.clone())],
        ),
        zone_address: at.address(),
        address: at.date_address(day.date),
        weekday: t.weekday(day.date.weekday()),
        blocks: day
            .blocks
            .iter()
            .map(|stored| block_line(t, stored.id, &name, &stored.block))
            .collect(),
        date: name,
        note: day.note,
        page,
        site: at.site,
        zone: at.zone,
    })
}

async fn edit_date_form(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone, date)): Path<(String, String, String)>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let day = roster_date(&state, &at, &date).await?;
    let fields = DateFields {
        date: day.date.to_string(),
        note: day.note,
        start: String::new(),
    };
    date_form_page(page, at, Some(day.date), fields, Errors::none())
}

async fn update_date(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone, date)): Path<(String, String, String)>,
    Form(mut fields): Form<DateFields>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let day = roster_date(&state, &at, &date).await?;
    // Only the note changes; the date is the page's.
    fields.date = day.date.to_string();
    let mut errors = FieldErrors::default();
    let note = fields.note(&mut errors);
    if errors.is_empty() {
        state
            .store
            .update_roster_date_note(at.site.id, &at.zone.letter, day.date, &note)
            .await?;
        let detail = day.date.to_string();
        return at
            .saved(
                &state,
                "roster.date-update",
                &detail,
                &at.date_address(day.date),
            )
            .await;
    }
    let errors = Errors::translate(&errors, page.t);
    date_form_page(page, at, Some(day.date), fields, errors)
}

async fn delete_date(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone, date)): Path<(String, String, String)>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let date = path_date(&date)?;
    state
        .store
        .delete_roster_date(at.site.id, &at.zone.letter, date)
        .await?;
    at.saved(
        &state,
        "roster.date-delete",
        &date.to_string(),
        &at.address(),
    )
    .await
}

async fn new_date_block_form(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone, date)): Path<(String, String, String)>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let day = roster_date(&state, &at, &date).await?;
    let fields = BlockFields {
        walk_in: "0".into(),
        ..BlockFields::default()
    };
    block_page(
        page,
        at,
        BlockOf::Date(day.date, None),
        fields,
        Errors::none(),
    )
}

async fn edit_date_block_form(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone, date, id)): Path<(String, String, String, i64)>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let day = roster_date(&state, &at, &date).await?;
    let block = date_block(&day, id)?;
    let fields = BlockFields::of(&block, None);
    block_page(
        page,
        at,
        BlockOf::Date(day.date, Some(id)),
        fields,
        Errors::none(),
    )
}

fn date_block(day: &RosterDate, id: i64) -> Result<DayBlock, PageError> {
    day.blocks
        .iter()
        .find(|stored| stored.id == id)
        .map(|stored| stored.block)
        .ok_or(PageError::NotFound)
}

async fn create_date_block(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone, date)): Path<(String, String, String)>,
    Form(fields): Form<BlockFields>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let day = roster_date(&state, &at, &date).await?;
    save_date_block(state, page, at, day.date, None, fields).await
}

async fn update_date_block(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone, date, id)): Path<(String, String, String, i64)>,
    Form(fields): Form<BlockFields>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let day = roster_date(&state, &at, &date).await?;
    date_block(&day, id)?;
    save_date_block(state, page, at, day.date, Some(id), fields).await
}

async fn save_date_block(
    state: AppState,
    page: Page,
    at: RosterZone,
    date: Date,
    id: Option<i64>,
    fields: BlockFields,
) -> PageResult {
    let errors = match fields.day_block() {
        Ok(block) => match state
            .store
            .save_roster_date_block(at.site.id, &at.zone.letter, date, id, &block)
            .await
        {
            Ok(_) => {
                let action = if id.is_some() {
                    "roster.date-block-update"
                } else {
                    "roster.date-block-create"
                };
                let detail = format!("{date} {}", describe(&block));
                return at
                    .saved(&state, action, &detail, &at.date_address(date))
                    .await;
            }
            Err(StoreError::Overlap(_)) => overlap(),
            Err(other) => return Err(other.into()),
        },
        Err(errors) => errors,
    };
    let errors = Errors::translate(&errors, page.t);
    block_page(page, at, BlockOf::Date(date, id), fields, errors)
}

async fn delete_date_block(
    State(state): State<AppState>,
    page: Page,
    Path((site, zone, date, id)): Path<(String, String, String, i64)>,
) -> PageResult {
    let at = RosterZone::find(&state, &page, &site, &zone).await?;
    let day = roster_date(&state, &at, &date).await?;
    let block = date_block(&day, id)?;
    state
        .store
        .delete_roster_date_block(at.site.id, &at.zone.letter, day.date, id)
        .await?;
    let detail = format!("{} {}", day.date, describe(&block));
    at.saved(
        &state,
        "roster.date-block-delete",
        &detail,
        &at.date_address(day.date),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week_fields(
        weekday: &str,
        from: &str,
        until: &str,
        counters: &str,
        walk_in: &str,
    ) -> BlockFields {
        BlockFields {
            weekday: weekday.into(),
            from: from.into(),
            until: until.into(),
            counters: counters.into(),
            walk_in: walk_in.into(),
        }
    }

    #[test]
    fn a_weekly_block_needs_a_weekday_and_reports_every_wrong_field() {
        let block = week_fields("4", "17:00", "20:00", "6", "1")
            .weekly()
            .unwrap();
        assert_eq!(block.weekday, Weekday::Thursday);
        assert_eq!(block.places(), 5);
        let errors = week_fields("8", "17:00", "16:00", "6", "7")
            .weekly()
            .unwrap_err();
        assert_eq!(
            errors.0,
            [
                ("weekday".to_owned(), "error-roster-weekday"),
                ("until".to_owned(), "error-roster-range"),
                ("walk_in".to_owned(), "error-roster-walk-in-more"),
            ]
        );
    }

    #[test]
    fn a_new_date_is_from_today_on_and_says_how_it_starts() {
        let today = jiff::civil::date(2026, 12, 3);
        let fields = DateFields {
            date: "2026-12-10".into(),
            note: " Opleiding ".into(),
            start: "none".into(),
        };
        assert_eq!(
            fields.parse(today),
            Ok((
                jiff::civil::date(2026, 12, 10),
                "Opleiding".to_owned(),
                false
            ))
        );
        let past = DateFields {
            date: "2026-12-02".into(),
            note: "x".repeat(121),
            start: String::new(),
        };
        let errors = past.parse(today).unwrap_err();
        assert_eq!(errors.get("date"), Some("error-roster-date-past"));
        assert_eq!(errors.get("note"), Some("error-roster-note"));
        assert_eq!(errors.get("start"), Some("error-roster-start"));
    }
}
