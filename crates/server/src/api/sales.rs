//! Sales and hand-outs over the API: a sale at a sales point, its receipt, the stock, stock
//! received, and the prices and thresholds a manager sets.

use crate::api::ApiJson;
use crate::api::auth::Staff;
use crate::api::problem::{ApiError, ApiResult, Problem};
use crate::i18n::{Tr, current_locale};
use crate::sales::{self, ArticleSettings, SaleOrder, SalesError, is_valid_quantity};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use loket_domain::catalogue::FieldErrors;
use loket_store::sales::{Payment, Sale, SalesPoint, StockLine};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

impl From<SalesError> for ApiError {
    fn from(error: SalesError) -> Self {
        match error {
            SalesError::NotFound => ApiError::NotFound,
            SalesError::Forbidden => ApiError::Forbidden,
            SalesError::Invalid(errors) => ApiError::Invalid(errors),
            SalesError::Short { article, left } => {
                let t = Tr::new(current_locale());
                let name = article.name(t.locale).to_owned();
                ApiError::ConflictDetail(t.args(
                    "sales-short",
                    &[("article", name), ("left", left.to_string())],
                ))
            }
            SalesError::Store(error) => error.into(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct SaleItemRequest {
    /// An article's code (`gft-120`), or a product's code when it has one article (`stadsplan`).
    #[serde(default)]
    product: String,
    #[serde(default)]
    quantity: i64,
}

#[derive(Deserialize, ToSchema)]
pub struct SaleRequest {
    #[serde(default)]
    site: String,
    /// The sales point; by default the site's fast counter (or the shop its keeper keeps).
    #[serde(default)]
    sales_point: Option<String>,
    #[serde(default)]
    items: Vec<SaleItemRequest>,
    /// `cash` or `card`.
    #[serde(default)]
    payment: String,
}

#[derive(Serialize, ToSchema)]
pub struct SoldJson {
    id: i64,
    total_cents: i64,
}

/// Checks every item against what the sales point sells; the field errors name the item.
fn order(stock: &[StockLine], request: &SaleRequest) -> Result<SaleOrder, FieldErrors> {
    let mut errors = FieldErrors::default();
    let payment = Payment::parse(request.payment.trim());
    errors.check(payment.is_some(), "payment", "error-sale-payment");
    errors.check(!request.items.is_empty(), "items", "error-sale-no-items");
    let mut order = SaleOrder {
        lines: Vec::new(),
        payment: payment.unwrap_or(Payment::Cash),
    };
    for (index, item) in request.items.iter().enumerate() {
        let line = sales::find_article(stock, &item.product);
        errors.check(
            line.is_some(),
            &format!("items[{index}].product"),
            "error-sale-article",
        );
        errors.check(
            is_valid_quantity(item.quantity),
            &format!("items[{index}].quantity"),
            "error-sale-quantity",
        );
        if let Some(line) = line {
            order.add(line.article.id, item.quantity);
        }
    }
    errors.into_result().map(|()| order)
}

/// Sells articles at a sales point at their prices now; the stock goes down in the same
/// transaction, and only while enough is left.
#[utoipa::path(post, path = "/api/v1/sales", tag = "sales", request_body = SaleRequest,
    security(("bearer" = [])),
    responses((status = 201, body = SoldJson), (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 409, body = Problem, description = "Not enough in stock"), (status = 422, body = Problem)))]
pub async fn sell(
    State(state): State<AppState>,
    Staff(user): Staff,
    ApiJson(request): ApiJson<SaleRequest>,
) -> ApiResult<(StatusCode, Json<SoldJson>)> {
    let point = sales::point_for(
        &state,
        &user,
        request.sales_point.as_deref(),
        Some(&request.site),
    )
    .await?;
    let stock = sales::stock(&state, &user, &point).await?;
    let order = order(&stock, &request).map_err(ApiError::Invalid)?;
    let sold = sales::sell(&state, &user, &point, order).await?;
    Ok((
        StatusCode::CREATED,
        Json(SoldJson {
            id: sold.id,
            total_cents: sold.total_cents,
        }),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct SalesPointJson {
    code: String,
    name: String,
    /// `office` (a fast counter) or `shop` (a partner shop).
    kind: String,
    site: String,
}

impl From<&SalesPoint> for SalesPointJson {
    fn from(point: &SalesPoint) -> Self {
        SalesPointJson {
            code: point.code.clone(),
            name: point.name.clone(),
            kind: point.kind.code().to_owned(),
            site: point.site_code.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ReceiptLineJson {
    article: String,
    name: String,
    quantity: i64,
    unit_cents: i64,
    line_cents: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ReceiptJson {
    id: i64,
    sales_point: SalesPointJson,
    /// RFC 3339 with the site's offset.
    sold_at: String,
    payment: String,
    total_cents: i64,
    items: Vec<ReceiptLineJson>,
}

fn receipt_json(state: &AppState, sale: &Sale) -> ReceiptJson {
    let locale = current_locale();
    ReceiptJson {
        id: sale.id,
        sales_point: (&sale.sales_point).into(),
        sold_at: state.local_instant(sale.sold_at),
        payment: sale.payment.code().to_owned(),
        total_cents: sale.total_cents,
        items: sale
            .items
            .iter()
            .map(|item| ReceiptLineJson {
                article: item.article_code.clone(),
                name: item.name(locale).to_owned(),
                quantity: item.quantity,
                unit_cents: item.unit_cents,
                line_cents: item.line_cents(),
            })
            .collect(),
    }
}

/// A sale as its receipt shows it, for the staff of its sales point.
#[utoipa::path(get, path = "/api/v1/sales/{id}", tag = "sales", security(("bearer" = [])),
    params(("id" = i64, Path, description = "The sale's id, its receipt number")),
    responses((status = 200, body = ReceiptJson), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn receipt(
    State(state): State<AppState>,
    Staff(user): Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<ReceiptJson>> {
    let sale = sales::receipt(&state, &user, id).await?;
    Ok(Json(receipt_json(&state, &sale)))
}

#[derive(Deserialize, IntoParams)]
pub struct StockQuery {
    /// The sales point's code; by default the user's first.
    sales_point: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct StockLineJson {
    article: String,
    product: String,
    name: String,
    price_cents: i64,
    quantity: i64,
    low_at: i64,
    /// At or below the threshold: time to order more.
    low: bool,
}

impl StockLineJson {
    fn new(line: &StockLine) -> Self {
        StockLineJson {
            article: line.article.code.clone(),
            product: line.article.product_code.clone(),
            name: line.article.name(current_locale()).to_owned(),
            price_cents: line.article.price_cents,
            quantity: line.quantity,
            low_at: line.low_at,
            low: line.is_low(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct StockJson {
    sales_point: SalesPointJson,
    articles: Vec<StockLineJson>,
}

/// What a sales point sells, how many it has left, and which run low.
#[utoipa::path(get, path = "/api/v1/stock", tag = "sales", security(("bearer" = [])), params(StockQuery),
    responses((status = 200, body = StockJson), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn stock(
    State(state): State<AppState>,
    Staff(user): Staff,
    Query(query): Query<StockQuery>,
) -> ApiResult<Json<StockJson>> {
    let point = sales::point_for(&state, &user, query.sales_point.as_deref(), None).await?;
    let stock = sales::stock(&state, &user, &point).await?;
    Ok(Json(StockJson {
        sales_point: (&point).into(),
        articles: stock.iter().map(StockLineJson::new).collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ReceivedRequest {
    #[serde(default)]
    sales_point: String,
    /// The article's code.
    #[serde(default)]
    article: String,
    #[serde(default)]
    quantity: i64,
}

/// Adds a delivery to a sales point's stock.
#[utoipa::path(post, path = "/api/v1/stock/received", tag = "sales", request_body = ReceivedRequest,
    security(("bearer" = [])),
    responses((status = 200, body = StockLineJson), (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 422, body = Problem)))]
pub async fn received(
    State(state): State<AppState>,
    Staff(user): Staff,
    ApiJson(request): ApiJson<ReceivedRequest>,
) -> ApiResult<Json<StockLineJson>> {
    let point = sales::point_for(&state, &user, Some(&request.sales_point), None).await?;
    let line = sales::receive(&state, &user, &point, &request.article, request.quantity).await?;
    Ok(Json(StockLineJson::new(&line)))
}

#[derive(Deserialize, ToSchema)]
pub struct ArticleSettingsRequest {
    #[serde(default)]
    sales_point: String,
    /// The article's code.
    #[serde(default)]
    article: String,
    /// The new price, for every sales point; absent keeps it.
    price_cents: Option<i64>,
    /// The new low-stock threshold at this sales point; absent keeps it.
    low_at: Option<i64>,
}

/// Sets the price of an article and its low-stock threshold at a sales point (managers and
/// administrators).
#[utoipa::path(post, path = "/api/v1/stock/settings", tag = "sales", request_body = ArticleSettingsRequest,
    security(("bearer" = [])),
    responses((status = 200, body = StockLineJson), (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 422, body = Problem)))]
pub async fn settings(
    State(state): State<AppState>,
    Staff(user): Staff,
    ApiJson(request): ApiJson<ArticleSettingsRequest>,
) -> ApiResult<Json<StockLineJson>> {
    if !sales::may_set_prices(&user) {
        return Err(ApiError::Forbidden);
    }
    let point = sales::point_for(&state, &user, Some(&request.sales_point), None).await?;
    let change = ArticleSettings {
        article_code: &request.article,
        price_cents: request.price_cents,
        low_at: request.low_at,
    };
    sales::change_settings(&state, &user, &point, &[change]).await?;
    let stock = sales::stock(&state, &user, &point).await?;
    let line = sales::find_article(&stock, &request.article).ok_or(ApiError::NotFound)?;
    Ok(Json(StockLineJson::new(line)))
}

/// The sales points the user works at.
#[utoipa::path(get, path = "/api/v1/sales-points", tag = "sales", security(("bearer" = [])),
    responses((status = 200, body = Vec<SalesPointJson>), (status = 401, body = Problem)))]
pub async fn sales_points(
    State(state): State<AppState>,
    Staff(user): Staff,
) -> ApiResult<Json<Vec<SalesPointJson>>> {
    let points = sales::points_of(&state, &user).await?;
    Ok(Json(points.iter().map(SalesPointJson::from).collect()))
}
