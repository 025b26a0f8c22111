//! [`Severity`]: how much one of the docs' rules matters. Its own module, because the
//! compiled data names it and the [`rules`](crate::rules) module (which re-exports it) reads
//! the compiled data.

use core::fmt;

/// How much a rule matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing (an encryption certificate is needed, a licence applies).
    Note,
    /// Probably wrong (delegated access to another user's mailbox).
    Warning,
    /// Cannot work (`/me` under application permissions).
    Error,
}

impl Severity {
    /// All three, least severe first.
    pub const ALL: [Severity; 3] = [Severity::Note, Severity::Warning, Severity::Error];

    /// `note`, `warning` or `error`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}
