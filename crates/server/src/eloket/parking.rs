//! Residents' parking cards: a resident applies for a card for a licence plate in the zone of
//! their address, pays it online, and finds the card (a signed PDF, verifiable like a
//! certificate) in the e-box; a month before it ends they are reminded, renew it in two clicks,
//! or stop it. Parking enforcement asks whether a plate holds a valid card.

use crate::certificates::{self, CertificateData, CertificateError, DocumentKind};
use crate::eloket::ebox;
use crate::i18n::Tr;
use crate::payments::{PaymentError, PaymentOrder, PaymentOutcome};
use crate::state::AppState;
use jiff::civil::Date;
use loket_domain::catalogue::FieldErrors;
use loket_domain::locale::Locale;
use loket_domain::national_number::NationalNumber;
use loket_domain::parking::{CardDuration, CardFees, LicencePlate, reminder_day};
use loket_store::StoreError;
use loket_store::eloket::{Channel, NewMessage, NewRequest, RequestStatus};
use loket_store::parking::{CardApplication, CardStatus, Issue, ParkingCard};
use loket_store::register::HousingUnit;
use std::time::Duration;

/// Applications made before this instant wait for their payment no longer.
pub fn lapse_before(state: &AppState) -> jiff::Timestamp {
    state.now() - PAYMENT_WINDOW
}

/// Whether `card` waits for a payment that can still be made.
pub fn awaits_payment(state: &AppState, card: &ParkingCard) -> bool {
    card.status == CardStatus::AwaitingPayment && card.created_at >= lapse_before(state)
}

/// The catalogue's product, and the kind of request and document.
pub const KIND: &str = "bewonerskaart";
/// The card is in the e-box; parameters `plate`, `zone`, `from`, `until`.
pub const CARD_ISSUED: &str = "parking-card-issued";
/// A card ends in a month; parameters `plate`, `until`.
pub const CARD_REMINDER: &str = "parking-card-reminder";

const SERVICE: &str = "Dienst Mobiliteit";

/// How long an application waits for its payment; after that it lapses, so that an abandoned
/// payment does not keep one of the housing unit's two places.
pub const PAYMENT_WINDOW: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

/// What a citizen fills in to apply.
#[derive(Debug, Clone, Default)]
pub struct ApplicationInput {
    pub plate: String,
    /// `quarter` or `year`.
    pub duration: String,
    /// The statement of having no garage or parking place of one's own.
    pub no_garage: bool,
    /// The statement that the vehicle is at most 4.90 m long and 1.90 m high.
    pub vehicle_fits: bool,
}

impl ApplicationInput {
    /// The plate and duration, or what is wrong per field.
    pub fn parse(&self) -> Result<(LicencePlate, CardDuration), FieldErrors> {
        let mut errors = FieldErrors::default();
        let plate = LicencePlate::parse(&self.plate);
        if let Err(error) = &plate {
            errors.add("plate", error.message_id());
        }
        let duration = CardDuration::parse(self.duration.trim());
        errors.check(duration.is_some(), "duration", "error-card-duration");
        errors.check(self.no_garage, "no_garage", "error-card-no-garage");
        errors.check(self.vehicle_fits, "vehicle_fits", "error-card-vehicle-fits");
        match (plate, duration) {
            (Ok(plate), Some(duration)) if errors.is_empty() => Ok((plate, duration)),
            _ => Err(errors),
        }
    }
}

/// Why an application was not taken.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error("invalid input")]
    Invalid(FieldErrors),
    #[error("the street has no residents' parking zone")]
    NoZone,
    #[error("the housing unit holds two cards")]
    UnitFull,
    #[error("the plate holds a card")]
    PlateTaken,
    #[error("no payment provider")]
    NoOnlinePayment,
    #[error("the card cannot be renewed")]
    NotRenewable,
    #[error(transparent)]
    Payment(#[from] PaymentError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ApplyError {
    /// The message that tells the citizen, for a refusal that is not about one field.
    pub fn message_id(&self) -> Option<&'static str> {
        match self {
            ApplyError::NoZone => Some("parking-refused-no-zone"),
            ApplyError::UnitFull => Some("parking-refused-full"),
            ApplyError::PlateTaken => Some("parking-refused-plate"),
            ApplyError::NoOnlinePayment => Some("parking-no-online-payment"),
            ApplyError::NotRenewable => Some("parking-refused-not-renewable"),
            ApplyError::Invalid(_) | ApplyError::Payment(_) | ApplyError::Store(_) => None,
        }
    }
}

/// An application kept, and where the citizen pays it.
#[derive(Debug, Clone)]
pub struct Started {
    pub card: ParkingCard,
    pub payment_url: String,
}

/// The fees as the catalogue holds them (see [`CardFees::for_first_year`]); Leuven's when the
/// catalogue has no fee for the card.
pub async fn fees(state: &AppState) -> Result<CardFees, StoreError> {
    let books = state.books.current(&state.store).await?;
    let first_year = books
        .catalogue
        .iter()
        .find(|product| product.code == KIND)
        .and_then(|product| product.fee_cents);
    Ok(first_year.map_or_else(CardFees::default, CardFees::for_first_year))
}

/// The resident's housing unit and its zone; [`ApplyError::NoZone`] when the street has none.
pub async fn home_zone(
    state: &AppState,
    owner: &NationalNumber,
) -> Result<(HousingUnit, String), ApplyError> {
    let home = state.store.housing_unit_of(owner).await?;
    match home.parking_zone.clone() {
        Some(zone) => Ok((home, zone)),
        None => Err(ApplyError::NoZone),
    }
}

/// What renewing `card` from `first_day` would cost; None when the housing unit holds two other
/// cards then. A renewal keeps the place of the card it renews (see
/// [`loket_store::Store::apply_for_parking_card`]).
pub async fn renewal_fee(
    state: &AppState,
    card: &ParkingCard,
    home: &HousingUnit,
    first_day: Date,
) -> Result<Option<i64>, StoreError> {
    let others = state
        .store
        .parking_cards_of_unit(
            home.address_id,
            first_day,
            card.duration.last_day(first_day),
            lapse_before(state),
        )
        .await?;
    let position = usize::try_from(card.position).unwrap_or(1).min(others + 1);
    Ok(fees(state).await?.fee(position - 1, card.duration))
}

/// Takes an application for a card from today and starts its payment.
pub async fn apply(
    state: &AppState,
    owner: &NationalNumber,
    input: &ApplicationInput,
    language: Locale,
) -> Result<Started, ApplyError> {
    let (plate, duration) = input.parse().map_err(ApplyError::Invalid)?;
    let (home, zone) = home_zone(state, owner).await?;
    let today = state.local_date(state.now());
    start(
        state, owner, &home, zone, plate, duration, today, None, language,
    )
    .await
}

/// Renews the holder's card for as long again, from the day after it ends (or today, when it has
/// ended already), in the zone of their address now.
pub async fn renew(
    state: &AppState,
    owner: &NationalNumber,
    card_id: i64,
    language: Locale,
) -> Result<Started, ApplyError> {
    let card = state.store.parking_card(owner.digits(), card_id).await?;
    if card.status != CardStatus::Issued {
        return Err(ApplyError::NotRenewable);
    }
    let (home, zone) = home_zone(state, owner).await?;
    let plate = LicencePlate::parse(&card.plate)
        .map_err(|_| StoreError::Invalid(format!("plate {}", card.plate)))?;
    let first_day = renewal_start(&card, state.local_date(state.now()));
    start(
        state,
        owner,
        &home,
        zone,
        plate,
        card.duration,
        first_day,
        Some(card.id),
        language,
    )
    .await
}

/// The day a renewal of `card` starts: the day after it ends, or today when that has passed.
pub fn renewal_start(card: &ParkingCard, today: Date) -> Date {
    card.last_day.tomorrow().unwrap_or(card.last_day).max(today)
}

#[allow(clippy::too_many_arguments)]
async fn start(
    state: &AppState,
    owner: &NationalNumber,
    home: &HousingUnit,
    zone: String,
    plate: LicencePlate,
    duration: CardDuration,
    first_day: Date,
    renewal_of: Option<i64>,
    language: Locale,
) -> Result<Started, ApplyError> {
    let Some(provider) = state.payments.clone() else {
        return Err(ApplyError::NoOnlinePayment);
    };
    let now = state.now();
    let details = serde_json::json!({
        "plate": plate.as_str(),
        "duration": duration.code(),
        "zone": zone,
        "no_garage": true,
        "vehicle_fits": true,
        "renewal_of": renewal_of,
    });
    let application = CardApplication {
        request: NewRequest {
            national_number: owner.digits().to_owned(),
            kind: KIND.into(),
            status: RequestStatus::AwaitingPayment,
            channel: Channel::Online,
            language,
            details: details.to_string(),
            submitted_at: now,
            submitted_by: None,
            document_id: None,
        },
        housing_unit_id: home.address_id,
        plate,
        zone,
        duration,
        first_day,
        renewal_of,
        fees: fees(state).await?,
        payment_reference: loket_store::staff::random_token(),
        lapse_before: lapse_before(state),
    };
    let card = match state.store.apply_for_parking_card(&application).await {
        Ok(card) => card,
        Err(StoreError::Full) => return Err(ApplyError::UnitFull),
        Err(StoreError::Duplicate(_)) => return Err(ApplyError::PlateTaken),
        Err(StoreError::WrongState(_)) => return Err(ApplyError::NotRenewable),
        Err(other) => return Err(other.into()),
    };
    let description = Tr::new(language).args(
        "parking-payment-description",
        &[("plate", card.plate.clone()), ("zone", card.zone.clone())],
    );
    let order = PaymentOrder {
        reference: &card.payment_reference,
        amount_cents: card.fee_cents,
        description: &description,
    };
    let payment_url = match provider.start(&order).await {
        Ok(url) => url,
        Err(error) => {
            // Nothing can be paid: the application must not hold one of the unit's places.
            state
                .store
                .cancel_parking_card(&card.payment_reference, now)
                .await?;
            return Err(error.into());
        }
    };
    Ok(Started { card, payment_url })
}

/// Acts on what the payment provider says of the payment `reference`: a paid card is issued
/// (once, however often the payment is confirmed) and put in the e-box with a mail; an
/// abandoned one, or one paid after its application lapsed, is cancelled. Returns the card as
/// it stands afterwards.
pub async fn settle(
    state: &AppState,
    reference: &str,
    outcome: PaymentOutcome,
) -> Result<ParkingCard, CertificateError> {
    let card = state.store.parking_card_by_payment(reference).await?;
    if card.status != CardStatus::AwaitingPayment {
        return Ok(card);
    }
    match outcome {
        PaymentOutcome::Cancelled => {
            state
                .store
                .cancel_parking_card(reference, state.now())
                .await?;
        }
        PaymentOutcome::Paid if !awaits_payment(state, &card) => {
            state
                .store
                .cancel_parking_card(reference, state.now())
                .await?;
        }
        PaymentOutcome::Paid => issue(state, &card).await?,
    }
    Ok(state.store.parking_card_by_payment(reference).await?)
}

async fn issue(state: &AppState, card: &ParkingCard) -> Result<(), CertificateError> {
    let holder = NationalNumber::parse(&card.holder)
        .map_err(|_| StoreError::Invalid("card holder".into()))?;
    let entry = state.store.register_entry(&holder).await?;
    let paid_at = state.now();
    // A card is not paid for days that passed while it waited for its payment.
    let first_day = card.first_day.max(state.local_date(paid_at));
    let last_day = card.duration.last_day(first_day);
    let data = card_content(card, first_day, last_day, &entry.home.address.to_string());
    let document = certificates::prepare(
        state,
        &card.holder,
        DocumentKind {
            code: KIND,
            title: "Bewonerskaart",
            service: SERVICE,
        },
        &data,
        None,
    )
    .await?;
    let message = NewMessage {
        national_number: card.holder.clone(),
        kind: CARD_ISSUED.into(),
        params: ebox::params(&[
            ("plate", card.plate.as_str()),
            ("zone", card.zone.as_str()),
            ("from", first_day.to_string().as_str()),
            ("until", last_day.to_string().as_str()),
        ]),
        request_id: None,
        document_id: None,
    };
    let verification_code = document.verification_code.clone();
    let issue = Issue {
        first_day,
        last_day,
        remind_on: reminder_day(last_day),
        paid_at,
        lapse_before: paid_at - PAYMENT_WINDOW,
        document,
        message,
    };
    if state
        .store
        .issue_parking_card(&card.payment_reference, &issue)
        .await?
        .is_some()
    {
        state
            .store
            .audit(paid_at, None, "document.issue", &verification_code, KIND)
            .await?;
        let request = state.store.request(card.request_id).await?;
        ebox::notify(state, &entry.resident, request.language).await?;
    }
    Ok(())
}

/// What the card says, in Dutch: plate, zone, period and the housing unit's address.
fn card_content(card: &ParkingCard, first: Date, last: Date, address: &str) -> CertificateData {
    let dutch = Tr::new(Locale::Nl);
    CertificateData {
        introduction: "Deze bewonerskaart geeft het voertuig met de hierna genoemde nummerplaat het recht te parkeren in de vermelde bewonerszone, in de vermelde periode.".into(),
        lines: vec![
            ("Nummerplaat".into(), card.plate.clone()),
            ("Bewonerszone".into(), card.zone.clone()),
            ("Geldig van".into(), dutch.day_month_year(first)),
            ("Geldig tot en met".into(), dutch.day_month_year(last)),
            ("Adres van de wooneenheid".into(), address.to_owned()),
        ],
        closing: Some("De parkeercontrole herkent de kaart aan de nummerplaat; u hoeft ze niet achter de voorruit te leggen. Een gestopte kaart geldt niet meer.".into()),
        ..CertificateData::default()
    }
}

/// The holder stops their card: it is no longer valid from now on. False when it is not theirs
/// or not issued.
pub async fn stop(
    state: &AppState,
    owner: &NationalNumber,
    card_id: i64,
) -> Result<bool, StoreError> {
    let now = state.now();
    let stopped = state
        .store
        .stop_parking_card(owner.digits(), card_id, now)
        .await?;
    if stopped {
        state
            .store
            .audit(
                now,
                None,
                "parking-card.stop",
                &owner.masked(),
                &card_id.to_string(),
            )
            .await?;
    }
    Ok(stopped)
}

/// The card that lets `plate` park today, if any.
pub async fn valid_card(
    state: &AppState,
    plate: &LicencePlate,
) -> Result<Option<ParkingCard>, StoreError> {
    let today = state.local_date(state.now());
    Ok(state
        .store
        .parking_cards_of_plate(plate)
        .await?
        .into_iter()
        .find(|card| card.is_valid_on(today)))
}

/// Puts the reminders due today in the e-boxes, each with a mail; returns how many.
pub async fn send_reminders(state: &AppState) -> Result<usize, StoreError> {
    let today = state.local_date(state.now());
    let reminded = state
        .store
        .remind_parking_cards(today, state.now(), lapse_before(state), |card| NewMessage {
            national_number: card.holder.clone(),
            kind: CARD_REMINDER.into(),
            params: ebox::params(&[
                ("plate", card.plate.as_str()),
                ("until", card.last_day.to_string().as_str()),
            ]),
            request_id: None,
            document_id: None,
        })
        .await?;
    for card in &reminded {
        let Ok(holder) = NationalNumber::parse(&card.holder) else {
            continue;
        };
        let entry = state.store.register_entry(&holder).await?;
        let request = state.store.request(card.request_id).await?;
        ebox::notify(state, &entry.resident, request.language).await?;
    }
    Ok(reminded.len())
}

/// Looks for due reminders every ten minutes.
pub async fn run_reminders(state: AppState) {
    let mut every_ten_minutes = tokio::time::interval(Duration::from_secs(600));
    loop {
        every_ten_minutes.tick().await;
        match send_reminders(&state).await {
            Ok(0) => {}
            Ok(count) => tracing::info!("reminded {count} parking card holders"),
            Err(error) => tracing::warn!("could not send parking card reminders: {error}"),
        }
    }
}
