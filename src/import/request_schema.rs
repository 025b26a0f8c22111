//! The YAML schema of `data/requests/`: the permissions each Microsoft Graph request needs,
//! per path template, method and scheme, as `msgraph-scopes import-requests` writes them from
//! Microsoft's `permissions.json` and `build.rs` reads them.
//!
//! Shared like `schema.rs`: `build.rs` includes it (as `request_schema`, beside `schema`), and
//! the crate includes it behind the `import` feature. Field order is the order written.

use super::schema::CatalogSource;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::string::String;
use std::vec::Vec;

/// `data/requests/<area>.yaml`: the templates whose first segment is `area`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestsFile {
    /// Where the data came from (the devx content commit, as for the catalog).
    pub source: CatalogSource,
    /// The first path segment of every template in the file, lower case.
    pub area: String,
    /// The templates, sorted by path.
    pub templates: Vec<RequestTemplate>,
}

/// One path template and the permissions of each method on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestTemplate {
    /// The template (`/me/messages`, `/me/drive/root:/{id}:/content`).
    pub path: String,
    /// The spellings upstream gives for this template besides `path` (other letter case,
    /// other parameter names, repaired mistakes), each with what differs: their grants are
    /// merged into this template.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub upstream: Vec<Spelling>,
    /// Why the template is kept here but not compiled (it is no path the resolver can match,
    /// such as one with a query condition); absent for compiled templates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
    /// Method (`GET`, `POST`, `PUT`, `PATCH`, `DELETE`) -> the permissions per scheme.
    pub methods: BTreeMap<String, MethodCells>,
    /// The cells where upstream left the choice of the least privileged permission open, and
    /// how the order rule decided it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
}

/// An upstream spelling merged into a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spelling {
    /// The path as upstream writes it.
    pub path: String,
    /// How it differs from the template, or what was repaired.
    pub problem: String,
}

/// The permissions that grant one method on a template, per scheme: names separated by one
/// space, least privileged first. An absent scheme grants nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodCells {
    /// Delegated, work or school account.
    #[serde(
        rename = "delegated-work",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delegated_work: Option<String>,
    /// Delegated, personal Microsoft account.
    #[serde(
        rename = "delegated-personal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delegated_personal: Option<String>,
    /// Application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
}

impl MethodCells {
    /// The cells by mode index (delegated-work, delegated-personal, application).
    pub fn by_mode(&self) -> [Option<&str>; 3] {
        [
            self.delegated_work.as_deref(),
            self.delegated_personal.as_deref(),
            self.application.as_deref(),
        ]
    }
}

/// A cell where upstream did not mark exactly one permission least privileged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The method.
    pub method: String,
    /// The scheme (`delegated-work`, `delegated-personal`, `application`).
    pub scheme: String,
    /// The permissions upstream marks least for this scheme, space-separated; empty when it
    /// marks none.
    pub marked: String,
    /// What decided: `privilege-level`, `narrower` (a path set with fewer methods), `access`
    /// (ReadBasic < Read < ReadWrite < anything else), `name`, or `only-candidate`.
    pub decided_by: String,
}
