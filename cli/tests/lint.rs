//! `msgraph-scopes lint` and `matrix`, run as the real binary: findings, formats, exit codes,
//! and unusable input.

mod support;

use std::io::Write;
use std::path::Path;
use std::process::Command;
use support::{run_at_root as run, run_at_root_with as run_with, scratch, workspace_root, write};

fn json(stdout: &str) -> serde_json::Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"))
}

fn rules(v: &serde_json::Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().expect("rule").to_string())
        .collect()
}

const CHANNEL_APP: &str = "\
mode: application
scopes: [Mail.Read]
subscriptions:
  - resource: /teams/{id}/channels/{id}/messages
";

#[test]
fn a_missing_scope_exits_1_and_names_the_scope_to_add() {
    let dir = scratch("lint-missing");
    let config = write(&dir, "app.yaml", CHANNEL_APP.as_bytes());
    let r = run(&["lint", &config]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("error[missing-scope]"), "{}", r.stdout);
    assert!(
        r.stdout.contains("add ChannelMessage.Read.All"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("request: ChannelMessage.Read.All"),
        "{}",
        r.stdout
    );
    // The finding points at the subscription's line.
    assert!(
        r.stdout
            .contains(&format!("{config}:4:15: error[missing-scope]")),
        "{}",
        r.stdout
    );
    // Mail.Read is needed by nothing declared.
    assert!(r.stdout.contains("info[unused-scope]"), "{}", r.stdout);
    let v = json(&run(&["lint", &config, "--format", "json"]).stdout);
    let missing = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "missing-scope")
        .expect("missing-scope");
    assert_eq!(missing["suggestion"], "ChannelMessage.Read.All");
    assert_eq!(missing["line"], 4);
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn an_over_privileged_scope_warns_with_the_least_privileged_alternative() {
    let dir = scratch("lint-over");
    let config = write(
        &dir,
        "app.yaml",
        b"mode: delegated-work\nscopes: [Mail.ReadWrite]\nsubscriptions:\n  - resource: me/mailFolders('Inbox')/messages\n",
    );
    let r = run(&["lint", &config]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("warning[over-privileged]"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("request: Mail.ReadBasic"), "{}", r.stdout);
    // --deny warnings makes it fatal.
    let denied = run(&["lint", &config, "--deny", "warnings"]);
    assert_eq!(denied.code, 1);
    // An exact but not least-privileged scope from the same cell warns too.
    let exact = write(
        &dir,
        "exact.yaml",
        b"mode: delegated-work\nscopes: [Mail.Read]\nsubscriptions:\n  - resource: /me/messages\n",
    );
    let v = json(&run(&["lint", &exact, "--format", "json"]).stdout);
    let over = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "over-privileged")
        .expect("over-privileged");
    // The finding is about the requested set, so it points at the scope to change.
    assert_eq!(over["scope"], "Mail.Read");
    assert_eq!(over["line"], 2);
    assert_eq!(over["suggestion"], "Mail.ReadBasic");
}

#[test]
fn a_manifest_with_guids_lints_like_the_same_names() {
    let dir = scratch("lint-manifest");
    let body = "mode: application\nsubscriptions:\n  - resource: /teams/{id}/channels/{id}/messages\n  - resource: /users/{id}/messages\n  - resource: /users\n    change_type: updated,deleted\n";
    let by_names = write(
        &dir,
        "names.yaml",
        format!("{body}scopes: [ChannelMessage.Read.All, Mail.ReadWrite, User.Read.All]\n")
            .as_bytes(),
    );
    let bare = write(&dir, "bare.yaml", body.as_bytes());
    let a = json(&run(&["lint", &by_names, "--format", "json"]).stdout);
    let b = json(
        &run(&[
            "lint",
            &bare,
            "--manifest",
            "examples/entra-manifest.json",
            "--format",
            "json",
        ])
        .stdout,
    );
    assert_eq!(rules(&a), rules(&b));
    assert_eq!(a["summary"], b["summary"]);
    // A manifest's delegated entry that is really an app role is a scheme mismatch, and an
    // Azure AD Graph entry is not a Graph permission.
    let manifest = write(
        &dir,
        "bad-manifest.json",
        br#"{"requiredResourceAccess": [
  {"resourceAppId": "00000003-0000-0000-c000-000000000000",
   "resourceAccess": [{"id": "7b2449af-6ccd-4f4d-9f78-e550c193f0d1", "type": "Scope"}]},
  {"resourceAppId": "00000002-0000-0000-c000-000000000000",
   "resourceAccess": [{"id": "c3da4fc2-a3f7-fb10-b270-15dd66d000b6", "type": "Role"}]}
]}"#,
    );
    let r = run(&["lint", &bare, "--manifest", &manifest, "--format", "json"]);
    assert_eq!(r.code, 1);
    let v = json(&r.stdout);
    let found = rules(&v);
    assert!(found.contains(&"scheme-mismatch".to_string()), "{found:?}");
    assert!(
        found.contains(&"not-graph-permission".to_string()),
        "{found:?}"
    );
    let aad = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "not-graph-permission")
        .expect("aad");
    assert!(aad["message"]
        .as_str()
        .expect("message")
        .contains("retired Azure AD Graph"));
    assert_eq!(aad["file"], manifest.as_str());
    assert_eq!(aad["line"], 5);
}

/// A JWT with the given claims (unsigned: the lint decodes, never verifies).
fn jwt(claims: &str) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#);
    format!(
        "{header}.{}.c2ln",
        URL_SAFE_NO_PAD.encode(claims.as_bytes())
    )
}

#[test]
fn a_tokens_roles_claim_is_read_and_said_to_be_unverified() {
    let dir = scratch("lint-token");
    let config = write(
        &dir,
        "app.yaml",
        b"mode: application\nsubscriptions:\n  - resource: /teams/{id}/channels/{id}/messages\n",
    );
    let token = jwt(r#"{"aud":"https://graph.microsoft.com","roles":["ChannelMessage.Read.All"]}"#);
    let r = run(&["lint", &config, "--token", &token]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("decoded, not verified"), "{}", r.stdout);
    assert!(!r.stdout.contains("missing-scope"), "{}", r.stdout);
    let v = json(&run(&["lint", &config, "--token", &token, "--format", "json"]).stdout);
    assert_eq!(v["token"]["verified"], false);
    assert_eq!(v["token"]["audience"], "https://graph.microsoft.com");
    // Without the role, the scope is missing.
    let none = jwt(r#"{"roles":["Mail.Read"]}"#);
    assert_eq!(run(&["lint", &config, "--token", &none]).code, 1);
    // A token's delegated `scp` does not serve application mode.
    let scp = jwt(r#"{"scp":"ChannelMessage.Read.All openid"}"#);
    let r = run(&["lint", &config, "--token", &scp, "--format", "json"]);
    assert_eq!(r.code, 1);
    let found = rules(&json(&r.stdout));
    assert!(found.contains(&"missing-scope".to_string()), "{found:?}");
    assert!(found.contains(&"wrong-mode".to_string()), "{found:?}");
    assert_eq!(run(&["lint", &config, "--token", "not.a-jwt"]).code, 2);
}

#[test]
fn rules_of_the_docs_become_findings() {
    let dir = scratch("lint-rules");
    let config = write(
        &dir,
        "app.yaml",
        b"mode: application\nscopes: [Mail.Read, Mail.Read.Shared, User.Read.All]\nsubscriptions:\n  - resource: /me/messages\n  - resource: /users\n    change_type: created\n",
    );
    let v = json(&run(&["lint", &config, "--format", "json"]).stdout);
    let found = rules(&v);
    for rule in [
        "me-needs-delegated",
        "outlook-shared-permissions",
        "change-type-unsupported",
    ] {
        assert!(found.contains(&rule.to_string()), "{rule}: {found:?}");
    }
}

#[test]
fn unknown_resources_and_names_fail_closed() {
    let dir = scratch("lint-closed");
    let config = write(
        &dir,
        "app.yaml",
        b"mode: application\nscopes: [Mail.Reed, 11111111-2222-3333-4444-555555555555]\nsubscriptions:\n  - resource: /no/such/thing\n  - resource: teams//channels\n",
    );
    let r = run(&["lint", &config, "--format", "json"]);
    assert_eq!(r.code, 1);
    let found = rules(&json(&r.stdout));
    for rule in ["unknown-resource", "invalid-resource", "unknown-permission"] {
        assert!(found.contains(&rule.to_string()), "{rule}: {found:?}");
    }
}

#[test]
fn text_json_and_github_output() {
    let text = run(&["lint", "examples/msgraph-scopes.yaml"]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    insta::assert_snapshot!("lint_example_text", text.stdout);
    let github = run(&["lint", "examples/msgraph-scopes.yaml", "--format", "github"]);
    insta::assert_snapshot!("lint_example_github", github.stdout);
    assert!(
        github.stdout.lines().all(|l| l.starts_with("::")),
        "{}",
        github.stdout
    );
    let v = json(&run(&["lint", "examples/msgraph-scopes.yaml", "--format", "json"]).stdout);
    insta::assert_json_snapshot!("lint_example_json", v);
    let sarif = json(&run(&["lint", "examples/msgraph-scopes.yaml", "--format", "sarif"]).stdout);
    insta::assert_json_snapshot!("lint_example_sarif", sarif, {
        ".runs[0].tool.driver.version" => "[version]"
    });
}

/// The SARIF 2.1.0 schema that the serde-sarif crate generates its types from, found through
/// `cargo metadata` (nothing of it is copied into this repository).
fn sarif_schema() -> serde_json::Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(workspace_root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
    let manifest = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .and_then(|p| p["manifest_path"].as_str())
        .expect("serde-sarif is a dependency");
    let schema = Path::new(manifest)
        .with_file_name("src")
        .join("schema.json");
    let text =
        std::fs::read_to_string(&schema).unwrap_or_else(|e| panic!("{}: {e}", schema.display()));
    serde_json::from_str(&text).expect("schema JSON")
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    let schema = sarif_schema();
    assert_eq!(
        schema["$schema"], "http://json-schema.org/draft-07/schema#",
        "a draft-07 schema"
    );
    assert!(schema["title"]
        .as_str()
        .unwrap_or_default()
        .contains("2.1.0"));
    let validator = jsonschema::draft7::new(&schema).expect("the schema compiles");
    let dir = scratch("lint-sarif");
    let failing = write(
        &dir,
        "app.yaml",
        b"mode: application\nscopes: [Mail.ReadWrite, c3da4fc2-a3f7-fb10-b270-15dd66d000b6]\nsubscriptions:\n  - resource: /teams/{id}/channels/{id}/messages\n  - resource: /users/{id}/messages\n",
    );
    for config in ["examples/msgraph-scopes.yaml", failing.as_str()] {
        let r = run(&["lint", config, "--format", "sarif"]);
        let sarif = json(&r.stdout);
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{config}: {errors:#?}");
        let results = sarif["runs"][0]["results"].as_array().expect("results");
        assert!(!results.is_empty());
        let rule_ids: Vec<&str> = sarif["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules")
            .iter()
            .map(|r| r["id"].as_str().expect("id"))
            .collect();
        for result in results {
            let id = result["ruleId"].as_str().expect("ruleId");
            assert!(rule_ids.contains(&id), "{id} is declared");
            let location = &result["locations"][0]["physicalLocation"];
            assert!(location["region"]["startLine"]
                .as_u64()
                .is_some_and(|l| l >= 1));
        }
    }
    // The validator does reject a broken log.
    let broken = serde_json::json!({"version": "2.1.0", "runs": [{"results": []}]});
    assert!(!validator.is_valid(&broken));
}

#[test]
fn unusable_input_exits_2_saying_what_and_where() {
    let dir = scratch("lint-bad");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "malformed.yaml",
            b"mode: application\nsubscriptions: [\n".to_vec(),
            "malformed.yaml:",
        ),
        (
            "unknown-field.yaml",
            b"mode: application\nscopes: []\nsubscription:\n  - resource: /users\n".to_vec(),
            "unknown field `subscription`",
        ),
        (
            "bad-mode.yaml",
            b"mode: admin\nsubscriptions:\n  - resource: /users\n".to_vec(),
            "bad-mode.yaml:1:7:",
        ),
        ("empty.yaml", Vec::new(), "the file is empty"),
        (
            "latin1.yaml",
            b"mode: application\n# caf\xe9\n".to_vec(),
            "not UTF-8",
        ),
        (
            "no-subs.yaml",
            b"mode: application\nscopes: [Mail.Read]\n".to_vec(),
            "declares no subscriptions",
        ),
        (
            "no-mode.yaml",
            b"scopes: [Mail.Read]\nsubscriptions:\n  - resource: /users\n".to_vec(),
            "no auth mode",
        ),
    ];
    for (name, bytes, expect) in cases {
        let path = write(&dir, name, &bytes);
        let r = run(&["lint", &path]);
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        assert!(r.stderr.contains(expect), "{name}: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"), "{name}: {}", r.stderr);
    }
    let unknown = run(&["lint", &dir.join("absent.yaml").display().to_string()]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("cannot read"), "{}", unknown.stderr);
    let manifest = write(&dir, "manifest.json", b"{\"requiredResourceAccess\": [}");
    let config = write(
        &dir,
        "ok.yaml",
        b"mode: application\nsubscriptions:\n  - resource: /users\n",
    );
    let r = run(&["lint", &config, "--manifest", &manifest]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("manifest.json:1:"), "{}", r.stderr);
}

#[test]
fn a_100_mb_file_is_refused_without_reading_it_all() {
    let dir = scratch("lint-huge");
    let path = dir.join("huge.yaml");
    {
        let mut f = std::fs::File::create(&path).expect("create");
        let line = "# padding padding padding padding padding padding padding padding padding\n";
        let block = line.repeat(1 << 14);
        let mut written = 0usize;
        while written < 100 * 1024 * 1024 {
            f.write_all(block.as_bytes()).expect("write");
            written += block.len();
        }
    }
    let r = run(&["lint", &path.display().to_string()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("larger than the 8 MiB limit"),
        "{}",
        r.stderr
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn the_config_can_come_from_stdin() {
    let r = run_with(
        &["lint", "-", "--scopes", "ChannelMessage.Read.All"],
        Some(CHANNEL_APP.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("<stdin>:"), "{}", r.stdout);
}

#[test]
fn matrix_in_every_format() {
    let md = run(&["matrix", "--api", "v1.0", "--op", "reauthorize"]);
    assert_eq!(md.code, 0);
    insta::assert_snapshot!("matrix_v1_reauthorize_markdown", md.stdout);
    let csv = run(&["matrix", "--format", "csv"]);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert!(lines[0].starts_with("api,operation,resource_type,row,templates,delegated-work"));
    let rows: usize = msgraph_scopes::tables().map(|t| t.rows().len()).sum();
    assert_eq!(lines.len(), rows + 1);
    let v = json(&run(&["matrix", "--format", "json"]).stdout);
    assert_eq!(v["tables"].as_array().expect("tables").len(), 14);
    let first = &v["tables"][0]["rows"][0];
    for key in [
        "resource_type",
        "row",
        "templates",
        "delegated-work",
        "delegated-personal",
        "application",
        "rsc",
        "line",
    ] {
        assert!(first.get(key).is_some(), "{key}");
    }
    let yaml = run(&[
        "matrix", "--api", "beta", "--op", "list", "--format", "yaml",
    ]);
    let parsed: serde_yaml::Value = serde_yaml::from_str(&yaml.stdout).expect("YAML");
    assert_eq!(parsed["tables"][0]["api"], serde_yaml::Value::from("beta"));
}
