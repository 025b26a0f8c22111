//! The fast scanner against its byte-by-byte references, and properties of any input.

use super::super::scan::{run_end, scan, special_bytes, SCAN_SPECIAL};
use super::*;

fn scan_reference(s: &str) -> Result<(&str, Option<&str>), PathError> {
    let mut depth: usize = 0;
    let mut in_quote = false;
    // Start of the current piece, and whether its key group has closed already.
    let mut seg_start = 0;
    let mut closed = false;
    // An empty piece (`//`) was seen: fine if only trailing `/` follow.
    let mut empty_piece = false;
    // End of the last byte that belongs to a piece: the path without trailing `/`.
    let mut path_end = 0;
    let mut prev = 0u8;
    let mut query = None;

    for (i, b) in s.bytes().enumerate() {
        // C0 controls and DEL; C1 controls are U+0080..=U+009F, encoded as C2 80..C2 9F.
        if b < 0x20 || b == 0x7f || (prev == 0xc2 && (0x80..=0x9f).contains(&b)) {
            return Err(PathError::ControlChar);
        }
        prev = b;
        if depth == 0 && !in_quote {
            match b {
                b'/' => {
                    if i == seg_start {
                        empty_piece = true;
                    }
                    seg_start = i + 1;
                    closed = false;
                    continue;
                }
                b'?' => {
                    query = Some(s.get(i + 1..).unwrap_or(""));
                    break;
                }
                _ => {}
            }
        }
        // `b` belongs to the piece that starts at `seg_start`.
        if i == seg_start && empty_piece {
            return Err(PathError::EmptySegment);
        }
        if i - seg_start >= MAX_SEGMENT_LEN {
            return Err(PathError::SegmentTooLong);
        }
        path_end = i + 1;
        if in_quote {
            if b == b'\'' {
                in_quote = false;
            }
            continue;
        }
        match b {
            b'\'' if depth > 0 => in_quote = true,
            b'(' => {
                if depth == 0 && (closed || i == seg_start) {
                    return Err(PathError::InvalidKey);
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
    Ok((s.get(..path_end).unwrap_or(""), query))
}

/// The byte-by-byte `next_piece` the fast one must agree with: measures the first piece of `s` (up to the first `/` outside parentheses).
fn next_piece_reference(s: &str) -> Piece {
    let mut depth: usize = 0;
    let mut in_quote = false;
    let mut open = None;
    let mut close = None;
    let mut len = s.len();
    for (i, b) in s.bytes().enumerate() {
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
            b'(' => {
                if depth == 0 && open.is_none() {
                    open = Some(i);
                }
                depth += 1;
            }
            b')' if depth > 0 => {
                depth -= 1;
                if depth == 0 && close.is_none() {
                    close = Some(i);
                }
            }
            _ => {}
        }
    }
    let key_open = match (open, close) {
        (Some(o), Some(c)) if o > 0 && c + 1 == len => Some(o),
        _ => None,
    };
    Piece { len, key_open }
}

// --- properties -----------------------------------------------------------------------

/// `scan` and `next_piece` give what their byte-by-byte references give, on `input` and on
/// every suffix of it (the scanners start at piece boundaries).
fn check_fast_scanners(input: &str) {
    for (i, _) in input.char_indices() {
        let rest = &input[i..];
        let mut pieces = Pieces::new();
        let scanned = scan(rest, &mut pieces);
        assert_eq!(scanned, scan_reference(rest), "scan {rest:?}");
        if let Ok((path, _)) = scanned {
            check_pieces(path, &pieces);
            assert!(
                pieces.has_escapes() || !path.contains('%'),
                "escape not noted in {rest:?}"
            );
        }
        let (a, b) = (next_piece(rest), next_piece_reference(rest));
        assert_eq!(
            (a.len, a.key_open),
            (b.len, b.key_open),
            "next_piece {rest:?}"
        );
    }
}

/// The recorded pieces yield what [`segments`] yields.
fn check_pieces(path: &str, pieces: &Pieces) {
    match pieces.segments(path) {
        Some(recorded) => assert_eq!(
            recorded.collect::<Vec<_>>(),
            segs(path),
            "pieces of {path:?}: {pieces:?}"
        ),
        None => assert!(segments(path).count() > MAX_PIECES, "{path:?}"),
    }
}

#[test]
fn recorded_pieces_match_segments() {
    for input in [
        "https://graph.microsoft.com/v1.0/me/mailFolders('Inbox')/messages?$top=1",
        "/teams/{id}/channels/19:abc@thread.tacv2/messages/",
        "users('o''brien@x.com')/events",
        "users('a/b?c')/events//",
        "communications/onlineMeetings(joinWebUrl='{x}')",
        "users/{id}/messages/delta()",
        "a(b(c)d)/e('')/f",
        "{a}(b)/c",
        "x",
    ] {
        let mut pieces = Pieces::new();
        let split = split_pieces(input, &mut pieces).unwrap();
        check_pieces(split.path, &pieces);
    }
    let pieces_of = |input: &str| {
        let mut pieces = Pieces::new();
        let path = split_pieces(input, &mut pieces).unwrap().path.len();
        (path, pieces)
    };
    let many = "a/".repeat(MAX_PIECES);
    let (len, pieces) = pieces_of(&many);
    assert_eq!(pieces.segments(&many[..len]).unwrap().count(), MAX_PIECES);
    let more = "a/".repeat(MAX_PIECES + 1);
    let (len, pieces) = pieces_of(&more);
    assert!(pieces.segments(&more[..len]).is_none());
    // Positions past 64 KiB do not fit (nor do the pieces: such a path cannot match).
    let far = format!("{}b('k')", "ab/".repeat(25_000));
    let (len, pieces) = pieces_of(&far);
    assert!(pieces.segments(&far[..len]).is_none());
    assert_eq!(segments(&far).count(), 25_002);
}

#[test]
fn swar_finds_the_first_special_byte() {
    for b in 0..=255u8 {
        for at in 0..8 {
            let mut word = [b'a'; 8];
            word[at] = b;
            let found = special_bytes(u64::from_le_bytes(word));
            if SCAN_SPECIAL[usize::from(b)] {
                assert_eq!(found.trailing_zeros() / 8, at as u32, "{b:#x} at {at}");
            } else {
                assert_eq!(found, 0, "{b:#x} at {at}");
            }
            // Specials after the first do not hide it.
            word[7] = 0;
            if at < 7 && SCAN_SPECIAL[usize::from(b)] {
                let found = special_bytes(u64::from_le_bytes(word));
                assert_eq!(found.trailing_zeros() / 8, at as u32, "{b:#x} at {at}");
            }
        }
    }
    let text = b"abc/def(ghi')jk?l\x01mn\x7fo\xc2\x85p%q/.r";
    for i in 0..text.len() {
        let expected = (i..text.len())
            .find(|&j| SCAN_SPECIAL[usize::from(text[j])])
            .unwrap_or(text.len());
        assert_eq!(run_end(text, i), expected, "{i}");
    }
}

#[test]
fn fast_scanners_agree_on_edge_cases() {
    let long = "a".repeat(MAX_SEGMENT_LEN);
    for input in [
        "",
        "a",
        "/",
        "a//b",
        "a//",
        "a('x')b",
        "a('x')'",
        "a(b)c/d",
        "a\u{c2}\u{85}b",
        "\u{c2}\u{85}",
        "a\u{c2}",
        "\u{a0}\u{85}",
        "a('\u{85}')",
        "users('o''brien')/x",
        "users/o'brien/x?y",
        "a(')/(')/b",
        "a((b)c)/d",
        "a)b",
        long.as_str(),
        &format!("{long}a"),
        &format!("x/{long}/y"),
        &format!("x/{long}a/y"),
        &format!("x('{long}')"),
        &format!("x({long})"),
        &format!("{long}(x)"),
        &format!("a//{long}"),
    ] {
        check_fast_scanners(input);
    }
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Exercises everything on `input`; checks the invariants of an accepted path.
fn exercise(input: &str) {
    let mut buf = [0u8; MAX_STATIC_LEN];
    if let Ok(s) = split(input) {
        assert!(!s.path.is_empty());
        assert!(!s.path.starts_with('/') && !s.path.ends_with('/'));
        for seg in segments(s.path) {
            if let Segment::Plain(p) = seg {
                assert!(!p.is_empty());
                assert!(!p.contains(['/', '?', '(', ')']), "{p:?} in {input:?}");
                let _ = fold_segment(p, &mut buf);
            }
        }
    }
    for seg in segments(input) {
        let _ = fold_segment(seg.as_str(), &mut buf);
    }
}

/// One plausible path segment: a name, an id, a placeholder or a keyed piece.
fn segment_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z][a-zA-Z0-9.]{0,12}",
        "[a-zA-Z0-9:@.%'_-]{1,20}",
        "\\{[a-z-]{0,8}\\}",
        ("[a-zA-Z]{1,10}", "([^'\\x00-\\x1f\\x7f-\\x9f]|''){0,10}")
            .prop_map(|(n, k)| format!("{n}('{k}')")),
        ("[a-zA-Z]{1,10}", "[a-zA-Z0-9=,{}]{0,10}").prop_map(|(n, k)| format!("{n}({k})")),
    ]
}

fn path_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(segment_strategy(), 1..6).prop_map(|v| v.join("/"))
}

/// `split` of `p` must give `p` itself (a fixed point) for the invariance checks.
fn check_invariance(p: &str) {
    let Ok(base) = split(p) else { return };
    if base.path != p || base.query.is_some() || base.version.is_some() {
        return;
    }
    let expected = segs(p);
    for variant in [
        format!("/{p}"),
        format!("{p}/"),
        format!("https://graph.microsoft.com/v1.0/{p}"),
        format!("{p}?x=y"),
    ] {
        let s = split(&variant).unwrap_or_else(|e| panic!("{variant:?}: {e}"));
        assert_eq!(s.path, p, "{variant:?}");
        assert_eq!(segs(s.path), expected, "{variant:?}");
    }
    assert_eq!(split(&format!("{p}?x=y")).unwrap().query, Some("x=y"));
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fast_scanners_agree_with_the_byte_by_byte_ones(
        input in "[a-zA-Z0-9/()'?{}%:@ .=,\\x00\\x1f\\x7f\t\u{80}\u{85}\u{9f}\u{a0}éą日]{0,64}"
    ) {
        check_fast_scanners(&input);
    }

    #[test]
    fn fast_scanners_agree_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..96)) {
        check_fast_scanners(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn never_panics_on_printable_strings(input in "\\PC*") {
        exercise(&input);
    }

    #[test]
    fn never_panics_on_structural_characters(input in "[a-z/()'?{}%:@ .\\x00\\t\u{85}é]{0,48}") {
        exercise(&input);
        check_invariance(&input);
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..128)) {
        exercise(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn generated_paths_parse_and_are_invariant(p in path_strategy()) {
        let s = split(&p);
        prop_assert!(s.is_ok(), "{:?}: {:?}", p, s);
        exercise(&p);
        check_invariance(&p);
    }

    #[test]
    fn accepted_printable_strings_are_invariant(input in "\\PC{1,40}") {
        if let Ok(s) = split(&input) {
            check_invariance(s.path);
        }
    }
}
