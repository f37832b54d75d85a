//! Documents at the fast counter in the store, on SQLite, and on PostgreSQL when
//! `LOKET_TEST_DATABASE_URL` points at a server.

use jiff::{SignedDuration, Timestamp};
use loket_domain::locale::Locale;
use loket_store::pickups::{NewPickup, PickupSearch, PickupStatus};
use loket_store::testing::fresh_store;
use loket_store::{Store, StoreError};

fn now() -> Timestamp {
    "2026-12-03T09:00:00Z".parse().unwrap()
}

async fn demo_store() -> (Store, loket_store::testing::TestDatabase, i64) {
    let (store, database) = fresh_store().await;
    assert!(store.install_demo(now()).await.unwrap());
    let site = store.site("stadskantoor").await.unwrap();
    (store, database, site.id)
}

fn document(site_id: i64, holder: &str, national_number: Option<&str>) -> NewPickup {
    NewPickup {
        site_id,
        product_code: "eid-afhalen".into(),
        holder_name: holder.into(),
        national_number: national_number.map(str::to_owned),
        email: Some("holder@example.be".into()),
        phone: None,
        locale: Locale::Fr,
    }
}

fn by_name(name: &str) -> PickupSearch {
    PickupSearch {
        name: name.into(),
        ..PickupSearch::default()
    }
}

#[tokio::test]
async fn a_registered_document_is_found_by_name_code_and_national_number() {
    let (store, _db, site) = demo_store().await;
    let stored = store
        .register_pickups(
            &[
                document(site, "Ségolène Dupont", Some("85073003328")),
                document(site, "Jan 100%_Peeters", None),
            ],
            None,
            now(),
        )
        .await
        .unwrap();
    let dupont = &stored[0];
    assert_eq!(dupont.status, PickupStatus::Ready);
    assert_eq!(dupont.locale, Locale::Fr);
    assert_eq!(dupont.pickup_code.len(), 6);
    assert_ne!(dupont.pickup_code, stored[1].pickup_code);

    let found = store.find_pickups(site, &by_name("dupont")).await.unwrap();
    assert_eq!(found, vec![dupont.clone()]);
    let by_code = PickupSearch {
        pickup_code: dupont.pickup_code.to_lowercase(),
        ..PickupSearch::default()
    };
    assert_eq!(store.find_pickups(site, &by_code).await.unwrap().len(), 1);
    let by_number = PickupSearch {
        national_number: "85073003328".into(),
        ..PickupSearch::default()
    };
    assert_eq!(
        store.find_pickups(site, &by_number).await.unwrap()[0].id,
        dupont.id
    );

    // A % or _ typed in a name means itself, not "anything".
    assert_eq!(
        store
            .find_pickups(site, &by_name("100%_"))
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        store
            .find_pickups(site, &by_name("0%P"))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .find_pickups(site, &PickupSearch::default())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_list_with_an_unknown_product_stores_nothing() {
    let (store, _db, site) = demo_store().await;
    let mut wrong = document(site, "Tweede", None);
    wrong.product_code = "bestaat-niet".into();
    let result = store
        .register_pickups(&[document(site, "Eerste", None), wrong], None, now())
        .await;
    assert!(
        matches!(result, Err(StoreError::Reference(_))),
        "{result:?}"
    );
    assert!(
        store
            .find_pickups(site, &by_name("eerste"))
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_document_is_handed_over_or_returned_once() {
    let (store, _db, site) = demo_store().await;
    let stored = store
        .register_pickups(
            &[document(site, "Een", None), document(site, "Twee", None)],
            None,
            now(),
        )
        .await
        .unwrap();
    let handed = store
        .hand_over_pickup(stored[0].id, None, true, now())
        .await
        .unwrap();
    assert_eq!(
        (handed.status, handed.by_proxy, handed.picked_up_at),
        (PickupStatus::PickedUp, true, Some(now()))
    );
    let again = store
        .hand_over_pickup(stored[0].id, None, false, now())
        .await;
    assert!(matches!(again, Err(StoreError::WrongState(ref s)) if s == "picked_up"));
    assert!(matches!(
        store.return_pickup(stored[0].id, now()).await,
        Err(StoreError::WrongState(_))
    ));

    let returned = store.return_pickup(stored[1].id, now()).await.unwrap();
    assert_eq!(returned.status, PickupStatus::Returned);
    let late = store
        .hand_over_pickup(stored[1].id, None, false, now())
        .await;
    assert!(matches!(late, Err(StoreError::WrongState(ref s)) if s == "returned"));
    assert!(matches!(
        store.hand_over_pickup(999_999, None, false, now()).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn only_documents_still_waiting_since_before_the_cutoff_are_to_return() {
    let (store, _db, site) = demo_store().await;
    let long_ago = now() - SignedDuration::from_hours(24 * 100);
    let old = store
        .register_pickups(
            &[document(site, "Oud", None), document(site, "Ook oud", None)],
            None,
            long_ago,
        )
        .await
        .unwrap();
    store
        .register_pickups(&[document(site, "Nieuw", None)], None, now())
        .await
        .unwrap();
    store
        .hand_over_pickup(old[1].id, None, false, now())
        .await
        .unwrap();
    let cutoff = now() - SignedDuration::from_hours(24 * 91);
    let waiting = store.pickups_waiting_since(site, cutoff).await.unwrap();
    assert_eq!(
        waiting.iter().map(|p| p.id).collect::<Vec<_>>(),
        [old[0].id]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn of_many_counters_handing_over_one_document_at_once_exactly_one_succeeds() {
    let (store, _db, site) = demo_store().await;
    let id = store
        .register_pickups(&[document(site, "Gegeerd", None)], None, now())
        .await
        .unwrap()[0]
        .id;
    let attempts: Vec<_> = (0..40)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.hand_over_pickup(id, None, false, now()).await })
        })
        .collect();
    let mut handed = 0;
    for attempt in attempts {
        match attempt.await.unwrap() {
            Ok(pickup) => {
                assert_eq!(pickup.status, PickupStatus::PickedUp);
                handed += 1;
            }
            Err(StoreError::WrongState(status)) => assert_eq!(status, "picked_up"),
            Err(other) => panic!("unexpected: {other}"),
        }
    }
    assert_eq!(handed, 1);
}
