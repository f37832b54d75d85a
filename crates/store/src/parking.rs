//! Residents' parking cards: applied for by a resident for a housing unit and a licence plate,
//! issued when paid, reminded a month before they end, renewed and stopped. The rules that need
//! the other cards (at most two per housing unit, one card per plate at a time) are checked in
//! the transaction that adds a card, with the housing unit's row and the plate locked, so that
//! applications at the same moment cannot together get past them.

use crate::backend::BeginWrite;
use crate::documents::NewDocument;
use crate::eloket::{NewMessage, NewRequest, deliver_message_in, insert_request_in};
use crate::floor::instant;
use crate::{Store, StoreError, StoreResult};
use jiff::Timestamp;
use jiff::civil::Date;
use loket_domain::parking::{CardDuration, CardFees, LicencePlate, MAX_CARDS_PER_HOUSING_UNIT};

/// Where a card stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardStatus {
    AwaitingPayment,
    Issued,
    /// Stopped by its holder; no longer valid from that moment.
    Stopped,
    /// The payment was abandoned.
    Cancelled,
}

impl CardStatus {
    pub fn code(self) -> &'static str {
        match self {
            CardStatus::AwaitingPayment => "awaiting_payment",
            CardStatus::Issued => "issued",
            CardStatus::Stopped => "stopped",
            CardStatus::Cancelled => "cancelled",
        }
    }

    fn parse(code: &str) -> StoreResult<CardStatus> {
        [
            CardStatus::AwaitingPayment,
            CardStatus::Issued,
            CardStatus::Stopped,
            CardStatus::Cancelled,
        ]
        .into_iter()
        .find(|status| status.code() == code)
        .ok_or_else(|| StoreError::Invalid(format!("parking card status {code}")))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParkingCard {
    pub id: i64,
    pub request_id: i64,
    /// The resident who holds it: eleven digits.
    pub holder: String,
    pub housing_unit_id: i64,
    /// As written on the car.
    pub plate: String,
    pub zone: String,
    pub duration: CardDuration,
    pub first_day: Date,
    pub last_day: Date,
    pub remind_on: Date,
    /// The housing unit's first (1) or second (2) card.
    pub position: i64,
    pub fee_cents: i64,
    pub status: CardStatus,
    pub payment_reference: String,
    pub paid_at: Option<Timestamp>,
    pub document_id: Option<i64>,
    pub reminded_at: Option<Timestamp>,
    pub stopped_at: Option<Timestamp>,
    pub renewal_of: Option<i64>,
    pub created_at: Timestamp,
}

impl ParkingCard {
    /// Whether the card lets its car park in its zone on `day`.
    pub fn is_valid_on(&self, day: Date) -> bool {
        self.status == CardStatus::Issued && self.first_day <= day && day <= self.last_day
    }
}

/// An application for a card, or for the renewal of one.
#[derive(Debug, Clone)]
pub struct CardApplication {
    /// The request that is kept with it; its id is filled in.
    pub request: NewRequest,
    pub housing_unit_id: i64,
    pub plate: LicencePlate,
    pub zone: String,
    pub duration: CardDuration,
    pub first_day: Date,
    /// The card this one renews; it must be the holder's and issued.
    pub renewal_of: Option<i64>,
    pub fees: CardFees,
    pub payment_reference: String,
    /// Applications of the housing unit or plate still waiting for a payment started before
    /// this instant have lapsed: they are cancelled and hold no place any more.
    pub lapse_before: Timestamp,
}

/// What a confirmed payment changes: the card's period (it cannot start before the day it is
/// paid), the document that is the card, and the message that brings it to the e-box.
#[derive(Debug, Clone)]
pub struct Issue {
    pub first_day: Date,
    pub last_day: Date,
    pub remind_on: Date,
    pub paid_at: Timestamp,
    /// An application made before this instant has lapsed and is not issued.
    pub lapse_before: Timestamp,
    pub document: NewDocument,
    /// Its request and document are filled in.
    pub message: NewMessage,
}

#[derive(sqlx::FromRow)]
struct CardRow {
    id: i64,
    request_id: i64,
    holder: String,
    housing_unit_id: i64,
    plate: String,
    zone: String,
    duration: String,
    first_day: String,
    last_day: String,
    remind_on: String,
    position: i64,
    fee_cents: i64,
    status: String,
    payment_reference: String,
    paid_at: Option<i64>,
    document_id: Option<i64>,
    reminded_at: Option<i64>,
    stopped_at: Option<i64>,
    renewal_of: Option<i64>,
    created_at: i64,
}

const CARD_COLUMNS: &str = "SELECT id, request_id, holder, housing_unit_id, plate, zone, duration, first_day, \
     last_day, remind_on, position, fee_cents, status, payment_reference, paid_at, document_id, reminded_at, \
     stopped_at, renewal_of, created_at FROM parking_cards";

/// The cards that hold a place: issued, or waiting for their payment.
const HOLDING: &str = "status IN ('awaiting_payment', 'issued')";

/// The cards that hold a place when applications made before the instant `cutoff` (a query
/// parameter) have lapsed; `alias` is the table's alias with its dot, or empty.
fn holding(alias: &str, cutoff: &str) -> String {
    format!(
        "({alias}status = 'issued' OR ({alias}status = 'awaiting_payment' AND {alias}created_at >= {cutoff}))"
    )
}

fn day(text: &str) -> StoreResult<Date> {
    text.parse()
        .map_err(|_| StoreError::Invalid(format!("parking card day {text}")))
}

impl TryFrom<CardRow> for ParkingCard {
    type Error = StoreError;

    fn try_from(row: CardRow) -> StoreResult<ParkingCard> {
        Ok(ParkingCard {
            id: row.id,
            request_id: row.request_id,
            holder: row.holder,
            housing_unit_id: row.housing_unit_id,
            plate: row.plate,
            zone: row.zone,
            duration: CardDuration::parse(&row.duration)
                .ok_or_else(|| StoreError::Invalid(format!("card duration {}", row.duration)))?,
            first_day: day(&row.first_day)?,
            last_day: day(&row.last_day)?,
            remind_on: day(&row.remind_on)?,
            position: row.position,
            fee_cents: row.fee_cents,
            status: CardStatus::parse(&row.status)?,
            payment_reference: row.payment_reference,
            paid_at: row.paid_at.map(instant).transpose()?,
            document_id: row.document_id,
            reminded_at: row.reminded_at.map(instant).transpose()?,
            stopped_at: row.stopped_at.map(instant).transpose()?,
            renewal_of: row.renewal_of,
            created_at: instant(row.created_at)?,
        })
    }
}

impl Store {
    /// Keeps an application for a card, waiting for its payment, with its request. The housing
    /// unit's cards that overlap the new card's period (issued or waiting for payment) decide
    /// whether it may have one ([`StoreError::Full`] when it holds two) and what it costs; a
    /// plate that has a card for part of the period gives [`StoreError::Duplicate`]. A renewal
    /// keeps the place of the card it renews, unless the housing unit's other card is gone.
    /// Applications of the unit or plate whose payment lapsed are cancelled first.
    pub async fn apply_for_parking_card(
        &self,
        application: &CardApplication,
    ) -> StoreResult<ParkingCard> {
        let last_day = application.duration.last_day(application.first_day);
        let first = application.first_day.to_string();
        let last = last_day.to_string();
        let holder = &application.request.national_number;
        let id = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            // The housing unit's row, then the plate: every application takes them in this order.
            let unit = sqlx::query("UPDATE addresses SET number = number WHERE id = $1")
                .bind(application.housing_unit_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if unit == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("INSERT INTO booking_locks (key) VALUES ($1) ON CONFLICT (key) DO UPDATE SET key = excluded.key")
                .bind(format!("parking-plate:{}", application.plate))
                .execute(&mut *tx)
                .await?;
            let lapsed = "status = 'awaiting_payment' AND created_at < $2 AND (housing_unit_id = $3 OR plate = $4)";
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE eloket_requests SET status = 'cancelled', decided_at = $1 \
                 WHERE id IN (SELECT request_id FROM parking_cards WHERE {lapsed})")))
                .bind(application.request.submitted_at.as_second())
                .bind(application.lapse_before.as_second())
                .bind(application.housing_unit_id)
                .bind(application.plate.as_str())
                .execute(&mut *tx)
                .await?;
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE parking_cards SET status = 'cancelled', cancelled_at = $1 WHERE {lapsed}")))
                .bind(application.request.submitted_at.as_second())
                .bind(application.lapse_before.as_second())
                .bind(application.housing_unit_id)
                .bind(application.plate.as_str())
                .execute(&mut *tx)
                .await?;
            let renewed_position = match application.renewal_of {
                Some(old) => {
                    let position: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                        "SELECT position FROM parking_cards c WHERE id = $1 AND holder = $2 AND status = 'issued' \
                         AND NOT EXISTS (SELECT 1 FROM parking_cards r WHERE r.renewal_of = c.id AND r.{HOLDING})")))
                        .bind(old)
                        .bind(holder)
                        .fetch_optional(&mut *tx)
                        .await?;
                    Some(position.ok_or_else(|| StoreError::WrongState("not renewable".into()))?)
                }
                None => None,
            };
            let overlapping = format!("{HOLDING} AND first_day <= $2 AND last_day >= $3");
            let others: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM parking_cards WHERE housing_unit_id = $1 AND {overlapping}")))
                .bind(application.housing_unit_id)
                .bind(&last)
                .bind(&first)
                .fetch_one(&mut *tx)
                .await?;
            let others = usize::try_from(others).unwrap_or(usize::MAX);
            if others >= MAX_CARDS_PER_HOUSING_UNIT {
                return Err(StoreError::Full);
            }
            let plate_taken: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM parking_cards WHERE plate = $1 AND {overlapping}")))
                .bind(application.plate.as_str())
                .bind(&last)
                .bind(&first)
                .fetch_one(&mut *tx)
                .await?;
            if plate_taken > 0 {
                return Err(StoreError::Duplicate(format!("plate {}", application.plate)));
            }
            let position = match renewed_position {
                Some(renewed) => renewed.min(others as i64 + 1),
                None => others as i64 + 1,
            };
            let fee = application
                .fees
                .fee(position as usize - 1, application.duration)
                .ok_or(StoreError::Full)?;
            let request_id = insert_request_in!(tx, &application.request);
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO parking_cards (request_id, holder, housing_unit_id, plate, zone, duration, first_day, \
                 last_day, remind_on, position, fee_cents, status, payment_reference, renewal_of, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'awaiting_payment', $12, $13, $14) RETURNING id")
                .bind(request_id)
                .bind(holder)
                .bind(application.housing_unit_id)
                .bind(application.plate.as_str())
                .bind(&application.zone)
                .bind(application.duration.code())
                .bind(&first)
                .bind(&last)
                .bind(loket_domain::parking::reminder_day(last_day).to_string())
                .bind(position)
                .bind(fee)
                .bind(&application.payment_reference)
                .bind(application.renewal_of)
                .bind(application.request.submitted_at.as_second())
                .fetch_one(&mut *tx)
                .await?;
            tx.commit().await?;
            id
        });
        self.parking_card(holder, id).await
    }

    /// Issues the card waiting for the payment `reference`, in one transaction with the document
    /// that is the card and the message that brings it to the e-box. None when the card is not
    /// waiting for a payment (issued already by an earlier confirmation, or cancelled) or its
    /// application has lapsed: a payment confirmed twice issues the card once.
    pub async fn issue_parking_card(
        &self,
        reference: &str,
        issue: &Issue,
    ) -> StoreResult<Option<ParkingCard>> {
        let document = &issue.document;
        let issued = on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let card: Option<(i64, i64, String)> = sqlx::query_as(
                "UPDATE parking_cards SET status = 'issued', paid_at = $1, first_day = $2, last_day = $3, remind_on = $4 \
                 WHERE payment_reference = $5 AND status = 'awaiting_payment' AND created_at >= $6 \
                 RETURNING id, request_id, holder")
                .bind(issue.paid_at.as_second())
                .bind(issue.first_day.to_string())
                .bind(issue.last_day.to_string())
                .bind(issue.remind_on.to_string())
                .bind(reference)
                .bind(issue.lapse_before.as_second())
                .fetch_optional(&mut *tx)
                .await?;
            match card {
                None => None,
                Some((card_id, request_id, holder)) => {
                    let document_id: i64 = sqlx::query_scalar(
                        "INSERT INTO documents (national_number, kind, verification_code, issued_at, issued_by, \
                         sha256, signature, pdf) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
                        .bind(&document.national_number)
                        .bind(&document.kind)
                        .bind(&document.verification_code)
                        .bind(document.issued_at.as_second())
                        .bind(document.issued_by)
                        .bind(&document.sha256)
                        .bind(&document.signature)
                        .bind(&document.pdf)
                        .fetch_one(&mut *tx)
                        .await?;
                    sqlx::query("UPDATE parking_cards SET document_id = $1 WHERE id = $2")
                        .bind(document_id)
                        .bind(card_id)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("UPDATE eloket_requests SET status = 'issued', decided_at = $1, document_id = $2 WHERE id = $3")
                        .bind(issue.paid_at.as_second())
                        .bind(document_id)
                        .bind(request_id)
                        .execute(&mut *tx)
                        .await?;
                    let message = NewMessage {
                        request_id: Some(request_id),
                        document_id: Some(document_id),
                        ..issue.message.clone()
                    };
                    deliver_message_in!(tx, &message, issue.paid_at);
                    tx.commit().await?;
                    Some((card_id, holder))
                }
            }
        });
        match issued {
            Some((id, holder)) => Ok(Some(self.parking_card(&holder, id).await?)),
            None => Ok(None),
        }
    }

    /// Cancels the application waiting for the payment `reference`, with its request; false when
    /// it is not waiting (paid meanwhile, or cancelled already).
    pub async fn cancel_parking_card(&self, reference: &str, at: Timestamp) -> StoreResult<bool> {
        on_backend!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let request_id: Option<i64> = sqlx::query_scalar(
                "UPDATE parking_cards SET status = 'cancelled', cancelled_at = $1 \
                 WHERE payment_reference = $2 AND status = 'awaiting_payment' RETURNING request_id")
                .bind(at.as_second())
                .bind(reference)
                .fetch_optional(&mut *tx)
                .await?;
            let Some(request_id) = request_id else {
                return Ok(false);
            };
            sqlx::query("UPDATE eloket_requests SET status = 'cancelled', decided_at = $1 WHERE id = $2")
                .bind(at.as_second())
                .bind(request_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Stops the holder's issued card at `at`; false when it is not theirs or not issued.
    pub async fn stop_parking_card(
        &self,
        holder: &str,
        id: i64,
        at: Timestamp,
    ) -> StoreResult<bool> {
        let sql = "UPDATE parking_cards SET status = 'stopped', stopped_at = $1 \
                   WHERE id = $2 AND holder = $3 AND status = 'issued'";
        let stopped = on_backend!(self, pool => sqlx::query(sql)
            .bind(at.as_second()).bind(id).bind(holder).execute(pool).await?.rows_affected());
        Ok(stopped == 1)
    }

    /// One of the holder's cards; [`StoreError::NotFound`] for a card that is not theirs.
    pub async fn parking_card(&self, holder: &str, id: i64) -> StoreResult<ParkingCard> {
        let sql = format!("{CARD_COLUMNS} WHERE id = $1 AND holder = $2");
        let row: Option<CardRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id).bind(holder).fetch_optional(pool).await?);
        row.ok_or(StoreError::NotFound)?.try_into()
    }

    /// The card waiting for, or paid with, the payment `reference`.
    pub async fn parking_card_by_payment(&self, reference: &str) -> StoreResult<ParkingCard> {
        let sql = format!("{CARD_COLUMNS} WHERE payment_reference = $1");
        let row: Option<CardRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(reference).fetch_optional(pool).await?);
        row.ok_or(StoreError::NotFound)?.try_into()
    }

    /// The holder's cards, the newest first.
    pub async fn parking_cards_of(&self, holder: &str) -> StoreResult<Vec<ParkingCard>> {
        let sql = format!("{CARD_COLUMNS} WHERE holder = $1 ORDER BY created_at DESC, id DESC");
        let rows: Vec<CardRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(holder).fetch_all(pool).await?);
        rows.into_iter().map(ParkingCard::try_from).collect()
    }

    /// The issued cards of a plate (stopped ones are not), the latest period first.
    pub async fn parking_cards_of_plate(
        &self,
        plate: &LicencePlate,
    ) -> StoreResult<Vec<ParkingCard>> {
        let sql = format!(
            "{CARD_COLUMNS} WHERE plate = $1 AND status = 'issued' ORDER BY last_day DESC, id DESC"
        );
        let rows: Vec<CardRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(plate.as_str()).fetch_all(pool).await?);
        rows.into_iter().map(ParkingCard::try_from).collect()
    }

    /// How many cards of the housing unit (issued, or waiting for a payment started from
    /// `lapse_before` on) run on some day of `first..=last`: what the next card's fee depends on.
    pub async fn parking_cards_of_unit(
        &self,
        housing_unit_id: i64,
        first: Date,
        last: Date,
        lapse_before: Timestamp,
    ) -> StoreResult<usize> {
        let sql = format!(
            "SELECT COUNT(*) FROM parking_cards WHERE housing_unit_id = $1 AND {} \
             AND first_day <= $2 AND last_day >= $3",
            holding("", "$4")
        );
        let count: i64 = on_backend!(self, pool => sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(housing_unit_id).bind(last.to_string()).bind(first.to_string())
            .bind(lapse_before.as_second()).fetch_one(pool).await?);
        Ok(usize::try_from(count).unwrap_or(usize::MAX))
    }

    /// The renewal of a card that is issued, or waiting for a payment started from
    /// `lapse_before` on, if any.
    pub async fn parking_card_renewal(
        &self,
        id: i64,
        lapse_before: Timestamp,
    ) -> StoreResult<Option<ParkingCard>> {
        let sql = format!(
            "{CARD_COLUMNS} WHERE renewal_of = $1 AND {}",
            holding("", "$2")
        );
        let row: Option<CardRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id).bind(lapse_before.as_second()).fetch_optional(pool).await?);
        row.map(ParkingCard::try_from).transpose()
    }

    /// Puts the renewal reminders due on `today` in the e-boxes: each issued card whose
    /// reminder day has come, that has not ended and is not renewed yet (by a renewal paid, or
    /// waiting for a payment started from `lapse_before` on), gets one message,
    /// marked in the same transaction so that several nodes send it once. Returns the cards
    /// reminded now.
    pub async fn remind_parking_cards(
        &self,
        today: Date,
        at: Timestamp,
        lapse_before: Timestamp,
        message: impl Fn(&ParkingCard) -> NewMessage,
    ) -> StoreResult<Vec<ParkingCard>> {
        let due = format!(
            "{CARD_COLUMNS} c WHERE status = 'issued' AND reminded_at IS NULL AND remind_on <= $1 AND last_day >= $1 \
             AND NOT EXISTS (SELECT 1 FROM parking_cards r WHERE r.renewal_of = c.id AND {}) ORDER BY id",
            holding("r.", "$2")
        );
        let rows: Vec<CardRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(due))
            .bind(today.to_string()).bind(lapse_before.as_second()).fetch_all(pool).await?);
        let mut reminded = Vec::new();
        for card in rows.into_iter().map(ParkingCard::try_from) {
            let card = card?;
            let message = NewMessage {
                request_id: Some(card.request_id),
                ..message(&card)
            };
            let claimed = on_backend!(self, pool => {
                let mut tx = pool.begin_write().await?;
                let claimed = sqlx::query(
                    "UPDATE parking_cards SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL AND status = 'issued'")
                    .bind(at.as_second())
                    .bind(card.id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if claimed == 1 {
                    deliver_message_in!(tx, &message, at);
                    tx.commit().await?;
                }
                claimed == 1
            });
            if claimed {
                reminded.push(card);
            }
        }
        Ok(reminded)
    }
}
