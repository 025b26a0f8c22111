//! The request cells where Microsoft's catalog left the choice of the least privileged
//! permission open, and how the order rule decided: what `msgraph-scopes audit --requests`
//! lists.

use crate::catalog::PermissionInfo;
use crate::data::{self, RequestChoiceDef};
use crate::{AuthMode, DataLocation, Method};
use core::fmt;

/// Every recorded choice, in data order (by area file, template, method, mode).
///
/// ```
/// # #[cfg(feature = "requests")] {
/// use msgraph_scopes::{request_choices, AuthMode, Method};
///
/// let mail = request_choices()
///     .find(|c| c.template() == "/me/messages" && c.method() == Method::Get && c.mode() == AuthMode::DelegatedWork)
///     .unwrap();
/// let marked: Vec<&str> = mail.marked().map(|p| p.name()).collect();
/// assert_eq!(marked, ["Mail.ReadBasic", "Mail.ReadWrite"]);
/// assert_eq!(mail.decided_by(), "narrower");
/// assert!(request_choices().any(|c| c.marked().count() == 0));
/// # }
/// ```
pub fn request_choices() -> impl ExactSizeIterator<Item = RequestChoice> + Clone {
    data::REQUEST_CHOICES.iter().map(RequestChoice)
}

/// A (template, method, mode) cell where the catalog marks several permissions least, or none.
#[derive(Clone, Copy)]
pub struct RequestChoice(&'static RequestChoiceDef);

impl RequestChoice {
    /// The template.
    pub fn template(self) -> &'static str {
        self.0.template()
    }

    /// The method.
    pub fn method(self) -> Method {
        self.0.method
    }

    /// The mode (the catalog's scheme).
    pub fn mode(self) -> AuthMode {
        self.0.mode
    }

    /// The permissions the catalog marks least for this cell (none, or several).
    pub fn marked(self) -> impl Iterator<Item = PermissionInfo> + Clone {
        // The build checks every index.
        self.0
            .marked()
            .iter()
            .filter_map(|&i| PermissionInfo::at(i))
    }

    /// What decided the least one: `privilege-level`, `narrower` (a path set with fewer
    /// methods), `access` (`ReadBasic` < `Read` < `ReadWrite` < others), `name`, or
    /// `only-candidate` (none marked, one permission).
    pub fn decided_by(self) -> &'static str {
        self.0.decided_by()
    }

    /// Where the choice is recorded (`data/requests/me.yaml:5633`).
    pub fn data_location(self) -> DataLocation {
        DataLocation {
            file: self.0.file(),
            line: self.0.line,
        }
    }
}

impl fmt::Debug for RequestChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestChoice")
            .field("template", &self.template())
            .field("method", &self.method())
            .field("mode", &self.mode())
            .field("decided_by", &self.decided_by())
            .finish()
    }
}
