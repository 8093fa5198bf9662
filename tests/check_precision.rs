//! Issue 11, findings a reviser agrees with: what professional news English
//! does and must not be flagged, next to the same sentences with a real
//! mistake that must be. Each case is one source sentence (or two) and a
//! draft, run through the whole pipeline with the shipped glossary.

use std::sync::LazyLock;

use selaras::finding::{Finding, Severity};
use selaras::pipeline::{Pipeline, PipelineOptions};

static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::new(selaras::glossary::builtin().clone(), PipelineOptions::default()).unwrap());

fn findings(source: &str, draft: &str) -> Vec<Finding> {
    PIPELINE.run(source, draft).findings
}

fn serious(found: &[Finding]) -> Vec<String> {
    found
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| format!("{} {}: {}", f.severity.as_str(), f.rule.as_str(), f.message))
        .collect()
}

/// Every (source, draft) is faithful: no warning and no error.
#[track_caller]
fn assert_faithful(cases: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (source, draft) in cases {
        let found = serious(&findings(source, draft));
        if !found.is_empty() {
            failures.push(format!("{source}\n  {draft}\n  {found:?}"));
        }
    }
    assert!(failures.is_empty(), "false alarms:\n{}", failures.join("\n"));
}

/// Every (source, draft, family, marked) has a mistake: a finding of
/// `family` at `at_least` whose source or draft span is the text `marked`
/// (issue 15 item 6: a finding must point at the mistake, not only exist).
#[track_caller]
fn assert_caught(cases: &[(&str, &str, &str, &str)], at_least: Severity) {
    let mut missed = Vec::new();
    for (source, draft, family, marked) in cases {
        let found = findings(source, draft);
        let marks = |f: &Finding| -> Vec<String> {
            let source_mark = f.source.as_ref().map(|l| l.span.slice(source).to_string());
            let draft_mark = f.target.as_ref().map(|l| l.span.slice(draft).to_string());
            source_mark.into_iter().chain(draft_mark).collect()
        };
        let hit = found
            .iter()
            .any(|f| f.rule.as_str().starts_with(family) && f.severity >= at_least && marks(f).iter().any(|m| m == marked));
        if !hit {
            let of_family: Vec<String> = found
                .iter()
                .filter(|f| f.rule.as_str().starts_with(family))
                .map(|f| format!("{} {} at {:?}", f.severity.as_str(), f.rule.as_str(), marks(f)))
                .collect();
            missed.push(format!(
                "{source}\n  {draft}\n  wanted {family} marking {marked:?}; got {of_family:?} (serious: {:?})",
                serious(&found)
            ));
        }
    }
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

#[test]
fn issue_11_item_3_dates_are_one_thing() {
    assert_faithful(&[
        (
            "Banjir melanda Jakarta pada Senin (25/11/2024).",
            "Floods hit Jakarta on Monday, Nov. 25, 2024.",
        ),
        (
            "Banjir melanda Jakarta pada Senin (25/11/2024).",
            "Floods hit Jakarta on Monday 25 November 2024.",
        ),
        ("Sidang digelar pada 11 November 2024.", "The hearing was held on Nov 11, 2024."),
        ("Pameran berlangsung pada 3-5 Desember 2024.", "The fair runs Dec. 3-5, 2024."),
    ]);
    assert_caught(
        &[
            (
                "Banjir melanda Jakarta pada Senin (25/11/2024).",
                "Floods hit Jakarta on Monday, Nov. 26, 2024.",
                "number",
                "Monday, Nov. 26, 2024",
            ),
            (
                "Sidang digelar pada 11 November 2024.",
                "The hearing was held on Dec. 11, 2024.",
                "calendar",
                "Dec. 11, 2024",
            ),
        ],
        Severity::Error,
    );
    // One date, one finding, in a reviser's words.
    let found = findings("Banjir melanda Jakarta pada Senin (25/11/2024).", "Floods hit Jakarta.");
    let dates: Vec<&Finding> = found.iter().filter(|f| f.message.contains("25/11/2024")).collect();
    assert_eq!(dates.len(), 1, "{found:#?}");
    assert!(
        dates[0].message.contains("the date 25/11/2024 is not in the draft"),
        "{}",
        dates[0].message
    );
}

#[test]
fn issue_11_item_2_currency_and_scale_shorthand() {
    assert_faithful(&[
        (
            "Pemerintah menyiapkan dana Rp 1,5 triliun.",
            "The government has set aside Rp1.5 trillion.",
        ),
        (
            "Pemerintah menyiapkan dana Rp 1,5 triliun.",
            "The government has set aside 1.5 trillion rupiah.",
        ),
        (
            "Pemerintah menyiapkan dana Rp 1,5 triliun.",
            "The government has set aside Rp1.5tn.",
        ),
        (
            "Pemerintah menyiapkan dana Rp 1,5 triliun.",
            "The government has set aside IDR1.5 trillion.",
        ),
        ("Ekspor mencapai 221 miliar dolar AS.", "Exports reached $221bn."),
    ]);
    assert_caught(
        &[
            (
                "Pemerintah menyiapkan dana Rp 1,5 triliun.",
                "The government has set aside Rp15 trillion.",
                "number",
                "15 trillion",
            ),
            ("Ekspor mencapai 221 miliar dolar AS.", "Exports reached $212bn.", "number", "212bn"),
        ],
        Severity::Error,
    );
}

#[test]
fn issue_11_item_4_clock_times() {
    assert_faithful(&[
        ("Rapat dimulai pukul 14.00 WIB.", "The meeting began at 2 p.m."),
        ("Rapat dimulai pukul 14.00 WIB.", "The meeting began at 2pm."),
        ("Rapat dimulai pukul 09.00 WIB.", "The meeting began at 9 a.m."),
        ("Toko buka pukul 06.30 hingga 10.00 WIB.", "Shops open from 6.30-10am."),
    ]);
    assert_caught(
        &[("Rapat dimulai pukul 14.00 WIB.", "The meeting began at 3 p.m.", "number", "3 p.m.")],
        Severity::Error,
    );
}

#[test]
fn issue_11_item_1_and_7_demonyms_and_official_forms() {
    assert_faithful(&[
        (
            "Menteri Luar Negeri Finlandia Elina Valtonen tiba di Jakarta.",
            "Finnish Foreign Minister Elina Valtonen arrived in Jakarta.",
        ),
        (
            "Kementerian Sosial menyalurkan bantuan.",
            "The Ministry of Social Affairs distributed aid.",
        ),
        (
            "Kementerian Pertahanan membantah laporan itu.",
            "The Ministry of Defence denied the report.",
        ),
        (
            "Kementerian Pertahanan membantah laporan itu.",
            "The Defense Ministry denied the report.",
        ),
    ]);
    assert_caught(
        &[(
            "Menteri Luar Negeri Swedia Maria Malmer Stenergard tiba di Jakarta.",
            "Danish Foreign Minister Maria Malmer Stenergard arrived in Jakarta.",
            "glossary",
            "Danish",
        )],
        Severity::Error,
    );
}

#[test]
fn issue_11_item_5_case_in_headlines_and_titles() {
    assert_faithful(&[
        ("Korea Utara Ancam Serangan Nuklir", "North Korea Threatens Nuclear Strike"),
        (
            "Menteri Luar Negeri mengatakan hal itu kepada wartawan.",
            "The foreign minister told reporters so.",
        ),
    ]);
}

#[test]
fn issue_11_item_8_decades_units_and_words() {
    assert_faithful(&[
        ("Tren itu dimulai pada tahun 1990-an.", "The trend began in the 1990s."),
        ("Suhu turun hingga 2 C pada malam hari.", "Temperatures fell to 2C at night."),
        ("Sebanyak 25 persen warga mengungsi.", "A quarter of residents fled."),
    ]);
}

#[test]
fn issue_11_item_10_a_free_translation_is_one_pair() {
    let found = findings(
        "Saya tidak sekadar menyebutnya binatang dengan tidak sungguh-sungguh.",
        "I don't call it a beast lightly.",
    );
    assert!(serious(&found).is_empty(), "{:?}", serious(&found));
}

#[test]
fn issue_11_recall_names_acronyms_and_codes_kept_on_both_sides() {
    assert_caught(
        &[
            (
                "Bill Clinton tiba di Jakarta kemarin.",
                "Bill Clinten arrived in Jakarta yesterday.",
                "entity",
                "Bill Clinten",
            ),
            (
                "Laporan BBC itu dibantah pemerintah.",
                "The government denied the BBG report.",
                "entity",
                "BBG",
            ),
            (
                "Asosiasi IATA memperkirakan kenaikan.",
                "The IASA association expects an increase.",
                "entity",
                "IASA",
            ),
            (
                "Korea Utara menguji rudal Hwasong-19.",
                "North Korea tested a Hwasong-18 missile.",
                "entity",
                "Hwasong-18",
            ),
        ],
        Severity::Warning,
    );
}

#[test]
fn issue_11_recall_calendar_by_count_and_ranges() {
    assert_caught(
        &[
            (
                "Penjualan naik pada Januari-Februari.",
                "Sales rose in January-July.",
                "calendar",
                "July",
            ),
            (
                "Setelah serangan 11 September, ia kembali ke New York pada September 2002.",
                "After the September 11 attacks, he returned to New York in July 2002.",
                "calendar",
                "July 2002",
            ),
        ],
        Severity::Error,
    );
}

#[test]
fn issue_11_recall_additions_by_weight() {
    let source = "Banjir merendam ratusan rumah di Bekasi.\n\nWarga mengungsi ke masjid terdekat.\n";
    let pasted = "Floods submerged hundreds of homes in Bekasi.\n\nResidents fled to the nearest mosque. \
                  Separately, Japan's Nikkei 225 index closed 1.2 percent higher on Tuesday in Tokyo trading after a week of losses.\n";
    let found = findings(source, pasted);
    assert!(
        found.iter().any(|f| f.rule.as_str() == "addition" && f.severity == Severity::Error),
        "{found:#?}"
    );
    let explained = "Floods submerged hundreds of homes in Bekasi.\n\nResidents fled to the nearest mosque. \
                     Many had done so before.\n";
    let found = findings(source, explained);
    let additions: Vec<&Finding> = found.iter().filter(|f| f.rule.as_str() == "addition").collect();
    assert!(
        !additions.is_empty() && additions.iter().all(|f| f.severity == Severity::Warning),
        "{found:#?}"
    );
}

#[test]
fn issue_11_item_3_ranges_written_with_words_are_one_date() {
    assert_faithful(&[
        (
            "Festival itu digelar tanggal 24 sampai 27 Oktober di Wigtown.",
            "The festival is held from Oct. 24 to 27 in Wigtown.",
        ),
        (
            "Festival itu digelar tanggal 24 hingga 27 Oktober di Wigtown.",
            "The festival runs from 24 to 27 October in Wigtown.",
        ),
    ]);
    assert_caught(
        &[(
            "Festival itu digelar tanggal 24 sampai 27 Oktober di Wigtown.",
            "The festival is held from Oct. 24 to 29 in Wigtown.",
            "number",
            "Oct. 24 to 29",
        )],
        Severity::Error,
    );
}

/// Found on a second, unseen newsroom set: a short sentence joined to its
/// neighbour is a merge, and a date within the week given by its weekday
/// beside another date of the sentence is shortened, not missing.
#[test]
fn issue_11_merges_and_weekdays_beside_other_dates() {
    assert_faithful(&[
        (
            "Ratusan korban memadati halaman PN Surabaya sejak pukul 09.00 WIB. Sebagian dari mereka membentangkan spanduk bertuliskan tuntutan agar uang mereka dikembalikan.",
            "Hundreds of victims crowded the court's forecourt from 9am, some holding up banners demanding their money back.",
        ),
        (
            "Pasar menanti rilis data neraca perdagangan yang dijadwalkan pada Jumat (15/8/2025) serta data inflasi AS pada Selasa (12/8/2025).",
            "Markets await trade data, due on Aug. 15, 2025, and U.S. inflation figures on Tuesday.",
        ),
        (
            "Persib akan bertandang ke markas PSM Makassar pada Jumat (24/10/2025), sedangkan Persija menjamu Bali United tiga hari kemudian.",
            "Persib visit PSM Makassar on Friday, while Persija host Bali United on Oct. 27.",
        ),
    ]);
    assert_caught(
        &[
            (
                "Ratusan korban memadati halaman PN Surabaya sejak pukul 09.00 WIB. Sebagian dari mereka membentangkan spanduk bertuliskan tuntutan agar uang mereka dikembalikan.",
                "Hundreds of victims crowded the forecourt of the Surabaya District Court from 9 a.m.",
                "omission",
                "Sebagian dari mereka membentangkan spanduk bertuliskan tuntutan agar uang mereka dikembalikan.",
            ),
            (
                "Pasar menanti rilis data neraca perdagangan yang dijadwalkan pada Jumat (15/8/2025) serta data inflasi AS pada Selasa (12/8/2025).",
                "Markets await trade data, due on Aug. 15, and U.S. inflation figures on Aug. 13.",
                "number",
                "Aug. 13",
            ),
        ],
        Severity::Error,
    );
}

/// More classes from the second newsroom set: police units named by their
/// place, a deputy's title, foreign secretaries, British millions, a
/// pronoun for the currency, the Jakarta Post's police ranks.
#[test]
fn issue_11_police_deputies_millions_and_ranks() {
    assert_faithful(&[
        ("Polda Jawa Timur kemudian menangkap Rudy.", "East Java Police then arrested Rudy."),
        (
            "Kapolres Pesisir Jaya AKBP Irwan Nugroho menyebut situasi aman.",
            "Pesisir Jaya police chief Adj. Sr. Comr. Irwan Nugroho said the situation was safe.",
        ),
        (
            "Hal itu dikatakan Wakil Ketua KPK Rahmat Hidayat di Jakarta.",
            "KPK deputy chairman Rahmat Hidayat said so in Jakarta.",
        ),
        (
            "Menlu Filipina Enrique Manalo hadir dalam pertemuan itu.",
            "Philippine Foreign Secretary Enrique Manalo attended the meeting.",
        ),
        (
            "Pemerintah menyalurkan 9,2 juta dosis vaksin.",
            "The government distributed 9.2m doses of vaccine.",
        ),
        (
            "Rupiah menguat pada Jumat. Sepanjang pekan, rupiah menguat 0,9 persen.",
            "The rupiah strengthened on Friday. It gained 0.9 percent over the week.",
        ),
        (
            "Warga yang akan mudik diminta berhati-hati.",
            "People traveling home were urged to take care.",
        ),
    ]);
    assert_caught(
        &[
            // A plain 9.2 for 9,2 juta is still a changed number, and
            // another currency in the rupiah's place is still an error.
            (
                "Pemerintah menyalurkan 9,2 juta dosis vaksin.",
                "The government distributed 9.2 doses of vaccine.",
                "number",
                "9.2",
            ),
            (
                "Aksi lepas rupiah agak tertahan oleh masuknya investor asing.",
                "The ringgit release was somewhat restrained by the entry of foreign investors.",
                "glossary",
                "rupiah",
            ),
            (
                "Hal itu dikatakan Ketua KPK Rahmat Hidayat di Jakarta.",
                "Police chief Rahmat Hidayat said so in Jakarta.",
                "glossary",
                "Ketua KPK",
            ),
        ],
        Severity::Error,
    );
}

/// Three more classes of the second newsroom set, each beside the real
/// mistake of its kind: the article's own date left out of a later
/// attribution (the dateline has it), a week written with its weekdays,
/// and a capital named without its country.
#[test]
fn issue_11_articles_own_date_weeks_and_capitals_without_their_country() {
    let dated = |body: &str| format!("Kamis, 13 Mar 2025 17:45 WIB\n\nSurabaya - Hakim menjatuhkan vonis. {body}");
    let draft_dated = |body: &str| format!("Thursday, March 13, 2025, 5:45 p.m. WIB\n\nSURABAYA — The judge passed sentence. {body}");
    let own_date = dated("\"Vonis itu adil,\" kata Ketua Majelis Hakim Agus Setiawan di Surabaya, Kamis (13/3/2025).");
    let own_date_en = draft_dated("\"The sentence is fair,\" presiding judge Agus Setiawan said in Surabaya.");
    let other_date = dated("\"Vonis itu adil,\" kata Ketua Majelis Hakim Agus Setiawan di Surabaya, Senin (10/3/2025).");
    assert_faithful(&[
        (own_date.as_str(), own_date_en.as_str()),
        (
            "BMKG memprakirakan hujan lebat selama sepekan ke depan, yakni pada Senin-Minggu, 22-28 Desember 2025.",
            "The BMKG forecasts heavy rain over the coming week, from Monday 22 to Sunday 28 December 2025.",
        ),
        (
            "Pertemuan itu digelar di Kuala Lumpur, Malaysia, Rabu (9/7/2025).",
            "The meeting was held in Kuala Lumpur on Wednesday, July 9, 2025.",
        ),
    ]);
    assert_caught(
        &[
            // Another day than the dateline's, left out: lost.
            (other_date.as_str(), own_date_en.as_str(), "number", "Senin (10/3/2025)"),
            (
                "BMKG memprakirakan hujan lebat selama sepekan ke depan, yakni pada Senin-Minggu, 22-28 Desember 2025.",
                "The BMKG forecasts heavy rain over the coming week, from Monday 22 to Sunday 29 December 2025.",
                "number",
                "Monday 22 to Sunday 29 December 2025",
            ),
            (
                "Pertemuan itu digelar di Kuala Lumpur, Malaysia, Rabu (9/7/2025).",
                "The meeting was held in Kuala Lumpur, Singapore, on Wednesday, July 9, 2025.",
                "glossary",
                "Singapore",
            ),
        ],
        Severity::Error,
    );
}

/// A number written out at the start of a sentence anchors like digits,
/// and a short plain sentence may be condensed by more than a factor of
/// three: each a free 1-1 rendering, not an omission beside an addition.
#[test]
fn issue_11_spelled_numbers_and_short_free_renderings_are_pairs() {
    let manifest = "Berdasarkan manifes, kapal tersebut mengangkut 53 penumpang dan 12 anak buah kapal, sehingga total 65 orang.";
    let manifest_en = "According to the manifest, the vessel had 53 passengers and 12 crew on board, 65 people in all.";
    let rescued = format!("{manifest} Sebanyak 31 orang berhasil diselamatkan dalam kondisi hidup.");
    let rescued_en = format!("{manifest_en} Thirty-one were rescued alive.");
    let substitution =
        "Pelatih memasukkan Beckham Putra pada menit ke-58. Pergantian itu membuahkan hasil. Pada menit ke-67, Ciro Alves mencetak gol.";
    let substitution_en = "The coach brought on Beckham Putra after 58 minutes. It worked. In the 67th minute Ciro Alves scored.";
    assert_faithful(&[(rescued.as_str(), rescued_en.as_str()), (substitution, substitution_en)]);
    let rescued_dropped = manifest_en.to_string();
    let substitution_dropped = "The coach brought on Beckham Putra after 58 minutes. In the 67th minute Ciro Alves scored.";
    assert_caught(
        &[
            (
                rescued.as_str(),
                rescued_dropped.as_str(),
                "omission",
                "Sebanyak 31 orang berhasil diselamatkan dalam kondisi hidup.",
            ),
            (substitution, substitution_dropped, "omission", "Pergantian itu membuahkan hasil."),
        ],
        Severity::Error,
    );
}
