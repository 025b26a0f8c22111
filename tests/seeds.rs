//! The two seed pages the project started from: every row is answerable, and every cell is
//! what the newest table says, or the difference is recorded in `data/superseded.yaml`.
//!
//! The seeds are imported from `../shared/upstream/seeds/` with the crate's own importer. Where
//! the sources are absent the checks that need them say so (and fail when
//! `MSGRAPH_SCOPES_REQUIRE_SOURCES` is set, as `.ci/run` does); the data file's own consistency
//! is checked either way.
#![cfg(feature = "import")]

use msgraph_scopes::import::docs::import_page;
use msgraph_scopes::import::schema::{Cell, TableRow};
use msgraph_scopes::{lookup, table, ApiVersion, AuthMode, LookupError, Operation, Row};
use serde::Deserialize;
use std::path::{Path, PathBuf};

const SUPERSEDED: &str = include_str!("../data/superseded.yaml");

/// `data/superseded.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SupersededFile {
    superseded: Vec<OlderTable>,
}

/// One older edition of a table and how the newest one differs from it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OlderTable {
    /// The older page, relative to `upstream/graph-docs/` (as `source.file` records it).
    file: String,
    api: String,
    operation: String,
    /// The newest page, which wins.
    by: String,
    rows: Vec<OlderRow>,
}

/// A row of the older table that needs a word: a resource string that finds its row today
/// (when the row itself gives none that does), and the cells the newest table changed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OlderRow {
    /// The row as the older page shows it: `type (qualifier)` or its first path.
    row: String,
    /// A resource string standing for the row, when its type and paths find no row today.
    #[serde(default)]
    probe: Option<String>,
    /// What the reason for the probe is, or what changed.
    note: String,
    #[serde(default)]
    changed: Vec<Change>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Change {
    mode: String,
    was: Cell,
    now: Cell,
}

fn superseded() -> SupersededFile {
    serde_yaml::from_str(SUPERSEDED).unwrap_or_else(|e| panic!("data/superseded.yaml: {e}"))
}

fn seeds_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/upstream/seeds");
    if dir.is_dir() {
        return Some(dir);
    }
    let message = format!("the seed pages are absent (no directory {})", dir.display());
    assert!(
        std::env::var_os("MSGRAPH_SCOPES_REQUIRE_SOURCES").is_none(),
        "{message}"
    );
    eprintln!("SKIPPED seed checks: {message}");
    None
}

/// How a row is named in `data/superseded.yaml`.
fn row_name(row: &TableRow) -> String {
    match (&row.qualifier, row.paths.first()) {
        (Some(q), _) => format!("{} ({q})", row.resource_type),
        (None, Some(path)) => path.clone(),
        (None, None) => row.resource_type.clone(),
    }
}

/// The seed's cell as the compiled data answers it today.
fn answer_now(
    api: ApiVersion,
    operation: Operation,
    resource: &str,
    mode: AuthMode,
) -> Result<Cell, String> {
    match lookup(api, operation, resource, mode) {
        Ok(answer) => Ok(Cell::Permissions(
            answer
                .permissions()
                .iter()
                .map(|p| p.name().to_owned())
                .collect(),
        )),
        Err(LookupError::NotSupported { .. }) => Ok(Cell::NotSupported),
        Err(e) => Err(format!("`{resource}` is not answerable: {e}")),
    }
}

fn cell_of(row: Row, mode: AuthMode) -> Cell {
    match row.cell(mode) {
        Some(p) => Cell::Permissions(p.iter().map(|p| p.name().to_owned()).collect()),
        None => Cell::NotSupported,
    }
}

fn seed_cell(row: &TableRow, mode: AuthMode) -> &Cell {
    match mode {
        AuthMode::DelegatedWork => &row.delegated_work,
        AuthMode::DelegatedPersonal => &row.delegated_personal,
        AuthMode::Application => &row.application,
    }
}

#[test]
fn superseded_data_is_well_formed() {
    let file = superseded();
    assert!(!file.superseded.is_empty());
    for older in &file.superseded {
        let api: ApiVersion = older.api.parse().expect("api");
        let operation: Operation = older.operation.parse().expect("operation");
        assert_eq!(
            table(api, operation).source().file,
            older.by,
            "{}: `by` must name the table's source",
            older.file
        );
        for row in &older.rows {
            assert!(
                row.probe.is_some() || !row.changed.is_empty(),
                "{}: `{}` says nothing",
                older.file,
                row.row
            );
            assert!(
                !row.note.trim().is_empty(),
                "{}: `{}` needs a note",
                older.file,
                row.row
            );
            for change in &row.changed {
                let mode: AuthMode = change.mode.parse().expect("mode");
                assert_eq!(
                    mode.as_str(),
                    change.mode,
                    "modes are spelt as data/ spells them"
                );
                assert_ne!(
                    change.was, change.now,
                    "{}: `{}` records no change",
                    older.file, row.row
                );
            }
            if let Some(probe) = &row.probe {
                for mode in AuthMode::ALL {
                    answer_now(api, operation, probe, mode)
                        .unwrap_or_else(|e| panic!("{}: {e}", older.file));
                }
            }
        }
    }
}

/// Every seed row is answerable today, and each cell is today's or a recorded change.
#[test]
fn every_seed_cell_is_answered_as_the_newest_table_says() {
    let Some(dir) = seeds_dir() else { return };
    let recorded = superseded();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 2, "the two seed pages");

    let mut problems = Vec::new();
    let mut used = 0;
    for page in &pages {
        let text = std::fs::read_to_string(page).expect("seed page");
        let seed =
            import_page(&text, &page.display().to_string()).unwrap_or_else(|e| panic!("{e}"));
        let api: ApiVersion = seed.api.parse().expect("api");
        let operation: Operation = seed.operation.parse().expect("operation");
        let Some(older) = recorded
            .superseded
            .iter()
            .find(|o| o.file == seed.source.file)
        else {
            problems.push(format!(
                "data/superseded.yaml has no entry for {}",
                seed.source.file
            ));
            continue;
        };
        assert!(
            (older.api.as_str(), older.operation.as_str())
                == (seed.api.as_str(), seed.operation.as_str())
        );
        for row in &seed.rows {
            let name = row_name(row);
            let entry = older.rows.iter().find(|r| r.row == name);
            used += usize::from(entry.is_some());
            // The resource strings that stand for the row: its paths, else the probe, else the
            // one row of its type (and qualifier) today.
            let probes: Vec<&str> = match entry.and_then(|e| e.probe.as_deref()) {
                Some(probe) => vec![probe],
                None => row.paths.iter().map(String::as_str).collect(),
            };
            let mut changes = Vec::new();
            for mode in AuthMode::ALL {
                let was = seed_cell(row, mode);
                let now = if probes.is_empty() {
                    let today: Vec<Row> = table(api, operation)
                        .rows_of_type(&row.resource_type)
                        .filter(|r| r.qualifier() == row.qualifier.as_deref())
                        .collect();
                    match today.as_slice() {
                        [one] => cell_of(*one, mode),
                        _ => {
                            problems.push(format!(
                                "{}: `{name}` matches {} rows today; give it a probe",
                                seed.source.file,
                                today.len()
                            ));
                            break;
                        }
                    }
                } else {
                    let mut answers = probes.iter().map(|p| answer_now(api, operation, p, mode));
                    match answers.next().expect("a probe") {
                        Ok(first) => {
                            if answers.any(|a| a.as_ref() != Ok(&first)) {
                                problems.push(format!(
                                    "{}: the paths of `{name}` answer differently",
                                    seed.source.file
                                ));
                            }
                            first
                        }
                        Err(e) => {
                            problems.push(format!("{}: {e}", seed.source.file));
                            break;
                        }
                    }
                };
                if *was != now {
                    changes.push(Change {
                        mode: mode.as_str().to_owned(),
                        was: was.clone(),
                        now,
                    });
                }
            }
            let listed: &[Change] = entry.map_or(&[], |e| &e.changed);
            if listed != changes.as_slice() {
                problems.push(format!(
                    "{}: `{name}`: data/superseded.yaml records {listed:?}, the sources say {changes:?}",
                    seed.source.file
                ));
            }
        }
    }
    let entries: usize = recorded.superseded.iter().map(|o| o.rows.len()).sum();
    if used != entries {
        problems.push(format!(
            "data/superseded.yaml has {} row entries that no seed row uses",
            entries - used
        ));
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
