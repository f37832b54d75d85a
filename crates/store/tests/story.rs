//! The storage story, told once and run on SQLite, and on PostgreSQL when
//! `LOKET_TEST_DATABASE_URL` points at a server.

use jiff::Timestamp;
use jiff::civil::date;
use loket_domain::calendar::{ClosedBecause, DateException, Day, Holiday, TimeRange};
use loket_domain::catalogue::{Channel, ProductForm};
use loket_domain::staff::Role;
use loket_store::staff::{SessionKind, UserInput};
use loket_store::testing::fresh_store;
use loket_store::{Store, StoreError};

fn now() -> Timestamp {
    "2026-12-03T09:00:00Z".parse().unwrap()
}

async fn demo_store() -> (Store, loket_store::testing::TestDatabase) {
    let (store, database) = fresh_store().await;
    assert!(store.install_demo(now()).await.unwrap());
    (store, database)
}

#[tokio::test]
async fn the_demo_holds_the_leuven_office_and_is_installed_only_once() {
    let (store, _db) = demo_store().await;
    let products = store.products().await.unwrap();
    assert_eq!(products.len(), 37);
    let eid = store.product("eid-aanvraag").await.unwrap();
    assert_eq!(
        (eid.channel, eid.minutes, eid.fee_cents),
        (Channel::Appointment, 15, Some(2000))
    );
    assert_eq!(eid.department_code, "burgerzaken");
    assert_eq!(eid.rubric_code.as_deref(), Some("identiteit"));

    let site = store.site("stadskantoor").await.unwrap();
    assert_eq!(site.time_zone, "Europe/Brussels");
    let zones = store.zones(site.id).await.unwrap();
    assert_eq!(
        zones.iter().map(|z| z.letter.as_str()).collect::<String>(),
        "ABCDE"
    );
    let counters = store.counters(site.id).await.unwrap();
    assert_eq!(counters.len(), 20);
    let counter_7 = counters.iter().find(|c| c.number == 7).unwrap();
    assert_eq!(counter_7.zone_letter, "B");
    assert!(counter_7.products.contains(&"eid-aanvraag".to_owned()));
    assert_eq!(store.rooms(site.id).await.unwrap().len(), 2);
    assert_eq!(store.users().await.unwrap().len(), 13);

    // A second start with --demo keeps what is there.
    store
        .set_setting("organisation.name", "Stad Leuven (test)")
        .await
        .unwrap();
    assert!(!store.install_demo(now()).await.unwrap());
    assert_eq!(
        store.setting("organisation.name").await.unwrap().as_deref(),
        Some("Stad Leuven (test)")
    );
}

#[tokio::test]
async fn the_demo_calendar_opens_on_thursday_evening_and_closes_on_the_citys_days() {
    let (store, _db) = demo_store().await;
    let site = store.site("stadskantoor").await.unwrap();
    let hours = store.site_hours(&site).await.unwrap();
    let Day::Open(intervals) = hours.calendar.day(date(2026, 12, 3)) else {
        panic!("Thursday is open")
    };
    assert_eq!(intervals[0].start.to_string(), "2026-12-03T08:00:00Z");
    assert_eq!(intervals[0].end.to_string(), "2026-12-03T19:00:00Z");
    assert_eq!(
        hours.calendar.day(date(2026, 12, 25)),
        Day::Closed(ClosedBecause::LegalHoliday(Holiday::Christmas))
    );
    let Day::Closed(ClosedBecause::CityRule(index)) = hours.calendar.day(date(2026, 5, 15)) else {
        panic!("the Friday after Ascension is closed")
    };
    assert_eq!(hours.rules[index].names.nl, "Vrijdag na Hemelvaart");
    assert_eq!(hours.phone.on(jiff::civil::Weekday::Friday).len(), 1);

    let saturday = date(2026, 12, 5);
    let exception =
        DateException::open(saturday, vec!["09:00-12:00".parse::<TimeRange>().unwrap()]).unwrap();
    let names = loket_domain::catalogue::Texts::new("Verkiezingen", "Élections", "Elections");
    store
        .save_date_exception(site.id, &exception, &names)
        .await
        .unwrap();
    let hours = store.site_hours(&site).await.unwrap();
    assert!(matches!(hours.calendar.day(saturday), Day::Open(_)));
    store
        .delete_date_exception(site.id, hours.exceptions[0].id)
        .await
        .unwrap();
    let hours = store.site_hours(&site).await.unwrap();
    assert_eq!(
        hours.calendar.day(saturday),
        Day::Closed(ClosedBecause::NoHours)
    );
}

#[tokio::test]
async fn a_product_code_is_unique_and_an_edit_keeps_everything_else() {
    let (store, _db) = demo_store().await;
    let mut form = ProductForm::from(&store.product("stadsplan").await.unwrap().input());
    form.code = "eid-aanvraag".into();
    let duplicate = store.insert_product(&form.parse().unwrap()).await;
    assert!(
        matches!(duplicate, Err(StoreError::Duplicate(_))),
        "{duplicate:?}"
    );

    form.code = "stadsplan".into();
    form.fee = "1,50".into();
    store
        .update_product("stadsplan", &form.parse().unwrap())
        .await
        .unwrap();
    let map = store.product("stadsplan").await.unwrap();
    assert_eq!(map.fee_cents, Some(150));
    assert_eq!(map.name_fr, "Plan de la ville");

    form.department = "no-such-department".into();
    let unknown = store
        .update_product("stadsplan", &form.parse().unwrap())
        .await;
    assert!(
        matches!(unknown, Err(StoreError::Reference(_))),
        "{unknown:?}"
    );
    assert_eq!(
        store.product("stadsplan").await.unwrap().department_code,
        "onthaal"
    );
}

#[tokio::test]
async fn staff_sign_in_with_a_password_and_sessions_end() {
    let (store, _db) = demo_store().await;
    assert!(
        store
            .authenticate("balie1", "wrong")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .authenticate("nobody", "demo")
            .await
            .unwrap()
            .is_none()
    );
    let backoffice = store
        .authenticate("backoffice1", "demo")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(backoffice.roles, vec![Role::Backoffice]);
    assert_eq!(backoffice.departments, vec!["milieu", "stedenbouw"]);

    let session = store
        .start_session(
            backoffice.id,
            SessionKind::Api,
            now(),
            jiff::SignedDuration::from_hours(8),
        )
        .await
        .unwrap();
    let found = store
        .session_user(&session.token, SessionKind::Api, now())
        .await
        .unwrap();
    assert_eq!(found.map(|u| u.username).as_deref(), Some("backoffice1"));
    assert!(
        store
            .session_user(&session.token, SessionKind::Web, now())
            .await
            .unwrap()
            .is_none()
    );
    let later: Timestamp = "2026-12-03T17:00:01Z".parse().unwrap();
    assert!(
        store
            .session_user(&session.token, SessionKind::Api, later)
            .await
            .unwrap()
            .is_none()
    );

    store
        .set_password("backoffice1", "a much longer secret")
        .await
        .unwrap();
    assert!(
        store
            .session_user(&session.token, SessionKind::Api, now())
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .authenticate("backoffice1", "a much longer secret")
            .await
            .unwrap()
            .is_some()
    );
}

#[tokio::test]
async fn a_deactivated_account_cannot_sign_in_and_usernames_are_unique() {
    let (store, _db) = demo_store().await;
    let input = UserInput {
        username: "balie1".into(),
        display_name: "Someone else".into(),
        active: true,
        roles: vec![Role::Counter],
        departments: vec![],
    };
    let duplicate = store
        .create_user(&input, "long enough password", now())
        .await;
    assert!(
        matches!(duplicate, Err(StoreError::Duplicate(_))),
        "{duplicate:?}"
    );

    let user = store.user("balie1").await.unwrap();
    let session = store
        .start_session(
            user.id,
            SessionKind::Web,
            now(),
            jiff::SignedDuration::from_hours(8),
        )
        .await
        .unwrap();
    let deactivated = UserInput {
        active: false,
        display_name: user.display_name.clone(),
        ..input
    };
    store.update_user("balie1", &deactivated).await.unwrap();
    assert!(
        store
            .authenticate("balie1", "demo")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .session_user(&session.token, SessionKind::Web, now())
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn the_audit_log_keeps_who_did_what() {
    let (store, _db) = demo_store().await;
    let admin = store.user("admin").await.unwrap();
    store
        .audit(now(), Some(admin.id), "product.update", "stadsplan", "fee")
        .await
        .unwrap();
    let entries = store.audit_entries(10).await.unwrap();
    assert_eq!(entries[0].actor.as_deref(), Some("admin"));
    assert_eq!(entries[0].action, "product.update");
    assert_eq!(entries[0].at, now());
}

#[tokio::test]
async fn a_zone_letter_is_unique_per_site_and_found_by_its_letter() {
    use loket_store::organisation::ZoneInput;
    let (store, _db) = demo_store().await;
    let site = store.site("stadskantoor").await.unwrap();
    assert_eq!(
        store.zone(site.id, "B").await.unwrap().name_nl,
        "Burgerzaken"
    );
    assert!(matches!(
        store.zone(site.id, "Z").await,
        Err(StoreError::NotFound)
    ));

    let taxes = ZoneInput {
        letter: "F".into(),
        names: loket_domain::catalogue::Texts::new("Belastingen", "Taxes", "Taxes"),
        colour: "#0f766e".into(),
    };
    store.insert_zone(site.id, &taxes).await.unwrap();
    assert_eq!(store.zone(site.id, "F").await.unwrap().colour, "#0f766e");

    let again = ZoneInput {
        letter: "B".into(),
        ..taxes
    };
    let duplicate = store.insert_zone(site.id, &again).await;
    assert!(
        matches!(duplicate, Err(StoreError::Duplicate(_))),
        "{duplicate:?}"
    );
    assert_eq!(
        store.zone(site.id, "B").await.unwrap().name_nl,
        "Burgerzaken"
    );
}

#[tokio::test]
async fn a_room_code_is_unique_per_site_and_found_by_its_code() {
    use loket_store::organisation::RoomInput;
    let (store, _db) = demo_store().await;
    let site = store.site("stadskantoor").await.unwrap();
    assert_eq!(
        store.room(site.id, "spreekruimte-1").await.unwrap().name_fr,
        "Salle d'entretien 1"
    );
    assert!(matches!(
        store.room(site.id, "spreekruimte-9").await,
        Err(StoreError::NotFound)
    ));

    let second = RoomInput {
        code: "spreekruimte-2".into(),
        names: loket_domain::catalogue::Texts::new(
            "Spreekruimte 2",
            "Salle d'entretien 2",
            "Meeting room 2",
        ),
        note: String::new(),
    };
    store.insert_room(site.id, &second).await.unwrap();
    assert_eq!(
        store.room(site.id, "spreekruimte-2").await.unwrap().name_en,
        "Meeting room 2"
    );
    let duplicate = store
        .insert_room(
            site.id,
            &RoomInput {
                code: "spreekruimte-1".into(),
                ..second
            },
        )
        .await;
    assert!(
        matches!(duplicate, Err(StoreError::Duplicate(_))),
        "{duplicate:?}"
    );
    assert_eq!(
        store.room(site.id, "spreekruimte-1").await.unwrap().name_nl,
        "Spreekruimte 1"
    );
}

#[tokio::test]
async fn expired_sessions_are_purged_and_live_ones_kept() {
    let (store, _db) = demo_store().await;
    let user = store.user("onthaal").await.unwrap();
    let short = store
        .start_session(
            user.id,
            SessionKind::Web,
            now(),
            jiff::SignedDuration::from_mins(5),
        )
        .await
        .unwrap();
    let long = store
        .start_session(
            user.id,
            SessionKind::Web,
            now(),
            jiff::SignedDuration::from_hours(8),
        )
        .await
        .unwrap();
    let later = now() + jiff::SignedDuration::from_hours(1);
    assert_eq!(store.purge_sessions(later).await.unwrap(), 1);
    assert!(
        store.end_session(&short.token).await.is_err(),
        "the expired session is gone"
    );
    assert!(
        store
            .session_user(&long.token, SessionKind::Web, later)
            .await
            .unwrap()
            .is_some()
    );
}

mod appointments {
    use super::*;
    use loket_domain::slots::{Book, BookingPolicy, Cell};
    use loket_store::appointments::{AppointmentStatus, BookingLimits, Limit, NewAppointment};

    /// The cells of a visit of `minutes` in zone B of the demo, starting at `start`.
    async fn zone_b_cells(store: &Store, start: &str, minutes: i64) -> Vec<Cell> {
        let site = store.site("stadskantoor").await.unwrap();
        let hours = store.site_hours(&site).await.unwrap();
        let roster = store.roster(site.id, "B").await.unwrap();
        let policy = BookingPolicy::default();
        let book = Book {
            calendar: &hours.calendar,
            roster: &roster,
            policy,
        };
        book.cells_of_visit(start.parse().unwrap(), policy.cells_for(minutes))
            .unwrap()
    }

    fn visit(site_id: i64, cells: Vec<Cell>, email: &str) -> NewAppointment {
        NewAppointment {
            site_id,
            zone_letter: "B".into(),
            products: vec!["eid-aanvraag".into()],
            cells,
            cell_length: jiff::SignedDuration::from_mins(10),
            name: "An Peeters".into(),
            email: email.into(),
            phone: String::new(),
            national_number: None,
            locale: loket_domain::locale::Locale::Nl,
            booked_by: None,
            limits: BookingLimits::NONE,
        }
    }

    #[tokio::test]
    async fn sixty_citizens_racing_for_one_start_get_exactly_its_six_places() {
        let (store, _db) = demo_store().await;
        let site = store.site("stadskantoor").await.unwrap();
        let cells = zone_b_cells(&store, "2026-12-10T09:00:00Z", 15).await;
        assert_eq!(cells.iter().map(|c| c.places).collect::<Vec<_>>(), [6, 6]);
        let attempts: Vec<_> = (0..60)
            .map(|i| {
                let store = store.clone();
                let new = visit(site.id, cells.clone(), &format!("citizen{i}@example.be"));
                tokio::spawn(async move { store.book_appointment(&new, now()).await })
            })
            .collect();
        let mut booked = Vec::new();
        for attempt in attempts {
            match attempt.await.unwrap() {
                Ok(done) => booked.push(done),
                Err(StoreError::Full) => {}
                Err(other) => panic!("unexpected: {other}"),
            }
        }
        assert_eq!(booked.len(), 6, "exactly the places there were");
        let mut codes: Vec<&str> = booked.iter().map(|b| b.appointment.code.as_str()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 6, "every booking has its own code");
        let stored = store
            .appointments_between(site.id, cells[0].start, cells[1].start)
            .await
            .unwrap();
        assert_eq!(stored.len(), 6, "every success is stored, and nothing else");
        let taken = store
            .taken_places(
                site.id,
                "B",
                cells[0].start,
                cells[1].start + jiff::SignedDuration::from_mins(10),
            )
            .await
            .unwrap();
        assert_eq!(taken.values().copied().collect::<Vec<_>>(), [6, 6]);
    }

    #[tokio::test]
    async fn cancelling_frees_the_place_and_a_move_keeps_the_old_time_when_the_new_one_is_full() {
        let (store, _db) = demo_store().await;
        let site = store.site("stadskantoor").await.unwrap();
        let ten = zone_b_cells(&store, "2026-12-10T09:00:00Z", 15).await;
        let eleven = zone_b_cells(&store, "2026-12-10T10:00:00Z", 15).await;
        let mine = store
            .book_appointment(&visit(site.id, ten.clone(), "me@example.be"), now())
            .await
            .unwrap();
        assert_eq!(mine.appointment.status, AppointmentStatus::Booked);
        assert_eq!(mine.appointment.start, ten[0].start);
        assert_eq!(mine.appointment.end.to_string(), "2026-12-10T09:20:00Z");
        for i in 0..6 {
            store
                .book_appointment(
                    &visit(site.id, eleven.clone(), &format!("o{i}@example.be")),
                    now(),
                )
                .await
                .unwrap();
        }
        let full = store
            .reschedule_appointment(
                mine.appointment.id,
                &eleven,
                jiff::SignedDuration::from_mins(10),
                now(),
            )
            .await;
        assert!(matches!(full, Err(StoreError::Full)), "{full:?}");
        let kept = store
            .appointment_by_token(&mine.manage_token)
            .await
            .unwrap();
        assert_eq!(kept.start, ten[0].start, "the old time is kept");
        assert_eq!(
            store
                .taken_places(site.id, "B", ten[0].start, eleven[0].start)
                .await
                .unwrap()[&ten[0].start],
            1
        );

        let half_past = zone_b_cells(&store, "2026-12-10T09:10:00Z", 15).await;
        let moved = store
            .reschedule_appointment(
                mine.appointment.id,
                &half_past,
                jiff::SignedDuration::from_mins(10),
                now(),
            )
            .await
            .unwrap();
        assert_eq!(moved.start, half_past[0].start);
        let taken = store
            .taken_places(site.id, "B", ten[0].start, eleven[0].start)
            .await
            .unwrap();
        assert_eq!(
            taken.get(&ten[0].start).copied().unwrap_or(0),
            0,
            "the overlap moved with it"
        );
        assert_eq!(taken[&half_past[0].start], 1);
        assert_eq!(taken[&half_past[1].start], 1);

        let cancelled = store
            .cancel_appointment(mine.appointment.id, now())
            .await
            .unwrap();
        assert_eq!(cancelled.status, AppointmentStatus::Cancelled);
        assert!(
            store
                .taken_places(site.id, "B", ten[0].start, eleven[0].start)
                .await
                .unwrap()
                .is_empty()
        );
        assert!(matches!(
            store.cancel_appointment(mine.appointment.id, now()).await,
            Err(StoreError::WrongState(_))
        ));
        assert!(matches!(
            store.appointment_by_token("not-a-token").await,
            Err(StoreError::NotFound)
        ));
    }

    #[tokio::test]
    async fn one_person_racing_for_many_starts_gets_no_more_than_the_limit() {
        let (store, _db) = demo_store().await;
        let site = store.site("stadskantoor").await.unwrap();
        let limits = BookingLimits {
            per_email: 3,
            per_national_number_and_product: 1,
        };
        let mut attempts = Vec::new();
        for hour in 8..14 {
            let cells = zone_b_cells(&store, &format!("2026-12-10T{hour:02}:00:00Z"), 15).await;
            for _ in 0..5 {
                let store = store.clone();
                let mut new = visit(site.id, cells.clone(), "hoarder@example.be");
                new.limits = limits;
                attempts.push(tokio::spawn(async move {
                    store.book_appointment(&new, now()).await
                }));
            }
        }
        let mut booked = 0;
        for attempt in attempts {
            match attempt.await.unwrap() {
                Ok(_) => booked += 1,
                Err(StoreError::Limit(Limit::Email)) => {}
                Err(other) => panic!("unexpected: {other}"),
            }
        }
        assert_eq!(
            booked, 3,
            "one e-mail address holds three future visits at most"
        );

        let cells = zone_b_cells(&store, "2026-12-11T09:00:00Z", 15).await;
        let mut attempts = Vec::new();
        for i in 0..8 {
            let store = store.clone();
            let mut new = visit(site.id, cells.clone(), &format!("family{i}@example.be"));
            new.national_number = Some("85073003328".into());
            new.limits = limits;
            attempts.push(tokio::spawn(async move {
                store.book_appointment(&new, now()).await
            }));
        }
        let mut outcomes = Vec::new();
        for attempt in attempts {
            outcomes.push(attempt.await.unwrap().map(|_| ()));
        }
        assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 1);
        assert!(
            outcomes
                .iter()
                .all(|o| o.is_ok() || matches!(o, Err(StoreError::Limit(Limit::NationalNumber))))
        );

        let first = store
            .find_appointments("hoarder@example.be", now(), 10)
            .await
            .unwrap();
        assert_eq!(first.len(), 3);
        store.cancel_appointment(first[0].id, now()).await.unwrap();
        let mut new = visit(site.id, cells, "hoarder@example.be");
        new.limits = limits;
        store
            .book_appointment(&new, now())
            .await
            .expect("a cancelled visit no longer counts");
    }

    #[tokio::test]
    async fn staff_find_a_visit_by_its_code_e_mail_phone_or_part_of_the_name() {
        let (store, _db) = demo_store().await;
        let site = store.site("stadskantoor").await.unwrap();
        let cells = zone_b_cells(&store, "2026-12-10T09:00:00Z", 15).await;
        let mut new = visit(site.id, cells.clone(), "an.peeters@example.be");
        new.phone = "0470 12 34 56".into();
        let an = store
            .book_appointment(&new, now())
            .await
            .unwrap()
            .appointment;
        let mut other = visit(site.id, cells, "jan@example.be");
        other.name = "Jan Janssens".into();
        store.book_appointment(&other, now()).await.unwrap();

        for typed in [
            an.code.to_lowercase().as_str(),
            "An.Peeters@example.be",
            "0470 12 34 56",
            "peeters",
        ] {
            let found = store.find_appointments(typed, now(), 10).await.unwrap();
            assert_eq!(
                found.iter().map(|a| a.id).collect::<Vec<_>>(),
                [an.id],
                "{typed}"
            );
            assert_eq!(found[0].products, ["eid-aanvraag"]);
        }
        assert!(
            store
                .find_appointments("%", now(), 10)
                .await
                .unwrap()
                .is_empty()
        );
        let later: Timestamp = "2026-12-11T00:00:00Z".parse().unwrap();
        assert!(
            store
                .find_appointments("peeters", later, 10)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

#[tokio::test]
async fn the_configuration_version_rises_with_every_change_the_appointment_books_are_made_of() {
    let (store, _db) = demo_store().await;
    let site = store.site("stadskantoor").await.unwrap();
    let start = store.config_version().await.unwrap();
    store
        .replace_roster(
            site.id,
            "D",
            store.roster(site.id, "D").await.unwrap().blocks(),
        )
        .await
        .unwrap();
    let after_roster = store.config_version().await.unwrap();
    assert!(after_roster > start, "a roster change");
    store
        .set_setting("organisation.phone", "016 27 20 00")
        .await
        .unwrap();
    assert_eq!(
        store.config_version().await.unwrap(),
        after_roster,
        "what changes nothing of the books leaves it"
    );
}

mod outbox {
    use super::*;
    use jiff::SignedDuration;
    use loket_store::outbox::{MailAttachment, MailStatus, OutboxChannel, OutgoingMail};

    fn mail(recipient: &str, subject: &str, ics: bool) -> OutgoingMail {
        OutgoingMail {
            recipient: recipient.into(),
            subject: subject.into(),
            text: format!("Beste,\n\n{subject}\n"),
            html: format!("<p>Beste,</p><p>{subject}</p>"),
            attachment: ics.then(|| MailAttachment {
                name: "afspraak.ics".into(),
                content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
                body: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".into(),
            }),
        }
    }

    #[tokio::test]
    async fn a_confirmation_leaves_at_once_and_a_reminder_waits_for_its_day() {
        let (store, _db) = fresh_store().await;
        let confirmation = mail("an@example.be", "Uw afspraak", true);
        let reminder = mail("an@example.be", "Morgen uw afspraak", false);
        let day_before: Timestamp = "2026-12-09T09:00:00Z".parse().unwrap();
        let confirmation_id = store.queue_mail(&confirmation, now(), now()).await.unwrap();
        let reminder_id = store
            .queue_mail(&reminder, day_before, now())
            .await
            .unwrap();

        let due = store.due_mails(now(), 10).await.unwrap();
        assert_eq!(due.len(), 1, "only the confirmation is due");
        assert_eq!(due[0].id, confirmation_id);
        assert_eq!(
            due[0].mail, confirmation,
            "text, HTML and .ics come back intact"
        );
        assert_eq!((due[0].attempts, due[0].status), (0, MailStatus::Pending));
        assert_eq!(due[0].created_at, now());

        let sent_at = now() + SignedDuration::from_secs(3);
        store.mark_sent(confirmation_id, sent_at).await.unwrap();
        assert!(store.due_mails(now(), 10).await.unwrap().is_empty());
        assert!(matches!(
            store.mark_sent(confirmation_id, sent_at).await,
            Err(StoreError::WrongState(_))
        ));

        let listed = store.outbox(100).await.unwrap();
        assert_eq!(
            listed.iter().map(|m| m.id).collect::<Vec<_>>(),
            [reminder_id, confirmation_id],
            "the newest first"
        );
        assert_eq!(listed[1].status, MailStatus::Sent);
        assert_eq!((listed[1].sent_at, listed[1].attempts), (Some(sent_at), 1));
        assert_eq!(listed[0].mail.attachment, None);

        let due = store.due_mails(day_before, 10).await.unwrap();
        assert_eq!(due.iter().map(|m| m.id).collect::<Vec<_>>(), [reminder_id]);
        assert_eq!(
            store.outbox_mail(reminder_id).await.unwrap().mail.subject,
            "Morgen uw afspraak"
        );
        assert!(matches!(
            store.outbox_mail(reminder_id + 100).await,
            Err(StoreError::NotFound)
        ));
    }

    #[tokio::test]
    async fn a_failed_attempt_is_tried_again_later_until_the_sender_gives_up() {
        let (store, _db) = fresh_store().await;
        let id = store
            .queue_mail(&mail("an@example.be", "Uw afspraak", true), now(), now())
            .await
            .unwrap();
        let retry_at = now() + SignedDuration::from_mins(1);
        store
            .mark_attempt_failed(id, "connection refused", retry_at, false)
            .await
            .unwrap();
        let queued = store.outbox_mail(id).await.unwrap();
        assert_eq!(queued.status, MailStatus::Pending, "nothing is lost");
        assert_eq!(queued.attempts, 1);
        assert_eq!(queued.send_after, retry_at);
        assert_eq!(queued.last_error.as_deref(), Some("connection refused"));
        assert!(store.due_mails(now(), 10).await.unwrap().is_empty());
        assert_eq!(store.due_mails(retry_at, 10).await.unwrap().len(), 1);

        let long_error = "x".repeat(5000);
        store
            .mark_attempt_failed(id, &long_error, retry_at, true)
            .await
            .unwrap();
        let failed = store.outbox_mail(id).await.unwrap();
        assert_eq!((failed.status, failed.attempts), (MailStatus::Failed, 2));
        assert_eq!(failed.last_error.unwrap().len(), 1000);
        assert!(
            store
                .due_mails(retry_at + SignedDuration::from_hours(48), 10)
                .await
                .unwrap()
                .is_empty(),
            "a failed mail is never tried again"
        );
        assert!(matches!(
            store
                .mark_attempt_failed(id, "again", retry_at, false)
                .await,
            Err(StoreError::WrongState(_))
        ));
        assert!(matches!(
            store.mark_sent(id + 100, now()).await,
            Err(StoreError::NotFound)
        ));
    }

    #[tokio::test]
    async fn two_senders_never_take_the_same_mail_and_a_held_mail_comes_back() {
        let (store, _db) = fresh_store().await;
        let mut ids = Vec::new();
        for i in 0..20 {
            let recipient = format!("burger{i}@example.be");
            ids.push(
                store
                    .queue_mail(&mail(&recipient, "Uw afspraak", false), now(), now())
                    .await
                    .unwrap(),
            );
        }
        let held_until = now() + SignedDuration::from_mins(5);
        let (first, second) = tokio::join!(
            store.claim_due_mails(OutboxChannel::Mail, now(), held_until, 20),
            store.claim_due_mails(OutboxChannel::Mail, now(), held_until, 20)
        );
        let mut taken: Vec<i64> = first
            .unwrap()
            .iter()
            .chain(second.unwrap().iter())
            .map(|m| m.id)
            .collect();
        taken.sort();
        assert_eq!(taken, ids, "every mail taken once, none twice");
        assert!(
            store
                .claim_due_mails(OutboxChannel::Mail, now(), held_until, 20)
                .await
                .unwrap()
                .is_empty()
        );

        // A sender that stopped before marking them: they are due again when the hold ends.
        let again = store
            .claim_due_mails(OutboxChannel::Mail, held_until, held_until, 5)
            .await
            .unwrap();
        assert_eq!(
            again.iter().map(|m| m.id).collect::<Vec<_>>(),
            ids[..5],
            "the oldest first"
        );
        assert!(again.iter().all(|m| m.status == MailStatus::Pending));
    }
}

mod roster {
    use super::*;
    use jiff::civil::{Time, Weekday, time};
    use loket_domain::roster::{DayBlock, RosterBlock};

    fn block(hours: &str, counters: u32, walk_in: u32) -> DayBlock {
        DayBlock {
            hours: hours.parse().unwrap(),
            counters,
            walk_in,
        }
    }

    fn ten() -> Time {
        time(10, 0, 0, 0)
    }

    #[tokio::test]
    async fn the_demo_keeps_counters_for_walk_ins_and_gives_the_rest_to_appointments() {
        let (store, _db) = demo_store().await;
        let site = store.site("stadskantoor").await.unwrap();
        let blocks = store.roster_blocks(site.id, "B").await.unwrap();
        assert_eq!(blocks.len(), 5, "Monday to Friday");
        assert_eq!(
            blocks[3].block,
            block("08:00-21:00", 8, 2).on(Weekday::Thursday)
        );
        let roster = store.roster(site.id, "B").await.unwrap();
        assert_eq!(roster.places_at(date(2026, 12, 10), ten()), 6);
        assert_eq!(
            store
                .roster(site.id, "C")
                .await
                .unwrap()
                .places_at(date(2026, 12, 10), ten()),
            3
        );
        assert!(store.roster_blocks(site.id, "A").await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn a_weekly_block_is_added_changed_and_removed_and_never_overlaps_another() {
        let (store, _db) = demo_store().await;
        let site = store.site("stadskantoor").await.unwrap();
        let thursday = date(2026, 12, 10);
        let weekly = store.roster_blocks(site.id, "B").await.unwrap();
        let thursday_id = weekly[3].id;

        // Mornings only, and two more counters kept for walk-ins.
        store
            .save_roster_block(
                site.id,
                "B",
                Some(thursday_id),
                &block("09:00-12:30", 8, 4).on(Weekday::Thursday),
            )
            .await
            .unwrap();
        let evening = store
            .save_roster_block(
                site.id,
                "B",
                None,
                &block("17:00-20:00", 5, 1).on(Weekday::Thursday),
            )
            .await
            .unwrap();
        let roster = store.roster(site.id, "B").await.unwrap();
        assert_eq!(roster.places_at(thursday, ten()), 4);
        assert_eq!(roster.places_at(thursday, time(14, 0, 0, 0)), 0);
        assert_eq!(roster.places_at(thursday, time(18, 0, 0, 0)), 4);

        let overlap = store
            .save_roster_block(
                site.id,
                "B",
                None,
                &block("12:00-13:00", 1, 0).on(Weekday::Thursday),
            )
            .await;
        assert!(
            matches!(&overlap, Err(StoreError::Overlap(hours)) if hours == "09:00-12:30"),
            "{overlap:?}"
        );
        let moved_onto_the_morning = store
            .save_roster_block(
                site.id,
                "B",
                Some(evening),
                &block("11:00-20:00", 5, 1).on(Weekday::Thursday),
            )
            .await;
        assert!(matches!(
            moved_onto_the_morning,
            Err(StoreError::Overlap(_))
        ));
        assert_eq!(
            store.roster(site.id, "B").await.unwrap(),
            roster,
            "a refused block changes nothing"
        );
        store
            .save_roster_block(
                site.id,
                "B",
                None,
                &block("12:00-13:00", 1, 0).on(Weekday::Saturday),
            )
            .await
            .expect("another weekday may have the same hours");

        store
            .delete_roster_block(site.id, "B", evening)
            .await
            .unwrap();
        assert_eq!(
            store
                .roster(site.id, "B")
                .await
                .unwrap()
                .places_at(thursday, time(18, 0, 0, 0)),
            0
        );
        assert!(matches!(
            store.delete_roster_block(site.id, "B", evening).await,
            Err(StoreError::NotFound)
        ));
        assert!(
            matches!(
                store.delete_roster_block(site.id, "C", thursday_id).await,
                Err(StoreError::NotFound)
            ),
            "a block belongs to its zone"
        );
        assert!(
            matches!(
                store
                    .save_roster_block(
                        site.id,
                        "Q",
                        None,
                        &block("09:00-12:00", 1, 0).on(Weekday::Monday)
                    )
                    .await,
                Err(StoreError::NotFound)
            ),
            "no zone Q"
        );
    }

    #[tokio::test]
    async fn a_date_with_its_own_roster_replaces_its_weekday_until_it_is_removed() {
        let (store, _db) = demo_store().await;
        let site = store.site("stadskantoor").await.unwrap();
        let outing = date(2026, 12, 10);
        let training = date(2026, 12, 17);
        let past = date(2026, 11, 26);

        store
            .add_roster_date(site.id, "B", outing, "Personeelsuitstap", &[])
            .await
            .unwrap();
        store
            .add_roster_date(
                site.id,
                "B",
                training,
                "Opleiding",
                &[block("13:00-16:00", 4, 1)],
            )
            .await
            .unwrap();
        store
            .add_roster_date(site.id, "B", past, "", &[])
            .await
            .unwrap();
        let again = store.add_roster_date(site.id, "B", outing, "", &[]).await;
        assert!(matches!(again, Err(StoreError::Duplicate(_))), "{again:?}");

        let roster = store.roster(site.id, "B").await.unwrap();
        assert_eq!(roster.places_at(outing, ten()), 0, "no appointments");
        assert_eq!(roster.places_at(training, ten()), 0);
        assert_eq!(roster.places_at(training, time(14, 0, 0, 0)), 3);
        assert_eq!(roster.places_at(date(2026, 12, 24), ten()), 6);
        assert_eq!(
            store
                .roster(site.id, "C")
                .await
                .unwrap()
                .places_at(outing, ten()),
            3,
            "zone C keeps its weekday"
        );

        let coming = store
            .roster_dates(site.id, "B", date(2026, 12, 3))
            .await
            .unwrap();
        assert_eq!(
            coming
                .iter()
                .map(|d| (d.date, d.note.as_str(), d.blocks.len()))
                .collect::<Vec<_>>(),
            [(outing, "Personeelsuitstap", 0), (training, "Opleiding", 1)]
        );

        // An extra evening on the outing day, then a change of the training's block.
        let evening = store
            .save_roster_date_block(site.id, "B", outing, None, &block("17:00-20:00", 3, 0))
            .await
            .unwrap();
        let training_block = coming[1].blocks[0].id;
        store
            .save_roster_date_block(
                site.id,
                "B",
                training,
                Some(training_block),
                &block("13:00-16:00", 4, 4),
            )
            .await
            .unwrap();
        let overlap = store
            .save_roster_date_block(site.id, "B", outing, None, &block("19:00-21:00", 1, 0))
            .await;
        assert!(
            matches!(overlap, Err(StoreError::Overlap(_))),
            "{overlap:?}"
        );
        assert!(
            matches!(
                store
                    .save_roster_date_block(
                        site.id,
                        "B",
                        date(2026, 12, 24),
                        None,
                        &block("09:00-10:00", 1, 0)
                    )
                    .await,
                Err(StoreError::NotFound)
            ),
            "a date without its own roster takes no blocks"
        );
        assert!(
            matches!(
                store
                    .save_roster_date_block(
                        site.id,
                        "B",
                        outing,
                        Some(training_block),
                        &block("09:00-10:00", 1, 0)
                    )
                    .await,
                Err(StoreError::NotFound)
            ),
            "a block belongs to its date"
        );
        store
            .update_roster_date_note(site.id, "B", outing, "Uitstap en avondopening")
            .await
            .unwrap();
        let roster = store.roster(site.id, "B").await.unwrap();
        assert_eq!(roster.places_at(outing, time(18, 0, 0, 0)), 3);
        assert_eq!(roster.places_at(training, time(14, 0, 0, 0)), 0);
        let outing_day = store.roster_date(site.id, "B", outing).await.unwrap();
        assert_eq!(outing_day.note, "Uitstap en avondopening");
        assert_eq!(outing_day.blocks[0].id, evening);

        store
            .delete_roster_date_block(site.id, "B", outing, evening)
            .await
            .unwrap();
        assert_eq!(
            store.roster(site.id, "B").await.unwrap().exception(outing),
            Some(&[][..]),
            "the date keeps its own roster without blocks"
        );
        store
            .delete_roster_date(site.id, "B", outing)
            .await
            .unwrap();
        assert_eq!(
            store
                .roster(site.id, "B")
                .await
                .unwrap()
                .places_at(outing, ten()),
            6,
            "back to the weekly roster"
        );
        assert!(matches!(
            store.roster_date(site.id, "B", outing).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store.delete_roster_date(site.id, "B", outing).await,
            Err(StoreError::NotFound)
        ));
    }

    #[tokio::test]
    async fn of_eight_people_adding_the_same_block_at_once_one_succeeds() {
        let (store, _db) = demo_store().await;
        let site = store.site("stadskantoor").await.unwrap();
        let attempts: Vec<_> = (0..8)
            .map(|_| {
                let store = store.clone();
                tokio::spawn(async move {
                    store
                        .save_roster_block(
                            site.id,
                            "A",
                            None,
                            &block("09:00-12:00", 2, 0).on(Weekday::Saturday),
                        )
                        .await
                })
            })
            .collect();
        let mut saved = 0;
        for attempt in attempts {
            match attempt.await.unwrap() {
                Ok(_) => saved += 1,
                Err(StoreError::Overlap(_)) => {}
                Err(other) => panic!("unexpected: {other}"),
            }
        }
        assert_eq!(saved, 1);
        assert_eq!(
            store
                .roster(site.id, "A")
                .await
                .unwrap()
                .places_at(date(2026, 12, 12), ten()),
            2,
            "never counted twice"
        );
    }

    #[tokio::test]
    async fn replacing_the_weekly_roster_keeps_the_dates() {
        let (store, _db) = demo_store().await;
        let site = store.site("stadskantoor").await.unwrap();
        store
            .add_roster_date(
                site.id,
                "D",
                date(2026, 12, 10),
                "",
                &[block("09:00-12:00", 1, 0)],
            )
            .await
            .unwrap();
        store
            .replace_roster(
                site.id,
                "D",
                &[RosterBlock {
                    weekday: Weekday::Thursday,
                    hours: "09:00-20:00".parse().unwrap(),
                    counters: 3,
                    walk_in: 1,
                }],
            )
            .await
            .unwrap();
        let roster = store.roster(site.id, "D").await.unwrap();
        assert_eq!(roster.places_at(date(2026, 12, 17), ten()), 2);
        assert_eq!(roster.places_at(date(2026, 12, 10), ten()), 1);
        assert_eq!(roster.places_at(date(2026, 12, 14), ten()), 0, "Monday");
    }
}

mod floor {
    use super::*;
    use loket_domain::queue::{TicketAction, TicketStatus};
    use loket_store::floor::{Actor, NewTicket};
    use std::collections::HashSet;

    fn pickup(site_id: i64, product: &str) -> NewTicket {
        NewTicket {
            site_id,
            zone_letter: "A".into(),
            day: date(2026, 12, 3),
            product_code: product.into(),
            appointment_id: None,
            due_at: None,
            user_id: None,
        }
    }

    /// Four counters of zone A (a fourth one is added to the demo's three), each with a counter
    /// user signed in: (counter id, user id).
    async fn open_fast_counters(store: &Store, site_id: i64) -> Vec<(i64, i64)> {
        let products = store.counters(site_id).await.unwrap()[0].products.clone();
        store
            .save_counter(
                site_id,
                &loket_store::organisation::CounterInput {
                    number: 21,
                    zone_letter: "A".into(),
                    products,
                },
            )
            .await
            .unwrap();
        let counters: Vec<i64> = store
            .counters(site_id)
            .await
            .unwrap()
            .into_iter()
            .filter(|c| c.zone_letter == "A")
            .map(|c| c.id)
            .take(4)
            .collect();
        let mut open = Vec::new();
        for (counter, username) in counters
            .into_iter()
            .zip(["balie1", "balie2", "balie3", "balie4"])
        {
            let user = store.user(username).await.unwrap().id;
            store
                .sign_in_at_counter(counter, user, now())
                .await
                .unwrap();
            open.push((counter, user));
        }
        open
    }

    #[tokio::test]
    async fn eight_kiosks_and_four_counters_at_once_never_share_a_number_or_a_ticket() {
        let (store, _db) = demo_store().await;
        let site = store.site("stadskantoor").await.unwrap();
        let counters = open_fast_counters(&store, site.id).await;
        assert_eq!(counters.len(), 4, "the demo has four fast counters");
        let kiosks: Vec<_> = (0..8)
            .map(|_| {
                let store = store.clone();
                let new = pickup(site.id, "eid-afhalen");
                tokio::spawn(async move {
                    let mut labels = Vec::new();
                    for _ in 0..25 {
                        labels.push(store.issue_ticket(&new, now()).await.unwrap().ticket.label);
                    }
                    labels
                })
            })
            .collect();
        let callers: Vec<_> = counters
            .iter()
            .map(|&(counter, user)| {
                let store = store.clone();
                tokio::spawn(async move {
                    let mut called = Vec::new();
                    for _ in 0..200 {
                        match store.call_next(counter, user, now()).await.unwrap() {
                            Some(ticket) => {
                                assert_eq!(ticket.status, TicketStatus::Called);
                                called.push(ticket.id);
                                store
                                    .act_on_ticket(
                                        ticket.id,
                                        TicketAction::Start,
                                        Actor {
                                            counter_id: Some(counter),
                                            user_id: Some(user),
                                        },
                                        &[],
                                        2,
                                        now(),
                                    )
                                    .await
                                    .unwrap();
                                store
                                    .act_on_ticket(
                                        ticket.id,
                                        TicketAction::Finish,
                                        Actor {
                                            counter_id: Some(counter),
                                            user_id: Some(user),
                                        },
                                        &["eid-afhalen".to_owned()],
                                        2,
                                        now(),
                                    )
                                    .await
                                    .unwrap();
                            }
                            None => tokio::task::yield_now().await,
                        }
                    }
                    called
                })
            })
            .collect();
        let mut labels = Vec::new();
        for kiosk in kiosks {
            labels.extend(kiosk.await.unwrap());
        }
        let unique: HashSet<&String> = labels.iter().collect();
        assert_eq!(labels.len(), 200);
        assert_eq!(unique.len(), 200, "no number twice");
        assert!(labels.contains(&"A001".to_owned()) && labels.contains(&"A200".to_owned()));
        let mut called = Vec::new();
        for caller in callers {
            called.extend(caller.await.unwrap());
        }
        let unique_calls: HashSet<i64> = called.iter().copied().collect();
        assert_eq!(unique_calls.len(), called.len(), "no ticket called twice");
        // Whatever the counters did not reach waits still, each exactly once.
        let open = store.open_tickets(site.id).await.unwrap();
        assert_eq!(open.len() + called.len(), 200);
        assert!(open.iter().all(|t| t.status == TicketStatus::Waiting));
    }

    #[tokio::test]
    async fn a_ticket_goes_from_the_kiosk_to_a_counter_and_its_history_is_numbered() {
        let (store, _db) = demo_store().await;
        let site = store.site("stadskantoor").await.unwrap();
        let (counter, user) = open_fast_counters(&store, site.id).await[0];
        let first = store
            .issue_ticket(&pickup(site.id, "gft-sticker"), now())
            .await
            .unwrap();
        let second = store
            .issue_ticket(&pickup(site.id, "pin-puk"), now())
            .await
            .unwrap();
        assert_eq!(first.ticket.label, "A001");
        assert_eq!(second.ticket.label, "A002");
        assert_eq!(
            store.ticket_by_token(&second.track_token).await.unwrap().id,
            second.ticket.id
        );
        let busy = store
            .call_next(counter, user, now())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(busy.id, first.ticket.id, "first come, first called");
        assert!(matches!(
            store.call_next(counter, user, now()).await,
            Err(StoreError::WrongState(_))
        ));
        for _ in 0..2 {
            store
                .act_on_ticket(
                    busy.id,
                    TicketAction::Recall,
                    Actor {
                        counter_id: Some(counter),
                        user_id: Some(user),
                    },
                    &[],
                    2,
                    now(),
                )
                .await
                .unwrap();
        }
        assert!(matches!(
            store
                .act_on_ticket(
                    busy.id,
                    TicketAction::Recall,
                    Actor {
                        counter_id: Some(counter),
                        user_id: Some(user)
                    },
                    &[],
                    2,
                    now()
                )
                .await,
            Err(StoreError::WrongState(_))
        ));
        let gone = store
            .act_on_ticket(
                busy.id,
                TicketAction::NoShow,
                Actor {
                    counter_id: Some(counter),
                    user_id: Some(user),
                },
                &[],
                2,
                now(),
            )
            .await
            .unwrap();
        assert_eq!(gone.status, TicketStatus::NoShow);

        let next = store
            .call_next(counter, user, now())
            .await
            .unwrap()
            .unwrap();
        store
            .act_on_ticket(
                next.id,
                TicketAction::Start,
                Actor {
                    counter_id: Some(counter),
                    user_id: Some(user),
                },
                &[],
                2,
                now(),
            )
            .await
            .unwrap();
        let mut to_e = pickup(site.id, "milieu-advies");
        to_e.zone_letter = "E".into();
        let moved = store
            .transfer_ticket(next.id, &to_e, Some(counter), now())
            .await
            .unwrap();
        assert_eq!(moved.label, "E001");
        assert_eq!(
            moved.arrived_at, next.arrived_at,
            "the arrival time is kept"
        );
        assert_eq!(
            store.ticket_by_token(&second.track_token).await.unwrap().id,
            moved.id,
            "the phone page follows the citizen"
        );
        assert_eq!(
            store.ticket(next.id).await.unwrap().status,
            TicketStatus::Transferred
        );

        let kinds: Vec<(i64, String)> = store
            .floor_events_after(site.id, 0, 100)
            .await
            .unwrap()
            .into_iter()
            .map(|e| (e.seq, e.kind))
            .collect();
        assert_eq!(
            kinds.iter().map(|(_, k)| k.as_str()).collect::<Vec<_>>(),
            [
                "counter_open",
                "counter_open",
                "counter_open",
                "counter_open",
                "issued",
                "issued",
                "called",
                "recalled",
                "recalled",
                "no_show",
                "called",
                "started",
                "transferred",
                "issued"
            ]
        );
        assert!(
            kinds.windows(2).all(|w| w[1].0 == w[0].0 + 1),
            "numbered without gaps"
        );
        let calls = store.recent_calls(site.id, 6).await.unwrap();
        assert_eq!(calls[0].ticket_label.as_deref(), Some("A002"));
        assert_eq!(calls[0].counter_number, Some(1));
    }

    #[tokio::test]
    async fn a_due_appointment_is_called_before_earlier_walk_ins() {
        let (store, _db) = demo_store().await;
        let site = store.site("stadskantoor").await.unwrap();
        let (counter, user) = open_fast_counters(&store, site.id).await[0];
        let walk_in = store
            .issue_ticket(&pickup(site.id, "pin-puk"), now())
            .await
            .unwrap();
        let later = now() + jiff::SignedDuration::from_mins(5);
        let mut early = pickup(site.id, "pin-puk");
        early.due_at = Some(later + jiff::SignedDuration::from_mins(30));
        let early = store.issue_ticket(&early, later).await.unwrap();
        let mut due = pickup(site.id, "pin-puk");
        due.due_at = Some(now());
        let due = store.issue_ticket(&due, later).await.unwrap();
        for (issued, ahead) in [(&due, 0), (&walk_in, 1), (&early, 2)] {
            assert_eq!(
                store.waiting_ahead(&issued.ticket, later).await.unwrap(),
                ahead,
                "{}",
                issued.ticket.label
            );
        }
        let order: Vec<i64> = {
            let mut called = Vec::new();
            for _ in 0..3 {
                let ticket = store
                    .call_next(counter, user, later)
                    .await
                    .unwrap()
                    .unwrap();
                called.push(ticket.id);
                store
                    .act_on_ticket(
                        ticket.id,
                        TicketAction::NoShow,
                        Actor {
                            counter_id: Some(counter),
                            user_id: Some(user),
                        },
                        &[],
                        2,
                        later,
                    )
                    .await
                    .unwrap();
            }
            called
        };
        assert_eq!(
            order,
            [due.ticket.id, walk_in.ticket.id, early.ticket.id],
            "the appointment that is due, then by arrival; the early one waits its turn"
        );
    }

    #[tokio::test]
    async fn a_counter_is_one_person_s_and_a_person_sits_at_one_counter() {
        let (store, _db) = demo_store().await;
        let site = store.site("stadskantoor").await.unwrap();
        let counters = store.counters(site.id).await.unwrap();
        let (one, two) = (counters[0].id, counters[1].id);
        let an = store.user("balie1").await.unwrap().id;
        let bart = store.user("balie2").await.unwrap().id;
        store.sign_in_at_counter(one, an, now()).await.unwrap();
        assert!(matches!(
            store.sign_in_at_counter(one, bart, now()).await,
            Err(StoreError::Duplicate(_))
        ));
        store.sign_in_at_counter(two, an, now()).await.unwrap();
        let floor = store.counters_on_floor(site.id).await.unwrap();
        assert_eq!(floor.iter().filter(|c| c.user_id == Some(an)).count(), 1);
        store.pause_counter(two, an, true, now()).await.unwrap();
        assert!(matches!(
            store.call_next(two, an, now()).await,
            Err(StoreError::WrongState(_))
        ));
        store.sign_out_of_counter(two, an, now()).await.unwrap();
        assert!(
            store
                .counters_on_floor(site.id)
                .await
                .unwrap()
                .iter()
                .all(|c| c.user_id.is_none())
        );
    }
}

#[tokio::test]
async fn rubrics_are_added_at_the_end_moved_one_place_and_removed_only_when_empty() {
    use loket_store::catalogue::{RubricRemoval, Texts};
    let (store, _db) = demo_store().await;
    let codes = |rubrics: Vec<loket_store::catalogue::Rubric>| {
        rubrics.into_iter().map(|r| r.code).collect::<Vec<_>>()
    };
    let before = codes(store.rubrics().await.unwrap());

    let names = Texts::new("Sport", "Sport", "Sports");
    store.insert_rubric("sport", &names).await.unwrap();
    let duplicate = store.insert_rubric("sport", &names).await;
    assert!(
        matches!(duplicate, Err(StoreError::Duplicate(_))),
        "{duplicate:?}"
    );
    let after = codes(store.rubrics().await.unwrap());
    assert_eq!(after.last().map(String::as_str), Some("sport"));
    assert_eq!(after.len(), before.len() + 1);

    store
        .rename_rubric(
            "sport",
            &Texts::new(
                "Sport en vrije tijd",
                "Sport et loisirs",
                "Sport and leisure",
            ),
        )
        .await
        .unwrap();
    assert_eq!(
        store.rubric("sport").await.unwrap().name_fr,
        "Sport et loisirs"
    );
    assert!(matches!(
        store.rename_rubric("nothing", &names).await,
        Err(StoreError::NotFound)
    ));

    assert!(store.move_rubric("sport", true).await.unwrap());
    let moved = codes(store.rubrics().await.unwrap());
    assert_eq!(moved[moved.len() - 2], "sport");
    assert_eq!(moved[moved.len() - 1], before[before.len() - 1]);
    assert!(
        !store.move_rubric(&moved[0], true).await.unwrap(),
        "the first stays first"
    );
    assert!(store.move_rubric("sport", false).await.unwrap());
    assert_eq!(codes(store.rubrics().await.unwrap()), after);

    let counts = store.rubric_product_counts().await.unwrap();
    let count = |code: &str| counts.iter().find(|(c, _)| c == code).unwrap().1;
    assert_eq!(count("sport"), 0);
    assert!(count("afval") > 0);
    assert_eq!(
        store.remove_rubric("afval").await.unwrap(),
        RubricRemoval::InUse {
            products: count("afval")
        }
    );
    assert!(
        store.rubric("afval").await.is_ok(),
        "a rubric with products stays"
    );
    assert_eq!(
        store.remove_rubric("sport").await.unwrap(),
        RubricRemoval::Removed
    );
    assert!(matches!(
        store.rubric("sport").await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(codes(store.rubrics().await.unwrap()), before);
}
