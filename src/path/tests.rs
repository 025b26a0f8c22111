//! The path tests. [`segments`] here is the reference segmenter the recorded [`Pieces`] must
//! agree with: a plain iterator over a path, without the scanner's limits.

extern crate std;

use super::scan::{bare_recorded, is_placeholder, run_end, scan, special_bytes, SCAN_SPECIAL};
use super::split::Split;
use super::*;
use core::iter::FusedIterator;
use proptest::prelude::*;
use std::format;
use std::string::{String, ToString};
use std::vec;
use std::vec::Vec;

use Segment::{Param as P, Plain as S};

/// The byte-by-byte `scan` the fast one must agree with: finds the query and validates the path in a single pass. `s` has no leading `/`.
/// Returns the path without trailing `/`, possibly empty.
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

#[test]
fn rule_patterns() {
    assert!(pattern_matches(
        "/users/{id}/...",
        "/users/{userId}/messages"
    ));
    assert!(pattern_matches(
        "/me/...",
        "/me/mailFolders('inbox')/messages"
    ));
    assert!(!pattern_matches("/me/...", "/me"));
    assert!(pattern_matches("/me", "/me"));
    assert!(pattern_matches(
        "/teams/getAllMessages",
        "/Teams/GETALLMESSAGES"
    ));
    assert!(!pattern_matches("/teams/getAllMessages", "/teams/{id}"));
    assert!(!pattern_matches("/teams/{id}", "/teams/{id}/channels"));
}

fn segs(path: &str) -> Vec<Segment<'_>> {
    segments(path).collect()
}

/// `split` then `segments`, panicking on an error.
fn parse(resource: &str) -> (Split<'_>, Vec<Segment<'_>>) {
    let split = split(resource).unwrap_or_else(|e| panic!("{resource:?}: {e}"));
    (split, segs(split.path))
}

fn path_of(resource: &str) -> &str {
    parse(resource).0.path
}

fn err(resource: &str) -> PathError {
    match split(resource) {
        Ok(s) => panic!("{resource:?} parsed as {s:?}"),
        Err(e) => e,
    }
}

fn fold(s: &str) -> Option<String> {
    let mut buf = [0u8; MAX_STATIC_LEN];
    fold_segment(s, &mut buf).map(String::from)
}

// --- split: prefixes, slashes, versions ---------------------------------------------

#[test]
fn leading_and_trailing_slashes_are_stripped() {
    for input in [
        "me/messages",
        "/me/messages",
        "me/messages/",
        "/me/messages/",
        "///me/messages///",
        "  /me/messages/ \t\n",
    ] {
        let s = split(input).unwrap();
        assert_eq!(
            s,
            Split {
                path: "me/messages",
                query: None,
                version: None
            },
            "{input:?}"
        );
    }
    let s = split("/security/alerts/?$filter=x").unwrap();
    assert_eq!(s.path, "security/alerts");
    assert_eq!(s.query, Some("$filter=x"));
}

#[test]
fn full_urls_for_every_cloud_and_version() {
    let cases = [
        (
            "https://graph.microsoft.com/v1.0/me/messages",
            Some(Version::V1),
        ),
        (
            "https://graph.microsoft.com/beta/me/messages",
            Some(Version::Beta),
        ),
        (
            "https://graph.microsoft.us/v1.0/me/messages",
            Some(Version::V1),
        ),
        (
            "https://dod-graph.microsoft.us/beta/me/messages",
            Some(Version::Beta),
        ),
        (
            "https://microsoftgraph.chinacloudapi.cn/v1.0/me/messages",
            Some(Version::V1),
        ),
        ("https://graph.microsoft.com/me/messages", None),
        (
            "http://graph.microsoft.com/v1.0/me/messages",
            Some(Version::V1),
        ),
        (
            "http://localhost:8080/beta/me/messages/",
            Some(Version::Beta),
        ),
        ("/v1.0/me/messages", Some(Version::V1)),
        ("v1.0/me/messages", Some(Version::V1)),
        ("/beta/me/messages", Some(Version::Beta)),
        ("beta/me/messages", Some(Version::Beta)),
    ];
    for (input, version) in cases {
        let s = split(input).unwrap();
        assert_eq!(
            s,
            Split {
                path: "me/messages",
                query: None,
                version
            },
            "{input:?}"
        );
    }
}

#[test]
fn host_scheme_and_version_are_case_insensitive() {
    let s = split("HTTPS://Graph.Microsoft.COM/V1.0/Me/Messages").unwrap();
    assert_eq!(
        s,
        Split {
            path: "Me/Messages",
            query: None,
            version: Some(Version::V1)
        }
    );
    let s = split("hTtP://GRAPH.microsoft.us/BeTa/Users/{id}").unwrap();
    assert_eq!(s.version, Some(Version::Beta));
    assert_eq!(s.path, "Users/{id}");
    assert_eq!(split("/V1.0/me").unwrap().version, Some(Version::V1));
}

#[test]
fn version_needs_a_whole_segment_and_only_one_is_stripped() {
    let s = split("betamax/items").unwrap();
    assert_eq!((s.version, s.path), (None, "betamax/items"));
    let s = split("v1.0x/items").unwrap();
    assert_eq!((s.version, s.path), (None, "v1.0x/items"));
    let s = split("v1.0?$top=1&x").err();
    assert_eq!(s, Some(PathError::Empty));
    let s = split("https://graph.microsoft.com/v1.0/beta/me").unwrap();
    assert_eq!((s.version, s.path), (Some(Version::V1), "beta/me"));
    // A version in the middle is just a segment.
    assert_eq!(path_of("me/v1.0/messages"), "me/v1.0/messages");
    assert_eq!(Version::V1.as_str(), "v1.0");
    assert_eq!(Version::Beta.as_str(), "beta");
}

#[test]
fn url_without_path_or_with_query_right_after_host() {
    assert_eq!(err("https://graph.microsoft.com"), PathError::Empty);
    assert_eq!(err("https://graph.microsoft.com?x=1"), PathError::Empty);
    assert_eq!(err("https://graph.microsoft.com/v1.0/"), PathError::Empty);
    assert_eq!(
        err("https://graph.microsoft.com/v1.0/?$top=1"),
        PathError::Empty
    );
    assert_eq!(err("https://graph.microsoft.com/beta"), PathError::Empty);
}

// --- split: queries -------------------------------------------------------------------

#[test]
fn query_is_split_at_the_first_question_mark_and_kept_verbatim() {
    let s = split("/communications/presences?$filter=id in ('a','b')").unwrap();
    assert_eq!(s.path, "communications/presences");
    assert_eq!(s.query, Some("$filter=id in ('a','b')"));

    let s = split("me/messages?$filter=subject eq 'a?b/c'&$top=5").unwrap();
    assert_eq!(s.path, "me/messages");
    assert_eq!(s.query, Some("$filter=subject eq 'a?b/c'&$top=5"));

    let s = split("me/messages?").unwrap();
    assert_eq!(s.query, Some(""));
    let s = split("me/messages/?").unwrap();
    assert_eq!((s.path, s.query), ("me/messages", Some("")));
    assert_eq!(split("me/messages").unwrap().query, None);
    // A second `?`, slashes and unbalanced quotes in the query are the query's business.
    let s = split("me/events??a=/b/'c").unwrap();
    assert_eq!((s.path, s.query), ("me/events", Some("?a=/b/'c")));
    // Control characters in the query are not checked.
    assert_eq!(split("me/events?a=\u{0}").unwrap().query, Some("a=\u{0}"));
}

#[test]
fn question_mark_inside_a_key_is_not_a_query() {
    let s = split("users('a?b/c')/messages?$top=1").unwrap();
    assert_eq!(s.path, "users('a?b/c')/messages");
    assert_eq!(s.query, Some("$top=1"));
    assert_eq!(segs(s.path), vec![S("users"), P("a?b/c"), S("messages")]);
}

#[test]
fn quote_outside_parentheses_is_literal() {
    let s = split("users/o'brien@contoso.com/messages?$top=1").unwrap();
    assert_eq!(s.path, "users/o'brien@contoso.com/messages");
    assert_eq!(s.query, Some("$top=1"));
    assert_eq!(
        segs(s.path),
        vec![S("users"), S("o'brien@contoso.com"), S("messages")]
    );
}

#[test]
fn templates_from_the_docs() {
    let (s, v) = parse("/communications/onlineMeetings/?$filter=JoinWebUrl eq '{joinWebUrl}'");
    assert_eq!(s.query, Some("$filter=JoinWebUrl eq '{joinWebUrl}'"));
    assert_eq!(v, vec![S("communications"), S("onlineMeetings")]);
    let (_, v) = parse("/teams/{id}/channels/{id}/messages");
    assert_eq!(
        v,
        vec![
            S("teams"),
            P("{id}"),
            S("channels"),
            P("{id}"),
            S("messages")
        ]
    );
    let (s, v) = parse("/chats/getAllMessages?model=A");
    assert_eq!(
        (s.query, v),
        (Some("model=A"), vec![S("chats"), S("getAllMessages")])
    );
    let (_, v) = parse("/me/drive/root");
    assert_eq!(v, vec![S("me"), S("drive"), S("root")]);
}

// --- segments: OData keys, placeholders, concrete ids ---------------------------------

#[test]
fn odata_keys() {
    assert_eq!(
        parse("me/mailFolders('Inbox')/messages").1,
        vec![S("me"), S("mailFolders"), P("Inbox"), S("messages")]
    );
    assert_eq!(parse("users('id')").1, vec![S("users"), P("id")]);
    assert_eq!(
        parse("groups('{id}')/conversations").1,
        vec![S("groups"), P("{id}"), S("conversations")]
    );
    assert_eq!(
        parse("communications/onlineMeetings(joinWebUrl='{x}')").1,
        vec![
            S("communications"),
            S("onlineMeetings"),
            P("joinWebUrl='{x}'")
        ]
    );
    assert_eq!(
        parse("users/{id}/messages/delta()").1,
        vec![S("users"), P("{id}"), S("messages"), S("delta")]
    );
    // Unquoted keys, composite keys and nested parentheses stay raw.
    assert_eq!(parse("items(42)").1, vec![S("items"), P("42")]);
    assert_eq!(parse("rows('a','b')").1, vec![S("rows"), P("'a','b'")]);
    assert_eq!(
        parse("range(address=f(1))").1,
        vec![S("range"), P("address=f(1)")]
    );
    assert_eq!(
        parse("getAllRecordings(meetingOrganizerUserId='{u}',startDateTime={t})").1,
        vec![
            S("getAllRecordings"),
            P("meetingOrganizerUserId='{u}',startDateTime={t}")
        ]
    );
    // An empty literal is still a key.
    assert_eq!(parse("users('')").1, vec![S("users"), P("")]);
}

#[test]
fn odata_doubled_quotes_and_slashes_in_keys() {
    assert_eq!(
        parse("users('o''brien@x.com')/events").1,
        vec![S("users"), P("o''brien@x.com"), S("events")]
    );
    assert_eq!(parse("users('''')").1, vec![S("users"), P("''")]);
    assert_eq!(
        parse("users('a/b')/messages").1,
        vec![S("users"), P("a/b"), S("messages")]
    );
    assert_eq!(
        parse("drives('x')/items('a)/(b')").1,
        vec![S("drives"), P("x"), S("items"), P("a)/(b")]
    );
}

#[test]
fn keyed_form_equals_slash_form_for_the_matcher() {
    let keyed = parse("me/mailFolders('Inbox')/messages").1;
    let slashed = parse("me/mailFolders/{id}/messages").1;
    let shape = |v: &[Segment<'_>]| -> Vec<Option<String>> {
        v.iter()
            .map(|s| match s {
                Segment::Plain(p) => Some(fold(p).unwrap()),
                Segment::Param(_) => None,
            })
            .collect()
    };
    assert_eq!(shape(&keyed), shape(&slashed));
}

#[test]
fn concrete_ids_are_plain() {
    assert_eq!(
        parse("/teams/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/channels/19:abc@thread.tacv2/messages")
            .1,
        vec![
            S("teams"),
            S("7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60"),
            S("channels"),
            S("19:abc@thread.tacv2"),
            S("messages"),
        ]
    );
    assert_eq!(
        parse("users/adele%40contoso.com/events").1,
        vec![S("users"), S("adele%40contoso.com"), S("events")]
    );
    assert_eq!(
        fold("adele%40Contoso.com").as_deref(),
        Some("adele@contoso.com")
    );
    assert_eq!(
        parse("chats/19:meeting_x@thread.v2/messages").1,
        vec![S("chats"), S("19:meeting_x@thread.v2"), S("messages")]
    );
}

#[test]
fn placeholders() {
    assert!(is_placeholder("{id}"));
    assert!(is_placeholder("{user-id}"));
    assert!(is_placeholder("{}"));
    assert!(!is_placeholder("{"));
    assert!(!is_placeholder("}"));
    assert!(!is_placeholder("{id"));
    assert!(!is_placeholder("id}"));
    assert!(!is_placeholder("x{id}"));
    assert!(!is_placeholder("{a}{b}"));
    assert!(!is_placeholder(""));
    assert_eq!(
        parse("users/{id}/{}").1,
        vec![S("users"), P("{id}"), P("{}")]
    );
    assert_eq!(parse("users/{id/x}").1, vec![S("users"), S("{id"), S("x}")]);
    // A braced name before a key is a placeholder too.
    assert_eq!(segs("{set}('k')"), vec![P("{set}"), P("k")]);
}

#[test]
fn segment_helpers() {
    assert_eq!(S("a").as_str(), "a");
    assert_eq!(P("{b}").as_str(), "{b}");
    assert!(P("x").is_param());
    assert!(!S("x").is_param());
    let s = split("users('x')/events").unwrap();
    assert_eq!(
        s.segments().collect::<Vec<_>>(),
        vec![S("users"), P("x"), S("events")]
    );
}

#[test]
fn segments_on_unvalidated_input_do_not_panic() {
    assert_eq!(segs(""), vec![]);
    assert_eq!(segs("///"), vec![]);
    assert_eq!(segs("/a//b/"), vec![S("a"), S("b")]);
    assert_eq!(segs("a(b"), vec![S("a(b")]);
    assert_eq!(segs("a(b)c/d"), vec![S("a(b)c"), S("d")]);
    assert_eq!(segs("(b)/d"), vec![S("(b)"), S("d")]);
    assert_eq!(segs("a)b/c"), vec![S("a)b"), S("c")]);
    assert_eq!(segs("a('b/c"), vec![S("a('b/c")]);
    assert_eq!(segs("a(b)(c)"), vec![S("a(b)(c)")]);
    let mut it = segments("a('k')");
    assert_eq!(
        (it.next(), it.next(), it.next(), it.next()),
        (Some(S("a")), Some(P("k")), None, None)
    );
}

#[test]
fn non_ascii_input() {
    let (_, v) = parse("users/jörg.müller@contoso.com/mailFolders('Éléments envoyés')/messages");
    assert_eq!(
        v,
        vec![
            S("users"),
            S("jörg.müller@contoso.com"),
            S("mailFolders"),
            P("Éléments envoyés"),
            S("messages")
        ]
    );
    assert_eq!(
        parse("  sites/日本語/lists/🦀  ").1,
        vec![S("sites"), S("日本語"), S("lists"), S("🦀")]
    );
    // Non-ASCII whitespace is not trimmed.
    assert_eq!(path_of("\u{a0}me"), "\u{a0}me");
    assert_eq!(fold("JÖRG").as_deref(), Some("jÖrg"));
}

// --- errors ---------------------------------------------------------------------------

#[test]
fn errors_for_each_class() {
    for input in [
        "",
        "   ",
        "/",
        "///",
        "?x=1",
        "/?",
        "https://graph.microsoft.com/v1.0/",
        "beta/",
    ] {
        assert_eq!(err(input), PathError::Empty, "{input:?}");
    }
    for input in [
        "teams//channels",
        "a/b//c/d",
        "v1.0/a//b?x",
        "users('x')//m",
    ] {
        assert_eq!(err(input), PathError::EmptySegment, "{input:?}");
    }
    for input in [
        "me/mes\u{0}sages",
        "me\t/x",
        "a\u{7f}",
        "a/\u{85}",
        "a/\u{9f}b",
        "a('\u{1}')",
    ] {
        assert_eq!(err(input), PathError::ControlChar, "{input:?}");
    }
    for input in [
        "users(abc/messages",
        "users)",
        "a/b)/c",
        "users((x)",
        "users(x))",
        "a(b?c",
    ] {
        assert_eq!(err(input), PathError::UnbalancedParen, "{input:?}");
    }
    for input in ["users('abc)", "users('abc", "users('a'')", "users('a/b?c"] {
        assert_eq!(err(input), PathError::UnterminatedQuote, "{input:?}");
    }
    for input in [
        "('x')",
        "a/(b)",
        "users('x')y",
        "users('x')('y')",
        "a(b)c/d",
    ] {
        assert_eq!(err(input), PathError::InvalidKey, "{input:?}");
    }
    let long = "a".repeat(MAX_SEGMENT_LEN + 1);
    assert_eq!(err(&format!("users/{long}/x")), PathError::SegmentTooLong);
    assert_eq!(err(&format!("users('{long}')")), PathError::SegmentTooLong);
    let ok = "a".repeat(MAX_SEGMENT_LEN);
    assert_eq!(path_of(&format!("users/{ok}")).len(), MAX_SEGMENT_LEN + 6);
    // U+0080..U+009F are controls, U+00A0 and other non-ASCII are not.
    assert!(split("a\u{a0}\u{100}\u{2028}").is_ok());
}

#[test]
fn error_kinds_and_messages_are_distinct() {
    let all = [
        PathError::Empty,
        PathError::EmptySegment,
        PathError::ControlChar,
        PathError::UnbalancedParen,
        PathError::UnterminatedQuote,
        PathError::InvalidKey,
        PathError::SegmentTooLong,
    ];
    let kinds: std::collections::BTreeSet<_> = all.iter().map(|e| e.kind()).collect();
    let messages: std::collections::BTreeSet<_> = all.iter().map(|e| format!("{e}")).collect();
    assert_eq!((kinds.len(), messages.len()), (all.len(), all.len()));
    assert_eq!(
        PathError::SegmentTooLong.to_string(),
        "the resource path has a segment longer than 1024 bytes"
    );
    assert_eq!(PathError::EmptySegment.kind(), "empty-segment");
    let _: &dyn core::error::Error = &PathError::Empty;
}

#[test]
fn huge_inputs_are_fast_and_do_not_panic() {
    const MB: usize = 1 << 20;
    assert_eq!(err(&"/".repeat(MB)), PathError::Empty);
    assert_eq!(err(&"\0".repeat(MB)), PathError::ControlChar);
    assert_eq!(
        err(&format!("a/{}", "\0".repeat(MB))),
        PathError::ControlChar
    );
    assert_eq!(err(&"(".repeat(MB)), PathError::InvalidKey);
    assert_eq!(
        err(&format!("a{}", "(".repeat(MB))),
        PathError::SegmentTooLong
    );
    assert_eq!(
        err(&format!("a({}", "'".repeat(MB))),
        PathError::SegmentTooLong
    );
    assert_eq!(err(&"a".repeat(MB)), PathError::SegmentTooLong);
    assert_eq!(
        err(&format!("a{}b", "/".repeat(MB))),
        PathError::EmptySegment
    );
    assert_eq!(err(&"?".repeat(MB)), PathError::Empty);
    // A valid 1 MB path: 512 Ki segments.
    let many = "a/".repeat(MB / 2);
    let s = split(&many).unwrap();
    assert_eq!(segments(s.path).count(), MB / 2);
    assert_eq!(segments(&"/".repeat(MB)).count(), 0);
    assert_eq!(segments(&"(".repeat(MB)).count(), 1);
    assert_eq!(segments(&format!("a({}", "'".repeat(MB))).count(), 1);
    let mut buf = [0u8; MAX_STATIC_LEN];
    assert_eq!(fold_segment(&"%41".repeat(MB), &mut buf), None);
}

// --- fold_segment ---------------------------------------------------------------------

#[test]
fn fold_lowercases_and_decodes() {
    assert_eq!(fold("MailFolders").as_deref(), Some("mailfolders"));
    assert_eq!(fold("%41bc").as_deref(), Some("abc"));
    assert_eq!(fold("a%2fb%2F").as_deref(), Some("a/b/"));
    assert_eq!(fold("%25").as_deref(), Some("%"));
    assert_eq!(fold("%2541").as_deref(), Some("%41"));
    assert_eq!(fold("caf%C3%A9").as_deref(), Some("café"));
    assert_eq!(fold("").as_deref(), Some(""));
}

#[test]
fn fold_keeps_invalid_escapes() {
    assert_eq!(fold("%zz").as_deref(), Some("%zz"));
    assert_eq!(fold("a%4").as_deref(), Some("a%4"));
    assert_eq!(fold("a%").as_deref(), Some("a%"));
    assert_eq!(fold("%g1%41").as_deref(), Some("%g1a"));
    assert_eq!(fold("%%41").as_deref(), Some("%a"));
}

#[test]
fn fold_rejects_too_long_and_invalid_utf8() {
    let max = "A".repeat(MAX_STATIC_LEN);
    assert_eq!(fold(&max), Some("a".repeat(MAX_STATIC_LEN)));
    assert_eq!(fold(&"a".repeat(MAX_STATIC_LEN + 1)), None);
    // The limit is on the folded length.
    assert_eq!(
        fold(&"%41".repeat(MAX_STATIC_LEN)),
        Some("a".repeat(MAX_STATIC_LEN))
    );
    assert_eq!(fold(&"%41".repeat(MAX_STATIC_LEN + 1)), None);
    assert_eq!(fold("%FF"), None);
    assert_eq!(fold("%C3"), None);
    assert_eq!(fold("%C3x"), None);
    // A multi-byte character cut by the limit cannot happen: the byte limit is checked first.
    let cut = format!("{}é", "a".repeat(MAX_STATIC_LEN - 1));
    assert_eq!(fold(&cut), None);
}

// --- idempotence ----------------------------------------------------------------------

/// Re-joins segments in a canonical form: plain text as is, every param as `{}`.
fn canonical(path: &str) -> String {
    let mut out = String::new();
    for seg in segments(path) {
        if !out.is_empty() {
            out.push('/');
        }
        match seg {
            Segment::Plain(s) => out.push_str(s),
            Segment::Param(_) => out.push_str("{}"),
        }
    }
    out
}

#[test]
fn resplitting_rejoined_segments_is_idempotent() {
    for input in [
        "https://graph.microsoft.com/v1.0/me/mailFolders('Inbox')/messages?$top=1",
        "/teams/{id}/channels/19:abc@thread.tacv2/messages/",
        "users('o''brien@x.com')/events",
        "users/o'brien@x.com/events",
        "communications/onlineMeetings(joinWebUrl='{x}')",
        "users/{id}/messages/delta()",
        "sites/日本語/lists('a/b')/items",
    ] {
        let once = canonical(path_of(input));
        let split_again = split(&once).unwrap();
        assert_eq!(split_again.query, None);
        assert_eq!(canonical(split_again.path), once, "{input:?}");
        // Same segment kinds and plain texts.
        let a: Vec<_> = segs(path_of(input))
            .into_iter()
            .map(|s| s.is_param())
            .collect();
        let b: Vec<_> = segs(split_again.path)
            .into_iter()
            .map(|s| s.is_param())
            .collect();
        assert_eq!(a, b, "{input:?}");
    }
    // Re-joining the raw pieces of a split path gives back the same segments exactly.
    let path = path_of("/v1.0/users('a/b')/mailFolders/{id}/messages/");
    assert_eq!(split(path).unwrap().path, path);
    assert_eq!(segs(split(path).unwrap().path), segs(path));
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

// ---------------------------------------------------------------------------------------------
// The reference segmenter

/// One piece of a path, as yielded by [`segments`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Segment<'a> {
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
pub struct Segments<'a> {
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
pub fn segments(path: &str) -> Segments<'_> {
    Segments {
        rest: path,
        pending: None,
        keyed: path.as_bytes().contains(&b'('),
    }
}

/// The shape of one piece: its length and, for a well-formed `name(key)`, the index of `(`.
struct Piece {
    len: usize,
    key_open: Option<usize>,
}

/// Measures the first piece of `s` (up to the first `/` outside parentheses).
#[inline]
fn next_piece(s: &str) -> Piece {
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
fn keyed_piece(s: &str, open: usize) -> Piece {
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
fn unquote(key: &str) -> &str {
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
fn bare(text: &str) -> Segment<'_> {
    match bare_recorded(text) {
        Recorded::Plain(text) => Segment::Plain(text),
        Recorded::Placeholder(text) | Recorded::Key(text) => Segment::Param(text),
    }
}

/// The segments of a path from its recorded [`Pieces`]; see [`Pieces::segments`].
#[cfg(test)]
#[derive(Debug, Clone)]
pub struct PieceSegments<'p, 'a> {
    pieces: &'p Pieces,
    path: &'a str,
    at: At,
}

#[cfg(test)]
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

#[cfg(test)]
impl FusedIterator for PieceSegments<'_, '_> {}

impl Pieces {
    /// The segments of `path` (the [`Split::path`] these pieces were found in), as
    /// [`segments`] yields them; `None` when the pieces are not [complete](Pieces::is_complete).
    /// For the tests, which check [`Pieces::segment_at`] against [`segments`] with it.
    #[cfg(test)]
    pub fn segments<'p, 'a>(&'p self, path: &'a str) -> Option<PieceSegments<'p, 'a>> {
        self.is_complete().then_some(PieceSegments {
            pieces: self,
            path,
            at: At::START,
        })
    }
}

impl<'a> Split<'a> {
    /// The segments of [`path`](Split::path); see [`segments`].
    fn segments(&self) -> Segments<'a> {
        segments(self.path)
    }
}

// ---------------------------------------------------------------------------------------------
// Conveniences the tests use

/// [`split_pieces`] without keeping the pieces.
fn split(resource: &str) -> Result<Split<'_>, PathError> {
    split_pieces(resource, &mut Pieces::new())
}

/// [`fold_segment_within`] a buffer of the longest static segment.
fn fold_segment<'b>(segment: &str, buf: &'b mut [u8; MAX_STATIC_LEN]) -> Option<&'b str> {
    fold_segment_within(segment, buf)
}

impl Version {
    /// The version as it appears in a URL: `v1.0` or `beta`.
    const fn as_str(self) -> &'static str {
        match self {
            Version::V1 => "v1.0",
            Version::Beta => "beta",
        }
    }
}
