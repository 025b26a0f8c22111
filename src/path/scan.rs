//! The scanner: one pass over a path that validates it and records where its pieces are,
//! skipping runs of ordinary bytes eight at a time (SWAR).

use super::error::{PathError, MAX_SEGMENT_LEN};

/// How many pieces [`split_pieces`](super::split_pieces) records; a path with more (or longer
/// than 64 KiB) is not [complete](Pieces::is_complete).
pub const MAX_PIECES: usize = 16;

/// Where the pieces of a path are (start, end, and the `(` of a key), as [`scan`] found them.
#[derive(Debug, Clone, Default)]
pub struct Pieces {
    /// How many pieces the path has (possibly more than were recorded).
    count: usize,
    /// A position did not fit `u16`.
    overflow: bool,
    starts: [u16; MAX_PIECES],
    ends: [u16; MAX_PIECES],
    /// The index of the piece's key `(`, or 0 (a key never opens a path).
    keys: [u16; MAX_PIECES],
    /// The path has a `%`.
    escapes: bool,
}

impl Pieces {
    /// No pieces yet.
    #[inline]
    pub fn new() -> Pieces {
        Pieces::default()
    }

    #[inline]
    fn at(&mut self, i: usize) -> u16 {
        u16::try_from(i).unwrap_or_else(|_| {
            self.overflow = true;
            0
        })
    }

    /// A piece starts at `at`; the previous one ended at `prev_end`.
    #[inline]
    fn start(&mut self, at: usize, prev_end: usize) {
        let (at, prev_end) = (self.at(at), self.at(prev_end));
        if let Some(end) = self.count.checked_sub(1).and_then(|i| self.ends.get_mut(i)) {
            *end = prev_end;
        }
        if let Some(start) = self.starts.get_mut(self.count) {
            *start = at;
        }
        self.count += 1;
    }

    /// The current piece has its key `(` at `at` (only the first counts).
    #[inline]
    fn key(&mut self, at: usize) {
        let at = self.at(at);
        if let Some(key) = self.count.checked_sub(1).and_then(|i| self.keys.get_mut(i)) {
            if *key == 0 {
                *key = at;
            }
        }
    }

    #[inline]
    fn finish(&mut self, end: usize) {
        let end = self.at(end);
        if let Some(last) = self.count.checked_sub(1).and_then(|i| self.ends.get_mut(i)) {
            *last = end;
        }
    }

    /// Whether the path has a `%` (so a segment may hold a `%XX` escape).
    #[inline]
    pub fn has_escapes(&self) -> bool {
        self.escapes
    }

    /// Whether every piece was recorded: at most [`MAX_PIECES`] of them, within 64 KiB.
    #[inline]
    pub fn is_complete(&self) -> bool {
        self.count <= MAX_PIECES && !self.overflow
    }

    /// The segment at `at` of `path` (the [`Split::path`] these pieces were found in), and
    /// where the next one is; `None` past the last one, or when the pieces are not
    /// [complete](Pieces::is_complete).
    #[inline]
    pub fn segment_at<'a>(&self, path: &'a str, at: At) -> Option<(Recorded<'a>, At)> {
        let i = at.0 >> 1;
        if i >= self.count || !self.is_complete() {
            return None;
        }
        let start = usize::from(*self.starts.get(i)?);
        let end = usize::from(*self.ends.get(i)?);
        if at.0 & 1 == 1 {
            // The key of `name(key)`, the `)` last.
            let open = usize::from(*self.keys.get(i)?);
            return Some((
                Recorded::Key(path.get(open + 1..end.checked_sub(1)?)?),
                At(at.0 + 1),
            ));
        }
        let open = usize::from(*self.keys.get(i)?);
        if open == 0 {
            return Some((bare_recorded(path.get(start..end)?), At(at.0 + 2)));
        }
        // `name(key)`: the key follows unless it is empty (`name()`).
        let next = if end.saturating_sub(open) > 2 {
            at.0 + 1
        } else {
            at.0 + 2
        };
        Some((bare_recorded(path.get(start..open)?), At(next)))
    }
}

/// Where a segment of a recorded path is: see [`Pieces::segment_at`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At(usize);

impl At {
    /// The first segment.
    pub const START: At = At(0);
}

/// A piece without a key, or the name before a key: a placeholder or a plain segment.
#[inline]
pub(super) fn bare_recorded(text: &str) -> Recorded<'_> {
    if is_placeholder(text) {
        Recorded::Placeholder(text)
    } else {
        Recorded::Plain(text)
    }
}

/// A segment of a recorded path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded<'a> {
    /// A bare piece (`messages`, `Inbox`, a GUID, `19:abc@thread.tacv2`) or the name before a
    /// key (`mailFolders` in `mailFolders('Inbox')`). The matcher tries it as a static segment
    /// (after [`fold_segment_within`](super::fold_segment_within)) and otherwise as a parameter; in templates
    /// it is static.
    Plain(&'a str),
    /// A `{placeholder}`.
    Placeholder(&'a str),
    /// The key of `name(key)`, as written.
    Key(&'a str),
}

/// Whether `seg` is a whole-segment placeholder: `{` ... `}` with no other brace or `/` inside
/// (`{id}`, `{user-id}`, `{}`).
#[inline]
pub(super) fn is_placeholder(seg: &str) -> bool {
    match seg.as_bytes() {
        [b'{', inner @ .., b'}'] => !inner.iter().any(|b| matches!(b, b'{' | b'}' | b'/')),
        _ => false,
    }
}

/// Bytes that [`scan`] must look at one by one: everything that can change its state or be an
/// error (`/ ? ( ) '`, C0 controls, DEL, and every non-ASCII byte, as the second byte of a C1
/// control is one), and `%`, which it records. Any other byte, in any state, only extends the
/// current piece, so runs of them are skipped whole.
pub(super) const SCAN_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = is_scan_special(b as u8);
        b += 1;
    }
    table
};

/// Whether `b` is one of the [`SCAN_SPECIAL`] bytes.
#[inline(always)]
const fn is_scan_special(b: u8) -> bool {
    (b < 0x20)
        | (b >= 0x7f)
        | (b == b'/')
        | (b == b'?')
        | (b == b'(')
        | (b == b')')
        | (b == b'\'')
        | (b == b'%')
}

/// `0x01` in every byte.
pub(crate) const LO: u64 = 0x0101_0101_0101_0101;
/// `0x80` in every byte.
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;

/// The high bit set in every zero byte of `v` (and possibly in bytes above one): the lowest set
/// bit is exact.
#[inline(always)]
const fn zero_bytes(v: u64) -> u64 {
    v.wrapping_sub(LO) & !v & HI
}

/// The high bit set in every [`SCAN_SPECIAL`] byte of the little-endian word `x` (and possibly
/// in bytes above one): the lowest set bit marks the first special byte.
#[inline(always)]
pub(super) const fn special_bytes(x: u64) -> u64 {
    // Below 0x20 (a borrow only reaches bytes above one that is); 0x7F and above (a carry only
    // leaves 0xFF, itself flagged).
    let control = x.wrapping_sub(LO * 0x20) & !x & HI;
    let high = (x.wrapping_add(LO) | x) & HI;
    control
        | high
        // Pairs that differ in one bit: `/` (0x2F) and `?` (0x3F), `(` (0x28) and `)` (0x29),
        // `%` (0x25) and `'` (0x27).
        | zero_bytes((x | (LO * 0x10)) ^ (LO * b'?' as u64))
        | zero_bytes((x | LO) ^ (LO * b')' as u64))
        | zero_bytes((x | (LO * 0x02)) ^ (LO * b'\'' as u64))
}

/// The first [`SCAN_SPECIAL`] byte at or after `i` (or the end): 8 bytes at a time, without a
/// branch per byte.
#[inline]
pub(super) fn run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(word) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let special = special_bytes(u64::from_le_bytes(*word));
        if special != 0 {
            return i + (special.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let rest = bytes.get(i..).unwrap_or(&[]);
    i + rest
        .iter()
        .position(|&b| SCAN_SPECIAL[usize::from(b)])
        .unwrap_or(rest.len())
}

/// Finds the query and validates the path in a single pass. `s` has no leading `/`.
/// Returns the path without trailing `/`, possibly empty, and records its pieces.
pub(super) fn scan<'s>(
    s: &'s str,
    pieces: &mut Pieces,
) -> Result<(&'s str, Option<&'s str>), PathError> {
    let bytes = s.as_bytes();
    let mut depth: usize = 0;
    let mut in_quote = false;
    // Start of the current piece, and whether its key group has closed already.
    let mut seg_start = 0;
    let mut closed = false;
    // An empty piece (`//`) was seen: fine if only trailing `/` follow.
    let mut empty_piece = false;
    // End of the last byte that belongs to a piece: the path without trailing `/`.
    let mut path_end = 0;
    let mut query = None;

    let mut i = 0;
    while let Some(&first) = bytes.get(i) {
        let mut b = first;
        if !SCAN_SPECIAL[usize::from(b)] {
            // A run of ordinary bytes `i..end`: each would only pass the checks below that do
            // not depend on the byte, and the first of them is the one that can fail them.
            let end = run_end(bytes, i);
            if i == seg_start {
                if empty_piece {
                    return Err(PathError::EmptySegment);
                }
                pieces.start(i, path_end);
            }
            if i - seg_start >= MAX_SEGMENT_LEN {
                return Err(PathError::SegmentTooLong);
            }
            if closed && !in_quote {
                return Err(PathError::InvalidKey);
            }
            if end - 1 - seg_start >= MAX_SEGMENT_LEN {
                return Err(PathError::SegmentTooLong);
            }
            path_end = end;
            i = end;
            // The run ends at a special byte (or the end): on to it directly.
            match bytes.get(i) {
                Some(&special) => b = special,
                None => break,
            }
        }
        // C0 controls and DEL; C1 controls are U+0080..=U+009F, encoded as C2 80..C2 9F.
        let c1 = || matches!(b, 0x80..=0x9f) && i > 0 && bytes.get(i - 1) == Some(&0xc2);
        if b < 0x20 || b == 0x7f || c1() {
            return Err(PathError::ControlChar);
        }
        i += 1;
        if depth == 0 && !in_quote {
            match b {
                b'/' => {
                    if i - 1 == seg_start {
                        empty_piece = true;
                    }
                    seg_start = i;
                    closed = false;
                    continue;
                }
                b'?' => {
                    query = Some(s.get(i..).unwrap_or(""));
                    break;
                }
                _ => {}
            }
        }
        let at = i - 1;
        if b == b'%' {
            pieces.escapes = true;
        }
        // `b` belongs to the piece that starts at `seg_start`.
        if at == seg_start {
            if empty_piece {
                return Err(PathError::EmptySegment);
            }
            pieces.start(at, path_end);
        }
        if at - seg_start >= MAX_SEGMENT_LEN {
            return Err(PathError::SegmentTooLong);
        }
        path_end = i;
        if in_quote {
            if b == b'\'' {
                in_quote = false;
            }
            continue;
        }
        match b {
            b'\'' if depth > 0 => in_quote = true,
            b'(' => {
                if depth == 0 {
                    if closed || at == seg_start {
                        return Err(PathError::InvalidKey);
                    }
                    pieces.key(at);
                }
                depth += 1;
            }
            b')' => {
                if depth == 0 {
                    return Err(PathError::UnbalancedParen);
                }
                depth -= 1;
                closed = depth == 0;
            }
            _ if closed => return Err(PathError::InvalidKey),
            _ => {}
        }
    }
    if in_quote {
        return Err(PathError::UnterminatedQuote);
    }
    if depth > 0 {
        return Err(PathError::UnbalancedParen);
    }
    pieces.finish(path_end);
    Ok((s.get(..path_end).unwrap_or(""), query))
}
