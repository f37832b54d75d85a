//! Sign-ins through the city's OpenID Connect provider that are under way: what Loket must still
//! know when the provider sends the citizen back, perhaps to another node. Kept by a hash of the
//! `state` and taken once.

use crate::staff::token_hash;
use crate::{Store, StoreError, StoreResult};
use jiff::Timestamp;

/// A sign-in sent to the provider and not answered yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingOidcLogin {
    /// The ID token must carry this nonce.
    pub nonce: String,
    /// The PKCE code verifier, which proves to the provider that the code is ours.
    pub pkce_verifier: String,
    /// Where on this site the citizen goes once signed in.
    pub next: String,
    pub expires_at: Timestamp,
}

impl Store {
    /// Remembers a sign-in under its `state`, and forgets those that have expired.
    pub async fn start_oidc_login(
        &self,
        state: &str,
        login: &PendingOidcLogin,
        at: Timestamp,
    ) -> StoreResult<()> {
        let purge = "DELETE FROM oidc_logins WHERE expires_at <= $1";
        let insert = "INSERT INTO oidc_logins (state_hash, nonce, pkce_verifier, next_path, created_at, expires_at) \
                      VALUES ($1, $2, $3, $4, $5, $6)";
        on_backend!(self, pool => {
            sqlx::query(purge).bind(at.as_second()).execute(pool).await?;
            sqlx::query(insert)
                .bind(token_hash(state)).bind(&login.nonce).bind(&login.pkce_verifier)
                .bind(&login.next).bind(at.as_second()).bind(login.expires_at.as_second())
                .execute(pool).await?.rows_affected()
        });
        Ok(())
    }

    /// The sign-in started under `state`, removed in the same statement, so only one answer of the
    /// provider can finish it; None when it is unknown or was taken already. An expired one is
    /// returned too: the caller tells the citizen it took too long.
    pub async fn take_oidc_login(&self, state: &str) -> StoreResult<Option<PendingOidcLogin>> {
        let sql = "DELETE FROM oidc_logins WHERE state_hash = $1 \
                   RETURNING nonce, pkce_verifier, next_path, expires_at";
        let row: Option<(String, String, String, i64)> = on_backend!(self, pool => sqlx::query_as(sql)
            .bind(token_hash(state)).fetch_optional(pool).await?);
        row.map(|(nonce, pkce_verifier, next, expires_at)| {
            Ok(PendingOidcLogin {
                nonce,
                pkce_verifier,
                next,
                expires_at: Timestamp::from_second(expires_at)
                    .map_err(|e| StoreError::Invalid(e.to_string()))?,
            })
        })
        .transpose()
    }
}
