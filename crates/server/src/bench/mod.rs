//! `loket bench`: starts Loket on loopback over a fresh demo database, runs bounded loads against
//! it, checks afterwards that nothing was double-booked, and prints one JSON line per scenario.

mod eloket;
mod floor;

use crate::AppOptions;
use anyhow::{Context, ensure};
use jiff::Timestamp;
use loket_domain::clock::ManualClock;
use loket_store::Store;
use loket_store::testing::TestDatabase;
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub struct BenchOptions {
    /// A `postgres://user@host:port` server to create a fresh database on; SQLite when None.
    pub postgres_server: Option<String>,
    /// How long each timed scenario runs.
    pub duration: Duration,
    /// Concurrent clients.
    pub clients: usize,
}

/// The demo's clock stands still on Thursday 3 December 2026, 10:00 in Leuven.
const NOW: &str = "2026-12-03T09:00:00Z";
/// The rush books eID appointments in the week of 7 to 11 December.
const RUSH_DAYS: [&str; 5] = [
    "2026-12-07",
    "2026-12-08",
    "2026-12-09",
    "2026-12-10",
    "2026-12-11",
];

pub async fn run(options: BenchOptions) -> anyhow::Result<()> {
    let database = TestDatabase::create_on(options.postgres_server.as_deref()).await;
    let store = Store::connect(&database.url).await?;
    store.migrate().await?;
    let now: Timestamp = NOW.parse()?;
    store.install_demo(now).await?;
    let backend = if store.is_postgres() {
        "postgres"
    } else {
        "sqlite"
    };
    let clock = Arc::new(ManualClock::at(now));
    let app = crate::app(
        store.clone(),
        clock,
        AppOptions {
            demo: true,
            rate_limit: false,
            secure_cookies: false,
            public_url: "http://127.0.0.1".into(),
            limits: loket_store::appointments::BookingLimits::default(),
            ..AppOptions::default()
        },
    )
    .await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
    });
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(options.clients)
        .build()?;

    let empty = timed_gets(&client, &format!("{base}/healthz"), &options).await?;
    print_line("empty_request", backend, &options, empty, json!({}));
    let availability_url = format!(
        "{base}/api/v1/availability?site=stadskantoor&products=eid-aanvraag&from=2026-12-03&to=2027-02-02"
    );
    let slots = client
        .get(&availability_url)
        .send()
        .await?
        .json::<Value>()
        .await?["slots"]
        .as_array()
        .map(Vec::len)
        .unwrap_or(0);
    let availability = timed_gets(&client, &availability_url, &options).await?;
    print_line(
        "availability_two_months",
        backend,
        &options,
        availability,
        json!({"slots_per_answer": slots}),
    );

    let one_day = timed_gets(
        &client,
        &format!("{base}/api/v1/availability?site=stadskantoor&products=eid-aanvraag&from=2026-12-10&to=2026-12-10"),
        &options,
    )
    .await?;
    print_line(
        "availability_one_day",
        backend,
        &options,
        one_day,
        json!({}),
    );

    let rush = booking_rush(&client, &base, &options).await?;
    let checked = check_no_overbooking(&store, rush.created).await?;
    let booked_per_second = (rush.created as f64 / rush.measured.elapsed.as_secs_f64()).round();
    let extra = json!({"booked": rush.created, "booked_per_second": booked_per_second, "refused_full": rush.full, "checked": checked});
    print_line("booking_rush", backend, &options, rush.measured, extra);

    floor::run(&client, &base, &store, backend, &options).await?;
    eloket::run(&client, &base, &store, backend, &options).await?;
    store.close().await;
    Ok(())
}

/// Latencies of the requests of a scenario, and how long it ran.
struct Measured {
    latencies: Vec<Duration>,
    elapsed: Duration,
}

fn print_line(
    scenario: &str,
    backend: &str,
    options: &BenchOptions,
    mut measured: Measured,
    extra: Value,
) {
    measured.latencies.sort();
    let count = measured.latencies.len();
    let percentile = |p: f64| {
        let index = ((count as f64 * p).ceil() as usize).clamp(1, count.max(1)) - 1;
        measured
            .latencies
            .get(index)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0)
    };
    let mut line = json!({
        "scenario": scenario,
        "database": backend,
        "clients": options.clients,
        "requests": count,
        "seconds": (measured.elapsed.as_secs_f64() * 100.0).round() / 100.0,
        "per_second": (count as f64 / measured.elapsed.as_secs_f64()).round(),
        "p50_ms": (percentile(0.50) * 100.0).round() / 100.0,
        "p99_ms": (percentile(0.99) * 100.0).round() / 100.0,
    });
    if let (Value::Object(line), Value::Object(extra)) = (&mut line, extra) {
        line.extend(extra);
    }
    println!("{line}");
}

/// `clients` loops requesting `url` until the duration is over.
async fn timed_gets(
    client: &reqwest::Client,
    url: &str,
    options: &BenchOptions,
) -> anyhow::Result<Measured> {
    let (client, url) = (client.clone(), url.to_owned());
    timed_requests(options.clients, options, 200, move |_| client.get(&url)).await
}

/// `clients` loops, each sending the requests `request(loop)` makes one after the other until the
/// duration is over; every answer must have the status `expected`.
async fn timed_requests<F>(
    clients: usize,
    options: &BenchOptions,
    expected: u16,
    request: F,
) -> anyhow::Result<Measured>
where
    F: Fn(usize) -> reqwest::RequestBuilder + Send + Sync + 'static,
{
    let request = Arc::new(request);
    let started = Instant::now();
    let deadline = started + options.duration;
    let workers: Vec<_> = (0..clients)
        .map(|worker| {
            let request = request.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                while Instant::now() < deadline {
                    let sent = Instant::now();
                    let response = request(worker).send().await?;
                    let status = response.status();
                    let url = response.url().path().to_owned();
                    ensure!(status.as_u16() == expected, "{url} answered {status}");
                    response.bytes().await?;
                    latencies.push(sent.elapsed());
                }
                Ok::<_, anyhow::Error>(latencies)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for worker in workers {
        latencies.extend(worker.await??);
    }
    Ok(Measured {
        latencies,
        elapsed: started.elapsed(),
    })
}

struct Rush {
    measured: Measured,
    created: usize,
    full: usize,
}

/// Every client books the free starts of the rush week, all clients on the same list, until the
/// week is full or the time is up: many clients ask for the same start at once.
async fn booking_rush(
    client: &reqwest::Client,
    base: &str,
    options: &BenchOptions,
) -> anyhow::Result<Rush> {
    let mut starts = Vec::new();
    for day in RUSH_DAYS {
        let url = format!(
            "{base}/api/v1/availability?site=stadskantoor&products=eid-aanvraag&from={day}&to={day}"
        );
        let slots: Value = client.get(url).send().await?.json().await?;
        for slot in slots["slots"].as_array().context("slots")? {
            for _ in 0..slot["remaining"].as_u64().unwrap_or(0) {
                starts.push(slot["start"].as_str().context("start")?.to_owned());
            }
        }
    }
    let starts = Arc::new(starts);
    let next = Arc::new(AtomicUsize::new(0));
    let (created, full) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let started = Instant::now();
    let deadline = started + options.duration;
    let workers: Vec<_> = (0..options.clients)
        .map(|worker| {
            let (client, starts, next, created, full) = (client.clone(), starts.clone(), next.clone(), created.clone(), full.clone());
            let url = format!("{base}/api/v1/appointments");
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                // Clients take starts in pairs, so two clients always race for the same place.
                while Instant::now() < deadline {
                    let index = next.fetch_add(1, Ordering::Relaxed) / 2;
                    let Some(start) = starts.get(index) else { break };
                    let body = json!({"site": "stadskantoor", "products": ["eid-aanvraag"], "start": start,
                                      "name": "Bench Citizen", "email": format!("bench{worker}-{index}@example.be")});
                    let sent = Instant::now();
                    let status = client.post(&url).json(&body).send().await?.status().as_u16();
                    latencies.push(sent.elapsed());
                    match status {
                        201 => created.fetch_add(1, Ordering::Relaxed),
                        409 => full.fetch_add(1, Ordering::Relaxed),
                        other => anyhow::bail!("booking answered {other}"),
                    };
                }
                Ok::<_, anyhow::Error>(latencies)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for worker in workers {
        latencies.extend(worker.await??);
    }
    let measured = Measured {
        latencies,
        elapsed: started.elapsed(),
    };
    Ok(Rush {
        measured,
        created: created.load(Ordering::Relaxed),
        full: full.load(Ordering::Relaxed),
    })
}

/// After the rush: every 201 is stored, and no cell holds more visits than its capacity.
async fn check_no_overbooking(store: &Store, created: usize) -> anyhow::Result<&'static str> {
    let site = store.site("stadskantoor").await?;
    let from: Timestamp = "2026-12-06T23:00:00Z".parse()?;
    let to: Timestamp = "2026-12-12T23:00:00Z".parse()?;
    let booked = store.appointments_between(site.id, from, to).await?;
    ensure!(
        booked.len() == created,
        "{} appointments stored for {created} bookings answered 201",
        booked.len()
    );
    let mut codes: Vec<&str> = booked.iter().map(|a| a.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    ensure!(codes.len() == booked.len(), "two appointments share a code");
    let capacity = store.roster(site.id, "B").await?;
    let hours = store.site_hours(&site).await?;
    let mut per_cell = std::collections::HashMap::new();
    for appointment in &booked {
        let mut cell = appointment.start;
        while cell < appointment.end {
            *per_cell.entry(cell).or_insert(0u32) += 1;
            cell += jiff::SignedDuration::from_mins(10);
        }
    }
    for (cell, count) in per_cell {
        let local = cell.to_zoned(hours.calendar.time_zone.clone());
        let places = capacity.places_at(local.date(), local.time());
        ensure!(
            count <= places,
            "{cell} holds {count} visits for {places} places"
        );
    }
    Ok("every 201 stored, no cell over capacity, no code twice")
}
