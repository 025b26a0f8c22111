//! Request checks: for each request the app declares (`GET /users/{id}/messages`), is it a
//! Microsoft Graph request the catalog knows, is the auth mode supported, and does a requested
//! scope grant it (and is it the least privileged one).

use super::finding::Finding;
use super::implies::implies;
use super::input::{Input, Request};
use super::level::Level;
use super::rule_id::RuleId;
use crate::request::{request, RequestError, RequestPermissions};
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
    match request(req.method, &req.url, input.mode) {
        Err(RequestError::InvalidUrl(e)) => push(
            RuleId::InvalidResource,
            Level::Error,
            format!("`{what}` is not a request URL: {e}."),
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

/// Whether a requested scope grants the request, and whether a less privileged one would.
fn satisfy(
    cell: RequestPermissions,
    usable: &[&str],
    template: &str,
    what: &str,
) -> Option<(RuleId, Level, String, String)> {
    let least = cell.least().name();
    let best = cell
        .iter()
        .position(|p| usable.iter().any(|u| u.eq_ignore_ascii_case(p.name())));
    match best {
        Some(0) => None,
        Some(i) => {
            let used = cell.iter().nth(i)?.name();
            Some((
                RuleId::OverPrivileged,
                Level::Warning,
                format!("{used} grants `{what}` ({template}), but {least} is less privileged."),
                least.to_owned(),
            ))
        }
        None => {
            let broader = usable.iter().find_map(|u| {
                cell.iter()
                    .find(|p| implies(u, p.name()))
                    .map(|p| (*u, p.name()))
            });
            Some(match broader {
                Some((used, listed)) => (
                    RuleId::OverPrivileged,
                    Level::Warning,
                    format!(
                        "{used} grants `{what}` ({template}) as a broader form of {listed}, but {least} is the least privileged."
                    ),
                    least.to_owned(),
                ),
                None => (
                    RuleId::MissingScope,
                    Level::Error,
                    format!("no requested scope grants `{what}` ({template}); add {least}."),
                    least.to_owned(),
                ),
            })
        }
    }
}
