//! Reading the app config (`msgraph-scopes.yaml`) that `lint` and `plan` share, with the
//! `--api` and `--mode` flags that override it.

use super::input;
use msgraph_scopes::lint::config::{self, Config};
use msgraph_scopes::{ApiVersion, AuthMode};
use std::path::Path;

/// The config read when none is named.
pub const DEFAULT_CONFIG: &str = "msgraph-scopes.yaml";

/// A config read and checked, with the API version and mode settled.
pub struct App {
    /// The config's name as shown in messages (`<stdin>` for `-`).
    pub name: String,
    /// What it says.
    pub config: Config,
    /// `--api`, else `api:`, else v1.0.
    pub api: ApiVersion,
    /// `--mode`, else `mode:`.
    pub mode: AuthMode,
}

/// Reads the config at `path` (the default when `None`; `-` is stdin). Any unusable input,
/// or a flag that contradicts the file, is an error message (exit 2).
pub fn read(
    path: Option<&Path>,
    api: Option<ApiVersion>,
    mode: Option<AuthMode>,
) -> Result<App, String> {
    let named = path.is_some();
    let path = path.unwrap_or(Path::new(DEFAULT_CONFIG));
    if !named && !path.exists() {
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
    let api = match (api, config.api) {
        (Some(flag), Some(file)) if flag != file => {
            return Err(format!(
                "--api {flag} conflicts with `api: {file}` in {name}"
            ))
        }
        (Some(api), _) | (None, Some(api)) => api,
        (None, None) => ApiVersion::V1,
    };
    let mode = match (mode, config.mode) {
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
    Ok(App {
        name,
        config,
        api,
        mode,
    })
}
