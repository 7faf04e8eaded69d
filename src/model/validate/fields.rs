//! The field specs: which fields each object of the format has, and which are required;
//! and an object's values sorted into its spec's fields.

use crate::model::json::Value;

/// A field of one of the format's objects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub name: &'static str,
    pub required: bool,
}

const fn required(name: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        required: true,
    }
}

const fn optional(name: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        required: false,
    }
}

/// The top-level object's fields. `$schema` lets editors find the JSON Schema.
pub const DOCUMENT_FIELDS: &[FieldSpec] = &[
    optional("$schema"),
    optional("lang"),
    optional("title"),
    optional("description"),
    optional("updated"),
    required("categories"),
    optional("eras"),
    required("events"),
];
pub const CATEGORY_FIELDS: &[FieldSpec] = &[required("id"), required("label"), required("color")];
pub const ERA_FIELDS: &[FieldSpec] = &[
    required("label"),
    required("start"),
    required("end"),
    optional("summary"),
];
pub const EVENT_FIELDS: &[FieldSpec] = &[
    required("id"),
    required("date"),
    optional("approximate"),
    optional("end"),
    optional("date_label"),
    required("category"),
    optional("tags"),
    required("title"),
    optional("summary"),
    required("sources"),
    optional("importance"),
    optional("media"),
];
pub const MEDIA_FIELDS: &[FieldSpec] = &[
    required("url"),
    optional("alt"),
    optional("caption"),
    optional("credit"),
    optional("link"),
    optional("thumbnail"),
];
pub const SOURCE_FIELDS: &[FieldSpec] = &[
    required("title"),
    required("publisher"),
    required("url"),
    optional("date"),
];

pub use crate::model::format::MAX_ID_LEN;

/// The longest language code read, in characters: BCP 47's practical maximum (RFC 5646,
/// section 4.4.1). A longer one's translation is ignored, with a warning.
pub const MAX_LANGUAGE_CODE_LEN: usize = 35;

/// The most translations a text may hold; the ones after them are ignored, with a warning.
pub const MAX_TRANSLATIONS: usize = 64;

/// The most fields any object of the format has.
pub(super) const MAX_FIELDS: usize = 12;
const _: () = assert!(
    DOCUMENT_FIELDS.len() <= MAX_FIELDS
        && CATEGORY_FIELDS.len() <= MAX_FIELDS
        && ERA_FIELDS.len() <= MAX_FIELDS
        && EVENT_FIELDS.len() <= MAX_FIELDS
        && SOURCE_FIELDS.len() <= MAX_FIELDS
        && MEDIA_FIELDS.len() <= MAX_FIELDS
);

/// The first value of each field of an object, by its index in the spec.
pub(super) struct Fields<'v> {
    pub(super) spec: &'static [FieldSpec],
    pub(super) values: [Option<&'v Value<'v>>; MAX_FIELDS],
}

impl<'v> Fields<'v> {
    pub(super) fn get(&self, name: &str) -> Option<&'v Value<'v>> {
        let index = self.spec.iter().position(|f| f.name == name)?;
        self.values.get(index).copied().flatten()
    }
}
