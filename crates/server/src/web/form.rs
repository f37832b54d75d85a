//! What a form needs besides its fields: the translated errors, for the summary at the top and
//! the message next to each wrong field.

use crate::i18n::Tr;
use loket_domain::catalogue::FieldErrors;

#[derive(Debug, Clone, Default)]
pub struct Errors {
    /// (field name, translated message), in the order of the form.
    list: Vec<(String, String)>,
}

impl Errors {
    pub fn none() -> Errors {
        Errors::default()
    }

    pub fn translate(errors: &FieldErrors, t: Tr) -> Errors {
        Errors {
            list: errors
                .0
                .iter()
                .map(|(field, id)| (field.clone(), t.get(id)))
                .collect(),
        }
    }

    /// A single message that is not about one field (e.g. a wrong password).
    pub fn general(field: &str, message: String) -> Errors {
        Errors {
            list: vec![(field.to_owned(), message)],
        }
    }

    /// Messages already translated, each with its field.
    pub fn from_list(list: Vec<(String, String)>) -> Errors {
        Errors { list }
    }

    pub fn of(&self, field: &str) -> Option<&str> {
        self.list
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, message)| message.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &(String, String)> {
        self.list.iter()
    }
}
