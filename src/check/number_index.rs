//! Lookups the number and date rules make per source number, answered
//! without scanning the whole bead again each time (issue 12: a bead of
//! thousands of numbers, a draft of megabytes on one line, was quadratic).
//!
//! * `DraftNumbers`: the draft numbers of a bead, each taken at most once,
//!   found by value. A source number takes the first draft number left, in
//!   text order, that `NumberMention::same_value` accepts, or for a time, one
//!   written the Indonesian way (`09.48`) — the choice a scan in text order
//!   makes.
//! * `Containment`: "is this span inside one of these spans?" by binary
//!   search.
//! * `DraftWords`: whole-word and phrase tests on the lower-cased draft,
//!   each distinct word or phrase looked for once per bead.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};

use crate::numbers::{NumberKind, NumberMention};
use crate::text::Span;

/// The draft numbers of one bead; `None` slots are taken.
pub(super) struct DraftNumbers {
    pub slots: Vec<Option<NumberMention>>,
    /// Slot indices of every number but decades, by `NumberMention::key`,
    /// in text order (taken slots are dropped from the front lazily).
    by_value: HashMap<(u8, i64), VecDeque<usize>>,
    /// Slot indices by the minutes of a number written `HH.MM`.
    by_time: HashMap<u32, VecDeque<usize>>,
    /// Slot indices of decades (`the 1990s`), whose agreement is not a key
    /// equality; rare, so scanned.
    decades: Vec<usize>,
}

impl DraftNumbers {
    pub fn new(slots: Vec<Option<NumberMention>>, text: &str) -> Self {
        let mut by_value: HashMap<(u8, i64), VecDeque<usize>> = HashMap::new();
        let mut by_time: HashMap<u32, VecDeque<usize>> = HashMap::new();
        let mut decades = Vec::new();
        for (idx, mention) in slots.iter().enumerate() {
            let Some(mention) = mention else { continue };
            if mention.kind == NumberKind::Decade {
                decades.push(idx);
            } else {
                by_value.entry(mention.key()).or_default().push_back(idx);
            }
            if let Some(minutes) = indonesian_time(mention.span.slice(text)) {
                by_time.entry(minutes).or_default().push_back(idx);
            }
        }
        DraftNumbers {
            slots,
            by_value,
            by_time,
            decades,
        }
    }

    /// Takes the first draft number left that states `source`: the same
    /// value, or with `times` also a time kept in Indonesian notation.
    pub fn take(&mut self, source: &NumberMention, times: bool) -> bool {
        let found = if source.kind == NumberKind::Decade {
            // A decade source agrees with other decades and plain numbers in
            // ways no single key captures: scanned (decades are rare).
            self.slots.iter().position(|slot| slot.is_some_and(|t| t.same_value(source)))
        } else {
            let slots = &self.slots;
            let first_left = |queue: Option<&mut VecDeque<usize>>| {
                let queue = queue?;
                while queue.front().is_some_and(|&idx| slots[idx].is_none()) {
                    queue.pop_front();
                }
                queue.front().copied()
            };
            let by_value = first_left(self.by_value.get_mut(&source.key()));
            let time_minutes = (times && source.kind == NumberKind::Time && source.value.fract() == 0.0 && source.value >= 0.0)
                .then_some(source.value as u32);
            let by_time = first_left(time_minutes.and_then(|minutes| self.by_time.get_mut(&minutes)));
            let decade = if source.kind == NumberKind::Integer {
                self.decades
                    .iter()
                    .copied()
                    .find(|&idx| slots[idx].is_some_and(|t| t.same_value(source)))
            } else {
                None
            };
            by_value.into_iter().chain(by_time).chain(decade).min()
        };
        match found {
            Some(idx) => {
                self.slots[idx] = None;
                true
            }
            None => false,
        }
    }
}

/// The minutes of a time written the Indonesian way (`09.48`, `09:48`): a
/// two-digit hour with a leading zero is no decimal.
pub(super) fn indonesian_time(written: &str) -> Option<u32> {
    let (hours, minutes) = written.split_once(['.', ':'])?;
    if hours.len() != 2 || minutes.len() != 2 {
        return None;
    }
    Some(hours.parse::<u32>().ok()? * 60 + minutes.parse::<u32>().ok()?)
}

/// Spans, for "is this span inside one of them?": sorted by start, with the
/// furthest end so far.
pub(super) struct Containment {
    starts: Vec<usize>,
    max_ends: Vec<usize>,
}

impl Containment {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort_unstable_by_key(|span| span.start);
        let mut furthest = 0;
        let max_ends = spans
            .iter()
            .map(|span| {
                furthest = furthest.max(span.end);
                furthest
            })
            .collect();
        Containment {
            starts: spans.iter().map(|span| span.start).collect(),
            max_ends,
        }
    }

    /// Whether some span starts at or before `span` and ends at or after it.
    pub fn contains(&self, span: Span) -> bool {
        let started = self.starts.partition_point(|&start| start <= span.start);
        started > 0 && self.max_ends[started - 1] >= span.end
    }
}

/// The lower-cased draft of a bead, for whole-word and phrase tests that
/// many source numbers ask: each distinct question is answered once.
pub(super) struct DraftWords<'a> {
    pub lower: &'a str,
    words: RefCell<HashMap<&'static str, bool>>,
    phrases: RefCell<HashMap<&'static str, bool>>,
    values: RefCell<Option<Vec<f64>>>,
}

impl<'a> DraftWords<'a> {
    pub fn new(lower: &'a str) -> Self {
        DraftWords {
            lower,
            words: RefCell::default(),
            phrases: RefCell::default(),
            values: RefCell::default(),
        }
    }

    /// Whether `word` stands in the draft with no letter or digit on
    /// either side.
    pub fn has_word(&self, word: &'static str) -> bool {
        if let Some(&found) = self.words.borrow().get(word) {
            return found;
        }
        let lower = self.lower;
        let found = lower.match_indices(word).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        });
        self.words.borrow_mut().insert(word, found);
        found
    }

    /// Whether the draft contains `phrase` anywhere.
    pub fn contains(&self, phrase: &'static str) -> bool {
        *self
            .phrases
            .borrow_mut()
            .entry(phrase)
            .or_insert_with(|| self.lower.contains(phrase))
    }

    /// Whether `value` is among the values `compute` finds in the draft
    /// (computed once).
    pub fn has_value(&self, value: f64, compute: impl FnOnce(&str) -> Vec<f64>) -> bool {
        self.values.borrow_mut().get_or_insert_with(|| compute(self.lower)).contains(&value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::extract;
    use crate::segment::Lang;

    #[test]
    fn issue_12_draft_numbers_are_taken_by_value_in_text_order() {
        // `09.48` kept in Indonesian notation, then 9.48 and a time of 588
        // minutes (09:48): the source time 09:48 takes the notation first
        // (it comes first), then the time; by value alone, only the time.
        let text = "09.48 and 9.48 and 588";
        let mut mentions = extract(text, Lang::En);
        assert_eq!(mentions.len(), 3);
        mentions[2].kind = NumberKind::Time;
        let time = NumberMention {
            span: Span::default(),
            value: 588.0,
            kind: NumberKind::Time,
        };
        let slots = || mentions.iter().copied().map(Some).collect::<Vec<_>>();
        let mut numbers = DraftNumbers::new(slots(), text);
        assert!(numbers.take(&time, true));
        assert!(numbers.slots[0].is_none(), "the kept notation comes first in the text");
        assert!(numbers.take(&time, true));
        assert!(numbers.slots[2].is_none());
        assert!(!numbers.take(&time, true));
        let mut numbers = DraftNumbers::new(slots(), text);
        assert!(numbers.take(&time, false));
        assert!(
            numbers.slots[2].is_none() && numbers.slots[0].is_some(),
            "without times, notation does not count"
        );
    }

    #[test]
    fn issue_12_draft_numbers_agree_with_a_scan() {
        // Decades, plain numbers and decimals in every order: the index
        // takes what a scan in text order with `same_value` takes.
        let text = "the 1990s, 1990, 50, the 50s, 1950s, 2.5, 1990 and 2,5 and 90s";
        let draft = extract(text, Lang::En);
        let sources = extract("1990 50-an 1990-an 50 2,5 90-an 1990 2050-an", Lang::Id);
        let mut numbers = DraftNumbers::new(draft.iter().copied().map(Some).collect(), text);
        let mut scan: Vec<Option<NumberMention>> = draft.iter().copied().map(Some).collect();
        for source in &sources {
            let expected = scan.iter().position(|slot| slot.is_some_and(|t| t.same_value(source)));
            if let Some(idx) = expected {
                scan[idx] = None;
            }
            assert_eq!(numbers.take(source, false), expected.is_some(), "{source:?}");
            assert_eq!(numbers.slots, scan, "{source:?}");
        }
    }

    #[test]
    fn issue_12_containment_agrees_with_a_scan() {
        let spans = [Span::new(10, 30), Span::new(2, 4), Span::new(12, 40), Span::new(50, 51)];
        let index = Containment::new(spans);
        for start in 0..55 {
            for end in start..56 {
                let span = Span::new(start, end);
                let by_scan = spans.iter().any(|d| d.start <= span.start && span.end <= d.end);
                assert_eq!(index.contains(span), by_scan, "{span:?}");
            }
        }
    }
}
