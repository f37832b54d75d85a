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

/// The number to send a text message to, in international form (`+32470123456`): a Belgian
/// mobile number (04xx, or +32 4xx) or a number abroad written with its country code. None for a
/// Belgian landline, which cannot receive one, and for anything that is not a phone number.
pub fn text_message_number(phone: &str) -> Option<String> {
    if !is_valid_phone(phone) {
        return None;
    }
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let international = if phone.trim_start().starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_owned()
    } else if let Some(national) = digits.strip_prefix('0') {
        format!("32{national}")
    } else {
        return None;
    };
    match international.strip_prefix("32") {
        // Belgian mobile numbers are 04xx xx xx xx: nine digits after the country code.
        Some(national) if !(national.starts_with('4') && national.len() == 9) => None,
        _ if international.len() < 8 => None,
        _ => Some(format!("+{international}")),
    }
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

    #[test]
    fn text_messages_go_to_mobile_numbers_in_international_form() {
        for (typed, number) in [
            ("0470 12 34 56", "+32470123456"),
            ("+32 470/12.34.56", "+32470123456"),
            ("0032 470 12 34 56", "+32470123456"),
            ("+31 6 12345678", "+31612345678"),
        ] {
            assert_eq!(
                text_message_number(typed).as_deref(),
                Some(number),
                "{typed}"
            );
        }
        for landline_or_wrong in ["016 27 28 29", "+32 16 27 28 29", "bel ons", "470 12 34 56"] {
            assert_eq!(
                text_message_number(landline_or_wrong),
                None,
                "{landline_or_wrong}"
            );
        }
    }
}
