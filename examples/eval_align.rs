//! Evaluates the sentence aligner on gold alignment sets.
//!
//! ```text
//! cargo run --release --example eval_align -- GOLD.jsonl [GOLD.jsonl…] [--pred OUT.jsonl] [-g GLOSSARY]… [--shipped] [--param NAME=VALUE]…
//! ```
//!
//! Each line of a gold file is one document (`shared/data/alignment/README.md`):
//! the aligner gets the gold sentences (`source_sents`, `target_sents`) and
//! paragraphs (`source_para`, `target_para`), as `selaras align --segmented`
//! would, and its beads are scored with the definitions of that folder's
//! `score.py`, reimplemented here: strict bead P/R/F1 (null beads included),
//! strict over non-null beads, lax link P/R/F1, the Text+Berg "pub"
//! conventions, and recall per gold bead type. `--pred` writes predictions
//! in `score.py`'s format (one file for all inputs) for cross-checking;
//! `--param` overrides an `AlignerConfig` field, for tuning; `-g` adds the
//! term pairs of a glossary (any format `check -g` reads, through the same
//! loader) as anchors, and `--shipped` those of the shipped glossaries, as
//! `check`, `diff` and `export` align with by default.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;

use selaras::align::{AlignUnit, Aligner, AlignerConfig, TermPairs, mark_repeated_runs};
use serde::Deserialize;

#[derive(Deserialize)]
struct Doc {
    id: String,
    source_sents: Vec<String>,
    target_sents: Vec<String>,
    source_para: Vec<u32>,
    target_para: Vec<u32>,
    gold: Vec<(Vec<usize>, Vec<usize>)>,
}

type BeadKey = (Vec<usize>, Vec<usize>);

/// Counts summed over documents (micro-averaging), named as in `score.py`.
#[derive(Default)]
struct Counts {
    docs: usize,
    exact_docs: usize,
    s_tp: usize,
    s_p: usize,
    s_g: usize,
    n_tp: usize,
    n_p: usize,
    n_g: usize,
    l_tp: usize,
    l_p: usize,
    l_g: usize,
    ps: usize,
    pl: usize,
    pn: usize,
    rs: usize,
    rl: usize,
    rn: usize,
    /// Gold bead type → (gold, found).
    by_type: BTreeMap<String, (usize, usize)>,
    /// Predicted bead type → (predicted, correct).
    predicted_by_type: BTreeMap<String, (usize, usize)>,
    /// Scores of predicted beads that are right and wrong (strict).
    right_scores: Vec<f32>,
    wrong_scores: Vec<f32>,
    /// Highest score of any bead when the draft is the source copied.
    copied_max: f32,
    copied_sum: f64,
    copied_n: usize,
}

fn links(beads: &[BeadKey]) -> HashSet<(usize, usize)> {
    beads
        .iter()
        .flat_map(|(s, t)| s.iter().flat_map(move |&i| t.iter().map(move |&j| (i, j))))
        .collect()
}

/// `score.py`'s `_pub_counts`: (strict hits, lax hits, n) of `test` judged against `gold`.
fn pub_counts(gold: &[BeadKey], test: &[BeadKey]) -> (usize, usize, usize) {
    let gold_set: HashSet<&BeadKey> = gold.iter().collect();
    let gold_links = links(gold);
    let (mut strict, mut lax, mut n) = (0, 0, 0);
    let test_set: HashSet<&BeadKey> = test.iter().collect();
    for bead in test_set {
        if bead.0.is_empty() && bead.1.is_empty() {
            continue;
        }
        n += 1;
        if gold_set.contains(bead) {
            strict += 1;
            lax += 1;
        } else if bead.0.iter().any(|&i| bead.1.iter().any(|&j| gold_links.contains(&(i, j)))) {
            lax += 1;
        }
    }
    (strict, lax, n)
}

impl Counts {
    fn add(&mut self, gold: &[BeadKey], pred: &[BeadKey]) {
        self.docs += 1;
        let gold_set: HashSet<&BeadKey> = gold.iter().collect();
        let pred_set: HashSet<&BeadKey> = pred.iter().filter(|b| !b.0.is_empty() || !b.1.is_empty()).collect();
        self.s_tp += gold_set.intersection(&pred_set).count();
        self.s_p += pred_set.len();
        self.s_g += gold_set.len();
        let non_null = |set: &HashSet<&BeadKey>| -> HashSet<BeadKey> {
            set.iter()
                .filter(|b| !b.0.is_empty() && !b.1.is_empty())
                .map(|b| (*b).clone())
                .collect()
        };
        let (gold_nn, pred_nn) = (non_null(&gold_set), non_null(&pred_set));
        self.n_tp += gold_nn.intersection(&pred_nn).count();
        self.n_p += pred_nn.len();
        self.n_g += gold_nn.len();
        let (gold_links, pred_links) = (links(gold), links(pred));
        self.l_tp += gold_links.intersection(&pred_links).count();
        self.l_p += pred_links.len();
        self.l_g += gold_links.len();
        let (a, b, n) = pub_counts(gold, pred);
        self.ps += a;
        self.pl += b;
        self.pn += n;
        let gold_nn_list: Vec<BeadKey> = gold.iter().filter(|b| !b.0.is_empty() && !b.1.is_empty()).cloned().collect();
        let pred_nn_list: Vec<BeadKey> = pred.iter().filter(|b| !b.0.is_empty() && !b.1.is_empty()).cloned().collect();
        let (a, b, n) = pub_counts(&pred_nn_list, &gold_nn_list);
        self.rs += a;
        self.rl += b;
        self.rn += n;
        if gold_set == pred_set {
            self.exact_docs += 1;
        }
        for bead in &gold_set {
            let entry = self.by_type.entry(format!("{}-{}", bead.0.len(), bead.1.len())).or_default();
            entry.0 += 1;
            entry.1 += usize::from(pred_set.contains(bead));
        }
        for bead in &pred_set {
            let entry = self
                .predicted_by_type
                .entry(format!("{}-{}", bead.0.len(), bead.1.len()))
                .or_default();
            entry.0 += 1;
            entry.1 += usize::from(gold_set.contains(bead));
        }
    }

    fn add_scores(&mut self, gold: &[BeadKey], pred: &[BeadKey], scores: &[f32]) {
        let gold_set: HashSet<&BeadKey> = gold.iter().collect();
        for (bead, &score) in pred.iter().zip(scores) {
            if gold_set.contains(bead) {
                self.right_scores.push(score);
            } else {
                self.wrong_scores.push(score);
            }
        }
    }

    fn add_copied(&mut self, scores: &[f32]) {
        for &score in scores {
            self.copied_max = self.copied_max.max(score);
            self.copied_sum += f64::from(score);
            self.copied_n += 1;
        }
    }

    fn print(&self, name: &str) {
        let prf = |tp: usize, np: usize, ng: usize| {
            let p = if np > 0 { tp as f64 / np as f64 } else { 0.0 };
            let r = if ng > 0 { tp as f64 / ng as f64 } else { 0.0 };
            let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
            (p, r, f)
        };
        println!("== {name}");
        println!("docs {} (missing 0, invalid 0, exact {})", self.docs, self.exact_docs);
        for (label, (tp, np, ng)) in [
            ("strict   ", (self.s_tp, self.s_p, self.s_g)),
            ("strict_nn", (self.n_tp, self.n_p, self.n_g)),
            ("lax      ", (self.l_tp, self.l_p, self.l_g)),
        ] {
            let (p, r, f) = prf(tp, np, ng);
            println!("{label} P {p:.4} R {r:.4} F1 {f:.4}");
        }
        for (label, (hit_p, hit_r)) in [("pub_strict", (self.ps, self.rs)), ("pub_lax", (self.pl, self.rl))] {
            let p = if self.pn > 0 { hit_p as f64 / self.pn as f64 } else { 0.0 };
            let r = if self.rn > 0 { hit_r as f64 / self.rn as f64 } else { 0.0 };
            let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
            println!("{label:10}P {p:.4} R {r:.4} F1 {f:.4}");
        }
        let mean = |v: &[f32]| v.iter().map(|&x| f64::from(x)).sum::<f64>() / v.len().max(1) as f64;
        let below = |v: &[f32]| v.iter().filter(|&&x| x < 0.5).count();
        println!(
            "score: right beads mean {:.3} ({} below 0.5 of {}), wrong beads mean {:.3} ({} below 0.5 of {}); copied-source draft mean {:.3} max {:.3}",
            mean(&self.right_scores),
            below(&self.right_scores),
            self.right_scores.len(),
            mean(&self.wrong_scores),
            below(&self.wrong_scores),
            self.wrong_scores.len(),
            self.copied_sum / self.copied_n.max(1) as f64,
            self.copied_max
        );
        for (shape, (gold, found)) in &self.by_type {
            let predicted = self.predicted_by_type.get(shape).copied().unwrap_or_default();
            println!(
                "  gold {shape}: {found}/{gold} (recall {:.3}; predicted {}, precision {:.3})",
                *found as f64 / (*gold).max(1) as f64,
                predicted.0,
                predicted.1 as f64 / predicted.0.max(1) as f64
            );
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    let mut pred_path = None;
    let mut config = AlignerConfig::default();
    let mut glossaries = Vec::new();
    let mut shipped = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--pred" => pred_path = Some(args.next().ok_or("--pred needs a path")?),
            "-g" => glossaries.push(std::path::PathBuf::from(args.next().ok_or("-g needs a glossary")?)),
            "--shipped" => shipped = true,
            "--param" => {
                let setting = args.next().ok_or("--param needs NAME=VALUE")?;
                let (name, value) = setting.split_once('=').ok_or("--param needs NAME=VALUE")?;
                if !config.set(name, value.parse()?) {
                    return Err(format!("unknown parameter {name}").into());
                }
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        return Err("usage: eval_align GOLD.jsonl… [--pred OUT.jsonl] [-g GLOSSARY]… [--shipped] [--param NAME=VALUE]…".into());
    }
    let glossary = selaras::glossary::load(&glossaries, shipped)?;
    let terms = TermPairs::from_glossary(&glossary);
    eprintln!("{} glossary term pairs", terms.len());
    let aligner = Aligner::new(config, terms);
    let mut pred_out = match &pred_path {
        Some(path) => Some(std::io::BufWriter::new(std::fs::File::create(path)?)),
        None => None,
    };
    let mut total = Counts::default();
    let started = std::time::Instant::now();
    for file in &files {
        let mut counts = Counts::default();
        for line in std::fs::read_to_string(file)?.lines().filter(|l| !l.trim().is_empty()) {
            let doc: Doc = serde_json::from_str(line)?;
            let source = to_units(&doc.source_sents, &doc.source_para);
            let target = to_units(&doc.target_sents, &doc.target_para);
            let beads = aligner.align(&source, &target);
            let pred: Vec<BeadKey> = beads
                .iter()
                .map(|b| (b.source.clone().collect(), b.target.clone().collect()))
                .collect();
            let scores: Vec<f32> = beads.iter().map(|b| b.score).collect();
            counts.add(&doc.gold, &pred);
            total.add(&doc.gold, &pred);
            counts.add_scores(&doc.gold, &pred, &scores);
            total.add_scores(&doc.gold, &pred, &scores);
            // The same source with itself as the draft: an untranslated draft.
            let copied: Vec<f32> = aligner.align(&source, &source).iter().map(|b| b.score).collect();
            counts.add_copied(&copied);
            total.add_copied(&copied);
            if let Some(out) = pred_out.as_mut() {
                serde_json::to_writer(&mut *out, &serde_json::json!({"id": doc.id, "beads": pred}))?;
                out.write_all(b"\n")?;
            }
        }
        counts.print(file);
    }
    if files.len() > 1 {
        total.print("all files");
    }
    eprintln!("aligned in {:.2?}", started.elapsed());
    Ok(())
}

/// The aligner's view of gold sentences, with repeated runs marked as for
/// `--segmented` input.
fn to_units<'a>(sents: &'a [String], paras: &[u32]) -> Vec<AlignUnit<'a>> {
    let mut units: Vec<AlignUnit<'a>> = sents
        .iter()
        .zip(paras)
        .map(|(text, &paragraph)| AlignUnit {
            text,
            paragraph: paragraph + 1,
            repeat_of: None,
        })
        .collect();
    mark_repeated_runs(&mut units);
    units
}
