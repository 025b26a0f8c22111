//! Segments: OData keys, placeholders, concrete ids; re-splitting; rule patterns.

use super::*;

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
