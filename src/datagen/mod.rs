//! The data pipeline `build.rs` runs: read `data/*.yaml` (serde), validate into a model, emit
//! Rust (quote + phf_codegen). Pure steps, shared with the tests through `#[path]`, so every
//! data rule is testable without running cargo.
//!
//! Not compiled into the library (only [`schema`] is, for the importer).

#![allow(dead_code)]

pub mod coverage;
pub mod emit;
pub mod load;
pub mod locate;
pub mod model;
#[path = "../path.rs"]
pub mod path;
pub mod perfect_hash;
pub mod problem;
pub mod rules;
pub mod schema;
#[path = "../segment_map.rs"]
pub mod segment_map;

use problem::Problem;
use std::path::{Path, PathBuf};

/// What a successful run produced.
pub struct Generated {
    /// The Rust source for `$OUT_DIR/data.rs`.
    pub code: String,
    /// Every input read, for `cargo:rerun-if-changed`.
    pub read: Vec<PathBuf>,
}

/// Reads and validates `root/data/` and generates the code, or lists every problem.
/// On failure the inputs that were read are returned too, so cargo still watches them.
pub fn run(root: &Path) -> Result<Generated, (Vec<Problem>, Vec<PathBuf>)> {
    let (inputs, mut problems) = load::read(root);
    match model::build(&inputs) {
        Ok(model) if problems.is_empty() => {
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
                code: emit::generate(&model, &names),
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
