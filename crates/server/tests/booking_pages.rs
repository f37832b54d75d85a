//! Booking on the website without JavaScript, page by page, as a citizen does.

mod support;

use support::spawn_app;

fn between<'a>(html: &'a str, before: &str, after: &str) -> &'a str {
    let start = html
        .find(before)
        .map(|i| i + before.len())
        .unwrap_or_else(|| panic!("{before} not in page"));
    let end = html[start..].find(after).map(|i| start + i).unwrap();
    &html[start..end]
}

#[tokio::test]
async fn a_citizen_books_a_family_visit_then_moves_and_cancels_it() {
    let app = spawn_app().await;
    let browser = app.browser();
    let get = |path: String| {
        let browser = browser.clone();
        let url = app.url(&path);
        async move { browser.get(url).send().await.unwrap() }
    };

    let start = get("/appointments/new".into()).await.text().await.unwrap();
    assert!(start.contains(r#"value="eid-aanvraag""#));
    assert!(
        !start.contains(r#"value="stadsplan""#),
        "only products by appointment"
    );

    let nothing = get("/appointments/new/persons".into()).await;
    assert_eq!(nothing.status(), 422);
    assert!(
        nothing
            .text()
            .await
            .unwrap()
            .contains("Kies minstens één product.")
    );

    let persons =
        get("/appointments/new/persons?product=eid-aanvraag&product=kids-id-aanvraag".into())
            .await
            .text()
            .await
            .unwrap();
    assert!(persons.contains(r#"name="persons-eid-aanvraag""#));
    let visit = get("/appointments/new/visit?chosen=eid-aanvraag,kids-id-aanvraag&persons-eid-aanvraag=2&persons-kids-id-aanvraag=1".into()).await;
    assert_eq!(visit.status(), 303);
    let day_url = visit.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(
        day_url,
        "/appointments/new/day?products=eid-aanvraag,eid-aanvraag,kids-id-aanvraag"
    );

    let days = get(format!("{day_url}&month=2026-12"))
        .await
        .text()
        .await
        .unwrap();
    assert!(days.contains("2 × Identiteitskaart (eID) aanvragen, 1 × Kids-ID aanvragen"));
    assert!(days.contains("Ongeveer 40 minuten aan het loket."));
    assert!(days.contains(r#"href="/appointments/new/time?products=eid-aanvraag,eid-aanvraag,kids-id-aanvraag&#38;date=2026-12-10""#));
    assert!(!days.contains("date=2026-12-25"), "Christmas is closed");

    let times = get("/appointments/new/time?products=eid-aanvraag,eid-aanvraag,kids-id-aanvraag&date=2026-12-10".into()).await.text().await.unwrap();
    assert!(times.contains("donderdag 10 december 2026"));
    assert!(times.contains(r#"value="2026-12-10T09:00:00Z""#));
    assert!(times.contains(">10.00 uur<"));

    let details = [
        ("products", "eid-aanvraag,eid-aanvraag,kids-id-aanvraag"),
        ("start", "2026-12-10T09:00:00Z"),
    ];
    let wrong = browser
        .post(app.url("/appointments/new/details"))
        .form(&[
            details[0],
            details[1],
            ("name", "An Peeters"),
            ("email", "an.peeters"),
            ("national_number", "85.07.30-033.28"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    let wrong = wrong.text().await.unwrap();
    assert!(wrong.contains("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be."));
    assert!(
        wrong.contains(r#"value="An Peeters""#),
        "nothing typed is lost"
    );
    assert!(wrong.contains(r#"value="85.07.30-033.28""#));

    let contact = [
        details[0],
        details[1],
        ("name", "An Peeters"),
        ("email", "an@example.be"),
        ("phone", ""),
        ("national_number", "85.07.30-033.28"),
    ];
    let check = browser
        .post(app.url("/appointments/new/details"))
        .form(&contact)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(check.contains("Kijk uw afspraak na"));
    assert!(check.contains("donderdag 10 december 2026 om 10.00 uur"));
    assert!(
        check.contains("85.07.30-***.**"),
        "the national number is masked"
    );
    assert!(check.contains("€ 40,00") || check.contains("Prijs aan het loket"));

    let confirmed = browser
        .post(app.url("/appointments/new/confirm"))
        .form(&contact)
        .send()
        .await
        .unwrap();
    assert_eq!(confirmed.status(), 303);
    let manage_url = confirmed.headers()["location"].to_str().unwrap().to_owned();
    let token = between(&manage_url, "/appointments/manage/", "?").to_owned();
    let manage = get(manage_url.clone()).await.text().await.unwrap();
    assert!(manage.contains("Uw afspraak is gemaakt"));
    let code = between(&manage, r#"<p class="booking-code">"#, "</p>").to_owned();
    assert_eq!(code.len(), 7);
    assert!(manage.contains("<svg"), "a QR code of the booking code");
    assert!(
        manage.contains("Recente pasfoto") || manage.contains("pasfoto"),
        "what to bring"
    );

    let ics = get(format!("/appointments/manage/{token}/calendar.ics")).await;
    assert_eq!(
        ics.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let ics = ics.text().await.unwrap();
    assert!(ics.contains("DTSTART:20261210T090000Z"));
    assert!(ics.contains("DTEND:20261210T094000Z"));

    let new_days = get(format!("/appointments/manage/{token}/move?month=2026-12"))
        .await
        .text()
        .await
        .unwrap();
    assert!(new_days.contains("Kies een nieuwe dag"));
    assert!(new_days.contains(&format!(
        "/appointments/manage/{token}/move/time?date=2026-12-14"
    )));
    let moved = browser
        .post(app.url(&format!("/appointments/manage/{token}/move/confirm")))
        .form(&[("start", "2026-12-14T17:00:00Z")])
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), 303);
    let manage = get(format!("/appointments/manage/{token}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(manage.contains("maandag 14 december 2026 om 18.00 uur"));

    let cancel_page = get(format!("/appointments/manage/{token}/cancel"))
        .await
        .text()
        .await
        .unwrap();
    assert!(cancel_page.contains("Wilt u uw afspraak annuleren?"));
    browser
        .post(app.url(&format!("/appointments/manage/{token}/cancel")))
        .send()
        .await
        .unwrap();
    let manage = get(format!("/appointments/manage/{token}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(manage.contains("Deze afspraak is geannuleerd."));
    assert!(
        !manage.contains("/move\""),
        "a cancelled appointment cannot be moved"
    );
}

#[tokio::test]
async fn a_time_taken_while_the_citizen_was_typing_is_explained_on_the_times_of_that_day() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    for i in 0..6 {
        let body = serde_json::json!({"site": "stadskantoor", "products": ["eid-aanvraag"], "start": "2026-12-10T09:00:00Z",
                                      "name": "Other", "email": format!("o{i}@example.be")});
        assert_eq!(
            client
                .post(app.url("/api/v1/appointments"))
                .json(&body)
                .send()
                .await
                .unwrap()
                .status(),
            201
        );
    }
    let late = app
        .browser()
        .post(app.url("/appointments/new/confirm"))
        .form(&[
            ("products", "eid-aanvraag"),
            ("start", "2026-12-10T09:00:00Z"),
            ("name", "An"),
            ("email", "an@example.be"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(late.status(), 409);
    let html = late.text().await.unwrap();
    assert!(html.contains("Dit tijdstip is intussen niet meer vrij."));
    assert!(
        html.contains(r#"value="2026-12-10T09:20:00Z""#),
        "the other free times of that day are offered"
    );
}

#[tokio::test]
async fn an_unknown_manage_link_is_not_found() {
    let app = spawn_app().await;
    let response = app
        .browser()
        .get(app.url("/appointments/manage/guessing"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
}
