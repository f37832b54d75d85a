//! The waiting-room screen of a site: the last calls and who waits per zone, read from across the
//! room. The page shows the state without a script; a small script follows the floor's events,
//! redraws, plays a chime and speaks each call in the screen's language.

use crate::floor::{self, FloorError};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::web::page::{Page, PageError, PageResult};
use crate::web::render;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::get;
use loket_domain::locale::Locale;
use loket_domain::queue::spoken_parts;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route("/display/{site}", get(display))
}

/// One call on the screen.
pub struct CallLine {
    pub number: String,
    pub zone: String,
    /// The ticket number without its letter, as shown after the letter: "012".
    pub digits: String,
    /// What a voice says: the letter and the number without leading zeros.
    pub spoken_letter: String,
    pub spoken_number: String,
    /// "Loket 3", or the name of the meeting room the ticket is called to.
    pub counter: String,
    pub counter_number: i64,
    /// The meeting room's name, when called to a room instead of a counter.
    pub room: String,
    /// Tells this call from every other, as the script compares it with the display's JSON:
    /// number, counter and instant.
    pub key: String,
}

pub struct ZoneCount {
    pub letter: String,
    pub name: String,
    pub waiting: usize,
}

#[derive(Template)]
#[template(path = "display.html")]
struct DisplayTemplate {
    t: Tr,
    locale: Locale,
    site: String,
    site_name: String,
    /// The zone this screen is for, or empty for all.
    zone: String,
    calls: Vec<CallLine>,
    zones: Vec<ZoneCount>,
    clock: String,
    /// The server's time in milliseconds, so the script's clock follows the office's clock.
    now_ms: i64,
    time_zone: String,
    /// "Nummer {letter} {number}, loket {counter}" in the screen's language.
    say: String,
    /// "Loket {counter}" in the screen's language.
    counter_label: String,
    /// "Nummer {letter} {number}, naar {room}" in the screen's language.
    say_room: String,
    /// How the language writes a time: "{hour}.{minute} uur".
    clock_format: String,
}

impl DisplayTemplate {
    fn speech_lang(&self) -> &'static str {
        match self.locale {
            Locale::Nl => "nl-BE",
            Locale::Fr => "fr-BE",
            Locale::En => "en-GB",
        }
    }
}

#[derive(Deserialize, Default)]
struct DisplayQuery {
    #[serde(default)]
    zone: String,
    #[serde(default)]
    lang: String,
}

/// Splits a ticket number into its letters and digits: "B012" → ("B", "012").
fn letter_and_digits(number: &str) -> (String, String) {
    let split = number
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(number.len());
    let (letters, digits) = number.split_at(split);
    (letters.to_owned(), digits.to_owned())
}

async fn display(
    State(state): State<AppState>,
    page: Page,
    Path(site_code): Path<String>,
    Query(query): Query<DisplayQuery>,
) -> PageResult {
    let locale = query.lang.parse().unwrap_or(page.locale);
    let t = Tr::new(locale);
    let site = state
        .store
        .sites()
        .await?
        .into_iter()
        .find(|s| s.code == site_code)
        .ok_or(PageError::NotFound)?;
    let zones = state.store.zones(site.id).await?;
    let zone = zones
        .iter()
        .find(|z| z.letter == query.zone.to_uppercase())
        .map(|z| z.letter.clone())
        .unwrap_or_default();
    let now = floor::display(&state, &site.code)
        .await
        .map_err(|e| match e {
            FloorError::NotFound => PageError::NotFound,
            _ => PageError::Internal,
        })?;
    let counter_label = |number: String| t.arg("display-counter", "counter", number);
    let calls = now
        .recent_calls
        .iter()
        .filter(|call| zone.is_empty() || call.zone_letter.as_deref() == Some(&zone))
        .filter_map(|call| {
            let number = call.ticket_label.clone()?;
            let counter_number = call.counter_number.unwrap_or_default();
            let (_, digits) = letter_and_digits(&number);
            let (spoken_letter, spoken_number) = spoken_parts(&number);
            let room = call
                .room
                .as_ref()
                .map(|room| room.get(locale).to_owned())
                .unwrap_or_default();
            let place = if room.is_empty() {
                call.counter_number
                    .map_or_else(|| "null".to_owned(), |n| n.to_string())
            } else {
                room.clone()
            };
            let key = format!("{number}|{place}|{}", state.local_instant(call.at));
            Some(CallLine {
                key,
                zone: call.zone_letter.clone().unwrap_or_default(),
                digits,
                spoken_letter,
                spoken_number,
                counter: if room.is_empty() {
                    counter_label(counter_number.to_string())
                } else {
                    room.clone()
                },
                counter_number,
                room,
                number,
            })
        })
        .collect();
    let zones = zones
        .iter()
        .filter(|z| zone.is_empty() || z.letter == zone)
        .map(|z| ZoneCount {
            letter: z.letter.clone(),
            name: z.name(locale).to_owned(),
            waiting: now.waiting.get(&z.letter).copied().unwrap_or(0),
        })
        .collect();
    let at = state.now();
    let local = at.to_zoned(state.settings.time_zone.clone());
    let say = t.args(
        "display-say",
        &[
            ("letter", "{letter}".into()),
            ("number", "{number}".into()),
            ("counter", "{counter}".into()),
        ],
    );
    let say_room = t.args(
        "on-call-say-room",
        &[
            ("letter", "{letter}".into()),
            ("number", "{number}".into()),
            ("room", "{room}".into()),
        ],
    );
    let clock_format = t.args(
        "time",
        &[("hour", "{hour}".into()), ("minute", "{minute}".into())],
    );
    render(DisplayTemplate {
        clock: t.time(local.time()),
        clock_format,
        now_ms: at.as_millisecond(),
        time_zone: site.time_zone.clone(),
        counter_label: counter_label("{counter}".into()),
        say,
        say_room,
        t,
        locale,
        site: site.code,
        site_name: site.name,
        zone,
        calls,
        zones,
    })
}

#[cfg(test)]
mod tests {
    use super::letter_and_digits;

    #[test]
    fn a_number_shows_its_letter_apart() {
        assert_eq!(letter_and_digits("B012"), ("B".into(), "012".into()));
        assert_eq!(letter_and_digits("7"), ("".into(), "7".into()));
    }
}
