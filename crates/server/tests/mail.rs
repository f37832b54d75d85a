//! Mail leaves through a real SMTP server: an aiosmtpd process (`tests/support/smtp_sink.py`)
//! started by the test, which writes what it receives to a folder. Nothing is lost while the
//! server is down, and staff read the outbox on a page.

mod support;

use jiff::{SignedDuration, Timestamp};
use loket_domain::clock::Clock;
use loket_server::mail::{SmtpSettings, send_due_mails};
use loket_server::outbox::{MAX_ATTEMPTS, retry_delay};
use loket_store::outbox::{MailAttachment, MailStatus, OutgoingMail};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use support::spawn_app;

const INSTALL: &str = "the mail tests need python3 with aiosmtpd: \
                       python3 -m pip install 'aiosmtpd==1.4.6' (as .ci/run does)";

/// An aiosmtpd server on 127.0.0.1, stopped when dropped.
struct SmtpSink {
    port: u16,
    folder: PathBuf,
    child: Child,
    /// Closing it stops the sink even if this test process dies.
    _stdin: ChildStdin,
}

impl SmtpSink {
    fn start(port: u16) -> SmtpSink {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/support/smtp_sink.py");
        let folder =
            std::env::temp_dir().join(format!("loket-smtp-{}", loket_store::staff::random_token()));
        std::fs::create_dir_all(&folder).unwrap();
        let log = std::fs::File::create(folder.join("sink.log")).unwrap();
        let mut child = Command::new("python3")
            .arg(&script)
            .arg(port.to_string())
            .arg(folder.join("received"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|error| panic!("{INSTALL}; python3 did not start: {error}"));
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        if line.trim() != "ready" {
            let _ = child.kill();
            let _ = child.wait();
            let log = std::fs::read_to_string(folder.join("sink.log")).unwrap_or_default();
            let _ = std::fs::remove_dir_all(&folder);
            panic!("the SMTP sink did not start; {INSTALL}\n{log}");
        }
        let stdin = child.stdin.take().unwrap();
        SmtpSink {
            port,
            folder,
            child,
            _stdin: stdin,
        }
    }

    /// What arrived, in order: the envelope and the parts as Python's email package reads them.
    fn received(&self) -> Vec<Value> {
        let Ok(entries) = std::fs::read_dir(self.folder.join("received")) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|path| serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap())
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// A loopback port nobody listens on (at least right now).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn smtp(port: u16) -> SmtpSettings {
    SmtpSettings::from_url(
        &format!("smtp://127.0.0.1:{port}"),
        "Stad Leuven <noreply@leuven.be>",
    )
    .unwrap()
}

const ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Loket//NL\r\nMETHOD:PUBLISH\r\n\
                   BEGIN:VEVENT\r\nUID:appointment-1@loket\r\nDTSTAMP:20261203T090000Z\r\n\
                   DTSTART:20261210T090000Z\r\nDTEND:20261210T091500Z\r\n\
                   SUMMARY:Afspraak in het Stadskantoor\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

fn confirmation() -> OutgoingMail {
    OutgoingMail {
        recipient: "an.peeters@example.be".into(),
        subject: "Bevestiging van uw afspraak – donderdag 10 december".into(),
        text: "Beste An Peeters,\n\nUw afspraak is geboekt: donderdag 10 december om 10.00 uur.\n\
               Wijzigen of annuleren: https://loket.example/appointments/manage/geheim\n"
            .into(),
        html: "<p>Beste An Peeters,</p><p>Uw afspraak is geboekt: <strong>donderdag 10 december \
               om 10.00 uur</strong>.</p>"
            .into(),
        attachment: Some(MailAttachment {
            name: "afspraak.ics".into(),
            content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
            body: ICS.into(),
        }),
    }
}

/// The part of a received message with this content type.
fn part<'a>(message: &'a Value, content_type: &str) -> &'a Value {
    message["parts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|part| part["content_type"] == content_type)
        .unwrap_or_else(|| panic!("no {content_type} part in {message:#}"))
}

fn body(part: &Value) -> String {
    part["body"].as_str().unwrap().replace("\r\n", "\n")
}

#[tokio::test]
async fn a_confirmation_arrives_with_text_html_and_the_calendar_file() {
    let app = spawn_app().await;
    let sink = SmtpSink::start(free_port());
    let now = app.clock.now();
    let id = app
        .store
        .queue_mail(&confirmation(), now, now)
        .await
        .unwrap();
    let reminder_time: Timestamp = "2026-12-09T09:00:00Z".parse().unwrap();
    let mut reminder = confirmation();
    reminder.subject = "Herinnering: morgen uw afspraak".into();
    reminder.attachment = None;
    let reminder_id = app
        .store
        .queue_mail(&reminder, reminder_time, now)
        .await
        .unwrap();

    let sent = send_due_mails(&app.store, &smtp(sink.port), now)
        .await
        .unwrap();
    assert_eq!(sent, 1, "the confirmation leaves, the reminder waits");
    let received = sink.received();
    assert_eq!(received.len(), 1);
    let message = &received[0];
    assert_eq!(
        message["subject"],
        "Bevestiging van uw afspraak – donderdag 10 december"
    );
    assert_eq!(
        message["rcpt_tos"],
        serde_json::json!(["an.peeters@example.be"])
    );
    assert_eq!(message["mail_from"], "noreply@leuven.be");
    assert_eq!(message["from"], "Stad Leuven <noreply@leuven.be>");
    assert!(message["date"].is_string());
    assert_eq!(
        message["message_id"],
        format!("<loket-outbox-{id}.{}@leuven.be>", now.as_second())
    );
    assert_eq!(
        message["structure"],
        serde_json::json!([
            "multipart/mixed",
            "multipart/alternative",
            "text/plain",
            "text/html",
            "text/calendar"
        ])
    );
    assert_eq!(body(part(message, "text/plain")), confirmation().text);
    assert!(body(part(message, "text/html")).contains("<strong>donderdag 10 december"));
    let calendar = part(message, "text/calendar");
    assert_eq!(calendar["filename"], "afspraak.ics");
    assert_eq!(calendar["disposition"], "attachment");
    assert_eq!(calendar["params"]["method"], "PUBLISH");
    assert_eq!(calendar["params"]["charset"], "utf-8");
    assert_eq!(body(calendar), ICS.replace("\r\n", "\n"));

    let stored = app.store.outbox_mail(id).await.unwrap();
    assert_eq!((stored.status, stored.attempts), (MailStatus::Sent, 1));
    assert_eq!(stored.sent_at, Some(now));

    assert_eq!(
        send_due_mails(&app.store, &smtp(sink.port), now)
            .await
            .unwrap(),
        0,
        "a sent mail leaves once"
    );
    assert_eq!(
        send_due_mails(&app.store, &smtp(sink.port), reminder_time)
            .await
            .unwrap(),
        1,
        "the reminder leaves on its day"
    );
    let received = sink.received();
    assert_eq!(received.len(), 2);
    assert_eq!(received[1]["subject"], "Herinnering: morgen uw afspraak");
    assert_eq!(
        received[1]["structure"],
        serde_json::json!(["multipart/alternative", "text/plain", "text/html"])
    );
    assert_eq!(
        app.store.outbox_mail(reminder_id).await.unwrap().status,
        MailStatus::Sent
    );
}

#[tokio::test]
async fn a_mail_waits_while_the_server_is_down_and_leaves_when_it_is_back() {
    let app = spawn_app().await;
    let port = free_port();
    let now = app.clock.now();
    let id = app
        .store
        .queue_mail(&confirmation(), now, now)
        .await
        .unwrap();

    let sent = send_due_mails(&app.store, &smtp(port), now).await.unwrap();
    assert_eq!(sent, 0, "nobody listens on port {port}");
    let waiting = app.store.outbox_mail(id).await.unwrap();
    assert_eq!(waiting.status, MailStatus::Pending, "nothing is lost");
    assert_eq!(waiting.attempts, 1);
    assert_eq!(waiting.send_after, now + SignedDuration::from_mins(1));
    assert!(
        waiting.last_error.as_deref().is_some_and(|e| !e.is_empty()),
        "{waiting:?}"
    );
    let before_retry = now + SignedDuration::from_secs(30);
    assert_eq!(
        send_due_mails(&app.store, &smtp(port), before_retry)
            .await
            .unwrap(),
        0
    );
    assert_eq!(app.store.outbox_mail(id).await.unwrap().attempts, 1);

    let sink = SmtpSink::start(port);
    app.clock.advance(SignedDuration::from_mins(1));
    let later = app.clock.now();
    assert_eq!(
        send_due_mails(&app.store, &smtp(port), later)
            .await
            .unwrap(),
        1
    );
    let received = sink.received();
    assert_eq!(received.len(), 1);
    assert_eq!(
        received[0]["subject"],
        "Bevestiging van uw afspraak – donderdag 10 december"
    );
    let sent = app.store.outbox_mail(id).await.unwrap();
    assert_eq!((sent.status, sent.attempts), (MailStatus::Sent, 2));
    assert_eq!(sent.sent_at, Some(later));
}

#[tokio::test]
async fn a_mail_is_tried_ten_times_with_growing_waits_and_then_marked_failed() {
    let app = spawn_app().await;
    let port = free_port();
    let mut now = app.clock.now();
    let id = app
        .store
        .queue_mail(&confirmation(), now, now)
        .await
        .unwrap();
    let mut waits = Vec::new();
    for attempt in 1..=MAX_ATTEMPTS {
        assert_eq!(
            send_due_mails(&app.store, &smtp(port), now).await.unwrap(),
            0
        );
        let mail = app.store.outbox_mail(id).await.unwrap();
        assert_eq!(mail.attempts, attempt);
        let wait = mail.send_after.duration_since(now);
        waits.push(wait.as_mins());
        if attempt < MAX_ATTEMPTS {
            assert_eq!(mail.status, MailStatus::Pending, "after attempt {attempt}");
            assert_eq!(wait, retry_delay(attempt));
        }
        now = mail.send_after;
    }
    assert_eq!(waits[..5], [1, 5, 15, 60, 60]);
    let failed = app.store.outbox_mail(id).await.unwrap();
    assert_eq!(failed.status, MailStatus::Failed);
    assert_eq!(
        send_due_mails(
            &app.store,
            &smtp(port),
            now + SignedDuration::from_hours(24)
        )
        .await
        .unwrap(),
        0
    );
    assert_eq!(
        app.store.outbox_mail(id).await.unwrap().attempts,
        MAX_ATTEMPTS
    );

    let mut wrong = confirmation();
    wrong.recipient = "an.peeters at example.be".into();
    let wrong_id = app.store.queue_mail(&wrong, now, now).await.unwrap();
    send_due_mails(&app.store, &smtp(port), now).await.unwrap();
    let wrong = app.store.outbox_mail(wrong_id).await.unwrap();
    assert_eq!(
        (wrong.status, wrong.attempts),
        (MailStatus::Failed, 1),
        "an impossible address is not tried again"
    );
}

#[tokio::test]
async fn admins_and_managers_read_the_outbox_and_others_do_not() {
    let app = spawn_app().await;
    let now = app.clock.now();
    let mut mail = confirmation();
    mail.text = "Beste An,\n\n<b>niet vet</b> & tot donderdag.\n".into();
    let id = app.store.queue_mail(&mail, now, now).await.unwrap();

    let anonymous = app.browser();
    let counter = app.signed_in("balie1").await;
    let manager = app.signed_in("manager").await;
    let admin = app.signed_in("admin").await;
    for path in ["/staff/outbox".to_owned(), format!("/staff/outbox/{id}")] {
        assert_eq!(
            anonymous.get(app.url(&path)).send().await.unwrap().status(),
            401,
            "{path} without sign-in"
        );
        assert_eq!(
            counter.get(app.url(&path)).send().await.unwrap().status(),
            403,
            "{path} for a counter employee"
        );
        for reader in [&manager, &admin] {
            let response = reader.get(app.url(&path)).send().await.unwrap();
            assert_eq!(response.status(), 200, "{path}");
            let html = response.text().await.unwrap();
            assert!(
                html.contains("Bevestiging van uw afspraak – donderdag 10 december"),
                "{html}"
            );
            assert!(html.contains("an.peeters@example.be"));
            assert!(html.contains("Wacht op verzending"), "the status, in Dutch");
        }
    }

    let list = manager
        .get(app.url("/staff/outbox"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains(&format!(r#"href="/staff/outbox/{id}""#)));
    let page = manager
        .get(app.url(&format!("/staff/outbox/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(
            "<pre>Beste An,\n\n&#60;b&#62;niet vet&#60;/b&#62; &#38; tot donderdag.\n</pre>"
        ),
        "the text, escaped: {page}"
    );
    assert!(page.contains("afspraak.ics"));
    let audit = app.store.audit_entries(10).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|entry| entry.action == "mail.read" && entry.actor.as_deref() == Some("manager")),
        "reading a citizen's mail is logged: {audit:?}"
    );

    for missing in ["/staff/outbox/999999", "/staff/outbox/abc"] {
        assert_eq!(
            manager.get(app.url(missing)).send().await.unwrap().status(),
            404,
            "{missing}"
        );
    }
    for (client, listed) in [(&manager, true), (&admin, true), (&counter, false)] {
        let home = client
            .get(app.url("/staff"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(home.contains(r#"href="/staff/outbox""#), listed);
    }
}
