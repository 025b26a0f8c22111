//! [`Problem`]: one thing wrong with `data/`, printed as `data/FILE.yaml:LINE:COL: message`.

use std::fmt;

/// One problem found in the data.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file, relative to the crate root (`data/tables/v1.0/create.yaml`).
    pub file: String,
    /// 1-based line; 0 when the problem concerns a missing file.
    pub line: usize,
    /// 1-based column; 0 when the problem concerns a missing file.
    pub col: usize,
    /// What is wrong, and what was expected.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.col, self.message
            )
        }
    }
}
