//! `selaras explain [RULE]`: what a rule checks, its default severity and
//! examples; without RULE, the list of rules.

use selaras::Error;
use selaras::check::rules;

use super::Outcome;
use super::output::write_to;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A rule id (`calendar.changed`) or family (`calendar`); omit to list all rules.
    rule: Option<String>,
}

pub fn run(args: Args) -> Result<Outcome, Error> {
    let selected: Vec<_> = match &args.rule {
        None => rules().iter().collect(),
        Some(wanted) => rules()
            .iter()
            .filter(|info| info.id.as_str() == wanted || info.id.family() == wanted)
            .collect(),
    };
    if selected.is_empty() {
        let known: Vec<&str> = rules().iter().map(|info| info.id.as_str()).collect();
        return Err(Error::Usage(format!(
            "unknown rule {:?}; known rules: {}",
            args.rule.unwrap_or_default(),
            known.join(", ")
        )));
    }
    let list_only = args.rule.is_none();
    write_to(None, |out| {
        for info in &selected {
            if list_only {
                writeln!(out, "{:<20} {:<8} {}", info.id, info.severity, info.summary)?;
            } else {
                writeln!(
                    out,
                    "{} ({} by default)\n\n{}\n\n{}\n",
                    info.id, info.severity, info.summary, info.explanation
                )?;
            }
        }
        Ok(())
    })?;
    Ok(Outcome::Clean)
}
