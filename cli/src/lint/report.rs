//! The lint's findings as text, JSON, SARIF 2.1.0 or GitHub workflow commands.

use super::super::text;
use msgraph_scopes::lint::{Finding, Input, Level, RuleId};
use msgraph_scopes::rules::{rules, Severity};
use serde::Serialize;
use serde_sarif::sarif;
use std::fmt::Write;

/// What the findings are reported against.
pub struct Context<'a> {
    /// The config file as named on the command line.
    pub config: &'a str,
    /// What was linted.
    pub input: &'a Input,
    /// The token's audience, when a token was read (it is decoded, not verified).
    pub token_audience: Option<Option<String>>,
    /// The declarations `--manifest` read.
    pub declarations: &'a [Declared],
}

/// A file `--manifest` read: what as, and what it gave.
#[derive(Debug, Serialize)]
pub struct Declared {
    /// The file as named.
    pub file: String,
    /// The format it was read as.
    pub format: &'static str,
    /// How many permissions it requests.
    pub scopes: usize,
    /// How many values it holds that were not evaluated.
    pub not_evaluated: usize,
}

/// Counts by level: (errors, warnings, infos).
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let n = |l: Level| findings.iter().filter(|f| f.level == l).count();
    (n(Level::Error), n(Level::Warning), n(Level::Info))
}

fn file<'a>(f: &'a Finding, ctx: &'a Context<'_>) -> &'a str {
    f.file.as_deref().unwrap_or(ctx.config)
}

/// `config.yaml:4:14`, or the file alone when there is no position.
fn place(f: &Finding, ctx: &Context<'_>) -> String {
    match f.location {
        Some(l) => format!("{}:{}:{}", file(f, ctx), l.line, l.column),
        None => file(f, ctx).to_string(),
    }
}

fn style(level: Level) -> anstyle::Style {
    let color = match level {
        Level::Error => anstyle::AnsiColor::Red,
        Level::Warning => anstyle::AnsiColor::Yellow,
        Level::Info => anstyle::AnsiColor::Cyan,
    };
    anstyle::Style::new().fg_color(Some(color.into())).bold()
}

/// For a person: `file:line:col: level[rule]: message`, a hint, then a summary. Colour codes
/// are written here and removed on output unless stdout is a terminal and `NO_COLOR` is unset.
pub fn as_text(findings: &[Finding], ctx: &Context<'_>) -> String {
    let mut out = String::new();
    if let Some(aud) = &ctx.token_audience {
        let aud = aud.as_deref().unwrap_or("none");
        let _ = writeln!(
            out,
            "note: the token was decoded, not verified (audience: {aud})"
        );
    }
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    for d in ctx.declarations {
        let _ = write!(
            out,
            "note: read {} as {}: {}",
            d.file,
            d.format,
            plural(d.scopes, "permission", "permissions")
        );
        if d.not_evaluated > 0 {
            let _ = write!(
                out,
                ", {} not evaluated",
                plural(d.not_evaluated, "value", "values")
            );
        }
        out.push('\n');
    }
    for f in findings {
        let s = style(f.level);
        let _ = writeln!(
            out,
            "{}: {s}{}[{}]{s:#}",
            place(f, ctx),
            f.level.as_str(),
            f.rule.as_str()
        );
        text::wrap(&mut out, text::words(&f.message), "    ", "    ");
        if let Some(sub) = f.subscription.and_then(|i| ctx.input.subscriptions.get(i)) {
            let _ = writeln!(out, "    subscription: {}", sub.resource);
        }
        if let Some(req) = f.request.and_then(|i| ctx.input.requests.get(i)) {
            let _ = writeln!(out, "    request: {} {}", req.method, req.url);
        }
        if let Some(scope) = f.scope.and_then(|i| ctx.input.scopes.get(i)) {
            let _ = writeln!(out, "    scope: {}", scope.text);
        }
        if let Some(suggestion) = &f.suggestion {
            let _ = writeln!(out, "    request: {suggestion}");
        }
    }
    let (e, w, i) = counts(findings);
    let requests = match ctx.input.requests.len() {
        0 => String::new(),
        n => format!("{n} requests, "),
    };
    let _ = writeln!(
        out,
        "{} subscriptions, {requests}{} scopes, {} mode, {}: {e} errors, {w} warnings, {i} infos",
        ctx.input.subscriptions.len(),
        ctx.input.scopes.len(),
        ctx.input.mode,
        ctx.input.api
    );
    out
}

#[derive(Serialize)]
struct Json<'a> {
    config: &'a str,
    api: &'static str,
    mode: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    token: Option<TokenJson>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    declarations: &'a [Declared],
    findings: Vec<FindingJson<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct TokenJson {
    verified: bool,
    audience: Option<String>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    rule: &'static str,
    level: &'static str,
    message: &'a str,
    suggestion: Option<&'a str>,
    file: &'a str,
    line: Option<u32>,
    column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subscription: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<&'a str>,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// For tools: one JSON object.
pub fn as_json(findings: &[Finding], ctx: &Context<'_>) -> String {
    let (errors, warnings, infos) = counts(findings);
    let json = Json {
        config: ctx.config,
        api: ctx.input.api.as_str(),
        mode: ctx.input.mode.as_str(),
        token: ctx.token_audience.clone().map(|audience| TokenJson {
            verified: false,
            audience,
        }),
        declarations: ctx.declarations,
        findings: findings
            .iter()
            .map(|f| FindingJson {
                rule: f.rule.as_str(),
                level: f.level.as_str(),
                message: &f.message,
                suggestion: f.suggestion.as_deref(),
                file: file(f, ctx),
                line: f.location.map(|l| l.line),
                column: f.location.map(|l| l.column),
                subscription: f
                    .subscription
                    .and_then(|i| ctx.input.subscriptions.get(i))
                    .map(|s| s.resource.as_str()),
                request: f
                    .request
                    .and_then(|i| ctx.input.requests.get(i))
                    .map(|r| format!("{} {}", r.method, r.url)),
                scope: f
                    .scope
                    .and_then(|i| ctx.input.scopes.get(i))
                    .map(|s| s.text.as_str()),
            })
            .collect(),
        summary: Summary {
            errors,
            warnings,
            infos,
        },
    };
    super::super::json::line(&json)
}

fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

/// The description and level of a rule: the lint's own, or a docs rule.
fn describe(rule: RuleId) -> Option<(String, Level, Option<String>)> {
    if let (Some(level), Some(text)) = (rule.level(), rule.description()) {
        return Some((text.to_string(), level, None));
    }
    rules().find(|r| r.id() == rule.as_str()).map(|r| {
        let level = match r.severity() {
            Severity::Note => Level::Info,
            Severity::Warning => Level::Warning,
            Severity::Error => Level::Error,
        };
        (r.message().to_string(), level, Some(r.source().to_string()))
    })
}

/// SARIF 2.1.0 for code scanning: every rule the findings use, each result located in the file
/// it concerns (line 1 of the config for findings from flags or a token).
pub fn as_sarif(findings: &[Finding], ctx: &Context<'_>) -> String {
    let mut ids: Vec<RuleId> = findings.iter().map(|f| f.rule).collect();
    ids.sort_unstable_by_key(|id| id.as_str());
    ids.dedup();
    let rules: Vec<sarif::ReportingDescriptor> = ids
        .iter()
        .map(|id| {
            let (text, level, source) =
                describe(*id).unwrap_or_else(|| (id.to_string(), Level::Warning, None));
            let help = match source {
                Some(page) => format!("{text} Source: Microsoft Graph docs, {page}."),
                None => format!("{text} See `msgraph-scopes lint --help`."),
            };
            sarif::ReportingDescriptor::builder()
                .id(id.as_str())
                .short_description(
                    sarif::MultiformatMessageString::builder()
                        .text(text)
                        .build(),
                )
                .help(
                    sarif::MultiformatMessageString::builder()
                        .text(help)
                        .build(),
                )
                .default_configuration(
                    sarif::ReportingConfiguration::builder()
                        .level(serde_json::json!(sarif_level(level)))
                        .build(),
                )
                .build()
        })
        .collect();
    let results: Vec<sarif::Result> = findings
        .iter()
        .map(|f| {
            let (line, column) = f.location.map_or((1, 1), |l| (l.line, l.column));
            let location = sarif::Location::builder()
                .physical_location(
                    sarif::PhysicalLocation::builder()
                        .artifact_location(
                            sarif::ArtifactLocation::builder()
                                .uri(file(f, ctx).to_string())
                                .build(),
                        )
                        .region(
                            sarif::Region::builder()
                                .start_line(i64::from(line))
                                .start_column(i64::from(column))
                                .build(),
                        )
                        .build(),
                )
                .build();
            let mut message = f.message.clone();
            if let Some(s) = &f.suggestion {
                message.push_str(&format!(" Request {s}."));
            }
            sarif::Result::builder()
                .rule_id(f.rule.as_str())
                .rule_index(ids.iter().position(|i| *i == f.rule).unwrap_or(0) as i64)
                .level(match f.level {
                    Level::Error => sarif::ResultLevel::Error,
                    Level::Warning => sarif::ResultLevel::Warning,
                    Level::Info => sarif::ResultLevel::Note,
                })
                .message(sarif::Message::builder().text(message).build())
                .locations(vec![location])
                .build()
        })
        .collect();
    let driver = sarif::ToolComponent::builder()
        .name("msgraph-scopes")
        .version(env!("CARGO_PKG_VERSION"))
        .information_uri("https://crates.io/crates/msgraph-scopes")
        .rules(rules)
        .build();
    let run = sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .results(results)
        .build();
    let log = sarif::Sarif::builder()
        .schema(sarif::SCHEMA_URL)
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    match serde_json::to_string_pretty(&log) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        Err(err) => format!("{{\"error\": {:?}}}\n", err.to_string()),
    }
}

/// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding.
pub fn as_github(findings: &[Finding], ctx: &Context<'_>) -> String {
    let escape_data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let escape_prop = |s: &str| escape_data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for f in findings {
        let command = match f.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "notice",
        };
        let mut props = format!("file={}", escape_prop(file(f, ctx)));
        if let Some(l) = f.location {
            let _ = write!(props, ",line={},col={}", l.line, l.column);
        }
        let _ = write!(
            props,
            ",title={}",
            escape_prop(&format!("msgraph-scopes {}", f.rule.as_str()))
        );
        let mut message = f.message.clone();
        if let Some(s) = &f.suggestion {
            message.push_str(&format!(" Request {s}."));
        }
        let _ = writeln!(out, "::{command} {props}::{}", escape_data(&message));
    }
    out
}
