//! The data beside the tables (second sources, equivalent forms, retired names) is checked
//! against the tables like the rest of `data/`: every problem is a `data/FILE.yaml:LINE:COL:
//! message`, never a panic. These run the generator's checks (shared through `#[path]`) over the
//! real tables with small files made here.

#[path = "../build/mod.rs"]
#[allow(unreachable_pub, missing_docs, dead_code)]
mod datagen;

use datagen::extra::{generate, ExtraInputs};
use datagen::load::{parse, read};
use datagen::model::Model;
use datagen::validate;
use std::path::Path;

fn model() -> Model {
    let (inputs, problems) = read(Path::new(env!("CARGO_MANIFEST_DIR")), false);
    assert!(problems.is_empty(), "{problems:?}");
    validate::build(&inputs).expect("data/ is sound")
}

/// The problems of the extra files given (file name -> text), or the generated code.
fn run(files: &[(&str, &str)]) -> Result<String, Vec<String>> {
    let model = model();
    let mut inputs = ExtraInputs::default();
    for (name, text) in files {
        if name.starts_with("data/second-sources/") {
            inputs
                .second
                .push(parse(name, text).map_err(|p| vec![p.to_string()])?);
        } else if *name == "data/equivalents.yaml" {
            inputs.equivalents = Some(parse(name, text).map_err(|p| vec![p.to_string()])?);
        } else {
            inputs.retired = Some(parse(name, text).map_err(|p| vec![p.to_string()])?);
        }
    }
    generate(&inputs, &model).map_err(|problems| problems.iter().map(|p| p.to_string()).collect())
}

fn problems(files: &[(&str, &str)]) -> Vec<String> {
    match run(files) {
        Ok(_) => panic!("expected problems"),
        Err(problems) => problems,
    }
}

const SECOND: &str = r#"source: {page: https://learn.microsoft.com/graph/x, as_of: not stated, file: concepts/x.md}
sections:
  - heading: Subscribe to a team
    line: 12
    paths: ["/teams/{team-id}", /no/such/path]
    delegated-work:
      permissions: [TeamSettings.Read.All, Not.A.Permission]
      versions: [beta, v2.0]
    delegated-personal: unsupported
    application:
      permissions: [TeamSettings.Read.Group, Chat.Read]
    rsc: [TeamSettings.Read.Group, Team.ReadBasic.All, Chat.Read]
"#;

#[test]
fn second_sources_are_checked_against_the_tables_and_the_catalog() {
    insta::assert_yaml_snapshot!(problems(&[("data/second-sources/x.yaml", SECOND)]));
}

const EQUIVALENTS: &str = r#"equivalents:
  - path: /users/{id}/calendar/events
    stands_for: /users/{id}/birthdays
    source: api-paths/v1.0/user-list-events.md
    listed: ["/users/{id}/calendar/events"]
  - path: /me/events
    stands_for: /me/events
    source: concepts/webhooks.md
    listed: []
  - path: /sites/{id}/drive/root
    stands_for: /drives/{id}/root
    source: api-paths/v1.0/drive-get.md
    listed: ["/sites/{siteId}/drive", "/drives/{drive-id}"]
    modes: [robots]
  - path: /groups/{id}/drive/root
    stands_for: /drives/{id}/root
    source: api-paths/v1.0/drive-get.md
    listed: ["/groups/{groupId}/drive", "/drives/{drive-id}"]
refused:
  - path: /groups/{id}/drive/root
    reason: ''
    source: concepts/x.md
    listed: "/groups/{groupId}/drive"
"#;

#[test]
fn equivalent_forms_are_checked_against_the_tables() {
    insta::assert_yaml_snapshot!(problems(&[("data/equivalents.yaml", EQUIVALENTS)]));
}

#[test]
fn retired_names_are_checked_and_compiled() {
    let good = "retired:\n  - name: oldName\n    after: /teams\n    current: /teams/getAllMessages\n    source: concepts/x.md\n";
    let code = run(&[("data/retired.yaml", good)]).expect("a sound entry compiles");
    assert!(code.contains("RETIRED"), "{code}");
    assert!(
        code.contains("\"oldname\""),
        "the name is kept lower case: {code}"
    );
    let bad = "retired:
  - name: a/b
    after: /teams
    current: /teams
    source: x
  - name: old
    after: /teams/getAllMessages
    current: /no/such/thing
    source: ''
";
    insta::assert_yaml_snapshot!(problems(&[("data/retired.yaml", bad)]));
}

#[test]
fn the_real_extra_data_compiles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (inputs, problems) = datagen::extra::read(root);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(inputs.second.len() >= 6 && inputs.equivalents.is_some() && inputs.retired.is_some());
    let code = generate(&inputs, &model()).expect("data/ is sound");
    for name in [
        "SECOND_SECTIONS",
        "ALSO_ACCEPTED",
        "equivalents_trie",
        "RETIRED",
    ] {
        assert!(code.contains(name), "{name}");
    }
}
