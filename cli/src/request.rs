//! `request`: the permissions of any Microsoft Graph request, per auth mode; or, with `-`, of
//! each `METHOD URL` line of stdin, as JSON lines.

use super::args::{Format, RequestArgs};
use super::output::{Exit, Report};
use super::{json, text};
use msgraph_scopes::{resolve_request, ApiVersion, AuthMode, Method, RequestError, RequestMatch};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::fmt::Write;
use std::io::Read;

/// Runs `request`.
pub fn run(args: &RequestArgs) -> Report {
    let modes = if args.mode.is_empty() {
        AuthMode::ALL.to_vec()
    } else {
        AuthMode::ALL
            .into_iter()
            .filter(|m| args.mode.contains(m))
            .collect()
    };
    if args.method == "-" {
        if args.url.is_some() {
            return usage("with `-`, give no URL: the lines of stdin are `METHOD URL`");
        }
        return from_stdin(&modes);
    }
    let Some(url) = &args.url else {
        return usage("give METHOD URL, or `-` to read `METHOD URL` lines from stdin");
    };
    let method = match args.method.parse::<Method>() {
        Ok(method) => method,
        Err(err) => return usage(&err.to_string()),
    };
    let (exit, value) = answer(method, url, &modes);
    match (args.format, value) {
        (Format::Json, Ok(out)) => report(exit, json::line(&out), None),
        (Format::Json, Err(err)) => {
            let message = err.to_string();
            report(
                exit,
                json::line(&json::error(err.kind(), &message)),
                Some(message),
            )
        }
        (Format::Text, Ok(out)) => report(exit, as_text(&out), None),
        (Format::Text, Err(err)) => report(exit, String::new(), Some(format!("{err}: {url:?}"))),
    }
}

fn report(exit: Exit, stdout: String, error: Option<String>) -> Report {
    Report {
        stdout,
        stderr: error.map(|e| format!("error: {e}")).into_iter().collect(),
        exit,
    }
}

/// A usage error: nothing on stdout (as for every command), the message on stderr.
fn usage(message: &str) -> Report {
    Report::failure(Exit::Usage, String::new(), message)
}

/// `request -`: one JSON object per non-empty, non-`#` line. Exit 2 when a line is unusable,
/// else 1 when a request is unknown, else 0.
fn from_stdin(modes: &[AuthMode]) -> Report {
    let mut text = String::new();
    let limit = super::input::MAX_INPUT;
    if let Err(err) = std::io::stdin()
        .lock()
        .take(limit)
        .read_to_string(&mut text)
    {
        return Report::failure(
            Exit::Usage,
            String::new(),
            format!("stdin: cannot read: {err}"),
        );
    }
    let (mut out, mut worst, mut errors) = (String::new(), Exit::Success, Vec::new());
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parsed = line
            .split_once(char::is_whitespace)
            .map(|(m, u)| (m, u.trim()))
            .filter(|(_, u)| !u.is_empty())
            .ok_or_else(|| "expected `METHOD URL`".to_owned())
            .and_then(|(m, u)| {
                m.parse::<Method>()
                    .map(|m| (m, u))
                    .map_err(|e| e.to_string())
            });
        let (method, url) = match parsed {
            Ok(parsed) => parsed,
            Err(message) => {
                let message = format!("stdin line {}: {message}", n + 1);
                out.push_str(&json::line(&json::error("usage", &message)));
                errors.push(format!("error: {message}"));
                worst = Exit::Usage;
                continue;
            }
        };
        let (exit, value) = answer(method, url, modes);
        match value {
            Ok(value) => out.push_str(&json::line(&value)),
            Err(err) => {
                let message = err.to_string();
                out.push_str(&json::line(&json::error(err.kind(), &message)));
                errors.push(format!("error: stdin line {}: {message}", n + 1));
            }
        }
        if exit == Exit::Failure && worst == Exit::Success {
            worst = Exit::Failure;
        }
    }
    Report {
        stdout: out,
        stderr: errors,
        exit: worst,
    }
}

/// The answer for one request: the JSON value (also rendered as text), or the error.
fn answer<'a>(
    method: Method,
    url: &'a str,
    modes: &[AuthMode],
) -> (Exit, Result<RequestJson<'a>, RequestError>) {
    match resolve_request(method, url) {
        Ok(found) => (Exit::Success, Ok(RequestJson::new(url, found, modes))),
        Err(err) => (Exit::Failure, Err(err)),
    }
}

/// The output of `request METHOD URL`, keys in the documented order.
#[derive(Serialize)]
struct RequestJson<'a> {
    input: &'a str,
    method: &'static str,
    api: &'static str,
    query: Option<&'a str>,
    template: &'static str,
    item_path: Option<&'a str>,
    answers: Answers,
}

struct Answers(Vec<(AuthMode, AnswerJson)>);

impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (mode, value) in &self.0 {
            map.serialize_entry(mode.as_str(), value)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct AnswerJson {
    status: &'static str,
    template: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    permissions: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    least: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<Vec<DetailJson>>,
}

/// A permission with what the catalog says of it under the answer's mode.
#[derive(Serialize)]
struct DetailJson {
    name: &'static str,
    privilege_level: Option<u8>,
    admin_consent: Option<bool>,
}

impl<'a> RequestJson<'a> {
    fn new(input: &'a str, found: RequestMatch<'a>, modes: &[AuthMode]) -> Self {
        let answers = modes
            .iter()
            .map(|&mode| {
                let answer = match found.permissions(mode) {
                    Some(permissions) => AnswerJson {
                        status: "supported",
                        template: found.template(),
                        permissions: Some(permissions.iter().map(|p| p.name()).collect()),
                        least: Some(permissions.least().name()),
                        details: Some(
                            permissions
                                .iter()
                                .map(|p| DetailJson {
                                    name: p.name(),
                                    privilege_level: p.privilege_level(),
                                    admin_consent: p.admin_consent(),
                                })
                                .collect(),
                        ),
                    },
                    None => AnswerJson {
                        status: "not_supported",
                        template: found.template(),
                        permissions: None,
                        least: None,
                        details: None,
                    },
                };
                (mode, answer)
            })
            .collect();
        RequestJson {
            input,
            method: found.method().as_str(),
            api: found.version().unwrap_or(ApiVersion::V1).as_str(),
            query: found.query(),
            template: found.template(),
            item_path: found.item_path(),
            answers: Answers(answers),
        }
    }
}

/// The text form: the template, then per mode the least privileged permission with its level
/// and admin consent, and the others.
fn as_text(out: &RequestJson<'_>) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "template: {}  ({} {})",
        out.template, out.method, out.api
    );
    for (mode, answer) in &out.answers.0 {
        let name = mode.as_str();
        let Some(details) = &answer.details else {
            let _ = writeln!(s, "{name:<19} not supported");
            continue;
        };
        let describe = |d: &DetailJson| {
            let level = d
                .privilege_level
                .map_or("level unknown".to_owned(), |l| format!("level {l}"));
            let consent = match d.admin_consent {
                Some(true) => "admin consent",
                Some(false) => "no admin consent",
                None => "admin consent unknown",
            };
            format!("{level}, {consent}")
        };
        if let Some(first) = details.first() {
            let _ = writeln!(s, "{name:<19} {}  (least privileged)", first.name);
            let _ = writeln!(s, "{:<19} {}", "", describe(first));
        }
        let rest: Vec<String> = details.iter().skip(1).map(|d| d.name.to_owned()).collect();
        if !rest.is_empty() {
            let mut tokens = vec!["then:".to_owned()];
            tokens.extend(text::list(&rest));
            text::wrap(&mut s, tokens, &" ".repeat(20), &" ".repeat(26));
        }
    }
    s
}
