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

fn cases() -> Vec<Case> {
    use Operation::*;
    vec![
        // --- Outlook: messages, events, contacts (v1.0 create: Mail.ReadBasic, Calendars.Read,
        // Contacts.Read in every delegated cell; Mail.Read for application). ---
        found(
            (V1, Create, PERSONAL),
            "/Me/MailFolders('Inbox')/Messages",
            "message",
            "/me/mailFolders/{id}/messages",
            "Mail.ReadBasic",
        ),
        found(
            (V1, Create, APP),
            "users/adele.vance@contoso.onmicrosoft.com/messages",
            "message",
            "/users/{id}/messages",
            "Mail.Read",
        ),
        // Any folder, the Inbox included (its OData key is a folder id).
        found(
            (V1, Create, APP),
            "https://graph.microsoft.com/v1.0/users/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/mailFolders/AAMkAGI2AAA=/messages?$filter=hasAttachments eq true",
            "message",
            "/users/{id}/mailFolders/{id}/messages",
            "Mail.Read",
        )
        .query("$filter=hasAttachments eq true"),
        found(
            (V1, Create, WORK),
            "me/messages?$select=subject,from",
            "message",
            "/me/messages",
            "Mail.ReadBasic",
        )
        .query("$select=subject,from"),
        found(
            (V1, List, WORK),
            "/me/messages",
            "message",
            "/me/messages",
            "Mail.ReadBasic",
        ),
        found(
            (BETA, Create, WORK),
            "/me/mailFolders('Inbox')/messages",
            "message",
            "/me/mailFolders/{id}/messages",
            "Mail.ReadBasic",
        ),
        found(
            (V1, Create, WORK),
            "/me/events",
            "event",
            "/me/events",
            "Calendars.Read",
        ),
        found(
            (V1, Create, APP),
            "/users/{id}/events",
            "event",
            "/users/{id}/events",
            "Calendars.Read",
        ),
        found(
            (V1, Update, APP),
            "Users('adele%40contoso.com')/Events/",
            "event",
            "/users/{id}/events",
            "Calendars.Read",
        ),
        found(
            (V1, Create, WORK),
            "  /v1.0/me/events  ",
            "event",
            "/me/events",
            "Calendars.Read",
        ),
        found(
            (BETA, Reauthorize, PERSONAL),
            "https://graph.microsoft.com/beta/me/events",
            "event",
            "/me/events",
            "Calendars.Read",
        ),
        found(
            (V1, Create, PERSONAL),
            "me/contacts/",
            "contact",
            "/me/contacts",
            "Contacts.Read",
        ),
        // Derived from /users/{id}/contactFolders/{id}/contacts.
        found(
            (V1, Create, WORK),
            "/me/contactFolders/AAMkADk0/contacts",
            "contact",
            "/me/contactFolders/{id}/contacts",
            "Contacts.Read",
        ),
        // --- OneDrive: one path, two rows, picked by mode. ---
        found(
            (V1, Create, PERSONAL),
            "/me/drive/root",
            "driveItem",
            "/me/drive/root",
            "Files.Read",
        )
        .title("user's personal OneDrive"),
        found(
            (V1, Create, WORK),
            "/me/drive/root",
            "driveItem",
            "/me/drive/root",
            "Files.Read.All",
        )
        .title("OneDrive for Business"),
        found(
            (V1, Create, APP),
            "/drives/b!Xy9_Zk-0QkK2/root",
            "driveItem",
            "/drives/{id}/root",
            "Files.Read.All",
        )
        .title("OneDrive for Business"),
        found(
            (V1, Create, PERSONAL),
            "/drives/b!Xy9_Zk-0QkK2/root/subfolder",
            "driveItem",
            "/drives/{id}/root/subfolder",
            "Files.Read",
        )
        .title("user's personal OneDrive"),
        // The subfolder form belongs to the personal row only, which work accounts cannot use.
        not_supported(
            (V1, Create, WORK),
            "/drives/b!Xy9_Zk-0QkK2/root/subfolder",
            "driveItem",
            "/drives/{id}/root/subfolder",
        )
        .title("user's personal OneDrive"),
        found(
            (V1, List, WORK),
            "/me/drive/root",
            "driveItem",
            "/me/drive/root",
            "Files.ReadWrite.All",
        )
        .title("OneDrive for work or school"),
        found(
            (V1, List, PERSONAL),
            "/users/adele@contoso.com/drive/root",
            "driveItem",
            "/users/{id}/drive/root",
            "Files.ReadWrite",
        )
        .title("user's personal OneDrive"),
        found(
            (V1, Delete, WORK),
            "/drive/root",
            "driveItem",
            "/drive/root",
            "Files.ReadWrite.All",
        )
        .title("OneDrive for Business"),
        found(
            (BETA, List, PERSONAL),
            "/me/drive/root",
            "driveItem",
            "/me/drive/root",
            "Files.ReadWrite",
        )
        .title("User's personal OneDrive."),
        found(
            (BETA, Reauthorize, WORK),
            "/drives/b!abc/root",
            "driveItem",
            "/drives/{id}/root",
            "Files.ReadWrite.All",
        )
        .title("OneDrive for Business"),
        // --- Teams: channels, messages, members. ---
        found(
            (V1, Create, APP),
            "/teams/getAllMessages",
            "chatMessage",
            "/teams/getAllMessages",
            "ChannelMessage.Read.All",
        ),
        not_supported(
            (V1, Create, WORK),
            "/teams/getAllMessages",
            "chatMessage",
            "/teams/getAllMessages",
        ),
        found(
            (V1, Create, WORK),
            "/teams/19:abc@thread.tacv2/channels/19:def@thread.tacv2/messages",
            "chatMessage",
            "/teams/{id}/channels/{id}/messages",
            "ChannelMessage.Read.All",
        ),
        found(
            (V1, Create, APP),
            "TEAMS/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/Channels/19:def@thread.tacv2/Messages",
            "chatMessage",
            "/teams/{id}/channels/{id}/messages",
            "ChannelMessage.Read.Group",
        ),
        found(
            (BETA, List, WORK),
            "/teams/{team-id}/channels/{channel-id}/messages",
            "chatMessage",
            "/teams/{id}/channels/{id}/messages",
            "ChannelMessage.Read.All",
        ),
        found(
            (V1, Create, APP),
            "/teams/GETALLCHANNELS",
            "channel",
            "/teams/getAllChannels",
            "Channel.ReadBasic.All",
        ),
        found(
            (V1, Create, WORK),
            "/teams/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/channels",
            "channel",
            "/teams/{id}/channels",
            "Channel.ReadBasic.All",
        ),
        found(
            (V1, Create, WORK),
            "/teams/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60",
            "team",
            "/teams/{id}",
            "Team.ReadBasic.All",
        ),
        found(
            (V1, Create, APP),
            "teams",
            "team",
            "/teams",
            "Team.ReadBasic.All",
        ),
        found(
            (V1, Create, APP),
            "/teams/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/schedule/shifts",
            "shift",
            "/teams/{id}/schedule/shifts",
            "Schedule.Read.All",
        ),
        found(
            (V1, Create, APP),
            "/teams/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/channels/getAllMembers",
            "conversationMember",
            "/teams/{id}/channels/getAllMembers",
            "ChannelMember.Read.All",
        ),
        // Only v1.0 reauthorize (and beta) have the all-teams members row; the static segment
        // still wins over `/teams/{id}`, so elsewhere the resource is unknown.
        unknown((V1, Create, APP), "/teams/getAllMembers"),
        found(
            (V1, Reauthorize, APP),
            "/teams/getAllMembers",
            "conversationMember",
            "/teams/getAllMembers",
            "TeamMember.Read.All",
        ),
        not_supported(
            (BETA, Delete, WORK),
            "/teams/getAllChannels/getAllMembers",
            "conversationMember",
            "/teams/getAllChannels/getAllMembers",
        ),
        // --- Chats. ---
        found(
            (V1, Create, WORK),
            "/chats/19:meeting_MjA5YzE3@thread.v2/messages",
            "chatMessage",
            "/chats/{id}/messages",
            "Chat.Read",
        ),
        // v1.0 update, get and delete do not support delegated for one chat's messages.
        not_supported(
            (V1, Update, WORK),
            "/chats/19:meeting_MjA5YzE3@thread.v2/messages",
            "chatMessage",
            "/chats/{id}/messages",
        ),
        found(
            (V1, Update, APP),
            "chats('19:meeting_MjA5YzE3@thread.v2')/messages",
            "chatMessage",
            "/chats/{id}/messages",
            "Chat.Read.All",
        ),
        found(
            (V1, Create, APP),
            "/chats/getAllMessages",
            "chatMessage",
            "/chats/getAllMessages",
            "Chat.Read.All",
        ),
        found(
            (V1, Create, APP),
            "/chats/19:abc@thread.v2",
            "chat",
            "/chats/{id}",
            "ChatSettings.Read.Chat",
        ),
        found(
            (V1, Create, WORK),
            "/me/chats/getAllMessages",
            "chatMessage",
            "/me/chats/getAllMessages",
            "Chat.Read",
        ),
        found(
            (V1, Update, WORK),
            "/users/adele@contoso.com/chats/getAllMessages",
            "chatMessage",
            "/users/{id}/chats/getAllMessages",
            "Chat.Read",
        ),
        found(
            (V1, Create, APP),
            "/appCatalogs/teamsApps/b1c5353a-7aca-41b3-830f-27d5218fe0e5/installedToChats/getAllMessages",
            "chatMessage",
            "/appCatalogs/teamsApps/{id}/installedToChats/getAllMessages",
            "Chat.Read.WhereInstalled",
        ),
        // --- Communications: call records, presence, meetings. ---
        found(
            (V1, Create, APP),
            "communications/callRecords?$filter=participants_v2/any(p:p/id eq '1')",
            "callRecord",
            "/communications/callRecords",
            "CallRecords.Read.All",
        )
        .query("$filter=participants_v2/any(p:p/id eq '1')"),
        found(
            (V1, Get, APP),
            "/communications/callRecords",
            "callRecord",
            "/communications/callRecords",
            "CallRecords.Read.All",
        ),
        found(
            (BETA, Create, APP),
            "https://graph.microsoft.com/beta/communications/callRecords",
            "callRecord",
            "/communications/callRecords",
            "CallRecords.Read.All",
        ),
        found(
            (V1, Create, WORK),
            "communications/presences?$filter=id in ('a','b')",
            "presence",
            "/communications/presences",
            "Presence.Read.All",
        )
        .query("$filter=id in ('a','b')"),
        not_supported(
            (V1, Create, APP),
            "/communications/presences/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60",
            "presence",
            "/communications/presences/{id}",
        ),
        // v1.0 delete has no presence row.
        unknown(
            (V1, Delete, WORK),
            "/communications/presences/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60",
        ),
        found(
            (V1, Reauthorize, APP),
            "/communications/onlineMeetings(joinWebUrl='https%3A%2F%2Fteams.microsoft.com%2Fl%2Fmeetup-join%2F19%253ameeting_MjA5')/meetingCallEvents",
            "online meeting",
            "/communications/onlineMeetings(joinWebUrl='{encodedJoinWebUrl}')/meetingCallEvents",
            "OnlineMeetings.Read.All",
        ),
        // v1.0 create has no online meeting row.
        unknown(
            (V1, Create, APP),
            "/communications/onlineMeetings(joinWebUrl='https%3A%2F%2Fteams.microsoft.com%2Fl%2Fmeetup-join%2F19%253ameeting_MjA5')/meetingCallEvents",
        ),
        found(
            (BETA, Create, APP),
            "/communications/onlineMeetings/?$filter=JoinWebUrl eq 'https://teams.microsoft.com/l/meetup-join/x'",
            "onlineMeeting",
            "/communications/onlineMeetings",
            "OnlineMeetings.Read.All",
        )
        .query("$filter=JoinWebUrl eq 'https://teams.microsoft.com/l/meetup-join/x'"),
        found(
            (BETA, Update, APP),
            "/communications/onlineMeetings",
            "online meeting",
            "/communications/onlineMeetings",
            "OnlineMeetings.Read.All",
        ),
        found(
            (V1, Create, APP),
            "/communications/onlineMeetings/getAllRecordings",
            "callRecording",
            "/communications/onlineMeetings/getAllRecordings",
            "OnlineMeetingRecording.Read.All",
        ),
        found(
            (V1, Create, WORK),
            "/communications/onlineMeetings/MSpkYzE3YjY2/transcripts",
            "callTranscript",
            "/communications/onlineMeetings/{onlineMeetingId}/transcripts",
            "OnlineMeetingTranscript.Read.All",
        ),
        // Derived from /users/{userId}/onlineMeetings/getAllRecordings.
        found(
            (V1, Create, WORK),
            "/me/onlineMeetings/getAllRecordings",
            "callRecording",
            "/me/onlineMeetings/getAllRecordings",
            "OnlineMeetingRecording.Read.All",
        ),
        found(
            (BETA, Create, APP),
            "/appCatalogs/teamsApps/b1c5353a-7aca-41b3-830f-27d5218fe0e5/installedToOnlineMeetings/getAllRecordings",
            "callRecording",
            "/appCatalogs/teamsApps/{id}/installedToOnlineMeetings/getAllRecordings",
            "OnlineMeetingRecording.Read.All",
        ),
        // --- Copilot. ---
        found(
            (V1, Create, WORK),
            "/copilot/users/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/interactionHistory/getAllEnterpriseInteractions",
            "aiInteraction",
            "/copilot/users/{userId}/interactionHistory/getAllEnterpriseInteractions",
            "AiEnterpriseInteraction.Read",
        ),
        not_supported(
            (V1, Create, WORK),
            "/copilot/interactionHistory/getAllEnterpriseInteractions",
            "aiInteraction",
            "/copilot/interactionHistory/getAllEnterpriseInteractions",
        ),
        found(
            (V1, GetVapidPublicKey, APP),
            "/copilot/users/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/interactionHistory/getAllEnterpriseInteractions",
            "aiInteraction",
            "/copilot/users/{userId}/interactionHistory/getAllEnterpriseInteractions",
            "AiEnterpriseInteraction.Read.All",
        ),
        found(
            (BETA, Create, WORK),
            "/copilot/users/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/onlineMeetings/MSpkYzE3/aiInsights",
            "aiInsights",
            "/copilot/users/{userId}/onlineMeetings/{onlineMeetingId}/aiInsights",
            "OnlineMeetingAiInsight.Read.All",
        ),
        // beta getVapidPublicKey has no aiInsights rows.
        unknown(
            (BETA, GetVapidPublicKey, WORK),
            "/copilot/users/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/onlineMeetings/MSpkYzE3/aiInsights",
        ),
        // --- To Do tasks. ---
        found(
            (V1, Create, PERSONAL),
            "/me/todo/lists/AAMkADIyAAAhrbPZAAA=/tasks",
            "todoTask",
            "/me/todo/lists/{todoTaskListId}/tasks",
            "Tasks.ReadWrite",
        ),
        found(
            (V1, Create, APP),
            "/users/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/todo/lists/AAMkADIyAAAhrbPZAAA=/tasks",
            "todoTask",
            "/users/{id}/todo/lists/{todoTaskListId}/tasks",
            "Tasks.ReadWrite.All",
        ),
        not_supported(
            (V1, Update, APP),
            "/users/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/todo/lists/AAMkADIyAAAhrbPZAAA=/tasks",
            "todoTask",
            "/users/{id}/todo/lists/{todoTaskListId}/tasks",
        ),
        // The deprecated baseTask: beta, and v1.0 reauthorize only.
        found(
            (BETA, Create, PERSONAL),
            "/me/tasks/lists/AAMkAGI2/tasks",
            "baseTask",
            "/me/tasks/lists/{Id}/tasks",
            "Tasks.ReadWrite",
        ),
        not_supported(
            (BETA, Create, APP),
            "/users/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/tasks/lists/AAMkAGI2/tasks",
            "baseTask",
            "/users/{id}/tasks/lists/{Id}/tasks",
        ),
        found(
            (V1, Reauthorize, WORK),
            "/me/tasks/lists/AAMkAGI2/tasks",
            "baseTask",
            "/me/tasks/lists/{Id}/tasks",
            "Tasks.ReadWrite",
        ),
        unknown((V1, Create, WORK), "/me/tasks/lists/AAMkAGI2/tasks"),
        // --- Groups, conversations, users. ---
        found(
            (V1, Create, WORK),
            "/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/conversations",
            "group conversation",
            "/groups/{id}/conversations",
            "Group.Read.All",
        ),
        // The OData form has the shape of the slash form, which is listed first.
        not_supported(
            (V1, Create, APP),
            "groups('02bd9fd6-8f93-4758-87c3-1fb73740a315')/conversations",
            "group conversation",
            "/groups/{id}/conversations",
        ),
        found(
            (V1, Create, APP),
            "/groups",
            "group",
            "/groups",
            "Group.Read.All",
        ),
        found(
            (V1, Create, WORK),
            "/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/members",
            "group",
            "/groups/{id}/members",
            "Group.Read.All",
        ),
        found(
            (V1, Create, APP),
            "/users",
            "user",
            "/users",
            "User.Read.All",
        ),
        // Derived from /users/{id}.
        found((V1, Create, WORK), "/me", "user", "/me", "User.Read.All"),
        // --- SharePoint lists, print, security. ---
        found(
            (V1, Create, WORK),
            "/sites/contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE/lists/22e03ef3-6ef4-424d-a1d3-92a337807c30",
            "list",
            "/sites/{site-id}/lists/{list-id}",
            "Sites.Read.All",
        ),
        found(
            (V1, Update, APP),
            "sites/root/lists/22e03ef3-6ef4-424d-a1d3-92a337807c30/",
            "list",
            "/sites/{site-id}/lists/{list-id}",
            "Sites.ReadWrite.All",
        ),
        found(
            (V1, Create, APP),
            "/print/printers/a1b2c3d4-0000-4000-8000-000000000001/jobs",
            "printer",
            "/print/printers/{id}/jobs",
            "Printer.Read.All",
        ),
        not_supported(
            (BETA, Create, WORK),
            "/print/printers/a1b2c3d4-0000-4000-8000-000000000001/jobs",
            "printer",
            "/print/printers/{id}/jobs",
        ),
        found(
            (V1, Create, APP),
            "print/taskDefinitions/a1b2c3d4-0000-4000-8000-000000000002/tasks",
            "printTaskDefinition",
            "/print/taskDefinitions/{id}/tasks",
            "PrintTaskDefinition.ReadWrite.All",
        ),
        found(
            (V1, Create, APP),
            "/print/printTaskDefinition/a1b2c3d4-0000-4000-8000-000000000002/tasks",
            "printTaskDefinition",
            "/print/printtaskdefinition/{id}/tasks",
            "PrintTaskDefinition.ReadWrite.All",
        ),
        found(
            (V1, Create, WORK),
            "/security/alerts?$filter=status eq 'newAlert'",
            "security alert",
            "/security/alerts",
            "SecurityEvents.ReadWrite.All",
        )
        .query("$filter=status eq 'newAlert'"),
        found(
            (V1, Create, APP),
            "/security/alerts/da637578995287051192_756343937",
            "security alert",
            "/security/alerts/{id}",
            "SecurityEvents.ReadWrite.All",
        ),
        // --- Beta-only resources. ---
        found(
            (BETA, Create, APP),
            "https://graph.microsoft.com/beta/solutions/approval/approvalItems",
            "approvalItems",
            "/solutions/approval/approvalItems",
            "ApprovalSolution.ReadWrite.All",
        ),
        found(
            (BETA, Reauthorize, APP),
            "/solutions/approval/approvalItems",
            "approvals",
            "/solutions/approval/approvalItems",
            "ApprovalSolution.ReadWrite.All",
        ),
        unknown((V1, Create, APP), "/solutions/approval/approvalItems"),
        found(
            (BETA, Create, WORK),
            "/reports/healthMonitoring/alerts",
            "Microsoft Entra Health monitoring alert",
            "/reports/healthmonitoring/alerts",
            "HealthMonitoringAlertConfig.ReadWrite.All",
        ),
        found(
            (BETA, Get, APP),
            "/reports/healthmonitoring/alerts",
            "Microsoft Entra Health monitoring alert",
            "/reports/healthmonitoring/alerts",
            "HealthMonitoringAlertConfig.Read.All",
        ),
        // --- Nothing matches. ---
        unknown((V1, Create, APP), "/no/such/thing"),
        unknown((V1, Create, APP), "/solutions/virtualEvents/webinars"),
        unknown((BETA, List, WORK), "/me/mailFolders('Inbox')/messages/AAMkAGI2/attachments"),
    ]
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
