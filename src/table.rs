//! The tables as data: [`Table`], [`Row`], [`Permissions`] and [`Permission`], for tools that
//! embed the whole matrix. Handles are `Copy` references into the compiled statics.

use crate::data::{self, PermDef, RowDef, RowIndex, TableDef, NONE};
use crate::{ApiVersion, AuthMode, Operation};
use core::fmt;

/// Every table: both API versions times the seven operations (14).
///
/// ```
/// assert_eq!(msgraph_scopes::tables().count(), 14);
/// ```
pub fn tables() -> impl ExactSizeIterator<Item = Table> + Clone {
    data::TABLES.iter().map(Table)
}

/// The table for one API version and operation.
///
/// ```
/// use msgraph_scopes::{table, ApiVersion, Operation};
/// let t = table(ApiVersion::V1, Operation::Reauthorize);
/// assert_eq!(t.operation(), Operation::Reauthorize);
/// assert!(t.rows().any(|row| row.resource_type() == "chatMessage"));
/// ```
pub fn table(api: ApiVersion, operation: Operation) -> Table {
    Table(data::table(api, operation))
}

/// One docs Permissions table: an (API version, operation) pair and its rows.
#[derive(Clone, Copy)]
pub struct Table(pub(crate) &'static TableDef);

impl Table {
    /// The API version.
    pub fn api(self) -> ApiVersion {
        self.0.api
    }

    /// The operation.
    pub fn operation(self) -> Operation {
        self.0.operation
    }

    /// Where the table came from.
    pub fn source(self) -> Source {
        Source {
            page: self.0.source.page,
            as_of: self.0.source.as_of,
            file: self.0.source.file,
        }
    }

    /// The data file the table is compiled from (`data/tables/v1.0/create.yaml`).
    pub fn data_file(self) -> &'static str {
        self.0.data_file
    }

    /// The rows, in the docs' order.
    pub fn rows(self) -> impl ExactSizeIterator<Item = Row> + Clone {
        let table = self.0;
        table.rows.iter().map(move |row| Row { table, row })
    }

    /// The rows whose resource type is `resource_type` (ASCII case-insensitive), including rows
    /// that have no known path.
    ///
    /// ```
    /// use msgraph_scopes::{table, ApiVersion, Operation};
    /// let t = table(ApiVersion::V1, Operation::Create);
    /// assert!(t.rows_of_type("virtualEventWebinar").count() >= 1);
    /// ```
    pub fn rows_of_type(self, resource_type: &str) -> impl Iterator<Item = Row> + '_ {
        self.rows()
            .filter(move |row| row.resource_type().eq_ignore_ascii_case(resource_type))
    }

    pub(crate) fn row_of_resource(self, resource: u16) -> Option<(Row, &'static RowIndex)> {
        let index = self.0.by_resource.get(usize::from(resource))?;
        let row = self.0.rows.get(usize::from(index.row))?;
        Some((Row { table: self.0, row }, index))
    }
}

/// The permissions of a cell index (`None` for [`NONE`], an unsupported mode).
#[inline]
pub(crate) fn cell(index: u16) -> Option<Permissions> {
    data::CELLS
        .get(usize::from(index))
        .copied()
        .map(Permissions)
}

impl fmt::Debug for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Table")
            .field("api", &self.api())
            .field("operation", &self.operation())
            .field("rows", &self.0.rows.len())
            .finish()
    }
}

impl fmt::Display for Table {
    /// The whole table as plain text: a heading with the source, then each row with its
    /// templates and the three cells (`*` marks resource-specific consent, as in the docs).
    ///
    /// ```
    /// use msgraph_scopes::{table, ApiVersion, Operation};
    /// let text = table(ApiVersion::V1, Operation::Reauthorize).to_string();
    /// assert!(text.starts_with("v1.0 reauthorize"));
    /// assert!(text.contains("  application: ChannelMessage.Read.All"));
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = self.source();
        writeln!(
            f,
            "{} {} ({}, as of {})",
            self.api(),
            self.operation(),
            source.page,
            source.as_of
        )?;
        for row in self.rows() {
            writeln!(f)?;
            write!(f, "{}", row.resource_type())?;
            if let Some(qualifier) = row.qualifier() {
                write!(f, " ({qualifier})")?;
            }
            if let Some(label) = row.label() {
                write!(f, ": {label}")?;
            }
            writeln!(f)?;
            if row.templates().len() == 0 {
                writeln!(f, "  templates: none known (reachable by resource type)")?;
            }
            for template in row.templates() {
                write!(f, "  template: {}", template.path())?;
                if AuthMode::ALL.iter().any(|&m| !template.applies_to(m)) {
                    let mut modes = AuthMode::ALL.iter().filter(|&&m| template.applies_to(m));
                    if let Some(first) = modes.next() {
                        write!(f, " [{first}")?;
                        for mode in modes {
                            write!(f, ", {mode}")?;
                        }
                        f.write_str("]")?;
                    }
                }
                writeln!(f)?;
            }
            for mode in AuthMode::ALL {
                match row.cell(mode) {
                    Some(permissions) => writeln!(f, "  {mode}: {permissions}")?,
                    None => writeln!(f, "  {mode}: not supported")?,
                }
            }
        }
        Ok(())
    }
}

impl PartialEq for Table {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self.0, other.0)
    }
}

impl Eq for Table {}

/// Where a table came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The page's address.
    pub page: &'static str,
    /// The page's date as the page or its capture states it.
    pub as_of: &'static str,
    /// The imported file, relative to `upstream/graph-docs/` of the sources.
    pub file: &'static str,
}

/// Where a row is in `data/`; see [`Row::data_location`]. Displays as `file:line`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DataLocation {
    /// The table's data file, relative to the crate (`data/tables/v1.0/create.yaml`).
    pub file: &'static str,
    /// The row's line in it, from 1.
    pub line: u32,
}

impl fmt::Display for DataLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A path template of a row's resource, and the auth modes it stands for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Template(&'static data::TemplateDef);

impl Template {
    /// The template (`/teams/{id}/channels/{id}/messages`); `{...}` stands for any one segment.
    pub fn path(self) -> &'static str {
        self.0.path
    }

    /// Whether the template stands for this row under `mode`. Most templates stand for every
    /// mode; a path shared by two rows (`/me/drive/root`) names the mode that picks each.
    pub fn applies_to(self, mode: AuthMode) -> bool {
        self.0.modes & mode.bit() != 0
    }
}

impl fmt::Debug for Template {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let modes: [&str; 3] =
            AuthMode::ALL.map(|m| if self.applies_to(m) { m.as_str() } else { "" });
        f.debug_struct("Template")
            .field("path", &self.path())
            .field("modes", &modes)
            .finish()
    }
}

impl fmt::Display for Template {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.path())
    }
}

/// One row of a table: a resource and what each auth mode needs for it.
#[derive(Clone, Copy)]
pub struct Row {
    table: &'static TableDef,
    row: &'static RowDef,
}

impl Row {
    /// The table this row belongs to.
    pub fn table(self) -> Table {
        Table(self.table)
    }

    /// The resource type (`chatMessage`, `driveItem`, `group conversation`).
    pub fn resource_type(self) -> &'static str {
        self.row.resource_type
    }

    /// The docs' parenthesised qualifier (`user's personal OneDrive`, `deprecated`).
    pub fn qualifier(self) -> Option<&'static str> {
        self.row.qualifier
    }

    /// The docs' description line (`All messages and replies in a particular channel.`).
    pub fn label(self) -> Option<&'static str> {
        self.row.label
    }

    /// What the docs show to tell this row apart: the description, else the qualifier, else
    /// the resource type.
    pub fn title(self) -> &'static str {
        self.row
            .label
            .or(self.row.qualifier)
            .unwrap_or(self.row.resource_type)
    }

    /// Where the row is in `data/`: its table's [data file](Table::data_file) and line.
    ///
    /// ```
    /// use msgraph_scopes::{table, ApiVersion, Operation};
    /// let row = table(ApiVersion::Beta, Operation::List).rows().next().unwrap();
    /// let at = row.data_location();
    /// assert_eq!(at.file, "data/tables/beta/list.yaml");
    /// assert!(at.line > 1);
    /// assert_eq!(at.to_string(), format!("data/tables/beta/list.yaml:{}", at.line));
    /// ```
    pub fn data_location(self) -> DataLocation {
        DataLocation {
            file: self.table.data_file,
            line: self.row.line,
        }
    }

    /// The paths the docs give in this row (often none).
    pub fn paths(self) -> &'static [&'static str] {
        self.row.paths
    }

    /// A stable key for the resource this row describes, the same in every table.
    pub fn resource_id(self) -> &'static str {
        self.resource().id
    }

    /// Every path template that resolves to this row's resource (empty when no source gives
    /// one: such a row is reachable by type only).
    ///
    /// ```
    /// use msgraph_scopes::{table, ApiVersion, AuthMode, Operation};
    /// let t = table(ApiVersion::V1, Operation::Create);
    /// let personal = t.rows().find(|r| r.qualifier() == Some("user's personal OneDrive")).unwrap();
    /// let root = personal.templates().find(|t| t.path() == "/me/drive/root").unwrap();
    /// assert!(root.applies_to(AuthMode::DelegatedPersonal));
    /// assert!(!root.applies_to(AuthMode::Application));
    /// ```
    pub fn templates(self) -> impl ExactSizeIterator<Item = Template> + Clone {
        self.resource().templates.iter().map(Template)
    }

    /// Where the templates come from: the table itself or a concept page.
    pub fn templates_source(self) -> &'static str {
        self.resource().source
    }

    /// A curator's note on the resource (why there is no path, what a qualifier means).
    pub fn note(self) -> Option<&'static str> {
        self.resource().note
    }

    /// The maximum lifetime of a subscription on this row's resource type, when the docs give
    /// one.
    pub fn max_lifetime(self) -> Option<crate::Lifetime> {
        crate::Lifetime::of_type(self.row.resource_type)
    }

    /// The change types this row's resource type supports.
    pub fn change_types(self) -> crate::ChangeTypes {
        crate::ChangeTypes::of_type(self.row.resource_type)
    }

    /// The cell for `mode`: the permissions, or `None` when the mode is not supported.
    ///
    /// ```
    /// use msgraph_scopes::{table, ApiVersion, AuthMode, Operation};
    /// let t = table(ApiVersion::V1, Operation::Reauthorize);
    /// let row = t.rows().find(|r| r.paths().contains(&"/teams/getAllMessages")).unwrap();
    /// assert!(row.cell(AuthMode::DelegatedWork).is_none());
    /// assert_eq!(row.cell(AuthMode::Application).unwrap().least().name(), "ChannelMessage.Read.All");
    /// ```
    pub fn cell(self, mode: AuthMode) -> Option<Permissions> {
        cell(*self.row.cells.get(mode.index())?)
    }

    fn resource(self) -> &'static data::ResourceDef {
        &data::RESOURCES[usize::from(self.row.resource)]
    }
}

impl fmt::Debug for Row {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Row")
            .field("resource_type", &self.resource_type())
            .field("title", &self.title())
            .field("resource_id", &self.resource_id())
            .finish()
    }
}

impl PartialEq for Row {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self.row, other.row)
    }
}

impl Eq for Row {}

/// The permissions of one supported cell, least privileged first (the docs' order).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Permissions(&'static [PermDef]);

impl Permissions {
    /// The least privileged permission: the first the docs list.
    pub fn least(self) -> Permission {
        // Validation in build.rs rejects empty cells.
        Permission(self.0.first().unwrap_or(&EMPTY))
    }

    /// All of them, least privileged first.
    pub fn iter(self) -> impl ExactSizeIterator<Item = Permission> + Clone {
        self.0.iter().map(Permission)
    }

    /// How many there are.
    pub fn len(self) -> usize {
        self.0.len()
    }

    /// Always false: the data has no empty cells.
    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    /// Whether `name` (ASCII case-insensitive) is one of them.
    pub fn contains(self, name: &str) -> bool {
        self.iter().any(|p| p.name().eq_ignore_ascii_case(name))
    }

    /// The position of `name` in the list (0 is the least privileged).
    pub fn position(self, name: &str) -> Option<usize> {
        self.iter()
            .position(|p| p.name().eq_ignore_ascii_case(name))
    }
}

static EMPTY: PermDef = PermDef {
    name: "",
    rsc: false,
    erratum: NONE,
};

impl fmt::Debug for Permissions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl fmt::Display for Permissions {
    /// Comma-separated, with `*` after resource-specific-consent names, as the docs print them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}{}", p.name(), if p.is_rsc() { "*" } else { "" })?;
        }
        Ok(())
    }
}

/// One permission in a cell.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Permission(&'static PermDef);

impl Permission {
    /// The name to request (`ChannelMessage.Read.All`), corrected where the docs print a name
    /// that does not exist (see [`Permission::erratum`]).
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// Whether it is a resource-specific-consent permission (granted per team or chat).
    pub fn is_rsc(self) -> bool {
        self.0.rsc
    }

    /// The docs error this name corrects, if the docs print another name here.
    pub fn erratum(self) -> Option<Erratum> {
        data::ERRATA.get(usize::from(self.0.erratum)).map(Erratum)
    }

    /// The catalog entry for this name (GUIDs, admin consent, privilege level).
    pub fn info(self) -> Option<crate::catalog::PermissionInfo> {
        crate::catalog::permission(self.0.name)
    }
}

impl fmt::Debug for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Permission");
        d.field("name", &self.name());
        if self.is_rsc() {
            d.field("rsc", &true);
        }
        if let Some(e) = self.erratum() {
            d.field("documented_as", &e.documented());
        }
        d.finish()
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// A known docs error: the docs print a name that does not exist; this is the real one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Erratum(&'static data::ErratumDef);

impl Erratum {
    /// The name as the docs print it.
    pub fn documented(self) -> &'static str {
        self.0.documented
    }

    /// The name that exists and is meant.
    pub fn corrected(self) -> &'static str {
        self.0.corrected
    }

    /// Why the correction is right.
    pub fn note(self) -> &'static str {
        self.0.note
    }

    /// The evidence.
    pub fn source(self) -> &'static str {
        self.0.source
    }
}

impl fmt::Debug for Erratum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Erratum")
            .field("documented", &self.documented())
            .field("corrected", &self.corrected())
            .finish()
    }
}
