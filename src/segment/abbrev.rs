//! The abbreviation table (`abbreviations.tsv`, compiled in) and its lookup.
//!
//! The table is data rather than code so that a new abbreviation is one
//! line; `tests` below keep it well-formed and duplicate-free.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Lang;

/// How an abbreviation behaves before a possible sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Stands before a name or number and never ends a sentence.
    Title,
    /// Stands before a number or code (`No. 12`, `Telp. (021)`); ends a
    /// sentence only before a capitalised word that is neither.
    Number,
    /// May end a sentence (see `abbreviations.tsv` for the rule per language).
    Final,
}

const TABLE: &str = include_str!("abbreviations.tsv");

struct Tables {
    id: HashMap<&'static str, AbbrevClass>,
    en: HashMap<&'static str, AbbrevClass>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut id = HashMap::new();
    let mut en = HashMap::new();
    for (abbrev, class, lang) in rows() {
        if lang != "en" {
            id.insert(abbrev, class);
        }
        if lang != "id" {
            en.insert(abbrev, class);
        }
    }
    Tables { id, en }
});

fn rows() -> impl Iterator<Item = (&'static str, AbbrevClass, &'static str)> {
    TABLE.lines().filter(|line| !line.is_empty() && !line.starts_with('#')).map(|line| {
        let mut fields = line.split('\t');
        let abbrev = fields.next().unwrap_or_default();
        let class = match fields.next() {
            Some("title") => AbbrevClass::Title,
            Some("number") => AbbrevClass::Number,
            _ => AbbrevClass::Final,
        };
        let lang = fields.next().unwrap_or("*");
        (abbrev, class, lang)
    })
}

/// The class of `word` (written without its final full stop) in `lang`.
pub fn lookup(word: &str, lang: Lang) -> Option<AbbrevClass> {
    let table = match lang {
        Lang::Id => &TABLES.id,
        Lang::En => &TABLES.en,
    };
    table.get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_are_well_formed_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for line in TABLE.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "bad row {line:?}");
            assert!(matches!(fields[1], "title" | "number" | "final"), "bad class in {line:?}");
            assert!(matches!(fields[2], "id" | "en" | "*"), "bad language in {line:?}");
            assert!(!fields[0].ends_with('.'), "write {line:?} without its full stop");
            assert!(seen.insert(fields[0]), "duplicate abbreviation {:?}", fields[0]);
        }
    }

    #[test]
    fn lookup_respects_language_and_case() {
        assert_eq!(lookup("dll", Lang::Id), Some(AbbrevClass::Final));
        assert_eq!(lookup("dll", Lang::En), None);
        assert_eq!(lookup("Gen", Lang::En), Some(AbbrevClass::Title));
        assert_eq!(lookup("dr", Lang::Id), Some(AbbrevClass::Title));
        assert_eq!(lookup("DR", Lang::Id), None);
        assert_eq!(lookup("no", Lang::Id), Some(AbbrevClass::Number));
        assert_eq!(lookup("Lt", Lang::Id), Some(AbbrevClass::Title));
    }
}
