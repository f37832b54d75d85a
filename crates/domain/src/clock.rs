//! Every part of Loket reads the time from a [`Clock`], so tests, demos and simulations can run a
//! whole day at any instant they choose.

use jiff::{SignedDuration, Timestamp};
use std::sync::Mutex;
use std::time::Instant;

pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> Timestamp;
}

/// The real time.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

/// A clock that starts at a chosen instant and then runs at normal speed (`loket serve --now`).
#[derive(Debug)]
pub struct ShiftedClock {
    start: Timestamp,
    started: Instant,
}

impl ShiftedClock {
    pub fn starting_at(start: Timestamp) -> Self {
        Self {
            start,
            started: Instant::now(),
        }
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> Timestamp {
        let elapsed =
            SignedDuration::try_from(self.started.elapsed()).unwrap_or(SignedDuration::MAX);
        self.start.saturating_add(elapsed).unwrap_or(self.start)
    }
}

/// A clock that only moves when told to: for tests that walk through a day.
#[derive(Debug)]
pub struct ManualClock(Mutex<Timestamp>);

impl ManualClock {
    pub fn at(start: Timestamp) -> Self {
        Self(Mutex::new(start))
    }

    pub fn set(&self, to: Timestamp) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = to;
    }

    pub fn advance(&self, by: SignedDuration) {
        let mut now = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *now = now.saturating_add(by).unwrap_or(*now);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifted_clock_starts_at_the_given_instant_and_runs_on() {
        let start: Timestamp = "2026-12-03T09:00:00Z".parse().unwrap();
        let clock = ShiftedClock::starting_at(start);
        let first = clock.now();
        assert!(first >= start);
        assert!(first < start + SignedDuration::from_secs(60));
        assert!(clock.now() >= first);
    }

    #[test]
    fn manual_clock_moves_only_when_told() {
        let start: Timestamp = "2026-03-29T00:30:00Z".parse().unwrap();
        let clock = ManualClock::at(start);
        assert_eq!(clock.now(), start);
        clock.advance(SignedDuration::from_hours(2));
        assert_eq!(clock.now().to_string(), "2026-03-29T02:30:00Z");
    }
}
