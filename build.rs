//! Compiles `data/*.yaml` into `$OUT_DIR/data.rs`: validated statics and perfect-hash maps.
//!
//! The generator lives in `build/` (shared with the tests). Bad data stops the build with every
//! problem as `data/FILE.yaml:LINE:COL: message`, and no panic.

#[path = "build/mod.rs"]
mod generator;

fn main() -> std::process::ExitCode {
    generator::main()
}
