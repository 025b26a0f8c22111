//! What a command produces, and writing it: stdout once at the end (a closed pipe is not an
//! error), then the error lines on stderr, then the exit status.

use std::io::{self, Write};
use std::process::ExitCode;

/// The exit statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The question was answered.
    Success = 0,
    /// The answer is "unknown" (or a maintainer command failed).
    Failure = 1,
    /// The command line is wrong.
    Usage = 2,
}

/// A command's output: everything for stdout, the lines for stderr, and the exit status.
#[derive(Debug)]
pub struct Report {
    /// The text for stdout.
    pub stdout: String,
    /// Lines for stderr (each printed with a newline).
    pub stderr: Vec<String>,
    /// The exit status.
    pub exit: Exit,
}

impl Report {
    /// A successful report printing `stdout`.
    pub fn success(stdout: String) -> Self {
        Report {
            stdout,
            stderr: Vec::new(),
            exit: Exit::Success,
        }
    }

    /// A failed report: `stdout` (empty, or a JSON error) and one `error: ...` line.
    pub fn failure(exit: Exit, stdout: String, message: impl Into<String>) -> Self {
        Report {
            stdout,
            stderr: vec![format!("error: {}", message.into())],
            exit,
        }
    }

    /// Writes the report and gives the exit status.
    pub fn emit(self) -> ExitCode {
        let mut exit = self.exit;
        if let Err(err) = write_stdout(&self.stdout) {
            write_stderr(&format!("error: cannot write to stdout: {err}"));
            if exit == Exit::Success {
                exit = Exit::Failure;
            }
        }
        for line in &self.stderr {
            write_stderr(line);
        }
        ExitCode::from(exit as u8)
    }
}

/// Writes `text` to stdout; a reader that went away (`| head -1`) is not an error. Colour codes
/// in `text` reach only a terminal, and not when `NO_COLOR` is set (anstream decides).
fn write_stdout(text: &str) -> io::Result<()> {
    let mut out = anstream::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Writes one line to stderr, ignoring failure (there is nowhere left to report it).
pub fn write_stderr(line: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{line}");
}
