//! Issue 13: what a new user reads and copies must be true. The README's
//! synopses name exactly the flags `--help` lists, the CI examples run as
//! written against a project, the pre-commit hooks are declared for
//! `language: rust`, and the crate carries what publishing needs.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn selaras() -> Command {
    Command::cargo_bin("selaras").unwrap()
}

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The flags of one line: `--long` and `-s` words (inside brackets or not).
fn flags_in(line: &str) -> BTreeSet<String> {
    let mut flags = BTreeSet::new();
    let bytes = line.as_bytes();
    for (idx, _) in line.match_indices('-') {
        let before = idx.checked_sub(1).map(|i| bytes[i]);
        if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-') {
            continue;
        }
        let rest = &line[idx..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .map_or(rest.len(), |i| i + 1);
        let flag = &rest[..end];
        let long = flag.starts_with("--") && flag.len() > 3 && flag.as_bytes()[2].is_ascii_lowercase();
        let short = !flag.starts_with("--") && flag.len() == 2 && flag.as_bytes()[1].is_ascii_alphabetic();
        if long || short {
            flags.insert(flag.to_string());
        }
    }
    flags
}

/// The synopses of the README: in fenced blocks without an info string,
/// every line that starts with `selaras ` plus its indented continuation
/// lines, comments (`# …`) cut. Keyed by subcommand path (`check`,
/// `glossary lint`), the union of their flags.
fn readme_synopses() -> Vec<(String, BTreeSet<String>)> {
    let readme = read("README.md");
    let mut synopses: Vec<(String, BTreeSet<String>)> = Vec::new();
    let mut in_plain_block = false;
    let mut in_other_block = false;
    for line in readme.lines() {
        if let Some(info) = line.strip_prefix("```") {
            if in_plain_block || in_other_block {
                in_plain_block = false;
                in_other_block = false;
            } else if info.trim().is_empty() {
                in_plain_block = true;
            } else {
                in_other_block = true;
            }
            continue;
        }
        if !in_plain_block {
            continue;
        }
        let without_comment = match line.find(" # ") {
            Some(idx) => &line[..idx],
            None => line,
        };
        if let Some(rest) = without_comment.strip_prefix("selaras ") {
            let path: Vec<&str> = rest
                .split_whitespace()
                .take_while(|word| word.chars().all(|c| c.is_ascii_lowercase()))
                .collect();
            let command = path.join(" ");
            let flags = flags_in(rest);
            match synopses.iter_mut().find(|(name, _)| *name == command) {
                Some((_, known)) => known.extend(flags),
                None => synopses.push((command, flags)),
            }
        } else if without_comment.starts_with(' ')
            && let Some((_, flags)) = synopses.last_mut()
        {
            flags.extend(flags_in(without_comment));
        }
    }
    synopses
}

/// The flags `selaras COMMAND --help` lists (without `--help`/`--version`),
/// each with its aliases (`-g` and `--glossary` are one flag).
fn help_flags(command: &str) -> Vec<BTreeSet<String>> {
    let output = selaras().args(command.split_whitespace()).arg("--help").output().unwrap();
    assert!(output.status.success(), "selaras {command} --help");
    let help = String::from_utf8(output.stdout).unwrap();
    let mut flags = Vec::new();
    for line in help.lines().skip_while(|line| !line.starts_with("Options:")) {
        let trimmed = line.trim_start();
        if !trimmed.starts_with('-') || line.len() - trimmed.len() > 6 {
            continue;
        }
        let spec = trimmed.split("  ").next().unwrap_or(trimmed);
        let aliases: BTreeSet<String> = spec
            .split(", ")
            .map(|part| part.split([' ', '=', '<']).next().unwrap_or(part).to_string())
            .collect();
        if !aliases
            .iter()
            .any(|flag| ["-h", "--help", "-V", "--version"].contains(&flag.as_str()))
        {
            flags.push(aliases);
        }
    }
    flags
}

#[test]
fn issue_13_readme_synopses_and_help_agree() {
    let synopses = readme_synopses();
    let commands: Vec<&str> = synopses.iter().map(|(name, _)| name.as_str()).collect();
    // Every command and subcommand has a synopsis.
    for expected in [
        "segment",
        "check",
        "explain",
        "diff",
        "glossary apply",
        "glossary lint",
        "glossary convert",
        "align",
        "export xliff",
    ] {
        assert!(
            commands.contains(&expected),
            "README has no synopsis of `selaras {expected}`: {commands:?}"
        );
    }
    for (command, readme_flags) in &synopses {
        let help = help_flags(command);
        let only_readme: Vec<&String> = readme_flags
            .iter()
            .filter(|flag| !help.iter().any(|aliases| aliases.contains(*flag)))
            .collect();
        let only_help: Vec<&BTreeSet<String>> = help.iter().filter(|aliases| aliases.is_disjoint(readme_flags)).collect();
        assert!(
            only_readme.is_empty() && only_help.is_empty(),
            "`selaras {command}`: README synopsis and --help differ\n  only in README: {only_readme:?}\n  only in --help: {only_help:?}"
        );
    }
}

#[test]
fn issue_13_help_says_align_reads_every_glossary_format() {
    let output = selaras().args(["align", "--help"]).output().unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(help.contains("TSV, CSV, TBX or JSON"), "{help}");
    // And it does: a CSV glossary anchors the alignment.
    let dir = std::env::temp_dir().join(format!("selaras-docs-align-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("g.csv"), "source,target\nKorea Utara,North Korea\n").unwrap();
    let output = selaras()
        .args([
            "align",
            "examples/korea-utara/source.id.txt",
            "examples/korea-utara/draft.en.txt",
            "-g",
        ])
        .arg(dir.join("g.csv"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

fn repository() -> String {
    let manifest = read("Cargo.toml");
    let line = manifest
        .lines()
        .find(|l| l.starts_with("repository = "))
        .expect("Cargo.toml has a repository");
    line.trim_start_matches("repository = ").trim_matches('"').to_string()
}

#[test]
fn issue_13_the_crate_carries_what_publishing_needs() {
    let manifest = read("Cargo.toml");
    for field in ["description = ", "license = ", "repository = ", "readme = ", "rust-version = "] {
        assert!(manifest.lines().any(|l| l.starts_with(field)), "Cargo.toml has no {field}");
    }
    for licence in ["LICENSE-MIT", "LICENSE-APACHE", "glossaries/LICENSE-CLDR.txt"] {
        assert!(!read(licence).is_empty(), "{licence}");
    }
    // The shipped glossaries and their licence travel with the package.
    for included in [
        "\"/glossaries/*.tsv\"",
        "\"/glossaries/LICENSE-CLDR.txt\"",
        "\"/LICENSE-MIT\"",
        "\"/LICENSE-APACHE\"",
    ] {
        assert!(manifest.contains(included), "Cargo.toml include lacks {included}");
    }
    // The README installs from the same repository.
    let readme = read("README.md");
    assert!(readme.contains("cargo install --locked --path ."), "README: install from a clone");
    assert!(
        readme.contains(&format!("cargo install --locked --git {} selaras", repository())),
        "README: install from the repository named in Cargo.toml"
    );
}

/// A translation repository like the one `examples/ci` describes: its
/// `selaras.toml`, a project glossary, and the sample article as a pair.
fn example_repository(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("selaras-docs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for folder in ["articles/archive", "glossary"] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
    }
    std::fs::write(dir.join("selaras.toml"), read("examples/ci/selaras.toml")).unwrap();
    std::fs::write(
        dir.join("glossary/project.tsv"),
        "Kementerian Sosial\tMinistry of Social Affairs\t\n",
    )
    .unwrap();
    std::fs::write(dir.join("articles/korea.id.txt"), read("examples/korea-utara/source.id.txt")).unwrap();
    std::fs::write(dir.join("articles/korea.en.txt"), read("examples/korea-utara/draft-errors.en.txt")).unwrap();
    dir
}

/// Runs a `selaras …` command line of an example in `dir`; it must be
/// understood (exit 0, or 1 for findings), never a usage error.
fn runs_as_written(dir: &Path, command_line: &str, origin: &str) {
    let words: Vec<&str> = command_line.split_whitespace().collect();
    assert_eq!(words[0], "selaras", "{origin}: {command_line}");
    // Shell globs of the examples are expanded here as a shell would.
    let mut args: Vec<String> = Vec::new();
    for word in &words[1..] {
        if let Some((folder, pattern)) = word.split_once("/*") {
            let mut matched: Vec<String> = std::fs::read_dir(dir.join(folder))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(pattern))
                .map(|name| format!("{folder}/{name}"))
                .collect();
            matched.sort();
            args.extend(matched);
        } else {
            args.push(word.to_string());
        }
    }
    let output = selaras().current_dir(dir).args(&args).output().unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{origin}: `{command_line}` exited {:?}: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn issue_13_the_ci_workflow_builds_selaras_and_runs_as_written() {
    let workflow = read("examples/ci/github-actions.yml");
    assert!(
        !workflow.contains("cargo install --locked selaras"),
        "selaras is not on crates.io: the workflow must build it from its repository"
    );
    assert!(
        workflow.contains(&format!("SELARAS_GIT: {}", repository())),
        "the workflow builds from Cargo.toml's repository"
    );
    assert!(workflow.contains("cargo install --locked --git \"$SELARAS_GIT\" --rev"));
    assert!(workflow.contains("uses: actions/cache@") && workflow.contains("path: ~/.cargo/bin/selaras"));
    let dir = example_repository("workflow");
    let mut n_commands = 0;
    for line in workflow.lines() {
        if let Some(command) = line.trim().strip_prefix("run: selaras ") {
            runs_as_written(&dir, &format!("selaras {command}"), "github-actions.yml");
            n_commands += 1;
        }
    }
    assert!(n_commands >= 3, "{n_commands} selaras steps");
    assert!(
        dir.join("selaras.sarif").is_file(),
        "the SARIF step writes the file the upload step reads"
    );
}

#[test]
fn issue_13_pre_commit_hooks_are_rust_hooks_that_run() {
    let hooks = read(".pre-commit-hooks.yaml");
    let ids: Vec<&str> = hooks.lines().filter_map(|l| l.strip_prefix("- id: ")).collect();
    assert_eq!(ids, ["selaras-check", "selaras-glossary-lint"]);
    assert_eq!(
        hooks.matches("  language: rust").count(),
        ids.len(),
        "every hook is built with cargo"
    );
    let dir = example_repository("pre-commit");
    let entries: Vec<&str> = hooks.lines().filter_map(|l| l.trim().strip_prefix("entry: ")).collect();
    assert_eq!(entries, ["selaras check", "selaras glossary lint"]);
    runs_as_written(&dir, entries[0], ".pre-commit-hooks.yaml");
    // pre-commit passes the matching files to the lint hook.
    runs_as_written(&dir, &format!("{} glossary/project.tsv", entries[1]), ".pre-commit-hooks.yaml");
    // The example configuration uses these hooks from the same repository.
    let config = read("examples/ci/pre-commit-config.yaml");
    assert!(config.contains(&format!("repo: {}", repository())));
    for id in ids {
        assert!(config.contains(&format!("id: {id}")), "{id}");
    }
}

/// The lines of `ARCHITECTURE.md` from the heading `## {name}` to the next
/// `## ` heading.
fn architecture_section(name: &str) -> Vec<String> {
    let text = read("ARCHITECTURE.md");
    let heading = format!("## {name}");
    let mut lines = text.lines().skip_while(|line| *line != heading);
    assert!(lines.next().is_some(), "ARCHITECTURE.md has no `{heading}` section");
    lines.take_while(|line| !line.starts_with("## ")).map(str::to_string).collect()
}

/// The backticked words of `line`, with `{a,b}` groups expanded
/// (`src/check/{glossary,number}.rs` → both paths).
fn code_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    for (idx, word) in line.split('`').enumerate() {
        if idx % 2 == 0 {
            continue;
        }
        match (word.find('{'), word.find('}')) {
            (Some(open), Some(close)) if open < close => {
                for item in word[open + 1..close].split(',') {
                    words.push(format!("{}{}{}", &word[..open], item.trim(), &word[close + 1..]));
                }
            }
            _ => words.push(word.to_string()),
        }
    }
    words
}

/// Every file below `dir` (relative to the crate root) whose name ends in
/// `extension`.
fn files_below(dir: &str, extension: &str, out: &mut Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(root.join(dir)).unwrap() {
        let entry = entry.unwrap();
        let name = format!("{dir}/{}", entry.file_name().to_string_lossy());
        if entry.file_type().unwrap().is_dir() {
            files_below(&name, extension, out);
        } else if name.ends_with(extension) {
            out.push(name);
        }
    }
}

#[test]
fn issue_15_item_7_the_code_map_names_every_module_as_it_is() {
    let rows = architecture_section("Code map");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // A module is named by its whole path, or by its file name in the row
    // of its folder (`src/align/` … `anchors.rs`).
    let mut named: BTreeSet<String> = BTreeSet::new();
    for row in rows.iter().filter(|row| row.starts_with("| `")) {
        let words = code_words(row);
        let folders: Vec<&String> = words.iter().take_while(|w| w.ends_with('/')).collect();
        for word in &words {
            if word.starts_with("src/") || word.starts_with("tests/") || word.starts_with("benches/") || word.starts_with("examples/") {
                assert!(root.join(word).exists(), "the code map names `{word}`, which does not exist");
                named.insert(word.clone());
            }
            for folder in &folders {
                if !word.contains('/') && word.ends_with(".rs") {
                    named.insert(format!("{folder}{word}"));
                }
            }
        }
    }
    let mut modules = Vec::new();
    files_below("src", ".rs", &mut modules);
    modules.sort();
    let missing: Vec<&String> = modules.iter().filter(|path| !named.contains(*path)).collect();
    assert!(missing.is_empty(), "ARCHITECTURE.md's code map does not name {missing:?}");
}

#[test]
fn issue_15_item_7_the_tests_section_lists_the_tests_folder_as_it_is() {
    let listed: Vec<String> = architecture_section("Tests")
        .iter()
        .filter_map(|line| line.strip_prefix("- `tests/"))
        .map(|rest| rest[..rest.find('`').unwrap()].trim_end_matches('/').to_string())
        .collect();
    let unique: BTreeSet<&String> = listed.iter().collect();
    assert_eq!(unique.len(), listed.len(), "an entry is listed twice: {listed:?}");
    let present: BTreeSet<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let listed: BTreeSet<String> = listed.into_iter().collect();
    assert_eq!(
        listed, present,
        "ARCHITECTURE.md's Tests section (one `- `tests/NAME`` line per entry) and the tests folder differ"
    );
}
