//! Every reader on the fixtures: each permission is traced to the line that declares it, and no
//! cut or scrambled version of a fixture makes a reader panic or lose the place of its error.

use super::{read, Format};

const FIXTURES: [(&str, &str, Format); 7] = [
    (
        "entra-manifest.json",
        include_str!("../../../tests/fixtures/declare/entra-manifest.json"),
        Format::EntraManifest,
    ),
    (
        "graph-application.json",
        include_str!("../../../tests/fixtures/declare/graph-application.json"),
        Format::GraphApplication,
    ),
    (
        "aad.manifest.json",
        include_str!("../../../tests/fixtures/declare/aad.manifest.json"),
        Format::TeamsToolkit,
    ),
    (
        "teams-app-manifest.json",
        include_str!("../../../tests/fixtures/declare/teams-app-manifest.json"),
        Format::TeamsApp,
    ),
    (
        "teams-app-manifest-v1.11.json",
        include_str!("../../../tests/fixtures/declare/teams-app-manifest-v1.11.json"),
        Format::TeamsApp,
    ),
    (
        "app.tf",
        include_str!("../../../tests/fixtures/declare/app.tf"),
        Format::Terraform,
    ),
    (
        "graph.bicep",
        include_str!("../../../tests/fixtures/declare/graph.bicep"),
        Format::Bicep,
    ),
];

#[test]
fn every_permission_is_traced_to_the_line_that_declares_it() {
    for (name, text, format) in FIXTURES {
        let read = read(name, text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.format, format, "{name}");
        assert!(!read.scopes.is_empty(), "{name}");
        let lines: Vec<&str> = text.lines().collect();
        for scope in &read.scopes {
            assert_eq!(scope.file.as_deref(), Some(name));
            let at = scope.location.expect("a location");
            let line = lines[at.line as usize - 1];
            // The name or GUID is on that line, from the column given on (a reference to it
            // starts there).
            let from: String = line.chars().skip(at.column as usize - 1).collect();
            assert!(
                from.contains(&scope.text),
                "{name}:{}: {} not in {line:?}",
                at.line,
                scope.text
            );
        }
        for note in &read.notes {
            let at = note.location.expect("a location");
            assert!((at.line as usize) <= lines.len(), "{name}: {note:?}");
        }
    }
}

#[test]
fn the_readers_count_what_the_fixtures_declare() {
    let count = |name: &str| {
        let (_, text, _) = FIXTURES.iter().find(|f| f.0 == name).expect("fixture");
        let read = read(name, text).expect("reads");
        (read.scopes.len(), read.notes.len())
    };
    // Graph x4, SharePoint x2, Office 365 Management APIs x1.
    assert_eq!(count("entra-manifest.json"), (7, 0));
    // Graph x3 and SharePoint by name; the placeholder app's entry is a note.
    assert_eq!(count("aad.manifest.json"), (4, 1));
    assert_eq!(count("teams-app-manifest.json"), (4, 0));
    assert_eq!(count("teams-app-manifest-v1.11.json"), (2, 0));
    // Two references and a literal in azuread_application, SharePoint, two in the API access,
    // one assignment; the variable app and the dynamic block are notes.
    assert_eq!(count("app.tf"), (7, 2));
    // Three Graph and one Management API entry, one literal assignment; the variable app id,
    // the filter() and the loop are notes.
    assert_eq!(count("graph.bicep"), (5, 3));
}

#[test]
fn no_cut_of_a_fixture_panics_or_loses_its_place() {
    for (name, text, _) in FIXTURES {
        let cuts = (0..text.len())
            .filter(|&i| text.is_char_boundary(i))
            .step_by(5);
        for end in cuts {
            let cut = &text[..end];
            if let Err(message) = read(name, cut) {
                assert!(message.starts_with(&format!("{name}:")), "{message}");
            }
        }
    }
}

#[test]
fn scrambled_fixtures_never_panic() {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for (name, text, _) in FIXTURES {
        let bytes = text.as_bytes();
        for _ in 0..300 {
            let mut scrambled = bytes.to_vec();
            for _ in 0..8 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let at = (state % scrambled.len() as u64) as usize;
                let from = ((state >> 32) % scrambled.len() as u64) as usize;
                scrambled[at] = bytes[from];
            }
            if let Ok(text) = String::from_utf8(scrambled) {
                if let Err(message) = read(name, &text) {
                    assert!(message.starts_with(name), "{message}");
                }
            }
        }
    }
}

#[test]
fn a_byte_order_mark_is_no_part_of_the_content() {
    for (name, text, format) in FIXTURES {
        let with_bom = format!("\u{feff}{text}");
        let plain = read(name, text).expect("reads");
        let read = read(name, &with_bom).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.format, format, "{name}");
        assert_eq!(read.scopes, plain.scopes, "{name}");
    }
}
