//! Sales and hand-outs, shared by the API and the pages: who may sell where, a sale checked
//! against what the sales point sells and stored at the articles' prices, the receipt, the stock
//! with its warnings, stock received, and the prices and thresholds a manager sets.
//!
//! An office sales point (the fast counter) is worked by counter staff; a partner shop only by
//! its own shop keepers. Managers and administrators work everywhere.

use crate::state::AppState;
use loket_domain::catalogue::FieldErrors;
use loket_domain::staff::Role;
use loket_store::StoreError;
use loket_store::sales::{
    Article, NewSale, Payment, PointKind, Sale, SaleLine, SaleOutcome, SalesPoint, StockLine,
};
use loket_store::staff::StaffUser;

/// Who may sell at the fast counter of an office.
pub const OFFICE_ROLES: [Role; 3] = [Role::Counter, Role::Manager, Role::Admin];
/// Who may sell somewhere: at an office, or at the shop they keep.
pub const SALES_ROLES: [Role; 4] = [Role::Counter, Role::Manager, Role::Admin, Role::Shop];
/// Who sets the prices of articles and the low-stock thresholds.
pub const PRICE_ROLES: [Role; 2] = [Role::Manager, Role::Admin];

/// The most of one article in one sale or one delivery.
pub const MAX_QUANTITY: i64 = 10_000;
/// The highest price of an article: € 100.000,00.
pub const MAX_PRICE_CENTS: i64 = 10_000_000;

#[derive(Debug)]
pub enum SalesError {
    NotFound,
    /// The user does not work at this sales point, or may not do this.
    Forbidden,
    Invalid(FieldErrors),
    /// Not enough of this article is left; nothing was sold.
    Short {
        article: Article,
        left: i64,
    },
    Store(StoreError),
}

impl From<StoreError> for SalesError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => SalesError::NotFound,
            other => SalesError::Store(other),
        }
    }
}

pub type SalesResult<T> = Result<T, SalesError>;

fn holds_any(user: &StaffUser, roles: &[Role]) -> bool {
    roles.iter().any(|role| user.has_role(*role))
}

/// Whether the user works at the sales point; `kept` are the shops the user keeps.
fn works_at(user: &StaffUser, point: &SalesPoint, kept: &[i64]) -> bool {
    if holds_any(user, &PRICE_ROLES) {
        return true;
    }
    match point.kind {
        PointKind::Office => holds_any(user, &OFFICE_ROLES),
        PointKind::Shop => user.has_role(Role::Shop) && kept.contains(&point.id),
    }
}

/// The sales points the user works at, the offices first.
pub async fn points_of(state: &AppState, user: &StaffUser) -> SalesResult<Vec<SalesPoint>> {
    let kept = state.store.kept_sales_points(user.id).await?;
    let points = state.store.sales_points().await?;
    Ok(points
        .into_iter()
        .filter(|point| works_at(user, point, &kept))
        .collect())
}

/// The sales point of `code`, when the user works there. Without a code: the fast counter of
/// `site` (any site when empty) for office staff, else the first shop the user keeps there.
pub async fn point_for(
    state: &AppState,
    user: &StaffUser,
    code: Option<&str>,
    site: Option<&str>,
) -> SalesResult<SalesPoint> {
    let code = code.map(str::trim).filter(|c| !c.is_empty());
    let site = site.map(str::trim).filter(|s| !s.is_empty());
    if let Some(code) = code {
        let point = state.store.sales_point(code).await?;
        let kept = state.store.kept_sales_points(user.id).await?;
        return if works_at(user, &point, &kept) {
            Ok(point)
        } else {
            Err(SalesError::Forbidden)
        };
    }
    let all = state.store.sales_points().await?;
    if let Some(site) = site
        && !all.iter().any(|point| point.site_code == site)
    {
        return Err(SalesError::NotFound);
    }
    let at_site = |point: &SalesPoint| site.is_none_or(|s| point.site_code == s);
    let office = all
        .iter()
        .find(|point| point.kind == PointKind::Office && at_site(point));
    if holds_any(user, &OFFICE_ROLES)
        && let Some(office) = office
    {
        return Ok(office.clone());
    }
    let mine = points_of(state, user).await?;
    mine.into_iter()
        .find(|point| at_site(point))
        .ok_or(SalesError::Forbidden)
}

/// What the sales point sells, when the user works there.
pub async fn stock(
    state: &AppState,
    user: &StaffUser,
    point: &SalesPoint,
) -> SalesResult<Vec<StockLine>> {
    ensure_works_at(state, user, point).await?;
    Ok(state.store.stock(point.id).await?)
}

async fn ensure_works_at(
    state: &AppState,
    user: &StaffUser,
    point: &SalesPoint,
) -> SalesResult<()> {
    let kept = state.store.kept_sales_points(user.id).await?;
    if works_at(user, point, &kept) {
        Ok(())
    } else {
        Err(SalesError::Forbidden)
    }
}

/// The stock line of the article the code names: an article's own code, or the code of a
/// catalogue product of which the sales point sells exactly one article.
pub fn find_article<'a>(stock: &'a [StockLine], code: &str) -> Option<&'a StockLine> {
    let code = code.trim();
    if let Some(line) = stock.iter().find(|line| line.article.code == code) {
        return Some(line);
    }
    let mut of_product = stock
        .iter()
        .filter(|line| line.article.product_code == code);
    match (of_product.next(), of_product.next()) {
        (Some(line), None) => Some(line),
        _ => None,
    }
}

pub fn is_valid_quantity(quantity: i64) -> bool {
    (1..=MAX_QUANTITY).contains(&quantity)
}

/// A sale as it was asked for: lines of (article id, quantity), checked by the caller.
pub struct SaleOrder {
    pub lines: Vec<SaleLine>,
    pub payment: Payment,
}

impl SaleOrder {
    /// Adds `quantity` of the article, on the line it already has if any.
    pub fn add(&mut self, article_id: i64, quantity: i64) {
        match self
            .lines
            .iter_mut()
            .find(|line| line.article_id == article_id)
        {
            Some(line) => line.quantity += quantity,
            None => self.lines.push(SaleLine {
                article_id,
                quantity,
            }),
        }
    }
}

/// The id and total of a sale that went through.
#[derive(Debug, Clone, Copy)]
pub struct Sold {
    pub id: i64,
    pub total_cents: i64,
}

/// Sells the order at the sales point, at the articles' prices now.
pub async fn sell(
    state: &AppState,
    user: &StaffUser,
    point: &SalesPoint,
    order: SaleOrder,
) -> SalesResult<Sold> {
    let stock = stock(state, user, point).await?;
    let mut errors = FieldErrors::default();
    errors.check(!order.lines.is_empty(), "items", "error-sale-no-items");
    errors.check(
        order.lines.iter().all(|l| is_valid_quantity(l.quantity)),
        "items",
        "error-sale-quantity",
    );
    errors.into_result().map_err(SalesError::Invalid)?;
    let sale = NewSale {
        sales_point_id: point.id,
        lines: order.lines,
        payment: order.payment,
        user_id: Some(user.id),
    };
    match state.store.sell(&sale, state.now()).await {
        Ok(SaleOutcome::Sold { id, total_cents }) => Ok(Sold { id, total_cents }),
        Ok(SaleOutcome::Short { article_id, left }) => {
            let article = stock
                .into_iter()
                .find(|line| line.article.id == article_id)
                .map(|line| line.article)
                .ok_or(SalesError::NotFound)?;
            Err(SalesError::Short { article, left })
        }
        Err(StoreError::Reference(_)) => {
            let mut errors = FieldErrors::default();
            errors.add("items", "error-sale-article");
            Err(SalesError::Invalid(errors))
        }
        Err(other) => Err(other.into()),
    }
}

/// A stored sale, for the staff of its sales point.
pub async fn receipt(state: &AppState, user: &StaffUser, id: i64) -> SalesResult<Sale> {
    let sale = state.store.sale(id).await?;
    ensure_works_at(state, user, &sale.sales_point).await?;
    Ok(sale)
}

/// Adds a delivery to the stock of an article; returns the stock line as it is now.
pub async fn receive(
    state: &AppState,
    user: &StaffUser,
    point: &SalesPoint,
    article_code: &str,
    quantity: i64,
) -> SalesResult<StockLine> {
    let stock = stock(state, user, point).await?;
    let mut errors = FieldErrors::default();
    let line = find_article(&stock, article_code);
    errors.check(
        !article_code.trim().is_empty(),
        "article",
        "error-stock-article",
    );
    errors.check(line.is_some(), "article", "error-sale-article");
    errors.check(
        is_valid_quantity(quantity),
        "quantity",
        "error-stock-quantity",
    );
    errors.into_result().map_err(SalesError::Invalid)?;
    let Some(line) = line else {
        return Err(SalesError::NotFound);
    };
    let quantity = state
        .store
        .receive_stock(
            point.id,
            line.article.id,
            quantity,
            Some(user.id),
            state.now(),
        )
        .await?;
    Ok(StockLine {
        quantity,
        ..line.clone()
    })
}

/// The price of an article everywhere and the low threshold at one sales point, as a manager
/// sets them; None leaves a value as it is.
pub struct ArticleSettings<'a> {
    pub article_code: &'a str,
    pub price_cents: Option<i64>,
    pub low_at: Option<i64>,
}

/// Sets prices and thresholds of the sales point's articles (managers and administrators).
pub async fn change_settings(
    state: &AppState,
    user: &StaffUser,
    point: &SalesPoint,
    changes: &[ArticleSettings<'_>],
) -> SalesResult<()> {
    if !holds_any(user, &PRICE_ROLES) {
        return Err(SalesError::Forbidden);
    }
    let mut errors = FieldErrors::default();
    for change in changes {
        errors.check(
            change
                .price_cents
                .is_none_or(|p| (0..=MAX_PRICE_CENTS).contains(&p)),
            "price",
            "error-sale-price",
        );
        errors.check(
            change
                .low_at
                .is_none_or(|low| (0..=MAX_QUANTITY).contains(&low)),
            "low_at",
            "error-stock-low-at",
        );
    }
    errors.into_result().map_err(SalesError::Invalid)?;
    let stock = state.store.stock(point.id).await?;
    let now = state.now();
    for change in changes {
        let line = find_article(&stock, change.article_code).ok_or(SalesError::NotFound)?;
        let article = &line.article;
        if let Some(price) = change.price_cents
            && price != article.price_cents
        {
            state.store.set_article_price(article.id, price).await?;
            let detail = format!("{} → {price}", article.price_cents);
            state
                .store
                .audit(now, Some(user.id), "sales.price", &article.code, &detail)
                .await?;
        }
        if let Some(low_at) = change.low_at
            && low_at != line.low_at
        {
            state.store.set_low_at(point.id, article.id, low_at).await?;
            let subject = format!("{}/{}", point.code, article.code);
            let detail = format!("{} → {low_at}", line.low_at);
            state
                .store
                .audit(now, Some(user.id), "sales.low-at", &subject, &detail)
                .await?;
        }
    }
    Ok(())
}

/// Whether the user may change prices and thresholds.
pub fn may_set_prices(user: &StaffUser) -> bool {
    holds_any(user, &PRICE_ROLES)
}
