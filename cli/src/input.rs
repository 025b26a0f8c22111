//! Reading an input file (or `-` for stdin) with a size limit, as UTF-8, never empty.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The largest input read: a config, manifest or token is far smaller.
pub const MAX_INPUT: u64 = 8 * 1024 * 1024;

/// The largest HTTP Archive read: recordings carry response bodies.
pub const MAX_HAR: u64 = 256 * 1024 * 1024;

/// Reads `path` (`-` is stdin) as UTF-8 text of at most [`MAX_INPUT`] bytes. The error says
/// what was wrong, naming the file.
pub fn read(path: &Path) -> Result<String, String> {
    read_up_to(path, MAX_INPUT)
}

/// Like [`read`], with another size limit.
pub fn read_up_to(path: &Path, limit: u64) -> Result<String, String> {
    let name = path.display();
    let mut bytes = Vec::new();
    let result = if path == Path::new("-") {
        io::stdin().lock().take(limit + 1).read_to_end(&mut bytes)
    } else {
        File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
    };
    if let Err(err) = result {
        return Err(format!("{name}: cannot read: {err}"));
    }
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{name}: larger than the {} MiB limit for an input file",
            limit / (1024 * 1024)
        ));
    }
    let text = String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        format!("{name}: not UTF-8 text (invalid byte at offset {at})")
    })?;
    if text.trim().is_empty() {
        return Err(format!("{name}: the file is empty"));
    }
    Ok(text)
}

/// The 1-based line and column of byte offset `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (u32, u32) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line as u32, col as u32)
}
