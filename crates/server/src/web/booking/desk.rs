//! Who books, and where each page of a booking leads on to.

use crate::appointments::{Email, earliest_start, limit_message};
use crate::web::page::{Page, PageError};
use axum::http::Uri;
use jiff::Timestamp;
use jiff::civil::Date;
use loket_domain::staff::Role;
use loket_store::appointments::Limit;

/// Who books for callers and looks up appointments: everyone who serves or books citizens.
pub const BOOKING_ROLES: [Role; 5] = [
    Role::Admin,
    Role::Manager,
    Role::Reception,
    Role::Counter,
    Role::Telephonist,
];

/// Who books: a citizen on the website, or an employee for a caller on the phone or at a desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Desk {
    Website,
    /// `soon` lifts the lead time: the employee may book a start that is about to come.
    Staff {
        staff_id: i64,
        soon: bool,
    },
}

impl Desk {
    /// The desk of a request: pages under `/staff/` are for employees with a booking role, and
    /// remember the choice to lift the lead time as `soon=1` in their address.
    pub fn of(page: &Page, uri: &Uri) -> Result<Desk, PageError> {
        if !uri.path().starts_with("/staff/") {
            return Ok(Desk::Website);
        }
        let staff_id = require_booking_role(page)?;
        let soon = uri
            .query()
            .is_some_and(|query| query.split('&').any(|pair| pair == "soon=1"));
        Ok(Desk::Staff { staff_id, soon })
    }

    pub fn is_staff(&self) -> bool {
        matches!(self, Desk::Staff { .. })
    }

    pub fn soon(&self) -> bool {
        matches!(self, Desk::Staff { soon: true, .. })
    }

    /// Where a new booking starts.
    pub fn base(&self) -> &'static str {
        match self {
            Desk::Website => "/appointments/new",
            Desk::Staff { .. } => "/staff/book",
        }
    }

    /// A step of a new booking at this desk: `/staff/book/day?soon=1&products=…`.
    pub fn path(&self, step: &str, query: &str) -> String {
        let path = match step {
            "" => self.base().to_owned(),
            step => format!("{}/{step}", self.base()),
        };
        with_query(&path, self.soon(), query)
    }

    pub fn earliest(&self, now: Timestamp) -> Timestamp {
        earliest_start(now, self.soon())
    }

    pub fn email(&self) -> Email {
        match self {
            Desk::Website => Email::Required,
            Desk::Staff { .. } => Email::Optional,
        }
    }

    /// The Fluent id of the message for a reached booking limit: to the citizen online, or to
    /// the employee who books for them.
    pub fn limit_message(&self, limit: Limit) -> &'static str {
        match (self, limit) {
            (Desk::Website, limit) => limit_message(limit),
            (Desk::Staff { .. }, Limit::Email) => "error-limit-email-staff",
            (Desk::Staff { .. }, Limit::NationalNumber) => "error-limit-national-number-staff",
        }
    }

    pub fn booked_by(&self) -> Option<i64> {
        match self {
            Desk::Website => None,
            Desk::Staff { staff_id, .. } => Some(*staff_id),
        }
    }
}

/// The signed-in employee's id, when they may book and look up appointments.
pub fn require_booking_role(page: &Page) -> Result<i64, PageError> {
    let user = page.staff.as_ref().ok_or(PageError::SignInNeeded)?;
    if BOOKING_ROLES.iter().any(|role| user.has_role(*role)) {
        Ok(user.id)
    } else {
        Err(PageError::Forbidden)
    }
}

fn with_query(path: &str, soon: bool, query: &str) -> String {
    let parts: Vec<&str> = [soon.then_some("soon=1"), Some(query)]
        .into_iter()
        .flatten()
        .filter(|part| !part.is_empty())
        .collect();
    if parts.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", parts.join("&"))
    }
}

/// How the day and time pages lead on: booking a new visit, or moving one from its page `home`.
pub enum Flow {
    New { desk: Desk, products: String },
    Move { desk: Desk, home: String },
}

impl Flow {
    pub fn desk(&self) -> Desk {
        match self {
            Flow::New { desk, .. } | Flow::Move { desk, .. } => *desk,
        }
    }

    pub fn moving(&self) -> bool {
        matches!(self, Flow::Move { .. })
    }

    pub fn day_link(&self, date: Date) -> String {
        match self {
            Flow::New { desk, products } => {
                desk.path("time", &format!("products={products}&date={date}"))
            }
            Flow::Move { desk, home } => with_query(
                &format!("{home}/move/time"),
                desk.soon(),
                &format!("date={date}"),
            ),
        }
    }

    pub fn month_link(&self, month: Date) -> String {
        let month = month.strftime("%Y-%m");
        match self {
            Flow::New { desk, products } => {
                desk.path("day", &format!("products={products}&month={month}"))
            }
            Flow::Move { desk, home } => with_query(
                &format!("{home}/move"),
                desk.soon(),
                &format!("month={month}"),
            ),
        }
    }

    pub fn back_to_days(&self, date: Date) -> String {
        self.month_link(date.first_of_month())
    }

    /// Where the day page leads back to: the choice of products, or the appointment itself.
    pub fn back_from_days(&self) -> String {
        match self {
            Flow::New { desk, products } => {
                let mut codes = super::parse_products(products);
                codes.dedup();
                let query = codes
                    .iter()
                    .map(|c| format!("product={c}"))
                    .collect::<Vec<_>>()
                    .join("&");
                desk.path("", &query)
            }
            Flow::Move { home, .. } => home.clone(),
        }
    }

    /// Where the form of free times goes: the details of a new visit (a GET form that carries
    /// its fields), or the confirmation of a move (a POST).
    pub fn time_form(&self) -> (String, Vec<(String, String)>) {
        match self {
            Flow::New { desk, products } => {
                let mut hidden = vec![("products".to_owned(), products.clone())];
                if desk.soon() {
                    hidden.push(("soon".to_owned(), "1".to_owned()));
                }
                (format!("{}/details", desk.base()), hidden)
            }
            Flow::Move { desk, home } => (
                with_query(&format!("{home}/move/confirm"), desk.soon(), ""),
                Vec::new(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_staff_booking_keeps_the_lifted_lead_time_on_every_link() {
        let desk = Desk::Staff {
            staff_id: 1,
            soon: true,
        };
        let date: Date = "2026-12-03".parse().unwrap();
        let new = Flow::New {
            desk,
            products: "eid-aanvraag".into(),
        };
        assert_eq!(
            new.day_link(date),
            "/staff/book/time?soon=1&products=eid-aanvraag&date=2026-12-03"
        );
        assert_eq!(
            new.back_from_days(),
            "/staff/book?soon=1&product=eid-aanvraag"
        );
        let moving = Flow::Move {
            desk,
            home: "/staff/appointments/7".into(),
        };
        assert_eq!(
            moving.time_form().0,
            "/staff/appointments/7/move/confirm?soon=1"
        );
        let website = Flow::New {
            desk: Desk::Website,
            products: "eid-aanvraag".into(),
        };
        assert_eq!(
            website.month_link(date),
            "/appointments/new/day?products=eid-aanvraag&month=2026-12"
        );
        assert_eq!(
            website.time_form(),
            (
                "/appointments/new/details".to_owned(),
                vec![("products".to_owned(), "eid-aanvraag".to_owned())]
            )
        );
    }
}
