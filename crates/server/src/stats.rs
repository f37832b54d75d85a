//! The statistics of a site per day, week or month: visitors, tickets, appointments, no-shows,
//! transactions by product, waiting and service times, and the counter pressure sampled every
//! five minutes over the opening hours; and for the whole city the online share of certificates
//! and address changes, and the sales per product and channel. Figures only, never a name.

use crate::certificates::CertificateKind;
use crate::eloket::RequestType;
use crate::state::AppState;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use loket_domain::calendar::Day as CalendarDay;
use loket_domain::stats::{
    PRESSURE_SAMPLE_SECONDS, Per, PresenceChange, Pressure, Spread, TicketFacts, pressure_samples,
    service_times, spread, visitors, waits,
};
use loket_store::StoreResult;
use loket_store::management::{AppointmentFact, SpanFacts, TransactionFact};
use loket_store::organisation::Site;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The most days one question may span.
pub const MAX_DAYS: i64 = 366;

/// Which products the figures are about: every product, or only some (a department's, or one).
#[derive(Debug, Clone, Default)]
pub struct Products(Option<HashSet<i64>>);

impl Products {
    pub fn only(ids: impl IntoIterator<Item = i64>) -> Products {
        Products(Some(ids.into_iter().collect()))
    }

    pub fn keeps(&self, product_id: i64) -> bool {
        self.0.as_ref().is_none_or(|ids| ids.contains(&product_id))
    }
}

/// What happened at a site on one of the city's days, for the products asked about.
#[derive(Debug, Clone)]
pub struct Day {
    pub date: Date,
    tickets: Vec<TicketFacts>,
    appointments: Vec<AppointmentFact>,
    transactions: Vec<TransactionFact>,
    /// The counter pressure every five minutes the site was open with a counter staffed.
    pressure: Vec<f64>,
}

/// The figures of a period at a site: a day, or the days of a week or month inside the span.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// The period's first day inside the span.
    pub date: Date,
    /// The period's last day inside the span.
    pub last: Date,
    pub visitors: i64,
    pub tickets: i64,
    pub appointments: i64,
    pub no_shows: i64,
    /// Transactions done at the counters, by product code.
    pub transactions: BTreeMap<String, i64>,
    pub wait: Option<Spread>,
    pub service: Option<Spread>,
    pub pressure: Option<Pressure>,
}

impl Figures {
    /// The figures of `days` together: spreads over all their tickets, the pressure over all
    /// their samples.
    fn of(days: &[Day]) -> Option<Figures> {
        let tickets: Vec<TicketFacts> = days.iter().flat_map(|d| d.tickets.clone()).collect();
        let samples: Vec<f64> = days.iter().flat_map(|d| d.pressure.clone()).collect();
        let mut transactions = BTreeMap::new();
        for transaction in days.iter().flat_map(|d| &d.transactions) {
            *transactions
                .entry(transaction.product_code.clone())
                .or_default() += 1;
        }
        let appointments = || days.iter().flat_map(|d| &d.appointments);
        Some(Figures {
            date: days.first()?.date,
            last: days.last()?.date,
            visitors: visitors(&tickets),
            tickets: tickets.len() as i64,
            appointments: appointments().count() as i64,
            no_shows: appointments().filter(|a| a.no_show).count() as i64,
            transactions,
            wait: spread(&mut waits(&tickets)),
            service: spread(&mut service_times(&tickets)),
            pressure: Pressure::of(&samples),
        })
    }
}

/// The figures of each day from `from` to `to`, both included, for every product.
pub async fn daily(
    state: &AppState,
    site: &Site,
    from: Date,
    to: Date,
) -> StoreResult<Vec<Figures>> {
    let days = days(state, site, from, to, &Products::default()).await?;
    Ok(per_period(&days, Per::Day))
}

/// The figures of each period of `days` (consecutive, as [`days`] gives them).
pub fn per_period(days: &[Day], per: Per) -> Vec<Figures> {
    let Some(first) = days.first().map(|day| day.date) else {
        return Vec::new();
    };
    let index = |date: Date| (date - first).get_days() as usize;
    per.periods(first, days[days.len() - 1].date)
        .into_iter()
        .filter_map(|(start, end)| Figures::of(&days[index(start)..=index(end)]))
        .collect()
}

/// What happened at a site on each day from `from` to `to`, read with one query per kind of
/// fact and sorted into the city's days (a day across a clock change included).
pub async fn days(
    state: &AppState,
    site: &Site,
    from: Date,
    to: Date,
    products: &Products,
) -> StoreResult<Vec<Day>> {
    let hours = state.books.hours(&state.store, site).await?;
    let zone = state.settings.time_zone.clone();
    let no_show_before = state.now() - state.settings.floor.check_in.after;
    let facts = state
        .store
        .span_facts(
            site.id,
            local_midnight(from, &zone)?,
            after(to, &zone)?,
            no_show_before,
        )
        .await?;
    let opening = |date: Date| opening_samples(hours.calendar.day(date));
    into_days(facts, from, to, &zone, products, opening)
}

/// Sorts the facts of a span into its days by the local date of each instant in `zone`, keeping
/// those about `products`; each day's pressure sampled at `opening` of that day.
fn into_days(
    facts: SpanFacts,
    from: Date,
    to: Date,
    zone: &TimeZone,
    products: &Products,
    opening: impl Fn(Date) -> Vec<i64>,
) -> StoreResult<Vec<Day>> {
    let mut days: Vec<Day> = dates(from, to)?
        .into_iter()
        .map(|date| Day {
            date,
            tickets: Vec::new(),
            appointments: Vec::new(),
            transactions: Vec::new(),
            pressure: Vec::new(),
        })
        .collect();
    let mut presence: Vec<Vec<PresenceChange>> = vec![Vec::new(); days.len()];
    let count = days.len();
    let index = |at: i64| -> StoreResult<Option<usize>> {
        let date = local_date(at, zone)?;
        Ok(usize::try_from((date - from).get_days())
            .ok()
            .filter(|i| *i < count))
    };
    for ticket in facts.tickets {
        if let Some(i) = index(ticket.issued_at)?.filter(|_| products.keeps(ticket.product_id)) {
            days[i].tickets.push(ticket);
        }
    }
    for appointment in facts.appointments {
        let kept = match appointment.product_ids.is_empty() {
            true => products.0.is_none(),
            false => appointment.product_ids.iter().any(|id| products.keeps(*id)),
        };
        if let Some(i) = index(appointment.start_at)?.filter(|_| kept) {
            days[i].appointments.push(appointment);
        }
    }
    for transaction in facts.transactions {
        if let Some(i) = index(transaction.at)?.filter(|_| products.keeps(transaction.product_id)) {
            days[i].transactions.push(transaction);
        }
    }
    for change in facts.presence {
        if let Some(i) = index(change.at)? {
            presence[i].push(change);
        }
    }
    for (day, presence) in days.iter_mut().zip(presence) {
        day.pressure = pressure_samples(&day.tickets, &presence, &opening(day.date));
    }
    Ok(days)
}

/// Transactions done at the counters over `days`, by product id.
pub fn transactions_by_product(days: &[Day]) -> BTreeMap<i64, i64> {
    let mut counts = BTreeMap::new();
    for transaction in days.iter().flat_map(|d| &d.transactions) {
        *counts.entry(transaction.product_id).or_default() += 1;
    }
    counts
}

/// How many were done online and how many at a counter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChannelCount {
    pub online: i64,
    pub counter: i64,
}

impl ChannelCount {
    /// The online share in percent, or None when nothing was done.
    pub fn online_percent(self) -> Option<f64> {
        let total = self.online + self.counter;
        (total > 0).then(|| self.online as f64 * 100.0 / total as f64)
    }

    fn add(&mut self, online: bool) {
        match online {
            true => self.online += 1,
            false => self.counter += 1,
        }
    }
}

/// Certificates and address changes of a period, for the whole city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnlineShare {
    pub date: Date,
    pub last: Date,
    pub certificates: ChannelCount,
    pub address_changes: ChannelCount,
}

/// Per period from `from` to `to`, the certificates issued online and at a counter (asked for
/// at the counter through the e-loket, or noted as a counter transaction), and the address
/// changes declared online and handled at a counter. For the whole city: the e-loket belongs
/// to no site.
pub async fn online_share(
    state: &AppState,
    from: Date,
    to: Date,
    per: Per,
) -> StoreResult<Vec<OnlineShare>> {
    let zone = state.settings.time_zone.clone();
    let address_change = RequestType::AddressChange.code();
    let kinds: Vec<&str> = CertificateKind::ALL
        .iter()
        .map(|kind| kind.code())
        .chain([address_change])
        .collect();
    let facts = state
        .store
        .channel_facts(&kinds, local_midnight(from, &zone)?, after(to, &zone)?)
        .await?;
    let mut shares: Vec<OnlineShare> = per
        .periods(from, to)
        .into_iter()
        .map(|(date, last)| OnlineShare {
            date,
            last,
            certificates: ChannelCount::default(),
            address_changes: ChannelCount::default(),
        })
        .collect();
    let period: HashMap<Date, usize> = shares
        .iter()
        .enumerate()
        .map(|(i, share)| (per.start(share.date), i))
        .collect();
    for fact in facts {
        let Some(&i) = period.get(&per.start(local_date(fact.at, &zone)?)) else {
            continue;
        };
        match fact.kind == address_change {
            true => shares[i].address_changes.add(fact.online),
            false => shares[i].certificates.add(fact.online),
        }
    }
    Ok(shares)
}

/// Where something was sold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SalesChannel {
    /// The fast counter of a site.
    FastCounter,
    /// A partner shop.
    Shop,
    /// Paid online: residents' parking cards.
    Online,
}

impl SalesChannel {
    pub const ALL: [SalesChannel; 3] = [
        SalesChannel::FastCounter,
        SalesChannel::Shop,
        SalesChannel::Online,
    ];

    fn index(self) -> usize {
        self as usize
    }
}

/// What one product sold: per channel (in the order of [`SalesChannel::ALL`]), how many and
/// for how many cents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sales {
    pub product_id: i64,
    pub channels: [(i64, i64); 3],
}

/// The sales of the city from `from` to `to` per product and channel, products in catalogue
/// order.
pub async fn sales(state: &AppState, from: Date, to: Date) -> StoreResult<Vec<Sales>> {
    let zone = state.settings.time_zone.clone();
    let (start, end) = (local_midnight(from, &zone)?, after(to, &zone)?);
    let mut by_product: BTreeMap<i64, Sales> = BTreeMap::new();
    let mut add = |product_id: i64, channel: SalesChannel, count: i64, cents: i64| {
        let line = by_product.entry(product_id).or_insert_with(|| Sales {
            product_id,
            ..Sales::default()
        });
        line.channels[channel.index()].0 += count;
        line.channels[channel.index()].1 += cents;
    };
    for fact in state.store.sales_facts(start, end).await? {
        let channel = match fact.point_kind.as_str() {
            "shop" => SalesChannel::Shop,
            _ => SalesChannel::FastCounter,
        };
        add(fact.product_id, channel, fact.quantity, fact.cents);
    }
    let snapshot = state.books.current(&state.store).await?;
    let card = RequestType::ParkingCard.code();
    let (cards, cents) = state.store.paid_parking_cards(start, end).await?;
    if let (Some(product), true) = (
        snapshot.catalogue.iter().find(|p| p.code == card),
        cards > 0,
    ) {
        add(product.id, SalesChannel::Online, cards, cents);
    }
    let position = |id: i64| snapshot.catalogue.iter().position(|p| p.id == id);
    let mut lines: Vec<Sales> = by_product.into_values().collect();
    lines.sort_by_key(|line| position(line.product_id));
    Ok(lines)
}

fn dates(from: Date, to: Date) -> StoreResult<Vec<Date>> {
    let mut dates = Vec::new();
    let mut date = from;
    while date <= to {
        dates.push(date);
        date = date.tomorrow().map_err(invalid)?;
    }
    Ok(dates)
}

fn local_date(at: i64, zone: &TimeZone) -> StoreResult<Date> {
    Ok(Timestamp::from_second(at)
        .map_err(invalid)?
        .to_zoned(zone.clone())
        .date())
}

/// The instant the day after `date` begins: the end of a span that includes `date`.
fn after(date: Date, zone: &TimeZone) -> StoreResult<Timestamp> {
    local_midnight(date.tomorrow().map_err(invalid)?, zone)
}

/// Every five minutes of the opening hours, in Unix seconds.
fn opening_samples(day: CalendarDay) -> Vec<i64> {
    let CalendarDay::Open(intervals) = day else {
        return Vec::new();
    };
    intervals
        .iter()
        .flat_map(|open| {
            (open.start.as_second()..open.end.as_second()).step_by(PRESSURE_SAMPLE_SECONDS as usize)
        })
        .collect()
}

fn local_midnight(date: Date, zone: &TimeZone) -> StoreResult<Timestamp> {
    Ok(date.to_zoned(zone.clone()).map_err(invalid)?.timestamp())
}

fn invalid(error: jiff::Error) -> loket_store::StoreError {
    loket_store::StoreError::Invalid(error.to_string())
}

/// Whether `from`..=`to` is a span the statistics answer.
pub fn span_is_valid(from: Date, to: Date) -> bool {
    from <= to && i64::from((to - from).get_days()) < MAX_DAYS
}

/// Visitors per weekday (Monday first) and hour of the day over a span, in the city's time.
pub struct HeatMap {
    pub counts: [[i64; 24]; 7],
}

impl HeatMap {
    /// Office hours (8 to 19), widened to every hour that had visitors.
    pub fn hours(&self) -> std::ops::RangeInclusive<usize> {
        let busy = |hour: &usize| self.counts.iter().any(|day| day[*hour] > 0);
        let first = (0..24).find(busy).unwrap_or(8).min(8);
        let last = (0..24).rev().find(busy).unwrap_or(19).max(19);
        first..=last
    }

    pub fn most(&self) -> i64 {
        self.counts.iter().flatten().copied().max().unwrap_or(0)
    }
}

/// When the visitors of `days` came, by weekday and hour in the city's time.
pub fn visitors_by_weekday_and_hour(state: &AppState, days: &[Day]) -> StoreResult<HeatMap> {
    let zone = state.settings.time_zone.clone();
    let mut counts = [[0; 24]; 7];
    let arrivals = days
        .iter()
        .flat_map(|day| &day.tickets)
        .filter(|t| !t.transferred && !t.cancelled);
    for ticket in arrivals {
        let local = Timestamp::from_second(ticket.issued_at)
            .map_err(invalid)?
            .to_zoned(zone.clone());
        let weekday = local.weekday().to_monday_zero_offset() as usize;
        counts[weekday][local.hour() as usize] += 1;
    }
    Ok(HeatMap { counts })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(issued_at: i64, product_id: i64) -> TicketFacts {
        TicketFacts {
            issued_at,
            called_at: Some(issued_at + 600),
            started_at: Some(issued_at + 600),
            finished_at: Some(issued_at + 900),
            done: true,
            cancelled: false,
            transferred: false,
            product_id,
        }
    }

    fn at(instant: &str) -> i64 {
        instant.parse::<Timestamp>().unwrap().as_second()
    }

    #[test]
    fn a_day_of_25_hours_keeps_its_first_and_last_hour_and_a_filter_keeps_its_products() {
        let zone = TimeZone::get("Europe/Brussels").unwrap();
        let facts = SpanFacts {
            tickets: vec![
                // 00:30 on Sunday 25 October 2026, still summer time: 22:30 UTC the day before.
                ticket(at("2026-10-24T22:30:00Z"), 1),
                // 23:30 that Sunday, winter time again.
                ticket(at("2026-10-25T22:30:00Z"), 2),
                // 00:30 on Monday.
                ticket(at("2026-10-25T23:30:00Z"), 1),
            ],
            ..SpanFacts::default()
        };
        let from: Date = "2026-10-24".parse().unwrap();
        let to: Date = "2026-10-26".parse().unwrap();
        let everything = Products::default();
        let days = into_days(facts.clone(), from, to, &zone, &everything, |_| Vec::new()).unwrap();
        let counts: Vec<usize> = days.iter().map(|day| day.tickets.len()).collect();
        assert_eq!(counts, [0, 2, 1]);

        let one = Products::only([1]);
        let days = into_days(facts, from, to, &zone, &one, |_| Vec::new()).unwrap();
        let counts: Vec<usize> = days.iter().map(|day| day.tickets.len()).collect();
        assert_eq!(counts, [0, 1, 1]);
        let week = per_period(&days, Per::Week);
        assert_eq!(week.len(), 2, "Saturday and Sunday, then Monday");
        assert_eq!(week[0].visitors, 1);
    }
}
