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
    pub floor: Arc<crate::floor::bus::FloorBus>,
    /// The key issued documents are signed with, the same on every node.
    pub signing_key: Arc<crate::certificates::signing::SigningKey>,
    /// The city's OpenID Connect provider, when citizens sign in through it.
    pub oidc: Option<Arc<crate::oidc::Oidc>>,
    /// Where citizens pay online; None where no provider is configured (the demo has a test one).
    pub payments: Option<Arc<dyn crate::payments::PaymentProvider>>,
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
    pub floor: crate::floor::FloorRules,
    pub visit_retention: crate::retention::RetentionPeriod,
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
            floor: options.floor,
            visit_retention: options.visit_retention,
        };
        let signing_key = Arc::new(crate::certificates::signing::SigningKey::load(&store).await?);
        let oidc = options
            .oidc
            .map(|oidc| crate::oidc::Oidc::new(oidc, &settings.public_url).map(Arc::new))
            .transpose()?;
        let floor = Arc::new(crate::floor::bus::FloorBus::default());
        tokio::spawn(floor.clone().pump(store.clone()));
        Ok(AppState {
            store,
            clock,
            settings: Arc::new(settings),
            limiter: options.rate_limit.then(|| Arc::new(RateLimiter::new())),
            books: Arc::default(),
            floor,
            signing_key,
            oidc,
            payments: options.demo.then(|| {
                Arc::new(crate::payments::TestProvider) as Arc<dyn crate::payments::PaymentProvider>
            }),
        })
    }

    pub fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }

    /// The day `at` falls on where the city is.
    pub fn local_date(&self, at: jiff::Timestamp) -> jiff::civil::Date {
        at.to_zoned(self.settings.time_zone.clone()).date()
    }

    /// An instant as RFC 3339 with the site's offset, as the API writes them.
    pub fn local_instant(&self, at: jiff::Timestamp) -> String {
        rfc3339_in(&self.settings.time_zone, at)
    }
}

/// `at` as RFC 3339 with the offset of `zone` then, e.g. `2026-12-10T10:00:00+01:00`. Written
/// digit by digit: an availability answer holds thousands of these, and the general formatting
/// machinery costs several times more.
fn rfc3339_in(zone: &jiff::tz::TimeZone, at: jiff::Timestamp) -> String {
    let offset = zone.to_offset(at);
    let local = offset.to_datetime(at);
    let mut text = String::with_capacity(25);
    let year = i32::from(local.year());
    if year < 0 {
        text.push('-');
    }
    // jiff's years have at most four digits.
    let year = year.unsigned_abs();
    push_two_digits(&mut text, year / 100);
    push_two_digits(&mut text, year % 100);
    for (separator, value) in [
        ('-', local.month()),
        ('-', local.day()),
        ('T', local.hour()),
        (':', local.minute()),
        (':', local.second()),
    ] {
        text.push(separator);
        push_two_digits(&mut text, value.unsigned_abs().into());
    }
    let seconds = offset.seconds();
    text.push(if seconds < 0 { '-' } else { '+' });
    let seconds = seconds.unsigned_abs();
    push_two_digits(&mut text, seconds / 3600);
    text.push(':');
    push_two_digits(&mut text, seconds % 3600 / 60);
    if !seconds.is_multiple_of(60) {
        // Only the local mean times of history have seconds in their offset.
        text.push(':');
        push_two_digits(&mut text, seconds % 60);
    }
    text
}

/// Appends a number below 100 as two digits.
fn push_two_digits(text: &mut String, value: u32) {
    for digit in [value / 10 % 10, value % 10] {
        text.push(char::from_digit(digit, 10).unwrap_or('0'));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::TimeZone;

    #[test]
    fn instants_are_written_with_the_offset_of_the_day_as_strftime_writes_them() {
        for zone in ["Europe/Brussels", "America/New_York", "UTC"] {
            let zone = TimeZone::get(zone).unwrap();
            for at in [
                "2026-03-29T00:59:59Z",
                "2026-03-29T01:00:00Z",
                "2026-10-25T00:30:00Z",
                "2026-10-25T01:30:00Z",
                "2026-12-10T09:00:00Z",
                "0999-01-01T00:00:00Z",
            ] {
                let at: jiff::Timestamp = at.parse().unwrap();
                let expected = at
                    .to_zoned(zone.clone())
                    .strftime("%Y-%m-%dT%H:%M:%S%:z")
                    .to_string();
                assert_eq!(rfc3339_in(&zone, at), expected);
            }
        }
    }
}
