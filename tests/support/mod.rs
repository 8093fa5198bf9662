//! What several integration tests share: the schema copies under
//! `tests/fixtures/schemas/` and the two validators run against them.
//!
//! Nothing here reads outside the repository. A missing fixture fails the
//! test that needs it, and so does a missing validator (`xmllint`, Python's
//! `jsonschema`): a schema test that passes without validating would be a
//! silent skip. `.ci/run` installs both; the panic message says how.

#![allow(dead_code)] // Each test crate uses a different part of this module.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `tests/fixtures/schemas/`, which must exist.
pub fn schemas_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schemas");
    assert!(dir.is_dir(), "{} is missing from the checkout", dir.display());
    dir
}

/// A file under `tests/fixtures/schemas/`, which must exist.
pub fn schema_file(relative: &str) -> PathBuf {
    let path = schemas_dir().join(relative);
    assert!(path.is_file(), "{} is missing from the checkout", path.display());
    path
}

/// Validates `file` as `mode` (`xliff12`, `xliff20`, `tmx`, `tbx`, … as
/// `validate.sh` names them): whether it is valid, and xmllint's messages.
pub fn validate_xml(mode: &str, file: &Path) -> (bool, String) {
    let has_xmllint = Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    assert!(
        has_xmllint,
        "xmllint is needed to validate {} (Debian/Ubuntu: apt-get install libxml2-utils; .ci/run installs it)",
        file.display()
    );
    let output = Command::new("bash")
        .arg(schema_file("validate.sh"))
        .arg(mode)
        .arg(file)
        .output()
        .unwrap();
    (
        output.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}

/// Asserts that `file` is valid as `mode`.
pub fn assert_valid_xml(mode: &str, file: &Path) {
    let (valid, log) = validate_xml(mode, file);
    assert!(valid, "{} does not validate as {mode}:\n{log}", file.display());
}

/// Validates the SARIF file `path` against the official SARIF 2.1.0 JSON
/// schema with Python's `jsonschema`: whether it is valid, and the messages.
pub fn validate_sarif(path: &Path) -> (bool, String) {
    let schema = schema_file("sarif/sarif-schema-2.1.0.json");
    let probe = Command::new("python3").args(["-c", "import jsonschema"]).output();
    assert!(
        probe.is_ok_and(|output| output.status.success()),
        "python3 with the jsonschema package is needed to validate {} (pip install jsonschema, or apt-get install python3-jsonschema; .ci/run installs it)",
        path.display()
    );
    let output = Command::new("python3")
        .args([
            "-c",
            "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))",
        ])
        .arg(&schema)
        .arg(path)
        .output()
        .unwrap();
    (output.status.success(), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Asserts that the SARIF file `path` is valid.
pub fn assert_valid_sarif(path: &Path) {
    let (valid, log) = validate_sarif(path);
    assert!(valid, "{} is not valid SARIF 2.1.0:\n{log}", path.display());
}

/// Asserts that `file` is well-formed XML (no schema: for formats such as
/// JUnit that have no official one in `tests/fixtures/schemas/`).
pub fn assert_well_formed_xml(file: &Path) {
    let output = Command::new("xmllint").args(["--noout", "--nonet"]).arg(file).output();
    let output = output.unwrap_or_else(|error| {
        panic!(
            "xmllint is needed to check {} ({error}; Debian/Ubuntu: apt-get install libxml2-utils; .ci/run installs it)",
            file.display()
        )
    });
    assert!(
        output.status.success(),
        "{} is not well-formed XML:\n{}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}
