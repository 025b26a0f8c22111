//! `SOURCE.md`: where the upstream files come from.

use std::borrow::ToOwned;
use std::vec::Vec;

use super::error::CatalogError;
use super::upstream::SOURCE_MD;
use crate::import::schema::CatalogSource;

/// Reads the repository, commit and date from `SOURCE.md`'s sentence "From the public repository
/// OWNER/NAME (...), commit HASH (YYYY-MM-DD)".
pub(in crate::import) fn parse_source_md(text: &str) -> Result<CatalogSource, CatalogError> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let after = |key: &str| {
        words
            .windows(2)
            .find(|w| w.first().is_some_and(|k| k.eq_ignore_ascii_case(key)))
            .and_then(|w| w.get(1).copied())
    };

    let repository = after("repository")
        .map(trim)
        .filter(|r| {
            let mut parts = r.split('/');
            let ok = |p: Option<&str>| p.is_some_and(|p| !p.is_empty());
            ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
        })
        .ok_or_else(|| {
            CatalogError::invalid(
                SOURCE_MD,
                "no `repository OWNER/NAME` in the text".to_owned(),
            )
        })?;

    let commit_at = words
        .iter()
        .position(|w| w.eq_ignore_ascii_case("commit"))
        .ok_or_else(|| {
            CatalogError::invalid(SOURCE_MD, "no `commit HASH` in the text".to_owned())
        })?;
    let commit = words
        .get(commit_at + 1)
        .map(|w| trim(w))
        .filter(|c| (7..=40).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or_else(|| {
            CatalogError::invalid(
                SOURCE_MD,
                "the word after `commit` is not a commit hash".to_owned(),
            )
        })?;
    let as_of = words
        .get(commit_at + 2)
        .map(|w| trim(w))
        .filter(|d| is_date(d))
        .ok_or_else(|| {
            CatalogError::invalid(
                SOURCE_MD,
                "no `(YYYY-MM-DD)` date after the commit hash".to_owned(),
            )
        })?;

    Ok(CatalogSource {
        repository: repository.to_owned(),
        commit: commit.to_ascii_lowercase(),
        as_of: as_of.to_owned(),
    })
}

/// A word without the punctuation around it in prose (`(2026-08-07),` gives `2026-08-07`).
fn trim(word: &str) -> &str {
    word.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.' | ';' | '`'))
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}
