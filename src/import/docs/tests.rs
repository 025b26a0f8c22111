//! Fixture tests: small invented tables, one per notation the docs pages use.

use super::*;
use std::vec;

const HEADER: &str = "| Supported resource | Delegated (work or school account) | Delegated (personal Microsoft account) | Application |\n|:-----|:-----|:-----|:-----|\n";
const FILE: &str = "fixtures/latest/v1.0/subscription-get.md";

/// A page: a source comment on line 1, a heading on line 2, the header on line 3, the
/// delimiter on line 4, so the first row is on line 5.
fn page(rows: &str) -> String {
    format!("<!-- source: https://example.test/api-reference/v1.0/api/subscription-get.md ; as-of: ms.date 01/02/2030 ; how: test -->\n## Permissions\n{HEADER}{rows}")
}

fn import_rows(rows: &str) -> Vec<TableRow> {
    match import_page(&page(rows), FILE) {
        Ok(table) => table.rows,
        Err(err) => panic!("fixture should import:\n{err}"),
    }
}

fn one_row(row: &str) -> TableRow {
    let rows = import_rows(&format!("{row}\n"));
    assert_eq!(rows.len(), 1, "{rows:?}");
    rows.into_iter().next().unwrap_or_else(|| unreachable!())
}

fn perms(names: &[&str]) -> Cell {
    Cell::Permissions(names.iter().map(|n| n.to_string()).collect())
}

fn import_err(text: &str) -> ImportError {
    match import_page(text, FILE) {
        Ok(table) => panic!("fixture should fail, got {table:?}"),
        Err(err) => err,
    }
}

fn lines_of(err: &ImportError) -> Vec<Option<usize>> {
    err.problems().iter().map(|p| p.line).collect()
}

#[test]
fn link_only() {
    let row = one_row("|[widget](../resources/widget.md) | Widget.Read | Not supported. | Widget.Read.All, Widget.ReadWrite.All |");
    assert_eq!(row.resource_type, "widget");
    assert_eq!((row.qualifier, row.label), (None, None));
    assert!(row.paths.is_empty() && row.rsc.is_empty());
    assert_eq!(row.delegated_work, perms(&["Widget.Read"]));
    assert_eq!(row.delegated_personal, Cell::NotSupported);
    assert_eq!(
        row.application,
        perms(&["Widget.Read.All", "Widget.ReadWrite.All"])
    );
}

#[test]
fn path_and_description_in_parentheses() {
    let rows = import_rows(concat!(
        "|[gadget](g.md) (/gadgets -- every gadget here) | Not supported | Not supported | Gadget.Read.All |\n",
        "|[gadget](g.md) (/gadgets/{id} – one  gadget) | Gadget.Read | Not supported | Gadget.Read.All |\n",
        "|[gadget](g.md) (/gadgets/{id}/parts) | Gadget.Read | Not supported | Gadget.Read.All |\n",
    ));
    let got: Vec<_> = rows
        .iter()
        .map(|r| (r.paths.clone(), r.label.clone(), r.qualifier.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                vec!["/gadgets".to_string()],
                Some("every gadget here".to_string()),
                None
            ),
            (
                vec!["/gadgets/{id}".to_string()],
                Some("one gadget".to_string()),
                None
            ),
            (vec!["/gadgets/{id}/parts".to_string()], None, None),
        ]
    );
}

#[test]
fn br_lines() {
    let rows = import_rows(concat!(
        "|[gizmo](z.md) <br /> `/gizmos/{id}` <br /> One gizmo. | Gizmo.Read | Not supported. | Gizmo.Read.All |\n",
        "|[gizmo](z.md)<br/>gizmos/{id}/parts<br/>Its parts. | Gizmo.Read | Not supported. | Gizmo.Read.All |\n",
        "|[gizmo](z.md)  <br>`/gizmos/getAll`.  <br>All gizmos. | Not supported. | Not supported. | Gizmo.Read.All |\n",
        "|[gizmo](z.md) <br />/gizmos/getAllParts. <br />All parts. | Not supported. | Not supported. | Gizmo.Read.All |\n",
        "|[gizmo](z.md) <br />`teams/{id}/gizmos` | Not supported. | Not supported. | Gizmo.Read.All |\n",
        "|[gizmo](z.md) <br />/teams <br />Every team. | Not supported. | Not supported. | Gizmo.Read.All |\n",
        "|[gizmo](z.md) <br />`/chats` | Not supported. | Not supported. | Gizmo.Read.All |\n",
        "|[gizmo](z.md)<br/>(/gizmos/{id}/bits)<br/>Bits of one gizmo. | Gizmo.Read | Not supported. | Gizmo.Read.All |\n",
    ));
    let got: Vec<_> = rows
        .iter()
        .map(|r| (r.paths.join(" "), r.label.clone().unwrap_or_default()))
        .collect();
    let want = [
        ("/gizmos/{id}", "One gizmo."),
        ("/gizmos/{id}/parts", "Its parts."),
        ("/gizmos/getAll", "All gizmos."),
        ("/gizmos/getAllParts", "All parts."),
        ("/teams/{id}/gizmos", ""),
        ("/teams", "Every team."),
        ("/chats", ""),
        ("/gizmos/{id}/bits", "Bits of one gizmo."),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(p, l)| (p.to_string(), l.to_string()))
        .collect();
    assert_eq!(got, want);
    assert!(rows
        .iter()
        .all(|r| r.resource_type == "gizmo" && r.qualifier.is_none()));
}

#[test]
fn qualifiers_and_description_lines() {
    let rows = import_rows(concat!(
        "|[folderItem](f.md) (someone's own folder) | Not supported. | Folder.ReadWrite | Not supported. |\n",
        "|[folderItem](f.md) (Folders for Teams) | Folder.ReadWrite.All | Not supported. | Folder.ReadWrite.All |\n",
        "|[oldThing](o.md) (deprecated) | Old.ReadWrite | Old.ReadWrite | Not supported |\n",
        "|[folderItem](f.md) <br />Someone's own folder. | Not supported. | Folder.ReadWrite | Not supported. |\n",
    ));
    let got: Vec<_> = rows
        .iter()
        .map(|r| (r.qualifier.as_deref(), r.label.as_deref(), r.paths.len()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("someone's own folder"), None, 0),
            (Some("Folders for Teams"), None, 0),
            (Some("deprecated"), None, 0),
            (None, Some("Someone's own folder."), 0),
        ]
    );
}

#[test]
fn text_before_the_link_joins_the_type() {
    let rows = import_rows(concat!(
        "|Contoso health [alert](a.md) <br />`/reports/contoso/alerts`| Alert.Read.All | Not supported. | Alert.Read.All |\n",
        "|[Contoso health  alert](a.md) <br />`/reports/contoso/alerts`| Alert.Read.All | Not supported. | Alert.Read.All |\n",
    ));
    for row in &rows {
        assert_eq!(row.resource_type, "Contoso health alert");
        assert_eq!(row.paths, ["/reports/contoso/alerts"]);
    }
}

#[test]
fn not_supported_variants() {
    let row = one_row("|[thing](t.md) |  Not supported  | Not supported.  |not supported . |");
    assert_eq!(
        [row.delegated_work, row.delegated_personal, row.application],
        [Cell::NotSupported, Cell::NotSupported, Cell::NotSupported]
    );
}

#[test]
fn star_marks_rsc() {
    let row = one_row(
        "|[room](r.md) <br />/rooms/{id} | Room.Read | Not supported. | Room.Read.Chat*, Room.Manage.Chat\\*, Room.Read.All |",
    );
    assert_eq!(
        row.application,
        perms(&["Room.Read.Chat", "Room.Manage.Chat", "Room.Read.All"])
    );
    assert_eq!(row.rsc, ["Room.Read.Chat", "Room.Manage.Chat"]);
}

#[test]
fn rsc_note_after_the_table() {
    let text = format!(
        "{}\n> [!NOTE]\n> - Some prose about something else.\n\n> [!NOTE]\n> The following permissions use [resource-specific consent](/rsc):\n> - Room.Read.Chat\n> - Hall.Read.Group\n",
        page(concat!(
            "|[room](r.md) | Room.Read | Not supported. | Room.Read.All, Room.Read.Chat |\n",
            "|[hall](h.md) | Not supported. | Not supported. | Hall.Read.Group, Room.Read.Chat, Hall.Read.All |\n",
            "|[yard](y.md) | Yard.Read | Not supported. | Yard.Read.All |\n",
        ))
    );
    let rows = import_page(&text, FILE).map(|t| t.rows).unwrap_or_default();
    let rsc: Vec<_> = rows.iter().map(|r| r.rsc.clone()).collect();
    assert_eq!(
        rsc,
        [
            vec!["Room.Read.Chat"],
            vec!["Hall.Read.Group", "Room.Read.Chat"],
            vec![]
        ]
    );
    // Names stay in the cells too.
    assert_eq!(
        rows.first().map(|r| r.application.clone()),
        Some(perms(&["Room.Read.All", "Room.Read.Chat"]))
    );
}

#[test]
fn a_note_before_the_table_is_not_the_rsc_list() {
    let text = format!(
        "> [!NOTE]\n> Read about [resource-specific consent](/rsc):\n> - Room.Read.All\n\n{}",
        page("|[room](r.md) | Room.Read | Not supported. | Room.Read.All |\n")
    );
    let rows = import_page(&text, FILE).map(|t| t.rows).unwrap_or_default();
    assert_eq!(rows.len(), 1);
    assert!(rows.iter().all(|r| r.rsc.is_empty()));
}

#[test]
fn bad_rsc_note_item_names_its_line() {
    let text = format!(
        "{}\n> [!NOTE]\n> These use resource-specific consent:\n> - Room.Read.Chat\n> - see the docs\n",
        page("|[room](r.md) | Room.Read | Not supported. | Room.Read.Chat |\n")
    );
    // Row on 5, blank 6, note 7-10: the bad bullet is line 10.
    assert_eq!(lines_of(&import_err(&text)), [Some(10)]);
}

#[test]
fn rendered_escapes_and_header() {
    let text = concat!(
        "<!-- Source: https://learn.example.test/graph/api/subscription-update?view=graph-rest-1.0 -->\n",
        "<!-- Sitemap-Last-Modified: 2030-01-02 -->\n",
        "| Supported resource | Delegated \\(work or school account\\) | Delegated \\(personal Microsoft account\\) | Application |\n",
        "| :--- | :--- | :--- | :--- |\n",
        "| [spot](https://learn.example.test/spot?view=graph-rest-1.0) \\(/spots/{id}\\) | Spot.Read | Not supported. | Spot.Read.Chat\\*, Spot.Read.All |\n",
        "| [spot](https://learn.example.test/spot?view=graph-rest-1.0) \\(deprecated\\) | Spot.Read | Spot.Read | Not supported. |\n",
        "| [spot\\_type](https://learn.example.test/spot)  <br>`spots/getAll`  <br>Every \\*spot\\*. | Not supported. | Not supported. | Spot.Read.All |\n",
    );
    let table = match import_page(text, "learn/subscription-update.permissions-excerpt.md") {
        Ok(table) => table,
        Err(err) => panic!("{err}"),
    };
    assert_eq!(
        (table.api.as_str(), table.operation.as_str()),
        ("v1.0", "update")
    );
    assert_eq!(table.source.as_of, "Sitemap-Last-Modified 2030-01-02");
    let got: Vec<_> = table
        .rows
        .iter()
        .map(|r| {
            (
                r.resource_type.as_str(),
                r.paths.join(" "),
                r.qualifier.as_deref(),
                r.label.as_deref(),
                r.rsc.len(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("spot", "/spots/{id}".to_string(), None, None, 1),
            ("spot", String::new(), Some("deprecated"), None, 0),
            (
                "spot_type",
                "/spots/getAll".to_string(),
                None,
                Some("Every *spot*."),
                0
            ),
        ]
    );
}

#[test]
fn rows_without_trailing_pipe_and_stray_spaces() {
    let rows = import_rows(concat!(
        "|[alpha](a.md) | Alpha.Read  |   Not supported.|Alpha.Read.All\n",
        "[beta](b.md) | Beta.Read , Beta.ReadWrite | Not supported | Beta.Read.All   \n",
    ));
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows.get(1).map(|r| r.delegated_work.clone()),
        Some(perms(&["Beta.Read", "Beta.ReadWrite"]))
    );
    assert_eq!(
        rows.get(1).map(|r| r.application.clone()),
        Some(perms(&["Beta.Read.All"]))
    );
}

#[test]
fn bad_permission_names_name_their_lines() {
    let err = import_err(&page(concat!(
        "|[alpha](a.md) | Alpha.Read | Not supported. | Alpha.Read.All |\n",
        "|[alpha](a.md) | Alpha.Read, see below | Not supported. | Alpha.Read.All |\n",
        "|[alpha](a.md) | Alpha.Read | Not supported. | Alpha.Read.All, |\n",
        "|[alpha](a.md) | | Not supported. | Alpha.Read.All |\n",
    )));
    assert_eq!(lines_of(&err), [Some(6), Some(7), Some(8)]);
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!("{FILE}:6: delegated-work cell: `see below`")),
        "{shown}"
    );
    assert_eq!(shown.lines().count(), 3);
}

#[test]
fn wrong_cell_counts_are_errors() {
    let err = import_err(&page(concat!(
        "|[alpha](a.md) | Alpha.Read | Alpha.Read.All |\n",
        "|[alpha](a.md) | Alpha.Read | Not supported. | Alpha.Read.All | Extra.Read |\n",
        "A stray paragraph line\n",
    )));
    assert_eq!(lines_of(&err), [Some(5), Some(6), Some(7)]);
    assert!(err.to_string().contains("has 3 cell(s); expected 4"));
}

#[test]
fn unclear_resource_cells_are_errors() {
    let err = import_err(&page(concat!(
        "|alpha | Alpha.Read | Not supported. | Alpha.Read.All |\n",
        "|[alpha](a.md) (/alphas/{id} all of them) | Alpha.Read | Not supported. | Alpha.Read.All |\n",
        "|[alpha](a.md) <br />One. <br />Two. | Alpha.Read | Not supported. | Alpha.Read.All |\n",
        "|[alpha](a.md) <br />see `/alphas` | Alpha.Read | Not supported. | Alpha.Read.All |\n",
    )));
    assert_eq!(lines_of(&err), [Some(5), Some(6), Some(7), Some(8)]);
}

#[test]
fn missing_table_is_an_error() {
    let text =
        "# Page\n\n| Context of the calling app | Response contains |\n|---|---|\n| x | y |\n";
    let err = import_err(text);
    assert_eq!(lines_of(&err), [Some(1)]);
    assert!(err.to_string().contains("no Permissions table"));
}

#[test]
fn other_tables_are_ignored() {
    let text = format!(
        "| Global service | Other cloud |\n|---|---|\n| yes | yes |\n\n{}",
        page("|[alpha](a.md) | Alpha.Read | Not supported. | Alpha.Read.All |\n")
    );
    assert_eq!(import_page(&text, FILE).map(|t| t.rows.len()), Ok(1));
}

#[test]
fn header_must_name_the_three_modes_in_order() {
    let text = "| Supported resource | Application | Delegated (work or school account) | Delegated (personal Microsoft account) |\n|---|---|---|---|\n|[alpha](a.md) | Alpha.Read | Not supported. | Alpha.Read.All |\n";
    let err = import_err(text);
    assert_eq!(lines_of(&err), [Some(1)]);
    let no_delimiter = "| Supported resource | Delegated (work or school account) | Delegated (personal Microsoft account) | Application |\n|[alpha](a.md) | Alpha.Read | Not supported. | Alpha.Read.All |\n";
    assert_eq!(lines_of(&import_err(no_delimiter)), [Some(2)]);
}

#[test]
fn front_matter_pages() {
    let text = format!(
        "---\ntitle: \"Update subscription\"\nms.date: 08/01/2024\n---\n\n# Update\n\n## Permissions\n\n{HEADER}|[alpha](a.md) | Alpha.Read | Not supported. | Alpha.Read.All |\n"
    );
    let table = import_page(&text, "/x/upstream/seeds/v1.0-subscription-update.md");
    let source = table.map(|t| (t.api, t.operation, t.source));
    assert_eq!(
        source,
        Ok((
            "v1.0".to_string(),
            "update".to_string(),
            Source {
                page: "api-reference/v1.0/api/subscription-update.md".to_string(),
                as_of: "ms.date 08/01/2024".to_string(),
                file: "../seeds/v1.0-subscription-update.md".to_string(),
            }
        ))
    );
    let undated = import_page(
        &format!("{HEADER}|[a](a.md) | A.Read | A.Read | A.Read |\n"),
        "beta/api/subscription-list.md",
    );
    assert_eq!(undated.map(|t| t.source.as_of), Ok(UNDATED.to_string()));
}

#[test]
fn page_table_inference_and_overrides() {
    let rows = "|[alpha](a.md) | Alpha.Read | Not supported. | Alpha.Read.All |\n";
    assert_eq!(
        page_table(
            "graph-docs/latest/beta/subscription-getvapidpublickey.md",
            ""
        ),
        Some(PageTable {
            api: ApiVersion::Beta,
            operation: Operation::GetVapidPublicKey
        })
    );
    let from_comment = format!(
        "<!-- source: https://github.example/x/blob/abc/api-reference/beta/api/subscription-post-subscriptions.md ; as-of: ms.date 1 -->\n{HEADER}{rows}"
    );
    assert_eq!(
        page_table("page.md", &from_comment),
        Some(PageTable {
            api: ApiVersion::Beta,
            operation: Operation::Create
        })
    );
    let plain = format!("{HEADER}{rows}");
    assert_eq!(page_table("page.md", &plain), None);
    let unknown = import_page(&plain, "page.md").map_err(|e| lines_of(&e));
    assert_eq!(unknown.map(|_| ()), Err(vec![Some(1), Some(1)]));
    let options = ImportOptions {
        api: Some(ApiVersion::Beta),
        operation: Some(Operation::Reauthorize),
    };
    let table =
        import_page_with(&plain, "page.md", &options).map(|t| (t.api, t.operation, t.source.page));
    assert_eq!(
        table,
        Ok((
            "beta".into(),
            "reauthorize".into(),
            "api-reference/beta/api/subscription-reauthorize.md".into()
        ))
    );
    // An override stands in for what cannot be told: the API version alone is not enough.
    let api_only = ImportOptions {
        api: Some(ApiVersion::V1),
        operation: None,
    };
    assert_eq!(
        import_page_with(&plain, "page.md", &api_only).map_err(|e| lines_of(&e)),
        Err(vec![Some(1)])
    );
    // The file name and the source address disagree.
    assert!(import_page(
        &from_comment,
        "latest/v1.0/subscription-post-subscriptions.md"
    )
    .is_err());
}

#[test]
fn deterministic_yaml() {
    let text = page(concat!(
        "|[gizmo](z.md) <br /> `/gizmos/{id}` <br /> One gizmo. | Gizmo.Read | Not supported. | Gizmo.Read.Chat*, Gizmo.Read.All |\n",
        "|[folderItem](f.md) (someone's own folder) | Not supported. | Folder.ReadWrite | Not supported. |\n",
    ));
    let first = import_page(&text, FILE).map(|t| table_yaml(&t).map_err(|e| e.to_string()));
    let second = import_page(&text, FILE).map(|t| table_yaml(&t).map_err(|e| e.to_string()));
    assert_eq!(first, second);
    let yaml = match first {
        Ok(Ok(yaml)) => yaml,
        other => panic!("{other:?}"),
    };
    assert!(yaml.starts_with(&format!(
        "# @generated by `msgraph-scopes import-docs` from {FILE}; do not edit: re-import instead\napi: v1.0\noperation: get\n"
    )));
    let back: TableFile = match serde_yaml::from_str(&yaml) {
        Ok(back) => back,
        Err(err) => panic!("{err}"),
    };
    assert_eq!(import_page(&text, FILE), Ok(back));
}

#[test]
fn import_files_writes_tables_and_refuses_duplicates() {
    let dir = std::env::temp_dir().join(format!("msgraph-scopes-docs-test-{}", std::process::id()));
    let input = dir.join("in/v1.0/subscription-getvapidpublickey.md");
    let out = dir.join("out");
    let written = std::fs::create_dir_all(dir.join("in/v1.0"))
        .and_then(|()| {
            std::fs::write(
                &input,
                format!("{HEADER}|[a](a.md) | A.Read | Not supported. | A.Read.All |\n"),
            )
        })
        .map_err(|e| e.to_string())
        .and_then(|()| {
            import_files(
                std::slice::from_ref(&input),
                &out,
                &ImportOptions::default(),
            )
            .map_err(|e| e.to_string())
        });
    assert_eq!(written, Ok(vec![out.join("v1.0/getVapidPublicKey.yaml")]));
    let twice = import_files(
        &[input.clone(), input.clone()],
        &out,
        &ImportOptions::default(),
    );
    assert!(twice.is_err_and(|e| e.to_string().contains("same table")));
    let missing = import_files(&[dir.join("absent.md")], &out, &ImportOptions::default());
    assert!(missing.is_err_and(|e| e.problems().iter().all(|p| p.line.is_none())));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn mangled_pages_never_panic() {
    let text = format!(
        "{}\n> [!NOTE]\n> resource-specific consent:\n> - Room.Read.Chat\n",
        page(concat!(
            "|Pre [gizmo](z.md(x)) <br /> `/gizmos/{id}`. <br>(/a/{b} -- c) | Gizmo.Read\\* | Not supported. | Room.Read.Chat, G.R\n",
            "|[folder](f.md) \\(someone's (own) folder\\) | Not supported. | Folder.ReadWrite | Not supported. |\n",
        ))
    );
    let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    for &at in &boundaries {
        let (head, tail) = (
            text.get(..at).unwrap_or_default(),
            text.get(at..).unwrap_or_default(),
        );
        let cut: String = tail.chars().skip(1).collect();
        let _ = import_page(&format!("{head}{cut}"), FILE);
        for insert in [
            "|", "(", ")", "[", "]", "`", "\\", "<br>", "*", "\n", "é", "--",
        ] {
            let _ = import_page(&format!("{head}{insert}{tail}"), FILE);
        }
        let _ = import_page(head, FILE);
    }
}
