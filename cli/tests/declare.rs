//! `msgraph-scopes lint --manifest`, run as the real binary on the declaration formats it reads
//! (fixtures in `tests/fixtures/declare/`): findings per format, several declarations at once,
//! resource-specific consent, and unusable input per reader (exit 2 with file:line).

mod support;

use std::path::Path;
use support::{run_at_root, scratch, workspace_root, write};

const DIR: &str = "cli/tests/fixtures/declare";

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// `lint CONFIG --manifest M... --format json`.
fn lint_json(config: &str, manifests: &[&str]) -> (i32, serde_json::Value) {
    let config = fixture(config);
    let paths: Vec<String> = manifests.iter().map(|m| fixture(m)).collect();
    let mut args = vec!["lint", config.as_str(), "--format", "json"];
    for p in &paths {
        args.extend(["--manifest", p.as_str()]);
    }
    let r = run_at_root(&args);
    let v = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}{}", r.stdout, r.stderr));
    (r.code, v)
}

fn findings(v: &serde_json::Value) -> &Vec<serde_json::Value> {
    v["findings"].as_array().expect("findings")
}

fn rules(v: &serde_json::Value) -> Vec<&str> {
    findings(v)
        .iter()
        .map(|f| f["rule"].as_str().expect("rule"))
        .collect()
}

#[test]
fn every_format_is_read_by_content_and_traced_to_file_and_line() {
    let cases: [(&str, &[&str], &str, &str); 7] = [
        (
            "listener.yaml",
            &["entra-manifest.json"],
            "entra_manifest",
            "Entra ID application manifest",
        ),
        (
            "listener.yaml",
            &["graph-application.json"],
            "graph_application",
            "Microsoft Graph application object",
        ),
        ("listener.yaml", &["app.tf"], "terraform", "Terraform"),
        ("listener.yaml", &["graph.bicep"], "bicep", "Bicep"),
        (
            "teams-bot.yaml",
            &["aad.manifest.json", "teams-app-manifest.json"],
            "teams_toolkit_and_teams_app",
            "Teams Toolkit aad.manifest.json",
        ),
        (
            "archiver.yaml",
            &["teams-app-manifest-v1.11.json"],
            "teams_app_v1_11",
            "Teams app manifest",
        ),
        (
            "teams-bot.yaml",
            &["teams-app-manifest.json"],
            "teams_app_alone",
            "Teams app manifest",
        ),
    ];
    for (config, manifests, snapshot, format) in cases {
        let (code, v) = lint_json(config, manifests);
        assert!(code == 0 || code == 1, "{snapshot}: {code}");
        assert_eq!(v["declarations"][0]["format"], format, "{snapshot}");
        assert_eq!(
            v["declarations"].as_array().map(Vec::len),
            Some(manifests.len())
        );
        // Every finding from a declaration names its file and line.
        for f in findings(&v) {
            let file = f["file"].as_str().expect("file");
            if file.ends_with(".yaml") {
                continue;
            }
            assert!(manifests.iter().any(|m| file == fixture(m)), "{f}");
            assert!(
                f["line"].as_u64().is_some_and(|l| l >= 1),
                "{snapshot}: {f}"
            );
        }
        insta::assert_json_snapshot!(format!("declare_{snapshot}"), v);
    }
}

#[test]
fn the_text_report_says_what_each_file_was_read_as() {
    let r = run_at_root(&[
        "lint",
        &fixture("teams-bot.yaml"),
        "--manifest",
        &fixture("aad.manifest.json"),
        "--manifest",
        &fixture("teams-app-manifest.json"),
    ]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    insta::assert_snapshot!("declare_teams_pair_text", r.stdout);
}

#[test]
fn a_teams_toolkit_manifest_with_correct_names_is_no_error() {
    let (code, v) = lint_json(
        "teams-bot.yaml",
        &["aad.manifest.json", "teams-app-manifest.json"],
    );
    assert_eq!(code, 0, "{v}");
    let found = rules(&v);
    assert!(!found.contains(&"not-graph-permission"), "{found:?}");
    assert!(!found.contains(&"unknown-permission"), "{found:?}");
    // SharePoint, named as Teams Toolkit names it, is another API: once, as info.
    let other: Vec<&serde_json::Value> = findings(&v)
        .iter()
        .filter(|f| f["rule"] == "other-api" && f["scope"] == "AllSites.Read")
        .collect();
    assert_eq!(other.len(), 1, "{v}");
    assert_eq!(other[0]["level"], "info");
    // The placeholder resource app is left alone, and said so.
    let placeholder = findings(&v)
        .iter()
        .find(|f| f["rule"] == "not-evaluated")
        .expect("a not-evaluated note");
    assert!(placeholder["message"]
        .as_str()
        .is_some_and(|m| m.contains("${{CONTOSO_API_CLIENT_ID}}")));
}

#[test]
fn all_declarations_are_linted_together() {
    // The Teams app manifest grants the channel and chat-settings RSC permissions, the Entra
    // manifest the tenant-wide roles; each alone leaves subscriptions uncovered.
    let missing = |manifests: &[&str]| -> Vec<String> {
        let (_, v) = lint_json("teams-bot.yaml", manifests);
        findings(&v)
            .iter()
            .filter(|f| f["rule"] == "missing-scope")
            .map(|f| {
                f["subscription"]
                    .as_str()
                    .expect("subscription")
                    .to_string()
            })
            .collect()
    };
    assert!(missing(&["aad.manifest.json", "teams-app-manifest.json"]).is_empty());
    assert_eq!(
        missing(&["teams-app-manifest.json"]),
        ["/chats/{id}/messages", "/users"]
    );
    assert_eq!(
        missing(&["aad.manifest.json"]),
        ["/teams/{id}/channels/{id}/messages"]
    );
}

#[test]
fn an_rsc_grant_satisfies_only_the_rows_that_mark_it_rsc() {
    let (code, v) = lint_json("archiver.yaml", &["teams-app-manifest-v1.11.json"]);
    assert_eq!(code, 1);
    let missing: Vec<&str> = findings(&v)
        .iter()
        .filter(|f| f["rule"] == "missing-scope")
        .map(|f| f["subscription"].as_str().expect("subscription"))
        .collect();
    // ChannelMessage.Read.Group covers the channel's messages (marked RSC there), never a
    // chat's.
    assert_eq!(missing, ["/chats/{id}/messages"]);
    assert!(!rules(&v).contains(&"scheme-mismatch"), "{v}");
}

#[test]
fn any_other_file_exits_2_naming_the_formats_read() {
    let dir = scratch("declare-unknown");
    for (name, text) in [
        ("config.yaml", "mode: application\nsubscriptions: []\n"),
        ("app.xml", "<?xml version=\"1.0\"?><app/>"),
        ("notes.txt", "These are the scopes we need.\n"),
        ("list.json", "[\"User.Read\"]"),
        (
            "package.json",
            "{\"name\": \"app\", \"version\": \"1.0.0\"}",
        ),
    ] {
        let path = write(&dir, name, text.as_bytes());
        let r = run_at_root(&["lint", &fixture("listener.yaml"), "--manifest", &path]);
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        for format in [
            "Entra ID application manifest",
            "Teams Toolkit",
            "Teams app manifest",
            "Terraform",
            "Bicep",
        ] {
            assert!(r.stderr.contains(format), "{name}: {}", r.stderr);
        }
        assert!(r.stderr.contains(&path), "{name}: {}", r.stderr);
    }
}

/// Runs the lint on the manifest `bytes` and checks it exits 2 with `path:LINE:` (and the
/// column and `expect` when given) in its message.
fn refused(dir: &Path, name: &str, bytes: &[u8], line: Option<u32>, expect: &str) {
    let path = write(dir, name, bytes);
    let r = run_at_root(&["lint", &fixture("listener.yaml"), "--manifest", &path]);
    assert_eq!(r.code, 2, "{name}: {}{}", r.stdout, r.stderr);
    assert!(!r.stderr.contains("panicked"), "{name}: {}", r.stderr);
    let after = r
        .stderr
        .split_once(&format!("{path}:"))
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("{name}: no {path}: in {}", r.stderr));
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    let at: u32 = digits
        .parse()
        .unwrap_or_else(|_| panic!("{name}: no line in {}", r.stderr));
    assert!(
        after[digits.len()..].starts_with(':'),
        "{name}: {}",
        r.stderr
    );
    if let Some(line) = line {
        assert_eq!(at, line, "{name}: {}", r.stderr);
    }
    assert!(r.stderr.contains(expect), "{name}: {}", r.stderr);
}

/// The bad inputs every reader must refuse: the fixture cut inside its declarations, with a
/// byte that is not UTF-8 on line 3, past the size limit, and nested too deeply.
fn refuse_the_usual(
    dir: &Path,
    ext: &str,
    fixture_name: &str,
    cut_after: &str,
    padding: &str,
    nested: &str,
) {
    let text =
        std::fs::read_to_string(workspace_root().join(fixture(fixture_name))).expect("fixture");
    let cut = text.find(cut_after).expect("marker") + cut_after.len();
    refused(
        dir,
        &format!("truncated.{ext}"),
        &text.as_bytes()[..cut],
        None,
        "",
    );
    let mut latin1 = text.clone().into_bytes();
    let third = latin1
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .map(|(i, _)| i + 1)
        .expect("three lines");
    latin1.insert(third, 0xe9);
    refused(dir, &format!("latin1.{ext}"), &latin1, Some(3), "not UTF-8");
    let mut huge = text.into_bytes();
    while huge.len() <= 9 * 1024 * 1024 {
        huge.extend_from_slice(padding.as_bytes());
    }
    refused(
        dir,
        &format!("huge.{ext}"),
        &huge,
        None,
        "larger than the 8 MiB limit",
    );
    refused(dir, &format!("nested.{ext}"), nested.as_bytes(), None, "");
}

#[test]
fn entra_and_teams_toolkit_manifests_refuse_unusable_input_with_file_and_line() {
    let dir = scratch("declare-bad-entra");
    let nested = format!("{{\"requiredResourceAccess\": {}", "[".repeat(100_000));
    refuse_the_usual(
        &dir,
        "json",
        "entra-manifest.json",
        "\"resourceAccess\": [",
        "\n// padding padding padding padding padding\n",
        &nested,
    );
    refuse_the_usual(
        &dir,
        "jsonc",
        "aad.manifest.json",
        "\"Microsoft Graph\",",
        "\n// padding padding padding padding padding\n",
        &nested,
    );
    refused(
        &dir,
        "string.json",
        b"{\n  \"requiredResourceAccess\": [\n    {\n      \"resourceAppId\": \"00000003-0000-0000-c000-000000000000\",\n      \"resourceAccess\": \"User.Read\"\n    }\n  ]\n}\n",
        Some(5),
        "`resourceAccess` is a string; expected an array",
    );
    refused(
        &dir,
        "number.json",
        b"{\"requiredResourceAccess\": [{\"resourceAppId\": \"Microsoft Graph\",\n \"resourceAccess\": [{\"id\": \"User.Read\", \"type\": 1}]}]}",
        Some(2),
        "`type` is a number",
    );
    refused(
        &dir,
        "kind.json",
        b"{\"requiredResourceAccess\": [{\"resourceAppId\": \"Microsoft Graph\",\n \"resourceAccess\": [{\"id\": \"User.Read\",\n \"type\": \"Delegated\"}]}]}",
        Some(3),
        "expected `Scope`",
    );
    refused(
        &dir,
        "no-id.json",
        b"{\"requiredResourceAccess\": [{\"resourceAppId\": \"Microsoft Graph\",\n \"resourceAccess\": [{\"type\": \"Scope\"}]}]}",
        Some(2),
        "`id` is missing",
    );
}

#[test]
fn teams_app_manifests_refuse_unusable_input_with_file_and_line() {
    let dir = scratch("declare-bad-teams");
    let nested = format!(
        "{{\"manifestVersion\": \"1.17\", \"x\": {}",
        "{\"a\":".repeat(100_000)
    );
    refuse_the_usual(
        &dir,
        "json",
        "teams-app-manifest.json",
        "\"resourceSpecific\": [",
        "\n",
        &nested,
    );
    refused(
        &dir,
        "object.json",
        b"{\n\"manifestVersion\": \"1.17\",\n\"authorization\": {\"permissions\": {\n\"resourceSpecific\": {\"name\": \"ChannelMessage.Read.Group\"}}}}",
        Some(4),
        "`resourceSpecific` is an object; expected an array",
    );
    refused(
        &dir,
        "type.json",
        b"{\"manifestVersion\": \"1.17\", \"authorization\": {\"permissions\": {\"resourceSpecific\": [\n{\"name\": \"ChannelMessage.Read.Group\",\n \"type\": \"Tenant\"}]}}}",
        Some(3),
        "expected `Application` or `Delegated`",
    );
    refused(
        &dir,
        "legacy.json",
        b"{\"manifestVersion\": \"1.11\", \"webApplicationInfo\": {\"id\": \"x\",\n \"applicationPermissions\": [\"TeamSettings.Read.Group\",\n 42]}}",
        Some(3),
        "an `applicationPermissions` entry is a number",
    );
}

#[test]
fn terraform_refuses_unusable_input_with_file_and_line() {
    let dir = scratch("declare-bad-terraform");
    let nested = format!(
        "resource \"azuread_application\" \"a\" {{\n  tags = {}\n}}\n",
        "[".repeat(100_000)
    );
    refuse_the_usual(
        &dir,
        "tf",
        "app.tf",
        "resource_access {",
        "\n# padding padding padding padding padding\n",
        &nested,
    );
    refused(
        &dir,
        "type.tf",
        b"resource \"azuread_application\" \"a\" {\n  required_resource_access {\n    resource_app_id = \"00000003-0000-0000-c000-000000000000\"\n    resource_access {\n      id   = \"df021288-bdef-4463-88db-98f22de89214\"\n      type = \"Delegated\"\n    }\n  }\n}\n",
        Some(6),
        "expected \"Scope\"",
    );
    refused(
        &dir,
        "roles.tf",
        b"resource \"azuread_application_api_access\" \"a\" {\n  application_id = azuread_application.a.id\n  api_client_id  = \"00000003-0000-0000-c000-000000000000\"\n  role_ids       = \"df021288-bdef-4463-88db-98f22de89214\"\n}\n",
        Some(4),
        "must be lists",
    );
    refused(
        &dir,
        "no-id.tf",
        b"resource \"azuread_application\" \"a\" {\n  required_resource_access {\n    resource_app_id = \"00000003-0000-0000-c000-000000000000\"\n    resource_access {\n      type = \"Role\"\n    }\n  }\n}\n",
        Some(4),
        "`id` is missing",
    );
    refused(
        &dir,
        "name.tf",
        b"resource \"azuread_application\" \"a\" {\n  required_resource_access {\n    resource_app_id = \"00000003-0000-0000-c000-000000000000\"\n    resource_access {\n      id   = \"User.Read.All\"\n      type = \"Role\"\n    }\n  }\n}\n",
        Some(5),
        "not a GUID",
    );
}

#[test]
fn bicep_refuses_unusable_input_with_file_and_line() {
    let dir = scratch("declare-bad-bicep");
    let nested = format!(
        "resource app 'Microsoft.Graph/applications@v1.0' = {{\n  tags: {}\n}}\n",
        "{ a: ".repeat(100_000)
    );
    refuse_the_usual(
        &dir,
        "bicep",
        "graph.bicep",
        "resourceAccess: [",
        "\n// padding padding padding padding padding\n",
        &nested,
    );
    refused(
        &dir,
        "string.bicep",
        b"extension microsoftGraphV1\nresource app 'Microsoft.Graph/applications@v1.0' = {\n  uniqueName: 'a'\n  requiredResourceAccess: 'User.Read'\n}\n",
        Some(4),
        "`requiredResourceAccess` is a string; expected a list",
    );
    refused(
        &dir,
        "type.bicep",
        b"resource app 'Microsoft.Graph/applications@v1.0' = {\n  requiredResourceAccess: [\n    {\n      resourceAppId: '00000003-0000-0000-c000-000000000000'\n      resourceAccess: [\n        { id: 'df021288-bdef-4463-88db-98f22de89214', type: 'Application' }\n      ]\n    }\n  ]\n}\n",
        Some(6),
        "expected 'Scope'",
    );
    refused(
        &dir,
        "unterminated.bicep",
        b"resource app 'Microsoft.Graph/applications@v1.0' = {\n  uniqueName: 'a\n}\n",
        Some(2),
        "unterminated string",
    );
}
