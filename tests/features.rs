//! The crate docs' feature table names every feature `Cargo.toml` declares, and nothing else.

use std::collections::BTreeSet;

/// The names declared under `[features]` (without `default`).
fn declared() -> BTreeSet<String> {
    let manifest = include_str!("../Cargo.toml");
    manifest
        .lines()
        .skip_while(|line| line.trim() != "[features]")
        .skip(1)
        .take_while(|line| !line.starts_with('['))
        .filter_map(|line| line.split_once(" = ").map(|(name, _)| name.trim()))
        .filter(|name| !name.starts_with('#') && *name != "default")
        .map(str::to_owned)
        .collect()
}

/// The first column of the `# Features` table in `src/lib.rs`.
fn documented() -> BTreeSet<String> {
    let lib = include_str!("../src/lib.rs");
    lib.lines()
        .skip_while(|line| line.trim() != "//! # Features")
        .filter_map(|line| line.strip_prefix("//! | `"))
        .filter_map(|rest| rest.split_once('`').map(|(name, _)| name.to_owned()))
        .collect()
}

#[test]
fn the_crate_docs_document_every_feature() {
    let declared = declared();
    assert!(
        declared.contains("std") && declared.len() >= 3,
        "{declared:?}"
    );
    assert_eq!(documented(), declared);
}
