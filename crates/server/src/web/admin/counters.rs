//! A site's counters: the number on the counter, its zone, and the products it serves.

use super::admin_site;
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render_form, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use loket_domain::catalogue::FieldErrors;
use loket_store::organisation::{CounterInput, Site};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/admin/sites/{site}/counters/new",
            get(new_form).post(create),
        )
        .route(
            "/admin/sites/{site}/counters/{number}",
            get(edit_form).post(update),
        )
        .route("/admin/sites/{site}/counters/{number}/delete", post(delete))
}

#[derive(Debug, Default, Deserialize)]
struct CounterFields {
    #[serde(default)]
    number: String,
    #[serde(default)]
    zone: String,
    #[serde(default)]
    products: Vec<String>,
}

/// A product that can be ticked for a counter.
pub struct Choice {
    pub code: String,
    pub name: String,
    pub checked: bool,
}

/// The products of one zone, as a group of checkboxes.
pub struct ZoneChoices {
    pub letter: String,
    pub products: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "admin/counter_form.html")]
struct FormTemplate {
    page: Page,
    site: Site,
    editing: Option<i64>,
    fields: CounterFields,
    errors: Errors,
    zones: Vec<String>,
    groups: Vec<ZoneChoices>,
}

/// Products served at a counter (appointments, fast counter, on call), grouped by zone.
async fn product_groups(
    state: &AppState,
    page: &Page,
    ticked: &[String],
) -> Result<Vec<ZoneChoices>, PageError> {
    let mut products = state.store.products().await?;
    products.retain(|p| p.channel.is_served_at_a_counter());
    products.sort_by_key(|p| (p.zone_letter.clone(), p.name(page.locale).to_lowercase()));
    let mut groups: Vec<ZoneChoices> = Vec::new();
    for product in products {
        let letter = product.zone_letter.clone().unwrap_or_default();
        let choice = Choice {
            checked: ticked.contains(&product.code),
            name: product.name(page.locale).to_owned(),
            code: product.code,
        };
        match groups.last_mut() {
            Some(group) if group.letter == letter => group.products.push(choice),
            _ => groups.push(ZoneChoices {
                letter,
                products: vec![choice],
            }),
        }
    }
    Ok(groups)
}

async fn form_page(
    state: &AppState,
    page: Page,
    site: Site,
    editing: Option<i64>,
    fields: CounterFields,
    errors: Errors,
) -> PageResult {
    let zones = state
        .store
        .zones(site.id)
        .await?
        .into_iter()
        .map(|z| z.letter)
        .collect();
    let groups = product_groups(state, &page, &fields.products).await?;
    let invalid = !errors.is_empty();
    let template = FormTemplate {
        page,
        site,
        editing,
        fields,
        errors,
        zones,
        groups,
    };
    render_form(template, invalid)
}

async fn new_form(
    State(state): State<AppState>,
    page: Page,
    Path(site): Path<String>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &site).await?;
    form_page(
        &state,
        page,
        site,
        None,
        CounterFields::default(),
        Errors::none(),
    )
    .await
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    Path((site, number)): Path<(String, i64)>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &site).await?;
    let counter = state
        .store
        .counters(site.id)
        .await?
        .into_iter()
        .find(|c| c.number == number)
        .ok_or(PageError::NotFound)?;
    let fields = CounterFields {
        number: counter.number.to_string(),
        zone: counter.zone_letter,
        products: counter.products,
    };
    form_page(&state, page, site, Some(number), fields, Errors::none()).await
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    Path(site): Path<String>,
    Form(fields): Form<CounterFields>,
) -> PageResult {
    save(state, page, site, None, fields).await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    Path((site, number)): Path<(String, i64)>,
    Form(mut fields): Form<CounterFields>,
) -> PageResult {
    fields.number = number.to_string();
    save(state, page, site, Some(number), fields).await
}

async fn save(
    state: AppState,
    page: Page,
    site: String,
    editing: Option<i64>,
    fields: CounterFields,
) -> PageResult {
    let (admin_id, site) = admin_site(&state, &page, &site).await?;
    let counters = state.store.counters(site.id).await?;
    if let Some(number) = editing
        && !counters.iter().any(|c| c.number == number)
    {
        return Err(PageError::NotFound);
    }
    let zones = state.store.zones(site.id).await?;
    let products = state.store.products().await?;
    let mut errors = FieldErrors::default();
    let number = fields
        .number
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=999).contains(n));
    errors.check(number.is_some(), "number", "error-counter-number");
    let taken = editing.is_none() && number.is_some_and(|n| counters.iter().any(|c| c.number == n));
    errors.check(!taken, "number", "error-counter-taken");
    errors.check(
        zones.iter().any(|z| z.letter == fields.zone),
        "zone",
        "error-zone-letter",
    );
    errors.check(
        fields
            .products
            .iter()
            .all(|code| products.iter().any(|p| &p.code == code)),
        "products",
        "error-products",
    );
    let Some(number) = number.filter(|_| errors.is_empty()) else {
        let errors = Errors::translate(&errors, page.t);
        return form_page(&state, page, site, editing, fields, errors).await;
    };
    let input = CounterInput {
        number,
        zone_letter: fields.zone.clone(),
        products: fields.products.clone(),
    };
    state.store.save_counter(site.id, &input).await?;
    let action = if editing.is_some() {
        "counter.update"
    } else {
        "counter.create"
    };
    state
        .store
        .audit(
            state.now(),
            Some(admin_id),
            action,
            &format!("{} {number}", site.code),
            "",
        )
        .await?;
    see_other(&format!("/admin/sites/{}?saved=1", site.code))
}

async fn delete(
    State(state): State<AppState>,
    page: Page,
    Path((site, number)): Path<(String, i64)>,
) -> PageResult {
    let (admin_id, site) = admin_site(&state, &page, &site).await?;
    state.store.delete_counter(site.id, number).await?;
    state
        .store
        .audit(
            state.now(),
            Some(admin_id),
            "counter.delete",
            &format!("{} {number}", site.code),
            "",
        )
        .await?;
    see_other(&format!("/admin/sites/{}?saved=1", site.code))
}
