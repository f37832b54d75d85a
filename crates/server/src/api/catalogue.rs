use crate::api::problem::ApiResult;
use crate::i18n::current_locale;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use loket_domain::catalogue::Channel;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct SiteView {
    code: String,
    name: String,
    time_zone: String,
    address: String,
    phone: String,
}

/// The city's offices.
#[utoipa::path(get, path = "/api/v1/sites", tag = "catalogue", responses((status = 200, body = [SiteView])))]
pub async fn sites(State(state): State<AppState>) -> ApiResult<Json<Vec<SiteView>>> {
    let sites = state.store.sites().await?;
    Ok(Json(
        sites
            .into_iter()
            .map(|s| SiteView {
                code: s.code,
                name: s.name,
                time_zone: s.time_zone,
                address: s.address,
                phone: s.phone,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct ProductView {
    code: String,
    /// In the language of `Accept-Language`.
    name: String,
    department: String,
    zone: Option<String>,
    #[schema(value_type = String, example = "appointment")]
    channel: Channel,
    minutes: i64,
    /// None when the fee is not known.
    fee_cents: Option<i64>,
    online: bool,
    pickup_later: bool,
    rubric: Option<String>,
}

/// Every product, with how it is obtained: `appointment`, `fast_counter`, `on_call`, `reception` or `online`.
#[utoipa::path(get, path = "/api/v1/products", tag = "catalogue", responses((status = 200, body = [ProductView])))]
pub async fn products(State(state): State<AppState>) -> ApiResult<Json<Vec<ProductView>>> {
    let locale = current_locale();
    let mut products = state.store.products().await?;
    products.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(Json(
        products
            .into_iter()
            .map(|p| ProductView {
                name: p.name(locale).to_owned(),
                code: p.code,
                department: p.department_code,
                zone: p.zone_letter,
                channel: p.channel,
                minutes: p.minutes,
                fee_cents: p.fee_cents,
                online: p.online,
                pickup_later: p.pickup_later,
                rubric: p.rubric_code,
            })
            .collect(),
    ))
}
