//! `data/equivalents.yaml` checked against the pages it cites: every `listed` path is a `GET`
//! path of the page's HTTP request section, exactly as printed; every form is (or begins with)
//! the first listed path and stands for the second (with the same rest); every refused form is
//! the path its page lists, and the page giving the reason exists. And every equivalent form
//! resolves, marked, to the row of the template it stands for, while refused forms stay unknown.
//!
//! Where the sources are absent the checks against the pages say so (and fail when
//! `MSGRAPH_SCOPES_REQUIRE_SOURCES` is set, as `.ci/run` does); the rest runs either way.
#![cfg(feature = "import")]

use msgraph_scopes::import::docs::api_paths::{http_request_paths, template_form};
use msgraph_scopes::import::extra_schema::EquivalentsFile;
use msgraph_scopes::{lookup, resolve, tables, ApiVersion, AuthMode, LookupError, Operation};
use std::path::PathBuf;

const DATA: &str = include_str!("../data/equivalents.yaml");
const GRAPH_DOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/upstream/graph-docs");

fn data() -> EquivalentsFile {
    serde_yaml::from_str(DATA).expect("data/equivalents.yaml parses")
}

fn graph_docs(test: &str) -> Option<PathBuf> {
    let root = PathBuf::from(GRAPH_DOCS);
    if root.is_dir() {
        return Some(root);
    }
    assert!(
        std::env::var_os("MSGRAPH_SCOPES_REQUIRE_SOURCES").is_none(),
        "{test}: the docs sources are absent (no directory {GRAPH_DOCS})"
    );
    eprintln!("SKIPPED {test}: the docs sources are absent");
    None
}

/// A path's segments for comparison: static segments lower case, `{}` for a placeholder.
fn shape(path: &str) -> Vec<String> {
    path.trim_matches('/')
        .split('/')
        .map(|s| {
            if s.starts_with('{') && s.ends_with('}') {
                String::from("{}")
            } else {
                s.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The rest of `path` after `prefix`, when `prefix` is its first segments.
fn rest_after(path: &str, prefix: &str) -> Option<Vec<String>> {
    let (path, prefix) = (shape(path), shape(prefix));
    (path.len() >= prefix.len() && path[..prefix.len()] == prefix[..])
        .then(|| path[prefix.len()..].to_vec())
}

#[test]
fn every_entry_rests_on_its_page() {
    let Some(root) = graph_docs("every_entry_rests_on_its_page") else {
        return;
    };
    let file = data();
    assert!(file.equivalents.len() >= 15, "{}", file.equivalents.len());
    let listed_on = |page: &str| -> Vec<String> {
        let text =
            std::fs::read_to_string(root.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        http_request_paths(&text)
            .into_iter()
            .map(|p| p.path)
            .collect()
    };
    for e in &file.equivalents {
        let paths = listed_on(&e.source);
        for listed in &e.listed {
            assert!(
                paths.contains(listed),
                "{}: `{listed}` is not a GET path of {}'s HTTP request section ({paths:?})",
                e.path,
                e.source
            );
        }
        let Some(form) = e.listed.first() else {
            panic!("{}: lists no path", e.path)
        };
        let rest = rest_after(&e.path, &template_form(form))
            .unwrap_or_else(|| panic!("{} does not begin with the listed {form}", e.path));
        match e.listed.get(1) {
            Some(target) => {
                let mut want = shape(&template_form(target));
                want.extend(rest);
                assert_eq!(
                    shape(&e.stands_for),
                    want,
                    "{}: stands_for is not {target} followed by the form's rest",
                    e.path
                );
            }
            None => assert!(
                e.note.is_some(),
                "{}: the page lists the form alone; say in `note` where {} comes from",
                e.path,
                e.stands_for
            ),
        }
    }
    for r in &file.refused {
        assert!(
            root.join(&r.source).is_file(),
            "{}: no page {}",
            r.path,
            r.source
        );
        if let (Some(listed), Some(page)) = (&r.listed, &r.listed_in) {
            assert!(
                listed_on(page).contains(listed),
                "{}: {page} does not list `{listed}`",
                r.path
            );
            assert_eq!(shape(&r.path), shape(&template_form(listed)), "{}", r.path);
        }
    }
}

#[test]
fn the_page_reader_reads_sections_not_examples() {
    let Some(root) = graph_docs("the_page_reader_reads_sections_not_examples") else {
        return;
    };
    let read = |page: &str| -> Vec<String> {
        let text = std::fs::read_to_string(root.join("api-paths/v1.0").join(page)).unwrap();
        http_request_paths(&text)
            .into_iter()
            .map(|p| p.path)
            .collect()
    };
    assert_eq!(
        read("user-list-events.md"),
        [
            "/me/events",
            "/users/{id | userPrincipalName}/events",
            "/me/calendar/events",
            "/users/{id | userPrincipalName}/calendar/events",
            "/me/calendars/{id}/events",
            "/users/{id | userPrincipalName}/calendars/{id}/events",
            "/me/calendarGroups/{id}/calendars/{id}/events",
            "/users/{id | userPrincipalName}/calendarGroups/{id}/calendars/{id}/events",
        ]
    );
    // drive-get: one HTTP request subsection per way to reach the drive, tabs in between.
    assert_eq!(
        read("drive-get.md"),
        [
            "/me/drive",
            "/users/{idOrUserPrincipalName}/drive",
            "/groups/{groupId}/drive",
            "/sites/{siteId}/drive",
            "/drives/{drive-id}"
        ]
    );
    // presence-get titles its section "HTTP Requests".
    assert_eq!(
        read("presence-get.md"),
        [
            "/me/presence",
            "/users/{id}/presence",
            "/communications/presences"
        ]
    );
}

/// Every equivalent form, with a concrete id in each placeholder, resolves in every table that
/// has its template's row to that row, marked with the form and source; every refused form stays
/// unknown under its modes, with its reason.
#[test]
fn forms_resolve_marked_and_refusals_stay_unknown() {
    let concrete = |path: &str| -> String {
        path.split('/')
            .map(|s| {
                if s.starts_with('{') {
                    "AAMkAGI2TG93AAA="
                } else {
                    s
                }
            })
            .collect::<Vec<_>>()
            .join("/")
    };
    let file = data();
    let mut checked = 0;
    for e in &file.equivalents {
        let input = concrete(&e.path);
        let resolved = resolve(&input).unwrap();
        let template = resolve(&e.stands_for).unwrap();
        for t in tables() {
            for mode in AuthMode::ALL {
                if !e.modes.is_empty() && !e.modes.iter().any(|m| m == mode.as_str()) {
                    continue;
                }
                let (Some(found), Some(want)) =
                    (resolved.row_in(t, mode), template.row_in(t, mode))
                else {
                    assert!(template.row_in(t, mode).is_none(), "{input} {t:?} {mode}");
                    continue;
                };
                assert_eq!(found, want, "{input} {mode}");
                let how = resolved.equivalence(t, mode).expect("marked");
                assert_eq!(how.source(), e.source);
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
    for r in &file.refused {
        let input = concrete(&r.path);
        for mode in AuthMode::ALL {
            if !r.modes.is_empty() && !r.modes.iter().any(|m| m == mode.as_str()) {
                continue;
            }
            assert_eq!(
                lookup(ApiVersion::V1, Operation::Create, &input, mode).map(|_| ()),
                Err(LookupError::UnknownResource),
                "{input} {mode}"
            );
            let refusal = resolve(&input).unwrap().refusal(mode).expect("a reason");
            assert_eq!(refusal.reason(), r.reason);
        }
    }
}
