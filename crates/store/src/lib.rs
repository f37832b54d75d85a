//! Loket's storage: one [`Store`] over SQLite (the default, embedded) or PostgreSQL (several nodes).
//!
//! Each backend has its own migrations; the queries are written once in SQL both understand and run
//! through [`on_backend!`], which expands a body once per pool type so each is checked by the compiler.

#[macro_use]
mod backend;
pub mod address_changes;
pub mod appointments;
pub mod audit;
pub mod calendar;
pub mod catalogue;
pub mod citizens;
pub mod demo;
pub mod documents;
pub mod eloket;
mod error;
#[macro_use]
pub mod floor;
pub mod import;
pub mod management;
pub mod oidc_logins;
pub mod on_call;
pub mod organisation;
pub mod outbox;
pub mod parking;
pub mod pickups;
pub mod reception;
pub mod register;
pub mod retention;
pub mod roster;
pub mod sales;
pub mod settings;
pub mod staff;
pub mod testing;

pub use backend::{Backend, Store};
pub use error::{StoreError, StoreResult};
