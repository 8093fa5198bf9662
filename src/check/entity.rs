//! `entity.changed` and `entity.name`: what must survive translation as is.
//!
//! * Codes — a word with both letters and digits and a capital letter
//!   (`Hwasong-19`, `F-16`, `A320`, `COVID-19`), except money (`Rp843`) —
//!   must appear in the bead's draft; spaces, hyphens and case may differ.
//! * Acronyms — two to six capitals (`ICBM`, `KCNA`, `NATO`), except Roman
//!   numerals and a dateline city in capitals at the start of a unit
//!   (`MOSKOW - …`) — must appear verbatim in the bead's draft when the
//!   translator kept them elsewhere in the draft. Indonesian acronyms are
//!   often translated (`BBM` → fuel, `PDB` → GDP); one the draft uses in one
//!   place and drops in another was lost.
//! * Names — two or more capitalised words in a row (`Choe Son Hui`,
//!   `Sergey Lavrov`) that are neither common Indonesian words written with
//!   a capital (`Menteri`, `Pada`, `Utara`) nor calendar words: a word that
//!   is missing from the draft while the draft has a look-alike (`Sergei`,
//!   `Son-hui`) was respelled (`entity.name`, a warning). Not in headlines,
//!   where every word is capitalised.
//!
//! Source spans that a glossary term covers are skipped: `AS` → `US` or
//! `Korea Utara` → `North Korea` are translations, checked by the glossary
//! rules.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use super::{Check, Pair, TermUse, finding, words};
use crate::finding::Finding;
use crate::segment::UnitKind;
use crate::text::Span;

/// Capitalised Indonesian words that start titles, institutions, places and
/// sentences, and are translated rather than kept. Sorted.
const COMMON_CAPITALISED: &[&str] = &[
    "Agung",
    "Akan",
    "Anggota",
    "Badan",
    "Bagi",
    "Bahwa",
    "Bandar",
    "Bank",
    "Barat",
    "Berita",
    "Besar",
    "Bicara",
    "Bulan",
    "Bupati",
    "Daerah",
    "Dalam",
    "Dan",
    "Dari",
    "Dengan",
    "Dewan",
    "Di",
    "Dia",
    "Direktur",
    "Gedung",
    "Gubernur",
    "Gunung",
    "Hari",
    "Ia",
    "Ini",
    "Itu",
    "Jalan",
    "Jenderal",
    "Juga",
    "Juru",
    "Kabupaten",
    "Kami",
    "Kantor",
    "Karena",
    "Kata",
    "Ke",
    "Kecamatan",
    "Kementerian",
    "Kemudian",
    "Kepala",
    "Ketua",
    "Kita",
    "Komisi",
    "Kota",
    "Lalu",
    "Laut",
    "Luar",
    "Masyarakat",
    "Menteri",
    "Menurut",
    "Mereka",
    "Namun",
    "Nasional",
    "Negara",
    "Negeri",
    "Oleh",
    "Pada",
    "Panglima",
    "Partai",
    "Pemerintah",
    "Perdana",
    "Presiden",
    "Provinsi",
    "Pulau",
    "Pusat",
    "Raja",
    "Rakyat",
    "Raya",
    "Republik",
    "Rumah",
    "Saat",
    "Sakit",
    "Sebelumnya",
    "Sekretaris",
    "Selain",
    "Selatan",
    "Sementara",
    "Serikat",
    "Setelah",
    "Tahun",
    "Tengah",
    "Tetapi",
    "Timur",
    "Universitas",
    "Untuk",
    "Utara",
    "Wakil",
    "Wali",
    "Yang",
];

pub struct Entities;

impl Check for Entities {
    fn run(&self, pair: &Pair<'_>, out: &mut Vec<Finding>) {
        // Acronyms the translator kept somewhere in the draft.
        let kept_acronyms: std::collections::HashSet<&str> = words(pair.target.text, 0)
            .map(|(_, w)| w)
            .filter(|w| classify(w, false) == Kind::Acronym)
            .collect();
        for bead in pair.beads {
            let Some(&first_target) = bead.target.first() else { continue };
            let span = pair.target.joined_span(&bead.target);
            let text = span.slice(pair.target.text);
            let words_lower: Vec<String> = words(text, 0).map(|(_, w)| w.to_lowercase()).collect();
            let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
            for (position, word) in words_lower.iter().enumerate() {
                positions.entry(word.as_str()).or_default().push(position);
            }
            let words_exact: Vec<&str> = words(text, 0).map(|(_, w)| w).collect();
            let draft = Draft {
                unit: &pair.target.units[first_target],
                span,
                squashed: squash(text),
                exact_set: words_exact.iter().copied().collect(),
                codes_seen: RefCell::new(HashMap::new()),
                positions,
                words_exact,
            };
            for &source_idx in &bead.source {
                let unit = &pair.source.units[source_idx];
                let text = pair.source.unit_text(source_idx);
                let covered = Covered::new(pair.terms_in(source_idx));
                let is_covered = |span: Span| covered.overlaps(span);
                let found: Vec<(Span, &str)> = words(text, unit.span.start).collect();
                // Headlines capitalise every word: names cannot be told apart.
                let title_case = matches!(unit.kind, UnitKind::Headline | UnitKind::Heading);
                let mut name_run: Vec<(Span, &str)> = Vec::new();
                for (word_idx, &(span, word)) in found.iter().enumerate() {
                    // A name is words separated by single spaces only: a comma
                    // or bracket between two capitalised words ends it.
                    if let Some(&(previous, _)) = name_run.last()
                        && pair.source.text[previous.end..span.start].chars().any(|c| !c.is_whitespace())
                    {
                        draft.flush_name(&mut name_run, pair, unit, out);
                    }
                    if is_covered(span) {
                        draft.flush_name(&mut name_run, pair, unit, out);
                        continue;
                    }
                    let dateline_city = word_idx == 0 && text[span.end - unit.span.start..].trim_start().starts_with(['-', '–']);
                    let missing = match classify(word, dateline_city) {
                        Kind::Code if !draft.has_code(word) => Some("code"),
                        Kind::Acronym if !draft.exact_set.contains(word) && kept_acronyms.contains(word) => Some("acronym"),
                        Kind::NameWord if !title_case => {
                            name_run.push((span, word));
                            continue;
                        }
                        _ => None,
                    };
                    if let Some(what) = missing {
                        out.push(
                            finding(
                                "entity.changed",
                                format!("{what} {word} does not appear in draft unit {}", draft.unit.id),
                            )
                            .with_source(unit.id.clone(), span)
                            .with_target(draft.unit.id.clone(), draft.span)
                            .with_expected(word),
                        );
                    }
                    draft.flush_name(&mut name_run, pair, unit, out);
                }
                draft.flush_name(&mut name_run, pair, unit, out);
            }
        }
    }
}

/// The draft side of one bead, as the entity rules look at it.
struct Draft<'a> {
    /// The bead's first draft unit, where findings point.
    unit: &'a super::CheckUnit,
    /// All of the bead's draft text.
    span: Span,
    /// Letters and digits only, lowercased (codes compare on this).
    squashed: String,
    /// Words as written.
    words_exact: Vec<&'a str>,
    /// The same as a set, and where each lower-cased word stands: lookups
    /// per source word must not scan a long draft (a bead of thousands of
    /// names or codes was quadratic).
    exact_set: HashSet<&'a str>,
    positions: HashMap<&'a str, Vec<usize>>,
    /// Codes already looked for in `squashed`.
    codes_seen: RefCell<HashMap<String, bool>>,
}

/// The glossary terms of one source unit, for "does a term cover this
/// word?" in logarithmic time: sorted by start, with the furthest end seen
/// so far.
struct Covered {
    starts: Vec<usize>,
    max_ends: Vec<usize>,
}

impl Covered {
    fn new<'t>(terms: impl Iterator<Item = &'t TermUse>) -> Self {
        let mut spans: Vec<Span> = terms.map(|term| term.span).collect();
        spans.sort_unstable();
        let mut furthest = 0;
        let max_ends = spans
            .iter()
            .map(|span| {
                furthest = furthest.max(span.end);
                furthest
            })
            .collect();
        Covered {
            starts: spans.iter().map(|span| span.start).collect(),
            max_ends,
        }
    }

    /// Whether a term overlaps `span`: one that starts before `span` ends
    /// and ends after it starts.
    fn overlaps(&self, span: Span) -> bool {
        let before_end = self.starts.partition_point(|&start| start < span.end);
        before_end > 0 && self.max_ends[before_end - 1] > span.start
    }
}

#[derive(Debug, PartialEq)]
enum Kind {
    Code,
    Acronym,
    NameWord,
    Other,
}

fn classify(word: &str, dateline_city: bool) -> Kind {
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    let has_letter = word.chars().any(char::is_alphabetic);
    let has_capital = word.chars().any(char::is_uppercase);
    if has_digit && has_letter && has_capital && word.chars().count() >= 3 && !word.starts_with("Rp") && !word.starts_with("US") {
        return Kind::Code;
    }
    let all_capitals = word.chars().all(|c| c.is_ascii_uppercase());
    if all_capitals && (2..=6).contains(&word.len()) && !dateline_city && !is_roman_numeral(word) {
        return Kind::Acronym;
    }
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'' || c == '’');
    if capitalised && COMMON_CAPITALISED.binary_search(&word).is_err() && !super::calendar::is_calendar_word(word) {
        return Kind::NameWord;
    }
    Kind::Other
}

/// Whether draft word `other` is plausibly another spelling of `word`: one
/// starts the other (`Son` / `Son-hui`), or they differ by at most one edit
/// in four letters (`Sergey` / `Sergei`, `Antony` / `Anthony`).
fn looks_like(word: &str, other: &str) -> bool {
    let a: Vec<char> = word.to_lowercase().chars().collect();
    let b: Vec<char> = other.to_lowercase().chars().collect();
    if a == b || a.len() < 3 || b.len() < 3 {
        return false;
    }
    let hyphenated = b.starts_with(&a) && b.get(a.len()) == Some(&'-') || a.starts_with(&b) && a.get(b.len()) == Some(&'-');
    let allowed = (a.len().max(b.len()) / 4).max(1);
    let similar = hyphenated || a.len().abs_diff(b.len()) <= allowed && edit_distance(&a, &b) <= allowed;
    // The cognate test allocates; it runs only on the few look-alikes.
    similar && !is_cognate(word, other)
}

/// Indonesian loanwords and their English sources differ in regular
/// endings (`Industri` / `Industry`, `Transportasi` / `Transportation`,
/// `Demokratis` / `Democratic`, `Departemen` / `Department`); a draft word
/// that only adds a plural or possessive (`Energi's`) is the same word.
/// Neither is a respelled name.
fn is_cognate(word: &str, english: &str) -> bool {
    const ENDINGS: &[(&str, &str)] = &[
        ("", ""),
        ("", "s"),
        ("", "'s"),
        ("", "es"),
        ("", "l"),
        ("", "e"),
        ("", "ation"),
        ("i", "y"),
        ("i", "ies"),
        ("asi", "ation"),
        ("asi", ""),
        ("isasi", "ization"),
        ("si", "tion"),
        ("si", "sion"),
        ("ik", "ic"),
        ("is", "ic"),
        ("ik", "ical"),
        ("if", "ive"),
        ("isme", "ism"),
        ("men", "ment"),
        ("emen", "ment"),
        ("ri", "ry"),
        ("tas", "ty"),
        ("itas", "ity"),
        ("er", "ers"),
        ("al", "als"),
    ];
    // Spelling that regularly differs inside the word (`Ekosistem`).
    let normalise = |text: &str| text.to_lowercase().replace('k', "c").replace("ph", "f").replace('f', "p");
    let (a, b) = (normalise(word), normalise(english));
    a.len() >= 3
        && ENDINGS.iter().any(|&(id_end, en_end)| {
            let (id_end, en_end) = (normalise(id_end), normalise(en_end));
            match (a.strip_suffix(id_end.as_str()), b.strip_suffix(en_end.as_str())) {
                (Some(stem), Some(other)) => stem == other && stem.chars().count() >= 3,
                _ => false,
            }
        })
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            current[j + 1] = (previous[j] + usize::from(ca != cb)).min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

fn is_roman_numeral(word: &str) -> bool {
    word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M')) && word.len() <= 4 && word != "MD" && word != "DC"
}

/// Letters and digits only, lowercased: `Hwasong-19` and `Hwasong 19` agree.
fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

impl Draft<'_> {
    /// Whether code `word` appears in the draft (letters and digits only,
    /// lower case), each distinct code looked for once.
    fn has_code(&self, word: &str) -> bool {
        let squashed = squash(word);
        if let Some(&found) = self.codes_seen.borrow().get(&squashed) {
            return found;
        }
        let found = self.squashed.contains(&squashed);
        self.codes_seen.borrow_mut().insert(squashed, found);
        found
    }

    /// Ends a run of capitalised source words and reports it if the draft
    /// respelled it.
    fn flush_name(&self, run: &mut Vec<(Span, &str)>, pair: &Pair<'_>, unit: &super::CheckUnit, out: &mut Vec<Finding>) {
        if run.len() >= 2 {
            // A word is reported only when the draft has a capitalised word that
            // looks like another spelling of it (`Sergei` for `Sergey`,
            // `Son-hui` for `Son`): a name written differently. A run with no
            // such look-alike was translated (an institution: `Bursa Efek
            // Jakarta` → `Jakarta Stock Exchange`) or dropped (other rules).
            // The look-alike must stand next to a word of the name that the
            // draft kept exactly (`Sergei Lavrov`): the name is still there as a
            // unit, and a translated cognate (`Produk Domestik Bruto` → `Gross
            // Domestic Product`) has no such neighbour.
            let kept: Vec<String> = run
                .iter()
                .map(|&(_, w)| w.to_lowercase())
                .filter(|w| self.positions.contains_key(w.as_str()))
                .collect();
            // Only words next to a kept word can be the look-alike: their
            // positions, in text order.
            let mut next_to_kept: Vec<usize> = kept
                .iter()
                .flat_map(|w| self.positions.get(w.as_str()).into_iter().flatten())
                .flat_map(|&position| [position.checked_sub(1), Some(position + 1)])
                .flatten()
                .filter(|&position| position < self.words_exact.len())
                .collect();
            next_to_kept.sort_unstable();
            next_to_kept.dedup();
            let respelled: Vec<(&str, &str)> = run
                .iter()
                .map(|&(_, w)| w)
                .filter(|w| !self.positions.contains_key(w.to_lowercase().as_str()))
                .filter_map(|w| {
                    next_to_kept
                        .iter()
                        .map(|&position| self.words_exact[position])
                        .find(|t| t.chars().next().is_some_and(char::is_uppercase) && looks_like(w, t))
                        .map(|t| (w, t))
                })
                .collect();
            if !respelled.is_empty() {
                let span = Span::new(run[0].0.start, run[run.len() - 1].0.end);
                let name = span.slice(pair.source.text);
                let changes: Vec<String> = respelled.iter().map(|(w, t)| format!("{w} → {t}")).collect();
                out.push(
                    finding(
                        "entity.name",
                        format!(
                            "name {name} is spelled differently in draft unit {} ({})",
                            self.unit.id,
                            changes.join(", ")
                        ),
                    )
                    .with_source(unit.id.clone(), span)
                    .with_target(self.unit.id.clone(), self.span)
                    .with_expected(name),
                );
            }
        }
        run.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_sorted() {
        assert!(COMMON_CAPITALISED.windows(2).all(|w| w[0] < w[1]), "keep COMMON_CAPITALISED sorted");
    }

    #[test]
    fn classification() {
        assert_eq!(classify("Hwasong-19", false), Kind::Code);
        assert_eq!(classify("Rp843", false), Kind::Other);
        assert_eq!(classify("ke-4", false), Kind::Other);
        assert_eq!(classify("ICBM", false), Kind::Acronym);
        assert_eq!(classify("MOSKOW", true), Kind::Other);
        assert_eq!(classify("III", false), Kind::Other);
        assert_eq!(classify("Lavrov", false), Kind::NameWord);
        assert_eq!(classify("Menteri", false), Kind::Other);
        assert_eq!(classify("Jumat", false), Kind::Other);
        assert_eq!(squash("Hwasong 19"), squash("Hwasong-19"));
        assert_eq!(classify("K1", false), Kind::Other);
        assert!(looks_like("Sergey", "Sergei") && looks_like("Antony", "Anthony") && looks_like("Son", "Son-hui"));
        assert!(!looks_like("Bursa", "Stock") && !looks_like("Efek", "Exchange") && !looks_like("Kim", "Kim"));
        for (indonesian, english) in [
            ("Industri", "Industry"),
            ("Deputi", "Deputy"),
            ("Energi", "Energi's"),
            ("Demokratis", "Democratic"),
            ("Departemen", "Department"),
        ] {
            assert!(is_cognate(indonesian, english), "{indonesian} / {english}");
            assert!(!looks_like(indonesian, english), "{indonesian} / {english}");
        }
        assert!(!is_cognate("Sergey", "Sergei") && !is_cognate("Antony", "Anthony"));
    }

    #[test]
    fn issue_12_covered_spans_are_found_by_binary_search() {
        // Every span of a small range against a few terms, one inside
        // another: the search agrees with a scan.
        let term = |start, end| TermUse {
            unit: 0,
            span: Span::new(start, end),
            term: String::new(),
            targets: Vec::new(),
            forbidden: Vec::new(),
        };
        let terms = [term(10, 30), term(2, 4), term(12, 14), term(40, 41)];
        let covered = Covered::new(terms.iter());
        for start in 0..45 {
            for end in start..46 {
                let span = Span::new(start, end);
                let by_scan = terms.iter().any(|t| t.span.start < span.end && span.start < t.span.end);
                assert_eq!(covered.overlaps(span), by_scan, "{span:?}");
            }
        }
    }
}
