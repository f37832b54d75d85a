//! Settings for `loket serve`: command-line flags win over environment variables, which win over
//! an optional `loket.toml`, which wins over the defaults.

use crate::floor::FloorRules;
use crate::mail::SmtpSettings;
use crate::oidc::{DEFAULT_NATIONAL_NUMBER_CLAIM, DEFAULT_SCOPES, OidcSettings};
use crate::retention::RetentionPeriod;
use crate::sms::SmsGateway;
use anyhow::{Context, bail};
use jiff::SignedDuration;
use jiff::Timestamp;
use loket_domain::queue::CheckInWindow;
use loket_store::appointments::BookingLimits;
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::Path;

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_DATABASE: &str = "loket-data/loket.db";
pub const SMTP_URL_ENV: &str = "LOKET_SMTP_URL";
pub const MAIL_FROM_ENV: &str = "LOKET_MAIL_FROM";
pub const PUBLIC_URL_ENV: &str = "LOKET_PUBLIC_URL";
pub const SMS_URL_ENV: &str = "LOKET_SMS_URL";
pub const SMS_TOKEN_ENV: &str = "LOKET_SMS_TOKEN";
pub const OIDC_ISSUER_ENV: &str = "LOKET_OIDC_ISSUER";
pub const OIDC_CLIENT_ID_ENV: &str = "LOKET_OIDC_CLIENT_ID";
pub const OIDC_CLIENT_SECRET_ENV: &str = "LOKET_OIDC_CLIENT_SECRET";
pub const OIDC_NATIONAL_NUMBER_CLAIM_ENV: &str = "LOKET_OIDC_NATIONAL_NUMBER_CLAIM";
pub const OIDC_SCOPES_ENV: &str = "LOKET_OIDC_SCOPES";
pub const VISIT_RETENTION_DAYS_ENV: &str = "LOKET_VISIT_RETENTION_DAYS";

/// What `loket.toml` may hold; every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub listen: Option<String>,
    pub database: Option<String>,
    pub rate_limit: Option<bool>,
    /// Mark session cookies `Secure`; set it when Loket is served over HTTPS.
    pub secure_cookies: Option<bool>,
    /// The SMTP server mail leaves through, e.g. `smtp://127.0.0.1:2525` or
    /// `smtps://user:password@mail.example.be`; without it mail waits in the outbox.
    pub smtp_url: Option<String>,
    /// The address citizens reach Loket at, for links in mails, e.g. `https://afspraak.leuven.be`.
    pub public_url: Option<String>,
    /// The sender of every mail, e.g. `Stad Leuven <noreply@leuven.be>`.
    pub mail_from: Option<String>,
    /// The SMS gateway text messages leave through, e.g. `https://sms.example.be/send`; without
    /// it they wait in the outbox. See `crate::sms` for what Loket sends it.
    pub sms_url: Option<String>,
    /// The gateway's bearer token, if it asks for one (or `LOKET_SMS_TOKEN`).
    pub sms_token: Option<String>,
    /// The sender name recipients see, at most 11 letters or digits (default "Loket").
    pub sms_sender: Option<String>,
    /// How many future appointments one e-mail address may hold (default 3).
    pub max_appointments_per_email: Option<u32>,
    /// How many future appointments one national number may hold for one product (default 1).
    pub max_appointments_per_national_number: Option<u32>,
    /// How many minutes before its start an appointment can be checked in at the kiosk (default 30).
    pub check_in_before_minutes: Option<u32>,
    /// How many minutes after its start an appointment can still be checked in (default 15).
    pub check_in_after_minutes: Option<u32>,
    /// How often a counter may call a ticket again before marking it a no-show (default 2).
    pub max_recalls: Option<u32>,
    /// How many minutes a request for the counter on call may wait unaccepted before the
    /// department's present employees are alerted again (default 3).
    pub on_call_alert_again_minutes: Option<u32>,
    /// The OpenID Connect provider citizens sign in to the e-loket with (the city's eID / itsme
    /// broker), e.g. `https://idp.example.be/oidc`; without it only the demo signs citizens in.
    pub oidc_issuer: Option<String>,
    /// The client id the provider gave Loket.
    pub oidc_client_id: Option<String>,
    /// The client secret the provider gave Loket (or `LOKET_OIDC_CLIENT_SECRET`).
    pub oidc_client_secret: Option<String>,
    /// The claim that carries the national register number (default `egovNRN`).
    pub oidc_national_number_claim: Option<String>,
    /// The scopes to ask for, separated by spaces (default `openid profile egovnrn`).
    pub oidc_scopes: Option<String>,
    /// How many days after its day the personal data of a visit is kept (default 90).
    pub visit_retention_days: Option<i64>,
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
    /// None: no mail leaves; it waits in the outbox.
    pub smtp: Option<SmtpSettings>,
    /// None: no text message leaves; it waits in the outbox.
    pub sms: Option<SmsGateway>,
    /// The address citizens reach Loket at, without a trailing slash.
    pub public_url: String,
    pub limits: BookingLimits,
    pub floor: FloorRules,
    /// None: citizens sign in only in the demo.
    pub oidc: Option<OidcSettings>,
    pub visit_retention: RetentionPeriod,
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
        let limits = booking_limits(&file)?;
        let floor = floor_rules(&file);
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
        let env = |name: &str| std::env::var(name).ok();
        let smtp = mail_settings(
            env(SMTP_URL_ENV).or(file.smtp_url),
            env(MAIL_FROM_ENV).or(file.mail_from),
        )?;
        let sms = env(SMS_URL_ENV)
            .or(file.sms_url)
            .map(|url| {
                let sender = file.sms_sender.as_deref().unwrap_or("Loket");
                SmsGateway::new(&url, env(SMS_TOKEN_ENV).or(file.sms_token), sender)
            })
            .transpose()?;
        let oidc = oidc_settings(OidcValues {
            issuer: env(OIDC_ISSUER_ENV).or(file.oidc_issuer),
            client_id: env(OIDC_CLIENT_ID_ENV).or(file.oidc_client_id),
            client_secret: env(OIDC_CLIENT_SECRET_ENV).or(file.oidc_client_secret),
            national_number_claim: env(OIDC_NATIONAL_NUMBER_CLAIM_ENV)
                .or(file.oidc_national_number_claim),
            scopes: env(OIDC_SCOPES_ENV).or(file.oidc_scopes),
        })?;
        let visit_retention =
            visit_retention(env(VISIT_RETENTION_DAYS_ENV), file.visit_retention_days)?;
        let public_url = env(PUBLIC_URL_ENV)
            .or(file.public_url)
            .unwrap_or_else(|| format!("http://{listen}"))
            .trim_end_matches('/')
            .to_owned();
        Ok(ServeConfig {
            limits,
            floor,
            public_url,
            listen,
            database_url: overrides
                .database
                .or(file.database)
                .unwrap_or_else(|| DEFAULT_DATABASE.to_owned()),
            demo: overrides.demo,
            now,
            rate_limit,
            secure_cookies: file.secure_cookies.unwrap_or(false),
            smtp,
            sms,
            oidc,
            visit_retention,
        })
    }
}

/// The retention period of the environment or else the file: a whole number of days.
fn visit_retention(env: Option<String>, file: Option<i64>) -> anyhow::Result<RetentionPeriod> {
    let (setting, value) = match (env.filter(|text| !text.trim().is_empty()), file) {
        (Some(text), _) => (VISIT_RETENTION_DAYS_ENV, text),
        (None, Some(days)) => ("visit_retention_days", days.to_string()),
        (None, None) => return Ok(RetentionPeriod::default()),
    };
    value
        .trim()
        .parse()
        .ok()
        .and_then(RetentionPeriod::of_days)
        .with_context(|| {
            format!(
                "{setting} {value}: expected how many days the personal data of a visit is kept, \
                 a whole number from 1 to {}, e.g. 90",
                RetentionPeriod::MAX_DAYS
            )
        })
}

/// The booking limits of the file, each at least one.
fn booking_limits(file: &ConfigFile) -> anyhow::Result<BookingLimits> {
    let defaults = BookingLimits::default();
    let limits = BookingLimits {
        per_email: file
            .max_appointments_per_email
            .unwrap_or(defaults.per_email),
        per_national_number_and_product: file
            .max_appointments_per_national_number
            .unwrap_or(defaults.per_national_number_and_product),
    };
    if limits.per_email == 0 || limits.per_national_number_and_product == 0 {
        bail!(
            "max_appointments_per_email and max_appointments_per_national_number must be at least 1"
        );
    }
    Ok(limits)
}

/// The check-in window and recalls of the file, or the defaults.
fn floor_rules(file: &ConfigFile) -> FloorRules {
    let defaults = FloorRules::default();
    let minutes = |value: Option<u32>, default: SignedDuration| {
        value.map_or(default, |m| SignedDuration::from_mins(i64::from(m)))
    };
    FloorRules {
        check_in: CheckInWindow {
            before: minutes(file.check_in_before_minutes, defaults.check_in.before),
            after: minutes(file.check_in_after_minutes, defaults.check_in.after),
        },
        max_recalls: file.max_recalls.map_or(defaults.max_recalls, i64::from),
        on_call_alert_again: minutes(
            file.on_call_alert_again_minutes,
            defaults.on_call_alert_again,
        ),
    }
}

/// The SMTP server and sender, when a server is given; an empty value counts as none.
fn mail_settings(
    smtp_url: Option<String>,
    mail_from: Option<String>,
) -> anyhow::Result<Option<SmtpSettings>> {
    let given = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
    match (given(smtp_url), given(mail_from)) {
        (None, _) => Ok(None),
        (Some(_), None) => bail!(
            "smtp_url is set but mail_from is not: give the sender address in mail_from or {MAIL_FROM_ENV}, \
             e.g. \"Stad Leuven <noreply@leuven.be>\""
        ),
        (Some(url), Some(from)) => SmtpSettings::from_url(&url, &from).map(Some),
    }
}

/// The OpenID Connect settings as given, each perhaps empty.
#[derive(Debug, Default)]
struct OidcValues {
    issuer: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    national_number_claim: Option<String>,
    scopes: Option<String>,
}

/// The provider citizens sign in with, when an issuer is given; it needs a client id and secret,
/// and HTTPS unless it runs on this machine.
fn oidc_settings(values: OidcValues) -> anyhow::Result<Option<OidcSettings>> {
    let given =
        |value: Option<String>| value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let Some(issuer) = given(values.issuer) else {
        return Ok(None);
    };
    let url = issuer.parse::<openidconnect::url::Url>().with_context(|| {
        format!("oidc_issuer {issuer}: expected a URL such as https://idp.example.be")
    })?;
    let local = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
    if url.scheme() != "https" && !(url.scheme() == "http" && local) {
        bail!("oidc_issuer {issuer}: the provider must be reached over https://");
    }
    let (Some(client_id), Some(client_secret)) =
        (given(values.client_id), given(values.client_secret))
    else {
        bail!(
            "oidc_issuer is set but the client is not: give oidc_client_id and oidc_client_secret \
             (or {OIDC_CLIENT_ID_ENV} and {OIDC_CLIENT_SECRET_ENV}) as the provider registered Loket"
        );
    };
    Ok(Some(OidcSettings {
        issuer,
        client_id,
        client_secret,
        national_number_claim: given(values.national_number_claim)
            .unwrap_or_else(|| DEFAULT_NATIONAL_NUMBER_CLAIM.to_owned()),
        scopes: given(values.scopes).unwrap_or_else(|| DEFAULT_SCOPES.to_owned()),
    }))
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
            ..ConfigFile::default()
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
        assert_eq!(defaults.limits, BookingLimits::default());
    }

    #[test]
    fn the_booking_limits_come_from_the_file_and_are_at_least_one() {
        let file = ConfigFile {
            max_appointments_per_email: Some(5),
            ..ConfigFile::default()
        };
        let config = ServeConfig::resolve(Overrides::default(), file).unwrap();
        assert_eq!(config.limits.per_email, 5);
        assert_eq!(config.limits.per_national_number_and_product, 1);
        let zero = ConfigFile {
            max_appointments_per_national_number: Some(0),
            ..ConfigFile::default()
        };
        assert!(ServeConfig::resolve(Overrides::default(), zero).is_err());
    }

    #[test]
    fn the_retention_period_is_a_whole_number_of_days_the_environment_winning() {
        assert_eq!(visit_retention(None, None).unwrap().days(), 90);
        assert_eq!(visit_retention(None, Some(30)).unwrap().days(), 30);
        assert_eq!(
            visit_retention(Some(" 14 ".into()), Some(30))
                .unwrap()
                .days(),
            14
        );
        let error = visit_retention(None, Some(0)).unwrap_err().to_string();
        assert!(
            error.starts_with("visit_retention_days 0: expected"),
            "{error}"
        );
        let error = visit_retention(Some("1.5".into()), None)
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("LOKET_VISIT_RETENTION_DAYS 1.5: expected"),
            "{error}"
        );
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

    #[test]
    fn mail_leaves_only_with_an_smtp_server_and_a_sender() {
        assert_eq!(
            mail_settings(None, Some("noreply@leuven.be".into())).unwrap(),
            None
        );
        assert_eq!(mail_settings(Some(" ".into()), None).unwrap(), None);
        assert!(mail_settings(Some("smtp://127.0.0.1:2525".into()), None).is_err());
        let smtp = mail_settings(
            Some("smtp://127.0.0.1:2525".into()),
            Some("Stad Leuven <noreply@leuven.be>".into()),
        )
        .unwrap()
        .unwrap();
        assert_eq!(smtp.describe(), "smtp://127.0.0.1:2525");
        let file: ConfigFile = toml::from_str(
            "smtp_url = \"smtp://127.0.0.1:2525\"\nmail_from = \"noreply@leuven.be\"",
        )
        .unwrap();
        assert_eq!(file.smtp_url.as_deref(), Some("smtp://127.0.0.1:2525"));
    }

    #[test]
    fn citizens_sign_in_through_a_provider_only_when_it_is_fully_configured() {
        assert_eq!(oidc_settings(OidcValues::default()).unwrap(), None);
        let complete = || OidcValues {
            issuer: Some("https://idp.example.be/oidc".into()),
            client_id: Some("loket-leuven".into()),
            client_secret: Some("geheim".into()),
            ..OidcValues::default()
        };
        let settings = oidc_settings(complete()).unwrap().unwrap();
        assert_eq!(settings.national_number_claim, "egovNRN");
        assert_eq!(settings.scopes, "openid profile egovnrn");
        assert!(!format!("{settings:?}").contains("geheim"));
        let without_secret = OidcValues {
            client_secret: Some(" ".into()),
            ..complete()
        };
        assert!(oidc_settings(without_secret).is_err());
        let plain_http = OidcValues {
            issuer: Some("http://idp.example.be".into()),
            ..complete()
        };
        assert!(oidc_settings(plain_http).is_err());
        let on_this_machine = OidcValues {
            issuer: Some("http://127.0.0.1:4000".into()),
            national_number_claim: Some("rrn".into()),
            ..complete()
        };
        assert_eq!(
            oidc_settings(on_this_machine)
                .unwrap()
                .unwrap()
                .national_number_claim,
            "rrn"
        );
        let file: ConfigFile = toml::from_str(
            "oidc_issuer = \"https://idp.example.be\"\noidc_client_id = \"loket\"\noidc_client_secret = \"s\"",
        )
        .unwrap();
        assert_eq!(file.oidc_client_id.as_deref(), Some("loket"));
    }
}
