//! What the lint reports: [`Finding`]s, each with a [`Level`] and a [`Location`].

use super::rule_id::RuleId;
use crate::rules::Severity;

/// A 1-based position in the input file; `None` where the input has no file (a flag).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

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

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule: one of the lint's own ([`RuleId::ALL`], described in
    /// [`LINT_RULES`](super::LINT_RULES)), or a docs rule (`data/rules.yaml`) as
    /// [`RuleId::Docs`]. [`RuleId::as_str`] gives the id users see.
    pub rule: RuleId,
    /// How much it matters.
    pub level: Level,
    /// What is wrong and what to do.
    pub message: String,
    /// The permission to request instead or in addition, when there is one.
    pub suggestion: Option<String>,
    /// Index into [`Input::subscriptions`](super::Input::subscriptions), when it concerns one.
    pub subscription: Option<usize>,
    /// Index into [`Input::scopes`](super::Input::scopes), when it concerns one.
    pub scope: Option<usize>,
    /// Where: the subscription's or the scope's location.
    pub location: Option<Location>,
    /// The file of `location`, when not the config.
    pub file: Option<String>,
}
