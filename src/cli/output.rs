//! Where results go: standard output, or a file written atomically (to a
//! temporary file beside it, then renamed), so that a failed run never
//! leaves a partial output file behind.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use selaras::Error;

/// Runs `write` against standard output (buffered), or against a file at
/// `path` that appears only once `write` has succeeded.
pub fn write_to(path: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Error> {
    match path {
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
            let result = write(&mut out).and_then(|()| out.flush());
            result.map_err(|source| Error::Io {
                path: PathBuf::from("<stdout>"),
                source,
            })
        }
        Some(path) => write_file_atomically(path, write),
    }
}

fn write_file_atomically(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Error> {
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
        std::fs::rename(&temp_path, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp_path);
    }
    result.map_err(io_error)
}
