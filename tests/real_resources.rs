//! Resource strings as working apps write them: each with the row it resolves to, the
//! equivalent form it matches, the reason it is refused, or the suggestions it gets. Every kind
//! of string names where such usage is found (public code, samples and Q&A threads); the ids are
//! realistic, not anyone's.
//!
//! The suggestions of every string that resolves to nothing are snapshotted
//! (`snapshots/real_resources__suggestions.snap`).
#![cfg(feature = "suggest")]

use msgraph_scopes::suggest::suggest;
use msgraph_scopes::{lookup, resolve, table, ApiVersion, AuthMode, LookupError, Operation};

use ApiVersion::{Beta, V1};
use AuthMode::{Application as App, DelegatedPersonal as Personal, DelegatedWork as Work};

/// What a string must give.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// The row of this table template, matched directly.
    Row(&'static str),
    /// The row of `stands_for`, through the equivalent form `form`.
    Equivalent {
        form: &'static str,
        stands_for: &'static str,
    },
    /// Unknown, refused with a reason that says this.
    Refused(&'static str),
    /// Unknown; the first suggestion is this template (or none is expected).
    Unknown(Option<&'static str>),
    /// Not a resource string; the first suggestion is this template.
    Invalid(&'static str),
    /// Unknown in this table; this other (API version, operation) table has it.
    Elsewhere(ApiVersion, Operation),
}

struct Case {
    resource: &'static str,
    api: ApiVersion,
    mode: AuthMode,
    expect: Expect,
}

const fn case(resource: &'static str, api: ApiVersion, mode: AuthMode, expect: Expect) -> Case {
    Case {
        resource,
        api,
        mode,
        expect,
    }
}

use Expect::{Elsewhere, Equivalent, Invalid, Refused, Row, Unknown};

const CASES: &[Case] = &[
    // --- Table templates, with the ids and spellings apps use. ---
    // Inbox subscriptions by user id or UPN, OData keys in quotes or bare: RIDSdiseno/bercia_list
    // src/scripts/subscription.ts (`/users/{userId}/mailFolders('inbox')/messages`),
    // solitontech/Soliton-Leaves-Bot graph-authentication/subscribe.js (`users/<upn>/messages`),
    // and C# samples found by code search (`users/{mailboxId}/mailFolders/Inbox/messages`).
    case("users/0d1c6b4e-8f3a-4a52-9b7e-2f6c1d9e8a11/mailFolders('Inbox')/messages", V1, App, Row("/users/{id}/mailFolders/{id}/messages")),
    case("/users/{userId}/mailFolders('inbox')/messages", V1, App, Row("/users/{id}/mailFolders/{id}/messages")),
    case("users/pat.lee@contoso.com/mailFolders/Inbox/messages", V1, App, Row("/users/{id}/mailFolders/{id}/messages")),
    case("users/karthik.b@contoso.com/messages", V1, App, Row("/users/{id}/messages")),
    case("me/mailFolders('Inbox')/messages", V1, Work, Row("/me/mailFolders/{id}/messages")),
    // Calendar and contacts as the Outlook overview and Q&A threads write them (the
    // `/users/{user-id}/events` of taourl.com's answers; `/me/events` on Stack Overflow 56603776).
    case("/me/events", V1, Work, Row("/me/events")),
    case("users/adele@contoso.com/events", V1, App, Row("/users/{id}/events")),
    case("/me/contacts", V1, Personal, Row("/me/contacts")),
    // OneDrive: `/me/drive/root` is the OneDrive docs' example (onedrive/developer
    // subscription_post_subscriptions); `/drives/{drive-id}/root` a Python sample found by code
    // search ("Subscribes to /drives/{drive-id}/root changes").
    case("/me/drive/root", V1, Work, Row("/me/drive/root")),
    case("/drives/b!Xy9_Zk-0QUOhz7mBeX1y/root", V1, App, Row("/drives/{id}/root")),
    // Teams: OfficeDev/Microsoft-Teams-Samples samples/graph-change-notification-team-channel
    // (SubscriptionManager.cs: `/teams/{teamId}` and `/teams/{teamId}/channels`, on beta).
    case("/teams/893075dd-2487-4122-925f-022c42e20265", Beta, App, Row("/teams/{id}")),
    case("/teams/893075dd-2487-4122-925f-022c42e20265/channels", Beta, App, Row("/teams/{id}/channels")),
    case("/chats/19:2da4c29f6d7041eca70b638b43d45437@thread.v2/messages", V1, App, Row("/chats/{id}/messages")),
    // A C# sample found by code search: `users/{userId}/chats/getAllMessages?model=B`.
    case("users/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/chats/getAllMessages?model=B", V1, App, Row("/users/{id}/chats/getAllMessages")),
    case("/teams/getAllMessages", V1, App, Row("/teams/getAllMessages")),
    case("groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/conversations", V1, Work, Row("/groups/{id}/conversations")),
    case("/sites/contoso.sharepoint.com,2C712604,2D22B9C8/lists/22e03ef3-6ef4-424d-a1d3-92a337807c30", V1, App, Row("/sites/{site-id}/lists/{list-id}")),
    case("/security/alerts?$filter=status eq 'newAlert'", V1, App, Row("/security/alerts")),

    // --- Equivalent forms (data/equivalents.yaml, from api-paths/). ---
    // A calendar's events instead of the user's: Stack Overflow 56603776 ("What resources should
    // be used to create a subscription to a particular calendar", `/me/calendars/{id}/events`).
    case("/me/calendars/AAMkAGI2TGuLAAA=/events", V1, Work, Equivalent { form: "/me/calendars/{id}/events", stands_for: "/me/events" }),
    case("me/calendar/events", V1, Work, Equivalent { form: "/me/calendar/events", stands_for: "/me/events" }),
    case("users/adele@contoso.com/calendar/events", V1, App, Equivalent { form: "/users/{id}/calendar/events", stands_for: "/users/{id}/events" }),
    case("/users/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/calendars/AAMkADc3=/events", V1, App, Equivalent { form: "/users/{id}/calendars/{id}/events", stands_for: "/users/{id}/events" }),
    case("/users/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/calendarGroups/AAMkGrp=/calendars/AAMkCal=/events", V1, App, Equivalent { form: "/users/{id}/calendarGroups/{id}/calendars/{id}/events", stands_for: "/users/{id}/events" }),
    case("/me/calendarGroups/{id}/calendars/{id}/events", V1, Personal, Equivalent { form: "/me/calendarGroups/{id}/calendars/{id}/events", stands_for: "/me/events" }),
    case("https://graph.microsoft.com/v1.0/users/{id}/calendar/events", V1, App, Equivalent { form: "/users/{id}/calendar/events", stands_for: "/users/{id}/events" }),
    // Contacts of a child folder (user-list-contacts); the `/me` form is the derived variant.
    case("/users/{id}/contactFolders/AAMkF1=/childFolders/AAMkF2=/contacts", V1, App, Equivalent { form: "/users/{id}/contactFolders/{id}/childFolders/{id}/contacts", stands_for: "/users/{id}/contactFolders/{id}/contacts" }),
    case("/me/contactFolders/{id}/childFolders/{id}/contacts", V1, Work, Equivalent { form: "/me/contactFolders/{id}/childFolders/{id}/contacts", stands_for: "/me/contactFolders/{id}/contacts" }),
    // A chat through its member (chat-list-messages' own example reads
    // `/users/8b081ef6-.../chats/19:8b081ef6-..._877192bd-...@unq.gbl.spaces`).
    case("/users/8b081ef6-4792-4def-b2c9-c363a1bf41d5/chats/19:8b081ef6-4792-4def-b2c9-c363a1bf41d5_877192bd-9183-47d3-a74c-8aa0426716cf@unq.gbl.spaces/messages", V1, App, Equivalent { form: "/users/{id}/chats/{id}/messages", stands_for: "/chats/{id}/messages" }),
    case("me/chats/19:abc@thread.v2/messages", V1, Work, Equivalent { form: "/me/chats/{id}/messages", stands_for: "/chats/{id}/messages" }),
    case("/users/{id}/chats/{id}", V1, App, Equivalent { form: "/users/{id}/chats/{id}", stands_for: "/chats/{id}" }),
    case("/me/chats/19:meeting_MjA5ZjRm@thread.v2/members", V1, Work, Equivalent { form: "/me/chats/{id}/members", stands_for: "/chats/{id}/members" }),
    case("https://graph.microsoft.com/beta/users/megan@contoso.com/chats/19:x@thread.v2/messages", Beta, App, Equivalent { form: "/users/{id}/chats/{id}/messages", stands_for: "/chats/{id}/messages" }),
    // A site's or group's default drive: SharePoint webhook questions subscribe to the document
    // library's drive (`/sites/{site-id}/drive/root`), as the OneDrive docs' site drive pages show.
    case("/sites/contoso.sharepoint.com,2C712604,2D22B9C8/drive/root", V1, App, Equivalent { form: "/sites/{id}/drive/root", stands_for: "/drives/{id}/root" }),
    case("/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/drive/root", V1, Work, Equivalent { form: "/groups/{id}/drive/root", stands_for: "/drives/{id}/root" }),
    // Any folder of a personal OneDrive (pnp/cli-microsoft365 docs graph subscription add:
    // "On personal OneDrive, you can subscribe to the root folder or any subfolder").
    case("/me/drive/items/01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDYVY2J", V1, Personal, Equivalent { form: "/me/drive/items/{id}", stands_for: "/drives/{id}/root/subfolder" }),
    case("/drives/b!abc123/items/0123456789ABCDEF!1234", V1, Personal, Equivalent { form: "/drives/{id}/items/{id}", stands_for: "/drives/{id}/root/subfolder" }),
    case("/users/{id}/drive/items/{id}", V1, Personal, Equivalent { form: "/users/{id}/drive/items/{id}", stands_for: "/drives/{id}/root/subfolder" }),

    // --- Refused: a folder below the root of a business drive (pnp/cli-microsoft365 docs: "On
    // OneDrive for Business, you can subscribe to only the root folder"; withone.ai lists
    // `/drives/{drive-id}/items/{driveItem-id}/subscriptions` as a thing to try). ---
    case("/drives/b!abc123/items/01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDYVY2J", V1, App, Refused("root folder only")),
    case("/me/drive/items/01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDYVY2J", V1, Work, Refused("root folder only")),
    case("/sites/{site-id}/drive/items/{item-id}", V1, App, Refused("root folder only")),
    case("/groups/{id}/drive/items/{id}", V1, Work, Refused("root folder only")),
    case("/sites/{id}/lists/{id}/items/{id}/driveItem", V1, App, Refused("root folder only")),
    case("/users/{id}/drive/items/{id}", V1, App, Refused("root folder only")),

    // --- Forms no page makes subscribable: unknown, with the nearest templates. ---
    // Stack Overflow 56603776 tried `me/events/{id}` and `/me/calendars/{id}`.
    case("/me/events/AAMkAGI2THVSAAA=", V1, Work, Unknown(Some("/me/events"))),
    case("/me/calendars/AAMkAGI2TGuLAAA=", V1, Work, Unknown(None)),
    // Group calendars (group-list-events) are not in the tables.
    case("/groups/{id}/calendar/events", V1, App, Unknown(None)),
    case("/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/events", V1, App, Unknown(Some("/groups/{id}"))),
    // List items rather than the list (listitem-list), as SharePoint webhook questions try.
    case("/sites/{site-id}/lists/{list-id}/items", V1, App, Unknown(Some("/sites/{site-id}/lists/{list-id}"))),
    // devopsaitoolkit.com's Teams subscription list: `/teams/{id}/installedApps`,
    // `/communications/onlineMeetings/{id}`.
    case("/teams/{id}/installedApps", V1, App, Unknown(Some("/teams/{id}"))),
    case("/communications/onlineMeetings/{id}", V1, App, Unknown(Some("/communications/onlineMeetings/{onlineMeetingId}/recordings"))),
    case("/users/66825e03-7ef5-42da-9069-724602c31f6b/presence", V1, Work, Unknown(Some("/users/{id}"))),
    // A path below the root by path (the Python sample's `/drives/{drive-id}/root:/Tend Exports`).
    case("/drives/{drive-id}/root:/Tend Exports", V1, App, Unknown(Some("/drives/{id}/root"))),

    // --- Typos and near misses: a letter, singular for plural, a segment missing or doubled,
    // keys in the wrong brackets (withone.ai's "invalid examples" show `//` for a missing id). ---
    case("/users/{id}/mesages", V1, App, Unknown(Some("/users/{id}/messages"))),
    case("/team/{id}/channels", V1, App, Unknown(Some("/teams/{id}/channels"))),
    case("/teams/{id}/channel/{id}/messages", V1, App, Unknown(Some("/teams/{id}/channels/{id}/messages"))),
    case("/chat/19:abc@thread.v2/message", V1, App, Unknown(Some("/chats/{id}/messages"))),
    case("/me/mailfolder('Inbox')/messages", V1, Work, Unknown(Some("/me/mailFolders/{id}/messages"))),
    case("/users[id]/messages", V1, App, Unknown(Some("/users/{id}/messages"))),
    case("teams//channels", V1, App, Invalid("/teams/{id}/channels")),
    case("/users/{id}/{id}/messages", V1, App, Unknown(Some("/users/{id}/mailFolders/{id}/messages"))),
    case("/teams/{id}/channels/messages", V1, App, Unknown(Some("/teams/{id}/channels/{id}/messages"))),
    case("/me/contact", V1, Work, Unknown(Some("/me/contacts"))),
    case("/users/{id}/event", V1, App, Unknown(Some("/users/{id}/events"))),
    case("/drives/{id}/roots", V1, App, Unknown(Some("/drives/{id}/root"))),
    case("users(abc/messages", V1, App, Invalid("/users/{id}/messages")),
    // A key in angle brackets is an id like any other.
    case("/users/<id>/events", V1, App, Row("/users/{id}/events")),

    // --- In another version's table only (beta-only rows in v1.0 code). ---
    case("/teams/getAllMembers", V1, App, Elsewhere(Beta, Operation::Create)),
    case("/reports/healthmonitoring/alerts", V1, App, Elsewhere(Beta, Operation::Create)),
    case("/copilot/users/{userId}/onlineMeetings/getAllAiInsights", V1, App, Elsewhere(Beta, Operation::Create)),
];

#[test]
fn at_least_sixty_real_strings() {
    assert!(CASES.len() >= 60, "{}", CASES.len());
}

#[test]
fn each_string_gives_its_row_equivalence_refusal_or_suggestion() {
    let mut failures = Vec::new();
    for c in CASES {
        if let Err(why) = check(c) {
            failures.push(format!("{} ({} {}): {why}", c.resource, c.api, c.mode));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn check(c: &Case) -> Result<(), String> {
    let op = Operation::Create;
    let result = lookup(c.api, op, c.resource, c.mode);
    let first = || {
        suggest(c.resource, c.api, op)
            .into_iter()
            .next()
            .map(|s| s.template)
    };
    match (c.expect, result) {
        (Row(template), Ok(answer)) => {
            expect_eq(answer.template(), template)?;
            expect_eq(answer.equivalence().is_none(), true)
        }
        (Equivalent { form, stands_for }, Ok(answer)) => {
            expect_eq(answer.template(), stands_for)?;
            let how = answer.equivalence().ok_or("no equivalence")?;
            expect_eq(how.form(), form)?;
            expect_eq(how.stands_for(), stands_for)?;
            if !how.source().starts_with("api-paths/v1.0/") {
                return Err(format!("source {}", how.source()));
            }
            Ok(())
        }
        (Refused(says), Err(LookupError::UnknownResource)) => {
            let resolved = resolve(c.resource).map_err(|e| e.to_string())?;
            let refusal = resolved.refusal(c.mode).ok_or("no refusal")?;
            if !refusal.reason().contains(says) {
                return Err(format!("reason: {}", refusal.reason()));
            }
            Ok(())
        }
        (Unknown(want), Err(LookupError::UnknownResource)) => {
            let resolved = resolve(c.resource).map_err(|e| e.to_string())?;
            if resolved.refusal(c.mode).is_some() || resolved.elsewhere(c.api, op).is_some() {
                return Err(String::from("refused or elsewhere, not plainly unknown"));
            }
            match want {
                Some(template) => expect_eq(first().as_deref(), Some(template)),
                None => Ok(()),
            }
        }
        (Invalid(template), Err(LookupError::InvalidResource(_))) => {
            expect_eq(first().as_deref(), Some(template))
        }
        (Elsewhere(api, other), Err(LookupError::UnknownResource)) => {
            let resolved = resolve(c.resource).map_err(|e| e.to_string())?;
            let found = resolved.elsewhere(c.api, op).ok_or("no other table")?;
            expect_eq((found.api(), found.operation()), (api, other))?;
            expect_eq(lookup(api, other, c.resource, c.mode).is_ok(), true)
        }
        (expect, got) => Err(format!("expected {expect:?}, got {got:?}")),
    }
}

fn expect_eq<T: PartialEq + std::fmt::Debug>(got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("got {got:?}, want {want:?}"))
    }
}

/// The tables answer the same for every table-template string whether or not equivalents and
/// second sources exist: a template always wins over an equivalent form.
#[test]
fn templates_win_over_equivalent_forms() {
    for t in msgraph_scopes::tables() {
        for row in t.rows() {
            for template in row.templates() {
                let resolved = resolve(template.path()).unwrap();
                for mode in AuthMode::ALL {
                    assert!(
                        resolved.equivalence(t, mode).is_none(),
                        "{} resolved through an equivalent form",
                        template.path()
                    );
                }
            }
        }
    }
}

/// Every string that resolves to nothing, with its suggestions (template and the table that
/// has it), in the order given.
#[test]
fn suggestions_snapshot() {
    let mut lines = Vec::new();
    for c in CASES {
        if lookup(c.api, Operation::Create, c.resource, c.mode).is_ok() {
            continue;
        }
        let found: Vec<String> = suggest(c.resource, c.api, Operation::Create)
            .into_iter()
            .map(|s| {
                format!(
                    "{} ({}; {} {})",
                    s.template,
                    s.resource_type,
                    s.found_in.api(),
                    s.found_in.operation()
                )
            })
            .collect();
        lines.push(format!("{} [{} {}]", c.resource, c.api, c.mode));
        lines.extend(found.iter().map(|f| format!("  -> {f}")));
        if found.is_empty() {
            lines.push(String::from("  (none)"));
        }
    }
    insta::assert_snapshot!("suggestions", lines.join("\n"));
}

/// Second sources add marked permissions to the answers they apply to, never to the table's
/// list, and only in the versions they name.
#[test]
fn second_sources_on_the_teams_answers() {
    let also = |api, resource, mode| -> Vec<(String, bool, String)> {
        lookup(api, Operation::Create, resource, mode)
            .unwrap()
            .also_accepted()
            .map(|a| {
                (
                    a.name().to_owned(),
                    a.is_rsc(),
                    a.source().file().to_owned(),
                )
            })
            .collect()
    };
    let team_page = "concepts/teams-changenotifications-team-and-channel.md";
    // The Teams sample's team subscription with its RSC grant (see above).
    let team = also(Beta, "/teams/893075dd-2487-4122-925f-022c42e20265", App);
    assert!(
        team.contains(&("TeamSettings.Read.Group".into(), true, team_page.into())),
        "{team:?}"
    );
    let channels = also(
        Beta,
        "/teams/893075dd-2487-4122-925f-022c42e20265/channels",
        App,
    );
    assert!(
        channels.contains(&("ChannelSettings.Read.Group".into(), true, team_page.into())),
        "{channels:?}"
    );
    let members = also(Beta, "/teams/{id}/members", App);
    assert!(
        members
            .iter()
            .any(|(n, rsc, _)| n == "TeamMember.Read.Group" && *rsc),
        "{members:?}"
    );
    // The chat page limits ChatMessage.Read.Chat's RSC to beta.
    let chat = "/chats/19:2da4c29f6d7041eca70b638b43d45437@thread.v2/messages";
    assert!(also(Beta, chat, App)
        .iter()
        .any(|(n, rsc, _)| n == "ChatMessage.Read.Chat" && *rsc));
    assert!(also(V1, chat, App)
        .iter()
        .all(|(n, _, _)| n != "ChatMessage.Read.Chat"));
    // The Teams team page names beta only.
    assert!(also(V1, "/teams/{id}", App).is_empty());
    // The answer's own permissions stay the table's.
    let answer = lookup(Beta, Operation::Create, "/teams/{id}", App).unwrap();
    let cell = table(Beta, Operation::Create)
        .rows()
        .find(|r| r.paths().contains(&"/teams/{id}"))
        .and_then(|r| r.cell(App))
        .unwrap();
    assert_eq!(answer.permissions(), cell);
    assert!(!answer.permissions().contains("TeamSettings.Read.Group"));
}
