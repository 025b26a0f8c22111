//! The data pipeline `build.rs` runs: read `data/*.yaml` (serde), validate into a model, emit
//! Rust (quote + phf_codegen). Pure steps, shared with the tests through `#[path]`, so every
//! data rule is testable without running cargo; [`main`] wires them into cargo.
//!
//! Build code only. It includes library files through `#[path]` (the data schema, the YAML
//! position index, the path scanner, the trie's segment maps, layout and builder, the enums of
//! API versions, operations, auth modes, severities and change types); the library never includes anything from `build/`.

pub mod emit;
pub mod extra;
#[path = "../src/import/extra_schema.rs"]
pub mod extra_schema;
pub mod load;
pub mod model;
#[path = "../src/yaml_positions.rs"]
pub mod yaml_positions;
// The library's path scanner, which segments templates as the resolver segments input. The
// resolver's own extras (the error kinds, the version, the escape flag) go unused here.
#[allow(dead_code, unused_imports)]
#[path = "../src/path/mod.rs"]
pub mod path;
pub mod problem;
pub mod request;
#[path = "../src/import/request_schema.rs"]
pub mod request_schema;
#[path = "../src/import/schema.rs"]
pub mod schema;
pub mod trie;
pub mod validate;

// The library's enums, whose names and order the generator uses (`ALL`, `as_str`, `docs_name`);
// their parsing and the rest go unused here. They name `super::parse_error`, as in the library.
#[allow(dead_code)]
#[path = "../src/api_version.rs"]
mod api_version;
#[allow(dead_code)]
#[path = "../src/auth_mode.rs"]
mod auth_mode;
#[allow(dead_code)]
#[path = "../src/change_type.rs"]
mod change_type;
#[allow(dead_code)]
#[path = "../src/method.rs"]
mod method;
#[allow(dead_code)]
#[path = "../src/operation.rs"]
mod operation;
#[allow(dead_code)]
#[path = "../src/parse_error.rs"]
mod parse_error;
#[path = "../src/severity.rs"]
mod severity;

use problem::Problem;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The library files the generator includes (besides `build.rs` and `build/`): a change to any
/// of them can change the output.
const INCLUDED: [&str; 15] = [
    "src/path",
    "src/import/extra_schema.rs",
    "src/trie",
    "src/request/segments.rs",
    "src/request/shape.rs",
    "src/import/schema.rs",
    "src/import/request_schema.rs",
    "src/method.rs",
    "src/yaml_positions.rs",
    "src/api_version.rs",
    "src/auth_mode.rs",
    "src/operation.rs",
    "src/parse_error.rs",
    "src/change_type.rs",
    "src/severity.rs",
];

/// The whole build step: generates `$OUT_DIR/data.rs` from `data/`, tells cargo what to watch,
/// and prints every problem as `data/FILE.yaml:LINE:COL: message` when the data is bad.
pub fn main() -> ExitCode {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_else(|| ".".into()));
    for file in ["build.rs", "build"].iter().chain(&INCLUDED) {
        println!("cargo:rerun-if-changed={file}");
    }
    // `data/` and its subdirectories, so that a new or removed file is noticed too.
    println!("cargo:rerun-if-changed=data");
    // The library's feature `requests` (on by default) compiles the request matrix in.
    let with_requests = std::env::var_os("CARGO_FEATURE_REQUESTS").is_some();
    match run(&root, with_requests) {
        Ok(generated) => {
            watch(&root, &generated.read);
            let Some(out_dir) = std::env::var_os("OUT_DIR") else {
                eprintln!("error: OUT_DIR is not set; build.rs must be run by cargo");
                return ExitCode::FAILURE;
            };
            let out = Path::new(&out_dir).join("data.rs");
            // Write only when changed, so an unchanged rebuild does not recompile the crate.
            if std::fs::read_to_string(&out).ok().as_deref() != Some(generated.code.as_str()) {
                if let Err(e) = std::fs::write(&out, &generated.code) {
                    eprintln!("error: cannot write {}: {e}", out.display());
                    return ExitCode::FAILURE;
                }
            }
            ExitCode::SUCCESS
        }
        Err((problems, read)) => {
            watch(&root, &read);
            let count = problems.len();
            eprintln!(
                "error: data/ has {count} problem{}:",
                if count == 1 { "" } else { "s" }
            );
            for problem in problems {
                eprintln!("{problem}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Tells cargo to rerun when any input read changes.
fn watch(root: &Path, read: &[PathBuf]) {
    for path in read {
        let shown = path.strip_prefix(root).unwrap_or(path);
        println!("cargo:rerun-if-changed={}", shown.display());
    }
}

/// What a successful run produced.
pub struct Generated {
    /// The Rust source for `$OUT_DIR/data.rs`.
    pub code: String,
    /// Every input read, for `cargo:rerun-if-changed`.
    pub read: Vec<PathBuf>,
}

/// Reads and validates `root/data/` and generates the code, or lists every problem; without
/// `with_requests`, `data/requests/` is neither read nor compiled (an empty request trie).
/// On failure the inputs that were read are returned too, so cargo still watches them.
pub fn run(root: &Path, with_requests: bool) -> Result<Generated, (Vec<Problem>, Vec<PathBuf>)> {
    let (mut inputs, mut problems) = load::read(root, with_requests);
    let (extra_inputs, extra_problems) = extra::read(root);
    problems.extend(extra_problems);
    inputs.read.extend(extra_inputs.read.iter().cloned());
    match validate::build(&inputs) {
        Ok(model) if problems.is_empty() => {
            let extra = match extra::generate(&extra_inputs, &model) {
                Ok(code) => code,
                Err(problems) => return Err((problems, inputs.read)),
            };
            let names: Vec<String> = inputs
                .read
                .iter()
                .map(|p| {
                    p.strip_prefix(root)
                        .unwrap_or(p)
                        .to_string_lossy()
                        .replace('\\', "/")
                })
                .collect();
            Ok(Generated {
                code: emit::generate(&model, &names) + &extra,
                read: inputs.read,
            })
        }
        Ok(_) => Err((problems, inputs.read)),
        Err(more) => {
            problems.extend(more);
            problems.sort();
            problems.dedup();
            Err((problems, inputs.read))
        }
    }
}
