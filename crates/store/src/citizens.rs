//! Citizens signed in to the e-loket: a session per sign-in, known by the hash of its token, with
//! the national number it is for and how surely the citizen proved who they are.

use crate::staff::{NewSession, token_hash};
use crate::{Store, StoreError, StoreResult};
use jiff::{SignedDuration, Timestamp};

/// How surely a signed-in citizen is who they say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assurance {
    /// A link in an e-mail: enough for appointments, never for certificates.
    Low,
    /// The city's eID or itsme login, or a made-up resident picked in the demo.
    High,
}

impl Assurance {
    pub fn code(self) -> &'static str {
        match self {
            Assurance::Low => "low",
            Assurance::High => "high",
        }
    }

    fn parse(code: &str) -> StoreResult<Assurance> {
        [Assurance::Low, Assurance::High]
            .into_iter()
            .find(|assurance| assurance.code() == code)
            .ok_or_else(|| StoreError::Invalid(format!("assurance {code}")))
    }
}

/// The citizen behind a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitizenSession {
    pub national_number: String,
    pub assurance: Assurance,
    pub expires_at: Timestamp,
}

impl Store {
    /// Signs a citizen in for `lifetime`; the token is returned once and only its hash is kept.
    pub async fn start_citizen_session(
        &self,
        national_number: &str,
        assurance: Assurance,
        at: Timestamp,
        lifetime: SignedDuration,
    ) -> StoreResult<NewSession> {
        let session = NewSession::starting(at, lifetime)?;
        let sql = "INSERT INTO citizen_sessions (token_hash, national_number, assurance, created_at, expires_at) \
                   VALUES ($1, $2, $3, $4, $5)";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(token_hash(&session.token)).bind(national_number).bind(assurance.code())
            .bind(at.as_second()).bind(session.expires_at.as_second())
            .execute(pool).await?.rows_affected());
        Ok(session)
    }

    /// The citizen a token signs in, while the session lasts.
    pub async fn citizen_session(
        &self,
        token: &str,
        at: Timestamp,
    ) -> StoreResult<Option<CitizenSession>> {
        let sql = "SELECT national_number, assurance, expires_at FROM citizen_sessions \
                   WHERE token_hash = $1 AND expires_at > $2";
        let row: Option<(String, String, i64)> = on_backend!(self, pool => sqlx::query_as(sql)
            .bind(token_hash(token)).bind(at.as_second()).fetch_optional(pool).await?);
        row.map(|(national_number, assurance, expires_at)| {
            Ok(CitizenSession {
                national_number,
                assurance: Assurance::parse(&assurance)?,
                expires_at: Timestamp::from_second(expires_at)
                    .map_err(|e| StoreError::Invalid(e.to_string()))?,
            })
        })
        .transpose()
    }

    /// Signs the citizen out: the token opens nothing any more.
    pub async fn end_citizen_session(&self, token: &str) -> StoreResult<()> {
        let sql = "DELETE FROM citizen_sessions WHERE token_hash = $1";
        on_backend!(self, pool => sqlx::query(sql).bind(token_hash(token)).execute(pool).await?.rows_affected());
        Ok(())
    }

    /// Removes the sessions that have ended; returns how many.
    pub async fn purge_citizen_sessions(&self, at: Timestamp) -> StoreResult<u64> {
        let sql = "DELETE FROM citizen_sessions WHERE expires_at <= $1";
        Ok(
            on_backend!(self, pool => sqlx::query(sql).bind(at.as_second()).execute(pool).await?.rows_affected()),
        )
    }
}
