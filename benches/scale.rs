//! Scale (issue #6): the same walk over the compiled trie, a trie rebuilt at run time from the
//! same templates, and one with 100 times as many templates (every template renamed 99 ways), to
//! show that a lookup costs the same however many templates there are.
//!
//! The run-time tries come from the crate's own trie builder, through the hidden
//! `bench_internals` module: run with `cargo bench --features bench-internals --bench scale`.

#[path = "support/corpus.rs"]
mod corpus;
// The scale bench reads only each case's resource, not the table and mode it is asked in.
#[allow(dead_code)]
#[path = "support/harness.rs"]
mod harness;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use harness::{cases, config, interleaved_min, ROUNDS};
use msgraph_scopes::bench_internals::{compiled_templates, resolve_in, Trie};
use std::hint::black_box;

/// The corpus's templates renamed: `/teams/{id}/channels` -> `/teams7/{id}/channels7`.
fn renamed(template: &str, k: usize) -> String {
    template
        .split('/')
        .map(|piece| {
            if piece.is_empty() || piece.starts_with('{') {
                piece.to_owned()
            } else if let Some(open) = piece.find('(') {
                format!("{}{k}{}", &piece[..open], &piece[open..])
            } else {
                format!("{piece}{k}")
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn bench_scale(c: &mut Criterion) {
    let cases = cases();
    let templates = compiled_templates();
    let one = Trie::build(&templates).expect("the compiled templates build");
    let mut wide: Vec<String> = templates.iter().map(|t| (*t).to_owned()).collect();
    for k in 1..100 {
        wide.extend(templates.iter().map(|t| renamed(t, k)));
    }
    let hundred = Trie::build(&wide).expect("100x templates build");
    for case in &cases {
        let expected = resolve_in(Trie::compiled(), case.resource).expect("resolves");
        assert!(expected.is_some(), "{:?}", case.resource);
        assert_eq!(resolve_in(one, case.resource), Ok(expected));
        assert_eq!(resolve_in(hundred, case.resource), Ok(expected));
    }
    eprintln!(
        "scale: compiled trie {} nodes / {} static edges / {} templates; 100x trie {} nodes / {} static edges / {} templates",
        Trie::compiled().node_count(),
        Trie::compiled().static_edges(),
        templates.len(),
        hundred.node_count(),
        hundred.static_edges(),
        wide.len()
    );

    let mut runs: Vec<Box<dyn FnMut()>> = [Trie::compiled(), one, hundred]
        .into_iter()
        .map(|trie| -> Box<dyn FnMut()> {
            let cases = &cases;
            Box::new(move || {
                for c in cases {
                    let _ = black_box(resolve_in(black_box(trie), black_box(c.resource)));
                }
            })
        })
        .collect();
    let mut refs: Vec<&mut dyn FnMut()> = runs
        .iter_mut()
        .map(|r| &mut **r as &mut dyn FnMut())
        .collect();
    let best = interleaved_min(ROUNDS, cases.len(), &mut refs);
    drop(refs);
    drop(runs);
    eprintln!(
        "interleaved minimum per resolution: compiled trie {:.0} ns, built 1x {:.0} ns, built 100x {:.0} ns; 100x/1x = {:.2}",
        best[0],
        best[1],
        best[2],
        best[2] / best[1]
    );

    let mut g = c.benchmark_group("scale");
    g.throughput(Throughput::Elements(cases.len() as u64));
    for (name, trie) in [
        ("compiled trie (1x)", Trie::compiled()),
        ("built trie (1x)", one),
        ("built trie (100x)", hundred),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                for c in &cases {
                    let _ = black_box(resolve_in(black_box(trie), black_box(c.resource)));
                }
            })
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_scale
}
criterion_main!(benches);
