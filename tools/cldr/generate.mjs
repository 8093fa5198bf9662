// Generates the CLDR-derived glossaries of selaras:
//
//   glossaries/countries.tsv  Indonesian -> English country and territory names
//                             (cldr-localenames-full: main/{id,en}/territories.json),
//                             with English demonyms admitted (world-countries:
//                             countries.json, demonyms.eng)
//   glossaries/calendar.tsv   Indonesian -> English weekday and month names
//                             (cldr-dates-full: main/{id,en}/ca-gregorian.json)
//
// and copies the licences shipped inside the npm packages to glossaries/:
// LICENSE-CLDR.txt (Unicode License v3) and LICENSE-ODbL.txt (world-countries,
// Open Database License 1.0).
//
// Run:  cd tools/cldr && npm ci && node generate.mjs
//
// The output is deterministic: the same package versions give byte-identical files.
// Everything this script adds or changes beyond the raw CLDR data is listed in the
// tables below (EXCLUDED, DROP_SOURCES, OVERRIDES, SOURCE_NOTES, DEMONYM_EXTRAS,
// CALENDAR_EXTRAS), each with its reason, and is marked in the comment column of
// the row it produced.

import { readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', '..', 'glossaries');
const require = createRequire(import.meta.url);

function pkgDir(name) {
  return dirname(require.resolve(`${name}/package.json`));
}
function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
const LOCALENAMES = pkgDir('cldr-localenames-full');
const DATES = pkgDir('cldr-dates-full');
const localenamesVersion = readJson(join(LOCALENAMES, 'package.json')).version;
const datesVersion = readJson(join(DATES, 'package.json')).version;
const cldrVersion = readJson(join(LOCALENAMES, 'package.json')).cldrVersion;
const WORLD = pkgDir('world-countries');
const worldVersion = readJson(join(WORLD, 'package.json')).version;

// ---------------------------------------------------------------------------
// Territories

// Two-letter codes that are not countries or territories a news text names as such.
// (Numeric codes such as 001 or 150 are macro-regions and are skipped by the regex.)
const EXCLUDED = {
  EU: 'European Union: an organisation, kept in news.tsv (Uni Eropa, UE)',
  EZ: 'Eurozone: not a territory, kept in news.tsv (zona euro)',
  UN: 'United Nations: an organisation, kept in news.tsv (PBB)',
  QO: 'Outlying Oceania: a statistical grouping, not a place news names',
  XA: 'pseudo-locale (Pseudo-Accents), not a place',
  XB: 'pseudo-locale (Pseudo-Bidi), not a place',
  ZZ: 'Unknown Region placeholder',
};

// Indonesian CLDR names that are not usable as glossary sources, by code and key.
const DROP_SOURCES = {
  // "jersey" is an everyday Indonesian loanword (a sports shirt: "jersey timnas"),
  // and the engine matches non-acronyms case-insensitively: it would flood checks.
  JE: 'Jersey',
};

// News-style adjustments, keyed by CLDR code. Each gives the rows for that code in
// place of the automatic ones: [source, target, note] in preference order. A note is
// appended to the comment column. Reasons:
//  * CLDR's disambiguating display forms ("Kongo - Kinshasa", "Myanmar (Burma)") never
//    occur in running text, so the form a news text uses is given as the source;
//  * American news style (AP) prefers a different CLDR form: Turkey, Czech Republic,
//    Ivory Coast, the Vatican, Macao; the CLDR form stays admitted.
const OVERRIDES = {
  CD: [
    ['Republik Demokratik Kongo', 'Democratic Republic of Congo', 'news form of CLDR "Kongo - Kinshasa"'],
    ['Republik Demokratik Kongo', 'Democratic Republic of the Congo', 'CLDR-style long form'],
    ['Republik Demokratik Kongo', 'Congo', ''],
    ['Republik Demokratik Kongo', 'DR Congo', ''],
    ['Republik Demokratik Kongo', 'Congo - Kinshasa', 'CLDR en'],
    ['Kongo - Kinshasa', 'Congo - Kinshasa', 'CLDR display form'],
    ['Kongo (RDK)', 'Congo (DRC)', 'CLDR alt-variant'],
    ['RDK', 'DRC', 'Indonesian acronym of Republik Demokratik Kongo'],
    ['RDK', 'DR Congo', ''],
  ],
  CG: [
    ['Republik Kongo', 'Republic of Congo', 'news form of CLDR "Kongo - Brazzaville"'],
    ['Republik Kongo', 'Republic of the Congo', ''],
    ['Republik Kongo', 'Congo', ''],
    ['Republik Kongo', 'Congo - Brazzaville', 'CLDR en'],
    ['Kongo - Brazzaville', 'Congo - Brazzaville', 'CLDR display form'],
    ['Kongo (Republik)', 'Congo (Republic)', 'CLDR alt-variant'],
  ],
  CI: [
    ['Pantai Gading', 'Ivory Coast', 'CLDR alt-variant; AP style'],
    ['Pantai Gading', 'Côte d’Ivoire', 'CLDR en'],
    ['Côte d’Ivoire', 'Ivory Coast', 'CLDR id; AP style'],
    ['Côte d’Ivoire', 'Côte d’Ivoire', 'CLDR en'],
  ],
  CZ: [
    ['Ceko', 'Czech Republic', 'CLDR alt-variant; AP style'],
    ['Ceko', 'Czechia', 'CLDR en'],
    ['Republik Ceko', 'Czech Republic', 'CLDR alt-variant'],
    ['Republik Ceko', 'Czechia', 'CLDR en'],
  ],
  MM: [
    ['Myanmar', 'Myanmar', 'CLDR "Myanmar (Burma)" without the gloss'],
    ['Myanmar', 'Burma', ''],
    ['Myanmar (Burma)', 'Myanmar (Burma)', 'CLDR display form'],
  ],
  TR: [
    ['Turki', 'Turkey', 'CLDR alt-variant; AP style'],
    ['Turki', 'Türkiye', 'CLDR en'],
    ['Turkiye', 'Türkiye', 'CLDR id alt-variant'],
    ['Turkiye', 'Turkey', ''],
  ],
  VA: [
    ['Vatikan', 'Vatican', 'news form of CLDR "Vatican City"'],
    ['Vatikan', 'Vatican City', 'CLDR en'],
    ['Vatikan', 'Holy See', ''],
  ],
  CC: [
    ['Kepulauan Cocos', 'Cocos Islands', 'CLDR "Kepulauan Cocos (Keeling)" without the gloss'],
    ['Kepulauan Cocos', 'Cocos (Keeling) Islands', 'CLDR en'],
    ['Kepulauan Cocos (Keeling)', 'Cocos (Keeling) Islands', 'CLDR display form'],
  ],
  FK: [
    ['Kepulauan Falkland', 'Falkland Islands', 'CLDR en'],
    ['Kepulauan Falkland (Malvinas)', 'Falkland Islands (Islas Malvinas)', 'CLDR alt-variant'],
    ['Kepulauan Malvinas', 'Falkland Islands', 'Argentine name, used in Indonesian news'],
    ['Kepulauan Malvinas', 'Malvinas', ''],
  ],
  NZ: [
    ['Selandia Baru', 'New Zealand', 'CLDR en'],
    ['Aotearoa (Selandia Baru)', 'Aotearoa New Zealand', 'CLDR alt-variant'],
  ],
  HK: [
    ['Hong Kong', 'Hong Kong', 'CLDR alt-short'],
    ['Hong Kong DAK Tiongkok', 'Hong Kong SAR China', 'CLDR en'],
    ['Hong Kong DAK Tiongkok', 'Hong Kong', 'CLDR en alt-short'],
  ],
  MO: [
    ['Makau', 'Macao', 'CLDR alt-short'],
    ['Makau', 'Macau', 'common spelling'],
    ['Makau DAK Tiongkok', 'Macao SAR China', 'CLDR en'],
    ['Makau DAK Tiongkok', 'Macao', 'CLDR en alt-short'],
  ],
  SZ: [
    // CLDR id main "eSwatini" and alt-variant "Eswatini" differ only in case; the
    // engine matches case-insensitively, so one source is kept.
    ['Eswatini', 'Eswatini', 'CLDR en; CLDR id "eSwatini"/"Eswatini"'],
    ['Eswatini', 'Swaziland', 'CLDR en alt-variant (former name)'],
  ],
  US: [
    ['Amerika Serikat', 'United States', 'CLDR en'],
    ['Amerika Serikat', 'US', 'CLDR en alt-short'],
    ['Amerika Serikat', 'U.S.', 'AP style abbreviation'],
    ['AS', 'US', 'CLDR id/en alt-short'],
    ['AS', 'U.S.', 'AP style abbreviation'],
    ['AS', 'United States', 'CLDR en'],
  ],
  GB: [
    ['Inggris Raya', 'Britain', 'news style for "Great Britain"/the UK'],
    ['Inggris Raya', 'United Kingdom', 'CLDR en'],
    ['Inggris Raya', 'UK', 'CLDR en alt-short'],
    ['Inggris Raya', 'Great Britain', ''],
    ['UK', 'UK', 'CLDR id/en alt-short'],
    ['UK', 'United Kingdom', 'CLDR en'],
    ['UK', 'Britain', ''],
  ],
  PS: [
    ['Palestina', 'Palestine', 'CLDR alt-short'],
    ['Palestina', 'Palestinian Territories', 'CLDR en'],
    ['Wilayah Palestina', 'Palestinian Territories', 'CLDR en'],
  ],
};

// Notes appended to the first row of a source, for sources with an everyday
// lowercase homonym that the engine skips (capitalised use is intended).
const SOURCE_NOTES = {
  Kamboja: 'also "kamboja" = frangipani (flower): capitalised use intended',
};

// ---------------------------------------------------------------------------
// Demonyms
//
// CLDR has no demonyms, yet news English names a country by its adjective as often
// as by its name (Menteri Luar Negeri Finlandia = the Finnish Foreign Minister,
// kapal berbendera Yunani = a Greek-flagged ship). The English demonyms of the
// world-countries data (mledoze/countries, ODbL 1.0), matched by the CLDR region
// code, are admitted targets of every source of that code, after CLDR's names, so
// the country name stays the preferred target. Rules:
//  * a value listing several demonyms ("Antiguan, Barbudan", "Kittitian or
//    Nevisian") gives each of them;
//  * a demonym that several codes share is kept only for independent states: the
//    sovereign keeps "French", "Dutch", "Indian", "American", "Norwegian" (not the
//    French Southern Territories, Caribbean Netherlands, British Indian Ocean
//    Territory, Northern Mariana Islands, Svalbard), both Congos keep "Congolese",
//    Dominica and the Dominican Republic "Dominican"; "Channel Islander" (Guernsey,
//    Jersey) and "Virgin Islander" (British and US Virgin Islands) are dropped, as
//    they cannot tell the two apart;
//  * DEMONYM_EXTRAS adds what professional news English also writes where the data
//    has one form only: the adjective beside a noun, the wire-service short form,
//    the AP/Reuters spelling, and the irregular nouns for people (a Dane, Swedes).
const DEMONYM_EXTRAS = {
  AQ: [['Antarctic', 'the adjective (Antarctic ice); the data gives only "Antarctican"']],
  AR: [['Argentinian', 'British usage beside Argentine']],
  CV: [['Cape Verdean', 'standard spelling; the data spells "Cape Verdian"']],
  DK: [['Dane', 'noun for people (Danes)']],
  EC: [['Ecuadorian', 'AP and Reuters spelling beside Ecuadorean']],
  ES: [['Spaniard', 'noun for people (Spaniards)']],
  FI: [['Finn', 'noun for people (Finns)']],
  FR: [['Frenchman', 'noun for a person'], ['Frenchmen', 'plural of Frenchman']],
  GB: [['Briton', 'noun for people (Britons)']],
  HR: [['Croat', 'noun for people (Croats)']],
  IE: [['Irishman', 'noun for a person'], ['Irishmen', 'plural of Irishman']],
  IS: [['Icelandic', 'the adjective; the data gives only the noun "Icelander"']],
  KG: [['Kyrgyz', 'AP and Reuters spelling; the data gives the dated "Kirghiz"']],
  KZ: [['Kazakh', 'the usual news adjective and noun beside Kazakhstani']],
  LA: [['Lao', 'the official adjective (Lao government) beside Laotian']],
  MV: [['Maldivian', 'standard spelling; the data spells "Maldivan"']],
  NL: [['Dutchman', 'noun for a person'], ['Dutchmen', 'plural of Dutchman']],
  NP: [['Nepali', 'AP and Reuters use Nepali beside Nepalese']],
  PH: [['Philippine', 'the adjective for the state (Philippine government); the data gives Filipino']],
  PL: [['Pole', 'noun for people (Poles)']],
  RS: [['Serb', 'noun for people (Serbs)']],
  SA: [['Saudi', 'the news adjective and noun (Saudi officials, Saudis)']],
  SE: [['Swede', 'noun for people (Swedes)']],
  SI: [['Slovenian', 'usual news adjective beside Slovene']],
  SK: [['Slovakian', 'adjective in use beside Slovak']],
  TJ: [['Tajik', 'AP and Reuters spelling; the data gives the dated "Tadzhik"']],
  TL: [['Timorese', 'short form of East Timorese']],
  TR: [['Turk', 'noun for people (Turks)']],
  UZ: [['Uzbek', 'the usual news adjective and noun beside Uzbekistani']],
};

// Code -> [demonym, comment] in order: world-countries' first, then the extras.
function demonyms() {
  const world = readJson(join(WORLD, 'countries.json'));
  const parts = (value) => (value || '').split(/, | or /).map((p) => p.trim()).filter(Boolean);
  const owners = new Map(); // demonym -> codes giving it
  const byCode = new Map();
  for (const country of world) {
    const eng = country.demonyms && country.demonyms.eng;
    const list = [];
    for (const d of eng ? [...parts(eng.m), ...parts(eng.f)] : []) if (!list.includes(d)) list.push(d);
    byCode.set(country.cca2, { list, independent: country.independent === true });
    for (const d of list) owners.set(d, [...(owners.get(d) || []), country.cca2]);
  }
  const out = new Map();
  for (const [code, { list, independent }] of byCode) {
    const kept = list
      .filter((d) => owners.get(d).length === 1 || independent)
      .map((d) => [d, `demonym, world-countries ${worldVersion} (ODbL)`]);
    for (const [d, why] of DEMONYM_EXTRAS[code] || []) {
      if (list.includes(d)) throw new Error(`DEMONYM_EXTRAS ${code} ${d} is already in the data`);
      kept.push([d, `hand-added demonym: ${why}`]);
    }
    out.set(code, kept);
  }
  for (const code of Object.keys(DEMONYM_EXTRAS)) {
    if (!byCode.has(code)) throw new Error(`DEMONYM_EXTRAS: no world-countries entry for ${code}`);
  }
  return out;
}

// English CLDR names use "&" ("Bosnia & Herzegovina"); news prose writes "and".
// The "and" form becomes the preferred target and CLDR's form stays admitted.
function newsEnglish(en) {
  return en.replace(/ & /g, ' and ');
}

function territories() {
  const id = readJson(join(LOCALENAMES, 'main/id/territories.json')).main.id.localeDisplayNames.territories;
  const en = readJson(join(LOCALENAMES, 'main/en/territories.json')).main.en.localeDisplayNames.territories;
  const demonymsOf = demonyms();
  const rows = [];
  const codes = Object.keys(id).filter((k) => /^[A-Z]{2}$/.test(k)).sort();
  for (const code of codes) {
    if (code in EXCLUDED) continue;
    if (!(code in en)) throw new Error(`no English name for ${code}`);
    const start = rows.length;
    namesOf(code, id, en, rows);
    // Every source of this code admits the demonyms, after its names.
    const sources = [...new Set(rows.slice(start).map((r) => r[0]))];
    for (const src of sources) {
      for (const [d, why] of demonymsOf.get(code) || []) rows.push([src, d, `${code}; admitted; ${why}`]);
    }
  }
  const noted = new Set();
  for (const r of rows) {
    if (r[0] in SOURCE_NOTES && !noted.has(r[0])) {
      noted.add(r[0]);
      r[2] = `${r[2]}; ${SOURCE_NOTES[r[0]]}`;
    }
  }
  return rows;
}

// The CLDR names of one region code as rows [source, target, comment], appended
// to `rows`: the OVERRIDES rows if the code has some, else the automatic ones.
function namesOf(code, id, en, rows) {
  if (code in OVERRIDES) {
    for (const [s, t, note] of OVERRIDES[code]) {
      rows.push([s, t, note ? `${code}; ${note}` : code]);
    }
    return;
  }
  // English targets of the base name: the main form, then CLDR's alt forms.
  const enAlts = Object.keys(en)
    .filter((k) => k.startsWith(`${code}-alt-`))
    .sort()
    .map((k) => [en[k], k.slice(code.length + 1)]);
  const targetsFor = (main, mainNote) => {
    const out = [];
    const news = newsEnglish(main);
    if (news !== main) out.push([news, `${mainNote}, "&" written "and"`]);
    out.push([main, mainNote]);
    return out;
  };
  const sources = [[id[code], 'CLDR', enAlts]];
  // Indonesian alt forms become sources of their own, paired with the English alt
  // form of the same kind (PBB/UN, AS/US), then the English main name.
  for (const k of Object.keys(id).filter((k) => k.startsWith(`${code}-alt-`)).sort()) {
    const kind = k.slice(code.length + 1);
    const enSame = en[k] !== undefined ? [[en[k], kind]] : [];
    sources.push([id[k], `CLDR ${kind}`, enSame]);
  }
  for (const [src, note, extra] of sources) {
    if (DROP_SOURCES[code] === src) continue;
    let targets;
    if (src === id[code]) {
      targets = [...targetsFor(en[code], 'CLDR en')];
      for (const [t, kind] of extra) targets.push(...targetsFor(t, `CLDR en ${kind}`));
    } else {
      targets = [];
      for (const [t, kind] of extra) targets.push(...targetsFor(t, `CLDR en ${kind}`));
      targets.push(...targetsFor(en[code], 'CLDR en'));
    }
    const seen = new Set();
    for (const [t, tnote] of targets) {
      if (seen.has(t)) continue;
      seen.add(t);
      rows.push([src, t, seen.size === 1 ? `${code}; ${note === 'CLDR' ? tnote : `${note}; ${tnote}`}` : `${code}; admitted; ${tnote}`]);
    }
  }
}

// ---------------------------------------------------------------------------
// Calendar

// Hand-added spellings that CLDR does not give, with their reason.
const CALENDAR_EXTRAS = [
  ["Jum'at", 'Friday', "variant spelling of Jumat (from Arabic jum'a)"],
  ['Jum’at', 'Friday', 'variant spelling of Jumat, typographic apostrophe U+2019'],
  ['Ahad', 'Sunday', 'Islamic-usage name for Sunday (Minggu)'],
  ['Pebruari', 'February', 'older spelling of Februari'],
  ['Nopember', 'November', 'older spelling of November, e.g. Sepuluh Nopember'],
];
const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTH_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

function calendar() {
  const g = (l) => readJson(join(DATES, `main/${l}/ca-gregorian.json`)).main[l].dates.calendars.gregorian;
  const id = g('id');
  const en = g('en');
  const rows = [];
  for (const k of DAY_KEYS) {
    const note = `weekday; CLDR format-wide${k === 'sun' ? '; capitalised only: lowercase "minggu" means "week"' : ''}`;
    rows.push([id.days.format.wide[k], en.days.format.wide[k], note]);
  }
  for (const k of MONTH_KEYS) {
    rows.push([id.months.format.wide[k], en.months.format.wide[k], 'month; CLDR format-wide']);
  }
  // Abbreviated months (as in datelines "02 Nov 2024"): kept where the Indonesian
  // abbreviation is not also the full name (Mei) and is no everyday word. Targets: the
  // English abbreviation, then the full English name (translators often expand).
  // Abbreviated weekdays (Min, Sen, Sel, Rab, Kam, Jum, Sab) are left out: "sen" (cent),
  // "sel" (cell) and "min" (minus/minimum) are ordinary words, and weekday
  // abbreviations are rare in news prose.
  for (const k of MONTH_KEYS) {
    const a = id.months.format.abbreviated[k];
    if (a === id.months.format.wide[k]) continue;
    rows.push([a, en.months.format.abbreviated[k], 'month; CLDR format-abbreviated']);
    if (en.months.format.wide[k] !== en.months.format.abbreviated[k]) {
      rows.push([a, en.months.format.wide[k], 'month; admitted; CLDR en format-wide']);
    }
  }
  for (const [s, t, why] of CALENDAR_EXTRAS) rows.push([s, t, `${/day$/.test(t) ? 'weekday' : 'month'}; hand-added: ${why}`]);
  return rows;
}

// ---------------------------------------------------------------------------
// Output

function clean(s) {
  const t = s.normalize('NFC').replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
  if (/[\t\r\n]/.test(t)) throw new Error(`control character in ${JSON.stringify(s)}`);
  return t;
}

// Stable sort by the source column in plain (UTF-8) byte order; equal sources keep
// their order, so each source's preferred target stays first.
function sortRows(rows) {
  const keyed = rows.map((r, i) => [Buffer.from(r[0], 'utf8'), i, r]);
  keyed.sort((a, b) => Buffer.compare(a[0], b[0]) || a[1] - b[1]);
  return keyed.map((k) => k[2]);
}

function writeTsv(name, header, rows) {
  const seen = new Set();
  const out = [];
  for (const r of rows) {
    const [s, t, c] = r.map(clean);
    if (!s || !t) throw new Error(`empty field in ${JSON.stringify(r)}`);
    const key = `${s}\t${t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([s, t, c]);
  }
  const sorted = sortRows(out);
  const sources = new Set(sorted.map((r) => r[0])).size;
  const text =
    header.map((h) => (h ? `# ${h}` : '#')).join('\n') +
    `\n# ${sources} source terms, ${sorted.length} rows.\n` +
    sorted.map((r) => r.join('\t')).join('\n') +
    '\n';
  writeFileSync(join(outDir, name), text);
  console.log(`${name}: ${sources} source terms, ${sorted.length} rows`);
}

const common = [
  'Format: source<TAB>target<TAB>comment (UTF-8, NFC, LF). Lines starting with # are comments.',
  'Several rows with the same source are admitted alternatives; the first row is the preferred target.',
  'Rows are sorted by source in byte order. GENERATED FILE: do not edit by hand;',
  'regenerate with: cd tools/cldr && npm ci && node generate.mjs',
  `Data: Unicode CLDR ${cldrVersion} (npm cldr-localenames-full ${localenamesVersion}, cldr-dates-full ${datesVersion}).`,
  'Copyright © Unicode, Inc. Licensed under the Unicode License v3: see LICENSE-CLDR.txt.',
  'Changes to the CLDR data are listed in tools/cldr/generate.mjs and marked in the comment column.',
];

// countries.tsv also holds the world-countries demonyms, so it is a database
// derived from an ODbL database and is offered under the ODbL too (its section 4.4);
// its CLDR names stay available under the Unicode License v3 as well.
const demonymHeader = [
  `Demonyms (rows marked "demonym, world-countries"): npm world-countries ${worldVersion}`,
  '(mledoze/countries, by Mohammed Le Doze and contributors), made available under the',
  'Open Database License 1.0 (ODbL): see LICENSE-ODbL.txt. This file, as a database',
  'containing them, is made available under the ODbL 1.0 as well; its CLDR names stay',
  'available under the Unicode License v3. Hand-added demonyms say so in the comment column.',
];

mkdirSync(outDir, { recursive: true });
writeTsv(
  'countries.tsv',
  ['selaras glossary: countries and territories (names and demonyms), Indonesian -> English.', ...common, ...demonymHeader],
  territories(),
);
writeTsv('calendar.tsv', ['selaras glossary: weekdays and months, Indonesian -> English.', ...common], calendar());
copyFileSync(join(LOCALENAMES, 'LICENSE'), join(outDir, 'LICENSE-CLDR.txt'));
console.log('LICENSE-CLDR.txt copied from cldr-localenames-full');
copyFileSync(join(WORLD, 'LICENSE'), join(outDir, 'LICENSE-ODbL.txt'));
console.log('LICENSE-ODbL.txt copied from world-countries');
