//! Bicep's `resource` declarations and their values, for the subset the reader needs: a
//! declaration's body is an object (also behind `if (...)`), or a `[for ...]` loop kept whole; a
//! value is an object, an array, a string literal, or anything else kept as its source text
//! (a reference, a call, an interpolated string, a loop), never evaluated. Every other statement
//! is skipped with its brackets balanced. Depth is bounded, so no input can exhaust the stack.

use super::lexer::{Error, Tok, Token};

/// How deeply objects and arrays may nest.
const MAX_DEPTH: usize = 64;

/// A value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node<'a> {
    /// `{ key: value ... }`, and where it starts.
    Object(Vec<Prop<'a>>, usize),
    /// `[ value ... ]`, and where it starts.
    Array(Vec<Node<'a>>, usize),
    /// A string literal, and where it starts.
    Str(String, usize),
    /// Anything else: its source text and where it starts.
    Expr(&'a str, usize),
}

impl Node<'_> {
    /// Where it starts.
    pub fn start(&self) -> usize {
        match self {
            Node::Object(_, at) | Node::Array(_, at) | Node::Str(_, at) | Node::Expr(_, at) => *at,
        }
    }

    /// The property `key` of an object (ASCII case-insensitive, as Bicep's property names are).
    pub fn get(&self, key: &str) -> Option<&Prop<'_>> {
        match self {
            Node::Object(props, _) => props.iter().find(|p| p.key.eq_ignore_ascii_case(key)),
            _ => None,
        }
    }
}

/// One property of an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prop<'a> {
    /// Its name.
    pub key: String,
    /// Its value.
    pub value: Node<'a>,
}

/// A `resource` declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource<'a> {
    /// Its symbolic name.
    pub symbol: &'a str,
    /// Its type string (`Microsoft.Graph/applications@v1.0`); `None` when interpolated.
    pub kind: Option<String>,
    /// Where the declaration starts.
    pub start: usize,
    /// Its body: an object, or a loop (an [`Node::Expr`]).
    pub body: Node<'a>,
}

/// The top-level `resource` declarations of a token stream.
pub fn resources<'a>(text: &'a str, tokens: &[Token<'a>]) -> Result<Vec<Resource<'a>>, Error> {
    let mut p = Parser {
        text,
        tokens,
        pos: 0,
    };
    let mut out = Vec::new();
    loop {
        p.skip_newlines();
        match p.tok() {
            None => return Ok(out),
            Some(Tok::Ident("resource")) => out.push(p.resource(0)?),
            Some(_) => p.skip_statement()?,
        }
    }
}

struct Parser<'t, 'a> {
    text: &'a str,
    tokens: &'t [Token<'a>],
    pos: usize,
}

impl<'a> Parser<'_, 'a> {
    fn token(&self) -> Option<&Token<'a>> {
        self.tokens.get(self.pos)
    }

    fn tok(&self) -> Option<&Tok<'a>> {
        self.token().map(|t| &t.tok)
    }

    /// Where the current token starts (the end of the text at the end).
    fn here(&self) -> usize {
        self.token().map_or(self.text.len(), |t| t.start)
    }

    fn skip_newlines(&mut self) {
        while self.tok() == Some(&Tok::Newline) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, c: char, what: &str) -> Result<(), Error> {
        if self.tok() == Some(&Tok::Punct(c)) {
            self.pos += 1;
            Ok(())
        } else {
            Err((self.here(), format!("expected `{c}` {what}")))
        }
    }

    /// `resource NAME 'TYPE' [existing] = BODY`.
    fn resource(&mut self, depth: usize) -> Result<Resource<'a>, Error> {
        let start = self.here();
        self.pos += 1;
        let Some(Tok::Ident(symbol)) = self.tok() else {
            return Err((
                self.here(),
                String::from("expected the resource's name after `resource`"),
            ));
        };
        let symbol = *symbol;
        self.pos += 1;
        let kind = match self.tok() {
            Some(Tok::Str(s)) => Some(s.clone()),
            Some(Tok::Interpolated) => None,
            _ => {
                return Err((
                    self.here(),
                    String::from("expected the resource's type string ('Type@version')"),
                ))
            }
        };
        self.pos += 1;
        if self.tok() == Some(&Tok::Ident("existing")) {
            self.pos += 1;
        }
        self.expect('=', "after the resource's type")?;
        if self.tok() == Some(&Tok::Ident("if")) {
            self.pos += 1;
            if self.tok() != Some(&Tok::Punct('(')) {
                return Err((self.here(), String::from("expected `(` after `if`")));
            }
            self.balanced()?;
        }
        let body = match self.tok() {
            Some(Tok::Punct('{')) => self.object(depth)?,
            Some(Tok::Punct('[')) => {
                let at = self.here();
                self.balanced()?;
                Node::Expr(self.source(at), at)
            }
            _ => {
                return Err((
                    self.here(),
                    String::from("expected `{`, `if (...)` or `[for ...]` after `=`"),
                ))
            }
        };
        Ok(Resource {
            symbol,
            kind,
            start,
            body,
        })
    }

    /// The source from `at` to the end of the previous token.
    fn source(&self, at: usize) -> &'a str {
        let end = self
            .pos
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .map_or(at, |t| t.end);
        self.text.get(at..end).unwrap_or_default()
    }

    /// Skips one bracketed group starting at the current token, brackets balanced.
    fn balanced(&mut self) -> Result<(), Error> {
        let mut open: Vec<(char, usize)> = Vec::new();
        loop {
            let Some(token) = self.token() else {
                let (c, at) = open.last().copied().unwrap_or((' ', self.here()));
                return Err((at, format!("`{c}` is never closed")));
            };
            let at = token.start;
            match token.tok {
                Tok::Punct(c @ ('{' | '[' | '(')) => {
                    if open.len() >= MAX_DEPTH * 4 {
                        return Err((at, String::from("nested too deeply")));
                    }
                    open.push((c, at));
                }
                Tok::Punct(c @ ('}' | ']' | ')')) => match open.pop() {
                    Some((o, _)) if closes(o) == c => {}
                    _ => return Err((at, format!("unexpected `{c}`"))),
                },
                _ => {}
            }
            self.pos += 1;
            if open.is_empty() {
                return Ok(());
            }
        }
    }

    /// Skips a statement: up to a line break outside brackets.
    fn skip_statement(&mut self) -> Result<(), Error> {
        loop {
            match self.tok() {
                None | Some(Tok::Newline) => return Ok(()),
                Some(Tok::Punct('{' | '[' | '(')) => self.balanced()?,
                Some(Tok::Punct(c @ ('}' | ']' | ')'))) => {
                    return Err((self.here(), format!("unexpected `{c}`")))
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node<'a>, Error> {
        if depth > MAX_DEPTH {
            return Err((self.here(), String::from("nested too deeply")));
        }
        let at = self.here();
        match self.tok() {
            Some(Tok::Punct('{')) => self.object(depth),
            Some(Tok::Punct('[')) => {
                let mut ahead = self.pos + 1;
                while self
                    .tokens
                    .get(ahead)
                    .is_some_and(|t| t.tok == Tok::Newline)
                {
                    ahead += 1;
                }
                if self
                    .tokens
                    .get(ahead)
                    .is_some_and(|t| t.tok == Tok::Ident("for"))
                {
                    self.balanced()?;
                    Ok(Node::Expr(self.source(at), at))
                } else {
                    self.array(depth)
                }
            }
            Some(Tok::Str(s)) if self.ends_value(self.pos + 1) => {
                let s = s.clone();
                self.pos += 1;
                Ok(Node::Str(s, at))
            }
            _ => self.expression(),
        }
    }

    /// Whether the token at `pos` ends a value (a line break, `,`, a closing bracket, the end).
    fn ends_value(&self, pos: usize) -> bool {
        match self.tokens.get(pos).map(|t| &t.tok) {
            None | Some(Tok::Newline | Tok::Punct(',' | '}' | ']' | ')')) => true,
            Some(_) => false,
        }
    }

    /// Any other value, up to where it ends outside brackets.
    fn expression(&mut self) -> Result<Node<'a>, Error> {
        let at = self.here();
        let first = self.pos;
        while !self.ends_value(self.pos) {
            if matches!(self.tok(), Some(Tok::Punct('{' | '[' | '('))) {
                self.balanced()?;
            } else {
                self.pos += 1;
            }
        }
        if self.pos == first {
            return Err((at, String::from("expected a value")));
        }
        Ok(Node::Expr(self.source(at), at))
    }

    /// After a property or an element: a line break, `,`, or the closing bracket.
    fn separator(&self, close: char) -> Result<(), Error> {
        match self.tok() {
            Some(Tok::Newline | Tok::Punct(',')) => Ok(()),
            Some(Tok::Punct(c)) if *c == close => Ok(()),
            _ => Err((
                self.here(),
                format!("expected a line break, `,` or `{close}`"),
            )),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Node<'a>, Error> {
        let at = self.here();
        if depth > MAX_DEPTH {
            return Err((at, String::from("nested too deeply")));
        }
        self.pos += 1;
        let mut props = Vec::new();
        loop {
            while matches!(self.tok(), Some(Tok::Newline | Tok::Punct(','))) {
                self.pos += 1;
            }
            let key = match self.tok() {
                None => return Err((at, String::from("`{` is never closed"))),
                Some(Tok::Punct('}')) => {
                    self.pos += 1;
                    return Ok(Node::Object(props, at));
                }
                Some(Tok::Ident("resource"))
                    if matches!(
                        self.tokens.get(self.pos + 1).map(|t| &t.tok),
                        Some(Tok::Ident(_))
                    ) =>
                {
                    // A nested resource declaration: read for its syntax, not linted.
                    self.resource(depth + 1)?;
                    self.separator('}')?;
                    continue;
                }
                Some(Tok::Ident(k)) => (*k).to_string(),
                Some(Tok::Str(k)) => k.clone(),
                Some(_) => return Err((self.here(), String::from("expected a property name"))),
            };
            self.pos += 1;
            self.expect(':', &format!("after the property name `{key}`"))?;
            let value = self.value(depth + 1)?;
            self.separator('}')?;
            props.push(Prop { key, value });
        }
    }

    fn array(&mut self, depth: usize) -> Result<Node<'a>, Error> {
        let at = self.here();
        if depth > MAX_DEPTH {
            return Err((at, String::from("nested too deeply")));
        }
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            while matches!(self.tok(), Some(Tok::Newline | Tok::Punct(','))) {
                self.pos += 1;
            }
            match self.tok() {
                None => return Err((at, String::from("`[` is never closed"))),
                Some(Tok::Punct(']')) => {
                    self.pos += 1;
                    return Ok(Node::Array(items, at));
                }
                Some(_) => {
                    items.push(self.value(depth + 1)?);
                    self.separator(']')?;
                }
            }
        }
    }
}

/// The closing bracket of an opening one.
fn closes(open: char) -> char {
    match open {
        '{' => '}',
        '[' => ']',
        _ => ')',
    }
}

#[cfg(test)]
mod tests;
