//! Residents' parking cards over HTTP: applied for, paid with the demo's test provider and
//! delivered as a genuine document in the e-box; at most two per housing unit, however many
//! apply at once; paid once however often confirmed; reminded once a month before the end;
//! renewed from the day after; stopped at once; checked by parking enforcement.

mod support;

use jiff::SignedDuration;
use loket_domain::national_number::NationalNumber;
use loket_server::AppOptions;
use loket_store::StoreError;
use loket_store::citizens::Assurance;
use loket_store::parking::{CardStatus, ParkingCard};
use loket_store::register::StreetInput;
use serde_json::{Value, json};
use support::{TestApp, api, form, get, page, post, spawn_app, spawn_app_with};

/// A demo resident (eleven digits) whose street has a parking zone, with the zone.
async fn resident(app: &TestApp) -> (String, String) {
    let first = app.demo_residents().await[0]["national_number"]
        .as_str()
        .unwrap()
        .to_owned();
    let home = app
        .store
        .housing_unit_of(&NationalNumber::parse(&first).unwrap())
        .await
        .unwrap();
    (first, home.parking_zone.unwrap())
}

/// A demo resident who does not live with `other`.
async fn neighbour(app: &TestApp, other: &str) -> String {
    let home = |digits: String| async move {
        app.store
            .housing_unit_of(&NationalNumber::parse(&digits).unwrap())
            .await
            .unwrap()
            .address_id
    };
    let theirs = home(other.to_owned()).await;
    for resident in app.demo_residents().await {
        let digits = resident["national_number"].as_str().unwrap().to_owned();
        if home(digits.clone()).await != theirs {
            return digits;
        }
    }
    panic!("every demo resident lives together");
}

/// An application as API.md writes it: the client asked the citizen for the statements itself.
fn card_request(plate: &str, duration: &str) -> Value {
    json!({"type": "bewonerskaart", "plate": plate, "duration": duration})
}

async fn apply(app: &TestApp, token: &str, plate: &str, duration: &str) -> (u16, Value) {
    post(
        app,
        "/api/v1/eloket/requests",
        token,
        card_request(plate, duration),
    )
    .await
}

/// The payment reference at the end of the payment address of an application.
fn reference(created: &Value) -> String {
    let url = created["payment_url"].as_str().unwrap();
    url.rsplit('/').next().unwrap().to_owned()
}

/// The citizen confirms (or cancels) the test payment, as its page's button does.
async fn confirm(app: &TestApp, reference: &str, outcome: &str) -> u16 {
    let (status, _) = form(
        &app.browser(),
        app,
        &format!("/pay/test/{reference}"),
        &format!("outcome={outcome}"),
    )
    .await;
    status
}

async fn cards(app: &TestApp, holder: &str) -> Vec<ParkingCard> {
    app.store.parking_cards_of(holder).await.unwrap()
}

async fn check(app: &TestApp, plate: &str) -> Value {
    let token = app.token("backoffice1").await;
    let (status, answer) = get(
        app,
        &format!("/api/v1/permits/check?plate={}", plate.replace(' ', "%20")),
        &token,
    )
    .await;
    assert_eq!(status, 200, "{answer}");
    answer
}

/// Applies for a card for `plate` and pays it; the card.
async fn issued_card(app: &TestApp, holder: &str, plate: &str, duration: &str) -> ParkingCard {
    let token = app.citizen_token(holder).await;
    let (status, created) = apply(app, &token, plate, duration).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(confirm(app, &reference(&created), "paid").await, 303);
    let card = cards(app, holder).await.remove(0);
    assert_eq!(card.status, CardStatus::Issued);
    card
}

#[tokio::test]
async fn a_card_applied_for_and_paid_is_in_the_ebox_verifies_and_lets_the_plate_park() {
    let app = spawn_app().await;
    let (holder, zone) = resident(&app).await;
    let token = app.citizen_token(&holder).await;

    let (status, created) = apply(&app, &token, "1abc123", "year").await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["status"], "awaiting_payment");
    assert_eq!(created["fee_cents"], 6000);
    let reference = reference(&created);
    assert_eq!(
        created["payment_url"],
        format!("http://loket.test/pay/test/{reference}")
    );
    assert_eq!(check(&app, "1-ABC-123").await["valid"], false);

    let (status, payment) = page(&app.browser(), &app, &format!("/pay/test/{reference}")).await;
    assert_eq!(status, 200);
    assert!(payment.contains("Testbetaling") && payment.contains("geen geld"));
    assert!(payment.contains("€ 60,00"), "{payment}");
    assert_eq!(confirm(&app, &reference, "paid").await, 303);

    let (_, ebox) = get(&app, "/api/v1/ebox", &token).await;
    let messages = ebox.as_array().unwrap();
    assert_eq!(messages.len(), 1);
    assert_eq!(
        messages[0]["subject"],
        "Uw bewonerskaart voor 1-ABC-123 staat klaar"
    );
    let body = messages[0]["body"].as_str().unwrap();
    assert!(
        body.contains("van donderdag 3 december 2026 tot en met donderdag 2 december 2027"),
        "{body}"
    );
    assert_eq!(messages[0]["document"]["type"], "bewonerskaart");
    let request = app.store.requests_of(&holder).await.unwrap().remove(0);
    assert_eq!(request.status.code(), "issued");

    let document = messages[0]["document"]["id"].as_i64().unwrap();
    let (_, pdf) = app.ebox_document(&token, document).await;
    let verdict = app.verify_file(pdf).await;
    assert_eq!(verdict["valid"], true);
    assert_eq!(verdict["type"], "bewonerskaart");
    let code = messages[0]["document"]["verification_code"]
        .as_str()
        .unwrap();
    let (_, found) = page(&app.browser(), &app, &format!("/verify?code={code}")).await;
    assert!(found.contains("bewonerskaart"), "{found}");

    let answer = check(&app, " 1 abc-123").await;
    assert_eq!(
        answer,
        json!({"plate": "1-ABC-123", "valid": true, "zone": zone, "valid_until": "2027-12-02"})
    );
    assert_eq!(check(&app, "2-ABC-123").await["valid"], false);

    let (_, list) = page(
        &app.citizen_browser(&holder).await,
        &app,
        "/eloket/parking-cards",
    )
    .await;
    assert!(
        list.contains("1-ABC-123") && list.contains("Geldig"),
        "{list}"
    );
}

#[tokio::test]
async fn only_the_back_office_checks_plates() {
    let app = spawn_app().await;
    let path = "/api/v1/permits/check?plate=1-ABC-123";
    let (status, _) = api(&app, reqwest::Method::GET, path, None, None).await;
    assert_eq!(status, 401);
    let (status, _) = get(&app, path, &app.token("winkel1").await).await;
    assert_eq!(status, 403);
    let (holder, _) = resident(&app).await;
    let (status, _) = get(&app, path, &app.citizen_token(&holder).await).await;
    assert_eq!(status, 401);
    let (status, answer) = get(
        &app,
        "/api/v1/permits/check?plate=AB-12",
        &app.token("admin").await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(answer["errors"]["plate"].is_string(), "{answer}");
}

#[tokio::test]
async fn the_second_card_costs_more_and_a_third_is_refused_even_while_the_second_waits() {
    let app = spawn_app().await;
    let (holder, _) = resident(&app).await;
    issued_card(&app, &holder, "1-ABC-123", "year").await;
    let token = app.citizen_token(&holder).await;

    let (status, second) = apply(&app, &token, "1-XYZ-789", "quarter").await;
    assert_eq!(status, 201, "{second}");
    assert_eq!(second["fee_cents"], 9000);
    assert_eq!(second["status"], "awaiting_payment");

    let (status, third) = apply(&app, &token, "2-DEF-456", "year").await;
    assert_eq!(status, 409, "{third}");
    assert!(
        third["detail"]
            .as_str()
            .unwrap()
            .contains("al twee bewonerskaarten"),
        "{third}"
    );
    // Abandoning the second payment frees its place.
    assert_eq!(confirm(&app, &reference(&second), "cancelled").await, 303);
    let (status, again) = apply(&app, &token, "2-DEF-456", "year").await;
    assert_eq!(status, 201, "{again}");
    assert_eq!(again["fee_cents"], 30000);

    let (_, form_page) = page(
        &app.citizen_browser(&holder).await,
        &app,
        "/eloket/parking-card",
    )
    .await;
    assert!(form_page.contains("al twee bewonerskaarten"), "{form_page}");
}

#[tokio::test]
async fn ten_applications_at_once_for_one_housing_unit_get_two_cards_at_most() {
    let app = spawn_app().await;
    let (holder, _) = resident(&app).await;
    let token = app.citizen_token(&holder).await;
    let plates: Vec<String> = (0..10).map(|i| format!("1-ABC-10{i}")).collect();
    let answers = futures_util::future::join_all(
        plates
            .iter()
            .map(|plate| apply(&app, &token, plate, "year")),
    )
    .await;
    let accepted = answers.iter().filter(|(status, _)| *status == 201).count();
    let refused = answers.iter().filter(|(status, _)| *status == 409).count();
    assert_eq!((accepted, refused), (2, 8), "{answers:?}");
    assert_eq!(cards(&app, &holder).await.len(), 2);
    let mut fees: Vec<i64> = answers
        .iter()
        .filter_map(|(_, answer)| answer["fee_cents"].as_i64())
        .collect();
    fees.sort();
    assert_eq!(fees, [6_000, 30_000]);
}

#[tokio::test]
async fn one_plate_holds_one_card_at_a_time() {
    let app = spawn_app().await;
    let (holder, _) = resident(&app).await;
    issued_card(&app, &holder, "1-ABC-123", "year").await;
    let other = neighbour(&app, &holder).await;
    let (status, answer) = apply(&app, &app.citizen_token(&other).await, "1abc123", "year").await;
    assert_eq!(status, 409, "{answer}");
    assert!(answer["detail"].as_str().unwrap().contains("nummerplaat"));
}

#[tokio::test]
async fn a_payment_confirmed_twice_at_once_issues_the_card_once() {
    let app = spawn_app().await;
    let (holder, _) = resident(&app).await;
    let token = app.citizen_token(&holder).await;
    let (_, created) = apply(&app, &token, "1-ABC-123", "year").await;
    let reference = reference(&created);
    let second_node = app.second_node().await;
    let confirmations = (0..6).map(|i| {
        let base = if i % 2 == 0 {
            app.base.clone()
        } else {
            second_node.clone()
        };
        let reference = reference.clone();
        async move {
            reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap()
                .post(format!("{base}/pay/test/{reference}"))
                .form(&[("outcome", "paid")])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    });
    let statuses = futures_util::future::join_all(confirmations).await;
    assert!(statuses.iter().all(|status| *status == 303), "{statuses:?}");
    assert_eq!(app.store.ebox(&holder).await.unwrap().len(), 1);
    assert_eq!(
        app.store.documents_of(&holder).await.unwrap().len(),
        1,
        "one card document"
    );
    assert_eq!(cards(&app, &holder).await[0].status, CardStatus::Issued);
    // Cancelling after the payment changes nothing.
    assert_eq!(confirm(&app, &reference, "cancelled").await, 303);
    assert_eq!(cards(&app, &holder).await[0].status, CardStatus::Issued);
}

#[tokio::test]
async fn the_holder_is_reminded_once_a_month_before_the_end_and_not_before() {
    let app = spawn_app().await;
    let (holder, _) = resident(&app).await;
    let card = issued_card(&app, &holder, "1-ABC-123", "quarter").await;
    assert_eq!(card.last_day.to_string(), "2027-03-02");
    let state = app.state().await;
    let other_node = app.state().await;

    app.clock.set("2027-02-01T20:00:00Z".parse().unwrap());
    assert_eq!(
        loket_server::eloket::parking::send_reminders(&state)
            .await
            .unwrap(),
        0
    );
    app.clock.set("2027-02-02T07:00:00Z".parse().unwrap());
    let (first, second) = tokio::join!(
        loket_server::eloket::parking::send_reminders(&state),
        loket_server::eloket::parking::send_reminders(&other_node),
    );
    assert_eq!(first.unwrap() + second.unwrap(), 1);
    assert_eq!(
        loket_server::eloket::parking::send_reminders(&state)
            .await
            .unwrap(),
        0
    );
    let ebox = app.store.ebox(&holder).await.unwrap();
    let reminders: Vec<_> = ebox
        .iter()
        .filter(|message| message.kind == "parking-card-reminder")
        .collect();
    assert_eq!(reminders.len(), 1);
    let (_, listed) = get(&app, "/api/v1/ebox", &app.citizen_token(&holder).await).await;
    assert_eq!(
        listed[0]["subject"],
        "Uw bewonerskaart voor 1-ABC-123 loopt bijna af"
    );
    assert!(
        listed[0]["body"]
            .as_str()
            .unwrap()
            .contains("tot en met dinsdag 2 maart 2027")
    );
}

#[tokio::test]
async fn a_renewal_in_two_clicks_starts_the_day_after_the_old_card_ends() {
    let app = spawn_app().await;
    let (holder, zone) = resident(&app).await;
    let card = issued_card(&app, &holder, "1-ABC-123", "quarter").await;
    let browser = app.citizen_browser(&holder).await;

    let (status, confirm_page) = page(
        &browser,
        &app,
        &format!("/eloket/parking-cards/{}/renew", card.id),
    )
    .await;
    assert_eq!(status, 200);
    assert!(confirm_page.contains("€ 20,00"), "{confirm_page}");
    assert!(
        confirm_page.contains("woensdag 3 maart 2027"),
        "{confirm_page}"
    );
    let (status, to) = form(
        &browser,
        &app,
        &format!("/eloket/parking-cards/{}/renew", card.id),
        "",
    )
    .await;
    assert_eq!(status, 303);
    assert!(to.starts_with("/pay/test/"), "{to}");
    let reference = to.trim_start_matches("/pay/test/");
    assert_eq!(confirm(&app, reference, "paid").await, 303);

    let renewal = cards(&app, &holder).await.remove(0);
    assert_eq!(renewal.renewal_of, Some(card.id));
    assert_eq!(renewal.status, CardStatus::Issued);
    assert_eq!(renewal.first_day.to_string(), "2027-03-03");
    assert_eq!(renewal.last_day.to_string(), "2027-06-02");
    assert_eq!(renewal.fee_cents, 2_000);
    // A card renewed already is not renewed twice.
    let (status, _) = form(
        &browser,
        &app,
        &format!("/eloket/parking-cards/{}/renew", card.id),
        "",
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(check(&app, "1-ABC-123").await["valid_until"], "2027-03-02");
    app.clock.set("2027-03-03T08:00:00Z".parse().unwrap());
    assert_eq!(
        check(&app, "1-ABC-123").await,
        json!({"plate": "1-ABC-123", "valid": true, "zone": zone, "valid_until": "2027-06-02"})
    );
}

#[tokio::test]
async fn a_stopped_card_is_no_longer_valid_at_once() {
    let app = spawn_app().await;
    let (holder, _) = resident(&app).await;
    let card = issued_card(&app, &holder, "1-ABC-123", "year").await;
    let browser = app.citizen_browser(&holder).await;
    let stop = format!("/eloket/parking-cards/{}/stop", card.id);
    let (status, confirm_page) = page(&browser, &app, &stop).await;
    assert_eq!(status, 200);
    assert!(confirm_page.contains("geen geld terug"), "{confirm_page}");
    assert_eq!(check(&app, "1-ABC-123").await["valid"], true);
    let (status, to) = form(&browser, &app, &stop, "").await;
    assert_eq!((status, to.as_str()), (303, "/eloket/parking-cards"));
    assert_eq!(
        check(&app, "1-ABC-123").await,
        json!({"plate": "1-ABC-123", "valid": false})
    );
    assert_eq!(cards(&app, &holder).await[0].status, CardStatus::Stopped);
}

#[tokio::test]
async fn a_wrong_plate_or_a_missing_statement_is_told_per_field_and_keeps_nothing() {
    let app = spawn_app().await;
    let (holder, _) = resident(&app).await;
    let token = app.citizen_token(&holder).await;
    let (status, answer) = post(
        &app,
        "/api/v1/eloket/requests",
        &token,
        json!({"type": "bewonerskaart", "plate": "12-AB-3", "duration": "month",
               "no_garage": false, "vehicle_fits": "no"}),
    )
    .await;
    assert_eq!(status, 422, "{answer}");
    let errors = &answer["errors"];
    assert!(
        errors["plate"]
            .as_str()
            .unwrap()
            .contains("geen Belgische nummerplaat")
    );
    assert!(errors["duration"].is_string());
    assert!(errors["no_garage"].as_str().unwrap().contains("garage"));
    assert!(errors["vehicle_fits"].as_str().unwrap().contains("4,90 m"));

    let browser = app.citizen_browser(&holder).await;
    let (status, html) = form(
        &browser,
        &app,
        "/eloket/parking-card",
        "plate=1-AB&duration=year&no_garage=yes",
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("geen Belgische nummerplaat"), "{html}");
    assert!(html.contains("value=\"1-AB\""), "the plate typed is kept");
    assert!(html.contains("aria-describedby=\"f-vehicle_fits-error\""));
    assert!(html.contains("id=\"f-no_garage\" name=\"no_garage\" value=\"yes\" checked"));

    assert!(cards(&app, &holder).await.is_empty());
    assert!(app.store.requests_of(&holder).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_resident_whose_street_has_no_zone_is_told_so() {
    let app = spawn_app().await;
    let (holder, _) = resident(&app).await;
    let home = app
        .store
        .housing_unit_of(&NationalNumber::parse(&holder).unwrap())
        .await
        .unwrap();
    app.store
        .save_streets(&[StreetInput {
            name: home.address.street.clone(),
            postal_code: home.address.postal_code.clone(),
            city: home.address.city.clone(),
            parking_zone: None,
        }])
        .await
        .unwrap();
    let (status, answer) =
        apply(&app, &app.citizen_token(&holder).await, "1-ABC-123", "year").await;
    assert_eq!(status, 409, "{answer}");
    assert!(
        answer["detail"]
            .as_str()
            .unwrap()
            .contains("geen bewonerszone")
    );
    let (status, html) = page(
        &app.citizen_browser(&holder).await,
        &app,
        "/eloket/parking-card",
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("geen bewonerszone"));
    assert!(!html.contains("name=\"plate\""));
    assert!(cards(&app, &holder).await.is_empty());
}

#[tokio::test]
async fn another_citizen_can_neither_see_nor_stop_your_card() {
    let app = spawn_app().await;
    let (holder, _) = resident(&app).await;
    let card = issued_card(&app, &holder, "1-ABC-123", "year").await;
    let other = neighbour(&app, &holder).await;
    let browser = app.citizen_browser(&other).await;
    let (_, list) = page(&browser, &app, "/eloket/parking-cards").await;
    assert!(!list.contains("1-ABC-123"));
    for path in ["stop", "renew"] {
        let (status, _) = page(
            &browser,
            &app,
            &format!("/eloket/parking-cards/{}/{path}", card.id),
        )
        .await;
        assert_eq!(status, 404, "{path}");
        let (status, _) = form(
            &browser,
            &app,
            &format!("/eloket/parking-cards/{}/{path}", card.id),
            "",
        )
        .await;
        assert_eq!(status, 404, "{path}");
    }
    assert!(matches!(
        app.store.parking_card(&other, card.id).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(check(&app, "1-ABC-123").await["valid"], true);
    let (_, ebox) = get(&app, "/api/v1/ebox", &app.citizen_token(&other).await).await;
    assert_eq!(ebox, json!([]));
}

#[tokio::test]
async fn the_eloket_home_offers_the_parking_card() {
    let app = spawn_app().await;
    let (holder, _) = resident(&app).await;
    let browser = app.citizen_browser(&holder).await;
    let (_, home) = page(&browser, &app, "/eloket").await;
    assert!(home.contains("href=\"/eloket/parking-card\""));
    let (status, form_page) = page(&browser, &app, "/eloket/parking-card").await;
    assert_eq!(status, 200);
    assert!(
        form_page.contains("€ 60,00") && form_page.contains("€ 20,00"),
        "{form_page}"
    );
}

#[tokio::test]
async fn without_a_payment_provider_an_application_says_paying_online_is_not_available() {
    let app = spawn_app_with(AppOptions {
        demo: false,
        public_url: "http://loket.test".into(),
        ..AppOptions::default()
    })
    .await;
    let holder = app.store.resident_summaries().await.unwrap()[0]
        .national_number
        .clone();
    let session = app
        .store
        .start_citizen_session(
            &holder,
            Assurance::High,
            support::thursday_morning(),
            SignedDuration::from_hours(2),
        )
        .await
        .unwrap();
    let (status, answer) = apply(&app, &session.token, "1-ABC-123", "year").await;
    assert_eq!(status, 409, "{answer}");
    assert!(
        answer["detail"]
            .as_str()
            .unwrap()
            .contains("Online betalen is hier nog niet mogelijk")
    );
    assert!(cards(&app, &holder).await.is_empty());
    let (status, _) = page(&app.browser(), &app, "/pay/test/anything").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn an_application_not_paid_within_a_day_lapses_and_frees_its_place() {
    let app = spawn_app().await;
    let (holder, _) = resident(&app).await;
    issued_card(&app, &holder, "1-ABC-123", "year").await;
    let token = app.citizen_token(&holder).await;
    let (status, waiting) = apply(&app, &token, "1-XYZ-789", "year").await;
    assert_eq!(status, 201, "{waiting}");
    let (status, _) = apply(&app, &token, "2-DEF-456", "year").await;
    assert_eq!(status, 409, "the waiting application holds its place");

    app.clock
        .advance(SignedDuration::from_hours(24) + SignedDuration::from_secs(1));
    let browser = app.citizen_browser(&holder).await;
    let (_, list) = page(&browser, &app, "/eloket/parking-cards").await;
    assert!(list.contains("Vervallen"), "{list}");
    let (_, form_page) = page(&browser, &app, "/eloket/parking-card").await;
    assert!(form_page.contains("name=\"plate\""), "{form_page}");
    // Paying it now does not issue it.
    assert_eq!(confirm(&app, &reference(&waiting), "paid").await, 303);
    let lapsed = app
        .store
        .parking_card_by_payment(&reference(&waiting))
        .await
        .unwrap();
    assert_eq!(lapsed.status, CardStatus::Cancelled);
    let (status, answer) =
        apply(&app, &app.citizen_token(&holder).await, "2-DEF-456", "year").await;
    assert_eq!(status, 201, "{answer}");
    assert_eq!(answer["fee_cents"], 30000);
}
