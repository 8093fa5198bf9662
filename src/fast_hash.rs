//! A quick hasher for the hash maps that every `check` run fills from the
//! whole glossary before it reads its input (rows by spelling, spellings by
//! folded key, term pairs by first word, automaton patterns by key).
//!
//! The standard library's SipHash is built to withstand keys chosen by an
//! attacker and costs about as much as the rest of a lookup; these keys are
//! short words of the project's own glossary. This hasher takes eight bytes
//! per multiply and mixes the result once at the end. Its starting state is
//! drawn once per process from the standard library's random keys, so that
//! a set of colliding keys cannot be written down in advance: a glossary
//! made to collide would at worst slow its own project's runs.
//!
//! Nothing iterates these maps in an order that reaches the output (their
//! order already changed from run to run with SipHash's random keys).

use std::hash::{BuildHasher, Hasher, RandomState};
use std::sync::OnceLock;

/// Builds [`WordHasher`]s from the process's seed. Use as the third type
/// parameter of `HashMap`/`HashSet`.
#[derive(Debug, Clone, Copy)]
pub struct SeededState(u64);

impl Default for SeededState {
    fn default() -> Self {
        static SEED: OnceLock<u64> = OnceLock::new();
        SeededState(*SEED.get_or_init(|| RandomState::new().hash_one(0x05e1_a7a5_u64)))
    }
}

impl BuildHasher for SeededState {
    type Hasher = WordHasher;

    fn build_hasher(&self) -> WordHasher {
        WordHasher(self.0)
    }
}

/// Eight bytes at a time: xor, multiply by an odd constant, rotate.
#[derive(Debug, Clone, Copy)]
pub struct WordHasher(u64);

/// An odd constant with bits spread evenly (2^64 divided by the golden ratio).
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(MULTIPLIER).rotate_left(26);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // The length first, so that zero padding of the last word does not
        // make `ab` and `ab\0` the same.
        self.add(bytes.len() as u64);
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut buffer = [0u8; 8];
            buffer.copy_from_slice(word);
            self.add(u64::from_le_bytes(buffer));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut buffer = [0u8; 8];
            buffer[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buffer));
        }
    }

    #[inline]
    fn write_u8(&mut self, value: u8) {
        self.add(u64::from(value));
    }

    #[inline]
    fn write_u32(&mut self, value: u32) {
        self.add(u64::from(value));
    }

    #[inline]
    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }

    #[inline]
    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    /// A final mix, so that the high bits (hashbrown's control bytes) and
    /// the low bits (its bucket index) both depend on every input bit.
    #[inline]
    fn finish(&self) -> u64 {
        let mut hash = self.0;
        hash ^= hash >> 32;
        hash = hash.wrapping_mul(0xd6e8_feb8_6659_fd93);
        hash ^= hash >> 32;
        hash
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::hash::BuildHasher;

    use super::SeededState;

    #[test]
    fn equal_keys_hash_alike_and_near_keys_apart() {
        let state = SeededState::default();
        assert_eq!(state.hash_one("Korea Utara"), SeededState::default().hash_one("Korea Utara"));
        assert_ne!(state.hash_one("ab"), state.hash_one("ab\0"));
        // Keys that differ in one letter spread over the table.
        let hashes: HashSet<u64> = (0..1000).map(|n| state.hash_one(format!("kata{n}")) >> 57).collect();
        assert!(hashes.len() > 100, "top bits take {} values", hashes.len());
    }

    #[test]
    fn a_map_with_it_finds_what_it_holds() {
        let mut map: std::collections::HashMap<String, usize, SeededState> = Default::default();
        for n in 0..10_000 {
            map.insert(format!("term {n}"), n);
        }
        assert!((0..10_000).all(|n| map.get(&format!("term {n}")) == Some(&n)));
        assert_eq!(map.get("term 10000"), None);
    }
}
