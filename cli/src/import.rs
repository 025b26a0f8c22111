//! The maintainer commands: `import-docs`, `import-concepts`, `import-catalog` and `import-requests`.

use super::args::{ImportCatalogArgs, ImportConceptsArgs, ImportDocsArgs, ImportRequestsArgs};
use super::output::{Exit, Report};
use msgraph_scopes::import::catalog::import_catalog;
use msgraph_scopes::import::docs::concepts::import_concept_files;
use msgraph_scopes::import::docs::{import_files, ImportError, ImportOptions};
use msgraph_scopes::import::requests::import_requests;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// Runs `import-docs`: prints each table file written; on failure every problem on stderr.
pub fn docs(args: &ImportDocsArgs) -> Report {
    let options = ImportOptions {
        api: args.api,
        operation: args.op,
    };
    written_or_problems(
        "import-docs",
        import_files(&args.files, &args.out, &options),
    )
}

/// Runs `import-concepts`: prints each second-source file written; on failure every problem on
/// stderr.
pub fn concepts(args: &ImportConceptsArgs) -> Report {
    written_or_problems(
        "import-concepts",
        import_concept_files(&args.files, &args.out),
    )
}

/// What a page importer's result prints: each file written on stdout; or every problem on
/// stderr, then how many there were.
fn written_or_problems(command: &str, result: Result<Vec<PathBuf>, ImportError>) -> Report {
    match result {
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
            stderr.push(format!("error: {command}: {count} problem{plural}"));
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

/// Runs `import-requests`: writes each area's file if its bytes change, removes the files of
/// areas that are gone, and prints the report.
pub fn requests(args: &ImportRequestsArgs) -> Report {
    let fail = |message: String| Report::failure(Exit::Failure, String::new(), message);
    let import = match import_requests(&args.dir) {
        Ok(import) => import,
        Err(err) => return fail(format!("{err}")),
    };
    let files = match import.to_yaml() {
        Ok(files) => files,
        Err(err) => return fail(format!("cannot serialise the request data: {err}")),
    };
    let mut out = String::new();
    for line in &import.report {
        let _ = writeln!(out, "{line}");
    }
    let (mut wrote, mut removed) = (0, 0);
    for (name, yaml) in &files {
        let path = args.out.join(name);
        match write_if_changed(&path, yaml) {
            Ok(changed) => wrote += usize::from(changed),
            Err(err) => return fail(format!("cannot write {}: {err}", path.display())),
        }
    }
    if let Ok(entries) = std::fs::read_dir(&args.out) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".yaml") && !files.contains_key(&name) {
                if let Err(err) = std::fs::remove_file(entry.path()) {
                    return fail(format!("cannot remove {}: {err}", entry.path().display()));
                }
                removed += 1;
            }
        }
    }
    let _ = writeln!(
        out,
        "{} files in {}: {wrote} written, {} unchanged, {removed} removed",
        files.len(),
        args.out.display(),
        files.len() - wrote
    );
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
