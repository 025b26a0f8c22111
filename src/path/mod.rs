//! Normalisation and segmentation of change-notification `resource` strings.
//!
//! This module is pure `core`: `build.rs` includes the same files with `#[path]` so that
//! templates are segmented exactly the way the runtime segments input.
//!
//! * [`split_pieces`] trims the input, drops an `http(s)://HOST` prefix and a leading `v1.0`/`beta`
//!   segment, cuts the query off at the first `?` outside a key, strips the surrounding `/`
//!   and validates the path in one pass, recording where the pieces are.
//! * [`Pieces::segment_at`] walks the recorded pieces without scanning the path again, yielding
//!   [`Recorded::Plain`] for bare pieces and keyed names, [`Recorded::Placeholder`] for
//!   `{placeholders}` and [`Recorded::Key`] for OData keys.
//! * [`fold_segment_within`] lower-cases and percent-decodes a plain segment into a stack buffer: the
//!   lookup key for static segments.
//! * [`pattern_matches`] matches the template patterns of the data's rules.
//!
//! # Lexical rules
//!
//! Only `/`, `?`, `(`, `)` and `'` are structural. Parentheses nest, and a single quote opens or
//! closes an `OData` string literal **only inside parentheses** (`users('a/b?c')` is one piece and
//! has no query). Outside parentheses a quote is an ordinary character, so a bare UPN such as
//! `users/o'brien@contoso.com/messages?$top=1` keeps its query. A quote inside a literal is
//! escaped by doubling it (`'o''brien'`), which the toggling scanner handles for free. `/` and
//! `?` inside parentheses (quoted or not) are part of the key.

mod fold;
mod pattern;
mod scan;
mod split;
#[cfg(test)]
mod tests;

pub use fold::fold_segment_within;
pub use pattern::pattern_matches;
pub use scan::{At, Pieces, Recorded, MAX_PIECES};
pub(crate) use scan::{HI, LO};
pub use split::{split_pieces, Version};

use core::fmt;

/// The longest path segment [`split_pieces`] accepts, in bytes (a keyed piece counts with its key).
pub const MAX_SEGMENT_LEN: usize = 1024;

/// The longest static segment, in bytes after [`fold_segment_within`]; longer segments can only be
/// parameters.
pub const MAX_STATIC_LEN: usize = 64;

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
