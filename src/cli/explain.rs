//! `selaras explain [RULE]`: what a rule checks, its default severity and
//! examples; without RULE, the list of rules.

use selaras::Error;
use selaras::check::registry::resolve_rule_name;
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
        Some(wanted) => {
            // The same names, and the same suggestion for a typo, as
            // `--rule` and `[rules]`.
            let wanted = resolve_rule_name(wanted).map_err(Error::Usage)?;
            rules()
                .iter()
                .filter(|info| info.id.as_str() == wanted || info.id.family() == wanted)
                .collect()
        }
    };
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
