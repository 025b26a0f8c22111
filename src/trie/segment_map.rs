//! Perfect-hash maps from a static path segment to a trie node, keyed ignoring ASCII case.
//!
//! Each node of the path trie maps its static segments (`teams`, `channels`, `mailfolders`) to
//! child nodes. A resolution asks one such map per segment, so this is the inner loop of every
//! lookup. `phf` maps (used for the catalog and other tables) hash each key with SipHash and
//! reduce it with two divisions, which costs more than the whole rest of a resolution; and their
//! keys are exact, so a mixed-case segment would have to be copied and lower-cased first.
//!
//! These maps are built the same way (hash and displace: a bucket of keys per hash, and a pilot
//! per bucket chosen at build time so that every key lands in its own slot; a small map has
//! one bucket and its pilot inline), with two differences that make a lookup a few
//! multiplications and one comparison:
//!
//! * [`hash`] treats upper- and lower-case ASCII letters alike, reads a segment of up to 16
//!   bytes in two overlapping loads, and does not depend on the node: every node asks with the
//!   same hash, so a walk that takes no wrong turn hashes each segment once.
//! * Buckets and slots are picked by multiply-and-shift range reduction, without division.
//!
//! A map itself is a few ranges; the pilots, slots and key bytes of all the maps of a trie live
//! in one [`Arena`], which keeps the data a lookup touches within a few cache lines.
//!
//! `build.rs` builds the compiled maps (and the benches build maps at run time) with
//! `layout.rs`, which uses the functions below so that build and lookup agree.
//!
//! This file is pure `core`: `build.rs` includes it with `#[path]`.

// The byte-lane constants of the scanner (`super::super` is the crate root in the library, and
// the generator module in build.rs, which includes both files).
use super::super::path::{HI, LO};

/// A perfect-hash map from lower-case static segments to node indices; see the module docs.
///
/// The map is 16 bytes of ranges: its pilots, slots and keys live in an [`Arena`] that all maps
/// of a trie share, so that a lookup touches few cache lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SegmentMap {
    /// The pilot of a map whose keys all fit one bucket, in a table large enough for one pilot
    /// to place them all (small maps: one load less per lookup).
    pub pilot: u16,
    /// How many buckets (pilots in [`Arena::pilots`]) the map has; 0 when
    /// [`pilot`](SegmentMap::pilot) places every key.
    pub buckets: u16,
    /// Where the map's pilots start in [`Arena::pilots`].
    pub pilots_start: u32,
    /// Where the map's slots start in [`Arena::slots`].
    pub slots_start: u32,
    /// How many slots the map has (0 for a map without keys).
    pub slots: u32,
}

/// One slot of a [`SegmentMap`]: a key, as a range of [`Arena::keys`] (empty for a free slot),
/// and its value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Slot {
    /// Where the key starts in [`Arena::keys`].
    pub key_start: u32,
    /// The key's length in bytes; 0 for a free slot.
    pub key_len: u16,
    /// The value.
    pub value: u16,
}

/// The pilots, slots and key bytes of the [`SegmentMap`]s of one trie.
#[derive(Debug, Clone, Copy)]
pub struct Arena<'a> {
    /// Every map's pilots, map after map.
    pub pilots: &'a [u16],
    /// Every map's slots, map after map.
    pub slots: &'a [Slot],
    /// Every key's bytes (lower case), one after the other.
    pub keys: &'a [u8],
}

impl SegmentMap {
    /// The value of `segment`, compared ignoring ASCII case; `hash` must be [`hash`]`(segment)`.
    #[inline]
    pub fn get(&self, arena: &Arena<'_>, hash: u64, segment: &[u8]) -> Option<u16> {
        let slots = self.slots as usize;
        if slots == 0 {
            return None;
        }
        let pilot = if self.buckets == 0 {
            self.pilot
        } else {
            let at = self.pilots_start as usize + bucket(hash, usize::from(self.buckets));
            *arena.pilots.get(at)?
        };
        let found = arena
            .slots
            .get(self.slots_start as usize + slot(hash, pilot, slots))?;
        let key = arena.keys.get(found.key_start as usize..)?;
        // A free slot's key is empty, and a segment never is.
        eq_lower(key.get(..usize::from(found.key_len))?, segment).then_some(found.value)
    }

    /// The keys and their values, in slot order.
    // Read by the trie builder (build.rs, the benches) and the tests; lookups do not list keys.
    #[cfg_attr(not(feature = "bench-internals"), allow(dead_code))]
    pub fn entries<'a>(&self, arena: &Arena<'a>) -> impl Iterator<Item = (&'a [u8], u16)> + 'a {
        let start = self.slots_start as usize;
        let slots = arena
            .slots
            .get(start..start + self.slots as usize)
            .unwrap_or(&[]);
        let keys = arena.keys;
        slots.iter().filter(|s| s.key_len > 0).map(move |s| {
            let start = s.key_start as usize;
            let key = keys
                .get(start..start + usize::from(s.key_len))
                .unwrap_or(&[]);
            (key, s.value)
        })
    }
}

/// `0x20` in every byte: OR-ed in, it maps each upper-case ASCII letter to its lower-case one
/// (and leaves every byte equal in two strings equal ignoring ASCII case).
const FOLD: u64 = 0x2020_2020_2020_2020;
/// Odd constants from wyhash, for mixing.
const K0: u64 = 0xa076_1d64_78bd_642f;
const K1: u64 = 0xe703_7ed1_a0b4_28db;
const K2: u64 = 0x8ebc_6af0_9c88_c6e3;

/// The 128-bit product of `a` and `b`, folded to 64 bits.
#[inline(always)]
const fn mum(a: u64, b: u64) -> u64 {
    let product = (a as u128).wrapping_mul(b as u128);
    (product as u64) ^ ((product >> 64) as u64)
}

/// A hash of `segment` that is the same for any two segments equal ignoring ASCII case.
///
/// Segments of up to 16 bytes (every static segment in practice) are read in two overlapping
/// loads; longer ones a word at a time.
#[inline]
pub fn hash(segment: &[u8]) -> u64 {
    let len = segment.len() as u64;
    let (a, b) = if let (Some(first), Some(last)) =
        (segment.first_chunk::<8>(), segment.last_chunk::<8>())
    {
        let mut a = u64::from_le_bytes(*first) | FOLD;
        let b = u64::from_le_bytes(*last) | FOLD;
        // The bytes between the first and the last word, a word at a time (a word may reach
        // into the last one): none up to 16 bytes.
        let mut at = 8;
        while at + 8 < segment.len() {
            if let Some(word) = segment.get(at..).and_then(<[u8]>::first_chunk::<8>) {
                a = mum(a ^ K1, u64::from_le_bytes(*word) | FOLD);
            }
            at += 8;
        }
        (a, b)
    } else if let (Some(first), Some(last)) =
        (segment.first_chunk::<4>(), segment.last_chunk::<4>())
    {
        let first = u64::from(u32::from_le_bytes(*first));
        let last = u64::from(u32::from_le_bytes(*last));
        (first | FOLD, last | FOLD)
    } else {
        // 0 to 3 bytes: the first, middle and last cover them all.
        let at = |i: usize| u64::from(segment.get(i).copied().unwrap_or(0) | 0x20);
        let half = segment.len() / 2;
        let last = segment.len().saturating_sub(1);
        (at(0) << 16 | at(half) << 8 | at(last), 0)
    };
    mum(a ^ K0, b ^ K1 ^ len)
}

/// `word` with each ASCII upper-case letter in it lower-cased (and every other byte kept).
#[inline(always)]
const fn to_lower(word: u64) -> u64 {
    // Per byte, without carries between bytes: the low 7 bits plus 0x3F reach 0x80 from `A` on,
    // plus 0x25 from `[` on; bytes with their own high bit are not ASCII.
    let low7 = word & !HI;
    let from_a = low7.wrapping_add(LO * (0x80 - b'A' as u64));
    let past_z = low7.wrapping_add(LO * (0x80 - b'Z' as u64 - 1));
    let upper = from_a & !past_z & !word & HI;
    word | (upper >> 2)
}

/// Whether `segment` equals the lower-case `key` ignoring ASCII case, a word at a time.
#[inline]
fn eq_lower(key: &[u8], segment: &[u8]) -> bool {
    if key.len() != segment.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| s.get(at..).and_then(<[u8]>::first_chunk::<8>).copied();
    if key.len() >= 8 {
        // Words at 0, 8, 16, ... and one ending at the end (possibly overlapping the one before).
        let last = key.len() - 8;
        let mut at = 0;
        loop {
            let at_or_last = at.min(last);
            match (word(key, at_or_last), word(segment, at_or_last)) {
                (Some(k), Some(s)) if u64::from_le_bytes(k) == to_lower(u64::from_le_bytes(s)) => {}
                _ => return false,
            }
            if at >= last {
                return true;
            }
            at += 8;
        }
    }
    if let (Some(kf), Some(kl), Some(sf), Some(sl)) = (
        key.first_chunk::<4>(),
        key.last_chunk::<4>(),
        segment.first_chunk::<4>(),
        segment.last_chunk::<4>(),
    ) {
        let k = u64::from(u32::from_le_bytes(*kf)) << 32 | u64::from(u32::from_le_bytes(*kl));
        let s = u64::from(u32::from_le_bytes(*sf)) << 32 | u64::from(u32::from_le_bytes(*sl));
        return k == to_lower(s);
    }
    key.iter()
        .zip(segment)
        .all(|(k, s)| *k == s.to_ascii_lowercase())
}

/// Maps 32 bits of a hash onto `0..len` (multiply and shift; no division).
#[inline(always)]
const fn reduce(bits: u32, len: usize) -> usize {
    ((bits as u64 * len as u64) >> 32) as usize
}

/// The bucket of a hash among `buckets`.
#[inline(always)]
pub const fn bucket(hash: u64, buckets: usize) -> usize {
    reduce(hash as u32, buckets)
}

/// The slot among `slots` of a key with this hash whose bucket has `pilot`.
#[inline(always)]
pub const fn slot(hash: u64, pilot: u16, slots: usize) -> usize {
    let mixed = (hash ^ (pilot as u64).wrapping_mul(K2)).wrapping_mul(K0);
    reduce((mixed >> 32) as u32, slots)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_ascii_case_only() {
        let pairs = [
            ("teams", "TEAMS"),
            ("mailfolders", "MailFolders"),
            ("getallmessages", "getAllMessages"),
            ("a", "A"),
            ("ab", "aB"),
            ("abcd", "ABcd"),
            ("installedtochats-long", "InstalledToChats-LONG"),
            (
                "x.y.z.0123456789abcdefghijklmnopq",
                "X.Y.Z.0123456789ABCDEFGHIJKLMNOPQ",
            ),
        ];
        for (a, b) in pairs {
            assert_eq!(hash(a.as_bytes()), hash(b.as_bytes()), "{a} {b}");
        }
        let different = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "abc",
            "abd",
            "abcd",
            "abce",
            "teams",
            "team",
            "teams1",
            "chats",
            "channels",
            "channel",
            "messages",
            "getallmessages",
            "getallmembers",
        ];
        for (i, a) in different.iter().enumerate() {
            for b in &different[i + 1..] {
                assert_ne!(hash(a.as_bytes()), hash(b.as_bytes()), "{a} {b}");
            }
        }
    }

    #[test]
    fn lower_case_comparison_by_words() {
        for key in [
            "me",
            "abc",
            "chats",
            "channels",
            "getallmessages",
            "installedtochats",
            "a.b.c.0123456789-xyz",
        ] {
            let upper = key.to_ascii_uppercase();
            assert!(eq_lower(key.as_bytes(), key.as_bytes()), "{key}");
            assert!(eq_lower(key.as_bytes(), upper.as_bytes()), "{key}");
            // One byte changed anywhere, or one byte more or less, is another segment.
            for i in 0..key.len() {
                let mut other = key.as_bytes().to_vec();
                other[i] ^= 0x01;
                assert!(!eq_lower(key.as_bytes(), &other), "{key} {i}");
                other[i] = key.as_bytes()[i] ^ 0x20;
                if !key.as_bytes()[i].is_ascii_alphabetic() {
                    assert!(!eq_lower(key.as_bytes(), &other), "{key} {i}");
                }
            }
            assert!(!eq_lower(key.as_bytes(), &key.as_bytes()[1..]));
        }
        // Only ASCII letters fold: `@` is not `` ` ``, and non-ASCII bytes stay as they are.
        assert!(!eq_lower(b"`abc", b"@abc"));
        assert!(!eq_lower(b"{abc}", b"[abc]"));
        assert!(!eq_lower("caf\u{e9}".as_bytes(), "CAF\u{c9}".as_bytes()));
        for b in 0..=255u8 {
            let word = u64::from_le_bytes([b; 8]);
            assert_eq!(
                to_lower(word),
                u64::from_le_bytes([b.to_ascii_lowercase(); 8]),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn an_empty_map_finds_nothing() {
        let map = SegmentMap::default();
        let arena = Arena {
            pilots: &[],
            slots: &[Slot {
                key_start: 0,
                key_len: 5,
                value: 1,
            }],
            keys: b"teams",
        };
        assert_eq!(map.get(&arena, hash(b"teams"), b"teams"), None);
        assert_eq!(map.entries(&arena).count(), 0);
    }

    #[test]
    fn reduction_stays_in_range() {
        for len in [1, 2, 3, 7, 64, 1000] {
            for h in [0, 1, u64::MAX, K0, K1, K2] {
                assert!(bucket(h, len) < len);
                for pilot in [0, 1, u16::MAX] {
                    assert!(slot(h, pilot, len) < len);
                }
            }
        }
    }
}
