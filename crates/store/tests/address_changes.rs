//! Address changes in the store, on SQLite, and on PostgreSQL when `LOKET_TEST_DATABASE_URL`
//! points at a server: one open declaration per citizen, the officer's check before an approval,
//! and a decision that changes the request, the register and the e-box together or not at all.

use jiff::Timestamp;
use jiff::civil::{Date, date};
use loket_domain::locale::Locale;
use loket_domain::national_number::NationalNumber;
use loket_domain::register::Address;
use loket_store::address_changes::{
    ADDRESS_CHANGE, CheckOutcome, Decision, NOT_CHECKED, OfficerCheck,
};
use loket_store::eloket::{Channel, NewMessage, NewRequest, RequestStatus};
use loket_store::register::RegisterEntry;
use loket_store::testing::{TestDatabase, fresh_store};
use loket_store::{Store, StoreError};

fn now() -> Timestamp {
    "2026-12-03T09:00:00Z".parse().unwrap()
}

fn moving_day() -> Date {
    date(2026, 12, 10)
}

fn to() -> Address {
    Address {
        street: "Vismarkt".into(),
        number: "3".into(),
        box_number: String::new(),
        postal_code: "3000".into(),
        city: "Leuven".into(),
    }
}

/// The demo's register and staff, and a resident of a household of at least two who does not
/// live on the Vismarkt.
async fn demo() -> (Store, TestDatabase, RegisterEntry, i64) {
    let (store, database) = fresh_store().await;
    store.install_demo(now()).await.unwrap();
    let clerk = store.user("bevolking1").await.unwrap().id;
    for summary in store.resident_summaries().await.unwrap() {
        let number = NationalNumber::parse(&summary.national_number).unwrap();
        let entry = store.register_entry(&number).await.unwrap();
        if entry.household.len() >= 2 && entry.home.address.street != "Vismarkt" {
            return (store, database, entry, clerk);
        }
    }
    panic!("no household of two in the demo");
}

fn declaration(entry: &RegisterEntry) -> NewRequest {
    NewRequest {
        national_number: entry.resident.national_number.digits().to_owned(),
        kind: ADDRESS_CHANGE.into(),
        status: RequestStatus::Submitted,
        channel: Channel::Online,
        language: Locale::Nl,
        details: "{}".into(),
        submitted_at: now(),
        submitted_by: None,
        document_id: None,
    }
}

fn message(entry: &RegisterEntry, kind: &str) -> NewMessage {
    NewMessage {
        national_number: entry.resident.national_number.digits().to_owned(),
        kind: kind.into(),
        params: "{}".into(),
        request_id: None,
        document_id: None,
    }
}

async fn confirmed(store: &Store, request_id: i64, clerk: i64) {
    let check = OfficerCheck {
        checked_on: date(2026, 12, 3),
        outcome: CheckOutcome::Confirmed,
        note: String::new(),
    };
    store
        .record_officer_check(request_id, &check, clerk, now())
        .await
        .unwrap();
}

fn movers(entry: &RegisterEntry) -> Vec<NationalNumber> {
    entry
        .household
        .iter()
        .map(|m| m.national_number.clone())
        .collect()
}

#[tokio::test]
async fn a_citizen_has_one_open_declaration_at_a_time() {
    let (store, _database, entry, clerk) = demo().await;
    let (first, _) = store
        .submit_request(&declaration(&entry), None)
        .await
        .unwrap();
    let second = store.submit_request(&declaration(&entry), None).await;
    assert!(
        matches!(second, Err(StoreError::Duplicate(_))),
        "{second:?}"
    );

    let refusal = Decision::Refuse {
        reason: "Niet aangetroffen",
    };
    let refused = store
        .decide_address_change(
            first.id,
            &refusal,
            &message(&entry, "address-change-refused"),
            clerk,
            now(),
        )
        .await
        .unwrap();
    assert_eq!(refused.status, RequestStatus::Refused);
    assert_eq!(
        refused.decision_reason.as_deref(),
        Some("Niet aangetroffen")
    );
    assert_eq!(refused.decided_by, Some(clerk));
    store
        .submit_request(&declaration(&entry), None)
        .await
        .unwrap();
}

#[tokio::test]
async fn an_approval_waits_for_the_officers_confirmation() {
    let (store, _database, entry, clerk) = demo().await;
    let (request, _) = store
        .submit_request(&declaration(&entry), None)
        .await
        .unwrap();
    let movers = movers(&entry);
    let approval = Decision::Approve {
        movers: &movers,
        to: &to(),
        since: moving_day(),
    };
    let approved = message(&entry, "address-change-approved");

    let unchecked = store
        .decide_address_change(request.id, &approval, &approved, clerk, now())
        .await;
    assert!(
        matches!(&unchecked, Err(StoreError::WrongState(why)) if why == NOT_CHECKED),
        "{unchecked:?}"
    );
    let not_found = OfficerCheck {
        checked_on: date(2026, 12, 3),
        outcome: CheckOutcome::NotFound,
        note: "Geen naam op de bel".into(),
    };
    store
        .record_officer_check(request.id, &not_found, clerk, now())
        .await
        .unwrap();
    assert_eq!(
        store.officer_check(request.id).await.unwrap(),
        Some(not_found)
    );
    let still = store
        .decide_address_change(request.id, &approval, &approved, clerk, now())
        .await;
    assert!(
        matches!(&still, Err(StoreError::WrongState(why)) if why == NOT_CHECKED),
        "{still:?}"
    );

    confirmed(&store, request.id, clerk).await;
    let decided = store
        .decide_address_change(request.id, &approval, &approved, clerk, now())
        .await
        .unwrap();
    assert_eq!(decided.status, RequestStatus::Approved);
    let after = store
        .register_entry(&entry.resident.national_number)
        .await
        .unwrap();
    assert_eq!(after.home.address, to());
    assert_eq!(after.since, moving_day());
    let ebox = store
        .ebox(entry.resident.national_number.digits())
        .await
        .unwrap();
    assert_eq!(ebox.len(), 1);
    assert_eq!(ebox[0].request_id, Some(request.id));

    // Decided is final: no second decision, no new check.
    let again = store
        .decide_address_change(request.id, &approval, &approved, clerk, now())
        .await;
    assert!(
        matches!(&again, Err(StoreError::WrongState(status)) if status == "approved"),
        "{again:?}"
    );
    let check = store.officer_check(request.id).await.unwrap().unwrap();
    let late = store
        .record_officer_check(request.id, &check, clerk, now())
        .await;
    assert!(matches!(late, Err(StoreError::WrongState(_))));
}

#[tokio::test]
async fn an_approval_whose_move_fails_changes_nothing() {
    let (store, _database, entry, clerk) = demo().await;
    let (request, _) = store
        .submit_request(&declaration(&entry), None)
        .await
        .unwrap();
    confirmed(&store, request.id, clerk).await;
    // Meanwhile someone of the household moved out on their own.
    let other = entry
        .household
        .iter()
        .find(|m| m.national_number != entry.resident.national_number)
        .unwrap();
    let elsewhere = Address {
        street: "Naamsestraat".into(),
        number: "99".into(),
        ..to()
    };
    store
        .move_to_address(
            std::slice::from_ref(&other.national_number),
            &elsewhere,
            date(2026, 12, 1),
        )
        .await
        .unwrap();

    let movers = movers(&entry);
    let approval = Decision::Approve {
        movers: &movers,
        to: &to(),
        since: moving_day(),
    };
    let result = store
        .decide_address_change(
            request.id,
            &approval,
            &message(&entry, "address-change-approved"),
            clerk,
            now(),
        )
        .await;
    assert!(
        matches!(result, Err(StoreError::WrongState(_))),
        "{result:?}"
    );

    assert_eq!(
        store.request(request.id).await.unwrap().status,
        RequestStatus::Submitted
    );
    let after = store
        .register_entry(&entry.resident.national_number)
        .await
        .unwrap();
    assert_eq!(after.home.address, entry.home.address);
    assert!(
        store
            .ebox(entry.resident.national_number.digits())
            .await
            .unwrap()
            .is_empty()
    );
}
