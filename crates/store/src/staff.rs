//! Staff accounts, their roles and departments, and the sessions they sign in with.

use crate::backend::BeginWrite;
use crate::organisation::found;
use crate::{Store, StoreError, StoreResult};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use jiff::{SignedDuration, Timestamp};
use loket_domain::staff::Role;
use rand::RngCore;
use serde::Serialize;
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffUser {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub active: bool,
    pub roles: Vec<Role>,
    /// Codes of the departments the employee works for.
    pub departments: Vec<String>,
}

impl StaffUser {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserInput {
    pub username: String,
    pub display_name: String,
    pub active: bool,
    pub roles: Vec<Role>,
    pub departments: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionKind {
    /// A browser session behind a cookie.
    Web,
    /// A bearer token for API clients.
    Api,
}

impl SessionKind {
    fn code(self) -> &'static str {
        match self {
            SessionKind::Web => "web",
            SessionKind::Api => "api",
        }
    }
}

/// A new session's secret, handed to the client once; only its hash is stored.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub expires_at: Timestamp,
}

impl NewSession {
    /// A fresh token for a session from `at` for `lifetime`.
    pub(crate) fn starting(at: Timestamp, lifetime: SignedDuration) -> StoreResult<NewSession> {
        let expires_at = at
            .saturating_add(lifetime)
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        Ok(NewSession {
            token: random_token(),
            expires_at,
        })
    }
}

type UserRow = (i64, String, String, bool);

/// Writes the roles and departments of `$input` for user `$id` inside transaction `$tx`.
macro_rules! write_memberships {
    ($tx:ident, $id:expr, $input:expr) => {
        for role in &$input.roles {
            sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
                .bind($id)
                .bind(role.code())
                .execute(&mut *$tx)
                .await?;
        }
        for code in &$input.departments {
            let inserted = sqlx::query(
                "INSERT INTO user_departments (user_id, department_id) SELECT $1, id FROM departments WHERE code = $2",
            )
            .bind($id)
            .bind(code)
            .execute(&mut *$tx)
            .await?;
            if inserted.rows_affected() == 0 {
                return Err(StoreError::Reference(format!("department {code}")));
            }
        }
    };
}

impl Store {
    pub async fn users(&self) -> StoreResult<Vec<StaffUser>> {
        let sql = "SELECT id, username, display_name, active FROM users ORDER BY username";
        let rows: Vec<UserRow> =
            on_backend!(self, pool => sqlx::query_as(sql).fetch_all(pool).await?);
        let mut users = Vec::with_capacity(rows.len());
        for row in rows {
            users.push(self.complete_user(row).await?);
        }
        Ok(users)
    }

    pub async fn user(&self, username: &str) -> StoreResult<StaffUser> {
        let sql = "SELECT id, username, display_name, active FROM users WHERE username = $1";
        let row: UserRow =
            on_backend!(self, pool => sqlx::query_as(sql).bind(username).fetch_one(pool).await?);
        self.complete_user(row).await
    }

    async fn complete_user(
        &self,
        (id, username, display_name, active): UserRow,
    ) -> StoreResult<StaffUser> {
        let roles_sql = "SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role";
        let departments_sql = "SELECT d.code FROM user_departments ud JOIN departments d ON d.id = ud.department_id \
                               WHERE ud.user_id = $1 ORDER BY d.code";
        let (roles, departments): (Vec<String>, Vec<String>) = on_backend!(self, pool => (
            sqlx::query_scalar(roles_sql).bind(id).fetch_all(pool).await?,
            sqlx::query_scalar(departments_sql).bind(id).fetch_all(pool).await?,
        ));
        let mut roles = roles
            .iter()
            .map(|role| {
                role.parse()
                    .map_err(|_| StoreError::Invalid(format!("role {role}")))
            })
            .collect::<StoreResult<Vec<Role>>>()?;
        roles.sort();
        Ok(StaffUser {
            id,
            username,
            display_name,
            active,
            roles,
            departments,
        })
    }

    /// Creates an account; [`StoreError::Duplicate`] when the username is taken.
    pub async fn create_user(
        &self,
        input: &UserInput,
        password: &str,
        at: Timestamp,
    ) -> StoreResult<StaffUser> {
        let hash = hash_password(password)?;
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO users (username, display_name, password_hash, active, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
                .bind(&input.username).bind(&input.display_name).bind(&hash).bind(input.active).bind(at.as_second())
                .fetch_one(&mut *tx).await?;
            write_memberships!(tx, id, input);
            tx.commit().await?;
        });
        self.user(&input.username).await
    }

    /// Changes name, roles, departments and whether the account may sign in. A deactivated
    /// account loses its sessions at once.
    pub async fn update_user(&self, username: &str, input: &UserInput) -> StoreResult<()> {
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let id: i64 = sqlx::query_scalar("UPDATE users SET display_name = $1, active = $2 WHERE username = $3 RETURNING id")
                .bind(&input.display_name).bind(input.active).bind(username)
                .fetch_optional(&mut *tx).await?
                .ok_or(StoreError::NotFound)?;
            sqlx::query("DELETE FROM user_roles WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM user_departments WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
            write_memberships!(tx, id, input);
            if !input.active {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Sets a new password and ends every session of the account.
    pub async fn set_password(&self, username: &str, password: &str) -> StoreResult<()> {
        let hash = hash_password(password)?;
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let id: i64 = sqlx::query_scalar("UPDATE users SET password_hash = $1 WHERE username = $2 RETURNING id")
                .bind(&hash).bind(username)
                .fetch_optional(&mut *tx).await?
                .ok_or(StoreError::NotFound)?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The active account with this username and password, if both are right. An unknown
    /// username costs as much time as a wrong password, so the answer tells nothing.
    pub async fn authenticate(
        &self,
        username: &str,
        password: &str,
    ) -> StoreResult<Option<StaffUser>> {
        let sql = "SELECT password_hash FROM users WHERE username = $1 AND active = $2";
        let hash: Option<String> = on_backend!(self, pool => sqlx::query_scalar(sql).bind(username).bind(true).fetch_optional(pool).await?);
        let verified = tokio::task::spawn_blocking({
            let password = password.to_owned();
            move || match hash {
                Some(hash) => verify_password(&hash, &password),
                None => {
                    let _ = hash_password(&password);
                    false
                }
            }
        })
        .await
        .map_err(|e| StoreError::Invalid(format!("password check: {e}")))?;
        if verified {
            Ok(Some(self.user(username).await?))
        } else {
            Ok(None)
        }
    }

    pub async fn start_session(
        &self,
        user_id: i64,
        kind: SessionKind,
        at: Timestamp,
        lifetime: SignedDuration,
    ) -> StoreResult<NewSession> {
        let session = NewSession::starting(at, lifetime)?;
        let sql = "INSERT INTO sessions (token_hash, user_id, kind, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(token_hash(&session.token)).bind(user_id).bind(kind.code()).bind(at.as_second())
            .bind(session.expires_at.as_second())
            .execute(pool).await?.rows_affected());
        Ok(session)
    }

    /// The signed-in user behind a session token, while the session lasts and the account is active.
    pub async fn session_user(
        &self,
        token: &str,
        kind: SessionKind,
        at: Timestamp,
    ) -> StoreResult<Option<StaffUser>> {
        let sql = "SELECT u.id, u.username, u.display_name, u.active FROM sessions s JOIN users u ON u.id = s.user_id \
                   WHERE s.token_hash = $1 AND s.kind = $2 AND s.expires_at > $3 AND u.active = $4";
        let row: Option<UserRow> = on_backend!(self, pool => sqlx::query_as(sql)
            .bind(token_hash(token)).bind(kind.code()).bind(at.as_second()).bind(true)
            .fetch_optional(pool).await?);
        match row {
            Some(row) => Ok(Some(self.complete_user(row).await?)),
            None => Ok(None),
        }
    }

    pub async fn end_session(&self, token: &str) -> StoreResult<()> {
        let sql = "DELETE FROM sessions WHERE token_hash = $1";
        found(
            on_backend!(self, pool => sqlx::query(sql).bind(token_hash(token)).execute(pool).await?.rows_affected()),
        )
    }

    /// Removes expired sessions; returns how many.
    pub async fn purge_sessions(&self, at: Timestamp) -> StoreResult<u64> {
        let sql = "DELETE FROM sessions WHERE expires_at <= $1";
        Ok(
            on_backend!(self, pool => sqlx::query(sql).bind(at.as_second()).execute(pool).await?.rows_affected()),
        )
    }
}

fn hash_password(password: &str) -> StoreResult<String> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| StoreError::Invalid(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| StoreError::Invalid(e.to_string()))
}

fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// 256 random bits, URL-safe.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub(crate) fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
