//! Starts the real application on a free loopback port over a fresh demo database (SQLite, or
//! PostgreSQL when `LOKET_TEST_DATABASE_URL` is set) with a clock the test controls.
#![allow(dead_code)] // each test binary uses its own part of this module

use jiff::{SignedDuration, Timestamp};
use loket_domain::clock::ManualClock;
use loket_server::AppOptions;
use loket_store::testing::{TestDatabase, fresh_store};
use std::sync::Arc;

pub struct TestApp {
    pub base: String,
    pub clock: Arc<ManualClock>,
    pub store: loket_store::Store,
    _database: TestDatabase,
}

/// Thursday 3 December 2026, 10:00 in Leuven.
pub fn thursday_morning() -> Timestamp {
    "2026-12-03T09:00:00Z".parse().unwrap()
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(AppOptions {
        demo: true,
        rate_limit: false,
        secure_cookies: false,
        public_url: "http://loket.test".into(),
        ..AppOptions::default()
    })
    .await
}

pub async fn spawn_app_with(options: AppOptions) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    spawn_app_on(listener, options).await
}

/// The application on a listener bound beforehand, so that its options can name its address.
pub async fn spawn_app_on(listener: tokio::net::TcpListener, options: AppOptions) -> TestApp {
    let (store, database) = fresh_store().await;
    let clock = Arc::new(ManualClock::at(thursday_morning()));
    store.install_demo(thursday_morning()).await.unwrap();
    let app = loket_server::app(store.clone(), clock.clone(), options)
        .await
        .unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
        .unwrap();
    });
    TestApp {
        base,
        clock,
        store,
        _database: database,
    }
}

impl TestApp {
    /// Another node over the same database with a pool of its own, as a city with several nodes
    /// behind a load balancer runs them; its address.
    pub async fn second_node(&self) -> String {
        let store = loket_store::Store::connect(&self._database.url)
            .await
            .unwrap();
        let options = AppOptions {
            demo: true,
            public_url: "http://loket.test".into(),
            ..AppOptions::default()
        };
        let app = loket_server::app(store, self.clock.clone(), options)
            .await
            .unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .await
            .unwrap();
        });
        base
    }

    /// The application's state over the same store and clock, for calling its jobs directly.
    pub async fn state(&self) -> loket_server::state::AppState {
        let options = AppOptions {
            demo: true,
            rate_limit: false,
            secure_cookies: false,
            public_url: "http://loket.test".into(),
            ..AppOptions::default()
        };
        loket_server::state::AppState::new(self.store.clone(), self.clock.clone(), options)
            .await
            .unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A browser-like client that keeps cookies and does not follow redirects.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// A browser signed in as `username` (password `demo`).
    pub async fn signed_in(&self, username: &str) -> reqwest::Client {
        let client = self.browser();
        let response = client
            .post(self.url("/staff/login"))
            .form(&[("username", username), ("password", "demo"), ("next", "")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{username} signs in");
        client
    }

    /// The demo's made-up residents, as `GET /api/v1/demo/residents` lists them.
    pub async fn demo_residents(&self) -> Vec<serde_json::Value> {
        let (status, residents) = api(
            self,
            reqwest::Method::GET,
            "/api/v1/demo/residents",
            None,
            None,
        )
        .await;
        assert_eq!(status, 200);
        residents.as_array().unwrap().clone()
    }

    /// A bearer token for the demo resident with this national number (eleven digits).
    pub async fn citizen_token(&self, national_number: &str) -> String {
        let body = serde_json::json!({"demo_national_number": national_number});
        let (status, session) = api(
            self,
            reqwest::Method::POST,
            "/api/v1/citizen/session",
            None,
            Some(body),
        )
        .await;
        assert_eq!(status, 201, "{national_number} signs in");
        session["token"].as_str().unwrap().to_owned()
    }

    /// A browser signed in to the e-loket as the demo resident with this national number.
    pub async fn citizen_browser(&self, national_number: &str) -> reqwest::Client {
        let client = self.browser();
        let response = client
            .post(self.url("/eloket/login/demo"))
            .form(&[("resident", national_number), ("next", "")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{national_number} signs in");
        client
    }

    /// A document of the citizen's e-box, as `GET /api/v1/ebox/documents/{id}` gives it: the
    /// content type and the file.
    pub async fn ebox_document(&self, token: &str, id: i64) -> (String, Vec<u8>) {
        let response = reqwest::Client::new()
            .get(self.url(&format!("/api/v1/ebox/documents/{id}")))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        (content_type, response.bytes().await.unwrap().to_vec())
    }

    /// What `POST /api/v1/verify` says of a file.
    pub async fn verify_file(&self, file: Vec<u8>) -> serde_json::Value {
        let response = reqwest::Client::new()
            .post(self.url("/api/v1/verify"))
            .header("content-type", "application/pdf")
            .body(file)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        response.json().await.unwrap()
    }

    /// A bearer token for `username` (password `demo`).
    pub async fn token(&self, username: &str) -> String {
        let response = reqwest::Client::new()
            .post(self.url("/api/v1/auth/token"))
            .json(&serde_json::json!({"username": username, "password": "demo"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let body: serde_json::Value = response.json().await.unwrap();
        body["token"].as_str().unwrap().to_owned()
    }
}

/// A JSON call to the API as the holder of `token` (None: as a citizen); the status and the
/// answer, Null when it has no JSON body.
pub async fn api(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    body: Option<serde_json::Value>,
) -> (u16, serde_json::Value) {
    let mut request = reqwest::Client::new().request(method, app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (
        status,
        response.json().await.unwrap_or(serde_json::Value::Null),
    )
}

pub async fn post(
    app: &TestApp,
    path: &str,
    token: &str,
    body: serde_json::Value,
) -> (u16, serde_json::Value) {
    api(app, reqwest::Method::POST, path, Some(token), Some(body)).await
}

pub async fn get(app: &TestApp, path: &str, token: &str) -> (u16, serde_json::Value) {
    api(app, reqwest::Method::GET, path, Some(token), None).await
}

/// A page as `client` (a browser, see [`TestApp::browser`]) gets it: the status and the HTML.
pub async fn page(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// A form posted as a browser posts it: the status, and where it sends the browser on (or the
/// page that came back).
pub async fn form(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    body: &str,
) -> (u16, String) {
    let response = client
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned());
    let text = response.text().await.unwrap();
    (status, location.unwrap_or(text))
}

/// Takes a ticket for `product` at the kiosk of the demo's city office.
pub async fn take_ticket(app: &TestApp, product: &str) {
    let (status, _) = api(
        app,
        reqwest::Method::POST,
        "/api/v1/tickets",
        None,
        Some(serde_json::json!({"site": "stadskantoor", "product": product})),
    )
    .await;
    assert_eq!(status, 201);
}

/// Signs `balie1` in at counter 1 and returns their token.
pub async fn open_counter(app: &TestApp) -> String {
    let counter = app.token("balie1").await;
    let sign_in = "/api/v1/counters/stadskantoor/1/sign-in";
    assert_eq!(
        post(app, sign_in, &counter, serde_json::json!({})).await.0,
        204
    );
    counter
}

/// Calls the next ticket at counter 1 after `wait` minutes and finishes it after `service`
/// minutes with these transactions.
pub async fn serve_next(app: &TestApp, counter: &str, wait: i64, service: i64, done: &[&str]) {
    app.clock.advance(SignedDuration::from_mins(wait));
    let (_, called) = post(
        app,
        "/api/v1/counters/stadskantoor/1/call-next",
        counter,
        serde_json::json!({}),
    )
    .await;
    let id = called["ticket"]["id"].as_i64().unwrap();
    post(
        app,
        &format!("/api/v1/tickets/{id}/start"),
        counter,
        serde_json::json!({}),
    )
    .await;
    app.clock.advance(SignedDuration::from_mins(service));
    let finish = format!("/api/v1/tickets/{id}/finish");
    let (status, _) = post(
        app,
        &finish,
        counter,
        serde_json::json!({"transactions": done}),
    )
    .await;
    assert_eq!(status, 200);
}
