//! The context every page is rendered in: language, demo banner, organisation, the signed-in
//! staff member. Also turns error statuses from handlers into full, translated error pages.

use crate::i18n::{Tr, with_locale};
use crate::middleware::request_locale;
use crate::state::AppState;
use askama::Template;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use loket_domain::locale::Locale;
use loket_domain::staff::Role;
use loket_store::citizens::CitizenSession;
use loket_store::staff::{SessionKind, StaffUser};

pub const LANGUAGE_COOKIE: &str = "lang";
pub const SESSION_COOKIE: &str = "loket_session";
/// The e-loket session of a citizen: a cookie of its own, so a staff member can test the e-loket
/// in the same browser without mixing the two.
pub const CITIZEN_COOKIE: &str = "loket_citizen";

#[derive(Debug, Clone)]
pub struct Page {
    pub t: Tr,
    pub locale: Locale,
    pub demo: bool,
    pub organisation: String,
    pub phone: String,
    /// The path and query of this page, for the language switcher and the way back after signing in.
    pub path: String,
    pub staff: Option<StaffUser>,
    pub citizen: Option<CitizenSession>,
}

impl Page {
    pub fn is(&self, role: Role) -> bool {
        self.staff.as_ref().is_some_and(|user| user.has_role(role))
    }

    /// The organisation's phone number as a `tel:` link target.
    pub fn phone_link(&self) -> String {
        self.phone.chars().filter(|c| !c.is_whitespace()).collect()
    }

    pub fn is_admin(&self) -> bool {
        self.is(Role::Admin)
    }

    /// The staff member, when they hold `role`; otherwise the 401 or 403 to answer with.
    pub fn require(&self, role: Role) -> Result<&StaffUser, PageError> {
        match &self.staff {
            None => Err(PageError::SignInNeeded),
            Some(user) if user.has_role(role) => Ok(user),
            Some(_) => Err(PageError::Forbidden),
        }
    }

    /// The staff member, when they hold at least one of `roles` (an administrator is not a
    /// manager unless given both roles); otherwise the 401 or 403 to answer with.
    pub fn require_any(&self, roles: &[Role]) -> Result<&StaffUser, PageError> {
        match &self.staff {
            None => Err(PageError::SignInNeeded),
            Some(user) if roles.iter().any(|role| user.has_role(*role)) => Ok(user),
            Some(_) => Err(PageError::Forbidden),
        }
    }

    /// The signed-in citizen; otherwise the e-loket's sign-in page to answer with.
    pub fn require_citizen(&self) -> Result<&CitizenSession, PageError> {
        self.citizen.as_ref().ok_or(PageError::CitizenSignInNeeded)
    }

    /// Whether the signed-in staff member holds at least one of `roles`.
    pub fn is_any(&self, roles: &[Role]) -> bool {
        roles.iter().any(|role| self.is(*role))
    }

    pub fn languages(&self) -> Vec<(Locale, String)> {
        Locale::ALL
            .into_iter()
            .map(|locale| {
                let back = form_urlencoded(&self.path);
                (
                    locale,
                    format!("/language?to={}&back={back}", locale.code()),
                )
            })
            .collect()
    }
}

fn form_urlencoded(text: &str) -> String {
    serde_urlencoded::to_string([("", text)])
        .unwrap_or_default()
        .trim_start_matches('=')
        .to_owned()
}

impl<S: Send + Sync> FromRequestParts<S> for Page {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Page>()
            .cloned()
            .ok_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// Reads one cookie from the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// Sets a session cookie only this site's pages read: `max_age` 0 removes it.
pub fn set_cookie(
    response: &mut Response,
    state: &AppState,
    name: &str,
    value: &str,
    max_age: i64,
) {
    let secure = if state.settings.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie =
        format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}");
    if let Ok(value) = cookie.parse() {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// Builds the page context for every request outside the API and static files, runs the handler in
/// that language, and renders error pages for the statuses handlers return.
pub async fn attach(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if path.starts_with("/api/") || path.starts_with("/static/") {
        return next.run(request).await;
    }
    let locale = request_locale(request.headers());
    let staff = match cookie(request.headers(), SESSION_COOKIE) {
        Some(token) => state
            .store
            .session_user(token, SessionKind::Web, state.now())
            .await
            .ok()
            .flatten(),
        None => None,
    };
    let citizen = match cookie(request.headers(), CITIZEN_COOKIE) {
        Some(token) => state
            .store
            .citizen_session(token, state.now())
            .await
            .ok()
            .flatten(),
        None => None,
    };
    let page = Page {
        t: Tr::new(locale),
        locale,
        demo: state.settings.demo,
        organisation: state.settings.organisation.clone(),
        phone: state.settings.phone.clone(),
        path: request
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or(path),
        staff,
        citizen,
    };
    request.extensions_mut().insert(page.clone());
    let response = with_locale(locale, next.run(request)).await;
    match response.extensions().get::<PageError>() {
        Some(error) => error.render(page),
        None => response,
    }
}

/// What can go wrong on a page; the page context renders it as a translated error page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageError {
    NotFound,
    SignInNeeded,
    /// A page of the e-loket, for a citizen who is not signed in: on to the e-loket's sign-in.
    CitizenSignInNeeded,
    Forbidden,
    Internal,
}

impl PageError {
    fn status(self) -> StatusCode {
        match self {
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::SignInNeeded => StatusCode::UNAUTHORIZED,
            PageError::CitizenSignInNeeded => StatusCode::SEE_OTHER,
            PageError::Forbidden => StatusCode::FORBIDDEN,
            PageError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn render(self, page: Page) -> Response {
        if self == PageError::CitizenSignInNeeded {
            let next = form_urlencoded(&page.path);
            return Redirect::to(&format!("/eloket/login?next={next}")).into_response();
        }
        let body = match self {
            PageError::SignInNeeded => {
                let next = page.path.clone();
                crate::web::staff::login_page(page, String::new(), next, None).render()
            }
            _ => ErrorTemplate {
                title: page.t.get(self.title_id()),
                message: page.t.get(self.message_id()),
                page,
            }
            .render(),
        };
        match body {
            Ok(html) => (self.status(), axum::response::Html(html)).into_response(),
            Err(_) => self.status().into_response(),
        }
    }

    fn title_id(self) -> &'static str {
        match self {
            PageError::NotFound => "error-not-found-title",
            // A citizen who must sign in is sent to the e-loket's sign-in page instead.
            PageError::SignInNeeded | PageError::CitizenSignInNeeded => "login-title",
            PageError::Forbidden => "error-forbidden-title",
            PageError::Internal => "error-internal-title",
        }
    }

    fn message_id(self) -> &'static str {
        match self {
            PageError::NotFound => "error-not-found",
            PageError::SignInNeeded | PageError::CitizenSignInNeeded => "login-needed",
            PageError::Forbidden => "error-forbidden",
            PageError::Internal => "error-internal",
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut response = self.status().into_response();
        response.extensions_mut().insert(self);
        response
    }
}

impl From<loket_store::StoreError> for PageError {
    fn from(error: loket_store::StoreError) -> Self {
        match error {
            loket_store::StoreError::NotFound => PageError::NotFound,
            other => {
                tracing::error!("store error on a page: {other}");
                PageError::Internal
            }
        }
    }
}

impl From<askama::Error> for PageError {
    fn from(error: askama::Error) -> Self {
        tracing::error!("template error: {error}");
        PageError::Internal
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    page: Page,
    title: String,
    message: String,
}

pub type PageResult = Result<Response, PageError>;
