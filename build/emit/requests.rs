//! Emitting the request matrix: its trie (a module of its own, through the generic trie
//! emitter), the distinct cells its routes point into, and the recorded choices.

use super::super::model::{DataName, Model};
use super::tokens::index;
use super::trie::trie;
use proc_macro2::TokenStream;
use quote::quote;

/// `REQUEST_CELLS`, `REQUEST_CHOICES` and the `request_trie` module.
pub fn requests(model: &Model) -> TokenStream {
    let requests = &model.requests;
    let request_trie = trie(
        "request_trie",
        "The request matrix's path trie: each route is a template with its cells per method and scheme.",
        &requests.trie,
        &quote! { RequestRouteDef },
        |r| {
            let template = &r.template;
            let cells = r.cells.iter().map(|c| index(*c));
            quote! { RequestRouteDef { template: #template, cells: [#(#cells),*] } }
        },
    );
    let cell_count = requests.cells.len();
    let cells = requests.cells.iter().map(|c| quote! { &[#(#c),*] });
    let choice_count = requests.choices.len();
    let choices = requests.choices.iter().map(|c| {
        let (template, marked, decided_by, file) = (&c.template, &c.marked, &c.decided_by, &c.file);
        let line = u32::try_from(c.line).unwrap_or(u32::MAX);
        let (method, mode) = (c.method.tokens(), c.mode.tokens());
        quote! {
            RequestChoiceDef { template: #template, method: #method, mode: #mode, marked: &[#(#marked),*], decided_by: #decided_by, file: #file, line: #line }
        }
    });
    // Without the request matrix (feature `requests` off) no choice names a method.
    let import_method = (choice_count > 0).then(|| quote! { use crate::Method; });
    quote! {
        #import_method
        /// The request matrix's distinct cells: permissions least privileged first, as indices
        /// into `PERMISSIONS`.
        pub(crate) static REQUEST_CELLS: [&[u16]; #cell_count] = [#(#cells),*];
        /// The cells where upstream marked none or several permissions least.
        pub(crate) static REQUEST_CHOICES: [RequestChoiceDef; #choice_count] = [#(#choices),*];
        #request_trie
    }
}
