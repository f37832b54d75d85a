//! The floor over the API, as kiosks, counters, screens and phones use it: a ticket from the kiosk,
//! a counter calling and serving it, the screen's stream, and checking in an appointment.

mod support;

use serde_json::{Value, json};
use support::{TestApp, spawn_app};

async fn post(app: &TestApp, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
    let mut request = reqwest::Client::new().post(app.url(path)).json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, body)
}

async fn get(app: &TestApp, path: &str) -> Value {
    reqwest::get(app.url(path))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn kiosk(app: &TestApp, product: &str) -> (u16, Value) {
    post(
        app,
        "/api/v1/tickets",
        None,
        json!({"site": "stadskantoor", "product": product}),
    )
    .await
}

#[tokio::test]
async fn the_kiosk_gives_a_ticket_for_the_fast_counter_and_sends_the_rest_where_they_belong() {
    let app = spawn_app().await;
    let (status, first) = kiosk(&app, "gft-sticker").await;
    assert_eq!(status, 201);
    assert_eq!(first["route"], "queue");
    assert_eq!(first["ticket"]["number"], "A001");
    assert_eq!(first["ticket"]["zone"], "A");
    assert_eq!(first["ticket"]["status"], "waiting");
    assert_eq!(first["ticket"]["position"], 1);
    assert_eq!(
        first["ticket"]["estimated_wait_minutes"],
        Value::Null,
        "no counter is open yet, so nobody can say"
    );
    let (_, second) = kiosk(&app, "pin-puk").await;
    assert_eq!(second["ticket"]["number"], "A002");
    let token = second["ticket"]["track_token"].as_str().unwrap();
    assert!(token.len() >= 40, "at least 128 bits of secret");
    let tracked = get(&app, &format!("/api/v1/tickets/{token}")).await;
    assert_eq!(tracked["position"], 2);
    assert!(tracked.get("track_token").is_none());

    let (status, building) = kiosk(&app, "bouwaanvraag").await;
    assert_eq!(status, 200);
    assert_eq!(building["route"], "reception");
    assert!(
        building["message"]
            .as_str()
            .unwrap()
            .starts_with("Ga naar het onthaal.")
    );
    let (_, eid) = kiosk(&app, "eid-aanvraag").await;
    assert_eq!(eid["route"], "appointment");
    let (status, _) = kiosk(&app, "no-such-product").await;
    assert_eq!(status, 404);

    app.clock.set("2026-12-06T10:00:00Z".parse().unwrap());
    let (status, closed) = kiosk(&app, "gft-sticker").await;
    assert_eq!(status, 409, "Sunday");
    assert!(closed["detail"].as_str().unwrap().contains("gesloten"));
}

#[tokio::test]
async fn a_counter_calls_starts_and_finishes_and_the_screen_sees_the_call() {
    let app = spawn_app().await;
    let (_, ticket) = kiosk(&app, "rijbewijs-afhalen").await;
    let track = ticket["ticket"]["track_token"].as_str().unwrap().to_owned();
    let counter = app.token("balie1").await;

    let (status, _) = post(
        &app,
        "/api/v1/counters/stadskantoor/1/call-next",
        Some(&counter),
        json!({}),
    )
    .await;
    assert_eq!(status, 409, "not signed in at the counter yet");
    let (status, _) = post(
        &app,
        "/api/v1/counters/stadskantoor/1/sign-in",
        Some(&counter),
        json!({}),
    )
    .await;
    assert_eq!(status, 204);
    let other = app.token("balie2").await;
    let (status, taken) = post(
        &app,
        "/api/v1/counters/stadskantoor/1/sign-in",
        Some(&other),
        json!({}),
    )
    .await;
    assert_eq!(status, 409);
    assert!(taken["detail"].as_str().unwrap().contains("collega"));

    let waiting = get(&app, &format!("/api/v1/tickets/{track}")).await;
    assert_eq!(waiting["counter"], 1, "only counter 1 is open for it");
    assert_eq!(waiting["estimated_wait_minutes"], 0);

    let mut stream = reqwest::get(app.url("/api/v1/sites/stadskantoor/events"))
        .await
        .unwrap();
    assert_eq!(stream.headers()["content-type"], "text/event-stream");
    let (status, called) = post(
        &app,
        "/api/v1/counters/stadskantoor/1/call-next",
        Some(&counter),
        json!({}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(called["ticket"]["number"], "A001");
    assert_eq!(called["ticket"]["status"], "called");
    assert_eq!(called["ticket"]["counter"], 1);
    let mut received = String::new();
    while !received.contains("event: called") {
        let chunk = stream.chunk().await.unwrap().unwrap();
        received.push_str(std::str::from_utf8(&chunk).unwrap());
    }
    assert!(received.contains(r#""number":"A001""#), "{received}");
    assert!(received.contains(r#""counter":1"#));
    let call_id: i64 = received
        .lines()
        .find_map(|line| line.strip_prefix("id: "))
        .unwrap()
        .trim()
        .parse()
        .unwrap();

    let id = called["ticket"]["id"].as_i64().unwrap();
    let phone = get(&app, &format!("/api/v1/tickets/{track}")).await;
    assert_eq!(phone["status"], "called");
    assert_eq!(phone["counter"], 1);
    let (status, _) = post(
        &app,
        &format!("/api/v1/tickets/{id}/start"),
        Some(&other),
        json!({}),
    )
    .await;
    assert_eq!(status, 409, "only the counter that called it starts it");
    let (status, started) = post(
        &app,
        &format!("/api/v1/tickets/{id}/start"),
        Some(&counter),
        json!({}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(started["status"], "serving");
    let (status, done) = post(
        &app,
        &format!("/api/v1/tickets/{id}/finish"),
        Some(&counter),
        json!({"transactions": ["rijbewijs-afhalen", "pin-puk"]}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(done["status"], "done");
    let (status, _) = post(
        &app,
        "/api/v1/counters/stadskantoor/1/call-next",
        Some(&counter),
        json!({}),
    )
    .await;
    assert_eq!(status, 204, "nobody waits");

    let display = get(&app, "/api/v1/sites/stadskantoor/display").await;
    assert_eq!(display["recent_calls"][0]["number"], "A001");
    assert_eq!(display["recent_calls"][0]["counter"], 1);
    assert!(
        display["recent_calls"][0]["at"]
            .as_str()
            .unwrap()
            .ends_with("+01:00")
    );

    // A screen that lost its connection after the call gets what it missed.
    let missed = reqwest::Client::new()
        .get(app.url("/api/v1/sites/stadskantoor/events"))
        .header("Last-Event-ID", (call_id - 1).to_string())
        .send()
        .await
        .unwrap();
    let mut replay = missed;
    let mut text = String::new();
    while !text.contains(r#""kind":"finished""#) {
        let chunk = replay.chunk().await.unwrap().unwrap();
        text.push_str(std::str::from_utf8(&chunk).unwrap());
    }
    let kinds: Vec<&str> = text
        .lines()
        .filter_map(|line| line.strip_prefix("event: "))
        .collect();
    assert_eq!(kinds, ["called", "changed", "changed"]);

    let shop = app.token("winkel1").await;
    let (status, _) = post(
        &app,
        "/api/v1/counters/stadskantoor/2/sign-in",
        Some(&shop),
        json!({}),
    )
    .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn an_appointment_is_checked_in_once_within_its_window() {
    let app = spawn_app().await;
    let (status, booked) = post(
        &app,
        "/api/v1/appointments",
        None,
        json!({"site": "stadskantoor", "products": ["eid-aanvraag"], "start": "2026-12-03T11:00:00Z",
               "name": "An Peeters", "email": "an@example.be"}),
    )
    .await;
    assert_eq!(status, 201);
    let code = booked["code"].as_str().unwrap().to_lowercase();
    let check_in = |code: String| {
        let app = &app;
        async move {
            post(
                app,
                "/api/v1/check-ins",
                None,
                json!({"site": "stadskantoor", "code": code}),
            )
            .await
        }
    };
    let (status, early) = check_in(code.clone()).await;
    assert_eq!(status, 422, "two hours early");
    assert!(
        early["errors"]["code"]
            .as_str()
            .unwrap()
            .contains("onthaal")
    );

    app.clock.set("2026-12-03T10:45:00Z".parse().unwrap());
    let (status, ticket) = check_in(format!(" {code} ")).await;
    assert_eq!(status, 201);
    assert_eq!(ticket["ticket"]["number"], "B001");
    assert_eq!(ticket["ticket"]["zone"], "B");
    let (status, _) = check_in(code.clone()).await;
    assert_eq!(status, 409, "once");
    let (status, _) = check_in("ZZZZZZZ".into()).await;
    assert_eq!(status, 404);
    let shown = get(
        &app,
        &format!(
            "/api/v1/appointments/{}",
            booked["manage_token"].as_str().unwrap()
        ),
    )
    .await;
    assert_eq!(shown["status"], "checked_in");
}

#[tokio::test]
async fn a_call_made_on_one_node_reaches_the_screens_of_another() {
    let app = spawn_app().await;
    let other_node = app.second_node().await;
    let mut screen = reqwest::get(format!("{other_node}/api/v1/sites/stadskantoor/events"))
        .await
        .unwrap();
    kiosk(&app, "stadsplan").await;
    let counter = app.token("balie1").await;
    post(
        &app,
        "/api/v1/counters/stadskantoor/1/sign-in",
        Some(&counter),
        json!({}),
    )
    .await;
    let (status, _) = post(
        &app,
        "/api/v1/counters/stadskantoor/1/call-next",
        Some(&counter),
        json!({}),
    )
    .await;
    assert_eq!(status, 200);
    let mut received = String::new();
    while !received.contains("event: called") {
        let chunk = screen.chunk().await.unwrap().unwrap();
        received.push_str(std::str::from_utf8(&chunk).unwrap());
    }
    assert!(received.contains(r#""number":"A001""#), "{received}");
}

#[tokio::test]
async fn the_wait_on_a_ticket_counts_the_walk_to_the_counter_as_counter_time() {
    let app = spawn_app().await;
    for _ in 0..3 {
        kiosk(&app, "rijbewijs-afhalen").await;
    }
    let counter = support::open_counter(&app).await;
    let (_, called) = post(
        &app,
        "/api/v1/counters/stadskantoor/1/call-next",
        Some(&counter),
        json!({}),
    )
    .await;
    let id = called["ticket"]["id"].as_i64().unwrap();
    // Two minutes until the citizen sits down, then three of service.
    app.clock.advance(jiff::SignedDuration::from_mins(2));
    let start = format!("/api/v1/tickets/{id}/start");
    assert_eq!(post(&app, &start, Some(&counter), json!({})).await.0, 200);
    app.clock.advance(jiff::SignedDuration::from_mins(3));
    let finish = format!("/api/v1/tickets/{id}/finish");
    let done = json!({"transactions": ["rijbewijs-afhalen"]});
    assert_eq!(post(&app, &finish, Some(&counter), done).await.0, 200);

    let (_, fourth) = kiosk(&app, "rijbewijs-afhalen").await;
    assert_eq!(fourth["ticket"]["position"], 3);
    assert_eq!(
        fourth["ticket"]["estimated_wait_minutes"], 10,
        "two ahead, five minutes of counter each"
    );
}
