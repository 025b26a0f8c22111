//! Every class of bad data is a clear `data/FILE.yaml:LINE:COL: message`, never a panic.
//!
//! These run the same pipeline as build.rs (shared through `#[path]`) on small data sets made
//! here, so each rule is checked without running cargo. `build_fails.rs` proves the real build
//! stops on bad data.

// The pipeline without its cargo driver and emitter, which these tests do not run.
#[path = "../build/mod.rs"]
#[allow(unreachable_pub, missing_docs, dead_code)]
mod generator;

use generator::load::{parse, Inputs};
use generator::validate as model;
use msgraph_scopes::{ApiVersion, Operation};

const CATALOG: &str = r#"
source: {repository: test, commit: 0123456789abcdef, as_of: 2026-01-01}
permissions:
  - name: Chat.Read
    delegated-work: {id: 00000000-0000-0000-0000-000000000001}
  - name: Chat.Read.All
    application: {id: 00000000-0000-0000-0000-000000000002}
  - name: ChatSettings.Read.Chat
    rsc: true
    application: {id: 00000000-0000-0000-0000-000000000003}
  - name: Mail.Read
    delegated-work: {id: 00000000-0000-0000-0000-000000000004}
    delegated-personal: {id: 00000000-0000-0000-0000-000000000004}
    application: {id: 00000000-0000-0000-0000-000000000005}
"#;

/// A valid request file: two templates, one with a recorded choice.
const REQUESTS: &str = r#"
source: {repository: test, commit: 0123456789abcdef, as_of: 2026-01-01}
area: users
templates:
  - path: /users/{id}/messages
    methods:
      GET: {delegated-work: Mail.Read, application: Mail.Read}
  - path: /users/{id}/chats
    methods:
      GET: {delegated-work: Chat.Read, application: Chat.Read.All}
    choices:
      - {method: GET, scheme: delegated-work, marked: '', decided_by: only-candidate}
"#;

const RESOURCES: &str = r#"
resources:
  - id: message
    rows: [{type: message}]
    templates:
      - path: /users/{id}/messages
    source: test
"#;

/// A valid table for (api, op): a path row and a path-less row.
fn table(api: &str, op: &str) -> String {
    format!(
        r#"api: {api}
operation: {op}
source: {{page: https://example.test/{op}, as_of: 2026-05-05, file: latest/{api}/{op}.md}}
rows:
  - type: chat
    paths: ["/chats/{{id}}"]
    label: A particular chat.
    delegated-work: [Chat.Read]
    delegated-personal: not supported
    application: [ChatSettings.Read.Chat, Chat.Read.All]
    rsc: [ChatSettings.Read.Chat]
  - type: message
    delegated-work: [Mail.Read]
    delegated-personal: [Mail.Read]
    application: [Mail.Read]
"#
    )
}

/// Runs the pipeline over the valid data with `changes` applied (file name -> new text).
fn problems(changes: &[(&str, &str)]) -> Vec<String> {
    let mut files: Vec<(String, String)> = Vec::new();
    for api in ApiVersion::ALL.map(ApiVersion::as_str) {
        for op in Operation::ALL.map(Operation::docs_name) {
            files.push((format!("data/tables/{api}/{op}.yaml"), table(api, op)));
        }
    }
    files.push(("data/resources.yaml".into(), RESOURCES.into()));
    files.push(("data/errata.yaml".into(), "errata: []\n".into()));
    files.push(("data/coverage.yaml".into(), "absent: []\n".into()));
    files.push(("data/catalog.yaml".into(), CATALOG.into()));
    files.push(("data/requests/users.yaml".into(), REQUESTS.into()));
    for (name, text) in changes {
        match files.iter_mut().find(|(n, _)| n == name) {
            Some(file) => file.1 = (*text).to_owned(),
            None => files.push(((*name).to_owned(), (*text).to_owned())),
        }
    }
    let mut inputs = Inputs::default();
    let mut out = Vec::new();
    for (name, text) in &files {
        let result = if name.starts_with("data/tables/") {
            parse(name, text).map(|d| inputs.tables.push(d))
        } else if name.starts_with("data/requests/") {
            parse(name, text).map(|d| inputs.requests.push(d))
        } else if name.ends_with("resources.yaml") {
            parse(name, text).map(|d| inputs.resources = Some(d))
        } else if name.ends_with("rules.yaml") {
            parse(name, text).map(|d| inputs.rules = Some(d))
        } else if name.ends_with("lifetimes.yaml") {
            parse(name, text).map(|d| inputs.lifetimes = Some(d))
        } else if name.ends_with("coverage.yaml") {
            parse(name, text).map(|d| inputs.coverage = Some(d))
        } else if name.ends_with("errata.yaml") {
            parse(name, text).map(|d| inputs.errata = Some(d))
        } else {
            parse(name, text).map(|d| inputs.catalog = Some(d))
        };
        if let Err(problem) = result {
            inputs.unreadable.push(name.clone());
            out.push(problem.to_string());
        }
    }
    if let Err(more) = model::build(&inputs) {
        out.extend(more.iter().map(ToString::to_string));
    }
    out
}

fn broken_table(from: &str, to: &str) -> String {
    let text = table("v1.0", "update");
    assert!(text.contains(from), "fixture lacks {from:?}");
    text.replacen(from, to, 1)
}

#[test]
fn the_valid_fixture_has_no_problems() {
    assert_eq!(problems(&[]), Vec::<String>::new());
}

#[test]
fn unknown_mode_is_reported_at_its_key() {
    let bad = broken_table(
        "delegated-personal: not supported",
        "delegated-private: not supported",
    );
    insta::assert_snapshot!(problems(&[("data/tables/v1.0/update.yaml", &bad)]).join("\n"));
}

#[test]
fn unknown_operation_and_api() {
    let bad =
        broken_table("operation: update", "operation: renew").replacen("api: v1.0", "api: v2", 1);
    insta::assert_snapshot!(problems(&[("data/tables/v1.0/update.yaml", &bad)]).join("\n"));
}

#[test]
fn duplicate_row() {
    let bad = table("v1.0", "update")
        + "  - type: chat\n    paths: [\"/chats/{chatId}\"]\n    delegated-work: [Chat.Read]\n    delegated-personal: not supported\n    application: not supported\n";
    insta::assert_snapshot!(problems(&[("data/tables/v1.0/update.yaml", &bad)]).join("\n"));
}

#[test]
fn duplicate_and_ambiguous_templates() {
    let resources = r#"
resources:
  - id: message
    rows: [{type: message}]
    templates:
      - path: /users/{id}/messages
      - path: /users/{id}/messages
    source: test
  - id: other
    rows: [{type: other}]
    templates:
      - path: /users/{userId}/messages
    source: test
"#;
    let table = table("v1.0", "update")
        + "  - type: other\n    delegated-work: [Mail.Read]\n    delegated-personal: not supported\n    application: not supported\n";
    insta::assert_snapshot!(problems(&[
        ("data/resources.yaml", resources),
        ("data/tables/v1.0/update.yaml", &table)
    ])
    .join("\n"));
}

#[test]
fn modes_may_split_one_path_between_two_resources() {
    let resources = r#"
resources:
  - id: message
    rows: [{type: message}]
    templates:
      - {path: "/users/{id}/messages", modes: [delegated-personal]}
    source: test
  - id: other
    rows: [{type: other}]
    templates:
      - {path: "/users/{id}/messages", modes: [delegated-work, application]}
    source: test
"#;
    let table = table("v1.0", "update")
        + "  - type: other\n    delegated-work: [Mail.Read]\n    delegated-personal: not supported\n    application: not supported\n";
    let coverage = "absent:\n  - api: v1.0\n    resource: other\n    from: [create, get, delete, reauthorize, list, getVapidPublicKey]\n";
    assert_eq!(
        problems(&[
            ("data/resources.yaml", resources),
            ("data/tables/v1.0/update.yaml", &table),
            ("data/coverage.yaml", coverage)
        ]),
        Vec::<String>::new()
    );
}

#[test]
fn tables_of_one_version_differ_in_rows_only_where_listed() {
    // beta/list lacks the `message` row: unlisted, that stops the build.
    let without_message = table("beta", "list");
    let cut = without_message.find("  - type: message").expect("fixture");
    let without_message = &without_message[..cut];
    insta::assert_snapshot!(problems(&[("data/tables/beta/list.yaml", without_message)]).join("\n"));
    // Listed exactly, it is accepted.
    let listed = "absent:\n  - api: beta\n    resource: message\n    from: [list]\n";
    assert_eq!(
        problems(&[
            ("data/tables/beta/list.yaml", without_message),
            ("data/coverage.yaml", listed)
        ]),
        Vec::<String>::new()
    );
    // Listed wrongly, or listed when the tables agree, each is a problem at its entry.
    let wrong = "absent:\n  - api: beta\n    resource: message\n    from: [get]\n  - api: v1.0\n    resource: message\n    from: [list]\n  - api: v3\n    resource: message\n    from: [renew]\n";
    insta::assert_snapshot!(problems(&[
        ("data/tables/beta/list.yaml", without_message),
        ("data/coverage.yaml", wrong)
    ])
    .join("\n"));
}

#[test]
fn empty_cell() {
    let bad = broken_table("delegated-work: [Chat.Read]", "delegated-work: []");
    insta::assert_snapshot!(problems(&[("data/tables/v1.0/update.yaml", &bad)]).join("\n"));
}

#[test]
fn cell_that_is_neither_list_nor_not_supported() {
    let bad = broken_table(
        "delegated-personal: not supported",
        "delegated-personal: Not supported.",
    );
    insta::assert_snapshot!(problems(&[("data/tables/v1.0/update.yaml", &bad)]).join("\n"));
}

#[test]
fn malformed_templates() {
    let bad = broken_table(
        "paths: [\"/chats/{id}\"]",
        "paths: [\"/chats/{id\", \"/chats//x\", \"/chats?x=1\"]",
    );
    insta::assert_snapshot!(problems(&[("data/tables/v1.0/update.yaml", &bad)]).join("\n"));
}

#[test]
fn malformed_permission_names() {
    let bad = broken_table(
        "delegated-work: [Chat.Read]",
        "delegated-work: [Chat Read, \"Chat.\", Chat]",
    );
    insta::assert_snapshot!(problems(&[("data/tables/v1.0/update.yaml", &bad)]).join("\n"));
}

#[test]
fn permissions_are_checked_against_the_catalog() {
    let bad = broken_table(
        "delegated-work: [Chat.Read]",
        "delegated-work: [Chat.ReadBasic, Chat.Read.All]",
    )
    .replacen(
        "rsc: [ChatSettings.Read.Chat]",
        "rsc: [ChatSettings.Read.Chat, Chat.Read.All]",
        1,
    );
    insta::assert_snapshot!(problems(&[("data/tables/v1.0/update.yaml", &bad)]).join("\n"));
}

#[test]
fn a_docs_error_is_accepted_only_with_an_erratum() {
    let bad = broken_table(
        "delegated-work: [Chat.Read]",
        "delegated-work: [Chat.ReadBasic]",
    );
    let errata = "errata:\n  - documented: Chat.ReadBasic\n    corrected: Chat.Read\n    tables: [v1.0/update]\n    note: test\n    source: test\n";
    assert_eq!(
        problems(&[
            ("data/tables/v1.0/update.yaml", &bad),
            ("data/errata.yaml", errata)
        ]),
        Vec::<String>::new()
    );
    // The same erratum unused (the table is fine) is itself a problem.
    insta::assert_snapshot!(problems(&[("data/errata.yaml", errata)]).join("\n"));
}

#[test]
fn a_path_less_row_needs_an_entry() {
    let table = table("beta", "list")
        + "  - type: presence\n    delegated-work: [Chat.Read]\n    delegated-personal: not supported\n    application: not supported\n";
    insta::assert_snapshot!(problems(&[("data/tables/beta/list.yaml", &table)]).join("\n"));
}

#[test]
fn yaml_syntax_errors_name_the_line() {
    let bad = broken_table("  - type: chat\n", "  - type: \"chat\n");
    insta::assert_snapshot!(problems(&[("data/tables/v1.0/update.yaml", &bad)]).join("\n"));
}

#[test]
fn a_missing_table_is_named() {
    let mut p = problems(&[("data/tables/beta/list.yaml", &table("beta", "get"))]);
    p.sort();
    insta::assert_snapshot!(p.join("\n"));
}

#[test]
fn me_and_users_forms_are_one_resource() {
    let (nodes, inputs) = {
        let mut inputs = Inputs::default();
        for api in ApiVersion::ALL.map(ApiVersion::as_str) {
            for op in Operation::ALL.map(Operation::docs_name) {
                let name = format!("data/tables/{api}/{op}.yaml");
                inputs.tables.push(parse(&name, &table(api, op)).unwrap());
            }
        }
        inputs.resources = Some(parse("data/resources.yaml", RESOURCES).unwrap());
        inputs.errata = Some(parse("data/errata.yaml", "errata: []").unwrap());
        inputs.catalog = Some(parse("data/catalog.yaml", CATALOG).unwrap());
        inputs
            .requests
            .push(parse("data/requests/users.yaml", REQUESTS).unwrap());
        (model::build(&inputs).unwrap().trie.nodes, inputs)
    };
    drop(inputs);
    let me = nodes[0]
        .statics
        .get("me")
        .copied()
        .expect("a /me branch derived from /users/{id}");
    let messages = nodes[me].statics.get("messages").copied().unwrap();
    assert_eq!(nodes[messages].routes.len(), 1);
    assert_eq!(nodes[messages].routes[0].template, "/me/messages");
}

#[test]
fn rules_and_lifetimes_are_checked_against_the_tables() {
    let rules = r#"
rules:
  - id: fine
    severity: note
    types: [chat]
    templates: ["/chats/{chatId}"]
    message: ok
    source: test
  - id: Not_Kebab
    severity: fatal
    types: [chatMessage]
    modes: [delegated]
    templates: ["/teams/..."]
    query: "a=1&b=2"
    message: bad
    source: test
  - id: fine
    severity: error
    permissions: [Mail.Read.Shared]
    types: [chat]
    message: ""
    source: test
change_types:
  - types: [message, nothing]
    allowed: [created, renamed]
    source: test
"#;
    let lifetimes = r#"
source: test
lifetimes:
  - {types: [chat], minutes: 60}
  - {types: [chat, nothing], minutes: 0}
unknown: []
"#;
    let valid_lifetimes = "source: test\nlifetimes:\n  - {types: [chat, message], minutes: 60}\n";
    let valid_rules =
        "rules:\n  - {id: fine, severity: note, types: [chat], message: ok, source: test}\n";
    assert_eq!(
        problems(&[
            ("data/rules.yaml", valid_rules),
            ("data/lifetimes.yaml", valid_lifetimes)
        ]),
        Vec::<String>::new()
    );
    insta::assert_snapshot!(problems(&[
        ("data/rules.yaml", rules),
        ("data/lifetimes.yaml", lifetimes)
    ])
    .join("\n"));
}

#[test]
fn request_data_is_checked_against_the_catalog_and_the_trie() {
    let bad = REQUESTS
        .replace(
            "GET: {delegated-work: Mail.Read,",
            "GET: {delegated-work: Mail.Reed,",
        )
        .replace("application: Chat.Read.All}", "application: Chat.Read}")
        .replace("/users/{id}/chats", "/Users/{user-id}/Messages")
        .replace("decided_by: only-candidate", "decided_by: luck");
    let found = problems(&[("data/requests/users.yaml", &bad)]);
    let text = found.join("\n");
    for needle in [
        "unknown permission `Mail.Reed` (not in data/catalog.yaml)",
        "`Chat.Read` has no application scheme in data/catalog.yaml",
        "`/Users/{user-id}/Messages` has the shape of `/users/{id}/messages`",
        "`decided_by` is one of",
    ] {
        assert!(text.contains(needle), "no `{needle}` in:\n{text}");
    }
    assert!(
        found
            .iter()
            .all(|p| p.starts_with("data/requests/users.yaml:")),
        "{text}"
    );
    let other = REQUESTS.replace("area: users", "area: groups");
    let found = problems(&[("data/requests/users.yaml", &other)]).join("\n");
    assert!(
        found.contains("area `groups` belongs in data/requests/groups.yaml"),
        "{found}"
    );
    let query = REQUESTS.replace("/users/{id}/chats", "/users/{id}/chats?$top=1");
    let found = problems(&[("data/requests/users.yaml", &query)]).join("\n");
    assert!(
        found.contains("is no template: a template has no query string"),
        "{found}"
    );
}
