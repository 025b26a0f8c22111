//! How `data/` names the library's enums, and how the generated code spells them: one
//! [`DataName`] for all six, so that no list of names here can drift from the enums.

use super::super::api_version::ApiVersion;
use super::super::auth_mode::AuthMode;
use super::super::change_type::ChangeType;
use super::super::method::Method;
use super::super::operation::Operation;
use super::super::severity::Severity;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::fmt::Debug;

/// A library enum that `data/` names: its values, the name a data file gives each, and the
/// Rust path the generated code gives each.
pub trait DataName: Copy + Debug + PartialEq + 'static {
    /// The enum's name in the library (the generated code names it so).
    const TYPE: &'static str;
    /// Every value, in the library's index order.
    const ALL: &'static [Self];

    /// What a data file calls the value: its `as_str` (an operation: its docs name).
    fn data_name(self) -> &'static str;

    /// The value `name` names, spelled exactly as the data spells it.
    fn from_data_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.data_name() == name)
    }

    /// Every name, in order, separated by `, ` (for messages).
    fn names() -> String {
        let names: Vec<&str> = Self::ALL.iter().map(|v| v.data_name()).collect();
        names.join(", ")
    }

    /// The value as the generated code writes it: `Operation::GetVapidPublicKey`. A fieldless
    /// enum's `Debug` is its variant's name.
    fn tokens(self) -> TokenStream {
        let ty = format_ident!("{}", Self::TYPE);
        let variant = format_ident!("{self:?}");
        quote! { #ty::#variant }
    }
}

impl DataName for ApiVersion {
    const TYPE: &'static str = "ApiVersion";
    const ALL: &'static [Self] = &ApiVersion::ALL;
    fn data_name(self) -> &'static str {
        self.as_str()
    }
}

impl DataName for Operation {
    const TYPE: &'static str = "Operation";
    const ALL: &'static [Self] = &Operation::ALL;
    fn data_name(self) -> &'static str {
        self.docs_name()
    }
}

impl DataName for AuthMode {
    const TYPE: &'static str = "AuthMode";
    const ALL: &'static [Self] = &AuthMode::ALL;
    fn data_name(self) -> &'static str {
        self.as_str()
    }
}

impl DataName for Method {
    const TYPE: &'static str = "Method";
    const ALL: &'static [Self] = &Method::ALL;
    fn data_name(self) -> &'static str {
        self.as_str()
    }
}

impl DataName for Severity {
    const TYPE: &'static str = "Severity";
    const ALL: &'static [Self] = &Severity::ALL;
    fn data_name(self) -> &'static str {
        self.as_str()
    }
}

impl DataName for ChangeType {
    const TYPE: &'static str = "ChangeType";
    const ALL: &'static [Self] = &ChangeType::ALL;
    fn data_name(self) -> &'static str {
        self.as_str()
    }
}

/// All modes as a bit set ([`AuthMode::bit`]).
pub const ALL_MODES: u8 = (1 << AuthMode::ALL.len()) - 1;

/// The data file of one table.
pub fn table_file(api: ApiVersion, operation: Operation) -> String {
    format!(
        "data/tables/{}/{}.yaml",
        api.data_name(),
        operation.data_name()
    )
}
