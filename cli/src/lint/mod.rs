//! `lint`: the scopes an app requests against the subscriptions it makes.

mod manifest;
mod report;
mod token;

use super::args::{DenyLevel, LintArgs, LintFormat};
use super::input;
use super::output::{Exit, Report};
use msgraph_scopes::lint::{config, lint, Input, RequestedScope, ScopeOrigin};
use msgraph_scopes::plan::Options;
use msgraph_scopes::ApiVersion;
use std::path::Path;

/// The config read when none is named.
pub const DEFAULT_CONFIG: &str = "msgraph-scopes.yaml";

/// Runs `lint`.
pub fn run(args: &LintArgs) -> Report {
    match prepare(args) {
        Ok((name, input, token_audience)) => {
            let findings = lint(&input);
            let ctx = report::Context {
                config: &name,
                input: &input,
                token_audience,
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

type Prepared = (String, Input, Option<Option<String>>);

/// Reads the config and the other scope sources into the lint's input. Any unusable input is
/// an error message (exit 2).
fn prepare(args: &LintArgs) -> Result<Prepared, String> {
    let path = args.config.as_deref().unwrap_or(Path::new(DEFAULT_CONFIG));
    if args.config.is_none() && !path.exists() {
        return Err(format!(
            "no config: {DEFAULT_CONFIG} does not exist here (name a config file, or `-` for stdin)"
        ));
    }
    let name = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let text = input::read(path)?;
    let config = config::parse(&name, &text).map_err(|e| e.to_string())?;
    let api = match (args.api, config.api) {
        (Some(flag), Some(file)) if flag != file => {
            return Err(format!(
                "--api {flag} conflicts with `api: {file}` in {name}"
            ))
        }
        (Some(api), _) | (None, Some(api)) => api,
        (None, None) => ApiVersion::V1,
    };
    let mode = match (args.mode, config.mode) {
        (Some(flag), Some(file)) if flag != file => {
            return Err(format!("--mode {flag} conflicts with `mode: {file}` in {name}"))
        }
        (Some(mode), _) | (None, Some(mode)) => mode,
        (None, None) => {
            return Err(format!(
                "{name}: no auth mode: add `mode: delegated-work | delegated-personal | application`, or pass --mode"
            ))
        }
    };
    let mut scopes = config.scopes;
    if let Some(manifest) = &args.manifest {
        let mname = manifest.display().to_string();
        let mtext = input::read(manifest)?;
        scopes.extend(manifest::parse(&mname, &mtext)?);
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
    if scopes.is_empty() {
        return Err(format!(
            "{name}: no scopes to lint: list them under `scopes:`, or pass --scopes, --manifest or --token"
        ));
    }
    Ok((
        name,
        Input {
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
        },
        token_audience,
    ))
}
