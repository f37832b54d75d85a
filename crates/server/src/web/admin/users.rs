//! Staff accounts: who may sign in, with which roles, for which departments.

use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_invalid, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use axum_extra::extract::Form;
use loket_domain::catalogue::FieldErrors;
use loket_domain::staff::{MIN_PASSWORD_LENGTH, Role, is_valid_username};
use loket_store::StoreError;
use loket_store::catalogue::Department;
use loket_store::staff::{StaffUser, UserInput};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(list))
        .route("/admin/users/new", get(new_form).post(create))
        .route("/admin/users/{username}", get(edit_form).post(update))
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct ListTemplate {
    page: Page,
    users: Vec<StaffUser>,
}

async fn list(State(state): State<AppState>, page: Page) -> PageResult {
    page.require(Role::Admin)?;
    let users = state.store.users().await?;
    render(ListTemplate { page, users })
}

/// The account form as the browser sends it; checkboxes repeat their name once per ticked box.
#[derive(Debug, Default, Deserialize)]
struct UserFields {
    #[serde(default)]
    username: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    departments: Vec<String>,
    active: Option<String>,
    #[serde(default)]
    password: String,
}

impl UserFields {
    /// Checks the fields; a password is required for a new account and optional on an edit.
    fn parse(
        &self,
        departments: &[Department],
        new: bool,
    ) -> Result<(UserInput, Option<String>), FieldErrors> {
        let mut errors = FieldErrors::default();
        let username = self.username.trim().to_lowercase();
        errors.check(is_valid_username(&username), "username", "error-username");
        let display_name = self.display_name.trim();
        errors.check(
            !display_name.is_empty() && display_name.chars().count() <= 80,
            "display_name",
            "error-display-name",
        );
        let roles: Vec<Role> = self
            .roles
            .iter()
            .filter_map(|role| role.parse().ok())
            .collect();
        errors.check(
            !roles.is_empty() && roles.len() == self.roles.len(),
            "roles",
            "error-roles",
        );
        let known = |code: &String| departments.iter().any(|d| &d.code == code);
        errors.check(
            self.departments.iter().all(known),
            "departments",
            "error-department",
        );
        let password = (!self.password.is_empty()).then(|| self.password.clone());
        let long_enough = password
            .as_ref()
            .is_some_and(|p| p.chars().count() >= MIN_PASSWORD_LENGTH);
        errors.check(
            long_enough || (password.is_none() && !new),
            "password",
            "error-password",
        );
        errors.into_result()?;
        let input = UserInput {
            username,
            display_name: display_name.to_owned(),
            active: self.active.is_some(),
            roles,
            departments: self.departments.clone(),
        };
        Ok((input, password))
    }

    fn from_user(user: &StaffUser) -> UserFields {
        UserFields {
            username: user.username.clone(),
            display_name: user.display_name.clone(),
            roles: user.roles.iter().map(|r| r.code().to_owned()).collect(),
            departments: user.departments.clone(),
            active: user.active.then(String::new),
            password: String::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/user_form.html")]
struct FormTemplate {
    page: Page,
    editing: Option<String>,
    fields: UserFields,
    errors: Errors,
    roles: Vec<(String, String)>,
    departments: Vec<Department>,
    min_password: usize,
}

impl FormTemplate {
    fn has_role(&self, code: &str) -> bool {
        self.fields.roles.iter().any(|r| r == code)
    }

    fn has_department(&self, code: &str) -> bool {
        self.fields.departments.iter().any(|d| d == code)
    }
}

async fn form_page(
    state: &AppState,
    page: Page,
    editing: Option<String>,
    fields: UserFields,
    errors: Errors,
) -> Result<FormTemplate, PageError> {
    let roles = Role::ALL
        .iter()
        .map(|role| (role.code().to_owned(), page.t.get(role.message_id())))
        .collect();
    Ok(FormTemplate {
        departments: state.store.departments().await?,
        roles,
        page,
        editing,
        fields,
        errors,
        min_password: MIN_PASSWORD_LENGTH,
    })
}

async fn new_form(State(state): State<AppState>, page: Page) -> PageResult {
    page.require(Role::Admin)?;
    let fields = UserFields {
        active: Some(String::new()),
        ..UserFields::default()
    };
    render(form_page(&state, page, None, fields, Errors::none()).await?)
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    Path(username): Path<String>,
) -> PageResult {
    page.require(Role::Admin)?;
    let user = state.store.user(&username).await?;
    render(
        form_page(
            &state,
            page,
            Some(username),
            UserFields::from_user(&user),
            Errors::none(),
        )
        .await?,
    )
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    Form(fields): Form<UserFields>,
) -> PageResult {
    save(state, page, None, fields).await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    Path(username): Path<String>,
    Form(mut fields): Form<UserFields>,
) -> PageResult {
    page.require(Role::Admin)?;
    state.store.user(&username).await?;
    fields.username = username.clone();
    save(state, page, Some(username), fields).await
}

async fn save(
    state: AppState,
    page: Page,
    editing: Option<String>,
    fields: UserFields,
) -> PageResult {
    let admin = page.require(Role::Admin)?.clone();
    let departments = state.store.departments().await?;
    let (input, password) = match fields.parse(&departments, editing.is_none()) {
        Ok(parsed) => parsed,
        Err(errors) => return invalid(&state, page, editing, fields, errors).await,
    };
    let now = state.now();
    let saved = match (editing.as_deref(), password.as_deref()) {
        (None, password) => {
            let password = password.ok_or(PageError::Internal)?;
            state
                .store
                .create_user(&input, password, now)
                .await
                .map(|_| "user.create")
        }
        (Some(username), None) => state
            .store
            .update_user(username, &input)
            .await
            .map(|()| "user.update"),
        (Some(username), Some(password)) => match state.store.update_user(username, &input).await {
            Ok(()) => state
                .store
                .set_password(username, password)
                .await
                .map(|()| "user.password"),
            Err(e) => Err(e),
        },
    };
    match saved {
        Ok(action) => {
            state
                .store
                .audit(now, Some(admin.id), action, &input.username, "")
                .await?;
            see_other("/admin/users?saved=1")
        }
        Err(StoreError::Duplicate(_)) => {
            let mut errors = FieldErrors::default();
            errors.add("username", "error-username-taken");
            invalid(&state, page, editing, fields, errors).await
        }
        Err(other) => Err(other.into()),
    }
}

async fn invalid(
    state: &AppState,
    page: Page,
    editing: Option<String>,
    mut fields: UserFields,
    errors: FieldErrors,
) -> PageResult {
    // A password is never sent back to the browser.
    fields.password.clear();
    let errors = Errors::translate(&errors, page.t);
    render_invalid(form_page(state, page, editing, fields, errors).await?)
}
