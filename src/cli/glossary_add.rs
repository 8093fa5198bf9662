//! `selaras glossary add SOURCE TARGET [--admitted|--forbidden] [--note TEXT] [-g FILE] [--force]`
//!
//! Adds one term to the project's TSV glossary (or `-g FILE`, created if
//! missing) with `glossary::add`, keeps the file sorted, and lints the
//! result against the layers below it before writing it (atomically): a
//! conflict, or a lint warning or error the addition would bring, is
//! refused (exit 2) unless `--force`.
//!
//! Which file: `-g FILE`; else the project's (`selaras.toml`) one TSV
//! glossary. CSV, TBX and JSON glossaries are not edited (their columns and
//! markup are the CAT tool's): convert with `glossary convert --to tsv`, or
//! keep a TSV file for terms added here.

use std::path::{Path, PathBuf};

use selaras::Error;
use selaras::glossary::add::{self, Addition, Kind, Refusal};
use selaras::glossary::formats::Format;
use selaras::glossary::lint::{Severity, lint_files};
use selaras::glossary::{self, Glossary};

use super::super::Outcome;
use super::super::config::Config;
use super::super::output::write_to;

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The Indonesian term, as the source writes it.
    source: String,
    /// Its English (preferred unless --admitted or --forbidden).
    target: String,
    /// Accept TARGET besides the preferred translation.
    #[arg(long, conflicts_with = "forbidden")]
    admitted: bool,
    /// Forbid TARGET as a translation of SOURCE.
    #[arg(long)]
    forbidden: bool,
    /// A note for the comment column (why, where from).
    #[arg(long)]
    note: Option<String>,
    /// The TSV glossary to add to (created if missing); default: the
    /// project's TSV glossary.
    #[arg(short = 'g', long = "glossary", value_name = "FILE")]
    glossary: Option<PathBuf>,
    /// Add even if the term conflicts with what the file or an earlier
    /// glossary says, or lint would warn: the new word wins.
    #[arg(long)]
    force: bool,
    /// Do not check against the glossaries shipped with selaras.
    #[arg(long)]
    no_default_glossary: bool,
    /// The project file (default: `selaras.toml` here or in a parent folder).
    #[arg(long)]
    config: Option<PathBuf>,
}

pub fn add(args: AddArgs) -> Result<Outcome, Error> {
    let config = Config::discover(args.config.as_deref())?;
    let path = match &args.glossary {
        Some(path) => path.clone(),
        None => project_tsv(&config)?,
    };
    if Format::from_path(&path).ok() != Some(Format::Tsv) {
        return Err(Error::Usage(format!(
            "{}: glossary add writes TSV glossaries only; convert with `selaras glossary convert --to tsv`, or add to a TSV file with -g",
            path.display()
        )));
    }
    let exists = path.exists();
    let text = if exists {
        selaras::input::read(&path)?.text
    } else {
        add::new_file_header()
    };
    // The layers below the file: the shipped glossaries, then the project's
    // glossaries listed before it.
    let with_shipped = config.default_glossary && !args.no_default_glossary;
    let below: Vec<PathBuf> = config.glossaries.iter().take_while(|p| !same_file(p, &path)).cloned().collect();
    let earlier = glossary::load(&below, with_shipped)?;
    let kind = match (args.admitted, args.forbidden) {
        (true, _) => Kind::Admitted,
        (_, true) => Kind::Forbidden,
        _ => Kind::Preferred,
    };
    let addition = Addition {
        source: args.source.clone(),
        target: args.target.clone(),
        kind,
        note: args.note.clone(),
    };
    let plan = match add::plan(&text, &addition, Some(&earlier), args.force) {
        Ok(plan) => plan,
        Err(Refusal::BadField(message)) => return Err(Error::Usage(message)),
        Err(Refusal::Conflict(conflicts)) => {
            return Err(Error::Usage(format!(
                "{}: not added: {}; --force adds it anyway",
                path.display(),
                conflicts.join("; ")
            )));
        }
    };
    let shown = path.display();
    if plan.unchanged {
        eprintln!(
            "{shown}: already has {} → {}; nothing to do",
            args.source.trim(),
            args.target.trim()
        );
        return Ok(Outcome::Clean);
    }
    // Lint what would be written, as a layer over the same glossaries, and
    // refuse problems the addition brings.
    let new_problems = lint_delta(&path, exists, &text, &plan.text, &earlier)?;
    let blocking: Vec<&String> = new_problems
        .iter()
        .filter(|(severity, _)| *severity >= Severity::Warning)
        .map(|(_, m)| m)
        .collect();
    if !blocking.is_empty() && !args.force {
        return Err(Error::Usage(format!(
            "{shown}: not added: glossary lint would report {}; --force adds it anyway",
            blocking.iter().map(|m| m.as_str()).collect::<Vec<_>>().join("; ")
        )));
    }
    write_to(Some(&path), |out| out.write_all(plan.text.as_bytes()))?;
    for removed in &plan.removed {
        eprintln!("{shown}: removed `{}`", removed.replace('\t', " → ").trim_end_matches(" → "));
    }
    for overridden in &plan.overridden {
        eprintln!("{shown}: note: {overridden} (--force)");
    }
    for (_, message) in &new_problems {
        eprintln!("{shown}: lint: {message}");
    }
    let what = match kind {
        Kind::Preferred => "preferred",
        Kind::Admitted => "admitted",
        Kind::Forbidden => "forbidden",
    };
    let lines: Vec<String> = plan.lines.iter().map(usize::to_string).collect();
    eprintln!(
        "{shown}:{}: added {} → {} ({what}){}",
        lines.join(","),
        args.source.trim(),
        args.target.trim(),
        if exists { "" } else { " to a new glossary" }
    );
    if config.project.is_some() && !config.glossaries.iter().any(|p| same_file(p, &path)) {
        eprintln!("note: the project does not list {shown}; add it to `glossaries` in selaras.toml for check to use it");
    }
    Ok(Outcome::Clean)
}

/// The project's one TSV glossary.
fn project_tsv(config: &Config) -> Result<PathBuf, Error> {
    let tsv: Vec<&PathBuf> = config
        .glossaries
        .iter()
        .filter(|p| Format::from_path(p).ok() == Some(Format::Tsv))
        .collect();
    match tsv.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Error::Usage(
            "no project TSV glossary to add to: name the file with -g FILE (it is created if missing)".into(),
        )),
        several => Err(Error::Usage(format!(
            "the project has {} TSV glossaries ({}): name one with -g FILE",
            several.len(),
            several.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        ))),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The lint problems (severity, `code: message`) of `after` that `before`
/// did not have, each file linted as a layer over `below`.
fn lint_delta(path: &Path, exists: bool, before: &str, after: &str, base: &Glossary) -> Result<Vec<(Severity, String)>, Error> {
    let dir = std::env::temp_dir().join(format!("selaras-glossary-add-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|source| Error::Io { path: dir.clone(), source })?;
    let name = path.file_name().map_or_else(|| "glossary.tsv".into(), |n| n.to_os_string());
    let lint = |text: &str| -> Result<Vec<(Severity, String)>, Error> {
        let file = dir.join(&name);
        std::fs::write(&file, text).map_err(|source| Error::Io {
            path: file.clone(),
            source,
        })?;
        let problems = lint_files(std::slice::from_ref(&file), Some(base));
        Ok(problems
            .into_iter()
            .map(|p| (p.severity, format!("{}: {}", p.code, p.message)))
            .collect())
    };
    let mut old = if exists { lint(before)? } else { Vec::new() };
    let new = lint(after)?;
    let _ = std::fs::remove_dir_all(&dir);
    let mut added = Vec::new();
    for problem in new {
        match old.iter().position(|p| *p == problem) {
            Some(idx) => {
                old.swap_remove(idx);
            }
            None => added.push(problem),
        }
    }
    Ok(added)
}
