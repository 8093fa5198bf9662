//! The shipped glossaries (`glossaries/*.tsv`, compiled in) against the
//! English professional newsrooms write: demonyms and the standard variants
//! of institutions are admitted, wrong-but-plausible renderings are not, and
//! layering `news.tsv` over `countries.tsv` loses no target (issue 11).

use std::collections::BTreeMap;

use assert_cmd::Command;
use selaras::glossary::english::entry_present;
use selaras::glossary::{Entry, builtin};
use serde_json::Value;

/// The layered shipped entry for an Indonesian source spelling.
fn entry(source: &str) -> &'static Entry {
    builtin()
        .entries
        .iter()
        .find(|e| e.sources.iter().any(|s| s == source))
        .unwrap_or_else(|| panic!("no shipped entry for {source}"))
}

/// Whether some target of `source`'s shipped entry stands in `draft`.
fn accepted(source: &str, draft: &str) -> bool {
    entry_present(draft, entry(source)).is_some()
}

#[test]
fn issue_11_item_1_demonyms_are_admitted() {
    let faithful = [
        ("Finlandia", "Finnish Foreign Minister Elina Valtonen"),
        ("Swedia", "the Swedish foreign minister"),
        ("Denmark", "resist the Danish invasion"),
        ("Denmark", "two Danes were injured"),
        ("Yunani", "Greek mathematics"),
        ("Yunani", "a Greek-flagged tanker"),
        ("Serbia", "different from Serbian"),
        ("Irlandia", "an Irish footballer"),
        ("Belanda", "from a Dutchman named Johannes"),
        ("Ceko", "Polish, Czech and other Slavic languages"),
        ("Azerbaijan", "Azerbaijani is spoken by all residents"),
        ("Filipina", "the Philippine government"),
        ("Filipina", "Filipino workers"),
        ("Arab Saudi", "Saudi officials"),
        ("Uni Emirat Arab", "an Emirati delegation"),
        ("Inggris Raya", "three Britons"),
        ("Norwegia", "Norwegian NIB"),
        ("Turki", "the Turkish lira"),
        ("Afrika Selatan", "South African Foreign Minister"),
        ("Korea Utara", "North Korean troops"),
    ];
    for (source, draft) in faithful {
        assert!(accepted(source, draft), "{source} should be accepted in {draft:?}");
    }
    // The country name stays the preferred target.
    assert_eq!(entry("Denmark").preferred.as_deref(), Some("Denmark"));
    assert_eq!(entry("Filipina").preferred.as_deref(), Some("Philippines"));
    // A demonym of another country is still wrong, and a territory does not
    // take its sovereign's demonym.
    let wrong = [
        ("Swedia", "the Danish foreign minister"),
        ("Belanda", "a Spanish actor"),
        ("Jepang", "a Greek actor"),
        ("Korea Utara", "South Korean troops"),
        ("Denmark", "the Dutch invasion"),
        ("Wilayah Selatan Prancis", "the French government"),
    ];
    for (source, draft) in wrong {
        assert!(!accepted(source, draft), "{source} should not be accepted in {draft:?}");
    }
}

#[test]
fn issue_11_item_1_regions_and_peoples_as_adjectives() {
    let faithful = [
        ("Afrika", "African leaders"),
        ("Eropa", "six European ministers"),
        ("Timur Tengah", "Middle Eastern terrorists"),
        ("Roma", "Roman Catholicism"),
        ("Jawa", "the Javanese tradition"),
        ("Yahudi", "Polish Jews"),
        ("Tionghoa", "Chinese-Indonesian traders"),
        ("Romawi", "the Roman Empire"),
        ("Kurdi", "Kurdish fighters"),
        ("Barat", "western arms supplies"),
        ("Nusantara", "ports of the archipelago"),
        ("bahasa Malaysia", "written in Malay"),
    ];
    for (source, draft) in faithful {
        assert!(accepted(source, draft), "{source} should be accepted in {draft:?}");
    }
    // A name written the same in both languages is no source of its own: its
    // span stays with the entity rules, which catch a respelled name.
    for name in ["Asia", "Bali", "Papua", "Aceh", "Arab", "Sunda"] {
        assert!(!builtin().entries.iter().any(|e| e.sources.iter().any(|s| s == name)), "{name}");
    }
    // Compass points capitalised in a name are not the West.
    let matcher = selaras::glossary::Matcher::new(builtin().clone()).unwrap();
    let hits = matcher.find_all("sekitar 75 mil sebelah Barat Daya Galveston");
    let terms: Vec<&str> = hits
        .iter()
        .map(|h| matcher.glossary().entries[h.entry].sources[h.source].as_str())
        .collect();
    assert_eq!(terms, vec!["Barat Daya"]);
}

#[test]
fn issue_11_item_7_standard_variants_are_admitted() {
    let faithful = [
        ("BI", "the central bank held its rate"),
        ("Bank Indonesia", "Indonesia's central bank"),
        ("TNI", "the military said"),
        ("TNI", "Indonesia's armed forces"),
        ("TNI Angkatan Laut", "the Indonesian navy"),
        ("Tentara Nasional Indonesia Angkatan Laut", "belonging to the Indonesian Navy"),
        ("Polri", "the police said"),
        ("Gubernur", "the West Sumatra gubernatorial race"),
        ("G20", "the Group of 20"),
        ("dolar AS", "reserves stood at $151.2 billion"),
        ("dolar AS", "USD 14.4 million"),
        ("serangan udara", "an air raid on Dutch Harbor"),
        ("Sekretaris Jenderal", "the party's general secretary"),
        ("DI Yogyakarta", "buses to Yogyakarta"),
        ("mudik", "a free holiday travel program"),
        ("Korea Utara", "the North's official news agency"),
        ("Menlu AS", "the US secretary of state"),
        ("WIB", "at 2 p.m. local time"),
        ("Badan Pengawas Pemilu", "the Election Supervisory Agency (Bawaslu)"),
        ("Kementerian Perdagangan", "China's Ministry of Commerce"),
        ("Menko Perekonomian", "Coordinating Minister for the Economy Boediono"),
        ("Pemkot", "the municipal government"),
        ("The Fed", "the US Federal Reserve"),
        ("Semenanjung Korea", "peace on the Korean peninsula"),
        ("Tahun Baru", "over Christmas and the new year"),
        ("KPK", "the anti-graft agency"),
        ("BNPB", "the National Disaster Mitigation Agency"),
        ("BPBD", "the local disaster agency"),
        ("BMKG", "the Meteorology, Climatology, and Geophysics Agency"),
    ];
    for (source, draft) in faithful {
        assert!(accepted(source, draft), "{source} should be accepted in {draft:?}");
    }
    // Wrong but plausible renderings still fail: a variant never lets another
    // term's translation through.
    let wrong = [
        ("BPBD", "the National Disaster Management Agency"),
        ("BNPB", "the regional disaster agency"),
        ("APBN", "the regional budget"),
        ("Bupati", "the district head"),
        ("Kapolri", "the regional police chief"),
        ("Kementerian Perdagangan", "the Industry Ministry"),
        ("Presiden", "the Prime Minister signed a presidential regulation"),
        ("Barat", "480 miles to the west"),
        ("DPR", "the regional legislature"),
        ("Korea Selatan", "the North's envoy"),
        ("WIB", "Central Indonesia Time"),
    ];
    for (source, draft) in wrong {
        assert!(!accepted(source, draft), "{source} should not be accepted in {draft:?}");
    }
}

/// Source → targets of one shipped TSV file, in file order.
fn tsv_targets(text: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let (Some(source), Some(target)) = (fields.next(), fields.next()) else {
            continue;
        };
        out.entry(source.to_lowercase()).or_default().push(target.to_string());
    }
    out
}

#[test]
fn issue_11_item_1_news_entries_keep_the_country_targets() {
    // news.tsv is layered after countries.tsv and replaces its entry for a
    // shared source: it must not drop a name or a demonym.
    let countries = tsv_targets(include_str!("../glossaries/countries.tsv"));
    let news = tsv_targets(include_str!("../glossaries/news.tsv"));
    let mut shared = 0;
    for (source, targets) in &news {
        let Some(earlier) = countries.get(source) else { continue };
        shared += 1;
        for target in earlier {
            assert!(targets.contains(target), "news.tsv {source} drops {target} of countries.tsv");
        }
    }
    assert!(shared > 0);
    // And the layered glossary has the demonyms of countries news.tsv does not list.
    let dutch: Vec<&str> = entry("Belanda").targets().collect();
    assert!(dutch.contains(&"Dutch") && dutch.contains(&"Holland"), "{dutch:?}");
}

#[test]
fn issue_11_item_1_check_accepts_demonyms_end_to_end() {
    let dir = std::env::temp_dir().join(format!("selaras-shipped-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("s.id.txt");
    let draft = dir.join("d.en.txt");
    std::fs::write(
        &source,
        "Sugiono bertemu Menteri Luar Negeri Finlandia Elina Valtonen di Jakarta.\n\n\
         Ia kemudian bertemu Menteri Luar Negeri Swedia Maria Malmer Stenergard.\n",
    )
    .unwrap();
    let run = |english: &str| -> Value {
        std::fs::write(&draft, english).unwrap();
        let output = Command::cargo_bin("selaras")
            .unwrap()
            .args(["check", source.to_str().unwrap(), draft.to_str().unwrap(), "--format", "json"])
            .output()
            .unwrap();
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let missing = |report: &Value| -> Vec<String> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "glossary.missing")
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    let faithful = run("Sugiono met Finnish Foreign Minister Elina Valtonen in Jakarta.\n\n\
                        He then met Swedish Foreign Minister Maria Malmer Stenergard.\n");
    assert!(missing(&faithful).is_empty(), "{faithful:#}");
    let swapped = run("Sugiono met Finnish Foreign Minister Elina Valtonen in Jakarta.\n\n\
                       He then met Danish Foreign Minister Maria Malmer Stenergard.\n");
    assert_eq!(
        missing(&swapped),
        vec!["Swedia should be translated as Sweden; the draft has Danish".to_string()]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
