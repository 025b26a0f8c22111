//! [`Operation`]: the subscription call a permission is needed for.

// `super::` is the crate root here, and the generator module in build.rs, which includes
// these files for their names.
use super::parse_error::{loose_eq, ParseError};
use core::{fmt, str::FromStr};

/// An operation on a change-notification subscription; each has its own docs page and table.
///
/// Parses the docs' names in any case and with or without separators (`getVapidPublicKey`,
/// `get-vapid-public-key`), plus the everyday words for them: `post`/`subscribe` (create),
/// `renew`/`patch` (update), `reauthorise`, `remove`. Displays in kebab case.
///
/// ```
/// use msgraph_scopes::Operation;
/// assert_eq!("renew".parse::<Operation>(), Ok(Operation::Update));
/// assert_eq!("getVapidPublicKey".parse::<Operation>(), Ok(Operation::GetVapidPublicKey));
/// assert_eq!(Operation::GetVapidPublicKey.to_string(), "get-vapid-public-key");
/// assert_eq!(Operation::GetVapidPublicKey.docs_name(), "getVapidPublicKey");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Operation {
    /// `POST /subscriptions`.
    Create,
    /// `GET /subscriptions/{id}`.
    Get,
    /// `PATCH /subscriptions/{id}` (renewal).
    Update,
    /// `DELETE /subscriptions/{id}`.
    Delete,
    /// `POST /subscriptions/{id}/reauthorize`.
    Reauthorize,
    /// `GET /subscriptions`.
    List,
    /// `GET /subscriptions/getVapidPublicKey`.
    GetVapidPublicKey,
}

impl Operation {
    /// Every operation, in the order above.
    pub const ALL: [Operation; 7] = [
        Operation::Create,
        Operation::Get,
        Operation::Update,
        Operation::Delete,
        Operation::Reauthorize,
        Operation::List,
        Operation::GetVapidPublicKey,
    ];

    /// The calls every subscription goes through: create, update (renew), reauthorize, delete.
    pub const LIFECYCLE: [Operation; 4] = [
        Operation::Create,
        Operation::Update,
        Operation::Reauthorize,
        Operation::Delete,
    ];

    /// The kebab-case name used by the command line and JSON output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Operation::Create => "create",
            Operation::Get => "get",
            Operation::Update => "update",
            Operation::Delete => "delete",
            Operation::Reauthorize => "reauthorize",
            Operation::List => "list",
            Operation::GetVapidPublicKey => "get-vapid-public-key",
        }
    }

    /// The name the Graph docs and `data/` use (`getVapidPublicKey`).
    pub const fn docs_name(self) -> &'static str {
        match self {
            Operation::GetVapidPublicKey => "getVapidPublicKey",
            other => other.as_str(),
        }
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Operation {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const SPELLINGS: [(&str, Operation); 14] = [
            ("create", Operation::Create),
            ("post", Operation::Create),
            ("subscribe", Operation::Create),
            ("get", Operation::Get),
            ("update", Operation::Update),
            ("renew", Operation::Update),
            ("patch", Operation::Update),
            ("delete", Operation::Delete),
            ("remove", Operation::Delete),
            ("reauthorize", Operation::Reauthorize),
            ("reauthorise", Operation::Reauthorize),
            ("list", Operation::List),
            ("getVapidPublicKey", Operation::GetVapidPublicKey),
            ("vapid", Operation::GetVapidPublicKey),
        ];
        let s = s.trim();
        SPELLINGS
            .iter()
            .find(|(name, _)| loose_eq(s, name))
            .map(|(_, op)| *op)
            .ok_or_else(|| {
                ParseError::new(
                    "operation",
                    "create, get, update, delete, reauthorize, list or get-vapid-public-key",
                    s,
                )
            })
    }
}
