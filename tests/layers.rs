//! Layering: in each crate of the workspace, no module imports another module that imports it
//! back, directly or around a longer loop. Checked for the library (`src/`), the command
//! (`cli/src/`) and the generator (`build/`, crate root `build/mod.rs`, when that folder exists).
//!
//! How, with `std` only: walk the module tree from the crate root through `mod name;`
//! declarations (honouring `#[path]` inside the crate's folder; a `#[path]` leaving it is an
//! opaque leaf, checked with the crate that owns the file). Lex each file without comments (doc
//! comments too), string/char literals and `quote!` bodies (emitted code), then collect every
//! `use` item (brace groups expanded) and every inline `crate::`/`super::`/`self::` path. A
//! reference resolves to the longest known module prefix; when the next segment is a name that
//! module imports (`pub use`, `pub(crate) use`, globs, or a private `use` reached by `super::`),
//! it follows the import to the module defining the name. `mod` declarations, self edges and
//! external crates are not edges. Every strongly connected component of two or more modules is
//! reported as cycles `a -> b -> a`, one example reference per edge, and fails the test. The
//! checker's own tests below run it on small in-memory crates.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

type Mod = Vec<String>;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Id(String),
    Sep,
    P(char),
    Str(String),
}

static END: Tok = Tok::P(';');

impl Tok {
    fn id(&self) -> &str {
        if let Tok::Id(s) = self {
            s
        } else {
            ""
        }
    }
}

/// Tokens and their lines, without comments, numbers and char literals.
fn lex(src: &str) -> Vec<(Tok, usize)> {
    let c: Vec<char> = src.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    while i < c.len() {
        let (ch, next, start) = (c[i], at(i + 1), i);
        let mut quoted = None; // (first char of a string literal's body, closing `#`s)
        if ch == '/' && next == '/' {
            i += c[i..].iter().take_while(|&&x| x != '\n').count();
        } else if ch == '/' && next == '*' {
            let mut depth = 0;
            while i < c.len() {
                match (c[i], at(i + 1)) {
                    ('/', '*') => (depth, i) = (depth + 1, i + 1),
                    ('*', '/') => (depth, i) = (depth - 1, i + 1),
                    _ => {}
                }
                i += 1;
                if depth == 0 {
                    break;
                }
            }
        } else if ch == '"' {
            quoted = Some((i + 1, 0));
        } else if ch == '\'' && next == '\\' {
            i += 2 + (i + 2..c.len()).position(|j| c[j] == '\'').unwrap_or(0) + 1;
        } else if ch == '\'' {
            i += if at(i + 2) == '\'' { 3 } else { 1 }; // a lifetime's name lexes as an identifier
        } else if ch.is_alphanumeric() || ch == '_' {
            i += c[i..]
                .iter()
                .take_while(|x| x.is_alphanumeric() || **x == '_')
                .count();
            let word: String = c[start..i].iter().collect();
            let hashes = (0..).take_while(|&h| at(i + h) == '#').count();
            if matches!(word.as_str(), "r" | "br") && at(i + hashes) == '"' {
                quoted = Some((i + hashes + 1, hashes));
            } else if word == "b" && at(i) == '"' {
                quoted = Some((i + 1, 0));
            } else if !ch.is_ascii_digit() && (word != "b" || at(i) != '\'') {
                out.push((Tok::Id(word), line));
            }
        } else if ch == ':' && next == ':' {
            out.push((Tok::Sep, line));
            i += 2;
        } else {
            if !ch.is_whitespace() {
                out.push((Tok::P(ch), line));
            }
            i += 1;
        }
        if let Some((body, hashes)) = quoted {
            i = body;
            while i < c.len() && !(c[i] == '"' && (1..=hashes).all(|h| at(i + h) == '#')) {
                i += if hashes == 0 && c[i] == '\\' { 2 } else { 1 };
            }
            let text = c[body..i.min(c.len())].iter().collect();
            out.push((Tok::Str(text), line));
            i += 1 + hashes;
        }
        line += c[start..i.min(c.len())]
            .iter()
            .filter(|&&x| x == '\n')
            .count();
    }
    out
}

/// Expands the use tree at `t[*i]` into (path as written, name bound, glob) leaves.
type Leaf = (Vec<String>, Option<String>, bool);
fn use_tree(t: &[(Tok, usize)], i: &mut usize, mut pre: Vec<String>, out: &mut Vec<Leaf>) {
    let tok = |i: usize| t.get(i).map_or(&END, |x| &x.0);
    loop {
        match tok(*i) {
            Tok::Sep if pre.is_empty() => pre.push("::".into()), // an external crate
            Tok::Sep => {}
            Tok::P('*') => return out.push((pre, None, true)),
            Tok::P('{') => {
                while !matches!(tok(*i), Tok::P('}' | ';')) {
                    *i += 1;
                    use_tree(t, i, pre.clone(), out);
                }
                return *i += 1;
            }
            Tok::Id(s) if *tok(*i + 1) == Tok::Sep => pre.push(s.clone()),
            Tok::Id(s) => {
                pre.push(s.clone());
                let mut bind = Some(s.clone());
                if *tok(*i + 1) == Tok::Id("as".into()) {
                    *i += 2;
                    bind = Some(tok(*i).id().to_string()).filter(|a| !a.is_empty() && a != "_");
                }
                if s == "self" {
                    pre.pop();
                    bind = bind.filter(|b| b != "self").or(pre.last().cloned());
                }
                *i += 1;
                return out.push((pre, bind, false));
            }
            _ => return,
        }
        *i += 1;
    }
}

/// Lexical `dir/rel` inside the crate folder, or `None` when it leaves the folder.
fn join(dir: &str, rel: &str) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for part in dir.split('/').chain(rel.split('/')) {
        match part {
            "" | "." => {}
            ".." => _ = out.pop()?,
            p => out.push(p),
        }
    }
    Some(out.join("/"))
}

/// A `use` leaf or an inline path, as written in module `m`, at `file:line`.
struct Ref {
    m: Mod,
    segs: Vec<String>,
    bind: Option<String>,
    glob: bool,
    is_use: bool,
    at: String,
}

#[derive(Default)]
struct Crate {
    modules: BTreeSet<Mod>,
    opaque: BTreeSet<Mod>,
    defs: BTreeSet<(Mod, String)>,
    refs: Vec<Ref>,
}

const DEFS: [&str; 9] = [
    "fn", "struct", "enum", "const", "static", "type", "trait", "union", "mod",
];

impl Crate {
    /// Loads the module tree from `root`, a file of the crate folder `dir` read through `read`.
    fn load(dir: &str, root: &str, read: &dyn Fn(&str) -> Option<String>) -> Crate {
        let mut cr = Crate::default();
        let mut todo = vec![(root.to_string(), Mod::new(), true)];
        while let Some((file, base, mod_rs)) = todo.pop() {
            let src = read(&file).unwrap_or_else(|| panic!("cannot read {dir}/{file}"));
            if !cr.modules.insert(base.clone()) {
                continue;
            }
            let t = lex(&src);
            let tok = |i: usize| t.get(i).map_or(&END, |x| &x.0);
            let id = |i: usize| tok(i).id();
            let fdir = file.rsplit_once('/').map_or("", |p| p.0);
            let kids = if mod_rs {
                fdir
            } else {
                file.trim_end_matches(".rs")
            };
            let (mut i, mut depth, mut attr) = (0, 0, None);
            let mut inline: Vec<(String, usize)> = Vec::new();
            while i < t.len() {
                let cur: Mod = base
                    .iter()
                    .chain(inline.iter().map(|x| &x.0))
                    .cloned()
                    .collect();
                let (word, next, at) = (id(i), id(i + 1), format!("{dir}/{file}:{}", t[i].1));
                match &t[i].0 {
                    Tok::P('#') if id(i + 2) == "path" => {
                        attr = if let Tok::Str(s) = tok(i + 4) {
                            Some(s.clone())
                        } else {
                            None
                        };
                    }
                    Tok::P('{') => depth += 1,
                    Tok::P('}') => {
                        depth -= 1;
                        if inline.last().is_some_and(|x| x.1 == depth) {
                            inline.pop();
                        }
                        attr = None;
                    }
                    Tok::P(';') => attr = None,
                    _ => {}
                }
                if DEFS.contains(&word) && !next.is_empty() || word == "macro_rules" {
                    let name = if next.is_empty() { id(i + 2) } else { next };
                    cr.defs.insert((cur.clone(), name.to_string()));
                }
                if word == "quote" && *tok(i + 1) == Tok::P('!') {
                    let mut d = 0; // skip the emitted code
                    i += 1;
                    while {
                        i += 1;
                        d += match tok(i) {
                            Tok::P('{' | '(' | '[') => 1,
                            Tok::P('}' | ')' | ']') => -1,
                            _ => 0,
                        };
                        d > 0 && i < t.len()
                    } {}
                } else if word == "mod" && !next.is_empty() {
                    let child = [cur, vec![next.to_string()]].concat();
                    let names = inline.iter().map(|x| x.0.as_str());
                    let here = [kids]
                        .into_iter()
                        .chain(names)
                        .collect::<Vec<_>>()
                        .join("/");
                    let options = match attr.take() {
                        Some(p) => {
                            vec![(join(if inline.is_empty() { fdir } else { &here }, &p), true)]
                        }
                        None => vec![
                            (join(&here, &format!("{next}.rs")), false),
                            (join(&here, &format!("{next}/mod.rs")), true),
                        ],
                    };
                    let exists = |f: &Option<String>| f.as_deref().and_then(read).is_some();
                    match options.into_iter().find(|(f, _)| exists(f)) {
                        _ if *tok(i + 2) == Tok::P('{') => {
                            inline.push((next.to_string(), depth));
                            cr.modules.insert(child);
                        }
                        Some((Some(f), rs)) => todo.push((f, child, rs)),
                        _ => _ = cr.opaque.insert(child),
                    }
                    i += 1;
                } else if word == "use" && (i == 0 || t[i - 1].0 != Tok::Sep) {
                    let mut leaves = Vec::new();
                    i += 1;
                    use_tree(&t, &mut i, Vec::new(), &mut leaves);
                    for (segs, bind, glob) in leaves {
                        let (m, at) = (cur.clone(), at.clone());
                        cr.refs.push(Ref {
                            m,
                            segs,
                            bind,
                            glob,
                            is_use: true,
                            at,
                        });
                    }
                } else if matches!(word, "crate" | "super" | "self")
                    && *tok(i + 1) == Tok::Sep
                    && (i == 0 || (t[i - 1].0 != Tok::Sep && id(i - 1) != "in"))
                {
                    let mut segs = vec![word.to_string()];
                    while *tok(i + 1) == Tok::Sep && !id(i + 2).is_empty() {
                        segs.push(id(i + 2).to_string());
                        i += 2;
                    }
                    let (bind, glob, is_use) = (None, false, false);
                    cr.refs.push(Ref {
                        m: cur,
                        segs,
                        bind,
                        glob,
                        is_use,
                        at,
                    });
                }
                i += 1;
            }
        }
        cr
    }

    fn known(&self, m: &[String]) -> bool {
        self.modules.contains(m) || self.opaque.contains(m)
    }

    /// The absolute path of `segs` written in module `m`; `None` for external crates.
    fn absolute(&self, m: &Mod, segs: &[String]) -> Option<Vec<String>> {
        let (mut out, mut rest) = (m.clone(), segs);
        match segs.first()?.as_str() {
            "crate" => (out, rest) = (Vec::new(), &segs[1..]),
            "self" => rest = &segs[1..],
            "super" => {
                while rest.first().is_some_and(|s| s == "super") {
                    out.pop()?;
                    rest = &rest[1..];
                }
            }
            first if !self.known(&[m.as_slice(), &[first.to_string()]].concat()) => return None,
            _ => {}
        }
        out.extend(rest.iter().cloned());
        Some(out)
    }

    /// The module defining `abs` (true), or the deepest module on its way (false).
    fn resolve(&self, abs: &[String], depth: u32) -> Option<(Mod, bool)> {
        let k = (0..=abs.len())
            .rev()
            .find(|&k| self.known(&abs[..k]))
            .unwrap_or(0);
        let t = abs[..k].to_vec();
        let Some(name) = abs.get(k) else {
            return Some((t, true));
        };
        if depth > 8 || self.opaque.contains(&t) || self.defs.contains(&(t.clone(), name.clone())) {
            return Some((t, true));
        }
        let imports = self.refs.iter().filter(|r| r.is_use && r.m == t);
        if let Some(r) = imports.clone().find(|r| r.bind.as_ref() == Some(name)) {
            let p = [self.absolute(&r.m, &r.segs)?, abs[k + 1..].to_vec()].concat();
            return self.resolve(&p, depth + 1);
        }
        for r in imports.filter(|r| r.glob) {
            let Some(p) = self.absolute(&r.m, &r.segs) else {
                continue;
            };
            if let Some(found @ (_, true)) =
                self.resolve(&[p, abs[k..].to_vec()].concat(), depth + 1)
            {
                return Some(found);
            }
        }
        Some((t, false))
    }

    /// Edges between distinct modules, each with its first reference.
    fn edges(&self) -> BTreeMap<(Mod, Mod), String> {
        let mut edges = BTreeMap::new();
        for r in &self.refs {
            let to = self
                .absolute(&r.m, &r.segs)
                .and_then(|abs| self.resolve(&abs, 0));
            if let Some((to, _)) = to.filter(|(to, _)| *to != r.m) {
                let how = format!("{} ({})", r.at, r.segs.join("::"));
                edges.entry((r.m.clone(), to)).or_insert(how);
            }
        }
        edges
    }
}

fn show(m: &Mod) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

/// Module count, edge count and cycles of the crate in folder `dir` with root file `root`.
fn check(
    dir: &str,
    root: &str,
    read: &dyn Fn(&str) -> Option<String>,
) -> (usize, usize, Vec<String>) {
    let cr = Crate::load(dir, root, read);
    let edges = cr.edges();
    let mut adj: BTreeMap<&Mod, Vec<&Mod>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        adj.entry(from).or_default().push(to);
    }
    // The shortest way from `a` back to `a` (breadth first), as the modules after `a`.
    let ring = |a: &Mod| -> Option<Vec<Mod>> {
        let (mut prev, mut queue) = (BTreeMap::new(), VecDeque::from([a]));
        while let Some(n) = queue.pop_front() {
            for &m in adj.get(n).into_iter().flatten() {
                if !prev.contains_key(m) {
                    prev.insert(m, n);
                    queue.push_back(m);
                }
            }
        }
        let (mut out, mut n) = (vec![a.clone()], *prev.get(a)?);
        while n != a {
            out.push(n.clone());
            n = prev[n];
        }
        out.reverse();
        Some(out)
    };
    // Every module of a strongly connected component lies on a cycle: report the shortest one
    // through each module, rotated to start at its least module, once per distinct cycle.
    let mut cycles = BTreeSet::new();
    for m in &cr.modules {
        let Some(mut ring) = ring(m) else { continue };
        let min = (0..ring.len()).min_by_key(|&i| &ring[i]).unwrap_or(0);
        ring.rotate_left(min);
        ring.push(ring[0].clone());
        let mut text = ring.iter().map(show).collect::<Vec<_>>().join(" -> ");
        for w in ring.windows(2) {
            let how = &edges[&(w[0].clone(), w[1].clone())];
            text += &format!("\n    {} -> {}: {how}", show(&w[0]), show(&w[1]));
        }
        cycles.insert(text);
    }
    (cr.modules.len(), edges.len(), cycles.into_iter().collect())
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let ws = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for (name, dir, root, min) in [
        ("library", "src", "lib.rs", 20),
        ("cli", "cli/src", "main.rs", 8),
        ("build", "build", "mod.rs", 3),
    ] {
        assert!(
            ws.join(dir).join(root).is_file(),
            "{name}: {dir}/{root} is missing"
        );
        let read = |rel: &str| std::fs::read_to_string(ws.join(dir).join(rel)).ok();
        let (modules, edges, cycles) = check(dir, root, &read);
        eprintln!("{name} ({dir}/): {modules} modules, {edges} edges");
        assert!(
            modules > min && edges > min,
            "{name}: the walker found too little"
        );
        found.extend(cycles.iter().map(|c| format!("{name}: {c}")));
    }
    assert!(
        found.is_empty(),
        "modules that import each other:\n{}",
        found.join("\n")
    );
}

/// The cycles' first lines in a crate made of `files`.
fn cycles(files: &[(&str, &str)]) -> Vec<String> {
    let files: BTreeMap<&str, &str> = files.iter().copied().collect();
    let (_, _, cycles) = check("src", "lib.rs", &|f| files.get(f).map(|s| s.to_string()));
    cycles
        .iter()
        .map(|c| c.lines().next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn finds_a_two_cycle() {
    let got = cycles(&[
        ("lib.rs", "mod a;\nmod b;"),
        ("a.rs", "use crate::{b::{self, B}};\npub struct A;"),
        ("b.rs", "pub struct B;\nfn f() -> crate::a::A { todo!() }"),
    ]);
    assert_eq!(got, ["a -> b -> a"]);
}

#[test]
fn finds_a_cycle_through_re_exports() {
    let got = cycles(&[
        ("lib.rs", "mod a;\nmod b;\npub use b::B;\npub use a::*;"),
        ("a.rs", "pub struct A;\nfn f(_: crate::B) {}"),
        ("b.rs", "pub struct B;\nfn f(_: crate::A) {}"),
    ]);
    assert_eq!(
        got,
        ["a -> b -> a"],
        "through the root's re-exports, not the root"
    );
}

#[test]
fn finds_a_parent_child_cycle() {
    let got = cycles(&[
        ("lib.rs", "mod p;"),
        ("p/mod.rs", "mod c;\npub use c::C;\npub struct P;"),
        ("p/c.rs", "use super::{super::p, P};\npub struct C;"),
    ]);
    assert_eq!(got, ["p -> p::c -> p"]);
}

#[test]
fn a_clean_tree_has_no_cycle() {
    let files: BTreeMap<&str, &str> = BTreeMap::from([
        ("lib.rs", "mod a;\nmod b;\nmod p;\npub use a::A;\npub use b::{B, C as D};"),
        // Doc links, comments, strings and chars naming `b` are no references.
        ("a.rs", "//! [crate::b::B]\n/// crate::b\npub struct A;\nconst S: &str = r#\"crate::b\"#;\n/* /* crate::b */ */ const C: char = '\"';\nmod tests {\n    use super::*;\n}"),
        ("b.rs", "use crate::{a::A, p};\npub struct B(A);\npub struct C;\nfn f() -> crate::A { todo!() }"),
        ("p/mod.rs", "mod x;\n#[path = \"helpers.rs\"]\nmod y;\npub use x::X;\npub use y::Y;\n#[path = \"../../out.rs\"]\nmod out;"),
        // Through the parent's re-export to the sibling, not to the parent.
        ("p/x.rs", "use super::Y;\npub struct X;"),
        ("p/helpers.rs", "use super::out::Z;\npub struct Y;"),
    ]);
    let (modules, edges, cycles) = check("src", "lib.rs", &|f| files.get(f).map(|s| s.to_string()));
    assert_eq!(cycles, Vec::<String>::new());
    // crate a a::tests b p p::x p::y; crate->a,b a::tests->a b->a,p p->p::x,p::y p::x->p::y p::y->p::out
    assert_eq!((modules, edges), (7, 9));
}

/// Library code never includes another file with `#[path]`: build code may include library
/// files, never the reverse, and the library's modules are where their names say.
#[test]
fn the_library_includes_no_file_by_path() {
    let ws = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut offenders = Vec::new();
    let mut stack = vec![ws.join("src")];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files += 1;
                let text = std::fs::read_to_string(&path).expect("a source file is UTF-8");
                for (i, line) in text.lines().enumerate() {
                    if line.trim_start().starts_with("#[path") {
                        offenders.push(format!("{}:{}", path.display(), i + 1));
                    }
                }
            }
        }
    }
    assert!(files > 20, "found only {files} files under src/");
    assert!(
        offenders.is_empty(),
        "#[path] in library code: {offenders:?}"
    );
}
