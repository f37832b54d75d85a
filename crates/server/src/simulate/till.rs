//! The fast counter's till in the simulated day: what a visitor bought there (a roll of bags, a
//! sticker, a city map) is rung up after serving them, as the employee does on the sales page.

use crate::sales::{self, SaleOrder};
use anyhow::anyhow;
use loket_domain::simulation::Random;
use loket_store::sales::{Payment, SaleLine, SalesPoint};
use loket_store::staff::StaffUser;

/// What a delivery brings when the stock runs short: the simulation is about the floor, not
/// about stock-outs.
const DELIVERY: i64 = 500;

/// Sells one or two of an article of `product`, when the till sells it.
pub(crate) async fn ring_up(
    state: &crate::state::AppState,
    user: &StaffUser,
    point: &SalesPoint,
    product: &str,
    random: &mut Random,
) -> anyhow::Result<()> {
    let stock = sales::stock(state, user, point)
        .await
        .map_err(|e| anyhow!("reading the stock of the till: {e:?}"))?;
    let lines: Vec<_> = stock
        .iter()
        .filter(|line| line.article.product_code == product && line.article.active)
        .collect();
    if lines.is_empty() {
        return Ok(());
    }
    let line = lines[random.between(0, lines.len() as i64) as usize];
    let quantity = random.between(1, 3);
    if line.quantity < quantity {
        sales::receive(state, user, point, &line.article.code, DELIVERY)
            .await
            .map_err(|e| anyhow!("receiving a delivery: {e:?}"))?;
    }
    let order = SaleOrder {
        lines: vec![SaleLine {
            article_id: line.article.id,
            quantity,
        }],
        payment: random.pick(&[(Payment::Card, 3), (Payment::Cash, 1)]),
    };
    sales::sell(state, user, point, order)
        .await
        .map_err(|e| anyhow!("ringing up a sale: {e:?}"))?;
    Ok(())
}
