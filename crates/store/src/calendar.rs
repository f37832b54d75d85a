//! Weekly opening hours, the city's own closing days and one-off exceptions of a site.

use crate::backend::BeginWrite;
use crate::catalogue::Texts;
use crate::organisation::{Site, found};
use crate::{Store, StoreError, StoreResult};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use loket_domain::calendar::{
    ClosingRule, DateException, SiteCalendar, TimeRange, WEEK, WeeklyHours,
};

/// Which weekly pattern: the counters' or the phone lines'.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schedule {
    Counters,
    Phone,
}

impl Schedule {
    fn code(self) -> &'static str {
        match self {
            Schedule::Counters => "counters",
            Schedule::Phone => "phone",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NamedClosingRule {
    pub id: i64,
    pub rule: ClosingRule,
    pub names: Texts,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NamedException {
    pub id: i64,
    pub exception: DateException,
    pub names: Texts,
}

/// Everything that decides when a site is open, with the names to tell citizens why it is closed.
#[derive(Debug, Clone)]
pub struct SiteHours {
    pub calendar: SiteCalendar,
    pub phone: WeeklyHours,
    pub rules: Vec<NamedClosingRule>,
    pub exceptions: Vec<NamedException>,
}

type HoursRow = (i64, String, String);
type NamedRow = (i64, String, String, String, String, String);

impl Store {
    pub async fn weekly_hours(&self, site_id: i64, schedule: Schedule) -> StoreResult<WeeklyHours> {
        let sql = "SELECT weekday, opens, closes FROM opening_hours WHERE site_id = $1 AND schedule = $2 ORDER BY weekday, opens";
        let rows: Vec<HoursRow> = on_backend!(self, pool => sqlx::query_as(sql).bind(site_id).bind(schedule.code()).fetch_all(pool).await?);
        weekly_hours_from_rows(rows)
    }

    /// Replaces the whole weekly pattern at once, so a reader never sees half of an edit.
    pub async fn replace_weekly_hours(
        &self,
        site_id: i64,
        schedule: Schedule,
        hours: &WeeklyHours,
    ) -> StoreResult<()> {
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query("DELETE FROM opening_hours WHERE site_id = $1 AND schedule = $2")
                .bind(site_id).bind(schedule.code())
                .execute(&mut *tx).await?;
            for weekday in WEEK {
                for range in hours.on(weekday) {
                    sqlx::query("INSERT INTO opening_hours (site_id, schedule, weekday, opens, closes) VALUES ($1, $2, $3, $4, $5)")
                        .bind(site_id).bind(schedule.code())
                        .bind(i64::from(weekday.to_monday_one_offset()))
                        .bind(range.opens().strftime("%H:%M").to_string())
                        .bind(range.closes().strftime("%H:%M").to_string())
                        .execute(&mut *tx).await?;
                }
            }
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn closing_rules(&self, site_id: i64) -> StoreResult<Vec<NamedClosingRule>> {
        let sql = "SELECT id, rule, name_nl, name_fr, name_en, '' FROM closing_rules WHERE site_id = $1 ORDER BY id";
        let rows: Vec<NamedRow> =
            on_backend!(self, pool => sqlx::query_as(sql).bind(site_id).fetch_all(pool).await?);
        rows.into_iter()
            .map(|(id, rule, nl, fr, en, _)| {
                let rule = rule
                    .parse()
                    .map_err(|_| StoreError::Invalid(format!("closing rule {rule}")))?;
                Ok(NamedClosingRule {
                    id,
                    rule,
                    names: Texts::new(nl, fr, en),
                })
            })
            .collect()
    }

    pub async fn add_closing_rule(
        &self,
        site_id: i64,
        rule: &ClosingRule,
        names: &Texts,
    ) -> StoreResult<()> {
        let sql = "INSERT INTO closing_rules (site_id, rule, name_nl, name_fr, name_en) VALUES ($1, $2, $3, $4, $5)";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(site_id).bind(rule.to_string()).bind(&names.nl).bind(&names.fr).bind(&names.en)
            .execute(pool).await?.rows_affected());
        Ok(())
    }

    pub async fn delete_closing_rule(&self, site_id: i64, id: i64) -> StoreResult<()> {
        let sql = "DELETE FROM closing_rules WHERE site_id = $1 AND id = $2";
        found(
            on_backend!(self, pool => sqlx::query(sql).bind(site_id).bind(id).execute(pool).await?.rows_affected()),
        )
    }

    pub async fn date_exceptions(&self, site_id: i64) -> StoreResult<Vec<NamedException>> {
        let sql = "SELECT id, day, hours, name_nl, name_fr, name_en FROM date_exceptions WHERE site_id = $1 ORDER BY day";
        let rows: Vec<NamedRow> =
            on_backend!(self, pool => sqlx::query_as(sql).bind(site_id).fetch_all(pool).await?);
        rows.into_iter()
            .map(|(id, day, hours, nl, fr, en)| {
                let date: Date = day
                    .parse()
                    .map_err(|_| StoreError::Invalid(format!("date {day}")))?;
                let exception = DateException::open(date, parse_ranges(&hours)?)
                    .map_err(|e| StoreError::Invalid(format!("hours on {day}: {e}")))?;
                Ok(NamedException {
                    id,
                    exception,
                    names: Texts::new(nl, fr, en),
                })
            })
            .collect()
    }

    /// Adds the exception, or replaces the one on the same day.
    pub async fn save_date_exception(
        &self,
        site_id: i64,
        exception: &DateException,
        names: &Texts,
    ) -> StoreResult<()> {
        let sql = "INSERT INTO date_exceptions (site_id, day, hours, name_nl, name_fr, name_en) VALUES ($1, $2, $3, $4, $5, $6) \
                   ON CONFLICT (site_id, day) DO UPDATE SET hours = $3, name_nl = $4, name_fr = $5, name_en = $6";
        let hours = exception
            .hours()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",");
        on_backend!(self, pool => sqlx::query(sql)
            .bind(site_id).bind(exception.date().to_string()).bind(hours)
            .bind(&names.nl).bind(&names.fr).bind(&names.en)
            .execute(pool).await?.rows_affected());
        Ok(())
    }

    pub async fn delete_date_exception(&self, site_id: i64, id: i64) -> StoreResult<()> {
        let sql = "DELETE FROM date_exceptions WHERE site_id = $1 AND id = $2";
        found(
            on_backend!(self, pool => sqlx::query(sql).bind(site_id).bind(id).execute(pool).await?.rows_affected()),
        )
    }

    /// The site's complete calendar: weekly counter and phone hours, holidays, rules and exceptions.
    pub async fn site_hours(&self, site: &Site) -> StoreResult<SiteHours> {
        let time_zone = TimeZone::get(&site.time_zone)
            .map_err(|_| StoreError::Invalid(format!("time zone {}", site.time_zone)))?;
        let weekly = self.weekly_hours(site.id, Schedule::Counters).await?;
        let phone = self.weekly_hours(site.id, Schedule::Phone).await?;
        let rules = self.closing_rules(site.id).await?;
        let exceptions = self.date_exceptions(site.id).await?;
        let calendar = SiteCalendar {
            time_zone,
            weekly,
            legal_holidays: site.legal_holidays,
            closing_rules: rules.iter().map(|named| named.rule).collect(),
            exceptions: exceptions
                .iter()
                .map(|named| named.exception.clone())
                .collect(),
        };
        Ok(SiteHours {
            calendar,
            phone,
            rules,
            exceptions,
        })
    }
}

fn weekly_hours_from_rows(rows: Vec<HoursRow>) -> StoreResult<WeeklyHours> {
    let mut hours = WeeklyHours::new();
    for weekday in WEEK {
        let number = i64::from(weekday.to_monday_one_offset());
        let ranges = rows
            .iter()
            .filter(|(day, _, _)| *day == number)
            .map(|(_, opens, closes)| parse_range(&format!("{opens}-{closes}")))
            .collect::<StoreResult<Vec<_>>>()?;
        hours
            .set(weekday, ranges)
            .map_err(|e| StoreError::Invalid(format!("opening hours: {e}")))?;
    }
    Ok(hours)
}

fn parse_range(text: &str) -> StoreResult<TimeRange> {
    text.parse()
        .map_err(|_| StoreError::Invalid(format!("time range {text}")))
}

/// "09:00-12:00,13:00-16:00" to ranges; empty text is no ranges.
fn parse_ranges(text: &str) -> StoreResult<Vec<TimeRange>> {
    text.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(parse_range)
        .collect()
}
