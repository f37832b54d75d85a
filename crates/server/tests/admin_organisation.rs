//! The administration of the organisation as an administrator sees it: departments, sites, zones
//! and meeting rooms; every change refused with a clear message or saved and written to the audit log.

mod support;

use loket_domain::catalogue::Staffing;
use support::{TestApp, spawn_app};

const PAGES: [&str; 12] = [
    "/admin/departments",
    "/admin/departments/new",
    "/admin/departments/burgerzaken",
    "/admin/sites",
    "/admin/sites/new",
    "/admin/sites/stadskantoor",
    "/admin/sites/stadskantoor/edit",
    "/admin/sites/stadskantoor/zones/new",
    "/admin/sites/stadskantoor/zones/B",
    "/admin/sites/stadskantoor/rooms/new",
    "/admin/sites/stadskantoor/rooms/spreekruimte-1",
    "/admin/sites/stadskantoor/rooms/fluisterhut-1",
];

/// Sends a form as an administrator and returns the status, where it leads and the page.
async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, String, String) {
    let response = client.post(app.url(path)).form(form).send().await.unwrap();
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, location, response.text().await.unwrap())
}

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let response = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

/// The newest audit entry: (actor, action, subject).
async fn last_audit(app: &TestApp) -> (String, String, String) {
    let entry = app.store.audit_entries(1).await.unwrap().remove(0);
    (entry.actor.unwrap_or_default(), entry.action, entry.subject)
}

async fn audit_count(app: &TestApp) -> usize {
    app.store.audit_entries(1000).await.unwrap().len()
}

#[tokio::test]
async fn the_organisation_pages_ask_for_a_sign_in_and_are_for_administrators_only() {
    let app = spawn_app().await;
    let anonymous = app.browser();
    let counter = app.signed_in("balie1").await;
    let admin = app.signed_in("admin").await;
    for path in PAGES {
        let response = anonymous.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 401, "{path} without sign-in");
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains(r#"action="/staff/login""#),
            "{path} offers the sign-in form"
        );
        assert_eq!(
            counter.get(app.url(path)).send().await.unwrap().status(),
            403,
            "{path} for a counter employee"
        );
        let html = get(&app, &admin, path).await;
        assert!(html.contains("<h1>"), "{path} has a heading");
        assert!(html.contains(r#"class="breadcrumbs""#), "{path}");
    }
    for path in [
        "/admin/departments/nergens",
        "/admin/sites/nergens",
        "/admin/sites/stadskantoor/zones/Z",
        "/admin/sites/stadskantoor/rooms/nergens",
    ] {
        let response = admin.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
    }
}

#[tokio::test]
async fn a_counter_employee_cannot_change_the_organisation() {
    let app = spawn_app().await;
    let counter = app.signed_in("balie1").await;
    let anonymous = app.browser();
    let zone = [
        ("name_nl", "Gekaapt"),
        ("name_fr", "Détourné"),
        ("name_en", "Hijacked"),
        ("colour", "#000000"),
    ];
    for client in [&counter, &anonymous] {
        let (status, _, _) = post(&app, client, "/admin/sites/stadskantoor/zones/B", &zone).await;
        assert!(status == 401 || status == 403, "{status}");
        let (status, _, _) = post(
            &app,
            client,
            "/admin/departments/new",
            &[
                ("code", "gekaapt"),
                ("name_nl", "Gekaapt"),
                ("name_fr", "Détourné"),
                ("name_en", "Hijacked"),
                ("staffing", "fixed"),
            ],
        )
        .await;
        assert!(status == 401 || status == 403, "{status}");
    }
    let site = app.store.site("stadskantoor").await.unwrap();
    assert_eq!(
        app.store.zone(site.id, "B").await.unwrap().name_nl,
        "Burgerzaken"
    );
    assert!(app.store.department("gekaapt").await.is_err());
}

#[tokio::test]
async fn an_administrator_creates_and_edits_a_department() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let html = get(&app, &admin, "/admin/departments").await;
    assert!(html.contains("Burgerzaken"));
    assert!(html.contains("Op afroep"));

    let (status, location, _) = post(
        &app,
        &admin,
        "/admin/departments/new",
        &[
            ("code", "belastingen"),
            ("name_nl", "Belastingen"),
            ("name_fr", "Taxes"),
            ("name_en", "Taxes"),
            ("staffing", "on_call"),
        ],
    )
    .await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/admin/departments?saved=1")
    );
    let html = get(&app, &admin, &location).await;
    assert!(html.contains("De wijzigingen zijn opgeslagen."));
    assert!(html.contains(r#"href="/admin/departments/belastingen""#));
    let taxes = app.store.department("belastingen").await.unwrap();
    assert_eq!(taxes.staffing, Staffing::OnCall);
    assert_eq!(
        last_audit(&app).await,
        (
            "admin".into(),
            "department.create".into(),
            "belastingen".into()
        )
    );

    // The edit form shows the code without a field for it, and the staffing chosen.
    let form = get(&app, &admin, "/admin/departments/belastingen").await;
    assert!(!form.contains(r#"name="code""#));
    assert!(form.contains(
        r#"id="f-staffing-on_call" name="staffing" type="radio" value="on_call" checked"#
    ));
    let (status, location, _) = post(
        &app,
        &admin,
        "/admin/departments/belastingen",
        &[
            ("code", "iets-anders"),
            ("name_nl", "Belastingen en heffingen"),
            ("name_fr", "Taxes et redevances"),
            ("name_en", "Taxes and charges"),
            ("staffing", "fixed"),
        ],
    )
    .await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/admin/departments?saved=1")
    );
    let taxes = app.store.department("belastingen").await.unwrap();
    assert_eq!(taxes.name_nl, "Belastingen en heffingen");
    assert_eq!(taxes.staffing, Staffing::Fixed);
    assert!(app.store.department("iets-anders").await.is_err());
    assert_eq!(
        last_audit(&app).await,
        (
            "admin".into(),
            "department.update".into(),
            "belastingen".into()
        )
    );
}

#[tokio::test]
async fn a_wrong_department_is_explained_field_by_field_and_nothing_is_stored() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let audited = audit_count(&app).await;
    let (status, _, html) = post(
        &app,
        &admin,
        "/admin/departments/new",
        &[
            ("code", "burgerzaken"),
            ("name_nl", "Nog eens burgerzaken"),
            ("name_fr", "Population bis"),
            ("name_en", "Civil affairs again"),
            ("staffing", "fixed"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Deze code is al in gebruik"));
    assert!(html.contains(r##"<a href="#f-code">"##));
    assert!(html.contains(r#"id="f-code-error""#));
    assert!(html.contains("Nog eens burgerzaken"));
    assert_eq!(
        app.store.department("burgerzaken").await.unwrap().name_nl,
        "Burgerzaken"
    );

    let too_long = "x".repeat(121);
    let (status, _, html) = post(
        &app,
        &admin,
        "/admin/departments/new",
        &[
            ("code", "Sport"),
            ("name_nl", "Sport"),
            ("name_fr", ""),
            ("name_en", too_long.as_str()),
        ],
    )
    .await;
    assert_eq!(status, 422);
    for field in ["code", "name_fr", "name_en", "staffing"] {
        assert!(
            html.contains(&format!(r##"<a href="#f-{field}">"##)),
            "{field}"
        );
    }
    assert!(html.contains("Kies of de dienst vaste loketten heeft of op afroep komt."));
    assert!(html.contains("Vul de naam in het Frans in, met hoogstens 120 tekens."));
    assert!(html.contains(r#"value="Sport""#));
    assert!(app.store.department("sport").await.is_err());
    assert_eq!(audit_count(&app).await, audited, "nothing changed");
}

#[tokio::test]
async fn the_site_page_shows_its_zones_counters_rooms_and_the_way_to_its_hours() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let list = get(&app, &admin, "/admin/sites").await;
    assert!(list.contains(r#"href="/admin/sites/stadskantoor""#));
    let html = get(&app, &admin, "/admin/sites/stadskantoor").await;
    assert!(html.contains("<h1>Stadskantoor Leuven</h1>"));
    assert!(html.contains("Professor Van Overstraetenplein 1, 3000 Leuven"));
    assert!(html.contains(r#"href="/admin/sites/stadskantoor/edit""#));
    for letter in ["A", "B", "C", "D", "E"] {
        assert!(
            html.contains(&format!(
                r#"<span class="zone-badge zone-{letter}">{letter}</span>"#
            )),
            "{letter}"
        );
        assert!(html.contains(&format!(
            r#"href="/admin/sites/stadskantoor/zones/{letter}""#
        )));
    }
    assert!(html.contains("#047857"));
    assert!(html.contains(r#"href="/admin/sites/stadskantoor/zones/new""#));
    for number in 1..=20 {
        assert!(html.contains(&format!(
            r#"href="/admin/sites/stadskantoor/counters/{number}">Loket {number}</a>"#
        )));
    }
    assert!(html.contains(r#"href="/admin/sites/stadskantoor/counters/new""#));
    assert!(
        html.contains(
            r#"href="/admin/sites/stadskantoor/rooms/spreekruimte-1">Spreekruimte 1</a>"#
        )
    );
    assert!(html.contains(r#"href="/admin/sites/stadskantoor/rooms/new""#));
    assert!(html.contains(r#"href="/admin/sites/stadskantoor/hours">Openingsuren</a>"#));
    assert!(html.contains(
        r#"href="/admin/sites/stadskantoor/closing-days">Sluitingsdagen en uitzonderingen</a>"#
    ));
}

#[tokio::test]
async fn an_administrator_edits_a_site_and_an_unknown_time_zone_is_refused() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let site = [
        ("name", "Stadskantoor Leuven"),
        ("address", "Professor Van Overstraetenplein 1, 3000 Leuven"),
        ("phone", "016 27 20 00"),
        ("time_zone", "Europe/Leuven"),
        ("legal_holidays", "yes"),
    ];
    let (status, _, html) = post(&app, &admin, "/admin/sites/stadskantoor/edit", &site).await;
    assert_eq!(status, 422);
    assert!(html.contains("Deze tijdzone kennen wij niet."));
    assert!(html.contains(r##"<a href="#f-time_zone">"##));
    assert!(html.contains(r#"value="Europe/Leuven""#));
    assert!(html.contains(r#"value="016 27 20 00""#));
    let stored = app.store.site("stadskantoor").await.unwrap();
    assert_eq!(
        (stored.phone.as_str(), stored.time_zone.as_str()),
        ("016 27 28 29", "Europe/Brussels")
    );

    let mut site = site.to_vec();
    site[3] = ("time_zone", "Europe/Brussels");
    site.truncate(4); // the legal holidays box left unticked
    site.push(("code", "ergens-anders"));
    let (status, location, _) = post(&app, &admin, "/admin/sites/stadskantoor/edit", &site).await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/admin/sites/stadskantoor?saved=1")
    );
    let stored = app.store.site("stadskantoor").await.unwrap();
    assert_eq!(stored.phone, "016 27 20 00");
    assert!(!stored.legal_holidays);
    let html = get(&app, &admin, &location).await;
    assert!(html.contains("De wijzigingen zijn opgeslagen."));
    assert!(html.contains("016 27 20 00"));
    assert_eq!(
        last_audit(&app).await,
        ("admin".into(), "site.update".into(), "stadskantoor".into())
    );
}

#[tokio::test]
async fn an_administrator_adds_a_site_with_a_code_of_its_own() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let mut site = vec![
        ("code", "stadskantoor"),
        ("name", "Dienstencentrum Kessel-Lo"),
        ("address", "Stationsstraat 1, 3010 Kessel-Lo"),
        ("phone", "016 27 99 99"),
        ("time_zone", "europe/brussels"),
        ("legal_holidays", "yes"),
    ];
    let (status, _, html) = post(&app, &admin, "/admin/sites/new", &site).await;
    assert_eq!(status, 422);
    assert!(html.contains("Deze code is al in gebruik"));
    assert!(html.contains(r##"<a href="#f-code">"##));
    assert!(html.contains("Dienstencentrum Kessel-Lo"));

    site[0] = ("code", "kessel-lo");
    let (status, location, _) = post(&app, &admin, "/admin/sites/new", &site).await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/admin/sites/kessel-lo?saved=1")
    );
    let stored = app.store.site("kessel-lo").await.unwrap();
    assert_eq!(stored.time_zone, "Europe/Brussels");
    let html = get(&app, &admin, &location).await;
    assert!(html.contains("Deze vestiging heeft nog geen zones."));
    assert_eq!(
        last_audit(&app).await,
        ("admin".into(), "site.create".into(), "kessel-lo".into())
    );
}

#[tokio::test]
async fn a_zone_colour_too_light_for_white_letters_is_refused_and_the_input_kept() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let audited = audit_count(&app).await;
    let site = app.store.site("stadskantoor").await.unwrap();
    let form = get(&app, &admin, "/admin/sites/stadskantoor/zones/B").await;
    assert!(form.contains(r#"value="Burgerzaken""#));
    assert!(form.contains(r##"value="#047857""##));
    assert!(
        !form.contains(r#"name="letter""#),
        "the letter cannot change"
    );

    let (status, _, html) = post(
        &app,
        &admin,
        "/admin/sites/stadskantoor/zones/B",
        &[
            ("name_nl", "Burgerzaken en identiteit"),
            ("name_fr", "Population et identité"),
            ("name_en", "Civil affairs and identity"),
            ("colour", "#facc15"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Deze kleur is te licht"));
    assert!(html.contains(r##"<a href="#f-colour">"##));
    assert!(html.contains(r#"id="f-colour-error""#));
    assert!(html.contains(r##"value="#facc15""##));
    assert!(html.contains(r#"value="Burgerzaken en identiteit""#));
    let zone = app.store.zone(site.id, "B").await.unwrap();
    assert_eq!(
        (zone.name_nl.as_str(), zone.colour.as_str()),
        ("Burgerzaken", "#047857")
    );
    assert_eq!(audit_count(&app).await, audited, "nothing changed");

    let (status, _, html) = post(
        &app,
        &admin,
        "/admin/sites/stadskantoor/zones/B",
        &[
            ("name_nl", "Burgerzaken en identiteit"),
            ("name_fr", "Population et identité"),
            ("name_en", "Civil affairs and identity"),
            ("colour", "groen"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Vul een kleurcode in met # en zes tekens"));

    let (status, location, _) = post(
        &app,
        &admin,
        "/admin/sites/stadskantoor/zones/B",
        &[
            ("name_nl", "Burgerzaken en identiteit"),
            ("name_fr", "Population et identité"),
            ("name_en", "Civil affairs and identity"),
            ("colour", "#065F46"),
        ],
    )
    .await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/admin/sites/stadskantoor?saved=1")
    );
    let zone = app.store.zone(site.id, "B").await.unwrap();
    assert_eq!(
        (zone.name_nl.as_str(), zone.colour.as_str()),
        ("Burgerzaken en identiteit", "#065f46")
    );
    let html = get(&app, &admin, &location).await;
    assert!(html.contains("Burgerzaken en identiteit"));
    assert_eq!(
        last_audit(&app).await,
        (
            "admin".into(),
            "zone.update".into(),
            "stadskantoor/B".into()
        )
    );
    let css = app
        .browser()
        .get(app.url("/zones.css"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(css.contains(".zone-B { --zone: #065f46; }"), "{css}");
}

#[tokio::test]
async fn an_administrator_adds_a_zone_and_a_letter_in_use_is_refused_on_the_letter() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let site = app.store.site("stadskantoor").await.unwrap();
    let mut zone = vec![
        ("letter", "B"),
        ("name_nl", "Belastingen"),
        ("name_fr", "Taxes"),
        ("name_en", "Taxes"),
        ("colour", "#0f766e"),
    ];
    let (status, _, html) = post(&app, &admin, "/admin/sites/stadskantoor/zones/new", &zone).await;
    assert_eq!(status, 422);
    assert!(html.contains("Deze vestiging heeft al een zone met deze letter."));
    assert!(html.contains(r##"<a href="#f-letter">"##));
    assert!(html.contains(r#"value="Belastingen""#));
    assert_eq!(
        app.store.zone(site.id, "B").await.unwrap().name_nl,
        "Burgerzaken"
    );

    zone[0] = ("letter", "FG");
    let (status, _, html) = post(&app, &admin, "/admin/sites/stadskantoor/zones/new", &zone).await;
    assert_eq!(status, 422);
    assert!(html.contains("Vul één hoofdletter in"));

    zone[0] = ("letter", "f");
    let (status, location, _) =
        post(&app, &admin, "/admin/sites/stadskantoor/zones/new", &zone).await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/admin/sites/stadskantoor?saved=1")
    );
    assert_eq!(app.store.zone(site.id, "F").await.unwrap().name_fr, "Taxes");
    let html = get(&app, &admin, &location).await;
    assert!(html.contains(r#"<span class="zone-badge zone-F">F</span>"#));
    assert_eq!(
        last_audit(&app).await,
        (
            "admin".into(),
            "zone.create".into(),
            "stadskantoor/F".into()
        )
    );
}

#[tokio::test]
async fn an_administrator_adds_and_edits_a_meeting_room() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let site = app.store.site("stadskantoor").await.unwrap();
    let mut room = vec![
        ("code", "spreekruimte-1"),
        ("name_nl", "Spreekruimte 2"),
        ("name_fr", "Salle d'entretien 2"),
        ("name_en", "Meeting room 2"),
        ("note", ""),
    ];
    let (status, _, html) = post(&app, &admin, "/admin/sites/stadskantoor/rooms/new", &room).await;
    assert_eq!(status, 422);
    assert!(html.contains("Deze code is al in gebruik"));
    assert!(html.contains(r##"<a href="#f-code">"##));
    assert!(html.contains(r#"value="Spreekruimte 2""#));
    assert_eq!(
        app.store
            .room(site.id, "spreekruimte-1")
            .await
            .unwrap()
            .name_nl,
        "Spreekruimte 1"
    );

    room[0] = ("code", "spreekruimte-2");
    let (status, location, _) =
        post(&app, &admin, "/admin/sites/stadskantoor/rooms/new", &room).await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/admin/sites/stadskantoor?saved=1")
    );
    let html = get(&app, &admin, &location).await;
    assert!(
        html.contains(
            r#"href="/admin/sites/stadskantoor/rooms/spreekruimte-2">Spreekruimte 2</a>"#
        )
    );
    assert_eq!(
        last_audit(&app).await,
        (
            "admin".into(),
            "room.create".into(),
            "stadskantoor/spreekruimte-2".into()
        )
    );

    let long_note = "x".repeat(201);
    room[4] = ("note", &long_note);
    let (status, _, html) = post(
        &app,
        &admin,
        "/admin/sites/stadskantoor/rooms/spreekruimte-2",
        &room,
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("hoogstens 200 tekens"));
    assert!(html.contains(r##"<a href="#f-note">"##));

    room[4] = ("note", "Met een rolstoeltoegankelijke tafel");
    let (status, location, _) = post(
        &app,
        &admin,
        "/admin/sites/stadskantoor/rooms/spreekruimte-2",
        &room,
    )
    .await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/admin/sites/stadskantoor?saved=1")
    );
    assert_eq!(
        app.store
            .room(site.id, "spreekruimte-2")
            .await
            .unwrap()
            .note,
        "Met een rolstoeltoegankelijke tafel"
    );
    assert_eq!(
        last_audit(&app).await,
        (
            "admin".into(),
            "room.update".into(),
            "stadskantoor/spreekruimte-2".into()
        )
    );
}

#[tokio::test]
async fn the_organisation_pages_speak_the_language_of_the_visitor() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let html = admin
        .get(app.url("/admin/sites/stadskantoor"))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Jours de fermeture et exceptions"));
    assert!(html.contains(">Guichet 7</a>"));
    let html = admin
        .get(app.url("/admin/departments"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Civil affairs"));
    assert!(html.contains("On call"));
}
