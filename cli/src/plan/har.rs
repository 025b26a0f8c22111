//! Recorded traffic as plan input: the Microsoft Graph requests of an HTTP Archive (HAR 1.2,
//! as browsers, Dev Proxy and Fiddler save it), including those inside `$batch` bodies.
//!
//! Graph hosts: `graph.microsoft.com` and the national clouds' `graph.microsoft.us` (US
//! Government L4), `dod-graph.microsoft.us` (US Government L5, DoD) and
//! `microsoftgraph.chinacloudapi.cn` (operated by 21Vianet). A `POST .../subscriptions` whose
//! body names a `resource` is a subscription (its whole lifecycle); other calls on
//! `/subscriptions` (renewals, reauthorizations, deletions by id) need what their subscription's
//! resource needs, which they do not name, and are counted (the declared subscriptions'
//! lifecycles stand for them); every other Graph request is a request item. CORS preflights (`OPTIONS`) need no permission and are counted apart, as
//! are methods the permission catalog has no paths for (`HEAD`); requests to other hosts are
//! counted by host and ignored.

use msgraph_scopes::plan::Target;
use msgraph_scopes::Method;
use percent_encoding::percent_decode_str;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// The Microsoft Graph hosts, global and national clouds.
pub const GRAPH_HOSTS: [&str; 4] = [
    "graph.microsoft.com",
    "graph.microsoft.us",
    "dod-graph.microsoft.us",
    "microsoftgraph.chinacloudapi.cn",
];

#[derive(Deserialize)]
struct Har {
    log: Log,
}

#[derive(Deserialize)]
struct Log {
    entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    request: Request,
}

#[derive(Deserialize)]
struct Request {
    method: String,
    url: String,
    #[serde(default, rename = "postData")]
    post_data: Option<PostData>,
}

#[derive(Deserialize)]
struct PostData {
    #[serde(default)]
    text: Option<String>,
}

/// A `$batch` body: its requests, each relative to the batch's version root.
#[derive(Deserialize)]
struct Batch {
    requests: Vec<BatchRequest>,
}

#[derive(Deserialize)]
struct BatchRequest {
    method: String,
    url: String,
    #[serde(default)]
    body: Option<serde_json::Value>,
}

/// What the archive held, for the report.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stats {
    /// The file as named.
    pub file: String,
    /// Entries in the archive.
    pub entries: usize,
    /// Graph requests, each request inside a `$batch` counted (the batch itself is not).
    pub graph_requests: usize,
    /// `$batch` requests read.
    pub batches: usize,
    /// Requests found inside them.
    pub batched_requests: usize,
    /// Subscriptions created (`POST .../subscriptions` with a `resource`).
    pub subscriptions: usize,
    /// Other calls on `/subscriptions` (renew, reauthorize, read, list, delete, or a create
    /// without a readable `resource`): the subscriptions' lifecycles stand for them.
    pub subscription_calls: usize,
    /// Graph requests that repeat an earlier one exactly (counted once as items).
    pub repeats: usize,
    /// CORS preflights to Graph, which need no permission.
    pub preflights: usize,
    /// `$batch` requests whose body could not be read: each is listed as an item itself,
    /// which no permission covers, since what it held is unknown.
    pub unreadable_batches: usize,
    /// Entries whose URL is not an absolute URL.
    pub unreadable_urls: usize,
    /// Requests to other hosts, by host.
    pub other_hosts: BTreeMap<String, usize>,
    /// Graph requests with a method other than GET, POST, PUT, PATCH and DELETE (and
    /// OPTIONS), by method.
    pub other_methods: BTreeMap<String, usize>,
}

/// The targets an archive holds, in the order recorded, and what it held.
pub fn read(name: &str, text: &str) -> Result<(Vec<Target>, Stats), String> {
    let har: Har = serde_json::from_str(text).map_err(|err| {
        format!(
            "{name}:{}:{}: not an HTTP Archive ({err}); expected a JSON object \
             {{\"log\": {{\"entries\": [{{\"request\": {{\"method\", \"url\", ...}}}}]}}}}",
            err.line(),
            err.column()
        )
    })?;
    let mut stats = Stats {
        file: name.to_string(),
        entries: har.log.entries.len(),
        ..Stats::default()
    };
    let mut targets: Vec<Target> = Vec::new();
    let mut seen: HashSet<Target> = HashSet::new();
    let mut push = |t: Target, stats: &mut Stats| {
        if seen.insert(t.clone()) {
            targets.push(t);
        } else {
            stats.repeats += 1;
        }
    };
    for entry in har.log.entries {
        let request = entry.request;
        let Ok(url) = url::Url::parse(&request.url) else {
            stats.unreadable_urls += 1;
            continue;
        };
        let host = url.host_str().unwrap_or("").to_ascii_lowercase();
        if !GRAPH_HOSTS.contains(&host.as_str()) {
            *stats.other_hosts.entry(host).or_insert(0) += 1;
            continue;
        }
        let name = request.method.trim().to_ascii_uppercase();
        if name == "OPTIONS" {
            stats.preflights += 1;
            continue;
        }
        let Ok(method) = name.parse::<Method>() else {
            *stats.other_methods.entry(name).or_insert(0) += 1;
            continue;
        };
        // The path and query as written, decoded for reading; the host only when it is not
        // the global one.
        let mut shown = decode(url.path());
        if let Some(q) = url.query() {
            shown.push('?');
            shown.push_str(&decode(q));
        }
        if host != GRAPH_HOSTS[0] {
            shown = format!("https://{host}{shown}");
        }
        let mut segments = url.path().trim_start_matches('/').split('/');
        let version = segments.next().unwrap_or("");
        let rest: Vec<&str> = segments.collect();
        let body = request.post_data.and_then(|p| p.text);
        if rest.len() == 1 && rest[0] == "$batch" && method == Method::Post {
            stats.batches += 1;
            let batch = body
                .as_deref()
                .and_then(|b| serde_json::from_str::<Batch>(b).ok());
            let Some(batch) = batch else {
                stats.unreadable_batches += 1;
                stats.graph_requests += 1;
                push(Target::request(method, shown), &mut stats);
                continue;
            };
            for inner in batch.requests {
                stats.batched_requests += 1;
                stats.graph_requests += 1;
                let relative = decode(inner.url.trim().trim_start_matches('/'));
                let path = match host.as_str() {
                    h if h == GRAPH_HOSTS[0] => format!("/{version}/{relative}"),
                    h => format!("https://{h}/{version}/{relative}"),
                };
                let Ok(inner_method) = inner.method.parse::<Method>() else {
                    let name = inner.method.trim().to_ascii_uppercase();
                    *stats.other_methods.entry(name).or_insert(0) += 1;
                    continue;
                };
                let body = inner.body.map(|b| b.to_string());
                for t in classify(inner_method, &relative, &path, body.as_deref(), &mut stats) {
                    push(t, &mut stats);
                }
            }
            continue;
        }
        stats.graph_requests += 1;
        let relative = rest.join("/");
        for t in classify(method, &relative, &shown, body.as_deref(), &mut stats) {
            push(t, &mut stats);
        }
    }
    Ok((targets, stats))
}

/// A subscription's lifecycle when the request creates one with a `resource`; the request
/// itself otherwise. `relative` is the path after the version, `shown` the label.
fn classify(
    method: Method,
    relative: &str,
    shown: &str,
    body: Option<&str>,
    stats: &mut Stats,
) -> Vec<Target> {
    let path = relative
        .split('?')
        .next()
        .unwrap_or("")
        .trim_end_matches('/');
    if method == Method::Post && path.eq_ignore_ascii_case("subscriptions") {
        let resource = body
            .and_then(|b| serde_json::from_str::<serde_json::Value>(b).ok())
            .and_then(|v| {
                v.get("resource")
                    .and_then(|r| r.as_str())
                    .map(str::to_string)
            });
        if let Some(resource) = resource {
            stats.subscriptions += 1;
            return Target::lifecycle(&resource, &[]);
        }
    }
    // Renewing, reauthorizing, reading or deleting a subscription by its id needs what the
    // subscription's resource needs, which the call does not name: the lifecycles of the
    // subscriptions the config and the recording declare stand for these calls.
    let first = path.split('/').next().unwrap_or("");
    if first.eq_ignore_ascii_case("subscriptions") {
        stats.subscription_calls += 1;
        return Vec::new();
    }
    vec![Target::request(method, shown)]
}

/// Percent-decoded for reading (invalid UTF-8 is replaced).
fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}
