//! `msgraph-scopes schema`: the lint config's JSON Schema validates the configs the lint reads
//! and refuses what the lint refuses; the copy at the repository root is what the command prints.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_msgraph-scopes");

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn schema_text() -> String {
    let out = Command::new(BIN)
        .arg("schema")
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&schema_text()).expect("JSON");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::new(&schema).expect("the schema compiles")
}

/// A YAML config as the JSON value a schema validates.
fn yaml(text: &str) -> serde_json::Value {
    let value: serde_yaml::Value = serde_yaml::from_str(text).expect("YAML");
    serde_json::to_value(value).expect("as JSON")
}

/// Whether the lint itself accepts the config `text` (it exits 2 on a config it refuses).
fn lint_accepts(text: &str) -> bool {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("schema");
    std::fs::create_dir_all(&dir).expect("dir");
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    std::hash::Hash::hash(text, &mut hasher);
    let path = dir.join(format!(
        "config-{:x}.yaml",
        std::hash::Hasher::finish(&hasher)
    ));
    std::fs::write(&path, text).expect("write");
    let out = Command::new(BIN)
        .args([
            "lint",
            &path.display().to_string(),
            "--scopes",
            "User.Read.All",
        ])
        .output()
        .expect("the binary runs");
    out.status.code() != Some(2)
}

#[test]
fn the_copy_at_the_root_is_what_the_command_prints() {
    let kept = std::fs::read_to_string(workspace_root().join("msgraph-scopes.schema.json"))
        .expect("msgraph-scopes.schema.json");
    assert_eq!(
        kept,
        schema_text(),
        "regenerate it: cargo run -- schema > msgraph-scopes.schema.json"
    );
}

#[test]
fn the_schema_validates_the_example_and_the_fixtures() {
    let validator = validator();
    let root = workspace_root();
    // The plan examples use `prefer:` and `rsc:` too.
    let mut plans: Vec<String> = std::fs::read_dir(root.join("examples/plans"))
        .expect("examples/plans")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| {
            format!(
                "examples/plans/{}",
                p.file_name().unwrap_or_default().to_string_lossy()
            )
        })
        .collect();
    plans.sort();
    assert!(plans.len() >= 4, "{plans:?}");
    let fixed = [
        "examples/msgraph-scopes.yaml",
        "cli/tests/fixtures/declare/listener.yaml",
        "cli/tests/fixtures/declare/teams-bot.yaml",
        "cli/tests/fixtures/declare/archiver.yaml",
    ];
    for path in fixed.iter().map(|p| p.to_string()).chain(plans) {
        let path = path.as_str();
        let text = std::fs::read_to_string(root.join(path)).expect(path);
        let errors: Vec<String> = validator
            .iter_errors(&yaml(&text))
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:#?}");
    }
    // The example names the schema for editors.
    let example =
        std::fs::read_to_string(root.join("examples/msgraph-scopes.yaml")).expect("example");
    assert!(example.contains("# yaml-language-server: $schema=../msgraph-scopes.schema.json"));
}

#[test]
fn the_schema_refuses_what_the_lint_refuses() {
    let validator = validator();
    let every_field = "api: beta\nmode: delegated-work\nscopes: [Mail.Read]\nprefer: fewest-scopes\nrsc: true\nsubscriptions:\n  - resource: /me/messages\n    operations: [create, delete]\n    change_type: created\n";
    assert!(validator.is_valid(&yaml(every_field)));
    assert!(lint_accepts(every_field));
    for bad in [
        // A misspelt top-level field.
        "mode: application\nsubscription:\n  - resource: /users\n",
        // A misspelt subscription field.
        "mode: application\nsubscriptions:\n  - resource: /users\n    operation: [create]\n",
        // No subscriptions.
        "mode: application\nscopes: [User.Read.All]\n",
        "mode: application\nsubscriptions: []\n",
        // A subscription without its resource.
        "mode: application\nsubscriptions:\n  - operations: [create]\n",
        // Wrong types.
        "mode: application\nsubscriptions:\n  - resource: /users\n    operations: create\n",
        "mode: [application]\nsubscriptions:\n  - resource: /users\n",
        "mode: application\nrsc: sometimes\nsubscriptions:\n  - resource: /users\n",
    ] {
        assert!(
            !validator.is_valid(&yaml(bad)),
            "the schema accepts {bad:?}"
        );
        assert!(!lint_accepts(bad), "the lint accepts {bad:?}");
    }
}
