//! [`Prefer`] and [`Options`]: what the planner minimises, and what it may use.

use crate::parse_error::{loose_eq, ParseError};
use core::{fmt, str::FromStr};

/// Which trade-off a plan makes (see the [module docs](super) for the whole order).
///
/// Parses `least-privilege` (also `least`, `privilege`) and `fewest-scopes` (also `fewest`,
/// `scopes`), in any case; displays as `least-privilege` and `fewest-scopes`.
///
/// ```
/// use msgraph_scopes::plan::Prefer;
/// assert_eq!("fewest".parse::<Prefer>(), Ok(Prefer::FewestScopes));
/// assert_eq!(Prefer::default().to_string(), "least-privilege");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Prefer {
    /// The highest privilege level first, then the sum of the levels, then the number of
    /// scopes (the default).
    #[default]
    LeastPrivilege,
    /// The number of scopes first, then the highest privilege level, then the sum.
    FewestScopes,
}

impl Prefer {
    /// Both, the default first.
    pub const ALL: [Prefer; 2] = [Prefer::LeastPrivilege, Prefer::FewestScopes];

    /// The kebab-case name used by the command line, the config and JSON output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Prefer::LeastPrivilege => "least-privilege",
            Prefer::FewestScopes => "fewest-scopes",
        }
    }
}

impl fmt::Display for Prefer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Prefer {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const SPELLINGS: [(&str, Prefer); 6] = [
            ("least-privilege", Prefer::LeastPrivilege),
            ("least", Prefer::LeastPrivilege),
            ("privilege", Prefer::LeastPrivilege),
            ("fewest-scopes", Prefer::FewestScopes),
            ("fewest", Prefer::FewestScopes),
            ("scopes", Prefer::FewestScopes),
        ];
        let s = s.trim();
        SPELLINGS
            .iter()
            .find(|(name, _)| loose_eq(s, name))
            .map(|(_, p)| *p)
            .ok_or_else(|| ParseError::new("preference", "least-privilege or fewest-scopes", s))
    }
}

/// How many search nodes a plan may visit before it stops proving optimality and settles for
/// the best cover found ([`Plan::is_exact`](super::Plan::is_exact) is then `false`). Realistic
/// apps of a few hundred items need a few hundred nodes, or none; a node costs about a
/// microsecond or two, so the bound keeps the worst case near half a second
/// (`benches/plan.rs` measures both).
pub const DEFAULT_NODE_BUDGET: u64 = 250_000;

/// What a plan may use and what it minimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Options {
    /// The trade-off.
    pub prefer: Prefer,
    /// Whether resource-specific-consent permissions (granted per team or chat, in the Teams app
    /// manifest) may be chosen. Off by default: they are a different consent model.
    pub rsc: bool,
    /// The search's bound; see [`DEFAULT_NODE_BUDGET`].
    pub node_budget: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            prefer: Prefer::LeastPrivilege,
            rsc: false,
            node_budget: DEFAULT_NODE_BUDGET,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for p in Prefer::ALL {
            assert_eq!(p.as_str().parse::<Prefer>(), Ok(p));
        }
        assert_eq!(
            "Least_Privilege".parse::<Prefer>(),
            Ok(Prefer::LeastPrivilege)
        );
        let err = "cheapest".parse::<Prefer>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown preference `cheapest` (expected least-privilege or fewest-scopes)"
        );
    }
}
