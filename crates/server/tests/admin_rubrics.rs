//! The kiosk's rubrics as an administrator manages them: added, renamed, put in order and removed
//! when empty, each change seen on the kiosk and written to the audit log.

mod support;

use support::{TestApp, spawn_app};

/// Sends a form and returns the status, where it leads and the page.
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

/// The rubric codes on the kiosk's start page, in the order a citizen sees them.
async fn kiosk_rubrics(app: &TestApp, language: &str) -> (Vec<String>, String) {
    let html = reqwest::Client::new()
        .get(app.url("/kiosk/stadskantoor"))
        .header("cookie", format!("lang={language}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let marker = "href=\"/kiosk/stadskantoor/rubrics/";
    let codes = html
        .split(marker)
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .collect();
    (codes, html)
}

/// Puts a product in a rubric, as the product form does.
async fn put_in_rubric(app: &TestApp, product: &str, rubric: &str) {
    let mut input = app.store.product(product).await.unwrap().input();
    input.rubric_code = Some(rubric.to_owned());
    app.store.update_product(product, &input).await.unwrap();
}

const SPORT: [(&str, &str); 4] = [
    ("code", "sport"),
    ("name_nl", "Sport"),
    ("name_fr", "Sport"),
    ("name_en", "Sports"),
];

#[tokio::test]
async fn a_new_rubric_appears_on_the_kiosk_last_and_a_new_name_shows_in_french() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let (before, _) = kiosk_rubrics(&app, "nl").await;

    let (status, location, _) = post(&app, &admin, "/admin/rubrics/new", &SPORT).await;
    assert_eq!((status, location.as_str()), (303, "/admin/rubrics?saved=1"));
    assert_eq!(
        last_audit(&app).await,
        ("admin".into(), "rubric.create".into(), "sport".into())
    );
    let list = get(&app, &admin, "/admin/rubrics?saved=1").await;
    assert!(list.contains("href=\"/admin/rubrics/sport\""));
    assert!(list.contains("De wijzigingen zijn opgeslagen."));
    assert_eq!(
        kiosk_rubrics(&app, "nl").await.0,
        before,
        "an empty rubric is not on the kiosk"
    );

    put_in_rubric(&app, "rattenvergif", "sport").await;
    let (after, html) = kiosk_rubrics(&app, "nl").await;
    let mut expected = before.clone();
    expected.push("sport".into());
    assert_eq!(after, expected, "the new rubric comes last");
    let button = html
        .split("href=\"/kiosk/stadskantoor/rubrics/sport\"")
        .nth(1)
        .unwrap()
        .split("</a>")
        .next()
        .unwrap()
        .to_owned();
    assert!(
        button.contains("<svg") && button.contains("<span>Sport</span>"),
        "{button}"
    );
    assert!(
        button.contains("<path") || button.contains("<rect"),
        "a rubric with a code the kiosk does not know still gets a pictogram: {button}"
    );

    let list = get(&app, &admin, "/admin/rubrics").await;
    let row = list.split("/admin/rubrics/sport\"").nth(1).unwrap();
    assert!(row.contains("<td>1</td>"), "one product in the rubric");

    let renamed = [
        ("name_nl", "Sport en vrije tijd"),
        ("name_fr", "Sports et loisirs"),
        ("name_en", "Sport and leisure"),
        ("code", "ignored"),
    ];
    let (status, location, _) = post(&app, &admin, "/admin/rubrics/sport", &renamed).await;
    assert_eq!((status, location.as_str()), (303, "/admin/rubrics?saved=1"));
    assert_eq!(
        last_audit(&app).await,
        ("admin".into(), "rubric.update".into(), "sport".into())
    );
    let (codes, french) = kiosk_rubrics(&app, "fr").await;
    assert_eq!(codes, expected, "the code and the place stay");
    assert!(french.contains("<span>Sports et loisirs</span>"));
    assert!(app.store.rubric("ignored").await.is_err());
}

#[tokio::test]
async fn moving_a_rubric_up_changes_the_kiosk_order() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let (before, _) = kiosk_rubrics(&app, "nl").await;
    let afval = before.iter().position(|c| c == "afval").unwrap();
    assert_eq!(before[afval - 1], "attesten");

    let (status, location, _) = post(&app, &admin, "/admin/rubrics/afval/up", &[]).await;
    assert_eq!((status, location.as_str()), (303, "/admin/rubrics?saved=1"));
    assert_eq!(
        last_audit(&app).await,
        ("admin".into(), "rubric.move-up".into(), "afval".into())
    );
    let (after, _) = kiosk_rubrics(&app, "nl").await;
    let mut expected = before.clone();
    expected.swap(afval - 1, afval);
    assert_eq!(after, expected);

    let list = get(&app, &admin, "/admin/rubrics").await;
    assert!(
        list.find("/admin/rubrics/afval\"").unwrap()
            < list.find("/admin/rubrics/attesten\"").unwrap(),
        "the list shows the kiosk order"
    );

    post(&app, &admin, "/admin/rubrics/afval/down", &[]).await;
    assert_eq!(kiosk_rubrics(&app, "nl").await.0, before);
    assert_eq!(last_audit(&app).await.1, "rubric.move-down");

    let first = &before[0];
    let audits = audit_count(&app).await;
    post(&app, &admin, &format!("/admin/rubrics/{first}/up"), &[]).await;
    assert_eq!(
        kiosk_rubrics(&app, "nl").await.0,
        before,
        "the first stays first"
    );
    assert_eq!(
        audit_count(&app).await,
        audits,
        "nothing changed, nothing logged"
    );
}

#[tokio::test]
async fn a_rubric_with_products_is_kept_and_an_empty_one_is_removed() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let audits = audit_count(&app).await;

    let (status, _, page) = post(&app, &admin, "/admin/rubrics/afval/remove", &[]).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Deze rubriek kan niet weg: er staan nog 4 producten in."),
        "{page}"
    );
    assert!(page.contains("href=\"#f-remove\"") && page.contains("id=\"f-remove\""));
    assert!(app.store.rubric("afval").await.is_ok());
    assert!(
        kiosk_rubrics(&app, "nl")
            .await
            .0
            .contains(&"afval".to_owned())
    );
    assert_eq!(audit_count(&app).await, audits);

    post(&app, &admin, "/admin/rubrics/new", &SPORT).await;
    let edit = get(&app, &admin, "/admin/rubrics/sport").await;
    assert!(edit.contains("Er staat geen enkel product in deze rubriek."));
    let (status, location, _) = post(&app, &admin, "/admin/rubrics/sport/remove", &[]).await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/admin/rubrics?removed=1")
    );
    assert_eq!(
        last_audit(&app).await,
        ("admin".into(), "rubric.remove".into(), "sport".into())
    );
    assert!(app.store.rubric("sport").await.is_err());
    let list = get(&app, &admin, "/admin/rubrics?removed=1").await;
    assert!(list.contains("De rubriek is verwijderd."));
    assert!(!list.contains("/admin/rubrics/sport\""));
}

#[tokio::test]
async fn the_rubric_pages_are_for_administrators_only() {
    let app = spawn_app().await;
    let counter = app.signed_in("balie1").await;
    let admin = app.signed_in("admin").await;
    let before = app.store.rubrics().await.unwrap();
    let audits = audit_count(&app).await;
    for path in [
        "/admin/rubrics",
        "/admin/rubrics/new",
        "/admin/rubrics/afval",
    ] {
        let response = counter.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 403, "{path}");
        assert!(get(&app, &admin, path).await.contains("<h1>"), "{path}");
    }
    for (path, form) in [
        ("/admin/rubrics/new", &SPORT[..]),
        ("/admin/rubrics/afval", &SPORT[1..]),
        ("/admin/rubrics/afval/up", &[][..]),
        ("/admin/rubrics/afval/down", &[][..]),
        ("/admin/rubrics/info/remove", &[][..]),
    ] {
        let (status, _, _) = post(&app, &counter, path, form).await;
        assert_eq!(status, 403, "{path}");
    }
    assert_eq!(app.store.rubrics().await.unwrap(), before);
    assert_eq!(audit_count(&app).await, audits);
    let overview = get(&app, &admin, "/admin").await;
    assert!(overview.contains("href=\"/admin/rubrics\""));
}

#[tokio::test]
async fn a_wrong_form_keeps_the_input_names_each_wrong_field_and_changes_nothing() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let before = app.store.rubrics().await.unwrap();
    let audits = audit_count(&app).await;

    let form = [
        ("code", "Sport Club"),
        ("name_nl", "Sport"),
        ("name_fr", ""),
        ("name_en", "Sports"),
    ];
    let (status, _, page) = post(&app, &admin, "/admin/rubrics/new", &form).await;
    assert_eq!(status, 422);
    for kept in [
        "value=\"Sport Club\"",
        "value=\"Sport\"",
        "value=\"Sports\"",
    ] {
        assert!(page.contains(kept), "{kept}");
    }
    for link in ["href=\"#f-code\"", "href=\"#f-name_fr\""] {
        assert!(page.contains(link), "{link}");
    }
    assert!(!page.contains("href=\"#f-name_nl\""));
    assert!(page.contains("Vul de naam in het Frans in"));

    let (status, _, page) = post(
        &app,
        &admin,
        "/admin/rubrics/new",
        &[
            ("code", "afval"),
            ("name_nl", "Afval 2"),
            ("name_fr", "Déchets 2"),
            ("name_en", "Waste 2"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("Deze code is al in gebruik."));
    assert!(page.contains("value=\"Afval 2\""));

    let (status, _, page) = post(
        &app,
        &admin,
        "/admin/rubrics/afval",
        &[
            ("name_nl", ""),
            ("name_fr", "Ordures"),
            ("name_en", "Waste"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("href=\"#f-name_nl\"") && page.contains("value=\"Ordures\""));

    assert_eq!(app.store.rubrics().await.unwrap(), before);
    assert_eq!(audit_count(&app).await, audits);
}
