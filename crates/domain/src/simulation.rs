//! The plan of a simulated office day: who comes when and for what, how long each visit takes at
//! the counter, who is late and who never comes. Random, but the same seed plans the same day.
//!
//! The mix and the arrival curve follow the Leuven city office: many visitors pick something up
//! or buy something at the fast counter, about a third come by appointment, a fifth only ask
//! reception, and the evening openings bring the rush.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// A small, repeatable random generator (SplitMix64): a simulation must replay exactly from its
/// seed, and needs nothing stronger.
#[derive(Debug, Clone)]
pub struct Random(u64);

impl Random {
    pub fn seeded(seed: u64) -> Self {
        Random(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    /// A whole number in [low, high).
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        if high <= low {
            return low;
        }
        low + (self.next_u64() % (high - low) as u64) as i64
    }

    /// One of the choices, each as likely as its weight.
    pub fn pick<T: Copy>(&mut self, weighted: &[(T, u32)]) -> T {
        let total: u32 = weighted.iter().map(|(_, weight)| weight).sum();
        let mut draw = self.between(0, i64::from(total.max(1)));
        for (choice, weight) in weighted {
            draw -= i64::from(*weight);
            if draw < 0 {
                return *choice;
            }
        }
        weighted[weighted.len() - 1].0
    }

    /// A log-normally spread value around `median`: most close to it, a few much longer, as
    /// service times are.
    pub fn log_normal(&mut self, median: f64, sigma: f64) -> f64 {
        let (u1, u2) = (self.unit().max(f64::MIN_POSITIVE), self.unit());
        let normal = (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos();
        median * (sigma * normal).exp()
    }
}

/// What a visitor comes for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Errand {
    /// Takes a ticket at the kiosk for a product of the fast counter.
    Kiosk { product: &'static str },
    /// Comes for an appointment, booked beforehand near the planned arrival.
    Appointment { product: &'static str },
    /// Comes without an appointment for a product normally by appointment; reception hands out
    /// a ticket for the walk-in counters.
    WalkIn { product: &'static str },
    /// Reception summons an employee of a department on call.
    OnCall { product: &'static str },
    /// Asks reception a question, and leaves with the answer.
    Question,
}

impl Errand {
    pub fn product(&self) -> Option<&'static str> {
        match self {
            Errand::Kiosk { product }
            | Errand::Appointment { product }
            | Errand::WalkIn { product }
            | Errand::OnCall { product } => Some(product),
            Errand::Question => None,
        }
    }
}

/// How a visitor behaves besides the errand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conduct {
    /// Comes, and answers the call.
    Present,
    /// Booked, and never comes.
    NoShow,
    /// Comes for an appointment after the check-in window: reception checks them in.
    Late,
    /// Is not there when called (went outside, to the toilet); a recall does not help.
    Absent,
    /// At the fast counter it turns out a new card must be applied for: sent on to civil affairs,
    /// where the application takes this long.
    Transferred { then_service_seconds: i64 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedVisitor {
    /// When they walk in; for an appointment, the time they would like.
    pub arrival: Timestamp,
    pub errand: Errand,
    pub conduct: Conduct,
    /// How long the counter takes once they sit down.
    pub service_seconds: i64,
    /// Seconds between their appointment's start and their arrival (negative: early).
    pub punctuality_seconds: i64,
    /// The language they use; booked appointments keep it.
    pub locale: &'static str,
}

/// The share of each errand, in thousandths, and the products within.
pub struct Mix {
    pub appointment: u32,
    pub walk_in: u32,
    pub on_call: u32,
    pub question: u32,
    pub kiosk_products: &'static [(&'static str, u32)],
    pub appointment_products: &'static [(&'static str, u32)],
    pub walk_in_products: &'static [(&'static str, u32)],
    pub on_call_products: &'static [(&'static str, u32)],
}

/// The Leuven mix: pick-ups and waste bags at the fast counter, eID cards by appointment, and
/// questions at reception.
pub const LEUVEN_MIX: Mix = Mix {
    appointment: 300,
    walk_in: 100,
    on_call: 20,
    question: 200,
    kiosk_products: &[
        ("eid-afhalen", 320),
        ("rijbewijs-afhalen", 90),
        ("vreemdelingenkaart-afhalen", 60),
        ("pin-puk", 70),
        ("restafvalzakken", 170),
        ("pmd-zakken", 130),
        ("gft-sticker", 50),
        ("toegangsvergunning", 30),
        ("taxikaart", 30),
        ("rattenvergif", 20),
        ("stadsplan", 30),
    ],
    appointment_products: &[
        ("eid-aanvraag", 420),
        ("kids-id-aanvraag", 90),
        ("reispas-aanvraag", 110),
        ("rijbewijs", 90),
        ("voorlopig-rijbewijs", 30),
        ("internationaal-rijbewijs", 20),
        ("buitenlands-rijbewijs", 20),
        ("vreemdelingenkaart", 100),
        ("attest-registratie", 40),
        ("wettelijke-samenwoning", 40),
        ("huwelijksaangifte", 20),
        ("wilsverklaring", 20),
    ],
    walk_in_products: &[
        ("eid-aanvraag", 60),
        ("rijbewijs", 25),
        ("attest-registratie", 15),
    ],
    on_call_products: &[("bouwaanvraag", 60), ("milieu-advies", 40)],
};

/// The product a transferred fast-counter visitor is sent on for.
pub const TRANSFERRED_TO: &str = "eid-aanvraag";

/// How much busier each hour of the day is than an ordinary one: a quiet lunch, a busy end of
/// the afternoon, and the evening rush of the late openings.
fn hour_weight(hour: i8) -> f64 {
    match hour {
        ..=8 => 0.7,
        9 => 0.9,
        10 | 11 => 1.0,
        12 => 0.75,
        13 => 0.7,
        14 | 15 => 0.85,
        16 => 1.0,
        17 => 1.35,
        18 => 1.5,
        _ => 1.2,
    }
}

/// Nobody walks in during the last minutes before closing.
const LAST_ARRIVAL_BEFORE_CLOSING: i64 = 10 * 60;

/// Plans `visitors` over the opening intervals (`[start, end)` instants) of a day.
pub fn plan_day(
    visitors: usize,
    opening: &[(Timestamp, Timestamp)],
    time_zone: &TimeZone,
    minutes_of: impl Fn(&str) -> i64,
    random: &mut Random,
) -> Vec<PlannedVisitor> {
    let minutes = arrival_minutes(opening, time_zone);
    let mut plan: Vec<PlannedVisitor> = (0..visitors)
        .filter_map(|_| {
            let arrival = draw_arrival(&minutes, random)?;
            let errand = draw_errand(&LEUVEN_MIX, random);
            let conduct = draw_conduct(&errand, &minutes_of, random);
            let planned_minutes = match (&errand, conduct) {
                (_, Conduct::Transferred { .. }) => 3,
                (errand, _) => errand.product().map_or(3, &minutes_of),
            };
            Some(PlannedVisitor {
                arrival,
                service_seconds: service_seconds(planned_minutes, random),
                punctuality_seconds: punctuality(conduct, random),
                locale: random.pick(&[("nl", 80), ("fr", 8), ("en", 12)]),
                errand,
                conduct,
            })
        })
        .collect();
    plan.sort_by_key(|visitor| visitor.arrival);
    plan
}

/// Every minute a visitor may walk in, with how likely it is.
fn arrival_minutes(opening: &[(Timestamp, Timestamp)], time_zone: &TimeZone) -> Vec<(i64, f64)> {
    opening
        .iter()
        .flat_map(|(start, end)| {
            let last = end.as_second() - LAST_ARRIVAL_BEFORE_CLOSING;
            (start.as_second()..last.max(start.as_second())).step_by(60)
        })
        .map(|second| {
            let hour = Timestamp::from_second(second)
                .map(|at| at.to_zoned(time_zone.clone()).hour())
                .unwrap_or(12);
            (second, hour_weight(hour))
        })
        .collect()
}

fn draw_arrival(minutes: &[(i64, f64)], random: &mut Random) -> Option<Timestamp> {
    let total: f64 = minutes.iter().map(|(_, weight)| weight).sum();
    let mut draw = random.unit() * total;
    let (minute, _) = minutes
        .iter()
        .find(|(_, weight)| {
            draw -= weight;
            draw < 0.0
        })
        .or(minutes.last())?;
    Timestamp::from_second(minute + random.between(0, 60)).ok()
}

fn draw_errand(mix: &Mix, random: &mut Random) -> Errand {
    let draw = random.between(0, 1000) as u32;
    let kinds = [
        (mix.appointment, 0),
        (mix.walk_in, 1),
        (mix.on_call, 2),
        (mix.question, 3),
    ];
    let mut bound = 0;
    for (share, kind) in kinds {
        bound += share;
        if draw < bound {
            return match kind {
                0 => Errand::Appointment {
                    product: random.pick(mix.appointment_products),
                },
                1 => Errand::WalkIn {
                    product: random.pick(mix.walk_in_products),
                },
                2 => Errand::OnCall {
                    product: random.pick(mix.on_call_products),
                },
                _ => Errand::Question,
            };
        }
    }
    Errand::Kiosk {
        product: random.pick(mix.kiosk_products),
    }
}

fn draw_conduct(errand: &Errand, minutes_of: impl Fn(&str) -> i64, random: &mut Random) -> Conduct {
    let draw = random.unit();
    match errand {
        Errand::Appointment { .. } if draw < 0.08 => Conduct::NoShow,
        Errand::Appointment { .. } if draw < 0.13 => Conduct::Late,
        Errand::Kiosk { product } if *product == "pin-puk" && draw < 0.15 => Conduct::Transferred {
            then_service_seconds: service_seconds(minutes_of(TRANSFERRED_TO), random),
        },
        Errand::Question | Errand::OnCall { .. } => Conduct::Present,
        _ if random.chance(0.015) => Conduct::Absent,
        _ => Conduct::Present,
    }
}

/// A service time around seven tenths of the catalogue's planning minutes (which round up to
/// the booking grid), at least a minute.
fn service_seconds(planned_minutes: i64, random: &mut Random) -> i64 {
    let median = planned_minutes.max(1) as f64 * 60.0 * 0.7;
    let drawn = random.log_normal(median, 0.4);
    (drawn.round() as i64).clamp(60, planned_minutes.max(1) * 60 * 3)
}

/// When someone with an appointment walks in, against its start.
fn punctuality(conduct: Conduct, random: &mut Random) -> i64 {
    match conduct {
        Conduct::Late => random.between(17 * 60, 40 * 60),
        _ => random.between(-20 * 60, 4 * 60),
    }
}

/// How far the waits shown to citizens on their ticket were from the waits they had.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EstimateCheck {
    /// Tickets that were shown an estimate and were called.
    pub tickets: usize,
    /// The mean of |estimate − wait|, in minutes.
    pub mean_error_minutes: f64,
    /// The share (0–1) that waited within five minutes of the estimate.
    pub within_five_minutes: f64,
    /// The share that waited more than five minutes longer than told.
    pub longer_than_told: f64,
    /// The share that waited more than five minutes less than told.
    pub shorter_than_told: f64,
}

/// Compares each estimate (minutes) with the wait that followed (seconds).
pub fn check_estimates(pairs: &[(i64, i64)]) -> Option<EstimateCheck> {
    if pairs.is_empty() {
        return None;
    }
    let errors: Vec<f64> = pairs
        .iter()
        .map(|(estimate, waited)| *waited as f64 / 60.0 - *estimate as f64)
        .collect();
    let count = errors.len() as f64;
    let share =
        |keep: &dyn Fn(f64) -> bool| errors.iter().filter(|e| keep(**e)).count() as f64 / count;
    Some(EstimateCheck {
        tickets: pairs.len(),
        mean_error_minutes: errors.iter().map(|e| e.abs()).sum::<f64>() / count,
        within_five_minutes: share(&|e| e.abs() <= 5.0),
        longer_than_told: share(&|e| e > 5.0),
        shorter_than_told: share(&|e| e < -5.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thursday() -> (Vec<(Timestamp, Timestamp)>, TimeZone) {
        let zone = TimeZone::get("Europe/Brussels").unwrap();
        let open = "2026-12-03T08:00:00Z".parse().unwrap();
        let close = "2026-12-03T19:00:00Z".parse().unwrap();
        (vec![(open, close)], zone)
    }

    fn plan(seed: u64) -> Vec<PlannedVisitor> {
        let (opening, zone) = thursday();
        plan_day(1200, &opening, &zone, |_| 10, &mut Random::seeded(seed))
    }

    #[test]
    fn the_same_seed_plans_the_same_day() {
        assert_eq!(plan(7), plan(7));
        assert_ne!(plan(7), plan(8));
    }

    #[test]
    fn everyone_walks_in_while_open_and_the_evening_is_the_rush() {
        let (opening, zone) = thursday();
        let visitors = plan(1);
        assert_eq!(visitors.len(), 1200);
        let last_entry = opening[0].1.as_second() - LAST_ARRIVAL_BEFORE_CLOSING;
        assert!(visitors.iter().all(|v| v.arrival >= opening[0].0));
        assert!(visitors.iter().all(|v| v.arrival.as_second() < last_entry));
        let in_hour = |hour: i8| {
            visitors
                .iter()
                .filter(|v| v.arrival.to_zoned(zone.clone()).hour() == hour)
                .count()
        };
        let busiest = (9..20).max_by_key(|hour| in_hour(*hour)).unwrap();
        assert!((17..=19).contains(&busiest), "busiest hour {busiest}");
        assert!(in_hour(13) < in_hour(18));
    }

    #[test]
    fn the_mix_has_appointments_fast_counter_and_some_no_shows() {
        let visitors = plan(3);
        let count =
            |keep: &dyn Fn(&PlannedVisitor) -> bool| visitors.iter().filter(|v| keep(v)).count();
        let appointments = count(&|v| matches!(v.errand, Errand::Appointment { .. }));
        let kiosk = count(&|v| matches!(v.errand, Errand::Kiosk { .. }));
        let no_shows = count(&|v| v.conduct == Conduct::NoShow);
        assert!((300..420).contains(&appointments), "{appointments}");
        assert!(kiosk > appointments);
        assert!((10..50).contains(&no_shows), "{no_shows}");
        assert!(visitors.iter().all(|v| v.service_seconds >= 60));
    }

    #[test]
    fn estimates_are_checked_against_the_waits() {
        // Told 10 minutes: waited 9, 10, 20 and 2 minutes.
        let check = check_estimates(&[(10, 540), (10, 600), (10, 1200), (10, 120)]).unwrap();
        assert_eq!(check.tickets, 4);
        assert!((check.mean_error_minutes - 4.75).abs() < 1e-9);
        assert_eq!(check.within_five_minutes, 0.5);
        assert_eq!(check.longer_than_told, 0.25);
        assert_eq!(check.shorter_than_told, 0.25);
        assert_eq!(check_estimates(&[]), None);
    }
}
