//! Employees book for a caller, look appointments up, move and cancel them; the limits per person
//! hold on every channel.

mod support;

use serde_json::{Value, json};
use support::spawn_app;

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_telephonist_books_a_caller_soon_then_finds_moves_and_cancels_the_visit() {
    let app = spawn_app().await;
    let staff = app.signed_in("telefoon").await;
    let page = |path: &str| {
        let request = staff.get(app.url(path));
        async move {
            let response = request.send().await.unwrap();
            (response.status().as_u16(), response.text().await.unwrap())
        }
    };

    let (status, start) = page("/staff/book").await;
    assert_eq!(status, 200);
    assert!(start.contains("U boekt voor een burger aan de telefoon of de balie."));
    assert!(start.contains(r#"name="soon""#));

    // Thursday 10:00 in Leuven: the website offers 12:00 at the earliest, the telephonist may
    // offer 10:30.
    let (_, later) = page("/staff/book/time?products=eid-aanvraag&date=2026-12-03").await;
    assert!(!later.contains(r#"value="2026-12-03T09:30:00Z""#));
    assert!(later.contains(r#"value="2026-12-03T11:00:00Z""#));
    let (_, soon) = page("/staff/book/time?soon=1&products=eid-aanvraag&date=2026-12-03").await;
    assert!(soon.contains(r#"value="2026-12-03T09:30:00Z""#));
    assert!(
        soon.contains(r#"name="soon" value="1""#),
        "the choice is kept"
    );

    let caller = [
        ("products", "eid-aanvraag"),
        ("start", "2026-12-03T09:30:00Z"),
        ("name", "Jan Peeters"),
        ("email", ""),
        ("phone", "0470 12 34 56"),
        ("national_number", ""),
        ("locale", "fr"),
    ];
    let (outbox_before, _) = (app.store.outbox(100).await.unwrap().len(), ());
    let website = app
        .browser()
        .post(app.url("/appointments/new/confirm"))
        .form(&caller)
        .send()
        .await
        .unwrap();
    assert_eq!(
        website.status(),
        422,
        "a citizen online needs an e-mail address"
    );
    let booked = staff
        .post(app.url("/staff/book/confirm?soon=1"))
        .form(&caller)
        .send()
        .await
        .unwrap();
    assert_eq!(booked.status(), 303);
    let appointment_url = location(&booked);
    assert!(appointment_url.starts_with("/staff/appointments/"));
    assert!(appointment_url.ends_with("?new=1"));
    let (_, confirmation) = page(&appointment_url).await;
    assert!(confirmation.contains("De afspraak is gemaakt"));
    assert!(confirmation.contains("donderdag 3 december 2026 om 10.30 uur"));
    assert!(confirmation.contains("0470 12 34 56"));
    assert_eq!(
        app.store.outbox(100).await.unwrap().len(),
        outbox_before,
        "no address, no mail"
    );

    let (_, found) = page("/staff/appointments/find?q=peeters").await;
    assert!(found.contains("1 afspraak gevonden"));
    let path = appointment_url.trim_end_matches("?new=1");
    assert!(found.contains(&format!(r#"href="{path}""#)));
    let (_, none) = page("/staff/appointments/find?q=nobody").await;
    assert!(none.contains("Geen afspraken gevonden voor „nobody”."));

    let (_, times) = page(&format!("{path}/move/time?date=2026-12-10")).await;
    assert!(times.contains(&format!(r#"action="{path}/move/confirm""#)));
    let moved = staff
        .post(app.url(&format!("{path}/move/confirm")))
        .form(&[("start", "2026-12-10T10:00:00Z")])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&moved), path);
    let (_, after_move) = page(path).await;
    assert!(after_move.contains("donderdag 10 december 2026 om 11.00 uur"));

    let (_, ask) = page(&format!("{path}/cancel")).await;
    assert!(ask.contains("Deze afspraak annuleren?"));
    let cancelled = staff
        .post(app.url(&format!("{path}/cancel")))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&cancelled), path);
    let (_, after_cancel) = page(path).await;
    assert!(after_cancel.contains("Geannuleerd"));
    assert!(!after_cancel.contains("Afspraak verplaatsen"));

    let actions: Vec<String> = app
        .store
        .audit_entries(50)
        .await
        .unwrap()
        .into_iter()
        .filter(|entry| entry.actor.as_deref() == Some("telefoon"))
        .map(|entry| entry.action)
        .collect();
    for action in [
        "appointment.book",
        "appointment.find",
        "appointment.view",
        "appointment.move",
        "appointment.cancel",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
}

#[tokio::test]
async fn a_caller_with_an_address_gets_the_confirmation_in_their_language() {
    let app = spawn_app().await;
    let staff = app.signed_in("onthaal").await;
    let booked = staff
        .post(app.url("/staff/book/confirm"))
        .form(&[
            ("products", "rijbewijs"),
            ("start", "2026-12-10T13:00:00Z"),
            ("name", "Marie Dubois"),
            ("email", "marie@example.be"),
            ("locale", "fr"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(booked.status(), 303, "{}", booked.text().await.unwrap());
    let mails = app.store.outbox(10).await.unwrap();
    let mail = &mails[0].mail;
    assert_eq!(mail.recipient, "marie@example.be");
    assert!(mail.text.contains("Bonjour"), "{}", mail.text);
    assert!(
        mail.text.contains("/appointments/manage/"),
        "the manage link"
    );
}

#[tokio::test]
async fn only_employees_who_serve_citizens_book_and_look_up_appointments() {
    let app = spawn_app().await;
    let shop = app.signed_in("winkel1").await;
    for path in [
        "/staff/book",
        "/staff/appointments/find?q=a",
        "/staff/book/day?products=eid-aanvraag",
    ] {
        let response = shop.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 403, "{path}");
    }
    let anonymous = app
        .browser()
        .get(app.url("/staff/book"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    assert!(
        anonymous
            .text()
            .await
            .unwrap()
            .contains(r#"name="password""#),
        "the sign-in form"
    );
}

fn booking(start: &str, email: &str, national_number: Option<&str>) -> Value {
    json!({"site": "stadskantoor", "products": ["eid-aanvraag"], "start": start,
           "name": "An Peeters", "email": email, "national_number": national_number})
}

#[tokio::test]
async fn one_address_holds_three_future_visits_and_one_national_number_one_per_product() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    let book = |body: Value| {
        client
            .post(app.url("/api/v1/appointments"))
            .json(&body)
            .send()
    };
    for hour in ["09", "10", "11"] {
        let response = book(booking(
            &format!("2026-12-10T{hour}:00:00Z"),
            "an@example.be",
            None,
        ))
        .await
        .unwrap();
        assert_eq!(response.status(), 201);
    }
    let fourth = book(booking("2026-12-10T12:00:00Z", "An@Example.be", None))
        .await
        .unwrap();
    assert_eq!(fourth.status(), 409);
    let problem: Value = fourth.json().await.unwrap();
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .starts_with("Met dit e-mailadres zijn al zoveel afspraken gemaakt als toegelaten."),
        "{problem}"
    );

    let first = book(booking(
        "2026-12-11T09:00:00Z",
        "one@example.be",
        Some("85073003328"),
    ))
    .await
    .unwrap();
    assert_eq!(first.status(), 201);
    let citizen = app.browser();
    let again = citizen
        .post(app.url("/appointments/new/confirm"))
        .form(&[
            ("products", "eid-aanvraag"),
            ("start", "2026-12-11T10:00:00Z"),
            ("name", "An Peeters"),
            ("email", "other@example.be"),
            ("national_number", "85.07.30-033.28"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 422);
    let page = again.text().await.unwrap();
    assert!(page.contains("Voor dit rijksregisternummer is deze dienst al geboekt."));
    assert!(
        page.contains(r#"value="other@example.be""#),
        "nothing typed is lost"
    );
}

#[tokio::test]
async fn an_employee_is_told_what_to_do_at_a_limit_and_may_move_a_visit_to_a_time_soon() {
    let app = spawn_app().await;
    let staff = app.signed_in("telefoon").await;
    let caller = |start: &'static str| {
        [
            ("products", "eid-aanvraag"),
            ("start", start),
            ("name", "Jan Peeters"),
            ("national_number", "85.07.30-033.28"),
        ]
    };
    let first = staff
        .post(app.url("/staff/book/confirm"))
        .form(&caller("2026-12-10T09:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 303);
    let again = staff
        .post(app.url("/staff/book/confirm"))
        .form(&caller("2026-12-10T10:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 422);
    let page = again.text().await.unwrap();
    assert!(
        page.contains("Zoek die afspraak op en verplaats ze"),
        "{page}"
    );
    assert!(
        page.contains(r#"value="Jan Peeters""#),
        "nothing typed is lost"
    );

    let shown_url = location(&first);
    let path = shown_url.trim_end_matches("?new=1");
    let shown = staff
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(shown.contains(&format!(r#"href="{path}/move?soon=1""#)));
    let soon = staff
        .get(app.url(&format!("{path}/move/time?soon=1&date=2026-12-03")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        soon.contains(r#"value="2026-12-03T09:30:00Z""#),
        "half an hour from now"
    );
    assert!(soon.contains(&format!(r#"action="{path}/move/confirm?soon=1""#)));
}
