//! Fresh, migrated stores for tests. `LOKET_TEST_DATABASE_URL=postgres://user@host:port` makes every
//! story test run on its own new PostgreSQL database on that server instead of a SQLite file.

use crate::{Store, StoreResult};
use std::path::PathBuf;

pub const POSTGRES_ENV: &str = "LOKET_TEST_DATABASE_URL";

/// A store on an empty database, migrated. Keep the returned guard alive while the store is used.
pub async fn fresh_store() -> (Store, TestDatabase) {
    let database = TestDatabase::create().await;
    let store = Store::connect(&database.url)
        .await
        .expect("connect to the test database");
    store.migrate().await.expect("migrate the test database");
    (store, database)
}

impl Store {
    /// Every text column, as `table.column`, that holds `text` somewhere, whatever its case: for
    /// tests that prove a name or number is gone from the whole database.
    pub async fn columns_holding(&self, text: &str) -> StoreResult<Vec<String>> {
        let columns = "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c \
                       WHERE m.type = 'table' AND c.type = 'TEXT' ORDER BY m.name, c.cid";
        let pg_columns = "SELECT table_name::TEXT, column_name::TEXT FROM information_schema.columns \
                          WHERE table_schema = 'public' AND data_type = 'text' ORDER BY table_name, ordinal_position";
        let columns: Vec<(String, String)> = match self.backend() {
            crate::Backend::Sqlite(pool) => sqlx::query_as(columns).fetch_all(pool).await?,
            crate::Backend::Postgres(pool) => sqlx::query_as(pg_columns).fetch_all(pool).await?,
        };
        let pattern = format!("%{}%", text.to_lowercase());
        let mut holding = Vec::new();
        for (table, column) in columns {
            let sql = format!("SELECT COUNT(*) FROM {table} WHERE LOWER({column}) LIKE $1");
            let count: i64 = on_backend!(self, pool => sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                .bind(&pattern).fetch_one(pool).await?);
            if count > 0 {
                holding.push(format!("{table}.{column}"));
            }
        }
        Ok(holding)
    }
}

/// An empty database of its own for one test: a SQLite file in a temporary folder, or a new
/// PostgreSQL database named `loket_test_…` (CI drops those before each run).
pub struct TestDatabase {
    pub url: String,
    _folder: Option<tempfile_dir::TempFolder>,
}

impl TestDatabase {
    pub async fn create() -> TestDatabase {
        Self::create_on(std::env::var(POSTGRES_ENV).ok().as_deref()).await
    }

    /// A new database on this PostgreSQL server (`postgres://user@host:port`), or SQLite when None.
    pub async fn create_on(postgres_server: Option<&str>) -> TestDatabase {
        match postgres_server {
            Some(server) if !server.is_empty() => Self::create_postgres(server).await,
            _ => Self::create_sqlite(),
        }
    }

    fn create_sqlite() -> TestDatabase {
        let folder = tempfile_dir::TempFolder::new();
        let url = folder.path.join("loket.db").display().to_string();
        TestDatabase {
            url,
            _folder: Some(folder),
        }
    }

    async fn create_postgres(server: &str) -> TestDatabase {
        use sqlx::Connection;
        let server = server.trim_end_matches('/');
        let admin_url = format!("{server}/postgres");
        let name = format!(
            "loket_test_{}",
            crate::staff::random_token()
                .to_ascii_lowercase()
                .replace(['-', '_'], "")
        );
        let name = &name[..40];
        let mut admin = sqlx::PgConnection::connect(&admin_url)
            .await
            .expect("connect to PostgreSQL");
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .expect("create a test database");
        TestDatabase {
            url: format!("{server}/{name}"),
            _folder: None,
        }
    }
}

/// A temporary folder removed when dropped, without a dependency outside tests.
mod tempfile_dir {
    use super::PathBuf;

    pub struct TempFolder {
        pub path: PathBuf,
    }

    impl TempFolder {
        pub fn new() -> TempFolder {
            let path =
                std::env::temp_dir().join(format!("loket-test-{}", crate::staff::random_token()));
            std::fs::create_dir_all(&path).expect("create a temporary folder");
            TempFolder { path }
        }
    }

    impl Drop for TempFolder {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}
