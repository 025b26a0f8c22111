//! Failures: resource strings that are not resources, resources nobody can subscribe to, modes a
//! resource does not support, names that do not parse. None of them panics.

use msgraph_scopes::{
    lookup, resolve, table, tables, ApiVersion, AuthMode, LookupError, Operation, PathError,
};
use proptest::prelude::*;
use std::error::Error as _;

fn v1_update(resource: &str, mode: AuthMode) -> Result<(), LookupError> {
    lookup(ApiVersion::V1, Operation::Update, resource, mode).map(|_| ())
}

/// Every table and mode gives `expected` for `resource`.
fn everywhere(resource: &str, expected: LookupError) {
    for t in tables() {
        for mode in AuthMode::ALL {
            let got = lookup(t.api(), t.operation(), resource, mode).map(|_| ());
            assert_eq!(
                got,
                Err(expected),
                "{} {} {mode} {:?}",
                t.api(),
                t.operation(),
                resource.chars().take(80).collect::<String>()
            );
        }
    }
}

#[test]
fn strings_that_are_not_resources_are_invalid() {
    use PathError::*;
    let long_segment = format!("users/{}/messages", "a".repeat(2000));
    let cases: Vec<(&str, PathError)> = vec![
        ("", Empty),
        ("   ", Empty),
        ("\t\n", Empty),
        ("/", Empty),
        ("///", Empty),
        ("?$filter=x", Empty),
        ("https://graph.microsoft.com/v1.0/", Empty),
        ("https://graph.microsoft.com", Empty),
        ("beta", Empty),
        ("teams//channels", EmptySegment),
        ("/me/mailFolders('Inbox')//messages", EmptySegment),
        ("me/mes\u{0}sages", ControlChar),
        ("me/\u{7f}events", ControlChar),
        ("me/events\u{1b}[31m", ControlChar),
        ("me/\u{85}events", ControlChar),
        ("me\r\n/events", ControlChar),
        ("users(abc/messages", UnbalancedParen),
        ("users)/messages", UnbalancedParen),
        ("me/mailFolders('Inbox'/messages", UnbalancedParen),
        ("users('abc)/messages", UnterminatedQuote),
        ("me/mailFolders('Inbox)", UnterminatedQuote),
        ("('x')/messages", InvalidKey),
        ("users('x')y/events", InvalidKey),
        ("users('x')('y')/events", InvalidKey),
        (&long_segment, SegmentTooLong),
    ];
    for (input, error) in cases {
        assert_eq!(resolve(input).map(|_| ()), Err(error), "{input:?}");
        everywhere(input, LookupError::InvalidResource(error));
    }
}

#[test]
fn long_inputs_fail_cleanly() {
    const KB100: usize = 100 * 1024;
    let cases: Vec<(String, LookupError)> = vec![
        (
            "a".repeat(KB100),
            LookupError::InvalidResource(PathError::SegmentTooLong),
        ),
        (
            "/".repeat(KB100),
            LookupError::InvalidResource(PathError::Empty),
        ),
        (
            "(".repeat(KB100),
            LookupError::InvalidResource(PathError::InvalidKey),
        ),
        (
            format!("me/{}", "\0".repeat(KB100)),
            LookupError::InvalidResource(PathError::ControlChar),
        ),
        // 50 K valid segments: a path, but no resource.
        ("a/".repeat(KB100 / 2), LookupError::UnknownResource),
        (
            format!("me/{}", "x/".repeat(KB100 / 2)),
            LookupError::UnknownResource,
        ),
        (
            format!("teams/{}", "{id}/".repeat(KB100 / 5)),
            LookupError::UnknownResource,
        ),
    ];
    for (input, expected) in &cases {
        everywhere(input, *expected);
    }
    // A 100 KB query does not matter.
    let input = format!("/me/events?$filter={}", "x".repeat(KB100));
    let answer = lookup(
        ApiVersion::V1,
        Operation::Create,
        &input,
        AuthMode::Application,
    )
    .expect("/me/events with a long query");
    assert_eq!(answer.template(), "/me/events");
    assert_eq!(answer.query().map(str::len), Some("$filter=".len() + KB100));
}

#[test]
fn unicode_and_odd_strings_are_invalid_or_unknown() {
    for input in [
        "日本語/🦀",
        "/sites/日本語/lists/🦀/items",
        "\u{a0}me/events",
        "me/events\u{2028}",
        "ünïcödé",
        "💥".repeat(300).as_str(),
        "%FF%FE/%C3",
        "me/%00events",
        "{}",
        "{id}/messages",
        "me/events/{",
        "\u{feff}/me/events",
        "https:///me/events/x",
        "..",
        "./me/events/..",
    ] {
        for t in tables() {
            for mode in AuthMode::ALL {
                match lookup(t.api(), t.operation(), input, mode) {
                    Err(LookupError::InvalidResource(_) | LookupError::UnknownResource) => {}
                    other => panic!("{input:?}: {other:?}"),
                }
            }
        }
    }
}

#[test]
fn no_such_resource_is_unknown() {
    everywhere("/no/such/thing", LookupError::UnknownResource);
    everywhere(
        "https://graph.microsoft.com/v1.0/no/such/thing?$top=1",
        LookupError::UnknownResource,
    );
    // Resolves, but to nothing at all.
    let r = resolve("/no/such/thing").unwrap();
    assert!(!r.is_match());
    assert_eq!(
        r.row_in(
            table(ApiVersion::V1, Operation::Create),
            AuthMode::Application
        ),
        None
    );
}

#[test]
fn not_supported_names_the_row_template_and_mode() {
    let err = v1_update("/teams/getAllMessages", AuthMode::DelegatedWork).unwrap_err();
    let LookupError::NotSupported {
        row,
        template,
        mode,
    } = err
    else {
        panic!("{err:?}");
    };
    assert_eq!(row.resource_type(), "chatMessage");
    assert_eq!(template, "/teams/getAllMessages");
    assert_eq!(mode, AuthMode::DelegatedWork);
    assert_eq!(row.table(), table(ApiVersion::V1, Operation::Update));
    assert!(row.cell(AuthMode::DelegatedWork).is_none());
    assert!(row.cell(AuthMode::DelegatedPersonal).is_none());
    assert_eq!(
        row.cell(AuthMode::Application).unwrap().least().name(),
        "ChannelMessage.Read.All"
    );
    assert_eq!(err.kind(), "not_supported");
    assert_eq!(
        err.to_string(),
        "delegated-work is not supported for chatMessage (/teams/getAllMessages) in v1.0 update"
    );
    assert!(err.source().is_none());
    // The same resource is fine for the application.
    assert_eq!(
        v1_update("/teams/getAllMessages", AuthMode::Application),
        Ok(())
    );
}

#[test]
fn errors_display_and_kind() {
    let invalid = v1_update("teams//channels", AuthMode::Application).unwrap_err();
    assert_eq!(
        invalid,
        LookupError::InvalidResource(PathError::EmptySegment)
    );
    assert_eq!(invalid.kind(), "invalid_resource");
    assert_eq!(
        invalid.to_string(),
        "not a valid resource string: the resource path has an empty segment (`//`)"
    );
    let source = invalid.source().expect("the path error is the source");
    assert_eq!(
        source.to_string(),
        "the resource path has an empty segment (`//`)"
    );
    assert_eq!(
        source.downcast_ref::<PathError>(),
        Some(&PathError::EmptySegment)
    );

    let unknown = v1_update("/no/such/thing", AuthMode::Application).unwrap_err();
    assert_eq!(unknown, LookupError::UnknownResource);
    assert_eq!(unknown.kind(), "unknown_resource");
    assert_eq!(
        unknown.to_string(),
        "no subscribable resource matches in this API version and operation"
    );
    assert!(unknown.source().is_none());

    let beta = lookup(
        ApiVersion::Beta,
        Operation::Create,
        "/me/drive/root/subfolder",
        AuthMode::Application,
    );
    assert_eq!(beta.map(|_| ()), Err(LookupError::UnknownResource));
    let personal_only = lookup(
        ApiVersion::Beta,
        Operation::Create,
        "/drives/b!x/root/subfolder",
        AuthMode::Application,
    )
    .unwrap_err();
    assert_eq!(
        personal_only.to_string(),
        "application is not supported for driveItem (/drives/{id}/root/subfolder) in beta create"
    );

    // Every kind is distinct; every PathError reads as a sentence through LookupError.
    let path_errors = [
        PathError::Empty,
        PathError::EmptySegment,
        PathError::ControlChar,
        PathError::UnbalancedParen,
        PathError::UnterminatedQuote,
        PathError::InvalidKey,
        PathError::SegmentTooLong,
    ];
    for e in path_errors {
        let wrapped = LookupError::InvalidResource(e);
        assert_eq!(wrapped.kind(), "invalid_resource");
        assert_eq!(
            wrapped.to_string(),
            format!("not a valid resource string: {e}")
        );
        assert!(e.to_string().starts_with("the resource "), "{e}");
        assert!(!e.kind().is_empty());
    }
    let kinds: std::collections::BTreeSet<_> =
        [invalid.kind(), unknown.kind(), personal_only.kind()].into();
    assert_eq!(kinds.len(), 3);
}

// --- FromStr -------------------------------------------------------------------------------

#[test]
fn auth_modes_parse_from_the_usual_spellings() {
    use AuthMode::*;
    for (input, mode) in [
        ("delegated-work", DelegatedWork),
        ("DelegatedWork", DelegatedWork),
        ("delegated_work", DelegatedWork),
        ("DELEGATED WORK", DelegatedWork),
        ("work", DelegatedWork),
        ("delegated", DelegatedWork),
        ("Delegated (work or school account)", DelegatedWork),
        ("  delegated-work  ", DelegatedWork),
        ("delegated-personal", DelegatedPersonal),
        ("DelegatedPersonal", DelegatedPersonal),
        ("personal", DelegatedPersonal),
        ("MSA", DelegatedPersonal),
        ("Delegated (personal Microsoft account)", DelegatedPersonal),
        ("application", Application),
        ("Application", Application),
        ("app", Application),
        ("app-only", Application),
        ("AppOnly", Application),
        ("(application)", Application),
        ("role", Application),
    ] {
        assert_eq!(input.parse::<AuthMode>(), Ok(mode), "{input:?}");
    }
    for mode in AuthMode::ALL {
        assert_eq!(mode.to_string().parse::<AuthMode>(), Ok(mode));
        assert_eq!(mode.docs_heading().parse::<AuthMode>(), Ok(mode));
        assert_eq!(format!("{mode:>20}").trim(), mode.as_str());
    }
}

#[test]
fn auth_mode_errors() {
    let err = "admin".parse::<AuthMode>().unwrap_err();
    assert_eq!(err.input(), "admin");
    assert_eq!(
        err.to_string(),
        "unknown auth mode `admin` (expected delegated-work, delegated-personal or application)"
    );
    for input in [
        "",
        "   ",
        "()",
        "delegated-home",
        "applications",
        "user",
        "delegated work personal",
        "ápp",
    ] {
        let err = input.parse::<AuthMode>().unwrap_err();
        assert_eq!(err.input(), input.trim(), "{input:?}");
        assert!(err.to_string().starts_with("unknown auth mode `"), "{err}");
    }
    // Long input is cut at 64 bytes, on a character boundary, with an ellipsis.
    let long = "é".repeat(100);
    let err = long.parse::<AuthMode>().unwrap_err();
    assert_eq!(err.input(), "é".repeat(32));
    assert!(err
        .to_string()
        .contains(&format!("`{}...`", "é".repeat(32))));
    let _: &dyn std::error::Error = &err;
}

#[test]
fn api_versions_parse_from_the_usual_spellings() {
    for (input, api) in [
        ("v1.0", ApiVersion::V1),
        ("V1.0", ApiVersion::V1),
        ("v1", ApiVersion::V1),
        ("1.0", ApiVersion::V1),
        ("1", ApiVersion::V1),
        (" v1.0 ", ApiVersion::V1),
        ("beta", ApiVersion::Beta),
        ("BETA", ApiVersion::Beta),
        ("Beta", ApiVersion::Beta),
    ] {
        assert_eq!(input.parse::<ApiVersion>(), Ok(api), "{input:?}");
    }
    for api in ApiVersion::ALL {
        assert_eq!(api.to_string().parse::<ApiVersion>(), Ok(api));
    }
    for input in ["", "v2", "v2.0", "1.1", "betta", "graph-rest-1.0", "v1.0/"] {
        let err = input.parse::<ApiVersion>().unwrap_err();
        assert_eq!(err.input(), input);
        assert_eq!(
            err.to_string(),
            format!("unknown API version `{input}` (expected v1.0 or beta)")
        );
    }
}

#[test]
fn operations_parse_from_the_usual_spellings() {
    use Operation::*;
    for (input, op) in [
        ("create", Create),
        ("Create", Create),
        ("POST", Create),
        ("subscribe", Create),
        ("get", Get),
        ("GET", Get),
        ("update", Update),
        ("renew", Update),
        ("PATCH", Update),
        ("delete", Delete),
        ("remove", Delete),
        ("reauthorize", Reauthorize),
        ("reauthorise", Reauthorize),
        ("Re-Authorize", Reauthorize),
        ("list", List),
        ("getVapidPublicKey", GetVapidPublicKey),
        ("get-vapid-public-key", GetVapidPublicKey),
        ("get_vapid_public_key", GetVapidPublicKey),
        ("GETVAPIDPUBLICKEY", GetVapidPublicKey),
        ("vapid", GetVapidPublicKey),
        (" list ", List),
    ] {
        assert_eq!(input.parse::<Operation>(), Ok(op), "{input:?}");
    }
    for op in Operation::ALL {
        assert_eq!(op.to_string().parse::<Operation>(), Ok(op));
        assert_eq!(op.docs_name().parse::<Operation>(), Ok(op));
    }
    for input in ["", "put", "creat", "getVapid", "renewal", "subscriptions"] {
        let err = input.parse::<Operation>().unwrap_err();
        assert_eq!(err.input(), input);
        assert_eq!(
            err.to_string(),
            format!(
                "unknown operation `{input}` (expected create, get, update, delete, reauthorize, list or get-vapid-public-key)"
            )
        );
    }
}

// --- never panics ---------------------------------------------------------------------------

/// Looks `input` up in a few tables and modes and checks what any answer must satisfy.
fn exercise(input: &str) {
    let resolved = resolve(input);
    for (api, op) in [
        (ApiVersion::V1, Operation::Create),
        (ApiVersion::Beta, Operation::List),
        (ApiVersion::V1, Operation::Reauthorize),
    ] {
        for mode in AuthMode::ALL {
            match lookup(api, op, input, mode) {
                Ok(answer) => {
                    assert!(resolved.is_ok());
                    assert!(!answer.permissions().is_empty());
                    assert_eq!(answer.row().table(), table(api, op));
                    assert!(answer.template().starts_with('/'));
                    assert_eq!(answer.row().cell(mode), Some(answer.permissions()));
                }
                Err(LookupError::InvalidResource(e)) => assert_eq!(resolved.map(|_| ()), Err(e)),
                Err(LookupError::UnknownResource) => assert!(resolved.is_ok()),
                Err(LookupError::NotSupported { row, mode: m, .. }) => {
                    assert_eq!(m, mode);
                    assert!(row.cell(mode).is_none());
                }
            }
        }
    }
}

/// A path-ish string: segments from Graph's vocabulary, ids, placeholders, keys and debris.
fn pathish() -> impl Strategy<Value = String> {
    let segment = prop_oneof![
        prop::sample::select(vec![
            "me",
            "users",
            "teams",
            "channels",
            "messages",
            "chats",
            "getAllMessages",
            "mailFolders",
            "drive",
            "root",
            "drives",
            "communications",
            "presences",
            "callRecords",
            "groups",
            "conversations",
            "sites",
            "lists",
            "todo",
            "tasks",
            "events",
            "contacts",
            "security",
            "alerts",
            "print",
            "printers",
            "jobs",
            "subfolder",
            "v1.0",
            "beta",
            "MailFolders('Inbox')",
            "{id}",
            "{}",
            "",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z0-9:@.%'_!,=-]{1,24}",
        "\\{[a-zA-Z-]{0,10}\\}",
        ("[a-zA-Z]{1,12}", "([^'\\x00-\\x1f]|''){0,12}").prop_map(|(n, k)| format!("{n}('{k}')")),
        "[/()'?{}%\\x00\\t é🦀]{1,4}",
    ];
    (
        prop::sample::select(vec![
            "",
            "/",
            "https://graph.microsoft.com/v1.0/",
            "/beta/",
            "  ",
        ]),
        prop::collection::vec(segment, 0..9),
        prop::option::of("[ -~]{0,20}"),
    )
        .prop_map(|(prefix, segments, query)| {
            let mut s = format!("{prefix}{}", segments.join("/"));
            if let Some(q) = query {
                s.push('?');
                s.push_str(&q);
            }
            s
        })
}

/// A template of the data with its placeholders replaced by one random id.
fn concrete() -> impl Strategy<Value = String> {
    let templates: Vec<&'static str> = tables()
        .flat_map(|t| t.rows())
        .flat_map(|r| r.templates())
        .map(|t| t.path())
        .collect();
    (prop::sample::select(templates), "[A-Za-z0-9:@.!_-]{1,20}").prop_map(|(template, id)| {
        let mut out = String::new();
        let mut inside = false;
        for c in template.chars() {
            match c {
                '{' => {
                    inside = true;
                    out.push_str(&id);
                }
                '}' => inside = false,
                _ if inside => {}
                _ => out.push(c),
            }
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn lookup_never_panics_on_arbitrary_strings(input in any::<String>()) {
        exercise(&input);
    }

    #[test]
    fn lookup_never_panics_on_printable_strings(input in "\\PC{0,200}") {
        exercise(&input);
    }

    #[test]
    fn lookup_never_panics_on_path_alphabets(input in "[a-zA-Z/(){}'?%:@. \\x00\\x7fé]{0,64}") {
        exercise(&input);
    }

    #[test]
    fn lookup_never_panics_on_pathish_strings(input in pathish()) {
        exercise(&input);
    }

    #[test]
    fn concrete_resources_resolve(input in concrete()) {
        prop_assert!(resolve(&input).is_ok_and(|r| r.is_match()), "{:?}", input);
        exercise(&input);
    }

    /// A leading slash, a trailing slash, the full URL and a query do not change the answer.
    #[test]
    fn decorations_do_not_change_the_answer(input in prop_oneof![pathish(), concrete()]) {
        if resolve(&input).is_err() {
            return Ok(());
        }
        let bare = input.trim_start_matches([' ', '/']);
        // Whitespace is trimmed only at the ends, and a leading version or host is stripped, so
        // those would change meaning once decorated.
        let odd = |c: char| c == '?' || c.is_whitespace() || c.is_control();
        if bare.is_empty() || bare.contains(odd) || bare.starts_with(['v', 'b', 'h', 'V', 'B', 'H']) {
            return Ok(());
        }
        let base = lookup(ApiVersion::V1, Operation::Create, bare, AuthMode::DelegatedWork)
            .map(|a| (a.row(), a.template()));
        for variant in [
            format!("/{bare}"),
            format!("{bare}/"),
            format!("https://graph.microsoft.com/v1.0/{bare}"),
            format!("{bare}?$top=1"),
        ] {
            let got = lookup(ApiVersion::V1, Operation::Create, &variant, AuthMode::DelegatedWork)
                .map(|a| (a.row(), a.template()));
            prop_assert_eq!(got, base, "{:?} vs {:?}", variant, bare);
        }
    }
}
