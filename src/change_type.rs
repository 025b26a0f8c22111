//! [`ChangeType`]: a subscription's `changeType`. Its own module, because the generator names
//! it too (the change types a resource type allows are compiled as its bits).

use super::parse_error::{loose_eq, ParseError};
use core::fmt;
use core::str::FromStr;

/// A subscription's `changeType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeType {
    /// `created`.
    Created,
    /// `updated`.
    Updated,
    /// `deleted`.
    Deleted,
}

impl ChangeType {
    /// All three.
    pub const ALL: [ChangeType; 3] = [
        ChangeType::Created,
        ChangeType::Updated,
        ChangeType::Deleted,
    ];

    /// `created`, `updated` or `deleted`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ChangeType::Created => "created",
            ChangeType::Updated => "updated",
            ChangeType::Deleted => "deleted",
        }
    }

    /// Its bit in a set of change types.
    pub(crate) const fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl fmt::Display for ChangeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for ChangeType {
    type Err = ParseError;

    /// `created`, `Created`, `CREATED`, ...
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ChangeType::ALL
            .into_iter()
            .find(|c| loose_eq(s, c.as_str()))
            .ok_or_else(|| ParseError::new("change type", "created, updated, deleted", s))
    }
}
