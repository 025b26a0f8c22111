//! Picks the scopes an app should request before it manages a subscription, for each call of the
//! subscription's lifecycle.
//!
//! ```sh
//! cargo run --example pick_scopes -- "me/mailFolders('Inbox')/messages" delegated-personal
//! ```

use msgraph_scopes::{lookup, ApiVersion, AuthMode, LookupError, Operation};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let resource = args
        .next()
        .unwrap_or_else(|| "/teams/{id}/channels/{id}/messages".to_owned());
    let mode = match args
        .next()
        .as_deref()
        .unwrap_or("application")
        .parse::<AuthMode>()
    {
        Ok(mode) => mode,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    println!("{resource} ({mode}):");
    for operation in [
        Operation::Create,
        Operation::Update,
        Operation::Reauthorize,
        Operation::Delete,
    ] {
        match lookup(ApiVersion::V1, operation, &resource, mode) {
            Ok(answer) => {
                // A resource-specific-consent permission is granted per team or chat, not
                // tenant-wide: show the least privileged tenant-wide one beside it.
                let least = answer.least();
                match answer.permissions().iter().find(|p| !p.is_rsc()) {
                    Some(tenant) if least.is_rsc() => println!(
                        "  {:<12} {least} (resource-specific consent), or tenant-wide {tenant}",
                        operation.as_str()
                    ),
                    _ => println!("  {:<12} {least}", operation.as_str()),
                }
            }
            Err(e @ LookupError::NotSupported { .. }) => {
                println!("  {:<12} not supported ({e})", operation.as_str())
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
