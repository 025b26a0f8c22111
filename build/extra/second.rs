//! Second sources: each section's paths resolved to the tables' resources, its names checked
//! against the catalog, and per table row and mode the permissions a second source accepts that
//! the table's cell lacks ("also accepted").

use super::super::api_version::ApiVersion;
use super::super::auth_mode::AuthMode;
use super::super::extra_schema::{SecondCell, SecondSourceFile};
use super::super::load::Doc;
use super::super::model::{DataName, Model};
use super::super::problem::Problem;
use super::super::schema::NOT_SUPPORTED;
use super::super::trie::builder::shape;
use super::super::yaml_positions::path;
use super::walk::routes_at;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::HashMap;

/// One checked section.
struct Section {
    page: String,
    file: String,
    data_file: String,
    data_line: usize,
    heading: String,
    line: usize,
    paths: Vec<String>,
    /// Per mode: the names and the version bits, or not supported.
    cells: [Option<(Vec<String>, u8)>; 3],
    rsc: Vec<String>,
    /// Version bits RSC is limited to; 0 = no limit.
    rsc_versions: u8,
    /// (resource index, mode bits) of the templates its paths resolve to.
    resources: Vec<(usize, u8)>,
}

/// Bits of API versions by name (`v1.0` = 1, `beta` = 2).
fn version_bits(
    doc: &Doc<SecondSourceFile>,
    at: &[super::super::yaml_positions::Step],
    versions: Option<&Vec<String>>,
    problems: &mut Vec<Problem>,
) -> u8 {
    let Some(versions) = versions else {
        return (1u8 << ApiVersion::ALL.len()) - 1;
    };
    let mut bits = 0;
    for (k, v) in versions.iter().enumerate() {
        match ApiVersion::from_data_name(v) {
            Some(api) => bits |= 1 << api.index(),
            None => problems.push(doc.problem(
                &[at.to_vec(), path(&[&k])].concat(),
                format!("unknown API version `{v}` (expected v1.0 or beta)"),
            )),
        }
    }
    if bits == 0 {
        problems.push(doc.problem(at, "no API version: give v1.0, beta or both"));
    }
    bits
}

/// Checks every second source and gives the statics for them.
pub fn check(
    docs: &[Doc<SecondSourceFile>],
    model: &Model,
    problems: &mut Vec<Problem>,
) -> TokenStream {
    // name -> (delegated, application, rsc)
    let catalog: HashMap<&str, (bool, bool, bool)> = model
        .catalog
        .permissions
        .iter()
        .map(|p| {
            let delegated = p.delegated_work.is_some() || p.delegated_personal.is_some();
            (p.name.as_str(), (delegated, p.application.is_some(), p.rsc))
        })
        .collect();
    let mut sections = Vec::new();
    for doc in docs {
        let file = &doc.value;
        if file.sections.is_empty() {
            problems.push(doc.problem(&[], "no sections"));
        }
        for (i, s) in file.sections.iter().enumerate() {
            let at = path(&[&"sections", &i]);
            let mut resources: Vec<(usize, u8)> = Vec::new();
            for (p, text) in s.paths.iter().enumerate() {
                let pat = [at.clone(), path(&[&"paths", &p])].concat();
                match shape(text) {
                    Err(why) => problems.push(doc.problem(&pat, format!("malformed path `{text}`: {why}"))),
                    Ok(sh) => match routes_at(&model.trie.nodes, &sh) {
                        None => problems.push(doc.problem(
                            &pat,
                            format!("`{text}` matches no template of the tables (a second source adds permissions to table rows only)"),
                        )),
                        Some(routes) => {
                            for r in routes {
                                if !resources.contains(&(r.resource, r.modes)) {
                                    resources.push((r.resource, r.modes));
                                }
                            }
                        }
                    },
                }
            }
            let mut cells: [Option<(Vec<String>, u8)>; 3] = [None, None, None];
            for (m, cell) in [&s.delegated_work, &s.delegated_personal, &s.application]
                .into_iter()
                .enumerate()
            {
                let cat = [at.clone(), path(&[&AuthMode::ALL[m].data_name()])].concat();
                match cell {
                    SecondCell::NotSupported(text) if text == NOT_SUPPORTED => {}
                    SecondCell::NotSupported(text) => problems.push(doc.problem(
                        &cat,
                        format!(
                            "`{text}` is neither `{NOT_SUPPORTED}` nor permissions with versions"
                        ),
                    )),
                    SecondCell::Accepted(a) => {
                        if a.permissions.is_empty() {
                            problems.push(doc.problem(&cat, "no permissions"));
                        }
                        for (k, name) in a.permissions.iter().enumerate() {
                            let known = catalog.get(name.as_str());
                            let fits =
                                known.is_some_and(|&(d, app, _)| if m == 2 { app } else { d });
                            if !fits {
                                problems.push(doc.problem(
                                    &[cat.clone(), path(&[&"permissions", &k])].concat(),
                                    format!(
                                        "`{name}` is not {} in the catalog",
                                        if m == 2 {
                                            "an application role"
                                        } else {
                                            "a delegated scope"
                                        }
                                    ),
                                ));
                            }
                        }
                        let bits = version_bits(
                            doc,
                            &[cat.clone(), path(&[&"versions"])].concat(),
                            a.versions.as_ref(),
                            problems,
                        );
                        cells[m] = Some((a.permissions.clone(), bits));
                    }
                }
            }
            for (k, name) in s.rsc.iter().enumerate() {
                let rat = [at.clone(), path(&[&"rsc", &k])].concat();
                let listed = cells
                    .iter()
                    .flatten()
                    .any(|(names, _)| names.contains(name));
                if !listed {
                    problems.push(
                        doc.problem(&rat, format!("`{name}` is marked RSC but no cell lists it")),
                    );
                } else if !catalog.get(name.as_str()).is_some_and(|k| k.2) {
                    problems.push(doc.problem(
                        &rat,
                        format!("`{name}` is not resource-specific consent in the catalog"),
                    ));
                }
            }
            let rsc_versions = match &s.rsc_versions {
                None => 0,
                Some(v) => version_bits(
                    doc,
                    &[at.clone(), path(&[&"rsc_versions"])].concat(),
                    Some(v),
                    problems,
                ),
            };
            sections.push(Section {
                page: file.source.page.clone(),
                file: file.source.file.clone(),
                data_file: doc.file.clone(),
                data_line: doc.pos.at(&at).line,
                heading: s.heading.clone(),
                line: s.line,
                paths: s.paths.clone(),
                cells,
                rsc: s.rsc.clone(),
                rsc_versions,
                resources,
            });
        }
    }
    if sections.len() >= usize::from(u16::MAX) {
        problems.push(Problem {
            file: "data/second-sources".into(),
            line: 0,
            col: 0,
            message: "too many second-source sections for u16 indices".into(),
        });
    }
    emit(&sections, model)
}

/// Per table, the rows and modes with permissions a second source accepts that the cell lacks.
fn also_accepted(sections: &[Section], model: &Model) -> Vec<TokenStream> {
    model
        .tables
        .iter()
        .map(|table| {
            let api_bit = 1u8 << table.api.index();
            let mut entries = Vec::new();
            for row in &table.rows {
                for (m, cell) in row.cells.iter().enumerate() {
                    let Some(listed) = cell else { continue };
                    let mut also: Vec<(String, bool, usize)> = Vec::new();
                    for (s, section) in sections.iter().enumerate() {
                        let applies = section
                            .resources
                            .iter()
                            .any(|&(res, modes)| res == row.resource && modes & (1 << m) != 0);
                        let Some((names, versions)) = &section.cells[m] else { continue };
                        if !applies || versions & api_bit == 0 {
                            continue;
                        }
                        for name in names {
                            let rsc = section.rsc.contains(name);
                            let rsc_elsewhere = rsc
                                && section.rsc_versions != 0
                                && section.rsc_versions & api_bit == 0;
                            let in_cell = listed.iter().any(|p| p.name.eq_ignore_ascii_case(name));
                            let seen = also.iter().any(|(n, _, _)| n.eq_ignore_ascii_case(name));
                            if !in_cell && !seen && !rsc_elsewhere {
                                also.push((name.clone(), rsc, s));
                            }
                        }
                    }
                    if also.is_empty() {
                        continue;
                    }
                    let (line, mode) = (row.line as u32, m as u8);
                    let defs = also.iter().map(|(name, rsc, s)| {
                        let s = *s as u16;
                        quote! { crate::second_source::AlsoDef { name: #name, rsc: #rsc, section: #s } }
                    });
                    entries.push(quote! {
                        crate::second_source::AlsoRowDef { line: #line, mode: #mode, also: &[#(#defs),*] }
                    });
                }
            }
            quote! { &[#(#entries),*] }
        })
        .collect()
}

fn emit(sections: &[Section], model: &Model) -> TokenStream {
    let also = also_accepted(sections, model);
    let table_count = also.len();
    let defs = sections.iter().map(|s| {
        let (page, file, data_file, heading) = (&s.page, &s.file, &s.data_file, &s.heading);
        let (data_line, line) = (s.data_line as u32, s.line as u32);
        let paths = &s.paths;
        let cells = s.cells.iter().map(|cell| match cell {
            None => quote! { None },
            Some((names, versions)) => quote! {
                Some(crate::second_source::SecondCellDef { permissions: &[#(#names),*], versions: #versions })
            },
        });
        let rsc = &s.rsc;
        let rsc_versions = s.rsc_versions;
        quote! {
            crate::second_source::SectionDef {
                page: #page, file: #file, data_file: #data_file, data_line: #data_line,
                heading: #heading, line: #line, paths: &[#(#paths),*], cells: [#(#cells),*],
                rsc: &[#(#rsc),*], rsc_versions: #rsc_versions,
            }
        }
    });
    let count = sections.len();
    quote! {
        /// Every section of every second source (`data/second-sources/`), in file order.
        pub(crate) static SECOND_SECTIONS: [crate::second_source::SectionDef; #count] = [#(#defs),*];
        /// Per table (as `TABLES`), the rows and modes a second source adds permissions to.
        pub(crate) static ALSO_ACCEPTED: [&[crate::second_source::AlsoRowDef]; #table_count] = [#(#also),*];
    }
}
