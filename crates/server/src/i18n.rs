//! Translations (Fluent files under `locales/`, embedded in the binary) and the formatting of
//! dates, times and amounts the way each language writes them.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use jiff::civil::{Date, Time};
use loket_domain::locale::Locale;
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "nl",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

pub fn language_id(locale: Locale) -> LanguageIdentifier {
    match locale {
        Locale::Nl => langid!("nl"),
        Locale::Fr => langid!("fr"),
        Locale::En => langid!("en"),
    }
}

tokio::task_local! {
    static REQUEST_LOCALE: Locale;
}

/// Runs `future` with `locale` as the language of everything it renders.
pub async fn with_locale<F: Future>(locale: Locale, future: F) -> F::Output {
    REQUEST_LOCALE.scope(locale, future).await
}

/// The language of the request being answered; Dutch outside a request.
pub fn current_locale() -> Locale {
    REQUEST_LOCALE
        .try_with(|locale| *locale)
        .unwrap_or_default()
}

/// Translates into one language; cheap to copy into every template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tr {
    pub locale: Locale,
}

impl Tr {
    pub fn new(locale: Locale) -> Tr {
        Tr { locale }
    }

    pub fn get(&self, id: &str) -> String {
        LOCALES.lookup(&language_id(self.locale), id)
    }

    /// A message with one argument, e.g. `t.arg("welcome", "name", "Jan")`.
    pub fn arg(&self, id: &str, name: &str, value: impl ToString) -> String {
        self.args(id, &[(name, value.to_string())])
    }

    /// A message that chooses its words by a number, e.g. "1 minuut" but "5 minuten".
    pub fn count(&self, id: &str, count: i64) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> =
            HashMap::from([(Cow::Borrowed("count"), FluentValue::from(count))]);
        LOCALES.lookup_with_args(&language_id(self.locale), id, &args)
    }

    pub fn args(&self, id: &str, args: &[(&str, String)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                (
                    Cow::Owned((*name).to_owned()),
                    FluentValue::from(value.clone()),
                )
            })
            .collect();
        LOCALES.lookup_with_args(&language_id(self.locale), id, &args)
    }

    /// "donderdag 3 december 2026", "jeudi 3 décembre 2026", "Thursday 3 December 2026".
    pub fn date(&self, date: Date) -> String {
        self.args(
            "date-long",
            &[
                ("weekday", self.weekday(date.weekday())),
                ("day", date.day().to_string()),
                ("month", self.get(&format!("month-{}", date.month()))),
                ("year", date.year().to_string()),
            ],
        )
    }

    /// "3 december 2026", "3 décembre 2026", "3 December 2026": a date on a document.
    pub fn day_month_year(&self, date: Date) -> String {
        format!(
            "{} {} {}",
            date.day(),
            self.get(&format!("month-{}", date.month())),
            date.year()
        )
    }

    pub fn weekday(&self, weekday: jiff::civil::Weekday) -> String {
        self.get(&format!("weekday-{}", weekday.to_monday_one_offset()))
    }

    /// "10.20 uur", "10h20", "10:20".
    pub fn time(&self, time: Time) -> String {
        self.args(
            "time",
            &[
                ("hour", time.hour().to_string()),
                ("minute", format!("{:02}", time.minute())),
            ],
        )
    }

    /// "€ 22,50", or the words for free and for an unknown amount.
    pub fn fee(&self, cents: Option<i64>) -> String {
        match cents {
            None => self.get("fee-unknown"),
            Some(0) => self.get("fee-free"),
            Some(cents) => format!("€ {}", loket_domain::catalogue::format_euro(cents)),
        }
    }

    /// An amount the way each language writes it: "€ 1.250,00" and "€ 1 250,00", but "€1,250.00".
    pub fn amount(&self, cents: i64) -> String {
        let (thousands, decimal, sign) = match self.locale {
            Locale::Nl => ('.', ',', "€ "),
            Locale::Fr => ('\u{a0}', ',', "€ "),
            Locale::En => (',', '.', "€"),
        };
        let minus = if cents < 0 { "-" } else { "" };
        let cents = cents.unsigned_abs();
        let euros = (cents / 100).to_string();
        let mut grouped = String::with_capacity(euros.len() + euros.len() / 3);
        for (index, digit) in euros.chars().enumerate() {
            if index > 0 && (euros.len() - index).is_multiple_of(3) {
                grouped.push(thousands);
            }
            grouped.push(digit);
        }
        format!("{minus}{sign}{grouped}{decimal}{:02}", cents % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    #[test]
    fn dates_and_times_read_the_way_each_language_writes_them() {
        let thursday = date(2026, 12, 3);
        assert_eq!(
            Tr::new(Locale::Nl).date(thursday),
            "donderdag 3 december 2026"
        );
        assert_eq!(Tr::new(Locale::Fr).date(thursday), "jeudi 3 décembre 2026");
        assert_eq!(
            Tr::new(Locale::En).date(thursday),
            "Thursday 3 December 2026"
        );
        let evening = time(20, 0, 0, 0);
        assert_eq!(Tr::new(Locale::Nl).time(evening), "20.00 uur");
        assert_eq!(Tr::new(Locale::Fr).time(evening), "20h00");
        assert_eq!(Tr::new(Locale::En).time(time(9, 5, 0, 0)), "9:05");
    }

    /// The message ids the Fluent files of a language define, file by file (sorted by name), in order.
    fn message_ids(locale: &str) -> Vec<String> {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(locale);
        let mut files: Vec<_> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|path| std::fs::read_to_string(path).unwrap())
            .collect::<Vec<_>>()
            .join("\n")
            .lines()
            .filter_map(|line| line.split_once(" = ").or_else(|| line.split_once(" =")))
            .map(|(id, _)| id.trim())
            .filter(|id| {
                !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .map(str::to_owned)
            .collect()
    }

    /// Every id the templates ask for with `t.get("…")`, `t.arg("…"` or `t.args("…"`, and every
    /// `"error-…"` or `"problem-…"` id the code hands to a translator.
    fn ids_used_in_code() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for folder in ["templates", "src", "../domain/src"] {
            collect_files(&root.join(folder), &mut files);
        }
        let mut ids = Vec::new();
        for path in &files {
            let text = std::fs::read_to_string(path).unwrap();
            let is_rust = path.extension().is_some_and(|e| e == "rs");
            for piece in text.split('"').skip(1).step_by(2) {
                let looks_like_id = piece.contains('-')
                    && piece
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                let translated_by_code = [
                    "error-",
                    "problem-",
                    "national-number-",
                    "holiday-",
                    "role-",
                    "channel-",
                    "staffing-",
                    "status-",
                    "ticket-status-",
                    "route-",
                ]
                .iter()
                .any(|prefix| piece.starts_with(prefix));
                if looks_like_id
                    && ((is_rust && translated_by_code) || asked_in_template(&text, piece))
                {
                    ids.push(piece.to_owned());
                }
            }
        }
        ids.sort();
        ids.dedup();
        ids
    }

    fn asked_in_template(text: &str, id: &str) -> bool {
        ["get(\"", "arg(\"", "args(\""]
            .iter()
            .any(|call| text.contains(&format!("{call}{id}\"")))
    }

    fn collect_files(folder: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(folder).unwrap().map(Result::unwrap) {
            let path = entry.path();
            if path.is_dir() {
                collect_files(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                files.push(path);
            }
        }
    }

    #[test]
    fn french_and_english_translate_every_dutch_message() {
        let dutch = message_ids("nl");
        assert!(dutch.len() > 200);
        assert_eq!(
            message_ids("fr"),
            dutch,
            "the French files have the ids of the Dutch ones, in order"
        );
        assert_eq!(
            message_ids("en"),
            dutch,
            "the English files have the ids of the Dutch ones, in order"
        );
    }

    #[test]
    fn every_message_the_code_asks_for_exists_in_every_language() {
        let used = ids_used_in_code();
        assert!(used.len() > 100, "found {} ids", used.len());
        for locale in Locale::ALL {
            let defined = message_ids(locale.code());
            let missing: Vec<&String> = used.iter().filter(|id| !defined.contains(id)).collect();
            assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        }
    }

    #[test]
    fn every_enumerated_message_exists() {
        use loket_domain::calendar::Holiday;
        use loket_domain::catalogue::{Channel, Staffing};
        use loket_domain::staff::Role;
        let ids = Role::ALL
            .iter()
            .map(|r| r.message_id())
            .chain(Channel::ALL.iter().map(|c| c.message_id()))
            .chain(Staffing::ALL.iter().map(|s| s.message_id()))
            .chain(Holiday::ALL.iter().map(|h| h.message_id()));
        let request_types = crate::eloket::RequestType::all()
            .into_iter()
            .map(|kind| kind.name_id())
            .chain(
                loket_store::eloket::RequestStatus::ALL
                    .iter()
                    .map(|status| crate::eloket::status_message_id(*status)),
            )
            .chain(
                crate::certificates::CertificateKind::ALL
                    .iter()
                    .map(|kind| format!("verify-kind-{}", kind.code())),
            )
            .chain(
                crate::eloket::ebox::KINDS
                    .iter()
                    .flat_map(|kind| [format!("ebox-{kind}-subject"), format!("ebox-{kind}-body")]),
            )
            .collect::<Vec<_>>();
        let dutch = message_ids("nl");
        for id in ids.chain(request_types.iter().map(String::as_str)) {
            assert!(dutch.iter().any(|known| known == id), "{id}");
        }
    }

    #[test]
    fn counted_words_follow_the_number() {
        assert_eq!(Tr::new(Locale::Nl).count("minutes", 1), "1 minuut");
        assert_eq!(Tr::new(Locale::Nl).count("minutes", 15), "15 minuten");
        assert_eq!(Tr::new(Locale::En).count("minutes", 1), "1 minute");
        assert_eq!(Tr::new(Locale::Fr).count("minutes", 2), "2 minutes");
    }

    #[test]
    fn fees_are_written_in_euro_with_a_decimal_comma() {
        let nl = Tr::new(Locale::Nl);
        assert_eq!(nl.fee(Some(2250)), "€ 22,50");
        assert_eq!(nl.fee(Some(0)), "Gratis");
        assert_eq!(Tr::new(Locale::En).fee(Some(0)), "Free");
    }

    #[test]
    fn amounts_are_written_the_way_each_language_writes_money() {
        assert_eq!(Tr::new(Locale::Nl).amount(10600), "€ 106,00");
        assert_eq!(Tr::new(Locale::Fr).amount(2000), "€ 20,00");
        assert_eq!(Tr::new(Locale::En).amount(2000), "€20.00");
        assert_eq!(Tr::new(Locale::Nl).amount(125_050), "€ 1.250,50");
        assert_eq!(Tr::new(Locale::Fr).amount(125_050), "€ 1\u{a0}250,50");
        assert_eq!(Tr::new(Locale::En).amount(100_000_000), "€1,000,000.00");
        assert_eq!(Tr::new(Locale::En).amount(5), "€0.05");
    }
}
