//! Laying out a [`SegmentMap`](super::segment_map::SegmentMap): the pilots and slots for a set
//! of lower-case static segments, so that each lands in a slot of its own.
//!
//! Hash and displace: keys are grouped into buckets by their hash; buckets are placed largest
//! first, each with the first pilot under which all its keys fall into free, distinct slots.
//! With about three keys a bucket and a fifth of the slots left free, a pilot is found within a
//! few tries. A map of up to 64 keys is first tried as a single bucket in a sparser table
//! (2, 4 or 8 slots a key), which spares a lookup the load of its bucket's pilot. Used by `build.rs` and, at run time, by the benches (feature `bench-internals`),
//! through the hash and slot functions the lookup uses.

use super::segment_map::{bucket, hash, slot, Arena, SegmentMap, Slot};
use std::cmp::Reverse;
use std::string::String;
use std::vec;
use std::vec::Vec;

/// Where each key of a map goes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The one pilot that places every key, when [`Layout::pilots`] is empty.
    pub pilot: u16,
    /// The pilot of each bucket; empty when [`Layout::pilot`] places every key.
    pub pilots: Vec<u16>,
    /// For each slot, the index of the key in it (in the slice given to [`layout`]).
    pub slots: Vec<Option<usize>>,
}

/// Lays out `keys` (distinct, lower case, non-empty).
///
/// # Errors
///
/// Two keys that hash alike (which only keys equal ignoring ASCII case, or differing only in
/// bytes that [`hash`] folds together such as `@` and `` ` ``, do in practice), an empty key, a
/// key with an upper-case letter, or a bucket no pilot can place.
pub fn layout(keys: &[&str]) -> Result<Layout, String> {
    if keys.is_empty() {
        return Ok(Layout::default());
    }
    if keys.iter().any(|k| k.is_empty()) {
        return Err("an empty static segment cannot be a map key".into());
    }
    if let Some(key) = keys
        .iter()
        .find(|k| k.bytes().any(|b| b.is_ascii_uppercase()))
    {
        return Err(format!(
            "static segment `{key}` is not lower case: lookups compare with lower-case keys"
        ));
    }
    let hashes: Vec<u64> = keys.iter().map(|k| hash(k.as_bytes())).collect();
    let mut by_hash: Vec<usize> = (0..keys.len()).collect();
    by_hash.sort_by_key(|&i| hashes[i]);
    for pair in by_hash.windows(2) {
        if let [a, b] = *pair {
            if hashes[a] == hashes[b] {
                return Err(format!(
                    "static segments `{}` and `{}` hash alike: one trie node cannot tell them apart",
                    keys[a], keys[b]
                ));
            }
        }
    }

    if let Some(single) = one_pilot(&hashes) {
        return Ok(single);
    }
    let slot_count = keys.len() + keys.len() / 4 + 1;
    let bucket_count = keys.len().div_ceil(3);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); bucket_count];
    for (key, &h) in hashes.iter().enumerate() {
        members[bucket(h, bucket_count)].push(key);
    }
    let mut order: Vec<usize> = (0..bucket_count).collect();
    order.sort_by_key(|&b| Reverse(members[b].len()));

    let mut pilots = vec![0u16; bucket_count];
    let mut slots: Vec<Option<usize>> = vec![None; slot_count];
    let mut places: Vec<usize> = Vec::new();
    'buckets: for b in order {
        if members[b].is_empty() {
            continue;
        }
        for pilot in 0..=u16::MAX {
            places.clear();
            let fits = members[b].iter().all(|&key| {
                let at = slot(hashes[key], pilot, slot_count);
                let free = slots[at].is_none() && !places.contains(&at);
                places.push(at);
                free
            });
            if fits {
                for (&key, &at) in members[b].iter().zip(&places) {
                    slots[at] = Some(key);
                }
                pilots[b] = pilot;
                continue 'buckets;
            }
        }
        return Err(format!(
            "no pilot places the {} static segments of one bucket (starting with `{}`)",
            members[b].len(),
            keys[members[b][0]]
        ));
    }
    Ok(Layout {
        pilot: 0,
        pilots,
        slots,
    })
}

/// The maps of one trie, laid out one after the other into the arrays of an [`Arena`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArenaBuilder {
    /// [`Arena::pilots`].
    pub pilots: Vec<u16>,
    /// [`Arena::slots`].
    pub slots: Vec<Slot>,
    /// [`Arena::keys`].
    pub keys: Vec<u8>,
}

impl ArenaBuilder {
    /// Lays out a map of `entries` (distinct lower-case keys and their values) and appends it.
    ///
    /// # Errors
    ///
    /// As [`layout`], or an arena grown past what the map's `u32` and `u16` ranges address.
    pub fn add(&mut self, entries: &[(&str, u16)]) -> Result<SegmentMap, String> {
        let keys: Vec<&str> = entries.iter().map(|e| e.0).collect();
        let layout = layout(&keys)?;
        let too_big = |what: &str| format!("the trie's {what} do not fit the segment maps' ranges");
        let map = SegmentMap {
            pilot: layout.pilot,
            buckets: u16::try_from(layout.pilots.len()).map_err(|_| too_big("buckets"))?,
            pilots_start: u32::try_from(self.pilots.len()).map_err(|_| too_big("pilots"))?,
            slots_start: u32::try_from(self.slots.len()).map_err(|_| too_big("slots"))?,
            slots: u32::try_from(layout.slots.len()).map_err(|_| too_big("slots"))?,
        };
        self.pilots.extend(&layout.pilots);
        for slot in &layout.slots {
            let slot = match slot.and_then(|k| entries.get(k)) {
                Some(&(key, value)) => {
                    let key_start = u32::try_from(self.keys.len()).map_err(|_| too_big("keys"))?;
                    let key_len = u16::try_from(key.len()).map_err(|_| too_big("keys"))?;
                    self.keys.extend_from_slice(key.as_bytes());
                    Slot {
                        key_start,
                        key_len,
                        value,
                    }
                }
                None => Slot::default(),
            };
            self.slots.push(slot);
        }
        Ok(map)
    }

    /// The arena, borrowing the arrays.
    pub fn arena(&self) -> Arena<'_> {
        Arena {
            pilots: &self.pilots,
            slots: &self.slots,
            keys: &self.keys,
        }
    }
}

/// Maps of up to this many keys are first tried with one pilot.
const ONE_PILOT_MAX: usize = 64;

/// A layout of a small map with one pilot for all keys: in 2, 4 or 8 slots per key, the first
/// table size where one of the first 4,096 pilots gives every key a slot of its own.
fn one_pilot(hashes: &[u64]) -> Option<Layout> {
    if hashes.len() > ONE_PILOT_MAX {
        return None;
    }
    for slot_count in [2, 4, 8].map(|per_key| hashes.len() * per_key) {
        let mut slots: Vec<Option<usize>> = vec![None; slot_count];
        'pilots: for pilot in 0..4096 {
            slots.fill(None);
            for (key, &h) in hashes.iter().enumerate() {
                let at = slot(h, pilot, slot_count);
                if slots[at].is_some() {
                    continue 'pilots;
                }
                slots[at] = Some(key);
            }
            return Some(Layout {
                pilot,
                pilots: Vec::new(),
                slots,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::segment_map::hash;
    use super::*;
    use proptest::prelude::*;

    fn check(keys: &[&str]) {
        let entries: Vec<(&str, u16)> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i as u16))
            .collect();
        let mut builder = ArenaBuilder::default();
        // Another map before this one: ranges must be offset correctly.
        let other = builder.add(&[("other", 7), ("x", 8)]).unwrap();
        let map = builder.add(&entries).unwrap();
        let arena = builder.arena();
        assert_eq!(map.entries(&arena).count(), keys.len());
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(
                map.get(&arena, hash(key.as_bytes()), key.as_bytes()),
                Some(i as u16),
                "{key}"
            );
            let upper = key.to_ascii_uppercase();
            assert_eq!(
                map.get(&arena, hash(upper.as_bytes()), upper.as_bytes()),
                Some(i as u16),
                "{upper}"
            );
            let longer = format!("{key}x");
            if !keys.contains(&longer.as_str()) {
                assert_eq!(
                    map.get(&arena, hash(longer.as_bytes()), longer.as_bytes()),
                    None,
                    "{longer}"
                );
            }
        }
        assert_eq!(other.get(&arena, hash(b"other"), b"other"), Some(7));
        assert_eq!(
            map.get(&arena, hash(b"other"), b"other"),
            keys.iter().position(|k| *k == "other").map(|i| i as u16)
        );
    }

    #[test]
    fn every_key_is_found_and_only_keys_are() {
        check(&[]);
        check(&["me"]);
        check(&[
            "me",
            "users",
            "teams",
            "chats",
            "communications",
            "drives",
            "sites",
            "groups",
        ]);
        // As wide as the benches' 100x trie, and with many keys of one length.
        let wide: Vec<String> = (0..3000).map(|k| format!("teams{k}")).collect();
        let wide: Vec<&str> = wide.iter().map(String::as_str).collect();
        check(&wide);
        // Small maps have one pilot, large ones one a bucket.
        assert!(layout(&wide[..ONE_PILOT_MAX]).unwrap().pilots.is_empty());
        assert!(!layout(&wide).unwrap().pilots.is_empty());
    }

    #[test]
    fn keys_that_hash_alike_are_an_error_not_a_panic() {
        let err = layout(&["a@b", "a`b"]).unwrap_err();
        assert!(err.contains("`a@b` and `a`b` hash alike"), "{err}");
        assert!(layout(&["a", ""]).is_err());
        assert!(layout(&["teams", "Channels"])
            .unwrap_err()
            .contains("`Channels` is not lower case"));
    }

    proptest! {
        #[test]
        fn any_distinct_keys_lay_out(keys in proptest::collection::btree_set("[a-z0-9.:_-]{1,30}", 0..300)) {
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            check(&keys);
        }
    }
}
