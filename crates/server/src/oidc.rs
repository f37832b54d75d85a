//! Citizens prove who they are through the city's OpenID Connect provider: in production the
//! broker in front of the federal eID / itsme login. The authorization code flow with PKCE, a
//! `state` and a `nonce`; the ID token's signature (the provider's published keys), issuer,
//! audience, nonce and expiry are checked before its national register number is believed.
//!
//! The pages (`web::eloket::oidc`) keep what must survive between the redirect and the answer.

use loket_domain::locale::Locale;
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreGenderClaim, CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm, CoreProviderMetadata,
};
use openidconnect::{
    AdditionalClaims, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret,
    CsrfToken, EndpointMaybeSet, EndpointNotSet, EndpointSet, IdToken, IssuerUrl, LanguageTag,
    Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl,
    RequestTokenError, Scope, TokenResponse, UserInfoClaims, reqwest,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// The claim the Belgian federal authentication service puts the national register number in.
pub const DEFAULT_NATIONAL_NUMBER_CLAIM: &str = "egovNRN";
/// The scopes asked for by default: the federal authentication service gives the national
/// register number with the `egovnrn` scope.
pub const DEFAULT_SCOPES: &str = "openid profile egovnrn";
/// The path the provider sends the citizen back to.
pub const CALLBACK_PATH: &str = "/eloket/login/callback";
/// How long the provider's published configuration and signing keys are used before they are
/// read again (keys are rotated now and then).
const METADATA_LIFETIME: Duration = Duration::from_secs(15 * 60);

/// How Loket is known to the provider; from `loket.toml` or the environment.
#[derive(Clone, PartialEq, Eq)]
pub struct OidcSettings {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// The claim that carries the citizen's national register number.
    pub national_number_claim: String,
    /// The scopes asked for, separated by spaces; `openid` is always asked.
    pub scopes: String,
}

impl std::fmt::Debug for OidcSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcSettings")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &"…")
            .field("national_number_claim", &self.national_number_claim)
            .field("scopes", &self.scopes)
            .finish()
    }
}

/// Why a sign-in through the provider did not give a national number. The detail is for the
/// log; it never holds a national number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OidcError {
    /// The provider could not be reached or answered nonsense.
    Unavailable(String),
    /// The provider refused the code, or its ID token did not pass the checks.
    Rejected(String),
}

/// A sign-in to send the citizen off with.
pub struct Authorization {
    /// The provider's page to send the citizen to.
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// The claims besides the standard ones, by name.
#[derive(Debug, Clone, Deserialize, Serialize)]
struct OtherClaims(HashMap<String, serde_json::Value>);
impl AdditionalClaims for OtherClaims {}

/// A client over the provider's published configuration: authorization and perhaps token and
/// userinfo endpoints.
type ProviderClient = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

type LoketIdToken = IdToken<
    OtherClaims,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;

/// The provider as this process knows it: its settings, an HTTP client, and its published
/// configuration, read when first needed (Loket starts even when the provider is down).
pub struct Oidc {
    settings: OidcSettings,
    redirect_url: RedirectUrl,
    http: reqwest::Client,
    metadata: Mutex<Option<(Instant, CoreProviderMetadata)>>,
}

impl Oidc {
    /// `public_url` is where citizens reach Loket; the provider sends them back under it.
    pub fn new(settings: OidcSettings, public_url: &str) -> anyhow::Result<Oidc> {
        let redirect_url = RedirectUrl::new(format!("{public_url}{CALLBACK_PATH}"))?;
        let http = reqwest::Client::builder()
            // Following redirects would let a provider send Loket's requests anywhere.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(15))
            .build()?;
        Ok(Oidc {
            settings,
            redirect_url,
            http,
            metadata: Mutex::new(None),
        })
    }

    /// The origins the sign-in forms may send the browser on to (Content-Security-Policy
    /// `form-action`): the issuer's, and the authorization endpoint's once it is known.
    pub async fn form_targets(&self) -> Vec<String> {
        let mut origins = vec![origin_of(&self.settings.issuer)];
        if let Some((_, metadata)) = self.metadata.lock().await.as_ref() {
            origins.push(origin_of(metadata.authorization_endpoint().as_str()));
        }
        origins.retain(|origin| !origin.is_empty());
        origins.dedup();
        origins
    }

    /// Where to send the citizen to sign in, with a fresh state, nonce and PKCE verifier to keep
    /// until the provider answers.
    pub async fn authorize(&self, locale: Locale) -> Result<Authorization, OidcError> {
        let client = self.client(false).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for scope in self.settings.scopes.split_whitespace() {
            if scope != "openid" {
                request = request.add_scope(Scope::new(scope.to_owned()));
            }
        }
        let (url, state, nonce) = request
            .add_ui_locale(LanguageTag::new(locale.code().to_owned()))
            .url();
        Ok(Authorization {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        })
    }

    /// Whether `iss`, as the provider may name itself in its answer (RFC 9207), is our issuer.
    pub fn is_issuer(&self, iss: &str) -> bool {
        iss.trim_end_matches('/') == self.settings.issuer.trim_end_matches('/')
    }

    /// Exchanges the code for tokens, checks the ID token, and reads the national number claim
    /// from it or, when the provider keeps it there, from the userinfo endpoint. `Ok(None)`: the
    /// provider vouched for the citizen but gave no national number.
    pub async fn national_number(
        &self,
        code: &str,
        nonce: &str,
        pkce_verifier: &str,
    ) -> Result<Option<String>, OidcError> {
        let client = self.client(false).await?;
        let tokens = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| OidcError::Unavailable(format!("no token endpoint: {e}")))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
            .request_async(&self.http)
            .await
            .map_err(|error| match error {
                RequestTokenError::Request(e) => OidcError::Unavailable(chain(&e)),
                other => OidcError::Rejected(format!("token endpoint: {}", chain(&other))),
            })?;
        let id_token: LoketIdToken = tokens
            .id_token()
            .ok_or_else(|| OidcError::Rejected("no ID token in the answer".into()))?
            .to_string()
            .parse()
            .map_err(|e| OidcError::Rejected(format!("ID token: {e}")))?;
        let nonce = Nonce::new(nonce.to_owned());
        let claims = match id_token.claims(&client.id_token_verifier(), &nonce) {
            Err(ClaimsVerificationError::SignatureVerification(_)) => {
                // Perhaps the provider rotated its keys since we read them: read them again.
                let client = self.client(true).await?;
                id_token
                    .claims(&client.id_token_verifier(), &nonce)
                    .map_err(|e| OidcError::Rejected(format!("ID token: {}", chain(&e))))?
                    .clone()
            }
            other => other
                .map_err(|e| OidcError::Rejected(format!("ID token: {}", chain(&e))))?
                .clone(),
        };
        let claim = &self.settings.national_number_claim;
        if let Some(number) = claim_text(claims.additional_claims(), claim) {
            return Ok(Some(number));
        }
        let Ok(request) = client.user_info(
            tokens.access_token().clone(),
            Some(claims.subject().clone()),
        ) else {
            return Ok(None);
        };
        let user_info: UserInfoClaims<OtherClaims, CoreGenderClaim> = request
            .request_async(&self.http)
            .await
            .map_err(|e| OidcError::Unavailable(format!("userinfo: {}", chain(&e))))?;
        Ok(claim_text(user_info.additional_claims(), claim))
    }

    /// A client over the provider's configuration, read again when it is old or `fresh` is asked.
    async fn client(&self, fresh: bool) -> Result<ProviderClient, OidcError> {
        let metadata = self.metadata(fresh).await?;
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.settings.client_id.clone()),
            Some(ClientSecret::new(self.settings.client_secret.clone())),
        )
        .set_redirect_uri(self.redirect_url.clone()))
    }

    async fn metadata(&self, fresh: bool) -> Result<CoreProviderMetadata, OidcError> {
        let mut cached = self.metadata.lock().await;
        if let Some((read_at, metadata)) = cached.as_ref()
            && !fresh
            && read_at.elapsed() < METADATA_LIFETIME
        {
            return Ok(metadata.clone());
        }
        let issuer = IssuerUrl::new(self.settings.issuer.clone())
            .map_err(|e| OidcError::Unavailable(format!("issuer URL: {e}")))?;
        let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| OidcError::Unavailable(format!("discovery: {}", chain(&e))))?;
        *cached = Some((Instant::now(), metadata.clone()));
        Ok(metadata)
    }
}

/// The claim as text, if the provider gave it as a string.
fn claim_text(claims: &OtherClaims, name: &str) -> Option<String> {
    match claims.0.get(name)? {
        serde_json::Value::String(text) => Some(text.clone()),
        _ => None,
    }
}

/// `scheme://host[:port]` of a URL, or empty when it is none.
fn origin_of(url: &str) -> String {
    match openidconnect::url::Url::parse(url).map(|url| url.origin()) {
        Ok(origin) if origin.is_tuple() => origin.ascii_serialization(),
        _ => String::new(),
    }
}

/// An error with its causes, for the log.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
