//! The two formats of `glossary suggest`.
//!
//! * **JSON Lines**: one object per entry, best first:
//!   `{"source","target","count","occurrences","alternatives":[{"target","count"}],"examples":[{"path","unit"}]}`,
//!   plus `"expansion":{"source","target"}` for an acronym the source spells
//!   out and `"known":true` for an entry a glossary in use already has
//!   (listed only on request).
//! * **TSV**: an OmegaT-style glossary, `source<TAB>target<TAB>comment`, one
//!   row per entry, best first, after `#` lines saying what the file is. The
//!   comment holds the evidence a reviewer needs: how many occurrences carry
//!   the target, the alternatives with their counts, the expansion and the
//!   first example. Alternatives are not written as rows of their own:
//!   appended as they stand, they would make every rendering an admitted
//!   one, the opposite of what a glossary is for.

use std::io::{self, Write};

use super::Suggestion;

/// Writes `suggestions` as JSON Lines.
pub fn write_jsonl(out: &mut dyn Write, suggestions: &[Suggestion]) -> io::Result<()> {
    for suggestion in suggestions {
        serde_json::to_writer(&mut *out, suggestion)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes `suggestions` as an OmegaT-style TSV glossary.
pub fn write_tsv(out: &mut dyn Write, suggestions: &[Suggestion], n_pairs: usize) -> io::Result<()> {
    let pairs = if n_pairs == 1 { "pair" } else { "pairs" };
    writeln!(
        out,
        "# Glossary entries suggested by `selaras glossary suggest` from {n_pairs} {pairs}, best first."
    )?;
    writeln!(
        out,
        "# Review each row before appending it: source<TAB>target<TAB>comment (the evidence)."
    )?;
    for suggestion in suggestions {
        writeln!(
            out,
            "{}\t{}\t{}",
            clean(&suggestion.source),
            clean(&suggestion.target),
            clean(&comment(suggestion))
        )?;
    }
    Ok(())
}

/// The evidence for one entry, in one line.
pub fn comment(suggestion: &Suggestion) -> String {
    let mut parts = vec![format!("used {} of {} times", suggestion.count, suggestion.occurrences)];
    if !suggestion.alternatives.is_empty() {
        let alternatives: Vec<String> = suggestion
            .alternatives
            .iter()
            .map(|a| format!("{} ({})", a.target, a.count))
            .collect();
        parts.push(format!("also {}", alternatives.join(", ")));
    }
    if let Some(expansion) = &suggestion.expansion {
        match &expansion.target {
            Some(target) => parts.push(format!("stands for {} = {}", expansion.source, target)),
            None => parts.push(format!("stands for {}", expansion.source)),
        }
    }
    if let Some(example) = suggestion.examples.first() {
        parts.push(format!("e.g. {} {}", example.path, example.unit));
    }
    if suggestion.known {
        parts.push("already in a glossary".to_string());
    }
    parts.join("; ")
}

/// A field without tabs or line breaks.
fn clean(field: &str) -> String {
    field.split(['\t', '\n', '\r']).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::{Alternative, Example};

    fn entry() -> Suggestion {
        Suggestion {
            source: "Menteri Keuangan".into(),
            target: "Finance Minister".into(),
            count: 7,
            occurrences: 8,
            alternatives: vec![Alternative {
                target: "Minister of Finance".into(),
                count: 1,
            }],
            examples: vec![Example {
                path: "a.id.txt".into(),
                unit: "p4.s1".into(),
            }],
            expansion: None,
            known: false,
        }
    }

    #[test]
    fn jsonl_has_the_contract_fields_in_order() {
        let mut out = Vec::new();
        write_jsonl(&mut out, &[entry()]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"source\":\"Menteri Keuangan\",\"target\":\"Finance Minister\",\"count\":7,\"occurrences\":8,\
             \"alternatives\":[{\"target\":\"Minister of Finance\",\"count\":1}],\"examples\":[{\"path\":\"a.id.txt\",\"unit\":\"p4.s1\"}]}\n"
        );
    }

    #[test]
    fn tsv_is_one_row_per_entry_with_the_evidence() {
        let mut out = Vec::new();
        write_tsv(&mut out, &[entry()], 3).unwrap();
        let text = String::from_utf8(out).unwrap();
        let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            rows,
            vec!["Menteri Keuangan\tFinance Minister\tused 7 of 8 times; also Minister of Finance (1); e.g. a.id.txt p4.s1"]
        );
    }
}
