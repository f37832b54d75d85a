use crate::StoreResult;
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};
use std::collections::HashMap;
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};

/// Runs `$body` with `$pool` bound to the store's pool, whichever backend it is. The body is
/// compiled once per backend, so one query text serves both.
macro_rules! on_backend {
    ($store:expr, $pool:ident => $body:expr) => {
        match $store.backend() {
            $crate::Backend::Sqlite($pool) => $body,
            $crate::Backend::Postgres($pool) => $body,
        }
    };
}

#[derive(Debug, Clone)]
pub enum Backend {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

#[derive(Debug, Clone)]
pub struct Store {
    backend: Backend,
}

impl Store {
    /// Opens the database behind `url`: a `postgres://` URL selects PostgreSQL, anything else is a
    /// SQLite file path (or `sqlite:` URL), created with its folder when missing.
    pub async fn connect(url: &str) -> StoreResult<Store> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Self::connect_postgres(url).await
        } else {
            Self::connect_sqlite(url).await
        }
    }

    async fn connect_postgres(url: &str) -> StoreResult<Store> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        Ok(Store {
            backend: Backend::Postgres(pool),
        })
    }

    /// SQLite runs in WAL mode with `synchronous=NORMAL`: a committed transaction survives a crash
    /// of Loket; a power cut may lose the last transactions before the WAL is synced, but never
    /// corrupts the file.
    async fn connect_sqlite(url: &str) -> StoreResult<Store> {
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if let Some(folder) = Path::new(path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(folder).map_err(sqlx::Error::Io)?;
        }
        let options = SqliteConnectOptions::from_str(&format!("sqlite://{path}"))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        Ok(Store {
            backend: Backend::Sqlite(pool),
        })
    }

    pub fn backend(&self) -> &Backend {
        &self.backend
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.backend, Backend::Postgres(_))
    }

    /// Brings the schema up to date; safe to run at every start.
    pub async fn migrate(&self) -> StoreResult<()> {
        match &self.backend {
            Backend::Sqlite(pool) => sqlx::migrate!("./migrations/sqlite").run(pool).await?,
            Backend::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    pub fn is_closed(&self) -> bool {
        on_backend!(self, pool => pool.is_closed())
    }

    pub async fn close(&self) {
        on_backend!(self, pool => pool.close().await)
    }
}

/// Starts a transaction that will write. On SQLite the writers of one file take turns in the
/// order they ask, and each takes the write lock at once (`BEGIN IMMEDIATE`): two writers never
/// both read and then fail to upgrade their lock, and none sleeps in SQLite's busy handler while
/// the lock is free.
pub(crate) trait BeginWrite {
    type Db: sqlx::Database;
    async fn begin_write(&self) -> sqlx::Result<WriteTx<Self::Db>>;
}

/// A write transaction, holding its writer's turn until it ends.
pub(crate) struct WriteTx<DB: sqlx::Database> {
    tx: Transaction<'static, DB>,
    _turn: Option<OwnedMutexGuard<()>>,
}

impl<DB: sqlx::Database> WriteTx<DB> {
    pub async fn commit(self) -> sqlx::Result<()> {
        self.tx.commit().await
    }
}

impl<DB: sqlx::Database> Deref for WriteTx<DB> {
    type Target = DB::Connection;

    fn deref(&self) -> &DB::Connection {
        &self.tx
    }
}

impl<DB: sqlx::Database> DerefMut for WriteTx<DB> {
    fn deref_mut(&mut self) -> &mut DB::Connection {
        &mut self.tx
    }
}

/// The turn of the writers of one SQLite file.
fn writers_of(pool: &SqlitePool) -> Arc<AsyncMutex<()>> {
    static TURNS: OnceLock<Mutex<HashMap<PathBuf, Arc<AsyncMutex<()>>>>> = OnceLock::new();
    let file = pool.connect_options().get_filename().to_path_buf();
    TURNS
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .entry(file)
        .or_default()
        .clone()
}

impl BeginWrite for SqlitePool {
    type Db = Sqlite;
    async fn begin_write(&self) -> sqlx::Result<WriteTx<Sqlite>> {
        let turn = writers_of(self).lock_owned().await;
        Ok(WriteTx {
            tx: self.begin_with("BEGIN IMMEDIATE").await?,
            _turn: Some(turn),
        })
    }
}

impl BeginWrite for PgPool {
    type Db = Postgres;
    async fn begin_write(&self) -> sqlx::Result<WriteTx<Postgres>> {
        Ok(WriteTx {
            tx: self.begin().await?,
            _turn: None,
        })
    }
}
