//! [`Cost`]: what a set of scopes costs under the objective, and how two costs compare.

use super::options::Prefer;
use core::cmp::Ordering;
use core::fmt;

/// The level a permission counts as when the catalog gives it no privilege level: above every
/// level the catalog uses (1 to 4), so that a plan prefers permissions whose level is known.
pub const UNKNOWN_LEVEL: u8 = 5;

/// What a set of scopes costs: the parts of the objective (see the [module docs](super)).
///
/// ```
/// use msgraph_scopes::plan::{Cost, Prefer};
/// let one_broad = Cost { max_level: 3, level_sum: 3, count: 1, docs_rank: 0 };
/// let two_narrow = Cost { max_level: 2, level_sum: 4, count: 2, docs_rank: 0 };
/// assert!(two_narrow.is_better_than(one_broad, Prefer::LeastPrivilege));
/// assert!(one_broad.is_better_than(two_narrow, Prefer::FewestScopes));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Cost {
    /// The highest privilege level among the scopes (0 for no scope).
    pub max_level: u8,
    /// The sum of their privilege levels.
    pub level_sum: u32,
    /// How many scopes.
    pub count: u32,
    /// The sum of their docs ranks: a scope's rank is the latest place the docs give it in
    /// the candidate lists it appears in (0 = listed first, least privileged).
    pub docs_rank: u32,
}

/// One part of the objective, for saying which part decided a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Criterion {
    /// [`Cost::max_level`].
    MaxLevel,
    /// [`Cost::level_sum`].
    LevelSum,
    /// [`Cost::count`].
    Count,
    /// [`Cost::docs_rank`].
    DocsRank,
}

impl Criterion {
    /// The parts in the order `prefer` compares them.
    pub const fn order(prefer: Prefer) -> [Criterion; 4] {
        match prefer {
            Prefer::LeastPrivilege => [
                Criterion::MaxLevel,
                Criterion::LevelSum,
                Criterion::Count,
                Criterion::DocsRank,
            ],
            Prefer::FewestScopes => [
                Criterion::Count,
                Criterion::MaxLevel,
                Criterion::LevelSum,
                Criterion::DocsRank,
            ],
        }
    }

    /// A stable snake-case name (`max_level`, `level_sum`, `count`, `docs_rank`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Criterion::MaxLevel => "max_level",
            Criterion::LevelSum => "level_sum",
            Criterion::Count => "count",
            Criterion::DocsRank => "docs_rank",
        }
    }

    /// The part in words (`highest privilege level`).
    pub const fn describe(self) -> &'static str {
        match self {
            Criterion::MaxLevel => "highest privilege level",
            Criterion::LevelSum => "sum of privilege levels",
            Criterion::Count => "number of scopes",
            Criterion::DocsRank => "docs rank (how late the docs list its scopes)",
        }
    }

    /// What a lower value of this part means, in words (`a lower highest privilege level`).
    pub const fn lower(self) -> &'static str {
        match self {
            Criterion::MaxLevel => "a lower highest privilege level",
            Criterion::LevelSum => "a lower sum of privilege levels",
            Criterion::Count => "fewer scopes",
            Criterion::DocsRank => "scopes the docs list as less privileged, at the same levels",
        }
    }
}

impl Cost {
    /// The value of one part.
    pub const fn part(self, criterion: Criterion) -> u32 {
        match criterion {
            Criterion::MaxLevel => self.max_level as u32,
            Criterion::LevelSum => self.level_sum,
            Criterion::Count => self.count,
            Criterion::DocsRank => self.docs_rank,
        }
    }

    /// Compares under `prefer`: the parts in [`Criterion::order`], lexicographically
    /// (`Less` is better). Equal costs are broken by name, which a cost does not know.
    pub fn compare(self, other: Cost, prefer: Prefer) -> Ordering {
        self.decided_by(other, prefer)
            .map_or(Ordering::Equal, |c| self.part(c).cmp(&other.part(c)))
    }

    /// Whether this cost is strictly better than `other` under `prefer`.
    pub fn is_better_than(self, other: Cost, prefer: Prefer) -> bool {
        self.compare(other, prefer) == Ordering::Less
    }

    /// The first part, in `prefer`'s order, in which the two differ.
    pub fn decided_by(self, other: Cost, prefer: Prefer) -> Option<Criterion> {
        Criterion::order(prefer)
            .into_iter()
            .find(|&c| self.part(c) != other.part(c))
    }
}

impl fmt::Display for Cost {
    /// `highest privilege level 3, level sum 6, 2 scopes`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "highest privilege level {}, level sum {}, {} scope{}",
            self.max_level,
            self.level_sum,
            self.count,
            if self.count == 1 { "" } else { "s" }
        )
    }
}
