//! The shipped glossaries' automaton, compiled ahead of time.
//!
//! Every run that keeps the shipped glossaries (the default) compiles the
//! same few thousand match keys into the same daachorse automaton, which
//! took about a third of the instructions of checking one article. So the
//! automaton of the shipped glossaries is kept, serialised, in
//! `prebuilt_automaton.bin` beside this file and compiled into the binary.
//!
//! The file starts with the exact list it was built from — every key with
//! the value the automaton reports for it, in order — and the matcher uses
//! the stored automaton only when the keys and values it is about to compile
//! are byte for byte that list. Anything else (a project glossary layered
//! over the shipped ones, `--no-default-glossary`, a changed normaliser, a
//! glossary row added without refreshing the file) is compiled as before:
//! the file can make a run faster, never different.
//!
//! A test (`prebuilt_automaton_is_current`) compiles the shipped glossaries
//! afresh and fails if the file differs; `SELARAS_UPDATE_PREBUILT=1 cargo
//! test --lib prebuilt` writes the file instead. The bytes after the key list
//! are daachorse's own serialisation, which is why Cargo.toml pins daachorse
//! to the exact version the file was written with.
//!
//! Layout (integers little-endian): the 8 bytes `MAGIC`, the number of keys
//! (u32), then per key its length in bytes (u32), its UTF-8 bytes and its
//! value (u32); then the automaton.

use daachorse::CharwiseDoubleArrayAhoCorasick;

/// Names the layout above; a new layout gets a new tag.
const MAGIC: &[u8; 8] = b"SLRSAC01";

/// The stored file, compiled in.
static STORED: &[u8] = include_bytes!("prebuilt_automaton.bin");

/// The stored automaton, if it was built from exactly `keys` with `values`
/// (parallel slices).
pub(super) fn automaton_for(keys: &[&str], values: &[u32]) -> Option<CharwiseDoubleArrayAhoCorasick<u32>> {
    automaton_in(STORED, keys, values)
}

/// The automaton `stored` holds, if the file was written for exactly `keys`
/// with `values` and holds nothing after the automaton.
fn automaton_in(stored: &[u8], keys: &[&str], values: &[u32]) -> Option<CharwiseDoubleArrayAhoCorasick<u32>> {
    let rest = same_keys(stored, keys, values)?;
    let (automaton, unread) = CharwiseDoubleArrayAhoCorasick::<u32>::deserialize(rest).ok()?;
    unread.is_empty().then_some(automaton)
}

/// The file's bytes for `automaton` built from `keys` with `values`.
#[cfg(test)]
pub(super) fn encode(keys: &[&str], values: &[u32], automaton: &CharwiseDoubleArrayAhoCorasick<u32>) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(16 + keys.iter().map(|key| key.len() + 8).sum::<usize>());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&u32::try_from(keys.len()).unwrap_or(u32::MAX).to_le_bytes());
    for (key, value) in keys.iter().zip(values) {
        bytes.extend_from_slice(&u32::try_from(key.len()).unwrap_or(u32::MAX).to_le_bytes());
        bytes.extend_from_slice(key.as_bytes());
        bytes.extend_from_slice(&value.to_le_bytes());
    }
    bytes.extend_from_slice(&automaton.serialize());
    bytes
}

/// If `stored` lists exactly `keys` with `values`, the bytes after the list.
fn same_keys<'a>(stored: &'a [u8], keys: &[&str], values: &[u32]) -> Option<&'a [u8]> {
    let mut rest = stored.strip_prefix(MAGIC.as_slice())?;
    if read_u32(&mut rest)? as usize != keys.len() || values.len() != keys.len() {
        return None;
    }
    for (key, &value) in keys.iter().zip(values) {
        let len = read_u32(&mut rest)? as usize;
        let (stored_key, after) = rest.split_at_checked(len)?;
        rest = after;
        if stored_key != key.as_bytes() || read_u32(&mut rest)? != value {
            return None;
        }
    }
    Some(rest)
}

fn read_u32(bytes: &mut &[u8]) -> Option<u32> {
    let (head, rest) = bytes.split_first_chunk::<4>()?;
    *bytes = rest;
    Some(u32::from_le_bytes(*head))
}

/// The stored file as compiled in.
#[cfg(test)]
pub(super) fn stored() -> &'static [u8] {
    STORED
}

#[cfg(test)]
mod tests {
    use super::*;

    fn automaton(keys: &[&str], values: &[u32]) -> CharwiseDoubleArrayAhoCorasick<u32> {
        daachorse::CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(daachorse::MatchKind::LeftmostLongest)
            .build_with_values(keys.iter().copied().zip(values.iter().copied()))
            .unwrap()
    }

    #[test]
    fn a_file_is_used_only_for_the_very_keys_and_values_it_lists() {
        let keys = ["korea utara", "korea", "menteri luar negeri"];
        let values = [7, 8, 9];
        let bytes = encode(&keys, &values, &automaton(&keys, &values));
        let read = automaton_in(&bytes, &keys, &values).expect("same list");
        let found = read.leftmost_find_iter("kata korea utara").next().unwrap();
        assert_eq!((found.start(), found.end(), found.value()), (5, 16, 7));
        // A changed key, value, order, count or file: no match.
        assert!(automaton_in(&bytes, &["korea utara", "korea", "menteri luar negeri "], &values).is_none());
        assert!(automaton_in(&bytes, &keys, &[7, 8, 10]).is_none());
        assert!(automaton_in(&bytes, &["korea", "korea utara", "menteri luar negeri"], &[8, 7, 9]).is_none());
        assert!(automaton_in(&bytes, &keys[..2], &values[..2]).is_none());
        // A cut or padded file: no automaton, and no panic.
        for cut in [0, 4, 8, 13, 40, bytes.len() / 2, bytes.len() - 1] {
            assert!(automaton_in(&bytes[..cut], &keys, &values).is_none(), "cut at {cut}");
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert!(automaton_in(&padded, &keys, &values).is_none());
        assert!(automaton_in(&bytes[1..], &keys, &values).is_none());
    }
}
