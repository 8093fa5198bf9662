//! Glossary term pairs for the aligner: source terms with their admitted
//! English renderings in, anchor keys (via `anchors`) out.
//!
//! `TermPairs` is the hook through which a glossary engine feeds the
//! aligner. Until that engine exists, `selaras align -g FILE` reads
//! OmegaT-style TSV itself (`source<TAB>target<TAB>comment`, `#` comment
//! lines, several rows with one source = alternatives) with `from_tsv`.

use std::path::Path;

use crate::error::{Error, Result};

use super::anchors::words_lower;

/// Source term → admitted English renderings, matched as whole words,
/// case-insensitively. This is the hook through which a glossary engine
/// feeds its pairs to the aligner (`selaras align -g`); it starts empty,
/// because a built-in list of common pairs did not measurably help: 38
/// pairs (the countries in the data, Presiden → President, kota → city, …)
/// left every strict and lax score on the four development sets unchanged
/// (`eval_align -g`), since names and numbers already anchor most sentences.
#[derive(Debug, Clone, Default)]
pub struct TermPairs {
    /// (source words, alternatives of target words), all lower case.
    entries: Vec<(Vec<String>, Vec<Vec<String>>)>,
}

impl TermPairs {
    pub fn new() -> Self {
        TermPairs::default()
    }

    /// Adds a source term with its admitted targets. Several calls with the
    /// same source term add alternatives.
    pub fn push(&mut self, source: &str, targets: &[&str]) {
        let source_words = words_lower(source);
        if source_words.is_empty() {
            return;
        }
        let target_words: Vec<Vec<String>> = targets.iter().map(|t| words_lower(t)).filter(|w| !w.is_empty()).collect();
        if let Some(entry) = self.entries.iter_mut().find(|(s, _)| *s == source_words) {
            entry.1.extend(target_words);
        } else {
            self.entries.push((source_words, target_words));
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Indices of the entries found in `words` (source side when `source`).
    pub(super) fn matches(&self, words: &[String], source: bool, out: &mut Vec<usize>) {
        let contains = |needle: &[String]| needle.len() <= words.len() && words.windows(needle.len()).any(|w| w == needle);
        for (entry_idx, (source_words, targets)) in self.entries.iter().enumerate() {
            let found = if source {
                contains(source_words)
            } else {
                targets.iter().any(|t| contains(t))
            };
            if found {
                out.push(entry_idx);
            }
        }
    }
}

impl TermPairs {
    /// Reads OmegaT-style TSV. A non-blank, non-comment line without a tab
    /// is an error naming the file and line, since it usually means the file
    /// is not TSV at all (a CSV or TBX glossary given by mistake).
    pub fn from_tsv(text: &str, path: &Path) -> Result<TermPairs> {
        let mut pairs = TermPairs::new();
        pairs.add_tsv(text, path)?;
        Ok(pairs)
    }

    /// Adds the rows of another TSV glossary.
    pub fn add_tsv(&mut self, text: &str, path: &Path) -> Result<()> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (line_idx, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut columns = line.split('\t');
            let source = columns.next().unwrap_or_default().trim();
            let Some(target) = columns.next().map(str::trim) else {
                return Err(Error::Parse {
                    path: path.to_path_buf(),
                    line: line_idx + 1,
                    column: 1,
                    message: "expected `source<TAB>target`, found no tab".to_string(),
                });
            };
            if !source.is_empty() && !target.is_empty() {
                self.push(source, &[target]);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_rows_with_one_source_are_alternatives() {
        let text = "\u{feff}# comment\nKorea Utara\tNorth Korea\tcountry\nkorea utara\tNorth Korean\n\nPresiden\tPresident\r\n";
        let pairs = TermPairs::from_tsv(text, Path::new("g.tsv")).unwrap();
        assert_eq!(pairs.len(), 2);
        let mut hits = Vec::new();
        pairs.matches(&words_lower("the north korean army"), false, &mut hits);
        assert_eq!(hits, vec![0]);
    }

    #[test]
    fn a_line_without_a_tab_is_an_error_with_its_position() {
        let error = TermPairs::from_tsv("a\tb\nKorea Utara, North Korea\n", Path::new("g.csv")).unwrap_err();
        assert_eq!(error.to_string(), "g.csv:2:1: expected `source<TAB>target`, found no tab");
    }
}
