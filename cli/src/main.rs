//! `msgraph-scopes`: the least privileged Microsoft Graph permissions for change-notification
//! subscriptions, from the command line. See `msgraph-scopes --help`.
//!
//! Parses the command line and runs one subcommand.
//!
//! Every subcommand builds a [`output::Report`] (stdout text, stderr lines, exit status) and
//! [`main`] writes it, so that no command prints as it goes and a closed stdout is handled once.

#![forbid(unsafe_code)]

mod answer;
mod args;
mod audit;
mod audit_requests;
mod config;
mod import;
mod input;
mod json;
mod lint;
mod lookup;
mod matrix;
mod output;
mod permission;
mod plan;
mod request;
mod suggest;
mod text;

use args::{Cli, Command};
use clap::{CommandFactory, FromArgMatches};
use output::{Exit, Report};
use std::process::ExitCode;
use std::sync::OnceLock;

/// The `--version` text after the name: the crate version and the data snapshot.
fn version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        format!(
            "{} (data: {})",
            env!("CARGO_PKG_VERSION"),
            msgraph_scopes::DATA_VERSION
        )
    })
}

/// The clap command, with the run-time version string.
fn command() -> clap::Command {
    Cli::command().version(version())
}

/// Parses the command line, runs the command and gives the exit status. Usage errors exit 2,
/// `--help` and `--version` exit 0 (clap's own handling).
fn main() -> ExitCode {
    let matches = match command().try_get_matches() {
        Ok(matches) => matches,
        Err(err) => err.exit(),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.format(&mut command()).exit(),
    };
    let report = match cli.command {
        Command::Lookup(args) => lookup::run(&args),
        Command::Audit(args) => audit::run(&args),
        Command::Lint(args) => lint::run(&args),
        Command::Plan(args) => plan::run(&args),
        Command::Schema => Report::success(msgraph_scopes::lint::config::schema()),
        Command::Matrix(args) => matrix::run(&args),
        Command::Permission(args) => permission::run(&args),
        Command::Request(args) => request::run(&args),
        Command::ImportDocs(args) => import::docs(&args),
        Command::ImportConcepts(args) => import::concepts(&args),
        Command::ImportCatalog(args) => import::catalog(&args),
        Command::ImportRequests(args) => import::requests(&args),
        Command::Completions(args) => completions(&args),
    };
    report.emit()
}

/// `completions SHELL`: the completion script on stdout.
fn completions(args: &args::CompletionsArgs) -> Report {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command(), "msgraph-scopes", &mut script);
    match String::from_utf8(script) {
        Ok(script) => Report::success(script),
        Err(err) => Report::failure(
            Exit::Failure,
            String::new(),
            format!("the completion script is not UTF-8: {err}"),
        ),
    }
}
