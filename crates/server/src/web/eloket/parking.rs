//! The residents' parking card pages: apply (plate, duration, the two statements; the zone and
//! the fee shown before paying), pay, the list of one's cards with renew and stop, and the demo's
//! test payment page.

use super::signed_in_number;
use crate::eloket::parking::{self, ApplicationInput, ApplyError};
use crate::i18n::Tr;
use crate::payments::PaymentOutcome;
use crate::state::AppState;
use crate::web::form::Errors;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::{render, render_form, see_other};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::routing::{get, post};
use jiff::civil::Date;
use loket_domain::locale::Locale;
use loket_domain::national_number::NationalNumber;
use loket_domain::parking::{CardDuration, MAX_VEHICLE_HEIGHT_CM, MAX_VEHICLE_LENGTH_CM};
use loket_store::StoreError;
use loket_store::citizens::Assurance;
use loket_store::parking::{CardStatus, ParkingCard};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/eloket/parking-card", get(apply_form).post(apply))
        .route("/eloket/parking-cards", get(list))
        .route("/eloket/parking-cards/{id}/pay", post(pay))
        .route("/eloket/parking-cards/{id}/cancel", post(cancel))
        .route(
            "/eloket/parking-cards/{id}/renew",
            get(renew_form).post(renew),
        )
        .route("/eloket/parking-cards/{id}/stop", get(stop_form).post(stop))
        .route(
            "/pay/test/{reference}",
            get(test_payment).post(test_outcome),
        )
}

/// The signed-in citizen's number, when they signed in surely enough for a card.
fn applicant(page: &Page) -> Result<NationalNumber, PageError> {
    let citizen = page.require_citizen()?;
    if citizen.assurance != Assurance::High {
        return Err(PageError::Forbidden);
    }
    signed_in_number(citizen)
}

/// A choice of duration with what it costs the housing unit.
struct DurationChoice {
    code: &'static str,
    /// Its name and fee, e.g. "1 jaar: € 60,00".
    label: String,
}

#[derive(Template)]
#[template(path = "eloket/parking_card.html")]
struct ApplyTemplate {
    page: Page,
    /// The zone of the citizen's address; empty when their street has none.
    zone: String,
    address: String,
    /// Empty when the housing unit holds two cards already.
    durations: Vec<DurationChoice>,
    /// Whether the next card is the housing unit's second, which costs more.
    second: bool,
    /// Why the citizen cannot apply, when they cannot.
    refusal: Option<String>,
    plate: String,
    duration: String,
    no_garage: bool,
    vehicle_fits: bool,
    errors: Errors,
    vehicle_fits_label: String,
}

impl ApplyTemplate {
    async fn new(
        state: &AppState,
        page: Page,
        owner: &NationalNumber,
        input: &ApplicationInput,
        errors: Errors,
    ) -> Result<ApplyTemplate, PageError> {
        let home = state.store.housing_unit_of(owner).await?;
        let today = state.local_date(state.now());
        let mut durations = Vec::new();
        let mut second = false;
        let mut refusal = None;
        if home.parking_zone.is_none() {
            refusal = Some(page.t.get("parking-refused-no-zone"));
        } else if state.payments.is_none() {
            refusal = Some(page.t.get("parking-no-online-payment"));
        } else {
            let fees = parking::fees(state).await?;
            for duration in [CardDuration::Quarter, CardDuration::Year] {
                let others = state
                    .store
                    .parking_cards_of_unit(
                        home.address_id,
                        today,
                        duration.last_day(today),
                        parking::lapse_before(state),
                    )
                    .await?;
                second |= others == 1;
                if let Some(fee) = fees.fee(others, duration) {
                    let name = page.t.get(&format!("parking-duration-{}", duration.code()));
                    durations.push(DurationChoice {
                        code: duration.code(),
                        label: page.t.args(
                            "parking-duration-choice",
                            &[("duration", name), ("fee", page.t.amount(fee))],
                        ),
                    });
                }
            }
            if durations.is_empty() {
                refusal = Some(page.t.get("parking-refused-full"));
            }
        }
        if let Some(message) = errors.of("refusal") {
            refusal = Some(message.to_owned());
        }
        let vehicle_fits_label = page.t.args(
            "parking-statement-vehicle-fits",
            &[
                ("length", metres(page.locale, MAX_VEHICLE_LENGTH_CM)),
                ("height", metres(page.locale, MAX_VEHICLE_HEIGHT_CM)),
            ],
        );
        Ok(ApplyTemplate {
            zone: home.parking_zone.clone().unwrap_or_default(),
            address: home.address.to_string(),
            durations,
            second,
            refusal,
            plate: input.plate.clone(),
            duration: input.duration.clone(),
            no_garage: input.no_garage,
            vehicle_fits: input.vehicle_fits,
            errors,
            vehicle_fits_label,
            page,
        })
    }
}

/// A length as the reader writes it: `4,90 m`, or `4.90 m` in English.
fn metres(locale: Locale, cm: u32) -> String {
    let separator = if locale == Locale::En { '.' } else { ',' };
    format!("{}{separator}{:02} m", cm / 100, cm % 100)
}

async fn apply_form(State(state): State<AppState>, page: Page) -> PageResult {
    let owner = applicant(&page)?;
    let input = ApplicationInput::default();
    render(ApplyTemplate::new(&state, page, &owner, &input, Errors::none()).await?)
}

#[derive(Deserialize)]
struct ApplyForm {
    #[serde(default)]
    plate: String,
    #[serde(default)]
    duration: String,
    #[serde(default)]
    no_garage: String,
    #[serde(default)]
    vehicle_fits: String,
}

async fn apply(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<ApplyForm>,
) -> PageResult {
    let owner = applicant(&page)?;
    let input = ApplicationInput {
        plate: form.plate,
        duration: form.duration,
        no_garage: !form.no_garage.is_empty(),
        vehicle_fits: !form.vehicle_fits.is_empty(),
    };
    match parking::apply(&state, &owner, &input, page.locale).await {
        Ok(started) => see_other(&started.payment_url),
        Err(error) => {
            let errors = refusal_errors(page.t, error)?;
            render_form(
                ApplyTemplate::new(&state, page, &owner, &input, errors).await?,
                true,
            )
        }
    }
}

/// The errors to show for an application that was not taken.
fn refusal_errors(t: Tr, error: ApplyError) -> Result<Errors, PageError> {
    if let Some(message_id) = error.message_id() {
        let field = match error {
            ApplyError::PlateTaken => "plate",
            _ => "refusal",
        };
        return Ok(Errors::general(field, t.get(message_id)));
    }
    match error {
        ApplyError::Invalid(errors) => Ok(Errors::translate(&errors, t)),
        ApplyError::Store(StoreError::NotFound) => Err(PageError::NotFound),
        other => {
            tracing::error!("a parking card application failed: {other}");
            Err(PageError::Internal)
        }
    }
}

/// A card as the list shows it.
struct CardLine {
    id: i64,
    plate: String,
    zone: String,
    period: String,
    status: String,
    fee: String,
    awaiting_payment: bool,
    /// Issued and not ended: it may be stopped.
    stoppable: bool,
    renewable: bool,
}

#[derive(Template)]
#[template(path = "eloket/parking_cards.html")]
struct ListTemplate {
    page: Page,
    cards: Vec<CardLine>,
}

async fn list(State(state): State<AppState>, page: Page) -> PageResult {
    let owner = applicant(&page)?;
    let today = state.local_date(state.now());
    let mut cards = Vec::new();
    for card in state.store.parking_cards_of(owner.digits()).await? {
        let live = card.status == CardStatus::Issued && card.last_day >= today;
        let renewed = state
            .store
            .parking_card_renewal(card.id, parking::lapse_before(&state))
            .await?
            .is_some();
        let awaiting_payment = parking::awaits_payment(&state, &card);
        let status = match card.status {
            CardStatus::AwaitingPayment if !awaiting_payment => "parking-status-lapsed".into(),
            _ => status_id(&card, today),
        };
        cards.push(CardLine {
            id: card.id,
            period: period(page.t, card.first_day, card.last_day),
            status: page.t.get(&status),
            fee: page.t.amount(card.fee_cents),
            awaiting_payment,
            stoppable: live,
            renewable: live && !renewed,
            plate: card.plate,
            zone: card.zone,
        });
    }
    render(ListTemplate { page, cards })
}

fn period(t: Tr, first: Date, last: Date) -> String {
    t.args(
        "parking-period",
        &[("from", t.date(first)), ("until", t.date(last))],
    )
}

fn status_id(card: &ParkingCard, today: Date) -> String {
    let status = match card.status {
        CardStatus::Issued if card.last_day < today => "ended",
        CardStatus::Issued if card.first_day > today => "upcoming",
        CardStatus::Issued => "valid",
        CardStatus::AwaitingPayment => "awaiting-payment",
        CardStatus::Stopped => "stopped",
        CardStatus::Cancelled => "cancelled",
    };
    format!("parking-status-{status}")
}

/// Sends the citizen (again) to pay an application that waits for its payment.
async fn pay(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let owner = applicant(&page)?;
    let card = state.store.parking_card(owner.digits(), id).await?;
    let Some(provider) = state.payments.clone() else {
        return Err(PageError::NotFound);
    };
    if !parking::awaits_payment(&state, &card) {
        return see_other("/eloket/parking-cards");
    }
    let description = page.t.args(
        "parking-payment-description",
        &[("plate", card.plate.clone()), ("zone", card.zone.clone())],
    );
    let order = crate::payments::PaymentOrder {
        reference: &card.payment_reference,
        amount_cents: card.fee_cents,
        description: &description,
    };
    match provider.start(&order).await {
        Ok(url) => see_other(&url),
        Err(error) => {
            tracing::error!("{error}");
            Err(PageError::Internal)
        }
    }
}

/// The citizen withdraws an application they have not paid.
async fn cancel(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let owner = applicant(&page)?;
    let card = state.store.parking_card(owner.digits(), id).await?;
    state
        .store
        .cancel_parking_card(&card.payment_reference, state.now())
        .await?;
    see_other("/eloket/parking-cards")
}

#[derive(Template)]
#[template(path = "eloket/parking_renew.html")]
struct RenewTemplate {
    page: Page,
    id: i64,
    plate: String,
    zone: String,
    period: String,
    duration: String,
    /// None when the card cannot be renewed; then `refusal` says why.
    fee: Option<String>,
    refusal: Option<String>,
}

async fn renew_page(
    state: &AppState,
    page: Page,
    owner: &NationalNumber,
    card: ParkingCard,
    refusal: Option<String>,
) -> Result<RenewTemplate, PageError> {
    let today = state.local_date(state.now());
    let first = parking::renewal_start(&card, today);
    let last = card.duration.last_day(first);
    let (zone, fee, refusal) = match parking::home_zone(state, owner).await {
        Err(ApplyError::NoZone) => (
            card.zone.clone(),
            None,
            Some(page.t.get("parking-refused-no-zone")),
        ),
        Err(other) => {
            return Err(refusal_errors(page.t, other)
                .err()
                .unwrap_or(PageError::Internal));
        }
        Ok((home, zone)) => {
            let fee = parking::renewal_fee(state, &card, &home, first).await?;
            let refusal =
                refusal.or_else(|| fee.is_none().then(|| page.t.get("parking-refused-full")));
            (zone, fee.map(|fee| page.t.amount(fee)), refusal)
        }
    };
    Ok(RenewTemplate {
        id: card.id,
        period: period(page.t, first, last),
        duration: page
            .t
            .get(&format!("parking-duration-{}", card.duration.code())),
        plate: card.plate,
        zone,
        fee: if refusal.is_some() { None } else { fee },
        refusal,
        page,
    })
}

async fn renewable_card(
    state: &AppState,
    owner: &NationalNumber,
    id: i64,
) -> Result<ParkingCard, PageError> {
    let card = state.store.parking_card(owner.digits(), id).await?;
    let renewed = state
        .store
        .parking_card_renewal(card.id, parking::lapse_before(state))
        .await?
        .is_some();
    if card.status != CardStatus::Issued || renewed {
        return Err(PageError::NotFound);
    }
    Ok(card)
}

async fn renew_form(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let owner = applicant(&page)?;
    let card = renewable_card(&state, &owner, id).await?;
    render(renew_page(&state, page, &owner, card, None).await?)
}

async fn renew(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let owner = applicant(&page)?;
    let card = renewable_card(&state, &owner, id).await?;
    match parking::renew(&state, &owner, card.id, page.locale).await {
        Ok(started) => see_other(&started.payment_url),
        Err(error) => {
            let Some(message_id) = error.message_id() else {
                return Err(refusal_errors(page.t, error)
                    .err()
                    .unwrap_or(PageError::Internal));
            };
            let refusal = Some(page.t.get(message_id));
            render_form(renew_page(&state, page, &owner, card, refusal).await?, true)
        }
    }
}

#[derive(Template)]
#[template(path = "eloket/parking_stop.html")]
struct StopTemplate {
    page: Page,
    id: i64,
    plate: String,
    zone: String,
    period: String,
}

async fn stop_form(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let owner = applicant(&page)?;
    let card = state.store.parking_card(owner.digits(), id).await?;
    if card.status != CardStatus::Issued {
        return Err(PageError::NotFound);
    }
    render(StopTemplate {
        id: card.id,
        period: period(page.t, card.first_day, card.last_day),
        plate: card.plate,
        zone: card.zone,
        page,
    })
}

async fn stop(State(state): State<AppState>, page: Page, Path(id): Path<i64>) -> PageResult {
    let owner = applicant(&page)?;
    if !parking::stop(&state, &owner, id).await? {
        return Err(PageError::NotFound);
    }
    see_other("/eloket/parking-cards")
}

#[derive(Template)]
#[template(path = "eloket/pay_test.html")]
struct TestPaymentTemplate {
    page: Page,
    reference: String,
    amount: String,
    /// What is paid for.
    description: String,
}

/// The test provider's page: only in the demo, where the test provider is the one in use.
fn test_provider_in_use(state: &AppState) -> Result<(), PageError> {
    match &state.payments {
        Some(provider) if provider.is_test() => Ok(()),
        _ => Err(PageError::NotFound),
    }
}

async fn test_payment(
    State(state): State<AppState>,
    page: Page,
    Path(reference): Path<String>,
) -> PageResult {
    test_provider_in_use(&state)?;
    let card = state.store.parking_card_by_payment(&reference).await?;
    if !parking::awaits_payment(&state, &card) {
        return see_other("/eloket/parking-cards");
    }
    render(TestPaymentTemplate {
        amount: page.t.amount(card.fee_cents),
        description: page.t.args(
            "parking-payment-description",
            &[("plate", card.plate), ("zone", card.zone)],
        ),
        reference,
        page,
    })
}

#[derive(Deserialize)]
struct OutcomeForm {
    #[serde(default)]
    outcome: String,
}

/// The citizen confirms or cancels the test payment; the test provider reports it at once.
async fn test_outcome(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    Form(form): Form<OutcomeForm>,
) -> PageResult {
    test_provider_in_use(&state)?;
    let outcome = match form.outcome.as_str() {
        "paid" => PaymentOutcome::Paid,
        "cancelled" => PaymentOutcome::Cancelled,
        _ => return Err(PageError::NotFound),
    };
    match parking::settle(&state, &reference, outcome).await {
        Ok(_) => see_other("/eloket/parking-cards"),
        Err(crate::certificates::CertificateError::Store(StoreError::NotFound)) => {
            Err(PageError::NotFound)
        }
        Err(error) => {
            tracing::error!("a parking card could not be issued: {error}");
            Err(PageError::Internal)
        }
    }
}
