//! Text messages (SMS) for citizens who gave only a mobile number. They wait in the outbox like
//! mail and leave through the city's SMS gateway over HTTPS, in one small protocol: `POST` the
//! gateway's URL with `{"to": "+32470123456", "from": "Leuven", "text": "…"}` and, when a token is
//! configured, `Authorization: Bearer <token>`. Any 2xx answer means the gateway took the message.
//! Providers take this shape directly or through a small relay the city runs.

use crate::outbox::{Carrier, Failure, ROUND_INTERVAL, deliver_due};
use anyhow::bail;
use jiff::Timestamp;
use loket_domain::clock::Clock;
use loket_store::outbox::{OutboxChannel, QueuedMail};
use loket_store::{Store, StoreResult};
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;

/// How long the gateway may take to answer.
const GATEWAY_TIMEOUT: Duration = Duration::from_secs(20);

/// Where text messages leave, and in whose name; one HTTP client for every message.
#[derive(Clone)]
pub struct SmsGateway {
    pub url: String,
    pub token: Option<String>,
    /// The name the recipient sees: at most 11 letters or digits, as phone networks allow.
    pub sender: String,
    client: reqwest::Client,
}

impl std::fmt::Debug for SmsGateway {
    /// Never shows the token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmsGateway")
            .field("url", &self.url)
            .field("sender", &self.sender)
            .finish()
    }
}

impl SmsGateway {
    pub fn new(url: &str, token: Option<String>, sender: &str) -> anyhow::Result<SmsGateway> {
        let url = url.trim();
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            bail!("sms_url {url}: expected an address such as https://sms.example.be/send");
        }
        let sender = sender.trim();
        if sender.is_empty()
            || sender.chars().count() > 11
            || !sender
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ')
        {
            bail!(
                "sms_sender {sender:?}: expected at most 11 letters or digits, such as \"Leuven\""
            );
        }
        Ok(SmsGateway {
            url: url.to_owned(),
            token: token.filter(|token| !token.trim().is_empty()),
            sender: sender.to_owned(),
            client: reqwest::Client::builder()
                .timeout(GATEWAY_TIMEOUT)
                .build()?,
        })
    }
}

/// Starts sending text messages in the background, or says why they stay in the outbox.
pub fn start_text_messages(store: Store, clock: Arc<dyn Clock>, gateway: Option<SmsGateway>) {
    match gateway {
        Some(gateway) => {
            tracing::info!(
                "text messages leave through {} as {}",
                gateway.url,
                gateway.sender
            );
            tokio::spawn(run_text_messages(store, clock, gateway));
        }
        None => tracing::info!(
            "no SMS gateway configured (sms_url in loket.toml or LOKET_SMS_URL): text messages \
             stay in the outbox, where admins and managers read them at /staff/outbox"
        ),
    }
}

async fn run_text_messages(store: Store, clock: Arc<dyn Clock>, gateway: SmsGateway) {
    let mut rounds = tokio::time::interval(ROUND_INTERVAL);
    rounds.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        rounds.tick().await;
        match send_due_text_messages(&store, &gateway, clock.now()).await {
            Ok(0) => {}
            Ok(count) => tracing::info!("sent {count} text messages"),
            Err(error) => tracing::warn!("the outbox could not be read: {error}"),
        }
    }
}

/// One round: sends every text message due at `now` and records each outcome. Returns how many
/// left.
pub async fn send_due_text_messages(
    store: &Store,
    gateway: &SmsGateway,
    now: Timestamp,
) -> StoreResult<usize> {
    deliver_due(store, gateway, now).await
}

#[derive(Serialize)]
struct GatewayMessage<'a> {
    to: &'a str,
    from: &'a str,
    text: &'a str,
}

impl Carrier for SmsGateway {
    const CHANNEL: OutboxChannel = OutboxChannel::Sms;

    async fn deliver(&self, queued: &QueuedMail) -> Result<(), Failure> {
        let body = GatewayMessage {
            to: &queued.mail.recipient,
            from: &self.sender,
            text: &queued.mail.text,
        };
        let mut request = self.client.post(&self.url).json(&body);
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        let response = request
            .send()
            .await
            .map_err(|error| Failure::Retry(error.to_string()))?;
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        let answer: String = response
            .text()
            .await
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect();
        let error = format!("the SMS gateway answered {status}: {answer}");
        // A refused message (a wrong number) stays refused; a busy gateway, or one whose address or
        // token is being put right, may take it later.
        let lasting = matches!(status.as_u16(), 400 | 422);
        Err(if lasting {
            Failure::GiveUp(error)
        } else {
            Failure::Retry(error)
        })
    }
}
