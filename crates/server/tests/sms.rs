//! Text messages leave through an SMS gateway over HTTP: a real gateway stand-in on loopback takes
//! the requests, so the whole conversation runs (JSON body, bearer token, the gateway's answer).

mod support;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use jiff::SignedDuration;
use loket_domain::clock::Clock;
use loket_server::sms::{SmsGateway, send_due_text_messages};
use loket_store::outbox::MailStatus;
use serde_json::Value;
use std::sync::{Arc, Mutex};
use support::spawn_app;

/// A request as the gateway received it: its Authorization header and its JSON body.
type Received = (Option<String>, Value);

/// What the gateway received, and the status it answers with.
#[derive(Clone, Default)]
struct Gateway {
    received: Arc<Mutex<Vec<Received>>>,
    answer: Arc<Mutex<u16>>,
}

impl Gateway {
    async fn start() -> (Gateway, String) {
        let gateway = Gateway::default();
        *gateway.answer.lock().unwrap() = 200;
        let app = axum::Router::new()
            .route("/send", axum::routing::post(receive))
            .with_state(gateway.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/send", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (gateway, url)
    }

    fn answer(&self, status: u16) {
        *self.answer.lock().unwrap() = status;
    }

    fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

async fn receive(
    State(gateway): State<Gateway>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> StatusCode {
    let authorization = headers
        .get("authorization")
        .map(|value| value.to_str().unwrap().to_owned());
    gateway.received.lock().unwrap().push((authorization, body));
    StatusCode::from_u16(*gateway.answer.lock().unwrap()).unwrap()
}

#[tokio::test]
async fn a_text_message_leaves_through_the_gateway_with_the_token_and_is_kept_as_sent() {
    let app = spawn_app().await;
    let (gateway, url) = Gateway::start().await;
    let settings = SmsGateway::new(&url, Some("s3cret".into()), "Leuven").unwrap();
    let now = app.clock.now();
    let id = app
        .store
        .queue_text_message("+32470123456", "Uw identiteitskaart ligt klaar.", now)
        .await
        .unwrap();

    assert_eq!(
        send_due_text_messages(&app.store, &settings, now)
            .await
            .unwrap(),
        1
    );
    let received = gateway.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].0.as_deref(), Some("Bearer s3cret"));
    assert_eq!(
        received[0].1,
        serde_json::json!({"to": "+32470123456", "from": "Leuven", "text": "Uw identiteitskaart ligt klaar."})
    );
    let sent = app.store.outbox_mail(id).await.unwrap();
    assert_eq!((sent.status, sent.attempts), (MailStatus::Sent, 1));
    assert_eq!(
        send_due_text_messages(&app.store, &settings, now)
            .await
            .unwrap(),
        0,
        "once"
    );

    let manager = app.signed_in("manager").await;
    let outbox = manager
        .get(app.url("/staff/outbox"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(outbox.contains("Sms naar +32470123456"), "{outbox}");
}

#[tokio::test]
async fn a_busy_gateway_gets_the_message_again_later_and_a_refused_one_is_not_retried() {
    let app = spawn_app().await;
    let (gateway, url) = Gateway::start().await;
    let settings = SmsGateway::new(&url, None, "Loket").unwrap();
    let now = app.clock.now();
    let id = app
        .store
        .queue_text_message("+32470123456", "Tekst", now)
        .await
        .unwrap();

    gateway.answer(503);
    assert_eq!(
        send_due_text_messages(&app.store, &settings, now)
            .await
            .unwrap(),
        0
    );
    let waiting = app.store.outbox_mail(id).await.unwrap();
    assert_eq!((waiting.status, waiting.attempts), (MailStatus::Pending, 1));
    assert_eq!(waiting.send_after, now + SignedDuration::from_mins(1));
    assert!(waiting.last_error.unwrap().contains("503"));
    assert_eq!(
        gateway.received()[0].0,
        None,
        "no token configured, none sent"
    );

    gateway.answer(200);
    let later = now + SignedDuration::from_mins(1);
    assert_eq!(
        send_due_text_messages(&app.store, &settings, later)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        app.store.outbox_mail(id).await.unwrap().status,
        MailStatus::Sent
    );

    gateway.answer(400);
    let wrong = app
        .store
        .queue_text_message("+3247", "Tekst", later)
        .await
        .unwrap();
    send_due_text_messages(&app.store, &settings, later)
        .await
        .unwrap();
    let refused = app.store.outbox_mail(wrong).await.unwrap();
    assert_eq!((refused.status, refused.attempts), (MailStatus::Failed, 1));
}

#[tokio::test]
async fn mail_rounds_leave_text_messages_alone() {
    let app = spawn_app().await;
    let now = app.clock.now();
    let id = app
        .store
        .queue_text_message("+32470123456", "Tekst", now)
        .await
        .unwrap();
    let smtp = loket_server::mail::SmtpSettings::from_url(
        "smtp://127.0.0.1:9",
        "Stad Leuven <noreply@leuven.be>",
    )
    .unwrap();
    loket_server::mail::send_due_mails(&app.store, &smtp, now)
        .await
        .unwrap();
    let untouched = app.store.outbox_mail(id).await.unwrap();
    assert_eq!(
        (untouched.status, untouched.attempts),
        (MailStatus::Pending, 0)
    );
}

#[test]
fn the_gateway_settings_are_checked_at_start() {
    assert!(SmsGateway::new("https://sms.example.be/send", None, "Leuven").is_ok());
    assert!(SmsGateway::new("sms.example.be", None, "Leuven").is_err());
    assert!(SmsGateway::new("https://sms.example.be/send", None, "Stad Leuven Centrum").is_err());
    assert!(SmsGateway::new("https://sms.example.be/send", None, "").is_err());
}
