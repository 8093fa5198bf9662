//! Every valid sample in the schemas folder (`tests/fixtures/schemas/`, copied
//! with provenance and terms from the project's reference set) is read without loss: each
//! glossary and TBX sample gives every entry it holds (sources, targets with
//! their roles, note, domain) and each XLIFF sample every unit (id, translate
//! flag, source and target text, inline codes). The expectations below were
//! written by reading each sample by hand; a sample added to the folder
//! without an expectation here fails the test, so none is skipped silently.
//! Files under `invalid/` must not make the readers panic.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod support;

/// The schemas folder with its samples; a checkout without it fails.
fn shared() -> PathBuf {
    support::schemas_dir()
}

/// The names of the files directly in `dir` (not in `invalid/`).
fn files_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

/// Asserts that `dir` holds exactly the files `expected` names.
fn assert_files(dir: &Path, expected: &[&str]) {
    let expected: BTreeSet<String> = expected.iter().map(|name| name.to_string()).collect();
    assert_eq!(files_in(dir), expected, "samples in {} and expectations differ", dir.display());
}

/// One glossary entry: sources, preferred, admitted, forbidden, note, domain.
type Entry = (
    Vec<&'static str>,
    Option<&'static str>,
    Vec<&'static str>,
    Vec<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

/// An [`Entry`] as read, with owned strings.
type ReadEntry = (
    Vec<String>,
    Option<String>,
    Vec<String>,
    Vec<String>,
    Option<String>,
    Option<String>,
);

fn read_glossary(path: &Path) -> Vec<ReadEntry> {
    let glossary = selaras::glossary::formats::read(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    glossary
        .entries
        .iter()
        .map(|e| {
            (
                e.sources.clone(),
                e.preferred.clone(),
                e.admitted.clone(),
                e.forbidden.clone(),
                e.note.clone(),
                e.domain.clone(),
            )
        })
        .collect()
}

fn assert_glossary(path: &Path, expected: &[Entry]) {
    let owned: Vec<_> = expected
        .iter()
        .map(|(sources, preferred, admitted, forbidden, note, domain)| {
            (
                sources.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                preferred.map(String::from),
                admitted.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                forbidden.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                note.map(String::from),
                domain.map(String::from),
            )
        })
        .collect();
    assert_eq!(read_glossary(path), owned, "{}", path.display());
}

#[test]
fn glossary_samples_read_every_row() {
    let shared = shared();
    let dir = shared.join("glossary/samples");
    let dpr_note = Some("DPR; keep acronym in brackets on first mention");
    let bmkg = "Badan Meteorologi, Klimatologi, dan Geofisika";
    let samples: &[(&str, &[Entry])] = &[
        (
            "header-languages.csv",
            &[
                (
                    vec!["Dewan Perwakilan Rakyat"],
                    Some("House of Representatives"),
                    vec![],
                    vec![],
                    Some("Lower house of parliament; DPR"),
                    None,
                ),
                (
                    vec![bmkg],
                    Some("Meteorology Climatology and Geophysics Agency"),
                    vec![],
                    vec![],
                    Some("BMKG"),
                    None,
                ),
            ],
        ),
        (
            "omegat-glossary.csv",
            &[
                (
                    vec!["Dewan Perwakilan Rakyat"],
                    Some("House of Representatives"),
                    vec![],
                    vec![],
                    dpr_note,
                    None,
                ),
                (
                    vec![bmkg],
                    Some("Meteorology Climatology and Geophysics Agency"),
                    vec![],
                    vec![],
                    Some("BMKG"),
                    None,
                ),
                (
                    vec!["kata \"kunci\""],
                    Some("keyword"),
                    vec![],
                    vec![],
                    Some("quotes are doubled inside quoted fields"),
                    None,
                ),
            ],
        ),
        (
            "omegat-glossary.utf8",
            &[
                (
                    vec!["Dewan Perwakilan Rakyat"],
                    Some("House of Representatives"),
                    vec![],
                    vec![],
                    dpr_note,
                    None,
                ),
                (
                    vec![bmkg],
                    Some("Meteorology, Climatology and Geophysics Agency"),
                    vec![],
                    vec![],
                    Some("BMKG"),
                    None,
                ),
                (vec!["rancangan undang-undang"], Some("bill"), vec![], vec![], None, None),
            ],
        ),
    ];
    assert_files(&dir, &samples.iter().map(|(name, _)| *name).collect::<Vec<_>>());
    for (name, expected) in samples {
        assert_glossary(&dir.join(name), expected);
    }
}

#[test]
fn tbx_samples_read_every_entry() {
    let shared = shared();
    let dir = shared.join("tbx/samples");
    // The v3 sample's English `note` is not kept: an entry has one note, and
    // the reader takes the first in the entry, the Indonesian definition.
    let samples: &[(&str, &[Entry])] = &[
        (
            "tbx-basic-v3-dca.tbx",
            &[(
                vec!["Dewan Perwakilan Rakyat", "DPR"],
                Some("House of Representatives"),
                vec![],
                vec![],
                Some("Lembaga legislatif tingkat pusat di Indonesia."),
                Some("politics"),
            )],
        ),
        (
            "tbx-v2-martif.tbx",
            &[(
                vec!["Dewan Perwakilan Rakyat"],
                Some("House of Representatives"),
                vec![],
                vec![],
                Some("Keep \"DPR\" in brackets on first mention."),
                Some("politics"),
            )],
        ),
    ];
    assert_files(&dir, &samples.iter().map(|(name, _)| *name).collect::<Vec<_>>());
    for (name, expected) in samples {
        let path = dir.join(name);
        assert_glossary(&path, expected);
        // Every concept in the file comes through, counted from the markup.
        let text = std::fs::read_to_string(&path).unwrap();
        let concepts = text.matches("<conceptEntry").count() + text.matches("<termEntry").count();
        assert_eq!(concepts, expected.len(), "{name}");
    }
}

#[test]
fn invalid_tbx_samples_do_not_panic() {
    let shared = shared();
    let dir = shared.join("tbx/samples/invalid");
    let names = files_in(&dir);
    assert!(!names.is_empty(), "no invalid TBX samples in {}", dir.display());
    for name in names {
        // An error or a glossary are both fine; only a panic fails.
        match selaras::glossary::formats::read(&dir.join(&name)) {
            Ok(glossary) => eprintln!("{name}: read, {} entries", glossary.len()),
            Err(error) => eprintln!("{name}: {error}"),
        }
    }
}

#[test]
fn invalid_xliff_samples_do_not_panic() {
    let shared = shared();
    for folder in ["xliff12", "xliff20", "xliff21"] {
        let dir = shared.join(folder).join("samples/invalid");
        for name in files_in(&dir) {
            let path = dir.join(&name);
            let text = std::fs::read_to_string(&path).unwrap();
            // Schema-invalid files may still read; only a panic fails.
            match selaras::xliff::parse(&path, &text) {
                Ok(file) => eprintln!("{folder}/{name}: read, {} units", file.units.len()),
                Err(error) => eprintln!("{folder}/{name}: {error}"),
            }
        }
    }
}

/// One XLIFF unit: id, translate flag, source text, source code keys, target text.
type Unit = (&'static str, bool, &'static str, &'static [&'static str], Option<&'static str>);

fn assert_xliff(path: &Path, version: &str, expected: &[Unit]) {
    let text = std::fs::read_to_string(path).unwrap();
    let file = selaras::xliff::parse(path, &text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    assert_eq!(file.version, version, "{}", path.display());
    let units: Vec<_> = file
        .units
        .iter()
        .map(|unit| {
            (
                unit.id.as_str(),
                unit.translate,
                unit.source.text.as_str(),
                unit.source.codes.iter().map(|code| code.key.as_str()).collect::<Vec<_>>(),
                unit.target.as_ref().map(|target| target.text.as_str()),
            )
        })
        .collect();
    let expected: Vec<_> = expected
        .iter()
        .map(|&(id, translate, source, codes, target)| (id, translate, source, codes.to_vec(), target))
        .collect();
    assert_eq!(units, expected, "{}", path.display());
    // In XLIFF 2 every segment is a unit, counted from the markup.
    if version.starts_with('2') {
        assert_eq!(text.matches("<segment").count(), expected.len(), "{}", path.display());
    }
}

const PRESIDEN: &str = "Presiden meresmikan jembatan baru di Surabaya pada Senin, 19 Agustus 2024.";
const DPR_SOURCE: &str = "Dewan Perwakilan Rakyat (DPR) menyetujui rancangan undang-undang tersebut.";
const BMKG_SOURCE: &str = "BMKG memperingatkan potensi hujan lebat.";
const BMKG_TARGET: &str = "BMKG warned of possible heavy rain.";

#[test]
fn xliff_samples_read_every_unit() {
    let shared = shared();
    let samples: &[(&str, &str, &str, &[Unit])] = &[
        ("xliff12", "minimal.xlf", "1.2", &[("s1", true, PRESIDEN, &[], None)]),
        (
            "xliff12",
            "translated-for-qa.xlf",
            "1.2",
            &[
                (
                    "s1",
                    true,
                    DPR_SOURCE,
                    &[],
                    Some("The House of Representatives (DPR) approved the bill."),
                ),
                ("s2", true, BMKG_SOURCE, &[], Some(BMKG_TARGET)),
                ("s3:1", true, "Harga beras naik.", &[], Some("Rice prices rose.")),
                (
                    "s3:2",
                    true,
                    "Pemerintah akan mengimpor beras.",
                    &[],
                    Some("The government will import rice."),
                ),
                ("s4", false, "#BeritaTerkini", &[], None),
            ],
        ),
        ("xliff20", "minimal.xlf", "2.0", &[("u1", true, PRESIDEN, &[], None)]),
        (
            "xliff20",
            "translated-with-glossary.xlf",
            "2.0",
            &[
                (
                    "u1:s1",
                    true,
                    DPR_SOURCE,
                    &["mrk#m1"],
                    Some("House of Representatives (DPR) approved the bill."),
                ),
                ("u1:s2", true, BMKG_SOURCE, &[], Some(BMKG_TARGET)),
                ("u2", false, "#BeritaTerkini", &[], None),
            ],
        ),
        ("xliff21", "minimal.xlf", "2.1", &[("u1", true, PRESIDEN, &[], None)]),
        (
            "xliff21",
            "glossary-and-its-terminology.xlf",
            "2.1",
            &[(
                "u1",
                true,
                "Dewan Perwakilan Rakyat menyetujui rancangan itu.",
                &["mrk#m1", "mrk#m2"],
                Some("The House of Representatives approved the bill."),
            )],
        ),
    ];
    for folder in ["xliff12", "xliff20", "xliff21"] {
        let names: Vec<&str> = samples.iter().filter(|s| s.0 == folder).map(|s| s.1).collect();
        assert_files(&shared.join(folder).join("samples"), &names);
    }
    for (folder, name, version, expected) in samples {
        assert_xliff(&shared.join(folder).join("samples").join(name), version, expected);
    }
}
