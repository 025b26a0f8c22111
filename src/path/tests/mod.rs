//! The path tests: splitting, segments, errors and folding here; the scanner against its
//! byte-by-byte references in `scanner`; the reference segmenter the recorded [`Pieces`] must
//! agree with (a plain iterator over a path, without the scanner's limits) in `reference`.

extern crate std;

use super::error::MAX_SEGMENT_LEN;
use super::scan::is_placeholder;
use super::split::Split;
use super::*;
use proptest::prelude::*;
use std::format;
use std::string::{String, ToString};
use std::vec;
use std::vec::Vec;

mod reference;
mod scanner;
mod segments;

use reference::*;
use Segment::{Param as P, Plain as S};

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
