//! The floor's queue: ticket numbers, the life of a ticket, who a counter calls next, the
//! check-in window of an appointment and an honest estimate of the wait.

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

/// Where a ticket is in its life. Every change is stored with its time and who made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    Waiting,
    Called,
    Serving,
    Done,
    NoShow,
    /// Sent on to another product or zone; a new ticket with the same arrival time carries on.
    Transferred,
    Cancelled,
}

impl TicketStatus {
    pub const ALL: [TicketStatus; 7] = [
        TicketStatus::Waiting,
        TicketStatus::Called,
        TicketStatus::Serving,
        TicketStatus::Done,
        TicketStatus::NoShow,
        TicketStatus::Transferred,
        TicketStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TicketStatus::Waiting => "waiting",
            TicketStatus::Called => "called",
            TicketStatus::Serving => "serving",
            TicketStatus::Done => "done",
            TicketStatus::NoShow => "no_show",
            TicketStatus::Transferred => "transferred",
            TicketStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(code: &str) -> Option<TicketStatus> {
        TicketStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The Fluent id of the status's name.
    pub fn message_id(self) -> &'static str {
        match self {
            TicketStatus::Waiting => "ticket-status-waiting",
            TicketStatus::Called => "ticket-status-called",
            TicketStatus::Serving => "ticket-status-serving",
            TicketStatus::Done => "ticket-status-done",
            TicketStatus::NoShow => "ticket-status-no-show",
            TicketStatus::Transferred => "ticket-status-transferred",
            TicketStatus::Cancelled => "ticket-status-cancelled",
        }
    }

    /// Whether the ticket is still on the floor: waiting, or at a counter.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            TicketStatus::Waiting | TicketStatus::Called | TicketStatus::Serving
        )
    }
}

/// What a counter does with a ticket, and which states allow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketAction {
    Recall,
    Start,
    Finish,
    NoShow,
    Transfer,
    Cancel,
}

impl TicketAction {
    /// The states a ticket may be in for this action.
    pub fn allowed_from(self) -> &'static [TicketStatus] {
        match self {
            TicketAction::Recall | TicketAction::NoShow => &[TicketStatus::Called],
            TicketAction::Start => &[TicketStatus::Called],
            TicketAction::Finish => &[TicketStatus::Serving],
            TicketAction::Transfer => &[TicketStatus::Called, TicketStatus::Serving],
            TicketAction::Cancel => &[TicketStatus::Waiting],
        }
    }

    /// The state the ticket is in afterwards.
    pub fn leads_to(self) -> TicketStatus {
        match self {
            TicketAction::Recall => TicketStatus::Called,
            TicketAction::Start => TicketStatus::Serving,
            TicketAction::Finish => TicketStatus::Done,
            TicketAction::NoShow => TicketStatus::NoShow,
            TicketAction::Transfer => TicketStatus::Transferred,
            TicketAction::Cancel => TicketStatus::Cancelled,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            TicketAction::Recall => "recalled",
            TicketAction::Start => "started",
            TicketAction::Finish => "finished",
            TicketAction::NoShow => "no_show",
            TicketAction::Transfer => "transferred",
            TicketAction::Cancel => "cancelled",
        }
    }
}

/// "B012": the zone letter and the day's number of that zone, at least three digits.
pub fn ticket_label(zone: &str, number: i64) -> String {
    format!("{zone}{number:03}")
}

/// The words a screen speaks for a ticket: "B012" → ("B", "12"), so a voice says "B twaalf".
pub fn spoken_parts(label: &str) -> (String, String) {
    let split = label
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(label.len());
    let (letters, digits) = label.split_at(split);
    let number = digits.trim_start_matches('0');
    (
        letters.to_owned(),
        if number.is_empty() { "0" } else { number }.to_owned(),
    )
}

/// A waiting ticket a counter could call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waiting {
    pub id: i64,
    /// When the citizen took the first ticket of this visit (a transfer keeps it).
    pub arrived_at: Timestamp,
    /// The start of the appointment a checked-in ticket is for.
    pub due_at: Option<Timestamp>,
}

impl Waiting {
    /// The order a counter calls in: checked-in appointments whose time has come, by that time;
    /// then everyone else by arrival. (The store sorts and counts by the same key.)
    pub fn call_key(&self, now: Timestamp) -> (u8, Timestamp, i64) {
        match self.due_at {
            Some(due) if due <= now => (0, due, self.id),
            _ => (1, self.arrived_at, self.id),
        }
    }
}

/// How early and how late an appointment can be checked in at the kiosk; outside the window the
/// citizen goes to reception.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckInWindow {
    pub before: SignedDuration,
    pub after: SignedDuration,
}

impl Default for CheckInWindow {
    fn default() -> Self {
        CheckInWindow {
            before: SignedDuration::from_mins(30),
            after: SignedDuration::from_mins(15),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckIn {
    Open,
    TooEarly,
    TooLate,
}

impl CheckInWindow {
    pub fn check(&self, start: Timestamp, now: Timestamp) -> CheckIn {
        if now < start - self.before {
            CheckIn::TooEarly
        } else if now > start + self.after {
            CheckIn::TooLate
        } else {
            CheckIn::Open
        }
    }
}

/// The minutes a citizen will likely wait: the tickets before them, each taking the recent mean
/// service time, shared over the counters open for them. Without open counters nobody can say,
/// so there is no estimate.
pub fn estimate_wait_minutes(
    ahead: usize,
    recent_service_seconds: &[i64],
    fallback_minutes: i64,
    open_counters: usize,
) -> Option<i64> {
    if open_counters == 0 {
        return None;
    }
    let mean_seconds = if recent_service_seconds.is_empty() {
        fallback_minutes.max(1) * 60
    } else {
        recent_service_seconds.iter().sum::<i64>() / recent_service_seconds.len() as i64
    };
    let ahead = i64::try_from(ahead).unwrap_or(i64::MAX);
    let counters = i64::try_from(open_counters).unwrap_or(1);
    let seconds = ahead.saturating_mul(mean_seconds) / counters;
    Some((seconds + 59) / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn labels_have_the_zone_and_three_digits() {
        assert_eq!(ticket_label("B", 12), "B012");
        assert_eq!(ticket_label("A", 1234), "A1234");
        assert_eq!(spoken_parts("B012"), ("B".into(), "12".into()));
        assert_eq!(spoken_parts("A100"), ("A".into(), "100".into()));
    }

    #[test]
    fn due_appointments_go_first_then_everyone_by_arrival() {
        let now = at("2026-12-03T09:00:00Z");
        let mut waiting = [
            Waiting {
                id: 1,
                arrived_at: at("2026-12-03T08:40:00Z"),
                due_at: None,
            },
            Waiting {
                id: 2,
                arrived_at: at("2026-12-03T08:50:00Z"),
                due_at: Some(at("2026-12-03T09:00:00Z")),
            },
            Waiting {
                id: 3,
                arrived_at: at("2026-12-03T08:30:00Z"),
                due_at: Some(at("2026-12-03T09:30:00Z")),
            },
            Waiting {
                id: 4,
                arrived_at: at("2026-12-03T08:35:00Z"),
                due_at: None,
            },
        ];
        waiting.sort_by_key(|ticket| ticket.call_key(now));
        assert_eq!(
            waiting.iter().map(|w| w.id).collect::<Vec<_>>(),
            [2, 3, 4, 1],
            "the due appointment first; the early one waits its turn by arrival"
        );
    }

    #[test]
    fn the_check_in_window_runs_from_half_an_hour_before_to_a_quarter_after() {
        let window = CheckInWindow::default();
        let start = at("2026-12-03T10:00:00Z");
        assert_eq!(
            window.check(start, at("2026-12-03T09:29:00Z")),
            CheckIn::TooEarly
        );
        assert_eq!(
            window.check(start, at("2026-12-03T09:30:00Z")),
            CheckIn::Open
        );
        assert_eq!(
            window.check(start, at("2026-12-03T10:15:00Z")),
            CheckIn::Open
        );
        assert_eq!(
            window.check(start, at("2026-12-03T10:16:00Z")),
            CheckIn::TooLate
        );
    }

    #[test]
    fn the_wait_is_the_work_ahead_shared_over_the_open_counters() {
        assert_eq!(estimate_wait_minutes(0, &[300], 5, 2), Some(0));
        assert_eq!(estimate_wait_minutes(4, &[240, 360], 5, 2), Some(10));
        assert_eq!(
            estimate_wait_minutes(3, &[], 5, 1),
            Some(15),
            "product minutes"
        );
        assert_eq!(estimate_wait_minutes(3, &[300], 5, 0), None);
    }

    #[test]
    fn actions_follow_the_life_of_a_ticket() {
        assert!(
            TicketAction::Start
                .allowed_from()
                .contains(&TicketStatus::Called)
        );
        assert!(
            !TicketAction::Finish
                .allowed_from()
                .contains(&TicketStatus::Called)
        );
        assert_eq!(TicketAction::NoShow.leads_to(), TicketStatus::NoShow);
        for status in TicketStatus::ALL {
            assert_eq!(TicketStatus::parse(status.code()), Some(status));
        }
        assert!(!TicketStatus::Done.is_open());
    }
}
