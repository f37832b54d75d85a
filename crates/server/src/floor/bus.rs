//! Live changes of the floor for screens, phones and consoles. The database is the only copy: every
//! change is a numbered row, and each node's pump reads the rows it has not seen yet and passes
//! them on. A change made here wakes the pump at once; on PostgreSQL a change made by another node
//! arrives through LISTEN/NOTIFY, and a slow poll catches anything a lost notification missed.

use loket_store::Store;
use loket_store::floor::FloorEvent;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, broadcast};

/// How often the pump looks without being woken.
const POLL: Duration = Duration::from_secs(1);
/// Events kept for a subscriber that falls behind; beyond that it reads the database again.
const BACKLOG: usize = 1024;
/// Events read per site and round.
const BATCH: i64 = 500;

pub struct FloorBus {
    sender: broadcast::Sender<Arc<FloorEvent>>,
    wake: Notify,
}

impl Default for FloorBus {
    fn default() -> Self {
        FloorBus {
            sender: broadcast::channel(BACKLOG).0,
            wake: Notify::new(),
        }
    }
}

impl FloorBus {
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<FloorEvent>> {
        self.sender.subscribe()
    }

    /// Something changed on the floor: read and pass on the new events now, here and on the
    /// other nodes.
    pub async fn changed(&self, store: &Store) {
        self.wake.notify_one();
        if let Err(error) = store.announce_floor_change().await {
            tracing::warn!("could not tell the other nodes about a change on the floor: {error}");
        }
    }

    /// Runs the pump until the store is closed.
    pub async fn pump(self: Arc<Self>, store: Store) {
        let mut seen: HashMap<i64, i64> = HashMap::new();
        let mut listener = store.listen_for_floor_changes().await;
        while !store.is_closed() {
            if let Err(error) = self.pass_on_new_events(&store, &mut seen).await
                && !store.is_closed()
            {
                tracing::warn!("could not read the floor's changes: {error}");
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(POLL) => {}
                listening = async {
                    match listener.as_mut() {
                        Some(listener) => listener.next_change().await,
                        None => std::future::pending().await,
                    }
                } => {
                    if !listening {
                        listener = None;
                    }
                }
            }
        }
    }

    async fn pass_on_new_events(
        &self,
        store: &Store,
        seen: &mut HashMap<i64, i64>,
    ) -> loket_store::StoreResult<()> {
        for site in store.sites().await? {
            let last = match seen.get(&site.id) {
                Some(last) => *last,
                // A node starting up passes on only what happens from now on; screens that
                // reconnect ask the database for what they missed.
                None => store.last_floor_event(site.id).await?,
            };
            let mut last_passed = last;
            loop {
                let events = store
                    .floor_events_after(site.id, last_passed, BATCH)
                    .await?;
                let full = events.len() as i64 == BATCH;
                for event in events {
                    last_passed = event.seq;
                    // Nobody listening is fine.
                    let _ = self.sender.send(Arc::new(event));
                }
                if !full {
                    break;
                }
            }
            seen.insert(site.id, last_passed);
        }
        Ok(())
    }
}
