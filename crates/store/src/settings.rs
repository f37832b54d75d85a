//! Small facts about the installation, such as the organisation's name and whether it is a demo.

use crate::{Store, StoreResult};

pub const ORGANISATION_NAME: &str = "organisation.name";
pub const ORGANISATION_PHONE: &str = "organisation.phone";
/// Set once the demo data is in; `--demo` then leaves the data as it is.
pub const DEMO_INSTALLED: &str = "demo.installed";

impl Store {
    pub async fn setting(&self, key: &str) -> StoreResult<Option<String>> {
        let sql = "SELECT value FROM settings WHERE key = $1";
        Ok(on_backend!(self, pool => sqlx::query_scalar(sql).bind(key).fetch_optional(pool).await?))
    }

    pub async fn set_setting(&self, key: &str, value: &str) -> StoreResult<()> {
        let sql = "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2";
        on_backend!(self, pool => sqlx::query(sql).bind(key).bind(value).execute(pool).await?.rows_affected());
        Ok(())
    }
}

impl Store {
    /// A number that rises with every change to the catalogue, the sites, their hours and
    /// closing days and the rosters; what was computed from them is current while it stays.
    pub async fn config_version(&self) -> StoreResult<i64> {
        let sql = "SELECT version FROM config_version WHERE id = 1";
        Ok(on_backend!(self, pool => sqlx::query_scalar(sql).fetch_one(pool).await?))
    }
}
