//! What a careful user would build by hand instead of `msgraph_scopes::request`, for the request
//! bench to compare against (and for `tests/bench_corpus.rs` to check, so that the comparison
//! stays honest): every template of `data/requests/` in `matchit` routers, one per method (so a
//! match is a template that grants the method), fed each URL after the normalisation it needs.
//!
//! The normalisation ([`cut`]) does what the crate's request resolution does before it walks:
//! lower case, no `https://host`, version or query; a drive item path (`root:/a/b.txt:`) as one
//! segment; OData keys and function parameters as a segment of their own
//! (`range(address='A1')` -> `range/address='a1'`). Where the first try finds nothing, the
//! retries do what the crate's walk does when it backs up: a namespaced function without its
//! namespace (`microsoft.graph.delta` -> `delta`), then type casts and `$value`, `$ref`,
//! `$count` dropped. `/me/...` falls back to `/users/{id}/...` through twin routes, inserted
//! where the data has no `/me` template of its own.
//!
//! The templates come from the YAML itself (`serde_yaml`, at start-up), not from the crate.

#![allow(dead_code)]

use msgraph_scopes::Method;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One segment of a cut path or template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A static segment, lower case.
    Static(String),
    /// A placeholder, key, function parameters or item path (its text, for a URL).
    Param(String),
}

/// Cuts a request URL (or a template) into segments; `None` when it is not a path.
pub fn cut(url: &str) -> Option<Vec<Seg>> {
    let mut out = Vec::new();
    visit(url, &mut |param, text| {
        out.push(if param {
            Seg::Param(text.to_owned())
        } else {
            Seg::Static(text.to_ascii_lowercase())
        })
    })?;
    Some(out)
}

/// A request URL as the path its router is asked for, in one pass and one `String`: statics
/// lower-cased, each parameter one segment (`/` escaped); and whether it has a segment the
/// retries of [`RequestMatchit::at`] may need (a cast, a namespaced name, `$value`...).
pub fn normalise(url: &str) -> Option<(String, bool)> {
    let mut out = String::with_capacity(url.len() + 8);
    let mut special = false;
    visit(url, &mut |param, text| {
        out.push('/');
        if param {
            for c in text.chars() {
                match c {
                    '/' => out.push_str("%2F"),
                    c => out.push(c),
                }
            }
        } else {
            let start = out.len();
            out.push_str(text);
            out[start..].make_ascii_lowercase();
            special |= text.starts_with('$')
                || text
                    .get(..16)
                    .is_some_and(|head| head.eq_ignore_ascii_case("microsoft.graph."));
        }
    })?;
    Some((out, special))
}

/// Calls `f(is_parameter, text)` for each segment of `url`, in order; `None` when it is not a
/// path (nothing left, or an empty item path or segment).
fn visit(url: &str, f: &mut dyn FnMut(bool, &str)) -> Option<()> {
    let mut rest = url.trim();
    for scheme in ["https://", "http://"] {
        if rest.len() >= scheme.len() && rest[..scheme.len()].eq_ignore_ascii_case(scheme) {
            let after = &rest[scheme.len()..];
            rest = after.find('/').map_or("", |i| &after[i..]);
            break;
        }
    }
    // The query starts at the first `?` outside quotes.
    let mut quoted = false;
    let mut end = rest.len();
    for (i, b) in rest.bytes().enumerate() {
        match b {
            b'\'' => quoted = !quoted,
            b'?' if !quoted => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let mut path = &rest[..end];
    path = path.trim_start_matches('/');
    for version in ["v1.0", "beta"] {
        if path.len() >= version.len() && path[..version.len()].eq_ignore_ascii_case(version) {
            let after = &path[version.len()..];
            if after.is_empty() || after.starts_with('/') {
                path = after.trim_start_matches('/');
                break;
            }
        }
    }
    if path.is_empty() {
        return None;
    }
    // A drive item path: from the first `:/` outside parentheses to the next `:` (or the end).
    let (before, item, after) = match item_start(path) {
        Some(start) => {
            let tail = &path[start + 2..];
            match tail.find(':') {
                Some(stop) => (&path[..start], Some(&tail[..stop]), &tail[stop + 1..]),
                None => (&path[..start], Some(tail), ""),
            }
        }
        None => (path, None, ""),
    };
    pieces(before, f)?;
    if let Some(item) = item {
        if item.is_empty() {
            return None;
        }
        f(true, item);
        pieces(after, f)?;
    }
    Some(())
}

/// Where the first `:/` outside parentheses and quotes is.
fn item_start(path: &str) -> Option<usize> {
    let (mut depth, mut quoted) = (0usize, false);
    let bytes = path.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\'' if depth > 0 => quoted = !quoted,
            _ if quoted => {}
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b':' if depth == 0 && bytes.get(i + 1) == Some(&b'/') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The `/`-separated pieces of `path` (outside parentheses and quotes), keys split off.
fn pieces(path: &str, f: &mut dyn FnMut(bool, &str)) -> Option<()> {
    let (mut depth, mut quoted, mut start) = (0usize, false, 0);
    let bytes = path.as_bytes();
    let mut push = |piece: &str| -> Option<()> {
        if piece.is_empty() {
            return None;
        }
        match (piece.find('('), piece.strip_suffix(')')) {
            (Some(open), Some(inner)) => {
                if open > 0 {
                    f(false, &piece[..open]);
                }
                let args = &inner[open + 1..];
                if !args.is_empty() {
                    f(true, args);
                }
            }
            _ if piece.starts_with('{') && piece.ends_with('}') => f(true, piece),
            _ => f(false, piece),
        }
        Some(())
    };
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\'' if depth > 0 => quoted = !quoted,
            _ if quoted => {}
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b'/' if depth == 0 => {
                if i > start {
                    push(&path[start..i])?;
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    if path.len() > start {
        push(&path[start..])?;
    }
    Some(())
}

/// A template's segments as a `matchit` route: statics as they are, each parameter `{pN}`.
pub fn route(segs: &[Seg]) -> Option<String> {
    let mut out = String::new();
    for (i, seg) in segs.iter().enumerate() {
        out.push('/');
        match seg {
            // matchit reads braces as parameters: a static with one cannot be routed.
            Seg::Static(s) if s.contains(['{', '}']) => return None,
            Seg::Static(s) => out.push_str(s),
            Seg::Param(_) => out.push_str(&format!("{{p{i}}}")),
        }
    }
    Some(out)
}

/// A URL's segments as the path a router is asked for.
pub fn path_of(segs: &[Seg]) -> String {
    let mut out = String::new();
    for seg in segs {
        out.push('/');
        match seg {
            Seg::Static(s) => out.push_str(s),
            // One segment for the router, whatever it holds (`url='https://a/b'`).
            Seg::Param(s) => out.push_str(&s.replace('/', "%2F")),
        }
    }
    out
}

/// A method's place in [`Method::ALL`].
fn slot(method: Method) -> usize {
    Method::ALL.iter().position(|&m| m == method).unwrap_or(0)
}

#[derive(Deserialize)]
struct AreaFile {
    templates: Vec<TemplateFile>,
}

#[derive(Deserialize)]
struct TemplateFile {
    path: String,
    methods: BTreeMap<String, BTreeMap<String, String>>,
}

/// One `matchit` router per method over the templates of `data/requests/` that grant it.
pub struct RequestMatchit {
    /// Indexed by [`slot`].
    routers: Vec<matchit::Router<usize>>,
    /// The templates, as written in the data.
    pub templates: Vec<String>,
}

impl RequestMatchit {
    /// Reads `data/requests/*.yaml` under `root` and builds the routers.
    pub fn build(root: &Path) -> RequestMatchit {
        let mut files: Vec<_> = std::fs::read_dir(root.join("data/requests"))
            .expect("data/requests")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        files.sort();
        let mut templates = Vec::new();
        // (route, template index), per method; twins after every real route.
        let mut routes: Vec<Vec<(String, usize)>> = vec![Vec::new(); Method::ALL.len()];
        let mut twins: Vec<Vec<(String, usize)>> = vec![Vec::new(); Method::ALL.len()];
        for file in files {
            let text = std::fs::read_to_string(&file).expect("readable");
            let area: AreaFile = serde_yaml::from_str(&text).expect("an area file");
            for t in area.templates {
                let Some(segs) = cut(&t.path) else { continue };
                let Some(r) = route(&segs) else { continue };
                let twin = match segs.as_slice() {
                    [Seg::Static(users), Seg::Param(_), rest @ ..] if users == "users" => {
                        let me = [vec![Seg::Static("me".into())], rest.to_vec()].concat();
                        route(&me)
                    }
                    _ => None,
                };
                let index = templates.len();
                templates.push(t.path);
                for method in t.methods.keys() {
                    let Ok(m) = method.parse::<Method>() else {
                        continue;
                    };
                    routes[slot(m)].push((r.clone(), index));
                    if let Some(twin) = &twin {
                        twins[slot(m)].push((twin.clone(), index));
                    }
                }
            }
        }
        let routers = routes
            .into_iter()
            .zip(twins)
            .map(|(routes, twins)| {
                let mut router = matchit::Router::new();
                // A route the data gives twice (spellings of one shape) keeps its first template;
                // a twin never replaces a template of the data.
                for (r, index) in routes.into_iter().chain(twins) {
                    let _ = router.insert(r, index);
                }
                router
            })
            .collect();
        RequestMatchit { routers, templates }
    }

    /// Normalises and routes one request: the template it matches.
    ///
    /// A try is taken only if no parameter of the route swallowed a cast, a namespaced name or
    /// `$value`/`$ref`/`$count`: those are statics of a template or nothing at all.
    #[inline]
    pub fn at(&self, method: Method, url: &str) -> Option<&str> {
        let router = &self.routers[slot(method)];
        let (path, has_special) = normalise(url)?;
        if !has_special {
            let index = *router.at(&path).ok()?.value;
            return Some(&self.templates[index]);
        }
        let segs = cut(url)?;
        let special = |s: &str| {
            s.starts_with("microsoft.graph.") || ["$value", "$ref", "$count"].contains(&s)
        };
        // `names`: the namespaced names stripped in this try, statics or nothing as well.
        let found = |segs: &[Seg], names: &[&str]| {
            let path = path_of(segs);
            let m = router.at(&path).ok()?;
            let swallowed = m
                .params
                .iter()
                .any(|(_, v)| special(v) || names.contains(&v));
            (!swallowed).then_some(*m.value)
        };
        let index = found(&segs, &[]).or_else(|| {
            if !segs
                .iter()
                .any(|s| matches!(s, Seg::Static(s) if special(s)))
            {
                return None;
            }
            let namespace = "microsoft.graph.";
            let unnamespaced: Vec<Seg> = segs
                .iter()
                .map(|s| match s {
                    Seg::Static(s) if s.starts_with(namespace) => {
                        Seg::Static(s[namespace.len()..].to_owned())
                    }
                    other => other.clone(),
                })
                .collect();
            let uncast: Vec<Seg> = segs
                .iter()
                .filter(|s| !matches!(s, Seg::Static(s) if s.starts_with(namespace)))
                .cloned()
                .collect();
            let bare: Vec<Seg> = segs
                .iter()
                .filter(|s| !matches!(s, Seg::Static(s) if special(s)))
                .cloned()
                .collect();
            let stripped: Vec<&str> = segs
                .iter()
                .filter_map(|s| match s {
                    Seg::Static(s) => s.strip_prefix(namespace),
                    Seg::Param(_) => None,
                })
                .collect();
            found(&unnamespaced, &stripped)
                .or_else(|| found(&uncast, &[]))
                .or_else(|| found(&bare, &[]))
        })?;
        Some(&self.templates[index])
    }
}
