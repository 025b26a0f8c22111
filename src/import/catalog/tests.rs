//! The importer's tests: small fixtures for each merge rule, and the drift check against the
//! shared sources.

use super::source::parse_source_md;
use super::upstream::GRAPH_APP_ID;
use super::*;
use crate::import::schema::{CatalogPermission, SchemeEntry};
use std::borrow::ToOwned;
use std::path::Path;
use std::println;

fn source() -> CatalogSource {
    CatalogSource {
        repository: "microsoftgraph/microsoft-graph-devx-content".to_owned(),
        commit: "0123456789abcdef0123456789abcdef01234567".to_owned(),
        as_of: "2026-01-02".to_owned(),
    }
}

const PERMISSIONS_FIXTURE: &str = r#"{
  "$schema": "x",
  "permissions": {
    "Mail.Read": {
      "authorizationType": "oAuth2",
      "schemes": {
        "DelegatedWork": {"requiresAdminConsent": false, "privilegeLevel": 3},
        "DelegatedPersonal": {"requiresAdminConsent": false, "privilegeLevel": 3},
        "Application": {"requiresAdminConsent": true, "privilegeLevel": 4}
      },
      "pathSets": []
    },
    "ChannelMessage.Read.Group": {
      "authorizationType": "RSC",
      "schemes": {"Application": {"requiresAdminConsent": false, "privilegeLevel": 2}}
    },
    "Ghost.Read.All": {
      "authorizationType": "oAuth2",
      "schemes": {"Application": {"requiresAdminConsent": true}}
    },
    "Sync.ReadWrite.All": {
      "authorizationType": "oAuth2",
      "schemes": {
        "DelegatedWork": {"requiresAdminConsent": true, "privilegeLevel": 3},
        "Application": {"requiresAdminConsent": true, "privilegeLevel": 3}
      }
    },
    "Notes.Read": {
      "authorizationType": "oAuth2",
      "schemes": {
        "DelegatedWork": {"requiresAdminConsent": false, "privilegeLevel": 2},
        "DelegatedPersonal": {"requiresAdminConsent": false, "privilegeLevel": 2}
      }
    },
    "Legacy.Read.All": {
      "authorizationType": "oAuth2",
      "schemes": {"DelegatedWork": {"requiresAdminConsent": true, "privilegeLevel": 3}}
    }
  }
}"#;

const PROVISIONING_FIXTURE: &str = r#"{
  "permissionDeployments": {
    "Mail.Read": [
      {"id": "570282FD-FA5C-430D-A7FD-FC8DC98A9DCA", "scheme": "DelegatedWork",
       "environment": "public", "isHidden": false, "isEnabled": true, "resourceAppId": ""},
      {"id": "810c84a8-4a9e-49e6-bf7d-12d183f40d01", "scheme": "Application",
       "environment": "PPE;public", "isHidden": false, "isEnabled": true,
       "resourceAppId": "00000003-0000-0000-c000-000000000000"}
    ],
    "Subscription.Read.All": [
      {"id": "5f88184c-80bb-4d52-9ff2-757288b2e9b7", "scheme": "DelegatedWork",
       "environment": "public", "isHidden": false, "isEnabled": true, "resourceAppId": ""}
    ],
    "Sync.ReadWrite.All": [
      {"id": "11111111-1111-1111-1111-111111111111", "scheme": "DelegatedWork",
       "environment": "", "isHidden": false, "isEnabled": true, "resourceAppId": ""},
      {"id": "33333333-3333-3333-3333-333333333333", "scheme": "Application",
       "environment": "public", "isHidden": false, "isEnabled": true, "resourceAppId": ""}
    ],
    "Notes.Read": [
      {"id": "44444444-4444-4444-4444-444444444444", "scheme": "DelegatedWork",
       "environment": "public", "isHidden": false, "isEnabled": true, "resourceAppId": ""},
      {"id": "55555555-5555-5555-5555-555555555555", "scheme": "DelegatedPersonal",
       "environment": "public", "isHidden": false, "isEnabled": true, "resourceAppId": ""}
    ],
    "Legacy.Read.All": [
      {"id": "66666666-6666-6666-6666-666666666666", "scheme": "DelegatedWork",
       "environment": "public", "isHidden": false, "isEnabled": true,
       "resourceAppId": "00000002-0000-0000-c000-000000000000"},
      {"id": "77777777-7777-7777-7777-777777777777", "scheme": "Application",
       "environment": "public", "isHidden": false, "isEnabled": true,
       "resourceAppId": "00000002-0000-0000-c000-000000000000"},
      {"id": "88888888-8888-8888-8888-888888888888", "scheme": "DelegatedWork",
       "environment": "", "isHidden": false, "isEnabled": true,
       "resourceAppId": "00000002-0000-0000-C000-000000000000"}
    ],
    "OrganizationalUnit.Read.All": [
      {"id": "99999999-9999-9999-9999-999999999999", "scheme": "DelegatedWork",
       "environment": "PPE", "isHidden": true, "isEnabled": true, "resourceAppId": ""}
    ],
    "Hidden.Read.All": [
      {"id": "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa", "scheme": "Application",
       "environment": "public;FairFax", "isHidden": true, "isEnabled": true,
       "resourceAppId": ""}
    ],
    "Zone.Read.All": [
      {"id": "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb", "scheme": "Application",
       "environment": "public", "isHidden": true, "isEnabled": true,
       "resourceAppId": "bceea168-88ac-4736-95dc-4ce488ffe324"},
      {"scheme": "DelegatedWork", "environment": "public", "isHidden": true,
       "resourceAppId": "bceea168-88ac-4736-95dc-4ce488ffe324"}
    ]
  }
}"#;

const DESCRIPTIONS_FIXTURE: &str = r#"{
  "delegatedScopesList": [
    {"value": "Mail.Read", "id": "570282fd-fa5c-430d-a7fd-fc8dc98a9dca", "isAdmin": false,
     "isEnabled": true, "consentDisplayName": "Read your mail"},
    {"value": "Subscription.Read.All", "id": "5F88184C-80BB-4D52-9FF2-757288B2E9B7",
     "isAdmin": false, "isEnabled": true},
    {"value": "Sync.ReadWrite.All", "id": "22222222-2222-2222-2222-222222222222",
     "isAdmin": true, "isEnabled": true},
    {"value": "Notes.Read", "id": "44444444-4444-4444-4444-444444444444",
     "isAdmin": false, "isEnabled": true},
    {"value": "Legacy.Read.All", "id": "66666666-6666-6666-6666-666666666666",
     "isAdmin": true, "isEnabled": true}
  ],
  "applicationScopesList": [
    {"value": "Mail.Read", "id": "810c84a8-4a9e-49e6-bf7d-12d183f40d01", "isAdmin": true,
     "isEnabled": true, "allowedMemberTypes": ["Application"]},
    {"value": "Sync.ReadWrite.All", "id": "33333333-3333-3333-3333-333333333333",
     "isAdmin": false, "isEnabled": true}
  ]
}"#;

fn fixture() -> CatalogImport {
    match build_catalog(
        PERMISSIONS_FIXTURE,
        PROVISIONING_FIXTURE,
        DESCRIPTIONS_FIXTURE,
        source(),
    ) {
        Ok(import) => import,
        Err(e) => panic!("fixture import failed: {e}"),
    }
}

fn permission<'a>(import: &'a CatalogImport, name: &str) -> &'a CatalogPermission {
    match import.catalog.permissions.iter().find(|p| p.name == name) {
        Some(p) => p,
        None => panic!("{name} missing from the catalog"),
    }
}

fn has_note(p: &CatalogPermission, needle: &str) -> bool {
    p.notes.iter().any(|n| n.contains(needle))
}

#[test]
fn names_sorted_by_bytes() {
    let import = fixture();
    let names: Vec<&str> = import
        .catalog
        .permissions
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
    assert_eq!(
        names,
        [
            "ChannelMessage.Read.Group",
            "Ghost.Read.All",
            "Hidden.Read.All",
            "Legacy.Read.All",
            "Mail.Read",
            "Notes.Read",
            "Subscription.Read.All",
            "Sync.ReadWrite.All",
        ]
    );
}

#[test]
fn permission_in_all_three_schemes() {
    let import = fixture();
    let p = permission(&import, "Mail.Read");
    let entry = |e: &Option<SchemeEntry>| e.clone().unwrap_or_else(|| panic!("scheme missing"));
    let work = entry(&p.delegated_work);
    let personal = entry(&p.delegated_personal);
    let app = entry(&p.application);
    assert_eq!(
        work.id.as_deref(),
        Some("570282fd-fa5c-430d-a7fd-fc8dc98a9dca")
    );
    // The delegated scope GUID serves personal accounts too.
    assert_eq!(personal.id, work.id);
    assert_eq!(
        app.id.as_deref(),
        Some("810c84a8-4a9e-49e6-bf7d-12d183f40d01")
    );
    assert_eq!(
        (work.admin_consent, work.privilege_level),
        (Some(false), Some(3))
    );
    assert_eq!(
        (app.admin_consent, app.privilege_level),
        (Some(true), Some(4))
    );
    assert!(!p.rsc);
    assert!(p.notes.is_empty(), "{:?}", p.notes);
}

#[test]
fn rsc_permission() {
    let import = fixture();
    let p = permission(&import, "ChannelMessage.Read.Group");
    assert!(p.rsc);
    assert!(p.delegated_work.is_none() && p.delegated_personal.is_none());
    let app = p
        .application
        .clone()
        .unwrap_or_else(|| panic!("no application"));
    assert_eq!(app.id, None);
    assert!(has_note(p, "no GUID in any source for application"));
}

#[test]
fn name_only_in_descriptions_and_provisioning() {
    let import = fixture();
    let p = permission(&import, "Subscription.Read.All");
    let work = p
        .delegated_work
        .clone()
        .unwrap_or_else(|| panic!("no delegated-work"));
    assert_eq!(
        work.id.as_deref(),
        Some("5f88184c-80bb-4d52-9ff2-757288b2e9b7")
    );
    assert_eq!(work.admin_consent, Some(false));
    assert_eq!(work.privilege_level, None);
    // The descriptions' delegated scope does not say personal accounts are supported.
    assert!(p.delegated_personal.is_none());
    assert!(p.application.is_none());
    assert!(has_note(
        p,
        "not in permissions.json; present in permissions-descriptions.json and provisioningInfo.json; \
         whether personal accounts are supported is unknown"
    ));
}

#[test]
fn name_with_no_guid() {
    let import = fixture();
    let p = permission(&import, "Ghost.Read.All");
    let app = p
        .application
        .clone()
        .unwrap_or_else(|| panic!("no application"));
    assert_eq!(app.id, None);
    assert_eq!(app.admin_consent, Some(true));
    assert!(has_note(p, "no GUID in any source for application"));
    assert!(has_note(
        p,
        "permissions.json gives no privilege level for application"
    ));
    assert!(import
        .report
        .iter()
        .any(|l| l == "Ghost.Read.All: no GUID in any source for application"));
}

#[test]
fn guid_disagreement_keeps_both() {
    let import = fixture();
    let p = permission(&import, "Sync.ReadWrite.All");
    let work = p
        .delegated_work
        .clone()
        .unwrap_or_else(|| panic!("no delegated-work"));
    assert_eq!(
        work.id.as_deref(),
        Some("22222222-2222-2222-2222-222222222222")
    );
    assert_eq!(work.other_ids, ["11111111-1111-1111-1111-111111111111"]);
    assert!(has_note(
        p,
        "delegated-work GUIDs disagree; 22222222-2222-2222-2222-222222222222 \
         from permissions-descriptions.json (delegated scope), \
         11111111-1111-1111-1111-111111111111 \
         from provisioningInfo.json (environment unspecified); id is the first"
    ));
    // Agreeing sources: no dispute; admin consent disagreement is noted.
    let app = p
        .application
        .clone()
        .unwrap_or_else(|| panic!("no application"));
    assert!(app.other_ids.is_empty());
    assert!(has_note(
        p,
        "application admin consent disputed; permissions.json says required, \
         permissions-descriptions.json says not required"
    ));
}

#[test]
fn distinct_delegated_personal_guid_is_a_dispute() {
    let import = fixture();
    let p = permission(&import, "Notes.Read");
    let personal = p
        .delegated_personal
        .clone()
        .unwrap_or_else(|| panic!("no delegated-personal"));
    assert_eq!(
        personal.id.as_deref(),
        Some("44444444-4444-4444-4444-444444444444")
    );
    assert_eq!(personal.other_ids, ["55555555-5555-5555-5555-555555555555"]);
    assert!(has_note(
        p,
        "delegated-personal GUIDs disagree; 44444444-4444-4444-4444-444444444444 from \
         permissions-descriptions.json (delegated scope) and provisioningInfo.json \
         (delegated-work deployment), 55555555-5555-5555-5555-555555555555 from \
         provisioningInfo.json; id is the first"
    ));
}

#[test]
fn azure_ad_graph_guids_are_foreign() {
    let import = fixture();
    let p = permission(&import, "Legacy.Read.All");
    // 666... is also the descriptions' Graph GUID for the name: Graph's, not foreign.
    let work = p
        .delegated_work
        .clone()
        .unwrap_or_else(|| panic!("no delegated-work"));
    assert_eq!(
        work.id.as_deref(),
        Some("66666666-6666-6666-6666-666666666666")
    );
    assert!(work.other_ids.is_empty());
    // No application scheme: permissions.json does not list it and only a foreign GUID exists.
    assert!(p.application.is_none());
    let foreign: Vec<(&str, &str, &str, &str)> = import
        .catalog
        .foreign_ids
        .iter()
        .map(|f| {
            (
                f.name.as_str(),
                f.scheme.as_str(),
                f.resource_app.as_str(),
                f.id.as_str(),
            )
        })
        .collect();
    assert_eq!(
        foreign,
        [
            (
                "Legacy.Read.All",
                "delegated-work",
                "00000002-0000-0000-c000-000000000000",
                "88888888-8888-8888-8888-888888888888"
            ),
            (
                "Legacy.Read.All",
                "application",
                "00000002-0000-0000-c000-000000000000",
                "77777777-7777-7777-7777-777777777777"
            ),
            (
                "Zone.Read.All",
                "application",
                "bceea168-88ac-4736-95dc-4ce488ffe324",
                "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb"
            ),
        ]
    );
    // A name only other apps have is not a Graph permission.
    assert!(!import
        .catalog
        .permissions
        .iter()
        .any(|p| p.name == "Zone.Read.All"));
}

#[test]
fn ppe_only_entry_is_not_public_graph() {
    let import = fixture();
    assert!(!import
        .catalog
        .permissions
        .iter()
        .any(|p| p.name == "OrganizationalUnit.Read.All"));
    assert!(import.report.iter().any(|l| l.starts_with(
        "OrganizationalUnit.Read.All: left out: provisioningInfo.json gives Graph GUIDs \
         for non-public environments only: delegated-work 99999999"
    )));
    // `public;FairFax` and `PPE;public` are public.
    let hidden = permission(&import, "Hidden.Read.All");
    let app = hidden
        .application
        .clone()
        .unwrap_or_else(|| panic!("no application"));
    assert_eq!(
        app.id.as_deref(),
        Some("aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa")
    );
    assert!(has_note(hidden, "present in provisioningInfo.json only"));
    assert!(has_note(
        hidden,
        "provisioningInfo.json marks application hidden"
    ));
}

#[test]
fn malformed_json_names_the_file() {
    let err = build_catalog(
        PERMISSIONS_FIXTURE,
        "{\n  \"permissionDeployments\": {,\n}",
        DESCRIPTIONS_FIXTURE,
        source(),
    );
    let msg = match err {
        Ok(_) => panic!("malformed JSON accepted"),
        Err(e) => e.to_string(),
    };
    assert!(
        msg.starts_with("provisioningInfo.json: JSON syntax error at line 2, column 29: "),
        "{msg}"
    );

    let err = build_catalog("{\"permissions\": []}", "{}", "{}", source());
    let msg = err.map(|_| ()).map_err(|e| e.to_string());
    assert!(
        matches!(&msg, Err(m) if m.starts_with("permissions.json: unexpected JSON structure")),
        "{msg:?}"
    );

    let err = build_catalog(
        r#"{"permissions": {"X.Read": {"schemes": {"Application": {"privilegeLevel": 7}}}}}"#,
        "{\"permissionDeployments\": {}}",
        "{}",
        source(),
    );
    let msg = err.map(|_| ()).map_err(|e| e.to_string());
    assert_eq!(
        msg,
        Err("permissions.json: X.Read: Application privilegeLevel 7 is not 1 to 4".to_owned())
    );
}

#[test]
fn malformed_guid_is_noted_not_used() {
    let descriptions = r#"{"delegatedScopesList": [{"value": "X.Read", "id": "not-a-guid"}]}"#;
    let provisioning = r#"{"permissionDeployments": {"X.Read": [
        {"id": "75d9ca3df-7017-4feb-baa0-06a339b6c338", "scheme": "Application",
         "environment": "public", "resourceAppId": ""}]}}"#;
    let permissions = r#"{"permissions": {"X.Read": {"schemes": {
        "DelegatedWork": {"requiresAdminConsent": false, "privilegeLevel": 1}}}}}"#;
    let import = match build_catalog(permissions, provisioning, descriptions, source()) {
        Ok(import) => import,
        Err(e) => panic!("{e}"),
    };
    let p = permission(&import, "X.Read");
    assert_eq!(p.delegated_work.as_ref().map(|e| e.id.clone()), Some(None));
    assert!(p.application.is_none());
    assert!(has_note(
        p,
        "permissions-descriptions.json gives a malformed GUID `not-a-guid` for its delegated \
         scope; ignored"
    ));
    assert!(has_note(
        p,
        "provisioningInfo.json gives a malformed GUID `75d9ca3df-7017-4feb-baa0-06a339b6c338` \
         for application; ignored"
    ));
}

#[test]
fn deterministic_yaml() {
    let first = fixture().to_yaml();
    let second = fixture().to_yaml();
    let (Ok(first), Ok(second)) = (first, second) else {
        panic!("serialisation failed");
    };
    assert_eq!(first, second);
    assert!(first.starts_with(
        "# @generated by `msgraph-scopes import-catalog` from upstream/devx/ \
         (microsoftgraph/microsoft-graph-devx-content commit \
         0123456789abcdef0123456789abcdef01234567, 2026-01-02);\n\
         # do not edit: re-import instead\nsource:\n"
    ));
    // Round trip through the schema.
    let body: CatalogFile = match serde_yaml::from_str(&first) {
        Ok(b) => b,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(body, fixture().catalog);
}

#[test]
fn source_md_sentence() {
    let text = "# Title\n\nFrom the public repository microsoftgraph/microsoft-graph-devx-content \
                (MIT licence),\ncommit 6cbd6bbd665a877560fdefbad74f3bdb5b57af88 (2026-08-07), \
                byte-identical copies:\n";
    let parsed = parse_source_md(text).map_err(|e| e.to_string());
    assert_eq!(
        parsed,
        Ok(CatalogSource {
            repository: "microsoftgraph/microsoft-graph-devx-content".to_owned(),
            commit: "6cbd6bbd665a877560fdefbad74f3bdb5b57af88".to_owned(),
            as_of: "2026-08-07".to_owned(),
        })
    );
    let missing = parse_source_md("From the public repository a/b, commit zzz (2026-08-07)");
    assert!(matches!(
        missing,
        Err(CatalogError::Invalid {
            file: "SOURCE.md",
            ..
        })
    ));
}

/// The catalog drift check: re-importing the shared sources gives `data/catalog.yaml` byte for
/// byte. Set `MSGRAPH_SCOPES_BLESS=1` to rewrite the file instead.
#[test]
fn real_sources_match_data_catalog() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/upstream/devx"
    ));
    let data = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/catalog.yaml"));
    if !dir.is_dir() {
        // `.ci/run` sets this: there, absent sources are a failure, not a skip.
        assert!(
            std::env::var_os("MSGRAPH_SCOPES_REQUIRE_SOURCES").is_none(),
            "catalog drift check: the sources are absent ({} does not exist)",
            dir.display()
        );
        println!(
            "SKIPPED catalog drift check: the sources are absent ({} does not exist)",
            dir.display()
        );
        return;
    }
    let import = match import_catalog(dir) {
        Ok(import) => import,
        Err(e) => panic!("import of {} failed: {e}", dir.display()),
    };
    let mail = permission(&import, "Mail.Read");
    assert_eq!(
        mail.delegated_work.as_ref().and_then(|e| e.id.as_deref()),
        Some("570282fd-fa5c-430d-a7fd-fc8dc98a9dca")
    );
    let subscription = permission(&import, "Subscription.Read.All");
    assert!(subscription
        .delegated_work
        .as_ref()
        .is_some_and(|e| e.id.is_some()));
    assert!(import.catalog.permissions.len() > 917);
    assert!(!import
        .catalog
        .foreign_ids
        .iter()
        .any(|f| f.resource_app == GRAPH_APP_ID || f.resource_app.is_empty()));

    let yaml = match import.to_yaml() {
        Ok(yaml) => yaml,
        Err(e) => panic!("{e}"),
    };
    if std::env::var_os("MSGRAPH_SCOPES_BLESS").is_some() {
        if let Err(e) = std::fs::write(data, &yaml) {
            panic!("cannot write {}: {e}", data.display());
        }
        println!("wrote {}", data.display());
        return;
    }
    let on_disk = std::fs::read_to_string(data).unwrap_or_default();
    assert!(
        on_disk == yaml,
        "{} is out of date with {}: re-import (`msgraph-scopes import-catalog`, or run this \
         test with MSGRAPH_SCOPES_BLESS=1)",
        data.display(),
        dir.display()
    );
}
