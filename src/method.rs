//! [`Method`]: the HTTP method of a Microsoft Graph request.

// `super::` is the crate root here, and the generator module in build.rs, which includes
// these files for their names.
use super::parse_error::ParseError;
use core::{fmt, str::FromStr};

/// The HTTP method of a request: the five Microsoft's permission catalog gives paths for.
///
/// Parses the method in any case (`get`, `GET`, `Patch`). Displays in upper case, as HTTP and
/// `data/requests/` write it.
///
/// ```
/// use msgraph_scopes::Method;
/// assert_eq!("get".parse::<Method>(), Ok(Method::Get));
/// assert_eq!(Method::Patch.to_string(), "PATCH");
/// assert!("HEAD".parse::<Method>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    /// `GET`: read.
    Get,
    /// `POST`: create, or call an action.
    Post,
    /// `PUT`: create or replace (content uploads, some settings).
    Put,
    /// `PATCH`: update.
    Patch,
    /// `DELETE`: delete.
    Delete,
}

impl Method {
    /// Every method, in the order above.
    pub const ALL: [Method; 5] = [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
    ];

    /// The method as HTTP writes it (`GET`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    // Read by the request lookup; the generator includes this file for the names alone.
    #[allow(dead_code)]
    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Method {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Method::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(t))
            .ok_or_else(|| ParseError::new("method", "GET, POST, PUT, PATCH or DELETE", t))
    }
}
