//! "Did you mean ...?" for a resource that matches no row (feature `suggest`): up to three
//! templates of the tables, nearest first ([`suggest`]).
//!
//! The resource string is read leniently (empty segments dropped, keys in any brackets or as
//! `:name`, a query or host cut off) and aligned segment by segment with every template, as an
//! edit distance over segments: a static segment may be misspelt (Damerau-Levenshtein, through
//! [`strsim`], within a third of its length: `mesages`, `team` for `teams`), a segment may be
//! missing or extra, and a placeholder takes any id. A template that the asked table lacks but
//! another table has is still offered, naming the table ([`Suggestion::found_in`]).
//!
//! This runs only when a lookup fails; it allocates, and the lookups themselves never call it.
//!
//! ```
//! use msgraph_scopes::suggest::suggest;
//! use msgraph_scopes::{ApiVersion, Operation};
//!
//! let found = suggest("/users/{id}/mesages", ApiVersion::V1, Operation::Create);
//! assert_eq!(found[0].template, "/users/{id}/messages");
//! assert_eq!(found[0].resource_type, "message");
//! assert_eq!(found[0].found_in.api(), ApiVersion::V1);
//! ```

use crate::table::Table;
use crate::{tables, ApiVersion, Operation};
use std::string::{String, ToString};
use std::vec::Vec;

/// The most suggestions [`suggest`] gives.
pub const MAX_SUGGESTIONS: usize = 3;

/// The highest alignment cost [`suggest`] offers: one misspelt segment and a missing or extra
/// one, or three letters wrong.
const MAX_COST: u32 = 3;

/// A missing or extra segment.
const GAP: u32 = 2;

/// Too far: a static segment cannot stand for this one.
const FAR: u32 = 1000;

/// A template near the resource string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The template (`/users/{id}/messages`), or its `/me` / `/users/{id}` variant when the
    /// resource string starts that way.
    pub template: String,
    /// The resource type of its row (`message`).
    pub resource_type: &'static str,
    /// The table that has it: the asked one when it does, else the same operation in the other
    /// API version, else another operation.
    pub found_in: Table,
    /// How far it is from the resource string (0: the same shape).
    pub cost: u32,
}

impl Suggestion {
    /// Whether the asked table has it.
    pub fn in_table(&self, api: ApiVersion, operation: Operation) -> bool {
        self.found_in.api() == api && self.found_in.operation() == operation
    }
}

/// One segment, read leniently.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// A name or an id (`messages`, `19:abc@thread.tacv2`).
    Word(String),
    /// A placeholder or key, however bracketed (`{id}`, `[id]`, `<id>`, `:id`, `('x')`).
    Any,
}

/// Reads a resource string (or a template) into segments, leniently: never fails.
fn tokens(resource: &str) -> Vec<Token> {
    let mut s = resource.trim();
    for scheme in ["https://", "http://"] {
        if s.get(..scheme.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
        {
            let rest = s.get(scheme.len()..).unwrap_or_default();
            s = rest
                .find('/')
                .and_then(|i| rest.get(i..))
                .unwrap_or_default();
        }
    }
    let s = s
        .split('?')
        .next()
        .unwrap_or_default()
        .trim()
        .trim_matches('/');
    let mut out = Vec::new();
    if s.is_empty() {
        return out;
    }
    for (i, raw) in s.split('/').enumerate() {
        let raw = raw.trim();
        if raw.is_empty() {
            // `teams//channels`: an id left out.
            out.push(Token::Any);
            continue;
        }
        if i == 0 && (raw.eq_ignore_ascii_case("v1.0") || raw.eq_ignore_ascii_case("beta")) {
            continue;
        }
        // `name(key)`, `name('key')`, `name[key]`, `name{key}`: the name, then a key.
        let open = raw.find(['(', '[']).filter(|&i| i > 0);
        let brace = raw.find('{').filter(|&i| i > 0);
        match open.or(brace) {
            Some(at) => {
                out.push(word_or_any(raw.get(..at).unwrap_or_default()));
                out.push(Token::Any);
            }
            None => out.push(word_or_any(raw)),
        }
    }
    out
}

fn word_or_any(segment: &str) -> Token {
    let s = segment.trim_matches(['\'', '"']);
    let bracketed = |open: char, close: char| s.starts_with(open) || s.ends_with(close);
    if s.is_empty()
        || bracketed('{', '}')
        || bracketed('[', ']')
        || bracketed('<', '>')
        || bracketed('(', ')')
        || (s.starts_with(':') && s.len() > 1)
    {
        Token::Any
    } else {
        Token::Word(s.to_ascii_lowercase())
    }
}

/// Whether a word looks like an id rather than a name: it has a digit or punctuation, or is
/// long.
fn looks_like_id(word: &str) -> bool {
    word.len() >= 16
        || word
            .bytes()
            .any(|b| b.is_ascii_digit() || b"@:.-_!=%,+$".contains(&b))
}

/// The cost of input segment `input` standing where the template has `template`.
fn substitute(input: &Token, template: &Token) -> u32 {
    match (input, template) {
        (Token::Any, Token::Any) => 0,
        (Token::Word(w), Token::Any) => {
            if looks_like_id(w) {
                0
            } else {
                GAP
            }
        }
        (Token::Any, Token::Word(_)) => FAR,
        (Token::Word(w), Token::Word(t)) => {
            if w == t {
                return 0;
            }
            let d = strsim::damerau_levenshtein(w, t);
            let allowed = (t.chars().count() / 3).max(1);
            if d <= allowed {
                u32::try_from(d).unwrap_or(FAR)
            } else {
                FAR
            }
        }
    }
}

/// The edit distance over segments between the input and a template.
fn distance(input: &[Token], template: &[Token]) -> u32 {
    let mut previous: Vec<u32> = (0..=template.len() as u32).map(|j| j * GAP).collect();
    let mut current = vec_of(template.len() + 1);
    for (i, a) in input.iter().enumerate() {
        if let Some(first) = current.first_mut() {
            *first = (i as u32 + 1) * GAP;
        }
        for (j, b) in template.iter().enumerate() {
            let diagonal = previous.get(j).copied().unwrap_or(FAR) + substitute(a, b);
            let up = previous.get(j + 1).copied().unwrap_or(FAR) + GAP;
            let left = current.get(j).copied().unwrap_or(FAR) + GAP;
            if let Some(cell) = current.get_mut(j + 1) {
                *cell = diagonal.min(up).min(left);
            }
        }
        core::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(FAR)
}

fn vec_of(len: usize) -> Vec<u32> {
    std::vec![0; len]
}

/// A template with the tables that have it, best first for the asked table.
struct Candidate {
    template: String,
    resource_type: &'static str,
    found_in: Table,
    rank: u8,
}

/// How close a table is to the asked one: itself, the other version's same operation, then
/// any other.
fn rank(table: Table, api: ApiVersion, operation: Operation) -> u8 {
    match (table.api() == api, table.operation() == operation) {
        (true, true) => 0,
        (false, true) => 1,
        (true, false) => 2,
        (false, false) => 3,
    }
}

/// `/users/{id}/rest` <-> `/me/rest`.
fn me_users_variant(template: &str) -> Option<String> {
    let trimmed = template.trim_start_matches('/');
    if let Some(rest) = trimmed.strip_prefix("me/") {
        return Some(format!("/users/{{id}}/{rest}"));
    }
    let rest = trimmed.strip_prefix("users/{")?;
    let (_, tail) = rest.split_once('}')?;
    let tail = tail.strip_prefix('/')?;
    Some(format!("/me/{tail}"))
}

fn candidates(api: ApiVersion, operation: Operation) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for table in tables() {
        let r = rank(table, api, operation);
        for row in table.rows() {
            for template in row.templates() {
                let path = template.path();
                let variant = me_users_variant(path);
                for text in core::iter::once(path.to_string()).chain(variant) {
                    match out.iter_mut().find(|c| c.template == text) {
                        Some(c) if c.rank > r => {
                            c.rank = r;
                            c.found_in = table;
                            c.resource_type = row.resource_type();
                        }
                        Some(_) => {}
                        None => out.push(Candidate {
                            template: text,
                            resource_type: row.resource_type(),
                            found_in: table,
                            rank: r,
                        }),
                    }
                }
            }
        }
    }
    out
}

/// Up to [`MAX_SUGGESTIONS`] templates near `resource`, nearest first; those the asked table
/// has come before equally near ones it lacks.
pub fn suggest(resource: &str, api: ApiVersion, operation: Operation) -> Vec<Suggestion> {
    let input = tokens(resource);
    if input.is_empty() {
        return Vec::new();
    }
    let words: Vec<&str> = input
        .iter()
        .filter_map(|t| match t {
            Token::Word(w) => Some(w.as_str()),
            Token::Any => None,
        })
        .collect();
    let mut scored: Vec<(u32, usize, u8, usize, Candidate)> = candidates(api, operation)
        .into_iter()
        .filter_map(|c| {
            let template = tokens(&c.template);
            let cost = distance(&input, &template);
            // Equally near: the template that keeps more of the input's names, then the one
            // closer in length, then the asked table's.
            let kept = template
                .iter()
                .filter(|t| matches!(t, Token::Word(w) if words.contains(&w.as_str())))
                .count();
            let length = template.len().abs_diff(input.len());
            (cost <= MAX_COST).then_some((cost, usize::MAX - kept, c.rank, length, c))
        })
        .collect();
    scored.sort_by(|a, b| {
        (a.0, a.1, a.2, a.3, &a.4.template).cmp(&(b.0, b.1, b.2, b.3, &b.4.template))
    });
    // The /me and /users/{id} variants of one template are one suggestion: keep the nearer.
    let mut out: Vec<Suggestion> = Vec::new();
    for (cost, _, _, _, c) in scored {
        let same = |s: &Suggestion| {
            me_users_variant(&s.template).as_deref() == Some(c.template.as_str())
                || s.template == c.template
        };
        if out.iter().any(same) {
            continue;
        }
        out.push(Suggestion {
            template: c.template,
            resource_type: c.resource_type,
            found_in: c.found_in,
            cost,
        });
        if out.len() == MAX_SUGGESTIONS {
            break;
        }
    }
    out
}

/// Where else the resource's own template is (cost 0) when the asked table lacks it: the
/// table a user should know about ("not in v1.0 create; the beta table has it").
///
/// ```
/// use msgraph_scopes::suggest::elsewhere;
/// use msgraph_scopes::{ApiVersion, Operation};
///
/// let other = elsewhere("/teams/{id}/members", ApiVersion::V1, Operation::Create);
/// assert!(other.is_none(), "v1.0 create has it");
/// let beta_only = elsewhere("/teams/getAllMembers", ApiVersion::V1, Operation::Create);
/// assert_eq!(beta_only.map(|t| t.api()), Some(ApiVersion::Beta));
/// ```
pub fn elsewhere(resource: &str, api: ApiVersion, operation: Operation) -> Option<Table> {
    crate::resolve(resource).ok()?.elsewhere(api, operation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_tokens() {
        use Token::{Any, Word};
        let w = |s: &str| Word(s.into());
        assert_eq!(
            tokens("https://graph.microsoft.com/v1.0/users('a@b.c')/messages?$top=1"),
            [w("users"), Any, w("messages")]
        );
        assert_eq!(
            tokens("teams//[id]/:channel/<x>"),
            [w("teams"), Any, Any, Any, Any]
        );
        assert_eq!(
            tokens("/me/mailFolders{inbox}/messages"),
            [w("me"), w("mailfolders"), Any, w("messages")]
        );
        assert!(tokens("  ").is_empty());
    }

    #[test]
    fn distances() {
        let d = |a: &str, b: &str| distance(&tokens(a), &tokens(b));
        assert_eq!(d("/users/x1/messages", "/users/{id}/messages"), 0);
        assert_eq!(d("/users/x1/mesages", "/users/{id}/messages"), 1);
        assert_eq!(d("/team/{id}/channels", "/teams/{id}/channels"), 1);
        assert_eq!(d("/teams/channels", "/teams/{id}/channels"), GAP);
        assert_eq!(d("/users/{id}/{id}/messages", "/users/{id}/messages"), GAP);
        assert!(d("/no/such/thing", "/teams/{id}/channels") > MAX_COST);
    }
}
