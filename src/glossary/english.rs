//! The English side: a draft and a required target in, the span where the
//! target occurs (or nothing) out. Used by checks that want to know whether
//! a translator kept a fixed term.
//!
//! An occurrence of target `T` counts when, after the normalisation of the
//! `normalize` module (NFC, whitespace, dashes, apostrophes) with hyphens
//! treated as spaces (`North-Korean` = `North Korean`), one of the *forms*
//! of `T` stands in the draft:
//!
//! * as whole words, with a plural or possessive ending allowed: `-s`,
//!   `-es`, `'s`, `'`, `s'`, `es'`; a target ending in `y` may also end in
//!   `-ies` (`agency` → `agencies`); a currency (`Rp`, `IDR`, `US$`) may be
//!   glued to its amount (`Rp1.5 trillion`);
//! * in a form that professional news English uses for the same thing:
//!   British or American spelling (`Defense`/`Defence`,
//!   `program`/`programme`, `organization`/`organisation`, `center`/
//!   `centre`, `labor`/`labour`, `transportation`/`transport`); the official
//!   order of an institution or title (`Social Affairs Ministry` = `Ministry
//!   of Social Affairs` = `Ministry for Social Affairs`, `Justice Minister`
//!   = `Minister for Justice`); an acronym with or without full stops
//!   (`UN` = `U.N.`, `U.S.` = `US`);
//! * with the target's letter case, except that: the first letter may be
//!   upper case at the start of a sentence (after `.`, `!`, `?`, `:`, an
//!   opening quote or bracket, a line break, or at the start of the draft);
//!   a text in capitals (a headline) is accepted; lower-case words may be
//!   capitalised (title-case headlines: `Trillion`, `Presidential
//!   Election`); titles and institutions (a target whose last word is
//!   `Minister`, `Ministry`, `Agency`, `Governor`, `Police` …) may be
//!   written in lower case, as AP does without a name and British papers
//!   do throughout (`the foreign minister said`, `the health ministry`); an
//!   acronym of four letters or more may be written as a word (`Asean`,
//!   `Nato`). A proper name written in lower case (`north korea`) still
//!   does not count.
//!
//! Anything else (other inflections, other wording) must be listed as an
//! admitted target in the glossary.

use std::sync::OnceLock;

use memchr::memmem;

use super::model::Entry;
use super::normalize::{KeyOptions, NormText, is_word_char, key};
use crate::text::Span;

const ENGLISH_FOLDED: KeyOptions = KeyOptions {
    fold_case: true,
    hyphen_as_space: true,
};
const ENGLISH_CASED: KeyOptions = KeyOptions {
    fold_case: false,
    hyphen_as_space: true,
};

/// Last words that make a target a title or an institution, which
/// newsrooms write in lower case when it is not part of a name.
const TITLE_HEADS: &[&str] = &[
    "administration",
    "admiral",
    "agency",
    "ambassador",
    "army",
    "assembly",
    "authority",
    "bank",
    "board",
    "budget",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chief",
    "command",
    "commander",
    "commission",
    "committee",
    "corps",
    "council",
    "court",
    "department",
    "deputy",
    "director",
    "election",
    "envoy",
    "force",
    "forces",
    "general",
    "government",
    "governor",
    "head",
    "house",
    "institute",
    "judge",
    "king",
    "marshal",
    "mayor",
    "military",
    "minister",
    "ministry",
    "navy",
    "office",
    "parliament",
    "party",
    "police",
    "president",
    "prince",
    "program",
    "programme",
    "queen",
    "regent",
    "secretary",
    "senate",
    "service",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "university",
];

/// Currencies that may be glued to the amount that follows them.
const CURRENCY_TARGETS: &[&str] = &[
    "Rp", "IDR", "US$", "USD", "S$", "SGD", "RM", "MYR", "EUR", "GBP", "JPY", "CNY", "A$", "AUD",
];

/// A draft (or a piece of one) prepared for target searches: normalised
/// once, searched for any number of targets.
pub struct EnglishText<'a> {
    text: &'a str,
    norm: NormText,
}

impl<'a> EnglishText<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut norm = NormText::default();
        norm.build(text, 0, ENGLISH_FOLDED);
        EnglishText { text, norm }
    }

    /// The first occurrence of any form of `target`, by the rules above.
    pub fn find(&self, target: &str) -> Option<Span> {
        let relax = Relax::of(target);
        let forms = remembered_forms(target);
        forms
            .iter()
            .filter_map(|form| self.form_matches(form, relax).into_iter().min_by_key(|span| span.start))
            .min_by_key(|span| span.start)
            .or_else(|| forms.iter().find_map(|form| self.around_acronym(form)))
    }

    /// A target of several words with an acronym in brackets between two
    /// of them, as news English introduces one: `intercontinental ballistic
    /// missile (ICBM) program` for `intercontinental ballistic missile
    /// program`. Case-insensitive.
    fn around_acronym(&self, form: &str) -> Option<Span> {
        let words: Vec<&str> = form.split(' ').collect();
        let text = self.norm.text.as_str();
        for split in 1..words.len() {
            let head = key(&words[..split].join(" "), ENGLISH_FOLDED);
            let tail = key(&words[split..].join(" "), ENGLISH_FOLDED);
            for start in memmem::find_iter(text.as_bytes(), head.as_bytes()) {
                let Some((core, _)) = self.occurrence(&head, start, &[""], false) else {
                    continue;
                };
                let _ = core;
                let rest = &text[start + head.len()..];
                let Some(inner) = rest.strip_prefix(" (") else { continue };
                // An acronym is at most 8 characters: the bracket closes
                // within 9 bytes (not searched to the end of the text per
                // occurrence, which was quadratic).
                let Some(close) = inner.bytes().take(4 * 8 + 1).position(|b| b == b')') else {
                    continue;
                };
                let acronym = &inner[..close];
                let acronym_like = (2..=8).contains(&acronym.len()) && acronym.chars().all(|c| c.is_alphanumeric());
                let after = &inner[close + 1..];
                if acronym_like && let Some(after_tail) = after.strip_prefix(' ').and_then(|a| a.strip_prefix(tail.as_str())) {
                    let tail_end = text.len() - after_tail.len();
                    if after_tail.starts_with(is_word_char) {
                        continue;
                    }
                    return self.norm.original_span(start, tail_end);
                }
            }
        }
        None
    }

    /// Every occurrence of any form of `target`, without counting one
    /// stretch of text twice.
    ///
    /// An overlap is looked for by binary search, not by a scan of `found`
    /// per occurrence (quadratic for a target found thousands of times):
    /// among the spans `found` held before, by the furthest end of those
    /// starting before the occurrence ends; among the spans this call adds
    /// (which never overlap each other), by the one starting last before it.
    pub fn find_all(&self, target: &str, found: &mut Vec<Span>) {
        let relax = Relax::of(target);
        let n_before = found.len();
        let forms = remembered_forms(target);
        let mut earlier: Vec<Span> = found.clone();
        earlier.sort_unstable_by_key(|span| span.start);
        let mut furthest = 0;
        let earlier_ends: Vec<usize> = earlier
            .iter()
            .map(|span| {
                furthest = furthest.max(span.end);
                furthest
            })
            .collect();
        let mut added: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
        for form in forms.iter() {
            for span in self.form_matches(form, relax) {
                let n_starting_before = earlier.partition_point(|other| other.start < span.end);
                let overlaps_earlier = n_starting_before > 0 && earlier_ends[n_starting_before - 1] > span.start;
                let overlaps_added = added.range(..span.end).next_back().is_some_and(|(_, &end)| end > span.start);
                if !overlaps_earlier && !overlaps_added {
                    added.insert(span.start, span.end);
                    found.push(span);
                }
            }
        }
        if found.len() == n_before
            && let Some(span) = forms.iter().find_map(|form| self.around_acronym(form))
        {
            found.push(span);
        }
    }

    /// The draft text this searches.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Occurrences of `form` case-insensitively (whole words, endings
    /// allowed), as spans of the draft.
    pub(crate) fn folded_matches(&self, form: &str) -> Vec<Span> {
        let folded = key(form, ENGLISH_FOLDED);
        let mut out = Vec::new();
        if folded.is_empty() {
            return out;
        }
        for start in memmem::find_iter(self.norm.text.as_bytes(), folded.as_bytes()) {
            if let Some((_, whole)) = self.occurrence(&folded, start, &["", "s", "es", "'s", "'", "s'", "es'"], false) {
                out.push(whole);
            }
        }
        out
    }

    /// The core and whole spans of an occurrence of the folded form at
    /// normalised byte `start`, if its boundaries and ending are right.
    fn occurrence(&self, form: &str, start: usize, endings: &[&str], currency: bool) -> Option<(Span, Span)> {
        let text = self.norm.text.as_str();
        let end = start + form.len();
        if form.starts_with(is_word_char) && self.norm.char_before(start).is_some_and(is_word_char) {
            return None;
        }
        let tail_len = text[end..]
            .find(|c: char| !is_word_char(c) && c != '\'')
            .unwrap_or(text.len() - end);
        let tail = &text[end..end + tail_len];
        let glued_amount = currency && tail.starts_with(|c: char| c.is_ascii_digit());
        let (tail_len, ok) = if glued_amount {
            (0, true)
        } else {
            (tail_len, !form.ends_with(is_word_char) || endings.contains(&tail))
        };
        if !ok {
            return None;
        }
        Some((
            self.norm.original_span(start, end)?,
            self.norm.original_span(start, end + tail_len)?,
        ))
    }

    /// Every occurrence of one form, in text order.
    fn form_matches(&self, form: &str, relax: Relax) -> Vec<Span> {
        let folded = key(form, ENGLISH_FOLDED);
        let cased = key(form, ENGLISH_CASED);
        let mut out = Vec::new();
        if folded.is_empty() {
            return out;
        }
        let currency = CURRENCY_TARGETS.contains(&form);
        let mut candidates: Vec<(String, String, &[&str])> =
            vec![(folded.clone(), cased.clone(), &["", "s", "es", "'s", "'", "s'", "es'"])];
        if let (Some(stem), Some(cased_stem)) = (folded.strip_suffix('y'), cased.strip_suffix('y')) {
            candidates.push((format!("{stem}ies"), format!("{cased_stem}ies"), &["", "'"]));
        }
        for (candidate, cased_candidate, endings) in &candidates {
            for start in memmem::find_iter(self.norm.text.as_bytes(), candidate.as_bytes()) {
                let Some((core, whole)) = self.occurrence(candidate, start, endings, currency) else {
                    continue;
                };
                let written = key(core.slice(self.text), ENGLISH_CASED);
                if case_ok(&written, cased_candidate, at_sentence_start(self.text, core.start), relax) {
                    out.push(whole);
                }
            }
        }
        out.sort_by_key(|span| span.start);
        out
    }
}

/// The first occurrence of `target` in `draft`, by the rules above.
pub fn target_present(draft: &str, target: &str) -> Option<Span> {
    EnglishText::new(draft).find(target)
}

/// The first acceptable target (preferred, then admitted) of `entry` found
/// in `draft`, with its span.
pub fn entry_present<'e>(draft: &str, entry: &'e Entry) -> Option<(&'e str, Span)> {
    let text = EnglishText::new(draft);
    entry.targets().find_map(|target| text.find(target).map(|span| (target, span)))
}

/// The head word of a target: its last word, or the word before `of` or
/// `for` (`Minister` of `Minister of Foreign Affairs`).
fn head_word(target: &str) -> String {
    // One pass, no list of the words: the target index asks this of every
    // capitalised target of the glossary.
    let mut words = target.split([' ', '-']);
    let first = words.next().unwrap_or_default();
    // A leading `of` belongs to no head: the last word is the head then.
    let leading_of = matches!(first, "of" | "for");
    let (mut previous, mut last, mut head) = (first, first, None);
    for word in words {
        if head.is_none() && !leading_of && matches!(word, "of" | "for") {
            head = Some(previous);
        }
        previous = word;
        last = word;
    }
    head.unwrap_or(last).to_lowercase()
}

/// Whether the head word of `target` makes it a title or an institution.
pub fn is_title_or_institution(target: &str) -> bool {
    TITLE_HEADS.binary_search(&head_word(target).as_str()).is_ok()
}

/// Heads that name a person's office rather than a body.
const PERSON_HEADS: &[&str] = &[
    "admiral",
    "ambassador",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chief",
    "commander",
    "deputy",
    "director",
    "envoy",
    "general",
    "governor",
    "head",
    "judge",
    "king",
    "marshal",
    "mayor",
    "minister",
    "president",
    "prince",
    "queen",
    "regent",
    "secretary",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// Whether `target` is a person's title (`Foreign Minister`, `Secretary of
/// State`), not an institution.
pub fn is_person_title(target: &str) -> bool {
    PERSON_HEADS.binary_search(&head_word(target).as_str()).is_ok()
}

/// How far the letter case of a target may vary.
#[derive(Debug, Clone, Copy)]
struct Relax {
    /// A title or institution: any case.
    any_case: bool,
}

impl Relax {
    fn of(target: &str) -> Relax {
        Relax {
            any_case: is_title_or_institution(target),
        }
    }
}

/// Whether `written` has the case of `expected`, word by word, by the
/// rules in the module header.
fn case_ok(written: &str, expected: &str, sentence_start: bool, relax: Relax) -> bool {
    if written == expected {
        return true;
    }
    if written.chars().any(char::is_alphabetic) && !written.chars().any(char::is_lowercase) {
        return true;
    }
    let mut written_words = written.split(' ');
    let mut expected_words = expected.split(' ');
    let mut first = true;
    loop {
        match (written_words.next(), expected_words.next()) {
            (None, None) => return true,
            (Some(w), Some(e)) => {
                if !word_case_ok(w, e, first && sentence_start, relax) {
                    return false;
                }
            }
            _ => return false,
        }
        first = false;
    }
}

fn word_case_ok(written: &str, expected: &str, sentence_start: bool, relax: Relax) -> bool {
    if written == expected || relax.any_case {
        return true;
    }
    let mut w = written.chars();
    let mut e = expected.chars();
    let (Some(w0), Some(e0)) = (w.next(), e.next()) else {
        return written == expected;
    };
    let rest_equal = w.clone().eq(e.clone());
    // A capital where the target has a lower-case letter: title case, or
    // the start of a sentence.
    if w0.is_uppercase() && e0.is_lowercase() && w0.to_lowercase().eq(e0.to_lowercase()) && rest_equal {
        return true;
    }
    // An acronym of four or more letters written as a word (`Asean`).
    let acronym = expected.chars().count() >= 4 && expected.chars().all(|c| c.is_uppercase());
    if acronym && w0 == e0 && w.eq(e.flat_map(char::to_lowercase)) {
        return true;
    }
    let _ = sentence_start;
    false
}

/// Whether byte `offset` of `draft` starts a sentence.
fn at_sentence_start(draft: &str, offset: usize) -> bool {
    let before = draft[..offset].trim_end_matches([' ', '\t', '\u{A0}']);
    match before.chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | '\n' | '\r' | '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '–'
        ),
    }
}

/// [`forms`] of `target`, remembered per thread: the same few hundred
/// glossary targets are looked for in every bead of every pair, and their
/// forms are the same each time. The memory is cleared when it holds more
/// than `REMEMBERED` targets, so it stays small whatever is asked.
fn remembered_forms(target: &str) -> std::rc::Rc<[String]> {
    const REMEMBERED: usize = 1 << 14;
    type Memory = std::collections::HashMap<Box<str>, std::rc::Rc<[String]>, crate::fast_hash::SeededState>;
    thread_local! {
        static MEMORY: std::cell::RefCell<Memory> = std::cell::RefCell::new(Memory::default());
    }
    MEMORY.with(|memory| {
        if let Some(known) = memory.borrow().get(target) {
            return known.clone();
        }
        let made: std::rc::Rc<[String]> = forms(target).into();
        let mut memory = memory.borrow_mut();
        if memory.len() >= REMEMBERED {
            memory.clear();
        }
        memory.insert(target.into(), made.clone());
        made
    })
}

/// The forms of a target that count as the target (module header), the
/// target itself first. At most 16.
pub fn forms(target: &str) -> Vec<String> {
    const MAX_FORMS: usize = 16;
    let mut out = vec![target.to_string()];
    let push = |out: &mut Vec<String>, form: String| {
        if out.len() < MAX_FORMS && !out.contains(&form) {
            out.push(form);
        }
    };
    for form in institution_forms(target) {
        push(&mut out, form);
    }
    for form in out.clone() {
        for variant in spelling_forms(&form) {
            push(&mut out, variant);
        }
    }
    for form in out.clone() {
        if let Some(variant) = acronym_stops(&form) {
            push(&mut out, variant);
        }
    }
    out
}

/// The forms of a target in another word order and with or without
/// full stops in its acronyms, but not respelled: enough to find a name
/// the glossary knows in a draft (`targets::TargetIndex`), at a tenth of the
/// cost of [`forms`] for a whole glossary.
pub fn order_forms(target: &str) -> Vec<String> {
    let mut out = vec![target.to_string()];
    for form in institution_forms(target) {
        if !out.contains(&form) {
            out.push(form);
        }
    }
    if let Some(variant) = acronym_stops(target) {
        out.push(variant);
    }
    out
}

/// Heads of institutions and titles whose names may stand in either order.
const ORDERED_HEADS: &[&str] = &["Ministry", "Minister", "Department", "ministry", "minister", "department"];
/// Words that stay in front when the order changes (`Deputy Health
/// Minister` = `Deputy Minister of Health`).
const LEADING_MODIFIERS: &[&str] = &[
    "Deputy",
    "Vice",
    "Coordinating",
    "Acting",
    "State",
    "deputy",
    "vice",
    "coordinating",
    "acting",
];

/// `X Ministry` ↔ `Ministry of X` ↔ `Ministry for X` (and Minister,
/// Department).
fn institution_forms(target: &str) -> Vec<String> {
    // Both forms need an ordered head among the words; most targets have none.
    if !target.split(' ').any(|w| ORDERED_HEADS.contains(&w)) {
        return Vec::new();
    }
    let words: Vec<&str> = target.split(' ').collect();
    let mut out = Vec::new();
    let n_leading = words.iter().take_while(|w| LEADING_MODIFIERS.contains(w)).count();
    let leading = words[..n_leading].join(" ");
    let with_leading = |rest: String| if leading.is_empty() { rest } else { format!("{leading} {rest}") };
    // Head last: `Social Affairs Ministry`.
    if words.len() >= n_leading + 2
        && let Some(&head) = words.last()
        && ORDERED_HEADS.contains(&head)
    {
        let subject = words[n_leading..words.len() - 1].join(" ");
        out.push(with_leading(format!("{head} of {subject}")));
        out.push(with_leading(format!("{head} for {subject}")));
    }
    // Head first: `Ministry of Social Affairs`.
    if let Some(head_idx) = words.iter().position(|w| ORDERED_HEADS.contains(w))
        && head_idx == n_leading
        && words.len() >= head_idx + 3
        && matches!(words[head_idx + 1], "of" | "for")
    {
        let head = words[head_idx];
        let subject = words[head_idx + 2..].join(" ");
        let other = if words[head_idx + 1] == "of" { "for" } else { "of" };
        out.push(with_leading(format!("{subject} {head}")));
        out.push(with_leading(format!("{head} {other} {subject}")));
    }
    out
}

/// British and American spellings of the same word, as (American, British).
const SPELLING_PAIRS: &[(&str, &str)] = &[
    ("acknowledgment", "acknowledgement"),
    ("aluminum", "aluminium"),
    ("analog", "analogue"),
    ("anemia", "anaemia"),
    ("catalog", "catalogue"),
    ("ceasefire", "cease-fire"),
    ("cozy", "cosy"),
    ("curb", "kerb"),
    ("defense", "defence"),
    ("dialog", "dialogue"),
    ("enrollment", "enrolment"),
    ("estrogen", "oestrogen"),
    ("fetus", "foetus"),
    ("fulfill", "fulfil"),
    ("gray", "grey"),
    ("jewelry", "jewellery"),
    ("judgment", "judgement"),
    ("license", "licence"),
    ("maneuver", "manoeuvre"),
    ("mold", "mould"),
    ("offense", "offence"),
    ("pajamas", "pyjamas"),
    ("pediatric", "paediatric"),
    ("plow", "plough"),
    ("program", "programme"),
    ("skeptic", "sceptic"),
    ("skeptical", "sceptical"),
    ("tire", "tyre"),
    ("transportation", "transport"),
];

/// Ending rules between American and British spelling, both ways.
const SPELLING_ENDINGS: &[(&str, &str)] = &[
    ("ization", "isation"),
    ("izations", "isations"),
    ("ize", "ise"),
    ("izes", "ises"),
    ("ized", "ised"),
    ("izing", "ising"),
    ("yze", "yse"),
    ("yzed", "ysed"),
    ("or", "our"),
    ("ors", "ours"),
    ("ter", "tre"),
    ("ters", "tres"),
    ("ber", "bre"),
    ("eled", "elled"),
    ("eling", "elling"),
    ("eler", "eller"),
    ("ense", "ence"),
];

/// The two spellings of English a project can require (`[check] spelling`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    American,
    British,
}

impl Spelling {
    pub fn parse(name: &str) -> Option<Spelling> {
        match name.to_ascii_lowercase().as_str() {
            "american" | "us" | "en-us" => Some(Spelling::American),
            "british" | "uk" | "gb" | "en-gb" => Some(Spelling::British),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Spelling::American => "American",
            Spelling::British => "British",
        }
    }
}

/// Pairs whose "other" spelling is also a word of the first variety
/// (British `license` the verb, `program` of a computer, `tire` to grow
/// weary, `curb` to restrain, `transport` in American English): accepted
/// either way, never required.
const EITHER_VARIETY: &[&str] = &[
    "transportation",
    "transport",
    "curb",
    "kerb",
    "ceasefire",
    "cease-fire",
    "tire",
    "tyre",
    "license",
    "licence",
    "program",
    "programme",
    "mold",
    "mould",
];

/// Which spelling `word` is written in and how the other variety writes
/// it, when the word is one of the known pairs or follows an ending rule
/// (`organization`/`organisation`) and `is_word` knows both spellings, so
/// that `Governor` is not taken for an American `Governour`. Keeps the
/// word's capitalisation.
pub fn spelling_of(word: &str, is_word: impl Fn(&str) -> bool) -> Option<(Spelling, String)> {
    let lower = word.to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    if EITHER_VARIETY.contains(&lower.as_str()) || EITHER_VARIETY.contains(&singular) {
        return None;
    }
    let mut found: Option<(Spelling, String)> = None;
    for &(us, uk) in SPELLING_PAIRS {
        for (from, to, variety) in [(us, uk, Spelling::American), (uk, us, Spelling::British)] {
            let plural = lower.strip_suffix('s') == Some(from);
            if lower == from || plural {
                let other = if plural { format!("{to}s") } else { to.to_string() };
                found = Some((variety, other));
            }
        }
    }
    if found.is_none() {
        for &(us, uk) in SPELLING_ENDINGS {
            for (from, to, variety) in [(us, uk, Spelling::American), (uk, us, Spelling::British)] {
                if let Some(stem) = lower.strip_suffix(from)
                    && stem.chars().count() >= 3
                {
                    let other = format!("{stem}{to}");
                    if is_word(&lower) && is_word(&other) {
                        found = Some((variety, other));
                    }
                }
            }
        }
    }
    let (variety, other) = found?;
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let all_caps = word.chars().count() > 1 && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let other = if all_caps {
        other.to_uppercase()
    } else if capitalised {
        let mut chars = other.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    } else {
        other
    };
    Some((variety, other))
}

/// The other spellings of one word, keeping its capitalisation.
fn word_spellings(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    if !may_respell(&lower) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for &(us, uk) in SPELLING_PAIRS {
        for (from, to) in [(us, uk), (uk, us)] {
            if lower == from {
                out.push(to.to_string());
            } else if let Some(stem) = lower.strip_suffix('s')
                && stem == from
            {
                out.push(format!("{to}s"));
            }
        }
    }
    for &(us, uk) in SPELLING_ENDINGS {
        for (from, to) in [(us, uk), (uk, us)] {
            if let Some(stem) = lower.strip_suffix(from)
                && stem.chars().count() >= 3
            {
                out.push(format!("{stem}{to}"));
            }
        }
    }
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let all_caps = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    out.into_iter()
        .map(|variant| {
            if all_caps && word.chars().count() > 1 {
                variant.to_uppercase()
            } else if capitalised {
                let mut chars = variant.chars();
                chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
            } else {
                variant
            }
        })
        .collect()
}

/// Whether [`word_spellings`] can find anything for `lower` (a word in
/// lower case): it is a word of [`SPELLING_PAIRS`] (or one with an `s`
/// added), or it ends in one of [`SPELLING_ENDINGS`] after three letters.
/// Most words are none of these, and the search of both tables in both
/// directions costs ten times this test; `forms` asks it of every word of
/// every target a check looks for.
fn may_respell(lower: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut words: Vec<&str> = SPELLING_PAIRS.iter().flat_map(|&(us, uk)| [us, uk]).collect();
        words.sort_unstable();
        words
    });
    let known = |word: &str| words.binary_search(&word).is_ok();
    known(lower)
        || lower.strip_suffix('s').is_some_and(known)
        || SPELLING_ENDINGS
            .iter()
            .flat_map(|&(us, uk)| [us, uk])
            .any(|ending| lower.strip_suffix(ending).is_some_and(|stem| stem.chars().count() >= 3))
}

/// The target with each of its words in another spelling, one word at a
/// time and all at once.
fn spelling_forms(target: &str) -> Vec<String> {
    let words: Vec<&str> = target.split(' ').collect();
    let respelled: Vec<Option<String>> = words.iter().map(|word| word_spellings(word).into_iter().next()).collect();
    // Most targets have no word spelled two ways: nothing to build.
    if respelled.iter().all(Option::is_none) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut all_changed: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    let mut n_changed = 0;
    for (idx, respelled) in respelled.into_iter().enumerate() {
        if let Some(variant) = respelled {
            let mut one: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            one[idx] = variant.clone();
            out.push(one.join(" "));
            all_changed[idx] = variant;
            n_changed += 1;
        }
    }
    if n_changed > 1 {
        out.push(all_changed.join(" "));
    }
    out
}

/// `UN` ↔ `U.N.`, `US dollar` ↔ `U.S. dollar`: acronyms of two to four
/// capitals with and without full stops.
fn acronym_stops(target: &str) -> Option<String> {
    // Most targets have no acronym: say so without building anything.
    let is_acronym = |word: &str| {
        let letters = || word.chars().filter(|&c| c != '.');
        (2..=4).contains(&letters().count()) && letters().all(|c| c.is_ascii_uppercase())
    };
    if !target.split(' ').any(is_acronym) {
        return None;
    }
    let mut changed = false;
    let words: Vec<String> = target
        .split(' ')
        .map(|word| {
            let letters: Vec<char> = word.chars().filter(|&c| c != '.').collect();
            let is_acronym = (2..=4).contains(&letters.len()) && letters.iter().all(|c| c.is_ascii_uppercase());
            if !is_acronym {
                return word.to_string();
            }
            changed = true;
            if word.contains('.') {
                letters.iter().collect()
            } else {
                letters.iter().flat_map(|&c| [c, '.']).collect()
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(draft: &'a str, target: &str) -> Option<&'a str> {
        target_present(draft, target).map(|span| span.slice(draft))
    }

    #[test]
    fn title_heads_are_sorted() {
        assert!(TITLE_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(PERSON_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(PERSON_HEADS.iter().all(|head| TITLE_HEADS.contains(head)));
        assert!(is_person_title("Minister of Foreign Affairs") && is_person_title("Secretary of State"));
        assert!(is_title_or_institution("Ministry of Social Affairs") && !is_person_title("Ministry of Social Affairs"));
    }

    #[test]
    fn plain_and_whole_words() {
        assert_eq!(found("He met North Korea officials.", "North Korea"), Some("North Korea"));
        assert_eq!(found("Koreatown is far.", "Korea"), None);
        assert_eq!(found("South Korea won", "Korea"), Some("Korea"));
    }

    #[test]
    fn plurals_and_possessives() {
        assert_eq!(found("North Korea's army", "North Korea"), Some("North Korea's"));
        assert_eq!(found("North Korea’s army", "North Korea"), Some("North Korea’s"));
        assert_eq!(found("both Koreas' leaders", "Korea"), Some("Koreas'"));
        assert_eq!(found("two agencies met", "agency"), Some("agencies"));
        assert_eq!(found("the ministers met", "minister"), Some("ministers"));
        assert_eq!(found("the ministerial meeting", "minister"), None);
    }

    #[test]
    fn case_rules() {
        assert_eq!(found("Bill passed. The bill", "bill"), Some("Bill"));
        assert_eq!(found("NORTH KOREA FIRES MISSILE", "North Korea"), Some("NORTH KOREA"));
        // A proper name in lower case is still wrong.
        assert_eq!(found("he went to north korea", "North Korea"), None);
        // Title case of common words, titles in lower case, acronyms as words.
        assert_eq!(found("Deficit Hits Rp309.2 Trillion", "trillion"), Some("Trillion"));
        assert_eq!(
            found("a Presidential election", "presidential election"),
            Some("Presidential election")
        );
        assert_eq!(found("the foreign minister said", "Foreign Minister"), Some("foreign minister"));
        assert_eq!(found("says health ministry", "Health Ministry"), Some("health ministry"));
        assert_eq!(found("Asean centrality", "ASEAN"), Some("Asean"));
        assert_eq!(found("the us and them", "US"), None);
    }

    #[test]
    fn news_forms_of_the_same_term() {
        assert_eq!(
            found("the Ministry of Social Affairs said", "Social Affairs Ministry"),
            Some("Ministry of Social Affairs")
        );
        assert_eq!(
            found("Ireland's Minister for Justice", "Justice Minister"),
            Some("Minister for Justice")
        );
        assert_eq!(
            found("the Ministry of Defence (Kemhan)", "Defense Ministry"),
            Some("Ministry of Defence")
        );
        assert_eq!(
            found("Indonesia's Ministry of Transport", "Transportation Ministry"),
            Some("Ministry of Transport")
        );
        assert_eq!(found("the Finance Ministry", "Ministry of Finance"), Some("Finance Ministry"));
        assert_eq!(found("the missile programme", "missile program"), Some("missile programme"));
        assert_eq!(found("a U.N. panel", "UN"), Some("U.N."));
        assert_eq!(found("the US dollar", "U.S. dollar"), Some("US dollar"));
        assert_eq!(found("a new organisation", "organization"), Some("organisation"));
        assert_eq!(found("the labour union", "labor union"), Some("labour union"));
        assert_eq!(
            found("Deputy Minister of Health", "Deputy Health Minister"),
            Some("Deputy Minister of Health")
        );
    }

    #[test]
    fn an_acronym_in_brackets_inside_a_target() {
        assert_eq!(
            found(
                "perfect its intercontinental ballistic missile (ICBM) program, which",
                "intercontinental ballistic missile program"
            ),
            Some("intercontinental ballistic missile (ICBM) program")
        );
        assert_eq!(found("the missile (ICBM) programs", "missile program"), None);
    }

    #[test]
    fn currencies_glued_to_amounts() {
        assert_eq!(found("costs Rp1.5 trillion", "Rp"), Some("Rp"));
        assert_eq!(found("costs IDR1.5 trillion", "IDR"), Some("IDR"));
        assert_eq!(found("the Rpx", "Rp"), None);
    }

    #[test]
    fn hyphen_and_space_variants() {
        assert_eq!(found("a North-Korean delegation", "North Korean"), Some("North-Korean"));
        assert_eq!(found("a North Korean delegation", "North-Korean"), Some("North Korean"));
        assert_eq!(found("a North\u{A0}Korean delegation", "North Korean"), Some("North\u{A0}Korean"));
    }
}
