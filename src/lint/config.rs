//! The lint config (`msgraph-scopes.yaml`): what the app subscribes to and what it requests
//! (feature `import`, which brings the YAML reader).
//!
//! ```yaml
//! api: v1.0                       # optional, default v1.0
//! mode: application               # delegated-work | delegated-personal | application
//! scopes: [ChannelMessage.Read.All, Mail.ReadWrite]   # names, GUIDs, or https://graph.microsoft.com/NAME
//! prefer: least-privilege         # optional: least-privilege (default) | fewest-scopes
//! rsc: false                      # optional: may a plan use resource-specific consent grants?
//! subscriptions:
//!   - resource: /teams/{id}/channels/{id}/messages
//!     operations: [create, update, reauthorize, delete]   # optional; default the whole lifecycle
//!     change_type: created,updated                          # optional
//!   - resource: /users/{id}/messages
//! ```

use super::finding::Location;
use super::input::{RequestedScope, ScopeOrigin, Subscription};
use crate::plan::Prefer;
use crate::{ApiVersion, AuthMode, ChangeType, Operation};
use core::fmt;
use serde::Deserialize;

// The YAML position index build.rs uses for data/ problems.
use crate::yaml_positions as locate;

use locate::{path, Positions};

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    api: Option<String>,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    scopes: Vec<String>,
    #[serde(default)]
    prefer: Option<String>,
    #[serde(default)]
    rsc: bool,
    #[serde(default)]
    subscriptions: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    resource: String,
    #[serde(default)]
    operations: Vec<String>,
    #[serde(default)]
    change_type: Option<String>,
}

/// A config read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// `api:`.
    pub api: Option<ApiVersion>,
    /// `mode:`.
    pub mode: Option<AuthMode>,
    /// `scopes:`.
    pub scopes: Vec<RequestedScope>,
    /// `prefer:` (`least-privilege` or `fewest-scopes`): the trade-off `plan` makes and the
    /// lint's `over-privileged` judges by.
    pub prefer: Option<Prefer>,
    /// `rsc:`: whether a plan may use resource-specific-consent grants (per team or chat, in
    /// the Teams app manifest). Default `false`.
    pub rsc: bool,
    /// `subscriptions:`.
    pub subscriptions: Vec<Subscription>,
}

/// Why a config cannot be used: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file as named to [`parse`].
    pub file: String,
    /// 1-based line; 0 when the problem is the file as a whole.
    pub line: u32,
    /// 1-based column; 0 when the problem is the file as a whole.
    pub column: u32,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    /// `file:line:col: message`, or `file: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for ConfigError {}

/// Parses the config `text`, read from the file `name` (used in errors and nowhere else).
///
/// ```
/// use msgraph_scopes::lint::config::parse;
/// let config = parse("app.yaml", "mode: application\nsubscriptions:\n  - resource: /users\n")?;
/// assert_eq!(config.subscriptions[0].location.unwrap().line, 3);
/// let err = parse("app.yaml", "mode: application\nsubscriptions: 3\n").unwrap_err();
/// assert_eq!(err.line, 2);
/// # Ok::<(), msgraph_scopes::lint::config::ConfigError>(())
/// ```
pub fn parse(name: &str, text: &str) -> Result<Config, ConfigError> {
    let error = |line: usize, column: usize, message: String| ConfigError {
        file: name.to_string(),
        line: line as u32,
        column: column as u32,
        message,
    };
    let file: File = serde_yaml::from_str(text).map_err(|err| {
        let (line, col) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
        let message = err.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        error(line, col, message)
    })?;
    let pos = Positions::index(text);
    let at = |steps: &[locate::Step]| {
        let p = pos.at(steps);
        Location {
            line: p.line as u32,
            column: p.col as u32,
        }
    };
    let bad = |steps: &[locate::Step], message: String| {
        let l = pos.at(steps);
        error(l.line, l.col, message)
    };
    let api = match &file.api {
        Some(a) => Some(
            a.parse::<ApiVersion>()
                .map_err(|e| bad(&path(&[&"api"]), e.to_string()))?,
        ),
        None => None,
    };
    let mode = match &file.mode {
        Some(m) => Some(
            m.parse::<AuthMode>()
                .map_err(|e| bad(&path(&[&"mode"]), e.to_string()))?,
        ),
        None => None,
    };
    let prefer = match &file.prefer {
        Some(p) => Some(
            p.parse::<Prefer>()
                .map_err(|e| bad(&path(&[&"prefer"]), e.to_string()))?,
        ),
        None => None,
    };
    let scopes = file
        .scopes
        .iter()
        .enumerate()
        .map(|(i, s)| RequestedScope {
            text: s.clone(),
            origin: ScopeOrigin::Listed,
            location: Some(at(&path(&[&"scopes", &i]))),
            file: None,
            resource_app: None,
        })
        .collect();
    let mut subscriptions = Vec::new();
    for (i, entry) in file.subscriptions.iter().enumerate() {
        let mut operations = Vec::new();
        for (k, op) in entry.operations.iter().enumerate() {
            let steps = path(&[&"subscriptions", &i, &"operations", &k]);
            operations.push(
                op.parse::<Operation>()
                    .map_err(|e| bad(&steps, e.to_string()))?,
            );
        }
        let mut change_types = Vec::new();
        if let Some(list) = &entry.change_type {
            let steps = path(&[&"subscriptions", &i, &"change_type"]);
            for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                change_types.push(
                    part.parse::<ChangeType>()
                        .map_err(|e| bad(&steps, e.to_string()))?,
                );
            }
        }
        subscriptions.push(Subscription {
            resource: entry.resource.clone(),
            operations,
            change_types,
            location: Some(at(&path(&[&"subscriptions", &i, &"resource"]))),
        });
    }
    if subscriptions.is_empty() {
        return Err(error(
            0,
            0,
            "declares no subscriptions (a `subscriptions:` list is needed)".to_string(),
        ));
    }
    Ok(Config {
        api,
        mode,
        scopes,
        prefer,
        rsc: file.rsc,
        subscriptions,
    })
}
