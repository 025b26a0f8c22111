//! The compiled tables as a whole: each equal to its data file, row by row and cell by cell;
//! one rendered as a snapshot; and every template of every row resolving back to that row in
//! every mode it stands for.

use msgraph_scopes::{
    resolve, table, tables, ApiVersion, AuthMode, Operation, Row, RowMatch, Table, Template,
};
use std::collections::BTreeSet;

/// `v1.0_create`, `beta_getVapidPublicKey`: the names the data files use.
fn snapshot_name(api: ApiVersion, operation: Operation) -> String {
    format!("{}_{}", api.as_str(), operation.docs_name())
}

fn all_pairs() -> impl Iterator<Item = (ApiVersion, Operation)> {
    ApiVersion::ALL
        .into_iter()
        .flat_map(|api| Operation::ALL.into_iter().map(move |op| (api, op)))
}

/// The `Display` form of a table (one is enough: the round trip below proves the contents).
#[test]
fn a_table_renders_as_its_snapshot() {
    let (api, operation) = (ApiVersion::V1, Operation::Reauthorize);
    insta::assert_snapshot!(
        snapshot_name(api, operation),
        table(api, operation).to_string()
    );
}

/// What the compiled data holds for a cell, as the data file writes it: `None` = not
/// supported, else the names the docs print, in order.
#[cfg(feature = "import")]
fn documented(cell: Option<msgraph_scopes::Permissions>) -> Option<Vec<String>> {
    cell.map(|permissions| {
        permissions
            .iter()
            .map(|p| p.erratum().map_or(p.name(), |e| e.documented()).to_owned())
            .collect()
    })
}

/// Every compiled table equals its data file: the same rows in the same order, with the same
/// type, qualifier, label, paths, cells and RSC names. (This is what the build promises; the
/// drift checks in `src/import` prove the data files equal the sources.)
#[cfg(feature = "import")]
#[test]
fn every_compiled_table_equals_its_data_file() {
    use msgraph_scopes::import::schema::{Cell, TableFile};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for (api, operation) in all_pairs() {
        let compiled = table(api, operation);
        let path = root.join(compiled.data_file());
        let text = std::fs::read_to_string(&path).expect("the data file is readable");
        let file: TableFile = serde_yaml::from_str(&text).expect("the data file parses");
        assert_eq!(file.api, api.as_str());
        assert_eq!(file.operation, operation.docs_name());
        assert_eq!(compiled.rows().len(), file.rows.len(), "{}", path.display());
        for (row, written) in compiled.rows().zip(&file.rows) {
            let at = format!("{}: {written:?}", path.display());
            assert_eq!(row.resource_type(), written.resource_type, "{at}");
            assert_eq!(row.qualifier(), written.qualifier.as_deref(), "{at}");
            assert_eq!(row.label(), written.label.as_deref(), "{at}");
            assert_eq!(row.paths(), written.paths.as_slice(), "{at}");
            let cells = [
                &written.delegated_work,
                &written.delegated_personal,
                &written.application,
            ];
            let mut rsc = BTreeSet::new();
            for (mode, cell) in AuthMode::ALL.into_iter().zip(cells) {
                let expected = match cell {
                    Cell::NotSupported => None,
                    Cell::Permissions(names) => Some(names.clone()),
                };
                assert_eq!(documented(row.cell(mode)), expected, "{at} {mode}");
                rsc.extend(
                    row.cell(mode)
                        .into_iter()
                        .flat_map(|p| p.iter())
                        .filter(|p| p.is_rsc())
                        .map(|p| p.name().to_owned()),
                );
            }
            assert_eq!(rsc, written.rsc.iter().cloned().collect(), "{at}");
            count += 1;
        }
    }
    assert!(count > 14 * 40, "only {count} rows compared");
}

#[test]
fn tables_are_fourteen_distinct_and_substantial() {
    let pairs: BTreeSet<(ApiVersion, Operation)> =
        tables().map(|t| (t.api(), t.operation())).collect();
    assert_eq!(tables().len(), 14);
    assert_eq!(pairs.len(), 14, "{pairs:?}");
    assert_eq!(pairs, all_pairs().collect::<BTreeSet<_>>());
    for t in tables() {
        assert_eq!(t, table(t.api(), t.operation()));
        assert!(
            t.rows().len() > 40,
            "{} {} has only {} rows",
            t.api(),
            t.operation(),
            t.rows().len()
        );
        for row in t.rows() {
            assert_eq!(row.table(), t);
        }
    }
}

/// Checks that `resource` resolves to `row` of `t` under `mode`; describes the failure if not.
fn check(t: Table, row: Row, template: Template, mode: AuthMode, resource: &str) -> Option<String> {
    let header = format!(
        "{} {} {} `{}` ({}) via {resource:?}",
        t.api(),
        t.operation(),
        mode,
        row.resource_type(),
        row.title(),
    );
    let resolved = match resolve(resource) {
        Ok(r) => r,
        Err(e) => return Some(format!("{header}: resolve failed: {e}")),
    };
    if !resolved.is_match() {
        return Some(format!("{header}: no template matched"));
    }
    match resolved.row_in(t, mode) {
        Some(found) if found.row == row => None,
        Some(RowMatch {
            row: found,
            template: matched,
        }) => Some(format!(
            "{header}: template {} gave {found:?} via {matched}",
            template.path()
        )),
        None => Some(format!("{header}: no row in this table")),
    }
}

/// Every placeholder of `template` replaced by `id`.
fn substitute(template: &str, id: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(id);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn substitute_replaces_every_placeholder() {
    assert_eq!(
        substitute("/teams/{id}/channels/{channel-id}/messages", "X"),
        "/teams/X/channels/X/messages"
    );
    assert_eq!(
        substitute("/groups('{id}')/conversations", "AAMkAGI2"),
        "/groups('AAMkAGI2')/conversations"
    );
    assert_eq!(substitute("/chats", "X"), "/chats");
}

/// Realistic ids of the kinds Graph uses: Outlook ids, GUIDs, Teams thread ids, UPNs, drive ids.
const IDS: [&str; 5] = [
    "AAMkAGI2",
    "7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60",
    "19:abc@thread.tacv2",
    "adele.vance%40contoso.onmicrosoft.com",
    "b!Xy9_Zk-0Q",
];

#[test]
fn every_template_resolves_to_its_row_in_every_mode_it_applies_to() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for t in tables() {
        for row in t.rows() {
            for template in row.templates() {
                for mode in AuthMode::ALL {
                    if !template.applies_to(mode) {
                        continue;
                    }
                    checked += 1;
                    failures.extend(check(t, row, template, mode, template.path()));
                    // The same without the leading slash, and as a full URL.
                    let bare = template.path().trim_start_matches('/');
                    failures.extend(check(t, row, template, mode, bare));
                    let url = format!("https://graph.microsoft.com/{}/{bare}", t.api());
                    failures.extend(check(t, row, template, mode, &url));
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} checks");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn concrete_ids_in_place_of_placeholders_resolve_to_the_same_row() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for t in tables() {
        for row in t.rows() {
            for template in row.templates() {
                if !template.path().contains('{') {
                    continue;
                }
                for mode in AuthMode::ALL {
                    if !template.applies_to(mode) {
                        continue;
                    }
                    for id in IDS {
                        checked += 1;
                        let concrete = substitute(template.path(), id);
                        assert!(!concrete.contains(['{', '}']), "{concrete}");
                        failures.extend(check(t, row, template, mode, &concrete));
                    }
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} checks");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn rows_without_templates_are_reachable_by_type() {
    let mut failures = Vec::new();
    let mut pathless = 0;
    for t in tables() {
        for row in t.rows() {
            if row.templates().len() != 0 {
                continue;
            }
            pathless += 1;
            if !t.rows_of_type(row.resource_type()).any(|r| r == row) {
                failures.push(format!(
                    "{} {}: {row:?} is not among rows_of_type({:?})",
                    t.api(),
                    t.operation(),
                    row.resource_type()
                ));
            }
            // Type lookup ignores ASCII case.
            let upper = row.resource_type().to_ascii_uppercase();
            if !t.rows_of_type(&upper).any(|r| r == row) {
                failures.push(format!(
                    "{} {}: {row:?} is not among rows_of_type({upper:?})",
                    t.api(),
                    t.operation()
                ));
            }
        }
    }
    // The virtual event rows have no known path (data/resources.yaml says so).
    assert!(pathless > 0);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_row_has_a_supported_cell_with_nonempty_permissions() {
    let mut failures = Vec::new();
    for t in tables() {
        for row in t.rows() {
            let cells: Vec<_> = AuthMode::ALL
                .into_iter()
                .filter_map(|m| row.cell(m))
                .collect();
            if cells.is_empty() {
                failures.push(format!(
                    "{} {}: {row:?} supports no mode",
                    t.api(),
                    t.operation()
                ));
            }
            for cell in cells {
                if cell.is_empty() || cell.least().name().is_empty() {
                    failures.push(format!(
                        "{} {}: {row:?} has an empty cell",
                        t.api(),
                        t.operation()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Templates of one resource that have the same shape as an earlier one of the same resource (a
/// quoted key is a placeholder), so that the earlier one is reported as the match.
const SAME_SHAPE: [(&str, &str); 1] = [(
    "/groups('{id}')/conversations",
    "/groups/{id}/conversations",
)];

#[test]
fn each_template_is_reported_as_the_match_for_itself() {
    let mut failures = BTreeSet::new();
    for t in tables() {
        for row in t.rows() {
            for template in row.templates() {
                for mode in AuthMode::ALL
                    .into_iter()
                    .filter(|&m| template.applies_to(m))
                {
                    let Some(RowMatch {
                        template: matched, ..
                    }) = resolve(template.path())
                        .ok()
                        .and_then(|r| r.row_in(t, mode))
                    else {
                        continue; // reported by the test above
                    };
                    let expected = SAME_SHAPE
                        .iter()
                        .find(|(written, _)| *written == template.path())
                        .map_or(template.path(), |(_, first)| *first);
                    if matched != expected {
                        failures.insert(format!("{} -> {matched}", template.path()));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
