//! Reading `data/`: files to typed documents with positions, every problem collected.

use super::problem::Problem;
use super::request_schema::RequestsFile;
use super::schema::{
    CatalogFile, CoverageFile, ErrataFile, LifetimesFile, ResourcesFile, RulesFile, TableFile,
};
use super::yaml_positions::Positions;
use serde::de::DeserializeOwned;
use std::fs;
use std::path::{Path, PathBuf};

/// One parsed YAML file.
#[derive(Debug)]
pub struct Doc<T> {
    /// The file as it is named in messages (`data/resources.yaml`).
    pub file: String,
    /// Its content.
    pub value: T,
    /// Where its nodes start.
    pub pos: Positions,
}

impl<T> Doc<T> {
    /// A problem at the node `path` of this file.
    pub fn problem(
        &self,
        path: &[super::yaml_positions::Step],
        message: impl Into<String>,
    ) -> Problem {
        let at = self.pos.at(path);
        Problem {
            file: self.file.clone(),
            line: at.line,
            col: at.col,
            message: message.into(),
        }
    }
}

/// Everything `data/` holds, parsed.
#[derive(Debug, Default)]
pub struct Inputs {
    /// `data/tables/<api>/<operation>.yaml`, in path order.
    pub tables: Vec<Doc<TableFile>>,
    /// `data/resources.yaml`.
    pub resources: Option<Doc<ResourcesFile>>,
    /// `data/errata.yaml`.
    pub errata: Option<Doc<ErrataFile>>,
    /// `data/catalog.yaml`.
    pub catalog: Option<Doc<CatalogFile>>,
    /// `data/coverage.yaml`.
    pub coverage: Option<Doc<CoverageFile>>,
    /// `data/rules.yaml`.
    pub rules: Option<Doc<RulesFile>>,
    /// `data/lifetimes.yaml`.
    pub lifetimes: Option<Doc<LifetimesFile>>,
    /// `data/requests/<area>.yaml`, in path order.
    pub requests: Vec<Doc<RequestsFile>>,
    /// Whether `data/requests/` was left unread because the request matrix is not wanted (the
    /// library's feature `requests` is off): the generator then compiles an empty request trie.
    pub requests_left_out: bool,
    /// Every file and directory read, for `cargo:rerun-if-changed`.
    pub read: Vec<PathBuf>,
    /// Files that exist but did not parse (their problem is already reported).
    pub unreadable: Vec<String>,
}

/// Parses one YAML text; a syntax or shape error becomes a problem at serde_yaml's position.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<Doc<T>, Problem> {
    match serde_yaml::from_str::<T>(text) {
        Ok(value) => Ok(Doc {
            file: file.to_owned(),
            value,
            pos: Positions::index(text),
        }),
        Err(err) => {
            let (line, col) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
            let message = err.to_string();
            // serde_yaml appends " at line L column C"; the prefix already says where.
            let message = match message.find(" at line ") {
                Some(cut) => message[..cut].to_owned(),
                None => message,
            };
            Err(Problem {
                file: file.to_owned(),
                line,
                col,
                message,
            })
        }
    }
}

/// Reads `root/data/` (`data/requests/` only when `with_requests`). Problems with one file do
/// not stop the others from being read.
pub fn read(root: &Path, with_requests: bool) -> (Inputs, Vec<Problem>) {
    let mut inputs = Inputs::default();
    let mut problems = Vec::new();
    let data = root.join("data");
    let tables_dir = data.join("tables");
    inputs.read.push(tables_dir.clone());

    let mut table_files = Vec::new();
    match fs::read_dir(&tables_dir) {
        Ok(versions) => {
            for version in versions.flatten() {
                let Ok(files) = fs::read_dir(version.path()) else {
                    continue;
                };
                for file in files.flatten() {
                    let path = file.path();
                    if path.extension().is_some_and(|e| e == "yaml") {
                        table_files.push(path);
                    }
                }
            }
        }
        Err(err) => problems.push(missing(&relative(root, &tables_dir), &err)),
    }
    table_files.sort();
    for path in table_files {
        if let Some(doc) = read_one(
            root,
            &path,
            (&mut inputs.read, &mut inputs.unreadable),
            &mut problems,
        ) {
            inputs.tables.push(doc);
        }
    }
    inputs.resources = read_one(
        root,
        &data.join("resources.yaml"),
        (&mut inputs.read, &mut inputs.unreadable),
        &mut problems,
    );
    inputs.errata = read_one(
        root,
        &data.join("errata.yaml"),
        (&mut inputs.read, &mut inputs.unreadable),
        &mut problems,
    );
    inputs.catalog = read_one(
        root,
        &data.join("catalog.yaml"),
        (&mut inputs.read, &mut inputs.unreadable),
        &mut problems,
    );
    inputs.coverage = read_one(
        root,
        &data.join("coverage.yaml"),
        (&mut inputs.read, &mut inputs.unreadable),
        &mut problems,
    );
    inputs.rules = read_one(
        root,
        &data.join("rules.yaml"),
        (&mut inputs.read, &mut inputs.unreadable),
        &mut problems,
    );
    inputs.lifetimes = read_one(
        root,
        &data.join("lifetimes.yaml"),
        (&mut inputs.read, &mut inputs.unreadable),
        &mut problems,
    );
    if !with_requests {
        inputs.requests_left_out = true;
        return (inputs, problems);
    }
    let requests_dir = data.join("requests");
    inputs.read.push(requests_dir.clone());
    let mut request_files: Vec<PathBuf> = match fs::read_dir(&requests_dir) {
        Ok(files) => files
            .flatten()
            .map(|f| f.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect(),
        Err(err) => {
            problems.push(missing(&relative(root, &requests_dir), &err));
            Vec::new()
        }
    };
    request_files.sort();
    for path in request_files {
        if let Some(doc) = read_one(
            root,
            &path,
            (&mut inputs.read, &mut inputs.unreadable),
            &mut problems,
        ) {
            inputs.requests.push(doc);
        }
    }
    (inputs, problems)
}

fn read_one<T: DeserializeOwned>(
    root: &Path,
    path: &Path,
    (read, unreadable): (&mut Vec<PathBuf>, &mut Vec<String>),
    problems: &mut Vec<Problem>,
) -> Option<Doc<T>> {
    let name = relative(root, path);
    match fs::read_to_string(path) {
        Ok(text) => {
            read.push(path.to_owned());
            parse(&name, &text)
                .map_err(|p| {
                    problems.push(p);
                    unreadable.push(name.clone());
                })
                .ok()
        }
        Err(err) => {
            problems.push(missing(&name, &err));
            None
        }
    }
}

fn missing(name: &str, err: &std::io::Error) -> Problem {
    Problem {
        file: name.to_owned(),
        line: 0,
        col: 0,
        message: format!("cannot read: {err}"),
    }
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
