//! The floor under load: kiosks handing out tickets, counters calling them, and how long a call
//! takes to reach hundreds of screens and phones following the event stream.

use super::{BenchOptions, Measured, print_line, timed_requests};
use anyhow::{Context, ensure};
use loket_store::Store;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::{Mutex, Notify};

/// Screens and phones following the stream while counters call.
const FOLLOWERS: usize = 500;
/// Calls made one after the other while they follow.
const CALLS_TO_FOLLOWERS: usize = 20;
/// The demo's fast counters and the employees who work there.
const COUNTERS: [(i64, &str); 3] = [(1, "balie1"), (2, "balie2"), (3, "balie3")];

pub async fn run(
    client: &reqwest::Client,
    base: &str,
    store: &Store,
    backend: &str,
    options: &BenchOptions,
) -> anyhow::Result<()> {
    let (measured, issued) = ticket_rush(client, base, options).await?;
    let checked = check_numbers(store, issued).await?;
    print_line(
        "ticket_rush",
        backend,
        options,
        measured,
        json!({"issued": issued, "checked": checked}),
    );

    let tokens = open_counters(client, base).await?;
    let (measured, calls) = counters_calling(client, base, &tokens, options).await?;
    let checked = check_calls(store).await?;
    let calls_per_second = (calls as f64 / measured.elapsed.as_secs_f64()).round();
    print_line(
        "counters_calling",
        backend,
        options,
        measured,
        json!({"calls": calls, "calls_per_second": calls_per_second, "counters": COUNTERS.len(), "checked": checked}),
    );

    let delays = call_to_followers(client, base, &tokens[0]).await?;
    print_line(
        "call_to_500_followers",
        backend,
        options,
        delays,
        json!({"followers": FOLLOWERS, "calls": CALLS_TO_FOLLOWERS, "note": "latencies are from sending a call to each follower receiving it"}),
    );
    Ok(())
}

/// Every client takes tickets for the fast counter until the time is up.
async fn ticket_rush(
    client: &reqwest::Client,
    base: &str,
    options: &BenchOptions,
) -> anyhow::Result<(Measured, usize)> {
    let (client, url) = (client.clone(), format!("{base}/api/v1/tickets"));
    let measured = timed_requests(options.clients, options, 201, move |_| {
        client
            .post(&url)
            .json(&json!({"site": "stadskantoor", "product": "gft-sticker"}))
    })
    .await?;
    let issued = measured.latencies.len();
    Ok((measured, issued))
}

/// Every 201 is a stored ticket, and no number was handed out twice.
async fn check_numbers(store: &Store, issued: usize) -> anyhow::Result<&'static str> {
    let site = store.site("stadskantoor").await?;
    let tickets = store.open_tickets(site.id).await?;
    ensure!(
        tickets.len() == issued,
        "{} tickets stored for {issued} answered 201",
        tickets.len()
    );
    let labels: HashSet<&str> = tickets.iter().map(|t| t.label.as_str()).collect();
    ensure!(
        labels.len() == tickets.len(),
        "a number was handed out twice"
    );
    Ok("every 201 stored, no number twice")
}

/// Signs the counter employees in at their counters; their bearer tokens, in counter order.
async fn open_counters(client: &reqwest::Client, base: &str) -> anyhow::Result<Vec<String>> {
    let mut tokens = Vec::new();
    for (counter, username) in COUNTERS {
        let answer: Value = client
            .post(format!("{base}/api/v1/auth/token"))
            .json(&json!({"username": username, "password": "demo"}))
            .send()
            .await?
            .json()
            .await?;
        let token = answer["token"].as_str().context("token")?.to_owned();
        let signed_in = client
            .post(format!(
                "{base}/api/v1/counters/stadskantoor/{counter}/sign-in"
            ))
            .bearer_auth(&token)
            .send()
            .await?;
        ensure!(
            signed_in.status() == 204,
            "sign-in answered {}",
            signed_in.status()
        );
        tokens.push(token);
    }
    Ok(tokens)
}

/// Each counter calls, starts and finishes tickets as fast as it can; the latencies are those
/// of the calls.
async fn counters_calling(
    client: &reqwest::Client,
    base: &str,
    tokens: &[String],
    options: &BenchOptions,
) -> anyhow::Result<(Measured, usize)> {
    let started = Instant::now();
    let deadline = started + options.duration;
    let workers: Vec<_> = COUNTERS
        .iter()
        .zip(tokens.iter().cloned())
        .map(|(&(counter, _), token)| {
            let client = client.clone();
            let base = base.to_owned();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                while Instant::now() < deadline {
                    let sent = Instant::now();
                    let response = client
                        .post(format!(
                            "{base}/api/v1/counters/stadskantoor/{counter}/call-next"
                        ))
                        .bearer_auth(&token)
                        .send()
                        .await?;
                    if response.status() == 204 {
                        break;
                    }
                    ensure!(
                        response.status() == 200,
                        "call-next answered {}",
                        response.status()
                    );
                    let called: Value = response.json().await?;
                    latencies.push(sent.elapsed());
                    let id = called["ticket"]["id"].as_i64().context("ticket id")?;
                    serve(&client, &base, &token, id).await?;
                }
                Ok::<_, anyhow::Error>(latencies)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for worker in workers {
        latencies.extend(worker.await??);
    }
    let calls = latencies.len();
    Ok((
        Measured {
            latencies,
            elapsed: started.elapsed(),
        },
        calls,
    ))
}

/// Starts and finishes a called ticket.
async fn serve(client: &reqwest::Client, base: &str, token: &str, id: i64) -> anyhow::Result<()> {
    for (action, body) in [
        ("start", json!({})),
        ("finish", json!({"transactions": ["gft-sticker"]})),
    ] {
        let response = client
            .post(format!("{base}/api/v1/tickets/{id}/{action}"))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await?;
        ensure!(
            response.status() == 200,
            "{action} answered {}",
            response.status()
        );
    }
    Ok(())
}

/// No ticket was called twice.
async fn check_calls(store: &Store) -> anyhow::Result<&'static str> {
    let site = store.site("stadskantoor").await?;
    let mut calls: HashMap<String, usize> = HashMap::new();
    let mut after = 0;
    loop {
        let events = store.floor_events_after(site.id, after, 5000).await?;
        let Some(last) = events.last() else { break };
        after = last.seq;
        for event in events.iter().filter(|e| e.kind == "called") {
            *calls
                .entry(event.ticket_label.clone().unwrap_or_default())
                .or_default() += 1;
        }
    }
    ensure!(calls.values().all(|&n| n == 1), "a ticket was called twice");
    Ok("no ticket called twice")
}

/// The moment the current call was sent, how many followers have received it, and how long
/// each took.
struct CallClock {
    sent: Mutex<Instant>,
    received: AtomicUsize,
    one_more: Notify,
    latencies: std::sync::Mutex<Vec<Duration>>,
}

/// Opens the followers' streams, then makes calls one after the other; each latency is from
/// sending a call to one follower receiving it.
async fn call_to_followers(
    client: &reqwest::Client,
    base: &str,
    token: &str,
) -> anyhow::Result<Measured> {
    let clock = Arc::new(CallClock {
        sent: Mutex::new(Instant::now()),
        received: AtomicUsize::new(0),
        one_more: Notify::new(),
        latencies: std::sync::Mutex::new(Vec::new()),
    });
    let follower_client = reqwest::Client::builder()
        .pool_max_idle_per_host(FOLLOWERS)
        .build()?;
    let mut followers = Vec::new();
    for _ in 0..FOLLOWERS {
        let response = follower_client
            .get(format!("{base}/api/v1/sites/stadskantoor/events"))
            .send()
            .await?;
        ensure!(
            response.status() == 200,
            "events answered {}",
            response.status()
        );
        followers.push(tokio::spawn(follow(response, clock.clone())));
    }
    let started = Instant::now();
    for call in 1..=CALLS_TO_FOLLOWERS {
        *clock.sent.lock().await = Instant::now();
        let response = client
            .post(format!("{base}/api/v1/counters/stadskantoor/1/call-next"))
            .bearer_auth(token)
            .send()
            .await?;
        ensure!(
            response.status() == 200,
            "call-next answered {}",
            response.status()
        );
        let called: Value = response.json().await?;
        let everyone = call * FOLLOWERS;
        tokio::time::timeout(Duration::from_secs(30), async {
            while clock.received.load(Ordering::SeqCst) < everyone {
                clock.one_more.notified().await;
            }
        })
        .await
        .context("the followers did not all receive the call within 30 s")?;
        let id = called["ticket"]["id"].as_i64().context("ticket id")?;
        serve(client, base, token, id).await?;
    }
    let elapsed = started.elapsed();
    for follower in followers {
        follower.abort();
    }
    let latencies = std::mem::take(
        &mut *clock
            .latencies
            .lock()
            .map_err(|_| anyhow::anyhow!("a follower panicked"))?,
    );
    Ok(Measured { latencies, elapsed })
}

/// Reads one follower's stream and clocks every call it receives.
async fn follow(mut response: reqwest::Response, clock: Arc<CallClock>) -> anyhow::Result<()> {
    let mut pending = String::new();
    while let Some(chunk) = response.chunk().await? {
        pending.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = pending.find("\n\n") {
            let event: String = pending.drain(..end + 2).collect();
            if event.lines().any(|line| line == "event: called") {
                let latency = clock.sent.lock().await.elapsed();
                clock
                    .latencies
                    .lock()
                    .map_err(|_| anyhow::anyhow!("a follower panicked"))?
                    .push(latency);
                clock.received.fetch_add(1, Ordering::SeqCst);
                clock.one_more.notify_one();
            }
        }
    }
    Ok(())
}
