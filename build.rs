//! Compiles `data/*.yaml` into `$OUT_DIR/data.rs`: validated statics and perfect-hash maps.
//!
//! The pipeline lives in `src/datagen/` (shared with the tests). Bad data stops the build with
//! every problem as `data/FILE.yaml:LINE:COL: message`, and no panic.

#[path = "src/datagen/mod.rs"]
mod datagen;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_else(|| ".".into()));
    // The generator itself: a change to it changes the output.
    for file in [
        "build.rs",
        "src/path.rs",
        "src/segment_map.rs",
        "src/datagen",
    ] {
        println!("cargo:rerun-if-changed={file}");
    }
    // `data/` and its subdirectories, so that a new or removed file is noticed too.
    println!("cargo:rerun-if-changed=data");
    match datagen::run(&root) {
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

fn watch(root: &Path, read: &[PathBuf]) {
    for path in read {
        let shown = path.strip_prefix(root).unwrap_or(path);
        println!("cargo:rerun-if-changed={}", shown.display());
    }
}
