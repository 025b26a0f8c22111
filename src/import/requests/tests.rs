//! The request importer's tests: the order rule, the repairs and merges on small fixtures, and
//! the drift check against the shared sources.

use super::order::{access_rank, order, Candidate};
use super::repair::repair;
use super::*;
use std::borrow::ToOwned;
use std::path::Path;
use std::println;
use std::string::ToString;

fn source() -> CatalogSource {
    CatalogSource {
        repository: "microsoftgraph/microsoft-graph-devx-content".to_owned(),
        commit: "0123456789abcdef0123456789abcdef01234567".to_owned(),
        as_of: "2026-01-02".to_owned(),
    }
}

fn candidate(name: &str, marked: bool, methods: usize, level: Option<u8>) -> Candidate {
    Candidate {
        name: name.to_owned(),
        marked,
        methods,
        level,
    }
}

#[test]
fn access_is_read_from_the_name() {
    assert_eq!(access_rank("Mail.ReadBasic"), 0);
    assert_eq!(access_rank("Mail.ReadBasic.All"), 0);
    assert_eq!(access_rank("User.Read.All"), 1);
    assert_eq!(access_rank("Group-NestingSupport.ReadWrite.All"), 2);
    assert_eq!(access_rank("Mail.Send"), 3);
    assert_eq!(access_rank("Sites.FullControl.All"), 3);
}

#[test]
fn the_least_is_chosen_by_level_then_narrowness_then_access_then_name() {
    // Two marked at one level: the narrower path set wins, whatever the names say.
    let o = order(vec![
        candidate("Mail.ReadWrite", true, 3, Some(3)),
        candidate("Mail.ReadBasic", true, 1, Some(3)),
        candidate("Mail.Read", false, 1, Some(3)),
    ]);
    assert_eq!(o.names, ["Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite"]);
    assert_eq!(
        o.choice,
        Some((
            vec!["Mail.ReadBasic".to_owned(), "Mail.ReadWrite".to_owned()],
            "narrower"
        ))
    );
    // Same level and narrowness: the access named decides.
    let o = order(vec![
        candidate("Group-NestingSupport.ReadWrite.All", true, 1, Some(2)),
        candidate("Group.ReadBasic.All", true, 1, Some(2)),
    ]);
    assert_eq!(o.names[0], "Group.ReadBasic.All");
    assert_eq!(o.choice.map(|c| c.1), Some("access"));
    // A lower level wins over a better name; an unknown level comes last.
    let o = order(vec![
        candidate("A.ReadBasic", true, 1, None),
        candidate("B.ReadWrite", true, 5, Some(1)),
    ]);
    assert_eq!(o.names, ["B.ReadWrite", "A.ReadBasic"]);
    assert_eq!(o.choice.map(|c| c.1), Some("privilege-level"));
    // One marked: no choice recorded, even when an unmarked one would sort first.
    let o = order(vec![
        candidate("X.ReadWrite", true, 2, Some(3)),
        candidate("X.Read", false, 1, Some(1)),
    ]);
    assert_eq!(o.names, ["X.ReadWrite", "X.Read"]);
    assert_eq!(o.choice, None);
    // None marked: the same order over all, recorded with an empty mark list.
    let o = order(vec![
        candidate("Y.Read.All", false, 1, Some(2)),
        candidate("Y.Read", false, 1, Some(2)),
    ]);
    assert_eq!(o.names, ["Y.Read", "Y.Read.All"]);
    assert_eq!(o.choice, Some((vec![], "name")));
    let o = order(vec![candidate("Z.Read", false, 1, Some(2))]);
    assert_eq!(o.choice, Some((vec![], "only-candidate")));
}

#[test]
fn known_upstream_mistakes_are_repaired_and_said() {
    let r = repair("/chats/{id}}/messages/forwardToChat");
    assert_eq!(r.path, "/chats/{id}/messages/forwardToChat");
    assert_eq!(r.repairs.len(), 1);
    assert_eq!(
        repair("/teams/(team-id)/channels/{id}").path,
        "/teams/{team-id}/channels/{id}"
    );
    assert_eq!(
        repair("/me/drive/root:/{item-path}/media/reactions").path,
        "/me/drive/root:/{item-path}:/media/reactions"
    );
    assert_eq!(
        repair("/me/drive/root:/foldera/fileb.txt:/content").path,
        "/me/drive/root:/{item-path}:/content"
    );
    assert_eq!(
        repair("/privacy/subjectrightsrequests{subjectrightsrequestid}/getfinalreport").path,
        "/privacy/subjectrightsrequests/{subjectrightsrequestid}/getfinalreport"
    );
    assert_eq!(
        repair("/x/rows/itemat(index={value})range").path,
        "/x/rows/itemat(index={value})/range"
    );
    assert_eq!(
        repair("/directoryroles/roletemplateid={roletemplateid}/members").path,
        "/directoryroles(roletemplateid={roletemplateid})/members"
    );
    // Good templates are left alone.
    for good in [
        "/me/messages",
        "/drives/{id}/root:/{id}",
        "/drives/{id}/items/{id}:/{id}:/content",
        "/reports/getemailactivitycounts(period={value})",
        "/sites/{id}:/{id}",
    ] {
        let r = repair(good);
        assert_eq!(r.path, good);
        assert!(r.repairs.is_empty(), "{good}: {:?}", r.repairs);
    }
}

const FIXTURE: &str = r#"{
  "permissions": {
    "Mail.ReadBasic": {
      "schemes": {"DelegatedWork": {"privilegeLevel": 3}, "Application": {"privilegeLevel": 3}},
      "pathSets": [
        {"schemeKeys": ["DelegatedWork", "Application"], "methods": ["GET"],
         "paths": {"/me/messages": "least=DelegatedWork,Application", "/users/{id}/messages": "least=Application"}}
      ]
    },
    "Mail.ReadWrite": {
      "schemes": {"DelegatedWork": {"privilegeLevel": 3}, "Application": {"privilegeLevel": 3}},
      "pathSets": [
        {"schemeKeys": ["DelegatedWork", "Application"], "methods": ["GET", "POST"],
         "paths": {"/me/messages": "least=DelegatedWork", "/Users/{user-id}/Messages": "least=DelegatedWork;AlsoRequires=Mail.Send",
                   "/me/things?$filter=x eq '{id}'": "", "/chats/{id}}/x": "least=DelegatedWork"}},
        {"schemeKeys": ["DelegatedWork", "DelegatedPersonal"], "methods": ["HEAD"], "paths": {"/me/messages": ""}}
      ]
    }
  }
}"#;

#[test]
fn a_fixture_imports_with_merges_choices_and_problems_reported() {
    let import = build_requests(FIXTURE, source()).unwrap();
    let me = &import.files["me"];
    let messages = me
        .templates
        .iter()
        .find(|t| t.path == "/me/messages")
        .unwrap();
    let get = &messages.methods["GET"];
    assert_eq!(
        get.delegated_work.as_deref(),
        Some("Mail.ReadBasic Mail.ReadWrite")
    );
    assert_eq!(
        get.application.as_deref(),
        Some("Mail.ReadBasic Mail.ReadWrite")
    );
    assert_eq!(get.delegated_personal, None);
    assert_eq!(
        messages.methods["POST"].delegated_work.as_deref(),
        Some("Mail.ReadWrite")
    );
    let choice = &messages.choices[0];
    assert_eq!(
        (
            choice.method.as_str(),
            choice.scheme.as_str(),
            choice.marked.as_str(),
            choice.decided_by.as_str()
        ),
        (
            "GET",
            "delegated-work",
            "Mail.ReadBasic Mail.ReadWrite",
            "narrower"
        )
    );
    // Two spellings of one template, merged: the marks of both count.
    let users = &import.files["users"].templates;
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].path, "/Users/{user-id}/Messages");
    assert_eq!(users[0].upstream.len(), 1);
    assert_eq!(users[0].upstream[0].path, "/users/{id}/messages");
    // A query condition is kept, not compiled; a doubled brace is repaired.
    let things = me
        .templates
        .iter()
        .find(|t| t.path.starts_with("/me/things"))
        .unwrap();
    assert!(things.skipped.as_deref().unwrap().contains("query"));
    let chats = &import.files["chats"].templates[0];
    assert_eq!(chats.path, "/chats/{id}/x");
    assert!(chats.upstream[0].problem.contains("`}}`"));
    let report = import.report.join("\n");
    assert!(report.contains("unknown method `HEAD`"), "{report}");
    assert!(
        report.contains("DelegatedPersonal, which the permission does not have"),
        "{report}"
    );
    assert!(
        report.contains("AlsoRequires= (not modelled): 1"),
        "{report}"
    );
    assert!(report.contains("not compiled"), "{report}");
    // The YAML is deterministic and names the source commit.
    let yaml = import.to_yaml().unwrap();
    assert_eq!(
        yaml,
        build_requests(FIXTURE, source())
            .unwrap()
            .to_yaml()
            .unwrap()
    );
    assert!(yaml["me.yaml"].starts_with("# @generated by `msgraph-scopes import-requests`"));
    assert!(yaml["me.yaml"].contains("0123456789abcdef0123456789abcdef01234567"));
}

/// The drift check: re-importing the shared `permissions.json` gives `data/requests/` byte for
/// byte, file for file. Set `MSGRAPH_SCOPES_BLESS=1` to rewrite the folder instead.
#[test]
fn real_sources_match_data_requests() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/upstream/devx"
    ));
    let data = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/requests"));
    if !dir.is_dir() {
        assert!(
            std::env::var_os("MSGRAPH_SCOPES_REQUIRE_SOURCES").is_none(),
            "request drift check: the sources are absent ({} does not exist)",
            dir.display()
        );
        println!(
            "SKIPPED request drift check: the sources are absent ({} does not exist)",
            dir.display()
        );
        return;
    }
    let import = match import_requests(dir) {
        Ok(import) => import,
        Err(e) => panic!("import of {} failed: {e}", dir.display()),
    };
    let files = import.to_yaml().unwrap();
    assert!(files.len() > 50, "{}", files.len());
    // The issue's examples: both marked least at one level, the narrower grant wins.
    let me = &import.files["me"].templates;
    let messages = me.iter().find(|t| t.path == "/me/messages").unwrap();
    assert_eq!(
        messages.methods["GET"]
            .delegated_work
            .as_deref()
            .and_then(|c| c.split(' ').next()),
        Some("Mail.ReadBasic")
    );
    if std::env::var_os("MSGRAPH_SCOPES_BLESS").is_some() {
        std::fs::create_dir_all(data).unwrap();
        for (name, yaml) in &files {
            std::fs::write(data.join(name), yaml).unwrap();
        }
        println!("wrote {}", data.display());
        return;
    }
    let mut on_disk: Vec<String> = std::fs::read_dir(data)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    on_disk.sort();
    let expected: Vec<String> = files.keys().cloned().collect();
    assert_eq!(
        on_disk, expected,
        "data/requests/ has other files than the import makes: re-import (`msgraph-scopes import-requests`)"
    );
    for (name, yaml) in &files {
        let text = std::fs::read_to_string(data.join(name)).unwrap_or_default();
        assert!(
            &text == yaml,
            "data/requests/{name} is out of date with {}: re-import (`msgraph-scopes import-requests`, \
             or run this test with MSGRAPH_SCOPES_BLESS=1)",
            dir.display()
        );
    }
}
