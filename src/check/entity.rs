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

use std::cell::{OnceCell, RefCell};

use super::{Check, Pair, TermUse, finding, words};
use crate::finding::Finding;
use crate::segment::UnitKind;
use crate::text::Span;

/// The sets and maps of words this check fills for every bead, with the
/// quick hasher (see `crate::fast_hash`; no order of theirs reaches a
/// finding).
type HashSet<T> = std::collections::HashSet<T, crate::fast_hash::SeededState>;
type HashMap<K, V> = std::collections::HashMap<K, V, crate::fast_hash::SeededState>;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    ENTITY_CHANGED = "entity.changed", Error,
        "A code, acronym or name does not survive into the draft.",
        "Codes (letters with digits: Hwasong-19, F-16), acronyms (ICBM, KCNA) and multi-word\n\
         names (Choe Son Hui, Sergey Lavrov) stay the same in English. Spans the glossary covers\n\
         are left to the glossary rules (AS → US is a translation, not a change).\n\
         Example: \"Hwasong-19\" written as \"Hwasong-18\".";
    ENTITY_NAME = "entity.name", Warning,
        "A personal or place name of the source is not in the draft.",
        "Two or more capitalised words in a row that are not common Indonesian words (a name such\n\
         as Choe Son Hui or Sergey Lavrov) should appear in the draft, word for word. A different\n\
         transliteration (Sergei for Sergey) is reported too, as a warning: pick one spelling.\n\
         Example: \"Sergey Lavrov\" written as \"Sergei Lavrov\"; \"Choe Son Hui\" left out of the\n\
         sentence that quotes her.";
}

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
        // Acronyms of the source: a draft acronym that the source has too is
        // another acronym, not a changed one.
        // (Each of these is worked out when first needed: many pairs never ask.)
        let source_acronyms: OnceCell<HashSet<&str>> = OnceCell::new();
        let source_acronyms = || {
            source_acronyms.get_or_init(|| {
                words(pair.source.text, 0)
                    .map(|(_, w)| w)
                    .filter(|w| classify(w, false) == Kind::Acronym)
                    .collect()
            })
        };
        // Every word of the draft, lower-cased: a name the draft spells right
        // somewhere is established, and a look-alike elsewhere is a slip.
        let draft_words: OnceCell<HashSet<String>> = OnceCell::new();
        // The source's whole words, for "does the source have this word
        // too?" without a scan of the source per draft word (issue 12).
        let source_words = WholeWords::new(pair.source.text);
        let verdicts = Verdicts::default();
        for bead in pair.beads {
            let Some(first_target) = bead.first_target() else { continue };
            let span = pair.target.joined_span(bead.target.clone());
            let text = span.slice(pair.target.text);
            // The bead's words, read once (spans in the document).
            let (spans, words_exact): (Vec<Span>, Vec<&str>) = words(text, span.start).unzip();
            let lowered: Vec<String> = words_exact.iter().map(|w| w.to_lowercase()).collect();
            let draft = Draft {
                unit_idx: first_target,
                unit: &pair.target.units[first_target],
                span,
                text,
                squashed: OnceCell::new(),
                lower_set: OnceCell::new(),
                words: lowered,
                exact_set: OnceCell::new(),
                candidates: OnceCell::new(),
                codes_seen: RefCell::default(),
                verdicts: &verdicts,
                words_exact,
                spans,
                source_text: &source_words,
                document_words: &draft_words,
                document_text: pair.target.text,
            };
            for source_idx in bead.source.clone() {
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
                        draft.flush_name(&mut name_run, pair, source_idx, out);
                    }
                    if is_covered(span) {
                        draft.flush_name(&mut name_run, pair, source_idx, out);
                        // An acronym the glossary lets stay as it is (`KPU`)
                        // and that the draft writes differently (`KP`).
                        let kept_by_glossary = covered.targets.contains(word);
                        if kept_by_glossary && classify(word, false) == Kind::Acronym && !draft.exact_set().contains(word) {
                            let acronyms = source_acronyms();
                            if let Some((written, at)) =
                                draft.look_alike(word, &draft.candidates().acronyms, |t| !acronyms.contains(t), acronym_like)
                            {
                                out.push(
                                    finding(ENTITY_CHANGED, format!("the acronym {word} is written {written} in the draft"))
                                        .with_source(source_idx, unit.id.clone(), span)
                                        .with_target(draft.unit_idx, draft.unit.id.clone(), at)
                                        .with_expected(word),
                                );
                            }
                        }
                        continue;
                    }
                    let dateline_city = word_idx == 0 && text[span.end - unit.span.start..].trim_start().starts_with(['-', '–']);
                    let changed = match classify(word, dateline_city) {
                        Kind::Code if !draft.has_code(word) => {
                            Some(("code", draft.look_alike(word, &draft.candidates().codes, |_| true, code_like)))
                        }
                        // An acronym the draft does not have is usually
                        // translated (`BBM` → fuel); one with a look-alike
                        // in the draft (`BBC` → `BBG`) was changed.
                        Kind::Acronym if !draft.exact_set().contains(word) => {
                            let source_words = source_acronyms();
                            draft
                                .look_alike(word, &draft.candidates().acronyms, |t| !source_words.contains(t), acronym_like)
                                .map(|found| ("acronym", Some(found)))
                        }
                        Kind::NameWord if !title_case => {
                            name_run.push((span, word));
                            continue;
                        }
                        _ => None,
                    };
                    if let Some((what, look_alike)) = changed {
                        let (message, at) = match look_alike {
                            Some((written, at)) => (format!("the {what} {word} is written {written} in the draft"), at),
                            None => (format!("the {what} {word} is not in the draft"), draft.span),
                        };
                        out.push(
                            finding(ENTITY_CHANGED, message)
                                .with_source(source_idx, unit.id.clone(), span)
                                .with_target(draft.unit_idx, draft.unit.id.clone(), at)
                                .with_expected(word),
                        );
                    }
                    draft.flush_name(&mut name_run, pair, source_idx, out);
                }
                draft.flush_name(&mut name_run, pair, source_idx, out);
            }
        }
    }
}

/// The draft side of one bead, as the entity rules look at it.
struct Draft<'a> {
    /// The bead's first draft unit, where findings point: its index and
    /// the unit.
    unit_idx: usize,
    unit: &'a super::CheckUnit,
    /// All of the bead's draft text.
    span: Span,
    /// That text.
    text: &'a str,
    /// Letters and digits only, lowercased (codes compare on this). This
    /// and the other `OnceCell`s are made on first use: most beads need
    /// few of them.
    squashed: OnceCell<String>,
    /// Words, lowercased.
    words: Vec<String>,
    /// The same as a set.
    lower_set: OnceCell<HashSet<String>>,
    /// Words as written.
    words_exact: Vec<&'a str>,
    /// The same as a set (lookups per source word must not scan a long
    /// draft: issue 12).
    exact_set: OnceCell<HashSet<&'a str>>,
    /// Positions of the words each look-alike search can return.
    candidates: OnceCell<Candidates>,
    /// Codes already looked for in `squashed`.
    codes_seen: RefCell<HashMap<String, bool>>,
    /// Verdicts on pairs of words, for the whole pair of texts.
    verdicts: &'a Verdicts,
    /// Where each word is, in the draft.
    spans: Vec<Span>,
    /// The whole source text's words (a look-alike that the source has too
    /// is another name).
    source_text: &'a WholeWords<'a>,
    /// Every word of the whole draft, lower-cased (made on first use from
    /// `document_text`).
    document_words: &'a OnceCell<HashSet<String>>,
    document_text: &'a str,
}

/// `respelled_alone`'s verdicts on (source word, draft word), kept for a
/// whole pair of texts; `key` is a buffer for lookups.
#[derive(Default)]
struct Verdicts {
    alone: RefCell<HashMap<String, bool>>,
    key: RefCell<String>,
}

/// Positions of the draft words a look-alike search can return, in text
/// order: a search runs over these, not over every word of the bead.
struct Candidates {
    codes: Vec<usize>,
    acronyms: Vec<usize>,
    /// Words with a capital first letter (names).
    capitalised: Vec<usize>,
}

impl Candidates {
    fn of(words: &[&str]) -> Candidates {
        let mut candidates = Candidates {
            codes: Vec::new(),
            acronyms: Vec::new(),
            capitalised: Vec::new(),
        };
        for (position, word) in words.iter().enumerate() {
            match classify(word, false) {
                Kind::Code => candidates.codes.push(position),
                Kind::Acronym => candidates.acronyms.push(position),
                _ => {}
            }
            if word.chars().next().is_some_and(char::is_uppercase) {
                candidates.capitalised.push(position);
            }
        }
        candidates
    }
}

/// The glossary terms of one source unit, for "does a term cover this
/// word?" in logarithmic time (sorted by start, with the furthest end seen
/// so far), and the set of their targets.
struct Covered<'t> {
    starts: Vec<usize>,
    max_ends: Vec<usize>,
    targets: HashSet<&'t str>,
}

impl<'t> Covered<'t> {
    fn new(terms: impl Iterator<Item = &'t TermUse>) -> Self {
        let terms: Vec<&TermUse> = terms.collect();
        let mut spans: Vec<Span> = terms.iter().map(|term| term.span).collect();
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
            targets: terms.iter().flat_map(|term| term.targets.iter().map(String::as_str)).collect(),
        }
    }

    /// Whether a term overlaps `span`: one that starts before `span` ends
    /// and ends after it starts.
    fn overlaps(&self, span: Span) -> bool {
        let before_end = self.starts.partition_point(|&start| start < span.end);
        before_end > 0 && self.max_ends[before_end - 1] > span.start
    }
}

/// A text's whole words, for `contains_word(text, word)` without a scan of
/// the text per question: a word of letters and digits only is looked up
/// among the text's maximal runs of letters and digits (the same answer);
/// a word with a hyphen or apostrophe is searched once and remembered.
struct WholeWords<'a> {
    text: &'a str,
    runs: HashSet<&'a str>,
    searched: RefCell<HashMap<String, bool>>,
}

impl<'a> WholeWords<'a> {
    fn new(text: &'a str) -> Self {
        let runs = text.split(|c: char| !c.is_alphanumeric()).filter(|run| !run.is_empty()).collect();
        WholeWords {
            text,
            runs,
            searched: RefCell::default(),
        }
    }

    fn contains(&self, word: &str) -> bool {
        if word.is_empty() {
            return contains_word(self.text, word);
        }
        if word.chars().all(char::is_alphanumeric) {
            return self.runs.contains(word);
        }
        if let Some(&found) = self.searched.borrow().get(word) {
            return found;
        }
        let found = contains_word(self.text, word);
        self.searched.borrow_mut().insert(word.to_string(), found);
        found
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
    if has_digit
        && has_letter
        && has_capital
        && word.chars().count() >= 3
        && !word.starts_with("Rp")
        && !word.starts_with("US")
        && !is_period(word)
    {
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
    // Lengths far apart and not a hyphenated extension: no allocation.
    let (n, m) = (word.chars().count(), other.chars().count());
    if n.abs_diff(m) > (n.max(m) / 4).max(1) && !other.contains('-') && !word.contains('-') {
        return false;
    }
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
    let normalise = |text: &str| {
        text.to_lowercase()
            .replace('k', "c")
            .replace("ph", "f")
            .replace('f', "p")
            .replace("ou", "u")
            .replace("cs", "x")
            .replace("si", "ti")
    };
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

/// A period of a year (`III-2024`, the third quarter; `Q3-2024`), which
/// English writes in words ("the third quarter of 2024"): not a code.
fn is_period(word: &str) -> bool {
    let Some((period, year)) = word.split_once('-') else {
        return false;
    };
    let quarter = period.len() == 2 && period.starts_with('Q') && period[1..].chars().all(|c| c.is_ascii_digit());
    (is_roman_numeral(period) || quarter) && year.len() == 4 && year.chars().all(|c| c.is_ascii_digit())
}

/// Same length, one or two characters different: `BBC` / `BBG`, `IATA` /
/// `IASA`. Two-letter acronyms are too short to tell.
pub(super) fn acronym_like(word: &str, other: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (word.chars().collect(), other.chars().collect());
    if a.len() < 3 || a == b {
        return false;
    }
    if a.len() == b.len() {
        let differing: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        // Two neighbouring letters swapped (`BNPB` / `BNBP`).
        let swapped = differing.len() == 2
            && differing[1] == differing[0] + 1
            && a[differing[0]] == b[differing[1]]
            && a[differing[1]] == b[differing[0]];
        return differing.len() == 1 || swapped || (differing.len() == 2 && a.len() >= 6);
    }
    // A letter more or less (`KPU` / `KP`).
    a.len().abs_diff(b.len()) == 1 && edit_distance(&a, &b) == 1 && a.len().min(b.len()) >= 2
}

/// Codes that differ in a digit or two, or in their letters: `Hwasong-19` /
/// `Hwasong-18`, `F-16` / `F-61`.
fn code_like(word: &str, other: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (squash(word).chars().collect(), squash(other).chars().collect());
    a != b && a.len() == b.len() && a.iter().zip(&b).filter(|(x, y)| x != y).count() <= 2
        || a.len().abs_diff(b.len()) == 1 && edit_distance(&a, &b) == 1
}

/// One vowel changed in place inside a name of four letters or more
/// (`Clinton` / `Clinten`, `Lavrov` / `Lavrev`): the commonest slip in a
/// name. (A loanword's English form, `Reguler` / `Regular`, is an English
/// word: the callers rule those out.)
pub(super) fn vowel_changed(word: &str, other: &str) -> bool {
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö' | 'ü' | 'é' | 'è');
    // Most pairs differ in length or first letter: no allocation for them.
    let first = |w: &str| w.chars().next().map(|c| c.to_lowercase().next());
    if word.chars().count() != other.chars().count() || first(word) != first(other) {
        return false;
    }
    let a: Vec<char> = word.to_lowercase().chars().collect();
    let b: Vec<char> = other.to_lowercase().chars().collect();
    if a.len() != b.len() || a.len() < 4 || a[0] != b[0] {
        return false;
    }
    let mut differences = a.iter().zip(&b).filter(|(x, y)| x != y);
    matches!((differences.next(), differences.next()), (Some((&x, &y)), None) if is_vowel(x) && is_vowel(y)) && !is_cognate(word, other)
}

/// Whether the draft word joins the source word to the next with a hyphen
/// (`Jong-un` for `Jong Un`): a house style of romanisation.
fn joined_by_hyphen(word: &str, other: &str) -> bool {
    other.len() > word.len() && other[..word.len()].eq_ignore_ascii_case(word) && other[word.len()..].starts_with('-')
}

/// A word without a possessive ending (`Tatian's` → `Tatian`).
fn bare(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

/// British and American spellings of one word (`Colours` / `Colors`).
fn same_word_other_spelling(word: &str, other: &str) -> bool {
    crate::glossary::english::forms(word)
        .iter()
        .any(|form| form.eq_ignore_ascii_case(other))
}

/// Whether `text` has `word` as a whole word.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn is_roman_numeral(word: &str) -> bool {
    word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M')) && word.len() <= 4 && word != "MD" && word != "DC"
}

/// Letters and digits only, lowercased: `Hwasong-19` and `Hwasong 19` agree.
fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

impl Draft<'_> {
    fn word_set(&self) -> &HashSet<String> {
        self.lower_set.get_or_init(|| self.words.iter().cloned().collect())
    }

    fn squashed(&self) -> &str {
        self.squashed.get_or_init(|| squash(self.text))
    }

    fn exact_set(&self) -> &HashSet<&str> {
        self.exact_set.get_or_init(|| self.words_exact.iter().copied().collect())
    }

    fn candidates(&self) -> &Candidates {
        self.candidates.get_or_init(|| Candidates::of(&self.words_exact))
    }

    fn document_words(&self) -> &HashSet<String> {
        self.document_words
            .get_or_init(|| words(self.document_text, 0).map(|(_, w)| w.to_lowercase()).collect())
    }

    /// The draft word that looks like `word` by `similar` among the words
    /// `candidate` accepts, and where it is; never a word the source has
    /// itself.
    /// `positions` are the draft words of the kind looked for (codes or
    /// acronyms), in text order.
    fn look_alike(
        &self,
        word: &str,
        positions: &[usize],
        candidate: impl Fn(&str) -> bool,
        similar: fn(&str, &str) -> bool,
    ) -> Option<(String, Span)> {
        positions
            .iter()
            .map(|&position| (self.words_exact[position], self.spans[position]))
            .find(|&(t, _)| candidate(t) && similar(word, t) && !self.source_text.contains(t))
            .map(|(t, span)| (t.to_string(), span))
    }

    /// Whether code `word` appears in the draft (letters and digits only,
    /// lower case), each distinct code looked for once.
    fn has_code(&self, word: &str) -> bool {
        let squashed = squash(word);
        if let Some(&found) = self.codes_seen.borrow().get(&squashed) {
            return found;
        }
        let found = self.squashed().contains(&squashed);
        self.codes_seen.borrow_mut().insert(squashed, found);
        found
    }

    /// Ends a run of capitalised source words and reports it if the draft
    /// respelled it.
    fn flush_name(&self, run: &mut Vec<(Span, &str)>, pair: &Pair<'_>, source_idx: usize, out: &mut Vec<Finding>) {
        if run.is_empty() {
            return;
        }
        let unit = &pair.source.units[source_idx];
        let span = Span::new(run[0].0.start, run[run.len() - 1].0.end);
        let name = span.slice(pair.source.text);
        // The same letters with other spaces or hyphens (`Kim Jong-un` for
        // `Kim Jong Un`) are a house style rather than another name: worth
        // knowing (one spelling per name), but not a warning.
        let positions = if run.len() >= 2 {
            self.respelled_in_run(run)
        } else {
            self.respelled_alone(run[0].1)
        };
        if let (Some(&first), Some(&last)) = (positions.iter().min(), positions.iter().max()) {
            // Show the name as the draft writes it: the respelled words and
            // the words of the source name around them (`Kim Jong-un`,
            // `Sergei Lavrov`), never a title or other capitalised words
            // before it (`Russian Foreign Minister`), which are not the name.
            let name_words: Vec<String> = run.iter().map(|&(_, w)| w.to_lowercase()).collect();
            let in_name =
                |idx: usize| run.len() > 1 && (positions.contains(&idx) || self.words.get(idx).is_some_and(|w| name_words.contains(w)));
            let mut from = first;
            while from > 0 && in_name(from - 1) && first - from + 1 < run.len() {
                from -= 1;
            }
            let mut to = last;
            while in_name(to + 1) && to + 1 - from < run.len() {
                to += 1;
            }
            let written = Span::new(self.spans[from].start, self.spans[to].end);
            // Looked for only when there is something to report (a search of
            // the whole bead per name was quadratic).
            let same_letters = self.squashed().contains(&squash(name));
            let mut respelled = finding(
                ENTITY_NAME,
                if same_letters {
                    format!(
                        "the name {name} is written {} in the draft (spaces or hyphens differ)",
                        written.slice(pair.target.text)
                    )
                } else {
                    format!("the name {name} is written {} in the draft", written.slice(pair.target.text))
                },
            )
            .with_source(source_idx, unit.id.clone(), span)
            .with_target(self.unit_idx, self.unit.id.clone(), written)
            .with_expected(name);
            if same_letters {
                respelled.severity = crate::finding::Severity::Info;
            }
            out.push(respelled);
        }
        run.clear();
    }

    /// Draft positions of respelled words of a name of two or more words.
    /// A word counts only when the draft has a capitalised word that looks
    /// like another spelling of it (`Sergei` for `Sergey`, `Son-hui` for
    /// `Son`): a name written differently. A run with no such look-alike was
    /// translated (an institution: `Bursa Efek Jakarta` → `Jakarta Stock
    /// Exchange`) or dropped (other rules). The look-alike must stand next
    /// to a word of the name that the draft kept exactly (`Sergei Lavrov`):
    /// the name is still there as a unit, and a translated cognate (`Produk
    /// Domestik Bruto` → `Gross Domestic Product`) has no such neighbour.
    fn respelled_in_run(&self, run: &[(Span, &str)]) -> Vec<usize> {
        let kept: HashSet<String> = run
            .iter()
            .map(|&(_, w)| w.to_lowercase())
            .filter(|w| self.word_set().contains(w))
            .collect();
        let next_to_kept = |position: usize| {
            let neighbour = |idx: Option<usize>| {
                idx.and_then(|i| self.words.get(i))
                    .is_some_and(|w| kept.contains(w) && w.chars().count() > 1)
            };
            neighbour(position.checked_sub(1)) || neighbour(Some(position + 1))
        };
        run.iter()
            .map(|&(_, w)| w)
            .filter(|w| !self.word_set().contains(&w.to_lowercase()))
            .filter_map(|w| {
                // Letters changed in place, or any look-alike of a name the
                // draft spells right elsewhere; a letter more or less in a
                // name the draft never spells as the source does is more
                // often a loanword's English form (`Ibnu` / `Ibn`).
                let established = self.document_words().contains(&w.to_lowercase());
                // Only capitalised words can be the look-alike.
                self.candidates().capitalised.iter().copied().find(|&position| {
                    let t = self.words_exact[position];
                    let respelled = looks_like(w, t)
                        && (established || w.chars().count() == bare(t).chars().count() || joined_by_hyphen(w, t))
                        && !same_word_other_spelling(w, t)
                        && next_to_kept(position);
                    // The word list last: it is the dearest test.
                    (respelled || (vowel_changed(w, bare(t)) && !self.source_text.contains(t)))
                        && (joined_by_hyphen(w, t) || !super::english_words::is_english_word(t))
                })
            })
            .collect()
    }

    /// The draft position of a one-word name written differently: a
    /// capitalised draft word of nearly the same spelling that the source
    /// does not have itself (`Clinten` for `Clinton`, `Suharyono` for
    /// `Suharyanto`). Stricter than within a longer name, which has kept
    /// neighbours as evidence: letters swapped in place, or for long names
    /// up to two edits with the first four letters kept.
    fn respelled_alone(&self, word: &str) -> Vec<usize> {
        let lower = word.to_lowercase();
        if self.word_set().contains(&lower) || word.chars().count() < 4 {
            return Vec::new();
        }
        let a: Vec<char> = lower.chars().collect();
        let established = self.document_words().contains(&lower);
        let first_letter = |w: &str| w.chars().next().and_then(|c| c.to_lowercase().next());
        // Only capitalised words can be the look-alike.
        self.candidates()
            .capitalised
            .iter()
            .copied()
            .find(|&position| {
                let t = bare(self.words_exact[position]);
                // Both tests below (a vowel changed, a slip) keep the first
                // letter: a word that starts otherwise (most) is no
                // look-alike, and needs no verdict stored.
                if first_letter(t) != a.first().copied() {
                    return false;
                }
                // The verdict depends on the two words only (and on the
                // whole pair): judged once per pair of words, not once per
                // bead (an XLIFF file is one pair of thousands of beads that
                // name the same few things).
                let mut key = self.verdicts.key.borrow_mut();
                key.clear();
                key.push_str(word);
                key.push('\0');
                key.push_str(t);
                if let Some(&verdict) = self.verdicts.alone.borrow().get(key.as_str()) {
                    return verdict;
                }
                let verdict = (|| {
                    if !t.chars().next().is_some_and(char::is_uppercase) || self.source_text.contains(t) {
                        return false;
                    }
                    let b: Vec<char> = t.to_lowercase().chars().collect();
                    if a == b {
                        return false;
                    }
                    // Any slip in a name the draft spells right elsewhere.
                    let slip = established && a.len().min(b.len()) >= 4 && a[..3] == b[..3] && edit_distance(&a, &b) <= 2;
                    // The cheap tests first; the cognate rules and the word
                    // list only for a look-alike.
                    (vowel_changed(word, t) || slip)
                        && !is_cognate(word, t)
                        && !same_word_other_spelling(word, t)
                        && !super::english_words::is_english_word(t)
                })();
                self.verdicts.alone.borrow_mut().insert(key.clone(), verdict);
                verdict
            })
            .into_iter()
            .collect()
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

    #[test]
    fn issue_12_whole_words_agree_with_a_scan() {
        let text = "Son-hui, Kim Jong-un (KJU) e.g. Sergei's café 19-Hwasong xab-ab-ab";
        let index = WholeWords::new(text);
        for word in [
            "Son", "hui", "Son-hui", "Kim", "Jong-un", "Jong", "KJU", "KJ", "Sergei", "Sergei's", "café", "caf", "19", "Hwasong", "ab",
            "ab-ab", "e.g",
        ] {
            assert_eq!(index.contains(word), contains_word(text, word), "{word}");
        }
    }
}
