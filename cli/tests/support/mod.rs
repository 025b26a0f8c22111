//! What the binary's tests share: running it, reading its JSON, and the fixtures' constants.

// Each test binary uses a part of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

pub fn run_in(dir: Option<&Path>, args: &[&str]) -> Run {
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

pub fn run(args: &[&str]) -> Run {
    run_in(None, args)
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
    let value: serde_json::Value = serde_json::from_str(stdout).expect("valid JSON");
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

/// Every line of a text output fits 80 columns.
pub fn assert_fits(text: &str) {
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "longer than 80: {line:?}");
    }
}
