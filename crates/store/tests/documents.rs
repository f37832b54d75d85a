//! Issued documents in the store, on SQLite, and on PostgreSQL when `LOKET_TEST_DATABASE_URL`
//! points at a server.

use jiff::{SignedDuration, Timestamp};
use loket_store::documents::{NewDocument, new_verification_code, normalize_verification_code};
use loket_store::testing::fresh_store;
use loket_store::{Store, StoreError};

fn now() -> Timestamp {
    "2026-12-03T09:00:00Z".parse().unwrap()
}

fn document(national_number: &str, code: &str, sha256: &str, issued_at: Timestamp) -> NewDocument {
    NewDocument {
        national_number: national_number.into(),
        kind: "attest-woonst".into(),
        verification_code: code.into(),
        issued_at,
        issued_by: None,
        sha256: sha256.into(),
        signature: format!("signature of {sha256}"),
        pdf: format!("%PDF-1.7 {sha256}").into_bytes(),
    }
}

#[tokio::test]
async fn an_issued_document_is_found_by_code_and_by_digest_with_its_exact_file() {
    let (store, _db) = fresh_store().await;
    let code = new_verification_code();
    let stored = store
        .insert_document(&document("85073003328", &code, "ab12", now()))
        .await
        .unwrap();
    assert_eq!(stored.verification_code, code);
    assert_eq!(stored.issued_at, now());

    let by_code = store.document_by_code(&code).await.unwrap().unwrap();
    assert_eq!(by_code, stored);
    let by_digest = store.document_by_sha256("ab12").await.unwrap().unwrap();
    assert_eq!(by_digest, stored);
    assert_eq!(
        store.document_pdf(stored.id).await.unwrap(),
        b"%PDF-1.7 ab12"
    );

    assert_eq!(
        store.document_by_code("ZZZZ-ZZZZ-ZZZZ").await.unwrap(),
        None
    );
    assert_eq!(store.document_by_sha256("cd34").await.unwrap(), None);
}

#[tokio::test]
async fn a_code_or_a_file_is_never_kept_twice() {
    let (store, _db) = fresh_store().await;
    store
        .insert_document(&document("85073003328", "AAAA-BBBB-CCCC", "ab12", now()))
        .await
        .unwrap();
    let same_code = store
        .insert_document(&document("85073003328", "AAAA-BBBB-CCCC", "cd34", now()))
        .await;
    assert!(matches!(same_code, Err(StoreError::Duplicate(_))));
    let same_file = store
        .insert_document(&document("85073003328", "DDDD-EEEE-FFFF", "ab12", now()))
        .await;
    assert!(matches!(same_file, Err(StoreError::Duplicate(_))));
    assert_eq!(store.documents_of("85073003328").await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_person_sees_their_own_documents_newest_first() {
    let (store, _db) = fresh_store().await;
    let earlier = now() - SignedDuration::from_hours(48);
    store
        .insert_document(&document("85073003328", "AAAA-AAAA-AAAA", "01", earlier))
        .await
        .unwrap();
    store
        .insert_document(&document("85073003328", "BBBB-BBBB-BBBB", "02", now()))
        .await
        .unwrap();
    store
        .insert_document(&document("90022712345", "CCCC-CCCC-CCCC", "03", now()))
        .await
        .unwrap();
    let codes: Vec<String> = store
        .documents_of("85073003328")
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.verification_code)
        .collect();
    assert_eq!(codes, ["BBBB-BBBB-BBBB", "AAAA-AAAA-AAAA"]);
}

#[tokio::test]
async fn nodes_starting_together_agree_on_one_signing_key() {
    let (store, _db) = fresh_store().await;
    let tasks: Vec<_> = (0..16)
        .map(|node| {
            let store: Store = store.clone();
            tokio::spawn(async move { store.document_signing_key(&format!("key-{node}")).await })
        })
        .collect();
    let mut keys = Vec::new();
    for task in tasks {
        keys.push(task.await.unwrap().unwrap());
    }
    keys.dedup();
    assert_eq!(keys.len(), 1, "every node signs with the same key");
    assert_eq!(store.document_signing_key("later").await.unwrap(), keys[0]);
}

#[test]
fn a_code_is_three_groups_of_four_unambiguous_symbols() {
    let code = new_verification_code();
    assert_eq!(code.len(), 14);
    assert_eq!(
        normalize_verification_code(&code).as_deref(),
        Some(code.as_str())
    );
    assert!(!code.contains(['0', '1', 'O', 'I', 'L']));
}

#[test]
fn a_typed_code_is_read_in_any_case_with_or_without_dashes() {
    assert_eq!(
        normalize_verification_code(" k7m2 p9qx4htr ").as_deref(),
        Some("K7M2-P9QX-4HTR")
    );
    assert_eq!(normalize_verification_code("K7M2-P9QX-4HT"), None);
    assert_eq!(normalize_verification_code("K7M2-P9QX-4HT0"), None);
    assert_eq!(normalize_verification_code(""), None);
}
