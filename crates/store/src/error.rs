use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    /// A unique value (a code, a username, a number) is taken already.
    #[error("already exists: {0}")]
    Duplicate(String),
    /// A referenced record does not exist, or a record is still in use and cannot be removed.
    #[error("reference problem: {0}")]
    Reference(String),
    /// A place asked for is no longer free (a slot taken in the meantime).
    #[error("no longer free")]
    Full,
    /// The record is not in a state that allows this (an appointment cancelled already).
    #[error("not possible in state {0}")]
    WrongState(String),
    /// The person has as many future appointments as a booking limit allows.
    #[error("booking limit reached: {0:?}")]
    Limit(crate::appointments::Limit),
    /// Hours overlap those of another block of the same day (in a roster); names the other's hours.
    #[error("overlaps {0}")]
    Overlap(String),
    #[error("not found")]
    NotFound,
    #[error("invalid data in the store: {0}")]
    Invalid(String),
    #[error(transparent)]
    Database(sqlx::Error),
    #[error(transparent)]
    Migration(#[from] sqlx::migrate::MigrateError),
}

pub type StoreResult<T> = Result<T, StoreError>;

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                StoreError::Duplicate(db.message().to_owned())
            }
            sqlx::Error::Database(db) if db.is_foreign_key_violation() => {
                StoreError::Reference(db.message().to_owned())
            }
            _ => StoreError::Database(error),
        }
    }
}
