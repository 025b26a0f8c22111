//! The reference segmenter, [`segments`]: what the recorded [`Pieces`] must yield, on any
//! path and without the scanner's limits; and conveniences the tests use.

use super::super::scan::bare_recorded;
use super::super::split::Split;
use super::super::*;
use core::iter::FusedIterator;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Segment<'a> {
    /// A bare piece (`messages`, `Inbox`, a GUID, `19:abc@thread.tacv2`) or the name before a
    /// key (`mailFolders` in `mailFolders('Inbox')`). The matcher tries it as a static segment
    /// (after [`fold_segment`]) and otherwise as a parameter; in templates it is static.
    Plain(&'a str),
    /// A `{placeholder}` (braces kept) or the key of `name(key)`: one pair of enclosing quotes
    /// removed when the key is a single string literal (doubled quotes stay escaped, as
    /// `o''brien`), otherwise the raw key text (`joinWebUrl='{x}'`, `'a','b'`).
    Param(&'a str),
}

impl<'a> Segment<'a> {
    /// The segment's text.
    #[inline]
    pub const fn as_str(self) -> &'a str {
        match self {
            Segment::Plain(s) | Segment::Param(s) => s,
        }
    }

    /// Whether this is a [`Segment::Param`].
    #[inline]
    pub const fn is_param(self) -> bool {
        matches!(self, Segment::Param(_))
    }
}

/// Iterates over the segments of a path without allocating; see [`segments`].
#[derive(Debug, Clone)]
pub(super) struct Segments<'a> {
    rest: &'a str,
    /// The key of a `name(key)` piece whose name was just yielded.
    pending: Option<&'a str>,
    /// Whether the path has a `(` at all; without one, pieces are what lies between `/`s.
    keyed: bool,
}

/// Iterates over the segments of `path` (normally [`Split::path`]).
///
/// Pieces are separated by `/` outside parentheses. A piece `name(key)` yields
/// [`Segment::Plain`]`(name)` then [`Segment::Param`]`(key)` (no param for `name()`); a piece
/// `{...}` yields [`Segment::Param`]; any other piece yields [`Segment::Plain`].
///
/// Meant for paths that [`split`] accepted; on any other input it never panics, skips empty
/// pieces (so a leading or trailing `/` is harmless) and yields a malformed keyed piece
/// whole as [`Segment::Plain`].
#[inline]
pub(super) fn segments(path: &str) -> Segments<'_> {
    Segments {
        rest: path,
        pending: None,
        keyed: path.as_bytes().contains(&b'('),
    }
}

/// The shape of one piece: its length and, for a well-formed `name(key)`, the index of `(`.
pub(super) struct Piece {
    pub(super) len: usize,
    pub(super) key_open: Option<usize>,
}

/// Measures the first piece of `s` (up to the first `/` outside parentheses).
#[inline]
pub(super) fn next_piece(s: &str) -> Piece {
    // Outside parentheses only `/` and `(` matter (a quote opens a literal only inside them):
    // a piece without `(` is found by looking for those two bytes alone.
    let bytes = s.as_bytes();
    match bytes.iter().position(|&b| b == b'/' || b == b'(') {
        None => Piece {
            len: s.len(),
            key_open: None,
        },
        Some(i) if bytes.get(i) == Some(&b'/') => Piece {
            len: i,
            key_open: None,
        },
        Some(open) => keyed_piece(s, open),
    }
}

/// Measures a piece whose first `(` outside quotes is at `open` (no `/` before it).
pub(super) fn keyed_piece(s: &str, open: usize) -> Piece {
    let mut depth: usize = 0;
    let mut in_quote = false;
    let mut close = None;
    let mut len = s.len();
    for (i, b) in s.bytes().enumerate().skip(open) {
        if in_quote {
            in_quote = b != b'\'';
            continue;
        }
        match b {
            b'/' if depth == 0 => {
                len = i;
                break;
            }
            b'\'' if depth > 0 => in_quote = true,
            b'(' => depth += 1,
            b')' if depth > 0 => {
                depth -= 1;
                if depth == 0 && close.is_none() {
                    close = Some(i);
                }
            }
            _ => {}
        }
    }
    let key_open = match close {
        Some(c) if open > 0 && c + 1 == len => Some(open),
        _ => None,
    };
    Piece { len, key_open }
}

/// A key without one pair of enclosing quotes, when it is a single string literal.
#[inline]
pub(super) fn unquote(key: &str) -> &str {
    let Some(inner) = key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')) else {
        return key;
    };
    let mut bytes = inner.bytes();
    while let Some(b) = bytes.next() {
        if b == b'\'' && bytes.next() != Some(b'\'') {
            return key;
        }
    }
    inner
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    #[inline]
    fn next(&mut self) -> Option<Segment<'a>> {
        if let Some(key) = self.pending.take() {
            return Some(Segment::Param(key));
        }
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let piece = if self.keyed {
                next_piece(self.rest)
            } else {
                // Outside parentheses only `/` ends a piece.
                Piece {
                    len: self.rest.find('/').unwrap_or(self.rest.len()),
                    key_open: None,
                }
            };
            let text = self.rest.get(..piece.len).unwrap_or("");
            self.rest = self.rest.get(piece.len + 1..).unwrap_or("");
            if text.is_empty() {
                continue;
            }
            if let Some(open) = piece.key_open {
                let name = text.get(..open).unwrap_or("");
                let key = text.get(open + 1..piece.len - 1).unwrap_or("");
                if !key.is_empty() {
                    self.pending = Some(unquote(key));
                }
                return Some(bare(name));
            }
            return Some(bare(text));
        }
    }
}

impl FusedIterator for Segments<'_> {}

/// A piece without a key: a placeholder or a plain segment.
#[inline]
pub(super) fn bare(text: &str) -> Segment<'_> {
    match bare_recorded(text) {
        Recorded::Plain(text) => Segment::Plain(text),
        Recorded::Placeholder(text) | Recorded::Key(text) => Segment::Param(text),
    }
}

/// The segments of a path from its recorded [`Pieces`]; see [`Pieces::segments`].
#[derive(Debug, Clone)]
pub(super) struct PieceSegments<'p, 'a> {
    pieces: &'p Pieces,
    path: &'a str,
    at: At,
}

impl<'a> Iterator for PieceSegments<'_, 'a> {
    type Item = Segment<'a>;

    #[inline]
    fn next(&mut self) -> Option<Segment<'a>> {
        let (segment, next) = self.pieces.segment_at(self.path, self.at)?;
        self.at = next;
        Some(match segment {
            Recorded::Plain(text) => Segment::Plain(text),
            Recorded::Placeholder(text) => Segment::Param(text),
            Recorded::Key(key) => Segment::Param(unquote(key)),
        })
    }
}

impl FusedIterator for PieceSegments<'_, '_> {}

impl Pieces {
    /// The segments of `path` (the [`Split::path`] these pieces were found in), as
    /// [`segments`] yields them; `None` when the pieces are not [complete](Pieces::is_complete).
    /// For the tests, which check [`Pieces::segment_at`] against [`segments`] with it.
    pub(super) fn segments<'p, 'a>(&'p self, path: &'a str) -> Option<PieceSegments<'p, 'a>> {
        self.is_complete().then_some(PieceSegments {
            pieces: self,
            path,
            at: At::START,
        })
    }
}

impl<'a> Split<'a> {
    /// The segments of [`path`](Split::path); see [`segments`].
    pub(super) fn segments(&self) -> Segments<'a> {
        segments(self.path)
    }
}

// ---------------------------------------------------------------------------------------------
// Conveniences the tests use

/// [`split_pieces`] without keeping the pieces.
pub(super) fn split(resource: &str) -> Result<Split<'_>, PathError> {
    split_pieces(resource, &mut Pieces::new())
}

/// [`fold_segment_within`] a buffer of the longest static segment.
pub(super) fn fold_segment<'b>(
    segment: &str,
    buf: &'b mut [u8; MAX_STATIC_LEN],
) -> Option<&'b str> {
    fold_segment_within(segment, buf)
}

impl Version {
    /// The version as it appears in a URL: `v1.0` or `beta`.
    pub(super) const fn as_str(self) -> &'static str {
        match self {
            Version::V1 => "v1.0",
            Version::Beta => "beta",
        }
    }
}
