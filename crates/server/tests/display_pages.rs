//! The waiting-room screen as a page: the state without a script, a call after a counter calls,
//! one zone only, and the screen's language for the voice.

mod support;

use serde_json::json;
use support::{TestApp, spawn_app};

async fn take_ticket(app: &TestApp, product: &str) -> String {
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/tickets"))
        .json(&json!({"site": "stadskantoor", "product": product}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let body: serde_json::Value = response.json().await.unwrap();
    body["ticket"]["number"].as_str().unwrap().to_owned()
}

async fn page(app: &TestApp, path: &str) -> (u16, String) {
    let response = reqwest::get(app.url(path)).await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

#[tokio::test]
async fn the_screen_shows_a_call_after_a_counter_calls() {
    let app = spawn_app().await;
    let number = take_ticket(&app, "gft-sticker").await;
    let (status, before) = page(&app, "/display/stadskantoor").await;
    assert_eq!(status, 200);
    assert!(before.contains("Nog geen oproepen"), "{before}");
    assert!(
        before.contains(r#"data-zone="A">1</span>"#),
        "one waits in A"
    );
    assert!(
        !before.contains("site-header"),
        "a screen has no site header"
    );
    assert!(before.contains("/static/display.js"));
    assert!(before.contains(r#"data-say="Nummer {letter} {number}, loket {counter}""#));

    let counter = app.signed_in("balie1").await;
    for (path, body) in [
        ("/counter/sign-in", "site=stadskantoor&counter=1"),
        ("/counter/call-next", "site=stadskantoor&counter=1"),
    ] {
        let response = counter
            .post(app.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{path}");
    }

    let (_, after) = page(&app, "/display/stadskantoor").await;
    assert!(
        after.contains(&format!(
            r#"class="call call-newest" data-number="{number}""#
        )),
        "{after}"
    );
    assert!(after.contains(r#"data-letter="A" data-spoken-number="1" data-counter="1""#));
    assert!(after.contains("Loket 1"));
    assert!(
        after.contains(r#"data-zone="A">0</span>"#),
        "nobody waits any more"
    );

    let (_, french) = page(&app, "/display/stadskantoor?lang=fr").await;
    assert!(french.contains(r#"<html lang="fr">"#));
    assert!(french.contains("Guichet 1"));
    assert!(french.contains(r#"data-say="Numéro {letter} {number}, guichet {counter}""#));
    assert!(french.contains(r#"data-lang="fr-BE""#));
    let (_, english) = page(&app, "/display/stadskantoor?lang=en").await;
    assert!(english.contains(r#"data-say="Number {letter} {number}, counter {counter}""#));

    let (_, zone_b) = page(&app, "/display/stadskantoor?zone=B").await;
    assert!(
        !zone_b.contains(&number),
        "a screen for zone B shows no call of zone A"
    );
    assert!(zone_b.contains(r#"data-zone="B""#));
    assert!(!zone_b.contains(r#"data-zone="A">"#));
}

#[tokio::test]
async fn an_unknown_site_has_no_screen_and_the_assets_are_served() {
    let app = spawn_app().await;
    let (status, _) = page(&app, "/display/nergens").await;
    assert_eq!(status, 404);
    for asset in ["display.css", "display.js", "counter.css", "counter.js"] {
        let (status, _) = page(&app, &format!("/static/{asset}")).await;
        assert_eq!(status, 200, "{asset}");
    }
}
