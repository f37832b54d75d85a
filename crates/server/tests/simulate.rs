//! `loket simulate`: a day of the demo office played through the real floor lands in the
//! database as a real day would, so the statistics and the management view show it.

mod support;

use jiff::civil::{Date, Time, date};
use loket_server::simulate::{Report, SimulateOptions, run};
use loket_store::Store;
use loket_store::testing::fresh_store;
use support::{get, page, spawn_app};

fn options(date: Date, visitors: usize, seed: u64) -> SimulateOptions {
    SimulateOptions {
        date,
        visitors: Some(visitors),
        seed: Some(seed),
        until: None,
        site: None,
    }
}

async fn demo_store() -> (Store, loket_store::testing::TestDatabase) {
    let (store, database) = fresh_store().await;
    store
        .install_demo(support::thursday_morning())
        .await
        .unwrap();
    (store, database)
}

async fn site_id(store: &Store) -> i64 {
    store.sites().await.unwrap()[0].id
}

#[tokio::test]
async fn a_simulated_thursday_is_served_to_the_end_and_the_statistics_show_it() {
    let app = spawn_app().await;
    let report = run(app.store.clone(), options(date(2026, 12, 3), 300, 11))
        .await
        .unwrap();
    let day = &report.figures;

    let site = site_id(&app.store).await;
    assert!(app.store.open_tickets(site).await.unwrap().is_empty());
    let counters = app.store.counters_on_floor(site).await.unwrap();
    assert!(
        counters.iter().all(|c| c.user_id.is_none()),
        "a counter stayed open"
    );

    assert!(day.visitors > 150, "{} visitors", day.visitors);
    assert!(day.tickets >= day.visitors);
    // Every visit but a no-show at the counter ends in a transaction of its own.
    let transactions: i64 = day.transactions.values().sum();
    assert!(transactions <= day.tickets && transactions > day.visitors * 9 / 10);
    assert_eq!(day.appointments, report.appointments_booked as i64);
    assert!(day.no_shows > 0 && day.no_shows < day.appointments / 4);
    assert!(report.questions > 0 && report.summons > 0);
    let (wait, pressure) = (day.wait.unwrap(), day.pressure.unwrap());
    assert!(wait.p50 <= wait.p90 && wait.p90 <= wait.max);
    assert!(pressure.peak >= pressure.mean && pressure.peak > 0.0);
    let estimates = report.estimates.unwrap();
    assert!(estimates.tickets as i64 > day.visitors / 2);

    app.clock.set("2026-12-03T20:30:00Z".parse().unwrap());
    let token = app.token("manager").await;
    let (status, stats) = get(
        &app,
        "/api/v1/stats/daily?site=stadskantoor&from=2026-12-03&to=2026-12-03",
        &token,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(stats[0]["visitors"], day.visitors);
    assert_eq!(stats[0]["tickets"], day.tickets);
    assert_eq!(stats[0]["no_shows"], day.no_shows);
    assert_eq!(stats[0]["wait_minutes"]["max"], wait.max);

    let manager = app.signed_in("manager").await;
    let (_, history) = page(
        &manager,
        &app,
        "/manage/history?site=stadskantoor&from=2026-12-03&to=2026-12-03",
    )
    .await;
    assert!(history.contains(&format!(">{}<", day.visitors)));
    // The bags, stickers and maps bought at the fast counter went through its till.
    assert!(history.contains("data-table=\"sales\""));
    assert!(!history.contains("Niets verkocht in deze periode."));

    let summary = report.to_string();
    assert!(summary.starts_with("Simulated Thursday 3 December 2026 at Stadskantoor Leuven"));
    assert!(summary.contains(&format!("visitors              {}", day.visitors)));
}

#[tokio::test]
async fn the_same_seed_plays_the_same_day() {
    let mut played: Vec<Report> = Vec::new();
    for seed in [5, 5, 6] {
        let (store, _database) = demo_store().await;
        played.push(
            run(store, options(date(2026, 12, 4), 120, seed))
                .await
                .unwrap(),
        );
    }
    assert_eq!(played[0].figures, played[1].figures);
    assert_ne!(played[0].figures, played[2].figures);
}

#[tokio::test]
async fn a_closed_day_or_a_day_played_before_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let saturday = run(app.store.clone(), options(date(2026, 12, 5), 100, 1)).await;
    let error = saturday.err().unwrap().to_string();
    assert!(error.contains("is closed on 2026-12-05"), "{error}");

    let first = run(app.store.clone(), options(date(2026, 12, 4), 60, 1))
        .await
        .unwrap();
    let again = run(app.store.clone(), options(date(2026, 12, 4), 60, 2)).await;
    let error = again.err().unwrap().to_string();
    assert!(
        error.contains("already has visits on 2026-12-04"),
        "{error}"
    );
    app.clock.set("2026-12-04T20:00:00Z".parse().unwrap());
    let token = app.token("manager").await;
    let (_, stats) = get(
        &app,
        "/api/v1/stats/daily?site=stadskantoor&from=2026-12-04&to=2026-12-05",
        &token,
    )
    .await;
    assert_eq!(stats[0]["visitors"], first.figures.visitors);
    assert_eq!(stats[1]["visitors"], 0);
}

#[tokio::test]
async fn a_day_stopped_early_leaves_the_floor_live_for_the_management_view() {
    let app = spawn_app().await;
    let mut evening = options(date(2026, 12, 3), 400, 3);
    evening.until = Some(Time::constant(18, 30, 0, 0));
    let report = run(app.store.clone(), evening).await.unwrap();
    assert_eq!(report.stopped_at, Some(Time::constant(18, 30, 0, 0)));

    let site = site_id(&app.store).await;
    let counters = app.store.counters_on_floor(site).await.unwrap();
    assert!(counters.iter().filter(|c| c.user_id.is_some()).count() >= 10);
    app.clock.set("2026-12-03T17:30:00Z".parse().unwrap());
    let manager = app.signed_in("manager").await;
    let (status, live) = page(&manager, &app, "/manage").await;
    assert_eq!(status, 200);
    assert!(live.contains("data-zone-waiting=\"A\""));
    assert!(
        !live.contains("Simulatie"),
        "the live view names no employee"
    );

    // A day is played from an empty floor, not over citizens still waiting.
    let monday = run(app.store.clone(), options(date(2026, 12, 7), 80, 3)).await;
    let error = monday.err().unwrap().to_string();
    assert!(error.contains("still has"), "{error}");
}

#[test]
fn the_command_line_plays_a_day_and_prints_its_summary() {
    let folder = std::env::temp_dir().join(format!("loket-simulate-{}", std::process::id()));
    let database = folder.join("loket.db").display().to_string();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_loket"))
        .args(["simulate", "--demo", "--date", "2026-12-04"])
        .args(["--database", &database])
        .env("LOKET_LOG", "warn")
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&folder);
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        printed.starts_with(
            "Simulated Friday 4 December 2026 at Stadskantoor Leuven (seed 20261204):"
        )
    );
    assert!(printed.contains("wait estimate"));
    assert!(
        printed.contains("planned visitors      385"),
        "an ordinary Friday morning, 9:00 to 12:30: {printed}"
    );
}
