//! Which format a file's content is: JSON, HCL (Terraform) or Bicep, from its first
//! statements, whatever the file is called.

/// The syntax of a declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// JSON or JSON with comments (starts with `{` or `[`).
    Json,
    /// HCL: Terraform's `resource "type" "name" {` blocks.
    Hcl,
    /// Bicep: `resource name 'Type@version' = {` declarations.
    Bicep,
    /// None of them.
    Unknown,
}

/// Terraform's top-level block types; each is followed by a `"label"` or `{`.
const HCL_BLOCKS: [&str; 10] = [
    "resource",
    "data",
    "provider",
    "terraform",
    "variable",
    "locals",
    "output",
    "module",
    "import",
    "moved",
];

/// Bicep's statement keywords; each is followed by a name, a `'string'` or `=`, never a
/// `"label"`.
const BICEP_KEYWORDS: [&str; 12] = [
    "resource",
    "param",
    "var",
    "output",
    "module",
    "extension",
    "provider",
    "targetScope",
    "import",
    "metadata",
    "type",
    "func",
];

/// The kind of `text`: the first statement that only one syntax allows decides.
pub fn sniff(text: &str) -> Kind {
    let body = text.trim_start_matches('\u{feff}');
    match first_significant(body) {
        Some('{' | '[') => return Kind::Json,
        None => return Kind::Unknown,
        _ => {}
    }
    let mut in_block_comment = false;
    for line in body.lines() {
        let mut line = line.trim();
        if in_block_comment {
            match line.find("*/") {
                Some(end) => {
                    in_block_comment = false;
                    line = line.get(end + 2..).unwrap_or_default().trim();
                }
                None => continue,
            }
        }
        if line.starts_with("/*") {
            if !line.contains("*/") {
                in_block_comment = true;
            }
            continue;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        if line.starts_with("#disable-") {
            // A Bicep pragma (`#disable-next-line rule`).
            return Kind::Bicep;
        }
        if line.starts_with('#') {
            // Only HCL has `#` comments.
            return Kind::Hcl;
        }
        if line.starts_with('@') {
            // Only Bicep has decorators.
            return Kind::Bicep;
        }
        let word_end = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(line.len());
        let word = line.get(..word_end).unwrap_or_default();
        let rest = line.get(word_end..).unwrap_or_default().trim_start();
        let next = rest.chars().next();
        // Bicep's `import {a} from '...'` has a brace too; Terraform's `import` block is alone.
        let hcl_block = if word == "import" {
            rest == "{"
        } else {
            matches!(next, Some('"' | '{'))
        };
        if HCL_BLOCKS.contains(&word) && hcl_block {
            return Kind::Hcl;
        }
        let bicep_next = next.is_some_and(|c| {
            c.is_ascii_alphabetic()
                || matches!(c, '_' | '\'' | '=')
                || (word == "import" && matches!(c, '{' | '*'))
        });
        if BICEP_KEYWORDS.contains(&word) && bicep_next {
            return Kind::Bicep;
        }
        // An HCL attribute at top level (`name = value`) decides nothing; anything else is
        // neither.
        if next != Some('=') || word.is_empty() {
            return Kind::Unknown;
        }
    }
    Kind::Unknown
}

/// The first character that is not white space or inside a `//` or `/* */` comment.
fn first_significant(text: &str) -> Option<char> {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
        } else {
            return rest.chars().next();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_syntax_is_told_by_content() {
        assert_eq!(sniff("// app\n{\"a\": 1}"), Kind::Json);
        assert_eq!(sniff("\u{feff}  [1]"), Kind::Json);
        assert_eq!(
            sniff("# Graph app\nresource \"azuread_application\" \"a\" {}\n"),
            Kind::Hcl
        );
        assert_eq!(sniff("terraform {\n}\n"), Kind::Hcl);
        assert_eq!(sniff("locals_x = 1\nvariable \"a\" {}\n"), Kind::Hcl);
        assert_eq!(
            sniff("/* x\n y */\nextension microsoftGraphV1\n"),
            Kind::Bicep
        );
        assert_eq!(
            sniff("resource app 'Microsoft.Graph/applications@v1.0' = {}\n"),
            Kind::Bicep
        );
        assert_eq!(sniff("@description('x')\nparam a string\n"), Kind::Bicep);
        assert_eq!(sniff("targetScope = 'tenant'\n"), Kind::Bicep);
        assert_eq!(sniff("import {a} from 'types.bicep'\n"), Kind::Bicep);
        assert_eq!(
            sniff("#disable-next-line no-unused-params\nparam a string\n"),
            Kind::Bicep
        );
        assert_eq!(sniff("import {\n  to = x\n}\n"), Kind::Hcl);
        assert_eq!(sniff("mode: application\n"), Kind::Unknown);
        assert_eq!(sniff("<xml/>"), Kind::Unknown);
        assert_eq!(sniff("   \n// only a comment\n"), Kind::Unknown);
        assert_eq!(sniff("/* unterminated"), Kind::Unknown);
    }
}
