//! One configuration for every command: `check`, `diff` and `export xliff`
//! read the same `selaras.toml` (the one `--config` names, else the nearest
//! in the working directory or a parent folder) and apply the same flags on
//! top of it, so that a rule turned off in `[rules]` is off in the diff view
//! and in the exported notes too.
//!
//! Precedence: the shipped defaults, then the project file, then the
//! command-line flags (`-g` adds glossaries after the project's,
//! `--no-default-glossary` and `--rule` override). Without a project file
//! the defaults apply, except where a command needs a project (`selaras
//! check` with no files).

use std::path::{Path, PathBuf};

use selaras::Error;
use selaras::check::CheckConfig;
use selaras::finding::Severity;
use selaras::project::{self, Project};

/// The configuration a command runs with.
#[derive(Debug)]
pub struct Config {
    /// The project file, when there is one.
    pub project: Option<Project>,
    pub check: CheckConfig,
    pub glossaries: Vec<PathBuf>,
    pub default_glossary: bool,
    /// `None` = never fail.
    pub fail_on: Option<Severity>,
    pub require_drafts: bool,
}

impl Config {
    /// The project's configuration: the file `explicit` names, else the
    /// nearest `selaras.toml`, else the defaults.
    pub fn discover(explicit: Option<&Path>) -> Result<Config, Error> {
        let path = match explicit {
            Some(path) => Some(path.to_path_buf()),
            None => {
                let here = std::env::current_dir().map_err(|source| Error::Io {
                    path: PathBuf::from("."),
                    source,
                })?;
                project::discover(&here)
            }
        };
        match path {
            Some(path) => Ok(Config::of(Project::load(&path)?)),
            None => Ok(Config {
                project: None,
                check: CheckConfig::default(),
                glossaries: Vec::new(),
                default_glossary: true,
                fail_on: Some(Severity::Error),
                require_drafts: false,
            }),
        }
    }

    /// The configuration of a command that needs a project: the file
    /// `explicit` names, else the nearest `selaras.toml`; `what_instead`
    /// ends the error message when there is none.
    pub fn project(explicit: Option<&Path>, what_instead: &str) -> Result<Config, Error> {
        let path = project::locate(explicit, what_instead)?;
        Ok(Config::of(Project::load(&path)?))
    }

    fn of(project: Project) -> Config {
        Config {
            check: project.check_config.clone(),
            glossaries: project.glossaries.clone(),
            default_glossary: project.default_glossary,
            fail_on: project.fail_on,
            require_drafts: project.require_drafts,
            project: Some(project),
        }
    }

    /// Applies the glossary flags of a command: `-g` files come after the
    /// project's, `--no-default-glossary` turns the shipped ones off.
    pub fn glossary_flags(&mut self, glossaries: &[PathBuf], no_default_glossary: bool) {
        self.glossaries.extend(glossaries.iter().cloned());
        if no_default_glossary {
            self.default_glossary = false;
        }
    }

    /// Applies `--rule RULE=LEVEL` settings; an unknown rule or level is a
    /// usage error with a suggestion.
    pub fn rule_flags(&mut self, settings: &[String]) -> Result<(), Error> {
        for setting in settings {
            let (rule, level) = setting
                .split_once('=')
                .ok_or_else(|| Error::Usage(format!("--rule {setting}: write RULE=LEVEL")))?;
            let level = project::parse_level(level).map_err(|message| Error::Usage(format!("--rule {setting}: {message}")))?;
            self.check
                .set(rule, level)
                .map_err(|message| Error::Usage(format!("--rule {setting}: {message}")))?;
        }
        Ok(())
    }

    /// Applies `--fail-on LEVEL` (`error`, `warning`, `info` or `never`).
    pub fn fail_on_flag(&mut self, level: Option<&str>) -> Result<(), Error> {
        if let Some(level) = level {
            self.fail_on = project::parse_level(level).map_err(|message| Error::Usage(format!("--fail-on: {message}")))?;
        }
        Ok(())
    }

    /// The folder report paths are relative to: the project root in project
    /// mode, else the working directory.
    pub fn project_root(&self) -> Option<&Path> {
        self.project.as_ref().map(|project| project.root.as_path())
    }
}
