//! Settings for `loket serve`: command-line flags win over environment variables, which win over
//! an optional `loket.toml`, which wins over the defaults.

use anyhow::{Context, bail};
use jiff::Timestamp;
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::Path;

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_DATABASE: &str = "loket-data/loket.db";

/// What `loket.toml` may hold; every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub listen: Option<String>,
    pub database: Option<String>,
    pub rate_limit: Option<bool>,
    /// Mark session cookies `Secure`; set it when Loket is served over HTTPS.
    pub secure_cookies: Option<bool>,
}

impl ConfigFile {
    /// Reads the file when it exists; a missing file is an empty configuration.
    pub fn load(path: &Path, required: bool) -> anyhow::Result<ConfigFile> {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                toml::from_str(&text).with_context(|| format!("reading {}", path.display()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                Ok(ConfigFile::default())
            }
            Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub listen: SocketAddr,
    pub database_url: String,
    pub demo: bool,
    /// Start the clock at this instant and let it run (demos, training, tests).
    pub now: Option<Timestamp>,
    pub rate_limit: bool,
    pub secure_cookies: bool,
}

/// The values given on the command line or in the environment, before the file and defaults.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub listen: Option<String>,
    pub database: Option<String>,
    pub demo: bool,
    pub now: Option<String>,
    pub rate_limit: Option<String>,
}

impl ServeConfig {
    pub fn resolve(overrides: Overrides, file: ConfigFile) -> anyhow::Result<ServeConfig> {
        let listen = overrides
            .listen
            .or(file.listen)
            .unwrap_or_else(|| DEFAULT_LISTEN.to_owned());
        let listen = listen.parse().with_context(|| {
            format!("--listen {listen}: expected an address such as 127.0.0.1:8080")
        })?;
        let rate_limit = match overrides.rate_limit.as_deref() {
            None => file.rate_limit.unwrap_or(true),
            Some("on") => true,
            Some("off") => false,
            Some(other) => bail!("--rate-limit {other}: expected on or off"),
        };
        let now = overrides
            .now
            .map(|text| {
                text.parse::<Timestamp>().with_context(|| {
                    format!("--now {text}: expected an instant such as 2026-12-03T10:00:00+01:00")
                })
            })
            .transpose()?;
        Ok(ServeConfig {
            listen,
            database_url: overrides
                .database
                .or(file.database)
                .unwrap_or_else(|| DEFAULT_DATABASE.to_owned()),
            demo: overrides.demo,
            now,
            rate_limit,
            secure_cookies: file.secure_cookies.unwrap_or(false),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_win_over_the_file_and_the_file_over_defaults() {
        let file = ConfigFile {
            listen: Some("0.0.0.0:9000".into()),
            database: Some("postgres://db/loket".into()),
            rate_limit: Some(false),
            secure_cookies: None,
        };
        let overrides = Overrides {
            listen: Some("127.0.0.1:7000".into()),
            ..Overrides::default()
        };
        let config = ServeConfig::resolve(overrides, file).unwrap();
        assert_eq!(config.listen.to_string(), "127.0.0.1:7000");
        assert_eq!(config.database_url, "postgres://db/loket");
        assert!(!config.rate_limit);

        let defaults = ServeConfig::resolve(Overrides::default(), ConfigFile::default()).unwrap();
        assert_eq!(defaults.listen.to_string(), DEFAULT_LISTEN);
        assert_eq!(defaults.database_url, DEFAULT_DATABASE);
        assert!(defaults.rate_limit);
    }

    #[test]
    fn the_clock_can_start_at_a_chosen_instant() {
        let overrides = Overrides {
            now: Some("2026-12-03T10:00:00+01:00".into()),
            ..Overrides::default()
        };
        let config = ServeConfig::resolve(overrides, ConfigFile::default()).unwrap();
        assert_eq!(config.now.unwrap().to_string(), "2026-12-03T09:00:00Z");
        let wrong = Overrides {
            now: Some("tomorrow".into()),
            ..Overrides::default()
        };
        assert!(ServeConfig::resolve(wrong, ConfigFile::default()).is_err());
        let wrong = Overrides {
            rate_limit: Some("maybe".into()),
            ..Overrides::default()
        };
        assert!(ServeConfig::resolve(wrong, ConfigFile::default()).is_err());
    }
}
