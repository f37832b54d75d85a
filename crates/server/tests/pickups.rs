//! Documents ready for pickup at the fast counter, over the API and the pages: registering tells
//! the holder, every lookup is audited, national numbers stay masked, a document is handed over
//! once however many counters try, a wrong line in the day's list stores nothing, and only the
//! roles of the fast counter see any of it.

mod support;

use jiff::SignedDuration;
use serde_json::{Value, json};
use support::{TestApp, get, post, spawn_app};

const NUMBER: &str = "85.07.30-033.28";
const DIGITS: &str = "85073003328";

async fn register(app: &TestApp, token: &str, body: Value) -> Value {
    let (status, registered) = post(app, "/api/v1/pickups", token, body).await;
    assert_eq!(status, 201, "{registered}");
    registered
}

fn jan() -> Value {
    json!({"site": "stadskantoor", "product": "eid-afhalen", "holder_name": "Jan Peeters",
           "national_number": NUMBER, "email": "jan.peeters@example.be", "language": "en"})
}

async fn pickup_searches(app: &TestApp) -> Vec<loket_store::audit::AuditEntry> {
    app.store
        .audit_entries(1000)
        .await
        .unwrap()
        .into_iter()
        .filter(|entry| entry.action == "pickup.search")
        .collect()
}

#[tokio::test]
async fn a_registered_document_is_mailed_found_and_handed_over_once() {
    let app = spawn_app().await;
    let token = app.token("balie1").await;
    let registered = register(&app, &token, jan()).await;
    assert_eq!(registered["status"], "ready");
    let code = registered["pickup_code"].as_str().unwrap().to_owned();

    let mail = app.store.outbox(1).await.unwrap().remove(0).mail;
    assert_eq!(mail.recipient, "jan.peeters@example.be");
    assert!(mail.subject.contains(&code), "{}", mail.subject);
    for text in [&mail.text, &mail.html] {
        assert!(text.contains(&code));
        assert!(
            text.contains("Identity card (eID)"),
            "in the holder's language"
        );
        assert!(
            text.contains("The letter with your PIN and PUK codes"),
            "what to bring"
        );
        assert!(text.contains("proxy form"));
        assert!(text.contains("three months"));
        assert!(text.contains("http://loket.test/opening-hours"));
        assert!(
            !text.contains("033") && !text.contains(DIGITS),
            "no national number"
        );
    }

    for query in ["peeters", code.to_lowercase().as_str(), NUMBER, DIGITS] {
        let (status, found) = get(
            &app,
            &format!("/api/v1/pickups?site=stadskantoor&q={}", urlencode(query)),
            &token,
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(found.as_array().unwrap().len(), 1, "{query}: {found}");
        assert_eq!(found[0]["national_number"], "85.07.30-***.**");
        assert_eq!(found[0]["document"], "Identiteitskaart (eID)");
        assert!(!found.to_string().contains("033"));
    }
    let searches = pickup_searches(&app).await;
    assert_eq!(searches.len(), 4, "one audit entry per lookup");
    assert!(
        searches
            .iter()
            .all(|entry| entry.actor.as_deref() == Some("balie1"))
    );
    assert!(searches.iter().all(|entry| !entry.detail.contains("033")));
    assert!(
        searches
            .iter()
            .any(|entry| entry.detail.starts_with("85.07.30-***.**"))
    );
    assert!(
        searches
            .iter()
            .any(|entry| entry.detail.starts_with("peeters"))
    );

    let id = registered["id"].as_i64().unwrap();
    let path = format!("/api/v1/pickups/{id}/hand-over");
    let (status, body) = post(&app, &path, &token, json!({"proxy": true})).await;
    assert_eq!((status, body), (200, json!({"status": "picked_up"})));
    let (status, problem) = post(&app, &path, &token, json!({"proxy": false})).await;
    assert_eq!(status, 409);
    assert_eq!(problem["detail"], "Dit document is al afgehaald.");
    let (_, found) = get(&app, "/api/v1/pickups?q=peeters", &token).await;
    assert_eq!(found[0]["status"], "picked_up");
    assert_eq!(
        found[0]["by_proxy"], true,
        "the first hand-over's proxy stays"
    );
    assert_eq!(found[0]["picked_up_at"], "2026-12-03T10:00:00+01:00");
}

fn urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("", text)]).unwrap()[1..].to_owned()
}

#[tokio::test]
async fn wrong_input_is_refused_per_field_and_stores_nothing() {
    let app = spawn_app().await;
    let token = app.token("backoffice1").await;
    let (status, problem) = post(
        &app,
        "/api/v1/pickups",
        &token,
        json!({"site": "stadskantoor", "product": "gft-sticker", "holder_name": " ",
               "national_number": "85.07.30-033.29", "email": "jan@", "phone": "12", "language": "de"}),
    )
    .await;
    assert_eq!(status, 422);
    let errors = problem["errors"].as_object().unwrap();
    let mut fields: Vec<&str> = errors.keys().map(String::as_str).collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "email",
            "holder_name",
            "language",
            "national_number",
            "phone",
            "product"
        ]
    );
    assert!(app.store.outbox(10).await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn of_thirty_counters_handing_over_one_document_at_once_exactly_one_succeeds() {
    let app = spawn_app().await;
    let token = app.token("balie1").await;
    let id = register(&app, &token, jan()).await["id"].as_i64().unwrap();
    let url = app.url(&format!("/api/v1/pickups/{id}/hand-over"));
    let attempts: Vec<_> = (0..30)
        .map(|_| {
            let (url, token) = (url.clone(), token.clone());
            tokio::spawn(async move {
                reqwest::Client::new()
                    .post(url)
                    .bearer_auth(token)
                    .json(&json!({"proxy": false}))
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for attempt in attempts {
        statuses.push(attempt.await.unwrap());
    }
    statuses.sort();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        29,
        "{statuses:?}"
    );
}

#[tokio::test]
async fn documents_waiting_more_than_three_months_are_listed_to_send_back() {
    let app = spawn_app().await;
    let token = app.token("balie2").await;
    let old = register(&app, &token, jan()).await["id"].as_i64().unwrap();
    app.clock.advance(SignedDuration::from_hours(24 * 60));
    let token = app.token("balie2").await;
    register(&app, &token, jan()).await;
    app.clock.advance(SignedDuration::from_hours(24 * 35));
    let token = app.token("balie2").await;

    let (status, waiting) = get(&app, "/api/v1/pickups/to-return?site=stadskantoor", &token).await;
    assert_eq!(status, 200);
    let ids: Vec<i64> = waiting
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [old]);
    assert_eq!(waiting[0]["national_number"], "85.07.30-***.**");

    let (status, body) = post(
        &app,
        &format!("/api/v1/pickups/{old}/return"),
        &token,
        json!({}),
    )
    .await;
    assert_eq!((status, body), (200, json!({"status": "returned"})));
    let (status, problem) = post(
        &app,
        &format!("/api/v1/pickups/{old}/hand-over"),
        &token,
        json!({}),
    )
    .await;
    assert_eq!(status, 409);
    assert_eq!(
        problem["detail"],
        "Dit document is teruggestuurd; het kan niet meer afgegeven worden."
    );
    let (_, waiting) = get(&app, "/api/v1/pickups/to-return?site=stadskantoor", &token).await;
    assert_eq!(waiting, json!([]));
}

#[tokio::test]
async fn only_the_fast_counter_roles_search_and_hand_over_and_the_back_office_registers() {
    let app = spawn_app().await;
    let counter = app.token("balie1").await;
    let id = register(&app, &counter, jan()).await["id"]
        .as_i64()
        .unwrap();
    for username in ["onthaal", "telefoon", "winkel1"] {
        let token = app.token(username).await;
        let (status, _) = post(&app, "/api/v1/pickups", &token, jan()).await;
        assert_eq!(status, 403, "{username} registers");
        for path in ["/api/v1/pickups?q=peeters", "/api/v1/pickups/to-return"] {
            let (status, body) = get(&app, path, &token).await;
            assert_eq!(status, 403, "{username} {path}");
            assert!(!body.to_string().contains("Peeters"));
        }
        for action in ["hand-over", "return"] {
            let path = format!("/api/v1/pickups/{id}/{action}");
            assert_eq!(
                post(&app, &path, &token, json!({})).await.0,
                403,
                "{username} {action}"
            );
        }
    }
    let back_office = app.token("backoffice1").await;
    register(&app, &back_office, jan()).await;
    assert_eq!(
        get(&app, "/api/v1/pickups?q=peeters", &back_office).await.0,
        403
    );
    for username in ["manager", "admin"] {
        let token = app.token(username).await;
        let (status, found) = get(&app, "/api/v1/pickups?q=peeters", &token).await;
        assert_eq!(
            (status, found.as_array().unwrap().len()),
            (200, 2),
            "{username}"
        );
    }
    assert_eq!(app.store.pickup(id).await.unwrap().status.code(), "ready");
}

async fn page(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

#[tokio::test]
async fn the_pages_refuse_other_roles_and_show_no_personal_data_to_a_shop() {
    let app = spawn_app().await;
    let counter = app.token("balie1").await;
    let mut holder = jan();
    holder["holder_name"] = json!("Wouter Vermeulen");
    let id = register(&app, &counter, holder).await["id"]
        .as_i64()
        .unwrap();
    let paths = [
        "/fast-counter?q=vermeulen",
        "/fast-counter/pickups/new",
        "/fast-counter/pickups/import",
        "/fast-counter/pickups/return",
    ];
    for username in ["onthaal", "telefoon", "winkel1"] {
        let browser = app.signed_in(username).await;
        for path in paths {
            let (status, html) = page(&browser, &app, path).await;
            assert_eq!(status, 403, "{username} {path}");
            assert!(
                !html.contains("Vermeulen") && !html.contains("85.07.30"),
                "{username} {path}: {html}"
            );
        }
        let (status, html) = page(&browser, &app, "/staff").await;
        assert_eq!(status, 200);
        assert!(
            !html.contains("/fast-counter"),
            "{username} has no fast counter task"
        );
        let response = browser
            .post(app.url(&format!("/fast-counter/pickups/{id}/hand-over")))
            .form(&[("site", "stadskantoor")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403);
    }
    let back_office = app.signed_in("backoffice1").await;
    assert_eq!(
        page(&back_office, &app, "/fast-counter?q=vermeulen")
            .await
            .0,
        403
    );
    assert_eq!(
        page(&back_office, &app, "/fast-counter/pickups/new")
            .await
            .0,
        200
    );
    let (_, home) = page(&back_office, &app, "/staff").await;
    assert!(home.contains("/fast-counter/pickups/new"));
    let (_, home) = page(&app.signed_in("balie1").await, &app, "/staff").await;
    assert!(home.contains("href=\"/fast-counter\""));
    assert_eq!(app.store.pickup(id).await.unwrap().status.code(), "ready");
}

#[tokio::test]
async fn the_counter_registers_finds_and_hands_over_on_the_pages() {
    let app = spawn_app().await;
    let browser = app.signed_in("balie1").await;
    let wrong = browser
        .post(app.url("/fast-counter/pickups/new"))
        .form(&[
            ("site", "stadskantoor"),
            ("product", "reispas-aanvraag"),
            ("holder_name", "Fatima El Amrani"),
            ("national_number", "85.07.30-033.29"),
            ("phone", "0470 12 34 56"),
            ("language", "fr"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    let html = wrong.text().await.unwrap();
    assert!(html.contains("value=\"Fatima El Amrani\""), "input kept");
    assert!(html.contains("value=\"0470 12 34 56\""));
    assert!(html.contains("f-national_number-error"));

    let done = browser
        .post(app.url("/fast-counter/pickups/new"))
        .form(&[
            ("site", "stadskantoor"),
            ("product", "reispas-aanvraag"),
            ("holder_name", "Fatima El Amrani"),
            ("national_number", NUMBER),
            ("phone", "0470 12 34 56"),
            ("language", "fr"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 303);
    let location = done.headers()["location"].to_str().unwrap().to_owned();
    let (_, confirmation) = page(&browser, &app, &location).await;
    assert!(confirmation.contains("De houder krijgt een sms op 0470 12 34 56 met de afhaalcode."));
    assert!(confirmation.contains("85.07.30-***.**") && !confirmation.contains("033.28"));
    let outbox = app.store.outbox(10).await.unwrap();
    assert_eq!(outbox.len(), 1, "no e-mail address: one text message");
    let text = &outbox[0];
    assert_eq!(text.channel, loket_store::outbox::OutboxChannel::Sms);
    assert_eq!(text.mail.recipient, "+32470123456");
    assert!(
        text.mail.text.contains("Passeport"),
        "in the holder's language: {}",
        text.mail.text
    );
    assert!(text.mail.text.contains("Stadskantoor Leuven"));
    assert!(!text.mail.text.contains("85") || !text.mail.text.contains("033"));

    // A landline cannot take a text message: staff are told to call.
    let landline = browser
        .post(app.url("/fast-counter/pickups/new"))
        .form(&[
            ("site", "stadskantoor"),
            ("product", "rijbewijs-afhalen"),
            ("holder_name", "Jos Peeters"),
            ("phone", "016 27 28 29"),
            ("language", "nl"),
        ])
        .send()
        .await
        .unwrap();
    let location = landline.headers()["location"].to_str().unwrap().to_owned();
    let (_, confirmation) = page(&browser, &app, &location).await;
    assert!(
        confirmation.contains("Geen e-mailadres en geen gsm-nummer"),
        "{confirmation}"
    );
    assert_eq!(
        app.store.outbox(10).await.unwrap().len(),
        1,
        "nothing more queued"
    );

    let (status, results) = page(&browser, &app, "/fast-counter?q=amrani").await;
    assert_eq!(status, 200);
    assert!(results.contains("Reispas") && results.contains("85.07.30-***.**"));
    assert!(!results.contains("033.28"));
    let pickup = app
        .store
        .find_pickups(
            app.store.site("stadskantoor").await.unwrap().id,
            &loket_store::pickups::PickupSearch {
                name: "amrani".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .remove(0);
    let hand_over = |proxy: bool| {
        let mut form = vec![("site", "stadskantoor"), ("q", "amrani")];
        if proxy {
            form.push(("proxy", "yes"));
        }
        browser
            .post(app.url(&format!("/fast-counter/pickups/{}/hand-over", pickup.id)))
            .form(&form)
            .send()
    };
    let handed = hand_over(true).await.unwrap();
    assert_eq!(handed.status(), 303);
    let location = handed.headers()["location"].to_str().unwrap().to_owned();
    let (_, after) = page(&browser, &app, &location).await;
    assert!(after.contains("Afgegeven: Reispas van Fatima El Amrani, aan een volmachthouder"));
    assert!(after.contains("Afgehaald"));
    let refused = hand_over(false).await.unwrap();
    assert_eq!(refused.status(), 409);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("Dit document is al afgehaald.")
    );
}

fn multipart(csv: &str) -> (String, String) {
    let boundary = "loket-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"site\"\r\n\r\nstadskantoor\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dag.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n"
    );
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(app: &TestApp, browser: &reqwest::Client, csv: &str) -> reqwest::Response {
    let (content_type, body) = multipart(csv);
    browser
        .post(app.url("/fast-counter/pickups/import"))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_imported_list_with_one_wrong_line_stores_nothing() {
    let app = spawn_app().await;
    let browser = app.signed_in("backoffice1").await;
    let wrong = upload(
        &app,
        &browser,
        "product,holder_name,national_number,email,phone,language\n\
         eid-afhalen,Jan Peeters,85.07.30-033.28,jan@example.be,,nl\n\
         pin-puk,Marie Dubois,,marie@,,fr\n\
         rijbewijs-afhalen,Ahmed Yilmaz,,,0470 12 34 56,xx\n",
    )
    .await;
    assert_eq!(wrong.status(), 422);
    let html = wrong.text().await.unwrap();
    assert!(html.contains("Regel 3: email"), "{html}");
    assert!(html.contains("Regel 4: language"));
    assert!(!html.contains("Regel 2"));
    let site = app.store.site("stadskantoor").await.unwrap().id;
    let everyone = loket_store::pickups::PickupSearch {
        name: "e".into(),
        ..Default::default()
    };
    assert!(
        app.store
            .find_pickups(site, &everyone)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(app.store.outbox(10).await.unwrap().is_empty());

    let stored = upload(
        &app,
        &browser,
        "product;holder_name;national_number;email;phone;language\n\
         eid-afhalen;Jan Peeters;85.07.30-033.28;jan@example.be;;nl\n\
         pin-puk;Marie Dubois;;marie@example.be;;fr\n\
         rijbewijs-afhalen;Ahmed Yilmaz;;;0470 12 34 56;en\n",
    )
    .await;
    assert_eq!(stored.status(), 303);
    let location = stored.headers()["location"].to_str().unwrap().to_owned();
    let (_, done) = page(&browser, &app, &location).await;
    assert!(done.contains("3 documenten geregistreerd."), "{done}");
    assert!(
        done.contains("3 houders krijgen een e-mail of sms."),
        "{done}"
    );
    assert_eq!(
        app.store.find_pickups(site, &everyone).await.unwrap().len(),
        3
    );
    let messages = app.store.outbox(10).await.unwrap();
    let (texts, mails): (Vec<_>, Vec<_>) = messages
        .iter()
        .partition(|m| m.channel == loket_store::outbox::OutboxChannel::Sms);
    assert_eq!((mails.len(), texts.len()), (2, 1));
    assert_eq!(texts[0].mail.recipient, "+32470123456");
    let french = mails
        .iter()
        .find(|m| m.mail.recipient == "marie@example.be")
        .unwrap();
    assert!(
        french
            .mail
            .subject
            .starts_with("Prêt à être retiré : Codes PIN et PUK")
    );
}

#[tokio::test]
async fn the_return_page_lists_documents_left_three_months_and_marks_them_sent_back() {
    let app = spawn_app().await;
    let token = app.token("balie1").await;
    let id = register(&app, &token, jan()).await["id"].as_i64().unwrap();
    let browser = app.signed_in("balie1").await;
    let (_, fresh) = page(&browser, &app, "/fast-counter/pickups/return").await;
    assert!(fresh.contains("Geen enkel document wacht al langer dan drie maanden."));

    app.clock.advance(SignedDuration::from_hours(24 * 93));
    let browser = app.signed_in("balie1").await;
    let (status, listed) = page(&browser, &app, "/fast-counter/pickups/return").await;
    assert_eq!(status, 200);
    assert!(listed.contains("Jan Peeters") && listed.contains("85.07.30-***.**"));
    assert!(!listed.contains("033.28"));
    let returned = browser
        .post(app.url(&format!("/fast-counter/pickups/{id}/return")))
        .form(&[("site", "stadskantoor")])
        .send()
        .await
        .unwrap();
    assert_eq!(returned.status(), 303);
    let location = returned.headers()["location"].to_str().unwrap().to_owned();
    let (_, after) = page(&browser, &app, &location).await;
    assert!(after.contains("Aangeduid als teruggestuurd: Identiteitskaart (eID) van Jan Peeters."));
    assert!(after.contains("Geen enkel document wacht al langer dan drie maanden."));
    assert_eq!(
        app.store.pickup(id).await.unwrap().status.code(),
        "returned"
    );
}
