//! The e-loket's certificates and e-box over HTTP: a certificate asked for arrives at once as a
//! genuine PDF in the citizen's e-box, the citizen is told by a mail without personal data, and no
//! citizen reaches another's messages or documents.

mod support;

use loket_domain::national_number::NationalNumber;
use loket_store::outbox::{OutgoingMail, QueuedMail};
use serde_json::{Value, json};
use support::{TestApp, api, form, get, page, post, spawn_app};

/// The national number of a demo resident with an e-mail address, and one of a resident without.
async fn residents_with_and_without_mail(app: &TestApp) -> (String, String) {
    let mut with = None;
    let mut without = None;
    for resident in app.demo_residents().await {
        let digits = resident["national_number"].as_str().unwrap().to_owned();
        let number = NationalNumber::parse(&digits).unwrap();
        let entry = app.store.register_entry(&number).await.unwrap();
        match entry.resident.email {
            Some(_) if with.is_none() => with = Some(digits),
            None if without.is_none() => without = Some(digits),
            _ => {}
        }
    }
    (with.unwrap(), without.unwrap())
}

async fn request(app: &TestApp, token: &str, body: Value) -> (u16, Value) {
    post(app, "/api/v1/eloket/requests", token, body).await
}

async fn mails(app: &TestApp) -> Vec<OutgoingMail> {
    let queued: Vec<QueuedMail> = app.store.outbox(50).await.unwrap();
    queued.into_iter().map(|queued| queued.mail).collect()
}

#[tokio::test]
async fn a_requested_certificate_is_in_the_ebox_at_once_and_verifies() {
    let app = spawn_app().await;
    let (resident, _) = residents_with_and_without_mail(&app).await;
    let token = app.citizen_token(&resident).await;

    let (status, created) = request(&app, &token, json!({"type": "attest-woonst"})).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["status"], "delivered");

    let (status, ebox) = get(&app, "/api/v1/ebox", &token).await;
    assert_eq!(status, 200);
    let messages = ebox.as_array().unwrap();
    assert_eq!(messages.len(), 1);
    let message = &messages[0];
    assert_eq!(message["subject"], "Uw attest van woonst staat klaar");
    assert_eq!(message["read"], false);
    assert_eq!(message["received_at"], "2026-12-03T10:00:00+01:00");
    assert_eq!(message["document"]["type"], "attest-woonst");

    let document_id = message["document"]["id"].as_i64().unwrap();
    let (content_type, pdf) = app.ebox_document(&token, document_id).await;
    assert_eq!(content_type, "application/pdf");
    let verdict = app.verify_file(pdf).await;
    assert_eq!(verdict["valid"], true);
    assert_eq!(verdict["type"], "attest-woonst");

    let code = message["document"]["verification_code"].as_str().unwrap();
    let (status, by_code) = api(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/verify/{code}"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(by_code["valid"], true);
}

#[tokio::test]
async fn the_citizen_is_told_by_a_mail_that_names_nothing_personal() {
    let app = spawn_app().await;
    let (with_mail, without_mail) = residents_with_and_without_mail(&app).await;
    let entry = app
        .store
        .register_entry(&NationalNumber::parse(&with_mail).unwrap())
        .await
        .unwrap();
    let token = app.citizen_token(&with_mail).await;
    request(&app, &token, json!({"type": "attest-gezinssamenstelling"})).await;

    let sent = mails(&app).await;
    assert_eq!(sent.len(), 1);
    let mail = &sent[0];
    assert_eq!(Some(&mail.recipient), entry.resident.email.as_ref());
    assert!(mail.subject.contains("e-loket"), "{}", mail.subject);
    assert!(
        mail.text.contains("http://loket.test/ebox"),
        "{}",
        mail.text
    );
    for personal in [
        entry.resident.last_name.as_str(),
        entry.resident.first_name(),
        entry.home.address.street.as_str(),
        &with_mail[..6],
        "gezinssamenstelling",
    ] {
        assert!(!mail.text.contains(personal), "the mail names {personal}");
        assert!(!mail.html.contains(personal), "the mail names {personal}");
        assert!(
            !mail.subject.contains(personal),
            "the mail names {personal}"
        );
    }

    let token = app.citizen_token(&without_mail).await;
    request(&app, &token, json!({"type": "attest-leven"})).await;
    assert_eq!(mails(&app).await.len(), 1, "no address, no mail");
}

#[tokio::test]
async fn a_citizen_never_reaches_another_citizens_messages_or_documents() {
    let app = spawn_app().await;
    let (first, second) = residents_with_and_without_mail(&app).await;
    let first_token = app.citizen_token(&first).await;
    let second_token = app.citizen_token(&second).await;
    request(&app, &first_token, json!({"type": "attest-nationaliteit"})).await;
    let (_, ebox) = get(&app, "/api/v1/ebox", &first_token).await;
    let document_id = ebox[0]["document"]["id"].as_i64().unwrap();
    let message_id = ebox[0]["id"].as_i64().unwrap();

    let (status, theirs) = get(&app, "/api/v1/ebox", &second_token).await;
    assert_eq!(status, 200);
    assert_eq!(theirs, json!([]));
    let path = format!("/api/v1/ebox/documents/{document_id}");
    assert_eq!(get(&app, &path, &second_token).await.0, 404);
    assert_eq!(get(&app, &path, "").await.0, 401);
    let staff = app.token("admin").await;
    assert_eq!(get(&app, &path, &staff).await.0, 401);

    let browser = app.citizen_browser(&second).await;
    let (status, _) = page(&browser, &app, &format!("/ebox/{message_id}")).await;
    assert_eq!(status, 404);
    let (status, _) = page(&browser, &app, &format!("/ebox/documents/{document_id}")).await;
    assert_eq!(status, 404);
    let (_, html) = page(&browser, &app, "/ebox").await;
    assert!(html.contains("Er staan nog geen berichten"));
}

#[tokio::test]
async fn request_types_are_named_in_the_language_asked_and_others_are_refused() {
    let app = spawn_app().await;
    let response = reqwest::Client::new()
        .get(app.url("/api/v1/eloket/request-types"))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap();
    let types: Value = response.json().await.unwrap();
    let types = types.as_array().unwrap();
    let codes: Vec<&str> = types.iter().map(|t| t["code"].as_str().unwrap()).collect();
    assert_eq!(
        codes,
        [
            "attest-woonst",
            "attest-gezinssamenstelling",
            "attest-leven",
            "attest-nationaliteit",
            "uittreksel-bevolkingsregister",
            "adreswijziging",
            "bewonerskaart"
        ]
    );
    assert_eq!(types[0]["name"], "Certificat de résidence");
    assert!(types.iter().all(|t| t["assurance"] == "high"));

    let residents = app.demo_residents().await;
    let token = app
        .citizen_token(residents[0]["national_number"].as_str().unwrap())
        .await;
    let (status, problem) = request(&app, &token, json!({"type": "paspoort"})).await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["type"].is_string());
    let (status, _) = request(&app, "", json!({"type": "attest-woonst"})).await;
    assert_eq!(status, 401);
    let (_, ebox) = get(&app, "/api/v1/ebox", &token).await;
    assert_eq!(ebox, json!([]), "nothing was made");
}

#[tokio::test]
async fn on_the_pages_a_resident_signs_in_asks_for_a_certificate_and_reads_it() {
    let app = spawn_app().await;
    let browser = app.browser();
    let response = browser.get(app.url("/ebox")).send().await.unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/eloket/login?next=%2Febox");
    let (status, html) = page(&browser, &app, "/eloket/login?next=%2Febox").await;
    assert_eq!(status, 200);
    assert!(html.contains("Aanmelden bij het e-loket"));
    assert!(html.contains("demo-inwoner"));
    assert!(html.contains("Meld u aan om uw e-loket te openen."));

    let (status, html) = form(&browser, &app, "/eloket/login/demo", "resident=&next=/ebox").await;
    assert_eq!(status, 422);
    assert!(html.contains("Kies een van de demo-inwoners uit de lijst."));

    let residents = app.demo_residents().await;
    let resident = residents[3]["national_number"].as_str().unwrap();
    let (status, to) = form(
        &browser,
        &app,
        "/eloket/login/demo",
        &format!("resident={resident}&next=/ebox"),
    )
    .await;
    assert_eq!((status, to.as_str()), (303, "/ebox"));

    let (status, html) = page(&browser, &app, "/eloket").await;
    assert_eq!(status, 200);
    assert!(html.contains(residents[3]["first_name"].as_str().unwrap()));
    assert!(html.contains("U hebt nog niets aangevraagd."));

    let (status, html) = form(&browser, &app, "/eloket/certificates", "kind=").await;
    assert_eq!(status, 422);
    assert!(html.contains("Kies welk attest u nodig hebt."));
    let (status, to) = form(
        &browser,
        &app,
        "/eloket/certificates",
        "kind=uittreksel-bevolkingsregister",
    )
    .await;
    assert_eq!(status, 303);
    assert!(to.starts_with("/ebox/"), "{to}");

    let (_, html) = page(&browser, &app, "/ebox").await;
    assert!(html.contains("U hebt 1 nieuw bericht."));
    let (status, html) = page(&browser, &app, &to).await;
    assert_eq!(status, 200);
    assert!(html.contains("Uw uittreksel uit het bevolkingsregister staat klaar"));
    let (_, html) = page(&browser, &app, "/ebox").await;
    assert!(html.contains("U hebt alle berichten gelezen."));
    let (_, html) = page(&browser, &app, "/eloket").await;
    assert!(html.contains("In uw e-loket"));

    let (status, _) = form(&browser, &app, "/eloket/logout", "").await;
    assert_eq!(status, 303);
    assert_eq!(page(&browser, &app, "/ebox").await.0, 303);
}

#[tokio::test]
async fn a_counter_employee_makes_a_certificate_for_a_visitor_which_also_reaches_their_ebox() {
    let app = spawn_app().await;
    let residents = app.demo_residents().await;
    let visitor = residents[5]["national_number"].as_str().unwrap();
    let employee = app.signed_in("balie1").await;

    let (status, html) = form(
        &employee,
        &app,
        "/counter/certificates",
        "national_number=85.07.30-033.29&kind=",
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Dit rijksregisternummer klopt niet"));
    assert!(html.contains("Kies welk attest u nodig hebt."));
    assert!(
        html.contains("value=\"85.07.30-033.29\""),
        "the input is kept"
    );
    let (status, html) = form(
        &employee,
        &app,
        "/counter/certificates",
        "national_number=00.01.01-001.73&kind=attest-leven",
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("niet in het bevolkingsregister"));

    let (status, to) = form(
        &employee,
        &app,
        "/counter/certificates",
        &format!("national_number={visitor}&kind=attest-leven"),
    )
    .await;
    assert_eq!(status, 303);
    let (status, html) = page(&employee, &app, &to).await;
    assert_eq!(status, 200);
    assert!(html.contains("Het attest is gemaakt"));
    assert!(html.contains(residents[5]["last_name"].as_str().unwrap()));
    assert!(!html.contains(&visitor[6..]), "the number is masked");
    let pdf = employee
        .get(app.url(&format!("{to}/pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200);
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF-"));

    let token = app.citizen_token(visitor).await;
    let (_, ebox) = get(&app, "/api/v1/ebox", &token).await;
    assert_eq!(ebox[0]["subject"], "Uw attest van leven staat klaar");
    let audit = app.store.audit_entries(10).await.unwrap();
    let issued = audit.iter().find(|e| e.action == "document.issue").unwrap();
    assert_eq!(issued.actor.as_deref(), Some("balie1"));
    assert!(audit.iter().any(|e| e.action == "document.download"));

    let reception = app.signed_in("onthaal").await;
    assert_eq!(page(&reception, &app, "/counter/certificates").await.0, 403);
    assert_eq!(page(&reception, &app, &to).await.0, 403);
    let citizen = app.citizen_browser(visitor).await;
    assert_eq!(page(&citizen, &app, &format!("{to}/pdf")).await.0, 401);
}
