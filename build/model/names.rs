//! The names `data/` uses for API versions, operations and auth modes, in index order: those of
//! the library's enums, so that an index here is the enum's index in the compiled data.

use super::super::api_version::ApiVersion;
use super::super::auth_mode::AuthMode;
use super::super::operation::Operation;

/// The API versions, in index order ([`ApiVersion::as_str`]).
pub const APIS: [&str; ApiVersion::ALL.len()] = {
    let mut names = [""; ApiVersion::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = ApiVersion::ALL[i].as_str();
        i += 1;
    }
    names
};

/// The operations, in index order, as `data/` names them ([`Operation::docs_name`]).
pub const OPERATIONS: [&str; Operation::ALL.len()] = {
    let mut names = [""; Operation::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = Operation::ALL[i].docs_name();
        i += 1;
    }
    names
};

/// The auth modes, in index order ([`AuthMode::as_str`]).
pub const MODES: [&str; AuthMode::ALL.len()] = {
    let mut names = [""; AuthMode::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = AuthMode::ALL[i].as_str();
        i += 1;
    }
    names
};

/// All modes as a bit set.
pub const ALL_MODES: u8 = (1 << AuthMode::ALL.len()) - 1;
