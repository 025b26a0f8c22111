//! Folding a plain segment into the key static segments are looked up by.

/// The longest static segment, in bytes after [`fold_segment_within`]; longer segments can only
/// be parameters.
pub const MAX_STATIC_LEN: usize = 128;

/// Folds a plain segment into `buf` for the static-segment lookup: decodes `%XX` escapes (two
/// hex digits; anything else after `%` is kept literally) and ASCII-lower-cases the result.
///
/// Returns `None` when the folded segment does not fit `buf` (a segment longer than
/// [`MAX_STATIC_LEN`](super::MAX_STATIC_LEN) cannot be static, so the matcher treats it as a
/// parameter) or when the decoded bytes are not UTF-8. A resolver that knows its longest static
/// segment passes a buffer that long, so that longer segments (ids) are rejected early and never
/// hashed.
#[inline]
pub fn fold_segment_within<'b>(segment: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let bytes = segment.as_bytes();
    let mut len = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let mut byte = b;
        i += 1;
        if b == b'%' {
            let hi = bytes.get(i).copied().and_then(hex_value);
            let lo = bytes.get(i + 1).copied().and_then(hex_value);
            if let (Some(hi), Some(lo)) = (hi, lo) {
                byte = hi << 4 | lo;
                i += 2;
            }
        }
        *buf.get_mut(len)? = byte.to_ascii_lowercase();
        len += 1;
    }
    core::str::from_utf8(buf.get(..len)?).ok()
}

#[inline]
const fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}
