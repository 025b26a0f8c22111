//! The validated rules, change types and lifetimes (from `data/rules.yaml` and
//! `data/lifetimes.yaml`).

use std::collections::BTreeMap;

/// The severities, in index order.
pub const SEVERITIES: [&str; 3] = ["note", "warning", "error"];
/// The change types, in bit order.
pub const CHANGE_TYPES: [&str; 3] = ["created", "updated", "deleted"];

/// One validated rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// Index into [`SEVERITIES`].
    pub severity: usize,
    /// Lower-case resource types; empty = any.
    pub types: Vec<String>,
    /// Mode bits; all modes when none are given.
    pub modes: u8,
    /// Template patterns as written.
    pub templates: Vec<String>,
    /// Query part.
    pub query: Option<String>,
    /// `$filter` id limit.
    pub max_filter_ids: Option<u32>,
    /// Permission names (for rules about requesting them).
    pub permissions: Vec<String>,
    /// The message.
    pub message: String,
    /// The source page.
    pub source: String,
}

/// Everything validated from the two files.
#[derive(Debug, Default)]
pub struct Rules {
    /// The rules, in file order.
    pub rules: Vec<Rule>,
    /// Lower-case type -> (allowed change-type bits, source).
    pub change_types: BTreeMap<String, (u8, String)>,
    /// Lower-case type -> (minutes, note).
    pub lifetimes: BTreeMap<String, (u32, Option<String>)>,
    /// Where the lifetimes come from.
    pub lifetimes_source: String,
}
