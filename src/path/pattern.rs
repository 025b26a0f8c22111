//! Matching the template patterns of the data's rules against templates.

/// Whether a rule's template pattern matches a template: segment by segment, any `{...}`
/// matching any `{...}`, static segments ignoring ASCII case, a final `...` matching the rest.
/// Templates come from `data/` and are clean; `build.rs` checks each pattern against them.
pub fn pattern_matches(pattern: &str, template: &str) -> bool {
    let mut p = pattern.trim_matches('/').split('/');
    let mut t = template.trim_matches('/').split('/');
    loop {
        match (p.next(), t.next()) {
            (Some("..."), Some(_)) => return true,
            (Some(a), Some(b)) => {
                let param = |s: &str| s.starts_with('{') && s.ends_with('}');
                if !(param(a) && param(b) || a.eq_ignore_ascii_case(b)) {
                    return false;
                }
            }
            (None, None) => return true,
            _ => return false,
        }
    }
}
