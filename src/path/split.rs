//! Cutting a resource string into host, version, path and query.

use super::error::PathError;
use super::scan::{run_end, scan, At, Pieces, Recorded};

/// The Graph API version named in the resource (`v1.0` or `beta`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Version {
    /// `v1.0`.
    V1,
    /// `beta`.
    Beta,
}

/// A resource string cut into its parts by [`split_pieces`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Split<'a> {
    /// The path, without host, version, query or surrounding `/`; never empty.
    pub path: &'a str,
    /// The query after the first structural `?`, verbatim and without the `?`; `None` when
    /// there is no `?`, `Some("")` when nothing follows it.
    pub query: Option<&'a str>,
    /// The version segment, when the resource starts with one (after any host).
    pub version: Option<Version>,
}

/// Cuts a resource string into path, query and version, validates the path, and records in
/// `pieces` where the pieces of [`Split::path`] are, found in the same pass: a resolver walks
/// them with [`Pieces::segment_at`] without scanning the path again.
///
/// In order: trims ASCII whitespace; drops an `http://HOST` or `https://HOST` prefix (any host,
/// scheme in any case); drops leading `/`; drops one leading `v1.0` or `beta` segment (any case)
/// and reports it; cuts the query at the first `?` outside parentheses; drops trailing `/`.
/// Runs in one pass over the path and never panics.
///
/// # Errors
///
/// See [`PathError`]: an empty path, an empty segment, a control character, unbalanced
/// parentheses, an unterminated quote, a malformed key, or a segment over
/// [`MAX_SEGMENT_LEN`](super::MAX_SEGMENT_LEN).
#[inline]
pub fn split_pieces<'a>(resource: &'a str, pieces: &mut Pieces) -> Result<Split<'a>, PathError> {
    let rest = strip_host(resource.trim_ascii()).trim_start_matches('/');
    let (version, rest) = strip_version(rest);
    let rest = rest.trim_start_matches('/');
    let (path, query) = scan(rest, pieces)?;
    if path.is_empty() {
        return Err(PathError::Empty);
    }
    Ok(Split {
        path,
        query,
        version,
    })
}

/// `s` without a leading `http://HOST` or `https://HOST` (scheme case-insensitive); the host
/// ends at the first `/` or `?`.
#[inline]
fn strip_host(s: &str) -> &str {
    let after = match strip_prefix_ignore_case(s, "https://") {
        Some(after) => after,
        None => match strip_prefix_ignore_case(s, "http://") {
            Some(after) => after,
            None => return s,
        },
    };
    // The host's bytes are ordinary but for the `/` or `?` that ends it: skip runs of them.
    let bytes = after.as_bytes();
    let mut end = run_end(bytes, 0);
    while let Some(&b) = bytes.get(end) {
        if b == b'/' || b == b'?' {
            break;
        }
        end = run_end(bytes, end + 1);
    }
    after.get(end..).unwrap_or("")
}

#[inline]
fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.as_bytes().get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix.as_bytes()) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

/// Drops a leading `v1.0` or `beta` segment (followed by `/`, `?` or the end).
#[inline]
fn strip_version(s: &str) -> (Option<Version>, &str) {
    let (version, rest) = if let Some(rest) = strip_prefix_ignore_case(s, "v1.0") {
        (Version::V1, rest)
    } else if let Some(rest) = strip_prefix_ignore_case(s, "beta") {
        (Version::Beta, rest)
    } else {
        return (None, s);
    };
    match rest.as_bytes().first() {
        None | Some(b'/' | b'?') => (Some(version), rest),
        Some(_) => (None, s),
    }
}

/// The segments of a path or template, as [`split_pieces`] and [`Pieces::segment_at`] find
/// them (host, version and query dropped), for code that reads clean paths from `data/` (rule
/// patterns, the audit): the same segmenter as the resolver's, without a second one. `None`
/// when the text is not a path or has more pieces than [`MAX_PIECES`](super::MAX_PIECES).
pub fn segments_of(path: &str) -> Option<impl Iterator<Item = Recorded<'_>>> {
    let mut pieces = Pieces::new();
    let split = split_pieces(path, &mut pieces).ok()?;
    if !pieces.is_complete() {
        return None;
    }
    let mut at = At::START;
    Some(core::iter::from_fn(move || {
        let (segment, next) = pieces.segment_at(split.path, at)?;
        at = next;
        Some(segment)
    }))
}
