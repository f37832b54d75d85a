//! The fast counter's till in the simulated day: what a visitor bought there (a roll of bags, a
//! sticker, a city map) is rung up after serving them, as the employee does on the sales page.

use crate::sales::{self, SaleOrder, SalesError};
use crate::state::AppState;
use anyhow::anyhow;
use loket_domain::simulation::Random;
use loket_store::sales::{Article, Payment, SaleLine, SalesPoint};
use loket_store::staff::StaffUser;

/// What a delivery brings when the stock runs short: the simulation is about the floor, not
/// about stock-outs.
const DELIVERY: i64 = 500;

pub(crate) struct Till {
    point: SalesPoint,
    /// What it sells; the articles do not change during the day.
    articles: Vec<Article>,
}

impl Till {
    /// The fast counter's till of the site, when it has one.
    pub async fn of_site(state: &AppState, user: &StaffUser, site: &str) -> Option<Till> {
        let point = sales::point_for(state, user, None, Some(site)).await.ok()?;
        let stock = sales::stock(state, user, &point).await.ok()?;
        let articles = stock
            .into_iter()
            .map(|line| line.article)
            .filter(|article| article.active)
            .collect();
        Some(Till { point, articles })
    }

    /// Sells one or two of an article of `product`, when the till sells it.
    pub async fn ring_up(
        &self,
        state: &AppState,
        user: &StaffUser,
        product: &str,
        random: &mut Random,
    ) -> anyhow::Result<()> {
        let of_product: Vec<&Article> = self
            .articles
            .iter()
            .filter(|article| article.product_code == product)
            .collect();
        if of_product.is_empty() {
            return Ok(());
        }
        let article = of_product[random.between(0, of_product.len() as i64) as usize];
        let quantity = random.between(1, 3);
        let payment = random.pick(&[(Payment::Card, 3), (Payment::Cash, 1)]);
        let order = || SaleOrder {
            lines: vec![SaleLine {
                article_id: article.id,
                quantity,
            }],
            payment,
        };
        match sales::sell(state, user, &self.point, order()).await {
            Err(SalesError::Short { .. }) => {
                sales::receive(state, user, &self.point, &article.code, DELIVERY)
                    .await
                    .map_err(|e| anyhow!("receiving a delivery: {e:?}"))?;
                sales::sell(state, user, &self.point, order()).await
            }
            other => other,
        }
        .map(|_| ())
        .map_err(|e| anyhow!("ringing up a sale: {e:?}"))
    }
}
