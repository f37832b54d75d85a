//! The counter on call in the store, run on SQLite and, with `LOKET_TEST_DATABASE_URL`, on
//! PostgreSQL: summons, accepting once, a place given to one visit at a time, the end of a visit,
//! and the alert when nobody accepts in time.

use jiff::{SignedDuration, Timestamp};
use loket_domain::queue::TicketStatus;
use loket_domain::staff::Role;
use loket_store::floor::NewTicket;
use loket_store::on_call::{Ending, NewOnCall, OnCallStatus, Place, StaffState};
use loket_store::staff::UserInput;
use loket_store::testing::{TestDatabase, fresh_store};
use loket_store::{Store, StoreError};
use std::collections::HashSet;

fn now() -> Timestamp {
    "2026-12-03T09:00:00Z".parse().unwrap()
}

async fn demo_store() -> (Store, TestDatabase) {
    let (store, database) = fresh_store().await;
    assert!(store.install_demo(now()).await.unwrap());
    (store, database)
}

async fn site_id(store: &Store) -> i64 {
    store.sites().await.unwrap()[0].id
}

fn ticket_for(site_id: i64, product: &str, by: i64) -> NewTicket {
    NewTicket {
        site_id,
        zone_letter: "E".into(),
        day: now().to_zoned(jiff::tz::TimeZone::UTC).date(),
        product_code: product.into(),
        appointment_id: None,
        due_at: None,
        user_id: Some(by),
    }
}

async fn summon(store: &Store, product: &str, room: Option<&str>) -> i64 {
    let site = site_id(store).await;
    let reception = store.user("onthaal").await.unwrap();
    let wanted_room_id = match room {
        Some(code) => Some(store.room(site, code).await.unwrap().id),
        None => None,
    };
    let new = NewOnCall {
        ticket: ticket_for(site, product, reception.id),
        citizen_name: "An Claes".into(),
        note: "Heeft plannen bij".into(),
        wanted_room_id,
        held_ticket_id: None,
    };
    store.summon(&new, now()).await.unwrap().request.id
}

/// Employees of the department `stedenbouw` besides backoffice1, `count` of them.
async fn planners(store: &Store, count: usize) -> Vec<i64> {
    let mut ids = vec![store.user("backoffice1").await.unwrap().id];
    for n in 1..count {
        let input = UserInput {
            username: format!("planner{n}"),
            display_name: format!("Planner {n}"),
            active: true,
            roles: vec![Role::Backoffice],
            departments: vec!["stedenbouw".into()],
        };
        ids.push(store.create_user(&input, "demo", now()).await.unwrap().id);
    }
    ids
}

#[tokio::test]
async fn a_summons_hands_out_a_ticket_in_the_zone_on_call_and_records_it_on_the_floor() {
    let (store, _db) = demo_store().await;
    let site = site_id(&store).await;
    let before = store.last_floor_event(site).await.unwrap();
    let id = summon(&store, "bouwaanvraag", Some("spreekruimte-1")).await;
    let request = store.on_call_request(id).await.unwrap();
    assert_eq!(request.status, OnCallStatus::Waiting);
    assert_eq!(request.department_code, "stedenbouw");
    assert_eq!(request.ticket_label, "E001");
    assert_eq!(request.citizen_name, "An Claes");
    assert_eq!(request.wanted_room.unwrap().nl, "Spreekruimte 1");
    let kinds: Vec<String> = store
        .floor_events_after(site, before, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["issued", "on_call_requested"]);
    let open = store.open_on_call_requests(site).await.unwrap();
    assert_eq!(open.len(), 1);

    // A product that is not on call is refused, and nothing is left behind.
    let reception = store.user("onthaal").await.unwrap();
    let wrong = NewOnCall {
        ticket: ticket_for(site, "eid-aanvraag", reception.id),
        citizen_name: String::new(),
        note: String::new(),
        wanted_room_id: None,
        held_ticket_id: None,
    };
    assert!(matches!(
        store.summon(&wrong, now()).await,
        Err(StoreError::Reference(_))
    ));
    assert_eq!(store.open_tickets(site).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_ticket_the_citizen_holds_moves_to_the_request_and_keeps_its_arrival() {
    let (store, _db) = demo_store().await;
    let site = site_id(&store).await;
    let reception = store.user("onthaal").await.unwrap();
    let mut kiosk = ticket_for(site, "stadsplan", reception.id);
    kiosk.zone_letter = "A".into();
    let held = store.issue_ticket(&kiosk, now()).await.unwrap();
    let later = now() + SignedDuration::from_mins(5);
    let new = NewOnCall {
        ticket: ticket_for(site, "milieu-advies", reception.id),
        citizen_name: String::new(),
        note: String::new(),
        wanted_room_id: None,
        held_ticket_id: Some(held.ticket.id),
    };
    let summoned = store.summon(&new, later).await.unwrap();
    assert_eq!(summoned.issued.ticket.arrived_at, now());
    assert_eq!(summoned.issued.ticket.zone_letter, "E");
    // The citizen's phone page follows the new ticket.
    let followed = store.ticket_by_token(&held.track_token).await.unwrap();
    assert_eq!(followed.id, summoned.issued.ticket.id);
    assert_eq!(
        store.ticket(held.ticket.id).await.unwrap().status,
        TicketStatus::Transferred
    );
    // Not twice.
    assert!(matches!(
        store.summon(&new, later).await,
        Err(StoreError::WrongState(_))
    ));
}

#[tokio::test]
async fn only_the_department_accepts_and_the_ticket_is_called_to_the_room_wanted() {
    let (store, _db) = demo_store().await;
    let id = summon(&store, "bouwaanvraag", Some("spreekruimte-1")).await;
    let other = UserInput {
        username: "welzijn1".into(),
        display_name: "Welzijn Een".into(),
        active: true,
        roles: vec![Role::Backoffice],
        departments: vec!["welzijn".into()],
    };
    let stranger = store.create_user(&other, "demo", now()).await.unwrap();
    assert!(matches!(
        store.accept_on_call(id, stranger.id, now()).await,
        Err(StoreError::Reference(_))
    ));
    let koen = store.user("backoffice1").await.unwrap();
    let place = store.accept_on_call(id, koen.id, now()).await.unwrap();
    let Place::Room(room) = place else {
        panic!("a room was wanted")
    };
    assert_eq!(room.nl, "Spreekruimte 1");
    let request = store.on_call_request(id).await.unwrap();
    assert_eq!(request.status, OnCallStatus::Accepted);
    assert_eq!(request.accepted_by_name.as_deref(), Some("Koen Wouters"));
    let ticket = store.ticket(request.ticket_id).await.unwrap();
    assert_eq!(ticket.status, TicketStatus::Called);
    assert_eq!(ticket.room.unwrap().en, "Meeting room 1");
    let call = &store.recent_calls(request.site_id, 1).await.unwrap()[0];
    assert_eq!(call.ticket_label.as_deref(), Some("E001"));
    assert_eq!(call.room.as_ref().unwrap().fr, "Salle d'entretien 1");
    assert_eq!(
        store.staff_state(koen.id).await.unwrap().0,
        StaffState::FrontOffice
    );
    assert!(matches!(
        store.accept_on_call(id, koen.id, now()).await,
        Err(StoreError::WrongState(_))
    ));
}

#[tokio::test]
async fn of_many_employees_accepting_one_request_exactly_one_gets_it() {
    let (store, _db) = demo_store().await;
    let id = summon(&store, "bouwaanvraag", None).await;
    let employees = planners(&store, 8).await;
    let tasks: Vec<_> = employees
        .iter()
        .map(|&user| {
            let store = store.clone();
            tokio::spawn(async move { (user, store.accept_on_call(id, user, now()).await) })
        })
        .collect();
    let mut winners = Vec::new();
    for task in tasks {
        let (user, outcome) = task.await.unwrap();
        match outcome {
            Ok(place) => winners.push((user, place)),
            Err(StoreError::WrongState(_)) => {}
            Err(other) => panic!("unexpected: {other}"),
        }
    }
    assert_eq!(winners.len(), 1);
    let (winner, place) = &winners[0];
    assert_eq!(place, &Place::Counter(18));
    let request = store.on_call_request(id).await.unwrap();
    assert_eq!(request.accepted_by, Some(*winner));
    // The winner is signed in at the counter, and only the winner is in the front office.
    let at_counter = store
        .counters_on_floor(request.site_id)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.number == 18)
        .unwrap();
    assert_eq!(at_counter.user_id, Some(*winner));
    for user in employees {
        let in_front = store.staff_state(user).await.unwrap().0 == StaffState::FrontOffice;
        assert_eq!(in_front, user == *winner);
    }
}

#[tokio::test]
async fn requests_accepted_at_once_never_share_a_counter_or_a_room() {
    let (store, _db) = demo_store().await;
    // Three counters in zone E and two rooms: five places for seven requests.
    let mut requests = Vec::new();
    for _ in 0..7 {
        requests.push(summon(&store, "bouwaanvraag", None).await);
    }
    let employees = planners(&store, 7).await;
    let tasks: Vec<_> = requests
        .iter()
        .zip(&employees)
        .map(|(&id, &user)| {
            let store = store.clone();
            tokio::spawn(async move { store.accept_on_call(id, user, now()).await })
        })
        .collect();
    let mut places = Vec::new();
    let mut full = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(place) => places.push(place),
            Err(StoreError::Full) => full += 1,
            Err(other) => panic!("unexpected: {other}"),
        }
    }
    assert_eq!((places.len(), full), (5, 2));
    let distinct: HashSet<String> = places.iter().map(|p| format!("{p:?}")).collect();
    assert_eq!(distinct.len(), 5, "{places:?}");
    let waiting = store
        .open_on_call_requests(site_id(&store).await)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.status == OnCallStatus::Waiting)
        .count();
    assert_eq!(waiting, 2, "the requests without a place keep waiting");
}

#[tokio::test]
async fn a_visit_starts_and_finishes_and_frees_its_counter() {
    let (store, _db) = demo_store().await;
    let id = summon(&store, "bouwaanvraag", None).await;
    let koen = store.user("backoffice1").await.unwrap();
    // Working at counter 1 when the request comes, the employee leaves it for counter 18.
    let site = site_id(&store).await;
    let counter_1 = store.counters_on_floor(site).await.unwrap()[0].counter_id;
    store
        .sign_in_at_counter(counter_1, koen.id, now())
        .await
        .unwrap();
    store.accept_on_call(id, koen.id, now()).await.unwrap();
    let at: Vec<i64> = store
        .counters_on_floor(site)
        .await
        .unwrap()
        .into_iter()
        .filter(|c| c.user_id == Some(koen.id))
        .map(|c| c.number)
        .collect();
    assert_eq!(at, [18]);
    let arrived = now() + SignedDuration::from_mins(2);
    store.start_on_call(id, koen.id, arrived).await.unwrap();
    assert!(matches!(
        store.start_on_call(id, koen.id, arrived).await,
        Err(StoreError::WrongState(_))
    ));
    let done = arrived + SignedDuration::from_mins(20);
    let transactions = vec!["bouwaanvraag".to_owned(), "milieu-advies".to_owned()];
    store
        .end_on_call(id, koen.id, Ending::Finished, &transactions, done)
        .await
        .unwrap();
    let request = store.on_call_request(id).await.unwrap();
    assert_eq!(request.status, OnCallStatus::Finished);
    assert_eq!(request.arrived_at, Some(arrived));
    let ticket = store.ticket(request.ticket_id).await.unwrap();
    assert_eq!(ticket.status, TicketStatus::Done);
    assert_eq!(
        store.ticket_transactions(ticket.id).await.unwrap(),
        transactions
    );
    let counter = store
        .counters_on_floor(request.site_id)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.number == 18)
        .unwrap();
    assert_eq!(counter.user_id, None);
    assert_eq!(
        store.staff_state(koen.id).await.unwrap(),
        (StaffState::BackOffice, Some(done))
    );
    assert!(
        store
            .open_on_call_requests(request.site_id)
            .await
            .unwrap()
            .is_empty()
    );

    // The next request gets counter 18 again; a citizen who does not come ends it too.
    let next = summon(&store, "milieu-advies", None).await;
    assert_eq!(
        store.accept_on_call(next, koen.id, done).await.unwrap(),
        Place::Counter(18)
    );
    store
        .end_on_call(next, koen.id, Ending::NoShow, &[], done)
        .await
        .unwrap();
    let ticket = store
        .ticket(store.on_call_request(next).await.unwrap().ticket_id)
        .await
        .unwrap();
    assert_eq!(ticket.status, TicketStatus::NoShow);
}

#[tokio::test]
async fn a_counter_of_the_zone_on_call_does_not_call_a_citizen_waiting_for_a_summons() {
    let (store, _database) = demo_store().await;
    let id = summon(&store, "bouwaanvraag", None).await;
    let site = site_id(&store).await;
    let counter = store.user("balie1").await.unwrap().id;
    let eighteen = store
        .counters(site)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.number == 18)
        .unwrap();
    store
        .sign_in_at_counter(eighteen.id, counter, now())
        .await
        .unwrap();
    assert_eq!(
        store.call_next(eighteen.id, counter, now()).await.unwrap(),
        None
    );
    let request = store.on_call_request(id).await.unwrap();
    assert_eq!(request.status, OnCallStatus::Waiting);
}

#[tokio::test]
async fn reception_cancels_only_a_waiting_request() {
    let (store, _db) = demo_store().await;
    let reception = store.user("onthaal").await.unwrap();
    let koen = store.user("backoffice1").await.unwrap();
    let first = summon(&store, "bouwaanvraag", None).await;
    store
        .cancel_on_call(first, reception.id, now())
        .await
        .unwrap();
    let request = store.on_call_request(first).await.unwrap();
    assert_eq!(request.status, OnCallStatus::Cancelled);
    assert_eq!(
        store.ticket(request.ticket_id).await.unwrap().status,
        TicketStatus::Cancelled
    );
    let second = summon(&store, "bouwaanvraag", None).await;
    store.accept_on_call(second, koen.id, now()).await.unwrap();
    assert!(matches!(
        store.cancel_on_call(second, reception.id, now()).await,
        Err(StoreError::WrongState(_))
    ));
}

#[tokio::test]
async fn a_request_nobody_accepts_in_time_is_marked_once_even_by_several_nodes() {
    let (store, _db) = demo_store().await;
    let site = site_id(&store).await;
    let id = summon(&store, "bouwaanvraag", None).await;
    let cutoff = now() - SignedDuration::from_mins(3);
    assert!(
        store
            .mark_overdue_on_call(cutoff, now())
            .await
            .unwrap()
            .is_empty()
    );
    let later = now() + SignedDuration::from_mins(3);
    let before = store.last_floor_event(site).await.unwrap();
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.mark_overdue_on_call(now(), later).await.unwrap() })
        })
        .collect();
    let mut marked = Vec::new();
    for task in tasks {
        marked.extend(task.await.unwrap());
    }
    assert_eq!(marked, [id]);
    let events = store.floor_events_after(site, before, 10).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, "on_call_overdue");
    assert_eq!(
        store.on_call_request(id).await.unwrap().realerted_at,
        Some(later)
    );
}

#[tokio::test]
async fn presence_is_kept_per_employee_and_told_to_every_site() {
    let (store, _db) = demo_store().await;
    let site = site_id(&store).await;
    let koen = store.user("backoffice1").await.unwrap();
    let staff = store.on_call_staff().await.unwrap();
    let listed = staff.iter().find(|s| s.user_id == koen.id).unwrap();
    assert_eq!(listed.departments, ["milieu", "stedenbouw"]);
    assert_eq!((listed.state, listed.since), (StaffState::Off, None));
    assert!(staff.iter().all(|s| s.display_name != "Sofie Peeters"));

    let before = store.last_floor_event(site).await.unwrap();
    store
        .set_staff_state(koen.id, StaffState::Break, now())
        .await
        .unwrap();
    let listed = store
        .on_call_staff()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.user_id == koen.id)
        .unwrap();
    assert_eq!(
        (listed.state, listed.since),
        (StaffState::Break, Some(now()))
    );
    let events = store.floor_events_after(site, before, 10).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, "presence");
    assert_eq!(events[0].ticket_label, None);
}
