//! Paragraph layouts: one per line, blank-line blocks, hard-wrapped blocks,
//! and the breaks that end a paragraph in every layout.

use super::*;

fn paragraphs(text: &str, mode: ParagraphMode) -> (ParagraphMode, Vec<&str>) {
    let (mode, ranges) = split(text, mode);
    (mode, ranges.iter().map(|&(s, e)| &text[s..e]).collect())
}

#[test]
fn one_paragraph_per_line_by_default() {
    let text = "Judul\r\nKalimat satu. Dua.\n\n  Tiga.  \n";
    assert_eq!(
        paragraphs(text, ParagraphMode::Auto),
        (ParagraphMode::Lines, vec!["Judul", "Kalimat satu. Dua.", "Tiga."])
    );
}

#[test]
fn hard_wrapped_blocks_are_detected() {
    let text = "MOSKOW - Korea Utara akan mendukung Rusia hingga mencapai\nkemenangan di Ukraina.\n\nMenteri Luar Negeri Choe Son Hui mengatakan hal\ntersebut di Moskow saat Amerika Serikat memperingatkan ribuan\npasukan Pyongyang berada di perbatasan Ukraina.\n";
    let (mode, found) = paragraphs(text, ParagraphMode::Auto);
    assert_eq!(mode, ParagraphMode::Blank);
    assert_eq!(found.len(), 2);
    assert!(found[1].starts_with("Menteri") && found[1].ends_with("Ukraina."));
}

#[test]
fn explicit_mode_wins() {
    let text = "a\nb\n\nc";
    assert_eq!(paragraphs(text, ParagraphMode::Lines).1, vec!["a", "b", "c"]);
    assert_eq!(paragraphs(text, ParagraphMode::Blank).1, vec!["a\nb", "c"]);
}

#[test]
fn empty_and_blank_text_have_no_paragraphs() {
    assert!(paragraphs("", ParagraphMode::Auto).1.is_empty());
    assert!(paragraphs(" \n\r\n\t", ParagraphMode::Blank).1.is_empty());
    assert!(paragraphs("\n\n", ParagraphMode::Auto).1.is_empty());
}

#[test]
fn issue_14_headline_and_dateline_above_blank_line_paragraphs() {
    let text = "Korea Utara Akan Dukung Rusia hingga Tercapai Kemenangan di Ukraina\nSabtu, 02 November 2024 - 14:23 WIB\n\nMOSKOW - Korea Utara akan mendukung Rusia hingga mencapai kemenangan di Ukraina.\n\nMenteri Luar Negeri Choe Son Hui mengatakan hal tersebut di Moskow.\n";
    for mode in [ParagraphMode::Auto, ParagraphMode::Blank] {
        let (_, found) = paragraphs(text, mode);
        assert_eq!(found.len(), 4, "{mode:?}: {found:?}");
        assert_eq!(found[0], "Korea Utara Akan Dukung Rusia hingga Tercapai Kemenangan di Ukraina");
        assert_eq!(found[1], "Sabtu, 02 November 2024 - 14:23 WIB");
    }
}

#[test]
fn issue_14_headline_directly_above_a_one_line_body() {
    let text = "Kisah pendiri Facebook dibuat komik\nRoekman mengatakan selama ini perusahaan belum pernah menerbitkan komik tentang tokoh teknologi, sehingga penerbitan ini menjadi yang pertama di Indonesia dan kawasan.\n\nNaskah asli Harry Potter dipamerkan\nPada akhir pidatonya, Presiden menyampaikan terima kasih kepada seluruh peserta.\n";
    let (mode, found) = paragraphs(text, ParagraphMode::Auto);
    assert_eq!(mode, ParagraphMode::Lines);
    assert_eq!(found.len(), 4, "{found:?}");
    assert_eq!(found[2], "Naskah asli Harry Potter dipamerkan");
}

#[test]
fn issue_14_long_lines_are_never_wrapped() {
    let long = "Kalimat panjang yang terus berlanjut ".repeat(8);
    let text = format!(
        "{long}\ndan ini baris berikutnya yang pendek\n\nsatu dua tiga empat lima enam tujuh delapan\nsembilan sepuluh sebelas dua belas.\n"
    );
    let (_, found) = paragraphs(&text, ParagraphMode::Auto);
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[0], long.trim_end());
}

#[test]
fn issue_14_short_unpunctuated_line_before_a_capital_ends_its_paragraph_in_a_wrapped_block() {
    let text = "Rusia dan Korea Utara\nMOSKOW - Korea Utara akan mendukung Rusia hingga mencapai\nkemenangan di Ukraina. Menteri Luar Negeri Choe Son Hui\nmengatakan hal tersebut di Moskow.\n";
    for mode in [ParagraphMode::Auto, ParagraphMode::Blank] {
        let (_, found) = paragraphs(text, mode);
        assert_eq!(found[0], "Rusia dan Korea Utara", "{mode:?}");
        assert_eq!(found.len(), 2, "{mode:?}: {found:?}");
    }
}

#[test]
fn wrapped_line_before_a_capitalised_word_stays_wrapped() {
    let text = "Menteri Luar Negeri Choe Son Hui mengatakan hal tersebut di\nMoskow saat Amerika Serikat memperingatkan ribuan pasukan\nPyongyang berada di perbatasan Ukraina dan dapat segera\ndikerahkan untuk bertempur.\n";
    let (mode, found) = paragraphs(text, ParagraphMode::Auto);
    assert_eq!(mode, ParagraphMode::Blank);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn wrapped_paragraphs_without_blank_lines_end_at_short_lines() {
    let text = "Menteri Luar Negeri Choe Son Hui mengatakan hal tersebut di\nMoskow saat Amerika Serikat memperingatkan ribuan pasukan\nPyongyang berada di perbatasan.\nIa mengatakan Korea Utara perlu memperkuat persenjataan\nnuklirnya jika perlu.\n";
    let (_, found) = paragraphs(text, ParagraphMode::Auto);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[1].starts_with("Ia mengatakan"));
}

#[test]
fn full_width_title_case_headline_is_not_joined_to_the_lead() {
    let text = "Korea Utara Akan Dukung Rusia hingga Tercapai Kemenangan di\nMOSKOW - Korea Utara akan mendukung Rusia hingga mencapai\nkemenangan di Ukraina.\n";
    let (_, found) = paragraphs(text, ParagraphMode::Auto);
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn boilerplate_lines_stand_alone_in_a_wrapped_text() {
    let text = "Menteri Luar Negeri Choe Son Hui mengatakan hal tersebut\ndi Moskow saat Amerika Serikat memperingatkan ribuan pasukan.\n(ahm)\nLihat Juga :\ntulis komentar anda\n";
    let (_, found) = paragraphs(text, ParagraphMode::Auto);
    assert_eq!(found[1..], ["(ahm)", "Lihat Juga :", "tulis komentar anda"]);
}
