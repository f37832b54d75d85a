//! Booking through the API as a city's website or a phone tool does: free times, booking under a
//! rush, looking up, moving and cancelling.

mod support;

use serde_json::{Value, json};
use support::spawn_app;

async fn free_times(app: &support::TestApp, products: &str, day: &str) -> Vec<Value> {
    let url = app.url(&format!(
        "/api/v1/availability?site=stadskantoor&products={products}&from={day}&to={day}"
    ));
    let body: Value = reqwest::get(url).await.unwrap().json().await.unwrap();
    body["slots"].as_array().unwrap().clone()
}

fn booking(start: &str, email: &str) -> Value {
    json!({"site": "stadskantoor", "products": ["eid-aanvraag"], "start": start, "name": "An Peeters", "email": email})
}

#[tokio::test]
async fn free_times_follow_the_hours_the_roster_and_the_visit_length() {
    let app = spawn_app().await;
    let thursday = free_times(&app, "eid-aanvraag", "2026-12-10").await;
    assert_eq!(
        thursday[0],
        json!({"start": "2026-12-10T09:00:00+01:00", "end": "2026-12-10T09:20:00+01:00", "remaining": 6})
    );
    assert_eq!(
        thursday.last().unwrap()["start"],
        "2026-12-10T19:40:00+01:00"
    );
    let family = free_times(
        &app,
        "eid-aanvraag,eid-aanvraag,kids-id-aanvraag",
        "2026-12-10",
    )
    .await;
    assert_eq!(
        family[0]["end"], "2026-12-10T09:40:00+01:00",
        "15 + 15 + 10 minutes"
    );
    assert_eq!(family.last().unwrap()["start"], "2026-12-10T19:20:00+01:00");
    let tuesday = free_times(&app, "eid-aanvraag", "2026-12-08").await;
    assert_eq!(
        tuesday.last().unwrap()["start"],
        "2026-12-08T12:10:00+01:00"
    );
    assert!(
        free_times(&app, "eid-aanvraag", "2026-12-25")
            .await
            .is_empty(),
        "Christmas"
    );
    assert!(
        free_times(&app, "eid-aanvraag", "2026-12-12")
            .await
            .is_empty(),
        "Saturday"
    );
    let today = free_times(&app, "eid-aanvraag", "2026-12-03").await;
    assert_eq!(
        today[0]["start"], "2026-12-03T12:00:00+01:00",
        "two hours of lead time from 10:00"
    );
}

#[tokio::test]
async fn a_visit_that_cannot_be_booked_is_explained() {
    let app = spawn_app().await;
    for (products, field_message) in [
        (
            "stadsplan",
            "Voor een van deze producten maakt u geen afspraak",
        ),
        ("eid-aanvraag,vreemdelingenkaart", "verschillende zones"),
        ("teleportatie", "Kies producten uit de lijst."),
        ("", "Kies minstens één product."),
    ] {
        let url = app.url(&format!(
            "/api/v1/availability?site=stadskantoor&products={products}"
        ));
        let response = reqwest::get(url).await.unwrap();
        assert_eq!(response.status(), 422, "{products}");
        let problem: Value = response.json().await.unwrap();
        assert!(
            problem["errors"]["products"]
                .as_str()
                .unwrap()
                .contains(field_message),
            "{problem}"
        );
    }
}

#[tokio::test]
async fn a_citizen_books_looks_up_moves_and_cancels() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    let response = client
        .post(app.url("/api/v1/appointments"))
        .json(&booking("2026-12-10T10:00:00+01:00", "an@example.be"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let booked: Value = response.json().await.unwrap();
    assert_eq!(booked["status"], "booked");
    assert_eq!(booked["zone"], "B");
    assert_eq!(booked["end"], "2026-12-10T10:20:00+01:00");
    assert_eq!(booked["code"].as_str().unwrap().len(), 7);
    let token = booked["manage_token"].as_str().unwrap().to_owned();
    assert!(token.len() >= 40, "at least 128 bits of secret");
    let at_ten = free_times(&app, "eid-aanvraag", "2026-12-10").await;
    assert_eq!(
        at_ten
            .iter()
            .find(|s| s["start"] == "2026-12-10T10:00:00+01:00")
            .unwrap()["remaining"],
        5
    );

    let shown: Value = client
        .get(app.url(&format!("/api/v1/appointments/{token}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(shown["code"], booked["code"]);
    assert!(
        shown.get("manage_token").is_none(),
        "the secret is shown only once"
    );

    let moved = client
        .post(app.url(&format!("/api/v1/appointments/{token}/reschedule")))
        .json(&json!({"start": "2026-12-14T18:00:00+01:00"}))
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), 200);
    let moved: Value = moved.json().await.unwrap();
    assert_eq!(moved["start"], "2026-12-14T18:00:00+01:00");
    let at_ten = free_times(&app, "eid-aanvraag", "2026-12-10").await;
    assert_eq!(
        at_ten
            .iter()
            .find(|s| s["start"] == "2026-12-10T10:00:00+01:00")
            .unwrap()["remaining"],
        6,
        "the old place is free"
    );

    let off_grid = client
        .post(app.url(&format!("/api/v1/appointments/{token}/reschedule")))
        .json(&json!({"start": "2026-12-14T18:05:00+01:00"}))
        .send()
        .await
        .unwrap();
    assert_eq!(off_grid.status(), 422);

    let cancelled = client
        .post(app.url(&format!("/api/v1/appointments/{token}/cancel")))
        .send()
        .await
        .unwrap();
    assert_eq!(cancelled.status(), 200);
    assert_eq!(
        cancelled.json::<Value>().await.unwrap()["status"],
        "cancelled"
    );
    let again = client
        .post(app.url(&format!("/api/v1/appointments/{token}/cancel")))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 409);
    let unknown = client
        .get(app.url("/api/v1/appointments/not-a-token"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
}

#[tokio::test]
async fn wrong_details_are_refused_field_by_field_and_nothing_is_booked() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    let response = client
        .post(app.url("/api/v1/appointments"))
        .header("Accept-Language", "en")
        .json(&json!({
            "site": "stadskantoor", "products": ["eid-aanvraag"], "start": "2026-12-10T10:00:00+01:00",
            "name": "", "email": "an.example.be", "national_number": "85073003329"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["errors"]["name"], "Enter your name.");
    assert_eq!(
        problem["errors"]["email"],
        "Enter a valid e-mail address, for example name@example.be."
    );
    assert!(
        problem["errors"]["national_number"]
            .as_str()
            .unwrap()
            .contains("not correct")
    );

    let too_soon = client
        .post(app.url("/api/v1/appointments"))
        .json(&booking("2026-12-03T10:30:00+01:00", "an@example.be"))
        .send()
        .await
        .unwrap();
    assert_eq!(too_soon.status(), 422);
    let closed = client
        .post(app.url("/api/v1/appointments"))
        .json(&booking("2026-12-12T10:00:00+01:00", "an@example.be"))
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status(), 422);
    assert_eq!(
        free_times(&app, "eid-aanvraag", "2026-12-10").await[0]["remaining"],
        6
    );
}

#[tokio::test]
async fn sixty_four_clients_rushing_one_start_never_overbook_it() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    let start = "2026-12-10T09:00:00+01:00";
    let rush: Vec<_> = (0..64)
        .map(|i| {
            let request = client
                .post(app.url("/api/v1/appointments"))
                .json(&booking(start, &format!("c{i}@example.be")));
            tokio::spawn(async move { request.send().await.unwrap().status().as_u16() })
        })
        .collect();
    let mut statuses = Vec::new();
    for request in rush {
        statuses.push(request.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        6,
        "{statuses:?}"
    );
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 58);
    let slots = free_times(&app, "eid-aanvraag", "2026-12-10").await;
    assert!(
        !slots.iter().any(|s| s["start"] == start),
        "a full start is no longer offered"
    );
    assert_eq!(
        slots[0]["start"], "2026-12-10T09:20:00+01:00",
        "09:10 shares the full cell"
    );
}

#[tokio::test]
async fn the_citizen_gets_a_mail_in_their_language_when_booking_moving_and_cancelling() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    let mut request = booking("2026-12-10T10:00:00+01:00", "claire@example.be");
    request["locale"] = json!("fr");
    request["name"] = json!("Claire Dubois");
    let booked: Value = client
        .post(app.url("/api/v1/appointments"))
        .json(&request)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = booked["manage_token"].as_str().unwrap();

    let outbox = app.store.outbox(10).await.unwrap();
    assert_eq!(outbox.len(), 1);
    let confirmation = &outbox[0].mail;
    assert_eq!(confirmation.recipient, "claire@example.be");
    assert_eq!(
        confirmation.subject,
        "Votre rendez-vous à Stadskantoor Leuven : jeudi 10 décembre 2026 à 10h00"
    );
    assert!(confirmation.text.starts_with("Bonjour Claire Dubois,"));
    assert!(confirmation.text.contains(booked["code"].as_str().unwrap()));
    assert!(
        confirmation
            .text
            .contains(&format!("http://loket.test/appointments/manage/{token}"))
    );
    assert!(confirmation.html.contains("<html lang=\"fr\">"));
    let ics = confirmation.attachment.as_ref().unwrap();
    assert!(ics.body.contains("DTSTART:20261210T090000Z"));

    client
        .post(app.url(&format!("/api/v1/appointments/{token}/reschedule")))
        .json(&json!({"start": "2026-12-14T18:00:00+01:00"}))
        .send()
        .await
        .unwrap();
    client
        .post(app.url(&format!("/api/v1/appointments/{token}/cancel")))
        .send()
        .await
        .unwrap();
    let outbox = app.store.outbox(10).await.unwrap();
    let subjects: Vec<&str> = outbox
        .iter()
        .map(|queued| queued.mail.subject.as_str())
        .collect();
    assert_eq!(
        subjects,
        [
            "Votre rendez-vous à Stadskantoor Leuven a été annulé",
            "Votre rendez-vous à Stadskantoor Leuven a été déplacé : lundi 14 décembre 2026 à 18h00",
            "Votre rendez-vous à Stadskantoor Leuven : jeudi 10 décembre 2026 à 10h00",
        ]
    );
    assert!(
        outbox[0].mail.attachment.is_none(),
        "no calendar file for a cancelled visit"
    );
}

#[tokio::test]
async fn the_evening_before_each_citizen_gets_one_reminder_and_a_moved_visit_is_reminded_again() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    let booked: Value = client
        .post(app.url("/api/v1/appointments"))
        .json(&booking("2026-12-10T10:00:00+01:00", "an@example.be"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let state = app.state().await;
    let remind = || loket_server::mail::reminders::queue_due_reminders(&state);

    app.clock.set("2026-12-09T16:59:00Z".parse().unwrap()); // 17:59 in Leuven
    assert_eq!(remind().await.unwrap(), 0, "not before six in the evening");
    app.clock.set("2026-12-09T17:05:00Z".parse().unwrap());
    assert_eq!(remind().await.unwrap(), 1);
    assert_eq!(remind().await.unwrap(), 0, "one reminder only");
    let reminder = app.store.outbox(1).await.unwrap().remove(0).mail;
    assert_eq!(
        reminder.subject,
        "Herinnering: uw afspraak bij Stadskantoor Leuven is morgen, donderdag 10 december 2026 om 10.00 uur"
    );
    assert!(reminder.text.contains(booked["code"].as_str().unwrap()));
    assert!(
        reminder.text.contains("bevestigingsmail"),
        "no secret link in a reminder"
    );
    assert!(reminder.attachment.is_none());

    app.clock.set("2026-12-03T09:00:00Z".parse().unwrap());
    let token = booked["manage_token"].as_str().unwrap();
    let moved = client
        .post(app.url(&format!("/api/v1/appointments/{token}/reschedule")))
        .json(&json!({"start": "2026-12-14T18:00:00+01:00"}))
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), 200);
    app.clock.set("2026-12-13T17:30:00Z".parse().unwrap());
    assert_eq!(remind().await.unwrap(), 1, "the new day is reminded");
}

#[tokio::test]
async fn a_closing_day_added_or_removed_by_an_administrator_shows_in_the_free_times_at_once() {
    let app = spawn_app().await;
    let before = free_times(&app, "eid-aanvraag", "2026-12-09").await;
    assert!(!before.is_empty());
    let admin = app.signed_in("admin").await;
    let staff_party = admin
        .post(app.url("/admin/sites/stadskantoor/closing-days/exceptions/new"))
        .form(&[
            ("date", "2026-12-09"),
            ("hours", ""),
            ("name_nl", "Personeelsfeest"),
            ("name_fr", "Fête du personnel"),
            ("name_en", "Staff party"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(staff_party.status(), 303);
    assert!(
        free_times(&app, "eid-aanvraag", "2026-12-09")
            .await
            .is_empty()
    );
    let refused = app
        .browser()
        .post(app.url("/api/v1/appointments"))
        .json(&booking("2026-12-09T09:00:00Z", "an@example.be"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422, "no booking on a closed day");

    let site = app.store.site("stadskantoor").await.unwrap();
    let exception = app.store.date_exceptions(site.id).await.unwrap().remove(0);
    admin
        .post(app.url(&format!(
            "/admin/sites/stadskantoor/closing-days/exceptions/{}/delete",
            exception.id
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(free_times(&app, "eid-aanvraag", "2026-12-09").await, before);
}
