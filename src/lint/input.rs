//! What the lint reads: the app's [`Input`], its [`RequestedScope`]s and [`Subscription`]s.

use super::finding::Location;
use crate::{ApiVersion, AuthMode, ChangeType, Method, Operation};

/// Where a requested scope came from, which says what kind of permission it must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeOrigin {
    /// A name or GUID listed in the config or on the command line (any kind).
    Listed,
    /// A delegated scope: a manifest's `Scope` entry or a token's `scp` claim.
    Delegated,
    /// An application role: a manifest's `Role` entry or a token's `roles` claim.
    Application,
    /// An application permission granted by resource-specific consent (RSC): a Teams app
    /// manifest's `authorization.permissions.resourceSpecific` entry of type `Application`, or
    /// an older manifest's `webApplicationInfo.applicationPermissions`. The owners of one team
    /// or chat grant it for that team or chat alone, so it satisfies only the cells that mark
    /// it RSC, and a permission the catalog does not mark RSC cannot be granted this way.
    ResourceSpecificApplication,
    /// A delegated permission granted by resource-specific consent (a `resourceSpecific` entry
    /// of type `Delegated`); like [`ScopeOrigin::ResourceSpecificApplication`], it satisfies
    /// only the cells that mark it RSC. A delegated RSC permission that Microsoft Graph does
    /// not define (a Teams client permission such as a meeting-stage or device permission) is
    /// reported as another API's, not as an unknown permission.
    ResourceSpecificDelegated,
}

impl ScopeOrigin {
    /// Whether it is a resource-specific-consent grant.
    ///
    /// ```
    /// use msgraph_scopes::lint::ScopeOrigin;
    /// assert!(ScopeOrigin::ResourceSpecificApplication.is_resource_specific());
    /// assert!(!ScopeOrigin::Application.is_resource_specific());
    /// ```
    pub const fn is_resource_specific(self) -> bool {
        matches!(
            self,
            ScopeOrigin::ResourceSpecificApplication | ScopeOrigin::ResourceSpecificDelegated
        )
    }

    /// Whether the source says it is delegated (`Some(true)`), an application permission
    /// (`Some(false)`), or does not say (`None`, a listed name).
    pub const fn is_delegated(self) -> Option<bool> {
        match self {
            ScopeOrigin::Listed => None,
            ScopeOrigin::Delegated | ScopeOrigin::ResourceSpecificDelegated => Some(true),
            ScopeOrigin::Application | ScopeOrigin::ResourceSpecificApplication => Some(false),
        }
    }
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
    /// Graph (a manifest's `resourceAppId`: a GUID, or a name such as Teams Toolkit's
    /// `Office 365 SharePoint Online`); `None` means Microsoft Graph. Permissions of the
    /// retired Azure AD Graph are errors (`not-graph-permission`); those of any other app are
    /// not linted, and reported once per app (`other-api`).
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

/// One Microsoft Graph request the app makes (`GET /users/{id}/messages/{id}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The method.
    pub method: Method,
    /// The path, template or URL, as [`request`](crate::request()) reads it.
    pub url: String,
    /// Where it is written.
    pub location: Option<Location>,
}

impl Request {
    /// A request with no location.
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        Request {
            method,
            url: url.into(),
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
    /// The other requests it makes: the scopes must grant these too.
    pub requests: Vec<Request>,
    /// How the planner judges `over-privileged`: the preference the requested scopes are
    /// compared under, and whether resource-specific consent counts (it does anyway when a
    /// requested scope is one).
    pub plan: crate::plan::Options,
}
