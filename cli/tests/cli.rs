//! The `msgraph-scopes` binary, run as a user runs it: exit statuses, JSON shapes and key order,
//! text output (snapshots), errors, the importers and a closed stdout.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_msgraph-scopes");

/// The headline resource: a channel's messages, with real-looking ids.
const CHANNEL_MESSAGES: &str = "/teams/19:abc@thread.tacv2/channels/19:def@thread.tacv2/messages";

/// Mail.Read's delegated GUID.
const MAIL_READ_DELEGATED: &str = "570282fd-fa5c-430d-a7fd-fc8dc98a9dca";

/// A GUID of the retired Azure AD Graph (data/catalog.yaml `foreign_ids`).
const AZURE_AD_GRAPH_ID: &str = "a1b2c3d4-1111-2222-3333-444455557777";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: Option<&Path>, args: &[&str]) -> Run {
    let mut command = Command::new(BIN);
    command.args(args);
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().expect("the binary runs");
    Run {
        code: status.code().expect("exited normally"),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(None, args)
}

/// Runs, expecting exit 0 and nothing on stderr.
fn ok(args: &[&str]) -> String {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}: stderr: {}", r.stderr);
    assert_eq!(r.stderr, "", "{args:?}");
    r.stdout
}

/// Parses stdout as exactly one JSON object (one line).
fn json(stdout: &str) -> serde_json::Value {
    assert_eq!(stdout.lines().count(), 1, "one JSON line: {stdout}");
    assert!(stdout.ends_with('\n'));
    let value: serde_json::Value = serde_json::from_str(stdout).expect("valid JSON");
    assert!(value.is_object(), "{stdout}");
    value
}

fn keys(value: &serde_json::Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

fn sorted<'a>(names: &[&'a str]) -> Vec<&'a str> {
    let mut names = names.to_vec();
    names.sort_unstable();
    names
}

/// Asserts that `"key":` occurrences appear in `raw` in this order, starting at `from`.
fn assert_order(raw: &str, from: usize, keys: &[&str]) {
    let mut at = from;
    for key in keys {
        let needle = format!("\"{key}\":");
        let found = raw[at..]
            .find(&needle)
            .unwrap_or_else(|| panic!("{needle} after byte {at} in {raw}"));
        at += found + needle.len();
    }
}

/// Exit 1 with a JSON error of `kind` on stdout and exactly one `error:` line on stderr.
fn assert_json_error(args: &[&str], kind: &str) -> serde_json::Value {
    let r = run(args);
    assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
    let value = json(&r.stdout);
    assert_eq!(keys(&value), ["error"]);
    assert_eq!(keys(&value["error"]), ["kind", "message"]);
    assert_eq!(value["error"]["kind"], kind);
    assert_order(&r.stdout, 0, &["error", "kind", "message"]);
    assert_eq!(r.stderr.lines().count(), 1, "one stderr line: {}", r.stderr);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
    let message = value["error"]["message"].as_str().expect("a message");
    assert!(r.stderr.contains(message), "{} / {message}", r.stderr);
    value
}

/// A usage error: exit 2, nothing on stdout, a message on stderr.
fn assert_usage_error(args: &[&str], says: &str) {
    let r = run(args);
    assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
    assert_eq!(r.stdout, "", "{args:?}");
    assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
    assert!(!r.stderr.contains("panicked"));
}

/// A fresh empty folder under the target directory's test scratch space.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Every line of a text output fits 80 columns.
fn assert_fits(text: &str) {
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "longer than 80: {line:?}");
    }
}

// ---- lookup RESOURCE, JSON ----

#[test]
fn headline_json() {
    let out = ok(&[
        "lookup",
        CHANNEL_MESSAGES,
        "--op",
        "reauthorize",
        "--mode",
        "delegated-work",
        "--format",
        "json",
    ]);
    let v = json(&out);
    assert_eq!(
        keys(&v),
        sorted(&["input", "api", "operation", "query", "answers"])
    );
    assert_eq!(v["input"], CHANNEL_MESSAGES);
    assert_eq!(v["api"], "v1.0");
    assert_eq!(v["operation"], "reauthorize");
    assert!(v["query"].is_null());
    assert_eq!(keys(&v["answers"]), ["delegated-work"]);
    let answer = &v["answers"]["delegated-work"];
    assert_eq!(
        keys(answer),
        sorted(&[
            "status",
            "resource_type",
            "row",
            "template",
            "permissions",
            "least",
            "rsc",
            "max_lifetime_minutes",
            "notes"
        ])
    );
    assert_eq!(answer["max_lifetime_minutes"], 4320);
    let notes: Vec<&str> = answer["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .map(|n| n["id"].as_str().expect("id"))
        .collect();
    assert_eq!(notes, ["teams-resource-data-encryption"]);
    assert_eq!(answer["status"], "supported");
    assert_eq!(answer["least"], "ChannelMessage.Read.All");
    assert_eq!(answer["resource_type"], "chatMessage");
    assert_eq!(answer["template"], "/teams/{id}/channels/{id}/messages");
    assert_eq!(answer["permissions"][0], "ChannelMessage.Read.All");
    assert_eq!(answer["rsc"], serde_json::json!([]));
    // The documented key order, in the raw text.
    assert_order(
        &out,
        0,
        &[
            "input",
            "api",
            "operation",
            "query",
            "answers",
            "delegated-work",
            "status",
            "resource_type",
            "row",
            "template",
            "permissions",
            "least",
            "rsc",
        ],
    );
    assert!(out.starts_with("{\"input\":"), "{out}");
}

#[test]
fn all_modes_json() {
    let out = ok(&[
        "lookup",
        CHANNEL_MESSAGES,
        "--op",
        "reauthorize",
        "--format",
        "json",
    ]);
    let v = json(&out);
    assert_eq!(
        keys(&v["answers"]),
        sorted(&["delegated-work", "delegated-personal", "application"])
    );
    assert_order(
        &out,
        0,
        &[
            "answers",
            "delegated-work",
            "delegated-personal",
            "application",
        ],
    );
    let personal = &v["answers"]["delegated-personal"];
    assert_eq!(
        keys(personal),
        sorted(&["status", "resource_type", "row", "template"])
    );
    assert_eq!(personal["status"], "not_supported");
    assert_eq!(personal["template"], "/teams/{id}/channels/{id}/messages");
    let application = &v["answers"]["application"];
    assert_eq!(application["status"], "supported");
    assert_eq!(application["least"], application["permissions"][0]);
    // Every RSC name is one of the permissions.
    for name in application["rsc"].as_array().expect("rsc list") {
        assert!(application["permissions"]
            .as_array()
            .expect("list")
            .contains(name));
    }
}

#[test]
fn operation_spellings_and_names() {
    let v = json(&ok(&[
        "lookup",
        "/me/messages",
        "--op",
        "getVapidPublicKey",
        "--format",
        "json",
    ]));
    assert_eq!(v["operation"], "get-vapid-public-key");
    let v = json(&ok(&[
        "lookup",
        "/users/{id}/messages",
        "--op",
        "renew",
        "--mode",
        "app",
        "--format",
        "json",
    ]));
    assert_eq!(v["operation"], "update");
    assert_eq!(keys(&v["answers"]), ["application"]);
}

#[test]
fn beta_list_application_json() {
    let out = ok(&[
        "lookup",
        "/copilot/users/0b5f6a2e-0000-4000-8000-000000000001/interactionHistory/getAllEnterpriseInteractions",
        "--api",
        "beta",
        "--op",
        "list",
        "--mode",
        "application",
        "--format",
        "json",
    ]);
    let v = json(&out);
    assert_eq!(v["api"], "beta");
    assert_eq!(v["operation"], "list");
    assert_eq!(keys(&v["answers"]), ["application"]);
    let answer = &v["answers"]["application"];
    assert_eq!(answer["status"], "supported");
    assert_eq!(answer["resource_type"], "aiInteraction");
    assert_eq!(answer["least"], "AiEnterpriseInteraction.Read.All");
    assert_eq!(
        answer["rsc"],
        serde_json::json!(["AiEnterpriseInteraction.Read.User"])
    );
}

#[test]
fn version_and_query_from_the_resource() {
    let resource =
        "https://graph.microsoft.com/beta/me/mailFolders('Inbox')/messages?$select=subject";
    let v = json(&ok(&["lookup", resource, "--format", "json"]));
    assert_eq!(v["input"], resource);
    assert_eq!(v["api"], "beta");
    assert_eq!(v["query"], "$select=subject");
    // Naming the same version explicitly is fine.
    let v = json(&ok(&[
        "lookup", resource, "--api", "beta", "--format", "json",
    ]));
    assert_eq!(v["api"], "beta");
    let v = json(&ok(&["lookup", "/beta/me/messages", "--format", "json"]));
    assert_eq!(v["api"], "beta");
}

#[test]
fn me_drive_root_picks_a_row_per_mode() {
    let v = json(&ok(&["lookup", "/me/drive/root", "--format", "json"]));
    let work = &v["answers"]["delegated-work"];
    let personal = &v["answers"]["delegated-personal"];
    assert_eq!(work["resource_type"], "driveItem");
    assert_eq!(personal["resource_type"], "driveItem");
    assert_ne!(work["row"], personal["row"]);
    assert_eq!(personal["status"], "supported");
}

// ---- lookup RESOURCE, text ----

#[test]
fn text_headline() {
    let out = ok(&["lookup", CHANNEL_MESSAGES, "--op", "reauthorize"]);
    assert_fits(&out);
    insta::assert_snapshot!("text_headline", out);
}

#[test]
fn text_headline_one_mode() {
    let out = ok(&[
        "lookup",
        CHANNEL_MESSAGES,
        "--op",
        "reauthorize",
        "--mode",
        "delegated-work",
    ]);
    assert!(out.contains("ChannelMessage.Read.All  (least privileged)"));
    assert!(!out.contains("application"));
    insta::assert_snapshot!("text_headline_one_mode", out);
}

#[test]
fn text_me_drive_root() {
    let out = ok(&["lookup", "/me/drive/root"]);
    assert_fits(&out);
    insta::assert_snapshot!("text_me_drive_root", out);
}

#[test]
fn text_not_supported_mode() {
    let out = ok(&["lookup", "/teams/getAllMessages", "--op", "update"]);
    assert!(out.contains("delegated-work      not supported"), "{out}");
    insta::assert_snapshot!("text_not_supported_mode", out);
}

#[test]
fn text_query() {
    let out = ok(&[
        "lookup",
        "me/mailFolders('Inbox')/messages?$filter=isRead eq false",
    ]);
    assert!(out.contains("query: $filter=isRead eq false"), "{out}");
    insta::assert_snapshot!("text_query", out);
}

// ---- lookup --type ----

#[test]
fn text_type_virtual_event_webinar() {
    let out = ok(&["lookup", "--type", "virtualEventWebinar"]);
    assert_fits(&out);
    assert!(out.contains("none known"), "{out}");
    insta::assert_snapshot!("text_type_virtual_event_webinar", out);
}

#[test]
fn type_json() {
    let out = ok(&[
        "lookup",
        "--type",
        "CHATMESSAGE",
        "--op",
        "reauthorize",
        "--mode",
        "delegated-personal,application",
        "--format",
        "json",
    ]);
    let v = json(&out);
    assert_eq!(keys(&v), sorted(&["type", "api", "operation", "rows"]));
    assert_order(&out, 0, &["type", "api", "operation", "rows"]);
    assert_eq!(v["type"], "CHATMESSAGE");
    let rows = v["rows"].as_array().expect("rows");
    assert!(rows.len() > 2, "{out}");
    for row in rows {
        assert_eq!(
            keys(row),
            sorted(&["resource_type", "row", "templates", "answers"])
        );
        assert_eq!(row["resource_type"], "chatMessage");
        assert_eq!(
            keys(&row["answers"]),
            sorted(&["delegated-personal", "application"])
        );
        let personal = &row["answers"]["delegated-personal"];
        assert_eq!(personal["status"], "not_supported");
        assert_eq!(keys(personal), ["status"]);
        let application = &row["answers"]["application"];
        if application["status"] == "supported" {
            assert_eq!(
                keys(application),
                sorted(&["status", "permissions", "least", "rsc"])
            );
        }
    }
    assert_order(
        &out,
        0,
        &[
            "rows",
            "resource_type",
            "row",
            "templates",
            "answers",
            "delegated-personal",
            "status",
            "application",
            "status",
        ],
    );
}

#[test]
fn type_without_a_path_in_json() {
    let v = json(&ok(&[
        "lookup",
        "--type",
        "virtualEventWebinar",
        "--format",
        "json",
    ]));
    assert_eq!(v["rows"][0]["templates"], serde_json::json!([]));
    assert_eq!(
        v["rows"][0]["answers"]["delegated-work"]["least"],
        "VirtualEvent.Read"
    );
}

#[test]
fn unknown_type() {
    let v = assert_json_error(
        &["lookup", "--type", "noSuchType", "--format", "json"],
        "unknown_type",
    );
    assert!(v["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("noSuchType")));
    let r = run(&["lookup", "--type", "noSuchType"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
}

// ---- lookup errors ----

#[test]
fn unknown_resource() {
    assert_json_error(
        &["lookup", "/no/such/thing", "--format", "json"],
        "unknown_resource",
    );
    let r = run(&["lookup", "/no/such/thing"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr.lines().count(), 1);
    assert!(r.stderr.contains("\"/no/such/thing\""), "{}", r.stderr);
}

#[test]
fn invalid_resource() {
    assert_json_error(
        &["lookup", "teams//channels", "--format", "json"],
        "invalid_resource",
    );
    // A control character stays on one line.
    let r = run(&["lookup", "teams/\n/x"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}

#[test]
fn usage_errors_exit_2() {
    assert_usage_error(
        &["lookup", "/me/messages", "--op", "frobnicate"],
        "unknown operation `frobnicate`",
    );
    assert_usage_error(
        &["lookup", "/me/messages", "--mode", "admin"],
        "unknown auth mode `admin`",
    );
    assert_usage_error(&["lookup", "/me/messages", "--api", "v2"], "API version");
    assert_usage_error(
        &["lookup", "/me/messages", "--type", "message"],
        "cannot be used with",
    );
    assert_usage_error(&["lookup"], "required");
    assert_usage_error(&["no-such-command"], "unrecognized subcommand");
    assert_usage_error(
        &["lookup", "/me/messages", "--format", "yaml"],
        "invalid value",
    );
}

#[test]
fn api_conflicting_with_the_resource() {
    assert_usage_error(
        &["lookup", "/beta/me/messages", "--api", "v1.0"],
        "--api v1.0 conflicts",
    );
    assert_usage_error(
        &[
            "lookup",
            "https://graph.microsoft.com/v1.0/me/messages",
            "--api",
            "beta",
            "--format",
            "json",
        ],
        "names v1.0",
    );
}

#[test]
fn help_and_version_exit_0() {
    for args in [&["--help"][..], &["-h"], &["lookup", "--help"], &["help"]] {
        let r = run(args);
        assert_eq!(r.code, 0, "{args:?}");
        assert!(r.stdout.contains("Usage"), "{args:?}");
    }
    for flag in ["--version", "-V"] {
        let out = ok(&[flag]);
        assert!(out.contains(msgraph_scopes::DATA_VERSION), "{out}");
        assert!(
            out.starts_with(&format!(
                "msgraph-scopes {} (data: ",
                env!("CARGO_PKG_VERSION")
            )),
            "{out}"
        );
    }
}

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
