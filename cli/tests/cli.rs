//! The `msgraph-scopes` binary's other commands, run as a user runs them: `permission`, the
//! importers, a closed stdout, completions, and the docs' rules, lifetimes, change types,
//! lifecycle and audit in answers. `lookup.rs` has the lookups, `lint.rs` the lint.

mod support;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use support::*;

// ---- permission ----

#[test]
fn permission_by_name_text() {
    let out = ok(&["permission", "mail.read"]);
    assert!(out.starts_with("Mail.Read\n"), "{out}");
    assert!(out.contains(MAIL_READ_DELEGATED));
    insta::assert_snapshot!("permission_mail_read", out);
}

#[test]
fn permission_by_name_json() {
    let out = ok(&["permission", "Mail.Read", "--format", "json"]);
    let v = json(&out);
    assert_eq!(
        keys(&v),
        sorted(&["name", "rsc", "schemes", "notes", "rules"])
    );
    assert_order(&out, 0, &["name", "rsc", "schemes", "notes", "rules"]);
    assert_eq!(v["rules"], serde_json::json!([]));
    assert_eq!(v["name"], "Mail.Read");
    assert_eq!(v["rsc"], false);
    assert_eq!(
        keys(&v["schemes"]),
        sorted(&["delegated-work", "delegated-personal", "application"])
    );
    assert_order(
        &out,
        0,
        &[
            "delegated-work",
            "id",
            "other_ids",
            "admin_consent",
            "privilege_level",
            "delegated-personal",
            "application",
        ],
    );
    assert_eq!(v["schemes"]["delegated-work"]["id"], MAIL_READ_DELEGATED);
    assert!(v["schemes"]["application"]["id"].is_string());
}

#[test]
fn permission_scheme_that_does_not_exist_is_null() {
    // An RSC permission has no delegated-personal scheme.
    let v = json(&ok(&[
        "permission",
        "ChannelMessage.Read.Group",
        "--format",
        "json",
    ]));
    assert_eq!(v["rsc"], true);
    assert!(v["schemes"]["delegated-personal"].is_null(), "{v}");
}

#[test]
fn permission_by_guid() {
    let upper = MAIL_READ_DELEGATED.to_ascii_uppercase();
    let out = ok(&["permission", &upper]);
    assert!(out.contains("Mail.Read"), "{out}");
    assert!(out.contains("delegated scope"), "{out}");
    assert_fits(&out);
    insta::assert_snapshot!("permission_mail_read_guid", out);

    let out = ok(&["permission", &upper, "--format", "json"]);
    let v = json(&out);
    assert_eq!(keys(&v), sorted(&["id", "graph", "mode", "permission"]));
    assert_order(&out, 0, &["id", "graph", "mode", "permission", "name"]);
    assert_eq!(v["id"], MAIL_READ_DELEGATED);
    assert_eq!(v["graph"], true);
    assert_eq!(v["mode"], "delegated-work");
    assert_eq!(v["permission"]["name"], "Mail.Read");
}

#[test]
fn azure_ad_graph_guid_is_not_graph() {
    let out = ok(&["permission", AZURE_AD_GRAPH_ID]);
    assert!(out.contains("NOT a Microsoft Graph permission"), "{out}");
    assert!(out.contains("the retired Azure AD Graph"), "{out}");
    assert!(out.contains("AdministrativeUnit.ReadBasic.All"), "{out}");
    assert!(
        out.contains(msgraph_scopes::catalog::AZURE_AD_GRAPH),
        "{out}"
    );
    assert_fits(&out);

    let out = ok(&["permission", AZURE_AD_GRAPH_ID, "--format", "json"]);
    let v = json(&out);
    assert_order(&out, 0, &["id", "graph", "azure_ad_graph", "resource_app"]);
    assert_eq!(v["graph"], false);
    assert_eq!(v["azure_ad_graph"], true);
    assert_eq!(v["resource_app"], msgraph_scopes::catalog::AZURE_AD_GRAPH);
    assert_eq!(v["id"], AZURE_AD_GRAPH_ID);
}

#[test]
fn unknown_permission() {
    let v = assert_json_error(
        &["permission", "Mail.Reed", "--format", "json"],
        "unknown_permission",
    );
    assert!(v["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("Mail.Read")));
    assert_json_error(
        &[
            "permission",
            "00000000-0000-0000-0000-000000000001",
            "--format",
            "json",
        ],
        "unknown_permission",
    );
    let r = run(&["permission", "Nope.Nope"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr.lines().count(), 1);
}

// ---- import-docs ----

/// A minimal Graph docs page (written for this test) with a Permissions table.
const PAGE: &str = r#"---
title: "Delete subscription"
description: "Delete a change-notification subscription."
ms.date: 03/14/2025
---

# Delete subscription

Deletes a subscription. The permission needed depends on the subscribed resource.

## Permissions

The least privileged permission comes first in each cell; the others also work.

| Supported resource | Delegated (work or school account) | Delegated (personal Microsoft account) | Application |
|:-----|:-----|:-----|:-----|
|[chatMessage](../resources/chatmessage.md) (/teams/{id}/channels/{id}/messages) | ChannelMessage.Read.All | Not supported. | ChannelMessage.Read.Group*, ChannelMessage.Read.All |
|[contact](../resources/contact.md) | Contacts.Read | Contacts.Read | Contacts.Read |
|[todoTask](../resources/todotask.md) | Tasks.ReadWrite | Tasks.ReadWrite | Not supported. |

> **Note**: Permissions marked with * use [resource-specific consent](/microsoftteams/platform/graph-api/rsc/resource-specific-consent).

## HTTP request

```http
DELETE /subscriptions/{id}
```
"#;

#[test]
fn import_docs_writes_yaml_and_is_deterministic() {
    let dir = scratch("import-docs");
    std::fs::write(dir.join("v1.0-subscription-delete.md"), PAGE).expect("fixture");
    let args = ["import-docs", "v1.0-subscription-delete.md", "--out", "out"];
    let r = run_in(Some(&dir), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let written = Path::new("out").join("v1.0").join("delete.yaml");
    assert_eq!(r.stdout.trim(), written.display().to_string());
    let first = std::fs::read(dir.join(&written)).expect("the table was written");
    let yaml = String::from_utf8(first.clone()).expect("UTF-8");
    assert!(yaml.contains("operation: delete"), "{yaml}");
    insta::assert_snapshot!("import_docs_fixture", yaml);

    let again = run_in(Some(&dir), &args);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(again.stdout, r.stdout);
    let second = std::fs::read(dir.join(&written)).expect("still there");
    assert_eq!(first, second, "importing twice gives identical bytes");

    // Explicit --api/--op in the library's spellings.
    std::fs::write(dir.join("page.md"), PAGE).expect("fixture");
    let r = run_in(
        Some(&dir),
        &[
            "import-docs",
            "page.md",
            "--out",
            "explicit",
            "--api",
            "V1",
            "--op",
            "get-vapid-public-key",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let vapid = Path::new("explicit")
        .join("v1.0")
        .join("getVapidPublicKey.yaml");
    assert_eq!(r.stdout.trim(), vapid.display().to_string());
    let yaml = std::fs::read_to_string(dir.join(vapid)).expect("written");
    assert!(yaml.contains("operation: getVapidPublicKey"), "{yaml}");
}

#[test]
fn import_docs_reports_every_problem_with_its_line() {
    let dir = scratch("import-docs-broken");
    let broken = PAGE
        .replace(
            "| Contacts.Read | Contacts.Read | Contacts.Read |",
            "| Contacts.Read | Contacts.Read |",
        )
        .replace("| Tasks.ReadWrite | Tasks", "| Tasks ReadWrite | Tasks");
    let line_of = |needle: &str| {
        1 + broken
            .lines()
            .position(|line| line.contains(needle))
            .expect("the line is in the fixture")
    };
    let short_row = line_of("[contact]");
    let bad_name = line_of("Tasks ReadWrite");
    std::fs::write(dir.join("v1.0-subscription-delete.md"), &broken).expect("fixture");
    let r = run_in(
        Some(&dir),
        &["import-docs", "v1.0-subscription-delete.md", "--out", "out"],
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    let expected = [
        format!("v1.0-subscription-delete.md:{short_row}: table row has 3 cell(s)"),
        format!("v1.0-subscription-delete.md:{bad_name}: delegated-work cell: `Tasks ReadWrite`"),
    ];
    for problem in expected {
        assert!(r.stderr.contains(&problem), "{problem}\n{}", r.stderr);
    }
    assert!(!dir.join("out").exists(), "nothing is written");
    assert!(!r.stderr.contains("panicked"));

    let r = run_in(Some(&dir), &["import-docs", "missing.md", "--out", "out"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("missing.md: cannot read"), "{}", r.stderr);
}

// ---- import-catalog ----

#[test]
fn import_catalog_on_a_folder_without_the_catalog() {
    let dir = scratch("import-catalog-empty");
    let r = run_in(
        Some(&dir),
        &["import-catalog", ".", "--out", "catalog.yaml"],
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("SOURCE.md"), "{}", r.stderr);
    assert!(!dir.join("catalog.yaml").exists());
}

// ---- a closed stdout ----

#[test]
fn closed_stdout_does_not_panic() {
    let cases: [&[&str]; 4] = [
        &["lookup", CHANNEL_MESSAGES, "--format", "json"],
        &["lookup", "--type", "chatMessage"],
        &["permission", "Mail.Read"],
        &["completions", "bash"],
    ];
    for args in cases {
        // Reader gone before the program writes.
        let mut child = Command::new(BIN)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawns");
        drop(child.stdout.take());
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut stderr)
            .expect("read stderr");
        let status = child.wait().expect("exits");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");

        // Reader takes a few bytes, then goes (`| head -c 8`).
        let mut child = Command::new(BIN)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawns");
        let mut few = [0u8; 8];
        child
            .stdout
            .take()
            .expect("stdout")
            .read_exact(&mut few)
            .expect("a few bytes");
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut stderr)
            .expect("read stderr");
        let status = child.wait().expect("exits");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
    }
}

#[test]
fn completions() {
    let out = ok(&["completions", "bash"]);
    assert!(out.contains("msgraph-scopes"));
}

// ---- rules, lifetimes, change types, lifecycle, audit ----

#[test]
fn another_users_mailbox_under_delegated_is_a_warning() {
    let out = ok(&[
        "lookup",
        "/users/someone@contoso.com/messages",
        "--mode",
        "delegated-work",
    ]);
    assert!(out.contains("Mail.ReadBasic  (least privileged)"), "{out}");
    assert!(out.contains("warning[outlook-other-mailbox]"), "{out}");
    assert_fits(&out);
    let v = json(&ok(&[
        "lookup",
        "/users/someone@contoso.com/messages",
        "--mode",
        "delegated-work",
        "--format",
        "json",
    ]));
    let notes = &v["answers"]["delegated-work"]["notes"];
    assert!(notes
        .as_array()
        .expect("notes")
        .iter()
        .any(|n| n["id"] == "outlook-other-mailbox" && n["severity"] == "warning"));
}

#[test]
fn me_under_application_is_an_error_that_says_why() {
    let r = run(&["lookup", "/me/messages", "--mode", "application"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("error[me-needs-delegated] (application)"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("no signed-in user"), "{}", r.stderr);
    assert!(
        r.stdout.contains("error[me-needs-delegated]"),
        "{}",
        r.stdout
    );
    // Without --mode, the application column is shown with its error, and the lookup succeeds.
    let all = ok(&["lookup", "/me/messages"]);
    assert!(
        all.contains("error[me-needs-delegated] (application)"),
        "{all}"
    );
}

#[test]
fn presence_shows_its_sixty_minute_lifetime() {
    let out = ok(&["lookup", "/communications/presences/{id}"]);
    assert!(
        out.contains("max lifetime        60 minutes (1 hour)"),
        "{out}"
    );
    let v = json(&ok(&[
        "lookup",
        "/communications/presences/{id}",
        "--format",
        "json",
    ]));
    assert_eq!(v["answers"]["delegated-work"]["max_lifetime_minutes"], 60);
}

#[test]
fn an_unsupported_change_type_is_an_error() {
    let r = run(&["lookup", "/users/{id}", "--change-type", "created,updated"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stderr.contains("error[change-type-unsupported]"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("not created"), "{}", r.stderr);
    ok(&["lookup", "/users/{id}", "--change-type", "updated,deleted"]);
    let bad = run(&["lookup", "/users/{id}", "--change-type", "renamed"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn lifecycle_names_the_operations_that_do_not_support_the_mode() {
    let out = ok(&[
        "lookup",
        "/chats/{id}/messages",
        "--lifecycle",
        "--mode",
        "delegated-work",
    ]);
    insta::assert_snapshot!("lifecycle_chat_messages", out);
    let v = json(&ok(&[
        "lookup",
        "/chats/{id}/messages",
        "--lifecycle",
        "--mode",
        "delegated-work",
        "--format",
        "json",
    ]));
    let l = &v["lifecycle"]["delegated-work"];
    assert_eq!(l["least"], "Chat.Read");
    assert_eq!(l["unsupported"], serde_json::json!(["update", "delete"]));
    let app = json(&ok(&[
        "lookup",
        "/chats/{id}/messages",
        "--lifecycle",
        "--mode",
        "application",
        "--format",
        "json",
    ]));
    assert_eq!(
        app["lifecycle"]["application"]["unsupported"],
        serde_json::json!([])
    );
    assert_eq!(run(&["lookup", "/x", "--lifecycle", "--op", "get"]).code, 2);
}

#[test]
fn shared_outlook_permissions_never_work() {
    let out = ok(&["permission", "Mail.Read.Shared"]);
    assert!(out.contains("error[outlook-shared-permissions]"), "{out}");
    let v = json(&ok(&["permission", "Mail.Read.Shared", "--format", "json"]));
    assert_eq!(v["rules"][0]["id"], "outlook-shared-permissions");
    assert_eq!(v["rules"][0]["severity"], "error");
}

#[test]
fn audit_in_every_format() {
    let text = ok(&["audit"]);
    insta::assert_snapshot!("audit_text", text);
    let markdown = ok(&["audit", "--format", "markdown"]);
    insta::assert_snapshot!("audit_markdown", markdown);
    let v = json(&ok(&["audit", "--format", "json"]));
    let findings = v["findings"].as_array().expect("findings");
    assert_eq!(v["count"], findings.len());
    // Every finding cites data/ cells, each with a file, and a line where the row exists.
    for f in findings {
        let cells = f["cells"].as_array().expect("cells");
        assert!(!cells.is_empty(), "{f}");
        for c in cells {
            assert!(c["file"]
                .as_str()
                .expect("file")
                .starts_with("data/tables/"));
        }
    }
    let chats = findings
        .iter()
        .find(|f| {
            f["kind"] == "cell-differs"
                && f["message"].as_str().is_some_and(|m| {
                    m.starts_with("v1.0 delegated-work: chatMessage `/chats/{id}/messages`")
                })
        })
        .expect("the /chats/{id}/messages delegated finding");
    assert!(chats["cells"].as_array().expect("cells").len() >= 2);
}

#[test]
fn teams_model_and_presence_filter_rules() {
    // model=A is for the /teams and /chats getAll paths; the per-user path takes only model=B.
    let r = run(&[
        "lookup",
        "/users/{id}/chats/getAllMessages?model=A",
        "--mode",
        "application",
    ]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stderr.contains("error[teams-model-a-unsupported]"),
        "{}",
        r.stderr
    );
    let b = ok(&[
        "lookup",
        "/users/{id}/chats/getAllMessages?model=B",
        "--mode",
        "application",
    ]);
    assert!(b.contains("warning[teams-licensing]"), "{b}");
    assert!(!b.contains("teams-model-a-unsupported"), "{b}");
    ok(&[
        "lookup",
        "/teams/getAllMessages?model=A",
        "--mode",
        "application",
    ]);
    // At most 650 users in a presence filter.
    let ids = |n: usize| {
        let list: Vec<String> = (0..n)
            .map(|i| format!("'{i:08}-0000-0000-0000-000000000000'"))
            .collect();
        format!(
            "/communications/presences?$filter=id in ({})",
            list.join(",")
        )
    };
    let many = ids(651);
    let r = run(&["lookup", &many, "--mode", "delegated-work"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("error[presence-filter-limit]"),
        "{}",
        r.stderr
    );
    let fine = ids(650);
    let out = ok(&["lookup", &fine, "--mode", "delegated-work"]);
    assert!(!out.contains("presence-filter-limit"), "{out}");
}
