//! The appointment books of the sites' zones, kept in memory. Working out a zone's cells for two
//! months from its calendar and roster costs far more than the rest of an availability answer,
//! and they change only when someone changes the catalogue, a site, its hours or closing days, or
//! a roster. Every such change raises the store's configuration version, on whichever node it is
//! made; one cheap read of that number per request tells whether the copy here is still current.

use crate::appointments::POLICY;
use jiff::Timestamp;
use jiff::civil::Date;
use loket_domain::slots::{Book, Cell, Roster, Slot, free_starts};
use loket_store::calendar::SiteHours;
use loket_store::catalogue::Product;
use loket_store::organisation::{Counter, Site};
use loket_store::{Store, StoreResult};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// Days of cells a zone keeps at most; beyond that it starts afresh (the booking horizon is two
/// months, so this only trims days that have passed).
const DAYS_KEPT: usize = 400;

fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[derive(Default)]
pub struct Books {
    current: Mutex<Option<Arc<Snapshot>>>,
}

impl Books {
    /// The copy read last, without asking the store whether it is still current.
    pub fn peek(&self) -> Option<Arc<Snapshot>> {
        locked(&self.current).clone()
    }

    /// A site's opening hours and closing days as the books hold them now.
    pub async fn hours(&self, store: &Store, site: &Site) -> StoreResult<Arc<SiteHours>> {
        self.current(store).await?.hours(store, site).await
    }

    /// What the appointment books are made of, as the store holds it now.
    pub async fn current(&self, store: &Store) -> StoreResult<Arc<Snapshot>> {
        // The version is read before the data: a change made in between gives a newer copy
        // under the older number, which the next request replaces, never the other way round.
        let version = store.config_version().await?;
        if let Some(snapshot) = locked(&self.current).as_ref()
            && snapshot.version == version
        {
            return Ok(snapshot.clone());
        }
        let snapshot = Arc::new(Snapshot {
            version,
            catalogue: store.products().await?,
            sites: store.sites().await?,
            hours: Mutex::default(),
            counters: Mutex::default(),
            zones: Mutex::default(),
        });
        *locked(&self.current) = Some(snapshot.clone());
        Ok(snapshot)
    }
}

/// The catalogue, the sites and the zone books of one configuration version.
pub struct Snapshot {
    version: i64,
    pub catalogue: Vec<Product>,
    pub sites: Vec<Site>,
    hours: Mutex<HashMap<i64, Arc<SiteHours>>>,
    counters: Mutex<HashMap<i64, Arc<Vec<Counter>>>>,
    zones: Mutex<HashMap<(String, String), Arc<ZoneBook>>>,
}

impl Snapshot {
    pub fn site(&self, code: &str) -> Option<&Site> {
        self.sites.iter().find(|site| site.code == code)
    }

    /// The site of `code`, or the first site when none is named, as the staff tools open.
    pub fn site_or_first(&self, code: &str) -> Option<&Site> {
        match code.trim() {
            "" => self.sites.first(),
            code => self.site(code),
        }
    }

    /// A site's opening hours and closing days, read from the store the first time.
    pub async fn hours(&self, store: &Store, site: &Site) -> StoreResult<Arc<SiteHours>> {
        if let Some(hours) = locked(&self.hours).get(&site.id) {
            return Ok(hours.clone());
        }
        let hours = Arc::new(store.site_hours(site).await?);
        locked(&self.hours).insert(site.id, hours.clone());
        Ok(hours)
    }

    /// The counters of a site with the products each serves, read from the store the first time.
    pub async fn counters(&self, store: &Store, site_id: i64) -> StoreResult<Arc<Vec<Counter>>> {
        if let Some(counters) = locked(&self.counters).get(&site_id) {
            return Ok(counters.clone());
        }
        let counters = Arc::new(store.counters(site_id).await?);
        locked(&self.counters).insert(site_id, counters.clone());
        Ok(counters)
    }

    /// The appointment book of a zone of a site, read from the store the first time.
    pub async fn zone(&self, store: &Store, site: &Site, zone: &str) -> StoreResult<Arc<ZoneBook>> {
        let key = (site.code.clone(), zone.to_owned());
        if let Some(book) = locked(&self.zones).get(&key) {
            return Ok(book.clone());
        }
        let book = Arc::new(ZoneBook {
            hours: self.hours(store, site).await?,
            roster: store.roster(site.id, zone).await?,
            site: site.clone(),
            days: Mutex::default(),
        });
        locked(&self.zones).insert(key, book.clone());
        Ok(book)
    }
}

/// A zone's calendar and roster, with the cells of each day worked out once.
pub struct ZoneBook {
    pub site: Site,
    pub hours: Arc<SiteHours>,
    pub roster: Roster,
    days: Mutex<HashMap<Date, Arc<Vec<Vec<Cell>>>>>,
}

impl ZoneBook {
    pub fn book(&self) -> Book<'_> {
        Book {
            calendar: &self.hours.calendar,
            roster: &self.roster,
            policy: POLICY,
        }
    }

    fn cells_on(&self, date: Date) -> Arc<Vec<Vec<Cell>>> {
        if let Some(day) = locked(&self.days).get(&date) {
            return day.clone();
        }
        let day = Arc::new(self.book().cells_on(date));
        let mut days = locked(&self.days);
        if days.len() >= DAYS_KEPT {
            days.clear();
        }
        days.insert(date, day.clone());
        day
    }

    /// Every start between two local dates (inclusive) from `earliest` on at which a visit of
    /// `cells` cells still fits, given the places taken per cell start.
    pub fn free_slots(
        &self,
        from: Date,
        to: Date,
        cells: usize,
        taken: &HashMap<Timestamp, u32>,
        earliest: Timestamp,
    ) -> Vec<Slot> {
        let mut slots = Vec::new();
        let mut date = from;
        while date <= to {
            free_starts(
                &self.cells_on(date),
                cells,
                POLICY,
                taken,
                earliest,
                &mut slots,
            );
            let Ok(next) = date.tomorrow() else { break };
            date = next;
        }
        slots
    }
}
