//! The data beside the operation tables, compiled after them: second sources
//! (`data/second-sources/*.yaml`), equivalent path forms (`data/equivalents.yaml`) and retired
//! names (`data/retired.yaml`). Each is read, checked against the validated [`Model`] of the
//! tables and emitted as statics appended to the generated file.
//!
//! Every file here is optional: without it the crate has no second sources, equivalents or
//! retired names, and answers from the tables alone.

pub mod equivalents;
pub mod retired;
pub mod second;
mod walk;

use super::extra_schema::{EquivalentsFile, RetiredFile, SecondSourceFile};
use super::load::{parse, Doc};
use super::model::Model;
use super::problem::Problem;
use std::fs;
use std::path::{Path, PathBuf};

/// The extra data, parsed.
#[derive(Debug, Default)]
pub struct ExtraInputs {
    /// `data/second-sources/*.yaml`, in path order.
    pub second: Vec<Doc<SecondSourceFile>>,
    /// `data/equivalents.yaml`.
    pub equivalents: Option<Doc<EquivalentsFile>>,
    /// `data/retired.yaml`.
    pub retired: Option<Doc<RetiredFile>>,
    /// Every file and directory read.
    pub read: Vec<PathBuf>,
}

/// Reads the extra files that exist under `root/data/`.
pub fn read(root: &Path) -> (ExtraInputs, Vec<Problem>) {
    let mut inputs = ExtraInputs::default();
    let mut problems = Vec::new();
    let data = root.join("data");
    let dir = data.join("second-sources");
    if let Ok(entries) = fs::read_dir(&dir) {
        inputs.read.push(dir.clone());
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        files.sort();
        for file in files {
            if let Some(doc) = read_one(root, &file, &mut inputs.read, &mut problems) {
                inputs.second.push(doc);
            }
        }
    }
    let equivalents = data.join("equivalents.yaml");
    if equivalents.exists() {
        inputs.equivalents = read_one(root, &equivalents, &mut inputs.read, &mut problems);
    }
    let retired = data.join("retired.yaml");
    if retired.exists() {
        inputs.retired = read_one(root, &retired, &mut inputs.read, &mut problems);
    }
    (inputs, problems)
}

fn read_one<T: serde::de::DeserializeOwned>(
    root: &Path,
    path: &Path,
    read: &mut Vec<PathBuf>,
    problems: &mut Vec<Problem>,
) -> Option<Doc<T>> {
    let name = path
        .strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    match fs::read_to_string(path) {
        Ok(text) => {
            read.push(path.to_owned());
            parse(&name, &text).map_err(|p| problems.push(p)).ok()
        }
        Err(err) => {
            problems.push(Problem {
                file: name,
                line: 0,
                col: 0,
                message: format!("cannot read: {err}"),
            });
            None
        }
    }
}

/// Checks the extra data against the tables and gives the Rust source of its statics, or every
/// problem.
pub fn generate(inputs: &ExtraInputs, model: &Model) -> Result<String, Vec<Problem>> {
    let mut problems = Vec::new();
    let second = second::check(&inputs.second, model, &mut problems);
    let equivalents = equivalents::check(inputs.equivalents.as_ref(), model, &mut problems);
    let retired = retired::check(inputs.retired.as_ref(), model, &mut problems);
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(problems);
    }
    let code = quote::quote! {
        #second
        #equivalents
        #retired
    };
    Ok(format!("{code}\n"))
}
