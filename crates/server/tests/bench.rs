//! The benchmark tool keeps working: its scenarios run and its check after the rush passes.
//! (It measures; this test asserts no timing.)

use loket_server::bench::{BenchOptions, run};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_benchmark_runs_every_scenario_and_finds_nothing_double_booked() {
    let options = BenchOptions {
        postgres_server: None,
        duration: Duration::from_millis(500),
        clients: 4,
    };
    run(options).await.unwrap();
}
