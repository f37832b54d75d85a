//! The sales pages: a sale at the fast counter or a partner shop with its receipt (printed on the
//! receipt printer), and the stock of a sales point with deliveries, prices and low thresholds.
//! Every form works without JavaScript; a failed form comes back with what was typed.

use crate::i18n::Tr;
use crate::sales::{
    self, ArticleSettings, MAX_QUANTITY, SALES_ROLES, SaleOrder, SalesError, is_valid_quantity,
};
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_form, render_invalid, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::routing::{get, post};
use loket_domain::catalogue::{FieldErrors, parse_fee_cents};
use loket_store::sales::{Payment, PointKind, Sale, SalesPoint, StockLine};
use loket_store::staff::StaffUser;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/sales", get(sale_form).post(sell))
        .route("/sales/{id}/receipt", get(receipt))
        .route("/sales/stock", get(stock_page))
        .route("/sales/stock/received", post(received))
        .route("/sales/stock/settings", post(settings))
}

impl From<SalesError> for PageError {
    fn from(error: SalesError) -> Self {
        match error {
            SalesError::NotFound => PageError::NotFound,
            SalesError::Forbidden => PageError::Forbidden,
            SalesError::Invalid(_) | SalesError::Short { .. } => PageError::Internal,
            SalesError::Store(error) => error.into(),
        }
    }
}

/// The fields a form sent, in order; quantities and prices come one field per article.
type Fields = Vec<(String, String)>;

fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.trim())
        .unwrap_or("")
}

/// A sales point in the chooser.
pub struct PointChoice {
    pub code: String,
    pub name: String,
    pub current: bool,
}

/// The staff member and the sales point the page is about: the one asked for, or their first.
async fn working_point(
    state: &AppState,
    page: &Page,
    code: &str,
) -> Result<(StaffUser, SalesPoint, Vec<PointChoice>), PageError> {
    let user = page.require_any(&SALES_ROLES)?.clone();
    let points = sales::points_of(state, &user).await?;
    let point = if code.is_empty() {
        points.first().cloned().ok_or(PageError::Forbidden)?
    } else {
        sales::point_for(state, &user, Some(code), None).await?
    };
    let choices = points
        .iter()
        .map(|p| PointChoice {
            code: p.code.clone(),
            name: p.name.clone(),
            current: p.id == point.id,
        })
        .collect();
    Ok((user, point, choices))
}

#[derive(Deserialize, Default)]
struct PointQuery {
    #[serde(default)]
    point: String,
    #[serde(default)]
    received: String,
    #[serde(default)]
    saved: String,
}

/// An article on the sale form.
pub struct SaleRow {
    /// The name of its quantity field.
    pub field: String,
    pub name: String,
    pub price_cents: i64,
    pub price: String,
    /// What is typed in the quantity field.
    pub quantity: String,
    pub left: i64,
    pub low: bool,
}

#[derive(Template)]
#[template(path = "sales/sale.html")]
struct SaleTemplate {
    page: Page,
    point: SalesPoint,
    points: Vec<PointChoice>,
    rows: Vec<SaleRow>,
    payment: String,
    errors: Errors,
}

/// A price as the sale and stock pages show it: "€ 22,50", or "Gratis" for a hand-out.
fn price_text(t: Tr, cents: i64) -> String {
    if cents == 0 {
        t.fee(Some(0))
    } else {
        t.amount(cents)
    }
}

fn sale_rows(t: Tr, stock: &[StockLine], fields: Option<&Fields>) -> Vec<SaleRow> {
    stock
        .iter()
        .filter(|line| line.article.active)
        .map(|line| SaleRow {
            field: format!("q-{}", line.article.code),
            name: line.article.name(t.locale).to_owned(),
            price_cents: line.article.price_cents,
            price: price_text(t, line.article.price_cents),
            quantity: fields
                .map(|f| field(f, &format!("q-{}", line.article.code)).to_owned())
                .unwrap_or_else(|| "0".to_owned()),
            left: line.quantity,
            low: line.is_low(),
        })
        .collect()
}

async fn sale_form(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<PointQuery>,
) -> PageResult {
    let (user, point, points) = working_point(&state, &page, &query.point).await?;
    let stock = sales::stock(&state, &user, &point).await?;
    render(SaleTemplate {
        rows: sale_rows(page.t, &stock, None),
        point,
        points,
        payment: String::new(),
        errors: Errors::none(),
        page,
    })
}

/// Reads the quantities typed per article and the payment; the errors name the fields.
fn sale_order(stock: &[StockLine], fields: &Fields) -> Result<SaleOrder, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut order = SaleOrder {
        lines: Vec::new(),
        payment: Payment::Cash,
    };
    for line in stock.iter().filter(|line| line.article.active) {
        let name = format!("q-{}", line.article.code);
        let typed = field(fields, &name);
        let quantity = if typed.is_empty() {
            Some(0)
        } else {
            typed.parse::<i64>().ok()
        };
        match quantity {
            Some(0) => {}
            Some(quantity) if is_valid_quantity(quantity) => order.add(line.article.id, quantity),
            _ => errors.add(&name, "error-sale-quantity"),
        }
    }
    if errors.is_empty() && order.lines.is_empty() {
        errors.add("items", "error-sale-no-items");
    }
    match Payment::parse(field(fields, "payment")) {
        Some(payment) => order.payment = payment,
        None => errors.add("payment", "error-sale-payment"),
    }
    errors.into_result().map(|()| order)
}

async fn sell(State(state): State<AppState>, page: Page, Form(fields): Form<Fields>) -> PageResult {
    let (user, point, points) = working_point(&state, &page, field(&fields, "point")).await?;
    let stock = sales::stock(&state, &user, &point).await?;
    let t = page.t;
    let errors = match sale_order(&stock, &fields) {
        Ok(order) => match sales::sell(&state, &user, &point, order).await {
            Ok(sold) => return see_other(&format!("/sales/{}/receipt", sold.id)),
            Err(SalesError::Short { article, left }) => {
                let message = t.args(
                    "sales-short",
                    &[
                        ("article", article.name(t.locale).to_owned()),
                        ("left", left.to_string()),
                    ],
                );
                Errors::general(&format!("q-{}", article.code), message)
            }
            Err(SalesError::Invalid(errors)) => Errors::translate(&errors, t),
            Err(other) => return Err(other.into()),
        },
        Err(errors) => Errors::translate(&errors, t),
    };
    let stock = state.store.stock(point.id).await?;
    let template = SaleTemplate {
        rows: sale_rows(t, &stock, Some(&fields)),
        point,
        points,
        payment: field(&fields, "payment").to_owned(),
        errors,
        page,
    };
    render_invalid(template)
}

/// A line of the receipt, in words and amounts of the page's language.
pub struct ReceiptLine {
    pub name: String,
    pub quantity: i64,
    pub unit: String,
    pub amount: String,
}

#[derive(Template)]
#[template(path = "sales/receipt.html")]
struct ReceiptTemplate {
    page: Page,
    sale: Sale,
    /// The office's name under the fast counter's; a partner shop has its own.
    site_line: Option<String>,
    date: String,
    time: String,
    lines: Vec<ReceiptLine>,
    total: String,
    payment: String,
}

async fn receipt(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let user = page.require_any(&SALES_ROLES)?.clone();
    let sale = sales::receipt(&state, &user, id).await?;
    let t = page.t;
    let site = state
        .store
        .sites()
        .await?
        .into_iter()
        .find(|site| site.id == sale.sales_point.site_id)
        .ok_or(PageError::NotFound)?;
    let zone = jiff::tz::TimeZone::get(&site.time_zone).map_err(|_| PageError::Internal)?;
    let local = sale.sold_at.to_zoned(zone);
    let lines = sale
        .items
        .iter()
        .map(|item| ReceiptLine {
            name: item.name(t.locale).to_owned(),
            quantity: item.quantity,
            unit: t.amount(item.unit_cents),
            amount: t.amount(item.line_cents()),
        })
        .collect();
    render(ReceiptTemplate {
        site_line: (sale.sales_point.kind == PointKind::Office).then_some(site.name),
        date: t.date(local.date()),
        time: t.time(local.time()),
        lines,
        total: t.amount(sale.total_cents),
        payment: t.get(&format!("sales-paid-{}", sale.payment.code())),
        sale,
        page,
    })
}

/// An article on the stock page, with the manager's fields as typed.
pub struct StockRow {
    pub code: String,
    pub price_field: String,
    pub low_field: String,
    pub name: String,
    pub quantity: i64,
    pub low: bool,
    pub low_at: String,
    pub price: String,
    pub price_typed: String,
}

#[derive(Template)]
#[template(path = "sales/stock.html")]
struct StockTemplate {
    page: Page,
    point: SalesPoint,
    points: Vec<PointChoice>,
    rows: Vec<StockRow>,
    may_set_prices: bool,
    notice: Option<String>,
    /// The delivery form as typed.
    article: String,
    quantity: String,
    received_errors: Errors,
    settings_errors: Errors,
}

fn stock_rows(t: Tr, stock: &[StockLine], settings: Option<&Fields>) -> Vec<StockRow> {
    stock
        .iter()
        .map(|line| {
            let code = &line.article.code;
            let typed = |prefix: &str, fresh: String| match settings {
                Some(fields) => field(fields, &format!("{prefix}-{code}")).to_owned(),
                None => fresh,
            };
            StockRow {
                code: code.clone(),
                price_field: format!("price-{code}"),
                low_field: format!("low-{code}"),
                name: line.article.name(t.locale).to_owned(),
                quantity: line.quantity,
                low: line.is_low(),
                low_at: typed("low", line.low_at.to_string()),
                price: price_text(t, line.article.price_cents),
                price_typed: typed(
                    "price",
                    loket_domain::catalogue::format_euro(line.article.price_cents),
                ),
            }
        })
        .collect()
}

/// The stock page of a sales point, fresh or with a failed form.
struct StockForms {
    notice: Option<String>,
    article: String,
    quantity: String,
    received_errors: Errors,
    settings: Option<Fields>,
    settings_errors: Errors,
}

impl StockForms {
    fn fresh(notice: Option<String>) -> StockForms {
        StockForms {
            notice,
            article: String::new(),
            quantity: String::new(),
            received_errors: Errors::none(),
            settings: None,
            settings_errors: Errors::none(),
        }
    }
}

async fn stock_template(
    state: &AppState,
    page: Page,
    point_code: &str,
    forms: StockForms,
) -> Result<StockTemplate, PageError> {
    let (user, point, points) = working_point(state, &page, point_code).await?;
    let stock = sales::stock(state, &user, &point).await?;
    Ok(StockTemplate {
        rows: stock_rows(page.t, &stock, forms.settings.as_ref()),
        may_set_prices: sales::may_set_prices(&user),
        point,
        points,
        notice: forms.notice,
        article: forms.article,
        quantity: forms.quantity,
        received_errors: forms.received_errors,
        settings_errors: forms.settings_errors,
        page,
    })
}

async fn stock_page(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<PointQuery>,
) -> PageResult {
    let notice = if !query.received.is_empty() {
        Some(page.t.get("sales-stock-received-notice"))
    } else if !query.saved.is_empty() {
        Some(page.t.get("sales-stock-saved-notice"))
    } else {
        None
    };
    let template = stock_template(&state, page, &query.point, StockForms::fresh(notice)).await?;
    render(template)
}

fn stock_url(point: &str, outcome: &str) -> String {
    let query = serde_urlencoded::to_string([("point", point), (outcome, "1")]).unwrap_or_default();
    format!("/sales/stock?{query}")
}

#[derive(Deserialize)]
struct ReceivedForm {
    #[serde(default)]
    point: String,
    #[serde(default)]
    article: String,
    #[serde(default)]
    quantity: String,
}

async fn received(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<ReceivedForm>,
) -> PageResult {
    let (user, point, _) = working_point(&state, &page, &form.point).await?;
    let quantity = form.quantity.trim().parse::<i64>().unwrap_or(0);
    let errors = match sales::receive(&state, &user, &point, &form.article, quantity).await {
        Ok(_) => return see_other(&stock_url(&point.code, "received")),
        Err(SalesError::Invalid(errors)) => Errors::translate(&errors, page.t),
        Err(other) => return Err(other.into()),
    };
    let forms = StockForms {
        article: form.article,
        quantity: form.quantity,
        received_errors: errors,
        ..StockForms::fresh(None)
    };
    let template = stock_template(&state, page, &point.code, forms).await?;
    render_form(template, true)
}

/// Reads the price and threshold typed per article; the errors name the fields.
fn article_settings<'a>(
    stock: &'a [StockLine],
    fields: &Fields,
) -> Result<Vec<ArticleSettings<'a>>, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut changes = Vec::new();
    for line in stock {
        let code = &line.article.code;
        let price_field = format!("price-{code}");
        let low_field = format!("low-{code}");
        let price = parse_fee_cents(field(fields, &price_field)).ok();
        let low_at = field(fields, &low_field)
            .parse::<i64>()
            .ok()
            .filter(|low| (0..=MAX_QUANTITY).contains(low));
        errors.check(price.is_some(), &price_field, "error-sale-price");
        errors.check(low_at.is_some(), &low_field, "error-stock-low-at");
        changes.push(ArticleSettings {
            article_code: code,
            price_cents: price,
            low_at,
        });
    }
    errors.into_result().map(|()| changes)
}

async fn settings(
    State(state): State<AppState>,
    page: Page,
    Form(fields): Form<Fields>,
) -> PageResult {
    let (user, point, _) = working_point(&state, &page, field(&fields, "point")).await?;
    if !sales::may_set_prices(&user) {
        return Err(PageError::Forbidden);
    }
    let stock = sales::stock(&state, &user, &point).await?;
    let errors = match article_settings(&stock, &fields) {
        Ok(changes) => match sales::change_settings(&state, &user, &point, &changes).await {
            Ok(()) => return see_other(&stock_url(&point.code, "saved")),
            Err(SalesError::Invalid(errors)) => Errors::translate(&errors, page.t),
            Err(other) => return Err(other.into()),
        },
        Err(errors) => Errors::translate(&errors, page.t),
    };
    let forms = StockForms {
        settings: Some(fields),
        settings_errors: errors,
        ..StockForms::fresh(None)
    };
    let template = stock_template(&state, page, &point.code, forms).await?;
    render_form(template, true)
}
