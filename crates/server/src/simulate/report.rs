//! The summary `loket simulate` prints: the day's statistics as the management view shows them,
//! and how honest the waits on the tickets were.

use crate::stats::Figures;
use jiff::civil::{Date, Time};
use loket_domain::simulation::EstimateCheck;
use loket_domain::stats::Spread;
use std::fmt;

/// What the simulated day came to.
pub struct Report {
    pub date: Date,
    pub site_name: String,
    /// Replays the same day.
    pub seed: u64,
    pub planned: usize,
    /// The day's statistics, as the management view shows them.
    pub figures: Figures,
    pub appointments_booked: usize,
    /// Wanted an appointment, but the book of the day was full.
    pub appointments_not_booked: usize,
    pub questions: usize,
    pub summons: usize,
    pub turned_away: usize,
    /// Median seconds until a summoned employee accepted.
    pub summons_pickup_median: Option<i64>,
    pub estimates: Option<EstimateCheck>,
    /// The local time the day stopped, when stopped early.
    pub stopped_at: Option<Time>,
    pub elapsed: std::time::Duration,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = &self.figures;
        write!(
            f,
            "Simulated {} at {} (seed {})",
            self.date.strftime("%A %-d %B %Y"),
            self.site_name,
            self.seed
        )?;
        match self.stopped_at {
            Some(time) => writeln!(f, ", stopped at {}:", time.strftime("%H:%M"))?,
            None => writeln!(f, ":")?,
        }
        writeln!(f, "  planned visitors      {}", self.planned)?;
        writeln!(
            f,
            "  visitors              {} ({} tickets)",
            day.visitors, day.tickets
        )?;
        writeln!(
            f,
            "  appointments          {} booked, {} no-shows ({} wanted one when the day was full)",
            day.appointments, day.no_shows, self.appointments_not_booked
        )?;
        writeln!(
            f,
            "  transactions          {}",
            day.transactions.values().sum::<i64>()
        )?;
        writeln!(f, "  questions at reception {}", self.questions)?;
        let pickup = self
            .summons_pickup_median
            .map_or("-".to_owned(), |s| format!("{:.1}", s as f64 / 60.0));
        writeln!(
            f,
            "  summons               {} (median {pickup} min until accepted)",
            self.summons
        )?;
        writeln!(f, "  came after closing    {}", self.turned_away)?;
        writeln!(f, "  waiting minutes       {}", spread(day.wait, true))?;
        writeln!(f, "  service minutes       {}", spread(day.service, false))?;
        match day.pressure {
            Some(p) => writeln!(
                f,
                "  counter pressure      peak {:.1}, mean {:.1}",
                p.peak, p.mean
            )?,
            None => writeln!(f, "  counter pressure      -")?,
        }
        match &self.estimates {
            Some(check) => writeln!(
                f,
                "  wait estimate         {} tickets: off by {:.1} min on average; within 5 min for {:.0} %, \
                 longer than told for {:.0} %, shorter for {:.0} %",
                check.tickets,
                check.mean_error_minutes,
                check.within_five_minutes * 100.0,
                check.longer_than_told * 100.0,
                check.shorter_than_told * 100.0
            )?,
            None => writeln!(f, "  wait estimate         no ticket was called")?,
        }
        write!(
            f,
            "  ran in                {:.1} s",
            self.elapsed.as_secs_f64()
        )
    }
}

fn spread(spread: Option<Spread>, with_max: bool) -> String {
    match spread {
        Some(s) if with_max => format!("p50 {:.1}, p90 {:.1}, max {:.1}", s.p50, s.p90, s.max),
        Some(s) => format!("p50 {:.1}, p90 {:.1}", s.p50, s.p90),
        None => "-".to_owned(),
    }
}
