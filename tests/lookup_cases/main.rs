//! Real-looking subscription resources, each with the answer worked out by hand from
//! `data/tables/<api>/<operation>.yaml` and `data/resources.yaml` (never copied from output).
//!
//! Rules of the data that the expectations rely on:
//! * a row's templates are its own `paths`, or those of its `data/resources.yaml` entry;
//! * `/me/...` and `/users/{id}/...` are one resource: the form not written in the data is
//!   derived (`/users/{userId}/onlineMeetings/getAllRecordings` gives
//!   `/me/onlineMeetings/getAllRecordings`), and the answer names the form that matched;
//! * an OData key (`mailFolders('Inbox')`) is a placeholder, so when two templates of one resource
//!   have the same shape the first written is the one reported;
//! * a static segment beats a placeholder (`/teams/getAllMessages` is not `/teams/{id}`);
//! * the least privileged permission is the first one of the cell.

use msgraph_scopes::{
    lookup, lookup_resolved, resolve, table, ApiVersion, AuthMode, LookupError, Operation,
};

mod everything_else;
mod mail_and_drive;
mod teams_and_communications;

const V1: ApiVersion = ApiVersion::V1;
const BETA: ApiVersion = ApiVersion::Beta;
const WORK: AuthMode = AuthMode::DelegatedWork;
const PERSONAL: AuthMode = AuthMode::DelegatedPersonal;
const APP: AuthMode = AuthMode::Application;

#[derive(Debug)]
enum Expect {
    Found {
        resource_type: &'static str,
        template: &'static str,
        least: &'static str,
    },
    NotSupported {
        resource_type: &'static str,
        template: &'static str,
    },
    Unknown,
}

#[derive(Debug)]
struct Case {
    api: ApiVersion,
    operation: Operation,
    mode: AuthMode,
    resource: &'static str,
    expect: Expect,
    query: Option<&'static str>,
    /// The row's title (label, else qualifier), for the rows that share a type and a path.
    title: Option<&'static str>,
}

impl Case {
    fn query(mut self, query: &'static str) -> Case {
        self.query = Some(query);
        self
    }

    fn title(mut self, title: &'static str) -> Case {
        self.title = Some(title);
        self
    }
}

fn case(
    (api, operation, mode): (ApiVersion, Operation, AuthMode),
    resource: &'static str,
    expect: Expect,
) -> Case {
    Case {
        api,
        operation,
        mode,
        resource,
        expect,
        query: None,
        title: None,
    }
}

fn found(
    at: (ApiVersion, Operation, AuthMode),
    resource: &'static str,
    resource_type: &'static str,
    template: &'static str,
    least: &'static str,
) -> Case {
    let expect = Expect::Found {
        resource_type,
        template,
        least,
    };
    case(at, resource, expect)
}

fn not_supported(
    at: (ApiVersion, Operation, AuthMode),
    resource: &'static str,
    resource_type: &'static str,
    template: &'static str,
) -> Case {
    let expect = Expect::NotSupported {
        resource_type,
        template,
    };
    case(at, resource, expect)
}

fn unknown(at: (ApiVersion, Operation, AuthMode), resource: &'static str) -> Case {
    case(at, resource, Expect::Unknown)
}

/// Every case, by area (the modules below).
fn cases() -> Vec<Case> {
    let mut cases = mail_and_drive::cases();
    cases.extend(teams_and_communications::cases());
    cases.extend(everything_else::cases());
    cases
}

/// Checks one case; describes every way it fails.
fn run(c: &Case) -> Vec<String> {
    let mut out = Vec::new();
    let mut fail = |what: String| out.push(format!("{c:?}\n    {what}"));
    let got = lookup(c.api, c.operation, c.resource, c.mode);

    // The same through resolve + lookup_resolved.
    match resolve(c.resource) {
        Ok(resolved) => {
            let again = lookup_resolved(table(c.api, c.operation), resolved, c.mode);
            if again != got {
                fail(format!("lookup_resolved gave {again:?}, lookup {got:?}"));
            }
        }
        Err(e) => fail(format!("resolve failed: {e}")),
    }

    match (&c.expect, got) {
        (
            Expect::Found {
                resource_type,
                template,
                least,
            },
            Ok(answer),
        ) => {
            let row = answer.row();
            if row.resource_type() != *resource_type {
                fail(format!("resource type {:?}", row.resource_type()));
            }
            if answer.template() != *template {
                fail(format!("template {:?}", answer.template()));
            }
            if answer.least().name() != *least {
                fail(format!("least {:?}", answer.least().name()));
            }
            if answer.query() != c.query {
                fail(format!("query {:?}", answer.query()));
            }
            if answer.mode() != c.mode {
                fail(format!("mode {:?}", answer.mode()));
            }
            if row.table() != table(c.api, c.operation) {
                fail(format!("row of table {:?}", row.table()));
            }
            if row.cell(c.mode) != Some(answer.permissions()) {
                fail("permissions are not the row's cell".into());
            }
            if answer.permissions().least() != answer.least()
                || answer.permissions().position(least) != Some(0)
            {
                fail("least is not the first permission".into());
            }
            if let Some(title) = c.title {
                if row.title() != title {
                    fail(format!("title {:?}", row.title()));
                }
            }
        }
        (
            Expect::NotSupported {
                resource_type,
                template: expected_template,
            },
            Err(LookupError::NotSupported {
                row,
                template,
                mode,
            }),
        ) => {
            if row.resource_type() != *resource_type {
                fail(format!("resource type {:?}", row.resource_type()));
            }
            if template != *expected_template {
                fail(format!("template {template:?}"));
            }
            if mode != c.mode || row.cell(mode).is_some() {
                fail(format!("mode {mode:?}, cell {:?}", row.cell(mode)));
            }
            if row.table() != table(c.api, c.operation) {
                fail(format!("row of table {:?}", row.table()));
            }
            if let Some(title) = c.title {
                if row.title() != title {
                    fail(format!("title {:?}", row.title()));
                }
            }
        }
        (Expect::Unknown, Err(LookupError::UnknownResource)) => {}
        (_, other) => fail(format!("got {other:?}")),
    }
    out
}

#[test]
fn real_resources_give_the_documented_answers() {
    let cases = cases();
    assert!(cases.len() >= 45, "{} cases", cases.len());
    let failures: Vec<String> = cases.iter().flat_map(run).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_cases_cover_both_versions_every_mode_and_many_operations() {
    let cases = cases();
    let apis: std::collections::BTreeSet<_> = cases.iter().map(|c| c.api).collect();
    let modes: std::collections::BTreeSet<_> = cases.iter().map(|c| c.mode).collect();
    let ops: std::collections::BTreeSet<_> = cases.iter().map(|c| c.operation).collect();
    assert_eq!(apis.len(), 2);
    assert_eq!(modes.len(), 3);
    assert_eq!(ops.len(), Operation::ALL.len(), "{ops:?}");
    for kind in ["found", "not_supported", "unknown"] {
        let n = cases
            .iter()
            .filter(|c| {
                kind == match c.expect {
                    Expect::Found { .. } => "found",
                    Expect::NotSupported { .. } => "not_supported",
                    Expect::Unknown => "unknown",
                }
            })
            .count();
        assert!(n >= 5, "only {n} {kind} cases");
    }
}

/// The forms of one resource people write give one answer.
#[test]
fn spellings_of_one_resource_agree() {
    let groups: [&[&str]; 4] = [
        &[
            "/me/mailFolders('Inbox')/messages",
            "me/mailFolders('Inbox')/messages",
            "/ME/MAILFOLDERS('INBOX')/MESSAGES/",
            "https://graph.microsoft.com/v1.0/me/mailFolders('Inbox')/messages",
            "HTTPS://graph.microsoft.com/beta/me/mailFolders('Inbox')/messages?$top=1",
            "/v1.0/me/mailFolders/inbox/messages",
            "/me/mail%46olders('Inbox')/messages",
        ],
        &[
            "/teams/{id}/channels/{id}/messages",
            "teams/19:abc@thread.tacv2/channels/19:def@thread.tacv2/messages",
            "teams('19:abc@thread.tacv2')/channels('19:def@thread.tacv2')/messages",
            "https://graph.microsoft.com/v1.0/teams/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/channels/19:def@thread.tacv2/messages?$filter=x",
        ],
        &[
            "/users/{id}/events",
            "users/adele.vance@contoso.onmicrosoft.com/events",
            "users/adele.vance%40contoso.onmicrosoft.com/events",
            "users('o''brien@contoso.com')/events",
            "users/o'brien@contoso.com/events?$select=subject",
        ],
        &[
            "/communications/presences",
            "communications/presences/",
            "communications/presences?$filter=id in ('a','b')",
            "Communications/Presences?",
        ],
    ];
    for group in groups {
        for (api, operation) in [(V1, Operation::Create), (BETA, Operation::Update)] {
            for mode in AuthMode::ALL {
                let first = lookup(api, operation, group[0], mode).map(|a| (a.row(), a.template()));
                for other in &group[1..] {
                    let got = lookup(api, operation, other, mode).map(|a| (a.row(), a.template()));
                    assert_eq!(
                        got, first,
                        "{api} {operation} {mode} {other:?} vs {:?}",
                        group[0]
                    );
                }
            }
        }
    }
}
