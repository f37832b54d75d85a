//! Administering counters, opening hours and closing days, seen through the pages citizens read.

mod support;

use support::spawn_app;

const PAGES: [&str; 6] = [
    "/admin/sites/stadskantoor/counters/new",
    "/admin/sites/stadskantoor/counters/7",
    "/admin/sites/stadskantoor/hours",
    "/admin/sites/stadskantoor/closing-days",
    "/admin/sites/stadskantoor/closing-days/rules/new",
    "/admin/sites/stadskantoor/closing-days/exceptions/new",
];

#[tokio::test]
async fn the_calendar_and_counter_pages_are_for_administrators_only() {
    let app = spawn_app().await;
    let counter = app.signed_in("balie1").await;
    let admin = app.signed_in("admin").await;
    for path in PAGES {
        assert_eq!(
            app.browser()
                .get(app.url(path))
                .send()
                .await
                .unwrap()
                .status(),
            401,
            "{path}"
        );
        assert_eq!(
            counter.get(app.url(path)).send().await.unwrap().status(),
            403,
            "{path}"
        );
        assert_eq!(
            admin.get(app.url(path)).send().await.unwrap().status(),
            200,
            "{path}"
        );
    }
    let refused = counter
        .post(app.url("/admin/sites/stadskantoor/counters/7/delete"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    let site = app.store.site("stadskantoor").await.unwrap();
    assert!(
        app.store
            .counters(site.id)
            .await
            .unwrap()
            .iter()
            .any(|c| c.number == 7)
    );
}

fn week(wednesday: &str) -> Vec<(String, String)> {
    let counters = [
        "09:00-20:00",
        "09:00-12:30",
        wednesday,
        "09:00-20:00",
        "09:00-12:30",
        "",
        "",
    ];
    let phone = [
        "09:00-17:00",
        "09:00-17:00",
        "09:00-17:00",
        "09:00-17:00",
        "09:00-17:00",
        "",
        "",
    ];
    let mut fields = Vec::new();
    for (day, (counter, phone)) in counters.iter().zip(phone).enumerate() {
        fields.push((format!("counters-{}", day + 1), counter.to_string()));
        fields.push((format!("phone-{}", day + 1), phone.to_owned()));
    }
    fields
}

#[tokio::test]
async fn new_opening_hours_show_on_the_public_page_and_wrong_ones_change_nothing() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let wrong = admin
        .post(app.url("/admin/sites/stadskantoor/hours"))
        .form(&week("9:00-25:00"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    let html = wrong.text().await.unwrap();
    assert!(html.contains("Vul een uur in zoals 09:00 of 16:30."));
    assert!(
        html.contains(r#"value="9:00-25:00""#),
        "the typed value is kept"
    );
    let public = app
        .browser()
        .get(app.url("/opening-hours"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(public.contains("9.00 uur tot 16.30 uur"));

    let saved = admin
        .post(app.url("/admin/sites/stadskantoor/hours"))
        .form(&week("9.00-12.30, 13u30-16u00"))
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 303);
    let public = app
        .browser()
        .get(app.url("/opening-hours"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        public.contains("9.00 uur tot 12.30 uur<br>13.30 uur tot 16.00 uur"),
        "{public}"
    );
    assert!(!public.contains("9.00 uur tot 16.30 uur"));
}

#[tokio::test]
async fn a_yearly_closing_day_and_a_one_off_closure_reach_the_public_calendar() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let impossible = admin
        .post(app.url("/admin/sites/stadskantoor/closing-days/rules/new"))
        .form(&[
            ("kind", "fixed"),
            ("day", "31"),
            ("month", "2"),
            ("name_nl", "Nooit"),
            ("name_fr", "Jamais"),
            ("name_en", "Never"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(impossible.status(), 422);
    assert!(
        impossible
            .text()
            .await
            .unwrap()
            .contains("begrijpen wij niet")
    );

    let christmas_eve = admin
        .post(app.url("/admin/sites/stadskantoor/closing-days/rules/new"))
        .form(&[
            ("kind", "fixed"),
            ("day", "24"),
            ("month", "12"),
            ("name_nl", "Kerstavond"),
            ("name_fr", "Veille de Noël"),
            ("name_en", "Christmas Eve"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(christmas_eve.status(), 303);
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

    let public = app
        .browser()
        .get(app.url("/opening-hours"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        public.contains("<td>donderdag 24 december 2026</td><td>Kerstavond</td>"),
        "{public}"
    );
    assert!(public.contains("<td>woensdag 9 december 2026</td><td>Personeelsfeest</td>"));

    let admin_page = admin
        .get(app.url("/admin/sites/stadskantoor/closing-days"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(admin_page.contains("elk jaar op 24 december"));
    assert!(admin_page.contains("40 dagen na Pasen"));
    assert!(admin_page.contains("de eerste maandag van september"));

    let site = app.store.site("stadskantoor").await.unwrap();
    let exception = app.store.date_exceptions(site.id).await.unwrap().remove(0);
    let removed = admin
        .post(app.url(&format!(
            "/admin/sites/stadskantoor/closing-days/exceptions/{}/delete",
            exception.id
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 303);
    let public = app
        .browser()
        .get(app.url("/opening-hours"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!public.contains("Personeelsfeest"));
}

#[tokio::test]
async fn an_exception_with_impossible_hours_is_refused_with_the_input_kept() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let response = admin
        .post(app.url("/admin/sites/stadskantoor/closing-days/exceptions/new"))
        .form(&[
            ("date", "2026-12-05"),
            ("hours", "12:00-09:00"),
            ("name_nl", "Verkiezingen"),
            ("name_fr", ""),
            ("name_en", "Elections"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Het einduur moet na het beginuur liggen."));
    assert!(html.contains(r##"href="#f-name_fr""##));
    assert!(html.contains(r#"value="Verkiezingen""#));
    let site = app.store.site("stadskantoor").await.unwrap();
    assert!(app.store.date_exceptions(site.id).await.unwrap().is_empty());
}

#[tokio::test]
async fn an_administrator_adds_changes_and_removes_a_counter() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let site = app.store.site("stadskantoor").await.unwrap();
    let taken = admin
        .post(app.url("/admin/sites/stadskantoor/counters/new"))
        .form(&[("number", "7"), ("zone", "B"), ("products", "eid-aanvraag")])
        .send()
        .await
        .unwrap();
    assert_eq!(taken.status(), 422);
    assert!(
        taken
            .text()
            .await
            .unwrap()
            .contains("Er is al een loket met dit nummer.")
    );

    let created = admin
        .post(app.url("/admin/sites/stadskantoor/counters/new"))
        .form(&[
            ("number", "21"),
            ("zone", "E"),
            ("products", "bouwaanvraag"),
            ("products", "milieu-advies"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 303);
    let counter = app
        .store
        .counters(site.id)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.number == 21)
        .unwrap();
    assert_eq!(
        (counter.zone_letter.as_str(), counter.products.len()),
        ("E", 2)
    );

    let form = admin
        .get(app.url("/admin/sites/stadskantoor/counters/21"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains(r#"value="bouwaanvraag" checked"#));

    admin
        .post(app.url("/admin/sites/stadskantoor/counters/21"))
        .form(&[("zone", "E"), ("products", "bouwaanvraag")])
        .send()
        .await
        .unwrap();
    let counter = app
        .store
        .counters(site.id)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.number == 21)
        .unwrap();
    assert_eq!(counter.products, vec!["bouwaanvraag"]);

    let deleted = admin
        .post(app.url("/admin/sites/stadskantoor/counters/21/delete"))
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 303);
    assert!(
        !app.store
            .counters(site.id)
            .await
            .unwrap()
            .iter()
            .any(|c| c.number == 21)
    );
    let audit = app.store.audit_entries(5).await.unwrap();
    assert_eq!(audit[0].action, "counter.delete");
}
