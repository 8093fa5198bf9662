//! Projects: a translation repository described by `selaras.toml`.
//!
//! `selaras check` with no file arguments looks for `selaras.toml` in the
//! working directory and its parents (or takes `--config`). The file says
//! which glossaries to use, how source files pair with drafts, which paths to
//! ignore and how severe each rule is:
//!
//! ```toml
//! glossaries = ["glossary/project.tsv"]   # layered over the shipped ones
//! default_glossary = true                  # false = like --no-default-glossary
//! ignore = ["articles/archive/**"]
//! fail_on = "error"                        # error | warning | info | never
//! require_drafts = false                   # true = a source without its draft is an error
//!
//! [[pairs]]
//! source = "articles/*.id.txt"
//! target = "articles/{stem}.en.txt"       # {stem}: what * matched; {dir}: the source's folder
//!
//! [rules]
//! "entity.name" = "off"                   # off | info | warning | error
//! punct = "info"                          # a whole family
//! ```
//!
//! Paths are relative to the folder holding `selaras.toml`. A source file
//! whose draft does not exist yet is listed in `Expansion::without_draft`
//! (with the draft path looked for) rather than reported as an error:
//! untranslated articles are normal in a repository. The CLI names each
//! one, and `require_drafts = true` (or `--require-drafts`) makes them an
//! error for repositories where every source must be translated.
//!
//! Every name is checked when the file is read: unknown keys, levels and
//! rule ids (`[rules]`) are errors with their line and column, rule ids with
//! a suggestion (`did you mean "punct.whitespace"?`). A pair pattern that
//! matches no file at all is an error naming the pattern, so that a typo in
//! a pattern does not give a green `checked 0 pairs`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::check::CheckConfig;
use crate::error::{Error, Result};
use crate::finding::Severity;

/// The name looked for when discovering a project.
pub const FILE_NAME: &str = "selaras.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectFile {
    #[serde(default)]
    glossaries: Vec<String>,
    #[serde(default = "default_true")]
    default_glossary: bool,
    #[serde(default)]
    pairs: Vec<PairPattern>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
    fail_on: Option<String>,
    #[serde(default)]
    require_drafts: bool,
    /// `american` or `british`: the spelling glossary targets must use.
    spelling: Option<toml::Spanned<String>>,
}

fn default_true() -> bool {
    true
}

/// How source files map to drafts.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PairPattern {
    pub source: String,
    pub target: String,
}

/// A loaded project.
#[derive(Debug)]
pub struct Project {
    /// The folder holding `selaras.toml`; every path is relative to it.
    pub root: PathBuf,
    pub glossaries: Vec<PathBuf>,
    pub default_glossary: bool,
    pub pairs: Vec<PairPattern>,
    pub ignore: Vec<glob::Pattern>,
    pub check_config: CheckConfig,
    /// `None` = never fail.
    pub fail_on: Option<Severity>,
    /// A source file without its draft is an error, not a note.
    pub require_drafts: bool,
}

/// The pairs a project's patterns expand to.
#[derive(Debug, Default)]
pub struct Expansion {
    /// (source, draft) paths, sorted.
    pub pairs: Vec<(PathBuf, PathBuf)>,
    /// (source, the draft path looked for) of sources without a draft, sorted.
    pub without_draft: Vec<(PathBuf, PathBuf)>,
    /// Folders that could not be read while expanding the patterns: the
    /// run goes on with what was found and fails at the end.
    pub errors: Vec<Error>,
    /// Links to folders outside the project, not followed.
    pub outside: Vec<PathBuf>,
}

/// `selaras.toml` in `start` or the nearest parent folder that has one.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// The project file to use: `explicit` (`--config`), else `selaras.toml`
/// in the working directory or its nearest parent that has one.
/// `what_instead` completes the error message when there is none.
pub fn locate(explicit: Option<&Path>, what_instead: &str) -> Result<PathBuf> {
    if let Some(path) = explicit {
        return Ok(path.to_path_buf());
    }
    let here = std::env::current_dir().map_err(|source| Error::Io {
        path: PathBuf::from("."),
        source,
    })?;
    discover(&here).ok_or_else(|| Error::Usage(format!("no selaras.toml here or in a parent folder; {what_instead}")))
}

/// Parses a severity setting: `off` is `None`.
pub fn parse_level(text: &str) -> std::result::Result<Option<Severity>, String> {
    match text {
        "off" | "never" => Ok(None),
        other => Severity::parse(other)
            .map(Some)
            .ok_or_else(|| format!("unknown level {other:?} (use off, info, warning or error)")),
    }
}

impl Project {
    /// Reads and checks `path`.
    pub fn load(path: &Path) -> Result<Project> {
        // Invalid UTF-8 is reported with its byte, line and column, as for
        // every other input.
        let text = crate::input::read(path)?.text;
        let file: ProjectFile = toml::from_str(&text).map_err(|error| {
            let offset = error.span().map_or(0, |span| span.start);
            let position = crate::text::LineIndex::new(&text).line_col(&text, offset.min(text.len()));
            Error::Parse {
                path: path.to_path_buf(),
                line: position.line,
                column: position.column,
                message: error.message().to_string(),
            }
        })?;
        let parse_error = |message: String| Error::Parse {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message,
        };
        let error_at = |offset: usize, message: String| {
            let position = crate::text::LineIndex::new(&text).line_col(&text, offset.min(text.len()));
            Error::Parse {
                path: path.to_path_buf(),
                line: position.line,
                column: position.column,
                message,
            }
        };
        let root = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let root = if root.as_os_str().is_empty() { PathBuf::from(".") } else { root };
        let mut check_config = CheckConfig::default();
        for (rule, level) in &file.rules {
            let parsed = parse_level(level.get_ref())
                .map_err(|message| error_at(level.span().start, format!("[rules] {}: {message}", rule.get_ref())))?;
            check_config
                .set(rule.get_ref(), parsed)
                .map_err(|message| error_at(rule.span().start, format!("[rules] {message}")))?;
        }
        if let Some(spelling) = &file.spelling {
            check_config.spelling = Some(crate::glossary::english::Spelling::parse(spelling.get_ref()).ok_or_else(|| {
                error_at(
                    spelling.span().start,
                    format!("spelling: unknown spelling {:?} (use american or british)", spelling.get_ref()),
                )
            })?);
        }
        let fail_on = match &file.fail_on {
            None => Some(Severity::Error),
            Some(level) => parse_level(level).map_err(|message| parse_error(format!("fail_on: {message}")))?,
        };
        let ignore = file
            .ignore
            .iter()
            .map(|pattern| glob::Pattern::new(pattern).map_err(|error| parse_error(format!("ignore pattern {pattern:?}: {error}"))))
            .collect::<Result<Vec<_>>>()?;
        for pair in &file.pairs {
            // Patterns stay inside the project: no absolute source, no `..`
            // (a target's leading `/` already means the project root).
            crate::walk::check_inside(&pair.source).map_err(|message| parse_error(format!("pair source {message}")))?;
            crate::walk::check_inside(pair.target.trim_start_matches('/'))
                .map_err(|message| parse_error(format!("pair target {message}")))?;
            let file_name = pair.source.rsplit('/').next().unwrap_or_default();
            if file_name.matches('*').count() != 1 {
                return Err(parse_error(format!(
                    "pair source {:?} needs exactly one * in its file name",
                    pair.source
                )));
            }
        }
        Ok(Project {
            glossaries: file.glossaries.iter().map(|g| root.join(g)).collect(),
            root,
            default_glossary: file.default_glossary,
            pairs: file.pairs,
            ignore,
            check_config,
            fail_on,
            require_drafts: file.require_drafts,
        })
    }

    /// Every (source, draft) pair the patterns give, minus ignored paths.
    pub fn expand(&self) -> Result<Expansion> {
        let mut expansion = Expansion::default();
        for pattern in &self.pairs {
            let walked =
                crate::walk::expand(&self.root, &pattern.source).map_err(|message| Error::Usage(format!("pair source {message}")))?;
            // A folder that could not be read is reported on its own (the
            // run goes on); "matches no file" would hide it.
            let walk_failed = !walked.errors.is_empty();
            expansion.errors.extend(walked.errors);
            expansion.outside.extend(walked.outside);
            let paths = walked.files;
            let file_pattern = pattern.source.rsplit('/').next().unwrap_or_default();
            let (prefix, suffix) = file_pattern.split_once('*').unwrap_or((file_pattern, ""));
            let mut n_matched = 0;
            for source in paths {
                n_matched += 1;
                let relative = source.strip_prefix(&self.root).unwrap_or(&source).to_path_buf();
                if self.ignore.iter().any(|ignore| ignore.matches_path(&relative)) {
                    continue;
                }
                let file_name = relative.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let Some(stem) = file_name.strip_prefix(prefix).and_then(|rest| rest.strip_suffix(suffix)) else {
                    continue;
                };
                let dir = relative.parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
                let target_relative = pattern.target.replace("{stem}", stem).replace("{dir}", &dir);
                let target = self.root.join(target_relative.trim_start_matches('/'));
                if target.is_file() {
                    expansion.pairs.push((source, target));
                } else {
                    expansion.without_draft.push((source, target));
                }
            }
            if n_matched == 0 && !walk_failed {
                return Err(Error::Usage(format!(
                    "pair source pattern {:?} matches no file under {}",
                    pattern.source,
                    crate::error::display_path(&self.root)
                )));
            }
        }
        expansion.pairs.sort();
        expansion.pairs.dedup();
        expansion.without_draft.sort();
        Ok(expansion)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("selaras-project-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("articles/archive")).unwrap();
        dir
    }

    #[test]
    fn loads_discovers_and_expands() {
        let dir = scratch("expand");
        std::fs::write(
            dir.join(FILE_NAME),
            "glossaries = [\"g.tsv\"]\nignore = [\"articles/archive/**\"]\nfail_on = \"warning\"\n\n[[pairs]]\nsource = \"articles/*.id.txt\"\ntarget = \"articles/{stem}.en.txt\"\n\n[rules]\n\"entity.name\" = \"off\"\npunct = \"info\"\n",
        )
        .unwrap();
        for name in [
            "articles/a.id.txt",
            "articles/a.en.txt",
            "articles/b.id.txt",
            "articles/archive/c.id.txt",
            "articles/archive/c.en.txt",
        ] {
            std::fs::write(dir.join(name), "x").unwrap();
        }
        let found = discover(&dir.join("articles/archive")).unwrap();
        assert_eq!(found, dir.join(FILE_NAME));
        let project = Project::load(&found).unwrap();
        assert_eq!(project.fail_on, Some(Severity::Warning));
        assert_eq!(project.glossaries, vec![dir.join("g.tsv")]);
        assert_eq!(
            project.check_config.severity(crate::check::rule::ENTITY_NAME.id, Severity::Warning),
            None
        );
        assert_eq!(
            project.check_config.severity(crate::check::rule::PUNCT_QUOTES.id, Severity::Error),
            Some(Severity::Info)
        );
        let expansion = project.expand().unwrap();
        assert_eq!(
            expansion.pairs,
            vec![(dir.join("articles/a.id.txt"), dir.join("articles/a.en.txt"))]
        );
        assert_eq!(
            expansion.without_draft,
            vec![(dir.join("articles/b.id.txt"), dir.join("articles/b.en.txt"))]
        );
    }

    #[test]
    fn issue_13_a_pattern_matching_nothing_is_an_error() {
        let dir = scratch("nothing");
        std::fs::write(
            dir.join(FILE_NAME),
            "[[pairs]]\nsource = \"articles/*.id.txt\"\ntarget = \"articles/{stem}.en.txt\"\n\n[[pairs]]\nsource = \"artikel/*.id.txt\"\ntarget = \"artikel/{stem}.en.txt\"\n",
        )
        .unwrap();
        std::fs::write(dir.join("articles/a.id.txt"), "x").unwrap();
        let project = Project::load(&dir.join(FILE_NAME)).unwrap();
        let message = project.expand().unwrap_err().to_string();
        assert!(message.contains("\"artikel/*.id.txt\" matches no file"), "{message}");
    }

    #[test]
    fn issue_13_unknown_rules_are_refused_where_they_are_written() {
        let dir = scratch("rules");
        let path = dir.join(FILE_NAME);
        std::fs::write(&path, "fail_on = \"error\"\n\n[rules]\n\"punct.whitespce\" = \"off\"\n").unwrap();
        let message = Project::load(&path).unwrap_err().to_string();
        assert!(message.contains("selaras.toml:4:1"), "{message}");
        assert!(message.contains("did you mean `punct.whitespace`?"), "{message}");
        std::fs::write(&path, "[rules]\nnosuch = \"off\"\n").unwrap();
        let message = Project::load(&path).unwrap_err().to_string();
        assert!(
            message.contains("selaras.toml:2:1") && message.contains("unknown rule `nosuch`"),
            "{message}"
        );
        std::fs::write(&path, "require_drafts = true\n[rules]\npunct = \"info\"\n").unwrap();
        assert!(Project::load(&path).unwrap().require_drafts);
    }

    #[test]
    fn errors_name_the_file_and_position() {
        let dir = scratch("errors");
        let path = dir.join(FILE_NAME);
        std::fs::write(&path, "glossaries = [\"g.tsv\"]\nunknown_key = 1\n").unwrap();
        let message = Project::load(&path).unwrap_err().to_string();
        assert!(message.contains("selaras.toml:2:1"), "{message}");
        std::fs::write(&path, "[rules]\npunct = \"loud\"\n").unwrap();
        let message = Project::load(&path).unwrap_err().to_string();
        assert!(
            message.contains("unknown level") && message.contains("selaras.toml:2:9"),
            "{message}"
        );
        std::fs::write(&path, "[[pairs]]\nsource = \"a/b.txt\"\ntarget = \"c\"\n").unwrap();
        assert!(Project::load(&path).unwrap_err().to_string().contains("exactly one *"));
    }
}
