//! The city's departments: their names and whether citizens meet them at fixed counters or on call.

use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_invalid, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::routing::get;
use loket_domain::catalogue::{DepartmentInput, FieldErrors, Staffing, Texts, is_valid_code};
use loket_domain::staff::Role;
use loket_store::StoreError;
use loket_store::catalogue::Department;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/departments", get(list))
        .route("/admin/departments/new", get(new_form).post(create))
        .route("/admin/departments/{code}", get(edit_form).post(update))
}

/// Checks a name in each language: required, at most 120 characters. Each message names its
/// language, so the three lines of the error summary are not the same.
pub(super) fn check_names(errors: &mut FieldErrors, names: &Texts) {
    for (field, name, message) in [
        ("name_nl", &names.nl, "error-name-nl"),
        ("name_fr", &names.fr, "error-name-fr"),
        ("name_en", &names.en, "error-name-en"),
    ] {
        errors.check(
            !name.is_empty() && name.chars().count() <= 120,
            field,
            message,
        );
    }
}

/// Checks a new code; "new" and "edit" would clash with the addresses of the forms.
pub(super) fn check_code(errors: &mut FieldErrors, code: &str) {
    errors.check(is_valid_code(code), "code", "error-code");
    errors.check(
        !matches!(code, "new" | "edit"),
        "code",
        "error-code-reserved",
    );
}

#[derive(Template)]
#[template(path = "admin/departments.html")]
struct ListTemplate {
    page: Page,
    departments: Vec<Department>,
}

async fn list(State(state): State<AppState>, page: Page) -> PageResult {
    page.require(Role::Admin)?;
    let departments = state.store.departments().await?;
    render(ListTemplate { page, departments })
}

/// The form's fields exactly as the browser sends them.
#[derive(Debug, Default, Deserialize)]
struct DepartmentFields {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name_nl: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    staffing: String,
}

impl DepartmentFields {
    fn parse(&self) -> Result<DepartmentInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = self.code.trim();
        check_code(&mut errors, code);
        let names = Texts::new(
            self.name_nl.trim(),
            self.name_fr.trim(),
            self.name_en.trim(),
        );
        check_names(&mut errors, &names);
        let staffing = self.staffing.parse::<Staffing>();
        errors.check(staffing.is_ok(), "staffing", "error-staffing");
        match staffing {
            Ok(staffing) if errors.is_empty() => Ok(DepartmentInput {
                code: code.to_owned(),
                names,
                staffing,
            }),
            _ => Err(errors),
        }
    }

    fn from_department(department: &Department) -> DepartmentFields {
        DepartmentFields {
            code: department.code.clone(),
            name_nl: department.name_nl.clone(),
            name_fr: department.name_fr.clone(),
            name_en: department.name_en.clone(),
            staffing: department.staffing.code().to_owned(),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/department_form.html")]
struct FormTemplate {
    page: Page,
    /// The code of the department being edited; None for a new one.
    editing: Option<String>,
    /// The name the department has now, for the title of an edit.
    current_name: String,
    fields: DepartmentFields,
    errors: Errors,
    /// (code, label) of each way of staffing.
    staffings: Vec<(String, String)>,
}

impl FormTemplate {
    fn title(&self) -> String {
        match &self.editing {
            Some(_) => self
                .page
                .t
                .arg("admin-department-edit-title", "name", &self.current_name),
            None => self.page.t.get("admin-department-new"),
        }
    }
}

async fn form_page(
    state: &AppState,
    page: Page,
    editing: Option<String>,
    fields: DepartmentFields,
    errors: Errors,
) -> Result<FormTemplate, PageError> {
    let current_name = match &editing {
        Some(code) => state
            .store
            .department(code)
            .await?
            .name(page.locale)
            .to_owned(),
        None => String::new(),
    };
    let staffings = Staffing::ALL
        .iter()
        .map(|s| (s.code().to_owned(), page.t.get(s.message_id())))
        .collect();
    Ok(FormTemplate {
        page,
        editing,
        current_name,
        fields,
        errors,
        staffings,
    })
}

async fn new_form(State(state): State<AppState>, page: Page) -> PageResult {
    page.require(Role::Admin)?;
    let fields = DepartmentFields {
        staffing: Staffing::Fixed.code().to_owned(),
        ..DepartmentFields::default()
    };
    render(form_page(&state, page, None, fields, Errors::none()).await?)
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
) -> PageResult {
    page.require(Role::Admin)?;
    let department = state.store.department(&code).await?;
    let fields = DepartmentFields::from_department(&department);
    render(form_page(&state, page, Some(code), fields, Errors::none()).await?)
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    Form(fields): Form<DepartmentFields>,
) -> PageResult {
    save(state, page, None, fields).await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    Path(code): Path<String>,
    Form(mut fields): Form<DepartmentFields>,
) -> PageResult {
    page.require(Role::Admin)?;
    state.store.department(&code).await?;
    // The code of an existing department does not change.
    fields.code = code.clone();
    save(state, page, Some(code), fields).await
}

async fn save(
    state: AppState,
    page: Page,
    editing: Option<String>,
    fields: DepartmentFields,
) -> PageResult {
    let admin = page.require(Role::Admin)?.clone();
    let input = match fields.parse() {
        Ok(input) => input,
        Err(errors) => return invalid(&state, page, editing, fields, errors).await,
    };
    // Saving a department adds it or overwrites the one with the same code, so a new one must not
    // take a code that is in use.
    if editing.is_none() {
        match state.store.department(&input.code).await {
            Ok(_) => return code_taken(&state, page, fields).await,
            Err(StoreError::NotFound) => {}
            Err(other) => return Err(other.into()),
        }
    }
    match state.store.save_department(&input).await {
        Ok(()) => {
            let action = if editing.is_some() {
                "department.update"
            } else {
                "department.create"
            };
            state
                .store
                .audit(state.now(), Some(admin.id), action, &input.code, "")
                .await?;
            see_other("/admin/departments?saved=1")
        }
        Err(StoreError::Duplicate(_)) => code_taken(&state, page, fields).await,
        Err(other) => Err(other.into()),
    }
}

async fn code_taken(state: &AppState, page: Page, fields: DepartmentFields) -> PageResult {
    let mut errors = FieldErrors::default();
    errors.add("code", "error-code-taken");
    invalid(state, page, None, fields, errors).await
}

async fn invalid(
    state: &AppState,
    page: Page,
    editing: Option<String>,
    fields: DepartmentFields,
    errors: FieldErrors,
) -> PageResult {
    let errors = Errors::translate(&errors, page.t);
    render_invalid(form_page(state, page, editing, fields, errors).await?)
}
