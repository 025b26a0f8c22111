//! A plan's [`Item`]s: each target with its [`Candidate`] permissions, or the [`Reason`] no
//! permission covers it.

use super::target::Target;
use crate::catalog::{PermissionInfo, Scheme};
use crate::{ApiVersion, AuthMode, Method, PathError};
use core::fmt;

/// One permission that covers an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Candidate {
    /// The permission's name.
    pub name: &'static str,
    /// Its privilege level under the plan's mode, from the catalog.
    pub level: Option<u8>,
    /// The level the plan counts it at: its own, or the highest of the permissions it
    /// includes where the catalog rates one of those higher (in application mode the catalog
    /// gives `Calendars.ReadWrite` level 3 and `Calendars.Read` 4; both count as 4). `None`
    /// when the catalog gives it no level ([`UNKNOWN_LEVEL`](super::UNKNOWN_LEVEL)).
    pub counted: Option<u8>,
    /// Whether it is resource-specific consent.
    pub rsc: bool,
    /// `true` when the docs' cell lists it; `false` for a broader form of a listed permission
    /// (`Mail.ReadWrite` for `Mail.Read`, see [`lint::implies`](crate::lint::implies)), which
    /// works too.
    pub listed: bool,
}

/// Why no permission covers an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A subscription's resource string is not a resource path.
    InvalidResource(PathError),
    /// No row of the operation's table matches the subscription's resource.
    UnknownResource {
        /// The API version asked about.
        api: ApiVersion,
    },
    /// The docs say the mode is not supported for the subscription's resource.
    NotSupported {
        /// The mode.
        mode: AuthMode,
        /// The row's resource type.
        resource_type: &'static str,
    },
    /// A docs rule says the call cannot work as declared (`/me` under application
    /// permissions).
    ErrorRule {
        /// The rule's id (`me-needs-delegated`).
        id: &'static str,
        /// What it says.
        message: &'static str,
    },
    /// Only resource-specific-consent permissions grant it, and the plan may not use them
    /// ([`Options::rsc`](super::Options::rsc)).
    RscOnly(Vec<&'static str>),
    /// A request's URL is not a request path.
    InvalidUrl(PathError),
    /// No request template of the permission catalog matches the request's path.
    UnknownRequest,
    /// Templates match the request's path, but the catalog gives no permission for its method.
    UnknownMethod {
        /// The method.
        method: Method,
        /// A template the path matches.
        template: &'static str,
    },
    /// The library was built without its request matrix (feature `requests`), so no request
    /// can be planned.
    RequestsNotCompiled,
    /// The catalog grants the request under other modes only.
    RequestNotSupported {
        /// The mode.
        mode: AuthMode,
        /// The method.
        method: Method,
        /// The template.
        template: &'static str,
    },
}

impl Reason {
    /// A short stable name: `invalid_resource`, `unknown_resource`, `not_supported`,
    /// `error_rule`, `rsc_only`, and for requests `invalid_url`, `unknown_request`,
    /// `unknown_method`, `not_compiled` (and `not_supported`).
    pub fn kind(&self) -> &'static str {
        match self {
            Reason::InvalidResource(_) => "invalid_resource",
            Reason::UnknownResource { .. } => "unknown_resource",
            Reason::NotSupported { .. } | Reason::RequestNotSupported { .. } => "not_supported",
            Reason::ErrorRule { .. } => "error_rule",
            Reason::RscOnly(_) => "rsc_only",
            Reason::InvalidUrl(_) => "invalid_url",
            Reason::UnknownRequest => "unknown_request",
            Reason::RequestsNotCompiled => "not_compiled",
            Reason::UnknownMethod { .. } => "unknown_method",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::InvalidResource(e) => write!(f, "not a resource path: {e}"),
            Reason::UnknownResource { api } => {
                write!(f, "no subscribable resource matches it in {api}")
            }
            Reason::NotSupported {
                mode,
                resource_type,
            } => write!(
                f,
                "the docs say {mode} is not supported for {resource_type}"
            ),
            Reason::ErrorRule { id, message } => {
                write!(f, "{} ({id})", message.trim_end_matches('.'))
            }
            Reason::RscOnly(names) => write!(
                f,
                "only resource-specific consent grants it ({}), which the plan uses only when \
                 allowed (`rsc: true`)",
                names.join(", ")
            ),
            Reason::InvalidUrl(e) => write!(f, "not a request URL: {e}"),
            Reason::UnknownRequest => {
                f.write_str("no Microsoft Graph request of the permission catalog matches its path")
            }
            Reason::RequestsNotCompiled => f.write_str(
                "the request matrix is not compiled in (msgraph-scopes built without its feature \
                 `requests`)",
            ),
            Reason::UnknownMethod { method, template } => write!(
                f,
                "the path matches {template}, for which the permission catalog gives no \
                 permission for {method}"
            ),
            Reason::RequestNotSupported {
                mode,
                method,
                template,
            } => write!(
                f,
                "the permission catalog gives no {mode} permission for {method} {template}"
            ),
        }
    }
}

/// One item of a plan: a target, and either its candidates, least privileged first, or why
/// nothing covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub(super) target: Target,
    pub(super) candidates: Vec<Candidate>,
    pub(super) reason: Option<Reason>,
}

impl Item {
    /// What the app does.
    pub fn target(&self) -> &Target {
        &self.target
    }

    /// The permissions that cover it: the docs' cell, least privileged first, then the broader
    /// forms of those (empty when [`reason`](Item::reason) says why none does).
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// Why nothing covers it, if so.
    pub fn reason(&self) -> Option<&Reason> {
        self.reason.as_ref()
    }
}

/// The scheme of `info` that serves `mode` (a delegated-personal cell falls back to the
/// delegated scope, which both delegated modes share).
pub(crate) fn scheme_for(info: PermissionInfo, mode: AuthMode) -> Option<Scheme> {
    info.scheme(mode).or_else(|| match mode {
        AuthMode::DelegatedPersonal => info.scheme(AuthMode::DelegatedWork),
        _ => None,
    })
}
