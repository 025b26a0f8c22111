//! [`Target`]: one thing an app does that needs a permission.

use crate::{Method, Operation};
use core::fmt;

/// One thing an app does that needs a permission: an operation on a subscription, or a
/// request.
///
/// ```
/// use msgraph_scopes::plan::Target;
/// use msgraph_scopes::{Method, Operation};
///
/// let all = Target::lifecycle("/users/{id}/messages", &[]);
/// assert_eq!(all.len(), 4);
/// assert_eq!(all[0].to_string(), "create /users/{id}/messages");
/// assert_eq!(Target::request(Method::Get, "/v1.0/me").to_string(), "GET /v1.0/me");
/// assert_eq!(Target::lifecycle("/users", &[Operation::Delete]).len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// One operation on a subscription to `resource`.
    Subscription {
        /// The subscription's `resource`.
        resource: String,
        /// The operation.
        operation: Operation,
    },
    /// A request the app makes (any Microsoft Graph call), answered from the permission
    /// catalog's path sets ([`request`](crate::request())).
    Request {
        /// The HTTP method.
        method: Method,
        /// The path, template or URL, as written or recorded.
        url: String,
    },
}

impl Target {
    /// One operation on a subscription.
    pub fn subscription(resource: impl Into<String>, operation: Operation) -> Self {
        Target::Subscription {
            resource: resource.into(),
            operation,
        }
    }

    /// A request.
    pub fn request(method: Method, url: impl Into<String>) -> Self {
        Target::Request {
            method,
            url: url.into(),
        }
    }

    /// The operations of a subscription to `resource`: `operations`, or the whole lifecycle
    /// ([`Operation::LIFECYCLE`]) when it is empty. Repeated operations count once.
    pub fn lifecycle(resource: &str, operations: &[Operation]) -> Vec<Target> {
        let ops: &[Operation] = if operations.is_empty() {
            &Operation::LIFECYCLE
        } else {
            operations
        };
        let mut seen: Vec<Operation> = Vec::new();
        ops.iter()
            .filter(|op| {
                let new = !seen.contains(op);
                seen.push(**op);
                new
            })
            .map(|&op| Target::subscription(resource, op))
            .collect()
    }
}

impl fmt::Display for Target {
    /// `create /users/{id}/messages`, `GET /v1.0/me/messages`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Subscription {
                resource,
                operation,
            } => write!(f, "{operation} {resource}"),
            Target::Request { method, url } => write!(f, "{method} {url}"),
        }
    }
}
