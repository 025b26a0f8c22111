//! [`RuleId`]: which rule a finding breaks, with the level and description of each of the lint's own.

use super::level::Level;
use crate::rules::Rule;
use core::{fmt, str::FromStr};

/// The rule a [`Finding`](super::Finding) breaks: one of the lint's own rules, or a docs rule
/// (`data/rules.yaml`) under its own id.
///
/// [`as_str`](RuleId::as_str) gives the stable id that the command line prints and that SARIF,
/// JSON and GitHub annotations carry (`missing-scope`); [`FromStr`] reads it back.
///
/// ```
/// use msgraph_scopes::lint::RuleId;
/// assert_eq!(RuleId::MissingScope.as_str(), "missing-scope");
/// assert_eq!("over-privileged".parse::<RuleId>(), Ok(RuleId::OverPrivileged));
/// assert_eq!(RuleId::WrongMode.to_string(), "wrong-mode");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleId {
    /// `missing-scope` (error): no requested scope satisfies an operation of a subscription.
    MissingScope,
    /// `unknown-resource` (error): the resource is not subscribable in this API version and
    /// operation.
    UnknownResource,
    /// `invalid-resource` (error): the resource string is not a resource path.
    InvalidResource,
    /// `mode-not-supported` (error): the docs say the auth mode is not supported for the
    /// resource.
    ModeNotSupported,
    /// `change-type-unsupported` (error): the docs say the resource does not support a
    /// requested change type.
    ChangeTypeUnsupported,
    /// `unknown-permission` (error): a requested name or GUID is not a Microsoft Graph
    /// permission.
    UnknownPermission,
    /// `not-graph-permission` (error): a requested GUID belongs to another API, such as the
    /// retired Azure AD Graph, or a permission is requested from the retired Azure AD Graph
    /// (other resource apps are [`RuleId::OtherApi`]).
    NotGraphPermission,
    /// `scheme-mismatch` (error): a requested permission is not of the kind its source says (a
    /// delegated scope listed as an app role, or the reverse).
    SchemeMismatch,
    /// `wrong-mode` (warning): a requested permission has no form for the app's auth mode, or is
    /// requested as the other kind, so it grants nothing there.
    WrongMode,
    /// `over-privileged` (warning): the requested scopes work, but the [plan](crate::plan) for
    /// what they cover, under the same preference, is strictly better.
    OverPrivileged,
    /// `unused-scope` (info): no declared subscription needs a requested scope (the app may use
    /// it for other calls).
    UnusedScope,
    /// `default-scope` (info): `.default` requests whatever the app registration holds, so the
    /// lint cannot check it.
    DefaultScope,
    /// `retired-name` (warning): a resource holds, where an id goes, a name Graph retired or
    /// renamed (`data/retired.yaml`); the finding names the current resource.
    RetiredName,
    /// `accepted-by-second-source` (info): a requested scope satisfies a subscription only
    /// because a second source (a Teams change-notification page, the Outlook overview) accepts
    /// it; the operation table's cell does not list it. The finding names both.
    AcceptedBySecondSource,
    /// `other-api` (info): permissions requested from a resource app other than Microsoft Graph
    /// (and other than the retired Azure AD Graph, which is `not-graph-permission`) are not
    /// linted; reported once per app.
    OtherApi,
    /// `not-evaluated` (info): a declaration holds a value that is not a literal (a parameter,
    /// a variable, a function call, a placeholder), so the permission it stands for is not
    /// known and not linted. The lint never guesses it. Reported by the readers of
    /// declarations (the command line's `--manifest`), not by [`lint`](super::lint()).
    NotEvaluated,
    /// A docs rule (`data/rules.yaml`, see [`rules`](crate::rules::rules())) that applies to a
    /// requested permission or to a subscription's answer, under the rule's own id.
    Docs(Rule),
}

impl RuleId {
    /// The lint's own rules, each with a [level](RuleId::level) and a [description](RuleId::description) (docs rules are not listed).
    pub const ALL: [RuleId; 16] = [
        RuleId::MissingScope,
        RuleId::UnknownResource,
        RuleId::InvalidResource,
        RuleId::ModeNotSupported,
        RuleId::ChangeTypeUnsupported,
        RuleId::UnknownPermission,
        RuleId::NotGraphPermission,
        RuleId::SchemeMismatch,
        RuleId::WrongMode,
        RuleId::OverPrivileged,
        RuleId::UnusedScope,
        RuleId::DefaultScope,
        RuleId::OtherApi,
        RuleId::NotEvaluated,
        RuleId::RetiredName,
        RuleId::AcceptedBySecondSource,
    ];

    /// The stable id users see (`missing-scope`); a docs rule's own id.
    pub const fn as_str(self) -> &'static str {
        match self {
            RuleId::MissingScope => "missing-scope",
            RuleId::UnknownResource => "unknown-resource",
            RuleId::InvalidResource => "invalid-resource",
            RuleId::ModeNotSupported => "mode-not-supported",
            RuleId::ChangeTypeUnsupported => "change-type-unsupported",
            RuleId::UnknownPermission => "unknown-permission",
            RuleId::NotGraphPermission => "not-graph-permission",
            RuleId::SchemeMismatch => "scheme-mismatch",
            RuleId::WrongMode => "wrong-mode",
            RuleId::OverPrivileged => "over-privileged",
            RuleId::UnusedScope => "unused-scope",
            RuleId::DefaultScope => "default-scope",
            RuleId::RetiredName => "retired-name",
            RuleId::AcceptedBySecondSource => "accepted-by-second-source",
            RuleId::OtherApi => "other-api",
            RuleId::NotEvaluated => "not-evaluated",
            RuleId::Docs(rule) => rule.id(),
        }
    }

    /// The level of the lint's own rule; `None` for a docs rule, whose level is its severity.
    pub const fn level(self) -> Option<Level> {
        Some(match self {
            RuleId::MissingScope
            | RuleId::UnknownResource
            | RuleId::InvalidResource
            | RuleId::ModeNotSupported
            | RuleId::ChangeTypeUnsupported
            | RuleId::UnknownPermission
            | RuleId::NotGraphPermission
            | RuleId::SchemeMismatch => Level::Error,
            RuleId::WrongMode | RuleId::OverPrivileged | RuleId::RetiredName => Level::Warning,
            RuleId::UnusedScope
            | RuleId::DefaultScope
            | RuleId::OtherApi
            | RuleId::NotEvaluated
            | RuleId::AcceptedBySecondSource => Level::Info,
            RuleId::Docs(_) => return None,
        })
    }

    /// The one-line description of the lint's own rule; `None` for a docs rule, whose
    /// description is its message.
    pub const fn description(self) -> Option<&'static str> {
        Some(match self {
            RuleId::MissingScope => "No requested scope satisfies an operation of a subscription.",
            RuleId::UnknownResource => "The resource is not subscribable in this API version and operation.",
            RuleId::InvalidResource => "The resource string is not a resource path.",
            RuleId::ModeNotSupported => "The docs say the auth mode is not supported for the resource.",
            RuleId::ChangeTypeUnsupported => "The docs say the resource does not support a requested change type.",
            RuleId::UnknownPermission => "A requested name or GUID is not a Microsoft Graph permission.",
            RuleId::NotGraphPermission => "A requested GUID belongs to another API, such as the retired Azure AD Graph, or a permission is requested from the retired Azure AD Graph.",
            RuleId::SchemeMismatch => "A requested permission is not of the kind its source says (a delegated scope listed as an app role, or the reverse).",
            RuleId::WrongMode => "A requested permission has no form for the app's auth mode, so it grants nothing there.",
            RuleId::OverPrivileged => "The requested scopes work, but the plan for what they cover, under the same preference, is strictly better (less privileged, or fewer scopes).",
            RuleId::UnusedScope => "No declared subscription needs a requested scope (the app may use it for other calls).",
            RuleId::DefaultScope => "`.default` requests whatever the app registration holds; list the permissions to lint them.",
            RuleId::RetiredName => "A resource holds, where an id goes, a name Graph retired or renamed.",
            RuleId::AcceptedBySecondSource => "A requested scope satisfies a subscription only because a second docs source accepts it; the operation table does not list it.",
            RuleId::OtherApi => "Permissions requested from a resource app other than Microsoft Graph are not linted (reported once per app).",
            RuleId::NotEvaluated => "A declaration holds a value that is not a literal (a parameter, variable, function call or placeholder); the permission it stands for is not linted.",
            RuleId::Docs(_) => return None,
        })
    }

    /// Whether this is a docs rule rather than one of the lint's own.
    pub const fn is_docs(self) -> bool {
        matches!(self, RuleId::Docs(_))
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A string that is neither one of the lint's rule ids nor a docs rule's id.
///
/// ```
/// use msgraph_scopes::lint::RuleId;
/// let err = "no-such-rule".parse::<RuleId>().unwrap_err();
/// assert_eq!(err.id(), "no-such-rule");
/// assert_eq!(err.to_string(), "unknown rule id `no-such-rule`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRuleId(String);

impl UnknownRuleId {
    /// The id as given.
    pub fn id(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownRuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown rule id `{}`", self.0)
    }
}

impl std::error::Error for UnknownRuleId {}

impl FromStr for RuleId {
    type Err = UnknownRuleId;

    /// Reads an id exactly as [`as_str`](RuleId::as_str) writes it: one of the lint's own, or
    /// the id of a docs rule ([`RuleId::Docs`]).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RuleId::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .or_else(|| {
                crate::rules::rules()
                    .find(|r| r.id() == s)
                    .map(RuleId::Docs)
            })
            .ok_or_else(|| UnknownRuleId(String::from(s)))
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids users see, written out: they must not change.
    const EXPECTED: [&str; 16] = [
        "missing-scope",
        "unknown-resource",
        "invalid-resource",
        "mode-not-supported",
        "change-type-unsupported",
        "unknown-permission",
        "not-graph-permission",
        "scheme-mismatch",
        "wrong-mode",
        "over-privileged",
        "unused-scope",
        "default-scope",
        "other-api",
        "not-evaluated",
        "retired-name",
        "accepted-by-second-source",
    ];

    #[test]
    fn ids_round_trip_and_are_unchanged() {
        let ids: Vec<&str> = RuleId::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(ids, EXPECTED);
        for rule in RuleId::ALL {
            assert_eq!(rule.as_str().parse::<RuleId>(), Ok(rule));
            assert_eq!(rule.to_string(), rule.as_str());
            assert!(!rule.is_docs());
        }
        for rule in RuleId::ALL {
            assert!(
                rule.level().is_some() && rule.description().is_some(),
                "{rule}"
            );
        }
    }

    #[test]
    fn levels_are_unchanged() {
        let errors = &EXPECTED[..8];
        let warnings = [&EXPECTED[8..10], &["retired-name"][..]].concat();
        for rule in RuleId::ALL {
            let id = rule.as_str();
            let want = if errors.contains(&id) {
                Level::Error
            } else if warnings.contains(&id) {
                Level::Warning
            } else {
                Level::Info
            };
            assert_eq!(rule.level(), Some(want), "{id}");
        }
    }

    #[test]
    fn docs_rules_parse_under_their_own_ids() {
        for rule in crate::rules::rules() {
            let parsed = rule.id().parse::<RuleId>();
            assert_eq!(parsed, Ok(RuleId::Docs(rule)), "{}", rule.id());
            assert_eq!(parsed.map(RuleId::as_str), Ok(rule.id()));
        }
        assert_eq!(
            "no-such-rule".parse::<RuleId>(),
            Err(UnknownRuleId(String::from("no-such-rule")))
        );
    }
}
