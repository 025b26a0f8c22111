//! Lookup benchmarks (issue #6): this crate against what a careful user would build by hand,
//! over the same corpus of real-looking resource strings, in one run.
//!
//! * `lookup/*`: per resource string, our `lookup` (and `resolve` alone), a `matchit` router
//!   fed the normalised string, and a runtime implementation that scans templates parsed from
//!   the YAML. Throughput is in elements, so criterion reports the time per lookup.
//! * `startup/*`: what the runtime implementation pays before its first lookup (read and parse
//!   `data/`, build its templates), and what building the `matchit` router costs. The crate
//!   pays nothing: its tables are compiled in.
//! * `scale/*`: the same walk over the compiled trie, a trie rebuilt at run time from the same
//!   templates, and one with 100 times as many templates (every template renamed 99 ways), to
//!   show that a lookup costs the same however many templates there are.
//!
//! Run with `cargo bench --bench lookup` (see benches/README.md).

#[path = "support/baselines.rs"]
mod baselines;
#[path = "support/corpus.rs"]
mod corpus;

use baselines::{normalise, Matchit, Runtime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use msgraph_scopes::bench_internals::{compiled_templates, resolve_in, Trie};
use msgraph_scopes::{lookup, resolve, table, ApiVersion, AuthMode, LookupError, Operation};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// One lookup of the corpus: the table and mode it is asked in.
#[derive(Clone, Copy)]
struct Case {
    api: ApiVersion,
    operation: Operation,
    resource: &'static str,
    mode: AuthMode,
}

/// Spreads the corpus over the 14 tables and 3 modes, each entry in a table that has its row
/// (in the version its URL names, when it names one). Asserts that every entry resolves.
fn cases() -> Vec<Case> {
    corpus::CORPUS
        .iter()
        .enumerate()
        .map(|(i, &resource)| {
            let named = resolve(resource)
                .unwrap_or_else(|e| panic!("{resource:?}: {e}"))
                .version();
            let apis = match named {
                Some(api) => vec![api],
                None => vec![ApiVersion::V1, ApiVersion::Beta],
            };
            let n = Operation::ALL.len();
            let candidates = apis.iter().flat_map(|&api| {
                (0..n).flat_map(move |k| {
                    let operation = Operation::ALL[(i + k) % n];
                    (0..3).map(move |m| (api, operation, AuthMode::ALL[(i + m) % 3]))
                })
            });
            let mut found = None;
            for (api, operation, mode) in candidates {
                match lookup(api, operation, resource, mode) {
                    Ok(_) => {
                        found = Some((api, operation, mode));
                        break;
                    }
                    Err(LookupError::NotSupported { .. }) if found.is_none() => {
                        found = Some((api, operation, mode));
                    }
                    Err(_) => {}
                }
            }
            let (api, operation, mode) =
                found.unwrap_or_else(|| panic!("{resource:?} resolves in no table"));
            Case {
                api,
                operation,
                resource,
                mode,
            }
        })
        .collect()
}

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

/// Rounds of [`interleaved_min`]: about a second of lookups, so that the minimum is not that of
/// a few hundred milliseconds when the machine happened to be slow.
const ROUNDS: usize = 10_000;

/// Per-element time of each of `runs` (each does `elements` lookups), the minimum over `rounds`
/// rounds that run them one after the other: on a shared machine the minimum of interleaved runs
/// is the steadiest estimate of a ratio, as noise slows every run but never speeds one up.
fn interleaved_min(rounds: usize, elements: usize, runs: &mut [&mut dyn FnMut()]) -> Vec<f64> {
    let mut best = vec![f64::MAX; runs.len()];
    for _ in 0..rounds {
        for (run, best) in runs.iter_mut().zip(&mut best) {
            let start = Instant::now();
            run();
            *best = best.min(start.elapsed().as_nanos() as f64 / elements as f64);
        }
    }
    best
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(40)
        .warm_up_time(Duration::from_millis(800))
        .measurement_time(Duration::from_secs(3))
}

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
    targets = bench_lookup, bench_startup, bench_scale
}
criterion_main!(benches);
