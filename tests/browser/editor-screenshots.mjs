// Writes the README's screenshot of the editor page (docs/screenshot-editor.png) from the
// release build: the PS752 example data with one date made wrong, its problem listed,
// the preview beside it and the options below. `PHONE=out.png` also writes the phone
// layout to that file (to look at, not for the README).
//   make screenshots
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, eventually, assert, Widget } from './harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = await serve(path.join(repo, 'dist/site'));
const browser = await launch();
const text = fs.readFileSync(path.join(repo, 'examples/data/ps752.json'), 'utf8').replace('"date": "2020-01-08"', '"date": "2020-13-08"');
const shots = [[path.join(repo, 'docs/screenshot-editor.png'), { width: 1400, height: 1100 }, 1]];
if (process.env.PHONE) shots.push([process.env.PHONE, { width: 390, height: 2400 }, 1]);
try {
  for (const [file, viewport, scale] of shots) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: scale });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${site.url}editor.html?lang=en`);
    await page.locator('#ed-text').fill(text);
    await eventually(async () => assert((await page.locator('.ed-problems-summary').getAttribute('data-errors')) === '1', 'one error'), { timeout: 20_000 });
    await page.locator('#ed-start').fill('2019');
    await page.locator('#ed-end').fill('2025');
    const widget = await new Widget(page, '.ed-preview').ready();
    await widget.settled();
    await page.locator('.ed-problem').first().click();
    // The caret is on the problem; the page's top in view.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: file, fullPage: file !== shots[0][0] });
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
