//! The files `--manifest` names: what an app declares it requests, in whichever format the
//! content shows (never the file name). Each reader traces every permission to `file:line`;
//! a value it cannot evaluate (a parameter, a variable, a placeholder) becomes a
//! `not-evaluated` note, never a guess.
//!
//! * `entra`: `requiredResourceAccess` of an Entra ID application manifest, a Microsoft Graph
//!   `application` object, or a Teams Toolkit `aad.manifest.json` (JSON with comments);
//! * `teams_app`: a Teams app manifest's resource-specific consent;
//! * `terraform`: the azuread provider's resources (HCL);
//! * `bicep`: the Microsoft Graph Bicep extension's resources.
//!
//! `sniff` tells the syntaxes apart, `json` parses JSON and picks its reader, `jsonc` holds the
//! accessors both JSON readers share.

mod bicep;
mod entra;
mod json;
mod jsonc;
mod sniff;
mod teams_app;
mod terraform;
#[cfg(test)]
mod tests;

use super::super::input::Lines;
use msgraph_scopes::lint::{Finding, Level, Location, RequestedScope, RuleId, ScopeOrigin};

/// The formats the lint reads, for messages.
pub const FORMATS: &str = "an Entra ID application manifest or Microsoft Graph application JSON \
(requiredResourceAccess), a Teams Toolkit / Microsoft 365 Agents Toolkit aad.manifest.json, a \
Teams app manifest (resource-specific consent), Terraform (azuread_application, \
azuread_application_api_access, azuread_app_role_assignment) or Bicep with the Microsoft Graph \
extension (Microsoft.Graph/applications, Microsoft.Graph/appRoleAssignedTo)";

/// What a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The classic Entra ID application manifest.
    EntraManifest,
    /// A Microsoft Graph `application` object (`az ad app show`, `GET /applications/{id}`).
    GraphApplication,
    /// A Teams Toolkit / Microsoft 365 Agents Toolkit `aad.manifest.json`.
    TeamsToolkit,
    /// A Teams app manifest.
    TeamsApp,
    /// Terraform (azuread provider).
    Terraform,
    /// Bicep with the Microsoft Graph extension.
    Bicep,
}

impl Format {
    /// The name users see.
    pub fn name(self) -> &'static str {
        match self {
            Format::EntraManifest => "Entra ID application manifest",
            Format::GraphApplication => "Microsoft Graph application object",
            Format::TeamsToolkit => "Teams Toolkit aad.manifest.json",
            Format::TeamsApp => "Teams app manifest",
            Format::Terraform => "Terraform",
            Format::Bicep => "Bicep",
        }
    }
}

/// One file read.
#[derive(Debug)]
pub struct Declaration {
    /// What it was read as.
    pub format: Format,
    /// The permissions it requests, each with its place.
    pub scopes: Vec<RequestedScope>,
    /// What the reader could not evaluate (`not-evaluated`).
    pub notes: Vec<Finding>,
}

/// Reads the declaration `text` of the file `name`. An error is a message naming the file and
/// line (exit 2).
pub fn read(name: &str, text: &str) -> Result<Declaration, String> {
    // A byte-order mark (as some Windows editors write) is no part of the content; columns on
    // the first line are counted without it, as editors count them.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = Lines::new(text);
    let mut out = Out {
        name,
        lines: &lines,
        scopes: Vec::new(),
        notes: Vec::new(),
    };
    let format = match sniff::sniff(text) {
        sniff::Kind::Json => json::read(&mut out, text)?,
        sniff::Kind::Hcl => terraform::read(&mut out, text)?,
        sniff::Kind::Bicep => bicep::read(&mut out, text)?,
        sniff::Kind::Unknown => {
            return Err(format!(
                "{name}: not a format the lint reads (it reads {FORMATS})"
            ))
        }
    };
    Ok(Declaration {
        format,
        scopes: out.scopes,
        notes: out.notes,
    })
}

/// What the readers write into, with the file's name and line index.
struct Out<'a> {
    name: &'a str,
    lines: &'a Lines<'a>,
    scopes: Vec<RequestedScope>,
    notes: Vec<Finding>,
}

impl Out<'_> {
    /// The location of byte offset `at`.
    fn at(&self, at: usize) -> Location {
        self.lines.locate(at)
    }

    /// `file:line:col: message` for the byte offset `at`.
    fn error(&self, at: usize, message: impl std::fmt::Display) -> String {
        let l = self.at(at);
        format!("{}:{}:{}: {message}", self.name, l.line, l.column)
    }

    /// A requested permission written at byte offset `at`.
    fn scope(&mut self, text: &str, origin: ScopeOrigin, app: Option<String>, at: usize) {
        let location = Some(self.at(at));
        self.scopes.push(RequestedScope {
            text: text.to_string(),
            origin,
            location,
            file: Some(self.name.to_string()),
            resource_app: app,
        });
    }

    /// A `not-evaluated` note at byte offset `at`.
    fn not_evaluated(&mut self, at: usize, message: String) {
        let location = Some(self.at(at));
        self.notes.push(Finding {
            rule: RuleId::NotEvaluated,
            level: Level::Info,
            message,
            suggestion: None,
            subscription: None,
            request: None,
            scope: None,
            location,
            file: Some(self.name.to_string()),
        });
    }
}

/// A resource app as a declaration names it: `None` for Microsoft Graph (its GUID, or Teams
/// Toolkit's name `Microsoft Graph`), else the GUID in lower case, or the name as written.
fn resource_app(value: &str) -> Option<String> {
    let value = value.trim();
    if value.eq_ignore_ascii_case(msgraph_scopes::catalog::MICROSOFT_GRAPH)
        || value.eq_ignore_ascii_case("Microsoft Graph")
    {
        None
    } else if is_guid(value) {
        Some(value.to_ascii_lowercase())
    } else {
        Some(value.to_string())
    }
}

/// Whether `s` is a GUID (8-4-4-4-12 hex digits).
fn is_guid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// Whether a string holds a Teams Toolkit `${{VAR}}` placeholder (filled in at provision time).
fn is_placeholder(s: &str) -> bool {
    s.contains("${{")
}

/// `the permission requested from it is not linted` / `the 3 permissions ... are ...`.
fn not_linted(n: usize) -> String {
    match n {
        0 => String::from("no permission is requested from it"),
        1 => String::from("the permission requested from it is not linted"),
        n => format!("the {n} permissions requested from it are not linted"),
    }
}
