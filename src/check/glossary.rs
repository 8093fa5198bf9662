//! `glossary.missing`, `glossary.forbidden`, `glossary.count`: fixed terms.
//!
//! For every glossary term found in a bead's source units, one of its
//! English targets (preferred or admitted) must occur in the bead's draft
//! units, by the rules of `glossary::english` (whole words; plural and
//! possessive endings; a capital at the start of a sentence). A forbidden
//! target in the draft is an error wherever the term occurs. A term that
//! occurs more often in the source than its targets do in the draft is a
//! warning (`Korea Utara` twice, `North Korea` once).
//!
//! Weekday and month names (the shipped calendar glossary) are left to the
//! `calendar.*` rules, which say what the draft wrote instead.
//!
//! A glossary spelling with a capital first letter names a proper noun or a
//! title (`Barat` = the West, `Minggu` = Sunday); an occurrence in lower
//! case is the common word (`barat` = west, `minggu` = week) and is skipped.

use std::collections::BTreeMap;

use super::{Check, Pair, TermUse, finding};
use crate::finding::Finding;
use crate::finding::Severity;
use crate::glossary::TargetIndex;
use crate::glossary::english::{EnglishText, is_title_or_institution};
use crate::glossary::targets::{TargetKind, replaces};
use crate::numbers::{NumberKind, NumberMention, extract};
use crate::segment::Lang;
use crate::segment::UnitKind;
use crate::text::Span;

// The rules this file reports: their ids, default levels and the text of
// `selaras explain` (collected into the table by `registry`).
crate::check::declare::declare_rules! {
    GLOSSARY_COUNT = "glossary.count", Info,
        "A term occurs more often in the source than its translation in the draft.",
        "A glossary term occurs n times in a bead's source and its English targets fewer times in the\n\
         draft. Often right (news English replaces a repeated name with \"it\" or \"the ministry\"),\n\
         so it is information; a mention translated another way or dropped shows up here.\n\
         Example: \"Korea Utara … Korea Utara\" with \"North Korea … Pyongyang\".";
    GLOSSARY_FORBIDDEN = "glossary.forbidden", Error,
        "A forbidden translation of a glossary term is used.",
        "The glossary marks this English rendering as forbidden (TBX deprecated or superseded, or\n\
         a \"forbidden\" list in the native format) for a term that occurs in the source.\n\
         Example: with the project row `Menteri Luar Negeri → Foreign Affairs Secretary [forbidden]`,\n\
         \"Menteri Luar Negeri Choe Son Hui\" translated as \"Foreign Affairs Secretary Choe Son Hui\".";
    GLOSSARY_MISSING = "glossary.missing", Error,
        "A fixed term is not translated as the glossary says.",
        "A glossary term occurs in the source and none of its English targets (preferred or admitted)\n\
         occurs in the aligned draft. Accepted without a glossary entry: plurals and possessives;\n\
         British or American spelling (Defence/Defense); the official order of institutions and\n\
         titles (Ministry of Social Affairs for Social Affairs Ministry); U.N. for UN; title case in\n\
         headlines; titles and institutions in lower case (the foreign minister); a second reference\n\
         by the last words of the name (the ministry, the council); an Indonesian abbreviation or\n\
         acronym kept as it is (Kemenhub, ASEAN); scale words and time zones that belong to a\n\
         number (triliun, WIB: the number rules check them). Other wordings must be admitted in the\n\
         glossary. Levels: an error, and it names what the draft has instead when that is another\n\
         fixed name of the same kind (the draft has South Korea); information when the term was\n\
         named earlier in the draft (a later sentence may say \"it\"), a headline leaves it out\n\
         (headlines are rewritten freely), or a country follows a place the draft names (\"di Kuala\n\
         Lumpur, Malaysia\" as \"in Kuala Lumpur\"); a warning when a headline has another name instead.\n\
         Example: \"Menteri Luar Negeri\" translated as \"Foreign Affairs Secretary\" instead of\n\
         \"Foreign Minister\".";
}

pub struct GlossaryTerms;

impl Check for GlossaryTerms {
    fn run(&self, pair: &Pair<'_>, out: &mut Vec<Finding>) {
        // The whole draft, normalised once and only if a term is missing.
        let mut whole_draft: Option<EnglishText<'_>> = None;
        // Where each term's English first ends in the whole draft, looked
        // for once per term (not once per bead that misses it: that was
        // terms × the whole draft, quadratic in the article's length).
        let mut first_named: std::collections::HashMap<&[String], Option<usize>> = std::collections::HashMap::new();
        for bead in pair.beads {
            let Some(first_target) = bead.first_target() else { continue };
            let target_span = pair.target.joined_span(bead.target.clone());
            let draft = EnglishText::new(target_span.slice(pair.target.text));
            let target_unit = &pair.target.units[first_target];
            let source_span = pair.source.joined_span(bead.source.clone());
            // Numbers of the source, whose scale words (`triliun`) and
            // percent words the number rules check together with the value.
            let numbers: Vec<NumberMention> = if bead.source.clone().any(|idx| pair.terms_in(idx).next().is_some()) {
                extract(source_span.slice(pair.source.text), Lang::Id)
                    .into_iter()
                    .map(|mut m| {
                        m.span = Span::new(m.span.start + source_span.start, m.span.end + source_span.start);
                        m
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let numbers = NumberSpans::new(&numbers);
            // What the bead's draft names, read once for all its missing
            // terms (not once per term: issue 12).
            let mut bead_names: Option<BeadNames<'_>> = None;
            // Term → (source occurrences, first occurrence) in this bead.
            let mut uses: BTreeMap<&str, (usize, &TermUse)> = BTreeMap::new();
            for source_idx in bead.source.clone() {
                for term in pair.terms_in(source_idx) {
                    // Weekdays and months have their own, more precise rules.
                    if is_common_word_use(pair.source.text, term)
                        || super::calendar::is_calendar_word(&term.term)
                        || part_of_number(pair.source.text, term.span, &numbers)
                    {
                        continue;
                    }
                    let entry = uses.entry(term.term.as_str()).or_insert((0, term));
                    entry.0 += 1;
                }
            }
            for (name, (n_source, term)) in uses {
                let source_unit = &pair.source.units[term.unit];
                for forbidden in &term.forbidden {
                    if let Some(span) = draft.find(forbidden) {
                        out.push(
                            finding(GLOSSARY_FORBIDDEN, format!("{forbidden} is a forbidden translation of {name}"))
                                .with_source(term.unit, source_unit.id.clone(), term.span)
                                .with_target(first_target, target_unit.id.clone(), shift(span, target_span.start))
                                .with_expected(term.targets.first().cloned().unwrap_or_default()),
                        );
                    }
                }
                if term.targets.is_empty() {
                    continue;
                }
                let n_draft = count_targets(&draft, &term.targets);
                let expected = term.targets.join(" | ");
                if n_draft == 0 {
                    let written = term.span.slice(pair.source.text);
                    if refers_back(&draft, &term.targets)
                        || kept_as_written(pair.source.text, term, written, &draft)
                        || deputy_of(pair.source.text, term.span, draft.text())
                    {
                        continue;
                    }
                    let wanted = if term.targets[0].eq_ignore_ascii_case(name) {
                        format!("{name} is not in the draft")
                    } else {
                        format!("{name} should be translated as {}", term.targets[0])
                    };
                    let source_text = source_span.slice(pair.source.text);
                    let named_instead = pair.targets.and_then(|index| {
                        let names =
                            bead_names.get_or_insert_with(|| BeadNames::new(index, pair, bead, &draft, target_span.start, source_text));
                        other_name(index, names, &draft, target_span.start, &term.targets)
                    });
                    let headline = matches!(source_unit.kind, UnitKind::Headline);
                    // A name can be referred back to another way ("its
                    // chair"); a common noun (`rupiah`) only by a pronoun
                    // ("It gained 0.9 percent").
                    let a_name = term.targets[0].starts_with(char::is_uppercase);
                    let pronoun = || super::words(draft.text(), 0).any(|(_, w)| ["it", "its"].iter().any(|p| w.eq_ignore_ascii_case(p)));
                    let named_before = (a_name || pronoun()) && {
                        let first_end = *first_named.entry(term.targets.as_slice()).or_insert_with(|| {
                            let whole = whole_draft.get_or_insert_with(|| EnglishText::new(pair.target.text));
                            first_named_end(whole, &term.targets)
                        });
                        first_end.is_some_and(|end| end <= target_span.start)
                    };
                    let (message, at, severity) = match named_instead {
                        // Headlines are rewritten freely: worth a look at most.
                        Some((span, other)) if headline => (format!("{wanted}; the headline has {other}"), span, Some(Severity::Warning)),
                        // A headline that leaves a term out is normal news English.
                        None if headline => (format!("{wanted} (in the headline)"), target_span, Some(Severity::Info)),
                        // Another fixed name where this one belongs: a wrong term.
                        Some((span, other)) => (format!("{wanted}; the draft has {other}"), span, None),
                        // Named earlier in the draft: this sentence may refer
                        // back to it another way ("it", "its chair").
                        None if named_before => (
                            format!("{wanted}; this sentence may refer to it another way, as it was named before"),
                            target_span,
                            Some(Severity::Info),
                        ),
                        // `di Kuala Lumpur, Malaysia` → "in Kuala Lumpur":
                        // the country after a place the draft names.
                        None if pair
                            .targets
                            .is_some_and(|index| index.kind(&term.targets[0]) == TargetKind::Country)
                            && place_before(pair.source.text, term.span, draft.text()).is_some() =>
                        {
                            let place = place_before(pair.source.text, term.span, draft.text()).unwrap_or_default();
                            (
                                format!("{wanted}; the draft names {place} without its country, as news English does"),
                                target_span,
                                Some(Severity::Info),
                            )
                        }
                        None => (wanted, target_span, None),
                    };
                    let mut missing = finding(GLOSSARY_MISSING, message)
                        .with_source(term.unit, source_unit.id.clone(), term.span)
                        .with_target(first_target, target_unit.id.clone(), at)
                        .with_expected(expected);
                    if let Some(severity) = severity {
                        missing.severity = severity;
                    }
                    out.push(missing);
                } else if n_draft < n_source {
                    out.push(
                        finding(
                            GLOSSARY_COUNT,
                            format!("{name} occurs {n_source} times in the source, its translation {n_draft} times in the draft"),
                        )
                        .with_source(term.unit, source_unit.id.clone(), term.span)
                        .with_target(first_target, target_unit.id.clone(), target_span)
                        .with_expected(expected),
                    );
                }
            }
        }
    }
}

/// What the draft sentence names where the term belongs, if anything: a
/// name the glossary knows, of the same kind as the term's English (see
/// `targets::replaces`), that the source does not explain (it is not the
/// English of another term of the bead, not written in the source itself,
/// not a weekday or month): `South Korea` for `Korea Utara`, `Health
/// Ministry` for `Kementerian Keuangan`, `Prime Minister` for `Presiden`.
/// Or a look-alike of the term's English: `BNBP` for `BNPB`.
fn other_name(
    index: &TargetIndex,
    names: &BeadNames<'_>,
    draft: &EnglishText<'_>,
    base: usize,
    wanted: &[String],
) -> Option<(Span, String)> {
    let wanted_words: Vec<String> = wanted.iter().flat_map(|t| t.split(' ')).map(str::to_lowercase).collect();
    let wanted_kind = (wanted[0].as_str(), index.kind(&wanted[0]));
    let found = names.names.iter().copied().find(|&(_, target)| {
        // A generic word of the term's own English (`Minister` of a
        // longer title) is not another name.
        (target.contains(' ') || !wanted_words.contains(&target.to_lowercase())) && replaces((target, index.kind(target)), wanted_kind)
    });
    if let Some((span, target)) = found {
        return Some((span, target.to_string()));
    }
    // A look-alike of a one-word target: an acronym or name respelled.
    let text = draft.text();
    super::words(text, base)
        .find(|&(_, word)| {
            wanted.iter().filter(|t| !t.contains(' ')).any(|t| {
                let acronym = t.chars().count() >= 3 && t.chars().all(|c| c.is_uppercase());
                (acronym && super::entity::acronym_like(t, word)) || (!acronym && super::entity::vowel_changed(t, word))
            })
        })
        .map(|(span, word)| (span, word.to_string()))
}

/// The names the glossary knows in a bead's draft that the source does not
/// explain (see `other_name`), in text order: the part of the search that
/// does not depend on the missing term.
struct BeadNames<'a> {
    names: Vec<(Span, &'a str)>,
}

impl<'a> BeadNames<'a> {
    fn new(index: &'a TargetIndex, pair: &Pair<'_>, bead: &super::Bead, draft: &EnglishText<'_>, base: usize, source_text: &str) -> Self {
        // Distinct targets, and each distinct name as written judged once: a
        // long bead names the same few things again and again.
        let explained: std::collections::BTreeSet<&str> = bead
            .source
            .clone()
            .flat_map(|idx| pair.terms_in(idx))
            .flat_map(|term| term.targets.iter().map(String::as_str))
            .collect();
        let source_lower = source_text.to_lowercase();
        let mut judged: std::collections::HashMap<(&str, &str), bool> = std::collections::HashMap::new();
        let names = index
            .find(draft.text(), base)
            .into_iter()
            .filter(|&(span, target)| {
                let written = &draft.text()[span.start - base..span.end - base];
                *judged.entry((written, target)).or_insert_with(|| {
                    let inside = EnglishText::new(written);
                    !explained.iter().any(|t| t.eq_ignore_ascii_case(target) || inside.find(t).is_some())
                        && !source_lower.contains(&target.to_lowercase())
                        && !super::calendar::is_calendar_word(target)
                        // The home country goes without saying in Indonesian
                        // news (`Menlu` is Indonesia's foreign minister, `RI`
                        // its state): a draft that names it adds no other name.
                        && !target.starts_with("Indonesia")
                })
            })
            .collect();
        BeadNames { names }
    }
}

/// The earliest end of an occurrence of one of `targets` in the draft: one
/// of them occurs before byte `before` when it is at most `before`.
fn first_named_end(draft: &EnglishText<'_>, targets: &[String]) -> Option<usize> {
    let mut found = Vec::new();
    for target in targets {
        draft.find_all(target, &mut found);
    }
    found.iter().map(|span| span.end).min()
}

/// The numbers of a bead's source, for `part_of_number` by binary search
/// rather than a scan of every number per term (issue 12).
struct NumberSpans {
    spans: super::number_index::Containment,
    /// Ends of the times, sorted.
    time_ends: Vec<usize>,
}

impl NumberSpans {
    fn new(numbers: &[NumberMention]) -> Self {
        let mut time_ends: Vec<usize> = numbers.iter().filter(|n| n.kind == NumberKind::Time).map(|n| n.span.end).collect();
        time_ends.sort_unstable();
        NumberSpans {
            spans: super::number_index::Containment::new(numbers.iter().map(|n| n.span)),
            time_ends,
        }
    }
}

/// A term that is part of a number: a scale word (`1,5 triliun`), a
/// percent word, or a time zone after a clock time (`14.00 WIB`). The
/// number rules compare the value with its scale; a draft that writes
/// `Rp1.5tn` or `2 p.m.` has translated them.
fn part_of_number(source: &str, span: Span, numbers: &NumberSpans) -> bool {
    // A time ends where the spaces before the term begin, or at the term.
    let gap_start = source[..span.start].trim_end_matches([' ', '\u{a0}']).len();
    let zone_after_time = {
        let first = numbers.time_ends.partition_point(|&end| end < gap_start);
        numbers.time_ends.get(first).is_some_and(|&end| end <= span.start)
    };
    numbers.spans.contains(span) || zone_after_time
}

/// Determiners before a shortened second reference (`the ministry`).
const DETERMINERS: &[&str] = &["the", "this", "that", "these", "those", "its", "his", "her", "their", "our"];

/// Whether the draft refers back to the term with the last words of a
/// target after a determiner, as news English does once a body is named:
/// `the ministry` for the Health Ministry, `the council` for the UN
/// Security Council, `the 2025 budget` for the state budget. The last word
/// must be a title or an institution (`english::is_title_or_institution`),
/// and the phrase must end there: `the Ministry of Finance` is another
/// ministry, not a reference back.
fn refers_back(draft: &EnglishText<'_>, targets: &[String]) -> bool {
    let text = draft.text();
    targets.iter().filter(|t| is_title_or_institution(t)).any(|target| {
        let words: Vec<&str> = target.split(' ').collect();
        (1..words.len()).any(|n_last| {
            let suffix = words[words.len() - n_last..].join(" ");
            draft.folded_matches(&suffix).into_iter().any(|span| {
                let after = text[span.end..].trim_start();
                let continues = ["of ", "for "].iter().any(|p| after.starts_with(p));
                let mut before = text[..span.start].trim_end();
                // One number or year may stand between (`the 2025 budget`).
                if let Some(last) = before.rsplit(' ').next()
                    && !last.is_empty()
                    && last.chars().all(|c| c.is_ascii_digit())
                {
                    before = before[..before.len() - last.len()].trim_end();
                }
                let determiner = before.rsplit([' ', '(', '“', '"']).next().unwrap_or_default().to_lowercase();
                // A possessive works as a determiner: `the city's disaster
                // management agency`, `Indonesia's budget`.
                let possessive = determiner.ends_with("'s") || determiner.ends_with("’s");
                !continues && (DETERMINERS.contains(&determiner.as_str()) || possessive)
            })
        })
    })
}

/// Whether the draft keeps the source's own spelling where that is what
/// translators do: an Indonesian abbreviation that stands for a longer name
/// (`Kemenhub`, `APBN`, `Pilkada`: every target is several words), an
/// acronym (`ASEAN`, also as `Asean`), or a word that is part of a name
/// the draft keeps whole (`Jawa Pos`, `DPD RI`).
fn kept_as_written(source: &str, term: &TermUse, written: &str, draft: &EnglishText<'_>) -> bool {
    let single_word = !written.contains(' ');
    let abbreviation = single_word && term.targets.iter().all(|t| t.contains(' '));
    let acronym = written.chars().count() >= 2 && written.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
    let kept = draft.folded_matches(written).into_iter().any(|span| {
        let as_written = span.slice(draft.text());
        as_written.starts_with(written) || (acronym && written.chars().count() >= 4)
    });
    if !kept {
        return false;
    }
    if abbreviation || acronym {
        return true;
    }
    // Part of a kept name: a capitalised neighbour in the source that the
    // draft has right beside the same word.
    let before = source[..term.span.start].trim_end_matches(' ');
    let after = source[term.span.end..].trim_start_matches(' ');
    let previous = before.rsplit(' ').next().unwrap_or_default();
    let next = after.split([' ', ',', '.', ')']).next().unwrap_or_default();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let text = draft.text();
    (capitalised(previous) && text.contains(&format!("{previous} {written}")))
        || (capitalised(next) && text.contains(&format!("{written} {next}")))
}

fn shift(span: Span, by: usize) -> Span {
    Span::new(span.start + by, span.end + by)
}

/// A lower-case occurrence of a capitalised glossary spelling.
fn is_common_word_use(source: &str, term: &TermUse) -> bool {
    let occurrence_lower = term.span.slice(source).chars().next().is_some_and(char::is_lowercase);
    let spelling_upper = term.term.chars().next().is_some_and(char::is_uppercase);
    occurrence_lower && spelling_upper
}

/// How many times any of `targets` occurs in `draft`, without counting one
/// stretch of text twice (`North Korean` is not also `North Korea`).
/// Whether the term is the title inside a deputy's title (`Ketua KPK` in
/// `Wakil Ketua KPK`) and the draft names a deputy: the glossary's
/// rendering is the chief's title, which the draft rightly does not use
/// ("KPK deputy chairman", "the commission's deputy chair").
fn deputy_of(source: &str, term: Span, draft: &str) -> bool {
    let before = source[..term.start].trim_end();
    let deputy = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|word| word.eq_ignore_ascii_case("wakil"));
    deputy && super::words(draft, 0).any(|(_, word)| word.eq_ignore_ascii_case("deputy") || word.eq_ignore_ascii_case("vice"))
}

/// The place a country term follows in the source as an apposition
/// (`di Kuala Lumpur, Malaysia, Rabu`), when the draft names that place
/// with the same words: the words before `, ` and the term, capitalised,
/// up to three of them.
fn place_before<'s>(source: &'s str, term: Span, draft: &str) -> Option<&'s str> {
    let before = source[..term.start].strip_suffix(", ")?;
    let after = source[term.end..].chars().next();
    if !after.is_none_or(|c| matches!(c, ',' | '.' | ';' | ')' | '\n')) {
        return None;
    }
    // The capitalised words that end `before`, at most three.
    let mut start = before.len();
    for (idx, word) in before.rsplit(' ').take(3).enumerate() {
        let capitalised = word.starts_with(char::is_uppercase) && word.chars().all(|c| c.is_alphanumeric() || c == '-');
        if !capitalised {
            break;
        }
        start -= word.len() + usize::from(idx > 0);
    }
    let place = before[start..].trim();
    if place.is_empty() || !place.starts_with(char::is_uppercase) {
        return None;
    }
    let found = draft.match_indices(place).any(|(at, _)| {
        let left_ok = !draft[..at].ends_with(char::is_alphanumeric);
        let right_ok = !draft[at + place.len()..].starts_with(char::is_alphanumeric);
        left_ok && right_ok
    });
    found.then_some(place)
}

fn count_targets(draft: &EnglishText<'_>, targets: &[String]) -> usize {
    let mut found: Vec<Span> = Vec::new();
    for target in targets {
        draft.find_all(target, &mut found);
    }
    found.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_after_a_place_the_draft_names() {
        let at = |source: &str, term: &str| {
            let start = source.find(term).unwrap();
            Span::new(start, start + term.len())
        };
        let source = "Pertemuan di Kuala Lumpur, Malaysia, Rabu.";
        let term = at(source, "Malaysia");
        assert_eq!(
            place_before(source, term, "The meeting in Kuala Lumpur on Wednesday."),
            Some("Kuala Lumpur")
        );
        // The place must be in the draft as written, as whole words.
        assert_eq!(place_before(source, term, "The meeting in the Malaysian capital."), None);
        assert_eq!(place_before(source, term, "The meeting in Kuala Lumpurs."), None);
        // A country that is not an apposition after a capitalised place.
        let listed = "Pertemuan dengan wakil dari negara tetangga, Malaysia.";
        assert_eq!(place_before(listed, at(listed, "Malaysia"), "a neighbour, Malaysia"), None);
        let followed = "Kuala Lumpur, Malaysia Airlines menambah rute.";
        assert_eq!(place_before(followed, at(followed, "Malaysia"), "Kuala Lumpur"), None);
    }

    #[test]
    fn counting_does_not_double_count_overlaps() {
        let targets = vec!["North Korea".to_string(), "North Korean".to_string()];
        let count = |draft: &str| count_targets(&EnglishText::new(draft), &targets);
        assert_eq!(count("North Korea and North Korean troops, North Korea's leader"), 3);
        assert_eq!(count("South Korea"), 0);
    }
}
