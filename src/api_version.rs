//! [`ApiVersion`]: the Microsoft Graph endpoint version a table belongs to.

// `super::` is the crate root here, and the generator module in build.rs, which includes
// these files for their names.
use super::parse_error::ParseError;
use core::{fmt, str::FromStr};

/// A Microsoft Graph API version.
///
/// Parses `v1.0`, `v1`, `1.0` and `beta` in any case; displays as `v1.0` or `beta`.
///
/// ```
/// use msgraph_scopes::ApiVersion;
/// assert_eq!("V1.0".parse::<ApiVersion>(), Ok(ApiVersion::V1));
/// assert_eq!("beta".parse::<ApiVersion>(), Ok(ApiVersion::Beta));
/// assert_eq!(ApiVersion::V1.to_string(), "v1.0");
/// // Only those spellings: `v10` is not `v1.0`.
/// assert!("v10".parse::<ApiVersion>().is_err());
/// assert!("v1-0".parse::<ApiVersion>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ApiVersion {
    /// The generally available `v1.0` endpoint.
    V1,
    /// The `beta` endpoint.
    Beta,
}

impl ApiVersion {
    /// Both versions, `v1.0` first.
    pub const ALL: [ApiVersion; 2] = [ApiVersion::V1, ApiVersion::Beta];

    /// The version as it appears in a Graph URL: `v1.0` or `beta`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ApiVersion::V1 => "v1.0",
            ApiVersion::Beta => "beta",
        }
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for ApiVersion {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        // Exact but for case: a version is a number, so `v10` or `v1-0` is not `v1.0`.
        if ["v1.0", "v1", "1.0", "1"]
            .iter()
            .any(|c| s.eq_ignore_ascii_case(c))
        {
            Ok(ApiVersion::V1)
        } else if s.eq_ignore_ascii_case("beta") {
            Ok(ApiVersion::Beta)
        } else {
            Err(ParseError::new("API version", "v1.0 or beta", s))
        }
    }
}
