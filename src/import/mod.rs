//! Maintainer tooling that produces `data/` from Microsoft's sources (feature `import`).
//!
//! * [`docs`] reads a Graph docs page's Permissions table and gives a [`schema::TableFile`].
//! * [`catalog`] reads Microsoft's devx permission catalog and gives a [`schema::CatalogFile`].
//! * [`requests`] reads the catalog's path sets and gives `data/requests/`
//!   ([`request_schema::RequestsFile`]): the permissions of every Graph request.
//!
//! Both are deterministic: the same input gives byte-identical YAML ([`to_yaml`]).

pub mod schema;

pub mod catalog;
pub mod docs;
pub mod request_schema;
pub mod requests;

use std::string::String;

/// Serialises a data file as the YAML written to `data/`, under a `# @generated` header line
/// that names the command which wrote it.
pub fn to_yaml<T: serde::Serialize>(value: &T, header: &str) -> Result<String, serde_yaml::Error> {
    let body = serde_yaml::to_string(value)?;
    let mut out = String::with_capacity(body.len() + header.len() + 4);
    for line in header.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&body);
    Ok(out)
}
