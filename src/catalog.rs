//! The permission catalog: every Microsoft Graph permission with its GUIDs, admin consent and
//! privilege level per scheme, from Microsoft's devx catalog. Names and GUIDs both ways.

use crate::data::{self, PermissionDef, SchemeDef};
use crate::AuthMode;
use core::fmt;

/// Looks a permission up by name (ASCII case-insensitive; an
/// `https://graph.microsoft.com/` prefix is ignored).
///
/// ```
/// let p = msgraph_scopes::permission("Mail.Read").unwrap();
/// assert_eq!(p.name(), "Mail.Read");
/// let scope = p.scheme(msgraph_scopes::AuthMode::DelegatedWork).unwrap();
/// assert_eq!(scope.id(), Some("570282fd-fa5c-430d-a7fd-fc8dc98a9dca"));
/// assert!(msgraph_scopes::permission("Mail.Reed").is_none());
/// ```
pub fn permission(name: &str) -> Option<PermissionInfo> {
    let name = strip_resource_prefix(name.trim());
    let mut buf = [0u8; 128];
    let key = ascii_lower(name, &mut buf)?;
    let index = *data::PERMISSION_BY_NAME.get(key)?;
    data::PERMISSIONS
        .get(usize::from(index))
        .map(PermissionInfo)
}

/// Looks a GUID up (any case, with or without braces).
///
/// ```
/// use msgraph_scopes::{permission_by_id, AuthMode, IdLookup};
/// match permission_by_id("570282FD-FA5C-430D-A7FD-FC8DC98A9DCA") {
///     Some(IdLookup::Graph { permission, mode }) => {
///         assert_eq!(permission.name(), "Mail.Read");
///         assert!(mode.is_delegated());
///     }
///     other => panic!("{other:?}"),
/// }
/// assert!(permission_by_id("00000000-0000-0000-0000-000000000000").is_none());
/// ```
pub fn permission_by_id(id: &str) -> Option<IdLookup> {
    let id = id.trim();
    let id = id
        .strip_prefix('{')
        .and_then(|i| i.strip_suffix('}'))
        .unwrap_or(id);
    let mut buf = [0u8; 36];
    if id.len() != buf.len() {
        return None;
    }
    let key = ascii_lower(id, &mut buf)?;
    if let Some(&(index, mode)) = data::PERMISSION_BY_ID.get(key) {
        let permission = PermissionInfo(data::PERMISSIONS.get(usize::from(index))?);
        let mode = *AuthMode::ALL.get(usize::from(mode))?;
        return Some(IdLookup::Graph { permission, mode });
    }
    data::FOREIGN_BY_ID
        .get(key)
        .map(|f| IdLookup::Foreign(ForeignPermission(f)))
}

/// Every permission in the catalog, sorted by name.
///
/// ```
/// assert!(msgraph_scopes::permissions().count() > 900);
/// ```
pub fn permissions() -> impl ExactSizeIterator<Item = PermissionInfo> + Clone {
    data::PERMISSIONS.iter().map(PermissionInfo)
}

/// Where the catalog came from: (repository, commit, date).
pub fn catalog_source() -> (&'static str, &'static str, &'static str) {
    data::CATALOG_SOURCE
}

/// What a GUID is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdLookup {
    /// A Microsoft Graph permission; `mode` tells a delegated scope (both delegated modes share
    /// a GUID; [`AuthMode::DelegatedWork`] is given unless only the personal scheme has it) from
    /// an application role.
    Graph {
        /// The permission.
        permission: PermissionInfo,
        /// The scheme the GUID belongs to.
        mode: AuthMode,
    },
    /// A permission of another resource app (such as the retired Azure AD Graph), never a
    /// Microsoft Graph permission.
    Foreign(ForeignPermission),
}

/// One catalog permission.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PermissionInfo(&'static PermissionDef);

impl PermissionInfo {
    /// The name (`Mail.Read`).
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// Whether it is a resource-specific-consent permission.
    pub fn is_rsc(self) -> bool {
        self.0.rsc
    }

    /// The permission under one scheme, if it exists there.
    pub fn scheme(self, mode: AuthMode) -> Option<Scheme> {
        self.0.schemes.get(mode.index())?.as_ref().map(Scheme)
    }

    /// The schemes it exists under, in the docs' column order.
    pub fn schemes(self) -> impl Iterator<Item = (AuthMode, Scheme)> {
        AuthMode::ALL
            .into_iter()
            .filter_map(move |m| self.scheme(m).map(|s| (m, s)))
    }

    /// What the sources disagree on or lack for this permission.
    pub fn notes(self) -> &'static [&'static str] {
        self.0.notes
    }
}

impl fmt::Debug for PermissionInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PermissionInfo")
            .field("name", &self.name())
            .finish()
    }
}

/// A permission under one scheme (a delegated scope or an application role).
#[derive(Clone, Copy)]
pub struct Scheme(&'static SchemeDef);

impl Scheme {
    /// The GUID, lower case; `None` when no source gives one.
    pub fn id(self) -> Option<&'static str> {
        self.0.id
    }

    /// Other GUIDs a source gives for the same name and scheme (a recorded disagreement).
    pub fn other_ids(self) -> &'static [&'static str] {
        self.0.other_ids
    }

    /// Whether an administrator must consent, where a source says.
    pub fn admin_consent(self) -> Option<bool> {
        self.0.admin_consent
    }

    /// Microsoft's privilege level, 1 (lowest) to 4, where a source says.
    pub fn privilege_level(self) -> Option<u8> {
        self.0.privilege_level
    }
}

impl fmt::Debug for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scheme")
            .field("id", &self.id())
            .field("admin_consent", &self.admin_consent())
            .field("privilege_level", &self.privilege_level())
            .finish()
    }
}

/// A GUID that belongs to another resource app.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ForeignPermission(&'static data::ForeignDef);

impl ForeignPermission {
    /// The permission name it carries in that app.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// Its scheme there.
    pub fn mode(self) -> AuthMode {
        self.0.scheme
    }

    /// The resource app's id (`00000002-0000-0000-c000-000000000000` is the retired Azure AD Graph).
    pub fn resource_app(self) -> &'static str {
        self.0.resource_app
    }

    /// Whether the app is the retired Azure AD Graph.
    pub fn is_azure_ad_graph(self) -> bool {
        self.0.resource_app == AZURE_AD_GRAPH
    }
}

impl fmt::Debug for ForeignPermission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ForeignPermission")
            .field("name", &self.name())
            .field("resource_app", &self.resource_app())
            .finish()
    }
}

/// Microsoft Graph's resource app id.
pub const MICROSOFT_GRAPH: &str = "00000003-0000-0000-c000-000000000000";
/// The retired Azure AD Graph's resource app id.
pub const AZURE_AD_GRAPH: &str = "00000002-0000-0000-c000-000000000000";

/// `name` without an `https://graph.microsoft.com/` prefix (any case).
pub(crate) fn strip_resource_prefix(name: &str) -> &str {
    const PREFIX: &str = "https://graph.microsoft.com/";
    match name.get(..PREFIX.len()) {
        Some(head) if head.eq_ignore_ascii_case(PREFIX) => &name[PREFIX.len()..],
        _ => name,
    }
}

/// ASCII-lowercases `s` into `buf`; `None` when it does not fit.
pub(crate) fn ascii_lower<'b>(s: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let out = buf.get_mut(..s.len())?;
    out.copy_from_slice(s.as_bytes());
    out.make_ascii_lowercase();
    core::str::from_utf8(out).ok()
}

/// Whether `s` is a GUID: 8-4-4-4-12 hex digits, any case, optionally in braces.
#[cfg(feature = "std")]
pub(crate) fn is_guid(s: &str) -> bool {
    let s = s
        .strip_prefix('{')
        .and_then(|s| s.strip_suffix('}'))
        .unwrap_or(s);
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}
