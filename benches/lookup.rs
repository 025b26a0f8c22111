//! Lookup benchmarks (issue #6): this crate against what a careful user would build by hand,
//! over the same corpus of real-looking resource strings, in one run.
//!
//! * `lookup/*`: per resource string, our `lookup` (and `resolve` alone), a `matchit` router
//!   fed the normalised string, and a runtime implementation that scans templates parsed from
//!   the YAML. Throughput is in elements, so criterion reports the time per lookup.
//! * `startup/*`: what the runtime implementation pays before its first lookup (read and parse
//!   `data/`, build its templates), and what building the `matchit` router costs. The crate
//!   pays nothing: its tables are compiled in.
//!
//! Run with `cargo bench --bench lookup` (see benches/README.md); `benches/scale.rs` shows that
//! the walk costs the same however many templates there are.

#[path = "support/baselines.rs"]
mod baselines;
#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/harness.rs"]
mod harness;

use baselines::{normalise, Matchit, Runtime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use harness::{cases, config, interleaved_min, ROUNDS};
use msgraph_scopes::{lookup, resolve, table, LookupError};
use std::hint::black_box;
use std::path::Path;

fn bench_lookup(c: &mut Criterion) {
    let cases = cases();
    let matchit = Matchit::build();
    let runtime = Runtime::start(Path::new(env!("CARGO_MANIFEST_DIR")));
    let normalised: Vec<String> = cases.iter().map(|c| normalise(c.resource)).collect();
    let rt_cases: Vec<_> = cases
        .iter()
        .map(|c| {
            let t = runtime
                .table_of_file(table(c.api, c.operation).data_file())
                .expect("every table parses");
            (t, c.resource, c.mode)
        })
        .collect();
    // The three answer the same: the same template shape, the same row type.
    for (case, (t, resource, mode)) in cases.iter().zip(&rt_cases) {
        let ours = match lookup(case.api, case.operation, resource, *mode) {
            Ok(a) => (a.template(), a.row().resource_type()),
            Err(LookupError::NotSupported { row, template, .. }) => (template, row.resource_type()),
            Err(e) => panic!("{resource:?}: {e}"),
        };
        let route = matchit
            .at(resource)
            .unwrap_or_else(|| panic!("matchit: {resource:?}"));
        let ours_shape = baselines::shape(ours.0);
        let same_shape = baselines::matchit_route(&ours_shape) == matchit.routes[route]
            || baselines::twin(&ours_shape)
                .is_some_and(|t| baselines::matchit_route(&t) == matchit.routes[route]);
        assert!(
            same_shape,
            "{resource:?}: {} vs {}",
            ours.0, matchit.routes[route]
        );
        let (row, _) = runtime
            .lookup(*t, resource, *mode)
            .unwrap_or_else(|| panic!("runtime: {resource:?}"));
        assert!(
            row.resource_type.eq_ignore_ascii_case(ours.1),
            "{resource:?}"
        );
    }
    eprintln!(
        "corpus: {} resource strings; matchit: {} routes; runtime: {} shapes, {} (table, template) pairs in {} tables",
        cases.len(),
        matchit.routes.len(),
        runtime.shapes.len(),
        runtime.template_count(),
        runtime.tables.len()
    );

    let n = cases.len();
    let best = interleaved_min(
        ROUNDS,
        n,
        &mut [
            &mut || {
                for c in &cases {
                    let _ = black_box(lookup(c.api, c.operation, black_box(c.resource), c.mode));
                }
            },
            &mut || {
                for c in &cases {
                    let _ = black_box(resolve(black_box(c.resource)));
                }
            },
            &mut || {
                for c in &cases {
                    black_box(matchit.at(black_box(c.resource)));
                }
            },
            &mut || {
                for &(t, resource, mode) in &rt_cases {
                    let found = runtime.lookup(t, black_box(resource), mode);
                    black_box(found.map(|(row, _)| runtime.permissions(row, mode)));
                }
            },
        ],
    );
    eprintln!(
        "interleaved minimum per lookup: ours lookup {:.0} ns, ours resolve {:.0} ns, matchit (normalise + at) {:.0} ns, runtime scan {:.0} ns; ours/matchit = {:.2} (lookup), {:.2} (resolve)",
        best[0],
        best[1],
        best[2],
        best[3],
        best[0] / best[2],
        best[1] / best[2]
    );

    let mut g = c.benchmark_group("lookup");
    g.throughput(Throughput::Elements(cases.len() as u64));
    g.bench_function("ours: lookup", |b| {
        b.iter(|| {
            for c in &cases {
                let _ = black_box(lookup(
                    black_box(c.api),
                    black_box(c.operation),
                    black_box(c.resource),
                    black_box(c.mode),
                ));
            }
        })
    });
    g.bench_function("ours: resolve only", |b| {
        b.iter(|| {
            for c in &cases {
                let _ = black_box(resolve(black_box(c.resource)));
            }
        })
    });
    g.bench_function("ours: resolve + lookup_resolved", |b| {
        b.iter(|| {
            for c in &cases {
                if let Ok(r) = resolve(black_box(c.resource)) {
                    let t = table(c.api, c.operation);
                    let _ = black_box(msgraph_scopes::lookup_resolved(t, r, black_box(c.mode)));
                }
            }
        })
    });
    g.bench_function("matchit: normalise + at", |b| {
        b.iter(|| {
            for c in &cases {
                black_box(matchit.at(black_box(c.resource)));
            }
        })
    });
    g.bench_function("matchit: at only (pre-normalised)", |b| {
        b.iter(|| {
            for path in &normalised {
                let _ = black_box(matchit.router.at(black_box(path)));
            }
        })
    });
    g.bench_function("runtime: normalise + scan", |b| {
        b.iter(|| {
            for &(t, resource, mode) in &rt_cases {
                let found = runtime.lookup(t, black_box(resource), mode);
                black_box(found.map(|(row, _)| runtime.permissions(row, mode)));
            }
        })
    });
    g.finish();
}

fn bench_startup(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("runtime: read + parse YAML + build", |b| {
        b.iter(|| black_box(Runtime::start(black_box(root))))
    });
    g.bench_function("matchit: build router", |b| {
        b.iter(|| black_box(Matchit::build()))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_lookup, bench_startup
}
criterion_main!(benches);
