//! The Leuven demo: an organisation, site, catalogue and staff modelled on the Leuven city office.

use crate::calendar::Schedule;
use crate::organisation::{CounterInput, RoomInput, SiteInput, ZoneInput};
use crate::sales::{ArticleInput, PointKind};
use crate::settings::{DEMO_INSTALLED, ORGANISATION_NAME, ORGANISATION_PHONE};
use crate::staff::UserInput;
use crate::{Store, StoreError, StoreResult};
use jiff::Timestamp;
use jiff::civil::Weekday;
use loket_domain::calendar::{ClosingRule, TimeRange, WEEK, WeeklyHours};
use loket_domain::catalogue::{DepartmentInput, Staffing, Texts, parse_fee_cents};
use loket_domain::slots::RosterBlock;
use loket_domain::staff::Role;
use serde::Deserialize;
use std::collections::BTreeMap;

mod residents;

pub const ORGANISATION: &str = include_str!("demo/leuven.toml");
pub const CATALOGUE: &str = include_str!("demo/catalogue.csv");
/// The password of every demo account.
pub const PASSWORD: &str = "demo";

#[derive(Deserialize)]
struct DemoFile {
    organisation: Organisation,
    departments: Vec<DemoDepartment>,
    rubrics: Vec<DemoRubric>,
    site: DemoSite,
    staff: Vec<DemoStaff>,
    #[serde(default)]
    sales: DemoSales,
}

#[derive(Deserialize)]
struct Organisation {
    name: String,
    phone: String,
}

#[derive(Deserialize)]
struct DemoDepartment {
    code: String,
    staffing: String,
    names: [String; 3],
}

#[derive(Deserialize)]
struct DemoRubric {
    code: String,
    names: [String; 3],
}

#[derive(Deserialize)]
struct DemoSite {
    code: String,
    name: String,
    address: String,
    phone: String,
    time_zone: String,
    zones: Vec<DemoZone>,
    rooms: Vec<DemoRoom>,
    hours: BTreeMap<String, Vec<String>>,
    phone_hours: BTreeMap<String, Vec<String>>,
    closing_rules: Vec<DemoClosingRule>,
}

#[derive(Deserialize)]
struct DemoZone {
    letter: String,
    names: [String; 3],
    colour: String,
    counters: Vec<i64>,
    /// Counters staffed on weekdays for the roster; none gives no appointments.
    #[serde(default)]
    staffed_counters: u32,
    /// Of those, how many are kept for walk-ins.
    #[serde(default)]
    walk_in_counters: u32,
}

#[derive(Deserialize)]
struct DemoRoom {
    code: String,
    names: [String; 3],
    note: String,
}

#[derive(Deserialize)]
struct DemoClosingRule {
    rule: String,
    names: [String; 3],
}

#[derive(Deserialize)]
struct DemoStaff {
    username: String,
    name: String,
    roles: Vec<String>,
    #[serde(default)]
    departments: Vec<String>,
}

#[derive(Deserialize, Default)]
struct DemoSales {
    articles: Vec<DemoArticle>,
    points: Vec<DemoSalesPoint>,
}

#[derive(Deserialize)]
struct DemoArticle {
    code: String,
    product: String,
    names: [String; 3],
    /// In euro, "22.50".
    price: String,
}

#[derive(Deserialize)]
struct DemoSalesPoint {
    code: String,
    name: String,
    kind: String,
    /// Usernames of the shop keepers.
    #[serde(default)]
    keepers: Vec<String>,
    stock: Vec<DemoStock>,
}

#[derive(Deserialize)]
struct DemoStock {
    article: String,
    quantity: i64,
    low_at: i64,
}

fn texts([nl, fr, en]: &[String; 3]) -> Texts {
    Texts::new(nl, fr, en)
}

fn invalid(what: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(format!("demo data: {what}"))
}

impl Store {
    /// Installs the Leuven demo unless this database already holds it; returns whether it did.
    pub async fn install_demo(&self, at: Timestamp) -> StoreResult<bool> {
        if self.setting(DEMO_INSTALLED).await?.is_some() {
            // A demo installed before the register existed gets its residents now.
            self.install_demo_residents().await?;
            return Ok(false);
        }
        let demo: DemoFile = toml::from_str(ORGANISATION).map_err(invalid)?;
        self.set_setting(ORGANISATION_NAME, &demo.organisation.name)
            .await?;
        self.set_setting(ORGANISATION_PHONE, &demo.organisation.phone)
            .await?;
        for department in &demo.departments {
            let staffing: Staffing = department
                .staffing
                .parse()
                .map_err(|()| invalid(&department.staffing))?;
            let input = DepartmentInput {
                code: department.code.clone(),
                names: texts(&department.names),
                staffing,
            };
            self.save_department(&input).await?;
        }
        for (position, rubric) in (1..).zip(&demo.rubrics) {
            self.save_rubric(&rubric.code, &texts(&rubric.names), position)
                .await?;
        }
        self.import_catalogue(CATALOGUE).await.map_err(invalid)?;
        self.install_demo_site(&demo.site).await?;
        self.install_demo_staff(&demo.staff, at).await?;
        self.install_demo_sales(&demo.sales, &demo.site.code)
            .await?;
        self.install_demo_residents().await?;
        self.set_setting(DEMO_INSTALLED, &at.to_string()).await?;
        Ok(true)
    }

    async fn install_demo_site(&self, demo: &DemoSite) -> StoreResult<()> {
        self.insert_site(&SiteInput {
            code: demo.code.clone(),
            name: demo.name.clone(),
            address: demo.address.clone(),
            phone: demo.phone.clone(),
            time_zone: demo.time_zone.clone(),
            legal_holidays: true,
        })
        .await?;
        let site = self.site(&demo.code).await?;
        let products = self.products().await?;
        for zone in &demo.zones {
            let input = ZoneInput {
                letter: zone.letter.clone(),
                names: texts(&zone.names),
                colour: zone.colour.clone(),
            };
            self.save_zone(site.id, &input).await?;
            let served: Vec<String> = products
                .iter()
                .filter(|p| {
                    p.zone_letter.as_deref() == Some(zone.letter.as_str())
                        && p.channel.is_served_at_a_counter()
                })
                .map(|p| p.code.clone())
                .collect();
            for &number in &zone.counters {
                let counter = CounterInput {
                    number,
                    zone_letter: zone.letter.clone(),
                    products: served.clone(),
                };
                self.save_counter(site.id, &counter).await?;
            }
            let roster = weekday_roster(zone.staffed_counters, zone.walk_in_counters)?;
            self.replace_roster(site.id, &zone.letter, &roster).await?;
        }
        for room in &demo.rooms {
            let input = RoomInput {
                code: room.code.clone(),
                names: texts(&room.names),
                note: room.note.clone(),
            };
            self.save_room(site.id, &input).await?;
        }
        self.replace_weekly_hours(site.id, Schedule::Counters, &weekly_hours(&demo.hours)?)
            .await?;
        self.replace_weekly_hours(site.id, Schedule::Phone, &weekly_hours(&demo.phone_hours)?)
            .await?;
        for closing in &demo.closing_rules {
            let rule: ClosingRule = closing.rule.parse().map_err(|_| invalid(&closing.rule))?;
            self.add_closing_rule(site.id, &rule, &texts(&closing.names))
                .await?;
        }
        Ok(())
    }

    async fn install_demo_staff(&self, staff: &[DemoStaff], at: Timestamp) -> StoreResult<()> {
        for member in staff {
            let roles = member
                .roles
                .iter()
                .map(|role| role.parse::<Role>().map_err(invalid))
                .collect::<StoreResult<Vec<_>>>()?;
            let input = UserInput {
                username: member.username.clone(),
                display_name: member.name.clone(),
                active: true,
                roles,
                departments: member.departments.clone(),
            };
            self.create_user(&input, PASSWORD, at).await?;
        }
        Ok(())
    }
}

impl Store {
    /// The articles, the sales points of the demo site with their shop keepers, and their stock.
    async fn install_demo_sales(&self, demo: &DemoSales, site_code: &str) -> StoreResult<()> {
        let site = self.site(site_code).await?;
        let mut articles = BTreeMap::new();
        for (position, article) in (1..).zip(&demo.articles) {
            let input = ArticleInput {
                code: article.code.clone(),
                product_code: article.product.clone(),
                names: texts(&article.names),
                price_cents: parse_fee_cents(&article.price).map_err(invalid)?,
                position,
            };
            articles.insert(article.code.as_str(), self.insert_article(&input).await?);
        }
        for point in &demo.points {
            let kind = PointKind::try_from(point.kind.clone()).map_err(invalid)?;
            let id = self
                .insert_sales_point(site.id, &point.code, &point.name, kind)
                .await?;
            for keeper in &point.keepers {
                let user = self.user(keeper).await?;
                self.add_shop_keeper(id, user.id).await?;
            }
            for line in &point.stock {
                let article = articles
                    .get(line.article.as_str())
                    .ok_or_else(|| invalid(&line.article))?;
                self.add_stock_line(id, *article, line.quantity, line.low_at)
                    .await?;
            }
        }
        Ok(())
    }
}

fn weekly_hours(days: &BTreeMap<String, Vec<String>>) -> StoreResult<WeeklyHours> {
    let mut hours = WeeklyHours::new();
    for (day, ranges) in days {
        let weekday = parse_weekday(day).ok_or_else(|| invalid(day))?;
        let ranges = ranges
            .iter()
            .map(|range| range.parse::<TimeRange>().map_err(|_| invalid(range)))
            .collect::<StoreResult<Vec<_>>>()?;
        hours.set(weekday, ranges).map_err(invalid)?;
    }
    Ok(hours)
}

/// The same counters from Monday to Friday, all day; the opening hours and closing days decide
/// when that is.
fn weekday_roster(counters: u32, walk_in: u32) -> StoreResult<Vec<RosterBlock>> {
    if counters == 0 {
        return Ok(Vec::new());
    }
    if walk_in > counters {
        return Err(invalid(format!(
            "{walk_in} counters for walk-ins of {counters}"
        )));
    }
    let hours: TimeRange = "08:00-21:00".parse().map_err(invalid)?;
    Ok(WEEK[..5]
        .iter()
        .map(|&weekday| RosterBlock {
            weekday,
            hours,
            counters,
            walk_in,
        })
        .collect())
}

fn parse_weekday(name: &str) -> Option<Weekday> {
    Some(match name {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}
