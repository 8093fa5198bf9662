//! Writes the glossary suggestions for a selaras project as the TSV that
//! `$DATA/terms/score.py` (development data) reads (`source<TAB>target<TAB>count`,
//! best first, one row per entry, alternatives in a fourth column), running
//! the same code path as `selaras glossary suggest` (the project's pairs
//! through the pipeline, then `suggest::suggest`).
//!
//! ```text
//! cargo run --release --example eval_suggest -- $DATA/terms/dev/selaras.toml --no-default-glossary > /tmp/suggest.tsv
//! python3 $DATA/terms/score.py $DATA/terms/dev/gold.tsv /tmp/suggest.tsv
//! ```

use std::path::PathBuf;

use selaras::pipeline::{Pipeline, PipelineOptions};
use selaras::project::Project;
use selaras::suggest::{PairBeads, SuggestConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut config_path = None;
    let mut with_shipped = true;
    let mut include_known = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--no-default-glossary" => with_shipped = false,
            "--include-known" => include_known = true,
            _ => config_path = Some(PathBuf::from(arg)),
        }
    }
    let config_path = config_path.ok_or("usage: eval_suggest SELARAS.TOML [--no-default-glossary] [--include-known]")?;
    let project = Project::load(&config_path)?;
    let glossary = selaras::glossary::load(&project.glossaries, with_shipped && project.default_glossary)?;
    let pipeline = Pipeline::new(glossary.clone(), PipelineOptions::default())?;
    let mut pairs = Vec::new();
    for (source, draft) in project.expand()?.pairs {
        let source_text = std::fs::read_to_string(&source)?;
        let draft_text = std::fs::read_to_string(&draft)?;
        let beads = pipeline.mining_input(&source_text, &draft_text).beads;
        pairs.push(PairBeads {
            path: source.display().to_string(),
            beads,
        });
    }
    let config = SuggestConfig {
        include_known,
        ..Default::default()
    };
    println!("source\ttarget\tcount\talternatives");
    for mined in selaras::suggest::mine(&pairs, &glossary, &config) {
        let s = &mined.suggestion;
        if s.known && !include_known {
            continue;
        }
        let alternatives: Vec<String> = s.alternatives.iter().map(|a| format!("{}:{}", a.target, a.count)).collect();
        println!(
            "{}\t{}\t{}\t{}/{} score {:.2} weight {:.2} {}",
            s.source,
            s.target,
            s.count,
            s.count,
            s.occurrences,
            mined.score,
            mined.weight,
            alternatives.join(" | ")
        );
    }
    Ok(())
}
