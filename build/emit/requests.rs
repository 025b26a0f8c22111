//! Emitting the request matrix: its trie (a module of its own, through the generic trie
//! emitter), the distinct cells its routes point into, and the recorded choices.
//!
//! Thousands of routes and choices are plain numbers: a template is a span of one text, a
//! choice's marked permissions a span of one array, its file and decider indices into short
//! lists. A `&'static str` or slice per entry would cost a pointer, a length and a relocation
//! each (about a megabyte over the whole matrix).

use super::super::model::{DataName, Model};
use super::tokens::index;
use super::trie::trie;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::HashMap;

/// Strings laid one after the other in one text, each once, and found by their span.
#[derive(Default)]
struct Text<'a> {
    text: String,
    spans: HashMap<&'a str, (u32, u16)>,
}

impl<'a> Text<'a> {
    /// The span of `s`, appended if new. Validation keeps every template under `u16::MAX`
    /// bytes, and the whole text is that of files read into memory.
    fn span(&mut self, s: &'a str) -> (u32, u16) {
        if let Some(&span) = self.spans.get(s) {
            return span;
        }
        let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        let span = (start, u16::try_from(s.len()).unwrap_or(u16::MAX));
        self.text.push_str(s);
        self.spans.insert(s, span);
        span
    }
}

/// The index of `s` in `list`, appended if new.
fn position(list: &mut Vec<String>, s: &str) -> u16 {
    let i = list.iter().position(|x| x == s).unwrap_or_else(|| {
        list.push(s.to_owned());
        list.len() - 1
    });
    u16::try_from(i).unwrap_or(u16::MAX)
}

/// `REQUEST_TEMPLATE_TEXT`, the request cells, `REQUEST_CHOICES` (with the marked permissions,
/// files and deciders they point into) and the `request_trie` module.
pub fn requests(model: &Model) -> TokenStream {
    let requests = &model.requests;
    let mut text = Text::default();
    for route in requests.trie.nodes.iter().flat_map(|n| &n.routes) {
        text.span(&route.template);
    }
    let mut choice_spans = Vec::with_capacity(requests.choices.len());
    for c in &requests.choices {
        choice_spans.push(text.span(&c.template));
    }
    let request_trie = trie(
        "request_trie",
        "The request matrix's path trie: each route is a template with its cells per method and scheme.",
        &requests.trie,
        &quote! { RequestRouteDef },
        |r| {
            let (start, len) = text.spans.get(r.template.as_str()).copied().unwrap_or_default();
            let cells = r.cells.iter().map(|c| index(*c));
            quote! { RequestRouteDef { template_start: #start, template_len: #len, cells: [#(#cells),*] } }
        },
    );
    // The cells one after the other, and where each starts (one more entry: the end).
    let mut cell_starts = Vec::with_capacity(requests.cells.len() + 1);
    let mut cell_lists: Vec<u16> = Vec::new();
    for c in &requests.cells {
        cell_starts.push(u32::try_from(cell_lists.len()).unwrap_or(u32::MAX));
        cell_lists.extend(c);
    }
    cell_starts.push(u32::try_from(cell_lists.len()).unwrap_or(u32::MAX));
    let (start_count, list_count) = (cell_starts.len(), cell_lists.len());

    let (mut files, mut deciders, mut marked) = (Vec::new(), Vec::new(), Vec::<u16>::new());
    let choices: Vec<TokenStream> = requests
        .choices
        .iter()
        .zip(&choice_spans)
        .map(|(c, &(start, len))| {
            let marked_start = u32::try_from(marked.len()).unwrap_or(u32::MAX);
            let marked_len = u16::try_from(c.marked.len()).unwrap_or(u16::MAX);
            marked.extend(&c.marked);
            let file = position(&mut files, &c.file);
            let decided_by = position(&mut deciders, &c.decided_by);
            let line = u32::try_from(c.line).unwrap_or(u32::MAX);
            let (method, mode) = (c.method.tokens(), c.mode.tokens());
            quote! {
                RequestChoiceDef { template_start: #start, template_len: #len, method: #method, mode: #mode, marked_start: #marked_start, marked_len: #marked_len, decided_by: #decided_by, file: #file, line: #line }
            }
        })
        .collect();
    let choice_count = choices.len();
    let (file_count, decider_count, marked_count) = (files.len(), deciders.len(), marked.len());
    let text = text.text;
    // Without the request matrix (feature `requests` off) no choice names a method.
    let import_method = (choice_count > 0).then(|| quote! { use crate::Method; });
    quote! {
        #import_method
        /// Every request template, each once, one after the other: routes and choices hold
        /// spans of it.
        pub(crate) static REQUEST_TEMPLATE_TEXT: &str = #text;
        /// The request matrix's distinct cells, one after the other: permissions least
        /// privileged first, as indices into `PERMISSIONS`.
        pub(crate) static REQUEST_CELL_LISTS: [u16; #list_count] = [#(#cell_lists),*];
        /// Where each cell starts in `REQUEST_CELL_LISTS`, and last where the last one ends:
        /// cell `i` is `REQUEST_CELL_STARTS[i]..REQUEST_CELL_STARTS[i + 1]`.
        pub(crate) static REQUEST_CELL_STARTS: [u32; #start_count] = [#(#cell_starts),*];
        /// The cells where upstream marked none or several permissions least.
        pub(crate) static REQUEST_CHOICES: [RequestChoiceDef; #choice_count] = [#(#choices),*];
        /// The permissions the choices' spans of marked ones index, as indices into `PERMISSIONS`.
        pub(crate) static REQUEST_CHOICE_MARKED: [u16; #marked_count] = [#(#marked),*];
        /// The files the choices are recorded in (`data/requests/me.yaml`).
        pub(crate) static REQUEST_CHOICE_FILES: [&str; #file_count] = [#(#files),*];
        /// What decided the choices (`narrower`, `access`...).
        pub(crate) static REQUEST_CHOICE_DECIDERS: [&str; #decider_count] = [#(#deciders),*];
        #request_trie
    }
}
