//! Sales and stock in the store, on SQLite, and on PostgreSQL when `LOKET_TEST_DATABASE_URL`
//! points at a server: the demo's articles and sales points, a sale with its lines and stock
//! movements, a sale that is short, deliveries, and many sellers racing for the last stickers.

use jiff::Timestamp;
use loket_store::Store;
use loket_store::sales::{NewSale, Payment, PointKind, SaleLine, SaleOutcome, StockLine};
use loket_store::testing::fresh_store;

fn now() -> Timestamp {
    "2026-12-03T09:00:00Z".parse().unwrap()
}

async fn demo_store() -> (Store, loket_store::testing::TestDatabase) {
    let (store, database) = fresh_store().await;
    assert!(store.install_demo(now()).await.unwrap());
    (store, database)
}

fn line<'a>(stock: &'a [StockLine], code: &str) -> &'a StockLine {
    stock.iter().find(|l| l.article.code == code).unwrap()
}

#[tokio::test]
async fn the_demo_sells_at_the_fast_counter_and_gft_stickers_at_a_partner_shop() {
    let (store, _db) = demo_store().await;
    let articles = store.articles().await.unwrap();
    assert_eq!(articles.len(), 10);
    let gft_240 = articles.iter().find(|a| a.code == "gft-240").unwrap();
    assert_eq!(gft_240.price_cents, 10000);
    assert_eq!(gft_240.product_code, "gft-sticker");
    assert_eq!(
        gft_240.name_fr,
        "Autocollant déchets organiques 240 litres (deux autocollants)"
    );
    let free: Vec<&str> = articles
        .iter()
        .filter(|a| a.price_cents == 0)
        .map(|a| a.code.as_str())
        .collect();
    assert_eq!(free, ["rattenvergif", "stadsplan", "taxikaart"]);

    let points = store.sales_points().await.unwrap();
    assert_eq!(
        points
            .iter()
            .map(|p| (p.code.as_str(), p.kind))
            .collect::<Vec<_>>(),
        [
            ("snelloket", PointKind::Office),
            ("de-hoek", PointKind::Shop)
        ]
    );
    let office = store.sales_point("snelloket").await.unwrap();
    assert_eq!(office.site_code, "stadskantoor");
    assert_eq!(store.stock(office.id).await.unwrap().len(), 10);
    let shop = store.sales_point("de-hoek").await.unwrap();
    let shop_stock = store.stock(shop.id).await.unwrap();
    assert!(
        shop_stock
            .iter()
            .all(|l| l.article.product_code == "gft-sticker")
    );
    let keeper = store.user("winkel1").await.unwrap();
    assert_eq!(store.kept_sales_points(keeper.id).await.unwrap(), [shop.id]);
    let counter = store.user("balie1").await.unwrap();
    assert!(
        store
            .kept_sales_points(counter.id)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_sale_stores_its_lines_at_the_prices_then_and_lowers_the_stock() {
    let (store, _db) = demo_store().await;
    let office = store.sales_point("snelloket").await.unwrap();
    let before = store.stock(office.id).await.unwrap();
    let gft = line(&before, "gft-120").clone();
    let pmd = line(&before, "pmd-60").clone();
    let seller = store.user("balie1").await.unwrap();
    let sale = NewSale {
        sales_point_id: office.id,
        lines: vec![
            SaleLine {
                article_id: gft.article.id,
                quantity: 2,
            },
            SaleLine {
                article_id: pmd.article.id,
                quantity: 1,
            },
        ],
        payment: Payment::Card,
        user_id: Some(seller.id),
    };
    let SaleOutcome::Sold { id, total_cents } = store.sell(&sale, now()).await.unwrap() else {
        panic!("enough is in stock");
    };
    assert_eq!(total_cents, 10300);

    store.set_article_price(gft.article.id, 5500).await.unwrap();
    let stored = store.sale(id).await.unwrap();
    assert_eq!(stored.total_cents, 10300);
    assert_eq!(stored.payment, Payment::Card);
    assert_eq!(stored.sold_at, now());
    assert_eq!(stored.sales_point.code, "snelloket");
    let lines: Vec<(&str, i64, i64)> = stored
        .items
        .iter()
        .map(|i| (i.article_code.as_str(), i.quantity, i.unit_cents))
        .collect();
    assert_eq!(
        lines,
        [("gft-120", 2, 5000), ("pmd-60", 1, 300)],
        "the price paid stays after the price changes"
    );

    let after = store.stock(office.id).await.unwrap();
    assert_eq!(line(&after, "gft-120").quantity, gft.quantity - 2);
    assert_eq!(line(&after, "pmd-60").quantity, pmd.quantity - 1);
    assert_eq!(
        store.stock_moved(office.id).await.unwrap(),
        [("gft-120".to_owned(), -2), ("pmd-60".to_owned(), -1)]
    );
}

#[tokio::test]
async fn a_sale_of_more_than_is_left_changes_nothing_and_says_how_many_are_left() {
    let (store, _db) = demo_store().await;
    let shop = store.sales_point("de-hoek").await.unwrap();
    let stock = store.stock(shop.id).await.unwrap();
    let small = line(&stock, "gft-40").clone();
    let big = line(&stock, "gft-240").clone();
    let sale = NewSale {
        sales_point_id: shop.id,
        lines: vec![
            SaleLine {
                article_id: small.article.id,
                quantity: 1,
            },
            SaleLine {
                article_id: big.article.id,
                quantity: big.quantity + 1,
            },
        ],
        payment: Payment::Cash,
        user_id: None,
    };
    assert_eq!(
        store.sell(&sale, now()).await.unwrap(),
        SaleOutcome::Short {
            article_id: big.article.id,
            left: big.quantity
        }
    );
    assert_eq!(store.stock(shop.id).await.unwrap(), stock);
    assert_eq!(store.sales_total(shop.id).await.unwrap(), (0, 0));
    assert!(store.stock_moved(shop.id).await.unwrap().is_empty());

    let office = store.sales_point("snelloket").await.unwrap();
    let rat_poison = store
        .stock(office.id)
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.article.code == "rattenvergif")
        .unwrap();
    let elsewhere = NewSale {
        sales_point_id: shop.id,
        lines: vec![SaleLine {
            article_id: rat_poison.article.id,
            quantity: 1,
        }],
        payment: Payment::Cash,
        user_id: None,
    };
    assert!(
        store.sell(&elsewhere, now()).await.is_err(),
        "the shop does not sell rat poison"
    );
}

#[tokio::test]
async fn a_delivery_adds_to_the_stock_and_a_threshold_decides_what_is_low() {
    let (store, _db) = demo_store().await;
    let office = store.sales_point("snelloket").await.unwrap();
    let stock = store.stock(office.id).await.unwrap();
    let rat_poison = line(&stock, "rattenvergif").clone();
    assert!(rat_poison.is_low(), "12 left, warned at 15");
    let manager = store.user("manager").await.unwrap();
    let left = store
        .receive_stock(
            office.id,
            rat_poison.article.id,
            50,
            Some(manager.id),
            now(),
        )
        .await
        .unwrap();
    assert_eq!(left, 62);
    let stock = store.stock(office.id).await.unwrap();
    assert!(!line(&stock, "rattenvergif").is_low());
    store
        .set_low_at(office.id, rat_poison.article.id, 62)
        .await
        .unwrap();
    let stock = store.stock(office.id).await.unwrap();
    assert!(line(&stock, "rattenvergif").is_low());
    assert_eq!(
        store.stock_moved(office.id).await.unwrap(),
        [("rattenvergif".to_owned(), 50)]
    );
    let shop = store.sales_point("de-hoek").await.unwrap();
    assert!(
        store
            .receive_stock(shop.id, rat_poison.article.id, 5, None, now())
            .await
            .is_err(),
        "the shop has no stock line for rat poison"
    );
}

/// Many sellers at once for the last stickers of a shop: exactly as many sell as there were.
#[tokio::test]
async fn sellers_racing_for_the_last_stickers_sell_exactly_what_is_in_stock() {
    let (store, _db) = demo_store().await;
    let shop = store.sales_point("de-hoek").await.unwrap();
    let stock = store.stock(shop.id).await.unwrap();
    let big = line(&stock, "gft-240").clone();
    let small = line(&stock, "gft-40").clone();
    let sellers = big.quantity * 3;
    let attempts: Vec<_> = (0..sellers)
        .map(|seller| {
            let store = store.clone();
            // Each buys one big and one small sticker, half of them listing the small one first.
            let mut lines = vec![
                SaleLine {
                    article_id: big.article.id,
                    quantity: 1,
                },
                SaleLine {
                    article_id: small.article.id,
                    quantity: 1,
                },
            ];
            if seller % 2 == 1 {
                lines.reverse();
            }
            let sale = NewSale {
                sales_point_id: shop.id,
                lines,
                payment: Payment::Cash,
                user_id: None,
            };
            tokio::spawn(async move { store.sell(&sale, now()).await })
        })
        .collect();
    let mut sold = 0;
    let mut short = 0;
    for attempt in attempts {
        match attempt.await.unwrap().unwrap() {
            SaleOutcome::Sold { total_cents, .. } => {
                assert_eq!(total_cents, 12000);
                sold += 1;
            }
            SaleOutcome::Short { article_id, left } => {
                assert_eq!((article_id, left), (big.article.id, 0));
                short += 1;
            }
        }
    }
    assert_eq!(sold, big.quantity);
    assert_eq!(short, sellers - big.quantity);
    let after = store.stock(shop.id).await.unwrap();
    assert_eq!(line(&after, "gft-240").quantity, 0);
    assert_eq!(line(&after, "gft-40").quantity, small.quantity - sold);
    assert_eq!(
        store.sales_total(shop.id).await.unwrap(),
        (sold, sold * 12000)
    );
    assert_eq!(
        store.stock_moved(shop.id).await.unwrap(),
        [("gft-240".to_owned(), -sold), ("gft-40".to_owned(), -sold)]
    );
}
