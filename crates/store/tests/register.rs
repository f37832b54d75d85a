//! The population register in the store, on SQLite, and on PostgreSQL when
//! `LOKET_TEST_DATABASE_URL` points at a server: the demo's residents, households replaced by
//! national number, the street list with its parking zones, and moves to a new address.

use jiff::Timestamp;
use jiff::civil::date;
use loket_domain::national_number::NationalNumber;
use loket_domain::register::{Address, CivilStatus, HouseholdRole, Resident, Sex};
use loket_store::register::{NewHousehold, StreetInput};
use loket_store::testing::{TestDatabase, fresh_store};
use loket_store::{Store, StoreError};

fn now() -> Timestamp {
    "2026-12-03T09:00:00Z".parse().unwrap()
}

fn number(digits: &str) -> NationalNumber {
    NationalNumber::parse(digits).unwrap()
}

/// A valid number for a birth date and serial (odd for men, even for women).
fn made_up_number(born: jiff::civil::Date, serial: u32) -> NationalNumber {
    let body = format!(
        "{:02}{:02}{:02}{serial:03}",
        born.year() % 100,
        born.month(),
        born.day()
    );
    let mut base: u64 = body.parse().unwrap();
    if born.year() >= 2000 {
        base += 2_000_000_000;
    }
    number(&format!("{body}{:02}", 97 - base % 97))
}

fn person(first: &str, born: jiff::civil::Date, serial: u32, role: HouseholdRole) -> Resident {
    Resident {
        national_number: made_up_number(born, serial),
        first_names: first.into(),
        last_name: "Peeters".into(),
        birth_date: born,
        birth_place: "Leuven".into(),
        sex: if serial % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        },
        nationality: "BE".into(),
        civil_status: if role == HouseholdRole::Child {
            CivilStatus::Single
        } else {
            CivilStatus::Married
        },
        household_role: role,
        email: None,
    }
}

fn address(street: &str, number: &str, box_number: &str) -> Address {
    Address {
        street: street.into(),
        number: number.into(),
        box_number: box_number.into(),
        postal_code: "3000".into(),
        city: "Leuven".into(),
    }
}

/// Jan, Els and their children Lotte and Wout at Naamsestraat 10.
fn family() -> Vec<Resident> {
    vec![
        person("Jan", date(1980, 3, 14), 11, HouseholdRole::Reference),
        person("Els", date(1982, 6, 2), 24, HouseholdRole::Partner),
        person("Lotte", date(2012, 9, 30), 36, HouseholdRole::Child),
        person("Wout", date(2015, 1, 8), 47, HouseholdRole::Child),
    ]
}

async fn store_with_family() -> (Store, TestDatabase, Vec<Resident>) {
    let (store, database) = fresh_store().await;
    store
        .save_streets(&[
            street("Naamsestraat", Some("LEU1")),
            street("Schapenstraat", Some("LEU2")),
        ])
        .await
        .unwrap();
    let members = family();
    let home = address("Naamsestraat", "10", "");
    store
        .save_households(&[NewHousehold {
            address: &home,
            since: date(2015, 5, 1),
            members: &members,
        }])
        .await
        .unwrap();
    (store, database, members)
}

fn street(name: &str, zone: Option<&str>) -> StreetInput {
    StreetInput {
        name: name.into(),
        postal_code: "3000".into(),
        city: "Leuven".into(),
        parking_zone: zone.map(str::to_owned),
    }
}

fn first_names(household: &[Resident]) -> Vec<(&str, HouseholdRole)> {
    household
        .iter()
        .map(|r| (r.first_names.as_str(), r.household_role))
        .collect()
}

#[tokio::test]
async fn the_demo_has_three_hundred_residents_of_leuven_in_households() {
    let (store, _db) = fresh_store().await;
    assert!(store.install_demo(now()).await.unwrap());
    let residents = store.resident_summaries().await.unwrap();
    assert!(residents.len() >= 300, "{} residents", residents.len());
    assert!(
        residents
            .iter()
            .all(|r| NationalNumber::parse(&r.national_number).is_ok())
    );
    assert!(residents.iter().all(|r| r.address.contains(", 30")));
    let mut names: Vec<_> = residents
        .iter()
        .map(|r| (r.last_name.clone(), r.first_name.clone()))
        .collect();
    let sorted = names.clone();
    names.sort();
    assert_eq!(names, sorted, "by name, for the picker");

    let streets = store.streets().await.unwrap();
    assert!(streets.len() >= 40);
    assert!(streets.iter().all(|s| s.parking_zone.is_some()));
    let bondgenotenlaan = streets
        .iter()
        .find(|s| s.name == "Bondgenotenlaan")
        .unwrap();
    assert_eq!(bondgenotenlaan.parking_zone.as_deref(), Some("LEU1"));
    assert!(
        streets
            .iter()
            .any(|s| s.postal_code == "3001" && s.city == "Heverlee")
    );

    // Every resident's household is found, with the resident in it.
    let someone = number(&residents[7].national_number);
    let entry = store.register_entry(&someone).await.unwrap();
    assert!(entry.household.iter().any(|r| r.national_number == someone));
    assert_eq!(entry.household[0].household_role, HouseholdRole::Reference);
    assert!(entry.home.parking_zone.is_some());

    // The same residents on every install, and a second start keeps them.
    let (other, _other_db) = fresh_store().await;
    other.install_demo(now()).await.unwrap();
    assert_eq!(other.resident_summaries().await.unwrap(), residents);
    assert!(!store.install_demo(now()).await.unwrap());
    assert_eq!(
        store.resident_summaries().await.unwrap().len(),
        residents.len()
    );
}

#[tokio::test]
async fn a_resident_is_found_with_their_home_and_household() {
    let (store, _db, members) = store_with_family().await;
    let lotte = &members[2];
    let entry = store.register_entry(&lotte.national_number).await.unwrap();
    assert_eq!(&entry.resident, lotte);
    assert_eq!(entry.since, date(2015, 5, 1));
    assert_eq!(
        entry.home.address.to_string(),
        "Naamsestraat 10, 3000 Leuven"
    );
    assert_eq!(entry.home.parking_zone.as_deref(), Some("LEU1"));
    assert_eq!(
        first_names(&entry.household),
        [
            ("Jan", HouseholdRole::Reference),
            ("Els", HouseholdRole::Partner),
            ("Lotte", HouseholdRole::Child),
            ("Wout", HouseholdRole::Child)
        ]
    );
    let unit = store
        .housing_unit_of(&members[0].national_number)
        .await
        .unwrap();
    assert_eq!(unit, entry.home);
    assert!(matches!(
        store.register_entry(&number("85073003328")).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        store
            .parking_zone_of(&address("Schapenstraat", "1", ""))
            .await
            .unwrap()
            .as_deref(),
        Some("LEU2")
    );
    assert_eq!(
        store
            .parking_zone_of(&address("Nergensstraat", "1", ""))
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn saving_a_resident_again_replaces_them_and_moves_them_out_of_their_old_household() {
    let (store, _db, members) = store_with_family().await;
    let mut lotte = members[2].clone();
    lotte.household_role = HouseholdRole::Reference;
    lotte.email = Some("lotte@example.org".into());
    let flat = address("Parijsstraat", "4", "2");
    store
        .save_households(&[NewHousehold {
            address: &flat,
            since: date(2026, 9, 1),
            members: std::slice::from_ref(&lotte),
        }])
        .await
        .unwrap();
    let entry = store.register_entry(&lotte.national_number).await.unwrap();
    assert_eq!(entry.resident, lotte);
    assert_eq!(
        entry.home.address.to_string(),
        "Parijsstraat 4 bus 2, 3000 Leuven"
    );
    assert_eq!(entry.home.parking_zone, None, "a new street has no zone");
    let parents = store
        .register_entry(&members[0].national_number)
        .await
        .unwrap();
    assert_eq!(parents.household.len(), 3);
    assert_eq!(store.resident_count().await.unwrap(), 4);

    // The parents, saved again at the same address, still live there since 2015.
    let home = address("Naamsestraat", "10", "");
    let parents_only = [members[0].clone(), members[1].clone()];
    store
        .save_households(&[NewHousehold {
            address: &home,
            since: date(2026, 12, 3),
            members: &parents_only,
        }])
        .await
        .unwrap();
    let again = store
        .register_entry(&members[0].national_number)
        .await
        .unwrap();
    assert_eq!(again.since, date(2015, 5, 1));
    assert_eq!(again.household.len(), 2);
    let wout = store
        .register_entry(&members[3].national_number)
        .await
        .unwrap();
    assert_eq!(
        wout.household.len(),
        1,
        "who is not saved again keeps their household"
    );

    // The street list keeps one Parijsstraat; giving it a zone changes it.
    store
        .save_streets(&[street("Parijsstraat", Some("LEU1"))])
        .await
        .unwrap();
    let streets = store.streets().await.unwrap();
    assert_eq!(
        streets
            .iter()
            .filter(|s| s.name == "Parijsstraat")
            .map(|s| s.parking_zone.as_deref())
            .collect::<Vec<_>>(),
        [Some("LEU1")]
    );
}

#[tokio::test]
async fn a_whole_household_moves_together() {
    let (store, _db, members) = store_with_family().await;
    let numbers: Vec<_> = members.iter().map(|m| m.national_number.clone()).collect();
    let before = store.register_entry(&numbers[0]).await.unwrap();
    let new_home = address("Schapenstraat", "33", "1");
    let household = store
        .move_to_address(&numbers, &new_home, date(2026, 12, 10))
        .await
        .unwrap();
    assert_eq!(household, before.household_id);
    let after = store.register_entry(&numbers[3]).await.unwrap();
    assert_eq!(after.home.address, new_home);
    assert_eq!(after.home.parking_zone.as_deref(), Some("LEU2"));
    assert_eq!(after.since, date(2026, 12, 10));
    assert_eq!(
        first_names(&after.household),
        first_names(&before.household)
    );
}

#[tokio::test]
async fn a_member_who_moves_out_leads_a_new_household_and_the_eldest_left_leads_the_old() {
    let (store, _db, members) = store_with_family().await;
    let jan = members[0].national_number.clone();
    let lotte = members[2].national_number.clone();
    let student_room = address("Schapenstraat", "5", "12");
    store
        .move_to_address(
            std::slice::from_ref(&lotte),
            &student_room,
            date(2026, 12, 10),
        )
        .await
        .unwrap();
    let moved = store.register_entry(&lotte).await.unwrap();
    assert_eq!(
        first_names(&moved.household),
        [("Lotte", HouseholdRole::Reference)]
    );
    assert_eq!(moved.home.address, student_room);

    // The reference person leaves with one child: the partner leads who stays.
    let wout = members[3].national_number.clone();
    store
        .move_to_address(
            &[wout, jan.clone()],
            &address("Schapenstraat", "7", ""),
            date(2027, 1, 5),
        )
        .await
        .unwrap();
    let moved = store.register_entry(&jan).await.unwrap();
    assert_eq!(
        first_names(&moved.household),
        [
            ("Jan", HouseholdRole::Reference),
            ("Wout", HouseholdRole::Child)
        ]
    );
    let stayed = store
        .register_entry(&members[1].national_number)
        .await
        .unwrap();
    assert_eq!(
        first_names(&stayed.household),
        [("Els", HouseholdRole::Reference)]
    );
    assert_eq!(stayed.home.address, address("Naamsestraat", "10", ""));
}

#[tokio::test]
async fn a_move_to_a_street_not_in_the_city_or_of_strangers_changes_nothing() {
    let (store, _db, members) = store_with_family().await;
    let jan = members[0].national_number.clone();
    let nowhere = address("Rue Inconnue", "1", "");
    assert!(matches!(
        store
            .move_to_address(std::slice::from_ref(&jan), &nowhere, date(2026, 12, 10))
            .await,
        Err(StoreError::Reference(_))
    ));
    let stranger = made_up_number(date(1990, 1, 1), 99);
    let lonely = person("Piet", date(1990, 1, 1), 99, HouseholdRole::Reference);
    let elsewhere = address("Schapenstraat", "1", "");
    store
        .save_households(&[NewHousehold {
            address: &elsewhere,
            since: date(2020, 1, 1),
            members: std::slice::from_ref(&lonely),
        }])
        .await
        .unwrap();
    assert!(matches!(
        store
            .move_to_address(
                &[jan.clone(), stranger],
                &address("Schapenstraat", "9", ""),
                date(2026, 12, 10)
            )
            .await,
        Err(StoreError::WrongState(_))
    ));
    assert!(matches!(
        store
            .move_to_address(&[number("85073003328")], &elsewhere, date(2026, 12, 10))
            .await,
        Err(StoreError::NotFound)
    ));
    let entry = store.register_entry(&jan).await.unwrap();
    assert_eq!(entry.home.address, address("Naamsestraat", "10", ""));
    assert_eq!(entry.household.len(), 4);
}

#[tokio::test]
async fn many_moves_of_one_person_at_once_leave_them_in_exactly_one_household() {
    let (store, _db, members) = store_with_family().await;
    let wout = members[3].national_number.clone();
    let mut moves = Vec::new();
    for number in 1..=12 {
        let store = store.clone();
        let wout = wout.clone();
        moves.push(tokio::spawn(async move {
            let to = address("Schapenstraat", &number.to_string(), "");
            store
                .move_to_address(&[wout], &to, date(2026, 12, 10))
                .await
        }));
    }
    let mut moved = 0;
    for task in moves {
        match task.await.unwrap() {
            Ok(_) => moved += 1,
            Err(StoreError::WrongState(_)) => {}
            Err(other) => panic!("unexpected {other}"),
        }
    }
    // One after another each move succeeds; one that finds the household changed under it
    // changes nothing.
    assert!(moved >= 1);
    let entry = store.register_entry(&wout).await.unwrap();
    assert_eq!(entry.household.len(), 1);
    assert_eq!(entry.home.address.street, "Schapenstraat");
    let family = store
        .register_entry(&members[0].national_number)
        .await
        .unwrap();
    assert_eq!(family.household.len(), 3);
    assert_eq!(family.household[0].household_role, HouseholdRole::Reference);
    assert_eq!(store.resident_count().await.unwrap(), 4);
}
