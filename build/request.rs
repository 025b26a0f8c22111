//! The library's request code the build shares, included as is: the segmenter that cuts
//! requests (and templates) into segments, and the shape templates are filed under.

// The segmenter's run-time half (the segment list's accessors) goes unused here.
#[allow(dead_code)]
#[path = "../src/request/segments.rs"]
pub mod segments;
#[path = "../src/request/shape.rs"]
pub mod shape;
