//! The YAML schema of the data beside the operation tables: second sources
//! (`data/second-sources/*.yaml`), equivalent paths (`data/equivalents.yaml`) and retired names
//! (`data/retired.yaml`).
//!
//! Shared like `schema.rs`: `build.rs` includes it to read the data, the crate includes it behind
//! the `import` feature to write second sources, and the tests include it. It depends on `serde`
//! alone. Field order is the order the importer writes.

use serde::{Deserialize, Serialize};
use std::string::String;
use std::vec::Vec;

/// `data/second-sources/<page>.yaml`: the permission tables of one docs page other than the
/// subscription operation pages (a Teams change-notification page, the Outlook overview).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecondSourceFile {
    /// Where the page came from.
    pub source: super::schema::Source,
    /// One entry per permission table (or per table row, on a page whose table has a row per
    /// resource), in the page's order.
    pub sections: Vec<SecondSection>,
}

/// What one permission table of a second source says about one resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecondSection {
    /// The heading the table sits under, or the resource cell's link text for a page with a
    /// row per resource (`Subscribe to changes in a particular team`, `contact`).
    pub heading: String,
    /// The line of the table row (or the table's first row) in the page.
    pub line: usize,
    /// The resource paths the page gives for it, as printed (`/teams/{team-id}`).
    pub paths: Vec<String>,
    /// Delegated (work or school account).
    #[serde(rename = "delegated-work")]
    pub delegated_work: SecondCell,
    /// Delegated (personal Microsoft account).
    #[serde(rename = "delegated-personal")]
    pub delegated_personal: SecondCell,
    /// Application.
    pub application: SecondCell,
    /// Names the page marks as resource-specific consent (`*` with the page's note).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rsc: Vec<String>,
    /// The API versions the page's note limits resource-specific consent to, when it does
    /// ("for the beta version only"); absent when the note sets no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rsc_versions: Option<Vec<String>>,
}

/// One mode's cell of a second source: `not supported`, or the permissions (least privileged
/// first) and the API versions the page says they are supported in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SecondCell {
    /// `not supported`.
    NotSupported(String),
    /// The permissions and versions.
    Accepted(Accepted),
}

/// A supported cell of a second source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    /// The permissions in the page's order (least privileged first).
    pub permissions: Vec<String>,
    /// `v1.0`, `beta`: the versions the page's "Supported versions" column names. Absent when the
    /// page has no such column (the Outlook overview): the cell then applies to both versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versions: Option<Vec<String>>,
}

/// `data/equivalents.yaml`: path forms that address what a table template addresses, as the
/// API reference pages under `upstream/graph-docs/api-paths/` list them, and forms the docs say
/// cannot be subscribed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EquivalentsFile {
    /// Forms that resolve to the row of the template they stand for.
    pub equivalents: Vec<Equivalent>,
    /// Forms that stay unknown, with the reason.
    #[serde(default)]
    pub refused: Vec<RefusedForm>,
}

/// One equivalent form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Equivalent {
    /// The form (`/users/{id}/calendar/events`).
    pub path: String,
    /// The table template it stands for (`/users/{id}/events`).
    pub stands_for: String,
    /// The page that says so, relative to `upstream/graph-docs/` (`api-paths/v1.0/...`).
    pub source: String,
    /// The paths of the page's HTTP request section this rests on, exactly as printed: the
    /// one `path` is (or begins with), then the one `stands_for` is (or begins with), if the
    /// page lists it.
    pub listed: Vec<String>,
    /// The auth modes it applies to; empty means those of the template.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modes: Vec<String>,
    /// Why the equivalence holds where the page alone does not say it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A form the docs say cannot be subscribed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusedForm {
    /// The form (`/drives/{id}/items/{id}`).
    pub path: String,
    /// The auth modes it is refused under; empty means every mode.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modes: Vec<String>,
    /// Why it cannot be subscribed to, in our words.
    pub reason: String,
    /// The page that says so, relative to `upstream/graph-docs/`.
    pub source: String,
    /// The path of an API reference page's HTTP request section the form is, as printed, when
    /// one lists it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed: Option<String>,
    /// The page that lists `listed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_in: Option<String>,
}

/// `data/retired.yaml`: names Graph retired or renamed that can sit where an id goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetiredFile {
    /// The names.
    pub retired: Vec<RetiredName>,
}

/// One retired name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetiredName {
    /// The name as it was written (`allMessages`).
    pub name: String,
    /// The static path before the placeholder it sits in (`/teams` for `/teams/{id}`).
    pub after: String,
    /// The current resource (`/teams/getAllMessages`).
    pub current: String,
    /// The page that documents the retirement or renaming, relative to `upstream/graph-docs/`.
    pub source: String,
}
