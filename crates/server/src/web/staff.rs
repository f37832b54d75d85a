//! Staff sign in with a username and password, and sign out; the staff start page shows what
//! their roles let them do.

use crate::middleware::{ClientAddress, rate_check};
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageResult, SESSION_COOKIE, cookie, set_cookie};
use crate::web::{local_path, render, render_invalid, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use jiff::SignedDuration;
use loket_domain::staff::Role;
use loket_store::staff::SessionKind;
use serde::Deserialize;

/// A working day and then some; staff sign in again the next morning.
pub const WEB_SESSION_LIFETIME: SignedDuration = SignedDuration::from_hours(12);

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff", get(staff_home))
        .route("/staff/login", get(login_form).post(login))
        .route("/staff/logout", post(logout))
}

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginTemplate {
    page: Page,
    username: String,
    next: String,
    errors: Errors,
}

pub fn login_page(
    page: Page,
    username: String,
    next: String,
    error: Option<String>,
) -> LoginTemplate {
    let errors = error
        .map(|message| Errors::general("username", message))
        .unwrap_or_default();
    LoginTemplate {
        page,
        username,
        next,
        errors,
    }
}

#[derive(Deserialize, Default)]
struct LoginQuery {
    #[serde(default)]
    next: String,
}

async fn login_form(
    page: Page,
    axum::extract::Query(query): axum::extract::Query<LoginQuery>,
) -> PageResult {
    render(login_page(page, String::new(), query.next, None))
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

async fn login(
    State(state): State<AppState>,
    page: Page,
    client: ClientAddress,
    Form(form): Form<LoginForm>,
) -> PageResult {
    let username = form.username.trim().to_lowercase();
    let t = page.t;
    if let Err(wait) = rate_check(&state, &client) {
        let message = t.arg("error-too-many-attempts", "seconds", wait);
        let html = login_page(page, username, form.next, Some(message)).render()?;
        let headers = [(header::RETRY_AFTER, wait.to_string())];
        return Ok((StatusCode::TOO_MANY_REQUESTS, headers, Html(html)).into_response());
    }
    let Some(user) = state.store.authenticate(&username, &form.password).await? else {
        return render_invalid(login_page(
            page,
            username,
            form.next,
            Some(t.get("error-login")),
        ));
    };
    let now = state.now();
    let session = state
        .store
        .start_session(user.id, SessionKind::Web, now, WEB_SESSION_LIFETIME)
        .await?;
    state
        .store
        .audit(now, Some(user.id), "staff.sign-in", &user.username, "")
        .await?;
    let mut response = see_other(local_path(&form.next).unwrap_or("/staff"))?;
    set_session_cookie(
        &mut response,
        &state,
        &session.token,
        WEB_SESSION_LIFETIME.as_secs(),
    );
    Ok(response)
}

fn set_session_cookie(response: &mut Response, state: &AppState, token: &str, max_age: i64) {
    set_cookie(response, state, SESSION_COOKIE, token, max_age);
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> PageResult {
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        // An expired or unknown session is signed out already.
        let _ = state.store.end_session(token).await;
    }
    let mut response = see_other("/staff/login")?;
    set_session_cookie(&mut response, &state, "", 0);
    Ok(response)
}

/// A place a role leads to.
pub struct Task {
    pub href: &'static str,
    pub title_id: &'static str,
    pub text_id: &'static str,
}

fn tasks(page: &Page) -> Vec<Task> {
    let mut tasks = Vec::new();
    if page.is_any(&crate::web::reception::RECEPTION_ROLES) {
        tasks.push(Task {
            href: "/reception",
            title_id: "reception-title",
            text_id: "reception-task-text",
        });
    }
    if crate::web::booking::BOOKING_ROLES
        .into_iter()
        .any(|role| page.is(role))
    {
        tasks.extend([
            Task {
                href: "/staff/book",
                title_id: "staff-book-title",
                text_id: "staff-book-intro",
            },
            Task {
                href: "/staff/appointments/find",
                title_id: "staff-find-title",
                text_id: "staff-find-intro",
            },
            Task {
                href: "/staff/appointments",
                title_id: "agenda-title",
                text_id: "agenda-intro",
            },
        ]);
    }
    if page.is_any(&crate::floor::COUNTER_ROLES) {
        tasks.push(Task {
            href: "/counter",
            title_id: "counter-title",
            text_id: "counter-task-text",
        });
    }
    if page.is_any(&crate::eloket::CERTIFICATE_ROLES) {
        tasks.push(Task {
            href: "/counter/certificates",
            title_id: "eloket-counter-title",
            text_id: "eloket-counter-task",
        });
    }
    if page.is_any(&crate::pickups::COUNTER_ROLES) {
        tasks.push(Task {
            href: "/fast-counter",
            title_id: "fast-counter-title",
            text_id: "fast-counter-task-text",
        });
    } else if page.is_any(&crate::pickups::REGISTER_ROLES) {
        tasks.push(Task {
            href: "/fast-counter/pickups/new",
            title_id: "pickup-new-title",
            text_id: "pickup-new-task-text",
        });
    }
    if page.is(Role::Admin) {
        tasks.push(Task {
            href: "/admin",
            title_id: "admin-title",
            text_id: "admin-intro",
        });
    }
    if page.is_any(&crate::web::manage::MANAGE_ROLES) {
        tasks.push(Task {
            href: "/manage",
            title_id: "manage-title",
            text_id: "manage-task",
        });
    }
    if page.is(Role::Manager) || page.is(Role::Admin) {
        tasks.push(Task {
            href: "/staff/outbox",
            title_id: "outbox-title",
            text_id: "outbox-intro",
        });
    }
    if page.is_any(&crate::web::roster::ROSTER_ROLES) {
        tasks.push(Task {
            href: "/staff/roster",
            title_id: "roster-title",
            text_id: "roster-task-text",
        });
    }
    if page.is_any(&crate::sales::SALES_ROLES) {
        tasks.push(Task {
            href: "/sales",
            title_id: "sales-title",
            text_id: "sales-task-text",
        });
    }
    if page.is(Role::Backoffice) {
        tasks.push(Task {
            href: "/backoffice",
            title_id: "on-call-backoffice-title",
            text_id: "on-call-backoffice-task",
        });
    }
    if crate::web::address_changes::offered_to(page) {
        tasks.push(Task {
            href: "/backoffice/address-changes",
            title_id: "address-changes-title",
            text_id: "address-changes-task",
        });
    }
    if page.is_any(&crate::floor::on_call::SUMMON_ROLES) {
        tasks.push(Task {
            href: "/reception/on-call/new",
            title_id: "on-call-summons-title",
            text_id: "on-call-summons-task",
        });
    }
    tasks
}

#[derive(Template)]
#[template(path = "staff_home.html")]
struct StaffHomeTemplate {
    page: Page,
    name: String,
    roles: Vec<String>,
    tasks: Vec<Task>,
}

async fn staff_home(page: Page) -> PageResult {
    let user = page
        .staff
        .clone()
        .ok_or(crate::web::page::PageError::SignInNeeded)?;
    let roles = user
        .roles
        .iter()
        .map(|role| page.t.get(role.message_id()))
        .collect();
    render(StaffHomeTemplate {
        name: user.display_name,
        roles,
        tasks: tasks(&page),
        page,
    })
}
