//! Source positions for YAML nodes, so that a data problem can name `file:line:col`.
//!
//! serde_yaml deserialises the data but keeps no positions; this walks the same text with
//! yaml-rust2's event parser and records where every node starts, keyed by its path from the
//! document root (`rows[3].application[1]`).

use std::collections::HashMap;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// One step of a node's path: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    /// A mapping key.
    Key(String),
    /// A sequence index.
    Index(usize),
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub col: usize,
}

/// Where each node of one YAML document starts.
#[derive(Debug, Default)]
pub struct Positions {
    nodes: HashMap<Vec<Step>, Pos>,
}

impl Positions {
    /// Indexes `text`. A document the event parser cannot read gives an empty index: serde_yaml
    /// reports that error with its own position.
    pub fn index(text: &str) -> Positions {
        let mut walker = Walker::default();
        let mut parser = Parser::new_from_str(text);
        if parser.load(&mut walker, false).is_err() {
            return Positions::default();
        }
        Positions {
            nodes: walker.nodes,
        }
    }

    /// The position of the node at `path`, or of its nearest ancestor that was found, or 1:1.
    pub fn at(&self, path: &[Step]) -> Pos {
        (0..=path.len())
            .rev()
            .find_map(|n| self.nodes.get(&path[..n]).copied())
            .unwrap_or(Pos { line: 1, col: 1 })
    }
}

/// Builds a path such as `[Key("rows"), Index(3), Key("application")]` from parts.
pub fn path(parts: &[&dyn AsStep]) -> Vec<Step> {
    parts.iter().map(|p| p.as_step()).collect()
}

/// Anything that names one step of a path.
pub trait AsStep {
    /// The step.
    fn as_step(&self) -> Step;
}

impl AsStep for &str {
    fn as_step(&self) -> Step {
        Step::Key((*self).to_owned())
    }
}

impl AsStep for usize {
    fn as_step(&self) -> Step {
        Step::Index(*self)
    }
}

enum Frame {
    Seq {
        next: usize,
    },
    Map {
        expecting_key: bool,
        key: Option<String>,
    },
}

#[derive(Default)]
struct Walker {
    stack: Vec<Frame>,
    path: Vec<Step>,
    nodes: HashMap<Vec<Step>, Pos>,
}

impl Walker {
    /// Called when a node (scalar, sequence or mapping) starts: works out its path, records it.
    /// Returns false when the node is a mapping key, which is not recorded as a node.
    fn enter_node(&mut self, mark: Marker) -> bool {
        let step = match self.stack.last_mut() {
            None => None,
            Some(Frame::Seq { next }) => {
                let step = Step::Index(*next);
                *next += 1;
                Some(step)
            }
            Some(Frame::Map {
                expecting_key: true,
                ..
            }) => return false,
            Some(Frame::Map {
                expecting_key: false,
                key,
            }) => Some(Step::Key(key.take().unwrap_or_default())),
        };
        if let Some(step) = step {
            self.path.push(step);
        }
        let pos = Pos {
            line: mark.line(),
            col: mark.col() + 1,
        };
        self.nodes.entry(self.path.clone()).or_insert(pos);
        true
    }

    /// Called when a node ends: pops its step and flips the parent mapping back to keys.
    fn leave_node(&mut self) {
        if !self.stack.is_empty() || !self.path.is_empty() {
            self.path.pop();
        }
        if let Some(Frame::Map { expecting_key, .. }) = self.stack.last_mut() {
            *expecting_key = true;
        }
    }
}

impl MarkedEventReceiver for Walker {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(value, ..) => {
                if self.enter_node(mark) {
                    self.leave_node();
                } else if let Some(Frame::Map { expecting_key, key }) = self.stack.last_mut() {
                    *key = Some(value);
                    *expecting_key = false;
                }
            }
            Event::Alias(_) if self.enter_node(mark) => self.leave_node(),
            Event::SequenceStart(..) => {
                self.enter_node(mark);
                self.stack.push(Frame::Seq { next: 0 });
            }
            Event::MappingStart(..) => {
                self.enter_node(mark);
                self.stack.push(Frame::Map {
                    expecting_key: true,
                    key: None,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.stack.pop();
                self.leave_node();
            }
            _ => {}
        }
    }
}
