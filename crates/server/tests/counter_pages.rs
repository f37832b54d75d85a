//! The counter console as an employee uses it: taking a counter, calling, calling again up to the
//! limit, serving and finishing with the transactions done, a colleague at the same counter, a
//! failed action that keeps the console, and a role that has no counter.

mod support;

use serde_json::json;
use support::{TestApp, spawn_app};

async fn post(client: &reqwest::Client, app: &TestApp, path: &str, body: &str) -> (u16, String) {
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

async fn console(client: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let response = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

/// The id in the first form action `/counter/tickets/{id}/…` of a page.
fn ticket_id(html: &str) -> i64 {
    let start = html.find("/counter/tickets/").unwrap() + "/counter/tickets/".len();
    html[start..].split('/').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_counter_calls_recalls_up_to_the_limit_starts_and_finishes_with_two_transactions() {
    let app = spawn_app().await;
    let counter = app.signed_in("balie1").await;
    let chooser = console(&counter, &app, "/counter").await;
    assert!(chooser.contains("Werk aan loket 1"), "{chooser}");

    let (status, to) = post(
        &counter,
        &app,
        "/counter/sign-in",
        "site=stadskantoor&counter=1",
    )
    .await;
    assert_eq!(status, 303);
    let page = console(&counter, &app, &to).await;
    assert!(page.contains("U werkt nu aan dit loket."));
    assert!(page.contains("Volgende oproepen"));
    assert!(page.contains(r#"aria-keyshortcuts="N F2""#));

    let (status, to) = post(
        &counter,
        &app,
        "/counter/call-next",
        "site=stadskantoor&counter=1",
    )
    .await;
    assert_eq!(status, 303);
    let page = console(&counter, &app, &to).await;
    assert!(
        page.contains("Er wacht niemand voor wat dit loket doet."),
        "{page}"
    );

    let ticket = reqwest::Client::new()
        .post(app.url("/api/v1/tickets"))
        .json(&json!({"site": "stadskantoor", "product": "gft-sticker"}))
        .send()
        .await
        .unwrap();
    assert_eq!(ticket.status(), 201);
    let page = console(&counter, &app, "/counter").await;
    assert!(page.contains("1 wachtende voor dit loket"), "{page}");
    assert!(page.contains("A001"));

    let (status, to) = post(
        &counter,
        &app,
        "/counter/call-next",
        "site=stadskantoor&counter=1",
    )
    .await;
    assert_eq!(status, 303);
    let page = console(&counter, &app, &to).await;
    assert!(page.contains("A001 is opgeroepen."), "{page}");
    assert!(page.contains("U kunt nog 2 keer opnieuw oproepen."));
    assert!(page.contains("Niemand wacht"));
    let id = ticket_id(&page);

    for left in [
        "U kunt nog 1 keer opnieuw oproepen.",
        "U kunt niet meer opnieuw oproepen.",
    ] {
        let (status, to) = post(
            &counter,
            &app,
            &format!("/counter/tickets/{id}/recall"),
            "site=stadskantoor",
        )
        .await;
        assert_eq!(status, 303);
        let page = console(&counter, &app, &to).await;
        assert!(page.contains("A001 is opnieuw opgeroepen."));
        assert!(page.contains(left), "{page}");
    }
    let (status, page) = post(
        &counter,
        &app,
        &format!("/counter/tickets/{id}/recall"),
        "site=stadskantoor",
    )
    .await;
    assert_eq!(status, 409, "the limit of recalls is reached");
    assert!(page.contains("Dat kan nu niet"), "{page}");
    assert!(page.contains("A001"), "the console stays with the ticket");
    assert!(page.contains("Behandeling starten"));

    let (status, _) = post(
        &counter,
        &app,
        &format!("/counter/tickets/{id}/start"),
        "site=stadskantoor",
    )
    .await;
    assert_eq!(status, 303);
    let page = console(&counter, &app, "/counter").await;
    assert!(
        page.contains(r#"name="transactions" value="gft-sticker" checked"#),
        "{page}"
    );
    let others: Vec<&str> = page
        .split(r#"name="transactions" value=""#)
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|code| *code != "gft-sticker")
        .collect();
    let other = others
        .first()
        .expect("counter 1 serves more than one product");

    let (status, page) = post(
        &counter,
        &app,
        &format!("/counter/tickets/{id}/finish"),
        "site=stadskantoor",
    )
    .await;
    assert_eq!(status, 422, "a visit without transactions is not finished");
    assert!(page.contains("Vink minstens één verrichting aan"));

    let body = format!("site=stadskantoor&transactions=gft-sticker&transactions={other}");
    let (status, to) = post(
        &counter,
        &app,
        &format!("/counter/tickets/{id}/finish"),
        &body,
    )
    .await;
    assert_eq!(status, 303);
    let page = console(&counter, &app, &to).await;
    assert!(
        page.contains("A001 is afgerond met 2 verrichtingen."),
        "{page}"
    );
    assert!(page.contains("Er staat niemand aan uw loket."));
    assert_eq!(
        app.store.ticket_transactions(id).await.unwrap(),
        ["gft-sticker".to_owned(), other.to_string()],
        "both transactions are stored with the visit"
    );

    let site = app.store.sites().await.unwrap().remove(0);
    let kinds: Vec<String> = app
        .store
        .floor_events_after(site.id, 0, 100)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.ticket_label.as_deref() == Some("A001"))
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            "issued", "called", "recalled", "recalled", "started", "finished"
        ]
    );

    let (status, to) = post(
        &counter,
        &app,
        "/counter/sign-out",
        "site=stadskantoor&counter=1",
    )
    .await;
    assert_eq!(status, 303);
    let page = console(&counter, &app, &to).await;
    assert!(page.contains("U hebt het loket verlaten."));
    assert!(page.contains("Werk aan loket 1"));
}

#[tokio::test]
async fn a_colleague_cannot_take_the_same_counter_and_a_shop_has_no_counter() {
    let app = spawn_app().await;
    let first = app.signed_in("balie1").await;
    let (status, _) = post(
        &first,
        &app,
        "/counter/sign-in",
        "site=stadskantoor&counter=1",
    )
    .await;
    assert_eq!(status, 303);

    let second = app.signed_in("balie2").await;
    let chooser = console(&second, &app, "/counter").await;
    assert!(chooser.contains("Bezet door"), "{chooser}");
    assert!(!chooser.contains("Werk aan loket 1<"), "{chooser}");
    let (status, page) = post(
        &second,
        &app,
        "/counter/sign-in",
        "site=stadskantoor&counter=1",
    )
    .await;
    assert_eq!(status, 409);
    assert!(page.contains("Aan loket 1 werkt al een collega."), "{page}");
    assert!(
        page.contains("Werk aan loket 2"),
        "the chooser stays to pick another"
    );

    let (status, _) = post(
        &second,
        &app,
        "/counter/call-next",
        "site=stadskantoor&counter=1",
    )
    .await;
    assert_eq!(status, 409, "only who sits at a counter calls from it");

    let (status, _) = post(
        &first,
        &app,
        "/counter/pause",
        "site=stadskantoor&counter=1",
    )
    .await;
    assert_eq!(status, 303);
    let page = console(&first, &app, "/counter").await;
    assert!(page.contains("Gepauzeerd"));
    assert!(
        !page.contains(r#"id="call-next""#),
        "a paused counter calls nobody"
    );
    let (status, _) = post(
        &first,
        &app,
        "/counter/resume",
        "site=stadskantoor&counter=1",
    )
    .await;
    assert_eq!(status, 303);
    assert!(
        console(&first, &app, "/counter")
            .await
            .contains(r#"id="call-next""#)
    );

    let staff = console(&first, &app, "/staff").await;
    assert!(
        staff.contains(r#"href="/counter""#),
        "counter staff find the console"
    );

    let shop = app.signed_in("winkel1").await;
    let response = shop.get(app.url("/counter")).send().await.unwrap();
    assert_eq!(response.status(), 403);
    let (status, _) = post(
        &shop,
        &app,
        "/counter/sign-in",
        "site=stadskantoor&counter=2",
    )
    .await;
    assert_eq!(status, 403);
    let response = app.browser().get(app.url("/counter")).send().await.unwrap();
    assert_eq!(response.status(), 401, "signing in comes first");
}

#[tokio::test]
async fn a_citizen_is_sent_on_to_another_product_with_a_new_number() {
    let app = spawn_app().await;
    let ticket = reqwest::Client::new()
        .post(app.url("/api/v1/tickets"))
        .json(&json!({"site": "stadskantoor", "product": "gft-sticker"}))
        .send()
        .await
        .unwrap();
    assert_eq!(ticket.status(), 201);
    let counter = app.signed_in("balie1").await;
    post(
        &counter,
        &app,
        "/counter/sign-in",
        "site=stadskantoor&counter=1",
    )
    .await;
    let (status, to) = post(
        &counter,
        &app,
        "/counter/call-next",
        "site=stadskantoor&counter=1",
    )
    .await;
    assert_eq!(status, 303);
    let page = console(&counter, &app, &to).await;
    assert!(
        page.contains(r#"<option value="rijbewijs-afhalen">"#),
        "{page}"
    );
    let id = ticket_id(&page);

    let (status, page) = post(
        &counter,
        &app,
        &format!("/counter/tickets/{id}/transfer"),
        "site=stadskantoor&product=",
    )
    .await;
    assert_eq!(status, 404, "no product chosen");
    assert!(page.contains("Dat loket, ticket of product bestaat niet."));
    assert!(page.contains("A001"), "the console stays with the ticket");

    let (status, to) = post(
        &counter,
        &app,
        &format!("/counter/tickets/{id}/transfer"),
        "site=stadskantoor&product=rijbewijs-afhalen",
    )
    .await;
    assert_eq!(status, 303);
    let page = console(&counter, &app, &to).await;
    assert!(
        page.contains("Doorverwezen: het nieuwe nummer is A002."),
        "{page}"
    );
    assert!(page.contains("Er staat niemand aan uw loket."));
    assert!(page.contains("1 wachtende voor dit loket"));
    assert!(page.contains("Rijbewijs afhalen"));
}
