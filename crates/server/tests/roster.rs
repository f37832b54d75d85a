//! Rosters edited by an administrator or a manager, seen through the free times citizens get.

mod support;

use serde_json::Value;
use support::{TestApp, spawn_app};

const ZONE_B: &str = "/staff/roster/stadskantoor/B";

/// Thursday a week after the test's today.
const THURSDAY: &str = "2026-12-10";

async fn free_times(app: &TestApp, day: &str) -> Vec<Value> {
    let url = app.url(&format!(
        "/api/v1/availability?site=stadskantoor&products=eid-aanvraag&from={day}&to={day}"
    ));
    let body: Value = reqwest::get(url).await.unwrap().json().await.unwrap();
    body["slots"].as_array().unwrap().clone()
}

/// What remains at a local start such as `09:00` on `day`.
async fn remaining_at(app: &TestApp, day: &str, time: &str) -> Option<u64> {
    free_times(app, day)
        .await
        .iter()
        .find(|slot| slot["start"] == format!("{day}T{time}:00+01:00"))
        .map(|slot| slot["remaining"].as_u64().unwrap())
}

/// The id of zone B's weekly block on a weekday (Monday is 1).
async fn zone_b_block(app: &TestApp, weekday: i8) -> i64 {
    let site = app.store.site("stadskantoor").await.unwrap();
    app.store
        .roster_blocks(site.id, "B")
        .await
        .unwrap()
        .into_iter()
        .find(|stored| stored.block.weekday.to_monday_one_offset() == weekday)
        .unwrap()
        .id
}

fn block<'a>(
    weekday: &'a str,
    from: &'a str,
    until: &'a str,
    counters: &'a str,
    walk_in: &'a str,
) -> [(&'static str, &'a str); 5] {
    [
        ("weekday", weekday),
        ("from", from),
        ("until", until),
        ("counters", counters),
        ("walk_in", walk_in),
    ]
}

async fn text(client: &reqwest::Client, url: String) -> String {
    let response = client.get(url).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

#[tokio::test]
async fn a_manager_changes_a_block_and_the_free_times_follow() {
    let app = spawn_app().await;
    assert_eq!(remaining_at(&app, THURSDAY, "09:00").await, Some(6));
    let manager = app.signed_in("manager").await;
    let home = text(&manager, app.url("/staff")).await;
    assert!(home.contains(r#"href="/staff/roster""#));
    let page = text(&manager, app.url(ZONE_B)).await;
    assert!(page.contains("Rooster van zone B: Burgerzaken"), "{page}");

    let thursday = zone_b_block(&app, 4).await;
    let path = format!("{ZONE_B}/blocks/{thursday}");
    let form = text(&manager, app.url(&path)).await;
    assert!(form.contains(r#"value="08:00""#) && form.contains(r#"value="8""#));
    let saved = manager
        .post(app.url(&path))
        .form(&block("4", "9:00", "17u", "4", "0"))
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 303);
    assert_eq!(
        saved.headers()["location"],
        format!("{ZONE_B}?saved=1").as_str()
    );
    assert_eq!(remaining_at(&app, THURSDAY, "09:00").await, Some(4));
    assert_eq!(
        remaining_at(&app, THURSDAY, "17:00").await,
        None,
        "nobody rostered after five"
    );
    assert_eq!(
        remaining_at(&app, "2026-12-09", "09:00").await,
        Some(6),
        "Wednesday keeps its block"
    );
    let page = text(&manager, app.url(&format!("{ZONE_B}?saved=1"))).await;
    assert!(page.contains("De wijzigingen zijn opgeslagen."));
    assert!(page.contains("17.00 uur"));

    let audit = app.store.audit_entries(5).await.unwrap();
    assert_eq!(audit[0].action, "roster.block-update");
    assert_eq!(audit[0].actor.as_deref(), Some("manager"));
    assert_eq!(audit[0].subject, "stadskantoor/B");
    assert_eq!(audit[0].detail, "thursday 09:00-17:00 4/0");

    // An evening block beside it, then removed again.
    let added = manager
        .post(app.url(&format!("{ZONE_B}/blocks/new")))
        .form(&block("4", "17:00", "20:00", "2", "0"))
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 303);
    assert_eq!(remaining_at(&app, THURSDAY, "17:00").await, Some(2));
    let site = app.store.site("stadskantoor").await.unwrap();
    let evening = app
        .store
        .roster_blocks(site.id, "B")
        .await
        .unwrap()
        .into_iter()
        .find(|stored| stored.block.hours.to_string() == "17:00-20:00")
        .unwrap()
        .id;
    let removed = manager
        .post(app.url(&format!("{ZONE_B}/blocks/{evening}/delete")))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 303);
    assert_eq!(remaining_at(&app, THURSDAY, "17:00").await, None);
    assert_eq!(
        app.store.audit_entries(1).await.unwrap()[0].action,
        "roster.block-delete"
    );
}

#[tokio::test]
async fn keeping_counters_for_walk_ins_lowers_what_remains() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let thursday = zone_b_block(&app, 4).await;
    let saved = admin
        .post(app.url(&format!("{ZONE_B}/blocks/{thursday}")))
        .form(&block("4", "08:00", "21:00", "8", "5"))
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), 303);
    assert_eq!(remaining_at(&app, THURSDAY, "09:00").await, Some(3));

    let all_for_walk_ins = admin
        .post(app.url(&format!("{ZONE_B}/blocks/{thursday}")))
        .form(&block("4", "08:00", "21:00", "8", "8"))
        .send()
        .await
        .unwrap();
    assert_eq!(all_for_walk_ins.status(), 303);
    assert!(
        free_times(&app, THURSDAY).await.is_empty(),
        "every counter takes walk-ins"
    );
    let page = text(&admin, app.url(ZONE_B)).await;
    assert!(
        page.contains(r#"<td class="number"><strong>0</strong></td>"#),
        "the table shows no places for appointments"
    );
}

#[tokio::test]
async fn a_date_without_blocks_has_no_free_starts_until_it_gets_some() {
    let app = spawn_app().await;
    let manager = app.signed_in("manager").await;
    let created = manager
        .post(app.url(&format!("{ZONE_B}/dates/new")))
        .form(&[
            ("date", THURSDAY),
            ("note", "Personeelsuitstap"),
            ("start", "none"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 303);
    let date_path = format!("{ZONE_B}/dates/{THURSDAY}");
    assert_eq!(
        created.headers()["location"],
        format!("{date_path}?saved=1").as_str()
    );
    assert!(free_times(&app, THURSDAY).await.is_empty());
    assert_eq!(
        remaining_at(&app, "2026-12-17", "09:00").await,
        Some(6),
        "the next Thursday follows the week"
    );
    let zone_page = text(&manager, app.url(ZONE_B)).await;
    assert!(zone_page.contains("donderdag 10 december 2026"));
    assert!(zone_page.contains("Personeelsuitstap"));
    let date_page = text(&manager, app.url(&date_path)).await;
    assert!(date_page.contains("er zijn die dag geen afspraken"));

    // An extra evening after all.
    let evening = manager
        .post(app.url(&format!("{date_path}/blocks/new")))
        .form(&block("", "17:00", "20:00", "3", "1"))
        .send()
        .await
        .unwrap();
    assert_eq!(evening.status(), 303);
    assert_eq!(remaining_at(&app, THURSDAY, "17:00").await, Some(2));
    assert_eq!(remaining_at(&app, THURSDAY, "09:00").await, None);

    let again = manager
        .post(app.url(&format!("{ZONE_B}/dates/new")))
        .form(&[("date", THURSDAY), ("note", ""), ("start", "weekday")])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 422);
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("Deze dag heeft al een eigen rooster.")
    );

    let removed = manager
        .post(app.url(&format!("{date_path}/delete")))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 303);
    assert_eq!(remaining_at(&app, THURSDAY, "09:00").await, Some(6));
    let actions: Vec<String> = app
        .store
        .audit_entries(4)
        .await
        .unwrap()
        .into_iter()
        .map(|entry| entry.action)
        .collect();
    assert_eq!(
        actions,
        [
            "roster.date-delete",
            "roster.date-block-create",
            "roster.date-create",
            "staff.sign-in"
        ]
    );
}

#[tokio::test]
async fn a_date_can_start_from_its_weekday_and_then_change() {
    let app = spawn_app().await;
    let admin = app.signed_in("admin").await;
    let created = admin
        .post(app.url(&format!("{ZONE_B}/dates/new")))
        .form(&[
            ("date", THURSDAY),
            ("note", "Opleiding"),
            ("start", "weekday"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 303);
    assert_eq!(remaining_at(&app, THURSDAY, "09:00").await, Some(6));
    let site = app.store.site("stadskantoor").await.unwrap();
    let date = THURSDAY.parse().unwrap();
    let day = app.store.roster_date(site.id, "B", date).await.unwrap();
    let copied = day.blocks[0].id;
    let path = format!("{ZONE_B}/dates/{THURSDAY}/blocks/{copied}");
    assert!(
        text(&admin, app.url(&path))
            .await
            .contains(r#"value="21:00""#)
    );
    let changed = admin
        .post(app.url(&path))
        .form(&block("", "13:00", "21:00", "8", "6"))
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), 303);
    assert_eq!(remaining_at(&app, THURSDAY, "09:00").await, None);
    assert_eq!(remaining_at(&app, THURSDAY, "13:00").await, Some(2));

    let note = admin
        .post(app.url(&format!("{ZONE_B}/dates/{THURSDAY}/edit")))
        .form(&[("note", "Opleiding in de voormiddag")])
        .send()
        .await
        .unwrap();
    assert_eq!(note.status(), 303);
    assert_eq!(
        app.store
            .roster_date(site.id, "B", date)
            .await
            .unwrap()
            .note,
        "Opleiding in de voormiddag"
    );
    let removed = admin
        .post(app.url(&format!("{path}/delete")))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 303);
    assert!(free_times(&app, THURSDAY).await.is_empty());
}

#[tokio::test]
async fn only_administrators_and_managers_see_and_change_rosters() {
    let app = spawn_app().await;
    let thursday = zone_b_block(&app, 4).await;
    let pages = [
        "/staff/roster".to_owned(),
        ZONE_B.to_owned(),
        format!("{ZONE_B}/blocks/new"),
        format!("{ZONE_B}/blocks/{thursday}"),
        format!("{ZONE_B}/dates/new"),
    ];
    let counter = app.signed_in("balie1").await;
    let manager = app.signed_in("manager").await;
    let admin = app.signed_in("admin").await;
    for path in &pages {
        let anonymous = app.browser().get(app.url(path)).send().await.unwrap();
        assert_eq!(anonymous.status(), 401, "{path}");
        let refused = counter.get(app.url(path)).send().await.unwrap();
        assert_eq!(refused.status(), 403, "{path}");
        for allowed in [&manager, &admin] {
            let response = allowed.get(app.url(path)).send().await.unwrap();
            assert_eq!(response.status(), 200, "{path}");
        }
    }
    for (path, form) in [
        (
            format!("{ZONE_B}/blocks/{thursday}"),
            block("4", "09:00", "10:00", "1", "0").to_vec(),
        ),
        (format!("{ZONE_B}/blocks/{thursday}/delete"), vec![]),
        (
            format!("{ZONE_B}/dates/new"),
            vec![("date", THURSDAY), ("start", "none")],
        ),
    ] {
        let refused = counter
            .post(app.url(&path))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 403, "{path}");
    }
    assert_eq!(remaining_at(&app, THURSDAY, "09:00").await, Some(6));
    assert!(
        !app.store
            .audit_entries(10)
            .await
            .unwrap()
            .iter()
            .any(|entry| entry.action.starts_with("roster."))
    );
    let home = text(&counter, app.url("/staff")).await;
    assert!(!home.contains(r#"href="/staff/roster""#));
    assert_eq!(
        manager
            .get(app.url("/staff/roster/stadskantoor/Q"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    let site = text(&admin, app.url("/admin/sites/stadskantoor")).await;
    for letter in ["A", "B", "C", "D", "E"] {
        assert!(
            site.contains(&format!(r#"href="/staff/roster/stadskantoor/{letter}""#)),
            "a link to zone {letter}'s roster"
        );
    }
}

#[tokio::test]
async fn a_wrong_block_keeps_what_was_typed_says_what_is_wrong_and_changes_nothing() {
    let app = spawn_app().await;
    let manager = app.signed_in("manager").await;
    let wrong = manager
        .post(app.url(&format!("{ZONE_B}/blocks/new")))
        .form(&block("4", "25:00", "9u", "60", "x"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    let html = wrong.text().await.unwrap();
    for message in [
        "Vul een uur in zoals 09:00 of 16:30.",
        "Vul een aantal bemande loketten in van 1 tot 50.",
        "Vul een aantal loketten in, bijvoorbeeld 1, of 0 als alle loketten afspraken nemen.",
    ] {
        assert!(html.contains(message), "{message}");
    }
    assert!(
        html.contains(r##"<a href="#f-from">"##),
        "the summary links to the field"
    );
    for kept in [
        r#"value="25:00""#,
        r#"value="9u""#,
        r#"value="60""#,
        r#"value="x""#,
        r#"<option value="4" selected>"#,
    ] {
        assert!(html.contains(kept), "{kept} is kept");
    }

    let thursday = zone_b_block(&app, 4).await;
    let french = manager
        .post(app.url(&format!("{ZONE_B}/blocks/{thursday}")))
        .header("accept-language", "fr")
        .form(&block("4", "12:00", "09:00", "3", "4"))
        .send()
        .await
        .unwrap();
    assert_eq!(french.status(), 422);
    let html = french.text().await.unwrap();
    // The apostrophe is written as an HTML entity.
    assert!(html.contains("Indiquez une heure de fin après l&#39;heure de début."));
    assert!(html.contains(
        "Il ne peut pas y avoir plus de guichets pour les personnes sans rendez-vous que de guichets occupés."
    ));

    let overlapping = manager
        .post(app.url(&format!("{ZONE_B}/blocks/new")))
        .form(&block("4", "20:00", "21:30", "1", "0"))
        .send()
        .await
        .unwrap();
    assert_eq!(overlapping.status(), 422);
    assert!(
        overlapping
            .text()
            .await
            .unwrap()
            .contains("Deze uren overlappen met een ander blok van dezelfde dag.")
    );

    let past = manager
        .post(app.url(&format!("{ZONE_B}/dates/new")))
        .form(&[
            ("date", "2026-12-01"),
            ("note", "Te laat"),
            ("start", "none"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(past.status(), 422);
    let html = past.text().await.unwrap();
    assert!(html.contains("Kies een datum vanaf vandaag."));
    assert!(html.contains(r#"value="Te laat""#));
    assert!(html.contains(r#"value="none" checked"#));

    assert_eq!(remaining_at(&app, THURSDAY, "09:00").await, Some(6));
    assert_eq!(remaining_at(&app, THURSDAY, "19:40").await, Some(6));
    let site = app.store.site("stadskantoor").await.unwrap();
    assert_eq!(
        app.store.roster_blocks(site.id, "B").await.unwrap().len(),
        5
    );
    assert!(
        app.store
            .roster_dates(site.id, "B", jiff::civil::Date::MIN)
            .await
            .unwrap()
            .is_empty()
    );
}
