//! Cases: Outlook (messages, events, contacts) and OneDrive.

use super::*;

pub fn cases() -> Vec<Case> {
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
    ]
}
