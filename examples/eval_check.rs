//! False alarms of `selaras check` on faithful translations: runs the whole
//! pipeline on the clean alignment sets (`$DATA/alignment/*.clean.jsonl` of the development data,
//! UD Indonesian GSD and CSUI with their English translations, CC BY-SA 4.0)
//! as pre-segmented pairs and counts findings per rule. The English sides are
//! translations of the source sentences, so every error or warning here is a
//! false alarm or a real slip of the translation; the counts are reported per
//! 1,000 source sentences.
//!
//! ```text
//! cargo run --release --example eval_check -- $DATA/alignment/csui-train.clean.jsonl [--show RULE]
//! ```

use std::collections::BTreeMap;

use selaras::finding::Severity;
use selaras::pipeline::{Pipeline, PipelineOptions};

#[derive(serde::Deserialize)]
struct Doc {
    id: String,
    source_sents: Vec<String>,
    target_sents: Vec<String>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    let mut show: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--show" {
            show = args.next();
        } else {
            files.push(arg);
        }
    }
    let options = PipelineOptions {
        segmented: true,
        ..Default::default()
    };
    let pipeline = Pipeline::new(selaras::glossary::builtin().clone(), options)?;
    for file in &files {
        let mut per_rule: BTreeMap<&'static str, (Severity, usize)> = BTreeMap::new();
        let mut n_sentences = 0usize;
        for line in std::fs::read_to_string(file)?.lines().filter(|l| !l.trim().is_empty()) {
            let doc: Doc = serde_json::from_str(line)?;
            n_sentences += doc.source_sents.len();
            let source = doc.source_sents.join("\n");
            let target = doc.target_sents.join("\n");
            let checked = pipeline.run(&source, &target);
            for finding in &checked.findings {
                let entry = per_rule.entry(finding.rule.as_str()).or_insert((finding.severity, 0));
                entry.1 += 1;
                if show.as_deref() == Some(finding.rule.as_str()) {
                    let source_text = finding.source.as_ref().map(|l| l.span.slice(&source)).unwrap_or_default();
                    let target_text = finding.target.as_ref().map(|l| l.span.slice(&target)).unwrap_or_default();
                    println!(
                        "{} {}: {}\n  id: {}\n  en: {}",
                        doc.id, finding.rule, finding.message, source_text, target_text
                    );
                }
            }
        }
        let per_thousand = |n: usize| n as f64 * 1000.0 / n_sentences.max(1) as f64;
        let (mut errors, mut warnings) = (0, 0);
        println!("{file}: {n_sentences} source sentences");
        for (rule, (severity, count)) in &per_rule {
            println!(
                "  {rule:<20} {severity:<8} {count:>5}  ({:.1} per 1,000 sentences)",
                per_thousand(*count)
            );
            match severity {
                Severity::Error => errors += count,
                Severity::Warning => warnings += count,
                Severity::Info => {}
            }
        }
        println!(
            "  errors {errors} ({:.1}/1,000), warnings {warnings} ({:.1}/1,000)",
            per_thousand(errors),
            per_thousand(warnings)
        );
    }
    Ok(())
}
