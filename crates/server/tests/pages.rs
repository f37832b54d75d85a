//! The pages as a browser without JavaScript sees them: languages, sign-in, roles, forms.

mod support;

use support::spawn_app;

const ADMIN_PAGES: [&str; 6] = [
    "/admin",
    "/admin/products",
    "/admin/products/new",
    "/admin/products/eid-aanvraag",
    "/admin/users",
    "/admin/users/new",
];

#[tokio::test]
async fn every_admin_page_asks_for_a_sign_in_and_refuses_other_roles() {
    let app = spawn_app().await;
    let anonymous = app.browser();
    let counter = app.signed_in("balie1").await;
    let manager = app.signed_in("manager").await;
    let admin = app.signed_in("admin").await;
    for path in ADMIN_PAGES {
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
        assert_eq!(
            manager.get(app.url(path)).send().await.unwrap().status(),
            403,
            "{path} for a manager"
        );
        assert_eq!(
            admin.get(app.url(path)).send().await.unwrap().status(),
            200,
            "{path} for the administrator"
        );
    }
    let posted = counter
        .post(app.url("/admin/products/stadsplan"))
        .form(&[("code", "stadsplan"), ("minutes", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), 403);
    assert_eq!(app.store.product("stadsplan").await.unwrap().minutes, 1);
}

#[tokio::test]
async fn signing_in_returns_to_the_page_asked_for_and_signing_out_ends_the_session() {
    let app = spawn_app().await;
    let browser = app.browser();
    let login = browser
        .post(app.url("/staff/login"))
        .form(&[
            ("username", "admin"),
            ("password", "demo"),
            ("next", "/admin/users"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 303);
    assert_eq!(login.headers()["location"], "/admin/users");
    let cookie = login.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert_eq!(
        browser
            .get(app.url("/admin/users"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    browser.post(app.url("/staff/logout")).send().await.unwrap();
    assert_eq!(
        browser
            .get(app.url("/admin/users"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );

    let elsewhere = app
        .browser()
        .post(app.url("/staff/login"))
        .form(&[
            ("username", "admin"),
            ("password", "demo"),
            ("next", "//evil.example/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        elsewhere.headers()["location"],
        "/staff",
        "never sent to another site"
    );
}

#[tokio::test]
async fn a_form_sent_from_another_site_changes_nothing() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let response = admin
        .post(app.url("/admin/users/new"))
        .header("Origin", "https://evil.example")
        .form(&[
            ("username", "intruder"),
            ("display_name", "Intruder"),
            ("roles", "admin"),
            ("active", "yes"),
            ("password", "long enough secret"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(app.store.user("intruder").await.is_err());
}

#[tokio::test]
async fn pages_follow_the_browser_language_unless_the_visitor_chose_one() {
    let app = spawn_app().await;
    let browser = app.browser();
    let french = browser
        .get(app.url("/"))
        .header("Accept-Language", "fr-BE")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(french.contains(r#"<html lang="fr">"#));
    let dutch = browser
        .get(app.url("/"))
        .header("Accept-Language", "de")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(dutch.contains(r#"<html lang="nl">"#));

    let choice = browser
        .get(app.url("/language?to=en&back=/opening-hours"))
        .send()
        .await
        .unwrap();
    assert_eq!(choice.status(), 303);
    assert_eq!(choice.headers()["location"], "/opening-hours");
    let english = browser
        .get(app.url("/opening-hours"))
        .header("Accept-Language", "fr")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(english.contains(r#"<html lang="en">"#));
    assert!(english.contains("Thursday"));
}

#[tokio::test]
async fn an_unknown_page_is_a_page_and_an_unknown_api_path_a_problem() {
    let app = spawn_app().await;
    let page = app
        .browser()
        .get(app.url("/no-such-page"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 404);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(page.text().await.unwrap().contains("Pagina niet gevonden"));
}

#[tokio::test]
async fn an_unknown_product_is_a_translated_not_found_page() {
    let app = spawn_app().await;
    let response = app
        .browser()
        .get(app.url("/products/teleportation"))
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    let html = response.text().await.unwrap();
    assert!(html.contains("Page not found"));
    assert!(html.contains("demo-banner"));
}

#[tokio::test]
async fn a_duplicate_product_code_is_refused_on_the_code_field_and_the_input_kept() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let response = admin
        .post(app.url("/admin/products/new"))
        .form(&[
            ("code", "eid-aanvraag"),
            ("name_nl", "Nog een eID"),
            ("name_fr", "Encore une eID"),
            ("name_en", "Another eID"),
            ("department", "burgerzaken"),
            ("zone", "B"),
            ("channel", "appointment"),
            ("minutes", "15"),
            ("fee", "20"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Deze code is al in gebruik"));
    assert!(html.contains(r##"href="#f-code""##));
    assert!(html.contains("Nog een eID"));
    assert_eq!(
        app.store.product("eid-aanvraag").await.unwrap().name_nl,
        "Identiteitskaart (eID) aanvragen"
    );
}

#[tokio::test]
async fn the_home_page_tells_when_the_office_opens_again() {
    let app = spawn_app().await;
    app.clock.set("2026-12-04T12:00:00Z".parse().unwrap()); // Friday 13:00, after closing
    let html = app
        .browser()
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Nu gesloten. Wij zijn weer open op maandag 7 december 2026 om 9.00 uur."),
        "{html}"
    );
}

#[tokio::test]
async fn a_product_in_a_zone_that_does_not_exist_is_refused() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let response = admin
        .post(app.url("/admin/products/stadsplan"))
        .form(&[
            ("code", "stadsplan"),
            ("name_nl", "Stadsplan"),
            ("name_fr", "Plan de la ville"),
            ("name_en", "City map"),
            ("department", "onthaal"),
            ("zone", "Z"),
            ("channel", "fast_counter"),
            ("minutes", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Kies een zone uit de lijst.")
    );
    assert_eq!(
        app.store
            .product("stadsplan")
            .await
            .unwrap()
            .zone_letter
            .as_deref(),
        Some("A")
    );
}
