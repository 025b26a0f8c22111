//! Requests: which permissions a Microsoft Graph request needs.

pub(crate) mod segments;
#[cfg(feature = "import")]
pub(crate) mod shape;
