//! The shape of a request template: what the generator files it under in the request trie, and
//! what the importer compares spellings by. Std; shared with the generator.

use super::super::path::{fold_segment_within, MAX_STATIC_LEN};
use super::segments::{split_request, Segment, Segments};
use std::borrow::ToOwned;
use std::format;
use std::string::{String, ToString};
use std::vec::Vec;

/// A template's shape: its static segments folded (ASCII lower case, `%XX` decoded), and `None`
/// for each placeholder, key or item path. Templates of one shape end at one node.
pub type Shape = Vec<Option<String>>;

/// The shape of a request template, cut by [`split_request`] as requests are, or why it is not
/// a template: it has no query, host or version, at most
/// [`MAX_SEGMENTS`](super::segments::MAX_SEGMENTS) segments, starts with a static segment, has
/// no stray brace and no static segment over [`MAX_STATIC_LEN`] bytes, and a drive item path
/// in it is a `{placeholder}`.
///
/// # Errors
///
/// Why `template` is not a template, as a phrase.
pub fn request_shape(template: &str) -> Result<Shape, String> {
    let mut segments = Segments::new();
    let split = split_request(template, &mut segments).map_err(|e| e.to_string())?;
    if split.query.is_some() {
        return Err("a template has no query string".into());
    }
    if split.version.is_some() || template.contains("://") {
        return Err("a template has no host or version prefix".into());
    }
    if let Some(item) = split.item_path {
        let placeholder = item.len() > 1
            && item.starts_with('{')
            && item.ends_with('}')
            && !item[1..item.len() - 1].contains(['{', '}', '/']);
        if !placeholder {
            return Err(format!(
                "the drive item path `{item}` is not a {{placeholder}}"
            ));
        }
    }
    let Some(list) = segments.get() else {
        return Err("a template has too many segments".into());
    };
    let mut out = Vec::with_capacity(list.len());
    let mut buf = [0u8; MAX_STATIC_LEN];
    for segment in list {
        match segment {
            Segment::Plain(s) => {
                if s.contains(['{', '}']) {
                    return Err(format!("segment `{s}` has a stray brace"));
                }
                match fold_segment_within(s, &mut buf) {
                    Some(folded) => out.push(Some(folded.to_owned())),
                    None => return Err(format!("static segment `{s}` is too long")),
                }
            }
            Segment::Param => out.push(None),
        }
    }
    match out.first() {
        Some(Some(_)) => Ok(out),
        Some(None) => Err("a template starts with a static segment, not a placeholder".into()),
        None => Err("empty template".into()),
    }
}
