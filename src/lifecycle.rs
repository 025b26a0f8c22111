//! The whole-lifecycle answer ([`lifecycle`]): one permission for create, update, reauthorize
//! and delete together.

use crate::lookup::{lookup_resolved, Answer, LookupError};
use crate::resolve::resolve;
use crate::table::Permission;
use crate::{table, ApiVersion, AuthMode, Operation};

/// Answers create, update, reauthorize and delete ([`Operation::LIFECYCLE`]) for one resource
/// and mode, and finds the least privileged single permission that satisfies every operation
/// that supports the mode.
///
/// ```
/// use msgraph_scopes::{lifecycle, ApiVersion, AuthMode, Operation};
///
/// let l = lifecycle(ApiVersion::V1, "/chats/{id}/messages", AuthMode::DelegatedWork)?;
/// assert_eq!(l.least().unwrap().name(), "Chat.Read");
/// let unsupported: Vec<Operation> = l.unsupported().collect();
/// assert_eq!(unsupported, [Operation::Update, Operation::Delete]);
/// # Ok::<(), msgraph_scopes::LookupError>(())
/// ```
///
/// It fails only when the resource string is invalid or no lifecycle table knows it.
pub fn lifecycle(
    api: ApiVersion,
    resource: &str,
    mode: AuthMode,
) -> Result<Lifecycle<'_>, LookupError> {
    let resolved = resolve(resource).map_err(LookupError::InvalidResource)?;
    let steps = Operation::LIFECYCLE.map(|op| Step {
        operation: op,
        result: lookup_resolved(table(api, op), resolved, mode),
    });
    if steps
        .iter()
        .all(|s| s.result == Err(LookupError::UnknownResource))
    {
        return Err(LookupError::UnknownResource);
    }
    Ok(Lifecycle { api, mode, steps })
}

/// One operation of a [`Lifecycle`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step<'a> {
    /// The operation.
    pub operation: Operation,
    /// Its answer, or why there is none.
    pub result: Result<Answer<'a>, LookupError>,
}

/// Create, update, reauthorize and delete for one resource and mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifecycle<'a> {
    api: ApiVersion,
    mode: AuthMode,
    steps: [Step<'a>; 4],
}

impl<'a> Lifecycle<'a> {
    /// The API version asked about.
    pub fn api(&self) -> ApiVersion {
        self.api
    }

    /// The auth mode asked about.
    pub fn mode(&self) -> AuthMode {
        self.mode
    }

    /// The four operations, in lifecycle order.
    pub fn steps(&self) -> impl ExactSizeIterator<Item = Step<'a>> + '_ {
        self.steps.iter().copied()
    }

    fn answers(&self) -> impl Iterator<Item = Answer<'a>> + '_ {
        self.steps.iter().filter_map(|s| s.result.ok())
    }

    /// The least privileged permission that every supporting operation lists: the first of the
    /// first supporting operation's list (least privileged first) that all the others contain.
    /// `None` when no operation supports the mode or they share no permission.
    pub fn least(&self) -> Option<Permission> {
        let first = self.answers().next()?;
        first
            .permissions()
            .iter()
            .find(|p| self.answers().all(|a| a.permissions().contains(p.name())))
    }

    /// The operations that do not support the mode, or whose table lacks the resource.
    pub fn unsupported(&self) -> impl Iterator<Item = Operation> + '_ {
        self.steps
            .iter()
            .filter(|s| s.result.is_err())
            .map(|s| s.operation)
    }

    /// The supporting operations whose permissions differ from the first supporting one's.
    pub fn disagreeing(&self) -> impl Iterator<Item = Operation> + '_ {
        let first = self.answers().next().map(|a| a.permissions());
        self.steps
            .iter()
            .filter(move |s| matches!((s.result, first), (Ok(a), Some(f)) if a.permissions() != f))
            .map(|s| s.operation)
    }

    /// Whether one permission covers all four operations.
    pub fn is_complete(&self) -> bool {
        self.unsupported().next().is_none() && self.least().is_some()
    }
}
