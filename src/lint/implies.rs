//! Which permission names include which (`Mail.ReadWrite` includes `Mail.Read`).

/// Whether permission `broad` includes `narrow`: the same resource and scope with a stronger
/// operation (`Mail.ReadWrite` includes `Mail.Read` and `Mail.ReadBasic`), or the same with
/// `.All` where `narrow` has no suffix (`Files.ReadWrite.All` includes `Files.ReadWrite`).
/// Names without a `ReadBasic`, `Read` or `ReadWrite` part imply only themselves.
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

/// `Mail.ReadWrite.Shared` -> (`Mail`, rank of ReadWrite, `.Shared`).
fn parts(name: &str) -> Option<(&str, u8, &str)> {
    const OPS: [(&str, u8); 3] = [("ReadBasic", 0), ("Read", 1), ("ReadWrite", 2)];
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
}
