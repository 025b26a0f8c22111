//! Requested permissions from an access token's claims: `scp` (delegated, space-separated) and
//! `roles` (application). The token is decoded, not verified.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use msgraph_scopes::lint::{RequestedScope, ScopeOrigin};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Claims {
    #[serde(default)]
    scp: Option<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    aud: Option<serde_json::Value>,
}

/// The scopes a JWT grants, and its audience when it names one.
pub fn parse(token: &str) -> Result<(Vec<RequestedScope>, Option<String>), String> {
    let token = token.trim();
    let token = token.strip_prefix("Bearer ").unwrap_or(token).trim();
    let mut parts = token.split('.');
    let (Some(_header), Some(payload), Some(_signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("--token: not a JWT (expected three dot-separated parts)".to_string());
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|e| format!("--token: the payload is not base64url: {e}"))?;
    let claims: Claims = serde_json::from_slice(&bytes)
        .map_err(|e| format!("--token: the payload is not a JSON claims object: {e}"))?;
    let mut out: Vec<RequestedScope> = claims
        .scp
        .iter()
        .flat_map(|s| s.split_whitespace())
        .map(|s| RequestedScope {
            text: s.to_string(),
            origin: ScopeOrigin::Delegated,
            location: None,
            file: Some("--token scp".to_string()),
            resource_app: None,
        })
        .collect();
    out.extend(claims.roles.iter().map(|r| RequestedScope {
        text: r.clone(),
        origin: ScopeOrigin::Application,
        location: None,
        file: Some("--token roles".to_string()),
        resource_app: None,
    }));
    let aud = claims.aud.map(|a| match a {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    Ok((out, aud))
}
