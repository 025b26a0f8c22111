//! The maintainer commands: `import-docs` and `import-catalog`.

use super::args::{ImportCatalogArgs, ImportDocsArgs};
use super::output::{Exit, Report};
use msgraph_scopes::import::catalog::import_catalog;
use msgraph_scopes::import::docs::{import_files, ImportOptions};
use std::fmt::Write;
use std::path::Path;

/// Runs `import-docs`: prints each table file written; on failure every problem on stderr.
pub fn docs(args: &ImportDocsArgs) -> Report {
    let options = ImportOptions {
        api: args.api,
        operation: args.op,
    };
    match import_files(&args.files, &args.out, &options) {
        Ok(written) => {
            let mut out = String::new();
            for path in written {
                let _ = writeln!(out, "{}", path.display());
            }
            Report::success(out)
        }
        Err(err) => {
            let count = err.problems().len();
            let plural = if count == 1 { "" } else { "s" };
            let mut stderr: Vec<String> = err.to_string().lines().map(str::to_string).collect();
            stderr.push(format!("error: import-docs: {count} problem{plural}"));
            Report {
                stdout: String::new(),
                stderr,
                exit: Exit::Failure,
            }
        }
    }
}

/// Runs `import-catalog`: writes the catalog if its bytes change, and says what it did.
pub fn catalog(args: &ImportCatalogArgs) -> Report {
    let import = match import_catalog(&args.dir) {
        Ok(import) => import,
        Err(err) => return Report::failure(Exit::Failure, String::new(), format!("{err}")),
    };
    let yaml = match import.to_yaml() {
        Ok(yaml) => yaml,
        Err(err) => {
            return Report::failure(
                Exit::Failure,
                String::new(),
                format!("cannot serialise the catalog: {err}"),
            )
        }
    };
    let changed = match write_if_changed(&args.out, &yaml) {
        Ok(changed) => changed,
        Err(err) => {
            return Report::failure(
                Exit::Failure,
                String::new(),
                format!("cannot write {}: {err}", args.out.display()),
            )
        }
    };
    let catalog = &import.catalog;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "catalog: {} permissions, {} foreign ids ({} commit {}, {})",
        catalog.permissions.len(),
        catalog.foreign_ids.len(),
        catalog.source.repository,
        catalog.source.commit,
        catalog.source.as_of
    );
    let verb = if changed { "wrote" } else { "unchanged" };
    let _ = writeln!(out, "{verb} {}", args.out.display());
    Report::success(out)
}

/// Writes `text` to `path` unless the file already holds exactly it; whether it wrote.
fn write_if_changed(path: &Path, text: &str) -> std::io::Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)?;
    Ok(true)
}
