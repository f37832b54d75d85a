//! The languages Loket speaks: Dutch first (the administrative language in Flanders), French and English.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Nl,
    Fr,
    En,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Nl, Locale::Fr, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::Nl => "nl",
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }

    /// The language's own name, as shown on a language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Nl => "Nederlands",
            Locale::Fr => "Français",
            Locale::En => "English",
        }
    }

    /// Picks the text of this language out of a three-language triple.
    pub fn pick<'a>(self, nl: &'a str, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::Nl => nl,
            Locale::Fr => fr,
            Locale::En => en,
        }
    }

    /// The best language for an `Accept-Language` header, Dutch when nothing matches.
    pub fn from_accept_language(header: &str) -> Locale {
        let mut ranked: Vec<(f32, Locale)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim();
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                let primary = tag.split('-').next()?;
                Some((quality, primary.parse::<Locale>().ok()?))
            })
            .filter(|(quality, _)| *quality > 0.0)
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked
            .first()
            .map(|(_, locale)| *locale)
            .unwrap_or_default()
    }
}

impl FromStr for Locale {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "nl" | "nl-be" => Ok(Locale::Nl),
            "fr" | "fr-be" => Ok(Locale::Fr),
            "en" => Ok(Locale::En),
            _ => Err(()),
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_the_highest_quality_known_language() {
        assert_eq!(
            Locale::from_accept_language("fr-BE,fr;q=0.9,en;q=0.8"),
            Locale::Fr
        );
        assert_eq!(
            Locale::from_accept_language("de-DE,en;q=0.5,nl;q=0.7"),
            Locale::Nl
        );
        assert_eq!(Locale::from_accept_language("en-GB;q=0.8,de"), Locale::En);
    }

    #[test]
    fn unknown_or_empty_header_falls_back_to_dutch() {
        assert_eq!(Locale::from_accept_language(""), Locale::Nl);
        assert_eq!(Locale::from_accept_language("de,es;q=0.3"), Locale::Nl);
        assert_eq!(Locale::from_accept_language("fr;q=0"), Locale::Nl);
    }
}
