//! The whole lint of a config with 10,000 subscriptions (issue #6): reading the YAML config and
//! checking every subscription's lifecycle against the requested scopes, as `msgraph-scopes lint`
//! does before it prints.
//!
//! The subscriptions cycle through the lookup benchmark's corpus (178 real-looking resource
//! strings), so the config exercises every resource kind, with and without findings.
//!
//! Run with `cargo bench --bench lint` (see benches/README.md).

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use msgraph_scopes::lint::{self, config, Input};
use msgraph_scopes::{ApiVersion, AuthMode};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// How many subscriptions the config has.
const SUBSCRIPTIONS: usize = 10_000;

/// A lint config in the documented format: application mode, a few scopes, and
/// [`SUBSCRIPTIONS`] subscriptions taken from the corpus in turn.
fn config_text() -> String {
    let subscriptions: Vec<serde_yaml::Value> = corpus::CORPUS
        .iter()
        .cycle()
        .take(SUBSCRIPTIONS)
        .map(|resource| {
            let mut entry = serde_yaml::Mapping::new();
            entry.insert("resource".into(), (*resource).into());
            entry.into()
        })
        .collect();
    let mut doc = serde_yaml::Mapping::new();
    doc.insert("api".into(), "v1.0".into());
    doc.insert("mode".into(), "application".into());
    doc.insert(
        "scopes".into(),
        vec![
            "ChannelMessage.Read.All",
            "Chat.Read.All",
            "Mail.Read",
            "User.Read.All",
            "Group.Read.All",
        ]
        .into(),
    );
    doc.insert("subscriptions".into(), subscriptions.into());
    serde_yaml::to_string(&doc).expect("a mapping serialises")
}

/// Reads the config and lints it: the number of findings.
fn parse_and_lint(text: &str) -> usize {
    let config = config::parse("bench.yaml", text).expect("the generated config is valid");
    let input = Input {
        api: config.api.unwrap_or(ApiVersion::V1),
        mode: config.mode.unwrap_or(AuthMode::Application),
        scopes: config.scopes,
        subscriptions: config.subscriptions,
        requests: config.requests,
        plan: Default::default(),
    };
    lint::lint(&input).len()
}

fn bench_lint(c: &mut Criterion) {
    let text = config_text();
    let config = config::parse("bench.yaml", &text).expect("the generated config is valid");
    assert_eq!(config.subscriptions.len(), SUBSCRIPTIONS);
    let input = Input {
        api: ApiVersion::V1,
        mode: AuthMode::Application,
        scopes: config.scopes,
        subscriptions: config.subscriptions,
        requests: config.requests,
        plan: Default::default(),
    };
    let findings = lint::lint(&input).len();
    assert!(findings > 0, "the config should have findings to report");

    // The minimum of a few runs, as the lookup bench does, for the README.
    let best = |run: &dyn Fn() -> usize| {
        (0..10)
            .map(|_| {
                let start = Instant::now();
                black_box(run());
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let whole = best(&|| parse_and_lint(black_box(&text)));
    let lint_only = best(&|| lint::lint(black_box(&input)).len());
    eprintln!(
        "lint of {SUBSCRIPTIONS} subscriptions ({} KiB of YAML, {findings} findings), minimum of 10 runs: read + lint {:.1} ms, lint alone {:.1} ms",
        text.len() / 1024,
        whole.as_secs_f64() * 1e3,
        lint_only.as_secs_f64() * 1e3,
    );

    let mut g = c.benchmark_group("lint");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(SUBSCRIPTIONS as u64));
    g.bench_function("read config + lint (10,000 subscriptions)", |b| {
        b.iter(|| parse_and_lint(black_box(&text)))
    });
    g.bench_function("lint alone (10,000 subscriptions)", |b| {
        b.iter(|| lint::lint(black_box(&input)))
    });
    g.finish();
}

criterion_group!(benches, bench_lint);
criterion_main!(benches);
