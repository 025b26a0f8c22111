//! msgraph-scopes (work in progress: the lead restores the full lib.rs when data/ exists).
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "std")]
extern crate std;

mod api_version;
mod auth_mode;
mod operation;
mod parse_error;
#[allow(dead_code)]
mod path;

#[cfg(feature = "import")]
pub mod import;

pub use api_version::ApiVersion;
pub use auth_mode::AuthMode;
pub use operation::Operation;
pub use parse_error::ParseError;
