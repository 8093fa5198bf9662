//! Per-rule tests: a pair of one-unit-per-line texts (aligned line by line or
//! by explicit beads) goes through every check, built in one place (`with_pair`);
//! most tests are `check_spans` fixtures, which say where each finding points.

use super::*;
use crate::segment::UnitKind;
use crate::text::Span;

fn units(text: &str) -> Vec<CheckUnit> {
    crate::segment::lines_as_units(text)
        .into_iter()
        .enumerate()
        .map(|(idx, unit)| CheckUnit {
            id: format!("{}", idx + 1),
            span: unit.span,
            kind: UnitKind::Body,
            repeat_of: None,
            paragraph: unit.id.paragraph,
        })
        .collect()
}

fn one_to_one(n: usize) -> Vec<Bead> {
    (0..n).map(|idx| bead(&[idx], &[idx])).collect()
}

/// How a test pair differs from plain lines aligned line by line.
#[derive(Default)]
struct Setup {
    /// The beads; `None` pairs line `i` with line `i`.
    beads: Option<Vec<Bead>>,
    /// Glossary terms in the source.
    terms: Vec<TermUse>,
    /// `(unit, of)`: source unit `unit` repeats source unit `of`.
    repeats: Vec<(usize, usize)>,
}

/// The one place these tests build a [`Pair`]: `source` and `target` have
/// one unit per line, set up as `setup` says; `f` gets the pair.
fn with_pair<R>(source: &str, target: &str, setup: &Setup, f: impl FnOnce(&Pair<'_>) -> R) -> R {
    let mut source_units = units(source);
    for &(unit, of) in &setup.repeats {
        source_units[unit].repeat_of = Some(of);
    }
    let target_units = units(target);
    let beads = setup
        .beads
        .clone()
        .unwrap_or_else(|| one_to_one(source_units.len().min(target_units.len())));
    f(&Pair {
        source: SideText {
            text: source,
            units: &source_units,
        },
        target: SideText {
            text: target,
            units: &target_units,
        },
        beads: &beads,
        terms: &setup.terms,
        targets: None,
    })
}

/// Every finding `run` gives for the pair under `config`.
fn findings_of(source: &str, target: &str, setup: &Setup, config: &CheckConfig) -> Vec<Finding> {
    with_pair(source, target, setup, |pair| run(pair, config))
}

#[test]
fn faithful_sentence_is_clean() {
    check_spans(
        r#"
id: Pada hari Kamis, Menteri Luar Negeri AS Antony Blinken mengatakan sebanyak 8.000 tentara berada di Kursk.
                     ~~~~~~~~~~~~~~~~~~~~~~ => Secretary of State
en: On Thursday, US Secretary of State Antony Blinken said as many as 8,000 troops were in Kursk.
"#,
    );
}

/// A weekday changed: both words are marked.
const CALENDAR_CHANGED: &str = r#"
id: Dalam pertemuannya pada Jumat dengan Lavrov.
                            ^^^^^ calendar.changed
en: In their meeting on Thursday with Lavrov.
                        ^^^^^^^^ calendar.changed
"#;

#[test]
fn calendar_changed_and_missing() {
    check_spans(CALENDAR_CHANGED);
    check_spans(
        r#"
id: Dalam pertemuannya pada Jumat dengan Lavrov.
                            ^^^^^ calendar.missing
en: In their meeting with Lavrov.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ calendar.missing
"#,
    );
    check_spans(
        r#"
id: Serangan pada bulan Agustus.
en: The attack in Aug.
id: Minggu lalu ia datang.
en: Last week he came.
"#,
    );
}

#[test]
fn codes_acronyms_and_names() {
    check_spans(
        r#"
id: Rudal itu adalah Hwasong-19.
                     ^^^^^^^^^^ entity.changed
en: The missile was the Hwasong-18.
                        ^^^^^^^^^^ entity.changed
id: Rudal itu adalah Hwasong-19.
en: The missile was the Hwasong 19.
"#,
    );
    // An acronym spelled out in one place and kept in another is how news
    // English introduces it; one with a look-alike in the draft changed.
    check_spans(
        r#"
id: Rudal balistik antarbenua (ICBM) baru.
en: A new intercontinental ballistic missile.
id: ICBM itu terkuat.
en: The ICBM is the strongest.
"#,
    );
    check_spans(
        r#"
id: Laporan BBC itu benar.
            ^^^ entity.changed
en: The BBG report is true.
        ^^^ entity.changed
id: Menurut IATA, harga naik.
            ^^^^ entity.changed
en: According to IASA, prices rose.
                 ^^^^ entity.changed
"#,
    );
    // An acronym the draft never uses was translated, not lost.
    check_spans(
        r#"
id: Subsidi BBM naik.
en: Fuel subsidies rose.
"#,
    );
    // One-word names respelled in place.
    check_spans(
        r#"
id: Menurut Clinton, itu benar.
            ^^^^^^^ entity.name
en: According to Clinten, that is true.
                 ^^^^^^^ entity.name
id: Disney membeli studio itu.
    ^^^^^^ entity.name
en: Disnay bought the studio.
    ^^^^^^ entity.name
"#,
    );
    // Indonesian loanwords and their English cognates are not respellings.
    check_spans(
        r#"
id: Pemenang Grup B lolos.
en: The winner of Group B advances.
"#,
    );
    check_spans(
        r#"
id: Menurut Choe Son Hui, hal itu benar.
            ^^^^^^^^^^^^ entity.name
en: According to Choe Son-hui, that is true.
                 ^^^^^^^^^^^^ entity.name
"#,
    );
    check_spans(
        r#"
id: Menurut Choe Son Hui, hal itu benar.
en: According to Choe Son Hui, that is true.
id: MOSKOW - Korea Utara mendukung Rusia.
en: MOSCOW - North Korea supports Russia.
id: Harga mencapai Rp843 triliun pada kuartal III.
en: Prices reached Rp843 trillion in the third quarter.
"#,
    );
}

#[test]
fn glossary_spans_are_left_to_the_glossary_rules() {
    check_spans(
        r#"
id: Choe menuduh IMF merencanakan serangan.
                 ^^^ entity.changed
en: Choe accused the IMG of planning an attack.
                     ^^^ entity.changed
id: PBB diam.
en: The UN was silent.
"#,
    );
    check_spans(
        r#"
id: Choe menuduh IMF merencanakan serangan.
                 ~~~ => International Monetary Fund
                 ^^^ glossary.missing
en: Choe accused the IMG of planning an attack.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ glossary.missing
id: PBB diam.
en: The UN was silent.
"#,
    );
}

#[test]
fn punctuation() {
    check_spans(
        r#"
id: “Kami siap,” kata Lavrov.
    ^^^^^^^^^^^^^^^^^^^^^^^^^ punct.quotes
en: “We are ready, said Lavrov.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^ punct.quotes
id: Rudal (ICBM) baru.
    ^^^^^^^^^^^^^^^^^^ punct.brackets
en: A new missile (ICBM.
    ^^^^^^^^^^^^^^^^^^^^ punct.brackets
id: Apakah rudal itu baru?
    ^^^^^^^^^^^^^^^^^^^^^^ punct.question
en: Whether the missile is new.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^ punct.question
id: Rudal itu baru.
en: The missile  is new .
               ^^ punct.whitespace
id: “Kami siap,” kata Lavrov.
en: "We are ready," said Lavrov.
"#,
    );
}

#[test]
fn untranslated_units() {
    check_spans(
        r#"
id: Kim hadir pada peluncuran uji coba rudal.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ untranslated
en: Kim hadir pada peluncuran uji coba rudal.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ untranslated
"#,
    );
    check_spans(
        r#"
id: Ia mengatakan Korea Utara perlu memperkuat persenjataan nuklirnya.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ untranslated
en: Ia mengatakan bahwa Korea Utara perlu memperkuat senjata nuklir yang dimilikinya.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ untranslated
"#,
    );
    check_spans(
        r#"
id: Kim Jong Un dan Vladimir Putin.
en: Kim Jong Un and Vladimir Putin.
"#,
    );
}

#[test]
fn omissions_additions_merges_and_splits() {
    check_spans_beads(
        r#"
id: Satu kalimat panjang yang cukup untuk diperiksa oleh aturan.
en: One sentence that is long enough to be checked by the rule.
id: Dua kalimat.
    ^^^^^^^^^^^^ omission
id: Tiga kalimat.
en: Three sentences.
en: Four.
    ^^^^^ addition
"#,
        vec![bead(&[0], &[0]), bead(&[1], &[]), bead(&[2], &[1]), bead(&[], &[2])],
    );
    check_spans_beads(
        r#"
id: Satu.
    ^^^^^ structure.merged
id: Dua.
    ^^^^ structure.merged
en: One, two.
    ^^^^^^^^^ structure.merged
"#,
        vec![bead(&[0, 1], &[0])],
    );
    check_spans_beads(
        r#"
id: Choe mengatakan situasi dapat menjadi meledak, tetapi tidak memberikan bukti.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ structure.split
en: Choe said the situation could become explosive.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ structure.split
en: She gave no evidence.
    ^^^^^^^^^^^^^^^^^^^^^ structure.split
"#,
        vec![bead(&[0], &[0, 1])],
    );
    // A repeated unit without a draft is no omission.
    let repeated = Bead {
        kind: BeadKind::Repeat,
        repeat_of: Some(0),
        ..bead(&[0], &[])
    };
    check_spans_beads("id: Satu.\n", vec![repeated]);
}

#[test]
fn partial_omission_by_length() {
    check_spans(
        r#"
id: Kim hadir pada peluncuran uji coba rudal dan mengeluarkan peringatan kepada musuh-musuhnya karena ia menggambarkannya sebagai ekspresi tekad.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ omission.partial
en: Kim attended the missile test.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ omission.partial
"#,
    );
}

#[test]
fn severity_overrides_and_off() {
    let mut config = CheckConfig::default();
    let setup = Setup::default();
    let found = |config: &CheckConfig| findings_of("Pada Jumat.", "On Thursday.", &setup, config);
    assert_eq!(found(&config)[0].severity, Severity::Error);
    config.severities.insert("calendar".into(), Some(Severity::Info));
    assert_eq!(found(&config)[0].severity, Severity::Info);
    config.severities.insert("calendar.changed".into(), None);
    assert!(found(&config).is_empty());
}

#[test]
fn repeated_blocks_and_inconsistent_repeats() {
    let setup = Setup {
        repeats: vec![(2, 0), (3, 1)],
        ..Setup::default()
    };
    check_spans_with(
        r#"
id: Satu.
en: One.
id: Dua.
en: Two.
id: Satu.
    ^^^^^ source.repeated
en: One.
id: Dua.
    ^^^^ repeat.inconsistent
    ^^^^ source.repeated
en: Two too.
    ^^^^^^^^ repeat.inconsistent
"#,
        setup,
        &CheckConfig::default(),
    );
}

/// Findings of the `glossary` rules for a one-line pair with one term,
/// under `required`.
fn spelling_findings(
    source: &str,
    target: &str,
    term: &str,
    targets: &[&str],
    required: Option<crate::glossary::english::Spelling>,
) -> Vec<Finding> {
    let setup = Setup {
        terms: vec![term_at(source, term, targets)],
        ..Setup::default()
    };
    let config = CheckConfig {
        spelling: required,
        ..CheckConfig::default()
    };
    findings_of(source, target, &setup, &config)
        .into_iter()
        .filter(|f| f.rule.as_str().starts_with("glossary"))
        .collect()
}

#[test]
fn issue_11_item_6_a_required_spelling_is_a_warning_with_the_required_form() {
    use crate::glossary::english::Spelling;
    let source = "Kementerian Pertahanan membantah laporan itu.";
    let american = "The Defense Ministry denied the report.";
    let british = "The Defence Ministry denied the report.";
    let term = "Kementerian Pertahanan";
    let targets = ["Defence Ministry", "Ministry of Defence"];
    // Without a setting both spellings are the target.
    assert!(spelling_findings(source, american, term, &targets, None).is_empty());
    assert!(spelling_findings(source, british, term, &targets, None).is_empty());
    // A British project: the American form is a warning, the British one clean.
    let found = spelling_findings(source, american, term, &targets, Some(Spelling::British));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule.as_str(), "glossary.spelling");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].expected, vec!["Defence Ministry".to_string()]);
    assert_eq!(found[0].target.as_ref().unwrap().span.slice(american), "Defense Ministry");
    assert!(spelling_findings(source, british, term, &targets, Some(Spelling::British)).is_empty());
    // An American project, the other way round.
    let found = spelling_findings(source, british, term, &targets, Some(Spelling::American));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("British spelling"), "{}", found[0].message);
    assert!(spelling_findings(source, american, term, &targets, Some(Spelling::American)).is_empty());
}

#[test]
fn issue_11_item_6_words_without_a_real_other_spelling_are_never_respelled() {
    use crate::glossary::english::{Spelling, spelling_of};
    let is_word = super::english_words::is_english_word;
    assert_eq!(
        spelling_of("Organization", is_word),
        Some((Spelling::American, "Organisation".to_string()))
    );
    assert_eq!(spelling_of("labour", is_word), Some((Spelling::British, "labor".to_string())));
    assert_eq!(spelling_of("centre", is_word), Some((Spelling::British, "center".to_string())));
    // Governour, ministre and sise are no words: these are neither variety.
    for word in ["Governor", "Minister", "size", "President", "Ministry"] {
        assert_eq!(spelling_of(word, is_word), None, "{word}");
    }
    // Words with a second meaning in the other variety are never required.
    for word in ["program", "license", "tire", "curb"] {
        assert_eq!(spelling_of(word, is_word), None, "{word}");
    }
    // A British project's governor is clean.
    let found = spelling_findings(
        "Gubernur Jawa Barat hadir.",
        "The West Java Governor attended.",
        "Gubernur Jawa Barat",
        &["West Java Governor"],
        Some(Spelling::British),
    );
    assert!(found.is_empty(), "{found:?}");
}

// Issue 15 item 6: expectations that say where each finding points.
//
// A fixture is the pair itself, one unit per line: `id:` lines are the
// source, `en:` lines the draft (an empty one is a blank line, a paragraph
// break). Under a line, carets mark what a finding flags there and name the
// rule (`^^^^^ calendar.changed`); a finding that points at both sides has
// carets under both. `~~~ => Target | Other !Forbidden` under a source line
// makes a glossary term of the marked text. The helper runs every check on
// the pair aligned line by line and writes the fixture back with the
// carets of the findings it got: the test compares that with the fixture,
// so a wrong span, a missing finding or an extra one shows as a diff.
// A failing fixture's message shows what the checks found as a fixture,
// caret lines included: to read (not to paste unread) when a rule's spans
// change on purpose.

/// The four-character prefix of fixture text lines (`id: `, `en: `).
const PREFIX: usize = 4;

struct Fixture {
    source: String,
    target: String,
    /// (side is source, line index, text) of every text line, in order.
    lines: Vec<(bool, usize, String)>,
    terms: Vec<TermUse>,
}

fn parse_fixture(fixture: &str) -> Fixture {
    let mut source_lines: Vec<String> = Vec::new();
    let mut target_lines: Vec<String> = Vec::new();
    let mut lines = Vec::new();
    let mut terms = Vec::new();
    for line in fixture.lines().map(str::trim_end).filter(|l| !l.trim().is_empty()) {
        let trimmed = line.trim_start();
        if let Some(text) = line.strip_prefix("id:").or_else(|| line.strip_prefix("en:")) {
            let text = text.strip_prefix(' ').unwrap_or(text).to_string();
            let is_source = line.starts_with("id:");
            let side = if is_source { &mut source_lines } else { &mut target_lines };
            lines.push((is_source, side.len(), text.clone()));
            side.push(text);
        } else if trimmed.starts_with('~') {
            let (is_source, line_idx, text) = lines.last().expect("a term marks the line above it").clone();
            assert!(is_source, "terms mark source lines");
            let column = line.len() - trimmed.len() - PREFIX;
            let width = trimmed.chars().take_while(|&c| c == '~').count();
            let spec = trimmed[width..].trim().strip_prefix("=>").expect("`~~~ => targets`").trim();
            let (targets, forbidden): (Vec<String>, Vec<String>) = spec
                .split('|')
                .flat_map(|part| part.split(" !").map(str::trim).enumerate().collect::<Vec<_>>())
                .filter(|(_, t)| !t.is_empty())
                .fold((Vec::new(), Vec::new()), |(mut t, mut f), (idx, text)| {
                    match (idx, text.strip_prefix('!')) {
                        (_, Some(bad)) => f.push(bad.to_string()),
                        (0, None) => t.push(text.to_string()),
                        (_, None) => f.push(text.to_string()),
                    }
                    (t, f)
                });
            let offset: usize = source_lines[..line_idx].iter().map(|l| l.len() + 1).sum();
            let start = offset + char_to_byte(&text, column);
            let end = offset + char_to_byte(&text, column + width);
            terms.push(TermUse {
                unit: line_idx,
                span: Span::new(start, end),
                term: text[start - offset..end - offset].to_string(),
                targets,
                forbidden,
            });
        }
    }
    let join = |lines: &[String]| lines.iter().map(|l| format!("{l}\n")).collect::<String>();
    // Units are non-blank lines, so a term's unit is its index among them.
    let source = join(&source_lines);
    let blank_before = |line_idx: usize| source_lines[..line_idx].iter().filter(|l| l.trim().is_empty()).count();
    for term in &mut terms {
        term.unit -= blank_before(term.unit);
    }
    terms.sort_by_key(|term| (term.unit, term.span.start));
    Fixture {
        target: join(&target_lines),
        source,
        lines,
        terms,
    }
}

fn char_to_byte(text: &str, column: usize) -> usize {
    text.char_indices().nth(column).map_or(text.len(), |(at, _)| at)
}

/// The fixture written back with a caret line per finding location.
fn render_fixture(fixture: &Fixture, findings: &[Finding]) -> String {
    let mut out = String::new();
    let line_starts = |text: &str| -> Vec<usize> { std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect() };
    let (source_starts, target_starts) = (line_starts(&fixture.source), line_starts(&fixture.target));
    for (is_source, line_idx, text) in &fixture.lines {
        out.push_str(if *is_source { "id: " } else { "en: " });
        out.push_str(text);
        out.push('\n');
        let starts = if *is_source { &source_starts } else { &target_starts };
        let (line_start, line_end) = (starts[*line_idx], starts[*line_idx] + text.len());
        if *is_source {
            for term in fixture
                .terms
                .iter()
                .filter(|t| t.span.start >= line_start && t.span.end <= line_end)
            {
                let column = text[..term.span.start - line_start].chars().count();
                let width = term.span.slice(&fixture.source).chars().count();
                let mut spec = term.targets.join(" | ");
                for bad in &term.forbidden {
                    spec.push_str(&format!(" !{bad}"));
                }
                out.push_str(&format!("{}{} => {spec}\n", " ".repeat(PREFIX + column), "~".repeat(width)));
            }
        }
        let mut marks: Vec<(usize, usize, &str)> = Vec::new();
        for finding in findings {
            let location = if *is_source { &finding.source } else { &finding.target };
            let Some(location) = location else { continue };
            let span = location.span;
            // A span over several lines is marked on each line it covers.
            if span.end < line_start || span.start > line_end || (span.end == line_start && !span.is_empty()) {
                continue;
            }
            let (start, end) = (span.start.max(line_start), span.end.min(line_end));
            let column = text[..start - line_start].chars().count();
            let width = text[start - line_start..end - line_start].chars().count().max(1);
            marks.push((column, width, finding.rule.as_str()));
        }
        marks.sort();
        for (column, width, rule) in marks {
            out.push_str(&format!("{}{} {rule}\n", " ".repeat(PREFIX + column), "^".repeat(width)));
        }
    }
    out
}

/// Runs every check on the fixture's pair, set up as `setup` says (the
/// fixture's terms are added to its terms), and asserts that the findings
/// point where its carets say.
#[track_caller]
fn check_spans_with(fixture: &str, mut setup: Setup, config: &CheckConfig) -> Vec<Finding> {
    let parsed = parse_fixture(fixture);
    setup.terms.extend(parsed.terms.iter().cloned());
    let findings = findings_of(&parsed.source, &parsed.target, &setup, config);
    let expected: String = fixture
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let actual = render_fixture(&parsed, &findings);
    assert_eq!(actual, expected, "\nthe checks found:\n{actual}\nfindings: {findings:#?}");
    findings
}

#[track_caller]
fn check_spans(fixture: &str) -> Vec<Finding> {
    check_spans_with(fixture, Setup::default(), &CheckConfig::default())
}

/// [`check_spans`] with the pair aligned by `beads`.
#[track_caller]
fn check_spans_beads(fixture: &str, beads: Vec<Bead>) -> Vec<Finding> {
    let setup = Setup {
        beads: Some(beads),
        ..Setup::default()
    };
    check_spans_with(fixture, setup, &CheckConfig::default())
}

#[test]
fn issue_15_item_6_calendar_findings_point_at_both_words() {
    check_spans(CALENDAR_CHANGED);
}

#[test]
fn issue_15_item_6_numbers_point_at_the_number() {
    check_spans(
        r#"
id: Sekitar 10.000 tentara dikirim, naik 15 persen.
            ^^^^^^ number.changed
                                         ^^^^^^^^^ number.missing
en: About 1,000 troops were sent, up sharply.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ number.missing
          ^^^^^ number.changed
"#,
    );
}

#[test]
fn issue_15_item_6_glossary_findings_point_at_the_term() {
    check_spans(
        r#"
id: Menteri Luar Negeri Choe Son Hui tiba di Moskow.
    ~~~~~~~~~~~~~~~~~~~ => Foreign Minister !Foreign Affairs Secretary
    ^^^^^^^^^^^^^^^^^^^ glossary.forbidden
    ^^^^^^^^^^^^^^^^^^^ glossary.missing
en: Foreign Affairs Secretary Choe Son Hui arrived in Moscow.
    ^^^^^^^^^^^^^^^^^^^^^^^^^ glossary.forbidden
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ glossary.missing
"#,
    );
    check_spans(
        r#"
id: Korea Utara menembakkan rudal, kata Korea Utara.
    ~~~~~~~~~~~ => North Korea
                                        ~~~~~~~~~~~ => North Korea
    ^^^^^^^^^^^ glossary.count
en: North Korea fired a missile, Pyongyang said.
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ glossary.count
"#,
    );
}

/// A bead of consecutive units (`&[0, 1]` is units 0 and 1), its kind
/// from its shape.
fn bead(source: &[usize], target: &[usize]) -> Bead {
    let range = |units: &[usize], other: &[usize]| match (units.first(), units.last()) {
        (Some(&first), Some(&last)) => first..last + 1,
        // An empty side sits where the other side's bead would.
        _ => other.first().copied().unwrap_or(0)..other.first().copied().unwrap_or(0),
    };
    let kind = match (source.is_empty(), target.is_empty()) {
        (true, _) => BeadKind::Addition,
        (_, true) => BeadKind::Omission,
        _ => BeadKind::Pair,
    };
    Bead {
        source: range(source, target),
        target: range(target, source),
        kind,
        repeat_of: None,
        score: 0.9,
    }
}

fn term_at(source: &str, term: &str, targets: &[&str]) -> TermUse {
    let start = source.find(term).unwrap();
    TermUse {
        unit: source[..start].matches('\n').count(),
        span: Span::new(start, start + term.len()),
        term: term.to_string(),
        targets: targets.iter().map(|t| t.to_string()).collect(),
        forbidden: vec![],
    }
}

#[test]
fn issue_15_item_6_every_rule_of_the_table_is_produced_by_some_input() {
    let default = CheckConfig::default();
    let mut produced: std::collections::BTreeSet<&'static str> = std::collections::BTreeSet::new();
    let mut add = |findings: Vec<Finding>| produced.extend(findings.iter().map(|f| f.rule.as_str()));
    // The span tests above.
    add(check_spans(CALENDAR_CHANGED));
    let plain: &[(&str, &str)] = &[
        ("Dalam pertemuannya pada Jumat dengan Lavrov.", "In their meeting with Lavrov."),
        ("Rudal itu adalah Hwasong-19.", "The missile was the Hwasong-18."),
        ("Menurut Choe Son Hui, hal itu benar.", "According to Choe Son-hui, that is true."),
        ("“Kami siap,” kata Lavrov.", "“We are ready, said Lavrov."),
        ("Rudal (ICBM) baru.", "A new missile (ICBM."),
        ("Apakah rudal itu baru?", "Whether the missile is new."),
        ("Rudal itu baru.", "The missile  is new ."),
        (
            "Kim hadir pada peluncuran uji coba rudal.",
            "Kim hadir pada peluncuran uji coba rudal.",
        ),
        (
            "Kim hadir pada peluncuran uji coba rudal dan mengeluarkan peringatan kepada musuh-musuhnya karena ia menggambarkannya sebagai ekspresi tekad.",
            "Kim attended the missile test.",
        ),
        (
            "Sekitar 10.000 tentara dikirim, naik 15 persen.",
            "About 1,000 troops were sent, up sharply.",
        ),
        ("Ia tiba di Moskow.", "He arrived in Moscow with 300 soldiers."),
        (
            "Menurut Lavrov, 8.000 tentara tiba.\nMenurut Blinken, 300 rudal ditembakkan.",
            "According to Blinken, 300 missiles were fired.\nAccording to Lavrov, 8,000 troops arrived.",
        ),
        (
            "JAKARTA, Senin (25/11/2024) - Presiden tiba.",
            "JAKARTA, Monday - The president arrived.",
        ),
        (
            "The minister said that the troops were sent to the border and that they would stay there for a long time, as he told the reporters in the capital on the day of the visit.",
            "Menteri mengatakan bahwa pasukan itu dikirim ke perbatasan dan bahwa mereka akan tinggal di sana untuk waktu yang lama, seperti yang ia katakan kepada para wartawan di ibu kota pada hari kunjungan itu.",
        ),
    ];
    for (source, target) in plain {
        add(findings_of(source, target, &Setup::default(), &default));
    }
    // Beads the aligner would make.
    let source = "Satu kalimat panjang yang cukup untuk diperiksa oleh aturan.\nDua kalimat.\nTiga kalimat.";
    let target = "One sentence that is long enough to be checked by the rule.\nThree sentences.\nFour.";
    let aligned = |beads: Vec<Bead>| Setup {
        beads: Some(beads),
        ..Setup::default()
    };
    let beads = vec![bead(&[0], &[0]), bead(&[1], &[]), bead(&[2], &[1]), bead(&[], &[2])];
    add(findings_of(source, target, &aligned(beads), &default));
    add(findings_of(
        "Satu.\nDua.",
        "One, two.",
        &aligned(vec![bead(&[0, 1], &[0])]),
        &default,
    ));
    add(findings_of(
        "Choe mengatakan situasi dapat menjadi meledak, tetapi tidak memberikan bukti.",
        "Choe said the situation could become explosive.\nShe gave no evidence.",
        &aligned(vec![bead(&[0], &[0, 1])]),
        &default,
    ));
    let source = "Kim tiba di Moskow pada pagi hari.\nIa bertemu Putin di Kremlin.\nMereka membahas perang di Ukraina.\nLavrov juga hadir dalam pertemuan itu.";
    add(findings_of(
        source,
        "Kim arrived in Moscow in the morning.",
        &aligned(vec![bead(&[0], &[0]), bead(&[1], &[]), bead(&[2], &[]), bead(&[3], &[])]),
        &default,
    ));
    // Repeats.
    let repeats = Setup {
        repeats: vec![(2, 0), (3, 1)],
        ..Setup::default()
    };
    add(findings_of(
        "Satu.\nDua.\nSatu.\nDua.",
        "One.\nTwo.\nOne.\nTwo too.",
        &repeats,
        &default,
    ));
    let with_terms = |terms: Vec<TermUse>| Setup { terms, ..Setup::default() };
    // Glossary terms.
    let source = "Menteri Luar Negeri Choe Son Hui tiba.";
    let mut forbidden = term_at(source, "Menteri Luar Negeri", &["Foreign Minister"]);
    forbidden.forbidden = vec!["Foreign Affairs Secretary".into()];
    add(findings_of(
        source,
        "Foreign Affairs Secretary Choe Son Hui arrived.",
        &with_terms(vec![forbidden]),
        &default,
    ));
    let source = "Korea Utara menembakkan rudal, kata Korea Utara.";
    let first = term_at(source, "Korea Utara", &["North Korea"]);
    let mut second = first.clone();
    second.span = Span::new(source.rfind("Korea Utara").unwrap(), source.len() - 1);
    add(findings_of(
        source,
        "North Korea fired a missile, Pyongyang said.",
        &with_terms(vec![first, second]),
        &default,
    ));
    let source = "IMF diam.";
    add(findings_of(
        source,
        "The IMG was silent.",
        &with_terms(vec![term_at(source, "IMF", &["International Monetary Fund"])]),
        &default,
    ));
    add(spelling_findings(
        "Kementerian Pertahanan membantah laporan itu.",
        "The Defense Ministry denied the report.",
        "Kementerian Pertahanan",
        &["Defence Ministry"],
        Some(crate::glossary::english::Spelling::British),
    ));
    // Rules over all pairs of a run: one term translated two ways.
    let summaries: Vec<across_pairs::PairSummary> = ["North Korea", "Pyongyang"]
        .iter()
        .map(|english| {
            let source = "Korea Utara menembakkan rudal.";
            let target = format!("{english} fired a missile.");
            let setup = with_terms(vec![term_at(source, "Korea Utara", &["North Korea", "Pyongyang"])]);
            with_pair(source, &target, &setup, across_pairs::summarise)
        })
        .collect();
    add(across_pairs::findings(&summaries, &["a", "b"], &default)
        .into_iter()
        .map(|(_, f)| f)
        .collect());
    // Bilingual XLIFF: an inline code lost.
    let xliff = r#"<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="id" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>Baca <x id="1"/>selengkapnya.</source><target>Read more.</target></trans-unit>
</body></file></xliff>"#;
    let file = crate::xliff::parse(std::path::Path::new("t.xlf"), xliff).unwrap();
    let pipeline = crate::pipeline::Pipeline::new(crate::glossary::Glossary::default(), Default::default()).unwrap();
    add(crate::xliff::check_xliff(&pipeline, &file));
    let table: std::collections::BTreeSet<&str> = rules().iter().map(|info| info.id.as_str()).collect();
    let missing: Vec<&&str> = table.difference(&produced).collect();
    assert!(missing.is_empty(), "rules no test input produces: {missing:?}");
    let unknown: Vec<&&str> = produced.difference(&table).collect();
    assert!(unknown.is_empty(), "findings of rules the table lacks: {unknown:?}");
}

#[test]
fn issue_11_sentence_dropped_inside_a_merge_is_an_omission() {
    let source = "Bank Indonesia (BI) menyatakan nilai tukar rata-rata akan berada pada level Rp9.000 hingga Rp9.300 per dolar AS pada 2008.\n\
                  Inflasi pada Desember 2006 sebesar 1,04 persen, kata Gubernur BI Burhanuddin Abdullah.";
    let merged = || vec![bead(&[0, 1], &[0])];
    // The draft translates only the second sentence: the first is omitted,
    // not merged.
    let dropped = "Inflation in December 2006 was 1.04 percent, BI Governor Burhanuddin Abdullah said.";
    let rules = |draft: &str| -> Vec<&'static str> {
        let setup = Setup {
            beads: Some(merged()),
            ..Setup::default()
        };
        findings_of(source, draft, &setup, &CheckConfig::default())
            .iter()
            .map(|f| f.rule.as_str())
            .collect()
    };
    let found = rules(dropped);
    assert!(found.contains(&"omission"), "{found:?}");
    assert!(!found.contains(&"structure.merged"), "{found:?}");
    // Both sentences translated into one: a merge, no omission.
    let both = "BI said the exchange rate would average Rp9,000 to Rp9,300 per US dollar in 2008, \
                and inflation in December 2006 was 1.04 percent, BI Governor Burhanuddin Abdullah said.";
    let found = rules(both);
    assert!(!found.contains(&"omission"), "{found:?}");
    assert!(found.contains(&"structure.merged"), "{found:?}");
}

/// The word splitter every rule uses, written the plain way: one character
/// at a time. `words` reads ASCII byte by byte and must split alike.
fn words_one_char_at_a_time(text: &str, base: usize) -> Vec<(Span, &str)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(offset, c)) = chars.peek() {
            let joiner = matches!(c, '-' | '\'' | '’') && text[offset + c.len_utf8()..].starts_with(char::is_alphanumeric);
            if c.is_alphanumeric() || joiner {
                end = offset + c.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        out.push((Span::new(base + start, base + end), &text[start..end]));
    }
    out
}

#[test]
fn words_split_news_text_as_written() {
    let text = "Korea Utara’s Kim Jong-un, 25/11/2024: Rp1,5 triliun -- ke-3 'x' Ünïcödé ½ K\u{212A} -";
    let found: Vec<&str> = super::words(text, 7).map(|(_, w)| w).collect();
    assert_eq!(
        found,
        [
            "Korea",
            "Utara’s",
            "Kim",
            "Jong-un",
            "25",
            "11",
            "2024",
            "Rp1",
            "5",
            "triliun",
            "ke-3",
            "x",
            "Ünïcödé",
            "½",
            "K\u{212A}"
        ]
    );
    assert_eq!(super::words(text, 7).collect::<Vec<_>>(), words_one_char_at_a_time(text, 7));
}

proptest::proptest! {
    #[test]
    fn words_split_like_one_char_at_a_time(
        pieces in proptest::collection::vec(proptest::prop_oneof![
            proptest::prelude::Just("a"), proptest::prelude::Just("Z9"), proptest::prelude::Just(" "), proptest::prelude::Just("-"),
            proptest::prelude::Just("'"), proptest::prelude::Just("’"), proptest::prelude::Just("é"), proptest::prelude::Just("½"),
            proptest::prelude::Just("\u{212A}"), proptest::prelude::Just("."), proptest::prelude::Just("\u{00A0}"),
            proptest::prelude::Just("日本"), proptest::prelude::Just("\u{301}"),
        ], 0..30),
        base in 0usize..1000,
    ) {
        let text: String = pieces.concat();
        proptest::prop_assert_eq!(super::words(&text, base).collect::<Vec<_>>(), words_one_char_at_a_time(&text, base));
    }
}
