//! Matching the template patterns of the data's rules against templates.

use super::{segments_of, Recorded};

/// Whether a rule's template pattern matches a template: segment by segment, any `{...}`
/// matching any `{...}` (or key), static segments ignoring ASCII case, a final `...` matching
/// the rest. Both are segmented by the resolver's scanner ([`segments_of`]); text that is no path
/// matches nothing. Templates come from `data/` and are clean; `build.rs` checks each pattern
/// against them.
pub fn pattern_matches(pattern: &str, template: &str) -> bool {
    let (Some(mut p), Some(mut t)) = (segments_of(pattern), segments_of(template)) else {
        return false;
    };
    loop {
        match (p.next(), t.next()) {
            (None, None) | (Some(Recorded::Plain("...")), Some(_)) => return true,
            (Some(Recorded::Plain(a)), Some(Recorded::Plain(b))) if a.eq_ignore_ascii_case(b) => {}
            (
                Some(Recorded::Placeholder(_) | Recorded::Key(_)),
                Some(Recorded::Placeholder(_) | Recorded::Key(_)),
            ) => {}
            _ => return false,
        }
    }
}
