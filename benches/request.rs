//! The request-lookup benchmark: `msgraph_scopes::request` against what a careful user would
//! build by hand, over the same corpus of realistic request URLs, in one run.
//!
//! * `request/*`: per request, our `request` (template, least permission and its privilege
//!   level under one mode), our `resolve_request` (the template alone), and the templates of
//!   `data/requests/` in `matchit` routers (one per method), fed each URL after the
//!   normalisation it needs (`benches/support/request_baseline.rs`). Throughput is in elements,
//!   so criterion reports the time per request.
//! * `startup/request matchit: build routers`: what the baseline pays before its first lookup
//!   (reading the YAML included). The crate pays nothing: its trie is compiled in.
//!
//! Run with `cargo bench --bench request` (see benches/README.md).

#[path = "support/harness.rs"]
#[allow(dead_code)]
mod harness;
#[path = "support/request_baseline.rs"]
mod request_baseline;
#[path = "support/request_corpus.rs"]
mod request_corpus;
// The harness names the subscription corpus.
#[path = "support/corpus.rs"]
#[allow(dead_code)]
mod corpus;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use harness::{config, interleaved_min, ROUNDS};
use msgraph_scopes::{request, request_templates, resolve_request, AuthMode};
use request_baseline::RequestMatchit;
use request_corpus::REQUESTS;
use std::hint::black_box;
use std::path::Path;

fn bench_request(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let matchit = RequestMatchit::build(root);
    // Each request asked under one mode, the modes in turn.
    let cases: Vec<_> = REQUESTS
        .iter()
        .enumerate()
        .map(|(i, &(method, url))| (method, url, AuthMode::ALL[i % 3]))
        .collect();
    // The two answer the same (tests/bench_corpus.rs checks it too).
    for &(method, url, _) in &cases {
        let ours = resolve_request(method, url)
            .unwrap_or_else(|e| panic!("{method} {url}: {e}"))
            .template();
        assert_eq!(matchit.at(method, url), Some(ours), "{method} {url}");
    }
    eprintln!(
        "request corpus: {} requests; ours: {} compiled templates; matchit: {} templates in {} routers",
        cases.len(),
        request_templates().len(),
        matchit.templates.len(),
        msgraph_scopes::Method::ALL.len()
    );

    let n = cases.len();
    let best = interleaved_min(
        ROUNDS / 10,
        n,
        &mut [
            &mut || {
                for &(method, url, mode) in &cases {
                    let answer = request(method, black_box(url), mode);
                    black_box(
                        answer
                            .map(|a| (a.template(), a.least().privilege_level()))
                            .ok(),
                    );
                }
            },
            &mut || {
                for &(method, url, _) in &cases {
                    black_box(
                        resolve_request(method, black_box(url))
                            .map(|f| f.template())
                            .ok(),
                    );
                }
            },
            &mut || {
                for &(method, url, _) in &cases {
                    black_box(matchit.at(method, black_box(url)));
                }
            },
        ],
    );
    eprintln!(
        "interleaved minimum per request: ours request {:.0} ns, ours resolve_request {:.0} ns, matchit (normalise + at) {:.0} ns; ours/matchit = {:.2} (request), {:.2} (resolve_request)",
        best[0],
        best[1],
        best[2],
        best[0] / best[2],
        best[1] / best[2]
    );

    let mut g = c.benchmark_group("request");
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("ours: request", |b| {
        b.iter(|| {
            for &(method, url, mode) in &cases {
                let answer = request(method, black_box(url), mode);
                black_box(
                    answer
                        .map(|a| (a.template(), a.least().privilege_level()))
                        .ok(),
                );
            }
        })
    });
    g.bench_function("ours: resolve_request", |b| {
        b.iter(|| {
            for &(method, url, _) in &cases {
                black_box(
                    resolve_request(method, black_box(url))
                        .map(|f| f.template())
                        .ok(),
                );
            }
        })
    });
    g.bench_function("matchit: normalise + at", |b| {
        b.iter(|| {
            for &(method, url, _) in &cases {
                black_box(matchit.at(method, black_box(url)));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("request matchit: build routers", |b| {
        b.iter(|| black_box(RequestMatchit::build(black_box(root))))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_request
}
criterion_main!(benches);
