//! Reading an input file (or `-` for stdin) with a size limit, as UTF-8, never empty.

use msgraph_scopes::lint::Location;
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
        // The line the limit falls on: where reading stopped.
        let line = line_of(&bytes, limit as usize);
        return Err(format!(
            "{name}:{line}: larger than the {} MiB limit for an input file (the limit falls on line {line}; nothing was read)",
            limit / (1024 * 1024)
        ));
    }
    let text = String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let line = line_of(bytes, at);
        let before = bytes.get(..at).unwrap_or_default();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or_default())
            .chars()
            .count()
            + 1;
        format!("{name}:{line}:{column}: not UTF-8 text (invalid byte at offset {at})")
    })?;
    if text.trim().is_empty() {
        return Err(format!("{name}: the file is empty"));
    }
    Ok(text)
}

/// The 1-based line of byte offset `at` in `bytes`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(..at)
        .unwrap_or(bytes)
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Line starts of a text, to turn byte offsets into 1-based lines and columns quickly (a
/// declaration may hold many thousands of positions).
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// The 1-based line and column (in characters) of byte offset `at`.
    pub fn locate(&self, at: usize) -> Location {
        let at = at.min(self.text.len());
        let index = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
        let start = self.starts.get(index).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..at)
            .map_or(at - start, |s| s.chars().count());
        Location {
            line: u32::try_from(index + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }
}
