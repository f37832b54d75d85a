//! The kiosk's rubrics: their names, their order on the kiosk, and removing one nobody uses.

use super::departments::{check_code, check_names};
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_form, render_invalid, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::routing::{get, post};
use loket_domain::catalogue::{FieldErrors, Texts};
use loket_domain::staff::Role;
use loket_store::StoreError;
use loket_store::catalogue::{Rubric, RubricRemoval};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/rubrics", get(list))
        .route("/admin/rubrics/new", get(new_form).post(create))
        .route("/admin/rubrics/{code}", get(edit_form).post(update))
        .route("/admin/rubrics/{code}/up", post(move_up))
        .route("/admin/rubrics/{code}/down", post(move_down))
        .route("/admin/rubrics/{code}/remove", post(remove))
}

/// A rubric on the list, with the number of products in it.
struct RubricLine {
    rubric: Rubric,
    products: i64,
}

#[derive(Template)]
#[template(path = "admin/rubrics.html")]
struct ListTemplate {
    page: Page,
    rubrics: Vec<RubricLine>,
}

async fn list(State(state): State<AppState>, page: Page) -> PageResult {
    page.require(Role::Admin)?;
    let counts = state.store.rubric_product_counts().await?;
    let rubrics = state
        .store
        .rubrics()
        .await?
        .into_iter()
        .map(|rubric| {
            let products = counts
                .iter()
                .find(|(code, _)| *code == rubric.code)
                .map_or(0, |(_, count)| *count);
            RubricLine { rubric, products }
        })
        .collect();
    render(ListTemplate { page, rubrics })
}

/// The form's fields exactly as the browser sends them.
#[derive(Debug, Default, Deserialize)]
struct RubricFields {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name_nl: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    name_en: String,
}

impl RubricFields {
    /// The code and the names, each checked; the code only for a new rubric.
    fn parse(&self, new: bool) -> Result<(String, Texts), FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = self.code.trim();
        if new {
            check_code(&mut errors, code);
        }
        let names = Texts::new(
            self.name_nl.trim(),
            self.name_fr.trim(),
            self.name_en.trim(),
        );
        check_names(&mut errors, &names);
        if errors.is_empty() {
            Ok((code.to_owned(), names))
        } else {
            Err(errors)
        }
    }

    fn from_rubric(rubric: &Rubric) -> RubricFields {
        RubricFields {
            code: rubric.code.clone(),
            name_nl: rubric.name_nl.clone(),
            name_fr: rubric.name_fr.clone(),
            name_en: rubric.name_en.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/rubric_form.html")]
struct FormTemplate {
    page: Page,
    /// The rubric being edited; None for a new one.
    editing: Option<Rubric>,
    fields: RubricFields,
    errors: Errors,
    /// How many products are in the rubric being edited.
    products: i64,
}

impl FormTemplate {
    fn title(&self) -> String {
        match &self.editing {
            Some(rubric) => self.page.t.arg(
                "admin-rubric-edit-title",
                "name",
                rubric.name(self.page.locale),
            ),
            None => self.page.t.get("admin-rubric-new"),
        }
    }
}

async fn form_page(
    state: &AppState,
    page: Page,
    editing: Option<String>,
    fields: RubricFields,
    errors: Errors,
) -> Result<FormTemplate, PageError> {
    let (editing, products) = match editing {
        Some(code) => {
            let rubric = state.store.rubric(&code).await?;
            let products = product_count(state, &code).await?;
            (Some(rubric), products)
        }
        None => (None, 0),
    };
    Ok(FormTemplate {
        page,
        editing,
        fields,
        errors,
        products,
    })
}

async fn product_count(state: &AppState, code: &str) -> Result<i64, PageError> {
    Ok(state
        .store
        .rubric_product_counts()
        .await?
        .into_iter()
        .find(|(c, _)| c == code)
        .map_or(0, |(_, count)| count))
}

async fn new_form(State(state): State<AppState>, page: Page) -> PageResult {
    page.require(Role::Admin)?;
    render(form_page(&state, page, None, RubricFields::default(), Errors::none()).await?)
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
) -> PageResult {
    page.require(Role::Admin)?;
    let rubric = state.store.rubric(&code).await?;
    let fields = RubricFields::from_rubric(&rubric);
    render(form_page(&state, page, Some(code), fields, Errors::none()).await?)
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    Form(fields): Form<RubricFields>,
) -> PageResult {
    let admin = page.require(Role::Admin)?.clone();
    let (code, names) = match fields.parse(true) {
        Ok(parsed) => parsed,
        Err(errors) => return invalid(&state, page, None, fields, errors).await,
    };
    match state.store.insert_rubric(&code, &names).await {
        Ok(()) => {
            state
                .store
                .audit(state.now(), Some(admin.id), "rubric.create", &code, "")
                .await?;
            see_other("/admin/rubrics?saved=1")
        }
        Err(StoreError::Duplicate(_)) => {
            let mut errors = FieldErrors::default();
            errors.add("code", "error-code-taken");
            invalid(&state, page, None, fields, errors).await
        }
        Err(other) => Err(other.into()),
    }
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
    Form(mut fields): Form<RubricFields>,
) -> PageResult {
    let admin = page.require(Role::Admin)?.clone();
    state.store.rubric(&code).await?;
    // The code of an existing rubric does not change.
    fields.code = code.clone();
    let names = match fields.parse(false) {
        Ok((_, names)) => names,
        Err(errors) => return invalid(&state, page, Some(code), fields, errors).await,
    };
    state.store.rename_rubric(&code, &names).await?;
    state
        .store
        .audit(state.now(), Some(admin.id), "rubric.update", &code, "")
        .await?;
    see_other("/admin/rubrics?saved=1")
}

async fn move_up(state: State<AppState>, page: Page, code: Path<String>) -> PageResult {
    move_rubric(state, page, code, true).await
}

async fn move_down(state: State<AppState>, page: Page, code: Path<String>) -> PageResult {
    move_rubric(state, page, code, false).await
}

async fn move_rubric(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
    earlier: bool,
) -> PageResult {
    let admin = page.require(Role::Admin)?.clone();
    if state.store.move_rubric(&code, earlier).await? {
        let action = if earlier {
            "rubric.move-up"
        } else {
            "rubric.move-down"
        };
        state
            .store
            .audit(state.now(), Some(admin.id), action, &code, "")
            .await?;
    }
    see_other("/admin/rubrics?saved=1")
}

async fn remove(State(state): State<AppState>, page: Page, Path(code): Path<String>) -> PageResult {
    let admin = page.require(Role::Admin)?.clone();
    match state.store.remove_rubric(&code).await? {
        RubricRemoval::Removed => {
            state
                .store
                .audit(state.now(), Some(admin.id), "rubric.remove", &code, "")
                .await?;
            see_other("/admin/rubrics?removed=1")
        }
        RubricRemoval::InUse { products } => {
            let rubric = state.store.rubric(&code).await?;
            let fields = RubricFields::from_rubric(&rubric);
            let message = page.t.count("error-rubric-in-use", products);
            let errors = Errors::general("remove", message);
            let template = form_page(&state, page, Some(code), fields, errors).await?;
            render_form(template, true)
        }
    }
}

async fn invalid(
    state: &AppState,
    page: Page,
    editing: Option<String>,
    fields: RubricFields,
    errors: FieldErrors,
) -> PageResult {
    let errors = Errors::translate(&errors, page.t);
    render_invalid(form_page(state, page, editing, fields, errors).await?)
}
