//! [`PathError`]: why a resource string is not a resource path.

use core::fmt;

/// The longest path segment [`split_pieces`](super::split_pieces) accepts, in bytes (a keyed piece counts with its key).
pub const MAX_SEGMENT_LEN: usize = 1024;

/// Why a resource string is not a resource path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PathError {
    /// Nothing is left once whitespace, host, version, query and `/` are removed.
    Empty,
    /// Two `/` in a row inside the path (`teams//channels`).
    EmptySegment,
    /// A control character (C0, DEL or C1, including NUL) in the path.
    ControlChar,
    /// A `)` without its `(`, or a `(` that is never closed.
    UnbalancedParen,
    /// A string literal in a key that is never closed (`users('abc)`).
    UnterminatedQuote,
    /// A key that is not `name(key)`: no name before `(`, or text after the closing `)`.
    InvalidKey,
    /// A segment longer than 1,024 bytes.
    SegmentTooLong,
}

impl PathError {
    /// A short, stable, kebab-case name for the error class (for logs and tests).
    #[inline]
    pub const fn kind(self) -> &'static str {
        match self {
            PathError::Empty => "empty",
            PathError::EmptySegment => "empty-segment",
            PathError::ControlChar => "control-char",
            PathError::UnbalancedParen => "unbalanced-paren",
            PathError::UnterminatedQuote => "unterminated-quote",
            PathError::InvalidKey => "invalid-key",
            PathError::SegmentTooLong => "segment-too-long",
        }
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathError::Empty => f.write_str("the resource has an empty path"),
            PathError::EmptySegment => f.write_str("the resource path has an empty segment (`//`)"),
            PathError::ControlChar => f.write_str("the resource path contains a control character"),
            PathError::UnbalancedParen => {
                f.write_str("the resource path has unbalanced parentheses")
            }
            PathError::UnterminatedQuote => {
                f.write_str("the resource path has an unterminated quoted key")
            }
            PathError::InvalidKey => {
                f.write_str("the resource path has a malformed key (expected `name(key)`)")
            }
            PathError::SegmentTooLong => write!(
                f,
                "the resource path has a segment longer than {MAX_SEGMENT_LEN} bytes"
            ),
        }
    }
}

impl core::error::Error for PathError {}
