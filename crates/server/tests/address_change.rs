//! Address changes over HTTP: a citizen declares a new address, the population department's back
//! office records the neighbourhood officer's check and decides; an approval moves the citizen
//! and whoever moves along in the register, and the decision reaches the e-box, once.

mod support;

use loket_domain::national_number::NationalNumber;
use loket_domain::register::Address;
use loket_store::register::RegisterEntry;
use serde_json::{Value, json};
use support::{TestApp, form, get, page, post, spawn_app};

/// A demo resident whose household has at least `size` members.
async fn resident_in_household_of(app: &TestApp, size: usize) -> RegisterEntry {
    resident_where(app, |entry| entry.household.len() >= size).await
}

async fn resident_where(app: &TestApp, wanted: impl Fn(&RegisterEntry) -> bool) -> RegisterEntry {
    for resident in app.demo_residents().await {
        let number = NationalNumber::parse(resident["national_number"].as_str().unwrap()).unwrap();
        let entry = app.store.register_entry(&number).await.unwrap();
        if wanted(&entry) {
            return entry;
        }
    }
    panic!("no such resident in the demo");
}

/// A demo resident of another household than `entry`'s.
async fn someone_else(app: &TestApp, entry: &RegisterEntry) -> String {
    for resident in app.demo_residents().await {
        let digits = resident["national_number"].as_str().unwrap().to_owned();
        let number = NationalNumber::parse(&digits).unwrap();
        if !entry.household.iter().any(|m| m.national_number == number) {
            return digits;
        }
    }
    panic!("the demo has one household only");
}

fn digits(entry: &RegisterEntry) -> String {
    entry.resident.national_number.digits().to_owned()
}

/// A street of the demo that is not the one `entry` lives in.
fn other_street(entry: &RegisterEntry) -> &'static str {
    if entry.home.address.street == "Ladeuzeplein" {
        "Vismarkt"
    } else {
        "Ladeuzeplein"
    }
}

fn new_address(entry: &RegisterEntry) -> Address {
    Address {
        street: other_street(entry).into(),
        number: "7A".into(),
        box_number: "2".into(),
        postal_code: "3000".into(),
        city: "Leuven".into(),
    }
}

async fn declare(app: &TestApp, token: &str, body: Value) -> (u16, Value) {
    post(app, "/api/v1/eloket/requests", token, body).await
}

fn declaration(entry: &RegisterEntry, members: &[String]) -> Value {
    json!({
        "type": "adreswijziging",
        "street": other_street(entry),
        "number": "7a",
        "box": "2",
        "postal_code": "3000",
        "city": "Leuven",
        "moving_date": "2026-12-10",
        "members": members,
    })
}

async fn address_of(app: &TestApp, national_number: &str) -> String {
    let token = app.citizen_token(national_number).await;
    let (status, me) = get(app, "/api/v1/citizen/me", &token).await;
    assert_eq!(status, 200);
    me["address"].as_str().unwrap().to_owned()
}

async fn confirm_check(app: &TestApp, clerk: &reqwest::Client, id: i64) {
    let (status, to) = form(
        clerk,
        app,
        &format!("/backoffice/address-changes/{id}/check"),
        "checked_on=2026-12-03&outcome=confirmed&note=Naam+op+de+bel",
    )
    .await;
    assert_eq!(status, 303, "{to}");
}

#[tokio::test]
async fn an_approved_declaration_moves_the_citizen_and_who_moves_along() {
    let app = spawn_app().await;
    let entry = resident_where(&app, |e| {
        e.household.len() >= 3 && e.resident.email.is_some()
    })
    .await;
    let declarant = digits(&entry);
    let along = entry
        .household
        .iter()
        .find(|m| m.national_number != entry.resident.national_number)
        .unwrap();
    let stays = entry
        .household
        .iter()
        .find(|m| {
            m.national_number != entry.resident.national_number
                && m.national_number != along.national_number
        })
        .unwrap();
    let old_address = entry.home.address.to_string();
    let token = app.citizen_token(&declarant).await;

    let members = [along.national_number.digits().to_owned()];
    let (status, created) = declare(&app, &token, declaration(&entry, &members)).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["status"], "submitted");
    let id = created["id"].as_i64().unwrap();

    let clerk = app.signed_in("bevolking1").await;
    let (status, html) = page(&clerk, &app, "/backoffice/address-changes").await;
    assert_eq!(status, 200);
    assert!(html.contains(&entry.resident.last_name), "{html}");
    assert!(html.contains(&entry.resident.national_number.masked()));
    assert!(
        !html.contains(&declarant),
        "the national number is shown unmasked"
    );
    assert!(html.contains(&old_address));
    assert!(html.contains(&format!("{} 7A bus 2, 3000 Leuven", other_street(&entry))));
    assert!(html.contains("donderdag 10 december 2026"));
    assert!(html.contains(&along.last_name));
    assert!(html.contains("Nog niet gecontroleerd"));

    // Approval waits for the officer's confirmation.
    let (_, html) = page(&clerk, &app, &format!("/backoffice/address-changes/{id}")).await;
    assert!(html.contains("Goedkeuren kan zodra de wijkagent bevestigde"));
    let approve = format!("/backoffice/address-changes/{id}/approve");
    let (status, html) = form(&clerk, &app, &approve, "").await;
    assert_eq!(status, 409);
    assert!(html.contains("Bewaar eerst de controle"), "{html}");
    assert_eq!(address_of(&app, &declarant).await, old_address);

    confirm_check(&app, &clerk, id).await;
    let (_, html) = page(&clerk, &app, &format!("/backoffice/address-changes/{id}")).await;
    assert!(
        html.contains("Bevestigd op donderdag 3 december 2026"),
        "{html}"
    );
    assert!(html.contains("Naam op de bel"));
    assert!(html.contains(&format!("action=\"{approve}\"")));

    let (status, to) = form(&clerk, &app, &approve, "").await;
    assert_eq!(status, 303, "{to}");
    let (_, html) = page(&clerk, &app, &to).await;
    assert!(html.contains(&format!("Adreswijziging {id} is goedgekeurd")));
    assert!(html.contains("Er wachten geen adreswijzigingen."));

    let moved = format!("{} 7A bus 2, 3000 Leuven", other_street(&entry));
    assert_eq!(address_of(&app, &declarant).await, moved);
    assert_eq!(
        address_of(&app, along.national_number.digits()).await,
        moved
    );
    assert_eq!(
        address_of(&app, stays.national_number.digits()).await,
        old_address
    );
    let after = app
        .store
        .register_entry(&entry.resident.national_number)
        .await
        .unwrap();
    assert_eq!(after.since.to_string(), "2026-12-10");
    assert_eq!(after.household.len(), 2);

    let (_, ebox) = get(&app, "/api/v1/ebox", &token).await;
    let messages = ebox.as_array().unwrap();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0]["subject"], "Uw adreswijziging is goedgekeurd");
    let body = messages[0]["body"].as_str().unwrap();
    assert!(body.contains(&moved), "{body}");
    assert!(body.contains("donderdag 10 december 2026"), "{body}");
    assert!(
        body.contains("snelloket") && body.contains("pincode"),
        "{body}"
    );

    // The mail says only that a message waits.
    let mails = app.store.outbox(10).await.unwrap();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0].mail;
    assert_eq!(Some(&mail.recipient), entry.resident.email.as_ref());
    assert!(mail.text.contains("http://loket.test/ebox"));
    assert!(!mail.text.contains(other_street(&entry)) && !mail.html.contains(other_street(&entry)));

    let citizen = app.citizen_browser(&declarant).await;
    let (_, html) = page(&citizen, &app, "/eloket").await;
    assert!(html.contains("Goedgekeurd"));
    assert!(html.contains(&format!("/eloket/address-change/{id}")));

    let audit = app.store.audit_entries(20).await.unwrap();
    let decision = audit
        .iter()
        .find(|e| e.action == "address-change.approved")
        .expect("the approval is audited");
    assert_eq!(decision.subject, entry.resident.national_number.masked());
    assert_eq!(decision.actor.as_deref(), Some("bevolking1"));
}

#[tokio::test]
async fn a_refusal_needs_a_reason_and_tells_the_citizen_why() {
    let app = spawn_app().await;
    let entry = resident_in_household_of(&app, 1).await;
    let declarant = digits(&entry);
    let old_address = entry.home.address.to_string();
    let token = app.citizen_token(&declarant).await;
    let (status, created) = declare(&app, &token, declaration(&entry, &[])).await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();

    let clerk = app.signed_in("bevolking1").await;
    let refuse = format!("/backoffice/address-changes/{id}/refuse");
    let (status, html) = form(&clerk, &app, &refuse, "reason=+++").await;
    assert_eq!(status, 422);
    assert!(html.contains("Vul de reden van de weigering in"), "{html}");
    assert_eq!(
        app.store.request(id).await.unwrap().status.code(),
        "submitted"
    );

    let (status, to) = form(
        &clerk,
        &app,
        &refuse,
        "reason=De+wijkagent+trof+u+niet+aan+op+het+nieuwe+adres.",
    )
    .await;
    assert_eq!(status, 303, "{to}");
    assert_eq!(address_of(&app, &declarant).await, old_address);

    let (_, ebox) = get(&app, "/api/v1/ebox", &token).await;
    let messages = ebox.as_array().unwrap();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0]["subject"], "Uw adreswijziging is geweigerd");
    assert!(
        messages[0]["body"]
            .as_str()
            .unwrap()
            .contains("De wijkagent trof u niet aan op het nieuwe adres.")
    );

    let citizen = app.citizen_browser(&declarant).await;
    let (status, html) = page(&citizen, &app, &format!("/eloket/address-change/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Geweigerd"));
    assert!(html.contains("De wijkagent trof u niet aan op het nieuwe adres."));

    // Decided is decided: neither a second refusal nor an approval changes it.
    confirm_check_refused(&app, &clerk, id).await;
    let (status, html) = form(
        &clerk,
        &app,
        &format!("/backoffice/address-changes/{id}/approve"),
        "",
    )
    .await;
    assert_eq!(status, 409);
    assert!(html.contains("al beslist"), "{html}");
    assert_eq!(address_of(&app, &declarant).await, old_address);
}

/// Recording a check once decided is refused too.
async fn confirm_check_refused(app: &TestApp, clerk: &reqwest::Client, id: i64) {
    let (status, html) = form(
        clerk,
        app,
        &format!("/backoffice/address-changes/{id}/check"),
        "checked_on=2026-12-03&outcome=confirmed",
    )
    .await;
    assert_eq!(status, 409, "{html}");
}

#[tokio::test]
async fn a_wrong_declaration_gets_an_error_per_field_and_nothing_is_kept() {
    let app = spawn_app().await;
    let entry = resident_in_household_of(&app, 2).await;
    let declarant = digits(&entry);
    let stranger = someone_else(&app, &entry).await;
    let token = app.citizen_token(&declarant).await;

    let (status, problem) = declare(
        &app,
        &token,
        json!({
            "type": "adreswijziging",
            "street": "Grote Markt van Brussel",
            "number": "12-14",
            "box": "3/4",
            "moving_date": "2026-10-01",
            "members": [stranger],
        }),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    let errors = &problem["errors"];
    assert!(
        errors["street"]
            .as_str()
            .unwrap()
            .contains("niet in de lijst van de stad")
    );
    assert!(
        errors["number"]
            .as_str()
            .unwrap()
            .contains("bijvoorbeeld 12 of 12A")
    );
    assert!(errors["box"].as_str().unwrap().contains("hoogstens 6"));
    assert!(
        errors["moving_date"]
            .as_str()
            .unwrap()
            .contains("meer dan 30 dagen")
    );
    assert!(errors["members"].as_str().unwrap().contains("eigen gezin"));

    let (status, problem) = declare(
        &app,
        &token,
        json!({
            "type": "adreswijziging",
            "street": entry.home.address.street,
            "number": entry.home.address.number,
            "box": entry.home.address.box_number,
            "moving_date": "2027-02-01",
        }),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert!(
        problem["errors"]["moving_date"]
            .as_str()
            .unwrap()
            .contains("30 dagen vooraf")
    );

    let (status, problem) = declare(
        &app,
        &token,
        json!({
            "type": "adreswijziging",
            "street": entry.home.address.street,
            "number": entry.home.address.number,
            "box": entry.home.address.box_number,
            "moving_date": "2026-12-01",
        }),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert!(
        problem["errors"]["number"]
            .as_str()
            .unwrap()
            .contains("uw huidige adres")
    );

    // The same on the page: every message next to its field, what was typed kept.
    let citizen = app.citizen_browser(&declarant).await;
    let (status, html) = form(
        &citizen,
        &app,
        "/eloket/address-change",
        &format!("street=Nergensstraat&number=&box=&moving_date=&members={stranger}"),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Deze straat staat niet in de lijst van de stad"));
    assert!(html.contains("Vul het huisnummer in."));
    assert!(html.contains("Vul de datum van uw verhuis in"));
    assert!(html.contains("value=\"Nergensstraat\""));
    assert!(html.contains("href=\"#f-street\""));

    assert!(app.store.requests_of(&declarant).await.unwrap().is_empty());
    assert_eq!(
        address_of(&app, &declarant).await,
        entry.home.address.to_string()
    );
}

#[tokio::test]
async fn a_citizen_cannot_take_someone_outside_the_household_along() {
    let app = spawn_app().await;
    let entry = resident_in_household_of(&app, 1).await;
    let declarant = digits(&entry);
    let stranger = someone_else(&app, &entry).await;
    let token = app.citizen_token(&declarant).await;

    let (status, problem) = declare(
        &app,
        &token,
        declaration(&entry, std::slice::from_ref(&stranger)),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["members"].is_string());
    assert!(app.store.requests_of(&declarant).await.unwrap().is_empty());

    // Ticking a stranger on the page is refused the same way.
    let citizen = app.citizen_browser(&declarant).await;
    let body = format!(
        "street={}&number=7&box=&moving_date=2026-12-10&members={stranger}",
        other_street(&entry)
    );
    let (status, html) = form(&citizen, &app, "/eloket/address-change", &body).await;
    assert_eq!(status, 422);
    assert!(html.contains("alleen leden van uw eigen gezin"), "{html}");
    assert!(app.store.requests_of(&declarant).await.unwrap().is_empty());
    assert!(app.store.requests_of(&stranger).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_citizen_declares_on_the_page_and_follows_it_on_the_eloket() {
    let app = spawn_app().await;
    let entry = resident_in_household_of(&app, 2).await;
    let declarant = digits(&entry);
    let member = entry
        .household
        .iter()
        .find(|m| m.national_number != entry.resident.national_number)
        .unwrap();
    let citizen = app.citizen_browser(&declarant).await;

    let (_, html) = page(&citizen, &app, "/eloket").await;
    assert!(html.contains("href=\"/eloket/address-change\""));
    let (status, html) = page(&citizen, &app, "/eloket/address-change").await;
    assert_eq!(status, 200);
    assert!(html.contains("<option value=\"Bondgenotenlaan\">"));
    assert!(html.contains(&member.last_name));
    assert!(html.contains(&entry.home.address.to_string()));

    let body = format!(
        "street={}&number=7&box=&moving_date=10%2F12%2F2026&members={}",
        other_street(&entry),
        member.national_number.digits()
    );
    let (status, to) = form(&citizen, &app, "/eloket/address-change", &body).await;
    assert_eq!(status, 303, "{to}");
    let (status, html) = page(&citizen, &app, &to).await;
    assert_eq!(status, 200);
    assert!(html.contains("Uw adreswijziging is doorgegeven"));
    assert!(html.contains(&format!("{} 7, 3000 Leuven", other_street(&entry))));
    assert!(html.contains("donderdag 10 december 2026"));
    assert!(html.contains("snelloket"));

    let (_, html) = page(&citizen, &app, "/eloket").await;
    assert!(html.contains("Ingediend, wordt nagekeken"));

    // One declaration at a time: the form says so, and a second is a conflict.
    let (_, html) = page(&citizen, &app, "/eloket/address-change").await;
    assert!(html.contains("al een adreswijziging door"));
    let (status, html) = form(&citizen, &app, "/eloket/address-change", &body).await;
    assert_eq!(status, 409);
    assert!(html.contains("die nog nagekeken wordt"), "{html}");
    let token = app.citizen_token(&declarant).await;
    let (status, problem) = declare(&app, &token, declaration(&entry, &[])).await;
    assert_eq!(status, 409);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("nog nagekeken")
    );
    assert_eq!(app.store.requests_of(&declarant).await.unwrap().len(), 1);

    // Another citizen does not see it.
    let stranger = someone_else(&app, &entry).await;
    let other = app.citizen_browser(&stranger).await;
    let (status, _) = page(&other, &app, &to).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn only_the_population_back_office_and_admin_see_address_changes() {
    let app = spawn_app().await;
    let entry = resident_in_household_of(&app, 1).await;
    let token = app.citizen_token(&digits(&entry)).await;
    let (_, created) = declare(&app, &token, declaration(&entry, &[])).await;
    let id = created["id"].as_i64().unwrap();
    let detail = format!("/backoffice/address-changes/{id}");

    let (status, _) = page(&app.browser(), &app, "/backoffice/address-changes").await;
    assert_eq!(status, 401);
    for username in ["balie1", "onthaal", "backoffice1", "manager"] {
        let browser = app.signed_in(username).await;
        let (status, _) = page(&browser, &app, "/backoffice/address-changes").await;
        assert_eq!(status, 403, "{username} sees the list");
        let (status, _) = page(&browser, &app, &detail).await;
        assert_eq!(status, 403, "{username} sees a declaration");
        let (status, _) = form(&browser, &app, &format!("{detail}/approve"), "").await;
        assert_eq!(status, 403, "{username} decides");
        let (_, html) = page(&browser, &app, "/staff").await;
        assert!(!html.contains("/backoffice/address-changes"), "{username}");
    }
    assert_eq!(
        app.store.request(id).await.unwrap().status.code(),
        "submitted"
    );
    for username in ["bevolking1", "admin"] {
        let browser = app.signed_in(username).await;
        let (status, html) = page(&browser, &app, "/backoffice/address-changes").await;
        assert_eq!(status, 200, "{username}");
        assert!(html.contains(&entry.resident.last_name));
        let (status, _) = page(&browser, &app, &detail).await;
        assert_eq!(status, 200, "{username}");
        let (_, html) = page(&browser, &app, "/staff").await;
        assert!(html.contains("/backoffice/address-changes"), "{username}");
    }
}

#[tokio::test]
async fn eight_employees_deciding_at_once_decide_once() {
    let app = spawn_app().await;
    let entry = resident_in_household_of(&app, 2).await;
    let declarant = digits(&entry);
    let members: Vec<String> = entry
        .household
        .iter()
        .map(|m| m.national_number.digits().to_owned())
        .collect();
    let token = app.citizen_token(&declarant).await;
    let (status, created) = declare(&app, &token, declaration(&entry, &members)).await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_i64().unwrap();
    let first = app.signed_in("bevolking1").await;
    confirm_check(&app, &first, id).await;

    let mut clerks = Vec::new();
    for n in 0..8 {
        clerks.push(
            app.signed_in(if n % 2 == 0 { "bevolking1" } else { "admin" })
                .await,
        );
    }
    let attempts: Vec<_> = clerks
        .into_iter()
        .enumerate()
        .map(|(n, clerk)| {
            let decision = if n % 2 == 0 { "approve" } else { "refuse" };
            let url = app.url(&format!("/backoffice/address-changes/{id}/{decision}"));
            tokio::spawn(async move {
                let response = clerk
                    .post(url)
                    .form(&[("reason", "Tegelijk geweigerd")])
                    .send()
                    .await
                    .unwrap();
                response.status().as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for attempt in attempts {
        statuses.push(attempt.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        7,
        "{statuses:?}"
    );

    let (_, ebox) = get(&app, "/api/v1/ebox", &token).await;
    assert_eq!(ebox.as_array().unwrap().len(), 1, "{ebox}");
    let decided = app.store.request(id).await.unwrap();
    let audit = app.store.audit_entries(100).await.unwrap();
    let decisions = audit
        .iter()
        .filter(|e| e.action == "address-change.approved" || e.action == "address-change.refused")
        .count();
    assert_eq!(decisions, 1);
    let after = app
        .store
        .register_entry(&entry.resident.national_number)
        .await
        .unwrap();
    let expected = match decided.status.code() {
        "approved" => new_address(&entry),
        "refused" => entry.home.address.clone(),
        other => panic!("decided as {other}"),
    };
    assert_eq!(after.home.address, expected);
    assert_eq!(after.household.len(), entry.household.len());
    assert_eq!(after.household_id, entry.household_id);
}
