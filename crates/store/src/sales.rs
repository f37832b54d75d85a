//! Sales and hand-outs at the fast counter and at partner shops: the articles sold, the sales
//! points that sell them, their stock and the sales with their lines.
//!
//! A sale lowers the stock of each article only while enough is left (one conditional UPDATE per
//! line, in the sale's transaction), so two sales of the last sticker never both pass.

use crate::backend::BeginWrite;
use crate::catalogue::Texts;
use crate::organisation::found;
use crate::{Store, StoreError, StoreResult};
use jiff::Timestamp;
use loket_domain::locale::Locale;
use serde::Serialize;

/// A kind of a catalogue product that is sold or handed out, with its own price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Article {
    pub id: i64,
    pub code: String,
    pub product_code: String,
    pub name_nl: String,
    pub name_fr: String,
    pub name_en: String,
    pub price_cents: i64,
    pub position: i64,
    pub active: bool,
}

impl Article {
    pub fn name(&self, locale: Locale) -> &str {
        locale.pick(&self.name_nl, &self.name_fr, &self.name_en)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleInput {
    pub code: String,
    pub product_code: String,
    pub names: Texts,
    pub price_cents: i64,
    pub position: i64,
}

/// The fast counter of a site, or a partner shop near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PointKind {
    Office,
    Shop,
}

impl PointKind {
    pub fn code(self) -> &'static str {
        match self {
            PointKind::Office => "office",
            PointKind::Shop => "shop",
        }
    }
}

impl TryFrom<String> for PointKind {
    type Error = String;

    fn try_from(code: String) -> Result<Self, Self::Error> {
        match code.as_str() {
            "office" => Ok(PointKind::Office),
            "shop" => Ok(PointKind::Shop),
            _ => Err(format!("sales point kind {code}")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct SalesPoint {
    pub id: i64,
    pub site_id: i64,
    pub site_code: String,
    pub code: String,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub kind: PointKind,
}

/// An article a sales point sells, with how many it has left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StockLine {
    pub article: Article,
    pub quantity: i64,
    /// Warn when the quantity falls to this or below.
    pub low_at: i64,
}

impl StockLine {
    pub fn is_low(&self) -> bool {
        self.quantity <= self.low_at
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Payment {
    Cash,
    Card,
}

impl Payment {
    pub const ALL: [Payment; 2] = [Payment::Cash, Payment::Card];

    pub fn code(self) -> &'static str {
        match self {
            Payment::Cash => "cash",
            Payment::Card => "card",
        }
    }

    pub fn parse(code: &str) -> Option<Payment> {
        Payment::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// So many of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaleLine {
    pub article_id: i64,
    pub quantity: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSale {
    pub sales_point_id: i64,
    /// In the order of the receipt.
    pub lines: Vec<SaleLine>,
    pub payment: Payment,
    pub user_id: Option<i64>,
}

/// How a sale ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaleOutcome {
    Sold {
        id: i64,
        total_cents: i64,
    },
    /// Not enough of this article is left; nothing was sold or taken from stock.
    Short {
        article_id: i64,
        left: i64,
    },
}

/// A line of a stored sale, with the price that was paid.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SaleItem {
    pub article_code: String,
    pub name_nl: String,
    pub name_fr: String,
    pub name_en: String,
    pub quantity: i64,
    pub unit_cents: i64,
}

impl SaleItem {
    pub fn name(&self, locale: Locale) -> &str {
        locale.pick(&self.name_nl, &self.name_fr, &self.name_en)
    }

    pub fn line_cents(&self) -> i64 {
        self.quantity * self.unit_cents
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sale {
    pub id: i64,
    pub sales_point: SalesPoint,
    pub sold_at: Timestamp,
    pub payment: Payment,
    pub total_cents: i64,
    pub items: Vec<SaleItem>,
}

const ARTICLE_COLUMNS: &str = "SELECT a.id, a.code, p.code AS product_code, a.name_nl, a.name_fr, a.name_en, \
     a.price_cents, a.position, a.active FROM articles a JOIN products p ON p.id = a.product_id";

const POINT_COLUMNS: &str = "SELECT sp.id, sp.site_id, s.code AS site_code, sp.code, sp.name, sp.kind \
     FROM sales_points sp JOIN sites s ON s.id = sp.site_id";

#[derive(sqlx::FromRow)]
struct StockRow {
    #[sqlx(flatten)]
    article: Article,
    quantity: i64,
    low_at: i64,
}

type SaleRow = (i64, i64, i64, String, i64);

impl Store {
    /// Every article, in the order the sales page lists them.
    pub async fn articles(&self) -> StoreResult<Vec<Article>> {
        let sql = format!("{ARTICLE_COLUMNS} ORDER BY a.position, a.id");
        Ok(
            on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await?),
        )
    }

    /// Adds an article of a catalogue product; [`StoreError::Duplicate`] when its code is taken.
    pub async fn insert_article(&self, input: &ArticleInput) -> StoreResult<i64> {
        let sql = "INSERT INTO articles (product_id, code, name_nl, name_fr, name_en, price_cents, position) \
                   SELECT id, $2, $3, $4, $5, $6, $7 FROM products WHERE code = $1 RETURNING id";
        let id: Option<i64> = on_backend!(self, pool => sqlx::query_scalar(sql)
            .bind(&input.product_code).bind(&input.code)
            .bind(&input.names.nl).bind(&input.names.fr).bind(&input.names.en)
            .bind(input.price_cents).bind(input.position)
            .fetch_optional(pool).await?);
        id.ok_or_else(|| StoreError::Reference(format!("product {}", input.product_code)))
    }

    /// Sets the price of an article for every sales point; sales made before keep their price.
    pub async fn set_article_price(&self, article_id: i64, price_cents: i64) -> StoreResult<()> {
        let sql = "UPDATE articles SET price_cents = $2 WHERE id = $1";
        let changed = on_backend!(self, pool => sqlx::query(sql)
            .bind(article_id).bind(price_cents).execute(pool).await?.rows_affected());
        found(changed)
    }

    /// Every sales point, the offices first.
    pub async fn sales_points(&self) -> StoreResult<Vec<SalesPoint>> {
        let sql = format!("{POINT_COLUMNS} ORDER BY sp.kind, sp.name");
        Ok(
            on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await?),
        )
    }

    pub async fn sales_point(&self, code: &str) -> StoreResult<SalesPoint> {
        let sql = format!("{POINT_COLUMNS} WHERE sp.code = $1");
        Ok(
            on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(code).fetch_one(pool).await?),
        )
    }

    pub async fn sales_point_by_id(&self, id: i64) -> StoreResult<SalesPoint> {
        let sql = format!("{POINT_COLUMNS} WHERE sp.id = $1");
        Ok(
            on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(pool).await?),
        )
    }

    pub async fn insert_sales_point(
        &self,
        site_id: i64,
        code: &str,
        name: &str,
        kind: PointKind,
    ) -> StoreResult<i64> {
        let sql = "INSERT INTO sales_points (site_id, code, name, kind) VALUES ($1, $2, $3, $4) RETURNING id";
        Ok(on_backend!(self, pool => sqlx::query_scalar(sql)
            .bind(site_id).bind(code).bind(name).bind(kind.code()).fetch_one(pool).await?))
    }

    /// Makes the user a shop keeper of the sales point.
    pub async fn add_shop_keeper(&self, sales_point_id: i64, user_id: i64) -> StoreResult<()> {
        let sql = "INSERT INTO user_sales_points (user_id, sales_point_id) VALUES ($1, $2)";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(user_id).bind(sales_point_id).execute(pool).await?.rows_affected());
        Ok(())
    }

    /// The ids of the sales points the user keeps as a shop keeper.
    pub async fn kept_sales_points(&self, user_id: i64) -> StoreResult<Vec<i64>> {
        let sql = "SELECT sales_point_id FROM user_sales_points WHERE user_id = $1 ORDER BY sales_point_id";
        Ok(on_backend!(self, pool => sqlx::query_scalar(sql).bind(user_id).fetch_all(pool).await?))
    }

    /// Lets the sales point sell the article, starting with `quantity` in stock.
    pub async fn add_stock_line(
        &self,
        sales_point_id: i64,
        article_id: i64,
        quantity: i64,
        low_at: i64,
    ) -> StoreResult<()> {
        let sql = "INSERT INTO stock (sales_point_id, article_id, quantity, low_at) VALUES ($1, $2, $3, $4)";
        on_backend!(self, pool => sqlx::query(sql)
            .bind(sales_point_id).bind(article_id).bind(quantity).bind(low_at).execute(pool).await?.rows_affected());
        Ok(())
    }

    /// What the sales point sells, with its stock, in the order of the articles.
    pub async fn stock(&self, sales_point_id: i64) -> StoreResult<Vec<StockLine>> {
        let sql = "SELECT a.id, a.code, p.code AS product_code, a.name_nl, a.name_fr, a.name_en, a.price_cents, \
                   a.position, a.active, s.quantity, s.low_at \
                   FROM stock s JOIN articles a ON a.id = s.article_id JOIN products p ON p.id = a.product_id \
                   WHERE s.sales_point_id = $1 ORDER BY a.position, a.id";
        let rows: Vec<StockRow> = on_backend!(self, pool => sqlx::query_as(sql)
            .bind(sales_point_id).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|row| StockLine {
                article: row.article,
                quantity: row.quantity,
                low_at: row.low_at,
            })
            .collect())
    }

    /// Adds what was delivered to the stock; returns the new quantity. [`StoreError::NotFound`]
    /// when the sales point does not sell the article.
    pub async fn receive_stock(
        &self,
        sales_point_id: i64,
        article_id: i64,
        quantity: i64,
        user_id: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<i64> {
        let left: i64 = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let left: Option<i64> = sqlx::query_scalar(
                "UPDATE stock SET quantity = quantity + $3 WHERE sales_point_id = $1 AND article_id = $2 RETURNING quantity",
            )
            .bind(sales_point_id).bind(article_id).bind(quantity)
            .fetch_optional(&mut *tx).await?;
            let Some(left) = left else {
                return Err(StoreError::NotFound);
            };
            sqlx::query(
                "INSERT INTO stock_movements (sales_point_id, article_id, at, user_id, change, reason) \
                 VALUES ($1, $2, $3, $4, $5, 'received')",
            )
            .bind(sales_point_id).bind(article_id).bind(now.as_second()).bind(user_id).bind(quantity)
            .execute(&mut *tx).await?;
            tx.commit().await?;
            left
        });
        Ok(left)
    }

    /// Sets below how many of an article the sales point is warned.
    pub async fn set_low_at(
        &self,
        sales_point_id: i64,
        article_id: i64,
        low_at: i64,
    ) -> StoreResult<()> {
        let sql = "UPDATE stock SET low_at = $3 WHERE sales_point_id = $1 AND article_id = $2";
        let changed = on_backend!(self, pool => sqlx::query(sql)
            .bind(sales_point_id).bind(article_id).bind(low_at).execute(pool).await?.rows_affected());
        found(changed)
    }

    /// The net change of the stock by its movements, per article code: what the stock must have
    /// moved by since it was first filled.
    pub async fn stock_moved(&self, sales_point_id: i64) -> StoreResult<Vec<(String, i64)>> {
        let sql = "SELECT a.code, CAST(SUM(m.change) AS BIGINT) FROM stock_movements m JOIN articles a ON a.id = m.article_id \
                   WHERE m.sales_point_id = $1 GROUP BY a.code ORDER BY a.code";
        Ok(
            on_backend!(self, pool => sqlx::query_as(sql).bind(sales_point_id).fetch_all(pool).await?),
        )
    }

    /// Sells the lines at the articles' prices now, in one transaction: the sale, its lines, the
    /// stock lowered and a movement per line. When one article is short, nothing changes.
    /// [`StoreError::Reference`] when the sales point does not sell one of the articles.
    pub async fn sell(&self, sale: &NewSale, now: Timestamp) -> StoreResult<SaleOutcome> {
        // Rows are locked in one order by every sale, so two sales never wait on each other.
        let mut by_article = sale.lines.clone();
        by_article.sort_by_key(|line| line.article_id);
        let outcome = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let mut prices = Vec::with_capacity(sale.lines.len());
            for line in &sale.lines {
                let price: Option<i64> = sqlx::query_scalar(
                    "SELECT a.price_cents FROM stock s JOIN articles a ON a.id = s.article_id \
                     WHERE s.sales_point_id = $1 AND s.article_id = $2 AND a.active",
                )
                .bind(sale.sales_point_id).bind(line.article_id)
                .fetch_optional(&mut *tx).await?;
                let Some(price) = price else {
                    return Err(StoreError::Reference(format!("article {}", line.article_id)));
                };
                prices.push(price);
            }
            let total_cents: i64 = sale.lines.iter().zip(&prices).map(|(line, price)| line.quantity * price).sum();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO sales (sales_point_id, sold_at, sold_by, payment, total_cents) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(sale.sales_point_id).bind(now.as_second()).bind(sale.user_id)
            .bind(sale.payment.code()).bind(total_cents)
            .fetch_one(&mut *tx).await?;
            for line in &by_article {
                let taken = sqlx::query(
                    "UPDATE stock SET quantity = quantity - $3 \
                     WHERE sales_point_id = $1 AND article_id = $2 AND quantity >= $3",
                )
                .bind(sale.sales_point_id).bind(line.article_id).bind(line.quantity)
                .execute(&mut *tx).await?;
                if taken.rows_affected() == 0 {
                    let left: i64 = sqlx::query_scalar(
                        "SELECT quantity FROM stock WHERE sales_point_id = $1 AND article_id = $2",
                    )
                    .bind(sale.sales_point_id).bind(line.article_id)
                    .fetch_one(&mut *tx).await?;
                    return Ok(SaleOutcome::Short { article_id: line.article_id, left });
                }
                sqlx::query(
                    "INSERT INTO stock_movements (sales_point_id, article_id, at, user_id, change, reason, sale_id) \
                     VALUES ($1, $2, $3, $4, $5, 'sold', $6)",
                )
                .bind(sale.sales_point_id).bind(line.article_id).bind(now.as_second())
                .bind(sale.user_id).bind(-line.quantity).bind(id)
                .execute(&mut *tx).await?;
            }
            for (position, (line, price)) in (1_i64..).zip(sale.lines.iter().zip(&prices)) {
                sqlx::query(
                    "INSERT INTO sale_items (sale_id, position, article_id, quantity, unit_cents) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(id).bind(position).bind(line.article_id).bind(line.quantity).bind(*price)
                .execute(&mut *tx).await?;
            }
            tx.commit().await?;
            SaleOutcome::Sold { id, total_cents }
        });
        Ok(outcome)
    }

    /// A stored sale with its lines, as its receipt shows it.
    pub async fn sale(&self, id: i64) -> StoreResult<Sale> {
        let head =
            "SELECT id, sales_point_id, sold_at, payment, total_cents FROM sales WHERE id = $1";
        let items = "SELECT a.code AS article_code, a.name_nl, a.name_fr, a.name_en, i.quantity, i.unit_cents \
                     FROM sale_items i JOIN articles a ON a.id = i.article_id WHERE i.sale_id = $1 ORDER BY i.position";
        let ((id, point_id, sold_at, payment, total_cents), items): (SaleRow, Vec<SaleItem>) = on_backend!(self, pool => (
            sqlx::query_as(head).bind(id).fetch_one(pool).await?,
            sqlx::query_as(items).bind(id).fetch_all(pool).await?,
        ));
        Ok(Sale {
            id,
            sales_point: self.sales_point_by_id(point_id).await?,
            sold_at: Timestamp::from_second(sold_at)
                .map_err(|e| StoreError::Invalid(e.to_string()))?,
            payment: Payment::parse(&payment)
                .ok_or_else(|| StoreError::Invalid(format!("payment {payment}")))?,
            total_cents,
            items,
        })
    }

    /// The totals of the sales of a sales point: how many sales and the money taken.
    pub async fn sales_total(&self, sales_point_id: i64) -> StoreResult<(i64, i64)> {
        let sql = "SELECT COUNT(*), CAST(COALESCE(SUM(total_cents), 0) AS BIGINT) FROM sales WHERE sales_point_id = $1";
        Ok(
            on_backend!(self, pool => sqlx::query_as(sql).bind(sales_point_id).fetch_one(pool).await?),
        )
    }
}
