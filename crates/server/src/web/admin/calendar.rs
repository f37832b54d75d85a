//! A site's calendar: the weekly hours of the counters and the phone lines, the city's own closing
//! days and one-off exceptions.

use super::admin_site;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageResult};
use crate::web::{render, render_form, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::routing::{get, post};
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use loket_domain::calendar::{
    ClosingRule, DateException, WEEK, WeeklyHours, format_day_hours, parse_day_hours,
};
use loket_domain::catalogue::{FieldErrors, Texts};
use loket_store::calendar::Schedule;
use loket_store::organisation::Site;
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/admin/sites/{site}/hours",
            get(hours_form).post(save_hours),
        )
        .route("/admin/sites/{site}/closing-days", get(closing_days))
        .route(
            "/admin/sites/{site}/closing-days/rules/new",
            get(rule_form).post(add_rule),
        )
        .route(
            "/admin/sites/{site}/closing-days/rules/{id}/delete",
            post(delete_rule),
        )
        .route(
            "/admin/sites/{site}/closing-days/exceptions/new",
            get(exception_form).post(add_exception),
        )
        .route(
            "/admin/sites/{site}/closing-days/exceptions/{id}/delete",
            post(delete_exception),
        )
}

// ---- Weekly hours -------------------------------------------------------------------------------

/// One text field per weekday and schedule, named `counters-1` … `phone-7` (Monday is 1).
pub struct DayField {
    pub name: String,
    pub label: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "admin/hours_form.html")]
struct HoursTemplate {
    page: Page,
    site: Site,
    counters: Vec<DayField>,
    phone: Vec<DayField>,
    errors: Errors,
}

fn field_name(schedule: &str, weekday: Weekday) -> String {
    format!("{schedule}-{}", weekday.to_monday_one_offset())
}

fn day_fields(schedule: &str, values: &HashMap<String, String>, t: Tr) -> Vec<DayField> {
    WEEK.into_iter()
        .map(|weekday| {
            let name = field_name(schedule, weekday);
            DayField {
                value: values.get(&name).cloned().unwrap_or_default(),
                label: t.weekday(weekday),
                name,
            }
        })
        .collect()
}

fn hours_page(
    page: Page,
    site: Site,
    values: &HashMap<String, String>,
    errors: Errors,
) -> PageResult {
    let invalid = !errors.is_empty();
    let template = HoursTemplate {
        counters: day_fields("counters", values, page.t),
        phone: day_fields("phone", values, page.t),
        page,
        site,
        errors,
    };
    render_form(template, invalid)
}

async fn hours_form(
    State(state): State<AppState>,
    page: Page,
    Path(site): Path<String>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &site).await?;
    let mut values = HashMap::new();
    for (schedule, kind) in [("counters", Schedule::Counters), ("phone", Schedule::Phone)] {
        let hours = state.store.weekly_hours(site.id, kind).await?;
        for weekday in WEEK {
            values.insert(
                field_name(schedule, weekday),
                format_day_hours(hours.on(weekday)),
            );
        }
    }
    hours_page(page, site, &values, Errors::none())
}

/// Reads the seven fields of one schedule into a week, noting each wrong field.
fn parse_week(
    schedule: &str,
    values: &HashMap<String, String>,
    errors: &mut FieldErrors,
) -> WeeklyHours {
    let mut week = WeeklyHours::new();
    for weekday in WEEK {
        let name = field_name(schedule, weekday);
        match parse_day_hours(values.get(&name).map(String::as_str).unwrap_or("")) {
            Ok(ranges) => {
                // parse_day_hours already refused overlaps, so this cannot fail.
                let _ = week.set(weekday, ranges);
            }
            Err(error) => errors.add(&name, error.message_id()),
        }
    }
    week
}

async fn save_hours(
    State(state): State<AppState>,
    page: Page,
    Path(site): Path<String>,
    Form(values): Form<HashMap<String, String>>,
) -> PageResult {
    let (admin, site) = admin_site(&state, &page, &site).await?;
    let mut errors = FieldErrors::default();
    let counters = parse_week("counters", &values, &mut errors);
    let phone = parse_week("phone", &values, &mut errors);
    if !errors.is_empty() {
        return hours_page(
            page.clone(),
            site,
            &values,
            Errors::translate(&errors, page.t),
        );
    }
    state
        .store
        .replace_weekly_hours(site.id, Schedule::Counters, &counters)
        .await?;
    state
        .store
        .replace_weekly_hours(site.id, Schedule::Phone, &phone)
        .await?;
    state
        .store
        .audit(state.now(), Some(admin), "hours.update", &site.code, "")
        .await?;
    see_other(&format!("/admin/sites/{}/hours?saved=1", site.code))
}

/// Records a change of the closing days and goes back to their page.
async fn closing_days_saved(
    state: &AppState,
    admin: i64,
    action: &str,
    site: &Site,
    detail: &str,
) -> PageResult {
    state
        .store
        .audit(state.now(), Some(admin), action, &site.code, detail)
        .await?;
    see_other(&format!("/admin/sites/{}/closing-days?saved=1", site.code))
}

// ---- Closing days -------------------------------------------------------------------------------

pub struct RuleLine {
    pub id: i64,
    pub name: String,
    pub rule: String,
    pub next: String,
}

pub struct ExceptionLine {
    pub id: i64,
    pub date: String,
    pub hours: String,
    pub name: String,
}

#[derive(Template)]
#[template(path = "admin/closing_days.html")]
struct ClosingDaysTemplate {
    page: Page,
    site: Site,
    rules: Vec<RuleLine>,
    exceptions: Vec<ExceptionLine>,
}

/// A rule in words: "elk jaar op 2 januari", "40 dagen na Pasen", "de eerste maandag van september".
pub fn describe_rule(rule: &ClosingRule, t: Tr) -> String {
    let month = |m: i8| t.get(&format!("month-{m}"));
    match *rule {
        ClosingRule::Fixed { month: m, day } => t.args(
            "closing-rule-fixed",
            &[("day", day.to_string()), ("month", month(m))],
        ),
        ClosingRule::EasterOffset { days } if days < 0 => {
            t.arg("closing-rule-easter-before", "days", -days)
        }
        ClosingRule::EasterOffset { days } => t.arg("closing-rule-easter-after", "days", days),
        ClosingRule::NthWeekday {
            n,
            weekday,
            month: m,
        } => t.args(
            "closing-rule-weekday",
            &[
                ("nth", t.get(&format!("nth-{n}"))),
                ("weekday", t.weekday(weekday)),
                ("month", month(m)),
            ],
        ),
    }
}

async fn closing_days(
    State(state): State<AppState>,
    page: Page,
    Path(site): Path<String>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &site).await?;
    let t = page.t;
    let hours = state.store.site_hours(&site).await?;
    let today = state
        .now()
        .to_zoned(hours.calendar.time_zone.clone())
        .date();
    let rules = hours
        .rules
        .iter()
        .map(|named| RuleLine {
            id: named.id,
            name: named.names.get(t.locale).to_owned(),
            rule: describe_rule(&named.rule, t),
            next: next_date(&named.rule, today)
                .map(|d| t.date(d))
                .unwrap_or_default(),
        })
        .collect();
    let exceptions = hours
        .exceptions
        .iter()
        .map(|named| ExceptionLine {
            id: named.id,
            date: t.date(named.exception.date()),
            hours: if named.exception.is_closed() {
                t.get("closed")
            } else {
                format_day_hours(named.exception.hours())
            },
            name: named.names.get(t.locale).to_owned(),
        })
        .collect();
    render(ClosingDaysTemplate {
        page,
        site,
        rules,
        exceptions,
    })
}

/// The first date on or after `today` on which the rule closes the office.
fn next_date(rule: &ClosingRule, today: Date) -> Option<Date> {
    [today.year(), today.year() + 1]
        .into_iter()
        .filter_map(|year| rule.date_in(year))
        .find(|date| *date >= today)
}

#[derive(Debug, Default, Deserialize)]
struct RuleFields {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    day: String,
    #[serde(default)]
    month: String,
    #[serde(default)]
    days: String,
    #[serde(default)]
    nth: String,
    #[serde(default)]
    weekday: String,
    #[serde(default)]
    weekday_month: String,
    #[serde(default)]
    name_nl: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    name_en: String,
}

impl RuleFields {
    fn parse(&self) -> Result<(ClosingRule, Texts), FieldErrors> {
        let mut errors = FieldErrors::default();
        let number = |text: &str| text.trim().parse::<i16>().ok();
        let rule = match self.kind.as_str() {
            "fixed" => format!(
                "fixed {:02}-{:02}",
                number(&self.month).unwrap_or(0),
                number(&self.day).unwrap_or(0)
            ),
            "easter" => format!("easter {:+}", number(&self.days).unwrap_or(i16::MAX)),
            "weekday" => format!(
                "weekday {} {} {:02}",
                self.nth,
                self.weekday,
                number(&self.weekday_month).unwrap_or(0)
            ),
            _ => String::new(),
        };
        let rule = rule.parse::<ClosingRule>();
        let field = match self.kind.as_str() {
            "fixed" => "day",
            "easter" => "days",
            "weekday" => "nth",
            _ => "kind",
        };
        errors.check(rule.is_ok(), field, "closing-rule-invalid");
        let names = names_of(&self.name_nl, &self.name_fr, &self.name_en, &mut errors);
        match rule {
            Ok(rule) if errors.is_empty() => Ok((rule, names)),
            _ => Err(errors),
        }
    }
}

fn names_of(nl: &str, fr: &str, en: &str, errors: &mut FieldErrors) -> Texts {
    Texts::new(nl, fr, en).checked(errors)
}

#[derive(Template)]
#[template(path = "admin/closing_rule_form.html")]
struct RuleTemplate {
    page: Page,
    site: Site,
    fields: RuleFields,
    errors: Errors,
    months: Vec<(i8, String)>,
    weekdays: Vec<(String, String)>,
    nths: Vec<(String, String)>,
}

fn rule_page(page: Page, site: Site, fields: RuleFields, errors: Errors) -> PageResult {
    let t = page.t;
    let invalid = !errors.is_empty();
    let template = RuleTemplate {
        months: (1..=12)
            .map(|m| (m, t.get(&format!("month-{m}"))))
            .collect(),
        weekdays: WEEK
            .into_iter()
            .map(|w| (format!("{w:?}").to_lowercase(), t.weekday(w)))
            .collect(),
        nths: ["1", "2", "3", "4", "5", "-1"]
            .into_iter()
            .map(|n| (n.to_owned(), t.get(&format!("nth-{n}"))))
            .collect(),
        page,
        site,
        fields,
        errors,
    };
    render_form(template, invalid)
}

async fn rule_form(
    State(state): State<AppState>,
    page: Page,
    Path(site): Path<String>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &site).await?;
    rule_page(
        page,
        site,
        RuleFields {
            kind: "fixed".into(),
            ..RuleFields::default()
        },
        Errors::none(),
    )
}

async fn add_rule(
    State(state): State<AppState>,
    page: Page,
    Path(site): Path<String>,
    Form(fields): Form<RuleFields>,
) -> PageResult {
    let (admin, site) = admin_site(&state, &page, &site).await?;
    let (rule, names) = match fields.parse() {
        Ok(parsed) => parsed,
        Err(errors) => {
            return rule_page(
                page.clone(),
                site,
                fields,
                Errors::translate(&errors, page.t),
            );
        }
    };
    state.store.add_closing_rule(site.id, &rule, &names).await?;
    closing_days_saved(
        &state,
        admin,
        "closing-rule.create",
        &site,
        &rule.to_string(),
    )
    .await
}

async fn delete_rule(
    State(state): State<AppState>,
    page: Page,
    Path((site, id)): Path<(String, i64)>,
) -> PageResult {
    let (admin, site) = admin_site(&state, &page, &site).await?;
    state.store.delete_closing_rule(site.id, id).await?;
    closing_days_saved(&state, admin, "closing-rule.delete", &site, &id.to_string()).await
}

#[derive(Debug, Default, Deserialize)]
struct ExceptionFields {
    #[serde(default)]
    date: String,
    #[serde(default)]
    hours: String,
    #[serde(default)]
    name_nl: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    name_en: String,
}

impl ExceptionFields {
    fn parse(&self) -> Result<(DateException, Texts), FieldErrors> {
        let mut errors = FieldErrors::default();
        let date = self.date.trim().parse::<Date>();
        errors.check(date.is_ok(), "date", "error-date");
        let hours = parse_day_hours(&self.hours);
        if let Err(error) = &hours {
            errors.add("hours", error.message_id());
        }
        let names = names_of(&self.name_nl, &self.name_fr, &self.name_en, &mut errors);
        match (date, hours) {
            (Ok(date), Ok(hours)) if errors.is_empty() => DateException::open(date, hours)
                .map(|exception| (exception, names))
                .map_err(|error| {
                    let mut errors = FieldErrors::default();
                    errors.add("hours", error.message_id());
                    errors
                }),
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/exception_form.html")]
struct ExceptionTemplate {
    page: Page,
    site: Site,
    fields: ExceptionFields,
    errors: Errors,
}

fn exception_page(page: Page, site: Site, fields: ExceptionFields, errors: Errors) -> PageResult {
    let invalid = !errors.is_empty();
    let template = ExceptionTemplate {
        page,
        site,
        fields,
        errors,
    };
    render_form(template, invalid)
}

async fn exception_form(
    State(state): State<AppState>,
    page: Page,
    Path(site): Path<String>,
) -> PageResult {
    let (_, site) = admin_site(&state, &page, &site).await?;
    let tomorrow = state
        .now()
        .to_zoned(state.settings.time_zone.clone())
        .date()
        .saturating_add(1.day());
    let fields = ExceptionFields {
        date: tomorrow.to_string(),
        ..ExceptionFields::default()
    };
    exception_page(page, site, fields, Errors::none())
}

async fn add_exception(
    State(state): State<AppState>,
    page: Page,
    Path(site): Path<String>,
    Form(fields): Form<ExceptionFields>,
) -> PageResult {
    let (admin, site) = admin_site(&state, &page, &site).await?;
    let (exception, names) = match fields.parse() {
        Ok(parsed) => parsed,
        Err(errors) => {
            return exception_page(
                page.clone(),
                site,
                fields,
                Errors::translate(&errors, page.t),
            );
        }
    };
    state
        .store
        .save_date_exception(site.id, &exception, &names)
        .await?;
    closing_days_saved(
        &state,
        admin,
        "exception.save",
        &site,
        &exception.date().to_string(),
    )
    .await
}

async fn delete_exception(
    State(state): State<AppState>,
    page: Page,
    Path((site, id)): Path<(String, i64)>,
) -> PageResult {
    let (admin, site) = admin_site(&state, &page, &site).await?;
    state.store.delete_date_exception(site.id, id).await?;
    closing_days_saved(&state, admin, "exception.delete", &site, &id.to_string()).await
}
