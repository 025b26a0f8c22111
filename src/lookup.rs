//! [`lookup`]: resource string + auth mode -> the least privileged permissions, or why not.

use crate::resolve::{self, Resolved};
use crate::table::{Permissions, Row, Table};
use crate::{path, ApiVersion, AuthMode, Operation};
use core::fmt;

/// Finds the row of the (`api`, `operation`) table that `resource` names, and the permissions
/// `mode` needs for it, least privileged first. Allocates nothing.
///
/// `resource` is what a subscription's `resource` property holds, in any of the forms people
/// write: with or without a leading slash, any letter case in static segments, the full
/// `https://graph.microsoft.com/v1.0/...` URL, OData keys (`mailFolders('Inbox')`), concrete
/// ids or `{placeholders}`, and a query string, which is returned as [`Answer::query`].
///
/// ```
/// use msgraph_scopes::{lookup, ApiVersion, AuthMode, Operation};
///
/// let answer = lookup(
///     ApiVersion::V1,
///     Operation::Reauthorize,
///     "/teams/19:abc@thread.tacv2/channels/19:def@thread.tacv2/messages",
///     AuthMode::DelegatedWork,
/// )?;
/// assert_eq!(answer.least().name(), "ChannelMessage.Read.All");
/// assert_eq!(answer.template(), "/teams/{id}/channels/{id}/messages");
/// assert_eq!(answer.row().resource_type(), "chatMessage");
/// # Ok::<(), msgraph_scopes::LookupError>(())
/// ```
///
/// The three failures are told apart:
///
/// ```
/// use msgraph_scopes::{lookup, ApiVersion, AuthMode, LookupError, Operation};
///
/// let v1 = |resource, mode| lookup(ApiVersion::V1, Operation::Update, resource, mode);
/// assert!(matches!(v1("/teams/getAllMessages", AuthMode::DelegatedWork), Err(LookupError::NotSupported { .. })));
/// assert!(matches!(v1("/no/such/thing", AuthMode::Application), Err(LookupError::UnknownResource)));
/// assert!(matches!(v1("teams//channels", AuthMode::Application), Err(LookupError::InvalidResource(_))));
/// ```
#[inline]
pub fn lookup(
    api: ApiVersion,
    operation: Operation,
    resource: &str,
    mode: AuthMode,
) -> Result<Answer<'_>, LookupError> {
    let resolved = resolve::resolve(resource).map_err(LookupError::InvalidResource)?;
    answer(crate::table(api, operation), resolved, mode)
}

/// Like [`lookup`], for a resource that is already [resolved](crate::resolve()); lets a caller
/// that asks several tables or modes about one resource read the string once.
///
/// ```
/// use msgraph_scopes::{lookup_resolved, resolve, tables, AuthMode};
///
/// let resolved = resolve("/chats/{id}/messages")?;
/// let supported = tables()
///     .filter(|&t| lookup_resolved(t, resolved, AuthMode::Application).is_ok())
///     .count();
/// assert!(supported >= 4);
/// # Ok::<(), msgraph_scopes::PathError>(())
/// ```
pub fn lookup_resolved<'a>(
    table: Table,
    resolved: Resolved<'a>,
    mode: AuthMode,
) -> Result<Answer<'a>, LookupError> {
    answer(table, resolved, mode)
}

#[inline]
fn answer(table: Table, resolved: Resolved<'_>, mode: AuthMode) -> Result<Answer<'_>, LookupError> {
    let Some((row, template, permissions)) = resolved.find(table, mode) else {
        return through_forms(table, resolved, mode);
    };
    match permissions {
        Some(permissions) => Ok(Answer {
            row,
            template,
            query: resolved.query(),
            mode,
            permissions,
            equivalents: crate::resolve::Forms::NONE,
        }),
        None => Err(LookupError::NotSupported {
            row,
            template,
            mode,
        }),
    }
}

/// [`answer`] for a resource no template of the table matches: through the equivalent forms
/// it matched, if any. Kept out of line, off the path of a resource that matches a template.
#[cold]
#[inline(never)]
fn through_forms(
    table: Table,
    resolved: Resolved<'_>,
    mode: AuthMode,
) -> Result<Answer<'_>, LookupError> {
    let (row, template, permissions) = resolved
        .find_any(table, mode)
        .ok_or(LookupError::UnknownResource)?;
    match permissions {
        Some(permissions) => Ok(Answer {
            row,
            template,
            query: resolved.query(),
            mode,
            permissions,
            equivalents: resolved.equivalents(),
        }),
        None => Err(LookupError::NotSupported {
            row,
            template,
            mode,
        }),
    }
}

/// A successful lookup: the matched row and template, and the permissions for the mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer<'a> {
    row: Row,
    template: &'static str,
    query: Option<&'a str>,
    mode: AuthMode,
    permissions: Permissions,
    /// The equivalent forms the resource matched (empty when it matched a template); read only
    /// by [`Answer::equivalence`], off the lookup's path.
    equivalents: crate::resolve::Forms,
}

impl<'a> Answer<'a> {
    /// How the resource string reached this row when it matched no table template but a path
    /// form an API reference page gives for one; `None` for a table template.
    ///
    /// ```
    /// use msgraph_scopes::{lookup, ApiVersion, AuthMode, Operation};
    ///
    /// let answer = lookup(ApiVersion::V1, Operation::Create, "/me/calendars/AAMkAD=/events", AuthMode::DelegatedWork)?;
    /// assert_eq!(answer.template(), "/me/events");
    /// let how = answer.equivalence().unwrap();
    /// assert_eq!(how.form(), "/me/calendars/{id}/events");
    /// assert_eq!(how.stands_for(), "/me/events");
    /// assert!(lookup(ApiVersion::V1, Operation::Create, "/me/events", AuthMode::DelegatedWork)?.equivalence().is_none());
    /// # Ok::<(), msgraph_scopes::LookupError>(())
    /// ```
    pub fn equivalence(&self) -> Option<crate::Equivalence> {
        crate::equivalent::matched(self.equivalents.routes(), self.row, self.mode)
    }

    /// The table row the resource belongs to.
    pub fn row(&self) -> Row {
        self.row
    }

    /// The template that matched (`/teams/{id}/channels/{id}/messages`), or the one the
    /// matched equivalent form stands for ([`Answer::equivalence`]).
    pub fn template(&self) -> &'static str {
        self.template
    }

    /// The resource string's query (`$filter=...`, without `?`), which does not change the row.
    pub fn query(&self) -> Option<&'a str> {
        self.query
    }

    /// The auth mode asked about.
    pub fn mode(&self) -> AuthMode {
        self.mode
    }

    /// The permissions that work, least privileged first.
    pub fn permissions(&self) -> Permissions {
        self.permissions
    }

    /// The least privileged permission.
    pub fn least(&self) -> crate::Permission {
        self.permissions.least()
    }

    /// The docs' rules that apply to this answer (notes, warnings, errors), in the order of
    /// `data/rules.yaml`. An answer with an [`Error`](crate::rules::Severity::Error) rule cannot
    /// work as asked.
    ///
    /// ```
    /// use msgraph_scopes::rules::Severity;
    /// use msgraph_scopes::{lookup, ApiVersion, AuthMode, Operation};
    ///
    /// let answer = lookup(ApiVersion::V1, Operation::Create, "/me/messages", AuthMode::Application)?;
    /// assert!(answer.rules().any(|rule| rule.id() == "me-needs-delegated" && rule.severity() == Severity::Error));
    /// # Ok::<(), msgraph_scopes::LookupError>(())
    /// ```
    pub fn rules(&self) -> crate::rules::Rules<'a> {
        crate::rules::Rules::new(self.row, self.template, self.mode, self.query)
    }
}

/// Why a lookup has no permissions to give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookupError {
    /// The string is not a resource path (empty, `a//b`, control characters, unbalanced
    /// parentheses or quotes).
    InvalidResource(path::PathError),
    /// No row of the table matches: the resource is not subscribable in this version and
    /// operation, or is misspelt.
    UnknownResource,
    /// The row exists, but the docs say this auth mode is not supported for it.
    NotSupported {
        /// The matched row.
        row: Row,
        /// The template that matched.
        template: &'static str,
        /// The mode that is not supported.
        mode: AuthMode,
    },
}

impl LookupError {
    /// A short stable name for the kind: `invalid_resource`, `unknown_resource`, `not_supported`.
    pub fn kind(&self) -> &'static str {
        match self {
            LookupError::InvalidResource(_) => "invalid_resource",
            LookupError::UnknownResource => "unknown_resource",
            LookupError::NotSupported { .. } => "not_supported",
        }
    }
}

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LookupError::InvalidResource(e) => write!(f, "not a valid resource string: {e}"),
            LookupError::UnknownResource => {
                f.write_str("no subscribable resource matches in this API version and operation")
            }
            LookupError::NotSupported {
                row,
                template,
                mode,
            } => write!(
                f,
                "{mode} is not supported for {} ({template}) in {} {}",
                row.resource_type(),
                row.table().api(),
                row.table().operation()
            ),
        }
    }
}

impl core::error::Error for LookupError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            LookupError::InvalidResource(e) => Some(e),
            _ => None,
        }
    }
}
