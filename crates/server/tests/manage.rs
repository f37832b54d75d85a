//! The management view: per zone, live, who waits, the counter pressure, the tickets served this
//! hour, the appointments still to come and the no-shows; only for managers and admins, and never
//! with a name.

mod support;

use jiff::SignedDuration;
use serde_json::json;
use support::{api, open_counter, page, post, serve_next, spawn_app, take_ticket};

/// The cells of one zone's row, as the page shows them: waiting, longest wait, open, paused,
/// pressure, served this hour, appointments to come, no-shows.
fn zone_row(html: &str, letter: &str) -> Vec<String> {
    let row = html
        .split("<tr>")
        .find(|row| row.contains(&format!("data-zone-waiting=\"{letter}\"")))
        .unwrap_or_else(|| panic!("no row for zone {letter}"));
    row.split("<td")
        .skip(1)
        .map(|cell| {
            let text = cell.split_once('>').unwrap().1;
            text.split("</td>").next().unwrap().trim().to_owned()
        })
        .collect()
}

#[tokio::test]
async fn the_manager_sees_each_zone_live_with_pressure_service_appointments_and_no_shows() {
    let app = spawn_app().await;
    for _ in 0..4 {
        take_ticket(&app, "rijbewijs-afhalen").await;
    }
    let manager = app.signed_in("manager").await;
    let (status, html) = page(&manager, &app, "/manage").await;
    assert_eq!(status, 200);
    assert_eq!(zone_row(&html, "A")[0], "4");
    assert_eq!(zone_row(&html, "A")[4], "geen loket open");

    let counter = open_counter(&app).await;
    let (_, html) = page(&manager, &app, "/manage").await;
    assert_eq!(zone_row(&html, "A")[4], "4,0");

    let (_, called) = post(
        &app,
        "/api/v1/counters/stadskantoor/1/call-next",
        &counter,
        json!({}),
    )
    .await;
    let id = called["ticket"]["id"].as_i64().unwrap();
    post(
        &app,
        &format!("/api/v1/tickets/{id}/start"),
        &counter,
        json!({}),
    )
    .await;
    let finish = format!("/api/v1/tickets/{id}/finish");
    let body = json!({"transactions": ["rijbewijs-afhalen"]});
    assert_eq!(post(&app, &finish, &counter, body).await.0, 200);
    let (_, html) = page(&manager, &app, "/manage").await;
    let row = zone_row(&html, "A");
    assert_eq!((row[0].as_str(), row[2].as_str()), ("3", "1"));
    assert_eq!((row[4].as_str(), row[5].as_str()), ("3,0", "1"));

    let (status, booked) = api(
        &app,
        reqwest::Method::POST,
        "/api/v1/appointments",
        None,
        Some(json!({"site": "stadskantoor", "products": ["eid-aanvraag"],
                    "start": "2026-12-03T14:00:00+01:00", "name": "Wannes Vermeulen",
                    "email": "wannes@example.be"})),
    )
    .await;
    assert_eq!(status, 201, "{booked}");
    let zone = booked["zone"].as_str().unwrap();
    let (_, html) = page(&manager, &app, "/manage").await;
    assert_eq!(
        zone_row(&html, zone)[6],
        "1",
        "one appointment still to come"
    );
    assert_eq!(zone_row(&html, zone)[7], "0");
    assert!(!html.contains("Wannes"), "no names on the management view");

    app.clock.advance(SignedDuration::from_mins(4 * 60 + 16));
    let (_, html) = page(&manager, &app, "/manage").await;
    let row = zone_row(&html, zone);
    assert_eq!((row[6].as_str(), row[7].as_str()), ("0", "1"));
    assert_eq!(zone_row(&html, "A")[5], "0", "a new hour has begun");
}

#[tokio::test]
async fn only_managers_and_admins_see_the_management_view() {
    let app = spawn_app().await;
    assert_eq!(page(&app.browser(), &app, "/manage").await.0, 401);
    for username in ["balie1", "onthaal", "backoffice1", "telefoon", "winkel1"] {
        let browser = app.signed_in(username).await;
        assert_eq!(page(&browser, &app, "/manage").await.0, 403, "{username}");
    }
    for username in ["manager", "admin"] {
        let browser = app.signed_in(username).await;
        let (status, html) = page(&browser, &app, "/manage").await;
        assert_eq!(status, 200, "{username}");
        assert!(html.contains("Loketdruk"));
        let (_, home) = page(&browser, &app, "/staff").await;
        assert!(home.contains("href=\"/manage\""), "{username}'s tasks");
    }
}

#[tokio::test]
async fn the_daily_statistics_count_visitors_transactions_waits_and_pressure() {
    let app = spawn_app().await;
    for _ in 0..3 {
        take_ticket(&app, "rijbewijs-afhalen").await;
    }
    let counter = open_counter(&app).await;
    serve_next(&app, &counter, 10, 6, &["rijbewijs-afhalen"]).await;
    serve_next(&app, &counter, 4, 10, &["rijbewijs-afhalen", "pin-puk"]).await;

    let manager = app.token("manager").await;
    let path = "/api/v1/stats/daily?site=stadskantoor&from=2026-12-03&to=2026-12-04";
    let (status, days) = support::get(&app, path, &manager).await;
    assert_eq!(status, 200, "{days}");
    let thursday = &days[0];
    assert_eq!(thursday["date"], "2026-12-03");
    assert_eq!(thursday["visitors"], 3);
    assert_eq!(thursday["tickets"], 3);
    assert_eq!(
        thursday["transactions"],
        json!({"pin-puk": 1, "rijbewijs-afhalen": 2})
    );
    // Waits of 10 and 20 minutes; services of 6 and 10.
    assert_eq!(
        thursday["wait_minutes"],
        json!({"p50": 10.0, "p90": 20.0, "max": 20.0})
    );
    assert_eq!(
        thursday["service_minutes"],
        json!({"p50": 6.0, "p90": 10.0})
    );
    let pressure = &thursday["counter_pressure"];
    assert_eq!(pressure["peak"], 3.0, "three waiting at one open counter");
    let mean = pressure["mean"].as_f64().unwrap();
    assert!(mean > 1.0 && mean < 3.0, "{mean}");

    let friday = &days[1];
    assert_eq!(friday["date"], "2026-12-04");
    assert_eq!(friday["visitors"], 0);
    assert_eq!(friday["wait_minutes"], json!(null));
    assert_eq!(friday["counter_pressure"], json!(null));
}

#[tokio::test]
async fn the_daily_statistics_are_for_managers_and_say_what_is_wrong_with_a_question() {
    let app = spawn_app().await;
    let path = "/api/v1/stats/daily?site=stadskantoor&from=2026-12-01&to=2026-12-31";
    assert_eq!(support::get(&app, path, "").await.0, 401);
    let counter = app.token("balie1").await;
    assert_eq!(support::get(&app, path, &counter).await.0, 403);
    let admin = app.token("admin").await;
    let (status, month) = support::get(&app, path, &admin).await;
    assert_eq!(status, 200);
    assert_eq!(month.as_array().unwrap().len(), 31);

    let wrong = "/api/v1/stats/daily?site=nergens&from=2026-12-31&to=2026-12-01";
    let (status, problem) = support::get(&app, wrong, &admin).await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["site"].is_string());
    assert!(
        problem["errors"]["to"]
            .as_str()
            .unwrap()
            .contains("einddatum")
    );
    let wrong = "/api/v1/stats/daily?site=stadskantoor&from=3-12-2026&to=2026-12-01";
    let (status, problem) = support::get(&app, wrong, &admin).await;
    assert_eq!(status, 422);
    assert!(
        problem["errors"]["from"]
            .as_str()
            .unwrap()
            .contains("JJJJ-MM-DD")
    );
}

#[tokio::test]
async fn the_history_shows_each_day_with_a_chart_and_exports_csv_for_a_spreadsheet() {
    let app = spawn_app().await;
    for _ in 0..2 {
        take_ticket(&app, "rijbewijs-afhalen").await;
    }
    let counter = open_counter(&app).await;
    serve_next(&app, &counter, 12, 5, &["rijbewijs-afhalen"]).await;

    let manager = app.signed_in("manager").await;
    let (status, html) = page(
        &manager,
        &app,
        "/manage/history?site=stadskantoor&from=2026-12-02&to=2026-12-03",
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("<svg role=\"img\""));
    assert_eq!(
        html.matches("class=\"chart-bar\"").count(),
        2,
        "a bar per day"
    );
    assert!(html.contains("donderdag 3 december 2026"));
    assert!(
        html.contains("<td class=\"number\">12,0</td>"),
        "the wait in minutes"
    );
    let thursday = html
        .split("<tr>")
        .find(|row| row.contains("<th scope=\"row\">donderdag</th>"))
        .expect("a heat map row for Thursday");
    assert!(
        thursday.contains("<td class=\"heat-4\">2</td>"),
        "two visitors at ten on Thursday, the busiest hour: {thursday}"
    );

    let (status, html) = page(&manager, &app, "/manage/history?from=gisteren&to=").await;
    assert_eq!(status, 422);
    assert!(
        html.contains("value=\"gisteren\""),
        "what was typed is kept"
    );
    assert!(html.contains("JJJJ-MM-DD"));

    let csv = manager
        .get(app.url("/manage/history.csv?site=stadskantoor&from=2026-12-02&to=2026-12-03"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].starts_with("Datum;Bezoekers;Tickets;"));
    assert_eq!(lines.len(), 3);
    assert!(
        lines[2].starts_with("2026-12-03;2;2;0;0;12,0;12,0;12,0;5,0;5,0;"),
        "{}",
        lines[2]
    );

    let counter_page = app.signed_in("balie1").await;
    assert_eq!(page(&counter_page, &app, "/manage/history").await.0, 403);
    assert_eq!(
        page(&counter_page, &app, "/manage/history.csv").await.0,
        403
    );
}
