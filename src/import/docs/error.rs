//! What the docs importer reports: every problem found, each naming its file and line.

use std::fmt;
use std::string::{String, ToString};
use std::vec::Vec;

/// One problem in one imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as it was given to the importer.
    pub file: String,
    /// The 1-based line of the page the problem is on; `None` when it concerns the file as a
    /// whole (it cannot be read or written).
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// The docs importer failed: one or more [`Problem`]s, in the order they were found.
///
/// Displays as one `FILE:LINE: message` line per problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    problems: Vec<Problem>,
}

impl ImportError {
    /// The problems, in the order they were found (at least one).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Takes the problems out.
    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }

    pub(super) fn from_problems(problems: Vec<Problem>) -> Self {
        Self { problems }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}

/// Collects the problems of one file.
pub(super) struct Problems {
    file: String,
    list: Vec<Problem>,
}

impl Problems {
    pub(super) fn new(file: &str) -> Self {
        Self {
            file: file.to_string(),
            list: Vec::new(),
        }
    }

    /// Records a problem on a line (1-based).
    pub(super) fn at(&mut self, line: usize, message: impl Into<String>) {
        self.list.push(Problem {
            file: self.file.clone(),
            line: Some(line),
            message: message.into(),
        });
    }

    /// Records a problem about the whole file.
    pub(super) fn file(&mut self, message: impl Into<String>) {
        self.list.push(Problem {
            file: self.file.clone(),
            line: None,
            message: message.into(),
        });
    }

    pub(super) fn into_vec(self) -> Vec<Problem> {
        self.list
    }

    /// `Ok(value)` when no problem was recorded, else every problem.
    pub(super) fn finish<T>(self, value: T) -> Result<T, ImportError> {
        if self.list.is_empty() {
            Ok(value)
        } else {
            Err(ImportError::from_problems(self.list))
        }
    }
}
