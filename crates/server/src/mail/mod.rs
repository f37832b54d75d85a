//! Mail: everything Loket sends waits in the store's outbox (`loket_store::outbox`) and leaves
//! through SMTP in a background task, so a web request never waits for the mail server and nothing
//! is lost while it is down.
//!
//! Other modules queue a mail with [`loket_store::Store::queue_mail`]; without an SMTP server
//! configured the mails stay in the outbox, where staff read them at `/staff/outbox`.

pub mod appointment;
pub mod pickup;
pub mod reminders;
pub mod sender;

use anyhow::{Context, bail};
use lettre::message::Mailbox;
use loket_domain::clock::Clock;
use loket_store::Store;
use std::sync::Arc;

pub use sender::{run_outbox, send_due_mails};

/// Puts a mail without attachment in the outbox, to leave at once, from its text and HTML
/// templates.
pub async fn queue_now(
    state: &crate::state::AppState,
    recipient: String,
    subject: String,
    text: impl askama::Template,
    html: impl askama::Template,
) -> loket_store::StoreResult<()> {
    let mail = loket_store::outbox::OutgoingMail {
        recipient,
        subject,
        text: rendered(text.render())?,
        html: rendered(html.render())?,
        attachment: None,
    };
    state
        .store
        .queue_mail(&mail, state.now(), state.now())
        .await?;
    Ok(())
}

/// A mail template rendered, or the error to give up queueing the mail with.
pub fn rendered(result: Result<String, askama::Error>) -> loket_store::StoreResult<String> {
    result.map_err(|e| loket_store::StoreError::Invalid(e.to_string()))
}

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain SMTP (`smtp://host`): for a relay on the same machine or a test server on loopback.
    None,
    /// STARTTLS when the server offers it, plain otherwise (`smtp://host?tls=opportunistic`).
    Opportunistic,
    /// STARTTLS or no mail at all (`smtp://host?tls=required`).
    StartTls,
    /// TLS from the first byte (`smtps://host`).
    Tls,
}

/// Where mail leaves: the SMTP server, its account and the sender address.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<String>,
    /// The sender, e.g. `Stad Leuven <noreply@leuven.be>`.
    pub from: Mailbox,
    pub tls: SmtpTls,
}

impl std::fmt::Debug for SmtpSettings {
    /// Never shows the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("server", &self.describe())
            .field("from", &self.from.to_string())
            .finish()
    }
}

impl SmtpSettings {
    /// Reads a URL the way lettre writes them: `smtp://[user[:password]@]host[:port]` for plain
    /// SMTP (port 25), with `?tls=required` or `?tls=opportunistic` for STARTTLS (port 587), or
    /// `smtps://…` for TLS (port 465). A user name or password holding `@`, `:` or `%` is
    /// percent-encoded. `from` is the sender address, with or without a name.
    pub fn from_url(url: &str, from: &str) -> anyhow::Result<SmtpSettings> {
        let shown = redact(url);
        let from: Mailbox = from.trim().parse().with_context(|| {
            format!(
                "mail_from {from}: expected an address such as \"Stad Leuven <noreply@leuven.be>\""
            )
        })?;
        let Some((scheme, rest)) = url.trim().split_once("://") else {
            bail!(
                "smtp_url {shown}: expected a URL such as smtp://127.0.0.1:2525 or smtps://user:password@mail.example.be"
            );
        };
        let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
        let mut tls = match scheme.to_ascii_lowercase().as_str() {
            "smtp" => SmtpTls::None,
            "smtps" => SmtpTls::Tls,
            other => bail!("smtp_url {shown}: unknown scheme {other}, expected smtp or smtps"),
        };
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            tls = match (tls, pair) {
                (SmtpTls::None, "tls=required") => SmtpTls::StartTls,
                (SmtpTls::None, "tls=opportunistic") => SmtpTls::Opportunistic,
                _ => bail!(
                    "smtp_url {shown}: {pair} is not understood; smtp:// takes tls=required or tls=opportunistic"
                ),
            };
        }
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        let (credentials, address) = match rest.rsplit_once('@') {
            Some((credentials, address)) => (Some(credentials), address),
            None => (None, rest),
        };
        let (username, password) = match credentials {
            None => (None, None),
            Some(credentials) => {
                let (user, password) = match credentials.split_once(':') {
                    Some((user, password)) => (user, Some(password)),
                    None => (credentials, None),
                };
                let decode = |text: &str| {
                    percent_decode(text).with_context(|| {
                        format!("smtp_url {shown}: a badly encoded user or password")
                    })
                };
                (Some(decode(user)?), password.map(decode).transpose()?)
            }
        };
        let (host, port) = split_host_port(address)
            .with_context(|| format!("smtp_url {shown}: expected host or host:port"))?;
        let port = port.unwrap_or(match tls {
            SmtpTls::None => 25,
            SmtpTls::Opportunistic | SmtpTls::StartTls => 587,
            SmtpTls::Tls => 465,
        });
        let settings = SmtpSettings {
            host,
            port,
            username,
            password,
            from,
            tls,
        };
        sender::transport(&settings).with_context(|| format!("smtp_url {shown}"))?;
        Ok(settings)
    }

    /// The server as a URL without the password, for logs and messages.
    pub fn describe(&self) -> String {
        let scheme = if self.tls == SmtpTls::Tls {
            "smtps"
        } else {
            "smtp"
        };
        let user = self
            .username
            .as_deref()
            .map(|user| format!("{user}@"))
            .unwrap_or_default();
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        let query = match self.tls {
            SmtpTls::StartTls => "?tls=required",
            SmtpTls::Opportunistic => "?tls=opportunistic",
            SmtpTls::None | SmtpTls::Tls => "",
        };
        format!("{scheme}://{user}{host}:{}{query}", self.port)
    }
}

/// `host`, `host:port`, `[::1]` or `[::1]:port`.
fn split_host_port(address: &str) -> anyhow::Result<(String, Option<u16>)> {
    let (host, port) = if let Some(bracketed) = address.strip_prefix('[') {
        let (host, after) = bracketed
            .split_once(']')
            .context("an unclosed [ in the host")?;
        (host, after.strip_prefix(':'))
    } else {
        match address.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (address, None),
        }
    };
    if host.is_empty() || host.contains(['/', '@', ' ']) {
        bail!("no host");
    }
    let port = port
        .map(|port| port.parse::<u16>().context("a port from 1 to 65535"))
        .transpose()?;
    if port == Some(0) {
        bail!("port 0");
    }
    Ok((host.to_owned(), port))
}

fn percent_decode(text: &str) -> anyhow::Result<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).context("% without two hex digits")?;
            decoded.push(u8::from_str_radix(hex, 16).context("% without two hex digits")?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    Ok(String::from_utf8(decoded)?)
}

/// A URL with its password hidden.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:…{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Starts the sender when an SMTP server is configured; otherwise says at start that mail waits in
/// the outbox.
pub fn start_outbox(store: Store, clock: Arc<dyn Clock>, smtp: Option<SmtpSettings>) {
    match smtp {
        Some(smtp) => {
            tracing::info!("mail leaves through {} as {}", smtp.describe(), smtp.from);
            tokio::spawn(run_outbox(store, clock, smtp));
        }
        None => tracing::warn!(
            "no SMTP server configured (smtp_url in loket.toml or LOKET_SMTP_URL): mail is not sent; \
             it stays in the outbox, where admins and managers read it at /staff/outbox"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FROM: &str = "Stad Leuven <noreply@leuven.be>";

    #[test]
    fn a_plain_url_on_loopback_and_the_default_ports() {
        let test = SmtpSettings::from_url("smtp://127.0.0.1:2525", FROM).unwrap();
        assert_eq!((test.host.as_str(), test.port), ("127.0.0.1", 2525));
        assert_eq!(
            (test.tls, test.username, test.password),
            (SmtpTls::None, None, None)
        );
        assert_eq!(test.from.email.to_string(), "noreply@leuven.be");
        assert_eq!(test.from.name.as_deref(), Some("Stad Leuven"));

        let relay = SmtpSettings::from_url("smtp://localhost", "noreply@leuven.be").unwrap();
        assert_eq!(relay.port, 25);
        let starttls = SmtpSettings::from_url("smtp://mail.leuven.be?tls=required", FROM).unwrap();
        assert_eq!((starttls.tls, starttls.port), (SmtpTls::StartTls, 587));
        let opportunistic =
            SmtpSettings::from_url("smtp://mail.leuven.be/?tls=opportunistic", FROM).unwrap();
        assert_eq!(opportunistic.tls, SmtpTls::Opportunistic);
        let ipv6 = SmtpSettings::from_url("smtp://[::1]:2525", FROM).unwrap();
        assert_eq!((ipv6.host.as_str(), ipv6.port), ("::1", 2525));
        assert_eq!(ipv6.describe(), "smtp://[::1]:2525");
    }

    #[test]
    fn credentials_are_decoded_and_never_shown() {
        let settings =
            SmtpSettings::from_url("smtps://loket%40leuven.be:p%3As%40ss@mail.leuven.be", FROM)
                .unwrap();
        assert_eq!(settings.username.as_deref(), Some("loket@leuven.be"));
        assert_eq!(settings.password.as_deref(), Some("p:s@ss"));
        assert_eq!((settings.tls, settings.port), (SmtpTls::Tls, 465));
        assert_eq!(
            settings.describe(),
            "smtps://loket@leuven.be@mail.leuven.be:465"
        );
        assert!(!format!("{settings:?}").contains("p:s@ss"));

        let wrong = SmtpSettings::from_url("imap://jan:geheim@mail.leuven.be", FROM).unwrap_err();
        assert!(!format!("{wrong:#}").contains("geheim"), "{wrong:#}");
    }

    #[test]
    fn a_wrong_url_or_sender_is_refused() {
        for url in [
            "127.0.0.1:25",
            "smtp://",
            "smtp://:25",
            "smtp://host:99999",
            "smtp://host?tls=maybe",
            "smtps://host?tls=required",
            "smtp://jan:%zz@host",
        ] {
            assert!(SmtpSettings::from_url(url, FROM).is_err(), "{url}");
        }
        assert!(SmtpSettings::from_url("smtp://localhost", "not an address").is_err());
    }
}
