//! The documents Loket issued, each with the exact PDF file, its SHA-256, Loket's signature of that
//! digest and a verification code printed on it, so anyone can check that a copy is genuine.

use crate::{Store, StoreError, StoreResult};
use jiff::Timestamp;
use rand::Rng;

/// The settings key under which Loket keeps the secret it signs documents with.
pub const SIGNING_KEY: &str = "document_signing_key";

/// The letters and digits of a verification code: none that is easily mistaken for another
/// (no 0/O, 1/I/L), so a code read aloud or typed from paper comes out right.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Twelve symbols out of 31: about 7.9 × 10^17 codes (59 bits), far too many to guess.
const CODE_SYMBOLS: usize = 12;
const CODE_GROUP: usize = 4;

/// A new verification code: three groups of four, e.g. `K7M2-P9QX-4HTR`.
pub fn new_verification_code() -> String {
    let mut rng = rand::rng();
    let symbols: String = (0..CODE_SYMBOLS)
        .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
        .collect();
    grouped(&symbols)
}

/// A code as someone typed it (any case, with or without dashes or spaces) in its printed form,
/// or None when it cannot be a verification code.
pub fn normalize_verification_code(input: &str) -> Option<String> {
    let symbols: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let valid =
        symbols.len() == CODE_SYMBOLS && symbols.bytes().all(|b| CODE_ALPHABET.contains(&b));
    valid.then(|| grouped(&symbols))
}

fn grouped(symbols: &str) -> String {
    symbols
        .as_bytes()
        .chunks(CODE_GROUP)
        .map(|group| std::str::from_utf8(group).expect("ASCII"))
        .collect::<Vec<_>>()
        .join("-")
}

/// An issued document, without its file (read that with [`Store::document_pdf`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: i64,
    /// The person it is about; eleven digits, never shown unmasked.
    pub national_number: String,
    /// What it is, e.g. `attest-woonst`.
    pub kind: String,
    pub verification_code: String,
    pub issued_at: Timestamp,
    /// The employee who issued it, or None when the citizen asked online.
    pub issued_by: Option<i64>,
    /// The SHA-256 of the file, lower-case hex.
    pub sha256: String,
    /// Loket's signature of the digest.
    pub signature: String,
}

/// A document to keep, with its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument {
    pub national_number: String,
    pub kind: String,
    pub verification_code: String,
    pub issued_at: Timestamp,
    pub issued_by: Option<i64>,
    pub sha256: String,
    pub signature: String,
    pub pdf: Vec<u8>,
}

#[derive(sqlx::FromRow)]
struct DocumentRow {
    id: i64,
    national_number: String,
    kind: String,
    verification_code: String,
    issued_at: i64,
    issued_by: Option<i64>,
    sha256: String,
    signature: String,
}

impl TryFrom<DocumentRow> for Document {
    type Error = StoreError;

    fn try_from(row: DocumentRow) -> StoreResult<Document> {
        Ok(Document {
            id: row.id,
            national_number: row.national_number,
            kind: row.kind,
            verification_code: row.verification_code,
            issued_at: Timestamp::from_second(row.issued_at)
                .map_err(|e| StoreError::Invalid(e.to_string()))?,
            issued_by: row.issued_by,
            sha256: row.sha256,
            signature: row.signature,
        })
    }
}

const DOCUMENT_COLUMNS: &str = "SELECT id, national_number, kind, verification_code, issued_at, issued_by, \
     sha256, signature FROM documents";

impl Store {
    /// Keeps an issued document. A verification code or file that exists already gives
    /// [`StoreError::Duplicate`] and keeps nothing: draw another code and render again.
    pub async fn insert_document(&self, document: &NewDocument) -> StoreResult<Document> {
        let sql = "INSERT INTO documents (national_number, kind, verification_code, issued_at, issued_by, \
                   sha256, signature, pdf) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
        let id: i64 = on_backend!(self, pool => sqlx::query_scalar(sql)
            .bind(&document.national_number)
            .bind(&document.kind)
            .bind(&document.verification_code)
            .bind(document.issued_at.as_second())
            .bind(document.issued_by)
            .bind(&document.sha256)
            .bind(&document.signature)
            .bind(&document.pdf)
            .fetch_one(pool)
            .await?);
        self.document(id).await
    }

    pub async fn document(&self, id: i64) -> StoreResult<Document> {
        let sql = format!("{DOCUMENT_COLUMNS} WHERE id = $1");
        let row: DocumentRow = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id).fetch_one(pool).await?);
        row.try_into()
    }

    /// The document with this code, in its printed form (see [`normalize_verification_code`]).
    pub async fn document_by_code(&self, code: &str) -> StoreResult<Option<Document>> {
        self.document_where("verification_code", code).await
    }

    /// The document whose file has this SHA-256 (lower-case hex).
    pub async fn document_by_sha256(&self, sha256: &str) -> StoreResult<Option<Document>> {
        self.document_where("sha256", sha256).await
    }

    async fn document_where(&self, column: &str, value: &str) -> StoreResult<Option<Document>> {
        let sql = format!("{DOCUMENT_COLUMNS} WHERE {column} = $1");
        let row: Option<DocumentRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(value).fetch_optional(pool).await?);
        row.map(Document::try_from).transpose()
    }

    /// A person's documents, the newest first.
    pub async fn documents_of(&self, national_number: &str) -> StoreResult<Vec<Document>> {
        let sql = format!(
            "{DOCUMENT_COLUMNS} WHERE national_number = $1 ORDER BY issued_at DESC, id DESC"
        );
        let rows: Vec<DocumentRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(national_number).fetch_all(pool).await?);
        rows.into_iter().map(Document::try_from).collect()
    }

    /// The documents in a citizen's e-box, whoever they are about.
    pub(crate) async fn documents_delivered_to(
        &self,
        national_number: &str,
    ) -> StoreResult<Vec<Document>> {
        let sql = format!(
            "{DOCUMENT_COLUMNS} WHERE id IN (SELECT document_id FROM ebox_messages WHERE national_number = $1)"
        );
        let rows: Vec<DocumentRow> = on_backend!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(national_number).fetch_all(pool).await?);
        rows.into_iter().map(Document::try_from).collect()
    }

    /// The file exactly as it was issued.
    pub async fn document_pdf(&self, id: i64) -> StoreResult<Vec<u8>> {
        let sql = "SELECT pdf FROM documents WHERE id = $1";
        Ok(on_backend!(self, pool => sqlx::query_scalar(sql).bind(id).fetch_one(pool).await?))
    }

    /// The key documents are signed with: the one kept already, or else `new_key`, kept from now
    /// on. Nodes that start together all get the same key.
    pub async fn document_signing_key(&self, new_key: &str) -> StoreResult<String> {
        if let Some(key) = self.setting(SIGNING_KEY).await? {
            return Ok(key);
        }
        let insert =
            "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING";
        on_backend!(self, pool => sqlx::query(insert).bind(SIGNING_KEY).bind(new_key).execute(pool).await?.rows_affected());
        self.setting(SIGNING_KEY).await?.ok_or(StoreError::NotFound)
    }
}
