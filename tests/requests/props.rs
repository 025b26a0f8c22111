//! Property tests: request resolution never panics, whatever the input, and `request` agrees
//! with `resolve_request`.

use msgraph_scopes::{request, resolve_request, AuthMode, Method, RequestError};
use proptest::prelude::*;

/// Pieces request URLs are made of, so that generated strings reach deep into the trie.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("me".to_owned()),
        Just("users".to_owned()),
        Just("drive".to_owned()),
        Just("root:".to_owned()),
        Just("items".to_owned()),
        Just("messages".to_owned()),
        Just("$value".to_owned()),
        Just("$ref".to_owned()),
        Just("microsoft.graph.user".to_owned()),
        Just("range(address='A1:B2')".to_owned()),
        Just("{id}".to_owned()),
        Just(":".to_owned()),
        "[a-zA-Z0-9:@.!'()%=,$ -]{0,12}",
    ]
}

fn url() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(piece(), 0..20),
        prop_oneof![
            Just(""),
            Just("https://graph.microsoft.com/v1.0/"),
            Just("/beta/"),
            Just("/")
        ],
        prop_oneof![Just(""), Just("?$top=1"), Just(":/x:/content"), Just("?")],
    )
        .prop_map(|(pieces, head, tail)| format!("{head}{}{tail}", pieces.join("/")))
}

fn check(url: &str) {
    for method in Method::ALL {
        let found = resolve_request(method, url);
        for mode in AuthMode::ALL {
            match (found, request(method, url, mode)) {
                (Ok(f), Ok(a)) => {
                    assert_eq!(f.template(), a.template());
                    assert_eq!(a.least(), a.permissions().iter().next().unwrap());
                }
                (Ok(f), Err(RequestError::NotSupported { template, .. })) => {
                    assert_eq!(f.template(), template);
                }
                (Err(e), Err(e2)) => assert_eq!(e, e2),
                (f, a) => panic!("{url:?}: {f:?} vs {a:?}"),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn resolution_never_panics_on_any_string(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn resolution_never_panics_on_url_like_strings(u in url()) {
        check(&u);
    }
}
