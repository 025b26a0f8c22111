//! The YAML schema of `data/`: what the importer writes and what `build.rs` reads.
//!
//! This file is shared three ways: `build.rs` includes it (through `build/mod.rs`) to read
//! the data, the crate includes it behind the `import` feature to write the data, and the tests
//! include it to check data rules without running cargo. It depends on `serde` alone.
//!
//! Field order here is the order the importer writes, so re-importing a page gives identical bytes.

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::string::String;
use std::vec::Vec;

/// The text a cell holds when the docs say "Not supported".
pub const NOT_SUPPORTED: &str = "not supported";

/// `data/tables/<api>/<operation>.yaml`: one docs Permissions table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableFile {
    /// `v1.0` or `beta`.
    pub api: String,
    /// `create`, `get`, `update`, `delete`, `reauthorize`, `list` or `getVapidPublicKey`.
    pub operation: String,
    /// Where the table came from.
    pub source: Source,
    /// The table's rows, in the docs' order.
    pub rows: Vec<TableRow>,
}

/// Provenance of one table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The page's address (a docs repository blob at a commit, or the published page).
    pub page: String,
    /// The page's own date, as the page or its capture states it.
    pub as_of: String,
    /// The imported file, relative to `upstream/graph-docs/` in the shared sources.
    pub file: String,
}

/// One row of a Permissions table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRow {
    /// The resource type, as the row's link text gives it (`chatMessage`, `group conversation`).
    #[serde(rename = "type")]
    pub resource_type: String,
    /// A parenthesised qualifier that is not a path (`user's personal OneDrive`, `deprecated`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// The resource paths the row gives, cleaned (backticks and stray periods gone, leading `/`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
    /// The row's description line (`All messages and replies in a particular channel.`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Delegated (work or school account).
    #[serde(rename = "delegated-work")]
    pub delegated_work: Cell,
    /// Delegated (personal Microsoft account).
    #[serde(rename = "delegated-personal")]
    pub delegated_personal: Cell,
    /// Application.
    pub application: Cell,
    /// Names in this row's cells that use resource-specific consent (`*` or the RSC note).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rsc: Vec<String>,
}

/// One cell: the permissions, least privileged first, or not supported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// The docs say "Not supported".
    NotSupported,
    /// The permissions in the docs' order (least privileged first).
    Permissions(Vec<String>),
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::NotSupported => serializer.serialize_str(NOT_SUPPORTED),
            Cell::Permissions(names) => {
                let mut seq = serializer.serialize_seq(Some(names.len()))?;
                for name in names {
                    seq.serialize_element(name)?;
                }
                seq.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CellVisitor;
        impl<'de> Visitor<'de> for CellVisitor {
            type Value = Cell;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a list of permission names or `{NOT_SUPPORTED}`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
                if v == NOT_SUPPORTED {
                    Ok(Cell::NotSupported)
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(v), &self))
                }
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Cell, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<String>()? {
                    names.push(name);
                }
                Ok(Cell::Permissions(names))
            }
        }
        deserializer.deserialize_any(CellVisitor)
    }
}

/// `data/resources.yaml`: resource identities, their path templates, and how tables name them.
///
/// A table row that gives paths needs no entry here: its paths are its templates. A row that
/// gives no path (or names its resource differently in different tables) is tied to an entry
/// by `rows`; the entry's `templates` then let real resource strings resolve to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourcesFile {
    /// The entries.
    pub resources: Vec<ResourceEntry>,
}

/// One resource identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceEntry {
    /// A stable key (`[A-Za-z0-9_.-]+`), unique in the file.
    pub id: String,
    /// The table rows this entry is: a row matches when its type equals `type` and, if `text` is
    /// given, its qualifier or label equals `text` (ignoring case and a trailing period).
    pub rows: Vec<RowMatcher>,
    /// Path templates. Empty means no source gives a path: the row is reachable by type only.
    #[serde(default)]
    pub templates: Vec<TemplateEntry>,
    /// Where the templates come from, relative to `upstream/graph-docs/`.
    pub source: String,
    /// Anything a reader should know (why there is no path, what a qualifier means).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How a table names a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowMatcher {
    /// The row's resource type.
    #[serde(rename = "type")]
    pub resource_type: String,
    /// The row's qualifier or label; absent matches any path-less row of the type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// One path template of a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateEntry {
    /// The template: `/users/{id}/messages`, `/me/mailFolders('inbox')/messages`.
    pub path: String,
    /// The auth modes this template means this resource for (`delegated-personal` for a personal
    /// OneDrive); empty means every mode. Lets one path belong to two rows by mode.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modes: Vec<String>,
}

/// `data/errata.yaml`: names the docs print that do not exist, with the real name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrataFile {
    /// The known docs errors.
    pub errata: Vec<Erratum>,
}

/// One known docs error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Erratum {
    /// The name as the docs print it.
    pub documented: String,
    /// The name that exists and is meant.
    pub corrected: String,
    /// `api/operation` tables it applies to (`v1.0/create`); empty means every table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<String>,
    /// Why the correction is right.
    pub note: String,
    /// Evidence for the correction.
    pub source: String,
}

/// `data/coverage.yaml`: the rows that some operations of an API version lack. The docs give
/// each operation its own table and they do not list the same resources; every such
/// difference is listed here, so that a re-import that adds or drops a row stops the build
/// until someone looks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageFile {
    /// The differences, one per (API version, resource).
    pub absent: Vec<Absence>,
}

/// A resource that some tables of one API version have and others lack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    /// `v1.0` or `beta`.
    pub api: String,
    /// The resource's id (`presence`, or `chatMessage:/teams/getAllMessages` for a row that
    /// gives its own paths: its type and first path).
    pub resource: String,
    /// The operations whose tables lack it.
    pub from: Vec<String>,
}

/// `data/rules.yaml`: the rules the docs state around the tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    /// The rules, in the order answers list them.
    pub rules: Vec<RuleEntry>,
    /// Change types where the docs restrict them.
    #[serde(default)]
    pub change_types: Vec<ChangeTypeEntry>,
}

/// One rule: conditions, a severity and a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleEntry {
    /// A stable kebab-case id.
    pub id: String,
    /// `note`, `warning` or `error`.
    pub severity: String,
    /// Row resource types it applies to; empty means any.
    #[serde(default)]
    pub types: Vec<String>,
    /// Auth modes it applies to; empty means any.
    #[serde(default)]
    pub modes: Vec<String>,
    /// Template patterns (exact, or a prefix ending in `/...`); empty means any.
    #[serde(default)]
    pub templates: Vec<String>,
    /// A `&`-separated part of the query that must be present (ignoring case).
    #[serde(default)]
    pub query: Option<String>,
    /// Applies when `$filter=id in (...)` names more ids than this.
    #[serde(default)]
    pub max_filter_ids: Option<u32>,
    /// Permissions whose request the rule concerns (instead of answers).
    #[serde(default)]
    pub permissions: Vec<String>,
    /// What the user should know or do.
    pub message: String,
    /// The page that states the rule, relative to `upstream/graph-docs/`.
    pub source: String,
}

/// Allowed change types for some resource types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeTypeEntry {
    /// Row resource types.
    pub types: Vec<String>,
    /// `created`, `updated`, `deleted`.
    pub allowed: Vec<String>,
    /// The page that says so.
    pub source: String,
}

/// `data/lifetimes.yaml`: maximum subscription lifetimes per resource type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifetimesFile {
    /// The page the lifetimes come from.
    pub source: String,
    /// The lifetimes.
    pub lifetimes: Vec<LifetimeEntry>,
    /// Resource types of the tables that the source gives no lifetime for.
    #[serde(default)]
    pub unknown: Vec<String>,
}

/// One lifetime.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifetimeEntry {
    /// Row resource types.
    pub types: Vec<String>,
    /// Maximum lifetime in minutes.
    pub minutes: u32,
    /// A conflict or condition worth knowing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `data/catalog.yaml`: every Microsoft Graph permission, from Microsoft's devx catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    /// Where the catalog came from.
    pub source: CatalogSource,
    /// Every permission, sorted by name.
    pub permissions: Vec<CatalogPermission>,
    /// GUIDs in the sources that belong to other resource apps (never Graph permissions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub foreign_ids: Vec<ForeignId>,
}

/// Provenance of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogSource {
    /// The repository the files come from.
    pub repository: String,
    /// The commit.
    pub commit: String,
    /// The commit's date.
    pub as_of: String,
}

/// One permission in the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogPermission {
    /// The permission's name (`Mail.Read`).
    pub name: String,
    /// Whether it is a resource-specific-consent permission.
    #[serde(default, skip_serializing_if = "is_false")]
    pub rsc: bool,
    /// The delegated scope for work or school accounts, if it exists.
    #[serde(
        rename = "delegated-work",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delegated_work: Option<SchemeEntry>,
    /// The delegated scope for personal Microsoft accounts, if it exists.
    #[serde(
        rename = "delegated-personal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delegated_personal: Option<SchemeEntry>,
    /// The application role, if it exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<SchemeEntry>,
    /// What the sources disagree on or lack for this permission.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A permission under one scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemeEntry {
    /// The GUID (lower case), absent when no source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Other GUIDs a source gives for the same name and scheme (a recorded disagreement).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_ids: Vec<String>,
    /// Whether an administrator must consent, where a source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_consent: Option<bool>,
    /// Microsoft's privilege level, 1 (lowest) to 4, where a source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privilege_level: Option<u8>,
}

/// A GUID that appears in the sources under another resource app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForeignId {
    /// The GUID (lower case).
    pub id: String,
    /// The permission name it carries there.
    pub name: String,
    /// `delegated-work`, `delegated-personal` or `application`.
    pub scheme: String,
    /// The resource app's id.
    pub resource_app: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}
