//! The answer types of a request lookup: the match, the permissions per mode, and the errors.

use super::segments::RequestSplit;
use crate::catalog::PermissionInfo;
use crate::data::{self, RequestRouteDef, NONE};
use crate::{path, ApiVersion, AuthMode, Method};
use core::fmt;

/// A request matched against the templates: the template, and its permissions per mode.
#[derive(Debug, Clone, Copy)]
pub struct RequestMatch<'a> {
    route: &'static RequestRouteDef,
    method: Method,
    query: Option<&'a str>,
    version: Option<ApiVersion>,
    item_path: Option<&'a str>,
}

impl<'a> RequestMatch<'a> {
    pub(super) fn new(
        route: &'static RequestRouteDef,
        method: Method,
        split: RequestSplit<'a>,
        version: Option<ApiVersion>,
    ) -> Self {
        RequestMatch {
            route,
            method,
            query: split.query,
            version,
            item_path: split.item_path,
        }
    }

    /// The template that matched (`/me/messages`), as `data/requests/` writes it.
    pub fn template(&self) -> &'static str {
        self.route.template()
    }

    /// The method asked about.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The query string, without `?`; it does not change the answer.
    pub fn query(&self) -> Option<&'a str> {
        self.query
    }

    /// The API version a full URL or a leading `/v1.0/` or `/beta/` names.
    pub fn version(&self) -> Option<ApiVersion> {
        self.version
    }

    /// The drive item path, when the URL addresses an item by path
    /// (`Documents/a.txt` in `root:/Documents/a.txt:/content`).
    pub fn item_path(&self) -> Option<&'a str> {
        self.item_path
    }

    /// The permissions that grant the method on the template under `mode`, least privileged
    /// first; `None` when none does.
    pub fn permissions(&self, mode: AuthMode) -> Option<RequestPermissions> {
        let at = self.method.index() * AuthMode::ALL.len() + mode.index();
        let cell = *self.route.cells.get(at)?;
        if cell == NONE {
            return None;
        }
        let list = data::request_cell(cell)?;
        let least = PermissionInfo::at(*list.first()?)?;
        Some(RequestPermissions { list, least, mode })
    }

    /// The answer for `mode`.
    ///
    /// # Errors
    ///
    /// [`RequestError::NotSupported`] when no permission grants the method under `mode`.
    pub fn answer(self, mode: AuthMode) -> Result<RequestAnswer<'a>, RequestError> {
        match self.permissions(mode) {
            Some(permissions) => Ok(RequestAnswer {
                matched: self,
                permissions,
            }),
            None => Err(RequestError::NotSupported {
                template: self.template(),
                method: self.method,
                mode,
            }),
        }
    }
}

/// What one mode needs for a request: the match and the permissions, least privileged first.
#[derive(Debug, Clone, Copy)]
pub struct RequestAnswer<'a> {
    matched: RequestMatch<'a>,
    permissions: RequestPermissions,
}

impl<'a> RequestAnswer<'a> {
    /// The match (template, query, version, item path).
    pub fn matched(&self) -> RequestMatch<'a> {
        self.matched
    }

    /// The template that matched.
    pub fn template(&self) -> &'static str {
        self.matched.template()
    }

    /// The query string, without `?`.
    pub fn query(&self) -> Option<&'a str> {
        self.matched.query()
    }

    /// The auth mode asked about.
    pub fn mode(&self) -> AuthMode {
        self.permissions.mode
    }

    /// The permissions that grant the request, least privileged first.
    pub fn permissions(&self) -> RequestPermissions {
        self.permissions
    }

    /// The least privileged one.
    pub fn least(&self) -> RequestPermission {
        self.permissions.least()
    }
}

/// The permissions of one request cell, least privileged first (never empty).
#[derive(Clone, Copy)]
pub struct RequestPermissions {
    list: &'static [u16],
    least: PermissionInfo,
    mode: AuthMode,
}

impl RequestPermissions {
    /// The least privileged permission.
    pub fn least(self) -> RequestPermission {
        RequestPermission {
            info: self.least,
            mode: self.mode,
        }
    }

    /// All of them, least privileged first.
    pub fn iter(self) -> impl ExactSizeIterator<Item = RequestPermission> + Clone {
        let mode = self.mode;
        self.list.iter().map(move |&i| RequestPermission {
            // Validated at build time: every index names a catalog entry.
            info: PermissionInfo::at(i).unwrap_or(self.least),
            mode,
        })
    }

    /// How many there are.
    pub fn len(self) -> usize {
        self.list.len()
    }

    /// Always false: a cell has at least one permission.
    pub fn is_empty(self) -> bool {
        self.list.is_empty()
    }

    /// The position of `name` (ASCII case-insensitive) in the list, 0 being the least
    /// privileged.
    pub fn position(self, name: &str) -> Option<usize> {
        self.iter()
            .position(|p| p.name().eq_ignore_ascii_case(name))
    }
}

impl fmt::Debug for RequestPermissions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter().map(|p| p.name()))
            .finish()
    }
}

/// One permission of a request cell, under the cell's mode: its name, privilege level and
/// admin consent from the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestPermission {
    info: PermissionInfo,
    mode: AuthMode,
}

impl RequestPermission {
    /// The name to request (`Mail.ReadBasic`).
    pub fn name(self) -> &'static str {
        self.info.name()
    }

    /// Microsoft's privilege level under this mode, 1 (lowest) to 4, where the catalog gives one.
    pub fn privilege_level(self) -> Option<u8> {
        self.info
            .scheme(self.mode)
            .and_then(|s| s.privilege_level())
    }

    /// Whether an administrator must consent under this mode, where the catalog says.
    pub fn admin_consent(self) -> Option<bool> {
        self.info.scheme(self.mode).and_then(|s| s.admin_consent())
    }

    /// The permission's catalog entry (GUIDs per scheme, RSC).
    pub fn info(self) -> PermissionInfo {
        self.info
    }

    /// The mode it is requested under.
    pub fn mode(self) -> AuthMode {
        self.mode
    }
}

/// Why a request has no permissions to give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestError {
    /// The URL is not a request path (empty, `a//b`, control characters, unbalanced
    /// parentheses or quotes).
    InvalidUrl(path::PathError),
    /// No template matches the path.
    UnknownPath,
    /// Templates match the path, but none grants the method (`template` is the one the walk
    /// found first).
    UnknownMethod {
        /// A template the path matches.
        template: &'static str,
        /// The method asked about.
        method: Method,
    },
    /// The template grants the method, but under other modes only.
    NotSupported {
        /// The template.
        template: &'static str,
        /// The method.
        method: Method,
        /// The mode asked about.
        mode: AuthMode,
    },
    /// The request matrix is not compiled in: the library was built without its feature
    /// `requests` (on by default), so no request can be answered.
    NotCompiled,
}

impl RequestError {
    /// A short stable name: `invalid_url`, `unknown_request`, `unknown_method`,
    /// `not_supported`, `not_compiled`.
    pub fn kind(&self) -> &'static str {
        match self {
            RequestError::InvalidUrl(_) => "invalid_url",
            RequestError::UnknownPath => "unknown_request",
            RequestError::UnknownMethod { .. } => "unknown_method",
            RequestError::NotSupported { .. } => "not_supported",
            RequestError::NotCompiled => "not_compiled",
        }
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::InvalidUrl(e) => write!(f, "not a valid request URL: {e}"),
            RequestError::UnknownPath => {
                f.write_str("no Microsoft Graph request template matches the path")
            }
            RequestError::UnknownMethod { template, method } => write!(
                f,
                "the path matches {template}, for which the catalog gives no permission for {method}"
            ),
            RequestError::NotSupported {
                template,
                method,
                mode,
            } => write!(f, "{mode} is not supported for {method} {template}"),
            RequestError::NotCompiled => f.write_str(
                "the request matrix is not compiled in (build msgraph-scopes with its feature `requests`)",
            ),
        }
    }
}

impl core::error::Error for RequestError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            RequestError::InvalidUrl(e) => Some(e),
            _ => None,
        }
    }
}
