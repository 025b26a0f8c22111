//! The fuzz target's invariants (`fuzz/fuzz_targets/resolve.rs`) on the fuzzer's seeds and on
//! inputs that exercise the resolver's fast paths and their limits, so `cargo test` keeps what
//! fuzzing established. An input that ever crashes the fuzzer belongs in `REGRESSIONS`, with the
//! date and what it broke.
//!
//! Fuzzing so far (see benches/README.md) has found no crash.

use msgraph_scopes::{lookup, lookup_resolved, resolve, tables, AuthMode, LookupError};
use std::path::Path;

/// Inputs a fuzzer found, or that sit on an edge of the scanner: none crashed so far.
const REGRESSIONS: &[&[u8]] = &[
    // C1 controls are `C2 80..C2 9F`; `C2` before anything else is an ordinary byte.
    b"me/\xc2\x85messages",
    b"me/messages\xc2",
    b"me/\xc2\xa0/messages",
    b"me/%c2%85/messages",
    // 8-byte words: a special byte at every offset of a word.
    b"abcdefg/hijklmn/opqrstu/",
    b"abcdefgh/ijklmnop/qrstuvwx",
    b"/users/abcdefg(')/messages",
    b"/users('abcdefg')/messages",
    // Escapes in static segments, and ids exactly as long as the longest static segment.
    b"/me/mail%46olders('Inbox')/messages",
    b"/%6De/messages",
    b"/users/getallenterpriseinteractions/messages",
    b"/users/getAllEnterpriseInteraction%73/messages",
    b"/teams/%2f/channels",
    // More pieces than the resolver records (16), and positions past 64 KiB.
    b"a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r",
    b"users/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p",
    // Keys: empty, nested, quoted slashes, doubled quotes, trailing text.
    b"users()/messages",
    b"users('')/messages",
    b"users((x))/messages",
    b"users('a/b')/messages",
    b"users('o''brien')/messages",
    b"users('x')y/messages",
    b"communications/onlineMeetings(joinWebUrl='a(b)c')/meetingCallEvents",
    // Invalid UTF-8 (decoded lossily, as the fuzz target does).
    b"users/\xff\xfe/messages",
    b"\xe6\x97",
];

/// What the fuzz target asserts, for one input.
fn check(resource: &str) {
    let resolved = resolve(resource);
    for table in tables() {
        for mode in AuthMode::ALL {
            let answer = lookup(table.api(), table.operation(), resource, mode);
            match resolved {
                Err(e) => assert_eq!(answer, Err(LookupError::InvalidResource(e)), "{resource:?}"),
                Ok(r) => {
                    assert_eq!(lookup_resolved(table, r, mode), answer, "{resource:?}");
                    let row = r.row_in(table, mode);
                    match answer {
                        Ok(a) => {
                            assert_eq!(row.map(|m| m.template), Some(a.template()), "{resource:?}");
                            assert!(!a.permissions().is_empty(), "{resource:?}");
                            assert_eq!(a.query(), r.query(), "{resource:?}");
                            for rule in a.rules() {
                                assert!(!rule.message().is_empty());
                            }
                        }
                        Err(LookupError::NotSupported { template, .. }) => {
                            assert_eq!(row.map(|m| m.template), Some(template), "{resource:?}");
                        }
                        Err(LookupError::UnknownResource) => assert!(row.is_none(), "{resource:?}"),
                        Err(LookupError::InvalidResource(e)) => {
                            panic!("resolve accepted {resource:?} but lookup says {e}")
                        }
                    }
                    if row.is_some() {
                        assert!(r.is_match(), "{resource:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn regressions_hold_the_fuzz_invariants() {
    for input in REGRESSIONS {
        check(&String::from_utf8_lossy(input));
    }
    let long_path = format!("{}me/messages", "ab/".repeat(25_000));
    check(&long_path);
    let long_key = format!("users('{}')/messages", "x".repeat(1000));
    check(&long_key);
}

#[test]
fn escaped_statics_resolve_like_plain_ones() {
    let plain = resolve("/me/mailFolders('Inbox')/messages").unwrap();
    for escaped in [
        "/me/mail%46olders('Inbox')/messages",
        "/%6De/mailfolders('Inbox')/messages",
        "/me/mailFolders('Inbox')/%4Dessages",
    ] {
        let r = resolve(escaped).unwrap();
        for table in tables() {
            for mode in AuthMode::ALL {
                assert_eq!(
                    r.row_in(table, mode).map(|m| m.template),
                    plain.row_in(table, mode).map(|m| m.template),
                    "{escaped:?}"
                );
            }
        }
    }
    // An id as long as the longest static segment is still a parameter.
    assert!(resolve("/users/getallenterpriseinteractions/messages")
        .unwrap()
        .is_match());
}

#[test]
fn the_fuzzer_seeds_hold_the_fuzz_invariants() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/resolve");
    let mut count = 0;
    for entry in std::fs::read_dir(&seeds).expect("fuzz/seeds/resolve") {
        let bytes = std::fs::read(entry.expect("seed").path()).expect("seed");
        check(&String::from_utf8_lossy(&bytes));
        count += 1;
    }
    assert!(count >= 20, "{count} seeds");
}
