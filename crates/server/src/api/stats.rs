//! The statistics over the API, for managers: per day at a site, as API.md "Statistics" writes it.

use crate::api::auth::Staff;
use crate::api::problem::{ApiError, ApiResult};
use crate::state::AppState;
use crate::stats::{Figures, daily, span_is_valid};
use crate::web::manage::MANAGE_ROLES;
use axum::Json;
use axum::extract::{Query, State};
use jiff::civil::Date;
use loket_domain::catalogue::FieldErrors;
use loket_domain::stats::{Pressure, Spread};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
pub struct DailyQuery {
    /// The site's code, e.g. `stadskantoor`.
    site: String,
    /// The first day, `YYYY-MM-DD`.
    from: String,
    /// The last day, included; at most 366 days after `from`.
    to: String,
}

/// Minutes with one decimal.
#[derive(Serialize, ToSchema)]
pub struct WaitJson {
    p50: f64,
    p90: f64,
    max: f64,
}

#[derive(Serialize, ToSchema)]
pub struct ServiceJson {
    p50: f64,
    p90: f64,
}

/// Citizens waiting per open counter, sampled every five minutes over the opening hours.
#[derive(Serialize, ToSchema)]
pub struct PressureJson {
    peak: f64,
    mean: f64,
}

#[derive(Serialize, ToSchema)]
pub struct DailyJson {
    date: String,
    visitors: i64,
    tickets: i64,
    appointments: i64,
    no_shows: i64,
    /// Transactions done at the counters, by product code.
    transactions: BTreeMap<String, i64>,
    /// Null on a day nobody was called.
    wait_minutes: Option<WaitJson>,
    service_minutes: Option<ServiceJson>,
    /// Null on a day no counter was open.
    counter_pressure: Option<PressureJson>,
}

impl From<Figures> for DailyJson {
    fn from(day: Figures) -> DailyJson {
        DailyJson {
            date: day.date.to_string(),
            visitors: day.visitors,
            tickets: day.tickets,
            appointments: day.appointments,
            no_shows: day.no_shows,
            transactions: day.transactions,
            wait_minutes: day
                .wait
                .map(|Spread { p50, p90, max }| WaitJson { p50, p90, max }),
            service_minutes: day.service.map(|s| ServiceJson {
                p50: s.p50,
                p90: s.p90,
            }),
            counter_pressure: day
                .pressure
                .map(|Pressure { peak, mean }| PressureJson { peak, mean }),
        }
    }
}

/// The figures of each day at a site. Managers and admins only; no names.
#[utoipa::path(get, path = "/api/v1/stats/daily", tag = "statistics", security(("bearer" = [])),
    params(DailyQuery),
    responses((status = 200, body = [DailyJson]),
              (status = 401, body = crate::api::problem::Problem),
              (status = 403, body = crate::api::problem::Problem),
              (status = 422, body = crate::api::problem::Problem)))]
pub async fn daily_stats(
    State(state): State<AppState>,
    Staff(user): Staff,
    Query(query): Query<DailyQuery>,
) -> ApiResult<Json<Vec<DailyJson>>> {
    if !MANAGE_ROLES.iter().any(|role| user.has_role(*role)) {
        return Err(ApiError::Forbidden);
    }
    let snapshot = state.books.current(&state.store).await?;
    let mut errors = FieldErrors::default();
    let site = snapshot.site(&query.site).cloned();
    if site.is_none() {
        errors.add("site", "error-site");
    }
    let from = query.from.parse::<Date>().ok();
    let to = query.to.parse::<Date>().ok();
    match (from, to) {
        (None, _) => errors.add("from", "error-stats-date"),
        (_, None) => errors.add("to", "error-stats-date"),
        (Some(from), Some(to)) if !span_is_valid(from, to) => errors.add("to", "error-stats-span"),
        _ => {}
    }
    let (Some(site), Some(from), Some(to)) = (site, from, to) else {
        return Err(ApiError::Invalid(errors));
    };
    if !errors.0.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    let days = daily(&state, &site, from, to).await?;
    Ok(Json(days.into_iter().map(DailyJson::from).collect()))
}
