//! Cases: Teams (channels, messages, members), chats, and communications (call records,
//! presence, meetings).

use super::*;

pub fn cases() -> Vec<Case> {
    use Operation::*;
    vec![
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
    ]
}
