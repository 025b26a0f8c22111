//! Maximum subscription lifetimes ([`Lifetime`]) and the change types a resource type allows
//! ([`ChangeTypes`]).

use crate::catalog::ascii_lower;
use crate::data;
use crate::ChangeType;
use core::fmt;

/// The longest a subscription on a resource type may live before it must be renewed.
///
/// ```
/// use msgraph_scopes::{lookup, ApiVersion, AuthMode, Operation};
/// let answer = lookup(ApiVersion::V1, Operation::Create, "/communications/presences/{id}", AuthMode::DelegatedWork)?;
/// assert_eq!(answer.row().max_lifetime().unwrap().minutes(), 60);
/// # Ok::<(), msgraph_scopes::LookupError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifetime {
    minutes: u32,
    note: Option<&'static str>,
}

impl Lifetime {
    /// The lifetime of resource type `resource_type` (ASCII case-insensitive), or `None` when the
    /// docs give none.
    pub fn of_type(resource_type: &str) -> Option<Lifetime> {
        let mut buf = [0u8; 64];
        let key = ascii_lower(resource_type, &mut buf)?;
        data::LIFETIMES
            .get(key)
            .map(|&(minutes, note)| Lifetime { minutes, note })
    }

    /// Maximum lifetime in minutes.
    pub fn minutes(self) -> u32 {
        self.minutes
    }

    /// A condition or a conflict in the source worth knowing.
    pub fn note(self) -> Option<&'static str> {
        self.note
    }

    /// The docs page the lifetimes come from.
    pub fn source() -> &'static str {
        data::LIFETIMES_SOURCE
    }
}

impl fmt::Display for Lifetime {
    /// `4320 minutes (3 days)`, `60 minutes (1 hour)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.minutes;
        write!(f, "{m} minutes")?;
        match m {
            _ if m >= 1440 && m % 1440 == 0 => write!(f, " ({} days)", m / 1440),
            _ if m >= 1440 => write!(f, " (under {} days)", m / 1440 + 1),
            _ if m >= 60 && m % 60 == 0 => {
                write!(f, " ({} hour{})", m / 60, if m == 60 { "" } else { "s" })
            }
            _ => Ok(()),
        }
    }
}

/// The change types a resource type supports.
///
/// ```
/// use msgraph_scopes::{ChangeType, ChangeTypes};
/// let users = ChangeTypes::of_type("user");
/// assert!(!users.contains(ChangeType::Created));
/// assert!(users.contains(ChangeType::Deleted));
/// assert!(ChangeTypes::of_type("chatMessage").contains(ChangeType::Created));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeTypes {
    bits: u8,
    source: Option<&'static str>,
}

impl ChangeTypes {
    /// The change types of a resource type: all three unless the docs restrict them.
    pub fn of_type(resource_type: &str) -> ChangeTypes {
        let mut buf = [0u8; 64];
        ascii_lower(resource_type, &mut buf)
            .and_then(|key| data::CHANGE_TYPES.get(key))
            .map_or(
                ChangeTypes {
                    bits: 0b111,
                    source: None,
                },
                |&(bits, source)| ChangeTypes {
                    bits,
                    source: Some(source),
                },
            )
    }

    /// Whether `change_type` is supported.
    pub fn contains(self, change_type: ChangeType) -> bool {
        self.bits & change_type.bit() != 0
    }

    /// The supported change types.
    pub fn iter(self) -> impl Iterator<Item = ChangeType> {
        ChangeType::ALL
            .into_iter()
            .filter(move |&c| self.contains(c))
    }

    /// The page that restricts them, when the docs do.
    pub fn source(self) -> Option<&'static str> {
        self.source
    }
}

impl fmt::Display for ChangeTypes {
    /// `updated, deleted`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(c.as_str())?;
        }
        Ok(())
    }
}
