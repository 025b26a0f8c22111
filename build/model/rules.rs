//! The validated rules, change types and lifetimes (from `data/rules.yaml` and
//! `data/lifetimes.yaml`).

use super::super::severity::Severity;
use std::collections::BTreeMap;

/// One validated rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// How much it matters.
    pub severity: Severity,
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
