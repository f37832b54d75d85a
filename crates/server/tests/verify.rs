//! Issuing a certificate and checking it publicly, by code and by file, over HTTP.

mod support;

use loket_server::AppOptions;
use loket_server::certificates::{self, CertificateData, CertificateKind, HouseholdMember};
use loket_server::state::AppState;
use loket_store::documents::Document;
use serde_json::Value;
use support::{TestApp, spawn_app, spawn_app_with};

/// Issues a household composition through the certificate service, over the test app's database.
async fn issue(app: &TestApp) -> Document {
    let options = AppOptions {
        demo: true,
        public_url: "http://loket.test".into(),
        ..AppOptions::default()
    };
    let state = AppState::new(app.store.clone(), app.clock.clone(), options)
        .await
        .unwrap();
    let data = CertificateData {
        introduction: "Uit het bevolkingsregister blijkt dat het gezin van".into(),
        lines: vec![("Naam".into(), "Peeters, Jan".into())],
        members: vec![HouseholdMember {
            name: "Peeters, Jan".into(),
            birth_date: "30 juli 1985".into(),
            relation: "Referentiepersoon".into(),
        }],
        closing: None,
    };
    certificates::issue(
        &state,
        "85073003328",
        CertificateKind::HouseholdComposition,
        &data,
        None,
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn an_issued_certificate_is_a_pdf_that_verifies_by_its_code() {
    let app = spawn_app().await;
    let document = issue(&app).await;
    let pdf = app.store.document_pdf(document.id).await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let page_link = format!(
        "http://loket.test/verify?code={}",
        document.verification_code
    );
    assert!(
        pdf.windows(page_link.len())
            .any(|w| w == page_link.as_bytes()),
        "the QR code opens the verification page of this document"
    );

    let typed = document.verification_code.to_lowercase().replace('-', " ");
    let response = reqwest::get(format!("{}/api/v1/verify/{typed}", app.base))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let verdict: Value = response.json().await.unwrap();
    assert_eq!(verdict["valid"], true);
    assert_eq!(verdict["type"], "attest-gezinssamenstelling");
    assert_eq!(verdict["issued_at"], "2026-12-03T10:00:00+01:00");
    assert_eq!(verdict["sha256"], document.sha256.as_str());
    assert!(verdict.get("national_number").is_none());
}

#[tokio::test]
async fn an_unknown_code_is_not_found() {
    let app = spawn_app().await;
    issue(&app).await;
    for code in ["ZZZZ-ZZZZ-ZZZZ", "not-a-code"] {
        let response = reqwest::get(format!("{}/api/v1/verify/{code}", app.base))
            .await
            .unwrap();
        assert_eq!(response.status(), 404, "{code}");
    }
}

#[tokio::test]
async fn only_the_exact_file_as_issued_verifies() {
    let app = spawn_app().await;
    let document = issue(&app).await;
    let pdf = app.store.document_pdf(document.id).await.unwrap();

    let verdict = app.verify_file(pdf.clone()).await;
    assert_eq!(verdict["valid"], true);
    assert_eq!(verdict["type"], "attest-gezinssamenstelling");
    assert_eq!(verdict["issued_at"], "2026-12-03T10:00:00+01:00");

    let mut changed = pdf.clone();
    let middle = changed.len() / 2;
    changed[middle] ^= 0x01;
    assert_eq!(
        app.verify_file(changed).await,
        serde_json::json!({"valid": false})
    );

    let mut appended = pdf;
    appended.push(b'\n');
    assert_eq!(
        app.verify_file(appended).await,
        serde_json::json!({"valid": false})
    );
}

#[tokio::test]
async fn every_certificate_gets_a_code_of_its_own() {
    let app = spawn_app().await;
    let first = issue(&app).await;
    let second = issue(&app).await;
    assert_ne!(first.verification_code, second.verification_code);
    assert_ne!(first.sha256, second.sha256);
    let owned = app.store.documents_of("85073003328").await.unwrap();
    assert_eq!(owned.len(), 2);
}

/// Posts `file` to the verification page as a browser's form does.
async fn upload(app: &TestApp, file: &[u8]) -> (u16, String) {
    let boundary = "loket-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"attest.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let response = reqwest::Client::new()
        .post(format!("{}/verify/file", app.base))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn the_page_shows_the_kind_and_date_for_a_code_but_not_the_person() {
    let app = spawn_app().await;
    let document = issue(&app).await;
    let response = reqwest::get(format!(
        "{}/verify?code={}",
        app.base, document.verification_code
    ))
    .await
    .unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("Deze code hoort bij een echt document"));
    assert!(html.contains("gezinssamenstelling"));
    assert!(html.contains("donderdag 3 december 2026"));
    assert!(
        !html.contains("Peeters"),
        "no personal data on the public page"
    );

    let response = reqwest::get(format!("{}/verify?code=ZZZZ-ZZZZ-ZZZZ", app.base))
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Er is geen document met deze code"));
    assert!(
        html.contains("value=\"ZZZZ-ZZZZ-ZZZZ\""),
        "the typed code is kept"
    );
}

#[tokio::test]
async fn the_page_accepts_the_issued_file_and_rejects_a_changed_one() {
    let app = spawn_app().await;
    let document = issue(&app).await;
    let pdf = app.store.document_pdf(document.id).await.unwrap();

    let (status, html) = upload(&app, &pdf).await;
    assert_eq!(status, 200);
    assert!(html.contains("Dit document is echt"));
    assert!(html.contains(&document.verification_code));

    let mut changed = pdf;
    let last = changed.len() - 10;
    changed[last] ^= 0x20;
    let (status, html) = upload(&app, &changed).await;
    assert_eq!(status, 200);
    assert!(html.contains("Dit document is niet aanvaard"));

    let (status, html) = upload(&app, b"").await;
    assert_eq!(status, 422);
    assert!(html.contains("Kies een PDF-bestand."));
}

#[tokio::test]
async fn guessing_codes_one_after_another_is_slowed_down() {
    let app = spawn_app_with(AppOptions {
        demo: true,
        rate_limit: true,
        public_url: "http://loket.test".into(),
        ..AppOptions::default()
    })
    .await;
    let mut statuses = Vec::new();
    for guess in "ABCDEFGHJKMN".chars() {
        let code = format!("ZZZZ-ZZZZ-ZZZ{guess}");
        let response = reqwest::get(format!("{}/api/v1/verify/{code}", app.base))
            .await
            .unwrap();
        statuses.push(response.status().as_u16());
    }
    assert_eq!(&statuses[..10], &[404; 10]);
    assert_eq!(statuses[10..], [429, 429]);
}
