//! [`Level`]: how much a lint finding matters. Its own module, so that findings and rule ids
//! can both name it without naming each other.

use crate::rules::Severity;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Worth knowing.
    Info,
    /// Probably wrong.
    Warning,
    /// Will fail.
    Error,
}

impl Level {
    /// `info`, `warning` or `error`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    pub(super) fn of(severity: Severity) -> Level {
        match severity {
            Severity::Note => Level::Info,
            Severity::Warning => Level::Warning,
            Severity::Error => Level::Error,
        }
    }
}
