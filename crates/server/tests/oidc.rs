//! Citizens sign in to the e-loket through a real OpenID Connect provider: oidc-provider from npm
//! (`tests/support/oidc/provider.mjs`), started by each test, with its own login and consent
//! forms, which the tests fill in as a browser would.

mod support;

use jiff::SignedDuration;
use loket_domain::national_number::NationalNumber;
use loket_server::AppOptions;
use loket_server::oidc::OidcSettings;
use reqwest::Url;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use support::{TestApp, page, spawn_app, spawn_app_on};

const INSTALL: &str = "the OpenID Connect tests need Node.js and the test provider's packages: \
                       run `npm ci` in crates/server/tests/support/oidc (as .ci/run does)";
const CLIENT_ID: &str = "loket-test";
const CLIENT_SECRET: &str = "a-secret-the-provider-gave-loket";
const PASSWORD: &str = "eid-test";
/// Valid (its check digits add up) but not in the demo's register: born 1 January 1900.
const NOT_A_RESIDENT: &str = "00010100173";
/// Eleven digits whose check digits do not add up.
const NOT_A_NATIONAL_NUMBER: &str = "85073003399";

/// Where the test provider puts the `egovNRN` claim.
#[derive(Clone, Copy)]
enum ClaimIn {
    /// Only in the userinfo answer, as the federal authentication service does.
    UserInfo,
    /// Only in the ID token.
    IdToken,
}

/// The test provider: a Node process on 127.0.0.1, stopped when dropped.
struct Provider {
    issuer: String,
    child: Child,
    log: PathBuf,
    /// Closing it stops the provider even if this test process dies.
    _stdin: ChildStdin,
    /// Kept open, so the provider may still write to it.
    _stdout: BufReader<ChildStdout>,
}

impl Provider {
    fn start(redirect_uri: &str, claim_in: ClaimIn) -> Provider {
        let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/support/oidc");
        assert!(
            folder.join("node_modules/oidc-provider").is_dir(),
            "{INSTALL}: {} is missing",
            folder.join("node_modules").display()
        );
        let settings = serde_json::json!({
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uri": redirect_uri,
            "password": PASSWORD,
            "claims_in_id_token": matches!(claim_in, ClaimIn::IdToken),
        });
        let log = std::env::temp_dir().join(format!(
            "loket-oidc-provider-{}.log",
            loket_store::staff::random_token()
        ));
        let mut child = Command::new("node")
            .arg("provider.mjs")
            .arg(settings.to_string())
            .current_dir(&folder)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap_or_else(|error| panic!("{INSTALL}; node did not start: {error}"));
        let mut line = String::new();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        stdout.read_line(&mut line).unwrap();
        let Some(issuer) = line.trim().strip_prefix("ready ") else {
            let _ = child.kill();
            let _ = child.wait();
            let output = std::fs::read_to_string(&log).unwrap_or_default();
            panic!("the test OpenID Connect provider did not start; {INSTALL}\n{output}");
        };
        Provider {
            issuer: issuer.to_owned(),
            _stdin: child.stdin.take().unwrap(),
            _stdout: stdout,
            child,
            log,
        }
    }

    fn settings(&self) -> OidcSettings {
        OidcSettings {
            issuer: self.issuer.clone(),
            client_id: CLIENT_ID.into(),
            client_secret: CLIENT_SECRET.into(),
            national_number_claim: "egovNRN".into(),
            scopes: "openid profile egovnrn".into(),
        }
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            let output = std::fs::read_to_string(&self.log).unwrap_or_default();
            eprintln!("the test provider's output:\n{output}");
        }
        let _ = std::fs::remove_file(&self.log);
    }
}

fn options(public_url: &str, oidc: Option<OidcSettings>) -> AppOptions {
    AppOptions {
        demo: false,
        public_url: public_url.to_owned(),
        oidc,
        ..AppOptions::default()
    }
}

/// Loket configured for a test provider that sends citizens back to it.
async fn app_with_provider(claim_in: ClaimIn) -> (TestApp, Provider) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let provider = Provider::start(&format!("{base}/eloket/login/callback"), claim_in);
    let app = spawn_app_on(listener, options(&base, Some(provider.settings()))).await;
    (app, provider)
}

/// A page as the browser ends up on it: where, the status, the HTML.
struct Landed {
    url: Url,
    status: u16,
    html: String,
}

/// Follows redirects as a browser does, across Loket and the provider, until a page; or until
/// the browser is about to go back to Loket's callback, when `stop_at_callback`.
async fn follow(
    client: &reqwest::Client,
    mut response: reqwest::Response,
    stop_at_callback: bool,
) -> Landed {
    for _ in 0..20 {
        if !response.status().is_redirection() {
            return Landed {
                url: response.url().clone(),
                status: response.status().as_u16(),
                html: response.text().await.unwrap(),
            };
        }
        let location = response.headers()["location"].to_str().unwrap();
        let next = response.url().join(location).unwrap();
        if stop_at_callback && next.path() == "/eloket/login/callback" {
            return Landed {
                url: next,
                status: response.status().as_u16(),
                html: String::new(),
            };
        }
        response = client.get(next).send().await.unwrap();
    }
    panic!("more than 20 redirects");
}

/// The `action` of the form on a provider page whose action ends in `step`.
fn form_action(landed: &Landed, step: &str) -> Url {
    let action = landed
        .html
        .split("action=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|action| action.ends_with(step))
        .unwrap_or_else(|| panic!("no {step} form on {}:\n{}", landed.url, landed.html));
    landed.url.join(action).unwrap()
}

async fn post_form(
    client: &reqwest::Client,
    url: impl reqwest::IntoUrl,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    client.post(url).form(fields).send().await.unwrap()
}

/// How the citizen answers the provider's consent question.
#[derive(Clone, Copy, PartialEq)]
enum Consent {
    Allow,
    Deny,
}

/// Presses "sign in with eID or itsme", signs in at the provider as `login`, answers the consent
/// question, and follows the browser on (to the page it lands on, or up to Loket's callback).
async fn sign_in_at_provider(
    client: &reqwest::Client,
    app: &TestApp,
    login: &str,
    consent: Consent,
    stop_at_callback: bool,
) -> Landed {
    let response = post_form(
        client,
        app.url("/eloket/login/oidc"),
        &[("next", "/eloket/certificates")],
    )
    .await;
    assert_eq!(response.status(), 303, "the button sends the browser off");
    let login_page = follow(client, response, false).await;
    assert_eq!(login_page.status, 200, "{}", login_page.html);
    let response = post_form(
        client,
        form_action(&login_page, "/login"),
        &[("login", login), ("password", PASSWORD)],
    )
    .await;
    let consent_page = follow(client, response, false).await;
    let step = match consent {
        Consent::Allow => "/confirm",
        Consent::Deny => "/abort",
    };
    let response = post_form(client, form_action(&consent_page, step), &[]).await;
    follow(client, response, stop_at_callback).await
}

async fn first_resident(app: &TestApp) -> (String, String) {
    let entries = app.store.resident_summaries().await.unwrap();
    let resident = entries.first().unwrap();
    (
        resident.national_number.clone(),
        resident.first_name.clone(),
    )
}

async fn is_signed_in(client: &reqwest::Client, app: &TestApp) -> bool {
    let response = client.get(app.url("/eloket")).send().await.unwrap();
    response.status() == 200
}

async fn audit_of(app: &TestApp, action: &str) -> Vec<(String, String)> {
    app.store
        .audit_entries(50)
        .await
        .unwrap()
        .into_iter()
        .filter(|entry| entry.action == action)
        .map(|entry| (entry.subject, entry.detail))
        .collect()
}

#[tokio::test]
async fn a_resident_signs_in_with_the_provider_and_finds_their_e_loket() {
    let (app, provider) = app_with_provider(ClaimIn::UserInfo).await;
    let (number, first_name) = first_resident(&app).await;
    let browser = app.browser();

    let response = browser.get(app.url("/eloket/login")).send().await.unwrap();
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        policy.ends_with(&format!("form-action 'self' {}", provider.issuer)),
        "the sign-in form may lead on to the provider: {policy}"
    );
    let sign_in = response.text().await.unwrap();
    assert!(sign_in.contains("action=\"/eloket/login/oidc\""));
    assert!(sign_in.contains("Aanmelden met eID of itsme"));
    assert!(!sign_in.contains("nog niet ingesteld"));

    let landed = sign_in_at_provider(&browser, &app, &number, Consent::Allow, false).await;
    assert_eq!(
        landed.url.path(),
        "/eloket/certificates",
        "back where the citizen was going"
    );
    assert_eq!(landed.status, 200);
    let (status, home) = page(&browser, &app, "/eloket").await;
    assert_eq!(status, 200);
    assert!(home.contains(&first_name), "{home}");

    let masked = NationalNumber::parse(&number).unwrap().masked();
    let sign_ins = audit_of(&app, "citizen.sign-in").await;
    assert_eq!(sign_ins, vec![(masked, "oidc".to_owned())]);
    let log = app.store.audit_entries(50).await.unwrap();
    assert!(
        log.iter()
            .all(|entry| !entry.subject.contains(&number) && !entry.detail.contains(&number)),
        "the audit log never holds a national number unmasked"
    );
}

#[tokio::test]
async fn the_national_number_may_come_in_the_id_token() {
    let (app, _provider) = app_with_provider(ClaimIn::IdToken).await;
    let (number, first_name) = first_resident(&app).await;
    let browser = app.browser();
    sign_in_at_provider(&browser, &app, &number, Consent::Allow, false).await;
    let (_, home) = page(&browser, &app, "/eloket").await;
    assert!(home.contains(&first_name), "{home}");
}

#[tokio::test]
async fn the_answer_may_reach_another_node() {
    let (app, provider) = app_with_provider(ClaimIn::UserInfo).await;
    let (number, first_name) = first_resident(&app).await;
    let other = loket_server::app(
        app.store.clone(),
        app.clock.clone(),
        options(&app.base, Some(provider.settings())),
    )
    .await
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let other_base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(
            listener,
            other.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
        .unwrap();
    });

    let browser = app.browser();
    let callback = sign_in_at_provider(&browser, &app, &number, Consent::Allow, true).await;
    // The load balancer sends the provider's answer to the other node (cookies go by host).
    let query = callback.url.query().unwrap();
    let response = browser
        .get(format!("{other_base}/eloket/login/callback?{query}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/eloket/certificates");
    let (_, home) = page(&browser, &app, "/eloket").await;
    assert!(home.contains(&first_name), "{home}");
}

#[tokio::test]
async fn a_tampered_or_reused_state_is_refused() {
    let (app, _provider) = app_with_provider(ClaimIn::UserInfo).await;
    let (number, _) = first_resident(&app).await;

    let browser = app.browser();
    let callback = sign_in_at_provider(&browser, &app, &number, Consent::Allow, true).await;
    let mut tampered = callback.url.clone();
    let pairs: Vec<(String, String)> = callback
        .url
        .query_pairs()
        .map(|(key, value)| match key.as_ref() {
            "state" => (key.into_owned(), format!("{value}x")),
            _ => (key.into_owned(), value.into_owned()),
        })
        .collect();
    tampered.query_pairs_mut().clear().extend_pairs(pairs);
    let refused = browser.get(tampered).send().await.unwrap();
    assert_eq!(refused.status(), 400);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("Deze aanmelding is niet meer geldig"),
        "{html}"
    );
    assert!(
        html.contains("action=\"/eloket/login/oidc\""),
        "offers to try again"
    );
    assert!(!is_signed_in(&browser, &app).await);

    let browser = app.browser();
    let callback = sign_in_at_provider(&browser, &app, &number, Consent::Allow, true).await;
    let state = callback
        .url
        .query_pairs()
        .find(|(key, _)| key == "state")
        .unwrap()
        .1
        .into_owned();
    let first = browser.get(callback.url.clone()).send().await.unwrap();
    assert_eq!(first.status(), 303, "the genuine answer signs in");
    assert!(is_signed_in(&browser, &app).await);
    // The same answer again, even from a browser that still holds the state, signs nobody in.
    let replay = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(callback.url)
        .header("cookie", format!("loket_oidc={state}"))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 400);
    assert!(replay.headers().get("location").is_none());
    assert!(
        replay
            .text()
            .await
            .unwrap()
            .contains("Deze aanmelding is niet meer geldig")
    );
    assert_eq!(
        audit_of(&app, "citizen.sign-in-failed").await,
        vec![
            (String::new(), "oidc: unknown-state".to_owned()),
            (String::new(), "oidc: unknown-state".to_owned())
        ]
    );
}

#[tokio::test]
async fn a_sign_in_left_for_more_than_ten_minutes_is_refused() {
    let (app, _provider) = app_with_provider(ClaimIn::UserInfo).await;
    let (number, _) = first_resident(&app).await;
    let browser = app.browser();
    let callback = sign_in_at_provider(&browser, &app, &number, Consent::Allow, true).await;
    app.clock.advance(SignedDuration::from_mins(11));
    let response = browser.get(callback.url).send().await.unwrap();
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("Het aanmelden duurde te lang"), "{html}");
    assert!(html.contains("action=\"/eloket/login/oidc\""));
    assert!(!is_signed_in(&browser, &app).await);
}

#[tokio::test]
async fn an_answer_without_a_valid_national_number_is_refused() {
    let (app, _provider) = app_with_provider(ClaimIn::UserInfo).await;
    assert!(NationalNumber::parse(NOT_A_NATIONAL_NUMBER).is_err());
    for login in [NOT_A_NATIONAL_NUMBER, "someone-without-a-number"] {
        let browser = app.browser();
        let landed = sign_in_at_provider(&browser, &app, login, Consent::Allow, false).await;
        assert_eq!(landed.status, 403, "{login}");
        assert_eq!(landed.url.path(), "/eloket/login/callback");
        assert!(
            landed.html.contains("geen geldig rijksregisternummer door"),
            "{}",
            landed.html
        );
        assert!(landed.html.contains("action=\"/eloket/login/oidc\""));
        assert!(!is_signed_in(&browser, &app).await);
    }
    let failures = audit_of(&app, "citizen.sign-in-failed").await;
    assert_eq!(failures.len(), 2);
    assert!(
        failures
            .iter()
            .all(|(subject, detail)| subject.is_empty() && detail == "oidc: no-national-number")
    );
}

#[tokio::test]
async fn a_citizen_not_in_the_register_is_told_so() {
    let (app, _provider) = app_with_provider(ClaimIn::UserInfo).await;
    let outsider = NationalNumber::parse(NOT_A_RESIDENT).unwrap();
    assert!(app.store.register_entry(&outsider).await.is_err());
    let browser = app.browser();
    let landed = sign_in_at_provider(&browser, &app, NOT_A_RESIDENT, Consent::Allow, false).await;
    assert_eq!(landed.status, 403);
    assert!(
        landed
            .html
            .contains("U staat niet in ons bevolkingsregister"),
        "{}",
        landed.html
    );
    assert!(!is_signed_in(&browser, &app).await);
    assert_eq!(
        audit_of(&app, "citizen.sign-in-failed").await,
        vec![(outsider.masked(), "oidc: not-resident".to_owned())]
    );
}

#[tokio::test]
async fn a_citizen_who_denies_consent_is_not_signed_in() {
    let (app, _provider) = app_with_provider(ClaimIn::UserInfo).await;
    let (number, _) = first_resident(&app).await;
    let browser = app.browser();
    let landed = sign_in_at_provider(&browser, &app, &number, Consent::Deny, false).await;
    assert_eq!(landed.status, 403);
    assert!(
        landed.html.contains("geen toestemming gegeven"),
        "{}",
        landed.html
    );
    assert!(landed.html.contains("action=\"/eloket/login/oidc\""));
    assert!(!is_signed_in(&browser, &app).await);
}

#[tokio::test]
async fn a_provider_that_is_down_gives_a_page_to_try_again() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let nobody = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let issuer = format!("http://{}", nobody.local_addr().unwrap());
    drop(nobody);
    let settings = OidcSettings {
        issuer,
        client_id: CLIENT_ID.into(),
        client_secret: CLIENT_SECRET.into(),
        national_number_claim: "egovNRN".into(),
        scopes: "openid".into(),
    };
    let app = spawn_app_on(listener, options(&base, Some(settings))).await;
    let browser = app.browser();
    let response = post_form(&browser, app.url("/eloket/login/oidc"), &[("next", "")]).await;
    assert_eq!(response.status(), 503);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("De aanmeldingsdienst is niet bereikbaar"),
        "{html}"
    );
    assert!(html.contains("action=\"/eloket/login/oidc\""));
}

#[tokio::test]
async fn without_a_provider_there_is_no_button() {
    let app = spawn_app().await;
    let browser = app.browser();
    let (status, sign_in) = page(&browser, &app, "/eloket/login").await;
    assert_eq!(status, 200);
    assert!(!sign_in.contains("/eloket/login/oidc"));
    assert!(!sign_in.contains("eID of itsme"));
    let response = post_form(&browser, app.url("/eloket/login/oidc"), &[("next", "")]).await;
    assert_eq!(response.status(), 404);
    let (status, _) = page(&browser, &app, "/eloket/login/callback?state=x&code=y").await;
    assert_eq!(status, 404);
}
