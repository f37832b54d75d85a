//! Reception as the desk at the door uses it: only reception (and managers and administrators)
//! may, a ticket for a product the kiosk only books, a question noted by subject, and an
//! appointment checked in too late for the kiosk, which then waits like a walk-in.

mod support;

use serde_json::json;
use support::{api, form, page, spawn_app};

#[tokio::test]
async fn only_reception_managers_and_administrators_work_at_the_desk() {
    let app = spawn_app().await;
    for username in ["onthaal", "manager", "admin"] {
        let client = app.signed_in(username).await;
        let (status, html) = page(&client, &app, "/reception").await;
        assert_eq!(status, 200, "{username}");
        assert!(html.contains("Wie wacht er"), "{username}");
    }
    for username in ["balie1", "backoffice1", "telefoon", "winkel1"] {
        let client = app.signed_in(username).await;
        let (status, _) = page(&client, &app, "/reception").await;
        assert_eq!(status, 403, "{username} sees no reception");
        let (status, _) = form(
            &client,
            &app,
            "/reception/tickets",
            "site=stadskantoor&product=eid-aanvraag",
        )
        .await;
        assert_eq!(status, 403, "{username} hands out no ticket");
        let (status, _) = form(
            &client,
            &app,
            "/reception/questions",
            "site=stadskantoor&product=info-vraag",
        )
        .await;
        assert_eq!(status, 403, "{username} notes no question");
    }
    let (status, _) = page(&app.browser(), &app, "/reception").await;
    assert_eq!(status, 401, "signing in first");
}

#[tokio::test]
async fn reception_hands_out_a_ticket_for_a_product_the_kiosk_only_books() {
    let app = spawn_app().await;
    let desk = app.signed_in("onthaal").await;
    let (status, to) = form(
        &desk,
        &app,
        "/reception/tickets",
        "site=stadskantoor&product=reispas-aanvraag",
    )
    .await;
    assert_eq!(status, 303);
    let (status, ticket) = page(&desk, &app, &to).await;
    assert_eq!(status, 200);
    assert!(ticket.contains("Ticket B001 gegeven"), "{ticket}");
    let (_, overview) = page(&desk, &app, "/reception").await;
    assert!(
        overview.contains(r#"data-zone-waiting="B">1<"#),
        "{overview}"
    );

    // Nothing chosen, or a product without a counter: the form says so and hands out nothing.
    for product in ["", "attest-woonst", "bouwaanvraag"] {
        let (status, html) = form(
            &desk,
            &app,
            "/reception/tickets",
            &format!("site=stadskantoor&product={product}"),
        )
        .await;
        assert_eq!(status, 422, "{product}");
        assert!(html.contains("Kies een dienst uit de lijst."), "{product}");
    }
    let (_, overview) = page(&desk, &app, "/reception").await;
    assert!(overview.contains(r#"data-zone-waiting="B">1<"#));
}

#[tokio::test]
async fn reception_notes_questions_by_subject_for_the_day() {
    let app = spawn_app().await;
    let desk = app.signed_in("onthaal").await;
    for product in ["info-vraag", "gft-sticker", "info-vraag"] {
        let (status, to) = form(
            &desk,
            &app,
            "/reception/questions",
            &format!("site=stadskantoor&product={product}"),
        )
        .await;
        assert_eq!(status, 303);
        assert!(to.contains(&format!("noted={product}")));
    }
    let (_, overview) = page(&desk, &app, "/reception?noted=gft-sticker").await;
    assert!(overview.contains("Genoteerd: een vraag over GFT-sticker."));
    assert!(overview.contains("Vandaag 3 vragen genoteerd."));

    let (status, html) = form(
        &desk,
        &app,
        "/reception/questions",
        "site=stadskantoor&product=no-such-thing",
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Kies een dienst uit de lijst."));

    let site = app.store.site("stadskantoor").await.unwrap();
    let from = "2026-12-02T23:00:00Z".parse().unwrap();
    let until = "2026-12-03T23:00:00Z".parse().unwrap();
    let asked = app
        .store
        .questions_between(site.id, from, until)
        .await
        .unwrap();
    assert_eq!(
        asked,
        vec![("info-vraag".to_owned(), 2), ("gft-sticker".to_owned(), 1)]
    );
}

#[tokio::test]
async fn a_citizen_too_late_for_the_kiosk_is_checked_in_by_reception_and_waits_like_a_walk_in() {
    let app = spawn_app().await;
    let (status, booked) = api(&app, reqwest::Method::POST,
        "/api/v1/appointments",
        None,
        Some(json!({"site": "stadskantoor", "products": ["eid-aanvraag"], "start": "2026-12-03T11:30:00Z",
               "name": "An Peeters", "email": "an@example.be"})),
    )
    .await;
    assert_eq!(status, 201);
    let code = booked["code"].as_str().unwrap().to_owned();
    let id = app.store.appointment_by_code(&code).await.unwrap().id;

    // 13:00 in Leuven, half an hour late; a walk-in took a ticket a minute earlier.
    app.clock.set("2026-12-03T11:59:00Z".parse().unwrap());
    let desk = app.signed_in("onthaal").await;
    form(
        &desk,
        &app,
        "/reception/tickets",
        "site=stadskantoor&product=eid-aanvraag",
    )
    .await;
    app.clock.set("2026-12-03T12:00:00Z".parse().unwrap());
    let (status, _) = api(
        &app,
        reqwest::Method::POST,
        "/api/v1/check-ins",
        None,
        Some(json!({"site": "stadskantoor", "code": code})),
    )
    .await;
    assert_eq!(status, 422, "the kiosk refuses");

    let (_, shown) = page(&desk, &app, &format!("/staff/appointments/{id}")).await;
    assert!(shown.contains("Nu aanmelden en ticket geven"), "{shown}");
    let (status, to) = form(
        &desk,
        &app,
        &format!("/reception/appointments/{id}/check-in"),
        "",
    )
    .await;
    assert_eq!(status, 303);
    let (_, ticket) = page(&desk, &app, &to).await;
    assert!(ticket.contains("Ticket B002 gegeven"), "{ticket}");
    assert!(ticket.contains(&format!("Ingecheckt voor afspraak {code}")));
    assert!(ticket.contains("<dd>nog 1 persoon</dd>"), "{ticket}");

    let (status, to) = form(
        &desk,
        &app,
        &format!("/reception/appointments/{id}/check-in"),
        "",
    )
    .await;
    assert_eq!(status, 303);
    let (_, shown) = page(&desk, &app, &to).await;
    assert!(shown.contains("Deze afspraak is al aangemeld."), "{shown}");
    assert!(!shown.contains("Nu aanmelden en ticket geven"));
}

#[tokio::test]
async fn reception_checks_in_no_appointment_of_another_day() {
    let app = spawn_app().await;
    let (status, booked) = api(&app, reqwest::Method::POST,
        "/api/v1/appointments",
        None,
        Some(json!({"site": "stadskantoor", "products": ["eid-aanvraag"], "start": "2026-12-07T09:00:00Z",
               "name": "Bart Claes", "email": "bart@example.be"})),
    )
    .await;
    assert_eq!(status, 201);
    let code = booked["code"].as_str().unwrap();
    let id = app.store.appointment_by_code(code).await.unwrap().id;
    let desk = app.signed_in("onthaal").await;
    let (_, shown) = page(&desk, &app, &format!("/staff/appointments/{id}")).await;
    assert!(!shown.contains("Nu aanmelden en ticket geven"));
    let (status, to) = form(
        &desk,
        &app,
        &format!("/reception/appointments/{id}/check-in"),
        "",
    )
    .await;
    assert_eq!(status, 303);
    let (_, shown) = page(&desk, &app, &to).await;
    assert!(shown.contains("Deze afspraak is niet vandaag."), "{shown}");
}

#[tokio::test]
async fn reception_sees_who_waits_for_a_department_on_call_and_a_manager_sees_no_names() {
    let app = spawn_app().await;
    let token = app.token("onthaal").await;
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/on-call"))
        .bearer_auth(token)
        .json(&json!({"site": "stadskantoor", "product": "milieu-advies", "citizen_name": "Jef Wouters"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);

    let desk = app.signed_in("onthaal").await;
    let (_, overview) = page(&desk, &app, "/reception").await;
    assert!(overview.contains("Jef Wouters"), "{overview}");
    assert!(overview.contains("Wacht op een medewerker"));
    assert!(overview.contains("Koen Wouters: <span class=\"presence-state\">Niet aan het werk"));

    let manager = app.signed_in("manager").await;
    let (status, overview) = page(&manager, &app, "/reception").await;
    assert_eq!(status, 200);
    assert!(overview.contains("E001"), "{overview}");
    assert!(
        !overview.contains("Jef Wouters"),
        "no names for a manager looking on"
    );
}
