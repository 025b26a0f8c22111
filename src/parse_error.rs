//! The error for names that do not parse ([`ApiVersion`](crate::ApiVersion),
//! [`Operation`](crate::Operation), [`AuthMode`](crate::AuthMode)).

use core::fmt;

/// A name that is not one of the spellings a [`FromStr`](core::str::FromStr) accepts.
///
/// ```
/// use msgraph_scopes::AuthMode;
/// let err = "admin".parse::<AuthMode>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown auth mode `admin` (expected delegated-work, delegated-personal or application)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub(crate) what: &'static str,
    pub(crate) expected: &'static str,
    pub(crate) input: ParsedInput,
}

/// The rejected input, kept without allocating (cut at 64 bytes, on a character boundary).
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct ParsedInput {
    bytes: [u8; 64],
    len: u8,
    cut: bool,
}

impl ParsedInput {
    pub(crate) fn new(s: &str) -> Self {
        let mut end = s.len().min(64);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0u8; 64];
        bytes[..end].copy_from_slice(&s.as_bytes()[..end]);
        ParsedInput {
            bytes,
            len: end as u8,
            cut: end < s.len(),
        }
    }

    fn as_str(&self) -> &str {
        // The bytes are a prefix of a `str` cut on a character boundary.
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

impl fmt::Debug for ParsedInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl ParseError {
    pub(crate) fn new(what: &'static str, expected: &'static str, input: &str) -> Self {
        ParseError {
            what,
            expected,
            input: ParsedInput::new(input),
        }
    }

    /// The rejected text (at most its first 64 bytes).
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ellipsis = if self.input.cut { "..." } else { "" };
        write!(
            f,
            "unknown {} `{}{}` (expected {})",
            self.what,
            self.input(),
            ellipsis,
            self.expected
        )
    }
}

impl core::error::Error for ParseError {}

/// Compares `input` with `candidate` ignoring ASCII case and the separators `-`, `_`, space and `.`.
pub(crate) fn loose_eq(input: &str, candidate: &str) -> bool {
    let mut a = input
        .bytes()
        .filter(|b| !matches!(b, b'-' | b'_' | b' ' | b'.'));
    let mut b = candidate
        .bytes()
        .filter(|b| !matches!(b, b'-' | b'_' | b' ' | b'.'));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(&y) => {}
            _ => return false,
        }
    }
}
