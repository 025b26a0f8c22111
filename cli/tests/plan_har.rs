//! `msgraph-scopes plan --har`, run as the real binary: the recorded mail processor with a
//! `$batch` (`examples/plans/mail-processor.har`), and recordings with national clouds, CORS
//! preflights, other hosts, unreadable URLs and batches, and files that are no archive.

mod support;

use support::{json, run_at_root, scope_names, scratch, uncovered_kinds, write};

#[test]
fn a_recording_with_a_batch_becomes_request_items() {
    let r = run_at_root(&[
        "plan",
        "examples/plans/mail-processor.yaml",
        "--har",
        "examples/plans/mail-processor.har",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r.stdout);
    let har = &v["har"];
    assert_eq!(har["entries"], 7);
    assert_eq!(har["batches"], 1);
    assert_eq!(har["batched_requests"], 4);
    assert_eq!(har["graph_requests"], 8);
    assert_eq!(har["subscriptions"], 1);
    // The renewal of the recorded subscription is counted: its lifecycle is planned.
    assert_eq!(har["subscription_calls"], 1);
    assert_eq!(har["repeats"], 1);
    assert_eq!(har["other_hosts"]["login.microsoftonline.com"], 2);
    assert_eq!(v["uncovered"], serde_json::json!([]));
    // The four requests of the $batch, relative to its version, are items, each covered.
    let covered_by = |item: &str| -> String {
        v["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["item"] == item)
            .unwrap_or_else(|| panic!("{item} is an item"))["covered_by"]
            .as_str()
            .expect("covered")
            .to_string()
    };
    let user = "/v1.0/users/5f3c2a1e-7b9d-4e2f-9a61-3c8d0b4e7f12";
    assert_eq!(
        covered_by(&format!(
            "GET {user}/messages/AAMkAGI2THVSAAA=?$select=subject,body,from"
        )),
        "Mail.ReadWrite"
    );
    assert_eq!(
        covered_by(&format!("PATCH {user}/messages/AAMkAGI2THVSAAA=")),
        "Mail.ReadWrite"
    );
    assert_eq!(
        covered_by(&format!("POST {user}/messages/AAMkAGI2THVSAAA=/move")),
        "Mail.ReadWrite"
    );
    assert_eq!(
        covered_by(&format!(
            "GET {user}/contacts?$filter=emailAddresses/any(a:a/address eq 'alex@contoso.com')"
        )),
        "Contacts.Read"
    );
    // The recorded subscription is planned with the config's.
    assert_eq!(
        covered_by(
            "create /users/5f3c2a1e-7b9d-4e2f-9a61-3c8d0b4e7f12/mailFolders('Inbox')/messages"
        ),
        "Mail.ReadWrite"
    );
    assert_eq!(
        scope_names(&v),
        ["Contacts.Read", "Mail.ReadWrite", "User.Read.All"]
    );
    // Recorded without its config's requests, the app still needs Mail.ReadWrite.
    let dir = scratch("plan-har-mail");
    let config = write(
        &dir,
        "subscriptions-only.yaml",
        "mode: application\nsubscriptions:\n  - resource: /users/{user-id}/mailFolders('Inbox')/messages\n",
    );
    let alone = json(&run_at_root(&["plan", &config, "--format", "json"]).stdout);
    assert_eq!(scope_names(&alone), ["Mail.Read"]);
    let recorded = json(
        &run_at_root(&[
            "plan",
            &config,
            "--har",
            "examples/plans/mail-processor.har",
            "--format",
            "json",
        ])
        .stdout,
    );
    assert_eq!(scope_names(&recorded), ["Contacts.Read", "Mail.ReadWrite"]);
    let text = run_at_root(&[
        "plan",
        "examples/plans/mail-processor.yaml",
        "--har",
        "examples/plans/mail-processor.har",
    ]);
    insta::assert_snapshot!("mail_processor_har_text", text.stdout);
}

#[test]
fn recordings_from_national_clouds_browsers_and_broken_batches() {
    let dir = scratch("plan-har-har");
    let config = write(
        &dir,
        "app.yaml",
        "mode: delegated-work\nsubscriptions:\n  - resource: /me/events\n",
    );
    let har = r#"{"log": {"version": "1.2", "creator": {"name": "Firefox", "version": "133"}, "entries": [
  {"request": {"method": "OPTIONS", "url": "https://graph.microsoft.com/v1.0/me", "headers": []}, "response": {"status": 204}},
  {"request": {"method": "get", "url": "https://graph.microsoft.com/v1.0/me?$select=displayName", "headers": []}, "response": {"status": 200}},
  {"request": {"method": "GET", "url": "https://graph.microsoft.us/v1.0/me/events", "headers": []}, "response": {"status": 200}},
  {"request": {"method": "GET", "url": "https://CONTOSO.sharepoint.com/_api/web", "headers": []}, "response": {"status": 200}},
  {"request": {"method": "GET", "url": "not a url", "headers": []}, "response": {"status": 0}},
  {"request": {"method": "POST", "url": "https://graph.microsoft.com/beta/$batch", "postData": {"mimeType": "application/json", "text": "{\"requests\": ["}}, "response": {"status": 400}},
  {"request": {"method": "POST", "url": "https://graph.microsoft.com/v1.0/$batch", "postData": {"mimeType": "application/json", "text": "{\"requests\": [{\"id\": \"1\", \"method\": \"POST\", \"url\": \"/subscriptions\", \"body\": {\"changeType\": \"updated\", \"resource\": \"/me/contacts\", \"notificationUrl\": \"https://example.com/hook\"}}]}"}}, "response": {"status": 200}},
  {"request": {"method": "HEAD", "url": "https://graph.microsoft.com/v1.0/me/photo/$value", "headers": []}, "response": {"status": 200}},
  {"request": {"method": "DELETE", "url": "https://graph.microsoft.com/v1.0/subscriptions/2f1c", "headers": []}, "response": {"status": 204}}
]}}"#;
    let har = write(&dir, "browser.har", har);
    let r = run_at_root(&["plan", &config, "--har", &har, "--format", "json"]);
    // The unreadable $batch is an item nothing covers.
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = json(&r.stdout);
    let h = &v["har"];
    assert_eq!(h["preflights"], 1);
    assert_eq!(h["unreadable_urls"], 1);
    assert_eq!(h["unreadable_batches"], 1);
    assert_eq!(h["other_hosts"]["contoso.sharepoint.com"], 1);
    assert_eq!(h["other_methods"]["HEAD"], 1);
    assert_eq!(h["subscriptions"], 1);
    assert_eq!(h["subscription_calls"], 1);
    let uncovered = uncovered_kinds(&v);
    assert_eq!(uncovered, [("POST /beta/$batch", "unknown_request")]);
    let items: Vec<&str> = v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["item"].as_str().expect("item"))
        .collect();
    // A national cloud's request keeps its host; the global one's does not.
    assert!(
        items.contains(&"GET /v1.0/me?$select=displayName"),
        "{items:?}"
    );
    assert!(
        items.contains(&"GET https://graph.microsoft.us/v1.0/me/events"),
        "{items:?}"
    );
    // The subscription created inside the batch is planned: Contacts.Read beside the rest.
    assert!(
        scope_names(&v).contains(&"Contacts.Read".to_string()),
        "{v}"
    );
    assert!(
        scope_names(&v).contains(&"Calendars.Read".to_string()),
        "{v}"
    );
    // Not an archive: exit 2, where and what.
    let bad = write(&dir, "bad.har", "{\"log\": {\"entries\": 3}}");
    let r = run_at_root(&["plan", &config, "--har", &bad]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("bad.har:1:"), "{}", r.stderr);
    assert!(r.stderr.contains("not an HTTP Archive"), "{}", r.stderr);
    let missing = run_at_root(&[
        "plan",
        &config,
        "--har",
        &dir.join("absent.har").display().to_string(),
    ]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("cannot read"), "{}", missing.stderr);
}
