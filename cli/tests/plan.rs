//! `msgraph-scopes plan`, run as the real binary: the hand-worked apps of `examples/plans/` in
//! every format (snapshots) and against the answers worked out in their comments; every config
//! in `examples/` covered and optimal (checked by brute force, independently of the solver); the
//! `entra` output fed back to `lint --manifest`; items nothing covers; the JSON contract; the
//! approximate fallback; the lint judging with the same plan. Recorded traffic (`--har`) is in
//! `plan_har.rs`.

mod support;

use msgraph_scopes::lint::config;
use msgraph_scopes::plan::{plan, Options, Prefer, Target};
use msgraph_scopes::{ApiVersion, AuthMode};
use std::path::{Path, PathBuf};
use support::{json, run_at_root, scope_names, scratch, uncovered_kinds, workspace_root, write};

/// Every config under `examples/` (`.yaml`; the GitHub workflow is `.yml`), relative to the
/// repository root, sorted.
fn example_configs() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("examples/ is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path);
            }
        }
    }
    let root = workspace_root();
    let mut found = Vec::new();
    walk(&root.join("examples"), &mut found);
    let mut names: Vec<String> = found
        .iter()
        .map(|p| {
            p.strip_prefix(&root)
                .expect("under the root")
                .display()
                .to_string()
        })
        .collect();
    names.sort();
    names
}

fn plan_configs() -> Vec<String> {
    example_configs()
        .into_iter()
        .filter(|c| c.starts_with("examples/plans/"))
        .collect()
}

#[test]
fn the_example_apps_in_every_format() {
    let configs = plan_configs();
    assert!(configs.len() >= 5, "{configs:?}");
    for config in &configs {
        let stem = Path::new(config)
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("stem")
            .replace('-', "_");
        for format in ["text", "json", "entra", "teams-toolkit", "terraform", "az"] {
            let r = run_at_root(&["plan", config, "--format", format]);
            assert_eq!(r.code, 0, "{config} {format}: {}", r.stderr);
            let name = format!("{stem}_{}", format.replace('-', "_"));
            if format == "json" {
                insta::assert_json_snapshot!(name, json(&r.stdout));
            } else {
                insta::assert_snapshot!(name, r.stdout);
            }
            if format == "entra" || format == "teams-toolkit" {
                let v: serde_json::Value =
                    serde_json::from_str(&r.stdout).expect("entra output is JSON");
                assert!(v["requiredResourceAccess"].is_array(), "{config}");
            }
        }
    }
    let fewest = run_at_root(&[
        "plan",
        "examples/plans/chat-bot.yaml",
        "--prefer",
        "fewest-scopes",
    ]);
    assert_eq!(fewest.code, 0);
    insta::assert_snapshot!("chat_bot_fewest_scopes_text", fewest.stdout);
}

/// The answers the configs' comments work out by hand (`# expect:` and `# expect
/// fewest-scopes:`), against the plan.
#[test]
fn the_plans_are_the_ones_worked_out_by_hand() {
    for config in plan_configs() {
        let text = std::fs::read_to_string(workspace_root().join(&config)).expect("config");
        let mut checked = 0;
        for (prefix, prefer) in [
            ("# expect: ", "least-privilege"),
            ("# expect fewest-scopes: ", "fewest-scopes"),
        ] {
            let Some(line) = text.lines().find_map(|l| l.strip_prefix(prefix)) else {
                continue;
            };
            let want: Vec<String> = line.split(',').map(|s| s.trim().to_string()).collect();
            let v = json(
                &run_at_root(&["plan", &config, "--format", "json", "--prefer", prefer]).stdout,
            );
            assert_eq!(scope_names(&v), want, "{config} ({prefer})");
            checked += 1;
        }
        assert!(checked >= 1, "{config} states no hand-worked answer");
    }
}

/// A set's place in the objective: the parts, then the names.
type Key = ([u32; 4], Vec<String>);

/// The documented objective, written out independently of the crate: the parts in the
/// preference's order, then the names read from the alphabetically last.
fn objective(levels: &[u32], ranks: &[u32], names: &[&str], set: &[usize], prefer: Prefer) -> Key {
    let max = set.iter().map(|&c| levels[c]).max().unwrap_or(0);
    let sum: u32 = set.iter().map(|&c| levels[c]).sum();
    let count = set.len() as u32;
    let rank: u32 = set.iter().map(|&c| ranks[c]).sum();
    let parts = match prefer {
        Prefer::LeastPrivilege => [max, sum, count, rank],
        Prefer::FewestScopes => [count, max, sum, rank],
    };
    let mut n: Vec<String> = set.iter().map(|&c| names[c].to_string()).collect();
    n.sort_unstable_by(|a, b| b.cmp(a));
    (parts, n)
}

#[test]
fn every_example_config_is_covered_and_optimal() {
    let configs = example_configs();
    assert!(configs.contains(&"examples/msgraph-scopes.yaml".to_string()));
    for name in configs {
        let text = std::fs::read_to_string(workspace_root().join(&name)).expect("config");
        let c = config::parse(&name, &text).expect("the example parses");
        let mode: AuthMode = c.mode.expect("examples name their mode");
        let targets: Vec<Target> = c
            .subscriptions
            .iter()
            .flat_map(|s| Target::lifecycle(&s.resource, &s.operations))
            .chain(
                c.requests
                    .iter()
                    .map(|r| Target::request(r.method, r.url.clone())),
            )
            .collect();
        for prefer in Prefer::ALL {
            let options = Options {
                prefer,
                rsc: c.rsc,
                ..Options::default()
            };
            let p = plan(c.api.unwrap_or(ApiVersion::V1), mode, &targets, options);
            assert_eq!(p.uncovered().count(), 0, "{name}: everything is covered");
            assert!(p.is_exact(), "{name}");
            // The command says the same.
            let v = json(
                &run_at_root(&[
                    "plan",
                    &name,
                    "--format",
                    "json",
                    "--prefer",
                    prefer.as_str(),
                ])
                .stdout,
            );
            let planned: Vec<&str> = p.scopes().iter().map(|s| s.name).collect();
            assert_eq!(scope_names(&v), planned, "{name} ({prefer})");
            assert_eq!(v["uncovered"], serde_json::json!([]));
            // Brute force over every subset of the candidates.
            let problem = p.problem();
            let k = problem.candidate_count();
            assert!(k <= 20, "{name}: {k} candidates is too many to enumerate");
            let levels: Vec<u32> = (0..k)
                .map(|c| u32::from(problem.level(c).unwrap_or(5)))
                .collect();
            let ranks: Vec<u32> = (0..k)
                .map(|c| {
                    (0..problem.item_count())
                        .filter_map(|i| problem.item_candidates(i).iter().position(|&x| x == c))
                        .max()
                        .unwrap_or(0) as u32
                })
                .collect();
            let cand_names: Vec<&str> = (0..k).map(|c| problem.name(c)).collect();
            let mut best: Option<(Key, Vec<usize>)> = None;
            for mask in 0u32..(1 << k) {
                let set: Vec<usize> = (0..k).filter(|&c| mask & (1 << c) != 0).collect();
                if !(0..problem.item_count()).all(|i| problem.covers(&set, i)) {
                    continue;
                }
                let key = objective(&levels, &ranks, &cand_names, &set, prefer);
                if best.as_ref().is_none_or(|(b, _)| key < *b) {
                    best = Some((key, set));
                }
            }
            let (_, want) = best.expect("a cover exists");
            let mut want: Vec<&str> = want.iter().map(|&c| cand_names[c]).collect();
            want.sort_unstable();
            assert_eq!(planned, want, "{name} ({prefer}): the brute-force optimum");
            // Every covered item is covered by a chosen scope it lists.
            for (i, item) in p.items().iter().enumerate() {
                let scope = p.covered_by(i).expect("covered");
                assert!(item.candidates().iter().any(|c| c.name == scope.name));
            }
        }
    }
}

/// The plan's `entra` output (and its `teams-toolkit` one), read back by the lint as the app's
/// manifest, with the config's subscriptions and requests: no error. Resource-specific consent lives in the Teams app manifest, not in
/// `requiredResourceAccess`; those grants are passed with `--scopes`, as that manifest would
/// give them.
#[test]
fn the_entra_output_fed_back_to_the_lint_gives_no_error() {
    let dir = scratch("plan-round-trip");
    // The Teams Toolkit fragment (names, "Microsoft Graph") is read back the same way.
    let runs = example_configs()
        .into_iter()
        .flat_map(|c| [(c.clone(), "entra"), (c, "teams-toolkit")]);
    for (k, (config, format)) in runs.enumerate() {
        let config = &config;
        let entra = run_at_root(&["plan", config, "--format", format]);
        assert_eq!(entra.code, 0, "{config}: {}", entra.stderr);
        let manifest = write(&dir, &format!("manifest-{k}.json"), &entra.stdout);
        let plan = json(&run_at_root(&["plan", config, "--format", "json"]).stdout);
        let rsc: Vec<String> = plan["scopes"]
            .as_array()
            .expect("scopes")
            .iter()
            .filter(|s| s["rsc"] == true)
            .map(|s| s["name"].as_str().expect("name").to_string())
            .collect();
        let mut args = vec![
            "lint",
            config.as_str(),
            "--manifest",
            &manifest,
            "--format",
            "json",
        ];
        let joined = rsc.join(",");
        if !rsc.is_empty() {
            args.extend(["--scopes", &joined]);
        }
        let r = run_at_root(&args);
        assert_eq!(r.code, 0, "{config} ({format}): {}{}", r.stdout, r.stderr);
        let v = json(&r.stdout);
        assert_eq!(
            v["summary"]["errors"], 0,
            "{config} ({format}): {}",
            r.stdout
        );
        let text = std::fs::read_to_string(workspace_root().join(config)).expect("config");
        let declares_scopes = text.lines().any(|l| l.starts_with("scopes:"));
        for f in v["findings"].as_array().expect("findings") {
            assert_ne!(f["rule"], "missing-scope", "{config}: {f}");
            // A config that requests its own scopes may request more than the plan; the
            // plan's set alone is never over-privileged.
            if !declares_scopes {
                assert_ne!(f["rule"], "over-privileged", "{config}: {f}");
            }
        }
    }
}

#[test]
fn the_json_contract() {
    let r = run_at_root(&[
        "plan",
        "examples/plans/onedrive-sync.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .starts_with(r#"{"api":"v1.0","mode":"delegated-personal","prefer":"least-privilege","scopes":[{"name":"Files.ReadWrite","id":"#),
        "{}",
        r.stdout
    );
    let v = json(&r.stdout);
    let scope = &v["scopes"][0];
    for key in ["name", "id", "privilege_level", "covers"] {
        assert!(scope.get(key).is_some(), "{key}");
    }
    assert_eq!(scope["privilege_level"], 2);
    assert_eq!(scope["covers"][0], "create /me/drive/root");
    assert_eq!(v["uncovered"], serde_json::json!([]));
    assert_eq!(v["exact"], true);
    let why = &v["items"][0]["not_enough"][0];
    assert_eq!(why["name"], "Files.Read");
    assert_eq!(why["worse_in"], "level_sum");
    assert_eq!(
        why["best_with"],
        serde_json::json!(["Files.Read", "Files.ReadWrite"])
    );
}

#[test]
fn what_nothing_covers_is_listed_with_the_reason_and_exits_1() {
    let dir = scratch("plan-uncovered");
    let config = write(
        &dir,
        "daemon.yaml",
        "mode: application\nsubscriptions:\n  - resource: /me/messages\n    operations: [create]\n  - resource: /groups/{id}/conversations\n    operations: [create]\n  - resource: /no/such/thing\n    operations: [create]\n  - resource: teams//channels\n    operations: [create]\n  - resource: /users\n    operations: [create]\n",
    );
    let r = run_at_root(&["plan", &config, "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("error: 4 items cannot be covered under application"),
        "{}",
        r.stderr
    );
    let v = json(&r.stdout);
    assert_eq!(scope_names(&v), ["User.Read.All"]);
    let kinds = uncovered_kinds(&v);
    assert_eq!(
        kinds,
        [
            ("create /me/messages", "error_rule"),
            ("create /groups/{id}/conversations", "not_supported"),
            ("create /no/such/thing", "unknown_resource"),
            ("create teams//channels", "invalid_resource"),
        ]
    );
    assert!(v["uncovered"][0]["reason"]
        .as_str()
        .expect("reason")
        .contains("me-needs-delegated"));
    let text = run_at_root(&["plan", &config]);
    assert_eq!(text.code, 1);
    insta::assert_snapshot!(
        "uncovered_text",
        text.stdout.replace(&config, "daemon.yaml")
    );
    // The registration formats still print what can be covered, and say what is not on stderr.
    let entra = run_at_root(&["plan", &config, "--format", "entra"]);
    assert_eq!(entra.code, 1);
    assert!(entra
        .stdout
        .contains("df021288-bdef-4463-88db-98f22de89214"));
    assert!(
        entra
            .stderr
            .contains("error: not covered: create /me/messages:"),
        "{}",
        entra.stderr
    );
}

#[test]
fn a_search_past_its_bound_says_it_is_approximate() {
    let r = run_at_root(&[
        "plan",
        "examples/plans/teams-bot.yaml",
        "--node-budget",
        "1",
    ]);
    assert_eq!(r.code, 0);
    let words = r.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("approximate: the exact search passed its bound of 1 node;"),
        "{}",
        r.stdout
    );
    let v = json(
        &run_at_root(&[
            "plan",
            "examples/plans/teams-bot.yaml",
            "--node-budget",
            "1",
            "--format",
            "json",
        ])
        .stdout,
    );
    assert_eq!(v["exact"], false);
    assert!(v["search"]["approximation"].as_str().is_some());
    let entra = run_at_root(&[
        "plan",
        "examples/plans/teams-bot.yaml",
        "--node-budget",
        "1",
        "--format",
        "entra",
    ]);
    assert!(
        entra.stderr.contains("warning: approximate plan"),
        "{}",
        entra.stderr
    );
}

#[test]
fn the_lint_judges_over_privilege_with_the_same_plan() {
    let dir = scratch("plan-lint-agrees");
    let body = "mode: application\nrsc: true\nsubscriptions:\n  - resource: /chats/{chat-id}/members\n  - resource: /chats/{chat-id}\n";
    let config = write(&dir, "chat.yaml", body);
    let lint = |scopes: &str, prefer: &str| {
        json(
            &run_at_root(&[
                "lint", &config, "--scopes", scopes, "--prefer", prefer, "--format", "json",
            ])
            .stdout,
        )
    };
    let over = |v: &serde_json::Value| {
        v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["rule"] == "over-privileged")
            .cloned()
    };
    // One level-3 scope: the fewest, but least-privilege prefers two level-2 ones.
    let v = lint("Chat.Manage.Chat", "least-privilege");
    let f = over(&v).expect("over-privileged under least-privilege");
    assert_eq!(
        f["suggestion"],
        "ChatMember.Read.Chat, ChatSettings.Read.Chat"
    );
    assert!(f["message"]
        .as_str()
        .expect("message")
        .contains("a lower highest privilege level"));
    assert!(over(&lint("Chat.Manage.Chat", "fewest-scopes")).is_none());
    // And the other way round.
    let v = lint(
        "ChatMember.Read.Chat,ChatSettings.Read.Chat",
        "fewest-scopes",
    );
    assert_eq!(
        over(&v).expect("over-privileged under fewest-scopes")["suggestion"],
        "Chat.Manage.Chat"
    );
    assert!(over(&lint(
        "ChatMember.Read.Chat,ChatSettings.Read.Chat",
        "least-privilege"
    ))
    .is_none());
    // A scope that is not its cell's least is fine when the set is the best: Group.Read.All
    // covers groups and, for reauthorize, channel messages; ChannelMessage.Read.All beside it
    // would add a scope.
    let teams = write(
        &dir,
        "teams.yaml",
        "mode: delegated-work\nscopes: [Group.Read.All]\nsubscriptions:\n  - resource: /groups\n  - resource: /teams/{id}/channels/{id}/messages\n    operations: [reauthorize]\n",
    );
    let v = json(&run_at_root(&["lint", &teams, "--format", "json"]).stdout);
    assert!(over(&v).is_none(), "{v}");
    assert_eq!(v["summary"]["errors"], 0);
}
