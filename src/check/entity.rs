//! `entity.changed` and `entity.name`: what must survive translation as is.
//!
//! * Codes — a word with both letters and digits and a capital letter
//!   (`Hwasong-19`, `F-16`, `A320`, `COVID-19`), except money (`Rp843`) —
//!   must appear in the bead's draft; spaces, hyphens and case may differ.
//! * Acronyms — two to six capitals (`ICBM`, `KCNA`, `NATO`), except Roman
//!   numerals and a dateline city in capitals at the start of a unit
//!   (`MOSKOW - …`) — must appear verbatim.
//! * Names — two or more capitalised words in a row (`Choe Son Hui`,
//!   `Sergey Lavrov`) that are neither common Indonesian words written with
//!   a capital (`Menteri`, `Pada`, `Utara`) nor calendar words — every word
//!   must appear in the draft, ignoring case. Not in headlines, where every
//!   word is capitalised.
//!
//! Source spans that a glossary term covers are skipped: `AS` → `US` or
//! `Korea Utara` → `North Korea` are translations, checked by the glossary
//! rules.

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
        for bead in pair.beads {
            let Some(&first_target) = bead.target.first() else { continue };
            let target_span = pair.target.joined_span(&bead.target);
            let target_text = target_span.slice(pair.target.text);
            let target_unit = &pair.target.units[first_target];
            let target_squashed = squash(target_text);
            let target_words: Vec<String> = words(target_text, 0).map(|(_, w)| w.to_lowercase()).collect();
            let target_words_exact: Vec<&str> = words(target_text, 0).map(|(_, w)| w).collect();
            for &source_idx in &bead.source {
                let unit = &pair.source.units[source_idx];
                let text = pair.source.unit_text(source_idx);
                let covered: Vec<&TermUse> = pair.terms_in(source_idx).collect();
                let is_covered = |span: Span| covered.iter().any(|term| term.span.start < span.end && span.start < term.span.end);
                let found: Vec<(Span, &str)> = words(text, unit.span.start).collect();
                // Headlines capitalise every word: names cannot be told apart.
                let title_case = matches!(unit.kind, UnitKind::Headline | UnitKind::Heading);
                let mut name_run: Vec<(Span, &str)> = Vec::new();
                for (word_idx, &(span, word)) in found.iter().enumerate() {
                    let kind = classify(
                        word,
                        word_idx == 0 && text[span.end - unit.span.start..].trim_start().starts_with(['-', '–']),
                    );
                    if is_covered(span) {
                        flush_name(&mut name_run, &target_words, pair, unit, target_unit, target_span, out);
                        continue;
                    }
                    match kind {
                        Kind::Code if !target_squashed.contains(&squash(word)) => out.push(
                            finding(
                                "entity.changed",
                                format!("code {word} does not appear in draft unit {}", target_unit.id),
                            )
                            .with_source(unit.id.clone(), span)
                            .with_target(target_unit.id.clone(), target_span)
                            .with_expected(word),
                        ),
                        Kind::Acronym if !target_words_exact.contains(&word) => out.push(
                            finding(
                                "entity.changed",
                                format!("acronym {word} does not appear in draft unit {}", target_unit.id),
                            )
                            .with_source(unit.id.clone(), span)
                            .with_target(target_unit.id.clone(), target_span)
                            .with_expected(word),
                        ),
                        Kind::NameWord if title_case => {}
                        Kind::NameWord => {
                            name_run.push((span, word));
                            continue;
                        }
                        _ => {}
                    }
                    flush_name(&mut name_run, &target_words, pair, unit, target_unit, target_span, out);
                }
                flush_name(&mut name_run, &target_words, pair, unit, target_unit, target_span, out);
            }
        }
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
    if has_digit && has_letter && has_capital && !word.starts_with("Rp") && !word.starts_with("US") {
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

fn is_roman_numeral(word: &str) -> bool {
    word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M')) && word.len() <= 4 && word != "MD" && word != "DC"
}

/// Letters and digits only, lowercased: `Hwasong-19` and `Hwasong 19` agree.
fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[allow(clippy::too_many_arguments)]
fn flush_name(
    run: &mut Vec<(Span, &str)>,
    target_words: &[String],
    pair: &Pair<'_>,
    unit: &super::CheckUnit,
    target_unit: &super::CheckUnit,
    target_span: Span,
    out: &mut Vec<Finding>,
) {
    if run.len() >= 2 {
        let missing: Vec<&str> = run
            .iter()
            .map(|&(_, w)| w)
            .filter(|w| !target_words.iter().any(|t| t == &w.to_lowercase()))
            .collect();
        if !missing.is_empty() {
            let span = Span::new(run[0].0.start, run[run.len() - 1].0.end);
            let name = span.slice(pair.source.text);
            out.push(
                finding(
                    "entity.name",
                    format!(
                        "name {name} is not in draft unit {} (missing: {})",
                        target_unit.id,
                        missing.join(", ")
                    ),
                )
                .with_source(unit.id.clone(), span)
                .with_target(target_unit.id.clone(), target_span)
                .with_expected(name),
            );
        }
    }
    run.clear();
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
    }
}
