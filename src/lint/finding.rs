//! What the lint reports: [`Finding`]s, each with a [`Level`] and a [`Location`].

use super::level::Level;
use super::rule_id::RuleId;

/// A 1-based position in the input file; `None` where the input has no file (a flag).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule: one of the lint's own ([`RuleId::ALL`], each with its
    /// [description](RuleId::description)), or a docs rule (`data/rules.yaml`) as
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
    /// Index into [`Input::requests`](super::Input::requests), when it concerns one.
    pub request: Option<usize>,
    /// Index into [`Input::scopes`](super::Input::scopes), when it concerns one.
    pub scope: Option<usize>,
    /// Where: the subscription's or the scope's location.
    pub location: Option<Location>,
    /// The file of `location`, when not the config.
    pub file: Option<String>,
}
