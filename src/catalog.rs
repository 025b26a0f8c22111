//! Microsoft's permission catalog: every Microsoft Graph permission with its GUIDs, admin
//! consent and privilege level per scheme, from Microsoft's devx content. Names and GUIDs both
//! ways.
//!
//! * [`permission`] looks a permission up by name, [`permission_by_id`] by GUID (which may also
//!   belong to another resource app: [`IdLookup::Foreign`]); [`permissions`] lists them all.
//! * A [`PermissionInfo`] has one [`Scheme`] per auth mode it exists under: a delegated scope or
//!   an application role, with its GUID, admin consent and privilege level.
//! * [`source`] says which commit of the catalog the crate carries.
//!
//! The tables name permissions; [`Permission::info`](crate::Permission::info) leads from a table
//! cell to its catalog entry.
//!
//! ```
//! use msgraph_scopes::catalog::{self, IdLookup};
//! use msgraph_scopes::AuthMode;
//!
//! let info = catalog::permission("https://graph.microsoft.com/mail.read").unwrap();
//! assert_eq!(info.name(), "Mail.Read");
//! let role = info.scheme(AuthMode::Application).unwrap();
//! assert_eq!(role.id(), Some("810c84a8-4a9e-49e6-bf7d-12d183f40d01"));
//! assert_eq!(role.admin_consent(), Some(true));
//!
//! // And back from the GUID an app registration or a token carries.
//! match catalog::permission_by_id("810c84a8-4a9e-49e6-bf7d-12d183f40d01") {
//!     Some(IdLookup::Graph { permission, mode }) => {
//!         assert_eq!(permission, info);
//!         assert_eq!(mode, AuthMode::Application);
//!     }
//!     other => panic!("{other:?}"),
//! }
//! assert_eq!(catalog::source().repository, "microsoftgraph/microsoft-graph-devx-content");
//! ```

use crate::data::{self, PermissionDef, SchemeDef};
use crate::AuthMode;
use core::fmt;

/// Looks a permission up by name (ASCII case-insensitive; an
/// `https://graph.microsoft.com/` prefix is ignored).
///
/// ```
/// use msgraph_scopes::{catalog, AuthMode};
/// let p = catalog::permission("Mail.Read").unwrap();
/// assert_eq!(p.name(), "Mail.Read");
/// let scope = p.scheme(AuthMode::DelegatedWork).unwrap();
/// assert_eq!(scope.id(), Some("570282fd-fa5c-430d-a7fd-fc8dc98a9dca"));
/// assert!(catalog::permission("Mail.Reed").is_none());
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
/// use msgraph_scopes::catalog::{permission_by_id, IdLookup};
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
/// assert!(msgraph_scopes::catalog::permissions().count() > 900);
/// ```
pub fn permissions() -> impl ExactSizeIterator<Item = PermissionInfo> + Clone {
    data::PERMISSIONS.iter().map(PermissionInfo)
}

/// Where the catalog came from: the repository, commit and date of Microsoft's devx content
/// that `data/catalog.yaml` was imported from.
///
/// ```
/// let source = msgraph_scopes::catalog::source();
/// assert_eq!(source.repository, "microsoftgraph/microsoft-graph-devx-content");
/// assert_eq!(source.commit.len(), 40);
/// assert!(msgraph_scopes::DATA_VERSION.contains(source.as_of));
/// ```
pub fn source() -> CatalogSource {
    let (repository, commit, as_of) = data::CATALOG_SOURCE;
    CatalogSource {
        repository,
        commit,
        as_of,
    }
}

/// Where the catalog came from; see [`source`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CatalogSource {
    /// The GitHub repository (`microsoftgraph/microsoft-graph-devx-content`).
    pub repository: &'static str,
    /// The full commit hash imported.
    pub commit: &'static str,
    /// The commit's date (`YYYY-MM-DD`).
    pub as_of: &'static str,
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
    /// The permission at `index` of the compiled catalog (the request matrix's cells hold these).
    pub(crate) fn at(index: u16) -> Option<PermissionInfo> {
        data::PERMISSIONS
            .get(usize::from(index))
            .map(PermissionInfo)
    }

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
        let def = self.0.schemes.get(mode.index())?.as_ref()?;
        Some(Scheme { def, mode })
    }

    /// The schemes it exists under, in the docs' column order.
    ///
    /// ```
    /// use msgraph_scopes::{catalog, AuthMode};
    /// let modes: Vec<AuthMode> = catalog::permission("Mail.Read").unwrap().schemes().map(|s| s.mode()).collect();
    /// assert_eq!(modes, AuthMode::ALL);
    /// ```
    pub fn schemes(self) -> impl Iterator<Item = Scheme> {
        AuthMode::ALL
            .into_iter()
            .filter_map(move |m| self.scheme(m))
    }

    /// What the catalog's source files disagree on or lack for this permission (free text, one
    /// remark each); empty when they agree. Not to be confused with the docs'
    /// [rules](crate::rules).
    pub fn source_notes(self) -> &'static [&'static str] {
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
pub struct Scheme {
    def: &'static SchemeDef,
    mode: AuthMode,
}

impl Scheme {
    /// The auth mode this scheme serves (both delegated modes share a scope's GUID).
    pub fn mode(self) -> AuthMode {
        self.mode
    }

    /// The GUID, lower case; `None` when no source gives one.
    pub fn id(self) -> Option<&'static str> {
        self.def.id
    }

    /// Other GUIDs a source gives for the same name and scheme (a recorded disagreement).
    pub fn other_ids(self) -> &'static [&'static str] {
        self.def.other_ids
    }

    /// Whether an administrator must consent, where a source says.
    pub fn admin_consent(self) -> Option<bool> {
        self.def.admin_consent
    }

    /// Microsoft's privilege level, 1 (lowest) to 4, where a source says.
    pub fn privilege_level(self) -> Option<u8> {
        self.def.privilege_level
    }
}

impl fmt::Debug for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scheme")
            .field("mode", &self.mode())
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
