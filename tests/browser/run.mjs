// Browser tests of the standalone page, driven through the real release build
// (`trunk build --release` → dist/site), served on loopback, in headless Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, assert } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const site = path.join(repo, 'dist/site');
const data = JSON.parse(fs.readFileSync(path.join(repo, 'assets/events.json'), 'utf8'));

if (!fs.existsSync(path.join(site, 'index.html'))) {
  console.error(`ERROR: ${site}/index.html is missing: run \`trunk build --release\` first (make build).`);
  process.exit(1);
}

const listed = (page) => page.locator('[data-event-id]');

const tests = {
  'the page lists every bundled event in date order': async ({ page, url, outDir }) => {
    await page.goto(url);
    await listed(page).first().waitFor({ timeout: 20_000 });
    const ids = await listed(page).evaluateAll((els) => els.map((e) => e.dataset.eventId));
    assert(ids.length === data.events.length, `${ids.length} listed, ${data.events.length} in the data`);
    const dates = await page.locator('[data-event-id] time').evaluateAll((els) =>
      els.filter((t) => t.closest('.tl-card-meta')).map((t) => t.getAttribute('datetime')),
    );
    const days = dates.map((d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d));
    assert(
      days.every((d, i) => i === 0 || days[i - 1] <= d),
      `not in date order: ${dates.join(', ')}`,
    );
    const title = await page.locator('h1').textContent();
    assert(title === data.title.en, `title ${title}`);
    await page.screenshot({ path: path.join(outDir, 'page-desktop.png'), fullPage: false });
  },

  'an event shows its date, title, summary and sources': async ({ page, url }) => {
    await page.goto(url);
    const ps752 = data.events.find((e) => e.date === '2020-01-08');
    const item = page.locator(`[data-event-id="${ps752.id}"]`);
    await item.waitFor();
    const text = await item.textContent();
    assert(text.includes('8 January 2020'), `date missing: ${text}`);
    assert(text.includes(ps752.title.en), 'title missing');
    assert(text.includes(ps752.summary.en), 'summary missing');
    const links = item.locator('a');
    assert((await links.count()) === ps752.sources.length, 'one link per source');
    for (const a of await links.all()) {
      assert((await a.getAttribute('rel')) === 'noopener noreferrer', 'rel');
      assert((await a.getAttribute('target')) === '_blank', 'target');
    }
  },

  'a phone-sized viewport has no horizontal scrolling': Object.assign(
    async ({ page, url, outDir }) => {
      await page.goto(url);
      await listed(page).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `page is ${overflow}px wider than a 320px screen`);
      await page.screenshot({ path: path.join(outDir, 'page-phone.png') });
    },
    { viewport: { width: 320, height: 640 } },
  ),
};

await run(tests, { root: site, outDir: path.join(repo, 'test-results') });
