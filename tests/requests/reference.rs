//! An independent reading of Microsoft's `permissions.json` (serde_json and plain string
//! handling, nothing of the crate's importer, scanner or trie) agrees with the engine on
//! thousands of requests made from upstream's own paths: the template found and every
//! permission in order, per mode.

use msgraph_scopes::{resolve_request, AuthMode, Method};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A path's segments: `Some(lower-case name)` for a static one, `None` for a parameter.
type Shape = Vec<Option<String>>;

/// The shape of an upstream path read plainly, after the two obvious readings (`{id}}` is
/// `{id}`, a segment `(name)` is `{name}`); `None` when the path is anything else than
/// segments of names, `{placeholders}` and `name(key)`.
fn plain_shape(path: &str) -> Option<Shape> {
    let path = path.replace("}}", "}").replace("{{", "{");
    if path.contains(['?', ':', ' ']) || !path.starts_with('/') {
        return None;
    }
    let mut out = Vec::new();
    for seg in path[1..].split('/') {
        if seg.is_empty() {
            return None;
        }
        let whole_param = (seg.starts_with('{') && seg.ends_with('}'))
            || (seg.starts_with('(') && seg.ends_with(')'));
        if whole_param {
            if seg[1..seg.len() - 1].contains(['{', '}', '(', ')']) {
                return None;
            }
            out.push(None);
            continue;
        }
        match seg.find('(') {
            Some(open) if seg.ends_with(')') && open > 0 => {
                let name = &seg[..open];
                if name.contains(['{', '}', '=', ')']) {
                    return None;
                }
                out.push(Some(name.to_ascii_lowercase()));
                out.push(None);
            }
            None if !seg.contains(['{', '}', ')', '=']) => out.push(Some(seg.to_ascii_lowercase())),
            _ => return None,
        }
    }
    Some(out)
}

/// The concrete request segments of a URL made by [`concrete`]: a key is a parameter.
fn concrete_segments(url: &str) -> Vec<Result<String, ()>> {
    let mut out = Vec::new();
    for seg in url.trim_start_matches('/').split('/') {
        match seg.find('(') {
            Some(open) => {
                out.push(Ok(seg[..open].to_ascii_lowercase()));
                out.push(Err(()));
            }
            None => out.push(Ok(seg.to_ascii_lowercase())),
        }
    }
    out
}

/// A concrete URL from an upstream path: placeholders become an id, keys a quoted value.
fn concrete(path: &str) -> String {
    let path = path.replace("}}", "}");
    let mut out = String::new();
    let mut depth = 0;
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                }
                out.push_str(if depth > 0 {
                    if out.ends_with('\'') {
                        "v"
                    } else {
                        "'v'"
                    }
                } else {
                    "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
                });
            }
            '(' if out.ends_with('/') => {
                // A `(name)` segment is a placeholder.
                for d in chars.by_ref() {
                    if d == ')' {
                        break;
                    }
                }
                out.push_str("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
            }
            '(' => {
                depth += 1;
                out.push(c);
            }
            ')' => {
                depth -= 1;
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

fn matches(shape: &Shape, segments: &[Result<String, ()>]) -> bool {
    shape.len() == segments.len()
        && shape.iter().zip(segments).all(|(t, s)| match (t, s) {
            (None, _) => true,
            (Some(t), Ok(s)) => t == s,
            (Some(_), Err(())) => false,
        })
}

/// `a` before `b` when `a` has a static segment where `b` first has a parameter.
fn more_specific(a: &Shape, b: &Shape) -> bool {
    for (x, y) in a.iter().zip(b) {
        match (x, y) {
            (Some(_), None) => return true,
            (None, Some(_)) => return false,
            _ => {}
        }
    }
    false
}

/// One permission granting (shape, method, scheme).
#[derive(Clone, Debug)]
struct Grant {
    marked: bool,
    methods: usize,
    level: u8,
}

fn access(name: &str) -> u8 {
    for word in name.split('.') {
        match word {
            "ReadBasic" => return 0,
            "Read" => return 1,
            "ReadWrite" => return 2,
            _ => {}
        }
    }
    3
}

/// The permissions least privileged first, by the rule, written out again.
fn ordered(grants: &BTreeMap<String, Grant>) -> Vec<String> {
    let key = |(name, g): &(&String, &Grant)| (g.level, g.methods, access(name), (*name).clone());
    let mut all: Vec<(&String, &Grant)> = grants.iter().collect();
    all.sort_by_key(key);
    let least = all
        .iter()
        .find(|(_, g)| g.marked)
        .or(all.first())
        .map(|(n, _)| (*n).clone())
        .unwrap();
    let mut out = vec![least.clone()];
    out.extend(
        all.iter()
            .map(|(n, _)| (*n).clone())
            .filter(|n| *n != least),
    );
    out
}

#[test]
fn an_independent_reading_of_permissions_json_agrees_with_the_engine() {
    let file = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/upstream/devx/permissions.json"
    ));
    let Ok(text) = std::fs::read_to_string(file) else {
        assert!(
            std::env::var_os("MSGRAPH_SCOPES_REQUIRE_SOURCES").is_none(),
            "the sources are absent ({} cannot be read)",
            file.display()
        );
        println!("SKIPPED: {} is absent", file.display());
        return;
    };
    let json: Value = serde_json::from_str(&text).unwrap();
    let schemes = ["DelegatedWork", "DelegatedPersonal", "Application"];
    // (shape, method, scheme index) -> permission -> grant; and the paths to sample from.
    let mut cells: BTreeMap<(Shape, String, usize), BTreeMap<String, Grant>> = BTreeMap::new();
    let mut samples: BTreeSet<(String, String)> = BTreeSet::new();
    let mut unreadable: Vec<String> = Vec::new();
    for (name, permission) in json["permissions"].as_object().unwrap() {
        for set in permission["pathSets"].as_array().into_iter().flatten() {
            let methods: Vec<&str> = set["methods"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str)
                .collect();
            for (path, value) in set["paths"].as_object().unwrap() {
                let Some(shape) = plain_shape(path) else {
                    unreadable.push(path.to_ascii_lowercase());
                    continue;
                };
                let least: Vec<&str> = value
                    .as_str()
                    .unwrap_or("")
                    .split(';')
                    .filter_map(|p| p.strip_prefix("least="))
                    .flat_map(|l| l.split(','))
                    .collect();
                for scheme_key in set["schemeKeys"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(Value::as_str)
                {
                    let Some(s) = schemes.iter().position(|k| *k == scheme_key) else {
                        continue;
                    };
                    let Some(def) = permission["schemes"].get(scheme_key) else {
                        continue;
                    };
                    let level = def["privilegeLevel"].as_u64().map_or(u8::MAX, |l| l as u8);
                    for method in &methods {
                        let grant = cells
                            .entry((shape.clone(), (*method).to_owned(), s))
                            .or_default()
                            .entry(name.clone())
                            .or_insert(Grant {
                                marked: false,
                                methods: methods.len(),
                                level,
                            });
                        grant.marked |= least.contains(&scheme_key);
                        grant.methods = grant.methods.min(methods.len());
                    }
                }
                for method in &methods {
                    samples.insert((path.clone(), (*method).to_owned()));
                }
            }
        }
    }
    let shapes_by_method: BTreeMap<&str, BTreeSet<&Shape>> =
        cells
            .keys()
            .fold(BTreeMap::new(), |mut m, (shape, method, _)| {
                m.entry(method.as_str()).or_default().insert(shape);
                m
            });
    let (mut compared, mut skipped, mut failures) = (0, 0, Vec::new());
    for (i, (path, method_name)) in samples.iter().enumerate() {
        // Every second pair: thousands of requests, all areas.
        if i % 2 == 1 {
            continue;
        }
        let url = concrete(path);
        let segments = concrete_segments(&url);
        // A path the plain reading cannot read might be the one that matches: not a sample.
        let loose = url.to_ascii_lowercase();
        if unreadable.iter().any(|u| {
            let a: Vec<&str> = u.trim_start_matches('/').split('/').collect();
            let b: Vec<&str> = loose.trim_start_matches('/').split('/').collect();
            a.len() == b.len()
                && a.iter()
                    .zip(&b)
                    .all(|(x, y)| x.contains(['{', '(', ':', '?']) || x == y)
        }) {
            skipped += 1;
            continue;
        }
        let Some(shape) = shapes_by_method[method_name.as_str()]
            .iter()
            .filter(|s| matches(s, &segments))
            .fold(None::<&Shape>, |best, s| match best {
                Some(b) if !more_specific(s, b) => Some(b),
                _ => Some(s),
            })
        else {
            skipped += 1;
            continue;
        };
        let method: Method = method_name.parse().unwrap();
        let found = match resolve_request(method, &url) {
            Ok(found) => found,
            Err(e) => {
                failures.push(format!("{method} {url}: {e}"));
                continue;
            }
        };
        for (s, mode) in AuthMode::ALL.into_iter().enumerate() {
            let want = cells
                .get(&(shape.clone(), method_name.clone(), s))
                .map(ordered);
            let got: Option<Vec<String>> = found
                .permissions(mode)
                .map(|p| p.iter().map(|p| p.name().to_owned()).collect());
            if got != want {
                failures.push(format!(
                    "{method} {url} {mode} ({}): engine {got:?}, reference {want:?}",
                    found.template()
                ));
            }
        }
        compared += 1;
    }
    println!("{compared} requests compared with the reference, {skipped} skipped");
    assert!(
        compared >= 3000,
        "only {compared} requests compared ({skipped} skipped)"
    );
    assert!(
        failures.is_empty(),
        "{} disagreements in {compared} requests, e.g.:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}
