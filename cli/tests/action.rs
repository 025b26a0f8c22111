//! `action.yml`, the composite GitHub Action: its lint step, run as GitHub runs it (bash, with
//! the step's `env` filled from the inputs), runs exactly the command line the README shows for
//! the README's inputs, and, with the real command, lints the examples into a SARIF log.

use serde_yaml::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_msgraph-scopes");

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(workspace_root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn action() -> Value {
    serde_yaml::from_str(&read("action.yml")).expect("action.yml is YAML")
}

fn steps(action: &Value) -> &Vec<Value> {
    action["runs"]["steps"].as_sequence().expect("runs.steps")
}

/// The fenced blocks of the README with the given info string.
fn readme_blocks(info: &str) -> Vec<String> {
    let readme = read("README.md");
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in readme.lines() {
        match &mut current {
            None if line == format!("```{info}") => current = Some(String::new()),
            Some(block) if line == "```" => {
                out.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    out
}

/// The README's usage of the action: the `with:` inputs of its `uses: .../msgraph-scopes@` step.
fn readme_inputs() -> Vec<(String, String)> {
    for block in readme_blocks("yaml") {
        let Ok(doc) = serde_yaml::from_str::<Value>(&block) else {
            continue;
        };
        let Some(jobs) = doc["jobs"].as_mapping() else {
            continue;
        };
        for job in jobs.values() {
            for step in job["steps"].as_sequence().into_iter().flatten() {
                if step["uses"]
                    .as_str()
                    .is_some_and(|u| u.contains("/msgraph-scopes@"))
                {
                    return step["with"]
                        .as_mapping()
                        .expect("with")
                        .iter()
                        .map(|(k, v)| {
                            (
                                k.as_str().expect("key").to_string(),
                                v.as_str().expect("value").to_string(),
                            )
                        })
                        .collect();
                }
            }
        }
    }
    panic!("the README shows no step using the action");
}

/// The README's command line for the action (the `sh` block starting `msgraph-scopes lint`).
fn readme_command() -> String {
    readme_blocks("sh")
        .into_iter()
        .find(|b| b.starts_with("msgraph-scopes lint") && b.contains("--format sarif"))
        .expect("the README shows the action's command line")
        .trim()
        .to_string()
}

/// Runs the action's lint step with the given inputs (defaults for the rest) in `cwd`, with
/// `path_dir` first on PATH. Returns (bash's status, the step's outputs).
fn run_lint_step(
    inputs: &[(String, String)],
    cwd: &Path,
    path_dir: &Path,
    outputs: &Path,
) -> (i32, String) {
    let action = action();
    let step = steps(&action)
        .iter()
        .find(|s| s["id"] == "lint")
        .expect("a step with id lint");
    assert_eq!(step["shell"], "bash");
    let script = step["run"].as_str().expect("run");
    let mut command = Command::new("bash");
    // What GitHub runs for `shell: bash`.
    command.args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script]);
    for (var, expr) in step["env"].as_mapping().expect("env") {
        let var = var.as_str().expect("name");
        let expr = expr.as_str().expect("expression");
        let input = expr
            .strip_prefix("${{ inputs.")
            .and_then(|e| e.strip_suffix(" }}"))
            .unwrap_or_else(|| panic!("{var}: {expr} is not an input"));
        let value = inputs
            .iter()
            .find(|(k, _)| k == input)
            .map(|(_, v)| v.clone())
            .or_else(|| {
                action["inputs"][input]["default"]
                    .as_str()
                    .map(str::to_string)
            })
            .unwrap_or_else(|| panic!("input {input} has no value"));
        command.env(var, value);
    }
    let path = format!(
        "{}:{}",
        path_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let _ = std::fs::remove_file(outputs);
    let status = command
        .env("PATH", path)
        .env("GITHUB_OUTPUT", outputs)
        .current_dir(cwd)
        .status()
        .expect("bash runs");
    (
        status.code().unwrap_or(-1),
        std::fs::read_to_string(outputs).unwrap_or_default(),
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("action")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    dir
}

#[test]
fn the_lint_step_runs_the_command_line_the_readme_shows() {
    let dir = scratch("shim");
    // A stand-in for the command that records its arguments, one per line.
    let shim = dir.join("msgraph-scopes");
    let args_file = dir.join("args");
    std::fs::write(
        &shim,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\necho '{{}}'\n",
            args_file.display()
        ),
    )
    .expect("shim");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&shim, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let inputs = readme_inputs();
    let (status, outputs) = run_lint_step(&inputs, &dir, &dir, &dir.join("outputs"));
    assert_eq!(status, 0);
    assert_eq!(outputs, "exit-code=0\n");
    let ran: Vec<String> = std::fs::read_to_string(&args_file)
        .expect("the step ran msgraph-scopes")
        .lines()
        .map(str::to_string)
        .collect();
    let shown = readme_command();
    let (command, redirect) = shown
        .split_once(" > ")
        .expect("the README redirects the log");
    let words: Vec<&str> = command.split_whitespace().collect();
    assert_eq!(words[0], "msgraph-scopes");
    assert_eq!(ran, words[1..], "the README shows `{shown}`");
    // The log goes where the README says, the default sarif-file.
    assert!(dir.join(redirect.trim()).exists(), "{redirect}");
    assert_eq!(
        action()["inputs"]["sarif-file"]["default"].as_str(),
        Some(redirect.trim())
    );
}

#[test]
fn the_lint_step_lints_the_examples_into_sarif() {
    let dir = scratch("real");
    let bin_dir = Path::new(BIN).parent().expect("bin dir");
    let sarif = dir.join("out.sarif");
    let outputs = dir.join("outputs");
    let inputs = vec![
        (
            "config".to_string(),
            "examples/msgraph-scopes.yaml".to_string(),
        ),
        (
            "manifests".to_string(),
            "  examples/entra-manifest.json  \n\n".to_string(),
        ),
        ("sarif-file".to_string(), sarif.display().to_string()),
    ];
    let (status, out) = run_lint_step(&inputs, &workspace_root(), bin_dir, &outputs);
    assert_eq!((status, out.as_str()), (0, "exit-code=0\n"));
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).expect("SARIF written"))
            .expect("JSON");
    assert_eq!(log["version"], "2.1.0");
    // The same log as the command run by hand.
    let direct = Command::new(BIN)
        .args([
            "lint",
            "examples/msgraph-scopes.yaml",
            "--manifest",
            "examples/entra-manifest.json",
            "--format",
            "sarif",
        ])
        .current_dir(workspace_root())
        .output()
        .expect("runs");
    let direct: serde_json::Value = serde_json::from_slice(&direct.stdout).expect("JSON");
    assert_eq!(log, direct);
    // A config with errors: the step succeeds (so that the log is uploaded), its output says 1.
    let failing = dir.join("failing.yaml");
    std::fs::write(
        &failing,
        "mode: application\nscopes: [Mail.Read]\nsubscriptions:\n  - resource: /users\n",
    )
    .expect("write");
    let inputs = vec![
        ("config".to_string(), failing.display().to_string()),
        ("sarif-file".to_string(), sarif.display().to_string()),
        ("deny".to_string(), "warnings".to_string()),
    ];
    let (status, out) = run_lint_step(&inputs, &workspace_root(), bin_dir, &outputs);
    assert_eq!((status, out.as_str()), (0, "exit-code=1\n"));
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).expect("SARIF written"))
            .expect("JSON");
    assert!(log["runs"][0]["results"]
        .as_array()
        .is_some_and(|r| !r.is_empty()));
}

#[test]
fn the_action_installs_from_its_checkout_uploads_sarif_and_fails_on_errors() {
    let action = action();
    assert_eq!(action["runs"]["using"], "composite");
    let steps = steps(&action);
    let install = steps[0]["run"].as_str().expect("install step");
    assert!(
        install.contains("cargo install --locked --path \"$GITHUB_ACTION_PATH/cli\""),
        "{install}"
    );
    // The path is the package that builds the command.
    let cli = read("cli/Cargo.toml");
    assert!(cli.contains("name = \"msgraph-scopes\"") && cli.contains("[[bin]]"));
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("an upload-sarif step");
    assert_eq!(upload["with"]["sarif_file"], "${{ inputs.sarif-file }}");
    let last = steps.last().expect("steps");
    assert!(last["if"]
        .as_str()
        .is_some_and(|c| c.contains("steps.lint.outputs.exit-code != '0'")));
    // Every input the README uses exists.
    for (input, _) in readme_inputs() {
        assert!(action["inputs"][input.as_str()].is_mapping(), "{input}");
    }
}
