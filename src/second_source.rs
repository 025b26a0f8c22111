//! Second sources: what the docs pages other than the operation tables say a subscription
//! needs (the Teams change-notification pages, the Outlook overview), compiled from
//! `data/second-sources/`.
//!
//! An answer's permissions stay the operation table's. [`Row::also_accepted`] and
//! [`Answer::also_accepted`] give, apart from them, the permissions a second source accepts for
//! the same resource and mode that the table's cell lacks, each with its [`SecondSource`] and
//! whether it is resource-specific consent. A second source speaks of subscribing without naming
//! an operation, so its permissions are offered for every operation whose table supports the
//! mode, in the API versions the source names (and, for resource-specific consent, only in the
//! versions its note allows).

use crate::table::{DataLocation, Row};
use crate::{Answer, ApiVersion, AuthMode, Operation};
use core::fmt;

/// One section of a second source, as compiled.
#[derive(Debug)]
pub(crate) struct SectionDef {
    pub page: &'static str,
    pub file: &'static str,
    pub data_file: &'static str,
    pub data_line: u32,
    pub heading: &'static str,
    pub line: u32,
    pub paths: &'static [&'static str],
    /// Indexed by [`AuthMode::index`]; `None` = not supported.
    pub cells: [Option<SecondCellDef>; 3],
    pub rsc: &'static [&'static str],
    /// API version bits (`1 << ApiVersion::index`) RSC is limited to; 0 = no limit.
    pub rsc_versions: u8,
}

/// A supported cell of a second source.
#[derive(Debug)]
pub(crate) struct SecondCellDef {
    pub permissions: &'static [&'static str],
    /// API version bits (`1 << ApiVersion::index`).
    pub versions: u8,
}

/// The permissions a second source adds to one row and mode of a table.
#[derive(Debug)]
pub(crate) struct AlsoRowDef {
    /// The row's line in its table's data file (unique in the table).
    pub line: u32,
    /// [`AuthMode::index`].
    pub mode: u8,
    pub also: &'static [AlsoDef],
}

/// One permission a second source adds.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct AlsoDef {
    pub name: &'static str,
    pub rsc: bool,
    /// Index into `SECOND_SECTIONS`.
    pub section: u16,
}

/// Every section of every second source, in the order of `data/second-sources/`.
///
/// ```
/// use msgraph_scopes::second_sources;
/// let team = second_sources()
///     .find(|s| s.paths().contains(&"/teams/{team-id}"))
///     .unwrap();
/// assert_eq!(team.file(), "concepts/teams-changenotifications-team-and-channel.md");
/// ```
pub fn second_sources() -> impl ExactSizeIterator<Item = SecondSource> + Clone {
    crate::data::SECOND_SECTIONS.iter().map(SecondSource)
}

/// One permission table of a second source: what a docs page other than the operation tables
/// says one resource needs.
#[derive(Clone, Copy)]
pub struct SecondSource(&'static SectionDef);

impl SecondSource {
    /// The page's address.
    pub fn page(self) -> &'static str {
        self.0.page
    }

    /// The page, relative to `upstream/graph-docs/` of the sources
    /// (`concepts/teams-changenotifications-team-and-channel.md`).
    pub fn file(self) -> &'static str {
        self.0.file
    }

    /// The heading the table sits under (or the resource, on a page with a row per resource).
    pub fn heading(self) -> &'static str {
        self.0.heading
    }

    /// The table's line in the page.
    pub fn line(self) -> u32 {
        self.0.line
    }

    /// Where the section is in `data/second-sources/`.
    pub fn data_location(self) -> DataLocation {
        DataLocation {
            file: self.0.data_file,
            line: self.0.data_line,
        }
    }

    /// The resource paths the page gives, as printed (`/teams/{team-id}`).
    pub fn paths(self) -> &'static [&'static str] {
        self.0.paths
    }

    /// The permissions the page lists for `mode`, least privileged first, or `None` when it
    /// says the mode is not supported.
    pub fn permissions(self, mode: AuthMode) -> Option<&'static [&'static str]> {
        self.cell(mode).map(|c| c.permissions)
    }

    /// Whether the page says `mode` is supported in `api` (the Outlook overview names no
    /// version: both).
    pub fn supports(self, mode: AuthMode, api: ApiVersion) -> bool {
        self.cell(mode)
            .is_some_and(|c| c.versions & (1 << api.index()) != 0)
    }

    /// Whether the page marks `name` as resource-specific consent.
    pub fn is_rsc(self, name: &str) -> bool {
        self.0.rsc.iter().any(|n| n.eq_ignore_ascii_case(name))
    }

    /// Whether the page's resource-specific consent for `name` holds in `api` (its note may
    /// limit it to one version).
    pub fn rsc_holds_in(self, name: &str, api: ApiVersion) -> bool {
        self.is_rsc(name)
            && (self.0.rsc_versions == 0 || self.0.rsc_versions & (1 << api.index()) != 0)
    }

    fn cell(self, mode: AuthMode) -> Option<&'static SecondCellDef> {
        self.0.cells.get(mode.index())?.as_ref()
    }
}

impl fmt::Debug for SecondSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecondSource")
            .field("file", &self.file())
            .field("line", &self.line())
            .field("paths", &self.paths())
            .finish()
    }
}

impl PartialEq for SecondSource {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self.0, other.0)
    }
}

impl Eq for SecondSource {}

/// A permission a second source accepts that the operation table's cell lacks.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AlsoAccepted(&'static AlsoDef);

impl AlsoAccepted {
    /// The permission's name.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// Whether the second source marks it as resource-specific consent.
    pub fn is_rsc(self) -> bool {
        self.0.rsc
    }

    /// The second source that accepts it.
    pub fn source(self) -> SecondSource {
        SecondSource(&crate::data::SECOND_SECTIONS[usize::from(self.0.section)])
    }
}

impl fmt::Debug for AlsoAccepted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AlsoAccepted")
            .field("name", &self.name())
            .field("rsc", &self.is_rsc())
            .field("source", &self.source().file())
            .finish()
    }
}

/// The permissions a second source adds to a row for a mode ([`Row::also_accepted`]).
#[derive(Debug, Clone)]
pub struct AlsoAcceptedIter {
    inner: core::slice::Iter<'static, AlsoDef>,
}

impl Iterator for AlsoAcceptedIter {
    type Item = AlsoAccepted;

    fn next(&mut self) -> Option<AlsoAccepted> {
        self.inner.next().map(AlsoAccepted)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl ExactSizeIterator for AlsoAcceptedIter {}

fn also_of(row: Row, mode: AuthMode) -> AlsoAcceptedIter {
    let table = row.table();
    let index = table.api().index() * Operation::ALL.len() + table.operation().index();
    let line = row.data_location().line;
    let also = crate::data::ALSO_ACCEPTED
        .get(index)
        .and_then(|entries| {
            entries
                .iter()
                .find(|e| e.line == line && usize::from(e.mode) == mode.index())
        })
        .map_or(&[][..], |e| e.also);
    AlsoAcceptedIter { inner: also.iter() }
}

impl Row {
    /// The permissions a second source accepts for this row's resource and `mode` that the
    /// row's cell lacks, apart from the cell (empty where the mode is not supported).
    ///
    /// ```
    /// use msgraph_scopes::{table, ApiVersion, AuthMode, Operation};
    /// let t = table(ApiVersion::Beta, Operation::Create);
    /// let team = t.rows().find(|r| r.paths().contains(&"/teams/{id}")).unwrap();
    /// let also: Vec<_> = team.also_accepted(AuthMode::Application).collect();
    /// let rsc = also.iter().find(|a| a.name() == "TeamSettings.Read.Group").unwrap();
    /// assert!(rsc.is_rsc());
    /// assert_eq!(rsc.source().file(), "concepts/teams-changenotifications-team-and-channel.md");
    /// assert!(team.cell(AuthMode::Application).unwrap().iter().all(|p| p.name() != "TeamSettings.Read.Group"));
    /// ```
    pub fn also_accepted(self, mode: AuthMode) -> AlsoAcceptedIter {
        if self.cell(mode).is_none() {
            return AlsoAcceptedIter { inner: [].iter() };
        }
        also_of(self, mode)
    }
}

impl Answer<'_> {
    /// The permissions a second source accepts for this answer's resource and mode that the
    /// table lacks ([`Row::also_accepted`]): a separate list, never part of
    /// [`Answer::permissions`].
    pub fn also_accepted(&self) -> AlsoAcceptedIter {
        self.row().also_accepted(self.mode())
    }
}
