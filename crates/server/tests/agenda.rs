//! The day agenda staff work from, and recording a citizen who did not come.

mod support;

use serde_json::json;
use support::spawn_app;

#[tokio::test]
async fn staff_see_the_day_of_a_zone_and_record_who_did_not_come() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    for (start, name, national_number) in [
        ("2026-12-10T09:00:00Z", "An Peeters", Some("85073003328")),
        ("2026-12-10T10:00:00Z", "Bart Claes", None),
    ] {
        let body = json!({"site": "stadskantoor", "products": ["eid-aanvraag"], "start": start, "name": name,
                          "email": "x@example.be", "national_number": national_number});
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
    assert_eq!(
        app.browser()
            .get(app.url("/staff/appointments"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    assert_eq!(
        app.signed_in("winkel1")
            .await
            .get(app.url("/staff/appointments"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );

    let counter = app.signed_in("balie1").await;
    let agenda = counter
        .get(app.url("/staff/appointments?date=2026-12-10&zone=B"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(agenda.contains("donderdag 10 december 2026"));
    assert!(
        agenda.find("An Peeters").unwrap() < agenda.find("Bart Claes").unwrap(),
        "by time"
    );
    assert!(
        agenda.contains("85.07.30-***.**"),
        "the national number is masked"
    );
    assert!(!agenda.contains("85073003328"));
    assert!(
        !agenda.contains("is niet gekomen"),
        "nobody can be a no-show before the time"
    );

    app.clock.set("2026-12-10T09:30:00Z".parse().unwrap());
    let counter = app.signed_in("balie1").await; // a new working day, a new sign-in
    let agenda = counter
        .get(app.url("/staff/appointments?date=2026-12-10&zone=B"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(agenda.contains("An Peeters is niet gekomen"));
    assert!(
        !agenda.contains("Bart Claes is niet gekomen"),
        "10:00 has not passed yet"
    );
    let site = app.store.site("stadskantoor").await.unwrap();
    let an = app
        .store
        .appointments_between(
            site.id,
            "2026-12-10T09:00:00Z".parse().unwrap(),
            "2026-12-10T09:01:00Z".parse().unwrap(),
        )
        .await
        .unwrap()
        .remove(0);
    let marked = counter
        .post(app.url(&format!("/staff/appointments/{}/no-show", an.id)))
        .form(&[("date", "2026-12-10"), ("zone", "B")])
        .send()
        .await
        .unwrap();
    assert_eq!(marked.status(), 303);
    let agenda = counter
        .get(app.url("/staff/appointments?date=2026-12-10&zone=B"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(agenda.contains("Niet gekomen: <strong>1</strong>"));
    let audit = app.store.audit_entries(3).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "appointment.no-show" && e.actor.as_deref() == Some("balie1"))
    );
}
