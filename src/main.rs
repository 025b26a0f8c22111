//! `msgraph-scopes`: the least privileged Microsoft Graph permissions for change-notification
//! subscriptions, from the command line. See `msgraph-scopes --help`.
#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
