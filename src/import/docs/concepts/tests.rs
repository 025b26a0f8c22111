//! The concept-page importer: fixtures for each shape and problem, and the drift check of
//! `data/second-sources/` against the shared sources.

use super::*;
use crate::import::extra_schema::SecondCell;
use std::{eprintln, vec};

const TEAMS: &str = "---
title: \"Change notifications for teams\"
ms.date: 03/04/2025
---

# Get change notifications for teams

## Subscribe to changes in any team at tenant level

To get change notifications for any team, subscribe to `/teams`.

### Permissions

|Permission type      | Permissions (from least to most privileged)              | Supported versions |
|:--------------------|:---------------------------------------------------------|:-------------------|
|Delegated (work or school account) | Not supported. | Not supported. |
|Delegated (personal Microsoft account) | Not supported.    | Not supported. |
|Application | Team.ReadBasic.All, TeamSettings.Read.All   | beta|

### Example

```http
POST https://graph.microsoft.com/beta/subscriptions
| not | a table |
```

## Subscribe to messages in a chat

To do this, subscribe to `/chats/{chat-id}/messages`. More text.

#### Permissions

|Permission type      | Permissions (from least to most privileged)              | Supported in version |
|:--------------------|:---------------------------------------------------------|:---------------------|
|Delegated (work or school account) | Chat.Read | beta, v1.0 |
|Delegated (personal Microsoft account) | Not supported.    | Not supported. |
|Application | ChatMessage.Read.Chat*, Chat.Read.All | beta, v1.0 |

>**Note:** Permissions marked with * are supported as part of [resource-specific consent](/rsc) for the beta version only currently.

## See also

| Other | table |
|---|---|
| is | skipped |
";

#[test]
fn reads_a_teams_page() {
    let file = import_concept_page(TEAMS, "x/graph-docs/concepts/teams-x.md").unwrap();
    assert_eq!(file.source.file, "concepts/teams-x.md");
    assert_eq!(
        file.source.page,
        "https://learn.microsoft.com/graph/teams-x"
    );
    assert_eq!(file.source.as_of, "ms.date 03/04/2025");
    assert_eq!(file.sections.len(), 2);
    let [teams, chat] = file.sections.as_slice() else {
        panic!()
    };
    assert_eq!(
        teams.heading,
        "Subscribe to changes in any team at tenant level"
    );
    assert_eq!(teams.paths, ["/teams"]);
    assert_eq!(teams.line, 14);
    assert_eq!(
        teams.delegated_work,
        SecondCell::NotSupported("not supported".into())
    );
    let SecondCell::Accepted(app) = &teams.application else {
        panic!("{teams:?}")
    };
    assert_eq!(
        app.permissions,
        ["Team.ReadBasic.All", "TeamSettings.Read.All"]
    );
    assert_eq!(app.versions, Some(vec!["beta".to_string()]));
    assert!(teams.rsc.is_empty() && teams.rsc_versions.is_none());

    assert_eq!(chat.paths, ["/chats/{chat-id}/messages"]);
    assert_eq!(chat.rsc, ["ChatMessage.Read.Chat"]);
    assert_eq!(chat.rsc_versions, Some(vec!["beta".to_string()]));
    let SecondCell::Accepted(work) = &chat.delegated_work else {
        panic!()
    };
    assert_eq!(
        work.versions,
        Some(vec!["beta".to_string(), "v1.0".to_string()])
    );
    // Deterministic YAML.
    let again = import_concept_page(TEAMS, "x/graph-docs/concepts/teams-x.md").unwrap();
    assert_eq!(
        second_source_yaml(&file).ok(),
        second_source_yaml(&again).ok()
    );
}

const OUTLOOK: &str = "# Outlook

| Resource| Supported Resource Paths| Delegated (work or school account)| Delegated (personal Microsoft account)| Application|
|:--------|:------------------------|:----------------------------------|:--------------------------------------|:-----------|
|[event](/graph/api/resources/event)     | All events: <br>`/me/events`<br>`/users/{id}/events` | Calendars.Read | Calendars.Read | Not supported. |
";

#[test]
fn reads_a_per_resource_table() {
    let file = import_concept_page(OUTLOOK, "concepts/outlook.md").unwrap();
    let [event] = file.sections.as_slice() else {
        panic!("{file:?}")
    };
    assert_eq!(event.heading, "event");
    assert_eq!(event.paths, ["/me/events", "/users/{id}/events"]);
    assert_eq!(event.line, 5);
    let SecondCell::Accepted(work) = &event.delegated_work else {
        panic!()
    };
    assert_eq!(work.permissions, ["Calendars.Read"]);
    assert_eq!(work.versions, None);
    assert!(matches!(event.application, SecondCell::NotSupported(_)));
}

fn problems_of(text: &str) -> Vec<String> {
    match import_concept_page(text, "p.md") {
        Ok(file) => panic!("expected problems, got {file:?}"),
        Err(err) => err.problems().iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn every_problem_names_its_line() {
    let bad = "## Subscribe to x

|Permission type | Permissions (from least to most privileged) | Supported versions |
|:--|:--|:--|
|Application | Chat.Read.All | beta |

## Subscribe to y

Subscribe to `/chats`.

|Permission type | Permissions (from least to most privileged) | Supported versions |
|:--|:--|:--|
|Delegated (work or school account) | Chat.Read | v2.0 |
|Delegated (personal Microsoft account) | Not supported. | beta |
|Application | Chat.Read.All* | beta |
|Robots | Chat.Read | beta |
|Application | Chat.Read.All | beta |
";
    let problems = problems_of(bad);
    assert_eq!(
        problems,
        [
            "p.md:3: a permission table with no \"subscribe to `PATH`\" sentence before it in its section",
            "p.md:13: delegated-work versions: `v2.0` is not an API version (expected v1.0 or beta)",
            "p.md:14: delegated-personal: not supported, yet the versions column names versions",
            "p.md:16: unknown permission type `Robots` (expected one of: Delegated (work or school account), Delegated (personal Microsoft account), Application)",
            "p.md:17: a second row for application",
            "p.md:11: the table has no usable row for delegated-work, delegated-personal",
        ]
    );
    let starred = "Subscribe to `/chats`.\n\n|Permission type | Permissions | Supported versions |\n|--|--|--|\n|Delegated (work or school account) | Not supported. | Not supported. |\n|Delegated (personal Microsoft account) | Not supported. | Not supported. |\n|Application | Chat.Read.Chat*, Chat.Read.All | beta |\n";
    assert_eq!(
        problems_of(starred),
        ["p.md:3: `*` marks Chat.Read.Chat but no note after the table says what `*` means"]
    );
    assert_eq!(
        problems_of("# Nothing here\n"),
        ["p.md:1: no permission table: expected `Permission type | Permissions ...` tables under \"subscribe to `PATH`\" sections, or a `Resource | Supported Resource Paths | ...` table"]
    );
}

const GRAPH_DOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/upstream/graph-docs");

/// The concept pages with permission tables: every Teams change-notification page and the
/// Outlook overview.
fn concept_pages(test: &str) -> Option<Vec<PathBuf>> {
    let dir = PathBuf::from(GRAPH_DOCS).join("concepts");
    if !dir.is_dir() {
        assert!(
            std::env::var_os("MSGRAPH_SCOPES_REQUIRE_SOURCES").is_none(),
            "{test}: the docs sources are absent (no directory {})",
            dir.display()
        );
        eprintln!("SKIPPED {test}: the docs sources are absent");
        return None;
    }
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                    name.starts_with("teams-changenotifications-")
                        || name == "outlook-change-notifications-overview.md"
                })
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    Some(pages)
}

const OUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/second-sources");

/// `data/second-sources/` is exactly what the importer makes of the concept pages today: one
/// file per page, and no other file (a drift check).
#[test]
fn data_second_sources_match_the_concept_pages() {
    let Some(pages) = concept_pages("data_second_sources_match_the_concept_pages") else {
        return;
    };
    assert!(pages.len() >= 6, "{pages:?}");
    let out = PathBuf::from(OUT);
    let mut expected = Vec::new();
    for page in &pages {
        let name = page.display().to_string();
        let text = std::fs::read_to_string(page).unwrap_or_default();
        let file = import_concept_page(&text, &name).unwrap_or_else(|e| panic!("{e}"));
        let yaml = second_source_yaml(&file).unwrap_or_else(|e| panic!("{e}"));
        let target = second_source_path(&out, &file);
        let stored = std::fs::read_to_string(&target).unwrap_or_default();
        assert!(
            stored == yaml,
            "{} differs from a fresh import of {name}: re-import with `regenerate_second_sources`",
            target.display()
        );
        expected.push(target);
    }
    let mut present: Vec<PathBuf> = std::fs::read_dir(&out)
        .map(|e| e.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    present.sort();
    expected.sort();
    assert_eq!(present, expected, "data/second-sources/ holds other files");
}

/// Re-imports `data/second-sources/` from the concept pages:
/// `cargo test --no-default-features --features import --lib regenerate_second_sources -- --ignored`.
#[test]
#[ignore = "writes data/second-sources/; run it to re-import the concept pages"]
fn regenerate_second_sources() {
    let Some(pages) = concept_pages("regenerate_second_sources") else {
        return;
    };
    match import_concept_files(&pages, Path::new(OUT)) {
        Ok(written) => written
            .iter()
            .for_each(|p| eprintln!("wrote {}", p.display())),
        Err(err) => panic!("import failed:\n{err}"),
    }
}
