//! The public API as integrators use it: catalogue, tokens, roles, problems, OpenAPI, health, metrics.

mod support;

use loket_server::AppOptions;
use serde_json::Value;
use support::{spawn_app, spawn_app_with};

#[tokio::test]
async fn the_catalogue_lists_the_site_and_every_product_in_the_callers_language() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    let sites: Value = client
        .get(app.url("/api/v1/sites"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(sites[0]["code"], "stadskantoor");
    assert_eq!(sites[0]["time_zone"], "Europe/Brussels");

    let dutch: Vec<Value> = client
        .get(app.url("/api/v1/products"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(dutch.len(), 37);
    let eid = dutch.iter().find(|p| p["code"] == "eid-aanvraag").unwrap();
    assert_eq!(eid["name"], "Identiteitskaart (eID) aanvragen");
    assert_eq!(eid["channel"], "appointment");
    assert_eq!(eid["zone"], "B");
    assert_eq!(eid["minutes"], 15);
    assert_eq!(eid["fee_cents"], 2000);
    assert_eq!(eid["department"], "burgerzaken");
    let info = dutch.iter().find(|p| p["code"] == "info-vraag").unwrap();
    assert_eq!(info["channel"], "reception");
    assert!(info["zone"].is_null());

    let french: Vec<Value> = client
        .get(app.url("/api/v1/products"))
        .header("Accept-Language", "fr-BE,fr;q=0.9")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let eid = french.iter().find(|p| p["code"] == "eid-aanvraag").unwrap();
    assert_eq!(eid["name"], "Demande de carte d'identité (eID)");
}

#[tokio::test]
async fn a_token_is_given_for_the_right_password_only() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    let wrong = client
        .post(app.url("/api/v1/auth/token"))
        .header("Accept-Language", "en")
        .json(&serde_json::json!({"username": "balie1", "password": "guess"}))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    assert_eq!(wrong.headers()["content-type"], "application/problem+json");
    let problem: Value = wrong.json().await.unwrap();
    assert_eq!(problem["status"], 401);
    assert_eq!(problem["title"], "Not signed in");

    let empty = client
        .post(app.url("/api/v1/auth/token"))
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status(), 422);
    let problem: Value = empty.json().await.unwrap();
    assert_eq!(problem["errors"]["username"], "Vul dit veld in.");
    assert_eq!(problem["errors"]["password"], "Vul dit veld in.");

    let garbage = client
        .post(app.url("/api/v1/auth/token"))
        .body("{not json")
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), 422);

    let right = client
        .post(app.url("/api/v1/auth/token"))
        .json(&serde_json::json!({"username": "balie1", "password": "demo"}))
        .send()
        .await
        .unwrap();
    assert_eq!(right.status(), 200);
    let body: Value = right.json().await.unwrap();
    assert_eq!(body["expires_at"], "2026-12-03T22:00:00+01:00");
    let me: Value = client
        .get(app.url("/api/v1/staff/me"))
        .bearer_auth(body["token"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["username"], "balie1");
    assert_eq!(me["roles"], serde_json::json!(["counter"]));
}

#[tokio::test]
async fn staff_calls_need_a_token_and_the_right_role() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    let anonymous = client
        .get(app.url("/api/v1/admin/audit"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    let forged = client
        .get(app.url("/api/v1/staff/me"))
        .bearer_auth("not-a-token")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 401);

    let counter = app.token("balie1").await;
    let refused = client
        .get(app.url("/api/v1/admin/audit"))
        .bearer_auth(&counter)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    assert_eq!(
        refused.headers()["content-type"],
        "application/problem+json"
    );

    let admin = app.token("admin").await;
    let audit: Vec<Value> = client
        .get(app.url("/api/v1/admin/audit"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(audit[0]["action"], "staff.token");
    assert_eq!(audit[0]["actor"], "admin");
    assert!(audit.iter().any(|entry| entry["actor"] == "balie1"));
}

#[tokio::test]
async fn too_many_sign_in_attempts_are_refused_with_retry_after() {
    let app = spawn_app_with(AppOptions {
        demo: true,
        rate_limit: true,
        secure_cookies: false,
        public_url: "http://loket.test".into(),
        ..AppOptions::default()
    })
    .await;
    let client = reqwest::Client::new();
    let mut statuses = Vec::new();
    for _ in 0..12 {
        let response = client
            .post(app.url("/api/v1/auth/token"))
            .json(&serde_json::json!({"username": "admin", "password": "wrong"}))
            .send()
            .await
            .unwrap();
        statuses.push(response.status().as_u16());
        if response.status() == 429 {
            let wait: u64 = response.headers()["retry-after"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!(wait >= 1);
        }
    }
    assert_eq!(&statuses[..10], &[401; 10]);
    assert_eq!(&statuses[10..], &[429, 429]);
}

#[tokio::test]
async fn the_openapi_document_describes_the_api() {
    let app = spawn_app().await;
    let document: Value = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(document["info"]["title"], "Loket API");
    for path in [
        "/api/v1/sites",
        "/api/v1/products",
        "/api/v1/auth/token",
        "/api/v1/availability",
        "/api/v1/appointments",
        "/api/v1/appointments/{manage_token}/reschedule",
        "/api/v1/staff/me",
        "/api/v1/admin/audit",
    ] {
        assert!(document["paths"][path].is_object(), "{path} is documented");
    }
    assert!(document["components"]["schemas"]["Problem"].is_object());
    assert!(document["components"]["securitySchemes"]["bearer"].is_object());
}

#[tokio::test]
async fn unknown_api_paths_are_problems_and_health_and_metrics_answer() {
    let app = spawn_app().await;
    let missing = reqwest::get(app.url("/api/v1/no-such-thing"))
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    assert_eq!(
        missing.headers()["content-type"],
        "application/problem+json"
    );

    assert_eq!(
        reqwest::get(app.url("/healthz")).await.unwrap().status(),
        200
    );
    reqwest::get(app.url("/api/v1/products")).await.unwrap();
    let metrics = reqwest::get(app.url("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("loket_http_requests_total{"), "{metrics}");
    assert!(metrics.contains(r#"route="/api/v1/products""#));
    assert!(metrics.contains("loket_http_request_duration_seconds_bucket"));
}
