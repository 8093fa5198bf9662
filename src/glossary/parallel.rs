//! Segmenting and matching at the same time: a text, a segmenter config and
//! a way to build the matcher in; the segmentation and the occurrences per
//! unit out, exactly as [`super::apply`] would give them.
//!
//! On a large text the three jobs (building the automaton, segmenting,
//! matching) are comparable in cost, and matching does not really need the
//! units: a term never contains the whitespace between two units in a way
//! the unit-by-unit search would accept. So a worker thread builds the
//! matcher and searches the text in pieces of about 64 KiB (cut after a
//! line break) while this thread segments; when segmentation is done this
//! thread waits for the matcher if need be and helps with the remaining
//! pieces. Then every hit is given to its unit ([`Searched`]; `counts`
//! visits them without making a list). Two cases are searched again unit by
//! unit, which makes the result identical to `apply`: a unit that a piece
//! cut runs through (a unit that wraps over lines), and a unit that a hit
//! runs out of (a term that spans a sentence boundary the segmenter chose,
//! such as `Jl. Sudirman` split after `Jl.`).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use super::apply::Occurrence;
use super::matcher::{Matcher, Scratch, TermHit};
use crate::error::Result;
use crate::segment::{Segmentation, SegmenterConfig, segment};
use crate::text::Span;

/// Bytes per piece of text searched as one job.
const PIECE_LEN: usize = 64 << 10;

/// Segments `text` with `config` and finds the terms of the matcher made by
/// `build_matcher` in every unit, using a second thread.
pub fn segment_and_apply(
    text: &str,
    config: SegmenterConfig,
    build_matcher: impl FnOnce() -> Result<Matcher> + Send,
) -> Result<(Matcher, Segmentation, Vec<Occurrence>)> {
    let searched = segment_and_search(text, config, build_matcher)?;
    let occurrences = searched.occurrences(text);
    Ok((searched.matcher, searched.segmentation, occurrences))
}

/// What [`segment_and_search`] gives back: the matcher, the segmentation,
/// and the hits of each piece of the text, not yet given to units.
#[derive(Debug)]
pub struct Searched {
    pub matcher: Matcher,
    pub segmentation: Segmentation,
    pieces: Vec<Span>,
    /// The hits of `pieces[i]`, in order.
    piece_hits: Vec<Vec<TermHit>>,
}

/// Segments `text` and searches it, as [`segment_and_apply`] does, but leaves
/// the occurrences to be visited one by one ([`Searched::for_each_occurrence`]):
/// counting terms in a large text then needs no list of them.
pub fn segment_and_search(text: &str, config: SegmenterConfig, build_matcher: impl FnOnce() -> Result<Matcher> + Send) -> Result<Searched> {
    let pieces = cut_pieces(text);
    let next_piece = AtomicUsize::new(0);
    // Set once by the worker: the matcher, or `None` when building it
    // failed (the worker then returns the error).
    let matcher_cell: OnceLock<Option<Matcher>> = OnceLock::new();
    let results: Mutex<Vec<(usize, Vec<TermHit>)>> = Mutex::new(Vec::with_capacity(pieces.len()));
    let search_pieces = |matcher: &Matcher| {
        let mut scratch = Scratch::default();
        let mut done = Vec::new();
        loop {
            let piece_idx = next_piece.fetch_add(1, Ordering::Relaxed);
            let Some(&piece) = pieces.get(piece_idx) else { break };
            let mut hits = Vec::new();
            matcher.find_in(text, piece, &mut scratch, &mut hits);
            done.push((piece_idx, hits));
        }
        results.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).extend(done);
    };
    let segmentation = std::thread::scope(|scope| {
        let worker = scope.spawn(|| -> Result<()> {
            // The cell is set on every way out, a panic included, so that
            // the waiting thread below always wakes.
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(build_matcher)) {
                Ok(Ok(matcher)) => {
                    let matcher = matcher_cell.get_or_init(|| Some(matcher)).as_ref().expect("just set");
                    search_pieces(matcher);
                    Ok(())
                }
                Ok(Err(error)) => {
                    matcher_cell.get_or_init(|| None);
                    Err(error)
                }
                Err(panic) => {
                    matcher_cell.get_or_init(|| None);
                    std::panic::resume_unwind(panic)
                }
            }
        });
        let segmentation = segment(text, config);
        // Segmenting usually ends first (a large glossary takes longer to
        // compile): wait for the matcher, then search the pieces left.
        if let Some(matcher) = matcher_cell.wait() {
            search_pieces(matcher);
        }
        worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        Ok::<_, crate::error::Error>(segmentation)
    })?;
    let matcher = matcher_cell
        .into_inner()
        .flatten()
        .expect("the worker either built the matcher or returned its error");
    let mut results = results.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
    results.sort_unstable_by_key(|(piece_idx, _)| *piece_idx);
    let piece_hits = results.into_iter().map(|(_, hits)| hits).collect();
    Ok(Searched {
        matcher,
        segmentation,
        pieces,
        piece_hits,
    })
}

impl Searched {
    /// Every occurrence, unit by unit, exactly as [`super::apply::apply`]
    /// gives them.
    pub fn occurrences(&self, text: &str) -> Vec<Occurrence> {
        let mut occurrences = Vec::with_capacity(self.piece_hits.iter().map(Vec::len).sum());
        self.for_each_occurrence(text, |occurrence| occurrences.push(occurrence));
        occurrences
    }

    /// Calls `visit` with every occurrence, in the order of
    /// [`Searched::occurrences`]. Each hit goes to the unit that holds it;
    /// units crossed by a piece cut or by a hit are searched again on their
    /// own.
    pub fn for_each_occurrence(&self, text: &str, mut visit: impl FnMut(Occurrence)) {
        let mut scratch = Scratch::default();
        let mut redo_hits = Vec::new();
        let mut piece_idx = 0;
        let mut hit_idx = 0;
        for (unit_idx, unit) in self.segmentation.units.iter().enumerate() {
            // The piece that holds the unit's start; hits never cross pieces.
            while piece_idx + 1 < self.pieces.len() && self.pieces[piece_idx].end <= unit.span.start {
                piece_idx += 1;
                hit_idx = 0;
            }
            let Some(piece) = self.pieces.get(piece_idx) else { return };
            let hits = &self.piece_hits[piece_idx];
            // Hits that end before this unit starts lie in no unit: they ran
            // across a unit boundary and are replaced by the searches below.
            while hit_idx < hits.len() && hits[hit_idx].span.end <= unit.span.start {
                hit_idx += 1;
            }
            let first_hit = hit_idx;
            while hit_idx < hits.len() && hits[hit_idx].span.start < unit.span.end {
                hit_idx += 1;
            }
            let unit_hits = &hits[first_hit..hit_idx];
            let cut_inside = unit.span.end > piece.end;
            let hit_outside = unit_hits
                .iter()
                .any(|hit| hit.span.start < unit.span.start || hit.span.end > unit.span.end);
            let occurrence = |hit: &TermHit| Occurrence {
                unit: unit.id,
                unit_idx,
                hit: *hit,
            };
            if cut_inside || hit_outside {
                redo_hits.clear();
                self.matcher.find_in(text, unit.span, &mut scratch, &mut redo_hits);
                redo_hits.iter().for_each(|hit| visit(occurrence(hit)));
            } else {
                unit_hits.iter().for_each(|hit| visit(occurrence(hit)));
            }
            // A hit that runs into the next unit must be seen there too.
            if hit_outside && hit_idx > first_hit && hits[hit_idx - 1].span.end > unit.span.end {
                hit_idx -= 1;
            }
        }
    }
}

/// Cuts `text` into pieces of about [`PIECE_LEN`] bytes, each ending after a
/// line break when one comes within another [`PIECE_LEN`] bytes, else after
/// a space (else after the next line break, else at the end).
///
/// Linear in the text: the next line break is looked for once and
/// remembered until a piece passes it, so a 200 MB line is not scanned to
/// its end again for each of its pieces.
fn cut_pieces(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::with_capacity(text.len() / PIECE_LEN + 1);
    // The first line break at or after the last position asked about
    // (`None`: there is none), valid while positions only grow.
    let mut known_newline: Option<Option<usize>> = None;
    let mut next_newline = |from: usize| -> Option<usize> {
        match known_newline {
            Some(None) => None,
            Some(Some(at)) if at >= from => Some(at),
            _ => {
                let found = memchr::memchr(b'\n', &bytes[from..]).map(|offset| from + offset);
                known_newline = Some(found);
                found
            }
        }
    };
    let mut start = 0;
    while start < text.len() {
        let wanted = start + PIECE_LEN;
        let end = if wanted >= text.len() {
            text.len()
        } else {
            next_newline(wanted)
                .filter(|&at| at - wanted < PIECE_LEN)
                .or_else(|| memchr::memchr(b' ', &bytes[wanted..]).map(|offset| wanted + offset))
                .or_else(|| next_newline(wanted))
                .map_or(text.len(), |at| at + 1)
        };
        pieces.push(Span::new(start, end));
        start = end;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::glossary::apply::{TermCounter, apply, counts};
    use crate::glossary::formats::{Reader, tsv};
    use crate::segment::ParagraphMode;

    fn matcher() -> Matcher {
        let glossary = tsv::read(
            "Korea Utara\tNorth Korea\nJl. Sudirman\tSudirman Street\nRusia\tRussia\n",
            &mut Reader::strict(Path::new("t.tsv")),
        )
        .unwrap();
        Matcher::new(glossary).unwrap()
    }

    #[test]
    fn same_result_as_unit_by_unit() {
        let paragraph = "Korea Utara dan Rusia bertemu. Kantor di Jl. Sudirman dekat Korea\nUtara.\n\n";
        let text = paragraph.repeat(4000);
        for paragraphs in [ParagraphMode::Auto, ParagraphMode::Blank, ParagraphMode::Lines] {
            let config = SegmenterConfig {
                paragraphs,
                ..SegmenterConfig::default()
            };
            let (matcher, segmentation, occurrences) = segment_and_apply(&text, config, || Ok(matcher())).unwrap();
            let expected = apply(&matcher, &text, &segmentation);
            assert!(!expected.is_empty());
            assert_eq!(occurrences, expected, "{paragraphs:?}");
        }
    }

    #[test]
    fn counting_as_they_come_gives_the_counts_of_the_list() {
        let paragraph = "Korea Utara dan Rusia bertemu. Kantor di Jl. Sudirman dekat Korea\nUtara.\n\n";
        let text = paragraph.repeat(4000);
        let searched = segment_and_search(&text, SegmenterConfig::default(), || Ok(matcher())).unwrap();
        let mut counter = TermCounter::new(&searched.matcher);
        let mut visited = 0;
        searched.for_each_occurrence(&text, |occurrence| {
            counter.add(&occurrence.hit);
            visited += 1;
        });
        let occurrences = apply(&searched.matcher, &text, &searched.segmentation);
        assert_eq!(visited, occurrences.len());
        assert_eq!(counter.finish(), counts(&searched.matcher, &occurrences));
    }

    #[test]
    fn matcher_errors_come_back() {
        let result = segment_and_apply("x", SegmenterConfig::default(), || Err(crate::error::Error::Usage("broken".into())));
        assert!(result.is_err());
    }

    #[test]
    fn a_panic_while_building_comes_back_instead_of_hanging() {
        let result = std::panic::catch_unwind(|| {
            let _ = segment_and_apply("Korea Utara.\n", SegmenterConfig::default(), || -> Result<Matcher> {
                panic!("broken")
            });
        });
        assert!(result.is_err());
    }

    #[test]
    fn issue_12_a_long_line_is_cut_near_each_wanted_length() {
        // One line of 4 MB: each piece ends after a space close to
        // `PIECE_LEN`, found without scanning to the end of the text.
        let text = "kata ".repeat(800_000);
        let pieces = cut_pieces(&text);
        assert!(pieces.len() > 50, "{}", pieces.len());
        assert_eq!(pieces.last().unwrap().end, text.len());
        for pair in pieces.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(pair[0].end - pair[0].start < PIECE_LEN + 8);
        }
        // A line break far away does not make one giant piece.
        let text = format!("{}\n", "kata ".repeat(800_000));
        assert!(cut_pieces(&text).len() > 50);
    }

    #[test]
    fn pieces_cover_the_text() {
        let text = "ab\n".repeat(50_000);
        let pieces = cut_pieces(&text);
        assert!(pieces.len() > 1);
        assert_eq!(pieces[0].start, 0);
        assert_eq!(pieces.last().unwrap().end, text.len());
        assert!(
            pieces
                .windows(2)
                .all(|w| w[0].end == w[1].start && text.as_bytes()[w[0].end - 1] == b'\n')
        );
    }
}
