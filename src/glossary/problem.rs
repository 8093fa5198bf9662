//! A problem in a glossary file: what the lenient readers (`formats`)
//! collect instead of failing, and what `glossary lint` reports beside its
//! own checks. It sits apart from both so that the readers do not depend on
//! the lint, which reads files through the readers.

use std::path::{Path, PathBuf};

use serde::Serialize;

/// Problems use the findings' severities.
pub use crate::finding::Severity;

/// One lint finding about a glossary file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub code: &'static str,
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl Problem {
    pub fn new(severity: Severity, code: &'static str, path: &Path, line: usize, message: String) -> Self {
        Problem {
            severity,
            code,
            path: path.to_path_buf(),
            line,
            message,
        }
    }
}
