//! The least privileged permission for any Microsoft Graph request, under each auth mode.
//!
//! ```sh
//! cargo run --example request_scopes -- GET "https://graph.microsoft.com/v1.0/me/messages?\$top=5"
//! ```
//!
//! Built without the library's feature `requests`, every request is refused with
//! `RequestError::NotCompiled` (and the binary is smaller; see the README's Build times).

use msgraph_scopes::{resolve_request, AuthMode, Method};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(method), Some(url)) = (args.next(), args.next()) else {
        eprintln!("usage: request_scopes METHOD URL");
        return ExitCode::from(2);
    };
    let method = match method.parse::<Method>() {
        Ok(method) => method,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let found = match resolve_request(method, &url) {
        Ok(found) => found,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{method} {}", found.template());
    for mode in AuthMode::ALL {
        match found.permissions(mode) {
            Some(permissions) => {
                let least = permissions.least();
                let level = least
                    .privilege_level()
                    .map_or_else(|| "?".to_owned(), |l| l.to_string());
                println!("  {mode:<20} {} (privilege level {level})", least.name());
            }
            None => println!("  {mode:<20} not supported"),
        }
    }
    ExitCode::SUCCESS
}
