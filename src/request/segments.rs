//! Cutting a request URL into the segments the request trie is walked with. Pure `core`; the
//! generator includes this file too, so templates are cut exactly as requests are.
//!
//! The path scanner ([`split_pieces`]) does most of it: host, version, query, OData keys and
//! function parameters. What requests add is the drive item path: in
//! `/me/drive/root:/Documents/report.txt:/content` everything between the `:/` after `root` and
//! the next `:` is one item path, however many `/` it holds. [`split_request`] finds it first,
//! scans the path before and after it, and gives the item path as one parameter segment.

use super::super::path::{split_pieces, At, PathError, Pieces, Recorded, Version};

/// The most segments a request path may have; a longer one matches no template.
pub const MAX_SEGMENTS: usize = 32;

/// One segment of a request path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    /// A bare piece or the name before a key (`messages`, `range` in `range(address='A1')`, an
    /// id, `microsoft.graph.user`): tried as a static segment first.
    Plain(&'a str),
    /// A `{placeholder}`, an OData key or function parameters (`('Inbox')`,
    /// `(period='D7')`), or a drive item path: only ever a parameter.
    Param,
}

/// The segments of a request path, in a fixed array (no allocation).
#[derive(Debug, Clone)]
pub struct Segments<'a> {
    items: [Segment<'a>; MAX_SEGMENTS],
    len: usize,
    overflow: bool,
    escapes: bool,
}

impl Default for Segments<'_> {
    fn default() -> Self {
        Segments {
            items: [Segment::Param; MAX_SEGMENTS],
            len: 0,
            overflow: false,
            escapes: false,
        }
    }
}

impl<'a> Segments<'a> {
    /// No segments yet.
    pub fn new() -> Self {
        Segments::default()
    }

    /// The segments, or `None` when the path had more than [`MAX_SEGMENTS`] (or more pieces
    /// than the scanner records).
    pub fn get(&self) -> Option<&[Segment<'a>]> {
        if self.overflow {
            return None;
        }
        self.items.get(..self.len)
    }

    /// Whether a plain segment may hold a `%XX` escape.
    pub fn has_escapes(&self) -> bool {
        self.escapes
    }

    fn push(&mut self, segment: Segment<'a>) {
        match self.items.get_mut(self.len) {
            Some(slot) => {
                *slot = segment;
                self.len += 1;
            }
            None => self.overflow = true,
        }
    }

    /// Appends the segments of a scanned path.
    fn push_pieces(&mut self, path: &'a str, pieces: &Pieces) {
        if !pieces.is_complete() {
            self.overflow = true;
            return;
        }
        self.escapes |= pieces.has_escapes();
        let mut at = At::START;
        while let Some((segment, next)) = pieces.segment_at(path, at) {
            at = next;
            self.push(match segment {
                // `root:` with no item path after it is `root`.
                Recorded::Plain(text) => match text.strip_suffix(':') {
                    Some(name) if !name.is_empty() => Segment::Plain(name),
                    _ => Segment::Plain(text),
                },
                Recorded::Placeholder(_) | Recorded::Key(_) => Segment::Param,
            });
        }
    }
}

/// What [`split_request`] found besides the segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestSplit<'a> {
    /// The query after `?`, without it.
    pub query: Option<&'a str>,
    /// The version a full URL or a leading `/v1.0/` or `/beta/` names.
    pub version: Option<Version>,
    /// The drive item path (`Documents/report.txt` in `root:/Documents/report.txt:/content`).
    pub item_path: Option<&'a str>,
}

/// Cuts `url` into `out`'s segments: the path before a drive item path, the item path as one
/// [`Segment::Param`], and the path after it; or the whole path when it has no item path.
///
/// An item path starts at the first `:/` outside parentheses (after any `scheme://`) and ends
/// at the next `:` that ends the path or is followed by `/` or `?`, or at the query, or at the
/// end (`/drive/root:/a/b.txt` addresses the item itself).
///
/// # Errors
///
/// What the path scanner reports for the parts ([`PathError`]), and
/// [`PathError::EmptySegment`] for an empty item path (`root:/:`).
pub fn split_request<'a>(
    url: &'a str,
    out: &mut Segments<'a>,
) -> Result<RequestSplit<'a>, PathError> {
    let url = url.trim_ascii();
    let Some(colon) = item_path_start(url) else {
        let mut pieces = Pieces::new();
        let split = split_pieces(url, &mut pieces)?;
        out.push_pieces(split.path, &pieces);
        return Ok(RequestSplit {
            query: split.query,
            version: split.version,
            item_path: None,
        });
    };
    let prefix = url.get(..colon).unwrap_or("");
    let rest = url.get(colon + 2..).unwrap_or("");
    let mut pieces = Pieces::new();
    let before = split_pieces(prefix, &mut pieces)?;
    out.push_pieces(before.path, &pieces);
    let (item, after) = item_path_end(rest);
    if item.is_empty() {
        return Err(PathError::EmptySegment);
    }
    if item.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err(PathError::ControlChar);
    }
    out.push(Segment::Param);
    let mut query = None;
    match after {
        After::Nothing => {}
        After::Query(q) => query = Some(q),
        After::Path(path) => {
            let mut pieces = Pieces::new();
            match split_pieces(path, &mut pieces) {
                Ok(split) => {
                    out.push_pieces(split.path, &pieces);
                    query = split.query;
                }
                // `root:/a.txt:/` or `root:/a.txt:/?x`: nothing after the item path.
                Err(PathError::Empty) => query = path.split_once('?').map(|(_, q)| q),
                Err(e) => return Err(e),
            }
        }
    }
    Ok(RequestSplit {
        query,
        version: before.version,
        item_path: Some(item),
    })
}

/// Where the `:` of the first `:/` outside parentheses is, before any query; after the
/// `scheme://` of a full URL.
fn item_path_start(url: &str) -> Option<usize> {
    let bytes = url.as_bytes();
    let start = ["https://", "http://"]
        .into_iter()
        .find(|p| {
            bytes
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
        })
        .map_or(0, str::len);
    // Most requests have no `:/` at all: a memchr search for `:` rules that out before the
    // byte-by-byte scan that tracks parentheses and quotes.
    let tail = url.get(start..)?;
    if !tail
        .match_indices(':')
        .any(|(i, _)| tail.as_bytes().get(i + 1) == Some(&b'/'))
    {
        return None;
    }
    let (mut depth, mut quoted) = (0usize, false);
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\'' if depth > 0 => quoted = !quoted,
            _ if quoted => {}
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b'?' if depth == 0 => return None,
            b':' if depth == 0 && bytes.get(i + 1) == Some(&b'/') => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// What follows an item path.
enum After<'a> {
    Nothing,
    /// The query, without `?`.
    Query(&'a str),
    /// The path after the closing `:` (starting with `/`).
    Path(&'a str),
}

/// The item path at the start of `rest` and what follows it.
fn item_path_end(rest: &str) -> (&str, After<'_>) {
    let bytes = rest.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let tail = || rest.get(i + 1..).unwrap_or("");
        match b {
            b'?' => return (rest.get(..i).unwrap_or(""), After::Query(tail())),
            b':' => match bytes.get(i + 1) {
                None => return (rest.get(..i).unwrap_or(""), After::Nothing),
                Some(b'/') => return (rest.get(..i).unwrap_or(""), After::Path(tail())),
                Some(b'?') => {
                    return (
                        rest.get(..i).unwrap_or(""),
                        After::Query(rest.get(i + 2..).unwrap_or("")),
                    )
                }
                Some(_) => {}
            },
            _ => {}
        }
    }
    (rest, After::Nothing)
}
