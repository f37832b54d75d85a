//! The two embedded fonts, and breaking text into lines that fit a width.

use krilla::text::Font;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// A font face: what krilla draws with, and its glyph widths for measuring.
#[derive(Clone)]
pub(crate) struct Face {
    pub(crate) font: Font,
    data: &'static [u8],
}

impl Face {
    pub(crate) fn regular() -> Face {
        Face::load(REGULAR)
    }

    pub(crate) fn bold() -> Face {
        Face::load(BOLD)
    }

    fn load(data: &'static [u8]) -> Face {
        let font = Font::new(data.into(), 0).expect("the vendored font parses");
        Face { font, data }
    }

    /// The width of `text` set in this face at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let font = FontRef::new(self.data).expect("the vendored font parses");
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars()
            .filter_map(|c| charmap.map(c))
            .filter_map(|glyph| metrics.advance_width(glyph))
            .sum()
    }

    /// `text` broken at spaces into lines no wider than `width`; a single word wider than the
    /// line stays whole on its own line.
    pub(crate) fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && self.width(&candidate, size) > width {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_sentence_breaks_at_spaces_within_the_width() {
        let face = Face::regular();
        let text = "Het college van burgemeester en schepenen verklaart dat uit het \
                    bevolkingsregister blijkt dat de hierna genoemde persoon er ingeschreven is";
        let lines = face.wrap(text, 11.0, 200.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|line| face.width(line, 11.0) <= 200.0));
        assert_eq!(
            lines.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
}
