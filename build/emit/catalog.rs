//! Emitting the permission catalog: its entries, and `phf` maps from lower-case names and GUIDs
//! to them (and from the GUIDs of other APIs to what they are).

use super::super::auth_mode::AuthMode;
use super::super::model::{DataName, Model};
use super::tokens::{opt_str, parse};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeMap;

/// The catalog's permissions and the `phf` maps by name and by GUID.
pub fn catalog(model: &Model) -> TokenStream {
    let perms = &model.catalog.permissions;
    let mut by_name = phf_codegen::Map::new();
    let mut by_id = phf_codegen::Map::new();
    let lower: Vec<String> = perms.iter().map(|p| p.name.to_lowercase()).collect();
    let mut seen = std::collections::HashSet::new();
    for (i, name) in lower.iter().enumerate() {
        // Names differ only in case at most once in practice; the first (sorted) wins.
        if seen.insert(name.clone()) {
            by_name.entry(name.as_str(), i.to_string());
        }
    }
    // A GUID the source gives to two entries goes to the one the source describes best (with a
    // privilege level), then to the first.
    let mut owners: BTreeMap<&str, (bool, usize, usize)> = BTreeMap::new();
    for (i, p) in perms.iter().enumerate() {
        for (m, scheme) in [&p.delegated_work, &p.delegated_personal, &p.application]
            .into_iter()
            .enumerate()
        {
            let Some(scheme) = scheme else { continue };
            let described = scheme.privilege_level.is_some();
            for id in scheme.id.iter().chain(&scheme.other_ids) {
                let owner = owners.entry(id.as_str()).or_insert((described, i, m));
                if described && !owner.0 {
                    *owner = (described, i, m);
                }
            }
        }
    }
    for (id, (_, i, m)) in &owners {
        seen.insert(id.to_string());
        by_id.entry(*id, format!("({i}u16, {m}u8)"));
    }
    let mut foreign = phf_codegen::Map::new();
    for f in &model.catalog.foreign_ids {
        if seen.insert(f.id.clone()) {
            // Validated: every scheme names a mode.
            let Some(scheme) = AuthMode::from_data_name(&f.scheme) else {
                continue;
            };
            foreign.entry(
                f.id.as_str(),
                format!(
                    "ForeignDef {{ name: {:?}, scheme: {}, resource_app: {:?} }}",
                    f.name,
                    scheme.tokens(),
                    f.resource_app
                ),
            );
        }
    }
    let by_name = parse(&by_name.build().to_string());
    let by_id = parse(&by_id.build().to_string());
    let foreign = parse(&foreign.build().to_string());
    let defs = perms.iter().map(|p| {
        let name = &p.name;
        let rsc = p.rsc;
        let schemes = [&p.delegated_work, &p.delegated_personal, &p.application].map(|s| match s {
            None => quote! { None },
            Some(s) => {
                let id = opt_str(s.id.as_deref());
                let other = &s.other_ids;
                let admin = match s.admin_consent {
                    None => quote! { None },
                    Some(b) => quote! { Some(#b) },
                };
                let level = match s.privilege_level {
                    None => quote! { None },
                    Some(l) => quote! { Some(#l) },
                };
                quote! { Some(SchemeDef { id: #id, other_ids: &[#(#other),*], admin_consent: #admin, privilege_level: #level }) }
            }
        });
        let notes = &p.notes;
        quote! { PermissionDef { name: #name, rsc: #rsc, schemes: [#(#schemes),*], notes: &[#(#notes),*] } }
    });
    let count = perms.len();
    let (repo, commit, as_of) = (
        &model.catalog.source.repository,
        &model.catalog.source.commit,
        &model.catalog.source.as_of,
    );
    quote! {
        /// The catalog's source: repository, commit, date.
        pub(crate) const CATALOG_SOURCE: (&str, &str, &str) = (#repo, #commit, #as_of);
        pub(crate) static PERMISSIONS: [PermissionDef; #count] = [#(#defs),*];
        /// Lower-case name -> index into `PERMISSIONS`.
        pub(crate) static PERMISSION_BY_NAME: phf::Map<&'static str, u16> = #by_name;
        /// Lower-case GUID -> (index into `PERMISSIONS`, mode index).
        pub(crate) static PERMISSION_BY_ID: phf::Map<&'static str, (u16, u8)> = #by_id;
        /// Lower-case GUID -> a permission of another resource app.
        pub(crate) static FOREIGN_BY_ID: phf::Map<&'static str, ForeignDef> = #foreign;
    }
}
