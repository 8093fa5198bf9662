//! Reading inputs: a path or `-` for standard input, UTF-8 with an optional
//! byte order mark. The text is kept exactly as read, so byte offsets in
//! every later stage point at the input's own bytes.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// One input text and where it came from.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    pub text: String,
}

impl Input {
    /// An in-memory input (tests, examples, library users).
    pub fn from_string(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        Input {
            path: path.into(),
            text: text.into(),
        }
    }

    /// The name used in messages and machine output.
    pub fn display_name(&self) -> String {
        crate::error::display_path(&self.path)
    }
}

/// Reads `path` (`-` = standard input) and checks that it is UTF-8.
pub fn read(path: &Path) -> Result<Input> {
    let io_error = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).map_err(io_error)?;
        bytes
    } else {
        std::fs::read(path).map_err(io_error)?
    };
    decode(path, bytes)
}

/// Checks `bytes` for UTF-8 and turns them into text without copying.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<Input> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Input {
            path: path.to_path_buf(),
            text,
        }),
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let bytes = error.as_bytes();
            let valid = &bytes[..offset];
            let line = 1 + memchr::memchr_iter(b'\n', valid).count();
            let line_start = memchr::memrchr(b'\n', valid).map_or(0, |i| i + 1);
            let column = 1 + crate::text::count_chars(&valid[line_start..]);
            Err(Error::InvalidUtf8 {
                path: path.to_path_buf(),
                offset,
                line,
                column,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_offset_line_and_column() {
        let error = decode(Path::new("x.txt"), b"ab\ncd\xFFe".to_vec()).unwrap_err();
        assert_eq!(error.to_string(), "x.txt: invalid UTF-8 at byte offset 5 (line 2, column 3)");
    }

    #[test]
    fn bom_is_kept() {
        let input = decode(Path::new("x.txt"), b"\xEF\xBB\xBFab".to_vec()).unwrap();
        assert_eq!(input.text, "\u{FEFF}ab");
    }
}
