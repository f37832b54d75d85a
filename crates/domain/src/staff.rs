//! Staff roles: what each kind of employee may do is decided by the role, never by the page.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Manager,
    Reception,
    Counter,
    Backoffice,
    Telephonist,
    Shop,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Admin,
        Role::Manager,
        Role::Reception,
        Role::Counter,
        Role::Backoffice,
        Role::Telephonist,
        Role::Shop,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Reception => "reception",
            Role::Counter => "counter",
            Role::Backoffice => "backoffice",
            Role::Telephonist => "telephonist",
            Role::Shop => "shop",
        }
    }

    /// The Fluent message id of the role's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::Admin => "role-admin",
            Role::Manager => "role-manager",
            Role::Reception => "role-reception",
            Role::Counter => "role-counter",
            Role::Backoffice => "role-backoffice",
            Role::Telephonist => "role-telephonist",
            Role::Shop => "role-shop",
        }
    }
}

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|role| role.code() == s)
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown role `{0}`; known roles: admin, manager, reception, counter, backoffice, telephonist, shop"
)]
pub struct UnknownRole(pub String);

/// A username: 2 to 40 lowercase letters, digits, dots, dashes or underscores.
pub fn is_valid_username(name: &str) -> bool {
    (2..=40).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
}

/// Passwords must be long enough to resist guessing; length beats character rules.
pub const MIN_PASSWORD_LENGTH: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_codes() {
        for role in Role::ALL {
            assert_eq!(role.code().parse::<Role>(), Ok(role));
        }
        assert!("boss".parse::<Role>().is_err());
    }

    #[test]
    fn usernames_are_plain_lowercase_words() {
        assert!(is_valid_username("balie1"));
        assert!(is_valid_username("jan.peeters"));
        assert!(!is_valid_username("Jan"));
        assert!(!is_valid_username("a"));
        assert!(!is_valid_username("jan peeters"));
    }
}
