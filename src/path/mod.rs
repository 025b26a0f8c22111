//! Normalisation and segmentation of change-notification `resource` strings.
//!
//! This module is pure `core`: `build.rs` includes the same files with `#[path]` so that
//! templates are segmented exactly the way the runtime segments input.
//!
//! * [`split_pieces`] trims the input, drops an `http(s)://HOST` prefix and a leading `v1.0`/`beta`
//!   segment, cuts the query off at the first `?` outside a key, strips the surrounding `/`
//!   and validates the path in one pass, recording where the pieces are.
//! * [`Pieces::segment_at`] walks the recorded pieces without scanning the path again, yielding
//!   [`Recorded::Plain`] for bare pieces and keyed names, [`Recorded::Placeholder`] for
//!   `{placeholders}` and [`Recorded::Key`] for OData keys.
//! * [`fold_segment_within`] lower-cases and percent-decodes a plain segment into a stack buffer: the
//!   lookup key for static segments.
//! * [`segments_of`] iterates the segments of a clean path (a template or a rule's pattern) with the
//!   same scanner.
//! * [`pattern_matches`] matches the template patterns of the data's rules.
//!
//! # Lexical rules
//!
//! Only `/`, `?`, `(`, `)` and `'` are structural. Parentheses nest, and a single quote opens or
//! closes an `OData` string literal **only inside parentheses** (`users('a/b?c')` is one piece and
//! has no query). Outside parentheses a quote is an ordinary character, so a bare UPN such as
//! `users/o'brien@contoso.com/messages?$top=1` keeps its query. A quote inside a literal is
//! escaped by doubling it (`'o''brien'`), which the toggling scanner handles for free. `/` and
//! `?` inside parentheses (quoted or not) are part of the key.

mod error;
mod fold;
mod pattern;
mod scan;
mod split;
#[cfg(test)]
mod tests;

pub use error::PathError;
pub use fold::{fold_segment_within, MAX_STATIC_LEN};
pub use pattern::pattern_matches;
pub use scan::{At, Pieces, Recorded, MAX_PIECES};
pub(crate) use scan::{HI, LO};
pub use split::{segments_of, split_pieces, Version};
