//! The lint's handling of where a scope comes from: resource-specific consent, other APIs.

use super::*;
use crate::{ApiVersion, AuthMode};

fn scope(text: &str, origin: ScopeOrigin, app: Option<&str>) -> RequestedScope {
    RequestedScope {
        text: text.to_string(),
        origin,
        location: None,
        file: None,
        resource_app: app.map(str::to_string),
    }
}

fn run(api: ApiVersion, scopes: Vec<RequestedScope>, resources: &[&str]) -> Vec<Finding> {
    lint(&Input {
        api,
        mode: AuthMode::Application,
        scopes,
        subscriptions: resources.iter().map(|r| Subscription::new(*r)).collect(),
        requests: Vec::new(),
        plan: Default::default(),
    })
}

fn rules(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.rule.as_str()).collect()
}

const RSC_APP: ScopeOrigin = ScopeOrigin::ResourceSpecificApplication;

#[test]
fn an_rsc_grant_satisfies_the_cells_that_mark_it_rsc() {
    let channel = "/teams/{id}/channels/{id}/messages";
    let found = run(
        ApiVersion::V1,
        vec![scope("ChannelMessage.Read.Group", RSC_APP, None)],
        &[channel],
    );
    assert!(!found.iter().any(|f| f.level == Level::Error), "{found:?}");
    // ChatSettings.Read.Chat is marked RSC in the chat row.
    let found = run(
        ApiVersion::V1,
        vec![scope("ChatSettings.Read.Chat", RSC_APP, None)],
        &["/chats/{id}"],
    );
    assert!(!found.iter().any(|f| f.level == Level::Error), "{found:?}");
}

#[test]
fn an_rsc_grant_satisfies_no_cell_that_does_not_list_it() {
    // The team's channel-messages grant does nothing for a chat's messages.
    let found = run(
        ApiVersion::V1,
        vec![scope("ChannelMessage.Read.Group", RSC_APP, None)],
        &["/chats/{id}/messages"],
    );
    assert!(rules(&found).contains(&"missing-scope"), "{found:?}");
    assert!(rules(&found).contains(&"unused-scope"), "{found:?}");
}

#[test]
fn an_rsc_grant_satisfies_only_where_the_cell_marks_it_rsc() {
    // The v1.0 tables list AiEnterpriseInteraction.Read.User without the RSC mark, beta marks
    // it: granted by RSC it satisfies beta only; listed by name it satisfies both.
    let path = "/copilot/users/{userId}/interactionHistory/getAllEnterpriseInteractions";
    let rsc = || vec![scope("AiEnterpriseInteraction.Read.User", RSC_APP, None)];
    let beta = run(ApiVersion::Beta, rsc(), &[path]);
    assert!(!rules(&beta).contains(&"missing-scope"), "{beta:?}");
    let v1 = run(ApiVersion::V1, rsc(), &[path]);
    assert!(rules(&v1).contains(&"missing-scope"), "{v1:?}");
    let listed = run(
        ApiVersion::V1,
        vec![RequestedScope::new("AiEnterpriseInteraction.Read.User")],
        &[path],
    );
    assert!(!rules(&listed).contains(&"missing-scope"), "{listed:?}");
}

#[test]
fn a_tenant_wide_permission_cannot_be_granted_by_rsc() {
    let found = run(
        ApiVersion::V1,
        vec![scope("ChannelMessage.Read.All", RSC_APP, None)],
        &["/teams/{id}/channels/{id}/messages"],
    );
    assert_eq!(
        rules(&found),
        [
            "missing-scope",
            "teams-resource-data-encryption",
            "scheme-mismatch"
        ],
        "{found:?}"
    );
}

#[test]
fn a_delegated_rsc_grant_grants_nothing_to_an_app_only_app() {
    let found = run(
        ApiVersion::V1,
        vec![scope(
            "ChannelMessage.Read.Group",
            ScopeOrigin::ResourceSpecificDelegated,
            None,
        )],
        &["/teams/{id}/channels/{id}/messages"],
    );
    assert!(rules(&found).contains(&"wrong-mode"), "{found:?}");
    assert!(rules(&found).contains(&"missing-scope"), "{found:?}");
    // A delegated RSC permission Graph does not define is a Teams client permission.
    let found = run(
        ApiVersion::V1,
        vec![scope(
            "MeetingStage.Write.Chat",
            ScopeOrigin::ResourceSpecificDelegated,
            None,
        )],
        &["/users"],
    );
    assert!(rules(&found).contains(&"other-api"), "{found:?}");
    assert!(!rules(&found).contains(&"unknown-permission"), "{found:?}");
}

#[test]
fn other_apis_are_reported_once_each_and_azure_ad_graph_is_an_error() {
    let sharepoint = "00000003-0000-0ff1-ce00-000000000000";
    let found = run(
        ApiVersion::V1,
        vec![
            scope("Sites.Read.All", ScopeOrigin::Application, Some(sharepoint)),
            scope("User.Read.All", ScopeOrigin::Application, None),
            scope(
                "Sites.FullControl.All",
                ScopeOrigin::Application,
                Some(sharepoint),
            ),
            scope(
                "AllSites.Read",
                ScopeOrigin::Delegated,
                Some("Office 365 SharePoint Online"),
            ),
            scope(
                "c3da4fc2-a3f7-fb10-b270-15dd66d000b6",
                ScopeOrigin::Application,
                Some(crate::catalog::AZURE_AD_GRAPH),
            ),
        ],
        &["/users"],
    );
    let other: Vec<&Finding> = found
        .iter()
        .filter(|f| f.rule == RuleId::OtherApi)
        .collect();
    assert_eq!(other.len(), 2, "{found:?}");
    assert_eq!(other[0].scope, Some(0));
    assert!(
        other[0].message.contains("the 2 permissions"),
        "{}",
        other[0].message
    );
    assert_eq!(other[1].scope, Some(3));
    assert!(other.iter().all(|f| f.level == Level::Info));
    let aad: Vec<&Finding> = found
        .iter()
        .filter(|f| f.rule == RuleId::NotGraphPermission)
        .collect();
    assert_eq!(aad.len(), 1, "{found:?}");
    assert_eq!(aad[0].level, Level::Error);
    assert!(aad[0].message.contains("retired Azure AD Graph"));
}

#[test]
fn a_me_request_under_application_permissions_breaks_the_docs_rule() {
    let input = |mode| Input {
        api: ApiVersion::V1,
        mode,
        scopes: vec![scope("Mail.ReadBasic.All", ScopeOrigin::Listed, None)],
        subscriptions: Vec::new(),
        requests: vec![Request::new(
            crate::Method::Get,
            "https://graph.microsoft.com/v1.0/me/messages?$top=5",
        )],
        plan: Default::default(),
    };
    let found = lint(&input(AuthMode::Application));
    let me: Vec<_> = found
        .iter()
        .filter(|f| f.rule.as_str() == "me-needs-delegated")
        .collect();
    assert_eq!(me.len(), 1, "{found:?}");
    assert_eq!(me[0].level, Level::Error);
    assert_eq!(me[0].request, Some(0));
    // The users/{id} form of the same request is what an app-only daemon calls.
    let mut users = input(AuthMode::Application);
    users.requests = vec![Request::new(
        crate::Method::Get,
        "/users/adele@contoso.com/messages",
    )];
    let found = lint(&users);
    assert!(!rules(&found).contains(&"me-needs-delegated"), "{found:?}");
}
