//! What the lookup benches share: the corpus spread over the tables, criterion's settings, and
//! the interleaved-minimum timer. Included by `benches/lookup.rs` and `benches/scale.rs`.

use criterion::Criterion;
use msgraph_scopes::{lookup, resolve, ApiVersion, AuthMode, LookupError, Operation};
use std::time::{Duration, Instant};

use super::corpus;

/// One lookup of the corpus: the table and mode it is asked in.
#[derive(Clone, Copy)]
pub struct Case {
    pub api: ApiVersion,
    pub operation: Operation,
    pub resource: &'static str,
    pub mode: AuthMode,
}

/// Spreads the corpus over the 14 tables and 3 modes, each entry in a table that has its row
/// (in the version its URL names, when it names one). Asserts that every entry resolves.
pub fn cases() -> Vec<Case> {
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

/// Rounds of [`interleaved_min`]: about a second of lookups, so that the minimum is not that of
/// a few hundred milliseconds when the machine happened to be slow.
pub const ROUNDS: usize = 10_000;

/// Per-element time of each of `runs` (each does `elements` lookups), the minimum over `rounds`
/// rounds that run them one after the other: on a shared machine the minimum of interleaved runs
/// is the steadiest estimate of a ratio, as noise slows every run but never speeds one up.
pub fn interleaved_min(rounds: usize, elements: usize, runs: &mut [&mut dyn FnMut()]) -> Vec<f64> {
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

pub fn config() -> Criterion {
    Criterion::default()
        .sample_size(40)
        .warm_up_time(Duration::from_millis(800))
        .measurement_time(Duration::from_secs(3))
}
