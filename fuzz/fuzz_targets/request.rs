//! Fuzzes request resolution: `resolve_request` and `request` on arbitrary input, for every
//! method and mode, must never panic, and must agree with each other.
//!
//! `cargo +nightly fuzz run request` (see benches/README.md).

#![no_main]

use libfuzzer_sys::fuzz_target;
use msgraph_scopes::{request, resolve_request, AuthMode, Method, RequestError};

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 becomes U+FFFD: every input is exercised, as a string.
    let input = String::from_utf8_lossy(data);
    let url: &str = &input;
    for method in Method::ALL {
        let found = resolve_request(method, url);
        for mode in AuthMode::ALL {
            let answer = request(method, url, mode);
            match (found, answer) {
                (Ok(f), Ok(a)) => {
                    assert_eq!(f.template(), a.template());
                    assert!(!a.permissions().is_empty());
                    assert_eq!(a.least(), a.permissions().iter().next().unwrap());
                    assert_eq!(f.query(), a.query());
                }
                (Ok(f), Err(RequestError::NotSupported { template, .. })) => {
                    assert_eq!(f.template(), template);
                    assert!(f.permissions(mode).is_none());
                }
                (Err(e), Err(e2)) => assert_eq!(e, e2),
                (f, a) => panic!("{url:?}: resolve_request {f:?} but request {a:?}"),
            }
        }
    }
});
