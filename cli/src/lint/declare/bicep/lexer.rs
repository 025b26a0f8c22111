//! Bicep's tokens, as far as the reader needs them: identifiers, strings (single-quoted with
//! escapes and `${...}` interpolation, or `'''multi-line'''`), numbers, punctuation and the
//! newlines that separate statements and properties. Comments and `#disable-...` pragmas are
//! dropped. Every token carries its byte range; malformed input is an error at its place, never
//! a panic.

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok<'a> {
    /// A name or keyword.
    Ident(&'a str),
    /// A string without interpolation, its escapes resolved.
    Str(String),
    /// A string with `${...}` interpolation: not a literal.
    Interpolated,
    /// A number.
    Number,
    /// One punctuation character (`{`, `:`, `=`, ...).
    Punct(char),
    /// A line break (outside strings and comments).
    Newline,
}

/// A token and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// What it is.
    pub tok: Tok<'a>,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset after its last character.
    pub end: usize,
}

/// A lexing error: byte offset and message.
pub type Error = (usize, String);

/// How deeply `${...}` may nest inside strings.
const MAX_INTERPOLATION_DEPTH: usize = 32;

/// The tokens of `text`.
pub fn lex(text: &str) -> Result<Vec<Token<'_>>, Error> {
    let mut lexer = Lexer {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut out = Vec::new();
    while let Some(token) = lexer.next(0)? {
        out.push(token);
    }
    Ok(out)
}

struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Lexer<'a> {
    fn peek(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.at + ahead).copied()
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.at..).unwrap_or_default()
    }

    /// The next token; `None` at the end. `depth` is the interpolation depth (for errors).
    fn next(&mut self, depth: usize) -> Result<Option<Token<'a>>, Error> {
        loop {
            let Some(b) = self.peek(0) else {
                return Ok(None);
            };
            let start = self.at;
            match b {
                b' ' | b'\t' | b'\r' => self.at += 1,
                b'\n' => {
                    self.at += 1;
                    return Ok(Some(self.token(Tok::Newline, start)));
                }
                b'/' if self.peek(1) == Some(b'/') => {
                    self.at += self.rest().find('\n').unwrap_or(self.rest().len());
                }
                b'/' if self.peek(1) == Some(b'*') => {
                    match self.rest().get(2..).and_then(|r| r.find("*/")) {
                        Some(end) => self.at += end + 4,
                        None => return Err((start, String::from("unterminated /* comment"))),
                    }
                }
                b'#' if self.rest().starts_with("#disable-") => {
                    self.at += self.rest().find('\n').unwrap_or(self.rest().len());
                }
                b'\'' if self.rest().starts_with("'''") => {
                    let body = self.rest().get(3..).unwrap_or_default();
                    let Some(end) = body.find("'''") else {
                        return Err((start, String::from("unterminated ''' string")));
                    };
                    let value = body.get(..end).unwrap_or_default();
                    // A line break right after the opening quotes is not part of the value.
                    let value = value
                        .strip_prefix("\r\n")
                        .or_else(|| value.strip_prefix('\n'))
                        .unwrap_or(value);
                    self.at += 3 + end + 3;
                    return Ok(Some(self.token(Tok::Str(value.to_string()), start)));
                }
                b'\'' => {
                    self.at += 1;
                    let tok = self.string(start, depth)?;
                    return Ok(Some(self.token(tok, start)));
                }
                b'0'..=b'9' => {
                    self.at += self
                        .rest()
                        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                        .unwrap_or(self.rest().len());
                    return Ok(Some(self.token(Tok::Number, start)));
                }
                b if b.is_ascii_alphabetic() || b == b'_' => {
                    let len = self
                        .rest()
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .unwrap_or(self.rest().len());
                    self.at += len;
                    let word = self.text.get(start..self.at).unwrap_or_default();
                    return Ok(Some(self.token(Tok::Ident(word), start)));
                }
                _ if b"{}[]()<>,:.=?!&|+-*/%@".contains(&b) => {
                    self.at += 1;
                    return Ok(Some(self.token(Tok::Punct(char::from(b)), start)));
                }
                _ => {
                    let c = self.rest().chars().next().unwrap_or('?');
                    return Err((start, format!("unexpected character `{c}`")));
                }
            }
        }
    }

    fn token(&self, tok: Tok<'a>, start: usize) -> Token<'a> {
        Token {
            tok,
            start,
            end: self.at,
        }
    }

    /// The rest of a single-quoted string whose opening quote (at `start`) is consumed.
    fn string(&mut self, start: usize, depth: usize) -> Result<Tok<'a>, Error> {
        let mut value = String::new();
        let mut interpolated = false;
        loop {
            let Some(c) = self.rest().chars().next() else {
                return Err((start, String::from("unterminated string")));
            };
            match c {
                '\'' => {
                    self.at += 1;
                    return Ok(if interpolated {
                        Tok::Interpolated
                    } else {
                        Tok::Str(value)
                    });
                }
                '\n' => {
                    return Err((
                        start,
                        String::from("unterminated string (a line ends in it)"),
                    ))
                }
                '\\' => {
                    let escape = self.at;
                    self.at += 1;
                    match self.rest().chars().next() {
                        Some('\\') => value.push('\\'),
                        Some('\'') => value.push('\''),
                        Some('n') => value.push('\n'),
                        Some('r') => value.push('\r'),
                        Some('t') => value.push('\t'),
                        Some('$') => value.push('$'),
                        Some('u') if self.rest().starts_with("u{") => {
                            let digits = self.rest().get(2..).unwrap_or_default();
                            let end = digits.find('}').unwrap_or(digits.len());
                            let ch = digits
                                .get(..end)
                                .and_then(|d| u32::from_str_radix(d, 16).ok())
                                .and_then(char::from_u32)
                                .ok_or((escape, String::from("invalid \\u{...} escape")))?;
                            value.push(ch);
                            self.at += 2 + end;
                        }
                        _ => return Err((escape, String::from("invalid escape in a string"))),
                    }
                    self.at += 1;
                }
                '$' if self.peek(1) == Some(b'{') => {
                    self.at += 2;
                    self.interpolation(depth + 1)?;
                    interpolated = true;
                }
                c => {
                    value.push(c);
                    self.at += c.len_utf8();
                }
            }
        }
    }

    /// Skips a `${...}` whose opening is consumed, up to and including its closing brace.
    fn interpolation(&mut self, depth: usize) -> Result<(), Error> {
        let start = self.at;
        if depth > MAX_INTERPOLATION_DEPTH {
            return Err((start, String::from("strings interpolated too deeply")));
        }
        let mut braces = 0usize;
        loop {
            let Some(token) = self.next(depth)? else {
                return Err((start, String::from("unterminated ${...} in a string")));
            };
            match token.tok {
                Tok::Punct('{') => braces += 1,
                Tok::Punct('}') if braces == 0 => return Ok(()),
                Tok::Punct('}') => braces -= 1,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok<'_>> {
        lex(text)
            .expect("lexes")
            .into_iter()
            .map(|t| t.tok)
            .collect()
    }

    #[test]
    fn strings_comments_and_positions() {
        assert_eq!(
            toks("id: 'a\\'b' // c\n/* d */ x"),
            [
                Tok::Ident("id"),
                Tok::Punct(':'),
                Tok::Str("a'b".into()),
                Tok::Newline,
                Tok::Ident("x")
            ]
        );
        assert_eq!(toks("'${a}-${b('}')}'"), [Tok::Interpolated]);
        assert_eq!(toks("'''\nline\n'''"), [Tok::Str("line\n".into())]);
        assert_eq!(toks("'\\u{41}\\$'"), [Tok::Str("A$".into())]);
        assert_eq!(
            toks("#disable-next-line no-unused-params\nx"),
            [Tok::Newline, Tok::Ident("x")]
        );
        let t = lex("a\n  'é'").expect("lexes");
        assert_eq!((t[2].start, t[2].end), (4, 8));
    }

    #[test]
    fn malformed_input_is_an_error_at_its_place() {
        for (text, at) in [
            ("x: 'abc", 3),
            ("x: 'ab\nc'", 3),
            ("/* open", 0),
            ("'${a'", 4),
            ("'\\q'", 1),
            ("'\\u{zz}'", 1),
            ("a \"b\"", 2),
            ("'''open", 0),
        ] {
            let err = lex(text).expect_err(text);
            assert_eq!(err.0, at, "{text}: {err:?}");
        }
        let deep = format!("{}{}", "'${".repeat(100), "}'".repeat(100));
        assert!(lex(&deep).is_err());
    }
}
