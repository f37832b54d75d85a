//! The management history per day, week and month, for one department or product; the
//! transactions by product, the online share of certificates and address changes, and the sales
//! per product and channel; every table as CSV the way the page shows it.

mod support;

use jiff::SignedDuration;
use serde_json::json;
use support::{TestApp, form, open_counter, page, post, serve_next, spawn_app, take_ticket};

/// The cells of each body row of the page's table `name`, as text.
fn table_rows(html: &str, name: &str) -> Vec<Vec<String>> {
    let table = html
        .split(&format!("data-table=\"{name}\""))
        .nth(1)
        .unwrap_or_else(|| panic!("no table {name}"));
    let body = table.split("</table>").next().unwrap();
    let body = body.split("<tbody>").nth(1).unwrap();
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            row.split("<t")
                .skip(1)
                .filter(|cell| cell.starts_with('d') || cell.starts_with('h'))
                .map(|cell| {
                    let text = cell.split_once('>').unwrap().1;
                    text.split("</t").next().unwrap().trim().to_owned()
                })
                .collect()
        })
        .collect()
}

/// A CSV of the history as a spreadsheet reads it: its header and rows, after checking the type
/// and the byte order mark.
async fn csv(browser: &reqwest::Client, app: &TestApp, query: &str) -> Vec<Vec<String>> {
    let response = browser
        .get(app.url(&format!("/manage/history.csv?{query}")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{query}");
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let text = response.text().await.unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte order mark");
    text.split("\r\n")
        .filter(|line| !line.is_empty())
        .map(|line| line.split(';').map(str::to_owned).collect())
        .collect()
}

/// A page's cell as a CSV writes it: no dash for nothing, no euro sign.
fn as_in_csv(cell: &str) -> String {
    match cell {
        "–" => String::new(),
        cell => cell.trim_start_matches("€ ").to_owned(),
    }
}

/// The page's table `name` matches the CSV's rows from `first` column on.
fn assert_matches(html: &str, name: &str, csv: &[Vec<String>], first: usize) {
    let page = table_rows(html, name);
    assert_eq!(page.len(), csv.len() - 1, "{name}: a CSV row for each row");
    for (shown, exported) in page.iter().zip(&csv[1..]) {
        let shown: Vec<String> = shown[first..].iter().map(|c| as_in_csv(c)).collect();
        assert_eq!(shown, exported[first..], "{name}");
    }
}

fn column(rows: &[Vec<String>], index: usize) -> Vec<i64> {
    rows[1..]
        .iter()
        .map(|row| row[index].parse().unwrap())
        .collect()
}

#[tokio::test]
async fn weeks_and_months_add_up_their_days_and_spread_over_all_their_tickets() {
    let app = spawn_app().await;
    // Thursday: three visitors who wait 10, 20 and 30 minutes.
    for _ in 0..3 {
        take_ticket(&app, "rijbewijs-afhalen").await;
    }
    let counter = open_counter(&app).await;
    serve_next(&app, &counter, 10, 5, &["rijbewijs-afhalen"]).await;
    serve_next(&app, &counter, 5, 5, &["rijbewijs-afhalen"]).await;
    serve_next(&app, &counter, 5, 5, &["pin-puk"]).await;
    // Friday: one who waits 40.
    app.clock.advance(SignedDuration::from_hours(24));
    take_ticket(&app, "rijbewijs-afhalen").await;
    let counter = open_counter(&app).await;
    serve_next(&app, &counter, 40, 5, &["rijbewijs-afhalen"]).await;

    let manager = app.signed_in("manager").await;
    let span = "site=stadskantoor&from=2026-11-30&to=2026-12-06";
    let days = csv(&manager, &app, &format!("{span}&per=dag")).await;
    assert_eq!(days.len(), 8, "a header and seven days");
    let weeks = csv(&manager, &app, &format!("{span}&per=week")).await;
    assert_eq!(weeks[0][0], "Week");
    assert_eq!(weeks.len(), 2);
    assert_eq!(weeks[1][0], "2026-W49");
    assert_eq!(column(&weeks, 1), [column(&days, 1).iter().sum::<i64>()]);
    assert_eq!(weeks[1][1], "4");
    // The median of the four waits, not of the days' medians (20 and 40).
    assert_eq!(weeks[1][5..8], ["20,0", "40,0", "40,0"]);
    assert_eq!(days[4][5], "20,0", "Thursday's own median");

    let (status, html) = page(&manager, &app, &format!("/manage/history?{span}&per=week")).await;
    assert_eq!(status, 200);
    let rows = table_rows(&html, "periods");
    assert_eq!(rows[0][0], "week 49 (30 november 2026 – 6 december 2026)");
    assert_eq!(
        html.matches("class=\"chart-bar\"").count(),
        1,
        "a bar per week"
    );
    assert_matches(&html, "periods", &weeks, 1);

    let months = "site=stadskantoor&from=2026-11-20&to=2026-12-10&per=maand";
    let months = csv(&manager, &app, months).await;
    assert_eq!(months[0][0], "Maand");
    assert_eq!(months[1][0..2], ["2026-11", "0"]);
    assert_eq!(months[2][0..2], ["2026-12", "4"]);
    let (_, html) = page(
        &manager,
        &app,
        "/manage/history?site=stadskantoor&from=2026-11-20&to=2026-12-10&per=maand",
    )
    .await;
    assert_eq!(
        table_rows(&html, "periods")[0][0],
        "november 2026 (20 november 2026 – 30 november 2026)",
        "a month cut by the span holds only its days inside it"
    );

    let products = csv(&manager, &app, &format!("{span}&table=products")).await;
    assert_eq!(products[0], ["Product", "Dienst", "Aantal"]);
    assert_eq!(products[1], ["Rijbewijs afhalen", "Burgerzaken", "3"]);
    assert_eq!(
        products[2][0..3],
        ["Nieuwe PIN- en PUK-code", "Burgerzaken", "1"]
    );
    let (_, html) = page(&manager, &app, &format!("/manage/history?{span}")).await;
    assert_matches(&html, "products", &products, 0);
    let heat = csv(&manager, &app, &format!("{span}&table=heat")).await;
    assert_eq!(heat[0][0], "Weekdag");
    assert_matches(&html, "heat", &heat, 0);
}

#[tokio::test]
async fn a_department_or_product_narrows_the_figures_to_its_own_tickets() {
    let app = spawn_app().await;
    take_ticket(&app, "rijbewijs-afhalen").await;
    take_ticket(&app, "gft-sticker").await;
    let counter = open_counter(&app).await;
    serve_next(&app, &counter, 10, 5, &["rijbewijs-afhalen"]).await;
    serve_next(&app, &counter, 5, 5, &["gft-sticker"]).await;

    let manager = app.signed_in("manager").await;
    let span = "site=stadskantoor&from=2026-12-03&to=2026-12-03";
    let all = csv(&manager, &app, span).await;
    assert_eq!(all[1][1..6], ["2", "2", "0", "0", "10,0"]);
    let civil = csv(
        &manager,
        &app,
        &format!("{span}&filter=department:burgerzaken"),
    )
    .await;
    assert_eq!(civil[1][1..8], ["1", "1", "0", "0", "10,0", "10,0", "10,0"]);
    let waste = csv(&manager, &app, &format!("{span}&filter=department:afval")).await;
    assert_eq!(waste[1][1..8], ["1", "1", "0", "0", "20,0", "20,0", "20,0"]);
    let sticker = csv(
        &manager,
        &app,
        &format!("{span}&filter=product:gft-sticker"),
    )
    .await;
    assert_eq!(sticker[1], waste[1]);

    let (status, html) = page(
        &manager,
        &app,
        &format!("/manage/history?{span}&filter=department%3Aafval"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Cijfers voor: Afval"),
        "the page says what it shows"
    );
    assert!(html.contains(r#"<option value="department:afval" selected>"#));
    let products = table_rows(&html, "products");
    assert_eq!(products.len(), 1, "only the department's transactions");
    assert_eq!(products[0][0], "GFT-sticker");
}

#[tokio::test]
async fn the_online_share_counts_certificates_and_address_changes_online_and_at_the_counter() {
    let app = spawn_app().await;
    let residents = app.demo_residents().await;
    let number = |i: usize| residents[i]["national_number"].as_str().unwrap().to_owned();
    let citizen = app.citizen_token(&number(0)).await;
    for kind in ["attest-woonst", "attest-leven"] {
        let (status, created) = post(
            &app,
            "/api/v1/eloket/requests",
            &citizen,
            json!({"type": kind}),
        )
        .await;
        assert_eq!(status, 201, "{created}");
    }
    let employee = app.signed_in("balie1").await;
    let body = format!("national_number={}&kind=attest-leven", number(5));
    assert_eq!(
        form(&employee, &app, "/counter/certificates", &body)
            .await
            .0,
        303
    );
    take_ticket(&app, "rijbewijs-afhalen").await;
    let counter = open_counter(&app).await;
    serve_next(&app, &counter, 5, 5, &["attest-gezinssamenstelling"]).await;

    let entry = app
        .store
        .register_entry(&loket_domain::national_number::NationalNumber::parse(&number(0)).unwrap())
        .await
        .unwrap();
    let street = if entry.home.address.street == "Ladeuzeplein" {
        "Vismarkt"
    } else {
        "Ladeuzeplein"
    };
    let declaration = json!({"type": "adreswijziging", "street": street, "number": "7",
        "box": "", "postal_code": "3000", "city": "Leuven", "moving_date": "2026-12-10",
        "members": []});
    let (status, declared) = post(&app, "/api/v1/eloket/requests", &citizen, declaration).await;
    assert_eq!(status, 201, "{declared}");

    let manager = app.signed_in("manager").await;
    let span = "site=stadskantoor&from=2026-12-01&to=2026-12-31&per=maand";
    let online = csv(&manager, &app, &format!("{span}&table=online")).await;
    assert_eq!(
        online[0],
        [
            "Maand",
            "Attesten online",
            "Attesten aan het loket",
            "Attesten online (%)",
            "Adreswijzigingen online",
            "Adreswijzigingen aan het loket",
            "Adreswijzigingen online (%)"
        ]
    );
    assert_eq!(
        online[1],
        ["2026-12", "2", "2", "50,0", "1", "0", "100,0"],
        "two online, one made by an employee and one noted at a counter; the move declared online"
    );
    let (_, html) = page(&manager, &app, &format!("/manage/history?{span}")).await;
    assert_matches(&html, "online", &online, 1);
    assert!(!html.contains(&number(0)), "no national numbers");
}

#[tokio::test]
async fn sales_are_told_per_product_and_channel() {
    let app = spawn_app().await;
    let counter = app.token("balie1").await;
    let fast = json!({"site": "stadskantoor", "items": [{"product": "gft-120", "quantity": 2}],
                      "payment": "card"});
    assert_eq!(post(&app, "/api/v1/sales", &counter, fast).await.0, 201);
    let keeper = app.token("winkel1").await;
    let shop = json!({"site": "stadskantoor", "sales_point": "de-hoek",
                      "items": [{"product": "gft-40", "quantity": 1}], "payment": "cash"});
    let (status, sold) = post(&app, "/api/v1/sales", &keeper, shop).await;
    assert_eq!(status, 201, "{sold}");
    let shop_cents = sold["total_cents"].as_i64().unwrap();

    let holder = app.demo_residents().await[0]["national_number"]
        .as_str()
        .unwrap()
        .to_owned();
    let citizen = app.citizen_token(&holder).await;
    let card = json!({"type": "bewonerskaart", "plate": "1-ABC-123", "duration": "year"});
    let (status, created) = post(&app, "/api/v1/eloket/requests", &citizen, card).await;
    assert_eq!(status, 201, "{created}");
    let reference = created["payment_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let paid = form(
        &app.browser(),
        &app,
        &format!("/pay/test/{reference}"),
        "outcome=paid",
    )
    .await;
    assert_eq!(paid.0, 303);
    let fee = app.store.parking_cards_of(&holder).await.unwrap()[0].fee_cents;

    let manager = app.signed_in("manager").await;
    let span = "site=stadskantoor&from=2026-12-03&to=2026-12-03";
    let sales = csv(&manager, &app, &format!("{span}&table=sales")).await;
    assert_eq!(
        sales[0],
        [
            "Product",
            "Snelloket aantal",
            "Snelloket bedrag (euro)",
            "Partnerwinkels aantal",
            "Partnerwinkels bedrag (euro)",
            "Online aantal",
            "Online bedrag (euro)"
        ]
    );
    let euro = |cents: i64| format!("{},{:02}", cents / 100, cents % 100);
    let sticker = sales.iter().find(|row| row[0] == "GFT-sticker").unwrap();
    assert_eq!(
        sticker[1..],
        ["2", "100,00", "1", &euro(shop_cents), "0", "0,00"]
    );
    let parking = sales
        .iter()
        .find(|row| row[0] == "Bewonerskaart (parkeren)")
        .unwrap();
    assert_eq!(parking[1..], ["0", "0,00", "0", "0,00", "1", &euro(fee)]);
    let (_, html) = page(&manager, &app, &format!("/manage/history?{span}")).await;
    assert_matches(&html, "sales", &sales, 0);
    assert!(!html.contains("1-ABC-123"), "no plates, no names");
}

#[tokio::test]
async fn a_wrong_question_is_told_and_kept_and_only_managers_see_the_history() {
    let app = spawn_app().await;
    let manager = app.signed_in("manager").await;
    let wrong = "/manage/history?site=stadskantoor&from=2026-12-01&to=2026-12-31&per=jaar&filter=product%3Anergens";
    let (status, html) = page(&manager, &app, wrong).await;
    assert_eq!(status, 422);
    assert!(html.contains("Kies dag, week of maand."));
    assert!(html.contains("Kies een dienst of product uit de lijst."));
    assert!(html.contains(r#"value="2026-12-01""#), "the dates are kept");
    let (status, html) = page(&manager, &app, &wrong.replace("history?", "history.csv?")).await;
    assert_eq!(
        status, 422,
        "a CSV of a wrong question is the page with its errors"
    );
    assert!(html.contains("Kies dag, week of maand."));

    let question = "/manage/history.csv?site=stadskantoor&from=2026-12-01&to=2026-12-31&per=week";
    let french = manager
        .get(app.url(question))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap();
    let text = french.text().await.unwrap();
    assert!(
        text.starts_with("\u{feff}Semaine;Visiteurs;Tickets;"),
        "{text}"
    );
    assert!(text.contains("\r\n2026-W49;0;"));

    let counter = app.signed_in("balie1").await;
    for path in [
        "/manage/history?per=week",
        "/manage/history.csv?table=sales",
    ] {
        assert_eq!(page(&counter, &app, path).await.0, 403, "{path}");
    }
}
