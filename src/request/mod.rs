//! Requests: the permissions a Microsoft Graph request needs, least privileged first.
//!
//! The data is Microsoft's permission catalog's path sets (`permissions.json`), imported into
//! `data/requests/` with the least privileged permission chosen per method (see the README's
//! Data section for the rule) and compiled into a second path trie, walked as the subscription
//! trie is. [`request`] answers one (method, URL, auth mode) question without allocating;
//! [`resolve_request`] finds the template once for questions about several modes.
//!
//! What a request URL may hold: any letter case, a full `https://graph.microsoft.com/v1.0/...`
//! or `/beta/...` URL, a query string, OData keys and function parameters
//! (`range(address='A1:B2')`, `getEmailActivityCounts(period='D7')`), type casts
//! (`/microsoft.graph.user`), namespaced functions (`microsoft.graph.delta()`), `$value`,
//! `$ref` and `$count`, drive item paths (`root:/folder/file.txt:` and what follows), and `me`
//! for the signed-in user (which falls back to the `/users/{id}` template when upstream gives
//! no `/me` one). When a static branch dead-ends, or reaches a template without the method,
//! the walk backs up and tries the parameter.

mod answer;
mod choices;
pub(crate) mod segments;
#[cfg(feature = "import")]
pub(crate) mod shape;
mod walk;

pub use answer::{
    RequestAnswer, RequestError, RequestMatch, RequestPermission, RequestPermissions,
};
pub use choices::{request_choices, RequestChoice};

use crate::data::{self, RequestRouteDef};
use crate::{path, ApiVersion, AuthMode, Method};
use segments::{split_request, Segments};
use walk::{Walk, BUDGET};

/// The permissions `mode` needs for `method` on `url`, least privileged first, with the
/// template that matched. Allocates nothing.
///
/// ```
/// # #[cfg(feature = "requests")] {
/// use msgraph_scopes::{request, AuthMode, Method};
///
/// let answer = request(
///     Method::Get,
///     "https://graph.microsoft.com/v1.0/me/messages?$top=5",
///     AuthMode::DelegatedWork,
/// )?;
/// assert_eq!(answer.template(), "/me/messages");
/// assert_eq!(answer.least().name(), "Mail.ReadBasic");
/// assert_eq!(answer.query(), Some("$top=5"));
/// let least = answer.least();
/// assert_eq!(least.admin_consent(), Some(false));
/// assert!(least.privilege_level().is_some());
/// assert!(answer.permissions().iter().any(|p| p.name() == "Mail.ReadWrite"));
/// # }
/// # Ok::<(), msgraph_scopes::RequestError>(())
/// ```
///
/// The failures are told apart:
///
/// ```
/// # #[cfg(feature = "requests")] {
/// use msgraph_scopes::{request, AuthMode, Method, RequestError};
///
/// let app = |method, url| request(method, url, AuthMode::Application);
/// assert!(matches!(app(Method::Get, "/no/such/thing"), Err(RequestError::UnknownPath)));
/// assert!(matches!(app(Method::Get, "/users//messages"), Err(RequestError::InvalidUrl(_))));
/// assert!(matches!(
///     request(Method::Get, "/me/messages", AuthMode::Application),
///     Err(RequestError::NotSupported { .. }) | Ok(_)
/// ));
/// # }
/// ```
#[inline]
pub fn request(
    method: Method,
    url: &str,
    mode: AuthMode,
) -> Result<RequestAnswer<'_>, RequestError> {
    resolve_request(method, url)?.answer(mode)
}

/// Finds the template `method` on `url` matches, for questions about several modes. Allocates
/// nothing.
///
/// ```
/// # #[cfg(feature = "requests")] {
/// use msgraph_scopes::{resolve_request, AuthMode, Method};
///
/// let found = resolve_request(Method::Get, "/me/drive/root:/Reports/2024 Q1.xlsx:/content")?;
/// assert_eq!(found.template(), "/me/drive/root:/{id}:/content");
/// assert_eq!(found.item_path(), Some("Reports/2024 Q1.xlsx"));
/// let modes: Vec<AuthMode> = AuthMode::ALL.into_iter().filter(|&m| found.permissions(m).is_some()).collect();
/// assert!(modes.contains(&AuthMode::DelegatedWork));
/// # }
/// # Ok::<(), msgraph_scopes::RequestError>(())
/// ```
///
/// # Errors
///
/// [`RequestError::InvalidUrl`] when `url` is not a request path, [`RequestError::UnknownPath`]
/// when no template matches it, [`RequestError::UnknownMethod`] when templates match but none
/// grants `method`, [`RequestError::NotCompiled`] for any URL when the library was built
/// without its feature `requests`.
#[inline]
pub fn resolve_request(method: Method, url: &str) -> Result<RequestMatch<'_>, RequestError> {
    if !cfg!(feature = "requests") {
        return Err(RequestError::NotCompiled);
    }
    let mut segments = Segments::new();
    let split = split_request(url, &mut segments).map_err(RequestError::InvalidUrl)?;
    let version = split.version.map(|v| match v {
        path::Version::V1 => ApiVersion::V1,
        path::Version::Beta => ApiVersion::Beta,
    });
    let Some(list) = segments.get() else {
        return Err(RequestError::UnknownPath);
    };
    let mut walk = Walk {
        trie: data::request_trie::TRIE,
        segments: list,
        escapes: segments.has_escapes(),
        method: Some(method),
        budget: BUDGET,
    };
    if let Some(route) = walk.go(0, 0) {
        return Ok(RequestMatch::new(route, method, split, version));
    }
    walk.method = None;
    walk.budget = BUDGET;
    match walk.go(0, 0) {
        Some(route) => Err(RequestError::UnknownMethod {
            template: route.template(),
            method,
        }),
        None => Err(RequestError::UnknownPath),
    }
}

/// Every compiled request template, in trie order (for tools and tests).
///
/// ```
/// # #[cfg(feature = "requests")] {
/// assert!(msgraph_scopes::request_templates().count() > 7000);
/// # }
/// ```
pub fn request_templates() -> impl ExactSizeIterator<Item = &'static str> + Clone {
    data::request_trie::TRIE
        .routes
        .iter()
        .map(RequestRouteDef::template)
}

/// The docs' rule that `/me` needs a signed-in user: it holds for every request too, so the
/// planner and the lint apply it to requests under application permissions.
#[cfg(feature = "std")]
pub(crate) const ME_RULE: &str = "me-needs-delegated";

/// Whether a request URL's path starts at `/me` (after any host and version).
#[cfg(feature = "std")]
pub(crate) fn names_me(url: &str) -> bool {
    let url = url.trim();
    let path = match url.find("://") {
        Some(i) => url
            .get(i + 3..)
            .and_then(|rest| rest.find('/').and_then(|j| rest.get(j..)))
            .unwrap_or(""),
        None => url,
    };
    let mut segments = path
        .trim_start_matches('/')
        .split(['/', '?', '(', '#'])
        .filter(|s| !s.is_empty());
    let mut first = segments.next().unwrap_or("");
    if first.eq_ignore_ascii_case("v1.0") || first.eq_ignore_ascii_case("beta") {
        first = segments.next().unwrap_or("");
    }
    first.eq_ignore_ascii_case("me")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With the feature the matrix is there; without it nothing is compiled in and every
    /// request, valid or not, is refused with the one error that says why.
    #[test]
    fn the_feature_decides_whether_the_matrix_is_compiled_in() {
        let found = resolve_request(Method::Get, "/me/messages");
        if cfg!(feature = "requests") {
            assert!(request_templates().len() > 7000);
            assert!(request_choices().len() > 0);
            assert_eq!(found.map(|f| f.template()), Ok("/me/messages"));
        } else {
            assert_eq!(request_templates().len(), 0);
            assert_eq!(request_choices().len(), 0);
            assert_eq!(data::request_cell(0), None);
            assert_eq!(found.map(|f| f.template()), Err(RequestError::NotCompiled));
            let invalid = resolve_request(Method::Get, "a//b").map(|f| f.template());
            assert_eq!(invalid, Err(RequestError::NotCompiled));
        }
    }
}
