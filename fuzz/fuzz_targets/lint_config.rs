//! Fuzzes the lint config reader and the lint: any text must give a config or a located error,
//! never a panic; a config that parses must lint without panicking, in every mode.
//!
//! `cargo +nightly fuzz run lint_config` (see benches/README.md).

#![no_main]

use libfuzzer_sys::fuzz_target;
use msgraph_scopes::lint::{config, lint, Input};
use msgraph_scopes::{ApiVersion, AuthMode};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match config::parse("fuzz.yaml", text) {
        Err(e) => {
            assert!(!e.message.is_empty());
            assert!(e.to_string().starts_with("fuzz.yaml"));
        }
        Ok(c) => {
            for mode in AuthMode::ALL {
                let input = Input {
                    api: c.api.unwrap_or(ApiVersion::V1),
                    mode: c.mode.unwrap_or(mode),
                    scopes: c.scopes.clone(),
                    subscriptions: c.subscriptions.clone(),
                    requests: c.requests.clone(),
                    plan: msgraph_scopes::plan::Options {
                        prefer: c.prefer.unwrap_or_default(),
                        rsc: c.rsc,
                        ..Default::default()
                    },
                };
                for finding in lint(&input) {
                    assert!(!finding.message.is_empty());
                }
            }
        }
    }
});
