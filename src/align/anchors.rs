//! Lexical anchors: units in, per-unit feature bags out.
//!
//! A feature is a hashed key with a weight. Two units share a feature when
//! something in them survives translation unchanged or maps through a table:
//!
//! * numbers, compared by value across locales (`crate::numbers`):
//!   Indonesian `10.000` and English `10,000` give the same key;
//! * names, acronyms and codes: any word with a capital letter or a digit
//!   (`Hwasong-19`, `ICBM`, `Lavrov`), keyed in lower case;
//! * weekdays and months through a small Indonesian↔English table (`Sabtu` =
//!   `Saturday`), only when capitalised (`minggu` is also "week");
//! * punctuation that a translation keeps: `?`, `!`, double quotes, brackets;
//! * glossary term pairs (`TermPairs`), from the glossary the pipeline
//!   matches with;
//! * word stems: the first four letters of longer content words, which
//!   catch loanwords and names written in lower case (`teleskop` /
//!   `telescopes`, `makassar` / `Makassar`). They are weak, so they weigh less.
//!
//! Quoted strings themselves are not compared: Indonesian quotations are
//! translated, so only the quote marks carry over. The similarity of two bags
//! is the weighted overlap (`intersection`) used by `search`.

use super::term_pairs::TermPairs;
use super::words::words_of;

/// Weights of the anchor types.
#[derive(Debug, Clone, PartialEq)]
pub struct AnchorWeights {
    pub number: f32,
    pub name: f32,
    pub calendar: f32,
    pub punctuation: f32,
    pub term: f32,
    pub stem: f32,
}

impl Default for AnchorWeights {
    fn default() -> Self {
        AnchorWeights {
            number: 2.0,
            name: 1.5,
            calendar: 1.5,
            punctuation: 0.5,
            term: 1.5,
            stem: 0.5,
        }
    }
}

impl AnchorWeights {
    pub(crate) fn set(&mut self, name: &str, value: f32) -> bool {
        let field = match name {
            "number" => &mut self.number,
            "name" => &mut self.name,
            "calendar" => &mut self.calendar,
            "punctuation" => &mut self.punctuation,
            "term" => &mut self.term,
            "stem" => &mut self.stem,
            _ => return false,
        };
        *field = value;
        true
    }
}

/// The features of one unit.
#[derive(Debug, Clone, Default)]
pub struct UnitFeatures {
    /// Length in code points.
    pub chars: u32,
    /// (key, weight), sorted by key, keys unique.
    pub keys: Vec<(u64, f32)>,
    /// Sum of the weights.
    pub weight: f32,
    /// Sum of the weights of the strong anchors: numbers, names, calendar
    /// words and glossary terms (stems and punctuation are weak).
    pub strong: f32,
    /// Indonesian and English function words seen, for language checks.
    pub id_words: u16,
    pub en_words: u16,
}

/// Weighted overlap of two bags: the sum over shared keys of the smaller weight.
pub fn intersection(a: &UnitFeatures, b: &UnitFeatures) -> f32 {
    let (mut i, mut j, mut total) = (0, 0, 0.0);
    while i < a.keys.len() && j < b.keys.len() {
        let (ka, wa) = a.keys[i];
        let (kb, wb) = b.keys[j];
        match ka.cmp(&kb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                total += wa.min(wb);
                i += 1;
                j += 1;
            }
        }
    }
    total
}

/// Features of every unit of one side, read as language `lang`.
pub fn features(
    units: &[super::AlignUnit<'_>],
    lang: crate::segment::Lang,
    terms: &TermPairs,
    weights: &AnchorWeights,
) -> Vec<UnitFeatures> {
    let mut term_hits = Vec::new();
    units
        .iter()
        .map(|unit| {
            let text = unit.text;
            let mut keys: Vec<(u64, f32)> = Vec::new();
            let mut strong = 0.0f32;
            for mention in crate::numbers::extract(text, lang) {
                strong += weights.number;
                let (class, value) = mention.key();
                keys.push((hash(class, &value.to_le_bytes()), weights.number));
            }
            let words = words_of(text);
            // Lower-cased once: the term pairs below look at them too.
            let lower_words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            // Numbers of ten or more written in English words (`Thirty-one
            // were rescued`, AP style at the start of a sentence) anchor
            // like digits.
            if lang == crate::segment::Lang::En && lower_words.iter().any(|w| w.split('-').any(crate::numbers::is_english_number_word)) {
                for value in crate::numbers::english_number_words(&text.to_lowercase()) {
                    if value >= 10.0 {
                        strong += weights.number;
                        keys.push((hash(b'n', &((value * 1000.0).round() as i64).to_le_bytes()), weights.number));
                    }
                }
            }
            let (mut id_words, mut en_words) = (0u16, 0u16);
            for (word_idx, (word, lower)) in words.iter().zip(&lower_words).enumerate() {
                let capitalised = word.chars().next().is_some_and(char::is_uppercase);
                let (is_id_function, is_en_function) = function_word(lower);
                if is_id_function {
                    id_words = id_words.saturating_add(1);
                }
                if is_en_function {
                    en_words = en_words.saturating_add(1);
                }
                if capitalised && let Some(slot) = calendar_slot(lower) {
                    keys.push((hash(b'c', &[slot]), weights.calendar));
                    strong += weights.calendar;
                    continue;
                }
                let is_function = is_id_function || is_en_function;
                let has_letter = word.chars().any(char::is_alphabetic);
                let marked = word.chars().any(|c| c.is_uppercase() || c.is_ascii_digit());
                if marked && has_letter && !is_function && word.chars().count() >= 2 {
                    keys.push((hash(b'w', lower.as_bytes()), weights.name));
                    // A sentence's first word is capitalised anyway.
                    if word_idx > 0 {
                        strong += weights.name;
                    }
                }
                if has_letter && !is_function && lower.chars().count() >= 4 {
                    // The first four letters, as a slice (no copy per word).
                    let stem_end = lower.char_indices().nth(4).map_or(lower.len(), |(at, _)| at);
                    keys.push((hash(b's', &lower.as_bytes()[..stem_end]), weights.stem));
                }
            }
            for (marks, slot) in [("?", b'?'), ("!", b'!'), ("\"“”«»„", b'q'), ("([", b'b')] {
                if text.contains(|c: char| marks.contains(c)) {
                    keys.push((hash(b'p', &[slot]), weights.punctuation));
                }
            }
            if !terms.is_empty() {
                term_hits.clear();
                terms.matches(&words, &lower_words, lang == crate::segment::Lang::Id, &mut term_hits);
                for &entry_idx in &term_hits {
                    keys.push((hash(b'g', &(entry_idx as u64).to_le_bytes()), weights.term));
                    strong += weights.term;
                }
            }
            keys.retain(|&(_, w)| w > 0.0);
            keys.sort_unstable_by_key(|&(k, _)| k);
            // A key seen twice counts twice (two equal numbers need two partners).
            keys.dedup_by(|later, earlier| {
                let same = later.0 == earlier.0;
                if same {
                    earlier.1 += later.1;
                }
                same
            });
            UnitFeatures {
                chars: u32::try_from(text.chars().count()).unwrap_or(u32::MAX),
                weight: keys.iter().map(|&(_, w)| w).sum(),
                strong,
                keys,
                id_words,
                en_words,
            }
        })
        .collect()
}

/// Whether `lower` is an Indonesian and whether an English function word:
/// two binary searches in sorted copies of the lists (made once), where
/// `contains` compared every word of a unit with a hundred-odd entries.
fn function_word(lower: &str) -> (bool, bool) {
    static SORTED: std::sync::OnceLock<[Vec<&'static str>; 2]> = std::sync::OnceLock::new();
    let [id, en] = SORTED.get_or_init(|| {
        [ID_FUNCTION_WORDS, EN_FUNCTION_WORDS].map(|list| {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted
        })
    });
    (id.binary_search(&lower).is_ok(), en.binary_search(&lower).is_ok())
}

/// FNV-1a over a type tag and bytes: stable across runs, cheap, and wide
/// enough that collisions between a unit's few dozen keys do not matter.
fn hash(tag: u8, bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in std::iter::once(&tag).chain(bytes) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Month (1–12) or weekday (21–27) of a lower-case Indonesian or English name.
fn calendar_slot(lower: &str) -> Option<u8> {
    const NAMES: &[(&str, u8)] = &[
        ("januari", 1),
        ("january", 1),
        ("februari", 2),
        ("february", 2),
        ("maret", 3),
        ("march", 3),
        ("april", 4),
        ("mei", 5),
        ("may", 5),
        ("juni", 6),
        ("june", 6),
        ("juli", 7),
        ("july", 7),
        ("agustus", 8),
        ("august", 8),
        ("september", 9),
        ("oktober", 10),
        ("october", 10),
        ("november", 11),
        ("desember", 12),
        ("december", 12),
        ("senin", 21),
        ("monday", 21),
        ("selasa", 22),
        ("tuesday", 22),
        ("rabu", 23),
        ("wednesday", 23),
        ("kamis", 24),
        ("thursday", 24),
        ("jumat", 25),
        ("jum'at", 25),
        ("friday", 25),
        ("sabtu", 26),
        ("saturday", 26),
        ("minggu", 27),
        ("ahad", 27),
        ("sunday", 27),
    ];
    NAMES.iter().find(|(name, _)| *name == lower).map(|&(_, slot)| slot)
}

/// Frequent Indonesian function words: they never anchor, and counting them
/// tells an Indonesian draft from an English one.
pub const ID_FUNCTION_WORDS: &[&str] = &[
    "yang",
    "dan",
    "di",
    "ini",
    "itu",
    "dengan",
    "untuk",
    "dari",
    "dalam",
    "tidak",
    "akan",
    "pada",
    "juga",
    "ke",
    "ada",
    "oleh",
    "karena",
    "atau",
    "bahwa",
    "sudah",
    "telah",
    "mereka",
    "kami",
    "kita",
    "adalah",
    "sebagai",
    "bisa",
    "dapat",
    "lebih",
    "para",
    "tersebut",
    "namun",
    "tetapi",
    "saat",
    "serta",
    "secara",
    "sejak",
    "hingga",
    "ia",
    "dia",
    "nya",
    "belum",
    "masih",
    "sangat",
    "bagi",
    "menjadi",
    "kepada",
    "tentang",
    "seperti",
    "setelah",
    "sebelum",
    "antara",
    "sebuah",
    "seorang",
    "yaitu",
    "yakni",
    "sedangkan",
    "sementara",
    "jika",
    "kalau",
    "agar",
    "bahkan",
    "sampai",
];

/// Frequent English function words, for the same two purposes.
pub const EN_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "by", "are", "be", "this", "from", "at", "an",
    "have", "has", "not", "they", "which", "were", "will", "their", "but", "or", "he", "she", "his", "her", "its", "been", "also", "would",
    "there", "about", "into", "than", "after", "who", "we", "our",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Lang;

    fn unit(text: &str) -> super::super::AlignUnit<'_> {
        super::super::AlignUnit {
            text,
            paragraph: 1,
            repeat_of: None,
        }
    }

    fn overlap(id: &str, en: &str, terms: &TermPairs) -> f32 {
        let weights = AnchorWeights {
            stem: 0.0,
            ..AnchorWeights::default()
        };
        let a = features(&[unit(id)], Lang::Id, terms, &weights);
        let b = features(&[unit(en)], Lang::En, terms, &weights);
        intersection(&a[0], &b[0])
    }

    #[test]
    fn numbers_anchor_by_value() {
        let none = TermPairs::new();
        assert_eq!(overlap("sekitar 10.000 tentara", "about 10,000 troops", &none), 2.0);
        assert_eq!(overlap("naik 2,5 persen", "up 2.5 percent", &none), 2.0);
        assert_eq!(overlap("1,5 juta orang", "1.5 million people", &none), 2.0);
        assert_eq!(overlap("8.000 orang", "8.000 people", &none), 0.0);
        assert_eq!(overlap("pukul 14.23 WIB", "at 14:23", &none), 2.0);
    }

    #[test]
    fn names_codes_and_calendar_words_anchor() {
        let none = TermPairs::new();
        // The code, its number and the acronym: 1.5 + 2.0 + 1.5.
        assert_eq!(overlap("rudal Hwasong-19 dan ICBM", "the Hwasong-19 missile, an ICBM", &none), 5.0);
        assert_eq!(overlap("pada hari Sabtu", "on Saturday", &none), 1.5);
        // Lower-case `minggu` means "week", not Sunday.
        assert_eq!(overlap("satu minggu", "on Sunday", &none), 0.0);
    }

    #[test]
    fn punctuation_anchors() {
        let none = TermPairs::new();
        assert_eq!(overlap("Apa kabar?", "How are you?", &none), 0.5);
        assert_eq!(overlap("“Kami siap,” katanya.", "\"We are ready,\" he said.", &none), 0.5);
    }

    #[test]
    fn glossary_pairs_anchor_through_the_hook() {
        let mut terms = TermPairs::new();
        terms.push("Korea Utara", &["North Korea", "North Korean"]);
        assert_eq!(terms.len(), 1);
        let with_terms = overlap("dukungan korea utara", "support from north korea", &terms);
        let without = overlap("dukungan korea utara", "support from north korea", &TermPairs::new());
        assert_eq!(with_terms - without, 1.5);
    }

    #[test]
    fn stems_catch_loanwords() {
        let weights = AnchorWeights::default();
        let a = features(&[unit("mikroskop dan teleskop optik")], Lang::Id, &TermPairs::new(), &weights);
        let b = features(&[unit("microscopes and optical telescopes")], Lang::En, &TermPairs::new(), &weights);
        assert_eq!(intersection(&a[0], &b[0]), 1.0);
        assert_eq!(a[0].id_words, 1);
        assert_eq!(b[0].en_words, 1);
    }
}
