//! What a careful user would build by hand instead of this crate, for the benches to compare
//! against (and for `tests/bench_corpus.rs` to check, so the comparison stays honest):
//!
//! * [`Matchit`]: every template of the data in a `matchit` router (the router behind axum),
//!   fed resource strings after the normalisation it needs ([`normalise`]);
//! * [`Runtime`]: the YAML parsed at start-up into plain structs, and each lookup a linear scan
//!   over the templates of one table.
//!
//! Both take the `/me/...` <-> `/users/{id}/...` equivalence into account, as the crate does,
//! so that all three answer the same corpus.

#![allow(dead_code)]

use msgraph_scopes::{tables, AuthMode};
use serde::Deserialize;
use std::path::Path;

// --- Normalisation ---------------------------------------------------------------------------

/// The hand normalisation a resource string needs before a router sees it: trimmed, lower-cased
/// (ASCII), without `https://host`, version or query, OData keys as segments (`name('x')` ->
/// `name/x`), empty pieces dropped, one leading `/`.
pub fn normalise(resource: &str) -> String {
    let lower = resource.trim().to_ascii_lowercase();
    let mut rest = lower.as_str();
    for scheme in ["https://", "http://"] {
        if let Some(after) = rest.strip_prefix(scheme) {
            rest = after.find('/').map_or("", |i| &after[i..]);
            break;
        }
    }
    if let Some(q) = rest.find('?') {
        rest = &rest[..q];
    }
    rest = rest.trim_start_matches('/');
    for version in ["v1.0", "beta"] {
        if let Some(after) = rest.strip_prefix(version) {
            if after.is_empty() || after.starts_with('/') {
                rest = after;
                break;
            }
        }
    }
    let mut out = String::with_capacity(rest.len() + 2);
    for piece in rest.split('/').filter(|p| !p.is_empty()) {
        out.push('/');
        match (piece.find('('), piece.strip_suffix(')')) {
            (Some(open), Some(inner)) if open > 0 => {
                out.push_str(&piece[..open]);
                out.push('/');
                let key = &inner[open + 1..];
                let key = key
                    .strip_prefix('\'')
                    .and_then(|k| k.strip_suffix('\''))
                    .unwrap_or(key);
                out.push_str(key);
            }
            _ => out.push_str(piece),
        }
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// A template's shape: static segments lower-cased, placeholders and OData keys as `None`.
pub fn shape(template: &str) -> Vec<Option<String>> {
    let mut out = Vec::new();
    for piece in template.split('/').filter(|p| !p.is_empty()) {
        if piece.starts_with('{') {
            out.push(None);
        } else if let (Some(open), true) = (piece.find('('), piece.ends_with(')')) {
            out.push(Some(piece[..open].to_ascii_lowercase()));
            out.push(None);
        } else {
            out.push(Some(piece.to_ascii_lowercase()));
        }
    }
    out
}

/// The `/me` <-> `/users/{id}` twin of a shape, if it has one.
pub fn twin(shape: &[Option<String>]) -> Option<Vec<Option<String>>> {
    match shape {
        [Some(users), None, rest @ ..] if users == "users" => {
            Some([vec![Some("me".to_owned())], rest.to_vec()].concat())
        }
        [Some(me), rest @ ..] if me == "me" => {
            Some([vec![Some("users".to_owned()), None], rest.to_vec()].concat())
        }
        _ => None,
    }
}

/// A shape as a `matchit` route: `/users/{p1}/messages`.
pub fn matchit_route(shape: &[Option<String>]) -> String {
    let mut out = String::new();
    for (i, segment) in shape.iter().enumerate() {
        out.push('/');
        match segment {
            Some(s) => out.push_str(s),
            None => out.push_str(&format!("{{p{i}}}")),
        }
    }
    out
}

// --- matchit ---------------------------------------------------------------------------------

/// Every template of the data (and its `/me` <-> `/users/{id}` twin) in a `matchit` router;
/// templates of the same shape share one route, whose value is its index in [`Matchit::routes`].
pub struct Matchit {
    pub router: matchit::Router<usize>,
    pub routes: Vec<String>,
}

impl Matchit {
    pub fn build() -> Matchit {
        let mut routes: Vec<String> = Vec::new();
        for table in tables() {
            for row in table.rows() {
                for template in row.templates() {
                    let shape = shape(template.path());
                    let twin = twin(&shape);
                    for s in std::iter::once(shape).chain(twin) {
                        let route = matchit_route(&s);
                        if !routes.contains(&route) {
                            routes.push(route);
                        }
                    }
                }
            }
        }
        let mut router = matchit::Router::new();
        for (i, route) in routes.iter().enumerate() {
            router
                .insert(route.as_str(), i)
                .unwrap_or_else(|e| panic!("{route}: {e}"));
        }
        Matchit { router, routes }
    }

    /// Normalises and routes one resource string: the index of the route it matches.
    #[inline]
    pub fn at(&self, resource: &str) -> Option<usize> {
        let path = normalise(resource);
        self.router.at(&path).ok().map(|m| *m.value)
    }
}

// --- Runtime: parse the YAML at start-up, scan at lookup ---------------------------------------

#[derive(Deserialize)]
struct TableFile {
    api: String,
    operation: String,
    rows: Vec<RowFile>,
}

#[derive(Deserialize)]
struct RowFile {
    #[serde(rename = "type")]
    resource_type: String,
    qualifier: Option<String>,
    label: Option<String>,
    #[serde(default)]
    paths: Vec<String>,
    #[serde(rename = "delegated-work")]
    delegated_work: CellFile,
    #[serde(rename = "delegated-personal")]
    delegated_personal: CellFile,
    application: CellFile,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum CellFile {
    Permissions(Vec<String>),
    Text(String),
}

#[derive(Deserialize)]
struct ResourcesFile {
    resources: Vec<ResourceFile>,
}

#[derive(Deserialize)]
struct ResourceFile {
    rows: Vec<MatcherFile>,
    #[serde(default)]
    templates: Vec<TemplateFile>,
}

#[derive(Deserialize)]
struct MatcherFile {
    #[serde(rename = "type")]
    resource_type: String,
    text: Option<String>,
}

#[derive(Deserialize)]
struct TemplateFile {
    path: String,
    #[serde(default)]
    modes: Vec<String>,
}

/// One table, as a runtime implementation would hold it.
pub struct RtTable {
    /// `data/tables/<api>/<operation>.yaml`.
    pub file: String,
    pub rows: Vec<RtRow>,
}

pub struct RtRow {
    pub resource_type: String,
    /// Indexed like `AuthMode::ALL`; `None` = not supported.
    pub cells: [Option<Vec<String>>; 3],
}

/// One template shape, with the rows of every table it stands for.
pub struct RtShape {
    pub shape: Vec<Option<String>>,
    /// The static segments, for comparing specificity (a static segment beats a placeholder).
    pub specificity: Vec<bool>,
    /// (table index, row index, mode bits, template as written).
    pub rows: Vec<(usize, usize, u8, String)>,
}

/// The tables parsed from `data/` at start-up, and every distinct template shape.
pub struct Runtime {
    pub tables: Vec<RtTable>,
    pub shapes: Vec<RtShape>,
}

fn loose(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join(" ").trim_end_matches('.').to_lowercase()
}

fn mode_index(mode: AuthMode) -> usize {
    AuthMode::ALL.iter().position(|&m| m == mode).unwrap_or(0)
}

impl Runtime {
    /// Reads and parses `root/data/tables/*/*.yaml` and `root/data/resources.yaml`.
    pub fn start(root: &Path) -> Runtime {
        let read = |p: &Path| {
            std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        };
        let data = root.join("data");
        let resources: ResourcesFile =
            serde_yaml::from_str(&read(&data.join("resources.yaml"))).expect("resources.yaml");
        let mut files = Vec::new();
        for dir in std::fs::read_dir(data.join("tables")).expect("data/tables") {
            for file in std::fs::read_dir(dir.expect("dir").path()).expect("data/tables/*") {
                let path = file.expect("file").path();
                if path.extension().is_some_and(|e| e == "yaml") {
                    files.push(path);
                }
            }
        }
        files.sort();
        let mut tables = Vec::new();
        let mut shapes: Vec<RtShape> = Vec::new();
        let mut add = |shape: Vec<Option<String>>, entry: (usize, usize, u8, String)| match shapes
            .iter_mut()
            .find(|s| s.shape == shape)
        {
            Some(s) => s.rows.push(entry),
            None => shapes.push(RtShape {
                specificity: shape.iter().map(Option::is_some).collect(),
                shape,
                rows: vec![entry],
            }),
        };
        for path in files {
            let file: TableFile = serde_yaml::from_str(&read(&path))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let table = tables.len();
            let mut rows = Vec::new();
            for (r, row) in file.rows.into_iter().enumerate() {
                let mut written: Vec<(String, u8)> =
                    row.paths.iter().map(|p| (p.clone(), 0b111)).collect();
                for entry in &resources.resources {
                    let matches = entry.rows.iter().any(|m| {
                        m.resource_type.eq_ignore_ascii_case(&row.resource_type)
                            && m.text.as_deref().is_none_or(|t| {
                                let t = loose(t);
                                row.qualifier.as_deref().map(loose) == Some(t.clone())
                                    || row.label.as_deref().map(loose) == Some(t)
                            })
                    });
                    if matches {
                        for t in &entry.templates {
                            let modes = if t.modes.is_empty() {
                                0b111
                            } else {
                                AuthMode::ALL
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, m)| t.modes.iter().any(|n| n == m.as_str()))
                                    .fold(0, |bits, (i, _)| bits | 1 << i)
                            };
                            written.push((t.path.clone(), modes));
                        }
                    }
                }
                for (template, modes) in written {
                    let shape = shape(&template);
                    if let Some(twin) = twin(&shape) {
                        add(twin, (table, r, modes, template.clone()));
                    }
                    add(shape, (table, r, modes, template));
                }
                let cell = |c: CellFile| match c {
                    CellFile::Permissions(p) => Some(p),
                    CellFile::Text(_) => None,
                };
                rows.push(RtRow {
                    resource_type: row.resource_type,
                    cells: [
                        cell(row.delegated_work),
                        cell(row.delegated_personal),
                        cell(row.application),
                    ],
                });
            }
            let name = path.strip_prefix(root).unwrap_or(&path);
            tables.push(RtTable {
                file: name.to_string_lossy().replace('\\', "/"),
                rows,
            });
        }
        Runtime { tables, shapes }
    }

    /// The index of the table read from `file` (`data/tables/v1.0/create.yaml`).
    pub fn table_of_file(&self, file: &str) -> Option<usize> {
        self.tables.iter().position(|t| t.file == file)
    }

    pub fn template_count(&self) -> usize {
        self.shapes.iter().map(|s| s.rows.len()).sum()
    }

    /// Normalises the resource and scans every template shape; the most specific match wins
    /// (a static segment beats a placeholder, earliest difference first), whatever the table.
    /// Then the row of `table` for that shape, preferring a template that stands for `mode`.
    /// Returns the row and the template as written.
    pub fn lookup(&self, table: usize, resource: &str, mode: AuthMode) -> Option<(&RtRow, &str)> {
        let path = normalise(resource);
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let mut best: Option<&RtShape> = None;
        for s in &self.shapes {
            if s.shape.len() != segments.len() {
                continue;
            }
            let matched = s.shape.iter().zip(&segments).all(|(s, seg)| match s {
                Some(s) => s == seg,
                None => true,
            });
            if matched && best.is_none_or(|b| s.specificity > b.specificity) {
                best = Some(s);
            }
        }
        let bit = 1u8 << mode_index(mode);
        let in_table = || {
            best.into_iter()
                .flat_map(|b| &b.rows)
                .filter(|r| r.0 == table)
        };
        let (_, row, _, template) = in_table()
            .find(|r| r.2 & bit != 0)
            .or_else(|| in_table().next())?;
        Some((&self.tables[table].rows[*row], template.as_str()))
    }

    /// The permissions `mode` needs for the row, when supported.
    pub fn permissions<'a>(&self, row: &'a RtRow, mode: AuthMode) -> Option<&'a [String]> {
        row.cells[mode_index(mode)].as_deref()
    }
}
