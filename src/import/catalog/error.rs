//! [`CatalogError`]: why an import failed.

use std::fmt;
use std::format;
use std::path::PathBuf;
use std::string::{String, ToString};

/// Why an import failed.
#[derive(Debug)]
pub enum CatalogError {
    /// A file could not be read.
    Read {
        /// The file's path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file is not valid JSON, or not the JSON shape expected.
    Json {
        /// The file's name (`permissions.json`).
        file: &'static str,
        /// `serde_json`'s error, which knows the line and column.
        source: serde_json::Error,
    },
    /// A file is well-formed but holds a value the importer cannot accept.
    Invalid {
        /// The file's name.
        file: &'static str,
        /// What is wrong, naming the permission.
        message: String,
    },
}

impl CatalogError {
    pub(super) fn invalid(file: &'static str, message: String) -> Self {
        CatalogError::Invalid { file, message }
    }
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogError::Read { path, source } => {
                write!(f, "cannot read {}: {source}", path.display())
            }
            CatalogError::Json { file, source } => {
                let kind = match source.classify() {
                    serde_json::error::Category::Syntax => "JSON syntax error",
                    serde_json::error::Category::Eof => "unexpected end of JSON",
                    serde_json::error::Category::Data => "unexpected JSON structure",
                    serde_json::error::Category::Io => "I/O error",
                };
                // serde_json's message ends in " at line L column C"; say it once, our way.
                let full = source.to_string();
                let suffix = format!(" at line {} column {}", source.line(), source.column());
                let detail = full.strip_suffix(suffix.as_str()).unwrap_or(full.as_str());
                write!(
                    f,
                    "{file}: {kind} at line {}, column {}: {detail}",
                    source.line(),
                    source.column()
                )
            }
            CatalogError::Invalid { file, message } => write!(f, "{file}: {message}"),
        }
    }
}

impl std::error::Error for CatalogError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CatalogError::Read { source, .. } => Some(source),
            CatalogError::Json { source, .. } => Some(source),
            CatalogError::Invalid { .. } => None,
        }
    }
}
