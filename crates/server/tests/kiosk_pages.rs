//! The kiosk at the entrance and the ticket on the phone, as a citizen uses them: tap a rubric and a
//! product, get a ticket or be told where to go; check in an appointment by its code; follow the
//! ticket on the phone until a counter calls it.

mod support;

use serde_json::{Value, json};
use support::{TestApp, spawn_app};

async fn page(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// Taps a product on the kiosk and follows the redirect; gives where it went and the page.
async fn tap(app: &TestApp, product: &str) -> (String, String) {
    let client = app.browser();
    let response = client
        .post(app.url("/kiosk/stadskantoor/ticket"))
        .form(&[("product", product)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "{product}: Post/Redirect/Get");
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let (status, body) = page(&client, app, &location).await;
    assert_eq!(status, 200, "{location}");
    (location, body)
}

async fn check_in(app: &TestApp, code: &str) -> reqwest::Response {
    app.browser()
        .post(app.url("/kiosk/stadskantoor/appointment"))
        .form(&[("code", code)])
        .send()
        .await
        .unwrap()
}

async fn api_post(app: &TestApp, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
    let mut request = reqwest::Client::new().post(app.url(path)).json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_start_page_shows_the_rubrics_the_appointment_button_and_the_languages() {
    let app = spawn_app().await;
    let client = app.browser();
    let (status, body) = page(&client, &app, "/kiosk/stadskantoor").await;
    assert_eq!(status, 200);
    assert!(body.contains("Ik heb een afspraak"));
    assert!(body.contains("href=\"/kiosk/stadskantoor/appointment\""));
    for rubric in ["afval", "afhalen", "identiteit", "bouwen-milieu"] {
        assert!(
            body.contains(&format!("href=\"/kiosk/stadskantoor/rubrics/{rubric}\"")),
            "{rubric}"
        );
    }
    assert!(body.contains("/static/kiosk.css"));
    assert!(
        !body.contains("site-header"),
        "the kiosk has its own layout"
    );
    for language in ["nl", "fr", "en"] {
        assert!(
            body.contains(&format!(
                "/language?to={language}&#38;back=%2Fkiosk%2Fstadskantoor"
            )),
            "{body}"
        );
    }
    assert!(
        !body.contains("data-idle"),
        "the start page does not reset itself"
    );

    let (status, rubric) = page(&client, &app, "/kiosk/stadskantoor/rubrics/afval").await;
    assert_eq!(status, 200);
    assert!(rubric.contains("GFT-sticker"));
    assert!(rubric.contains("name=\"product\" value=\"gft-sticker\""));
    assert!(
        rubric.contains("data-idle=\"45\""),
        "a rubric goes back to the start after a while"
    );
    assert!(rubric.contains("Opnieuw beginnen"));

    let (status, _) = page(&client, &app, "/kiosk/stadskantoor/rubrics/nothing").await;
    assert_eq!(status, 404);
    let (status, _) = page(&client, &app, "/kiosk/elsewhere").await;
    assert_eq!(status, 404);

    let french = client
        .get(app.url("/kiosk/stadskantoor"))
        .header("cookie", "lang=fr")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(french.contains("rendez-vous"));
    assert!(french.contains("<html lang=\"fr\">"));
}

#[tokio::test]
async fn a_fast_counter_product_gives_a_printable_ticket_with_the_qr_code_of_the_phone_page() {
    let app = spawn_app().await;
    let (location, body) = tap(&app, "gft-sticker").await;
    assert!(
        location.starts_with("/kiosk/stadskantoor/ticket/"),
        "{location}"
    );
    assert!(location.ends_with("?print=1"), "the kiosk prints it");
    assert!(body.contains("A001"));
    assert!(body.contains("data-print=\"1\""));
    assert!(body.contains("<svg"), "the QR code");
    assert!(body.contains("href=\"/static/ticket-print.css\" media=\"print\""));
    assert!(body.contains("zone-A"));
    assert!(body.contains("Snelloket (afhalen en kopen)"));
    assert!(
        body.contains("nog geen schatting"),
        "no counter is open yet"
    );
    assert!(body.contains("10.00 uur"));
    let css = reqwest::get(app.url("/static/ticket-print.css"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(css.contains("size: 80mm auto"));

    // The language buttons keep the page, without printing it again.
    assert!(!body.contains("print%3D1"));

    let (_, second) = tap(&app, "pmd-zakken").await;
    assert!(second.contains("A002"));
    assert!(second.contains("nog 1 persoon"));
}

#[tokio::test]
async fn products_without_a_ticket_say_where_to_go() {
    let app = spawn_app().await;
    let (location, body) = tap(&app, "bouwaanvraag").await;
    assert_eq!(
        location,
        "/kiosk/stadskantoor/where/reception?product=bouwaanvraag"
    );
    assert!(body.contains("Ga naar het onthaal"));
    assert!(body.contains("Omgevingsvergunning"));

    let (_, body) = tap(&app, "eid-aanvraag").await;
    assert!(body.contains("Hiervoor maakt u een afspraak"));
    assert!(body.contains("loket.test"), "the website");
    assert!(
        body.contains("016 27 28 29") || body.contains("Of bel ons"),
        "the phone"
    );

    let (_, body) = tap(&app, "attest-woonst").await;
    assert!(body.contains("e-loket"));

    let response = app
        .browser()
        .post(app.url("/kiosk/stadskantoor/ticket"))
        .form(&[("product", "nothing")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn on_sunday_the_kiosk_says_the_office_is_closed_and_when_it_opens() {
    let app = spawn_app().await;
    app.clock.set("2026-12-06T10:00:00Z".parse().unwrap());
    let (location, body) = tap(&app, "gft-sticker").await;
    assert_eq!(location, "/kiosk/stadskantoor/closed");
    assert!(body.contains("Het kantoor is nu gesloten"));
    assert!(body.contains("maandag 7 december 2026"), "the next opening");
}

#[tokio::test]
async fn an_appointment_is_checked_in_by_its_code_but_not_two_hours_early() {
    let app = spawn_app().await;
    let (status, booked) = api_post(
        &app,
        "/api/v1/appointments",
        None,
        json!({"site": "stadskantoor", "products": ["eid-aanvraag"], "start": "2026-12-03T11:00:00Z",
               "name": "An Peeters", "email": "an@example.be"}),
    )
    .await;
    assert_eq!(status, 201);
    let code = booked["code"].as_str().unwrap().to_owned();

    let (status, form) = page(&app.browser(), &app, "/kiosk/stadskantoor/appointment").await;
    assert_eq!(status, 200);
    assert!(form.contains("name=\"code\""));

    let early = check_in(&app, &code.to_lowercase()).await;
    assert_eq!(early.status(), 422);
    let body = early.text().await.unwrap();
    assert!(body.contains("te vroeg"));
    assert!(body.contains("onthaal"));
    assert!(
        body.contains(&format!("value=\"{}\"", code.to_lowercase())),
        "the typed code is kept"
    );

    let unknown = check_in(&app, "ZZZZZZZ").await;
    assert_eq!(unknown.status(), 422);
    assert!(unknown.text().await.unwrap().contains("geen afspraak"));

    app.clock.set("2026-12-03T10:45:00Z".parse().unwrap());
    let response = check_in(&app, &format!(" {code} ")).await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/kiosk/stadskantoor/ticket/"));
    let (status, ticket) = page(&app.browser(), &app, &location).await;
    assert_eq!(status, 200);
    assert!(ticket.contains("B001"));

    let again = check_in(&app, &code).await;
    assert_eq!(again.status(), 422);
    assert!(again.text().await.unwrap().contains("al aangemeld"));
}

#[tokio::test]
async fn the_phone_page_says_wait_and_then_which_counter() {
    let app = spawn_app().await;
    let (location, _) = tap(&app, "gft-sticker").await;
    let token = location
        .trim_start_matches("/kiosk/stadskantoor/ticket/")
        .trim_end_matches("?print=1")
        .to_owned();
    let client = app.browser();
    let (status, body) = page(&client, &app, &format!("/t/{token}")).await;
    assert_eq!(status, 200);
    assert!(body.contains("A001"));
    assert!(body.contains("Even wachten"));
    assert!(body.contains("u bent de volgende"), "the position");
    assert!(body.contains("data-site=\"stadskantoor\""));
    assert!(
        body.contains("href=\"/t/"),
        "a refresh link without JavaScript"
    );

    // The kiosk's ticket links to the phone page through its QR code, on the public address.
    let (_, ticket) = page(&client, &app, &location).await;
    assert!(ticket.contains("<svg"));

    let balie = app.token("balie1").await;
    let (status, _) = api_post(
        &app,
        "/api/v1/counters/stadskantoor/1/sign-in",
        Some(&balie),
        json!({}),
    )
    .await;
    assert_eq!(status, 204);
    let (_, body) = page(&client, &app, &format!("/t/{token}")).await;
    assert!(
        body.contains("u bent zo aan de beurt"),
        "an open counter gives an estimate"
    );
    let (status, called) = api_post(
        &app,
        "/api/v1/counters/stadskantoor/1/call-next",
        Some(&balie),
        json!({}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(called["ticket"]["number"], "A001");

    let (_, body) = page(&client, &app, &format!("/t/{token}")).await;
    assert!(body.contains("Ga naar loket 1"));
    assert!(body.contains("state-called"));

    let (status, body) = page(&client, &app, "/t/not-a-ticket").await;
    assert_eq!(status, 404);
    assert!(body.contains("Ticket niet gevonden"));
}
