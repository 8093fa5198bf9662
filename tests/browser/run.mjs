// Headless Chromium checks of the diff page written by `selaras diff --html`.
//
// Usage: node run.mjs PAGES_DIR   (PAGES_DIR holds the pages and pages.json
// written by `cargo run --example render_html -- PAGES_DIR`; run.sh does it).
//
// Uses Debian's /usr/bin/chromium through playwright-core (no browser
// download), a fresh profile per run, and checks what a reader relies on:
// every bead is a row, the filters hide rows, nothing runs from the page's
// text, the page logs no errors and asks the network for nothing.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const pagesDir = resolve(process.argv[2] ?? 'output');
const shotsDir = join(dirname(fileURLToPath(import.meta.url)), 'output');
mkdirSync(shotsDir, { recursive: true });
const expected = JSON.parse(readFileSync(join(pagesDir, 'pages.json'), 'utf8'));

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}${detail ? `: ${detail}` : ''}`);
  }
}

const userDataDir = mkdtempSync(join(tmpdir(), 'selaras-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
  viewport: { width: 1400, height: 900 },
});

/** Opens `name` in a fresh tab and records console errors, requests and dialogs. */
async function open(name, { colorScheme = 'light' } = {}) {
  const page = await context.newPage();
  const log = { errors: [], requests: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') log.errors.push(message.text());
  });
  page.on('pageerror', (error) => log.errors.push(String(error)));
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('dialog', async (dialog) => {
    log.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.emulateMedia({ colorScheme });
  const url = pathToFileURL(join(pagesDir, name)).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, log, url };
}

const visibleRows = (page) => page.locator('#beads tbody tr[data-bead]:visible').count();

function checkQuiet(name, { log, url }) {
  check(`${name}: no console errors or warnings`, log.errors.length === 0, log.errors.join(' | '));
  const others = log.requests.filter((request) => request !== url);
  check(`${name}: no network requests but the file itself`, others.length === 0 && log.requests.length === 1, log.requests.join(' '));
  check(`${name}: no dialogs`, log.dialogs.length === 0, log.dialogs.join(' | '));
}

// The sample: rows, filters, links, keyboard, screenshots.
{
  const want = expected['sample.html'];
  const opened = await open('sample.html');
  const { page } = opened;
  const rows = await page.locator('[data-bead]').count();
  check('sample: one [data-bead] element per bead', rows === want.rows, `${rows} != ${want.rows}`);
  check('sample: every row outside a folded block visible at first', (await visibleRows(page)) === want.rows_shown);
  const dataRule = await page.locator('[data-rule]').count();
  check('sample: every finding shown has data-rule', dataRule === want.data_rule_elements, `${dataRule} != ${want.data_rule_elements}`);
  check('sample: the filter bar is shown once the script ran', await page.locator('#controls').isVisible());
  await page.screenshot({ path: join(shotsDir, 'sample-light.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(shotsDir, 'sample-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByLabel('Only rows with findings').check();
  const withFindings = await visibleRows(page);
  check('sample: "only rows with findings" hides the other rows', withFindings === want.rows_with_findings, `${withFindings} visible, want ${want.rows_with_findings}`);
  const status = await page.locator('#status').textContent();
  check('sample: the status line counts visible rows and block lines', status === `Showing ${want.lines_with_findings} of ${want.lines} rows`, status);
  await page.getByLabel('Only rows with findings').uncheck();
  check('sample: unchecking shows every row again', (await visibleRows(page)) === want.rows_shown);

  await page.getByLabel('Severity').selectOption('error');
  const errorRows = await page.locator('#beads tbody tr[data-bead]').evaluateAll((trs) =>
    trs.filter((tr) => tr.querySelector('li[data-severity="error"]')).length);
  check('sample: "errors only" shows the rows with errors', (await visibleRows(page)) === errorRows && errorRows > 0, `${errorRows}`);
  await page.getByLabel('Severity').selectOption('');
  await page.getByLabel('Rule family').selectOption('number');
  const numberRows = await page.locator('#beads tbody tr[data-bead]').evaluateAll((trs) =>
    trs.filter((tr) => tr.querySelector('li[data-rule^="number."]')).length);
  check('sample: the rule family filter keeps the rows with number findings', (await visibleRows(page)) === numberRows && numberRows > 0, `${numberRows}`);
  await page.getByLabel('Rule family').selectOption('');
  await page.getByLabel('Only changed rows').check();
  const changed = await visibleRows(page);
  check('sample: "only changed rows" shows the revised rows', changed === want.rows_changed, `${changed} != ${want.rows_changed}`);
  await page.getByLabel('Only changed rows').uncheck();

  const dangling = await page.locator('a[href^="#"]').evaluateAll((links) =>
    links.map((a) => a.getAttribute('href').slice(1)).filter((id) => !document.getElementById(id)));
  check('sample: every in-page link has a target', dangling.length === 0, dangling.join(' '));
  check('sample: the table has a caption and column headers', (await page.locator('caption').count()) === 1 && (await page.locator('thead th[scope="col"]').count()) === 4);
  const insDel = await page.locator('#beads ins, #beads del').count();
  check('sample: the revision diff is marked with <ins>/<del>', insDel > 0, `${insDel}`);
  const titles = await page.locator('mark.term[title]').count();
  check('sample: terms carry their English as a title', titles > 0);

  await page.keyboard.press('j');
  const first = await page.evaluate(() => document.activeElement?.getAttribute('data-bead'));
  await page.keyboard.press('j');
  const second = await page.evaluate(() => document.activeElement?.getAttribute('data-bead'));
  await page.keyboard.press('k');
  const back = await page.evaluate(() => document.activeElement?.getAttribute('data-bead'));
  const firstHasFinding = await page.locator(`tr[data-bead="${first}"] li[data-rule]`).count();
  check('sample: j/k move between rows with findings', first !== null && firstHasFinding > 0 && second !== first && back === first, `${first} ${second} ${back}`);

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shotsDir, 'sample-keyboard.png') });
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.screenshot({ path: join(shotsDir, 'sample-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 700, height: 900 });
  await page.screenshot({ path: join(shotsDir, 'sample-narrow.png') });
  checkQuiet('sample', opened);
  await page.close();
}

// Issue 17, items 1–4: the page shows where, not only that.
{
  const want = expected['sample.html'];
  const opened = await open('sample.html');
  const { page } = opened;
  /** The computed colour of `value` (a CSS colour or var()) on this page. */
  const colourOf = (value) => page.evaluate((value) => {
    const probe = document.createElement('span');
    probe.style.color = value;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, value);

  // Item 1: the words each finding is about are marked in both columns.
  const flags = await page.locator('#beads tr[data-bead] .flag').evaluateAll((spans) => spans.map((span) => ({
    text: span.textContent,
    severity: span.className.replace(/.*flag-/, ''),
    colour: getComputedStyle(span).color,
    decoration: getComputedStyle(span).textDecorationLine + ' ' + getComputedStyle(span).textDecorationStyle,
    side: span.closest('td').getAttribute('lang'),
    visible: span.getBoundingClientRect().height > 0,
  })));
  // A mark may be cut by a revision change or a term (`Hwasong-` `18`):
  // the words are the marks of one cell put together.
  const cellsMarked = await page.locator('#beads tr[data-bead] td').evaluateAll((tds) =>
    tds.map((td) => Array.from(td.querySelectorAll('.flag')).map((span) => span.textContent).join('')).filter(Boolean));
  const texts = cellsMarked.join(' | ');
  const wantFlags = ['Thursday', 'Sergei Lavrov', '1,000', '8.000', 'July', 'Hwasong-18', 'Jumat', '10.000', 'Agustus', 'Hwasong-19'];
  const missingFlags = wantFlags.filter((word) => !texts.includes(word));
  check('item 1: the words of each finding are marked on the page', missingFlags.length === 0, `not marked: ${missingFlags.join(', ')}; marked: ${texts}`);
  check('item 1: marks on both sides', flags.some((flag) => flag.side === 'id') && flags.some((flag) => flag.side === 'en'));
  const thursday = flags.find((flag) => flag.text === 'Thursday');
  const errorColour = await colourOf('var(--error)');
  check('item 1: an error\'s words are in the error colour, underlined', thursday && thursday.visible && thursday.colour === errorColour && thursday.decoration.includes('underline'), JSON.stringify(thursday));
  const sergei = flags.find((flag) => flag.text.startsWith('Sergei'));
  check('item 1: a warning\'s words are in the warning colour', sergei && sergei.colour === (await colourOf('var(--warning)')), JSON.stringify(sergei));
  await page.locator('#bead-5').screenshot({ path: join(shotsDir, 'item1-marked-spans.png') });
  await page.locator('#bead-11').screenshot({ path: join(shotsDir, 'item1-marked-spans-2.png') });

  // Item 2: one line per repeated block and per boilerplate block.
  const blocks = page.locator('#beads tr[data-block]');
  check('item 2: one line per folded block', (await blocks.count()) === want.blocks, `${await blocks.count()} != ${want.blocks}`);
  const repeat = page.locator('#beads tr.block-repeat');
  const repeatText = await repeat.innerText();
  check('item 2: the repeat line says what it repeats', (await repeat.isVisible()) && repeatText.includes('p18–p31 repeat p4–p17: no translation needed'), repeatText);
  check('item 2: boilerplate is marked as such', (await page.locator('#beads tr.block-boilerplate').innerText()).includes('boilerplate: no translation needed'));
  check('item 2: the folded beads are hidden', (await page.locator('#beads tr[data-in-block]:visible').count()) === 0);
  const leftOut = await page.locator('#beads td:visible').evaluateAll((tds) => tds.filter((td) =>
    td.textContent.includes('left out') && !td.parentElement.querySelector('li[data-rule="omission"]')).length);
  check('item 2: only an omission says "left out"', leftOut === 0, `${leftOut}`);
  await repeat.screenshot({ path: join(shotsDir, 'item2-collapsed-repeat.png') });
  await page.locator('#beads tbody').screenshot({ path: join(shotsDir, 'item2-table-folded.png') });
  const expand = repeat.locator('button.expand');
  check('item 2: the unfold button is shown', await expand.isVisible());
  await expand.click();
  const unfolded = await page.locator('#beads tr[data-in-block="1"]:visible').count();
  check('item 2: the button unfolds the block', unfolded === want.block_rows[0] && (await expand.getAttribute('aria-expanded')) === 'true', `${unfolded}`);
  const repeatCell = await page.locator('#bead-17 td[lang="en"]').innerText();
  check('item 2: an unfolded repeat says which unit it repeats', repeatCell.includes('repeats p4.s1: no translation needed'), repeatCell);
  await expand.click();
  check('item 2: and folds it again', (await page.locator('#beads tr[data-in-block]:visible').count()) === 0);
  await page.evaluate(() => { window.location.hash = 'bead-20'; });
  await page.waitForFunction(() => !document.getElementById('bead-20').hidden, null, { timeout: 5000 }).catch(() => {});
  check('item 2: a link to a folded bead unfolds its block', await page.locator('#bead-20').isVisible());
  await expand.click();

  // Item 3: every place says whether its unit id is the source's or the draft's.
  const places = await page.locator('.where').allInnerTexts();
  const sideless = places.filter((place) => !/(source|draft) p\d|^document$/.test(place));
  check('item 3: every unit id says its side', places.length > 0 && sideless.length === 0, sideless.join(' | '));

  // Item 4: one colour per term on the whole page.
  const termColours = await page.locator('mark.term').evaluateAll((marks) => {
    const byTerm = {};
    for (const mark of marks) {
      const term = mark.title.split(' → ')[0];
      (byTerm[term] ??= new Set()).add(getComputedStyle(mark).backgroundColor);
    }
    return Object.fromEntries(Object.entries(byTerm).map(([term, set]) => [term, [...set]]));
  });
  const mixed = Object.entries(termColours).filter(([, colours]) => colours.length > 1);
  check('item 4: one colour per term for the whole page', termColours['Korea Utara']?.length === 1 && mixed.length === 0, JSON.stringify(mixed));
  // The bead shape is labelled.
  const shape = await page.locator('#bead-1 .shape');
  check('item 4: the bead shape has a label and a title', (await shape.innerText()) === '1-1 units' && (await shape.getAttribute('title')) === '1 source unit paired with 1 draft unit');
  // Finding links look like links and lead to the row with their bead number.
  const link = page.locator('#findings a').first();
  const linkStyle = await link.locator('.where').evaluate((el) => ({ colour: getComputedStyle(el).color, line: getComputedStyle(el).textDecorationLine }));
  check('item 4: finding links are styled as links', linkStyle.colour === (await colourOf('var(--link)')) && linkStyle.line.includes('underline'), JSON.stringify(linkStyle));
  const linked = await page.locator('#findings a[href^="#bead-"]').evaluateAll((links) => links.map((a) => {
    const number = a.querySelector('.where').textContent.match(/^bead (\d+)/)?.[1];
    const target = document.getElementById(a.getAttribute('href').slice(1));
    return { number, shown: target?.querySelector('th a')?.textContent };
  }));
  const offByOne = linked.filter(({ number, shown }) => !number || number !== shown);
  check('item 4: every finding link leads to the row of its bead', linked.length > 0 && offByOne.length === 0, JSON.stringify(offByOne));
  await page.locator('#findings a[href="#bead-5"]').first().click();
  check('item 4: clicking "bead 5" goes to bead 5', (await page.evaluate(() => window.location.hash)) === '#bead-5');
  // The count follows the filters.
  const count = page.locator('#findings-count');
  check('item 4: the findings count is the total without a filter', (await count.innerText()) === String(want.findings));
  await page.getByLabel('Rule family').selectOption('number');
  const listed = await page.locator('#findings li[data-rule]:visible').count();
  check('item 4: the findings count follows the filter', (await count.innerText()) === `${listed} of ${want.findings}` && listed > 0 && listed < want.findings, await count.innerText());
  await page.getByLabel('Rule family').selectOption('');
  check('item 4: and comes back without it', (await count.innerText()) === String(want.findings));
  // An untranslated row has its one finding, no badge per missing term.
  const untranslated = page.locator('#beads tr[data-bead]', { has: page.locator('li[data-rule="untranslated"]') });
  check('item 4: an untranslated row has no "missing" badges', (await untranslated.count()) === 1 && (await untranslated.locator('.missing').count()) === 0);
  // Alternatives one way: “A” or “B”.
  const expectedTexts = await page.locator('.expected, .missing').allInnerTexts();
  const oddAlternatives = expectedTexts.filter((text) => text.includes(' | ') || text.includes(' / '));
  check('item 4: alternatives are written one way', expectedTexts.some((text) => text.includes(' or ')) && oddAlternatives.length === 0, oddAlternatives.join(' || '));
  // At about 1000 px the findings do not wrap to a column of short lines.
  await page.setViewportSize({ width: 1000, height: 900 });
  const tall = await page.locator('#beads tr[data-bead]:visible li.finding').evaluateAll((items) => items.map((li) => {
    const lineHeight = parseFloat(getComputedStyle(li).lineHeight) || 20;
    return { text: li.textContent.slice(0, 40), lines: Math.round(li.getBoundingClientRect().height / lineHeight) };
  }).filter((item) => item.lines > 4));
  check('item 4: at 1000 px no finding in a row takes more than 4 lines', tall.length === 0, JSON.stringify(tall));
  await page.locator('#bead-5').screenshot({ path: join(shotsDir, 'item4-1000px-row.png') });
  await page.screenshot({ path: join(shotsDir, 'item4-1000px.png'), fullPage: true });
  // Item 9: each finding in a row carries the flag that accepts it alone.
  const accepts = await page.locator('#beads li.finding code.accept').allInnerTexts();
  const rowFindings = await page.locator('#beads li.finding').count();
  check('item 9: every finding in the table has its --accept line', accepts.length === rowFindings && accepts.every((text) => /^--accept [0-9a-f]{16}(:\d+)?$/.test(text)), `${accepts.length} of ${rowFindings}`);
  const selectable = await page.locator('#beads code.accept').first().evaluate((el) => getComputedStyle(el).userSelect || getComputedStyle(el).webkitUserSelect);
  check('item 9: a click selects the whole --accept line', selectable === 'all', selectable);
  checkQuiet('items 1-4', opened);
  await page.close();
}

// A clean draft: no findings, no revision controls.
{
  const want = expected['clean.html'];
  const opened = await open('clean.html');
  const rows = await opened.page.locator('[data-bead]').count();
  check('clean: one row per bead', rows === want.rows, `${rows}`);
  check('clean: no "only changed" filter without an earlier draft', (await opened.page.locator('#only-changed').count()) === 0);
  await opened.page.getByLabel('Only rows with findings').check();
  // The faithful draft has no errors or warnings; its one finding is the
  // information that the source repeats a block.
  check('clean: "only findings" keeps only the rows with findings', (await visibleRows(opened.page)) === want.rows_with_findings && want.rows_with_findings <= 1, `${want.rows_with_findings}`);
  checkQuiet('clean', opened);
  await opened.page.close();
}

// The Content-Security-Policy is in force: a script added at run time (as
// an escaping bug would add one) is refused and reported.
{
  const { page } = await open('clean.html');
  const refused = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__csp = 1';
    document.body.append(script);
    setTimeout(() => resolve(null), 2000);
  }));
  check('csp: an injected inline script is refused', refused !== null && refused.startsWith('script-src'), String(refused));
  check('csp: the injected script did not run', (await page.evaluate(() => typeof window.__csp)) === 'undefined');
  await page.close();
}

// Hostile text: nothing of it may run or break the table.
{
  const want = expected['hostile.html'];
  const opened = await open('hostile.html', { colorScheme: 'dark' });
  const { page } = opened;
  check('hostile: no injected script ran', (await page.evaluate(() => typeof window.__pwned)) === 'undefined');
  const rows = await page.locator('[data-bead]').count();
  check('hostile: the table keeps its rows', rows === want.rows, `${rows} != ${want.rows}`);
  const cells = await page.locator('#beads tbody tr[data-bead]').evaluateAll((trs) => trs.map((tr) => tr.children.length));
  check('hostile: every row keeps its cells', cells.every((n) => n === want.cells_per_row), cells.join(','));
  const injected = await page.evaluate(() => ({
    scripts: document.scripts.length,
    elements: document.querySelectorAll('body img, body svg, body iframe, #beads script, a[href^="javascript:"]').length,
    handlers: Array.from(document.querySelectorAll('*')).filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on'))).length,
  }));
  check('hostile: no injected elements or handlers', injected.scripts === 1 && injected.elements === 0 && injected.handlers === 0, JSON.stringify(injected));
  const text = await page.locator('#beads').innerText();
  check('hostile: the markup is shown as text', text.includes('<script>window.__pwned = 1; alert(1)</script>') && text.includes('</td></tr>'));
  await page.locator('#beads tbody tr').first().hover();
  await page.screenshot({ path: join(shotsDir, 'hostile-dark.png'), fullPage: true });
  check('hostile: still nothing ran after hovering', (await page.evaluate(() => typeof window.__pwned)) === 'undefined');
  checkQuiet('hostile', opened);
  await page.close();
}

await context.close();
rmSync(userDataDir, { recursive: true, force: true });
console.log(`screenshots in ${shotsDir}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
