//! Sales and hand-outs as the fast counter and a partner shop use them, over the API and the
//! pages: a sale with its receipt and the stock lowered, wrong input, a sale that is short, many
//! sellers racing for the last stickers, deliveries, prices, and which roles may do what.

mod support;

use serde_json::{Value, json};
use support::{TestApp, form, get, page, post, spawn_app};

/// The quantity in stock of an article at a sales point, as the API reports it.
async fn in_stock(app: &TestApp, token: &str, point: &str, article: &str) -> Value {
    let (status, stock) = get(app, &format!("/api/v1/stock?sales_point={point}"), token).await;
    assert_eq!(status, 200, "{stock}");
    stock["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|line| line["article"] == article)
        .cloned()
        .unwrap()
}

fn stickers_and_bags() -> Value {
    json!({
        "site": "stadskantoor",
        "items": [{"product": "gft-120", "quantity": 2}, {"product": "pmd-60", "quantity": 1}],
        "payment": "card"
    })
}

#[tokio::test]
async fn the_fast_counter_sells_at_the_articles_prices_and_the_receipt_and_stock_show_it() {
    let app = spawn_app().await;
    let counter = app.token("balie1").await;
    let before = in_stock(&app, &counter, "snelloket", "gft-120").await;
    assert_eq!(before["price_cents"], 5000);

    let (status, sold) = post(&app, "/api/v1/sales", &counter, stickers_and_bags()).await;
    assert_eq!(status, 201, "{sold}");
    assert_eq!(sold["total_cents"], 10300);
    let id = sold["id"].as_i64().unwrap();

    let (status, receipt) = get(&app, &format!("/api/v1/sales/{id}"), &counter).await;
    assert_eq!(status, 200);
    assert_eq!(receipt["sales_point"]["code"], "snelloket");
    assert_eq!(receipt["sold_at"], "2026-12-03T10:00:00+01:00");
    assert_eq!(receipt["payment"], "card");
    assert_eq!(receipt["total_cents"], 10300);
    assert_eq!(receipt["items"][0]["article"], "gft-120");
    assert_eq!(receipt["items"][0]["name"], "GFT-sticker 120 liter");
    assert_eq!(receipt["items"][0]["unit_cents"], 5000);
    assert_eq!(receipt["items"][0]["line_cents"], 10000);
    assert_eq!(receipt["items"][1]["article"], "pmd-60");

    let after = in_stock(&app, &counter, "snelloket", "gft-120").await;
    assert_eq!(
        after["quantity"].as_i64().unwrap(),
        before["quantity"].as_i64().unwrap() - 2
    );

    // A product with one article is sold by the product's code; a free hand-out costs nothing.
    let map = json!({"site": "stadskantoor", "items": [{"product": "stadsplan", "quantity": 3}], "payment": "cash"});
    let (status, sold) = post(&app, "/api/v1/sales", &counter, map).await;
    assert_eq!(status, 201);
    assert_eq!(sold["total_cents"], 0);
}

#[tokio::test]
async fn wrong_input_is_refused_field_by_field_and_sells_nothing() {
    let app = spawn_app().await;
    let counter = app.token("balie1").await;
    let before = in_stock(&app, &counter, "snelloket", "gft-40").await;
    let wrong = json!({
        "site": "stadskantoor",
        "items": [
            {"product": "gft-40", "quantity": 0},
            {"product": "no-such-sticker", "quantity": 1},
            {"product": "gft-sticker", "quantity": 1}
        ],
        "payment": "cheque"
    });
    let (status, problem) = post(&app, "/api/v1/sales", &counter, wrong).await;
    assert_eq!(status, 422);
    let errors = &problem["errors"];
    assert_eq!(
        errors["items[0].quantity"],
        "Vul een aantal in van 1 tot 10.000."
    );
    assert_eq!(
        errors["items[1].product"],
        "Dit artikel wordt hier niet verkocht."
    );
    assert!(
        errors["items[2].product"].is_string(),
        "the GFT sticker has three articles: say which"
    );
    assert_eq!(
        errors["payment"],
        "Kies hoe er betaald wordt: contant of met de kaart."
    );
    let (status, problem) = post(
        &app,
        "/api/v1/sales",
        &counter,
        json!({"site": "stadskantoor", "items": [], "payment": "cash"}),
    )
    .await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["items"].is_string());
    let (status, _) = post(
        &app,
        "/api/v1/sales",
        &counter,
        json!({"site": "elders", "items": [{"product": "gft-40", "quantity": 1}], "payment": "cash"}),
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(
        in_stock(&app, &counter, "snelloket", "gft-40").await,
        before
    );
}

#[tokio::test]
async fn a_sale_of_more_than_is_left_is_a_conflict_that_names_the_article_and_what_is_left() {
    let app = spawn_app().await;
    let keeper = app.token("winkel1").await;
    let too_many = json!({"site": "stadskantoor", "sales_point": "de-hoek",
        "items": [{"product": "gft-40", "quantity": 1}, {"product": "gft-240", "quantity": 11}], "payment": "cash"});
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/sales"))
        .bearer_auth(&keeper)
        .header("accept-language", "fr")
        .json(&too_many)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 409);
    let problem: Value = response.json().await.unwrap();
    assert_eq!(
        problem["detail"],
        "Pas assez de « Autocollant déchets organiques 240 litres (deux autocollants) » en stock : il en reste 10. Rien n'a été vendu."
    );
    let (_, problem) = post(&app, "/api/v1/sales", &keeper, too_many).await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("„GFT-sticker 240 liter (twee stickers)” in voorraad: er is nog 10 over")
    );
    assert_eq!(
        in_stock(&app, &keeper, "de-hoek", "gft-40").await["quantity"],
        20
    );
}

/// Many shop keepers' tills at once for the last stickers: exactly as many sales pass as there
/// were stickers, the stock never goes below zero, and the money adds up.
#[tokio::test]
async fn tills_racing_for_the_last_stickers_sell_exactly_the_stock() {
    let app = spawn_app().await;
    let keeper = app.token("winkel1").await;
    let left = in_stock(&app, &keeper, "de-hoek", "gft-240").await["quantity"]
        .as_i64()
        .unwrap();
    let attempts: Vec<_> = (0..left * 3)
        .map(|_| {
            let url = app.url("/api/v1/sales");
            let keeper = keeper.clone();
            tokio::spawn(async move {
                let body = json!({"site": "stadskantoor", "sales_point": "de-hoek",
                    "items": [{"product": "gft-240", "quantity": 1}], "payment": "card"});
                let response = reqwest::Client::new()
                    .post(url)
                    .bearer_auth(keeper)
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
                let status = response.status().as_u16();
                let body: Value = response.json().await.unwrap();
                (status, body)
            })
        })
        .collect();
    let mut sold = Vec::new();
    for attempt in attempts {
        let (status, body) = attempt.await.unwrap();
        match status {
            201 => sold.push(body["id"].as_i64().unwrap()),
            409 => assert!(body["detail"].as_str().unwrap().contains("nog 0 over")),
            other => panic!("{other}: {body}"),
        }
    }
    assert_eq!(sold.len() as i64, left);
    assert_eq!(
        in_stock(&app, &keeper, "de-hoek", "gft-240").await["quantity"],
        0
    );
    let mut total = 0;
    for id in sold {
        let (_, receipt) = get(&app, &format!("/api/v1/sales/{id}"), &keeper).await;
        total += receipt["total_cents"].as_i64().unwrap();
    }
    assert_eq!(total, left * 10000);
    let store = &app.store;
    let shop = store.sales_point("de-hoek").await.unwrap();
    assert_eq!(store.sales_total(shop.id).await.unwrap(), (left, total));
}

#[tokio::test]
async fn deliveries_prices_and_thresholds_over_the_api() {
    let app = spawn_app().await;
    let counter = app.token("balie1").await;
    let manager = app.token("manager").await;
    let (status, line) = post(
        &app,
        "/api/v1/stock/received",
        &counter,
        json!({"sales_point": "snelloket", "article": "rattenvergif", "quantity": 10}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        (line["quantity"].as_i64(), line["low"].as_bool()),
        (Some(22), Some(false))
    );
    let (status, problem) = post(
        &app,
        "/api/v1/stock/received",
        &counter,
        json!({"sales_point": "snelloket", "article": "rattenvergif", "quantity": -3}),
    )
    .await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["quantity"].is_string());

    let change = json!({"sales_point": "snelloket", "article": "gft-40", "price_cents": 2200, "low_at": 200});
    let (status, _) = post(&app, "/api/v1/stock/settings", &counter, change.clone()).await;
    assert_eq!(status, 403, "counter staff do not set prices");
    let (status, line) = post(&app, "/api/v1/stock/settings", &manager, change).await;
    assert_eq!(status, 200);
    assert_eq!(line["price_cents"], 2200);
    assert_eq!(line["low"], true);
    let (_, shop_line) = get(&app, "/api/v1/stock?sales_point=de-hoek", &manager).await;
    assert_eq!(
        shop_line["articles"][0]["price_cents"], 2200,
        "a price holds at every sales point"
    );
    let audit = app.store.audit_entries(5).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "sales.price" && e.subject == "gft-40")
    );
}

#[tokio::test]
async fn each_role_sells_only_where_it_works() {
    let app = spawn_app().await;
    let sticker = |point: &str| {
        json!({"site": "stadskantoor", "sales_point": point,
            "items": [{"product": "gft-40", "quantity": 1}], "payment": "cash"})
    };
    for username in ["onthaal", "telefoon", "backoffice1"] {
        let token = app.token(username).await;
        let (status, _) = post(&app, "/api/v1/sales", &token, stickers_and_bags()).await;
        assert_eq!(status, 403, "{username} sells nothing");
        let (status, _) = get(&app, "/api/v1/stock?sales_point=snelloket", &token).await;
        assert_eq!(status, 403, "{username} sees no stock");
        let (status, _) = post(
            &app,
            "/api/v1/stock/received",
            &token,
            json!({"sales_point": "snelloket", "article": "gft-40", "quantity": 1}),
        )
        .await;
        assert_eq!(status, 403, "{username} receives no stock");
    }

    let keeper = app.token("winkel1").await;
    let (status, _) = post(&app, "/api/v1/sales", &keeper, sticker("snelloket")).await;
    assert_eq!(status, 403, "a shop keeper sells only at their shop");
    let (status, _) = get(&app, "/api/v1/stock?sales_point=snelloket", &keeper).await;
    assert_eq!(status, 403);
    let (status, _) = get(&app, "/api/v1/admin/audit", &keeper).await;
    assert_eq!(status, 403, "the audit log names citizens' lookups");
    let (status, own) = post(
        &app,
        "/api/v1/sales",
        &keeper,
        json!({"site": "stadskantoor", "items": [{"product": "gft-40", "quantity": 1}], "payment": "cash"}),
    )
    .await;
    assert_eq!(status, 201, "without a sales point, the keeper's own shop");
    let (_, receipt) = get(&app, &format!("/api/v1/sales/{}", own["id"]), &keeper).await;
    assert_eq!(receipt["sales_point"]["code"], "de-hoek");
    let (_, points) = get(&app, "/api/v1/sales-points", &keeper).await;
    assert_eq!(
        points,
        json!([{"code": "de-hoek", "name": "Dagbladhandel De Hoek", "kind": "shop", "site": "stadskantoor"}])
    );

    let counter = app.token("balie1").await;
    let (status, _) = post(&app, "/api/v1/sales", &counter, sticker("de-hoek")).await;
    assert_eq!(status, 403, "counter staff do not sell at a partner shop");
    let (status, office_sale) = post(&app, "/api/v1/sales", &counter, sticker("snelloket")).await;
    assert_eq!(status, 201);
    let office_receipt = format!("/api/v1/sales/{}", office_sale["id"]);
    let (status, _) = get(&app, &office_receipt, &keeper).await;
    assert_eq!(status, 403, "a shop keeper sees no receipt of the office");
    let colleague = app.token("balie2").await;
    assert_eq!(get(&app, &office_receipt, &colleague).await.0, 200);
    let manager = app.token("manager").await;
    assert_eq!(
        post(&app, "/api/v1/sales", &manager, sticker("de-hoek"))
            .await
            .0,
        201
    );
    assert_eq!(get(&app, "/api/v1/sales/999999", &manager).await.0, 404);
    let (status, _) = get(&app, "/api/v1/stock", "nonsense").await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn a_sale_on_the_page_ends_on_its_receipt_and_a_failed_one_keeps_what_was_typed() {
    let app = spawn_app().await;
    let counter = app.signed_in("balie1").await;
    let (status, sale) = page(&counter, &app, "/sales").await;
    assert_eq!(status, 200);
    assert!(sale.contains("Snelloket stadskantoor"));
    assert!(sale.contains("GFT-sticker 120 liter"));
    assert!(sale.contains("€ 50,00"));
    assert!(sale.contains("Bijna op: nog 12"), "rat poison runs low");
    assert!(
        !sale.contains("Dagbladhandel De Hoek"),
        "no chooser for one sales point"
    );

    let (status, html) = form(
        &counter,
        &app,
        "/sales",
        "point=snelloket&q-gft-120=twee&q-pmd-60=1&q-gft-40=",
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Vul een aantal in van 1 tot 10.000."));
    assert!(html.contains("Kies hoe er betaald wordt"));
    assert!(html.contains(r#"name="q-gft-120" type="number""#));
    assert!(html.contains(r#"value="twee""#), "what was typed stays");
    let (status, html) = form(&counter, &app, "/sales", "point=snelloket&payment=cash").await;
    assert_eq!(status, 422);
    assert!(html.contains("Vul bij minstens één artikel een aantal in."));
    assert!(html.contains(r#"id="pay-cash" name="payment" value="cash" checked"#));

    let (status, to) = form(
        &counter,
        &app,
        "/sales",
        "point=snelloket&q-gft-120=2&q-pmd-60=1&q-gft-40=0&payment=card",
    )
    .await;
    assert_eq!(status, 303);
    assert!(
        to.starts_with("/sales/") && to.ends_with("/receipt"),
        "{to}"
    );
    let (status, receipt) = page(&counter, &app, &to).await;
    assert_eq!(status, 200);
    for text in [
        "Stad Leuven",
        "Snelloket stadskantoor",
        "donderdag 3 december 2026 · 10.00 uur",
        "GFT-sticker 120 liter",
        "€ 100,00",
        "€ 3,00",
        "€ 103,00",
        "Betaald met de kaart",
        "/static/receipt-print.css",
    ] {
        assert!(receipt.contains(text), "{text}: {receipt}");
    }
    let english = app.browser();
    english
        .post(app.url("/staff/login"))
        .header("accept-language", "en")
        .form(&[("username", "balie2"), ("password", "demo"), ("next", "")])
        .send()
        .await
        .unwrap();
    let response = english
        .get(app.url(&to))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    let receipt = response.text().await.unwrap();
    assert!(receipt.contains("€103.00"), "{receipt}");
    assert!(receipt.contains("Paid by card"));

    let (_, stock) = page(&counter, &app, "/sales/stock").await;
    assert!(stock.contains("<td class=\"number\">298</td>"), "{stock}");
}

#[tokio::test]
async fn a_shop_keeper_sells_at_the_shop_and_reaches_no_other_staff_page() {
    let app = spawn_app().await;
    let keeper = app.signed_in("winkel1").await;
    let (status, home) = page(&keeper, &app, "/staff").await;
    assert_eq!(status, 200);
    assert_eq!(home.matches(r#"<li class="card">"#).count(), 1, "{home}");
    assert!(home.contains(r#"<a href="/sales">Verkoop</a>"#));

    let (_, sale) = page(&keeper, &app, "/sales").await;
    assert!(sale.contains("Dagbladhandel De Hoek"));
    assert!(sale.contains("GFT-sticker 40 liter"));
    assert!(
        !sale.contains("Rattenvergif"),
        "the shop sells only GFT stickers"
    );
    let (status, html) = form(
        &keeper,
        &app,
        "/sales",
        "point=de-hoek&q-gft-240=11&payment=cash",
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("er is nog 10 over"));
    assert!(html.contains(r#"value="11""#));
    let (status, to) = form(
        &keeper,
        &app,
        "/sales",
        "point=de-hoek&q-gft-40=1&payment=cash",
    )
    .await;
    assert_eq!(status, 303);
    let (status, receipt) = page(&keeper, &app, &to).await;
    assert_eq!(status, 200);
    assert!(receipt.contains("€ 20,00") && receipt.contains("Contant betaald"));

    let counter = app.signed_in("balie1").await;
    let (_, office_sale) = form(
        &counter,
        &app,
        "/sales",
        "point=snelloket&q-stadsplan=1&payment=cash",
    )
    .await;
    assert_eq!(
        page(&counter, &app, &to).await.0,
        403,
        "counter staff see no shop's receipt"
    );
    for path in [
        "/sales?point=snelloket",
        "/sales/stock?point=snelloket",
        office_sale.as_str(),
        "/counter",
        "/staff/book",
        "/staff/appointments",
        "/staff/appointments/find",
        "/staff/outbox",
        "/staff/roster",
        "/admin",
        "/admin/users",
    ] {
        let (status, html) = page(&keeper, &app, path).await;
        assert_eq!(status, 403, "{path}");
        assert!(html.contains("<h1>"), "a translated page for {path}");
    }
    let (status, _) = form(
        &keeper,
        &app,
        "/sales",
        "point=snelloket&q-gft-40=1&payment=cash",
    )
    .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn roles_that_do_not_sell_get_no_sales_page() {
    let app = spawn_app().await;
    for username in ["onthaal", "telefoon", "backoffice1"] {
        let client = app.signed_in(username).await;
        for path in ["/sales", "/sales/stock"] {
            assert_eq!(page(&client, &app, path).await.0, 403, "{username} {path}");
        }
        let (_, home) = page(&client, &app, "/staff").await;
        assert!(!home.contains(r#"href="/sales""#), "{username}");
    }
    let (status, _) = page(&app.browser(), &app, "/sales").await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn the_stock_page_takes_deliveries_and_a_manager_sets_prices_and_thresholds() {
    let app = spawn_app().await;
    let counter = app.signed_in("balie1").await;
    let (_, stock) = page(&counter, &app, "/sales/stock").await;
    assert!(stock.contains("Bijna op: bijbestellen"));
    assert!(
        !stock.contains("Prijzen en waarschuwingen"),
        "only a manager sets prices"
    );
    let (status, html) = form(
        &counter,
        &app,
        "/sales/stock/received",
        "point=snelloket&article=rattenvergif&quantity=veel",
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Vul het aantal ontvangen in"));
    assert!(html.contains(r#"value="veel""#));
    assert!(html.contains(r#"<option value="rattenvergif" selected>"#));
    let (status, to) = form(
        &counter,
        &app,
        "/sales/stock/received",
        "point=snelloket&article=rattenvergif&quantity=40",
    )
    .await;
    assert_eq!(status, 303);
    let (_, stock) = page(&counter, &app, &to).await;
    assert!(stock.contains("De levering is bij de voorraad geteld."));
    assert!(stock.contains("<td class=\"number\">52</td>"));
    assert!(!stock.contains("Bijna op: bijbestellen"));
    let (status, _) = form(
        &counter,
        &app,
        "/sales/stock/settings",
        "point=snelloket&price-gft-40=1",
    )
    .await;
    assert_eq!(status, 403);

    let manager = app.signed_in("manager").await;
    let (_, stock) = page(&manager, &app, "/sales/stock?point=de-hoek").await;
    assert!(stock.contains("Prijzen en waarschuwingen"));
    assert!(
        stock.contains(r#"aria-current="page">Dagbladhandel De Hoek"#),
        "a chooser"
    );
    let (status, html) = form(
        &manager,
        &app,
        "/sales/stock/settings",
        "point=de-hoek&price-gft-40=gratis&low-gft-40=5&price-gft-120=50,00&low-gft-120=10&price-gft-240=100&low-gft-240=3",
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Vul een prijs in euro in"));
    assert!(html.contains(r#"value="gratis""#));
    let (status, to) = form(
        &manager,
        &app,
        "/sales/stock/settings",
        "point=de-hoek&price-gft-40=21,50&low-gft-40=25&price-gft-120=50,00&low-gft-120=10&price-gft-240=100&low-gft-240=3",
    )
    .await;
    assert_eq!(status, 303);
    let (_, stock) = page(&manager, &app, &to).await;
    assert!(stock.contains("De prijzen en waarschuwingen zijn bewaard."));
    assert!(stock.contains("€ 21,50"));
    assert!(
        stock.contains("Bijna op: bijbestellen"),
        "20 left, warned at 25"
    );
}
