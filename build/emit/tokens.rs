//! Small token helpers the emitters share.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// `Some("...")` or `None`.
pub fn opt_str(s: Option<&str>) -> TokenStream {
    match s {
        Some(s) => quote! { Some(#s) },
        None => quote! { None },
    }
}

/// A `u16` index, `u16::MAX` (`NONE`) for none.
pub fn index(i: Option<usize>) -> Literal {
    Literal::u16_suffixed(i.map_or(u16::MAX, |i| i as u16))
}

/// phf_codegen's output as tokens.
pub fn parse(code: &str) -> TokenStream {
    // phf_codegen writes valid Rust; a failure here is a bug in this file, reported plainly.
    code.parse().unwrap_or_else(|e| {
        let message = format!("phf_codegen output did not parse: {e}");
        quote! { compile_error!(#message) }
    })
}
