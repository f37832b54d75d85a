//! The personal data of a visit is kept for the retention period after its day (90 days unless set
//! otherwise) and then removed: names, e-mail addresses, phone numbers and national numbers leave
//! the database, the manage link and the phone page open nothing more, and the figures of that day
//! stay exactly as they were.

mod support;

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};
use support::{TestApp, api, get, page, post, spawn_app};

const NAME: &str = "Zita Quaghebeur";
const EMAIL: &str = "zita.quaghebeur@example.be";
const PHONE: &str = "0470987654";
const NATIONAL_NUMBER: &str = "90.01.01-123.95";
const NOTE: &str = "Brengt een schets van de veranda mee";

/// What identifies the citizen of the served day, as it would be found in any column.
const TRACES: [&str; 5] = [
    "Quaghebeur",
    "zita.quaghebeur@",
    "470987654",
    "90010112395",
    "veranda",
];

/// The secrets the citizen of the served day holds.
struct Visit {
    manage_token: String,
    track_tokens: Vec<String>,
}

/// Thursday 3 December 2026 at the office: an appointment booked and checked in, a walk-in served
/// at counter 1, a request for the counter on call, and an eID handed over; all of one citizen.
async fn a_served_day(app: &TestApp) -> Visit {
    let (status, booked) = api(
        app,
        reqwest::Method::POST,
        "/api/v1/appointments",
        None,
        Some(json!({"site": "stadskantoor", "products": ["eid-aanvraag"], "start": "2026-12-03T11:00:00Z",
                    "name": NAME, "email": EMAIL, "phone": PHONE, "national_number": NATIONAL_NUMBER})),
    )
    .await;
    assert_eq!(status, 201, "{booked}");
    let walk_in = take_ticket(app).await;
    serve_next_at_counter_1(app, 10, 6).await;

    let reception = app.token("onthaal").await;
    let (status, summoned) = post(
        app,
        "/api/v1/on-call",
        &reception,
        json!({"site": "stadskantoor", "product": "bouwaanvraag", "citizen_name": NAME,
               "note": NOTE, "room": "spreekruimte-1"}),
    )
    .await;
    assert_eq!(status, 201, "{summoned}");

    let counter = app.token("balie1").await;
    let (status, pickup) = post(
        app,
        "/api/v1/pickups",
        &counter,
        json!({"site": "stadskantoor", "product": "eid-afhalen", "holder_name": NAME,
               "national_number": NATIONAL_NUMBER, "email": EMAIL, "phone": PHONE}),
    )
    .await;
    assert_eq!(status, 201, "{pickup}");
    let hand_over = format!("/api/v1/pickups/{}/hand-over", pickup["id"]);
    let (status, _) = post(app, &hand_over, &counter, json!({"proxy": false})).await;
    assert_eq!(status, 200);

    app.clock.set("2026-12-03T10:45:00Z".parse().unwrap());
    let (status, checked_in) = api(
        app,
        reqwest::Method::POST,
        "/api/v1/check-ins",
        None,
        Some(json!({"site": "stadskantoor", "code": booked["code"]})),
    )
    .await;
    assert_eq!(status, 201, "{checked_in}");
    Visit {
        manage_token: text(&booked["manage_token"]),
        track_tokens: vec![
            walk_in,
            text(&summoned["ticket"]["track_token"]),
            text(&checked_in["ticket"]["track_token"]),
        ],
    }
}

fn text(value: &Value) -> String {
    value.as_str().unwrap().to_owned()
}

/// A walk-in ticket for a driving licence; its track token.
async fn take_ticket(app: &TestApp) -> String {
    let (status, taken) = api(
        app,
        reqwest::Method::POST,
        "/api/v1/tickets",
        None,
        Some(json!({"site": "stadskantoor", "product": "rijbewijs-afhalen"})),
    )
    .await;
    assert_eq!(status, 201, "{taken}");
    text(&taken["ticket"]["track_token"])
}

/// Counter 1 calls the next ticket after `wait` minutes and serves it for `service` minutes.
async fn serve_next_at_counter_1(app: &TestApp, wait: i64, service: i64) {
    let counter = app.token("balie1").await;
    let sign_in = "/api/v1/counters/stadskantoor/1/sign-in";
    assert_eq!(post(app, sign_in, &counter, json!({})).await.0, 204);
    app.clock.advance(SignedDuration::from_mins(wait));
    let call = "/api/v1/counters/stadskantoor/1/call-next";
    let (_, called) = post(app, call, &counter, json!({})).await;
    let id = called["ticket"]["id"].as_i64().unwrap();
    let start = format!("/api/v1/tickets/{id}/start");
    assert_eq!(post(app, &start, &counter, json!({})).await.0, 200);
    app.clock.advance(SignedDuration::from_mins(service));
    let finish = format!("/api/v1/tickets/{id}/finish");
    let done = json!({"transactions": ["rijbewijs-afhalen"]});
    assert_eq!(post(app, &finish, &counter, done).await.0, 200);
}

/// What a manager reads of 3 December 2026: the daily statistics and the history's CSV export.
async fn figures_of_the_served_day(app: &TestApp) -> (Value, String) {
    let manager = app.token("manager").await;
    let path = "/api/v1/stats/daily?site=stadskantoor&from=2026-12-03&to=2026-12-03";
    let (status, daily) = get(app, path, &manager).await;
    assert_eq!(status, 200, "{daily}");
    let browser = app.signed_in("manager").await;
    let (status, csv) = page(
        &browser,
        app,
        "/manage/history.csv?site=stadskantoor&from=2026-12-03&to=2026-12-03",
    )
    .await;
    assert_eq!(status, 200);
    (daily, csv)
}

/// Every column that still holds something identifying the citizen of the served day.
async fn traces_left(app: &TestApp) -> Vec<String> {
    let mut found = Vec::new();
    for trace in TRACES {
        for column in app.store.columns_holding(trace).await.unwrap() {
            found.push(format!("{trace} in {column}"));
        }
    }
    found
}

/// Whether the manage link (its page and its API) and each phone page of the visit still open:
/// the statuses in that order.
async fn links_of(app: &TestApp, visit: &Visit) -> Vec<u16> {
    let browser = app.browser();
    let token = &visit.manage_token;
    let mut statuses = vec![
        page(&browser, app, &format!("/appointments/manage/{token}"))
            .await
            .0,
        api(
            app,
            reqwest::Method::GET,
            &format!("/api/v1/appointments/{token}"),
            None,
            None,
        )
        .await
        .0,
    ];
    for track in &visit.track_tokens {
        statuses.push(page(&browser, app, &format!("/t/{track}")).await.0);
    }
    statuses
}

fn days_after_the_served_day(days: i64) -> Timestamp {
    support::thursday_morning() + SignedDuration::from_hours(24 * days)
}

#[tokio::test]
async fn a_day_past_the_retention_period_loses_its_personal_data_and_keeps_its_figures() {
    let app = spawn_app().await;
    let visit = a_served_day(&app).await;
    app.clock.set(days_after_the_served_day(91));
    let figures = figures_of_the_served_day(&app).await;
    let thursday = &figures.0[0];
    assert_eq!(
        (
            thursday["visitors"].clone(),
            thursday["appointments"].clone()
        ),
        (json!(3), json!(1))
    );
    assert_eq!(thursday["transactions"], json!({"rijbewijs-afhalen": 1}));
    assert!(!traces_left(&app).await.is_empty());
    assert_eq!(links_of(&app, &visit).await, vec![200; 5]);

    let state = app.state().await;
    let removed = loket_server::retention::remove_expired(&state)
        .await
        .unwrap();
    assert_eq!(
        (
            removed.appointments,
            removed.tickets,
            removed.on_call_requests,
            removed.pickups
        ),
        (1, 3, 1, 1)
    );
    assert!(
        removed.messages >= 2,
        "the confirmation and the pickup's mail"
    );

    assert_eq!(figures_of_the_served_day(&app).await, figures);
    assert_eq!(traces_left(&app).await, Vec::<String>::new());
    assert_eq!(links_of(&app, &visit).await, vec![404; 5]);
    let audited: Vec<_> = app
        .store
        .audit_entries(100)
        .await
        .unwrap()
        .into_iter()
        .filter(|entry| entry.action == "retention.remove")
        .collect();
    assert_eq!(audited.len(), 1);
    assert!(
        audited[0]
            .detail
            .starts_with("appointments 1, tickets 3, requests for the counter on call 1"),
        "{}",
        audited[0].detail
    );

    app.clock.advance(SignedDuration::from_hours(1));
    let again = loket_server::retention::remove_expired(&state)
        .await
        .unwrap();
    assert_eq!(again.total(), 0, "nothing is left to remove");
    assert_eq!(figures_of_the_served_day(&app).await, figures);
    let audited = app.store.audit_entries(100).await.unwrap();
    assert_eq!(
        audited
            .iter()
            .filter(|entry| entry.action == "retention.remove")
            .count(),
        1,
        "a run that removes nothing writes no audit line"
    );
}

#[tokio::test]
async fn a_visit_inside_the_retention_period_keeps_everything() {
    let app = spawn_app().await;
    let visit = a_served_day(&app).await;
    app.clock.set(days_after_the_served_day(90));
    let today = take_ticket(&app).await;

    let state = app.state().await;
    let removed = loket_server::retention::remove_expired(&state)
        .await
        .unwrap();
    assert_eq!(removed.total(), 0, "the served day is exactly 90 days ago");
    for trace in TRACES {
        assert!(
            !app.store.columns_holding(trace).await.unwrap().is_empty(),
            "{trace} is kept"
        );
    }
    assert_eq!(links_of(&app, &visit).await, vec![200; 5]);

    app.clock.set(days_after_the_served_day(91));
    loket_server::retention::remove_expired(&state)
        .await
        .unwrap();
    assert_eq!(links_of(&app, &visit).await, vec![404; 5]);
    let (status, _) = page(&app.browser(), &app, &format!("/t/{today}")).await;
    assert_eq!(status, 200, "yesterday's ticket still opens");
}

/// `loket retention` with these extra environment variables and arguments.
fn loket_retention(database: &str, env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("retention")
        .args(["--database", database])
        .args(args)
        .env("LOKET_LOG", "warn")
        .env_remove("LOKET_VISIT_RETENTION_DAYS")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

#[tokio::test]
async fn a_bad_retention_period_is_refused_with_a_clear_message() {
    let database = loket_store::testing::TestDatabase::create().await;
    let output = |out: &std::process::Output| {
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    for days in ["0", "-7", "ninety", "36501"] {
        let refused = loket_retention(&database.url, &[("LOKET_VISIT_RETENTION_DAYS", days)], &[]);
        let (success, _, error) = output(&refused);
        assert!(!success, "{days} days");
        assert!(
            error.contains(&format!(
                "LOKET_VISIT_RETENTION_DAYS {days}: expected how many days"
            )),
            "{error}"
        );
        assert!(error.contains("from 1 to 36500, e.g. 90"), "{error}");
    }
    let file = std::env::temp_dir().join(format!("loket-retention-{}.toml", std::process::id()));
    std::fs::write(&file, "visit_retention_days = 0\n").unwrap();
    let refused = loket_retention(&database.url, &[], &["--config", file.to_str().unwrap()]);
    let (success, _, error) = output(&refused);
    assert!(!success);
    assert!(
        error.contains("visit_retention_days 0: expected how many days"),
        "{error}"
    );

    std::fs::write(&file, "visit_retention_days = 30\n").unwrap();
    let ran = loket_retention(&database.url, &[], &["--config", file.to_str().unwrap()]);
    std::fs::remove_file(&file).unwrap();
    let (success, printed, error) = output(&ran);
    assert!(success, "{error}");
    assert!(
        printed.contains(
            "Removed the personal data of visits older than 30 days: appointments 0, tickets 0"
        ),
        "{printed}"
    );
}
