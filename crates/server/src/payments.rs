//! Paying online. Loket starts a payment at a payment provider and sends the citizen there; the
//! provider tells Loket the outcome, and [`crate::eloket::parking::settle`] acts on it exactly
//! once. The demo has a test provider whose page (`/pay/test/{reference}`, see `web::pay`) is
//! marked as a test and lets the citizen confirm or cancel; outside the demo no provider is
//! configured yet, and Loket says that paying online is not available rather than pretend.

use std::future::Future;
use std::pin::Pin;

/// A payment to start.
#[derive(Debug, Clone)]
pub struct PaymentOrder<'a> {
    /// Loket's reference of the payment: at least 128 random bits, so it can be in an address.
    pub reference: &'a str,
    pub amount_cents: i64,
    /// What is paid for, as the citizen sees it at the provider.
    pub description: &'a str,
}

/// What became of a payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentOutcome {
    Paid,
    /// The citizen abandoned it.
    Cancelled,
}

#[derive(Debug, thiserror::Error)]
#[error("the payment provider could not start the payment: {0}")]
pub struct PaymentError(pub String);

pub type Started<'a> = Pin<Box<dyn Future<Output = Result<String, PaymentError>> + Send + 'a>>;

/// A payment provider.
pub trait PaymentProvider: Send + Sync {
    /// Starts a payment; the address to send the citizen to, to pay.
    fn start<'a>(&'a self, order: &'a PaymentOrder<'a>) -> Started<'a>;

    /// Whether this is the demo's test provider, whose page is Loket's own.
    fn is_test(&self) -> bool {
        false
    }
}

/// The demo's provider: no money moves; its page asks the citizen to confirm or cancel.
pub struct TestProvider;

impl PaymentProvider for TestProvider {
    fn start<'a>(&'a self, order: &'a PaymentOrder<'a>) -> Started<'a> {
        Box::pin(async move { Ok(format!("/pay/test/{}", order.reference)) })
    }

    fn is_test(&self) -> bool {
        true
    }
}
