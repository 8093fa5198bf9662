//! `selaras.toml` on any text: loading never panics, and a project that
//! loads expands its patterns (inside an otherwise empty folder) without
//! panicking or leaving it.

#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use selaras::project::Project;

/// One folder per fuzzing process, holding only the project file.
static FOLDER: LazyLock<PathBuf> = LazyLock::new(|| {
    let folder = std::env::temp_dir().join(format!("selaras-fuzz-project-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    folder
});

fuzz_target!(|data: &[u8]| {
    let path = FOLDER.join("selaras.toml");
    std::fs::write(&path, data).expect("the project file is written");
    let Ok(project) = Project::load(&path) else { return };
    if let Ok(expansion) = project.expand() {
        for (source, draft) in &expansion.pairs {
            assert!(source.starts_with(&*FOLDER) && draft.starts_with(&*FOLDER), "{source:?} {draft:?}");
        }
    }
});
