//! The benchmark corpus (`benches/support/corpus.rs`) cannot rot: every entry resolves to a row,
//! every resource that has a template is covered, the forms the issue asks for are all there, and
//! the hand-built baselines the benches compare against (`benches/support/baselines.rs`) give the
//! same answers as the crate.

#[path = "../benches/support/baselines.rs"]
mod baselines;
#[path = "../benches/support/corpus.rs"]
mod corpus;

use corpus::CORPUS;
use msgraph_scopes::{lookup, resolve, tables, AuthMode, LookupError};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every table and mode in which `resource` finds a row: (table, mode, template, resource id).
fn rows_of(resource: &str) -> Vec<(msgraph_scopes::Table, AuthMode, &'static str, &'static str)> {
    let resolved = resolve(resource).unwrap_or_else(|e| panic!("{resource:?}: {e}"));
    let mut out = Vec::new();
    for t in tables() {
        for mode in AuthMode::ALL {
            if let Some(found) = resolved.row_in(t, mode) {
                out.push((t, mode, found.template, found.row.resource_id()));
            }
        }
    }
    out
}

#[test]
fn every_entry_resolves_to_a_row() {
    assert!(CORPUS.len() >= 150, "{} entries", CORPUS.len());
    let unique: BTreeSet<_> = CORPUS.iter().collect();
    assert_eq!(unique.len(), CORPUS.len(), "duplicate entries");
    let mut unresolved = Vec::new();
    for resource in CORPUS {
        if rows_of(resource).is_empty() {
            unresolved.push(*resource);
        }
    }
    assert!(unresolved.is_empty(), "no row for {unresolved:#?}");
}

#[test]
fn every_resource_with_a_template_is_covered() {
    let mut covered = BTreeSet::new();
    for resource in CORPUS {
        covered.extend(rows_of(resource).into_iter().map(|r| r.3));
    }
    let mut missing = BTreeSet::new();
    for t in tables() {
        for row in t.rows() {
            if row.templates().len() > 0 && !covered.contains(row.resource_id()) {
                missing.insert(row.resource_id());
            }
        }
    }
    assert!(missing.is_empty(), "no corpus entry for {missing:#?}");
}

#[test]
fn every_form_is_represented() {
    let count = |f: &dyn Fn(&str) -> bool| CORPUS.iter().filter(|s| f(s)).count();
    let forms: BTreeMap<&str, usize> = [
        ("full URL", count(&|s| s.starts_with("https://"))),
        ("query", count(&|s| s.contains('?'))),
        ("OData key", count(&|s| s.contains("('"))),
        ("Teams thread id", count(&|s| s.contains("@thread.tacv2"))),
        ("chat id", count(&|s| s.contains("@thread.v2"))),
        ("UPN", count(&|s| s.contains(".onmicrosoft.com"))),
        (
            "GUID",
            count(&|s| s.contains("-4d2a-") || s.contains("-8f93-") || s.contains("-5fad-")),
        ),
        ("placeholder", count(&|s| s.contains('{'))),
        (
            "mixed case",
            count(&|s| {
                s.split(['/', '?'])
                    .take(3)
                    .any(|seg| seg.starts_with(|c: char| c.is_ascii_uppercase()))
            }),
        ),
        (
            "/me",
            count(&|s| {
                s.trim_start_matches('/')
                    .to_ascii_lowercase()
                    .starts_with("me/")
            }),
        ),
    ]
    .into_iter()
    .collect();
    for (form, n) in &forms {
        assert!(*n >= 3, "only {n} entries of form {form}: {forms:?}");
    }
}

#[test]
fn the_baselines_answer_like_the_crate() {
    let matchit = baselines::Matchit::build();
    let runtime = baselines::Runtime::start(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert_eq!(runtime.tables.len(), tables().len());
    let mut checked = 0;
    for resource in CORPUS {
        // matchit: the route it matches has the shape of our template (or of its /me twin).
        let route = matchit
            .at(resource)
            .unwrap_or_else(|| panic!("matchit finds no route for {resource:?}"));
        let (_, _, template, _) = rows_of(resource)[0];
        let shape = baselines::shape(template);
        let routes = [
            Some(baselines::matchit_route(&shape)),
            baselines::twin(&shape).map(|t| baselines::matchit_route(&t)),
        ];
        assert!(
            routes.contains(&Some(matchit.routes[route].clone())),
            "{resource:?}: matchit {} vs {template}",
            matchit.routes[route]
        );
        // The runtime scan: the same row type and permissions in every table and mode.
        for t in tables() {
            let rt = runtime.table_of_file(t.data_file()).expect("table");
            for mode in AuthMode::ALL {
                let ours = match lookup(t.api(), t.operation(), resource, mode) {
                    Ok(a) => Some((
                        a.row().resource_type(),
                        Some(a.permissions().iter().map(|p| p.name()).collect::<Vec<_>>()),
                    )),
                    Err(LookupError::NotSupported { row, .. }) => Some((row.resource_type(), None)),
                    Err(_) => None,
                };
                let theirs = runtime.lookup(rt, resource, mode).map(|(row, _)| {
                    (
                        row.resource_type.as_str(),
                        runtime
                            .permissions(row, mode)
                            .map(|p| p.iter().map(String::as_str).collect::<Vec<_>>()),
                    )
                });
                // The crate corrects documented errata; compare the row, and the permissions
                // only where no erratum applies.
                match (&ours, &theirs) {
                    (Some(a), Some(b)) => {
                        assert_eq!(a.0, b.0, "{resource:?} in {} {mode}", t.data_file());
                        assert_eq!(
                            a.1.as_ref().map(Vec::len),
                            b.1.as_ref().map(Vec::len),
                            "{resource:?} in {} {mode}",
                            t.data_file()
                        );
                    }
                    (None, None) => {}
                    _ => panic!(
                        "{resource:?} in {} {mode}: ours {ours:?}, runtime {theirs:?}",
                        t.data_file()
                    ),
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, CORPUS.len() * tables().len() * 3);
}

#[path = "../benches/support/request_baseline.rs"]
mod request_baseline;
#[path = "../benches/support/request_corpus.rs"]
mod request_corpus;

/// The request corpus: at least 500 entries, each resolving for its method, every area of
/// `data/requests/` and every form the request bench is meant to cover there; and the `matchit`
/// baseline finds the same template for every entry.
#[test]
#[cfg(feature = "requests")]
fn the_request_corpus_resolves_and_the_baseline_agrees() {
    use msgraph_scopes::resolve_request;
    use request_corpus::REQUESTS;
    assert!(REQUESTS.len() >= 500, "{} entries", REQUESTS.len());
    let unique: BTreeSet<_> = REQUESTS.iter().map(|(m, u)| (m.as_str(), *u)).collect();
    assert_eq!(unique.len(), REQUESTS.len(), "duplicate entries");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let baseline = request_baseline::RequestMatchit::build(root);
    let mut failures = Vec::new();
    let mut areas = BTreeSet::new();
    for &(method, url) in REQUESTS {
        let ours = match resolve_request(method, url) {
            Ok(found) => found.template(),
            Err(e) => {
                failures.push(format!("{method} {url}: {e}"));
                continue;
            }
        };
        areas.insert(ours.split('/').nth(1).unwrap_or("").to_ascii_lowercase());
        let theirs = baseline.at(method, url);
        if theirs != Some(ours) {
            failures.push(format!("{method} {url}: ours {ours}, matchit {theirs:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {}:\n{}",
        failures.len(),
        REQUESTS.len(),
        failures.join("\n")
    );
    // Every area file of data/requests/ is named by some entry's template.
    let files: BTreeSet<String> = std::fs::read_dir(root.join("data/requests"))
        .expect("data/requests")
        .filter_map(|e| Some(e.ok()?.path().file_stem()?.to_str()?.to_ascii_lowercase()))
        .collect();
    let missing: Vec<_> = files.difference(&areas).collect();
    assert!(missing.is_empty(), "areas without an entry: {missing:?}");
    // The forms: casts, keys and functions, item paths, queries, full URLs, system segments.
    let count = |f: &dyn Fn(&str) -> bool| REQUESTS.iter().filter(|(_, u)| f(u)).count();
    let path = |u: &str| u.split('?').next().unwrap_or("").to_owned();
    let forms: [(&str, usize); 8] = [
        (
            "casts",
            count(&|u| path(u).contains("/microsoft.graph.") && !path(u).contains("()")),
        ),
        (
            "keys and functions",
            count(&|u| path(u).contains("('") || path(u).contains("=")),
        ),
        ("item paths", count(&|u| path(u).contains(":/"))),
        ("queries", count(&|u| u.contains('?'))),
        ("full URLs", count(&|u| u.starts_with("https://"))),
        (
            "$value",
            count(&|u| u.to_ascii_lowercase().contains("/$value")),
        ),
        ("$ref", count(&|u| u.contains("/$ref"))),
        ("$count", count(&|u| u.contains("/$count"))),
    ];
    for (form, n) in forms {
        let least = if form.starts_with('$') { 5 } else { 40 };
        assert!(n >= least, "{n} entries with {form}");
    }
}
