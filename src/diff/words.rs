//! Word-level revision diff: an earlier draft against the current one, row
//! by row, with an edit rate.
//!
//! Texts are cut at Unicode word boundaries (UAX #29, through `similar`'s
//! `unicode` feature), so `10,000`, `Hwasong-19`'s parts and `“` are tokens
//! of their own and whitespace is kept. The diff is then tidied for reading
//! the way delta and `git diff --word-diff` do: between two unchanged
//! non-space tokens, all deleted text becomes one deletion and all inserted
//! text one insertion, with the spaces between changed words inside them
//! (`[-big red-]{+small blue+}` rather than `[-big-]{+small+} [-red-]{+blue+}`).
//!
//! ## Edit rate
//!
//! A TER-like rate without shifts. A *word* is a token with at least one
//! letter or digit (punctuation and spaces are not words, so changing `"` to
//! `“` changes the row but costs no edit). The diff is cut into hunks at
//! unchanged words; a hunk that deletes `d` words and inserts `i` words costs
//! `max(d, i)` edits (`min(d, i)` substitutions plus the rest as insertions
//! or deletions). The edit rate is `edits / words of the earlier draft`; with
//! an empty earlier draft it is 1.0 when anything was inserted and 0.0
//! otherwise. The document rate sums edits and earlier words over the rows
//! that have an earlier version; it is not an average of row rates. A moved
//! phrase counts as deleted and inserted (TER would count one shift).

use std::ops::Range;
use std::time::Duration;

use similar::{ChangeTag, TextDiff};

use super::view::{DiffView, UnitText};

/// What happened to a stretch of text between the earlier and current draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordOpKind {
    Equal,
    Insert,
    Delete,
}

/// One stretch of the word diff. `Equal` and `Insert` text is in the current
/// draft, `Equal` and `Delete` text in the earlier one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordOp {
    pub kind: WordOpKind,
    pub text: String,
}

/// The word diff of one earlier text against one current text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordDiff {
    pub ops: Vec<WordOp>,
    /// Words (tokens with a letter or digit) in the earlier and current text.
    pub old_words: usize,
    pub new_words: usize,
    /// Word edits, as defined in the module documentation.
    pub edits: usize,
}

impl WordDiff {
    /// Whether anything at all changed, punctuation and spacing included.
    pub fn changed(&self) -> bool {
        self.ops.iter().any(|op| op.kind != WordOpKind::Equal)
    }

    /// `edits / old_words` (see the module documentation for empty texts).
    pub fn edit_rate(&self) -> f64 {
        rate(self.edits, self.old_words)
    }
}

fn rate(edits: usize, old_words: usize) -> f64 {
    match (edits, old_words) {
        (0, _) => 0.0,
        (_, 0) => 1.0,
        _ => edits as f64 / old_words as f64,
    }
}

/// Long rows fall back to a coarser (still correct) diff after this long, so
/// one pathological row cannot stall a whole report.
const DIFF_TIMEOUT: Duration = Duration::from_millis(500);

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

fn is_space(token: &str) -> bool {
    token.chars().all(char::is_whitespace)
}

/// Diffs `old` against `new` word by word.
pub fn diff_words(old: &str, new: &str) -> WordDiff {
    let diff = TextDiff::configure().timeout(DIFF_TIMEOUT).diff_unicode_words(old, new);
    let changes: Vec<(ChangeTag, &str)> = diff.iter_all_changes().map(|change| (change.tag(), change.value())).collect();
    let mut result = WordDiff {
        old_words: diff.iter_old_slices().filter(|token| is_word(token)).count(),
        new_words: diff.iter_new_slices().filter(|token| is_word(token)).count(),
        ..WordDiff::default()
    };
    // Unchanged non-space tokens are anchors; everything between two
    // anchors is one hunk.
    let mut hunk_start = 0;
    for change_idx in 0..=changes.len() {
        let is_anchor = changes
            .get(change_idx)
            .is_none_or(|&(tag, token)| tag == ChangeTag::Equal && !is_space(token));
        if !is_anchor {
            continue;
        }
        result.edits += push_hunk(&changes[hunk_start..change_idx], &mut result.ops);
        if let Some(&(_, token)) = changes.get(change_idx) {
            push_op(&mut result.ops, WordOpKind::Equal, token);
        }
        hunk_start = change_idx + 1;
    }
    slide_leading_spaces(&mut result.ops);
    // Sliding can empty an equal stretch; drop it and merge what it parted.
    let ops = std::mem::take(&mut result.ops);
    for op in ops {
        push_op(&mut result.ops, op.kind, &op.text);
    }
    result
}

/// Moves a lone insertion or deletion that starts with a space one space to
/// the right when the text after it starts with the same space, so that
/// `Ukraine.[- Foreign Minister-] Choe` reads `Ukraine. [-Foreign Minister -]Choe`:
/// a change then starts at a word, as a reader expects. Both texts stay the same.
fn slide_leading_spaces(ops: &mut [WordOp]) {
    for op_idx in 1..ops.len().saturating_sub(1) {
        let lone_change =
            ops[op_idx].kind != WordOpKind::Equal && ops[op_idx - 1].kind == WordOpKind::Equal && ops[op_idx + 1].kind == WordOpKind::Equal;
        let Some(space) = ops[op_idx].text.chars().next().filter(|c| c.is_whitespace()) else {
            continue;
        };
        if !lone_change || !ops[op_idx + 1].text.starts_with(space) || ops[op_idx].text.len() == space.len_utf8() {
            continue;
        }
        ops[op_idx - 1].text.push(space);
        ops[op_idx].text.remove(0);
        ops[op_idx].text.push(space);
        ops[op_idx + 1].text.remove(0);
    }
}

/// Pushes the ops of one hunk (changes between anchors) and returns its
/// edit cost.
fn push_hunk(hunk: &[(ChangeTag, &str)], ops: &mut Vec<WordOp>) -> usize {
    let first_change = hunk.iter().position(|&(tag, _)| tag != ChangeTag::Equal);
    let last_change = hunk.iter().rposition(|&(tag, _)| tag != ChangeTag::Equal);
    let (Some(first_change), Some(last_change)) = (first_change, last_change) else {
        for &(_, token) in hunk {
            push_op(ops, WordOpKind::Equal, token);
        }
        return 0;
    };
    for &(_, token) in &hunk[..first_change] {
        push_op(ops, WordOpKind::Equal, token);
    }
    let changed = &hunk[first_change..=last_change];
    let has_deletions = changed.iter().any(|&(tag, _)| tag == ChangeTag::Delete);
    let has_insertions = changed.iter().any(|&(tag, _)| tag == ChangeTag::Insert);
    let count_words = |wanted: ChangeTag| changed.iter().filter(|&&(tag, token)| tag == wanted && is_word(token)).count();
    let cost = count_words(ChangeTag::Delete).max(count_words(ChangeTag::Insert));
    if !(has_deletions && has_insertions) {
        // Only one kind of change: spaces between its words are in both
        // texts, so they stay equal (`[-big-] [-red-]` when the diff kept a
        // space between them).
        for &(tag, token) in changed {
            push_op(ops, tag_kind(tag), token);
        }
    } else {
        // A replacement: unchanged spaces inside it go into both the
        // deletion and the insertion, so each reads as one phrase.
        let (mut deleted, mut inserted) = (String::new(), String::new());
        for &(tag, token) in changed {
            if tag != ChangeTag::Insert {
                deleted.push_str(token);
            }
            if tag != ChangeTag::Delete {
                inserted.push_str(token);
            }
        }
        push_op(ops, WordOpKind::Delete, &deleted);
        push_op(ops, WordOpKind::Insert, &inserted);
    }
    for &(_, token) in &hunk[last_change + 1..] {
        push_op(ops, WordOpKind::Equal, token);
    }
    cost
}

fn tag_kind(tag: ChangeTag) -> WordOpKind {
    match tag {
        ChangeTag::Equal => WordOpKind::Equal,
        ChangeTag::Insert => WordOpKind::Insert,
        ChangeTag::Delete => WordOpKind::Delete,
    }
}

/// Appends `text` as `kind`, merging it into the last op when that has the
/// same kind.
fn push_op(ops: &mut Vec<WordOp>, kind: WordOpKind, text: &str) {
    if text.is_empty() {
        return;
    }
    match ops.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => ops.push(WordOp {
            kind,
            text: text.to_owned(),
        }),
    }
}

/// The units of one side of a row as one text, joined by single spaces,
/// with the range each unit's text occupies in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JoinedUnits {
    pub text: String,
    pub ranges: Vec<Range<usize>>,
}

impl JoinedUnits {
    pub fn new(units: &[UnitText]) -> Self {
        let mut joined = JoinedUnits::default();
        for unit in units {
            if !joined.text.is_empty() {
                joined.text.push(' ');
            }
            let start = joined.text.len();
            joined.text.push_str(&unit.text);
            joined.ranges.push(start..joined.text.len());
        }
        joined
    }
}

/// The revision diff of a whole view: one [`WordDiff`] per row that has an
/// earlier version, and the totals.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Revision {
    /// Indexed like `DiffView::rows`; `None` where the row has no earlier
    /// version.
    pub rows: Vec<Option<WordDiff>>,
    /// Rows with an earlier version, and those of them that changed.
    pub rows_compared: usize,
    pub rows_changed: usize,
    pub old_words: usize,
    pub edits: usize,
}

impl Revision {
    /// Diffs every row's earlier units against its current draft units.
    pub fn of(view: &DiffView) -> Revision {
        let mut revision = Revision::default();
        for row in &view.rows {
            let Some(previous) = &row.previous else {
                revision.rows.push(None);
                continue;
            };
            let diff = diff_words(&JoinedUnits::new(previous).text, &JoinedUnits::new(&row.target).text);
            revision.rows_compared += 1;
            revision.rows_changed += usize::from(diff.changed());
            revision.old_words += diff.old_words;
            revision.edits += diff.edits;
            revision.rows.push(Some(diff));
        }
        revision
    }

    /// Whether there is anything to show: at least one row was compared.
    pub fn is_empty(&self) -> bool {
        self.rows_compared == 0
    }

    /// Total edits over total earlier words (see the module documentation).
    pub fn edit_rate(&self) -> f64 {
        rate(self.edits, self.old_words)
    }

    /// Whether row `row_idx` changed; false for rows without an earlier version.
    pub fn row_changed(&self, row_idx: usize) -> bool {
        self.rows.get(row_idx).and_then(Option::as_ref).is_some_and(WordDiff::changed)
    }
}

/// Writes the ops in plain-text word-diff notation, `[-old-]{+new+}`.
pub fn to_markers(ops: &[WordOp]) -> String {
    let mut out = String::new();
    for op in ops {
        match op.kind {
            WordOpKind::Equal => out.push_str(&op.text),
            WordOpKind::Delete => {
                out.push_str("[-");
                out.push_str(&op.text);
                out.push_str("-]");
            }
            WordOpKind::Insert => {
                out.push_str("{+");
                out.push_str(&op.text);
                out.push_str("+}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(old: &str, new: &str, markers: &str, edits: usize) {
        let diff = diff_words(old, new);
        assert_eq!(to_markers(&diff.ops), markers, "{old:?} → {new:?}");
        assert_eq!(diff.edits, edits, "{old:?} → {new:?}");
        // The ops rebuild both texts.
        let rebuild = |skip: WordOpKind| {
            diff.ops
                .iter()
                .filter(|op| op.kind != skip)
                .map(|op| op.text.as_str())
                .collect::<String>()
        };
        assert_eq!(rebuild(WordOpKind::Insert), old);
        assert_eq!(rebuild(WordOpKind::Delete), new);
    }

    #[test]
    fn substitutions_insertions_and_deletions() {
        check("the big dog", "the big dog", "the big dog", 0);
        check(
            "North Korea will back Russia",
            "North Korea will support Russia",
            "North Korea will [-back-]{+support+} Russia",
            1,
        );
        check("a big red dog", "a small blue dog", "a [-big red-]{+small blue+} dog", 2);
        check("a dog", "a big dog", "a {+big +}dog", 1);
        check("a big dog", "a dog", "a [-big -]dog", 1);
        check("some 10,000 troops", "some 1,000 troops", "some [-10,000-]{+1,000+} troops", 1);
        check("one two three", "one four", "one [-two three-]{+four+}", 2);
        check(
            "Ukraine. Foreign Minister Choe",
            "Ukraine. Choe",
            "Ukraine. [-Foreign Minister -]Choe",
            2,
        );
        check(
            "Ukraine. Choe",
            "Ukraine. Foreign Minister Choe",
            "Ukraine. {+Foreign Minister +}Choe",
            2,
        );
    }

    proptest::proptest! {
        #[test]
        fn ops_rebuild_both_texts(old in "[a-c ,.]{0,24}", new in "[a-c ,.]{0,24}") {
            let diff = diff_words(&old, &new);
            let rebuild = |skip: WordOpKind| diff.ops.iter().filter(|op| op.kind != skip).map(|op| op.text.as_str()).collect::<String>();
            proptest::prop_assert_eq!(rebuild(WordOpKind::Insert), old);
            proptest::prop_assert_eq!(rebuild(WordOpKind::Delete), new);
            // A moved word costs a deletion and an insertion (no shifts).
            proptest::prop_assert!(diff.edits <= diff.old_words + diff.new_words);
            proptest::prop_assert!(diff.ops.iter().all(|op| !op.text.is_empty()));
        }
    }

    #[test]
    fn punctuation_changes_the_row_but_costs_no_edit() {
        let diff = diff_words("he said \"yes\"", "he said “yes”");
        assert!(diff.changed());
        assert_eq!(diff.edits, 0);
        assert_eq!(diff.edit_rate(), 0.0);
    }

    #[test]
    fn edit_rate_divides_by_earlier_words() {
        let diff = diff_words("a big red dog", "a small blue dog");
        assert_eq!((diff.old_words, diff.new_words, diff.edits), (4, 4, 2));
        assert_eq!(diff.edit_rate(), 0.5);
        assert_eq!(diff_words("", "new words").edit_rate(), 1.0);
        assert_eq!(diff_words("", "").edit_rate(), 0.0);
        assert!(!diff_words("same", "same").changed());
    }

    #[test]
    fn joined_units_record_their_ranges() {
        use crate::text::Span;
        let units = [
            UnitText::new(0, "p1.s1", "One.", Span::new(0, 4)),
            UnitText::new(1, "p1.s2", "Two.", Span::new(5, 9)),
        ];
        let joined = JoinedUnits::new(&units);
        assert_eq!(joined.text, "One. Two.");
        assert_eq!(joined.ranges, [0..4, 5..9]);
    }
}
