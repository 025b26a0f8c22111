//! Which permission names include which (`Mail.ReadWrite` includes `Mail.Read`): what the lint
//! accepts as a broader form of a listed permission, and what the planner offers as a candidate
//! beside the listed ones.

use crate::catalog::{self, PermissionInfo};

/// Whether permission `broad` includes `narrow`: the same resource and scope with a stronger
/// operation (`Mail.ReadWrite` includes `Mail.Read` and `Mail.ReadBasic`), or the same with
/// `.All` where `narrow` has no suffix (`Files.ReadWrite.All` includes `Files.ReadWrite`).
/// Names without a `ReadBasic`, `Read` or `ReadWrite` part imply only themselves.
///
/// ```
/// use msgraph_scopes::lint::implies;
/// assert!(implies("Mail.ReadWrite", "Mail.Read"));
/// assert!(!implies("Mail.Read", "Mail.ReadWrite"));
/// ```
pub fn implies(broad: &str, narrow: &str) -> bool {
    if broad.eq_ignore_ascii_case(narrow) {
        return true;
    }
    let (Some(b), Some(n)) = (parts(broad), parts(narrow)) else {
        return false;
    };
    b.0.eq_ignore_ascii_case(n.0)
        && b.1 >= n.1
        && (b.2.eq_ignore_ascii_case(n.2) || (n.2.is_empty() && b.2.eq_ignore_ascii_case(".All")))
}

/// The operations a name can carry, weakest first.
const OPS: [(&str, u8); 3] = [("ReadBasic", 0), ("Read", 1), ("ReadWrite", 2)];

/// Every catalog permission other than `narrow` that [`implies`] it, in the order of the
/// operations (`ReadBasic`, `Read`, `ReadWrite`) and then without and with `.All`.
pub(crate) fn broader(narrow: &str) -> Vec<PermissionInfo> {
    let Some((base, rank, suffix)) = parts(narrow) else {
        return Vec::new();
    };
    let mut out: Vec<PermissionInfo> = Vec::new();
    let suffixes: &[&str] = if suffix.is_empty() {
        &["", ".All"]
    } else {
        &[suffix]
    };
    for &(op, r) in OPS.iter().filter(|(_, r)| *r >= rank) {
        for s in suffixes {
            if r == rank && s.eq_ignore_ascii_case(suffix) {
                continue;
            }
            let name = format!("{base}.{op}{s}");
            if let Some(info) = catalog::permission(&name) {
                if !out.contains(&info) {
                    out.push(info);
                }
            }
        }
    }
    out
}

/// Every catalog permission other than `broad` that it [`implies`]: the weaker operations with
/// the same suffix, and, for an `.All` name, the same without `.All`.
pub(crate) fn narrower(broad: &str) -> Vec<PermissionInfo> {
    let Some((base, rank, suffix)) = parts(broad) else {
        return Vec::new();
    };
    let mut out: Vec<PermissionInfo> = Vec::new();
    let suffixes: &[&str] = if suffix.eq_ignore_ascii_case(".All") {
        &[suffix, ""]
    } else {
        &[suffix]
    };
    for &(op, r) in OPS.iter().filter(|(_, r)| *r <= rank) {
        for s in suffixes {
            if r == rank && s.eq_ignore_ascii_case(suffix) {
                continue;
            }
            if let Some(info) = catalog::permission(&format!("{base}.{op}{s}")) {
                if !out.contains(&info) {
                    out.push(info);
                }
            }
        }
    }
    out
}

/// `Mail.ReadWrite.Shared` -> (`Mail`, rank of ReadWrite, `.Shared`).
fn parts(name: &str) -> Option<(&str, u8, &str)> {
    let mut start = 0;
    for segment in name.split('.') {
        let end = start + segment.len();
        if let Some(&(_, rank)) = OPS.iter().find(|(op, _)| op.eq_ignore_ascii_case(segment)) {
            if start == 0 {
                return None;
            }
            return Some((&name[..start - 1], rank, &name[end..]));
        }
        start = end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broader_forms() {
        assert!(implies("Mail.ReadWrite", "Mail.ReadBasic"));
        assert!(implies("Mail.Read", "Mail.ReadBasic"));
        assert!(!implies("Mail.ReadBasic", "Mail.Read"));
        assert!(implies("Files.ReadWrite.All", "Files.ReadWrite"));
        assert!(implies("Chat.ReadWrite.All", "Chat.Read.All"));
        assert!(!implies("Chat.ReadWrite", "Chat.Read.All"));
        assert!(!implies("Mail.ReadWrite.Shared", "Mail.Read"));
        assert!(!implies("Directory.Read.All", "User.Read.All"));
        assert!(!implies("Presence.Read.All", "Presence.ReadWrite"));
        assert!(implies("CallRecords.Read.All", "callrecords.read.all"));
        assert!(!implies("Read", "Read.All"));
    }

    #[test]
    fn broader_lists_the_catalog_names_that_imply_a_name() {
        let names = |n: &str| -> Vec<&str> { broader(n).iter().map(|p| p.name()).collect() };
        assert_eq!(
            names("Files.Read"),
            ["Files.Read.All", "Files.ReadWrite", "Files.ReadWrite.All"]
        );
        assert_eq!(names("Chat.Read.All"), ["Chat.ReadWrite.All"]);
        assert!(names("Mail.ReadBasic").contains(&"Mail.ReadWrite"));
        assert!(names("CallRecords.Read.All").is_empty());
        assert!(names("Directory.AccessAsUser.All").is_empty());
        // Every broader form implies the name, and the name is among its narrower forms; the
        // same both ways.
        let mut pairs = 0;
        for p in catalog::permissions() {
            for b in broader(p.name()) {
                assert!(implies(b.name(), p.name()), "{} {}", b.name(), p.name());
                assert_ne!(b, p);
                assert!(narrower(b.name()).contains(&p), "{} {}", b.name(), p.name());
                pairs += 1;
            }
            for n in narrower(p.name()) {
                assert!(implies(p.name(), n.name()), "{} {}", p.name(), n.name());
                assert!(broader(n.name()).contains(&p), "{} {}", p.name(), n.name());
                pairs -= 1;
            }
        }
        assert_eq!(pairs, 0);
    }
}
