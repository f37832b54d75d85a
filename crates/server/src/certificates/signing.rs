//! Loket's signature of an issued file: HMAC-SHA256 of the file's SHA-256 with a secret kept in the
//! settings table. Only Loket holds the secret, and only Loket checks copies (on its verification
//! page), so a keyed MAC is enough; a public-key signature would only matter if others had to check
//! files without asking Loket.

use hmac::{Hmac, KeyInit, Mac};
use loket_store::{Store, StoreResult};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// The secret documents are signed with.
pub struct SigningKey(Vec<u8>);

impl SigningKey {
    /// The installation's key; the first node to ask creates it (32 random bytes), the others
    /// read that one.
    pub async fn load(store: &Store) -> StoreResult<SigningKey> {
        let candidate = loket_store::staff::random_token();
        let key = store.document_signing_key(&candidate).await?;
        Ok(SigningKey(key.into_bytes()))
    }

    /// The signature of a file's digest, as lower-case hex.
    pub fn sign(&self, sha256: &str) -> String {
        hex(&self.mac(sha256).finalize().into_bytes())
    }

    /// Whether `signature` is this key's signature of `sha256` (compared in constant time).
    pub fn verifies(&self, sha256: &str, signature: &str) -> bool {
        match unhex(signature) {
            Some(bytes) => self.mac(sha256).verify_slice(&bytes).is_ok(),
            None => false,
        }
    }

    fn mac(&self, sha256: &str) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(sha256.as_bytes());
        mac
    }
}

/// The SHA-256 of `bytes`, as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_for_its_digest_and_key_only() {
        let key = SigningKey(b"secret".to_vec());
        let digest = sha256_hex(b"%PDF-1.7 the file");
        let signature = key.sign(&digest);
        assert!(key.verifies(&digest, &signature));
        assert!(!key.verifies(&sha256_hex(b"%PDF-1.7 the filE"), &signature));
        assert!(!SigningKey(b"other".to_vec()).verifies(&digest, &signature));
        assert!(!key.verifies(&digest, "not hex"));
    }

    #[test]
    fn the_digest_is_the_well_known_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
