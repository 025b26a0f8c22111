//! `lint`: the scopes an app requests against the subscriptions it makes.

mod declare;
mod report;
mod token;

use super::args::{DenyLevel, LintArgs, LintFormat};
use super::config::{self as app, App};
use super::input;
use super::output::{Exit, Report};
use msgraph_scopes::lint::{lint, Finding, Input, RequestedScope, ScopeOrigin};
use msgraph_scopes::plan::Options;
use std::path::Path;

/// Runs `lint`.
pub fn run(args: &LintArgs) -> Report {
    match prepare(args) {
        Ok(Prepared {
            name,
            input,
            token_audience,
            declarations,
            notes,
        }) => {
            let mut findings = lint(&input);
            findings.extend(notes);
            let ctx = report::Context {
                config: &name,
                input: &input,
                token_audience,
                declarations: &declarations,
            };
            let stdout = match args.format {
                LintFormat::Text => report::as_text(&findings, &ctx),
                LintFormat::Json => report::as_json(&findings, &ctx),
                LintFormat::Sarif => report::as_sarif(&findings, &ctx),
                LintFormat::Github => report::as_github(&findings, &ctx),
            };
            let (errors, warnings, _) = report::counts(&findings);
            let deny_warnings = args.deny.contains(&DenyLevel::Warnings);
            let failed = errors > 0 || (deny_warnings && warnings > 0);
            let mut stderr = Vec::new();
            if failed && args.format != LintFormat::Text {
                stderr.push(format!(
                    "error: {errors} errors, {warnings} warnings{}",
                    if deny_warnings {
                        " (warnings denied)"
                    } else {
                        ""
                    }
                ));
            }
            let exit = if failed { Exit::Failure } else { Exit::Success };
            Report {
                stdout,
                stderr,
                exit,
            }
        }
        Err(message) => Report::failure(Exit::Usage, String::new(), message),
    }
}

/// What the lint runs on.
struct Prepared {
    /// The config's name.
    name: String,
    input: Input,
    /// The token's audience, when a token was read.
    token_audience: Option<Option<String>>,
    /// The files `--manifest` read.
    declarations: Vec<report::Declared>,
    /// What their readers could not evaluate.
    notes: Vec<Finding>,
}

/// Reads the config and the other scope sources into the lint's input. Any unusable input is
/// an error message (exit 2).
fn prepare(args: &LintArgs) -> Result<Prepared, String> {
    let App {
        name,
        config,
        api,
        mode,
    } = app::read(args.config.as_deref(), args.api, args.mode)?;
    let mut scopes = config.scopes;
    let mut declarations = Vec::new();
    let mut notes = Vec::new();
    for manifest in &args.manifest {
        let mname = manifest.display().to_string();
        let mtext = input::read(manifest)?;
        let read = declare::read(&mname, &mtext)?;
        declarations.push(report::Declared {
            file: mname,
            format: read.format.name(),
            scopes: read.scopes.len(),
            not_evaluated: read.notes.len(),
        });
        scopes.extend(read.scopes);
        notes.extend(read.notes);
    }
    let mut token_audience = None;
    if let Some(token) = &args.token {
        let token = if token == "-" {
            input::read(Path::new("-"))?
        } else {
            token.clone()
        };
        let (from_token, aud) = token::parse(&token)?;
        scopes.extend(from_token);
        token_audience = Some(aud);
    }
    scopes.extend(args.scopes.iter().map(|s| RequestedScope {
        text: s.clone(),
        origin: ScopeOrigin::Listed,
        location: None,
        file: Some("--scopes".to_string()),
        resource_app: None,
    }));
    if scopes.is_empty() && notes.is_empty() {
        let read = if declarations.is_empty() {
            String::new()
        } else {
            let files: Vec<String> = declarations
                .iter()
                .map(|d| format!("{} ({})", d.file, d.format))
                .collect();
            format!(" (read {}: none requests a permission)", files.join(", "))
        };
        return Err(format!(
            "{name}: no scopes to lint{read}: list them under `scopes:`, or pass --scopes, --manifest or --token"
        ));
    }
    Ok(Prepared {
        name,
        input: Input {
            api,
            mode,
            scopes,
            subscriptions: config.subscriptions,
            plan: Options {
                prefer: args
                    .prefer
                    .map(Into::into)
                    .or(config.prefer)
                    .unwrap_or_default(),
                rsc: config.rsc,
                ..Options::default()
            },
            requests: config.requests,
        },
        token_audience,
        declarations,
        notes,
    })
}
