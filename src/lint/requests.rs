//! Request checks: for each request the app declares (`GET /users/{id}/messages`), is it a
//! Microsoft Graph request the catalog knows, is the auth mode supported, and does a requested
//! scope grant it (whether a less privileged set would do is the planner's question, `over`).

use super::finding::Finding;
use super::input::{Input, Request};
use super::level::Level;
use super::rule_id::RuleId;
use crate::implies::implies;
use crate::request::{names_me, request, RequestError, RequestPermissions, ME_RULE};
use crate::rules::rules;
use crate::AuthMode;
use std::borrow::ToOwned;
use std::format;
use std::vec::Vec;

/// Checks one request, adding the names its cell lists to `needed`.
pub(super) fn check_request(
    input: &Input,
    index: usize,
    req: &Request,
    usable: &[&str],
    needed: &mut Vec<&'static str>,
    out: &mut Vec<Finding>,
) {
    let what = format!("{} {}", req.method, req.url);
    let mut push = |rule: RuleId, level: Level, message: String, suggestion: Option<String>| {
        out.push(Finding {
            rule,
            level,
            message,
            suggestion,
            subscription: None,
            request: Some(index),
            scope: None,
            location: req.location,
            file: None,
        });
    };
    if input.mode == AuthMode::Application && names_me(&req.url) {
        // No signed-in user: the docs' rule for subscriptions holds for every call.
        if let Some(rule) = rules().find(|r| r.id() == ME_RULE) {
            push(
                RuleId::Docs(rule),
                Level::of(rule.severity()),
                format!("`{what}`: {}", rule.message()),
                None,
            );
            return;
        }
    }
    match request(req.method, &req.url, input.mode) {
        Err(RequestError::InvalidUrl(e)) => push(
            RuleId::InvalidResource,
            Level::Error,
            format!("`{what}` is not a request URL: {e}."),
            None,
        ),
        Err(e @ RequestError::NotCompiled) => push(
            RuleId::UnknownResource,
            Level::Error,
            format!("`{what}` is not checked: {e}."),
            None,
        ),
        Err(RequestError::UnknownPath) => push(
            RuleId::UnknownResource,
            Level::Error,
            format!("`{what}` matches no Microsoft Graph request of the permission catalog."),
            None,
        ),
        Err(RequestError::UnknownMethod { template, method }) => push(
            RuleId::UnknownResource,
            Level::Error,
            format!(
                "`{what}`: the permission catalog gives no permission for {method} {template}."
            ),
            None,
        ),
        Err(RequestError::NotSupported { template, mode, .. }) => push(
            RuleId::ModeNotSupported,
            Level::Error,
            format!(
                "{mode} is not supported for {} {template} (`{what}`).",
                req.method
            ),
            None,
        ),
        Ok(answer) => {
            let cell = answer.permissions();
            needed.extend(cell.iter().map(|p| p.name()));
            if let Some((rule, level, message, suggestion)) =
                satisfy(cell, usable, answer.template(), &what)
            {
                push(rule, level, message, Some(suggestion));
            }
        }
    }
}

/// Whether a requested scope grants the request, itself or as a broader form of a listed
/// permission; `missing-scope` when none does.
fn satisfy(
    cell: RequestPermissions,
    usable: &[&str],
    template: &str,
    what: &str,
) -> Option<(RuleId, Level, String, String)> {
    let least = cell.least().name();
    let granted = usable
        .iter()
        .any(|u| cell.iter().any(|p| implies(u, p.name())));
    (!granted).then(|| {
        (
            RuleId::MissingScope,
            Level::Error,
            format!("no requested scope grants `{what}` ({template}); add {least}."),
            least.to_owned(),
        )
    })
}
