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
  check('sample: all rows visible at first', (await visibleRows(page)) === want.rows);
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
  check('sample: the status line counts visible rows', status === `Showing ${want.rows_with_findings} of ${want.rows} rows`, status);
  await page.getByLabel('Only rows with findings').uncheck();
  check('sample: unchecking shows every row again', (await visibleRows(page)) === want.rows);

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
