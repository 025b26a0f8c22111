//! What the command says of resources beyond the tables' own templates, run as the real binary:
//! equivalent forms, refused forms, second sources, suggestions, other tables, `lookup -`,
//! the lint's findings for them, `import-concepts` and the audit's second-source differences.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};
use support::{assert_fits, assert_json_error, assert_order, json, ok, run, scratch, BIN};

/// Runs with `stdin` piped in.
fn run_stdin(args: &[&str], stdin: &str) -> support::Run {
    let mut child = Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    let out = child.wait_with_output().expect("the binary runs");
    support::Run {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8"),
    }
}

#[test]
fn an_equivalent_form_answers_with_the_row_it_stands_for_and_says_so() {
    let out = ok(&[
        "lookup",
        "/users/adele@contoso.com/calendars/AAMkADc3=/events",
        "--mode",
        "application",
        "--format",
        "json",
    ]);
    let v = json(&out);
    let a = &v["answers"]["application"];
    assert_eq!(a["template"], "/users/{id}/events");
    assert_eq!(
        a["equivalence"]["matched"],
        "/users/{id}/calendars/{id}/events"
    );
    assert_eq!(a["equivalence"]["stands_for"], "/users/{id}/events");
    assert_eq!(
        a["equivalence"]["source"],
        "api-paths/v1.0/user-list-events.md"
    );
    assert_order(
        &out,
        0,
        &["template", "permissions", "notes", "equivalence"],
    );
    // The same as the template itself, but for the marking.
    let direct = json(&ok(&[
        "lookup",
        "/users/{id}/events",
        "--mode",
        "application",
        "--format",
        "json",
    ]));
    assert_eq!(
        a["permissions"],
        direct["answers"]["application"]["permissions"]
    );
    assert!(direct["answers"]["application"]
        .get("equivalence")
        .is_none());

    let text = ok(&["lookup", "/me/calendar/events", "--mode", "delegated-work"]);
    assert!(
        text.contains("matched: /me/calendar/events (an equivalent form"),
        "{text}"
    );
    assert_fits(&text);
    insta::assert_snapshot!("text_equivalent_form", text);
}

#[test]
fn a_refused_form_is_unknown_with_the_docs_reason() {
    let v = assert_json_error(
        &[
            "lookup",
            "/drives/b!abc/items/01BYE5RZ6Q",
            "--format",
            "json",
        ],
        "unknown_resource",
    );
    let message = v["error"]["message"].as_str().unwrap();
    assert!(message.contains("root folder only"), "{message}");
    assert!(
        message.contains("it resolves under delegated-personal"),
        "{message}"
    );
    // Under the personal mode it is any folder of a personal OneDrive.
    let v = json(&ok(&[
        "lookup",
        "/drives/b!abc/items/01BYE5RZ6Q",
        "--mode",
        "delegated-personal",
        "--format",
        "json",
    ]));
    assert_eq!(
        v["answers"]["delegated-personal"]["template"],
        "/drives/{id}/root/subfolder"
    );
}

#[test]
fn second_source_permissions_are_a_separate_marked_list() {
    let out = ok(&[
        "lookup",
        "/teams/893075dd-2487-4122-925f-022c42e20265",
        "--api",
        "beta",
        "--mode",
        "application",
        "--format",
        "json",
    ]);
    let a = &json(&out)["answers"]["application"];
    let permissions: Vec<&str> = a["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(
        !permissions.contains(&"TeamSettings.Read.Group"),
        "{permissions:?}"
    );
    let also = a["also_accepted"].as_array().expect("also_accepted");
    let rsc = also
        .iter()
        .find(|p| p["permission"] == "TeamSettings.Read.Group")
        .expect("TeamSettings.Read.Group");
    assert_eq!(rsc["rsc"], true);
    assert_eq!(
        rsc["source"],
        "concepts/teams-changenotifications-team-and-channel.md"
    );
    assert_eq!(support::keys(rsc), ["permission", "rsc", "source"]);
    assert_order(
        &out,
        0,
        &[
            "permissions",
            "least",
            "rsc",
            "max_lifetime_minutes",
            "notes",
            "also_accepted",
        ],
    );
    let text = ok(&[
        "lookup",
        "/teams/{id}",
        "--api",
        "beta",
        "--mode",
        "application",
    ]);
    assert!(
        text.contains("also accepted by a second source, not the table:"),
        "{text}"
    );
    assert!(text.contains("TeamSettings.Read.Group (RSC)"), "{text}");
    assert_fits(&text);
    insta::assert_snapshot!("text_also_accepted", text);
    // v1.0: the page names beta only, so nothing is added.
    let v1 = json(&ok(&[
        "lookup",
        "/teams/{id}",
        "--mode",
        "application",
        "--format",
        "json",
    ]));
    assert!(v1["answers"]["application"].get("also_accepted").is_none());
}

#[test]
fn unknown_and_invalid_resources_get_ranked_suggestions() {
    let v = assert_json_error(
        &["lookup", "/users/{id}/mesages", "--format", "json"],
        "unknown_resource",
    );
    let first = &v["error"]["suggestions"][0];
    assert_eq!(first["template"], "/users/{id}/messages");
    assert_eq!(first["resource_type"], "message");
    assert_eq!(first["found_in"], "v1.0 create");
    let r = run(&["lookup", "/team/{id}/channels"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("(did you mean /teams/{id}/channels (channel)"),
        "{}",
        r.stderr
    );
    let v = assert_json_error(
        &["lookup", "teams//channels", "--format", "json"],
        "invalid_resource",
    );
    assert_eq!(
        v["error"]["suggestions"][0]["template"],
        "/teams/{id}/channels"
    );
    let v = assert_json_error(
        &["lookup", "/no/such/thing", "--format", "json"],
        "unknown_resource",
    );
    assert_eq!(v["error"]["suggestions"], serde_json::json!([]));
}

#[test]
fn a_resource_only_another_table_has_is_named_so() {
    let v = assert_json_error(
        &["lookup", "/teams/getAllMembers", "--format", "json"],
        "unknown_resource",
    );
    assert_eq!(
        v["error"]["message"],
        "not in v1.0 create; the beta table has it (--api beta --op create)"
    );
    assert_eq!(v["error"]["suggestions"][0]["found_in"], "beta create");
    ok(&["lookup", "/teams/getAllMembers", "--api", "beta"]);
}

#[test]
fn lookup_dash_answers_each_line_of_stdin_with_one_json_object() {
    let input = "/users/{id}/messages\n\n  /users/{id}/mesages  \n/teams/{id}\r\n";
    let r = run_stdin(&["lookup", "-", "--mode", "application"], input);
    assert_eq!(r.code, 1, "one line failed: {}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("1 of 3 resources"), "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", r.stdout);
    // Each line is what --format json prints for that resource alone.
    for (line, resource) in
        lines
            .iter()
            .zip(["/users/{id}/messages", "/users/{id}/mesages", "/teams/{id}"])
    {
        let alone = run(&[
            "lookup",
            resource,
            "--mode",
            "application",
            "--format",
            "json",
        ]);
        assert_eq!(format!("{line}\n"), alone.stdout, "{resource}");
    }
    let r = run_stdin(&["lookup", "-"], "/me/events\n/chats/{id}/messages\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 2);
    // Stdin that holds nothing is a usage error.
    let r = run_stdin(&["lookup", "-"], "\n \n");
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn the_lint_accepts_a_second_source_permission_with_an_info_finding() {
    let dir = scratch("resources-lint");
    let config = dir.join("msgraph-scopes.yaml");
    std::fs::write(
        &config,
        "api: beta\nmode: application\nscopes: [TeamSettings.Read.Group, ChannelSettings.Read.Group]\n\
         subscriptions:\n  - resource: /teams/{id}\n  - resource: /teams/{id}/channels\n  - resource: /team/{id}/chanels\n",
    )
    .unwrap();
    let config = config.display().to_string();
    let r = run(&["lint", &config, "--format", "json"]);
    assert_eq!(r.code, 1, "the typo is an error: {}", r.stdout);
    let v = json(&r.stdout);
    let findings = v["findings"].as_array().unwrap();
    let by = |rule: &str| -> Vec<&serde_json::Value> {
        findings.iter().filter(|f| f["rule"] == rule).collect()
    };
    let accepted = by("accepted-by-second-source");
    assert_eq!(accepted.len(), 2, "{findings:?}");
    for f in &accepted {
        assert_eq!(f["level"], "info");
        let message = f["message"].as_str().unwrap();
        assert!(
            message.contains("concepts/teams-changenotifications-team-and-channel.md"),
            "{message}"
        );
        assert!(message.contains("resource-specific consent"), "{message}");
    }
    assert!(by("missing-scope").is_empty(), "{findings:?}");
    assert!(by("unused-scope").is_empty(), "{findings:?}");
    let unknown = by("unknown-resource");
    assert_eq!(unknown.len(), 1);
    let message = unknown[0]["message"].as_str().unwrap();
    assert!(
        message.contains("did you mean /teams/{id}/channels"),
        "{message}"
    );
}

#[test]
fn import_concepts_writes_a_second_source() {
    let dir = scratch("import-concepts");
    let page = dir.join("teams-changenotifications-x.md");
    std::fs::write(
        &page,
        "# X\n\n## Subscribe to a team\n\nSubscribe to `/teams/{team-id}`.\n\n\
         |Permission type | Permissions (from least to most privileged) | Supported versions |\n|:--|:--|:--|\n\
         |Delegated (work or school account) | Not supported. | Not supported. |\n\
         |Delegated (personal Microsoft account) | Not supported. | Not supported. |\n\
         |Application | TeamSettings.Read.Group*, Team.ReadBasic.All | beta |\n\n\
         >**Note:** Permissions marked with * are supported as part of resource-specific consent.\n",
    )
    .unwrap();
    let out = dir.join("out");
    let written = ok(&[
        "import-concepts",
        &page.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    let file = out.join("teams-changenotifications-x.yaml");
    assert_eq!(written.trim(), file.display().to_string());
    let yaml = std::fs::read_to_string(&file).unwrap();
    assert!(
        yaml.starts_with("# @generated by `msgraph-scopes import-concepts`"),
        "{yaml}"
    );
    assert!(yaml.contains("rsc:\n  - TeamSettings.Read.Group"), "{yaml}");
    // A page with no permission table fails, naming the line, and writes nothing.
    let bad = dir.join("empty.md");
    std::fs::write(&bad, "# Nothing\n").unwrap();
    let r = run(&[
        "import-concepts",
        &bad.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("empty.md:1: no permission table"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_audit_lists_second_source_differences_with_both_sides() {
    let v = json(&ok(&["audit", "--format", "json"]));
    let findings: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "second-source-differs")
        .collect();
    assert!(findings.len() >= 40, "{}", findings.len());
    for f in &findings {
        let source = &f["second_source"];
        assert!(
            source["file"].as_str().unwrap().starts_with("concepts/"),
            "{f}"
        );
        assert!(
            source["data_file"]
                .as_str()
                .unwrap()
                .starts_with("data/second-sources/"),
            "{f}"
        );
        assert!(!f["cells"].as_array().unwrap().is_empty(), "{f}");
    }
    // The team page's RSC permissions are among them.
    assert!(findings.iter().any(|f| {
        let m = f["message"].as_str().unwrap_or_default();
        m.starts_with("beta application") && m.contains("the table lacks TeamSettings.Read.Group")
    }));
}

/// The Teams sample `graph-change-notification-team-channel` (OfficeDev/Microsoft-Teams-Samples)
/// subscribes on beta to `/teams/{teamId}` and `/teams/{teamId}/channels` with the RSC grants
/// `TeamSettings.Read.Group` and `ChannelSettings.Read.Group` in its Teams app manifest: the
/// team-and-channel page accepts them, so the lint passes with info findings, not
/// `missing-scope`.
#[test]
fn the_teams_samples_rsc_grants_pass_with_info_findings() {
    let dir = scratch("resources-teams-sample");
    let manifest = dir.join("manifest.json");
    std::fs::write(
        &manifest,
        r#"{
  "$schema": "https://developer.microsoft.com/en-us/json-schemas/teams/v1.19/MicrosoftTeams.schema.json",
  "manifestVersion": "1.19",
  "version": "1.0.0",
  "id": "6f0d7d9e-3b1a-4c55-9e1f-2a7b8c9d0e11",
  "name": {"short": "Change Notifications", "full": "Change Notifications"},
  "webApplicationInfo": {"id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "resource": "https://RscPermission"},
  "authorization": {"permissions": {"resourceSpecific": [
    {"type": "Application", "name": "ChannelSettings.Read.Group"},
    {"type": "Application", "name": "TeamSettings.Read.Group"}
  ]}}
}
"#,
    )
    .unwrap();
    let config = dir.join("msgraph-scopes.yaml");
    std::fs::write(
        &config,
        "api: beta\nmode: application\nsubscriptions:\n  - resource: /teams/{teamId}\n  - resource: /teams/{teamId}/channels\n",
    )
    .unwrap();
    let (config, manifest) = (config.display().to_string(), manifest.display().to_string());
    let r = run(&["lint", &config, "--manifest", &manifest, "--format", "json"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let v = json(&r.stdout);
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert_eq!(
        rules
            .iter()
            .filter(|r| **r == "accepted-by-second-source")
            .count(),
        2,
        "{rules:?}"
    );
    assert!(!rules.contains(&"missing-scope"), "{rules:?}");
    // In v1.0 the page names beta only: the same grants do not satisfy the v1.0 tables.
    let v1_config = dir.join("v1.yaml");
    std::fs::write(
        &v1_config,
        "api: v1.0\nmode: application\nsubscriptions:\n  - resource: /teams/{teamId}\n",
    )
    .unwrap();
    let v1 = run(&[
        "lint",
        &v1_config.display().to_string(),
        "--manifest",
        &manifest,
    ]);
    assert_eq!(v1.code, 1, "{}", v1.stdout);
    assert!(v1.stdout.contains("missing-scope"), "{}", v1.stdout);
}
