//! Fuzzes resolution and lookup: `resolve` and `lookup` on arbitrary input, in every table and
//! mode, must never panic, and must agree with each other.
//!
//! `cargo +nightly fuzz run resolve` (see benches/README.md).

#![no_main]

use libfuzzer_sys::fuzz_target;
use msgraph_scopes::{lookup, lookup_resolved, resolve, tables, AuthMode, LookupError};

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 becomes U+FFFD: every input is exercised, as a string.
    let input = String::from_utf8_lossy(data);
    let resource: &str = &input;
    let resolved = resolve(resource);
    for table in tables() {
        for mode in AuthMode::ALL {
            let answer = lookup(table.api(), table.operation(), resource, mode);
            match resolved {
                Err(e) => assert_eq!(answer, Err(LookupError::InvalidResource(e))),
                Ok(r) => {
                    assert_eq!(lookup_resolved(table, r, mode), answer);
                    let row = r.row_in(table, mode);
                    match answer {
                        Ok(a) => {
                            assert_eq!(row.map(|m| m.template), Some(a.template()));
                            assert!(!a.permissions().is_empty());
                            assert_eq!(a.query(), r.query());
                            for rule in a.rules() {
                                assert!(!rule.message().is_empty());
                            }
                        }
                        Err(LookupError::NotSupported { template, .. }) => {
                            assert_eq!(row.map(|m| m.template), Some(template));
                        }
                        Err(LookupError::UnknownResource) => assert!(row.is_none()),
                        Err(LookupError::InvalidResource(e)) => {
                            panic!("resolve accepted {resource:?} but lookup says {e}")
                        }
                    }
                    if row.is_some() {
                        assert!(r.is_match());
                    }
                }
            }
        }
    }
});
