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
//! requests:                       # optional: the other calls the app makes, METHOD URL
//!   - GET /users/{id}/messages/{id}
//! ```

use super::finding::Location;
use super::input::{Request, RequestedScope, ScopeOrigin, Subscription};
use crate::plan::Prefer;
use crate::{ApiVersion, AuthMode, ChangeType, Method, Operation};
use core::fmt;
use serde::Deserialize;

// The YAML position index build.rs uses for data/ problems.
use crate::yaml_positions::{path, Positions, Step};

/// The file as written. With the `schema` feature its JSON Schema is derived from these types
/// (the doc comments of the fields are the schema's descriptions), so the schema and the reader
/// cannot drift apart.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        rename = "MsgraphScopesLintConfig",
        title = "msgraph-scopes lint config",
        description = "What an app subscribes to (Microsoft Graph change notifications) and which permissions it requests; read by `msgraph-scopes lint`.",
        extend("anyOf" = [
            {"required": ["subscriptions"], "properties": {"subscriptions": {"minItems": 1}}},
            {"required": ["requests"], "properties": {"requests": {"minItems": 1}}}
        ])
    )
)]
#[serde(deny_unknown_fields)]
struct File {
    /// The Microsoft Graph API version the app calls: `v1.0` (the default) or `beta`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(extend("examples" = ["v1.0", "beta"])))]
    api: Option<String>,
    /// The auth mode the app uses: `delegated-work` (work or school account), `delegated-personal`
    /// (personal Microsoft account) or `application` (app-only). Required here or as `--mode`.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("examples" = ["delegated-work", "delegated-personal", "application"]))
    )]
    mode: Option<String>,
    /// The permissions the app requests: names (`Mail.Read`), GUIDs, or
    /// `https://graph.microsoft.com/NAME`. More can come from `--manifest`, `--token` and
    /// `--scopes`.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("examples" = [["ChannelMessage.Read.All", "Mail.Read"]]))
    )]
    scopes: Vec<String>,
    /// The trade-off `msgraph-scopes plan` makes, and the lint's `over-privileged` judges by:
    /// `least-privilege` (the default: the highest privilege level first, then the sum of the
    /// levels, then the number of scopes) or `fewest-scopes` (the number of scopes first).
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("examples" = ["least-privilege", "fewest-scopes"]))
    )]
    prefer: Option<String>,
    /// Whether a plan may use resource-specific-consent permissions, granted per team or chat
    /// in the Teams app manifest (default `false`).
    #[serde(default)]
    rsc: bool,
    /// The change-notification subscriptions the app makes (a config needs at least one
    /// subscription or request).
    #[serde(default)]
    subscriptions: Vec<Entry>,
    /// The other Microsoft Graph requests the app makes, each `METHOD URL`
    /// (`GET /users/{id}/messages/{id}`), checked like subscriptions.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("examples" = [["GET /users/{id}/messages/{id}", "POST /users/{id}/sendMail"]]))
    )]
    requests: Vec<String>,
}

/// One subscription.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Subscription"))]
#[serde(deny_unknown_fields)]
struct Entry {
    /// The subscription's `resource` string, as the app sends it (`/users/{id}/messages`,
    /// `/teams/{id}/channels/{id}/messages`, a full URL, OData keys, a query string).
    #[cfg_attr(
        feature = "schema",
        schemars(extend("examples" = ["/teams/{id}/channels/{id}/messages", "/users/{id}/messages"]))
    )]
    resource: String,
    /// The operations the app performs on it: `create`, `get`, `update`, `delete`,
    /// `reauthorize`, `list`, `get-vapid-public-key`. Default: its whole lifecycle (create,
    /// update, reauthorize, delete).
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("examples" = [["create", "update", "reauthorize", "delete"]]))
    )]
    operations: Vec<String>,
    /// The change types it asks for, comma-separated (`created,updated,deleted`); checked
    /// where the docs restrict them.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(extend("examples" = ["created,updated", "updated,deleted"]))
    )]
    change_type: Option<String>,
}

/// The JSON Schema (draft-07) of the lint config, pretty-printed: editors that read it
/// (through a `# yaml-language-server: $schema=...` line, or a schema setting) validate and
/// complete `msgraph-scopes.yaml`. Unknown fields are refused, as [`parse`] refuses them.
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(&msgraph_scopes::lint::config::schema()).unwrap();
/// assert_eq!(schema["additionalProperties"], false);
/// assert!(schema["properties"]["subscriptions"].is_object());
/// ```
#[cfg(feature = "schema")]
#[cfg_attr(docsrs, doc(cfg(feature = "schema")))]
pub fn schema() -> String {
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<File>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
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
    /// `subscriptions:`.
    pub subscriptions: Vec<Subscription>,
    /// `requests:` (`METHOD URL` each).
    pub requests: Vec<Request>,
    /// `prefer:` (`least-privilege` or `fewest-scopes`): the trade-off `plan` makes and the
    /// lint's `over-privileged` judges by.
    pub prefer: Option<Prefer>,
    /// `rsc:`: whether a plan may use resource-specific-consent grants (per team or chat, in
    /// the Teams app manifest). Default `false`.
    pub rsc: bool,
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
    let at = |steps: &[Step]| {
        let p = pos.at(steps);
        Location {
            line: p.line as u32,
            column: p.col as u32,
        }
    };
    let bad = |steps: &[Step], message: String| {
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
    let mut requests = Vec::new();
    for (i, line) in file.requests.iter().enumerate() {
        let steps = path(&[&"requests", &i]);
        let (method, url) = line
            .trim()
            .split_once(char::is_whitespace)
            .map(|(m, u)| (m, u.trim()))
            .filter(|(_, u)| !u.is_empty())
            .ok_or_else(|| {
                bad(
                    &steps,
                    format!("`{line}` is not `METHOD URL` (`GET /users/{{id}}/messages`)"),
                )
            })?;
        let method = method
            .parse::<Method>()
            .map_err(|e| bad(&steps, e.to_string()))?;
        requests.push(Request {
            method,
            url: url.to_string(),
            location: Some(at(&steps)),
        });
    }
    if subscriptions.is_empty() && requests.is_empty() {
        return Err(error(
            0,
            0,
            "declares no subscriptions and no requests (a `subscriptions:` or `requests:` list is needed)".to_string(),
        ));
    }
    Ok(Config {
        api,
        mode,
        scopes,
        subscriptions,
        requests,
        prefer,
        rsc: file.rsc,
    })
}
