//! Markdown structure: lines, the Permissions table, its cells, and the RSC note after it.

use std::string::String;
use std::vec::Vec;

/// One line of the page with its 1-based number.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    pub number: usize,
    pub text: &'a str,
}

/// The page's lines (a leading byte-order mark and `\r` line ends removed).
pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .enumerate()
        .map(|(i, text)| Line {
            number: i + 1,
            text,
        })
        .collect()
}

/// Removes Markdown backslash escapes (`\(`, `\)`, `\*`, `\_`, ...): a backslash before ASCII
/// punctuation is dropped; any other backslash is kept.
pub(super) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if next.is_ascii_punctuation() {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Trims and turns every run of whitespace into one space.
pub(super) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Splits a table line into its raw cells: the leading pipe and a trailing (unescaped) pipe are
/// optional; `\|` does not split.
pub(super) fn split_cells(line: &str) -> Vec<&str> {
    let trimmed = line.trim();
    let body = trimmed.strip_prefix('|').unwrap_or(trimmed);
    let mut cells = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '|' {
            cells.push(body.get(start..i).unwrap_or_default());
            start = i + 1;
        }
    }
    let last = body.get(start..).unwrap_or_default();
    // A trailing pipe leaves an empty last piece: it ends the row, it is not a cell.
    if !last.trim().is_empty() || cells.is_empty() {
        cells.push(last);
    }
    cells
}

/// Whether a line is a table delimiter row (`|:---|---:|`).
pub(super) fn is_delimiter_row(line: &str) -> bool {
    let cells = split_cells(line);
    !cells.is_empty()
        && cells.iter().all(|cell| {
            let cell = cell.trim();
            let inner = cell.strip_prefix(':').unwrap_or(cell);
            let inner = inner.strip_suffix(':').unwrap_or(inner);
            !inner.is_empty() && inner.chars().all(|c| c == '-')
        })
}

fn is_fence(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("```") || t.starts_with("~~~")
}

/// Whether a line starts a block that ends a table (or stops the search for the RSC note).
fn starts_other_block(text: &str) -> bool {
    let t = text.trim_start();
    t.is_empty() || t.starts_with('>') || t.starts_with('#') || t.starts_with('<') || is_fence(t)
}

/// The Permissions table: where its header is, and its rows' lines.
#[derive(Debug)]
pub(super) struct TableLines<'a> {
    /// The header line.
    pub header: Line<'a>,
    /// The line after the header (the delimiter row, if the table is well formed).
    pub delimiter: Option<Line<'a>>,
    /// The body rows: every line after the delimiter up to the end of the table.
    pub rows: Vec<Line<'a>>,
    /// Index in the page's lines just after the table.
    pub end: usize,
}

/// Whether a line is a header row whose first cell is `Supported resource`.
fn is_permissions_header(text: &str) -> bool {
    if !text.contains('|') {
        return false;
    }
    split_cells(text)
        .first()
        .is_some_and(|first| collapse(&unescape(first)).eq_ignore_ascii_case("supported resource"))
}

/// Finds the first table whose header's first cell is `Supported resource` (outside code
/// fences). Its body runs to the first blank line or other block; any other line in between
/// is a row, so that no row is silently skipped.
pub(super) fn find_permissions_table<'a>(lines: &[Line<'a>]) -> Option<TableLines<'a>> {
    let mut in_fence = false;
    let mut index = 0;
    let header_index = loop {
        let line = lines.get(index)?;
        if is_fence(line.text) {
            in_fence = !in_fence;
        } else if !in_fence && is_permissions_header(line.text) {
            break index;
        }
        index += 1;
    };
    let header = *lines.get(header_index)?;
    let mut next = header_index + 1;
    let delimiter = lines
        .get(next)
        .copied()
        .filter(|line| is_delimiter_row(line.text));
    if delimiter.is_some() {
        next += 1;
    }
    let mut rows = Vec::new();
    while let Some(line) = lines.get(next) {
        if starts_other_block(line.text) {
            break;
        }
        rows.push(*line);
        next += 1;
    }
    Some(TableLines {
        header,
        delimiter,
        rows,
        end: next,
    })
}

/// One bullet of an RSC note: its line and its text (unescaped, trimmed).
#[derive(Debug)]
pub(super) struct NoteItem {
    pub line: usize,
    pub text: String,
}

/// The bullets of the block quotes after the table (up to the next heading) that speak of
/// resource-specific consent: the newer pages list RSC permissions there.
pub(super) fn rsc_note_items(lines: &[Line<'_>], from: usize) -> Vec<NoteItem> {
    let mut items = Vec::new();
    let mut in_fence = false;
    let mut quote: Vec<Line<'_>> = Vec::new();
    for line in lines.iter().skip(from) {
        let text = line.text.trim_start();
        if is_fence(text) {
            in_fence = !in_fence;
        }
        if !in_fence && text.starts_with('>') {
            quote.push(*line);
            continue;
        }
        take_rsc_bullets(&quote, &mut items);
        quote.clear();
        if !in_fence && text.starts_with('#') {
            break;
        }
    }
    take_rsc_bullets(&quote, &mut items);
    items
}

fn take_rsc_bullets(quote: &[Line<'_>], items: &mut Vec<NoteItem>) {
    let speaks_of_rsc = quote.iter().any(|line| {
        line.text
            .to_ascii_lowercase()
            .contains("resource-specific consent")
    });
    if !speaks_of_rsc {
        return;
    }
    for line in quote {
        let body = line.text.trim_start().trim_start_matches('>').trim();
        let bullet = body.strip_prefix("- ").or_else(|| body.strip_prefix("* "));
        if let Some(text) = bullet.or_else(|| (body == "-" || body == "*").then_some("")) {
            items.push(NoteItem {
                line: line.number,
                text: collapse(&unescape(text)),
            });
        }
    }
}
