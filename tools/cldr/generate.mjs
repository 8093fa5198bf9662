// Generates the CLDR-derived glossaries of selaras:
//
//   glossaries/countries.tsv  Indonesian -> English country and territory names
//                             (cldr-localenames-full: main/{id,en}/territories.json)
//   glossaries/calendar.tsv   Indonesian -> English weekday and month names
//                             (cldr-dates-full: main/{id,en}/ca-gregorian.json)
//
// and copies the Unicode License v3 shipped inside the npm package to
// glossaries/LICENSE-CLDR.txt.
//
// Run:  cd tools/cldr && npm ci && node generate.mjs
//
// The output is deterministic: the same package versions give byte-identical files.
// Everything this script adds or changes beyond the raw CLDR data is listed in the
// tables below (EXCLUDED, DROP_SOURCES, OVERRIDES, CALENDAR_EXTRAS), each with its
// reason, and is marked in the comment column of the row it produced.

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

// English CLDR names use "&" ("Bosnia & Herzegovina"); news prose writes "and".
// The "and" form becomes the preferred target and CLDR's form stays admitted.
function newsEnglish(en) {
  return en.replace(/ & /g, ' and ');
}

function territories() {
  const id = readJson(join(LOCALENAMES, 'main/id/territories.json')).main.id.localeDisplayNames.territories;
  const en = readJson(join(LOCALENAMES, 'main/en/territories.json')).main.en.localeDisplayNames.territories;
  const rows = [];
  const codes = Object.keys(id).filter((k) => /^[A-Z]{2}$/.test(k)).sort();
  for (const code of codes) {
    if (code in EXCLUDED) continue;
    if (!(code in en)) throw new Error(`no English name for ${code}`);
    if (code in OVERRIDES) {
      for (const [s, t, note] of OVERRIDES[code]) {
        rows.push([s, t, note ? `${code}; ${note}` : code]);
      }
      continue;
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
  return rows;
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

mkdirSync(outDir, { recursive: true });
writeTsv('countries.tsv', ['selaras glossary: countries and territories, Indonesian -> English.', ...common], territories());
writeTsv('calendar.tsv', ['selaras glossary: weekdays and months, Indonesian -> English.', ...common], calendar());
copyFileSync(join(LOCALENAMES, 'LICENSE'), join(outDir, 'LICENSE-CLDR.txt'));
console.log('LICENSE-CLDR.txt copied from cldr-localenames-full');
