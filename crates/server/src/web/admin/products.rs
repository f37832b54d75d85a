//! The catalogue: every product with its names, channel, minutes, fee, zone and kiosk rubric.

use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_invalid, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::routing::get;
use loket_domain::catalogue::{Channel, FieldErrors, ProductForm, ProductInput, Texts};
use loket_domain::staff::Role;
use loket_store::StoreError;
use loket_store::catalogue::{Department, Product, Rubric};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/products", get(list))
        .route("/admin/products/new", get(new_form).post(create))
        .route("/admin/products/{code}", get(edit_form).post(update))
}

#[derive(Template)]
#[template(path = "admin/products.html")]
struct ListTemplate {
    page: Page,
    products: Vec<Product>,
}

async fn list(State(state): State<AppState>, page: Page) -> PageResult {
    page.require(Role::Admin)?;
    let products = state.store.products().await?;
    render(ListTemplate { page, products })
}

/// The form's fields exactly as the browser sends them.
#[derive(Debug, Default, Deserialize)]
pub struct ProductFields {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name_nl: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    department: String,
    #[serde(default)]
    zone: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    minutes: String,
    #[serde(default)]
    fee: String,
    online: Option<String>,
    pickup_later: Option<String>,
    #[serde(default)]
    rubric: String,
    #[serde(default)]
    description_nl: String,
    #[serde(default)]
    description_fr: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    bring_nl: String,
    #[serde(default)]
    bring_fr: String,
    #[serde(default)]
    bring_en: String,
}

/// What to bring is typed one item per line and stored as one text.
fn bring_items(lines: &str) -> String {
    lines
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn bring_lines(items: &str) -> String {
    items.split(" · ").collect::<Vec<_>>().join("\n")
}

impl ProductFields {
    fn into_form(self) -> ProductForm {
        ProductForm {
            code: self.code,
            names: Texts::new(self.name_nl, self.name_fr, self.name_en),
            department: self.department,
            zone: self.zone,
            channel: self.channel,
            minutes: self.minutes,
            fee: self.fee,
            online: self.online.is_some(),
            pickup_later: self.pickup_later.is_some(),
            rubric: self.rubric,
            descriptions: Texts::new(
                self.description_nl,
                self.description_fr,
                self.description_en,
            ),
            bring: Texts::new(
                bring_items(&self.bring_nl),
                bring_items(&self.bring_fr),
                bring_items(&self.bring_en),
            ),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/product_form.html")]
struct FormTemplate {
    page: Page,
    /// The code of the product being edited; None for a new one.
    editing: Option<String>,
    form: ProductForm,
    bring: Texts,
    errors: Errors,
    departments: Vec<Department>,
    rubrics: Vec<Rubric>,
    zones: Vec<String>,
    channels: Vec<(String, String)>,
}

impl FormTemplate {
    fn title(&self) -> String {
        match &self.editing {
            Some(_) => self.page.t.arg(
                "admin-product-edit-title",
                "name",
                self.form.names.get(self.page.locale),
            ),
            None => self.page.t.get("admin-product-new-title"),
        }
    }
}

async fn form_page(
    state: &AppState,
    page: Page,
    editing: Option<String>,
    form: ProductForm,
    errors: Errors,
) -> Result<FormTemplate, PageError> {
    let zones = zone_letters(state).await?;
    let channels = Channel::ALL
        .iter()
        .map(|c| (c.code().to_owned(), page.t.get(c.message_id())))
        .collect();
    let bring = Texts::new(
        bring_lines(&form.bring.nl),
        bring_lines(&form.bring.fr),
        bring_lines(&form.bring.en),
    );
    Ok(FormTemplate {
        departments: state.store.departments().await?,
        rubrics: state.store.rubrics().await?,
        zones,
        channels,
        bring,
        page,
        editing,
        form,
        errors,
    })
}

async fn new_form(State(state): State<AppState>, page: Page) -> PageResult {
    page.require(Role::Admin)?;
    let form = ProductForm {
        channel: Channel::Appointment.code().to_owned(),
        minutes: "10".into(),
        ..ProductForm::default()
    };
    render(form_page(&state, page, None, form, Errors::none()).await?)
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
) -> PageResult {
    page.require(Role::Admin)?;
    let product = state.store.product(&code).await?;
    let form = ProductForm::from(&product.input());
    render(form_page(&state, page, Some(code), form, Errors::none()).await?)
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    Form(fields): Form<ProductFields>,
) -> PageResult {
    save(state, page, None, fields).await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
    Form(fields): Form<ProductFields>,
) -> PageResult {
    page.require(Role::Admin)?;
    state.store.product(&code).await?;
    save(state, page, Some(code), fields).await
}

async fn save(
    state: AppState,
    page: Page,
    editing: Option<String>,
    fields: ProductFields,
) -> PageResult {
    let admin = page.require(Role::Admin)?.clone();
    let form = fields.into_form();
    let result = match checked(&state, &form).await? {
        Ok(input) => match &editing {
            Some(code) => state
                .store
                .update_product(code, &input)
                .await
                .map(|()| input),
            None => state.store.insert_product(&input).await.map(|()| input),
        },
        Err(errors) => return invalid(&state, page, editing, form, errors).await,
    };
    match result {
        Ok(input) => {
            let action = if editing.is_some() {
                "product.update"
            } else {
                "product.create"
            };
            state
                .store
                .audit(state.now(), Some(admin.id), action, &input.code, "")
                .await?;
            see_other("/admin/products?saved=1")
        }
        Err(StoreError::Duplicate(_)) => {
            let mut errors = FieldErrors::default();
            errors.add("code", "error-code-taken");
            invalid(&state, page, editing, form, errors).await
        }
        Err(other) => Err(other.into()),
    }
}

/// The zone letters of every site, sorted, each once.
async fn zone_letters(state: &AppState) -> Result<Vec<String>, PageError> {
    let mut letters = Vec::new();
    for site in state.store.sites().await? {
        letters.extend(
            state
                .store
                .zones(site.id)
                .await?
                .into_iter()
                .map(|zone| zone.letter),
        );
    }
    letters.sort();
    letters.dedup();
    Ok(letters)
}

/// The form's own checks, then whether the department, zone and rubric it names exist.
async fn checked(
    state: &AppState,
    form: &ProductForm,
) -> Result<Result<ProductInput, FieldErrors>, PageError> {
    let parsed = form.parse();
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    let departments = state.store.departments().await?;
    errors.check(
        departments.iter().any(|d| d.code == form.department.trim()),
        "department",
        "error-department",
    );
    let zone = form.zone.trim();
    errors.check(
        zone.is_empty() || zone_letters(state).await?.iter().any(|z| z == zone),
        "zone",
        "error-zone-letter",
    );
    let rubric = form.rubric.trim();
    let rubrics = state.store.rubrics().await?;
    errors.check(
        rubric.is_empty() || rubrics.iter().any(|r| r.code == rubric),
        "rubric",
        "error-rubric",
    );
    Ok(match parsed {
        Ok(input) if errors.is_empty() => Ok(input),
        _ => Err(errors),
    })
}

async fn invalid(
    state: &AppState,
    page: Page,
    editing: Option<String>,
    form: ProductForm,
    errors: FieldErrors,
) -> PageResult {
    let errors = Errors::translate(&errors, page.t);
    render_invalid(form_page(state, page, editing, form, errors).await?)
}
