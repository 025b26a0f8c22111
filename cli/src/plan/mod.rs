//! `plan`: the least set of scopes for everything an app declares (and, with `--har`, what it
//! was recorded doing), explained, in a format ready to paste.

mod har;
mod json;
mod registration;
mod text;
mod view;

use super::args::{PlanArgs, PlanFormat};
use super::config::{self, App};
use super::input;
use super::output::{Exit, Report};
use msgraph_scopes::plan::{plan, Options, Target};
use std::collections::HashSet;
use std::path::Path;
use view::View;

/// Runs `plan`.
pub fn run(args: &PlanArgs) -> Report {
    let App {
        name,
        config,
        api,
        mode,
    } = match config::read(args.config.as_deref(), args.api, args.mode) {
        Ok(app) => app,
        Err(message) => return Report::failure(Exit::Usage, String::new(), message),
    };
    let mut targets: Vec<Target> = config
        .subscriptions
        .iter()
        .flat_map(|s| Target::lifecycle(&s.resource, &s.operations))
        .chain(
            config
                .requests
                .iter()
                .map(|r| Target::request(r.method, r.url.clone())),
        )
        .collect();
    let mut har_stats = None;
    if let Some(path) = &args.har {
        let har_name = path.display().to_string();
        let read = input::read_up_to(Path::new(path), input::MAX_HAR)
            .and_then(|text| har::read(&har_name, &text));
        match read {
            Ok((recorded, stats)) => {
                let mut seen: HashSet<Target> = targets.iter().cloned().collect();
                targets.extend(recorded.into_iter().filter(|t| seen.insert(t.clone())));
                har_stats = Some(stats);
            }
            Err(message) => return Report::failure(Exit::Usage, String::new(), message),
        }
    }
    let options = Options {
        prefer: args
            .prefer
            .map(Into::into)
            .or(config.prefer)
            .unwrap_or_default(),
        rsc: config.rsc,
        node_budget: args.node_budget,
    };
    let plan = plan(api, mode, &targets, options);
    let why = plan.explain();
    let view = View {
        config: &name,
        plan: &plan,
        why: &why,
        har: har_stats.as_ref(),
    };
    let mut stderr: Vec<String> = Vec::new();
    let mut failed = false;
    let stdout = match args.format {
        PlanFormat::Text => text::render(&view),
        PlanFormat::Json => json::render(&view),
        other => {
            let out = registration::render(&view, other);
            failed |= !out.missing_ids.is_empty();
            stderr.extend(out.notes);
            out.text
        }
    };
    if args.format != PlanFormat::Text {
        stderr.extend(view::notes(&view));
    }
    let blocking = plan.uncovered().count();
    failed |= blocking > 0;
    if blocking > 0 && args.format != PlanFormat::Text {
        stderr.push(format!(
            "error: {blocking} item{} cannot be covered under {mode}",
            if blocking == 1 { "" } else { "s" }
        ));
    }
    Report {
        stdout,
        stderr,
        exit: if failed { Exit::Failure } else { Exit::Success },
    }
}
