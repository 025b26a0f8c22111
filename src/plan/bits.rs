//! A fixed-size bit set, for the solver's sets of items and candidates.

/// A set of small integers below a fixed size.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Bits(Vec<u64>);

impl Bits {
    /// The empty set of integers below `n`.
    pub(super) fn new(n: usize) -> Self {
        Bits(vec![0; n.div_ceil(64)])
    }

    pub(super) fn set(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    pub(super) fn clear(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w &= !(1 << (i % 64));
        }
    }

    pub(super) fn get(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }

    pub(super) fn count(&self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }

    /// Whether every member of `self` is in `other`.
    pub(super) fn is_subset(&self, other: &Bits) -> bool {
        self.0.iter().zip(&other.0).all(|(a, b)| a & !b == 0)
    }

    /// How many members of `self` are not in `other`.
    pub(super) fn count_minus(&self, other: &Bits) -> u32 {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| (a & !b).count_ones())
            .sum()
    }

    pub(super) fn union_with(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    /// Whether `self` minus `without` meets `other`.
    pub(super) fn meets_without(&self, without: &Bits, other: &Bits) -> bool {
        self.0
            .iter()
            .zip(&without.0)
            .zip(&other.0)
            .any(|((a, w), o)| a & !w & o != 0)
    }

    /// Adds the members of `other` that are not in `without`.
    pub(super) fn union_without(&mut self, other: &Bits, without: &Bits) {
        for ((a, b), w) in self.0.iter_mut().zip(&other.0).zip(&without.0) {
            *a |= b & !w;
        }
    }

    /// `self & other`.
    pub(super) fn and(&self, other: &Bits) -> Bits {
        Bits(self.0.iter().zip(&other.0).map(|(a, b)| a & b).collect())
    }

    /// How many members `self` and `other` share.
    pub(super) fn count_and(&self, other: &Bits) -> u32 {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| (a & b).count_ones())
            .sum()
    }

    /// Every integer below `n`.
    pub(super) fn full(n: usize) -> Bits {
        let mut all = Bits::new(n);
        for i in 0..n {
            all.set(i);
        }
        all
    }

    /// `self & !other`.
    pub(super) fn minus(&self, other: &Bits) -> Bits {
        Bits(self.0.iter().zip(&other.0).map(|(a, b)| a & !b).collect())
    }

    /// The members, ascending.
    pub(super) fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(k, &w)| {
            let mut w = w;
            core::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(k * 64 + bit)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations() {
        let mut a = Bits::new(130);
        let mut b = Bits::new(130);
        for i in [0, 63, 64, 129] {
            a.set(i);
        }
        b.set(64);
        assert_eq!(a.ones().collect::<Vec<_>>(), [0, 63, 64, 129]);
        assert!(b.is_subset(&a) && !a.is_subset(&b));
        assert_eq!(a.count(), 4);
        assert_eq!(a.count_minus(&b), 3);
        assert_eq!(a.minus(&b).ones().collect::<Vec<_>>(), [0, 63, 129]);
        assert_eq!(a.and(&b), b);
        assert_eq!(a.count_and(&Bits::full(64)), 2);
        assert_eq!(Bits::full(130).count(), 130);
        a.clear(0);
        assert!(!a.get(0) && a.get(63));
        let mut c = Bits::new(130);
        assert!(c.is_empty());
        c.union_with(&b);
        assert_eq!(c, b);
        c.set(500); // out of range: ignored
        assert_eq!(c.count(), 1);
        let mut none = Bits::new(130);
        assert!(!b.meets_without(&b, &a));
        assert!(a.meets_without(&b, &a));
        none.union_without(&a, &b);
        assert_eq!(none.ones().collect::<Vec<_>>(), [63, 129]);
    }
}
