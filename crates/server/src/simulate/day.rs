//! The simulated day itself: a calendar of steps, each taken at its instant on the manual clock
//! through the same floor functions the kiosks, counters and reception use.

use super::Booking;
use super::staff::Staff;
use super::till::Till;
use crate::floor::on_call::{self, OnCallError, Summons};
use crate::floor::{self, CheckInBy, CounterChange, FloorError, Route, TicketView};
use crate::state::AppState;
use anyhow::bail;
use jiff::{SignedDuration, Timestamp};
use loket_domain::catalogue::Channel;
use loket_domain::clock::ManualClock;
use loket_domain::queue::TicketAction;
use loket_domain::simulation::{Conduct, Errand, PlannedVisitor, Random, TRANSFERRED_TO};
use loket_store::on_call::Ending;
use loket_store::organisation::Site;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::fmt::Debug;

/// What the day is made of.
pub(crate) struct Day<'a> {
    pub plan: &'a [PlannedVisitor],
    /// The booked appointments, by visitor index.
    pub bookings: &'a HashMap<usize, Booking>,
    pub opening: &'a [(Timestamp, Timestamp)],
    /// Stop here, leaving the floor as it is.
    pub until: Option<Timestamp>,
}

/// What only the simulation knows: what citizens were told and who was sent where.
#[derive(Default)]
pub(crate) struct Outcome {
    pub questions: usize,
    pub summons: usize,
    /// Came after the office had closed.
    pub turned_away: usize,
    /// Per called ticket that was shown an estimate: (estimated minutes, seconds waited).
    pub estimates: Vec<(i64, i64)>,
}

/// One thing that happens; counters and visitors by index, tickets and requests by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Open(usize),
    Close,
    Arrive(usize),
    Call(usize),
    SitDown(usize, i64),
    Recall(usize, i64),
    GiveUp(usize, i64),
    Finish(usize, i64),
    Lunch(usize),
    Resume(usize),
    Accept(usize, i64),
    StartOnCall(usize, i64),
    EndOnCall(usize, i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Desk {
    Closed,
    Idle,
    /// About to call the next ticket.
    Calling,
    Busy,
    Paused,
}

/// A counter's lunch break.
const LUNCH: SignedDuration = SignedDuration::from_mins(30);
/// Days this long or longer give each counter a lunch break.
const LONG_DAY: SignedDuration = SignedDuration::from_hours(6);

struct Floor<'a> {
    state: &'a AppState,
    site: &'a Site,
    staff: &'a Staff,
    day: Day<'a>,
    random: Random,
    agenda: BinaryHeap<Reverse<(i64, u64, Step)>>,
    scheduled: u64,
    desks: Vec<Desk>,
    lunch_at: Vec<Option<Timestamp>>,
    visitor_of: HashMap<i64, usize>,
    service_seconds: HashMap<i64, i64>,
    product_of: HashMap<i64, String>,
    told_minutes: HashMap<i64, i64>,
    transferred: HashSet<usize>,
    question_product: Option<String>,
    /// The fast counter's till, where the site has one.
    till: Option<Till>,
    outcome: Outcome,
}

pub(crate) async fn play(
    state: &AppState,
    clock: &ManualClock,
    site: &Site,
    staff: &Staff,
    day: Day<'_>,
    random: Random,
) -> anyhow::Result<Outcome> {
    let question_product = state
        .books
        .current(&state.store)
        .await?
        .catalogue
        .iter()
        .find(|p| p.channel == Channel::Reception)
        .map(|p| p.code.clone());
    let till = match staff.counters.first() {
        Some((_, user)) => Till::of_site(state, user, &site.code).await,
        None => None,
    };
    let counters = staff.counters.len();
    let mut floor = Floor {
        state,
        site,
        staff,
        day,
        random,
        agenda: BinaryHeap::new(),
        scheduled: 0,
        desks: vec![Desk::Closed; counters],
        lunch_at: vec![None; counters],
        visitor_of: HashMap::new(),
        service_seconds: HashMap::new(),
        product_of: HashMap::new(),
        told_minutes: HashMap::new(),
        transferred: HashSet::new(),
        question_product,
        till,
        outcome: Outcome::default(),
    };
    floor.schedule_day();
    let mut hour_shown = None;
    while let Some(Reverse((at, _, step))) = floor.agenda.pop() {
        if floor.day.until.is_some_and(|until| at > until.as_second()) {
            break;
        }
        clock.set(Timestamp::from_second(at)?);
        floor.show_progress(&mut hour_shown);
        floor.take(step).await?;
    }
    if let Some(until) = floor.day.until {
        clock.set(until);
    }
    Ok(floor.outcome)
}

impl Floor<'_> {
    fn now(&self) -> Timestamp {
        self.state.now()
    }

    /// A line on standard error at each new hour of the day, so a long run shows it moves.
    fn show_progress(&self, hour_shown: &mut Option<i8>) {
        let hour = self
            .now()
            .to_zoned(self.state.settings.time_zone.clone())
            .hour();
        if self.is_open() && *hour_shown != Some(hour) {
            *hour_shown = Some(hour);
            eprintln!("{hour:02}:00  {} tickets so far", self.visitor_of.len());
        }
    }

    fn at(&mut self, at: Timestamp, step: Step) {
        self.scheduled += 1;
        self.agenda
            .push(Reverse((at.as_second(), self.scheduled, step)));
    }

    /// `step` after a random number of seconds in `[low, high)`.
    fn after(&mut self, low: i64, high: i64, step: Step) {
        let seconds = self.random.between(low, high);
        let at = self.now() + SignedDuration::from_secs(seconds);
        self.at(at, step);
    }

    /// Counters open at each opening, visitors come, and on a long day every counter takes
    /// its lunch break, staggered so the zones stay staffed.
    fn schedule_day(&mut self) {
        for &(start, end) in self.day.opening {
            for counter in 0..self.desks.len() {
                self.at(start, Step::Open(counter));
            }
            self.at(end, Step::Close);
        }
        for index in 0..self.day.plan.len() {
            if let Some(arrival) = self.arrival(index) {
                self.at(arrival, Step::Arrive(index));
            }
        }
        let Some(&(start, end)) = self.day.opening.first() else {
            return;
        };
        if end.duration_since(start) >= LONG_DAY {
            for counter in 0..self.desks.len() {
                let stagger = (counter as i64 * 20) % 150;
                let at = start + SignedDuration::from_mins(150 + stagger);
                self.lunch_at[counter] = Some(at);
                self.at(at, Step::Lunch(counter));
            }
        }
    }

    /// When visitor `index` walks in; None for an appointment never booked or never kept.
    fn arrival(&self, index: usize) -> Option<Timestamp> {
        let visitor = &self.day.plan[index];
        match visitor.errand {
            Errand::Appointment { .. } if visitor.conduct == Conduct::NoShow => None,
            Errand::Appointment { .. } => {
                let booking = self.day.bookings.get(&index)?;
                let walks_in =
                    booking.start + SignedDuration::from_secs(visitor.punctuality_seconds);
                // The early ones wait at the door until the office opens.
                let opens = self
                    .day
                    .opening
                    .first()
                    .map_or(walks_in, |(start, _)| *start);
                Some(walks_in.max(opens))
            }
            _ => Some(visitor.arrival),
        }
    }

    fn is_open(&self) -> bool {
        let now = self.now();
        self.day
            .opening
            .iter()
            .any(|(start, end)| *start <= now && now < *end)
    }

    async fn take(&mut self, step: Step) -> anyhow::Result<()> {
        match step {
            Step::Open(counter) => self.open(counter).await,
            Step::Close => self.go_home_when_done().await,
            Step::Arrive(visitor) => self.arrive(visitor).await,
            Step::Call(counter) => self.call(counter).await,
            Step::SitDown(counter, ticket) => {
                self.act(counter, ticket, TicketAction::Start).await?;
                let seconds = self.service_seconds.get(&ticket).copied().unwrap_or(300);
                self.after(seconds, seconds + 1, Step::Finish(counter, ticket));
                Ok(())
            }
            Step::Recall(counter, ticket) => {
                self.act(counter, ticket, TicketAction::Recall).await?;
                self.after(60, 120, Step::GiveUp(counter, ticket));
                Ok(())
            }
            Step::GiveUp(counter, ticket) => {
                self.act(counter, ticket, TicketAction::NoShow).await?;
                self.after_service(counter).await
            }
            Step::Finish(counter, ticket) => self.finish(counter, ticket).await,
            Step::Lunch(counter) if self.desks[counter] == Desk::Idle => self.pause(counter).await,
            Step::Lunch(_) => Ok(()),
            Step::Resume(counter) => {
                self.change(counter, CounterChange::Resume).await?;
                self.desks[counter] = Desk::Calling;
                self.after(0, 10, Step::Call(counter));
                Ok(())
            }
            Step::Accept(visitor, request) => self.accept(visitor, request).await,
            Step::StartOnCall(visitor, request) => {
                on_call::start(self.state, &self.staff.back_office, request)
                    .await
                    .or_else(|e| failed("starting a summoned visit", e))?;
                let seconds = self.day.plan[visitor].service_seconds;
                self.after(seconds, seconds + 1, Step::EndOnCall(visitor, request));
                Ok(())
            }
            Step::EndOnCall(visitor, request) => {
                let product = self.day.plan[visitor].errand.product().unwrap_or_default();
                on_call::end(
                    self.state,
                    &self.staff.back_office,
                    request,
                    Ending::Finished,
                    &[product.to_owned()],
                )
                .await
                .or_else(|e| failed("ending a summoned visit", e))?;
                self.go_home_when_done().await
            }
        }
    }

    async fn open(&mut self, counter: usize) -> anyhow::Result<()> {
        if self.desks[counter] != Desk::Closed {
            return Ok(());
        }
        self.change(counter, CounterChange::SignIn).await?;
        self.desks[counter] = Desk::Calling;
        self.after(0, 60, Step::Call(counter));
        Ok(())
    }

    async fn change(&self, counter: usize, change: CounterChange) -> anyhow::Result<()> {
        let (desk, user) = &self.staff.counters[counter];
        floor::change_counter(self.state, user.id, &self.site.code, desk.number, change)
            .await
            .or_else(|e| failed("changing a counter", e))
    }

    async fn arrive(&mut self, index: usize) -> anyhow::Result<()> {
        // A latecomer for the last appointments finds the door closed.
        if !self.is_open() {
            self.outcome.turned_away += 1;
            return Ok(());
        }
        let visitor = &self.day.plan[index];
        let (state, site) = (self.state, &self.site.code);
        let reception = self.staff.reception.id;
        let issued = match visitor.errand {
            Errand::Kiosk { product } => {
                match floor::ask_for_product(state, site, product, None).await {
                    Ok(Route::Queue(view)) => Ok(*view),
                    Ok(route) => bail!("the kiosk sent {product} to {route:?}"),
                    Err(error) => Err(error),
                }
            }
            Errand::Appointment { .. } => {
                let code = &self.day.bookings[&index].code;
                match floor::check_in(state, site, code, CheckInBy::Citizen).await {
                    Err(FloorError::TooLate | FloorError::TooEarly) => {
                        floor::check_in(state, site, code, CheckInBy::Reception(reception)).await
                    }
                    other => other,
                }
            }
            Errand::WalkIn { product } => {
                floor::hand_out_ticket(state, site, product, reception).await
            }
            Errand::OnCall { product } => return self.summon(index, product).await,
            Errand::Question => return self.ask_reception().await,
        };
        match issued {
            Ok(view) => {
                self.issued(index, &view);
                Ok(())
            }
            Err(FloorError::Closed) => {
                self.outcome.turned_away += 1;
                Ok(())
            }
            Err(error) => failed("handing out a ticket", error),
        }
    }

    async fn summon(&mut self, index: usize, product: &str) -> anyhow::Result<()> {
        let summons = Summons {
            site: self.site.code.clone(),
            product: product.to_owned(),
            ..Summons::default()
        };
        let summoned = on_call::summon(self.state, &self.staff.reception, &summons)
            .await
            .or_else(|e| failed("summoning a department", e))?;
        self.outcome.summons += 1;
        self.after(60, 420, Step::Accept(index, summoned.request.id));
        Ok(())
    }

    async fn ask_reception(&mut self) -> anyhow::Result<()> {
        let Some(product) = &self.question_product else {
            return Ok(());
        };
        let reception = self.staff.reception.id;
        self.state
            .store
            .record_question(self.site.id, product, reception, self.now())
            .await?;
        self.outcome.questions += 1;
        Ok(())
    }

    async fn accept(&mut self, visitor: usize, request: i64) -> anyhow::Result<()> {
        match on_call::accept(self.state, &self.staff.back_office, request).await {
            Ok(_) => self.after(60, 180, Step::StartOnCall(visitor, request)),
            Err(OnCallError::NoPlaceFree) => self.after(120, 121, Step::Accept(visitor, request)),
            Err(error) => return failed("accepting a summons", error),
        }
        Ok(())
    }

    /// A new ticket: remember whose it is and what they were told, and wake the counters.
    fn issued(&mut self, visitor: usize, view: &TicketView) {
        let ticket = view.ticket.id;
        self.visitor_of.insert(ticket, visitor);
        self.service_seconds
            .insert(ticket, self.day.plan[visitor].service_seconds);
        if let Some(minutes) = view.estimated_wait_minutes {
            self.told_minutes.insert(ticket, minutes);
        }
        self.wake(&view.ticket.zone_letter);
    }

    /// Idle counters of the zone look up and call.
    fn wake(&mut self, zone: &str) {
        for counter in 0..self.desks.len() {
            if self.desks[counter] == Desk::Idle
                && self.staff.counters[counter].0.zone_letter == zone
            {
                self.desks[counter] = Desk::Calling;
                self.after(5, 20, Step::Call(counter));
            }
        }
    }

    async fn call(&mut self, counter: usize) -> anyhow::Result<()> {
        if self.desks[counter] != Desk::Calling {
            return Ok(());
        }
        let (desk, user) = &self.staff.counters[counter];
        let called = floor::call_next(self.state, user.id, &self.site.code, desk.number)
            .await
            .or_else(|e| failed("calling the next ticket", e))?;
        let Some(view) = called else {
            self.desks[counter] = Desk::Idle;
            return self.go_home_when_done().await;
        };
        self.desks[counter] = Desk::Busy;
        let ticket = &view.ticket;
        if let (Some(told), Some(called_at)) =
            (self.told_minutes.remove(&ticket.id), ticket.called_at)
        {
            let waited = called_at.duration_since(ticket.issued_at).as_secs();
            self.outcome.estimates.push((told, waited));
        }
        self.product_of
            .insert(ticket.id, ticket.product_code.clone());
        let absent = self
            .visitor_of
            .get(&ticket.id)
            .is_some_and(|v| self.day.plan[*v].conduct == Conduct::Absent);
        if absent {
            self.after(60, 120, Step::Recall(counter, ticket.id));
        } else {
            self.after(15, 45, Step::SitDown(counter, ticket.id));
        }
        Ok(())
    }

    async fn act(&self, counter: usize, ticket: i64, action: TicketAction) -> anyhow::Result<()> {
        let transactions = match action {
            TicketAction::Finish => self.product_of.get(&ticket).cloned().into_iter().collect(),
            _ => Vec::new(),
        };
        let user = self.staff.counters[counter].1.id;
        floor::act(self.state, user, ticket, action, &transactions)
            .await
            .map(|_| ())
            .or_else(|e| failed("acting on a ticket", e))
    }

    /// Serves a visit to its end, or sends a fast-counter visitor on to civil affairs once.
    async fn finish(&mut self, counter: usize, ticket: i64) -> anyhow::Result<()> {
        let visitor = self.visitor_of.get(&ticket).copied();
        let sent_on = visitor
            .filter(|v| !self.transferred.contains(v))
            .and_then(|v| match self.day.plan[v].conduct {
                Conduct::Transferred {
                    then_service_seconds,
                } => Some((v, then_service_seconds)),
                _ => None,
            });
        match sent_on {
            Some((visitor, then_service_seconds)) => {
                let user = self.staff.counters[counter].1.id;
                let moved = floor::transfer(self.state, user, ticket, TRANSFERRED_TO)
                    .await
                    .or_else(|e| failed("transferring a ticket", e))?;
                self.transferred.insert(visitor);
                self.visitor_of.insert(moved.ticket.id, visitor);
                self.service_seconds
                    .insert(moved.ticket.id, then_service_seconds);
                self.wake(&moved.ticket.zone_letter);
            }
            None => {
                self.act(counter, ticket, TicketAction::Finish).await?;
                self.ring_up(counter, ticket).await?;
            }
        }
        self.after_service(counter).await
    }

    /// What the visitor bought at the fast counter goes through its till.
    async fn ring_up(&mut self, counter: usize, ticket: i64) -> anyhow::Result<()> {
        let (Some(till), Some(product)) = (&self.till, self.product_of.get(&ticket)) else {
            return Ok(());
        };
        let user = &self.staff.counters[counter].1;
        till.ring_up(self.state, user, product, &mut self.random)
            .await
    }

    /// Between visits: the lunch break when it is due, else the next call.
    async fn after_service(&mut self, counter: usize) -> anyhow::Result<()> {
        if self.lunch_at[counter].is_some_and(|at| at <= self.now()) {
            return self.pause(counter).await;
        }
        self.desks[counter] = Desk::Calling;
        self.after(3, 12, Step::Call(counter));
        Ok(())
    }

    async fn pause(&mut self, counter: usize) -> anyhow::Result<()> {
        self.lunch_at[counter] = None;
        self.change(counter, CounterChange::Pause).await?;
        self.desks[counter] = Desk::Paused;
        let back = self.now() + LUNCH;
        self.at(back, Step::Resume(counter));
        Ok(())
    }

    /// After closing, once nobody waits or is served any more, everyone signs out.
    async fn go_home_when_done(&mut self) -> anyhow::Result<()> {
        if self.is_open()
            || !self
                .state
                .store
                .open_tickets(self.site.id)
                .await?
                .is_empty()
        {
            return Ok(());
        }
        for counter in 0..self.desks.len() {
            if self.desks[counter] == Desk::Idle {
                self.change(counter, CounterChange::SignOut).await?;
                self.desks[counter] = Desk::Closed;
            }
        }
        Ok(())
    }
}

fn failed<T>(what: &str, error: impl Debug) -> anyhow::Result<T> {
    bail!("{what} failed in the simulation: {error:?}")
}
