//! Emitting `data/rules.yaml` and `data/lifetimes.yaml`: the rules, and `phf` maps of the
//! change types and lifetimes of resource types.

use super::super::model::{DataName, Model};
use super::tokens::{opt_str, parse};
use proc_macro2::TokenStream;
use quote::quote;

/// The rules, and the `phf` maps of change types and lifetimes by resource type.
pub fn rules(model: &Model) -> TokenStream {
    let r = &model.rules;
    let defs = r.rules.iter().map(|rule| {
        let severity = rule.severity.tokens();
        let (id, message, source, modes) = (&rule.id, &rule.message, &rule.source, rule.modes);
        let (types, templates, permissions) = (&rule.types, &rule.templates, &rule.permissions);
        let query = opt_str(rule.query.as_deref());
        let max = match rule.max_filter_ids {
            Some(n) => quote! { Some(#n) },
            None => quote! { None },
        };
        quote! {
            RuleDef {
                id: #id, severity: #severity, types: &[#(#types),*], modes: #modes,
                templates: &[#(#templates),*], query: #query, max_filter_ids: #max,
                permissions: &[#(#permissions),*], message: #message, source: #source,
            }
        }
    });
    let count = r.rules.len();
    let mut change_types = phf_codegen::Map::new();
    for (ty, (bits, source)) in &r.change_types {
        change_types.entry(ty.as_str(), format!("({bits}u8, {source:?})"));
    }
    let change_types = parse(&change_types.build().to_string());
    let mut lifetimes = phf_codegen::Map::new();
    for (ty, (minutes, note)) in &r.lifetimes {
        lifetimes.entry(ty.as_str(), format!("({minutes}u32, {note:?})"));
    }
    let lifetimes = parse(&lifetimes.build().to_string());
    let lifetimes_source = &r.lifetimes_source;
    quote! {
        pub(crate) static RULES: [RuleDef; #count] = [#(#defs),*];
        /// Lower-case resource type -> (allowed change-type bits, source page).
        pub(crate) static CHANGE_TYPES: phf::Map<&'static str, (u8, &'static str)> = #change_types;
        /// Lower-case resource type -> (maximum minutes, note).
        pub(crate) static LIFETIMES: phf::Map<&'static str, (u32, Option<&'static str>)> = #lifetimes;
        pub(crate) const LIFETIMES_SOURCE: &str = #lifetimes_source;
    }
}
