//! Paths as reports print and fingerprint them: relative to a base folder,
//! normalised, with `/` between components.
//!
//! A report is read in other places than where it was written (a baseline
//! committed in one checkout, a SARIF file uploaded from a CI runner), so a
//! path in it must not depend on where the checkout lies. The base is the
//! project root (the folder holding `selaras.toml`) in project mode and the
//! working directory for pairs given on the command line.
//!
//! Decisions:
//!
//! * Normalisation is lexical: `.` components go, `a/../b` becomes `b`.
//!   `articles/x` and `./articles/x` are the same path.
//! * A path inside the base is printed relative to it. When the lexical
//!   comparison fails (a symbolic link in one of them, such as macOS's
//!   `/tmp` → `/private/tmp`), both are resolved on disk and compared again.
//! * A path outside the base is printed absolute (normalised): a file
//!   outside the checkout is not part of what a baseline can carry to
//!   another checkout, and `../../tmp/x` says less than `/tmp/x`.
//! * Standard input (`-`) is `<stdin>`, as in every message.

use std::path::{Component, Path, PathBuf};

/// `path` without `.` components and with `name/..` pairs folded, as far
/// as that can be done without looking at the disk.
pub fn normalise(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // `/..` is `/`; a leading `..` of a relative path stays.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(component),
            },
            other => out.push(other),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

/// `path` made absolute against the working directory, then normalised.
pub fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        normalise(path)
    } else {
        let here = std::env::current_dir().unwrap_or_default();
        normalise(&here.join(path))
    }
}

/// The components of a relative path joined with `/`.
fn slashed(path: &Path) -> String {
    let parts: Vec<String> = path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if parts.is_empty() { ".".to_string() } else { parts.join("/") }
}

/// How `path` is printed and fingerprinted in a report whose paths are
/// relative to `base` (see the module header).
pub fn portable(path: &Path, base: &Path) -> String {
    if path.as_os_str() == "-" {
        return crate::error::display_path(path);
    }
    let (path_abs, base_abs) = (absolute(path), absolute(base));
    if let Ok(inside) = path_abs.strip_prefix(&base_abs) {
        return slashed(inside);
    }
    // A symbolic link on either side: compare where they really are.
    if let (Ok(path_real), Ok(base_real)) = (path_abs.canonicalize(), base_abs.canonicalize())
        && let Ok(inside) = path_real.strip_prefix(&base_real)
    {
        return slashed(inside);
    }
    path_abs.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_drops_dots_and_folds_parents() {
        assert_eq!(normalise(Path::new("./articles/x.txt")), Path::new("articles/x.txt"));
        assert_eq!(normalise(Path::new("articles/../x.txt")), Path::new("x.txt"));
        assert_eq!(normalise(Path::new("../x/./y")), Path::new("../x/y"));
        assert_eq!(normalise(Path::new("/../x")), Path::new("/x"));
        assert_eq!(normalise(Path::new("./")), Path::new("."));
    }

    #[test]
    fn issue_13_paths_are_relative_to_the_base() {
        let base = Path::new("/work/project");
        assert_eq!(portable(Path::new("/work/project/articles/x.txt"), base), "articles/x.txt");
        assert_eq!(
            portable(Path::new("/work/project/./articles/../articles/x.txt"), base),
            "articles/x.txt"
        );
        assert_eq!(portable(Path::new("/work/other/x.txt"), base), "/work/other/x.txt");
        assert_eq!(portable(Path::new("/elsewhere/x.txt"), base), "/elsewhere/x.txt");
        assert_eq!(portable(Path::new("-"), base), "<stdin>");
        // Relative paths are relative to the working directory, as is a
        // relative base.
        assert_eq!(portable(Path::new("./articles/x.txt"), Path::new(".")), "articles/x.txt");
        assert_eq!(portable(Path::new("articles/x.txt"), Path::new(".")), "articles/x.txt");
        assert_eq!(portable(Path::new("sub/articles/x.txt"), Path::new("sub")), "articles/x.txt");
    }
}
