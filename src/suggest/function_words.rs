//! Closed-class words: a term never starts or ends with one.
//!
//! Indonesian: prepositions, conjunctions, pronouns, determiners,
//! auxiliaries, negation, common adverbs and quantifiers, and the verbs of
//! saying that frame quotes in news (`kata`, `ujar`). English: articles,
//! prepositions, conjunctions, pronouns and auxiliaries; a rendering is
//! trimmed of them at both ends (`the World Bank` → `World Bank`).
//! Both lists are general grammar, not vocabulary of any corpus, and sorted
//! (a test keeps them so).

/// Indonesian function words, lower case, sorted.
const INDONESIAN: &[&str] = &[
    "ada",
    "adalah",
    "agak",
    "agar",
    "akan",
    "aku",
    "amat",
    "anda",
    "antara",
    "apa",
    "apabila",
    "atas",
    "atau",
    "ataupun",
    "bagaimana",
    "bagi",
    "bahkan",
    "bahwa",
    "baik",
    "banyak",
    "beberapa",
    "begitu",
    "beliau",
    "belum",
    "berapa",
    "bila",
    "bisa",
    "bukan",
    "cukup",
    "dalam",
    "dan",
    "dapat",
    "dari",
    "daripada",
    "demikian",
    "dengan",
    "di",
    "dia",
    "ia",
    "ialah",
    "ini",
    "itu",
    "jadi",
    "jika",
    "juga",
    "justru",
    "kalau",
    "kami",
    "kamu",
    "kapan",
    "karena",
    "kata",
    "ke",
    "kedua",
    "kembali",
    "kemudian",
    "kenapa",
    "kepada",
    "ketika",
    "kini",
    "kita",
    "lagi",
    "lain",
    "lainnya",
    "lalu",
    "lebih",
    "maka",
    "makin",
    "mana",
    "masih",
    "masing-masing",
    "maupun",
    "melalui",
    "memang",
    "mengapa",
    "menjadi",
    "menurut",
    "mereka",
    "merupakan",
    "meski",
    "meskipun",
    "mungkin",
    "namun",
    "oleh",
    "pada",
    "paling",
    "para",
    "per",
    "pernah",
    "pula",
    "pun",
    "saat",
    "saja",
    "salah",
    "sama",
    "sambil",
    "sampai",
    "sang",
    "sangat",
    "saya",
    "se",
    "sebab",
    "sebagai",
    "sebagian",
    "sebelum",
    "sebelumnya",
    "sebuah",
    "secara",
    "sedang",
    "sedangkan",
    "sehingga",
    "sejak",
    "sekali",
    "sekitar",
    "selain",
    "selalu",
    "selama",
    "semakin",
    "sementara",
    "semua",
    "seorang",
    "seperti",
    "serta",
    "sesuai",
    "setelah",
    "setiap",
    "si",
    "siapa",
    "suatu",
    "sudah",
    "supaya",
    "tak",
    "tanpa",
    "tapi",
    "telah",
    "tengah",
    "tentang",
    "tentu",
    "terhadap",
    "tersebut",
    "tetap",
    "tetapi",
    "tidak",
    "ucap",
    "ujar",
    "untuk",
    "walaupun",
    "yaitu",
    "yakni",
    "yang",
];

/// English function words, lower case, sorted.
const ENGLISH: &[&str] = &[
    "a", "about", "after", "against", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "being", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "during", "each", "for", "from", "had", "has", "have", "he", "her", "his", "i", "in",
    "into", "is", "it", "its", "may", "might", "more", "most", "must", "no", "not", "of", "on", "or", "other", "our", "over", "said",
    "shall", "she", "should", "since", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "whose", "will", "with", "would", "you", "your",
];

/// Whether `word` (lower case) is an Indonesian function word.
pub fn is_indonesian(word: &str) -> bool {
    INDONESIAN.binary_search(&word).is_ok()
}

/// Whether `word` (lower case) is an English function word.
pub fn is_english(word: &str) -> bool {
    ENGLISH.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_unique() {
        for list in [INDONESIAN, ENGLISH] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
    }

    #[test]
    fn lookups() {
        assert!(is_indonesian("yang") && is_indonesian("tersebut") && !is_indonesian("presiden"));
        assert!(is_english("the") && !is_english("minister"));
    }
}
