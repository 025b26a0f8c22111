//! The real build stops on bad data, with `data/FILE.yaml:LINE:COL: message` and no panic.
//!
//! Copies the crate (manifest, lock file, build script and `build/`, `src/`, `data/`) to a fresh temporary
//! directory, breaks one data file at a time in one way, runs
//! `cargo check --lib --no-default-features --offline` there and reads cargo's stderr, then puts
//! the file back. `tests/data_rules.rs` checks every rule in-process; this file checks that
//! `build.rs` wires them into cargo. Everything runs in one test, in sequence, so that the
//! classes share one target directory (under `CARGO_TARGET_TMPDIR`) and the dependencies and the
//! build script are compiled once.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A copy of the crate in the system temp directory, removed on drop.
struct CrateCopy {
    root: PathBuf,
}

impl CrateCopy {
    fn new() -> CrateCopy {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let root = std::env::temp_dir().join(format!(
            "msgraph-scopes-build-fails-{}-{nanos}",
            std::process::id()
        ));
        let from = Path::new(env!("CARGO_MANIFEST_DIR"));
        fs::create_dir_all(&root).unwrap();
        let copy = CrateCopy { root };
        for file in ["Cargo.toml", "Cargo.lock", "build.rs"] {
            fs::copy(from.join(file), copy.root.join(file)).unwrap();
        }
        // Every folder the manifest names targets or workspace members in, and the generator.
        for dir in ["src", "build", "data", "benches", "cli"] {
            copy_dir(&from.join(dir), &copy.root.join(dir));
        }
        copy
    }

    fn read(&self, file: &str) -> String {
        fs::read_to_string(self.root.join(file)).unwrap()
    }

    fn write(&self, file: &str, text: &str) {
        fs::write(self.root.join(file), text).unwrap();
    }

    /// `cargo check` in the copy: whether it succeeded, and its stderr.
    fn check(&self) -> (bool, String) {
        let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-fails-target");
        let mut cmd = Command::new(env!("CARGO"));
        cmd.args([
            "check",
            "--lib",
            "--no-default-features",
            "--offline",
            "--quiet",
        ])
        .current_dir(&self.root);
        // Nothing from the outer cargo leaks in (CARGO_MANIFEST_DIR, CARGO_PKG_*, ...), and a
        // panic would print its `RUST_BACKTRACE` hint.
        for (key, _) in std::env::vars_os() {
            let key = key.to_string_lossy();
            if (key.starts_with("CARGO_") && key != "CARGO_HOME")
                || key.starts_with("RUST_BACKTRACE")
                || key == "RUST_LIB_BACKTRACE"
            {
                cmd.env_remove(key.as_ref());
            }
        }
        cmd.env("CARGO_TARGET_DIR", target)
            .env("CARGO_TERM_COLOR", "never");
        let out = cmd.output().expect("cargo runs");
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

impl Drop for CrateCopy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    if !from.is_dir() {
        return;
    }
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let path = entry.path();
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

/// `text` with the first line equal to `from` (after the first line equal to `after`, if
/// given) replaced by `to`; and that line's 1-based number.
fn replace_line(text: &str, after: Option<&str>, from: &str, to: &str) -> (String, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let start = after.map_or(0, |a| {
        lines
            .iter()
            .position(|l| *l == a)
            .unwrap_or_else(|| panic!("no line {a:?}"))
    });
    let index = start
        + lines[start..]
            .iter()
            .position(|l| *l == from)
            .unwrap_or_else(|| panic!("no line {from:?} after line {}", start + 1));
    let mut out: Vec<&str> = lines.clone();
    out[index] = to;
    (out.join("\n") + "\n", index + 1)
}

/// One way of breaking the data.
struct Class {
    name: &'static str,
    file: &'static str,
    /// The broken text and the line that is broken.
    breaks: fn(&str) -> (String, usize),
    /// What the message on that line says.
    message: &'static str,
}

const CLASSES: &[Class] = &[
    Class {
        name: "unknown operation name in a table",
        file: "data/tables/v1.0/update.yaml",
        breaks: |t| replace_line(t, None, "operation: update", "operation: renew"),
        message: "unknown operation `renew`",
    },
    Class {
        name: "duplicate row",
        file: "data/tables/v1.0/create.yaml",
        breaks: |t| {
            let row = "- type: chat\n  paths:\n  - /chats/{chatId}\n  delegated-work: not supported\n  delegated-personal: not supported\n  application:\n  - Chat.Read.All\n";
            let text = if t.ends_with('\n') {
                t.to_owned()
            } else {
                format!("{t}\n")
            };
            let line = text.lines().count() + 1;
            (text + row, line)
        },
        message: "duplicate row: row ",
    },
    Class {
        name: "empty cell",
        file: "data/tables/v1.0/create.yaml",
        breaks: |t| {
            replace_line(
                t,
                Some("  - /teams/getAllMessages"),
                "  delegated-work: not supported",
                "  delegated-work: []",
            )
        },
        message: "empty cell",
    },
    Class {
        name: "malformed permission name",
        file: "data/tables/v1.0/create.yaml",
        breaks: |t| {
            replace_line(
                t,
                None,
                "  - CallRecords.Read.All",
                "  - CallRecords Read All",
            )
        },
        message: "malformed permission name `CallRecords Read All`",
    },
    Class {
        name: "malformed template",
        file: "data/tables/v1.0/create.yaml",
        breaks: |t| replace_line(t, None, "  - /teams/{id}/channels", "  - /teams//channels"),
        message: "malformed path `/teams//channels`",
    },
    Class {
        name: "unknown mode in data/resources.yaml",
        file: "data/resources.yaml",
        breaks: |t| {
            replace_line(
                t,
                Some("  - id: driveItem-personal"),
                "        modes: [delegated-personal]",
                "        modes: [delegated-private]",
            )
        },
        message: "unknown mode `delegated-private`",
    },
    Class {
        name: "unknown mode key in a table row",
        file: "data/tables/beta/get.yaml",
        breaks: |t| {
            replace_line(
                t,
                Some("  - /chats/getAllMessages"),
                "  delegated-personal: not supported",
                "  delegated-private: not supported",
            )
        },
        message: "unknown field `delegated-private`",
    },
    Class {
        name: "YAML syntax error",
        file: "data/tables/beta/update.yaml",
        breaks: |t| {
            replace_line(
                t,
                Some("  - /teams/getAllMessages"),
                "  delegated-personal: not supported",
                "\tdelegated-personal: not supported",
            )
        },
        message: "found a tab character that violates indentation",
    },
    Class {
        name: "permission name not in the catalog",
        file: "data/tables/beta/list.yaml",
        breaks: |t| {
            replace_line(
                t,
                None,
                "  - ApprovalSolution.ReadWrite.All",
                "  - ApprovalSolution.ReadWrite.Everything",
            )
        },
        message: "`ApprovalSolution.ReadWrite.Everything` is not in data/catalog.yaml",
    },
];

/// What is wrong with the output of a broken build, if anything.
fn judge(class: &Class, line: usize, ok: bool, stderr: &str) -> Result<(), String> {
    if ok {
        return Err("the build succeeded".into());
    }
    for bad in ["panicked", "RUST_BACKTRACE"] {
        if stderr.contains(bad) {
            return Err(format!("stderr contains `{bad}`"));
        }
    }
    let at = format!("{}:{line}:", class.file);
    let hit = stderr.lines().map(str::trim_start).find(|l| {
        l.strip_prefix(&at).is_some_and(|rest| {
            rest.split_once(": ").is_some_and(|(col, message)| {
                col.parse::<usize>().is_ok_and(|c| c > 0) && message.contains(class.message)
            })
        })
    });
    match hit {
        Some(_) => Ok(()),
        None => Err(format!(
            "no line `{at}COL: ...{}...` in stderr",
            class.message
        )),
    }
}

#[test]
fn the_build_stops_on_bad_data_and_names_the_line() {
    let copy = CrateCopy::new();
    eprintln!("build_fails: crate copied to {}", copy.root.display());

    // Control: the unbroken copy builds (this compiles the dependencies the first time).
    let (ok, stderr) = copy.check();
    eprintln!(
        "build_fails: control: unbroken data: {}",
        if ok { "builds" } else { "FAILS" },
    );
    assert!(ok, "the unbroken copy does not build:\n{stderr}");

    let mut failures = Vec::new();
    for class in CLASSES {
        let original = copy.read(class.file);
        let (broken, line) = (class.breaks)(&original);
        assert_ne!(broken, original, "{}: nothing changed", class.name);
        copy.write(class.file, &broken);
        let (ok, stderr) = copy.check();
        copy.write(class.file, &original);
        let problems: Vec<&str> = stderr
            .lines()
            .map(str::trim_start)
            .filter(|l| l.starts_with("data/"))
            .collect();
        let verdict = judge(class, line, ok, &stderr);
        eprintln!(
            "build_fails: {}: broke {}:{line}: {}\n    {}",
            class.name,
            class.file,
            if verdict.is_ok() { "ok" } else { "WRONG" },
            problems.join("\n    ")
        );
        if let Err(why) = verdict {
            failures.push(format!("{}: {why}\n--- stderr ---\n{stderr}", class.name));
        }
    }

    // The data is whole again: the copy builds once more.
    let (ok, stderr) = copy.check();
    assert!(ok, "the restored copy does not build:\n{stderr}");
    assert!(
        failures.is_empty(),
        "{} of {} classes wrong:\n{}",
        failures.len(),
        CLASSES.len(),
        failures.join("\n")
    );
}

#[test]
fn replace_line_finds_the_line() {
    let text = "a\nb\nc\nb\n";
    assert_eq!(
        replace_line(text, None, "b", "x"),
        ("a\nx\nc\nb\n".into(), 2)
    );
    assert_eq!(
        replace_line(text, Some("c"), "b", "x"),
        ("a\nb\nc\nx\n".into(), 4)
    );
}
