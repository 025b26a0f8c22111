//! The Bicep subset parser: what it keeps, what it skips, and that no input breaks it.

use super::super::lexer::lex;
use super::*;

fn parse(text: &str) -> Result<Vec<Resource<'_>>, Error> {
    let tokens = lex(text)?;
    resources(text, &tokens)
}

const APP: &str = "\
extension microsoftGraphV1

@description('The app name')
param name string = 'listener'
var roles = [
  'User.Read.All'
]

resource graph 'Microsoft.Graph/servicePrincipals@v1.0' existing = {
  appId: '00000003-0000-0000-c000-000000000000'
}

resource app 'Microsoft.Graph/applications@v1.0' = if (deploy) {
  uniqueName: name
  displayName: '${name} (prod)'
  requiredResourceAccess: [
    {
      resourceAppId: '00000003-0000-0000-c000-000000000000'
      resourceAccess: [
        { id: 'a', type: 'Role' }
        {
          id: filter(graph.appRoles, r => r.value == 'User.Read.All')[0].id
          type: 'Role'
        }
      ]
    }
  ]
}

resource grants 'Microsoft.Graph/appRoleAssignedTo@v1.0' = [for r in roles: {
  appRoleId: r
}]

output id string = app.id
";

#[test]
fn resources_and_their_values() {
    let found = parse(APP).expect("parses");
    assert_eq!(
        found.iter().map(|r| r.symbol).collect::<Vec<_>>(),
        ["graph", "app", "grants"]
    );
    assert_eq!(
        found[1].kind.as_deref(),
        Some("Microsoft.Graph/applications@v1.0")
    );
    let app = &found[1].body;
    assert!(matches!(
        app.get("uniqueName").map(|p| &p.value),
        Some(Node::Expr("name", _))
    ));
    // An interpolated string is not a literal.
    assert!(matches!(
        app.get("displayName").map(|p| &p.value),
        Some(Node::Expr(_, _))
    ));
    let Some(Node::Array(groups, _)) = app.get("requiredResourceAccess").map(|p| &p.value) else {
        panic!("{app:?}");
    };
    let Some(Node::Array(access, _)) = groups[0].get("resourceAccess").map(|p| &p.value) else {
        panic!("{groups:?}");
    };
    assert_eq!(access.len(), 2);
    assert!(matches!(access[0].get("id").map(|p| &p.value), Some(Node::Str(s, _)) if s == "a"));
    assert!(matches!(
        access[1].get("ID").map(|p| &p.value),
        Some(Node::Expr(e, _)) if e.starts_with("filter(") && e.ends_with(".id")
    ));
    // A loop is kept whole, as an expression.
    assert!(matches!(&found[2].body, Node::Expr(e, _) if e.starts_with("[for r in roles:")));
    // Positions are byte offsets into the text.
    let at = access[0].start();
    assert_eq!(APP.get(at..at + 4), Some("{ id"));
}

#[test]
fn malformed_bicep_is_an_error_at_its_place() {
    for (text, expect) in [
        ("resource a 'T@1' = {\n  x: 1\n", "never closed"),
        ("resource a 'T@1' = {\n  x 1\n}\n", "expected `:`"),
        (
            "resource a 'T@1' = {\n  x: {} y: 2\n}\n",
            "expected a line break",
        ),
        ("resource a 'T@1' {\n}\n", "expected `=`"),
        ("resource 'T@1' = {}\n", "resource's name"),
        ("resource a = {}\n", "type string"),
        ("var x = (1]\n", "unexpected `]`"),
        ("resource a 'T@1' = {\n  x:\n}\n", "expected a value"),
        ("resource a 'T@1' = 5\n", "expected `{`"),
    ] {
        let err = parse(text).expect_err(text);
        assert!(err.1.contains(expect), "{text}: {err:?}");
        assert!(err.0 <= text.len(), "{text}: {err:?}");
    }
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    for open in ["{ a: ", "[ ", "(", "{\n resource r 'T@1' = "] {
        let close = match open.trim_start().chars().next() {
            Some('{') => "}",
            Some('[') => "]",
            _ => ")",
        };
        let text = format!(
            "resource a 'T@1' = {{\n  x: {}1{}\n}}\n",
            open.repeat(10_000),
            format!("\n{close}").repeat(10_000)
        );
        let err = parse(&text).expect_err(open);
        assert!(
            err.1.contains("too deeply") || err.1.contains("expected"),
            "{open}: {err:?}"
        );
    }
}

#[test]
fn no_prefix_of_a_file_panics() {
    // Every truncation of a realistic file either parses or fails with a position in the text.
    for end in (0..=APP.len()).filter(|&i| APP.is_char_boundary(i)) {
        let text = &APP[..end];
        if let Err((at, _)) = parse(text) {
            assert!(at <= text.len(), "{end}");
        }
    }
}

#[test]
fn scrambled_input_never_panics() {
    // A fixed pseudo-random walk over the bytes Bicep uses.
    let alphabet = b"{}[]()'\n :,=@$\\/*#abc01.resource";
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..2_000 {
        let mut text = Vec::new();
        for _ in 0..(state % 200) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        let text = String::from_utf8(text).expect("ASCII");
        if let Err((at, _)) = parse(&text) {
            assert!(at <= text.len(), "{text:?}");
        }
    }
}
