//! Citizens signing in to the e-loket: in the demo as one of its made-up residents, with a token
//! of their own kind that lasts two hours, opens nothing of the staff's, and ends when they sign
//! out; outside the demo the demo sign-in does not exist.

mod support;

use jiff::SignedDuration;
use loket_server::AppOptions;
use serde_json::{Value, json};
use support::{TestApp, api, get, spawn_app, spawn_app_with};

async fn sign_in(app: &TestApp, national_number: &str) -> (u16, Value) {
    api(
        app,
        reqwest::Method::POST,
        "/api/v1/citizen/session",
        None,
        Some(json!({"demo_national_number": national_number})),
    )
    .await
}

async fn first_demo_resident(app: &TestApp) -> Value {
    let (status, residents) = api(
        app,
        reqwest::Method::GET,
        "/api/v1/demo/residents",
        None,
        None,
    )
    .await;
    assert_eq!(status, 200);
    residents[0].clone()
}

#[tokio::test]
async fn a_demo_resident_signs_in_sees_who_they_are_and_signs_out() {
    let app = spawn_app().await;
    let resident = first_demo_resident(&app).await;
    let number = resident["national_number"].as_str().unwrap();
    let (status, session) = sign_in(&app, number).await;
    assert_eq!(status, 201);
    let token = session["token"].as_str().unwrap();
    assert!(
        session["expires_at"]
            .as_str()
            .unwrap()
            .starts_with("2026-12-03T12:00:00+01:00")
    );

    let (status, me) = get(&app, "/api/v1/citizen/me", token).await;
    assert_eq!(status, 200);
    assert_eq!(me["national_number"], resident["national_number"]);
    assert_eq!(me["first_name"], resident["first_name"]);
    assert_eq!(me["last_name"], resident["last_name"]);
    assert_eq!(me["address"], resident["address"]);
    assert_eq!(me["assurance"], "high");

    let audit = app.store.audit_entries(5).await.unwrap();
    let entry = audit
        .iter()
        .find(|e| e.action == "citizen.sign-in")
        .unwrap();
    assert!(
        !entry.subject.contains(&number[6..]),
        "the national number is masked in the log"
    );

    let (status, _) = api(
        &app,
        reqwest::Method::DELETE,
        "/api/v1/citizen/session",
        Some(token),
        None,
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = get(&app, "/api/v1/citizen/me", token).await;
    assert_eq!(status, 401, "signed out");
}

#[tokio::test]
async fn a_citizen_session_ends_after_two_hours() {
    let app = spawn_app().await;
    let resident = first_demo_resident(&app).await;
    let (_, session) = sign_in(&app, resident["national_number"].as_str().unwrap()).await;
    let token = session["token"].as_str().unwrap();
    app.clock.advance(SignedDuration::from_mins(119));
    assert_eq!(get(&app, "/api/v1/citizen/me", token).await.0, 200);
    app.clock.advance(SignedDuration::from_mins(1));
    assert_eq!(get(&app, "/api/v1/citizen/me", token).await.0, 401);
}

#[tokio::test]
async fn a_citizen_token_and_a_staff_token_open_only_their_own_doors() {
    let app = spawn_app().await;
    let resident = first_demo_resident(&app).await;
    let (_, session) = sign_in(&app, resident["national_number"].as_str().unwrap()).await;
    let citizen = session["token"].as_str().unwrap();
    assert_eq!(get(&app, "/api/v1/staff/me", citizen).await.0, 401);
    let staff = app.token("onthaal").await;
    assert_eq!(get(&app, "/api/v1/citizen/me", &staff).await.0, 401);
    assert_eq!(get(&app, "/api/v1/citizen/me", "").await.0, 401);
}

#[tokio::test]
async fn only_a_valid_national_number_of_a_demo_resident_signs_in() {
    let app = spawn_app().await;
    let (status, problem) = sign_in(&app, "85.07.30-033.29").await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["demo_national_number"].is_string());

    // A valid number (1 January 1900, serial 001) that no demo resident has.
    let (status, problem) = sign_in(&app, "00.01.01-001.73").await;
    assert_eq!(status, 422, "{problem}");
    assert!(
        problem["errors"]["demo_national_number"]
            .as_str()
            .unwrap()
            .contains("demo")
    );
}

#[tokio::test]
async fn outside_the_demo_there_is_no_demo_sign_in() {
    let app = spawn_app_with(AppOptions {
        demo: false,
        public_url: "http://loket.test".into(),
        ..AppOptions::default()
    })
    .await;
    let (status, _) = sign_in(&app, "85.07.30-033.28").await;
    assert_eq!(status, 404);
}
