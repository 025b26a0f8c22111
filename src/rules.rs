//! The docs' rules around the tables: what Microsoft's concept and include pages say beyond
//! the permission cells, such as `/me` needing delegated access, another user's mailbox
//! needing more than the table says, or an encryption certificate being required.
//!
//! Each [`Rule`] (from `data/rules.yaml`) has a stable id, a [`Severity`] (a [note](Severity::Note)
//! to know, a [warning](Severity::Warning) that the answer is probably wrong, an
//! [error](Severity::Error) that it cannot work), a message and the docs page that states it.
//! Rules apply either to an answer, where [`Answer::rules`](crate::Answer::rules) finds them
//! ([`Rules`]), or to requesting a permission, where [`permission_rules`] finds them; [`rules`]
//! lists them all.
//!
//! ```
//! use msgraph_scopes::rules::{self, Severity};
//! use msgraph_scopes::{lookup, ApiVersion, AuthMode, Operation};
//!
//! // `/me` means nobody under application permissions: the table has a cell, the rule says no.
//! let answer = lookup(ApiVersion::V1, Operation::Create, "/me/events", AuthMode::Application)?;
//! let error = answer.rules().find(|r| r.severity() == Severity::Error).unwrap();
//! assert_eq!(error.id(), "me-needs-delegated");
//!
//! // Rules about requesting a permission at all.
//! assert!(rules::permission_rules("Mail.Read.Shared").any(|r| r.severity() == Severity::Error));
//! assert!(rules::rules().len() > 10);
//! # Ok::<(), msgraph_scopes::LookupError>(())
//! ```

use crate::data::{self, RuleDef};
use crate::path::pattern_matches;
pub use crate::severity::Severity;
use crate::{AuthMode, Row};
use core::fmt;

/// One rule of `data/rules.yaml`.
///
/// ```
/// use msgraph_scopes::rules::{rules, Severity};
/// let rule = rules().find(|r| r.id() == "me-needs-delegated").unwrap();
/// assert_eq!(rule.severity(), Severity::Error);
/// assert!(rule.source().ends_with(".md"));
/// ```
///
/// Rules are ordered and hashed by their id, which is unique.
#[derive(Clone, Copy)]
pub struct Rule(&'static RuleDef);

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.id() == other.id()
    }
}

impl Eq for Rule {}

impl PartialOrd for Rule {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rule {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.id().cmp(other.id())
    }
}

impl core::hash::Hash for Rule {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.id().hash(state);
    }
}

impl Rule {
    /// A stable kebab-case id (`outlook-other-mailbox`), for suppressions and reports.
    pub const fn id(self) -> &'static str {
        self.0.id
    }

    /// How much it matters.
    pub fn severity(self) -> Severity {
        self.0.severity
    }

    /// What to know or do.
    pub fn message(self) -> &'static str {
        self.0.message
    }

    /// The docs page that states it, relative to the docs repository's content folders.
    pub fn source(self) -> &'static str {
        self.0.source
    }

    /// The permissions whose request the rule concerns (empty for rules about answers).
    pub fn permissions(self) -> &'static [&'static str] {
        self.0.permissions
    }

    /// Whether the rule applies to an answer for `row` matched through `template`, under
    /// `mode`, with the resource's `query`.
    pub(crate) fn applies(
        self,
        row: Row,
        template: &str,
        mode: AuthMode,
        query: Option<&str>,
    ) -> bool {
        let r = self.0;
        if !r.permissions.is_empty() || r.modes & mode.bit() == 0 {
            return false;
        }
        if !r.types.is_empty()
            && !r
                .types
                .iter()
                .any(|t| t.eq_ignore_ascii_case(row.resource_type()))
        {
            return false;
        }
        if !r.templates.is_empty() && !r.templates.iter().any(|p| pattern_matches(p, template)) {
            return false;
        }
        if let Some(part) = r.query {
            let query = query.unwrap_or("");
            if !query
                .split('&')
                .any(|q| q.trim().eq_ignore_ascii_case(part))
            {
                return false;
            }
        }
        if let Some(max) = r.max_filter_ids {
            if filter_ids(query.unwrap_or("")) <= max as usize {
                return false;
            }
        }
        true
    }
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("id", &self.id())
            .field("severity", &self.severity())
            .finish()
    }
}

impl fmt::Display for Rule {
    /// `warning[outlook-other-mailbox]: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity(), self.id(), self.message())
    }
}

/// Every rule, in the order of `data/rules.yaml`.
///
/// ```
/// use msgraph_scopes::rules::{rules, Severity};
/// assert!(rules().any(|r| r.severity() == Severity::Note));
/// ```
pub fn rules() -> impl ExactSizeIterator<Item = Rule> + Clone {
    data::RULES.iter().map(Rule)
}

/// The rules about requesting the permission `name` (ASCII case-insensitive).
///
/// ```
/// use msgraph_scopes::rules::{permission_rules, Severity};
/// let rule = permission_rules("Mail.Read.Shared").next().unwrap();
/// assert_eq!(rule.severity(), Severity::Error);
/// assert!(permission_rules("Mail.Read").next().is_none());
/// ```
pub fn permission_rules(name: &str) -> impl Iterator<Item = Rule> + '_ {
    rules().filter(move |r| r.permissions().iter().any(|p| p.eq_ignore_ascii_case(name)))
}

/// The rules that apply to one answer, of every severity; see
/// [`Answer::rules`](crate::Answer::rules).
#[derive(Debug, Clone)]
pub struct Rules<'a> {
    rules: core::slice::Iter<'static, RuleDef>,
    row: Row,
    template: &'static str,
    mode: AuthMode,
    query: Option<&'a str>,
}

impl<'a> Rules<'a> {
    pub(crate) fn new(
        row: Row,
        template: &'static str,
        mode: AuthMode,
        query: Option<&'a str>,
    ) -> Self {
        Rules {
            rules: data::RULES.iter(),
            row,
            template,
            mode,
            query,
        }
    }
}

impl Iterator for Rules<'_> {
    type Item = Rule;

    fn next(&mut self) -> Option<Rule> {
        let (row, template, mode, query) = (self.row, self.template, self.mode, self.query);
        self.rules
            .by_ref()
            .map(Rule)
            .find(|r| r.applies(row, template, mode, query))
    }
}

/// How many ids a `$filter=id in (...)` query names (0 when it has no such list).
fn filter_ids(query: &str) -> usize {
    let Some(filter) = query.split('&').find(|p| {
        let p = p.trim_start();
        p.len() >= 7 && p[..7].eq_ignore_ascii_case("$filter")
    }) else {
        return 0;
    };
    let Some(open) = filter.find('(') else {
        return 0;
    };
    let list = &filter[open + 1..];
    let list = &list[..list.rfind(')').unwrap_or(list.len())];
    if list.trim().is_empty() {
        return 0;
    }
    let mut quoted = false;
    let mut ids = 1;
    for c in list.chars() {
        match c {
            '\'' | '"' => quoted = !quoted,
            ',' if !quoted => ids += 1,
            _ => {}
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_in_filter() {
        assert_eq!(filter_ids("$filter=id in ('a','b','c')"), 3);
        assert_eq!(filter_ids("$filter=id in ('a,b')"), 1);
        assert_eq!(filter_ids("$select=x&$FILTER=id in (a)"), 1);
        assert_eq!(filter_ids("$filter=id in ()"), 0);
        assert_eq!(filter_ids("model=A"), 0);
        assert_eq!(filter_ids("$filter=id in ('a'"), 1);
    }
}
