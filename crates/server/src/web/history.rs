//! The management history (`/manage/history`): for a site and a span of days, per day, week or
//! month and optionally for one department or product, the visitors as a chart and the figures as
//! a table; visitors per weekday and hour as a heat map; transactions by product; and for the
//! whole city the online share of certificates and address changes and the sales per product and
//! channel. Every table has its CSV. Figures only, never a name.

use crate::i18n::Tr;
use crate::state::AppState;
use crate::stats::{
    ChannelCount, Day, Figures, HeatMap, OnlineShare, Products, Sales, SalesChannel, days,
    online_share, per_period, sales, span_is_valid, transactions_by_product,
    visitors_by_weekday_and_hour,
};
use crate::web::form::Errors;
use crate::web::manage::{MANAGE_ROLES, decimal};
use crate::web::page::{Page, PageError, PageResult};
use crate::web::render_form;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use jiff::civil::Date;
use loket_domain::catalogue::FieldErrors;
use loket_domain::locale::Locale;
use loket_domain::stats::Per;
use loket_store::catalogue::{Department, Product};
use loket_store::organisation::Site;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct HistoryQuery {
    #[serde(default)]
    site: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    per: String,
    /// Empty for everything, `department:<code>` or `product:<code>`.
    #[serde(default)]
    filter: String,
    /// Which table the CSV holds: `periods` (the default), `heat`, `products`, `online`, `sales`.
    #[serde(default)]
    table: String,
}

/// The question of the history page: a site, a span of days (the last 30 by default), what the
/// days add up to, and which products.
struct Question {
    site: Site,
    from: Date,
    to: Date,
    per: Per,
    filter: String,
    products: Products,
}

/// What the catalogue offers to narrow the figures to.
struct Catalogue {
    departments: Vec<Department>,
    products: Vec<Product>,
}

impl Catalogue {
    /// The products a filter stands for; None when it names nothing known.
    fn products_of(&self, filter: &str) -> Option<Products> {
        match filter.split_once(':') {
            None if filter.is_empty() => Some(Products::default()),
            Some(("department", code)) => {
                self.departments.iter().find(|d| d.code == code)?;
                Some(Products::only(
                    self.products
                        .iter()
                        .filter(|p| p.department_code == code)
                        .map(|p| p.id),
                ))
            }
            Some(("product", code)) => {
                let product = self.products.iter().find(|p| p.code == code)?;
                Some(Products::only([product.id]))
            }
            _ => None,
        }
    }

    /// The name of what a filter stands for, in the reader's language.
    fn name_of(&self, filter: &str, locale: Locale) -> Option<String> {
        match filter.split_once(':')? {
            ("department", code) => self
                .departments
                .iter()
                .find(|d| d.code == code)
                .map(|d| d.name(locale).to_owned()),
            ("product", code) => self
                .products
                .iter()
                .find(|p| p.code == code)
                .map(|p| p.name(locale).to_owned()),
            _ => None,
        }
    }

    fn department_name(&self, code: &str, locale: Locale) -> String {
        self.departments
            .iter()
            .find(|d| d.code == code)
            .map(|d| d.name(locale).to_owned())
            .unwrap_or_default()
    }
}

fn question(
    state: &AppState,
    site: Option<&Site>,
    catalogue: &Catalogue,
    query: &HistoryQuery,
) -> Result<(Question, FieldErrors), PageError> {
    let site = site.cloned().ok_or(PageError::NotFound)?;
    let today = state.local_date(state.now());
    let default_from = today
        .checked_sub(jiff::Span::new().days(29))
        .unwrap_or(today);
    let mut errors = FieldErrors::default();
    let read =
        |typed: &str, default: Date, field: &str, errors: &mut FieldErrors| match typed.trim() {
            "" => default,
            typed => typed.parse().unwrap_or_else(|_| {
                errors.add(field, "error-stats-date");
                default
            }),
        };
    let from = read(&query.from, default_from, "from", &mut errors);
    let to = read(&query.to, today, "to", &mut errors);
    let (from, to) = if span_is_valid(from, to) {
        (from, to)
    } else {
        errors.add("to", "error-stats-span");
        (default_from, today)
    };
    let per = match query.per.trim() {
        "" => Per::Day,
        typed => Per::parse(typed).unwrap_or_else(|| {
            errors.add("per", "error-stats-per");
            Per::Day
        }),
    };
    let filter = query.filter.trim().to_owned();
    let products = catalogue.products_of(&filter).unwrap_or_else(|| {
        errors.add("filter", "error-stats-filter");
        Products::default()
    });
    let question = Question {
        site,
        from,
        to,
        per,
        filter,
        products,
    };
    Ok((question, errors))
}

/// The question asked, for a manager or admin; the days it covers are read by the tables that
/// need them (the online share and the sales do not).
struct History {
    question: Question,
    errors: FieldErrors,
    catalogue: Catalogue,
}

async fn history_of(
    state: &AppState,
    page: &Page,
    query: &HistoryQuery,
) -> Result<History, PageError> {
    page.require_any(&MANAGE_ROLES)?;
    let snapshot = state.books.current(&state.store).await?;
    let catalogue = Catalogue {
        departments: state.store.departments().await?,
        products: snapshot.catalogue.clone(),
    };
    let site = snapshot.site_or_first(&query.site);
    let (question, errors) = question(state, site, &catalogue, query)?;
    Ok(History {
        question,
        errors,
        catalogue,
    })
}

/// What happened on each day of the span asked about, for the products asked about.
async fn days_asked(state: &AppState, asked: &Question) -> loket_store::StoreResult<Vec<Day>> {
    days(state, &asked.site, asked.from, asked.to, &asked.products).await
}

/// How a period is named on the page: the day, or the week or month with its days in the span.
fn period_label(per: Per, first: Date, last: Date, t: Tr) -> String {
    let range = |id: &str, extra: (&str, String)| {
        t.args(
            id,
            &[
                extra,
                ("year", first.year().to_string()),
                ("from", t.day_month_year(first)),
                ("to", t.day_month_year(last)),
            ],
        )
    };
    match per {
        Per::Day => t.date(first),
        Per::Week => range(
            "manage-period-week",
            ("week", first.iso_week_date().week().to_string()),
        ),
        Per::Month => range(
            "manage-period-month",
            ("month", t.get(&format!("month-{}", first.month()))),
        ),
    }
}

/// How a period is written in a CSV: `2026-12-03`, `2026-W49`, `2026-12`.
fn period_key(per: Per, first: Date) -> String {
    match per {
        Per::Day => first.to_string(),
        Per::Week => {
            let week = first.iso_week_date();
            format!("{}-W{:02}", week.year(), week.week())
        }
        Per::Month => format!("{}-{:02}", first.year(), first.month()),
    }
}

/// A number with one decimal, or `empty` without one.
fn number(value: Option<f64>, empty: &str, t: Tr) -> String {
    value
        .map(|v| decimal(v, t))
        .unwrap_or_else(|| empty.to_owned())
}

/// The measured figures of a period: waiting (median, 90th percentile, longest), service
/// (median, 90th percentile), pressure (peak, mean).
fn measures(figures: &Figures, empty: &str, t: Tr) -> [String; 7] {
    [
        figures.wait.map(|w| w.p50),
        figures.wait.map(|w| w.p90),
        figures.wait.map(|w| w.max),
        figures.service.map(|s| s.p50),
        figures.service.map(|s| s.p90),
        figures.pressure.map(|p| p.peak),
        figures.pressure.map(|p| p.mean),
    ]
    .map(|value| number(value, empty, t))
}

/// A period as the history shows it, its numbers written the way the reader's language does.
struct PeriodRow {
    label: String,
    counts: [i64; 4],
    measures: [String; 7],
}

impl PeriodRow {
    fn new(per: Per, figures: &Figures, t: Tr) -> PeriodRow {
        PeriodRow {
            label: period_label(per, figures.date, figures.last, t),
            counts: counts(figures),
            measures: measures(figures, "–", t),
        }
    }
}

fn counts(figures: &Figures) -> [i64; 4] {
    [
        figures.visitors,
        figures.tickets,
        figures.appointments,
        figures.no_shows,
    ]
}

/// A bar of the visitors chart, in the SVG's own units.
struct Bar {
    x: usize,
    y: i64,
    height: i64,
    label: String,
}

const CHART_HEIGHT: i64 = 160;
const BAR_STEP: usize = 22;

fn visitor_bars(periods: &[Figures], per: Per, t: Tr) -> Vec<Bar> {
    let most = periods.iter().map(|p| p.visitors).max().unwrap_or(0).max(1);
    periods
        .iter()
        .enumerate()
        .map(|(i, period)| {
            let height = period.visitors * CHART_HEIGHT / most;
            Bar {
                x: i * BAR_STEP,
                y: CHART_HEIGHT - height,
                height,
                label: format!(
                    "{}: {}",
                    period_label(per, period.date, period.last, t),
                    period.visitors
                ),
            }
        })
        .collect()
}

/// A weekday's row of the heat map: its name and, per hour shown, the visitors and a shade 0-4.
struct HeatRow {
    weekday: String,
    cells: Vec<(i64, usize)>,
}

fn weekday_name(day: usize, t: Tr) -> String {
    t.weekday(
        jiff::civil::Weekday::from_monday_zero_offset(day as i8)
            .unwrap_or(jiff::civil::Weekday::Monday),
    )
}

fn heat_rows(map: &HeatMap, t: Tr) -> (Vec<usize>, Vec<HeatRow>) {
    let hours: Vec<usize> = map.hours().collect();
    let most = map.most().max(1);
    let rows = (0..7)
        .map(|day| HeatRow {
            weekday: weekday_name(day, t),
            cells: hours
                .iter()
                .map(|&hour| {
                    let count = map.counts[day][hour];
                    let shade = if count == 0 {
                        0
                    } else {
                        1 + (count * 3 / most) as usize
                    };
                    (count, shade)
                })
                .collect(),
        })
        .collect();
    (hours, rows)
}

/// A product's transactions over the span.
struct ProductRow {
    name: String,
    department: String,
    count: i64,
}

/// The transactions of the span by product, the most first.
fn product_rows(history: &History, days: &[Day], t: Tr) -> Vec<ProductRow> {
    let catalogue = &history.catalogue;
    let mut rows: Vec<ProductRow> = transactions_by_product(days)
        .into_iter()
        .filter_map(|(id, count)| {
            let product = catalogue.products.iter().find(|p| p.id == id)?;
            Some(ProductRow {
                name: product.name(t.locale).to_owned(),
                department: catalogue.department_name(&product.department_code, t.locale),
                count,
            })
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    rows
}

/// Online, at the counter, and the online share, as the page or a CSV writes them.
fn channel_cells(count: ChannelCount, empty: &str, t: Tr) -> [String; 3] {
    [
        count.online.to_string(),
        count.counter.to_string(),
        number(count.online_percent(), empty, t),
    ]
}

struct OnlineRow {
    label: String,
    certificates: [String; 3],
    address_changes: [String; 3],
}

fn online_row(per: Per, share: &OnlineShare, t: Tr) -> OnlineRow {
    OnlineRow {
        label: period_label(per, share.date, share.last, t),
        certificates: channel_cells(share.certificates, "–", t),
        address_changes: channel_cells(share.address_changes, "–", t),
    }
}

/// A product's sales: its name and, per channel, how many and for how much.
struct SalesRow {
    name: String,
    channels: Vec<(i64, String)>,
}

/// The sales of the products asked about, each with its name in the reader's language.
fn named_sales(history: &History, lines: Vec<Sales>, locale: Locale) -> Vec<(String, Sales)> {
    lines
        .into_iter()
        .filter(|line| history.question.products.keeps(line.product_id))
        .filter_map(|line| {
            let product = history
                .catalogue
                .products
                .iter()
                .find(|p| p.id == line.product_id)?;
            Some((product.name(locale).to_owned(), line))
        })
        .collect()
}

/// An amount in euro for a spreadsheet: no sign or thousands, the reader's decimal sign.
fn csv_euro(cents: i64, t: Tr) -> String {
    let text = format!("{}.{:02}", cents / 100, (cents % 100).abs());
    match t.locale {
        Locale::En => text,
        _ => text.replace('.', ","),
    }
}

/// One option of a select: its value, what it says, and whether it is chosen.
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// A group of choices under a name.
struct ChoiceGroup {
    label: String,
    choices: Vec<Choice>,
}

/// The filter's choices: each department, then each department's products.
fn filter_groups(catalogue: &Catalogue, chosen: &str, t: Tr) -> Vec<ChoiceGroup> {
    let choice = |value: String, label: &str| Choice {
        selected: value == chosen,
        value,
        label: label.to_owned(),
    };
    let departments = ChoiceGroup {
        label: t.get("manage-history-departments"),
        choices: catalogue
            .departments
            .iter()
            .map(|d| choice(format!("department:{}", d.code), d.name(t.locale)))
            .collect(),
    };
    let products = catalogue.departments.iter().map(|department| ChoiceGroup {
        label: department.name(t.locale).to_owned(),
        choices: catalogue
            .products
            .iter()
            .filter(|p| p.department_code == department.code)
            .map(|p| choice(format!("product:{}", p.code), p.name(t.locale)))
            .collect(),
    });
    std::iter::once(departments)
        .chain(products)
        .filter(|group| !group.choices.is_empty())
        .collect()
}

#[derive(Template)]
#[template(path = "manage_history.html")]
struct HistoryTemplate {
    page: Page,
    site: String,
    site_name: String,
    from: String,
    to: String,
    pers: Vec<Choice>,
    filter_groups: Vec<ChoiceGroup>,
    filter_all: bool,
    filtered: Option<String>,
    visitors_title: String,
    periods_title: String,
    period_heading: String,
    rows: Vec<PeriodRow>,
    bars: Vec<Bar>,
    chart_width: usize,
    chart_height: i64,
    heat_hours: Vec<usize>,
    heat_rows: Vec<HeatRow>,
    products: Vec<ProductRow>,
    online: Vec<OnlineRow>,
    sales: Vec<SalesRow>,
    sales_channels: Vec<String>,
    query: String,
    errors: Errors,
}

pub async fn history(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<HistoryQuery>,
) -> PageResult {
    let history = history_of(&state, &page, &query).await?;
    history_page(&state, page, &query, history).await
}

async fn history_page(
    state: &AppState,
    page: Page,
    query: &HistoryQuery,
    history: History,
) -> PageResult {
    let t = page.t;
    let asked = &history.question;
    let per = asked.per;
    let days = days_asked(state, asked).await?;
    let periods = per_period(&days, per);
    let heat = visitors_by_weekday_and_hour(state, &days)?;
    let (heat_hours, heat_rows) = heat_rows(&heat, t);
    let online = online_share(state, asked.from, asked.to, per).await?;
    let sales = named_sales(
        &history,
        sales(state, asked.from, asked.to).await?,
        t.locale,
    )
    .into_iter()
    .map(|(name, line)| SalesRow {
        name,
        channels: line
            .channels
            .iter()
            .map(|&(count, cents)| (count, t.amount(cents)))
            .collect(),
    })
    .collect();
    let valid = history.errors.is_empty();
    // After an error the fields show what was typed; otherwise the question answered.
    let shown = |used: String, typed: &str| match valid {
        true => used,
        false => typed.to_owned(),
    };
    let chosen_per = shown(per.code().to_owned(), &query.per);
    let template = HistoryTemplate {
        site: asked.site.code.clone(),
        site_name: asked.site.name.clone(),
        from: shown(asked.from.to_string(), &query.from),
        to: shown(asked.to.to_string(), &query.to),
        pers: Per::ALL
            .iter()
            .map(|p| Choice {
                value: p.code().to_owned(),
                label: t.get(&format!("manage-per-{}", p.code())),
                selected: p.code() == chosen_per,
            })
            .collect(),
        filter_groups: filter_groups(&history.catalogue, &query.filter, t),
        filter_all: query.filter.trim().is_empty(),
        filtered: history.catalogue.name_of(&asked.filter, t.locale),
        visitors_title: t.get(&format!("manage-history-visitors-{}", per.code())),
        periods_title: t.get(&format!("manage-history-per-{}", per.code())),
        period_heading: t.get(period_column(per)),
        rows: periods.iter().map(|p| PeriodRow::new(per, p, t)).collect(),
        chart_width: periods.len().max(1) * BAR_STEP,
        chart_height: CHART_HEIGHT,
        bars: visitor_bars(&periods, per, t),
        heat_hours,
        heat_rows,
        products: product_rows(&history, &days, t),
        online: online.iter().map(|s| online_row(per, s, t)).collect(),
        sales,
        sales_channels: SalesChannel::ALL
            .iter()
            .map(|c| t.get(sales_channel_id(*c)))
            .collect(),
        query: csv_query(&history.question),
        errors: Errors::translate(&history.errors, t),
        page,
    };
    let invalid = !template.errors.is_empty();
    render_form(template, invalid)
}

fn sales_channel_id(channel: SalesChannel) -> &'static str {
    match channel {
        SalesChannel::FastCounter => "manage-sales-fast-counter",
        SalesChannel::Shop => "manage-sales-shop",
        SalesChannel::Online => "manage-sales-online",
    }
}

/// The question in an address, for the CSV links.
fn csv_query(asked: &Question) -> String {
    let mut query = format!(
        "site={}&from={}&to={}&per={}",
        asked.site.code,
        asked.from,
        asked.to,
        asked.per.code()
    );
    if !asked.filter.is_empty() {
        query.push_str("&filter=");
        query.push_str(&asked.filter.replace(':', "%3A"));
    }
    query
}

/// A table for a spreadsheet: its translated header and its rows.
struct Csv {
    name: &'static str,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// A table of the history as CSV for a spreadsheet: `;` between fields and the reader's decimal
/// sign, as spreadsheets in Belgium expect, with a byte order mark so accents survive. A question
/// with errors gets the page with the errors.
pub async fn history_csv(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<HistoryQuery>,
) -> PageResult {
    let history = history_of(&state, &page, &query).await?;
    if !history.errors.is_empty() {
        return history_page(&state, page, &query, history).await;
    }
    let t = page.t;
    let asked = &history.question;
    let csv = match query.table.as_str() {
        "" | "periods" => periods_csv(&history, &days_asked(&state, asked).await?, t),
        "heat" => heat_csv(&state, &days_asked(&state, asked).await?, t)?,
        "products" => products_csv(&history, &days_asked(&state, asked).await?, t),
        "online" => online_csv(&state, &history, t).await?,
        "sales" => sales_csv(&state, &history, t).await?,
        _ => return Err(PageError::NotFound),
    };
    let mut text = String::from("\u{feff}");
    for line in std::iter::once(&csv.header).chain(&csv.rows) {
        text.push_str(&line.join(";"));
        text.push_str("\r\n");
    }
    let name = format!(
        "attachment; filename=\"loket-{}-{}-{}-{}.csv\"",
        csv.name, asked.site.code, asked.from, asked.to
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, name),
        ],
        text,
    )
        .into_response())
}

/// The header of a CSV's first column, which names the periods.
fn period_column(per: Per) -> &'static str {
    match per {
        Per::Day => "manage-csv-date",
        Per::Week => "manage-csv-week",
        Per::Month => "manage-csv-month",
    }
}

fn header(ids: &[&str], t: Tr) -> Vec<String> {
    ids.iter().map(|id| t.get(id)).collect()
}

fn periods_csv(history: &History, days: &[Day], t: Tr) -> Csv {
    let per = history.question.per;
    let rows = per_period(days, per)
        .iter()
        .map(|figures| {
            std::iter::once(period_key(per, figures.date))
                .chain(counts(figures).map(|c| c.to_string()))
                .chain(measures(figures, "", t))
                .collect()
        })
        .collect();
    Csv {
        name: "history",
        header: header(
            &[
                period_column(per),
                "manage-csv-visitors",
                "manage-csv-tickets",
                "manage-csv-appointments",
                "manage-csv-no-shows",
                "manage-csv-wait-p50",
                "manage-csv-wait-p90",
                "manage-csv-wait-max",
                "manage-csv-service-p50",
                "manage-csv-service-p90",
                "manage-csv-pressure-peak",
                "manage-csv-pressure-mean",
            ],
            t,
        ),
        rows,
    }
}

fn heat_csv(state: &AppState, days: &[Day], t: Tr) -> Result<Csv, PageError> {
    let heat = visitors_by_weekday_and_hour(state, days)?;
    let hours: Vec<usize> = heat.hours().collect();
    let suffix = t.get("manage-history-hour-suffix");
    let header = std::iter::once(t.get("manage-csv-weekday"))
        .chain(hours.iter().map(|hour| format!("{hour}{suffix}")))
        .collect();
    let rows = (0..7)
        .map(|day| {
            std::iter::once(weekday_name(day, t))
                .chain(hours.iter().map(|&hour| heat.counts[day][hour].to_string()))
                .collect()
        })
        .collect();
    Ok(Csv {
        name: "heat-map",
        header,
        rows,
    })
}

fn products_csv(history: &History, days: &[Day], t: Tr) -> Csv {
    Csv {
        name: "transactions",
        header: header(
            &[
                "manage-csv-product",
                "manage-csv-department",
                "manage-csv-count",
            ],
            t,
        ),
        rows: product_rows(history, days, t)
            .into_iter()
            .map(|row| vec![row.name, row.department, row.count.to_string()])
            .collect(),
    }
}

async fn online_csv(state: &AppState, history: &History, t: Tr) -> Result<Csv, PageError> {
    let asked = &history.question;
    let shares = online_share(state, asked.from, asked.to, asked.per).await?;
    let rows = shares
        .iter()
        .map(|share| {
            std::iter::once(period_key(asked.per, share.date))
                .chain(channel_cells(share.certificates, "", t))
                .chain(channel_cells(share.address_changes, "", t))
                .collect()
        })
        .collect();
    Ok(Csv {
        name: "online",
        header: header(
            &[
                period_column(asked.per),
                "manage-csv-certificates-online",
                "manage-csv-certificates-counter",
                "manage-csv-certificates-share",
                "manage-csv-address-changes-online",
                "manage-csv-address-changes-counter",
                "manage-csv-address-changes-share",
            ],
            t,
        ),
        rows,
    })
}

async fn sales_csv(state: &AppState, history: &History, t: Tr) -> Result<Csv, PageError> {
    let asked = &history.question;
    let lines = named_sales(history, sales(state, asked.from, asked.to).await?, t.locale);
    let mut header = vec![t.get("manage-csv-product")];
    for channel in SalesChannel::ALL {
        let name = t.get(sales_channel_id(channel));
        header.push(t.arg("manage-csv-sales-count", "channel", &name));
        header.push(t.arg("manage-csv-sales-amount", "channel", &name));
    }
    let rows = lines
        .iter()
        .map(|(name, line)| {
            std::iter::once(name.clone())
                .chain(
                    line.channels
                        .iter()
                        .flat_map(|&(count, cents)| [count.to_string(), csv_euro(cents, t)]),
                )
                .collect()
        })
        .collect();
    Ok(Csv {
        name: "sales",
        header,
        rows,
    })
}
