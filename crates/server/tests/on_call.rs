//! The counter on call through the API and the pages, as reception, the back office, the screens
//! and the citizen's phone see it; and who may do what.

mod support;

use jiff::SignedDuration;
use loket_domain::staff::Role;
use loket_store::staff::UserInput;
use serde_json::{Value, json};
use support::{TestApp, post, spawn_app};

async fn get_as(app: &TestApp, path: &str, token: &str, language: &str) -> (u16, String) {
    let response = reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(token)
        .header("Accept-Language", language)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn summon_building_advice(app: &TestApp, token: &str) -> (u16, Value) {
    post(
        app,
        "/api/v1/on-call",
        token,
        json!({"site": "stadskantoor", "product": "bouwaanvraag", "citizen_name": "An Claes",
               "note": "Heeft plannen bij", "room": "spreekruimte-1"}),
    )
    .await
}

/// A back-office employee of another department than building and planning.
async fn welfare_employee(app: &TestApp) -> String {
    let input = UserInput {
        username: "welzijn1".into(),
        display_name: "Wim Welzijn".into(),
        active: true,
        roles: vec![Role::Backoffice],
        departments: vec!["welzijn".into()],
    };
    app.store
        .create_user(&input, "demo", support::thursday_morning())
        .await
        .unwrap();
    app.token("welzijn1").await
}

#[tokio::test]
async fn only_reception_and_administrators_summon() {
    let app = spawn_app().await;
    for username in ["balie1", "backoffice1", "telefoon", "winkel1", "manager"] {
        let token = app.token(username).await;
        let (status, _) = summon_building_advice(&app, &token).await;
        assert_eq!(status, 403, "{username} may not summon");
    }
    let reception = app.token("onthaal").await;
    let (status, body) = summon_building_advice(&app, &reception).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["status"], "waiting");
    assert_eq!(body["ticket"]["number"], "E001");
    assert_eq!(body["ticket"]["zone"], "E");
    assert!(body["ticket"]["track_token"].is_string());
    let admin = app.token("admin").await;
    let (status, body) = summon_building_advice(&app, &admin).await;
    assert_eq!(status, 201, "{body}");

    // A product that is not on call, or a room of nowhere, is refused with a reason.
    let (status, body) = post(
        &app,
        "/api/v1/on-call",
        &reception,
        json!({"site": "stadskantoor", "product": "eid-aanvraag", "room": "kelder"}),
    )
    .await;
    assert_eq!(status, 422);
    assert!(body["errors"]["product"].is_string(), "{body}");
    assert!(body["errors"]["room"].is_string(), "{body}");
}

#[tokio::test]
async fn only_the_products_department_accepts_and_the_screens_show_the_room() {
    let app = spawn_app().await;
    let reception = app.token("onthaal").await;
    let (_, summoned) = summon_building_advice(&app, &reception).await;
    let id = summoned["id"].as_i64().unwrap();
    let track_token = summoned["ticket"]["track_token"]
        .as_str()
        .unwrap()
        .to_owned();

    let welfare = welfare_employee(&app).await;
    for token in [welfare, app.token("admin").await, reception.clone()] {
        let (status, _) = post(
            &app,
            &format!("/api/v1/on-call/{id}/accept"),
            &token,
            json!({}),
        )
        .await;
        assert_eq!(status, 403);
    }
    let koen = app.token("backoffice1").await;
    let (status, body) = post(
        &app,
        &format!("/api/v1/on-call/{id}/accept"),
        &koen,
        json!({}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body,
        json!({"status": "accepted", "room": "Spreekruimte 1"})
    );
    let (status, _) = post(
        &app,
        &format!("/api/v1/on-call/{id}/accept"),
        &koen,
        json!({}),
    )
    .await;
    assert_eq!(status, 409, "accepted once");

    // The waiting-room screen, its JSON in two languages, the phone and the ticket JSON.
    let (_, display) = get_as(&app, "/api/v1/sites/stadskantoor/display", "", "fr").await;
    let display: Value = serde_json::from_str(&display).unwrap();
    assert_eq!(display["recent_calls"][0]["number"], "E001");
    assert_eq!(display["recent_calls"][0]["room"], "Salle d'entretien 1");
    assert_eq!(display["recent_calls"][0]["counter"], Value::Null);
    let screen = reqwest::get(app.url("/display/stadskantoor"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(screen.contains("Spreekruimte 1"), "{screen}");
    assert!(screen.contains("naar {room}"));
    let phone = reqwest::get(app.url(&format!("/t/{track_token}")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(phone.contains("Ga naar Spreekruimte 1"), "{phone}");
    let (_, ticket) = get_as(&app, &format!("/api/v1/tickets/{track_token}"), "", "en").await;
    let ticket: Value = serde_json::from_str(&ticket).unwrap();
    assert_eq!(ticket["status"], "called");
    assert_eq!(ticket["room"], "Meeting room 1");

    // The visit: a finish before the start is refused, then start and finish.
    let finish = json!({"transactions": ["bouwaanvraag"]});
    let (status, _) = post(
        &app,
        &format!("/api/v1/on-call/{id}/finish"),
        &koen,
        finish.clone(),
    )
    .await;
    assert_eq!(status, 409);
    app.clock.advance(SignedDuration::from_mins(2));
    let (status, _) = post(
        &app,
        &format!("/api/v1/on-call/{id}/start"),
        &koen,
        json!({}),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = post(
        &app,
        &format!("/api/v1/on-call/{id}/finish"),
        &koen,
        json!({"transactions": ["eid-aanvraag"]}),
    )
    .await;
    assert_eq!(status, 422, "only products of the employee's departments");
    let (status, body) = post(&app, &format!("/api/v1/on-call/{id}/finish"), &koen, finish).await;
    assert_eq!(status, 200, "{body}");
    let request = app.store.on_call_request(id).await.unwrap();
    assert_eq!(
        request
            .arrived_at
            .map(|at| at.duration_since(request.requested_at)),
        Some(SignedDuration::from_mins(2)),
        "the summons lasted until the start"
    );
    let koen_id = app.store.user("backoffice1").await.unwrap().id;
    assert_eq!(
        app.store.staff_state(koen_id).await.unwrap().0,
        loket_store::on_call::StaffState::BackOffice
    );
}

#[tokio::test]
async fn the_list_shows_citizens_only_to_reception_and_the_department() {
    let app = spawn_app().await;
    let reception = app.token("onthaal").await;
    summon_building_advice(&app, &reception).await;
    let path = "/api/v1/on-call?site=stadskantoor";
    for username in ["balie1", "winkel1", "telefoon"] {
        let (status, body) = get_as(&app, path, &app.token(username).await, "nl").await;
        assert_eq!(status, 403, "{username}");
        assert!(!body.contains("An Claes"));
    }
    let (status, body) = get_as(&app, path, &reception, "nl").await;
    assert_eq!(status, 200);
    let list: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(list[0]["citizen_name"], "An Claes");
    assert_eq!(list[0]["department"], "stedenbouw");
    let (_, body) = get_as(&app, path, &app.token("backoffice1").await, "nl").await;
    assert!(body.contains("An Claes"));
    let (status, body) = get_as(&app, path, &welfare_employee(&app).await, "nl").await;
    assert_eq!(status, 200);
    assert_eq!(body, "[]", "another department sees none of it");

    // The pages: counters and shops get 403 and no names; the back office summons nobody.
    for (username, path) in [
        ("balie1", "/backoffice"),
        ("winkel1", "/backoffice"),
        ("balie1", "/reception/on-call/1"),
        ("winkel1", "/reception/on-call/1"),
        ("backoffice1", "/reception/on-call/new"),
    ] {
        let response = app
            .signed_in(username)
            .await
            .get(app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403, "{username} {path}");
        assert!(!response.text().await.unwrap().contains("An Claes"));
    }
}

#[tokio::test]
async fn presence_is_set_over_the_api_by_back_office_staff_only() {
    let app = spawn_app().await;
    let koen = app.token("backoffice1").await;
    let (status, body) = post(&app, "/api/v1/presence", &koen, json!({"state": "break"})).await;
    assert_eq!((status, body), (200, json!({"state": "break"})));
    let (status, body) = post(&app, "/api/v1/presence", &koen, json!({"state": "lunch"})).await;
    assert_eq!(status, 422);
    assert!(body["errors"]["state"].is_string());
    let counter = app.token("balie1").await;
    let (status, _) = post(&app, "/api/v1/presence", &counter, json!({"state": "off"})).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn reception_summons_on_a_page_and_the_back_office_accepts_on_its_page() {
    let app = spawn_app().await;
    let reception = app.signed_in("onthaal").await;
    let form = reception
        .get(app.url("/reception/on-call/new"))
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 200);
    let form = form.text().await.unwrap();
    assert!(form.contains("Omgevingsvergunning / bouwdossier (advies)"));
    assert!(form.contains("Spreekruimte 1"));

    // Without a product: 422, and the name and note typed stay.
    let response = reception
        .post(app.url("/reception/on-call/new"))
        .form(&[
            ("site", "stadskantoor"),
            ("product", ""),
            ("citizen_name", "An Claes"),
            ("note", "Plannen"),
            ("room", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("value=\"An Claes\"") && html.contains(">Plannen</textarea>"));

    let response = reception
        .post(app.url("/reception/on-call/new"))
        .form(&[
            ("site", "stadskantoor"),
            ("product", "bouwaanvraag"),
            ("citizen_name", "An Claes"),
            ("note", "Plannen"),
            ("room", "spreekruimte-1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/reception/on-call/"));
    let shown = reception
        .get(app.url(&location))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(shown.contains("E001") && shown.contains("Wacht op een medewerker"));
    let id: i64 = location.rsplit('/').next().unwrap().parse().unwrap();

    let koen = app.signed_in("backoffice1").await;
    let page = koen.get(app.url("/backoffice")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("An Claes") && page.contains("Oproep E001 aannemen"));

    // Nobody accepts in time: the request is marked once, and the page says so.
    app.clock.advance(SignedDuration::from_mins(3));
    let state = app.state().await;
    assert_eq!(
        loket_server::floor::on_call::alert_overdue(&state)
            .await
            .unwrap(),
        [id]
    );
    assert!(
        loket_server::floor::on_call::alert_overdue(&state)
            .await
            .unwrap()
            .is_empty()
    );
    let page = koen
        .get(app.url("/backoffice"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Wacht te lang") && page.contains("3 minuten"));

    let accepted = koen
        .post(app.url(&format!("/backoffice/requests/{id}/accept")))
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), 303);
    let page = koen
        .get(app.url("/backoffice?done=accepted"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("naar Spreekruimte 1"));
    let shown = reception
        .get(app.url(&location))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(shown.contains("Spreekruimte 1") && shown.contains("Koen Wouters"));
    let cancel = reception
        .post(app.url(&format!("/reception/on-call/{id}/cancel")))
        .send()
        .await
        .unwrap();
    assert_eq!(cancel.status(), 409, "an accepted request is not cancelled");
}
