//! `lookup`, `resolve`, `request`, `resolve_request`, `permission` and `permission_by_id`
//! allocate nothing.
//!
//! A counting global allocator counts the allocations made on the current thread while a
//! thread-local switch is on, so the test harness's other threads cannot disturb the count. The
//! file has a single test so that nothing else runs on this thread meanwhile.

use msgraph_scopes::catalog::{permission, permission_by_id, IdLookup};
use msgraph_scopes::{
    lookup, lookup_resolved, request, resolve, resolve_request, table, tables, ApiVersion,
    AuthMode, LookupError, Method, Operation, PathError,
};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

struct Counting;

thread_local! {
    static ON: Cell<bool> = const { Cell::new(false) };
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

fn bump() {
    // `try_with`: the allocator may run while thread-locals are being torn down.
    if ON.try_with(Cell::get).unwrap_or(false) {
        let _ = COUNT.try_with(|c| c.set(c.get() + 1));
    }
}

// SAFETY: every call is forwarded unchanged to `System`; the counting touches only const-
// initialised thread-locals without destructors, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump();
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` with counting on; returns its result and the number of allocations it made.
fn counted<T>(f: impl FnOnce() -> T) -> (T, usize) {
    COUNT.with(|c| c.set(0));
    ON.with(|on| on.set(true));
    let out = f();
    ON.with(|on| on.set(false));
    (out, COUNT.with(Cell::get))
}

#[test]
fn lookups_and_catalog_reads_allocate_nothing() {
    // --- The counter counts. ---
    let (v, n) = counted(|| black_box(Vec::<u8>::with_capacity(16)));
    assert!(n >= 1, "a Vec allocation was not counted");
    drop(v);
    let (s, n) = counted(|| black_box(String::from("x")) + "y");
    assert!(n >= 1, "a String allocation was not counted");
    drop(s);
    let ((), n) = counted(|| drop(black_box(Box::new(7u64))));
    assert_eq!(n, 1);
    let ((), n) = counted(|| ());
    assert_eq!(n, 0);

    // --- Inputs, built before counting. ---
    let huge_segment = "a".repeat(100 * 1024);
    let huge_path = "a/".repeat(50 * 1024);
    let huge_query = format!("/me/events?$filter={}", "x".repeat(100 * 1024));
    let resources: Vec<&str> = vec![
        "/me/mailFolders('Inbox')/messages",
        "/Me/MailFolders('Inbox')/Messages/",
        "https://graph.microsoft.com/v1.0/users/7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60/messages?$filter=hasAttachments eq true",
        "https://graph.microsoft.com/beta/me/events",
        "users/adele%40contoso.com/events",
        "/teams/getAllMessages",
        "/teams/19:abc@thread.tacv2/channels/19:def@thread.tacv2/messages",
        "teams('19:abc@thread.tacv2')/channels",
        "/chats/19:meeting_MjA5@thread.v2/messages",
        "/me/drive/root",
        "/drives/b!Xy9_Zk-0Q/root/subfolder",
        "communications/presences?$filter=id in ('a','b')",
        "/communications/callRecords",
        "/communications/onlineMeetings(joinWebUrl='https%3A%2F%2Fteams.microsoft.com%2Fl')/meetingCallEvents",
        "/me/todo/lists/AAMkAGI2/tasks",
        "groups('02bd9fd6-8f93-4758-87c3-1fb73740a315')/conversations",
        "/sites/contoso.sharepoint.com,2C71,2D22/lists/22e03ef3",
        "/print/printers/a1b2/jobs",
        "/security/alerts?$filter=status eq 'newAlert'",
        "/solutions/approval/approvalItems",
        "/reports/healthmonitoring/alerts",
        "/me",
        // Equivalent forms (data/equivalents.yaml), refused forms and second-source rows.
        "/users/adele@contoso.com/calendars/AAMkADc3=/events",
        "me/chats/19:abc@thread.v2/messages",
        "/sites/contoso.sharepoint.com,2C71,2D22/drive/root",
        "/drives/b!abc/items/01BYE5RZ6Q",
        "/teams/893075dd-2487-4122-925f-022c42e20265",
        // Errors of every kind.
        "",
        "   ",
        "teams//channels",
        "me/mes\u{0}sages",
        "users(abc/messages",
        "users('abc)",
        "('x')",
        "/no/such/thing",
        "日本語/🦀",
        &huge_segment,
        &huge_path,
        &huge_query,
    ];

    let mut answers = 0;
    let mut kinds = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for t in tables() {
        for mode in AuthMode::ALL {
            for &resource in &resources {
                let (result, n) = counted(|| {
                    lookup(
                        black_box(t.api()),
                        black_box(t.operation()),
                        black_box(resource),
                        black_box(mode),
                    )
                });
                if n != 0 {
                    failures.push(format!(
                        "lookup {} {} {mode} {:?}: {n} allocations",
                        t.api(),
                        t.operation(),
                        resource.chars().take(60).collect::<String>()
                    ));
                }
                match result {
                    Ok(_) => answers += 1,
                    Err(LookupError::InvalidResource(e)) => {
                        kinds.insert(format!("invalid:{}", e.kind()));
                    }
                    Err(e) => {
                        kinds.insert(e.kind().to_owned());
                    }
                }
                // Reading the answer allocates nothing either.
                let (_, n) = counted(|| {
                    if let Ok(a) = result {
                        black_box((
                            a.least().name(),
                            a.permissions().len(),
                            a.template(),
                            a.query(),
                            a.row().resource_type(),
                            a.row().title(),
                            a.permissions().contains("Mail.Read"),
                            a.least().info().map(|i| i.name()),
                            a.equivalence()
                                .map(|e| (e.form(), e.stands_for(), e.source())),
                            a.also_accepted()
                                .filter(|p| {
                                    !p.name().is_empty()
                                        && p.is_rsc()
                                        && !p.source().file().is_empty()
                                })
                                .count(),
                            msgraph_scopes::retired_name(resource),
                        ));
                    }
                });
                if n != 0 {
                    failures.push(format!("reading the answer for {resource:?}: {n}"));
                }
            }
        }
    }
    // The inputs gave answers and every kind of error.
    assert!(answers > 100, "{answers} answers");
    for kind in [
        "not_supported",
        "unknown_resource",
        "invalid:empty",
        "invalid:empty-segment",
        "invalid:control-char",
        "invalid:unbalanced-paren",
        "invalid:unterminated-quote",
        "invalid:invalid-key",
        "invalid:segment-too-long",
    ] {
        assert!(kinds.contains(kind), "no {kind} among {kinds:?}");
    }

    // resolve + lookup_resolved.
    for &resource in &resources {
        let (resolved, n) = counted(|| resolve(black_box(resource)));
        if n != 0 {
            failures.push(format!("resolve {resource:?}: {n} allocations"));
        }
        if let Ok(resolved) = resolved {
            let (_, n) = counted(|| {
                for t in tables() {
                    for mode in AuthMode::ALL {
                        black_box(lookup_resolved(t, resolved, mode).ok());
                        black_box(resolved.row_in(t, mode));
                        black_box(resolved.equivalence(t, mode));
                        black_box(resolved.refusal(mode).map(|r| r.reason()));
                        black_box(resolved.elsewhere(t.api(), t.operation()));
                    }
                }
            });
            if n != 0 {
                failures.push(format!("lookup_resolved {resource:?}: {n} allocations"));
            }
        }
    }
    // The rules around an answer, its lifetime and change types, and the lifecycle answer.
    for &resource in &resources {
        let (_, n) = counted(|| {
            for t in tables() {
                for mode in AuthMode::ALL {
                    if let Ok(answer) = lookup(t.api(), t.operation(), black_box(resource), mode) {
                        for rule in answer.rules() {
                            black_box((rule.id(), rule.severity(), rule.message()));
                        }
                        black_box((answer.row().max_lifetime(), answer.row().change_types()));
                    }
                }
            }
            for mode in AuthMode::ALL {
                if let Ok(l) = msgraph_scopes::lifecycle(
                    msgraph_scopes::ApiVersion::V1,
                    black_box(resource),
                    mode,
                ) {
                    black_box((l.least(), l.unsupported().count(), l.disagreeing().count()));
                }
            }
        });
        if n != 0 {
            failures.push(format!(
                "rules/lifetime/lifecycle {resource:?}: {n} allocations"
            ));
        }
    }
    let (rules, _) = counted(|| {
        lookup(
            msgraph_scopes::ApiVersion::V1,
            msgraph_scopes::Operation::Create,
            "/me/messages",
            AuthMode::Application,
        )
        .map(|a| a.rules().count())
    });
    assert!(
        rules.is_ok_and(|n| n > 0),
        "rules apply to /me under application"
    );

    let (r, n) = counted(|| resolve(black_box("teams//channels")).map(|_| ()));
    assert_eq!((r, n), (Err(PathError::EmptySegment), 0));

    // The catalog, by name and by GUID.
    for name in [
        "Mail.Read",
        "mail.read",
        "  ChannelMessage.Read.All ",
        "https://graph.microsoft.com/Chat.ReadBasic",
        "Mail.Reed",
        "",
        &huge_segment,
    ] {
        let (p, n) = counted(|| {
            permission(black_box(name)).map(|p| {
                black_box((p.name(), p.is_rsc(), p.source_notes().len()));
                p.scheme(AuthMode::DelegatedWork)
                    .map(|s| (s.id(), s.admin_consent(), s.privilege_level()))
            })
        });
        if n != 0 {
            failures.push(format!("permission {name:?}: {n} allocations"));
        }
        black_box(p);
    }
    for id in [
        "570282fd-fa5c-430d-a7fd-fc8dc98a9dca",
        "570282FD-FA5C-430D-A7FD-FC8DC98A9DCA",
        "{570282fd-fa5c-430d-a7fd-fc8dc98a9dca}",
        "810c84a8-4a9e-49e6-bf7d-12d183f40d01",
        "00000000-0000-0000-0000-000000000000",
        "not a guid",
        &huge_segment,
    ] {
        let (found, n) = counted(|| match permission_by_id(black_box(id)) {
            Some(IdLookup::Graph { permission, mode }) => Some((permission.name(), mode)),
            Some(IdLookup::Foreign(f)) => Some((f.name(), f.mode())),
            None => None,
        });
        if n != 0 {
            failures.push(format!("permission_by_id {id:?}: {n} allocations"));
        }
        black_box(found);
    }
    let (mail, _) = counted(|| permission_by_id("810c84a8-4a9e-49e6-bf7d-12d183f40d01"));
    assert!(
        matches!(mail, Some(IdLookup::Graph { permission, mode: AuthMode::Application }) if permission.name() == "Mail.Read"),
        "{mail:?}"
    );

    // Requests: every method and mode, answers read, and every failure.
    let requests: Vec<&str> = vec![
        "https://graph.microsoft.com/v1.0/me/messages?$top=5",
        "/ME/MailFolders('Inbox')/Messages/AAMkAGI2/$value",
        "/me/drive/items/01ABC/workbook/worksheets/Sheet1/range(address='A1:B2')",
        "/reports/getEmailActivityCounts(period='D7')",
        "/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/members/microsoft.graph.user/$count",
        "https://graph.microsoft.com/beta/me/drive/root:/Docs/Q1 report (final).docx:/content",
        "/drives/b!Xy9_Zk-0Q/items/01AB:/a/b/c.txt:/content?x=1",
        "/users/microsoft.graph.delta()",
        "/me/calendarView?startDateTime=2024-01-01",
        "/teams/getAllMessages",
        "/users/adele%40contoso.com/events",
        "/no/such/thing",
        "teams//channels",
        "/me/drive/root:/:",
        &huge_segment,
        &huge_path,
        &huge_query,
    ];
    let mut request_kinds = std::collections::BTreeSet::new();
    let mut request_answers = 0;
    for &url in &requests {
        for method in Method::ALL {
            for mode in AuthMode::ALL {
                let (result, n) = counted(|| {
                    request(black_box(method), black_box(url), black_box(mode)).map(|a| {
                        let least = a.least();
                        black_box((
                            a.template(),
                            a.query(),
                            least.name(),
                            least.privilege_level(),
                            least.admin_consent(),
                            a.permissions().iter().count(),
                            a.permissions().position("Mail.Read"),
                        ))
                    })
                });
                if n != 0 {
                    failures.push(format!(
                        "request {method} {mode} {:?}: {n} allocations",
                        url.chars().take(60).collect::<String>()
                    ));
                }
                match result {
                    Ok(_) => request_answers += 1,
                    Err(e) => {
                        request_kinds.insert(e.kind());
                    }
                }
            }
            let (_, n) = counted(|| {
                resolve_request(black_box(method), black_box(url)).map(|f| {
                    black_box((f.template(), f.item_path(), f.version()));
                    for mode in AuthMode::ALL {
                        black_box(f.permissions(mode).map(|p| p.least().name()));
                    }
                })
            });
            if n != 0 {
                failures.push(format!("resolve_request {method} {url:?}: {n} allocations"));
            }
        }
    }
    if cfg!(feature = "requests") {
        assert!(request_answers > 20, "{request_answers} request answers");
        for kind in [
            "invalid_url",
            "unknown_request",
            "unknown_method",
            "not_supported",
        ] {
            assert!(
                request_kinds.contains(kind),
                "no {kind} among {request_kinds:?}"
            );
        }
    } else {
        // Without the request matrix every request is refused the same way, allocation-free.
        assert_eq!(request_answers, 0);
        assert_eq!(
            request_kinds.into_iter().collect::<Vec<_>>(),
            ["not_compiled"]
        );
    }

    // Parsing names allocates nothing, even on failure.
    let (parsed, n) = counted(|| {
        (
            black_box("delegated-personal").parse::<AuthMode>().ok(),
            black_box("admin").parse::<AuthMode>().is_err(),
            black_box("beta").parse::<ApiVersion>().ok(),
            black_box("v2").parse::<ApiVersion>().is_err(),
            black_box("renew").parse::<Operation>().ok(),
            black_box("put").parse::<Operation>().is_err(),
            black_box("patch").parse::<Method>().ok(),
            black_box("HEAD").parse::<Method>().is_err(),
        )
    });
    assert_eq!(n, 0, "parsing allocated");
    assert_eq!(
        parsed,
        (
            Some(AuthMode::DelegatedPersonal),
            true,
            Some(ApiVersion::Beta),
            true,
            Some(Operation::Update),
            true,
            Some(Method::Patch),
            true
        )
    );

    // Walking a table allocates nothing.
    let (rows, n) = counted(|| {
        let t = table(ApiVersion::V1, Operation::Create);
        t.rows()
            .map(|r| r.templates().len() + AuthMode::ALL.iter().filter_map(|&m| r.cell(m)).count())
            .sum::<usize>()
    });
    assert!(rows > 40);
    assert_eq!(n, 0, "walking a table allocated");

    assert!(
        failures.is_empty(),
        "{} allocating calls:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
