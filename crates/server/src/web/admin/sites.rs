//! Sites and what is in them: the zones (letters and colours), the counters, the meeting rooms, and
//! the way to their opening hours and closing days.

use super::admin_site;
use super::departments::{check_code, check_names};
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageResult};
use crate::web::{render, render_invalid, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::routing::get;
use loket_domain::catalogue::{
    FieldErrors, Texts, contrast_with_white, is_valid_colour, is_valid_zone_letter,
};
use loket_domain::contact::is_valid_phone;
use loket_domain::locale::Locale;
use loket_domain::staff::Role;
use loket_store::StoreError;
use loket_store::organisation::{Counter, Room, RoomInput, Site, SiteInput, Zone, ZoneInput};
use serde::Deserialize;

/// White letters need at least this contrast with the zone colour (WCAG 2.1 AA for normal text).
const MIN_CONTRAST: f64 = 4.5;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/sites", get(list))
        .route("/admin/sites/new", get(new_site_form).post(create_site))
        .route("/admin/sites/{code}", get(overview))
        .route(
            "/admin/sites/{code}/edit",
            get(edit_site_form).post(update_site),
        )
        .route(
            "/admin/sites/{code}/zones/new",
            get(new_zone_form).post(create_zone),
        )
        .route(
            "/admin/sites/{code}/zones/{letter}",
            get(edit_zone_form).post(update_zone),
        )
        .route(
            "/admin/sites/{code}/rooms/new",
            get(new_room_form).post(create_room),
        )
        .route(
            "/admin/sites/{code}/rooms/{room}",
            get(edit_room_form).post(update_room),
        )
}

fn site_address(code: &str) -> String {
    format!("/admin/sites/{code}")
}

/// The same form again, with what was typed and what is wrong.
// ---------------------------------------------------------------------------------------------
// The list of sites and the overview of one site

#[derive(Template)]
#[template(path = "admin/sites.html")]
struct ListTemplate {
    page: Page,
    sites: Vec<Site>,
}

async fn list(State(state): State<AppState>, page: Page) -> PageResult {
    page.require(Role::Admin)?;
    let sites = state.store.sites().await?;
    render(ListTemplate { page, sites })
}

#[derive(Template)]
#[template(path = "admin/site.html")]
struct SiteTemplate {
    page: Page,
    site: Site,
    zones: Vec<Zone>,
    counters: Vec<Counter>,
    rooms: Vec<Room>,
}

async fn overview(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &code).await?;
    render(SiteTemplate {
        zones: state.store.zones(site.id).await?,
        counters: state.store.counters(site.id).await?,
        rooms: state.store.rooms(site.id).await?,
        page,
        site,
    })
}

// ---------------------------------------------------------------------------------------------
// A site's details

/// The site form's fields exactly as the browser sends them.
#[derive(Debug, Default, Deserialize)]
struct SiteFields {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    time_zone: String,
    legal_holidays: Option<String>,
}

impl SiteFields {
    fn parse(&self) -> Result<SiteInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = self.code.trim();
        check_code(&mut errors, code);
        let name = self.name.trim();
        errors.check(
            !name.is_empty() && name.chars().count() <= 120,
            "name",
            "error-name",
        );
        let address = self.address.trim();
        errors.check(
            !address.is_empty() && address.chars().count() <= 200,
            "address",
            "error-address",
        );
        let phone = self.phone.trim();
        errors.check(is_valid_phone(phone), "phone", "error-phone");
        // Stored under the name the time zone database gives it ("europe/brussels" → "Europe/Brussels").
        let time_zone = jiff::tz::TimeZone::get(self.time_zone.trim())
            .ok()
            .map(|zone| zone.iana_name().unwrap_or(self.time_zone.trim()).to_owned());
        errors.check(time_zone.is_some(), "time_zone", "error-time-zone");
        errors.into_result()?;
        Ok(SiteInput {
            code: code.to_owned(),
            name: name.to_owned(),
            address: address.to_owned(),
            phone: phone.to_owned(),
            time_zone: time_zone.unwrap_or_default(),
            legal_holidays: self.legal_holidays.is_some(),
        })
    }

    fn from_site(site: &Site) -> SiteFields {
        SiteFields {
            code: site.code.clone(),
            name: site.name.clone(),
            address: site.address.clone(),
            phone: site.phone.clone(),
            time_zone: site.time_zone.clone(),
            legal_holidays: site.legal_holidays.then(String::new),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/site_form.html")]
struct SiteFormTemplate {
    page: Page,
    /// The site being edited, as it is stored; None for a new one.
    editing: Option<Site>,
    fields: SiteFields,
    errors: Errors,
}

impl SiteFormTemplate {
    fn title(&self) -> String {
        match &self.editing {
            Some(site) => self.page.t.arg("admin-site-edit-title", "name", &site.name),
            None => self.page.t.get("admin-site-new"),
        }
    }
}

async fn new_site_form(page: Page) -> PageResult {
    page.require(Role::Admin)?;
    let fields = SiteFields {
        time_zone: "Europe/Brussels".into(),
        legal_holidays: Some(String::new()),
        ..SiteFields::default()
    };
    render(SiteFormTemplate {
        page,
        editing: None,
        fields,
        errors: Errors::none(),
    })
}

async fn edit_site_form(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &code).await?;
    render(SiteFormTemplate {
        page,
        fields: SiteFields::from_site(&site),
        editing: Some(site),
        errors: Errors::none(),
    })
}

async fn create_site(
    State(state): State<AppState>,
    page: Page,
    Form(fields): Form<SiteFields>,
) -> PageResult {
    save_site(state, page, None, fields).await
}

async fn update_site(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
    Form(mut fields): Form<SiteFields>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &code).await?;
    // The code of an existing site does not change.
    fields.code = site.code.clone();
    save_site(state, page, Some(site), fields).await
}

async fn save_site(
    state: AppState,
    page: Page,
    editing: Option<Site>,
    fields: SiteFields,
) -> PageResult {
    let admin = page.require(Role::Admin)?.clone();
    let errors = match fields.parse() {
        Ok(input) => {
            let saved = match &editing {
                Some(site) => state.store.update_site(&site.code, &input).await,
                None => state.store.insert_site(&input).await,
            };
            match saved {
                Ok(()) => {
                    let action = if editing.is_some() {
                        "site.update"
                    } else {
                        "site.create"
                    };
                    state
                        .store
                        .audit(state.now(), Some(admin.id), action, &input.code, "")
                        .await?;
                    return see_other(&format!("{}?saved=1", site_address(&input.code)));
                }
                Err(StoreError::Duplicate(_)) => {
                    let mut errors = FieldErrors::default();
                    errors.add("code", "error-code-taken");
                    errors
                }
                Err(other) => return Err(other.into()),
            }
        }
        Err(errors) => errors,
    };
    render_invalid(SiteFormTemplate {
        errors: Errors::translate(&errors, page.t),
        page,
        editing,
        fields,
    })
}

// ---------------------------------------------------------------------------------------------
// Zones

/// The zone form's fields exactly as the browser sends them.
#[derive(Debug, Default, Deserialize)]
struct ZoneFields {
    #[serde(default)]
    letter: String,
    #[serde(default)]
    name_nl: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    colour: String,
}

impl ZoneFields {
    /// The letter as stored: one capital ("f" becomes "F").
    fn letter(&self) -> String {
        self.letter.trim().to_uppercase()
    }

    /// The colour as stored: `#rrggbb` in lower case.
    fn colour(&self) -> String {
        self.colour.trim().to_lowercase()
    }

    fn parse(&self) -> Result<ZoneInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let letter = self.letter();
        errors.check(
            is_valid_zone_letter(&letter),
            "letter",
            "error-zone-letter-format",
        );
        let names = Texts::new(
            self.name_nl.trim(),
            self.name_fr.trim(),
            self.name_en.trim(),
        );
        check_names(&mut errors, &names);
        let colour = self.colour();
        errors.check(is_valid_colour(&colour), "colour", "error-colour");
        errors.check(
            contrast_with_white(&colour).is_none_or(|ratio| ratio >= MIN_CONTRAST),
            "colour",
            "error-colour-contrast",
        );
        errors.into_result()?;
        Ok(ZoneInput {
            letter,
            names,
            colour,
        })
    }

    fn from_zone(zone: &Zone) -> ZoneFields {
        ZoneFields {
            letter: zone.letter.clone(),
            name_nl: zone.name_nl.clone(),
            name_fr: zone.name_fr.clone(),
            name_en: zone.name_en.clone(),
            colour: zone.colour.clone(),
        }
    }
}

/// How the letter looks in white on the colour typed, with the contrast written out.
struct Preview {
    letter: String,
    colour: String,
    contrast: String,
}

/// "7,2 : 1" in Dutch and French, "7.2 : 1" in English.
fn contrast_text(locale: Locale, ratio: f64) -> String {
    let number = format!("{ratio:.1}");
    match locale {
        Locale::En => number,
        Locale::Nl | Locale::Fr => number.replace('.', ","),
    }
}

#[derive(Template)]
#[template(path = "admin/zone_form.html")]
struct ZoneFormTemplate {
    page: Page,
    site: Site,
    /// The letter of the zone being edited; None for a new one.
    editing: Option<String>,
    fields: ZoneFields,
    errors: Errors,
    preview: Option<Preview>,
}

impl ZoneFormTemplate {
    fn new(
        page: Page,
        site: Site,
        editing: Option<String>,
        fields: ZoneFields,
        errors: Errors,
    ) -> ZoneFormTemplate {
        let colour = fields.colour();
        let letter = fields.letter();
        let preview = contrast_with_white(&colour).map(|ratio| Preview {
            letter: if is_valid_zone_letter(&letter) {
                letter
            } else {
                String::new()
            },
            contrast: page.t.arg(
                "admin-zone-contrast",
                "ratio",
                contrast_text(page.locale, ratio),
            ),
            colour,
        });
        ZoneFormTemplate {
            page,
            site,
            editing,
            fields,
            errors,
            preview,
        }
    }

    fn title(&self) -> String {
        match &self.editing {
            Some(letter) => self.page.t.arg("admin-zone-edit-title", "letter", letter),
            None => self
                .page
                .t
                .arg("admin-zone-new-title", "site", &self.site.name),
        }
    }
}

async fn new_zone_form(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &code).await?;
    let fields = ZoneFields::default();
    render(ZoneFormTemplate::new(
        page,
        site,
        None,
        fields,
        Errors::none(),
    ))
}

async fn edit_zone_form(
    State(state): State<AppState>,
    page: Page,
    Path((code, letter)): Path<(String, String)>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &code).await?;
    let zone = state.store.zone(site.id, &letter).await?;
    let fields = ZoneFields::from_zone(&zone);
    render(ZoneFormTemplate::new(
        page,
        site,
        Some(zone.letter),
        fields,
        Errors::none(),
    ))
}

async fn create_zone(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
    Form(fields): Form<ZoneFields>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &code).await?;
    save_zone(state, page, site, None, fields).await
}

async fn update_zone(
    State(state): State<AppState>,
    page: Page,
    Path((code, letter)): Path<(String, String)>,
    Form(mut fields): Form<ZoneFields>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &code).await?;
    let zone = state.store.zone(site.id, &letter).await?;
    // The letter of an existing zone does not change: tickets and signs carry it.
    fields.letter = zone.letter.clone();
    save_zone(state, page, site, Some(zone.letter), fields).await
}

async fn save_zone(
    state: AppState,
    page: Page,
    site: Site,
    editing: Option<String>,
    fields: ZoneFields,
) -> PageResult {
    let admin = page.require(Role::Admin)?.clone();
    let errors = match fields.parse() {
        Ok(input) => {
            let saved = match &editing {
                Some(_) => state.store.save_zone(site.id, &input).await,
                None => state.store.insert_zone(site.id, &input).await,
            };
            match saved {
                Ok(()) => {
                    let action = if editing.is_some() {
                        "zone.update"
                    } else {
                        "zone.create"
                    };
                    let subject = format!("{}/{}", site.code, input.letter);
                    state
                        .store
                        .audit(state.now(), Some(admin.id), action, &subject, &input.colour)
                        .await?;
                    return see_other(&format!("{}?saved=1", site_address(&site.code)));
                }
                Err(StoreError::Duplicate(_)) => {
                    let mut errors = FieldErrors::default();
                    errors.add("letter", "error-zone-letter-taken");
                    errors
                }
                Err(other) => return Err(other.into()),
            }
        }
        Err(errors) => errors,
    };
    let errors = Errors::translate(&errors, page.t);
    render_invalid(ZoneFormTemplate::new(page, site, editing, fields, errors))
}

// ---------------------------------------------------------------------------------------------
// Meeting rooms

/// The room form's fields exactly as the browser sends them.
#[derive(Debug, Default, Deserialize)]
struct RoomFields {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name_nl: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    note: String,
}

impl RoomFields {
    fn parse(&self) -> Result<RoomInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = self.code.trim();
        check_code(&mut errors, code);
        let names = Texts::new(
            self.name_nl.trim(),
            self.name_fr.trim(),
            self.name_en.trim(),
        );
        check_names(&mut errors, &names);
        let note = self.note.trim();
        errors.check(note.chars().count() <= 200, "note", "error-note");
        errors.into_result()?;
        Ok(RoomInput {
            code: code.to_owned(),
            names,
            note: note.to_owned(),
        })
    }

    fn from_room(room: &Room) -> RoomFields {
        RoomFields {
            code: room.code.clone(),
            name_nl: room.name_nl.clone(),
            name_fr: room.name_fr.clone(),
            name_en: room.name_en.clone(),
            note: room.note.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/room_form.html")]
struct RoomFormTemplate {
    page: Page,
    site: Site,
    /// The room being edited, as it is stored; None for a new one.
    editing: Option<Room>,
    fields: RoomFields,
    errors: Errors,
}

impl RoomFormTemplate {
    fn title(&self) -> String {
        match &self.editing {
            Some(room) => {
                self.page
                    .t
                    .arg("admin-room-edit-title", "name", room.name(self.page.locale))
            }
            None => self
                .page
                .t
                .arg("admin-room-new-title", "site", &self.site.name),
        }
    }
}

async fn new_room_form(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &code).await?;
    render(RoomFormTemplate {
        page,
        site,
        editing: None,
        fields: RoomFields::default(),
        errors: Errors::none(),
    })
}

async fn edit_room_form(
    State(state): State<AppState>,
    page: Page,
    Path((code, room)): Path<(String, String)>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &code).await?;
    let room = state.store.room(site.id, &room).await?;
    render(RoomFormTemplate {
        page,
        site,
        fields: RoomFields::from_room(&room),
        editing: Some(room),
        errors: Errors::none(),
    })
}

async fn create_room(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
    Form(fields): Form<RoomFields>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &code).await?;
    save_room(state, page, site, None, fields).await
}

async fn update_room(
    State(state): State<AppState>,
    page: Page,
    Path((code, room)): Path<(String, String)>,
    Form(mut fields): Form<RoomFields>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &code).await?;
    let room = state.store.room(site.id, &room).await?;
    // The code of an existing room does not change.
    fields.code = room.code.clone();
    save_room(state, page, site, Some(room), fields).await
}

async fn save_room(
    state: AppState,
    page: Page,
    site: Site,
    editing: Option<Room>,
    fields: RoomFields,
) -> PageResult {
    let admin = page.require(Role::Admin)?.clone();
    let errors = match fields.parse() {
        Ok(input) => {
            let saved = match &editing {
                Some(_) => state.store.save_room(site.id, &input).await,
                None => state.store.insert_room(site.id, &input).await,
            };
            match saved {
                Ok(()) => {
                    let action = if editing.is_some() {
                        "room.update"
                    } else {
                        "room.create"
                    };
                    let subject = format!("{}/{}", site.code, input.code);
                    state
                        .store
                        .audit(state.now(), Some(admin.id), action, &subject, "")
                        .await?;
                    return see_other(&format!("{}?saved=1", site_address(&site.code)));
                }
                Err(StoreError::Duplicate(_)) => {
                    let mut errors = FieldErrors::default();
                    errors.add("code", "error-code-taken");
                    errors
                }
                Err(other) => return Err(other.into()),
            }
        }
        Err(errors) => errors,
    };
    render_invalid(RoomFormTemplate {
        errors: Errors::translate(&errors, page.t),
        page,
        site,
        editing,
        fields,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contrast_ratio_is_written_with_the_decimal_sign_of_the_language() {
        assert_eq!(contrast_text(Locale::Nl, 7.24), "7,2");
        assert_eq!(contrast_text(Locale::En, 4.5), "4.5");
    }
}
