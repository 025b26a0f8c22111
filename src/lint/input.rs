//! What the lint reads: the app's [`Input`], its [`RequestedScope`]s and [`Subscription`]s.

use super::finding::Location;
use crate::{ApiVersion, AuthMode, ChangeType, Operation};

/// Where a requested scope came from, which says what kind of permission it must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeOrigin {
    /// A name or GUID listed in the config or on the command line (any kind).
    Listed,
    /// A delegated scope: a manifest's `Scope` entry or a token's `scp` claim.
    Delegated,
    /// An application role: a manifest's `Role` entry or a token's `roles` claim.
    Application,
}

/// One requested permission: a name, a GUID or `https://graph.microsoft.com/NAME`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestedScope {
    /// As written.
    pub text: String,
    /// What kind the source says it is.
    pub origin: ScopeOrigin,
    /// Where it is written.
    pub location: Option<Location>,
    /// The file it is written in, when not the config (a manifest).
    pub file: Option<String>,
    /// The resource app it is requested from, when the source names one other than Microsoft
    /// Graph (a manifest's `resourceAppId`); `None` means Microsoft Graph.
    pub resource_app: Option<String>,
}

impl RequestedScope {
    /// A listed scope with no location.
    pub fn new(text: impl Into<String>) -> Self {
        RequestedScope {
            text: text.into(),
            origin: ScopeOrigin::Listed,
            location: None,
            file: None,
            resource_app: None,
        }
    }
}

/// One subscription the app makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// The `resource` string.
    pub resource: String,
    /// The operations it performs; empty means the whole lifecycle
    /// ([`Operation::LIFECYCLE`]).
    pub operations: Vec<Operation>,
    /// The change types it asks for; empty means not checked.
    pub change_types: Vec<ChangeType>,
    /// Where it is written.
    pub location: Option<Location>,
}

impl Subscription {
    /// A subscription doing the whole lifecycle, with no change types and no location.
    pub fn new(resource: impl Into<String>) -> Self {
        Subscription {
            resource: resource.into(),
            operations: Vec::new(),
            change_types: Vec::new(),
            location: None,
        }
    }
}

/// What to lint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The API version the app calls.
    pub api: ApiVersion,
    /// The auth mode the app uses.
    pub mode: AuthMode,
    /// What it requests.
    pub scopes: Vec<RequestedScope>,
    /// What it subscribes to.
    pub subscriptions: Vec<Subscription>,
    /// How the planner judges `over-privileged`: the preference the requested scopes are
    /// compared under, and whether resource-specific consent counts (it does anyway when a
    /// requested scope is one).
    pub plan: crate::plan::Options,
}
