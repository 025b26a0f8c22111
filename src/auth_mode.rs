//! [`AuthMode`]: which kind of token calls Graph.

// `super::` is the crate root here, and the generator module in build.rs, which includes
// these files for their names.
use super::parse_error::{loose_eq, ParseError};
use core::{fmt, str::FromStr};

/// The permission type a call is made with: the three columns of every docs table.
///
/// Parses `delegated-work`, `DelegatedWork`, `work`, `delegated` (work or school is the usual
/// delegated case), `delegated-personal`, `personal`, `msa`, `application`, `app` and
/// `app-only`, in any case. Displays as `delegated-work`, `delegated-personal`, `application`.
///
/// ```
/// use msgraph_scopes::AuthMode;
/// assert_eq!("app".parse::<AuthMode>(), Ok(AuthMode::Application));
/// assert_eq!("DelegatedWork".parse::<AuthMode>(), Ok(AuthMode::DelegatedWork));
/// assert_eq!(AuthMode::DelegatedPersonal.to_string(), "delegated-personal");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AuthMode {
    /// Delegated, work or school account (a signed-in user in an organisation).
    DelegatedWork,
    /// Delegated, personal Microsoft account (outlook.com, OneDrive personal).
    DelegatedPersonal,
    /// Application (app-only, no signed-in user).
    Application,
}

impl AuthMode {
    /// All three, in the docs' column order.
    pub const ALL: [AuthMode; 3] = [
        AuthMode::DelegatedWork,
        AuthMode::DelegatedPersonal,
        AuthMode::Application,
    ];

    /// The kebab-case name used by the command line, JSON output and `data/`.
    pub const fn as_str(self) -> &'static str {
        match self {
            AuthMode::DelegatedWork => "delegated-work",
            AuthMode::DelegatedPersonal => "delegated-personal",
            AuthMode::Application => "application",
        }
    }

    /// The docs' column heading for this mode.
    pub const fn docs_heading(self) -> &'static str {
        match self {
            AuthMode::DelegatedWork => "Delegated (work or school account)",
            AuthMode::DelegatedPersonal => "Delegated (personal Microsoft account)",
            AuthMode::Application => "Application",
        }
    }

    /// Whether a signed-in user is present (both delegated modes).
    pub const fn is_delegated(self) -> bool {
        !matches!(self, AuthMode::Application)
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }

    pub(crate) const fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for AuthMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for AuthMode {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const SPELLINGS: [(&str, AuthMode); 12] = [
            ("delegated-work", AuthMode::DelegatedWork),
            ("work", AuthMode::DelegatedWork),
            ("delegated", AuthMode::DelegatedWork),
            ("delegated work or school account", AuthMode::DelegatedWork),
            ("delegated-personal", AuthMode::DelegatedPersonal),
            ("personal", AuthMode::DelegatedPersonal),
            ("msa", AuthMode::DelegatedPersonal),
            (
                "delegated personal microsoft account",
                AuthMode::DelegatedPersonal,
            ),
            ("application", AuthMode::Application),
            ("app", AuthMode::Application),
            ("app-only", AuthMode::Application),
            ("role", AuthMode::Application),
        ];
        let s = s.trim();
        let bare = s.strip_prefix('(').unwrap_or(s);
        let mut cleaned = [0u8; 64];
        let mut len = 0;
        for b in bare.bytes().filter(|b| !matches!(b, b'(' | b')')) {
            if len == cleaned.len() {
                len = 0;
                break;
            }
            cleaned[len] = b;
            len += 1;
        }
        let cleaned = core::str::from_utf8(&cleaned[..len]).unwrap_or("");
        SPELLINGS
            .iter()
            .find(|(name, _)| !cleaned.is_empty() && loose_eq(cleaned, name))
            .map(|(_, mode)| *mode)
            .ok_or_else(|| {
                ParseError::new(
                    "auth mode",
                    "delegated-work, delegated-personal or application",
                    s,
                )
            })
    }
}
