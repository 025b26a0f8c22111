//! What the request tests share: the data files read plainly, and concrete URLs made from
//! templates.

use serde_yaml::Value;
use std::path::Path;

/// One (template, method) of `data/requests/` with its cells per mode (names, least first).
pub struct DataCell {
    pub template: String,
    pub method: String,
    pub cells: [Option<Vec<String>>; 3],
}

/// Every compiled (template, method) of `data/requests/`, read with serde_yaml alone.
pub fn data_cells() -> Vec<DataCell> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/requests"));
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let doc: Value = serde_yaml::from_str(&text).unwrap();
        for t in doc["templates"].as_sequence().unwrap() {
            if t.get("skipped").is_some() {
                continue;
            }
            let template = t["path"].as_str().unwrap().to_owned();
            for (method, cells) in t["methods"].as_mapping().unwrap() {
                let cell = |mode: &str| {
                    cells
                        .get(mode)
                        .and_then(Value::as_str)
                        .map(|c| c.split(' ').map(str::to_owned).collect())
                };
                out.push(DataCell {
                    template: template.clone(),
                    method: method.as_str().unwrap().to_owned(),
                    cells: [
                        cell("delegated-work"),
                        cell("delegated-personal"),
                        cell("application"),
                    ],
                });
            }
        }
    }
    out
}

/// Realistic ids, none of them a static segment of any template.
const IDS: [&str; 6] = [
    "7a1f7d3e-8b6c-4d2a-9f0e-1b2c3d4e5f60",
    "AAMkAGI2TG93AAA=",
    "19:abc123@thread.tacv2",
    "adele.vance@contoso.com",
    "b!Xy9_Zk-0QkSa4",
    "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K",
];

/// A concrete URL for `template`: every placeholder an id (a key's or a function parameter's
/// a quoted value, an item path a nested path with spaces and parentheses), static letters in
/// scrambled case, and one of several prefixes and suffixes, chosen by `seed`.
pub fn concrete(template: &str, seed: usize) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut chars = template.char_indices().peekable();
    let mut n = seed;
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => {
                let mut end = i;
                for (j, d) in chars.by_ref() {
                    if d == '}' {
                        end = j;
                        break;
                    }
                }
                let _ = end;
                let quoted = out.ends_with('\'');
                let item = out.ends_with(":/");
                let value = if item {
                    "Folder A/Sub dir/report (1).docx".to_owned()
                } else if depth > 0 && quoted {
                    "x-1".to_owned()
                } else if depth > 0 {
                    "'D7'".to_owned()
                } else {
                    n += 1;
                    IDS[n % IDS.len()].to_owned()
                };
                out.push_str(&value);
            }
            '(' => {
                depth += 1;
                out.push(c);
            }
            ')' => {
                depth = depth.saturating_sub(1);
                out.push(c);
            }
            c if c.is_ascii_alphabetic() && depth == 0 => {
                n = n.wrapping_mul(31).wrapping_add(7);
                out.push(if n % 3 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                });
            }
            c => out.push(c),
        }
    }
    match seed % 4 {
        0 => out,
        1 => format!("https://graph.microsoft.com/v1.0{out}?$select=id,displayName"),
        2 => format!("/beta{out}"),
        _ => format!(
            "{}?$top=5&$filter=startswith(displayName,'A')",
            out.trim_start_matches('/')
        ),
    }
}
