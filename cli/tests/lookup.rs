//! `lookup`, run as a user runs it: answers in JSON (shapes and key order) and text
//! (snapshots), `--type`, and its errors and exit statuses.

mod support;

use support::*;

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
