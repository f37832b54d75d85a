//! How to reach a person: checks on e-mail addresses and phone numbers as people type them.

/// An address a mail server will accept: one @, a local part, a domain with a dot, no spaces.
pub fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    email.len() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

/// A phone number as people write it: 6 to 15 digits, with spaces, dots, slashes, dashes,
/// brackets or a +, at most 30 characters.
pub fn is_valid_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && phone.chars().count() <= 30
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +./-()".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_are_checked_as_people_type_them() {
        assert!(is_valid_email("an.peeters@leuven.be"));
        assert!(!is_valid_email("an.peeters"));
        assert!(!is_valid_email("an@leuven"));
        assert!(!is_valid_email("an peeters@leuven.be"));
        assert!(!is_valid_email("an@@leuven.be"));
    }

    #[test]
    fn phone_numbers_are_checked_as_people_type_them() {
        assert!(is_valid_phone("016 27 28 29"));
        assert!(is_valid_phone("+32 470/12.34.56"));
        assert!(is_valid_phone("016/27.28.29"));
        assert!(!is_valid_phone("bel ons"));
        assert!(!is_valid_phone("123"));
        assert!(!is_valid_phone(""));
    }
}
