//! Loket's certificates as PDF files: one A4 page with the city's heading, the title, the person's
//! data, the place and date, the issuing service, and a verification code with a QR code that opens
//! the public verification page.
//!
//! The file is tagged (headings, paragraphs, a table, a figure for the QR code) with its title and
//! language set, so screen readers read it in order; the fonts (DejaVu Sans, vendored under
//! `fonts/`) are embedded as subsets. Every text comes from the caller in [`Certificate`]: this crate
//! holds no language. The same input always gives the same bytes.

mod page;
mod sample;
mod text;

pub use page::render;
pub use sample::sample;

/// Everything printed on a certificate, already in the language it is issued in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    /// The document's language as a BCP 47 tag, e.g. `nl-BE`.
    pub language: String,
    pub heading: Heading,
    /// "Attest van woonst", "Gezinssamenstelling", …
    pub title: String,
    /// The sentence that introduces the data, e.g. "Het college … verklaart dat".
    pub introduction: String,
    /// The person's data, one label and value per line.
    pub lines: Vec<DataLine>,
    /// The members of a household, for a household composition.
    pub table: Option<Table>,
    /// A closing sentence (what the certificate is valid for), if any.
    pub closing: Option<String>,
    /// "Leuven, 3 december 2026".
    pub place_and_date: String,
    /// The service that issued it, e.g. "Dienst Burgerzaken".
    pub issued_by: String,
    pub verification: Verification,
}

/// The city's letterhead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub organisation: String,
    pub service: String,
    pub address_lines: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataLine {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Read before the table, e.g. "Samenstelling van het gezin".
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// How anyone can check that a copy is genuine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// "Verificatiecode".
    pub code_label: String,
    /// The code printed on the document, e.g. `K7M2-P9QX-4HTR`.
    pub code: String,
    /// "Controleer dit document op".
    pub instruction: String,
    /// The public verification page for this code; the QR code opens it.
    pub url: String,
    /// The QR code's text alternative, e.g. "QR-code naar de verificatiepagina".
    pub qr_description: String,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the verification address does not fit in a QR code: {0}")]
    QrCode(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack
            .windows(needle.len())
            .any(|window| window == needle)
    }

    #[test]
    fn a_certificate_is_a_tagged_pdf_with_its_title_and_language() {
        let pdf = render(&sample()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(contains(&pdf, b"/StructTreeRoot"));
        assert!(contains(&pdf, b"/Marked true"));
        assert!(contains(&pdf, b"/Lang(nl-BE)"));
        assert!(
            contains(&pdf, b"Gezinssamenstelling"),
            "the title is in the metadata"
        );
        assert!(contains(&pdf, b"/FontFile2"), "the font is embedded");
        assert!(
            contains(&pdf, b"https://loket.leuven.be/verify?code=K7M2-P9QX-4HTR"),
            "the QR code links to the verification page of this code"
        );
    }

    #[test]
    fn the_same_certificate_gives_the_same_bytes() {
        assert_eq!(render(&sample()).unwrap(), render(&sample()).unwrap());
    }

    #[test]
    fn another_verification_code_gives_another_file() {
        let mut other = sample();
        other.verification.code = "K7M2-P9QX-4HTT".into();
        assert_ne!(render(&sample()).unwrap(), render(&other).unwrap());
    }
}
