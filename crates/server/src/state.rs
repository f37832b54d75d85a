use crate::AppOptions;
use crate::middleware::RateLimiter;
use loket_domain::clock::Clock;
use loket_store::Store;
use loket_store::settings::{ORGANISATION_NAME, ORGANISATION_PHONE};
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub settings: Arc<Settings>,
    /// None when rate limiting is off.
    pub limiter: Option<Arc<RateLimiter>>,
    pub books: Arc<crate::books::Books>,
}

/// Facts fixed for the life of the process.
#[derive(Debug, Clone)]
pub struct Settings {
    pub demo: bool,
    pub organisation: String,
    pub phone: String,
    pub secure_cookies: bool,
    pub public_url: String,
    /// The zone of the main site, in which the API writes instants.
    pub time_zone: jiff::tz::TimeZone,
    pub limits: loket_store::appointments::BookingLimits,
}

impl AppState {
    pub async fn new(
        store: Store,
        clock: Arc<dyn Clock>,
        options: AppOptions,
    ) -> anyhow::Result<AppState> {
        let organisation = store
            .setting(ORGANISATION_NAME)
            .await?
            .unwrap_or_else(|| "Loket".to_owned());
        let phone = store.setting(ORGANISATION_PHONE).await?.unwrap_or_default();
        let time_zone = match store.sites().await?.first() {
            Some(site) => jiff::tz::TimeZone::get(&site.time_zone)?,
            None => jiff::tz::TimeZone::UTC,
        };
        let settings = Settings {
            demo: options.demo,
            organisation,
            phone,
            secure_cookies: options.secure_cookies,
            public_url: options.public_url,
            time_zone,
            limits: options.limits,
        };
        Ok(AppState {
            store,
            clock,
            settings: Arc::new(settings),
            limiter: options.rate_limit.then(|| Arc::new(RateLimiter::new())),
            books: Arc::default(),
        })
    }

    pub fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }

    /// An instant as RFC 3339 with the site's offset, as the API writes them.
    pub fn local_instant(&self, at: jiff::Timestamp) -> String {
        at.to_zoned(self.settings.time_zone.clone())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string()
    }
}
