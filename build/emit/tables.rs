//! Emitting the tables: rows, their cells (each distinct cell once) and, per resource, where
//! its row is.

use super::super::model::{table_file, DataName, Model, Perm, Table};
use super::tokens::{index, opt_str};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeMap;

/// The distinct cells of all tables, as `&[PermDef]` expressions, each once.
#[derive(Default)]
pub struct Cells {
    /// The cells, in index order.
    pub lists: Vec<TokenStream>,
    index: BTreeMap<String, u16>,
}

impl Cells {
    /// The index of `cell` in `CELLS`, or `NONE` for an unsupported mode.
    fn index(&mut self, cell: Option<&Vec<Perm>>) -> u16 {
        let Some(perms) = cell else {
            return u16::MAX;
        };
        let perms = perms.iter().map(perm);
        let list = quote! { &[#(#perms),*] };
        let next = self.lists.len() as u16;
        *self.index.entry(list.to_string()).or_insert_with(|| {
            self.lists.push(list);
            next
        })
    }
}

/// One table, its cells interned in `all_cells`.
pub fn table(model: &Model, t: &Table, all_cells: &mut Cells) -> TokenStream {
    let (api, operation) = (t.api.tokens(), t.operation.tokens());
    let (page, as_of, file) = (&t.source.page, &t.source.as_of, &t.source.file);
    let data_file = table_file(t.api, t.operation);
    let row_cells: Vec<[u16; 3]> = t
        .rows
        .iter()
        .map(|row| {
            row.cells
                .each_ref()
                .map(|cell| all_cells.index(cell.as_ref()))
        })
        .collect();
    let rows = t.rows.iter().zip(&row_cells).map(|(row, cells)| {
        let resource = row.resource as u16;
        let line = row.line as u32;
        let ty = &row.row.resource_type;
        let qualifier = opt_str(row.row.qualifier.as_deref());
        let label = opt_str(row.row.label.as_deref());
        let paths = &row.row.paths;
        quote! {
            RowDef { resource: #resource, line: #line, resource_type: #ty, qualifier: #qualifier, label: #label,
                     paths: &[#(#paths),*], cells: [#(#cells),*] }
        }
    });
    let mut by_resource =
        vec![quote! { RowIndex { row: NONE, cells: [NONE; 3] } }; model.resources.len()];
    for (i, (row, cells)) in t.rows.iter().zip(&row_cells).enumerate() {
        let i = i as u16;
        by_resource[row.resource] = quote! { RowIndex { row: #i, cells: [#(#cells),*] } };
    }
    quote! {
        TableDef {
            api: #api,
            operation: #operation,
            source: SourceDef { page: #page, as_of: #as_of, file: #file },
            data_file: #data_file,
            rows: &[#(#rows),*],
            by_resource: &[#(#by_resource),*],
        }
    }
}

fn perm(p: &Perm) -> TokenStream {
    let (name, rsc, erratum) = (&p.name, p.rsc, index(p.erratum));
    quote! { PermDef { name: #name, rsc: #rsc, erratum: #erratum } }
}
