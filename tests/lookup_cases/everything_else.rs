//! Cases: Copilot, To Do, groups and users, SharePoint lists, print, security, beta-only
//! resources, and resources nothing matches.

use super::*;

pub fn cases() -> Vec<Case> {
    use Operation::*;
    vec![
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
