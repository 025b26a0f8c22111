//! What the binary's tests share: running it, reading its JSON, and the fixtures' constants.

// Each test binary uses a part of these.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_msgraph-scopes");

/// The headline resource: a channel's messages, with real-looking ids.
pub const CHANNEL_MESSAGES: &str =
    "/teams/19:abc@thread.tacv2/channels/19:def@thread.tacv2/messages";

/// Mail.Read's delegated GUID.
pub const MAIL_READ_DELEGATED: &str = "570282fd-fa5c-430d-a7fd-fc8dc98a9dca";

/// A GUID of the retired Azure AD Graph (data/catalog.yaml `foreign_ids`).
pub const AZURE_AD_GRAPH_ID: &str = "a1b2c3d4-1111-2222-3333-444455557777";

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `command` to its end and keeps its exit code and output.
fn capture(command: &mut Command) -> Run {
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

pub fn run_in(dir: Option<&Path>, args: &[&str]) -> Run {
    let mut command = Command::new(BIN);
    command.args(args);
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    capture(&mut command)
}

pub fn run(args: &[&str]) -> Run {
    run_in(None, args)
}

/// Runs from the workspace root, so that paths such as `examples/...` and
/// `cli/tests/fixtures/...` resolve, with `NO_COLOR=1` and nothing on stdin.
pub fn run_at_root(args: &[&str]) -> Run {
    run_at_root_with(args, None)
}

/// [`run_at_root`], with `stdin` (when given) written to the command's standard input.
pub fn run_at_root_with(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(workspace_root())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary starts");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        // The binary may stop reading early (size limit); a broken pipe is fine then.
        let _ = pipe.write_all(bytes);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("the binary runs");
    Run {
        code: status.code().expect("exited normally"),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

/// The repository root, where `examples/` and the fixture paths start (this package is `cli/`
/// inside it).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs, expecting exit 0 and nothing on stderr.
pub fn ok(args: &[&str]) -> String {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}: stderr: {}", r.stderr);
    assert_eq!(r.stderr, "", "{args:?}");
    r.stdout
}

/// Parses stdout as exactly one JSON object (one line).
pub fn json(stdout: &str) -> serde_json::Value {
    assert_eq!(stdout.lines().count(), 1, "one JSON line: {stdout}");
    assert!(stdout.ends_with('\n'));
    let value: serde_json::Value =
        serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"));
    assert!(value.is_object(), "{stdout}");
    value
}

pub fn keys(value: &serde_json::Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

pub fn sorted<'a>(names: &[&'a str]) -> Vec<&'a str> {
    let mut names = names.to_vec();
    names.sort_unstable();
    names
}

/// Asserts that `"key":` occurrences appear in `raw` in this order, starting at `from`.
pub fn assert_order(raw: &str, from: usize, keys: &[&str]) {
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
pub fn assert_json_error(args: &[&str], kind: &str) -> serde_json::Value {
    let r = run(args);
    assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
    let value = json(&r.stdout);
    assert_eq!(keys(&value), ["error"]);
    // A resource string's error adds its "did you mean" templates.
    let resource_error = kind == "invalid_resource" || kind == "unknown_resource";
    if resource_error {
        assert_eq!(keys(&value["error"]), ["kind", "message", "suggestions"]);
        assert!(value["error"]["suggestions"].is_array());
    } else {
        assert_eq!(keys(&value["error"]), ["kind", "message"]);
    }
    assert_eq!(value["error"]["kind"], kind);
    assert_order(&r.stdout, 0, &["error", "kind", "message"]);
    assert_eq!(r.stderr.lines().count(), 1, "one stderr line: {}", r.stderr);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
    let message = value["error"]["message"].as_str().expect("a message");
    assert!(r.stderr.contains(message), "{} / {message}", r.stderr);
    value
}

/// A usage error: exit 2, nothing on stdout, a message on stderr.
pub fn assert_usage_error(args: &[&str], says: &str) {
    let r = run(args);
    assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
    assert_eq!(r.stdout, "", "{args:?}");
    assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
    assert!(!r.stderr.contains("panicked"));
}

/// A fresh empty folder under the target directory's test scratch space.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Writes `contents` to `name` in `dir` (a [`scratch`] folder) and returns the file's path.
pub fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write fixture");
    path.display().to_string()
}

/// The `name` of each of a plan's `scopes` (`plan --format json`), in order.
pub fn scope_names(plan: &serde_json::Value) -> Vec<String> {
    plan["scopes"]
        .as_array()
        .expect("scopes")
        .iter()
        .map(|s| s["name"].as_str().expect("name").to_string())
        .collect()
}

/// Every line of a text output fits 80 columns.
pub fn assert_fits(text: &str) {
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "longer than 80: {line:?}");
    }
}

/// The `(item, kind)` of each of a plan's `uncovered` items (`plan --format json`), in order.
pub fn uncovered_kinds(plan: &serde_json::Value) -> Vec<(&str, &str)> {
    plan["uncovered"]
        .as_array()
        .expect("uncovered")
        .iter()
        .map(|u| {
            (
                u["item"].as_str().expect("item"),
                u["kind"].as_str().expect("kind"),
            )
        })
        .collect()
}
