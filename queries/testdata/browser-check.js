// browser-check drives the Neo4j Browser that a Neo4j server bundles, in
// headless Chromium, through the analyst's path of docs/queries.md: play
// the geokg guide, apply the style from its :style block, set a query's
// parameters and run it from the guide's blocks, and import the favorites
// zip by dropping it on the window. It exits 1 when a step fails.
//
// Needs: Debian's chromium, playwright-core from npm, a running Neo4j with
// its Browser and some graph loaded (e.g. geokg ingest testdata/articles/),
// and `geokg browser` serving on localhost:7475.
//
//   (cd /tmp/pw && npm install playwright-core)
//   NODE_PATH=/tmp/pw/node_modules BROWSER_URL=http://localhost:7474/browser/ \
//     BOLT_URL=bolt://localhost:7687 NEO4J_PASSWORD=... node queries/testdata/browser-check.js
//
// SCREENSHOTS=DIR keeps a picture of each step.
const { chromium } = require('playwright-core');

const browserURL = process.env.BROWSER_URL || 'http://localhost:7474/browser/';
const boltURL = process.env.BOLT_URL || 'bolt://localhost:7687';
const guide = process.env.GUIDE_BASE || 'http://localhost:7475';
const shots = process.env.SCREENSHOTS || '';

let failed = 0;
function check(ok, what) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failed++;
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  const shot = async name => { if (shots) await page.screenshot({ path: `${shots}/${name}.png` }); };
  const editorText = async () =>
    (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');

  await page.goto(`${browserURL}?dbms=${encodeURIComponent(boltURL)}&preselectAuthMethod=NATIVE`);
  await page.waitForTimeout(4000);
  if (await page.locator('[data-testid="username"]').count()) {
    await page.locator('[data-testid="username"]').fill(process.env.NEO4J_USERNAME || 'neo4j');
    await page.locator('[data-testid="password"]').fill(process.env.NEO4J_PASSWORD || '');
    await page.locator('[data-testid="connect"]').click();
    await page.waitForTimeout(4000);
  }

  await page.locator('.monaco-editor textarea').first().click();
  await page.keyboard.type(`:play ${guide}/guide.html`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(3000);
  await shot('1-guide');
  check((await page.locator('body').innerText()).includes('geokg: canned queries'), ':play shows the guide');

  await page.locator('pre.runnable', { hasText: ':style' }).first().click();
  await page.waitForTimeout(500);
  check((await editorText()) === `:style ${guide}/style.grass`, 'clicking the :style block fills the editor');
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(3000);
  const styled = await page.locator('body').innerText();
  check(/#4C8EDA/i.test(styled) && !/not allowed|Could not/i.test(styled), ':style applies the geokg style');

  // The network query's slide: its :params block, then its query block.
  await page.locator('li[aria-label="13"]').first().click();
  await page.waitForTimeout(1000);
  await page.locator('pre.runnable', { hasText: ':params' }).first().click();
  await page.waitForTimeout(500);
  check((await editorText()).startsWith(':params {actor: "Rwanda"'), 'clicking a :params block fills the editor');
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(2000);
  await page.locator('li[aria-label="13"]').first().click();
  await page.waitForTimeout(500);
  await page.locator('pre.runnable', { hasText: 'two-hop network' }).first().click();
  await page.waitForTimeout(500);
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(5000);
  await shot('2-network');
  const ran = await page.locator('body').innerText();
  check(!/ERROR/.test(ran) && /Displaying \d+ nodes/.test(ran), 'the network query runs from the guide and draws a graph');

  const dropped = await page.evaluate(async base => {
    const blob = await (await fetch(`${base}/geokg-favorites.zip`)).blob();
    const dt = new DataTransfer();
    dt.items.add(new File([blob], 'geokg-favorites.zip', { type: 'application/zip' }));
    const target = document.querySelector('.filedrop') || document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
    return true;
  }, guide);
  await page.waitForTimeout(2000);
  await page.locator('[title="Favorites"]').first().click();
  await page.waitForTimeout(1000);
  await page.getByText('geokg', { exact: true }).first().click();
  await page.waitForTimeout(1000);
  await shot('3-favorites');
  const favs = await page.locator('body').innerText();
  check(dropped && favs.includes('geokg parameters') && favs.includes('Who mediates between two actors'),
    'dropping geokg-favorites.zip adds the queries to Favorites');

  await browser.close();
  process.exit(failed ? 1 : 0);
})().catch(e => { console.error(e); process.exit(1); });
