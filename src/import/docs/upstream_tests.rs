//! Tests against the shared docs sources; each says clearly that it was skipped when they are
//! absent. Also the (ignored) test that re-imports `data/tables/` from the newest pages.

use super::*;
use std::{eprintln, vec};

const GRAPH_DOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/upstream/graph-docs");

fn graph_docs(test: &str) -> Option<PathBuf> {
    let root = PathBuf::from(GRAPH_DOCS);
    if root.is_dir() {
        Some(root)
    } else {
        // `.ci/run` sets this: there, absent sources are a failure, not a skip.
        assert!(
            std::env::var_os("MSGRAPH_SCOPES_REQUIRE_SOURCES").is_none(),
            "{test}: the docs sources are absent (no directory {GRAPH_DOCS})"
        );
        eprintln!("SKIPPED {test}: the docs sources are absent (no directory {GRAPH_DOCS})");
        None
    }
}

/// The `.md` files of a folder, sorted (none if it is missing).
fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn latest_pages(root: &Path) -> Vec<PathBuf> {
    let mut files = pages(&root.join("latest/v1.0"));
    files.extend(pages(&root.join("latest/beta")));
    files
}

#[test]
fn every_page_imports_or_names_a_line() {
    let Some(root) = graph_docs("every_page_imports_or_names_a_line") else {
        return;
    };
    let mut files = latest_pages(&root);
    for dir in [
        "v1.0/api",
        "beta/api",
        "learn-rendered-2026/v1.0",
        "../seeds",
    ] {
        files.extend(pages(&root.join(dir)));
    }
    assert!(
        files.len() >= 14,
        "expected the docs pages under {GRAPH_DOCS}"
    );
    let mut failed = Vec::new();
    for path in &files {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).unwrap_or_default();
        match import_page(&text, &name) {
            Ok(table) => {
                // Deterministic: a second import gives the same bytes.
                let again = import_page(&text, &name).map(|t| table_yaml(&t).ok());
                assert_eq!(
                    again.ok().flatten(),
                    table_yaml(&table).ok(),
                    "importing {name} twice gave different YAML"
                );
                eprintln!("ok     {} rows  {}", table.rows.len(), source_file(&name))
            }
            Err(err) => {
                for problem in err.problems() {
                    assert!(
                        problem.line.is_some(),
                        "a page problem must name a line: {problem}"
                    );
                }
                eprintln!("FAILED {}:\n{err}", source_file(&name));
                failed.push(source_file(&name));
            }
        }
    }
    eprintln!(
        "{} of {} pages failed to import: {failed:?}",
        failed.len(),
        files.len()
    );
    let latest_failed: Vec<_> = failed.iter().filter(|f| f.starts_with("latest/")).collect();
    assert!(
        latest_failed.is_empty(),
        "the newest pages must import: {latest_failed:?}"
    );
}

/// The row counts `graph-docs/README.md` gives for the newest tables.
fn readme_counts(root: &Path) -> Vec<(String, usize)> {
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap_or_default();
    readme
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line
                .split('|')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            let file = cells.first().filter(|f| f.starts_with("latest/"))?;
            let rows = cells.last()?.parse().ok()?;
            Some((file.to_string(), rows))
        })
        .collect()
}

#[test]
fn newest_tables_have_the_readme_row_counts() {
    let Some(root) = graph_docs("newest_tables_have_the_readme_row_counts") else {
        return;
    };
    let counts = readme_counts(&root);
    assert_eq!(
        counts.len(),
        14,
        "README should list 14 newest tables: {counts:?}"
    );
    for (file, rows) in counts {
        let text = std::fs::read_to_string(root.join(&file)).unwrap_or_default();
        let table = import_page(&text, &format!("{GRAPH_DOCS}/{file}"));
        assert_eq!(
            table.map(|t| t.rows.len()).map_err(|e| e.to_string()),
            Ok(rows),
            "{file}"
        );
    }
}

#[test]
fn newest_tables_are_identified_and_sourced() {
    let Some(root) = graph_docs("newest_tables_are_identified_and_sourced") else {
        return;
    };
    let mut seen = Vec::new();
    for path in latest_pages(&root) {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let Ok(table) = import_page(&text, &name) else {
            continue;
        };
        assert!(
            table.source.page.starts_with("https://"),
            "{name}: {}",
            table.source.page
        );
        assert!(
            !table.source.as_of.is_empty() && table.source.as_of != UNDATED,
            "{name}"
        );
        assert!(table.source.file.starts_with("latest/"), "{name}");
        seen.push(format!("{}/{}", table.api, table.operation));
    }
    seen.sort();
    let mut want: Vec<String> = vec![];
    for api in ApiVersion::ALL {
        want.extend(
            Operation::ALL
                .iter()
                .map(|op| format!("{api}/{}", op.docs_name())),
        );
    }
    want.sort();
    assert_eq!(seen, want);
}

/// `data/tables/` is what the importer makes of the newest pages today (a drift check).
#[test]
fn data_tables_match_the_newest_pages() {
    let Some(root) = graph_docs("data_tables_match_the_newest_pages") else {
        return;
    };
    let out = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data/tables"));
    for path in latest_pages(&root) {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let fresh = import_page(&text, &name).map_err(|e| e.to_string());
        let fresh = fresh.and_then(|t| {
            let yaml = table_yaml(&t).map_err(|e| e.to_string())?;
            Ok((output_path(&out, &t), yaml))
        });
        let (target, yaml) = match fresh {
            Ok(pair) => pair,
            Err(err) => panic!("{name}: {err}"),
        };
        let stored = std::fs::read_to_string(&target).unwrap_or_default();
        assert!(
            stored == yaml,
            "{} differs from a fresh import of {}: re-import with `regenerate_data_tables`",
            target.display(),
            source_file(&name)
        );
    }
}

/// Re-imports `data/tables/` from the newest pages:
/// `cargo test --no-default-features --features import --lib regenerate_data_tables -- --ignored`.
#[test]
#[ignore = "writes data/tables/; run it to re-import the newest pages"]
fn regenerate_data_tables() {
    let Some(root) = graph_docs("regenerate_data_tables") else {
        return;
    };
    let out = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data/tables"));
    match import_files(&latest_pages(&root), &out, &ImportOptions::default()) {
        Ok(written) => {
            for path in written {
                eprintln!("wrote {}", path.display());
            }
        }
        Err(err) => panic!("import failed:\n{err}"),
    }
}
