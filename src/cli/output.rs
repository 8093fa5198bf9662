//! Where results go: standard output, or a file written atomically (to a
//! temporary file beside it, then renamed), so that a failed run never
//! leaves a partial output file behind. And the checks on a command's paths
//! before anything is read or written: standard input read once, no output
//! onto one of the inputs.
//!
//! Decisions:
//!
//! * `-o -` (or `--html -`, `--write-baseline -`) is standard output.
//! * An output that is a symbolic link is written through: the file it
//!   points at is replaced atomically and the link stays. A link to nothing
//!   is refused.
//! * An output that is a character device or a FIFO (`/dev/null`,
//!   `/dev/stdout`, a named pipe) is written to directly, since renaming a
//!   file over it would replace the device with a file. Folders, block
//!   devices and sockets are refused.
//! * A replaced file keeps its permissions.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use selaras::Error;

/// Runs `write` against standard output (buffered), or against a file at
/// `path` that appears only once `write` has succeeded.
pub fn write_to(path: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Error> {
    match path {
        Some(path) if !is_stdio(path) => write_file(path, write, 0),
        _ => {
            let stdout = io::stdout();
            // Renderers write ANSI colour only when the command decided on
            // colour (`ColorChoice::enabled`); anstream passes it through and,
            // on a Windows console, turns on the ANSI mode it needs.
            let mut out = BufWriter::with_capacity(1 << 16, anstream::AutoStream::always_ansi(stdout.lock()));
            let result = write(&mut out).and_then(|()| out.flush());
            result.map_err(|source| Error::Io {
                path: PathBuf::from("<stdout>"),
                source,
            })
        }
    }
}

/// Whether `path` is `-` (standard input or output).
pub fn is_stdio(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How many symbolic links an output may go through before it is refused.
const MAX_LINKS: usize = 40;

fn write_file(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>, links: usize) -> Result<(), Error> {
    let io_error = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let refuse = |why: &str| Error::Usage(format!("{}: {why}; refusing to write there", path.display()));
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            if links >= MAX_LINKS {
                return Err(refuse("too many symbolic links"));
            }
            let target = std::fs::read_link(path).map_err(io_error)?;
            let target = match path.parent() {
                Some(parent) if target.is_relative() => parent.join(target),
                _ => target,
            };
            if std::fs::symlink_metadata(&target).is_err() {
                return Err(refuse("a symbolic link to a file that does not exist"));
            }
            write_file(&target, write, links + 1)
        }
        Ok(metadata) if metadata.is_file() => write_file_atomically(path, write, Some(metadata.permissions())),
        Ok(metadata) if metadata.is_dir() => Err(refuse("a folder")),
        Ok(metadata) if is_stream_device(&metadata) => {
            // A device or a pipe: written through, never replaced.
            let file = std::fs::OpenOptions::new().write(true).open(path).map_err(io_error)?;
            let mut out = BufWriter::new(file);
            write(&mut out).and_then(|()| out.flush()).map_err(io_error)
        }
        Ok(_) => Err(refuse("not a regular file")),
        Err(error) if error.kind() == io::ErrorKind::NotFound => write_file_atomically(path, write, None),
        Err(error) => Err(io_error(error)),
    }
}

/// A character device or a FIFO, which are written to in place.
#[cfg(unix)]
fn is_stream_device(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    metadata.file_type().is_char_device() || metadata.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_stream_device(_metadata: &std::fs::Metadata) -> bool {
    false
}

fn write_file_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    permissions: Option<std::fs::Permissions>,
) -> Result<(), Error> {
    let io_error = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp_path = directory.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let file = std::fs::File::create(&temp_path)?;
        let mut out = BufWriter::new(file);
        write(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        if let Some(permissions) = permissions {
            std::fs::set_permissions(&temp_path, permissions)?;
        }
        std::fs::rename(&temp_path, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp_path);
    }
    result.map_err(io_error)
}

/// A path a command reads or writes, with the name it goes by in messages
/// (`SOURCE`, `--previous`, `-o`).
pub struct Arg<'a> {
    pub role: &'a str,
    pub path: &'a Path,
}

impl<'a> Arg<'a> {
    pub fn new(role: &'a str, path: &'a Path) -> Self {
        Arg { role, path }
    }
}

/// Checks a command's paths before anything is read or written: standard
/// input (`-`) is read at most once (a second reader would find it empty),
/// and no output is one of the inputs or another output (it would be
/// replaced by the results, and the input lost).
pub fn check_paths(inputs: &[Arg<'_>], outputs: &[Arg<'_>]) -> Result<(), Error> {
    let stdin_readers: Vec<&str> = inputs.iter().filter(|input| is_stdio(input.path)).map(|input| input.role).collect();
    if stdin_readers.len() > 1 {
        return Err(Error::Usage(format!(
            "standard input can be read only once, but `-` is given for {}",
            stdin_readers.join(" and ")
        )));
    }
    for (output_idx, output) in outputs.iter().enumerate() {
        if is_stdio(output.path) {
            continue;
        }
        let earlier_outputs = outputs[..output_idx].iter().map(|other| (other, "output"));
        for (other, what) in inputs.iter().map(|input| (input, "input")).chain(earlier_outputs) {
            if !is_stdio(other.path) && same_file(output.path, other.path) {
                return Err(Error::Usage(format!(
                    "{} {} is also the {what} {}; refusing to overwrite it",
                    output.role,
                    output.path.display(),
                    other.role
                )));
            }
        }
    }
    Ok(())
}

/// Whether two paths name the same existing regular file (links and `..`
/// resolved, hard links included on Unix). A device such as `/dev/null`
/// may be read and written in one run: writing to it loses nothing.
fn same_file(a: &Path, b: &Path) -> bool {
    if !std::fs::metadata(a).is_ok_and(|metadata| metadata.is_file()) {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
