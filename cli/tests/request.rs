//! The binary's `request` command and `audit --requests`.

mod support;

use support::*;

const DONE_WHEN: &str = "https://graph.microsoft.com/v1.0/me/messages?$top=5";

#[test]
fn the_issue_example_answers_in_the_documented_json() {
    let out = ok(&["request", "GET", DONE_WHEN, "--format", "json"]);
    let v = json(&out);
    assert_eq!(
        keys(&v),
        sorted(&[
            "input",
            "method",
            "api",
            "query",
            "template",
            "item_path",
            "answers"
        ])
    );
    assert_order(&out, 0, &["input", "method", "api", "query", "answers"]);
    assert_eq!(v["input"], DONE_WHEN);
    assert_eq!(v["method"], "GET");
    assert_eq!(v["api"], "v1.0");
    assert_eq!(v["query"], "$top=5");
    let work = &v["answers"]["delegated-work"];
    assert_eq!(work["status"], "supported");
    assert_eq!(work["template"], "/me/messages");
    assert_eq!(work["least"], "Mail.ReadBasic");
    assert_eq!(work["permissions"][0], "Mail.ReadBasic");
    assert!(work["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p == "Mail.ReadWrite"));
    assert_eq!(work["details"][0]["name"], "Mail.ReadBasic");
    assert_eq!(work["details"][0]["admin_consent"], false);
    assert!(work["details"][0]["privilege_level"].is_u64());
    let answers: Vec<&str> = v["answers"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(answers.len(), 3);
}

#[test]
fn text_names_the_template_and_the_least_per_mode() {
    let out = ok(&["request", "get", "/ME/Messages", "--mode", "delegated-work"]);
    assert!(
        out.starts_with("template: /me/messages  (GET v1.0)\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "delegated-work      Mail.ReadBasic  (least privileged)\n                    level "
        ),
        "{out}"
    );
    assert!(
        out.contains("no admin consent\n                    then: Mail.Read, Mail.ReadWrite\n"),
        "{out}"
    );
    assert!(!out.contains("application"), "{out}");
    assert_fits(&out);
}

#[test]
fn not_supported_modes_unknown_requests_and_usage_errors() {
    // A template supported under some modes only: exit 0, the others not_supported.
    let out = ok(&[
        "request",
        "GET",
        "/reports/getEmailActivityCounts(period='D7')",
        "--format",
        "json",
    ]);
    let v = json(&out);
    assert_eq!(
        v["answers"]["delegated-personal"],
        serde_json::json!({"status": "not_supported", "template": "/reports/getemailactivitycounts(period={value})"})
    );
    assert_eq!(v["answers"]["application"]["status"], "supported");
    assert_json_error(
        &["request", "GET", "/no/such/thing", "--format", "json"],
        "unknown_request",
    );
    assert_json_error(
        &["request", "GET", "/users//x", "--format", "json"],
        "invalid_url",
    );
    assert_json_error(
        &[
            "request",
            "POST",
            "/groups/{id}/members",
            "--format",
            "json",
        ],
        "unknown_method",
    );
    let r = run(&["request", "GET", "/no/such/thing"]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert!(
        r.stderr.contains("no Microsoft Graph request template"),
        "{}",
        r.stderr
    );
    assert_usage_error(&["request", "HEAD", "/me"], "unknown method `HEAD`");
    assert_usage_error(&["request", "GET"], "give METHOD URL");
    assert_usage_error(&["request", "-", "/me"], "give no URL");
    assert_usage_error(&["request", "GET", "/me", "--mode", "admin"], "admin");
}

#[test]
fn stdin_gives_one_json_object_per_line() {
    let out = run_at_root_with(
        &["request", "-", "--mode", "application"],
        Some(b"GET /users\n\n# a comment\nPOST /me/sendMail\nGET /no/such/thing\n"),
    );
    assert_eq!(out.code, 1, "an unknown request exits 1");
    let stdout = out.stdout;
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(lines[0]["template"], "/users");
    assert_eq!(
        lines[0]["answers"]["application"]["least"],
        "User.ReadBasic.All"
    );
    assert_eq!(lines[1]["method"], "POST");
    assert_eq!(lines[1]["answers"]["application"]["least"], "Mail.Send");
    assert_eq!(lines[2]["error"]["kind"], "unknown_request");

    let out = run_at_root_with(&["request", "-"], Some(b"FETCH /users\n/users\n"));
    assert_eq!(out.code, 2, "unusable lines exit 2");
    let stdout = out.stdout;
    assert_eq!(stdout.lines().count(), 2);
    assert!(
        stdout.lines().all(|l| l.contains("\"kind\":\"usage\"")),
        "{stdout}"
    );
}

#[test]
fn audit_lists_the_open_choices_of_the_request_data() {
    let out = ok(&["audit", "--requests"]);
    assert!(out.contains(
        "GET /me/messages delegated-work: marked least: Mail.ReadBasic, Mail.ReadWrite; chosen Mail.ReadBasic (by narrower)"
    ), "{}", &out[..2000]);
    assert!(out.contains(
        "GET /groups application: marked least: Group.ReadBasic.All, Group-NestingSupport.ReadWrite.All; chosen Group.ReadBasic.All (by access)"
    ));
    let v = json(&ok(&["audit", "--requests", "--format", "json"]));
    assert!(v["several_marked"].as_u64().unwrap() > 3000);
    assert!(v["none_marked"].as_u64().unwrap() > 100);
    let first = &v["choices"][0];
    assert_eq!(
        keys(first),
        sorted(&[
            "template",
            "method",
            "mode",
            "marked",
            "least",
            "decided_by",
            "location"
        ])
    );
    let md = ok(&["audit", "--requests", "--format", "markdown"]);
    assert!(md.contains("| GET | `/me/messages` | delegated-work | Mail.ReadBasic, Mail.ReadWrite | Mail.ReadBasic | narrower |"));
}

#[test]
fn lint_judges_scopes_over_subscriptions_and_requests_together() {
    let dir = scratch("lint-requests");
    let config = dir.join("app.yaml");
    std::fs::write(
        &config,
        "mode: delegated-work\n\
         scopes: [Mail.ReadWrite, Calendars.Read, Files.Read]\n\
         subscriptions:\n  - resource: /me/messages\n\
         requests:\n  - GET /me/messages/{id}\n  - GET /me/events?$top=10\n  - POST /me/sendMail\n",
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let r = run(&["lint", config, "--format", "json"]);
    assert_eq!(r.code, 1, "a missing scope is an error: {}", r.stdout);
    let v = json(&r.stdout);
    let findings = v["findings"].as_array().unwrap();
    let of = |rule: &str, request: &str| {
        findings
            .iter()
            .find(|f| f["rule"] == rule && f["request"] == request)
            .unwrap_or_else(|| panic!("no {rule} for {request} in {}", r.stdout))
    };
    // Mail.Send grants nothing requested: missing, with the least privileged one to add.
    let missing = of("missing-scope", "POST /me/sendMail");
    assert_eq!(missing["suggestion"], "Mail.Send");
    assert_eq!(missing["line"], 8);
    // Calendars.Read works for the events, but a less privileged one would too: the plan for
    // what the requested scopes cover (subscription and requests together) is better.
    let over = findings
        .iter()
        .find(|f| f["rule"] == "over-privileged")
        .unwrap_or_else(|| panic!("no over-privileged in {}", r.stdout));
    let planned: Vec<&str> = over["suggestion"].as_str().unwrap().split(", ").collect();
    assert!(planned.contains(&"Calendars.ReadBasic"), "{planned:?}");
    assert!(!planned.contains(&"Calendars.Read"), "{planned:?}");
    // Files.Read is used by nothing declared; Calendars.Read is used by a request, so it is
    // not called unused.
    let unused: Vec<&str> = findings
        .iter()
        .filter(|f| f["rule"] == "unused-scope")
        .map(|f| f["scope"].as_str().unwrap())
        .collect();
    assert_eq!(unused, ["Files.Read"]);
    assert!(findings.iter().any(|f| f["message"]
        .as_str()
        .unwrap()
        .contains("no declared subscription or request")));

    let text = run(&["lint", config]).stdout;
    assert!(text.contains("    request: POST /me/sendMail\n"), "{text}");
    assert!(
        text.contains("1 subscriptions, 3 requests, 3 scopes"),
        "{text}"
    );

    // A config of requests alone is enough; a malformed request line is a usage error.
    std::fs::write(
        dir.join("only.yaml"),
        "mode: application\nscopes: [User.ReadBasic.All]\nrequests: [GET /users]\n",
    )
    .unwrap();
    assert!(ok(&["lint", dir.join("only.yaml").to_str().unwrap()]).contains("0 errors"));
    std::fs::write(
        dir.join("bad.yaml"),
        "mode: application\nscopes: [User.Read.All]\nrequests:\n  - /users\n",
    )
    .unwrap();
    assert_usage_error(
        &["lint", dir.join("bad.yaml").to_str().unwrap()],
        "bad.yaml:4:5: `/users` is not `METHOD URL`",
    );
}
