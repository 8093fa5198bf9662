//! Path patterns expanded inside one folder: a project's pair patterns
//! (`articles/*.id.txt`, `**/*.id.txt`) in, the files they match and the
//! problems met on the way out.
//!
//! The syntax is the `glob` crate's (`*`, `?` and `[…]` inside one path
//! component, `**` for any number of folders), and so is the meaning, with
//! three differences that keep a walk finite and inside the project:
//!
//! * A pattern must be relative and free of `..`
//!   ([`check_inside`]); `/**` or `../../*` are errors naming the pattern.
//! * Links to folders are followed only while they lead inside the root
//!   (a link to a folder elsewhere is listed in [`Walked::outside`] and not
//!   entered), and a folder is entered at most once per position in the
//!   pattern, so `loop -> .` or `articles/loop -> ..` end the walk instead
//!   of repeating it forever. A link to a single file is followed wherever
//!   it leads: it is one file, named by the user.
//! * A folder that cannot be read is an error in [`Walked::errors`] rather
//!   than silently skipped; the walk goes on with the rest.
//!
//! Only the folders a pattern can reach are read: its literal leading
//! components are joined, not searched, and below them a component
//! without `**` reads one folder level.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// What [`expand`] found.
#[derive(Debug, Default)]
pub struct Walked {
    /// Matching files (the root joined with their relative path), sorted.
    pub files: Vec<PathBuf>,
    /// Folders or files that could not be read.
    pub errors: Vec<Error>,
    /// Symbolic links that lead outside the root, not followed.
    pub outside: Vec<PathBuf>,
}

/// An error message when `pattern` could reach outside the folder it is
/// relative to: an absolute path, or a `..` component.
pub fn check_inside(pattern: &str) -> Result<(), String> {
    let path = Path::new(pattern);
    if path.has_root() || path.is_absolute() || pattern.starts_with('/') || pattern.starts_with('\\') {
        return Err(format!(
            "{pattern:?} is an absolute path; patterns are relative to the folder of selaras.toml"
        ));
    }
    if pattern.split(['/', '\\']).any(|component| component == "..") {
        return Err(format!(
            "{pattern:?} leads outside the project with `..`; patterns must stay inside the folder of selaras.toml"
        ));
    }
    Ok(())
}

/// One component of a pattern.
enum Step {
    Literal(String),
    Pattern(glob::Pattern),
    /// `**`: this folder and every folder below it.
    AnyDepth,
}

/// The files under `root` that `pattern` matches. Errors in the pattern
/// itself (`[` unclosed, `**` glued to a name, outside the root) are
/// returned as the message for the caller to place.
pub fn expand(root: &Path, pattern: &str) -> Result<Walked, String> {
    check_inside(pattern)?;
    let steps = pattern
        .split('/')
        .filter(|component| !component.is_empty() && *component != ".")
        .map(|component| {
            if component == "**" {
                Ok(Step::AnyDepth)
            } else if component.contains(['*', '?', '[']) {
                glob::Pattern::new(component)
                    .map(Step::Pattern)
                    .map_err(|error| format!("{pattern:?}: {error}"))
            } else {
                Ok(Step::Literal(component.to_string()))
            }
        })
        .collect::<Result<Vec<_>, String>>()?;
    let mut walker = Walker {
        steps,
        root_canonical: std::fs::canonicalize(root).ok(),
        entered: HashSet::new(),
        walked: Walked::default(),
    };
    if !walker.steps.is_empty() {
        walker.visit_folder(root, 0);
    }
    let mut walked = walker.walked;
    walked.files.sort();
    walked.files.dedup();
    walked.outside.sort();
    walked.outside.dedup();
    Ok(walked)
}

struct Walker {
    steps: Vec<Step>,
    root_canonical: Option<PathBuf>,
    /// (canonical folder, step) pairs already entered.
    entered: HashSet<(PathBuf, usize)>,
    walked: Walked,
}

impl Walker {
    /// Matches `steps[step..]` against the contents of `folder`.
    fn visit_folder(&mut self, folder: &Path, step: usize) {
        let Some(canonical) = self.canonical_inside(folder) else { return };
        if !self.entered.insert((canonical, step)) {
            return;
        }
        let last = step + 1 == self.steps.len();
        match &self.steps[step] {
            Step::Literal(name) => {
                let path = folder.join(name);
                self.visit_entry(&path, step, last);
            }
            Step::Pattern(pattern) => {
                let pattern = pattern.clone();
                for path in self.read_folder(folder) {
                    let matches = path
                        .file_name()
                        .and_then(|name| name.to_str())
                        .is_some_and(|name| pattern.matches(name));
                    if matches {
                        self.visit_entry(&path, step, last);
                    }
                }
            }
            Step::AnyDepth => {
                if last {
                    // A trailing `**`: every file below.
                    for path in self.read_folder(folder) {
                        match kind(&path) {
                            Ok(Kind::File) => self.walked.files.push(path),
                            Ok(Kind::Folder) => self.visit_folder(&path, step),
                            Ok(Kind::Other) => {}
                            Err(error) => self.walked.errors.push(error),
                        }
                    }
                } else {
                    // Zero folders deep, then one more for each subfolder.
                    self.visit_folder(folder, step + 1);
                    for path in self.read_folder(folder) {
                        if let Ok(Kind::Folder) = kind(&path) {
                            self.visit_folder(&path, step);
                        }
                    }
                }
            }
        }
    }

    /// An entry matched by `steps[step]`: a file ends the pattern, a folder
    /// goes on to the next step.
    fn visit_entry(&mut self, path: &Path, step: usize, last: bool) {
        match kind(path) {
            Ok(Kind::File) if last => self.walked.files.push(path.to_path_buf()),
            Ok(Kind::Folder) if !last => self.visit_folder(path, step + 1),
            Ok(_) => {}
            Err(error) => self.walked.errors.push(error),
        }
    }

    /// The entries of `folder`, sorted; a folder that cannot be read is an error.
    fn read_folder(&mut self, folder: &Path) -> Vec<PathBuf> {
        let io_error = |source| Error::Io {
            path: folder.to_path_buf(),
            source,
        };
        let entries = match std::fs::read_dir(folder) {
            Ok(entries) => entries,
            Err(source) => {
                self.walked.errors.push(io_error(source));
                return Vec::new();
            }
        };
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => paths.push(entry.path()),
                Err(source) => self.walked.errors.push(io_error(source)),
            }
        }
        paths.sort();
        paths
    }

    /// The canonical path of `folder` when it lies inside the root (links
    /// resolved); `None`, and a note, when a link leads outside.
    fn canonical_inside(&mut self, folder: &Path) -> Option<PathBuf> {
        let canonical = match std::fs::canonicalize(folder) {
            Ok(canonical) => canonical,
            Err(source) => {
                self.walked.errors.push(Error::Io {
                    path: folder.to_path_buf(),
                    source,
                });
                return None;
            }
        };
        match &self.root_canonical {
            Some(root) if !canonical.starts_with(root) => {
                self.walked.outside.push(folder.to_path_buf());
                None
            }
            _ => Some(canonical),
        }
    }
}

enum Kind {
    File,
    Folder,
    Other,
}

/// What `path` is, links followed. A link that leads nowhere is an error
/// (it names a file that the pattern matched but that cannot be read).
fn kind(path: &Path) -> Result<Kind, Error> {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_file() => Ok(Kind::File),
        Ok(metadata) if metadata.is_dir() => Ok(Kind::Folder),
        Ok(_) => Ok(Kind::Other),
        Err(source) if source.kind() == std::io::ErrorKind::NotFound && std::fs::symlink_metadata(path).is_err() => Ok(Kind::Other),
        Err(source) => Err(Error::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("selaras-walk-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("articles/2024")).unwrap();
        for file in ["articles/a.id.txt", "articles/b.en.txt", "articles/2024/c.id.txt", "top.id.txt"] {
            std::fs::write(dir.join(file), "x").unwrap();
        }
        dir
    }

    fn relative(root: &Path, walked: &Walked) -> Vec<String> {
        walked
            .files
            .iter()
            .map(|path| path.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn matches_as_glob_does() {
        let root = scratch("glob");
        let walked = expand(&root, "articles/*.id.txt").unwrap();
        assert_eq!(relative(&root, &walked), ["articles/a.id.txt"]);
        let walked = expand(&root, "**/*.id.txt").unwrap();
        assert_eq!(
            relative(&root, &walked),
            ["articles/2024/c.id.txt", "articles/a.id.txt", "top.id.txt"]
        );
        let walked = expand(&root, "articles/**").unwrap();
        assert_eq!(relative(&root, &walked).len(), 3);
        let walked = expand(&root, "./articles/2024/c.id.txt").unwrap();
        assert_eq!(relative(&root, &walked), ["articles/2024/c.id.txt"]);
        assert!(walked.errors.is_empty() && walked.outside.is_empty());
    }

    #[test]
    fn issue_12_patterns_stay_inside_the_root() {
        let root = scratch("inside");
        for pattern in ["/**", "../../*", "articles/../../x/*.txt", "/etc/*.conf"] {
            let message = expand(&root, pattern).unwrap_err();
            assert!(message.contains(pattern), "{message}");
        }
        assert!(expand(&root, "articles/[a.txt").unwrap_err().contains("articles/[a.txt"));
    }

    #[cfg(unix)]
    #[test]
    fn issue_12_symlink_loops_end_and_links_outside_are_not_followed() {
        let root = scratch("loops");
        std::os::unix::fs::symlink(".", root.join("loop")).unwrap();
        std::os::unix::fs::symlink("..", root.join("articles/loop")).unwrap();
        let outside = std::env::temp_dir().join(format!("selaras-walk-outside-{}", std::process::id()));
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("far.id.txt"), "x").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("articles/elsewhere")).unwrap();
        let walked = expand(&root, "**/*.id.txt").unwrap();
        // Each file once, under its first path in sorted order.
        assert_eq!(walked.files.len(), 3, "{:?}", walked.files);
        assert!(walked.files.iter().all(|file| file.starts_with(&root)));
        assert_eq!(walked.outside, [root.join("articles/elsewhere")]);
        assert!(walked.errors.is_empty(), "{:?}", walked.errors);
    }

    #[cfg(unix)]
    #[test]
    fn issue_12_an_unreadable_folder_is_an_error_not_a_silence() {
        use std::os::unix::fs::PermissionsExt;
        let root = scratch("unreadable");
        let locked = root.join("articles/locked");
        std::fs::create_dir_all(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let readable = std::fs::read_dir(&locked).is_ok(); // root can read anything
        let walked = expand(&root, "articles/*/*.id.txt").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(walked.errors.is_empty(), readable, "{:?}", walked.errors);
        assert_eq!(relative(&root, &walked), ["articles/2024/c.id.txt"]);
    }
}
