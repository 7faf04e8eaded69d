// Writes the README's screenshots from the release build: the desktop page in English,
// French and Persian (docs/screenshot-{en,fr,fa}.png), each with PS752's details open,
// the phone layout, the vertical timeline (docs/screenshot-phone.png), the desktop's
// first view as a reader first sees it (docs/screenshot-first-view.png) and the page as
// printed (docs/screenshot-print.png, print emulation).
//   make screenshots
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, Widget } from './harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = await serve(path.join(repo, 'dist/site'));
const browser = await launch();
const shots = [
  ['en', 'en', { width: 1280, height: 1000 }],
  ['fr', 'fr', { width: 1280, height: 1000 }],
  ['fa', 'fa', { width: 1280, height: 1000 }],
  ['phone', 'en', { width: 360, height: 780 }],
  ['first-view', 'en', { width: 1280, height: 800 }],
  ['print', 'en', { width: 900, height: 1100 }],
];
try {
  for (const [name, lang, viewport] of shots) {
    const phone = name === 'phone';
    const page = await browser.newPage({ viewport, deviceScaleFactor: phone ? 2 : 1 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    if (name === 'first-view' || name === 'print') {
      await page.goto(`${site.url}?lang=${lang}`);
      const widget = await new Widget(page).ready();
      await widget.settled();
      if (name === 'print') {
        await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
        await page.locator('.tl-print li').first().waitFor({ timeout: 20_000 });
      }
      await page.screenshot({ path: path.join(repo, `docs/screenshot-${name}.png`) });
      await page.close();
      continue;
    }
    // On the phone, the timeline itself; on the desktop, an event open below it.
    await page.goto(`${site.url}?lang=${lang}${phone ? '' : '#event=ps752-downed-2020'}`);
    // A phone gets the vertical timeline (narrower than 600 px), which has no stage.
    const widget = new Widget(page);
    if (phone) await page.locator('.tl-vertical .tl-vcard-head').first().waitFor({ timeout: 20_000 });
    else await widget.ready();
    if (!phone) {
      await page.locator('.tl-details').waitFor({ timeout: 20_000 });
      await widget.settled();
      // Zoom in around the selected event's marker, each wheel step waited for.
      let view = await widget.view();
      const marker = await page.locator('.tl-stage [aria-pressed="true"]').boundingBox();
      await page.mouse.move(marker.x + marker.width / 2, view.top + 100);
      for (let i = 0; i < 4; i += 1) {
        await page.mouse.wheel(0, -250);
        view = await widget.viewChange(view, { what: `wheel in, step ${i + 1}` });
      }
    }
    await widget.settled();
    await page.screenshot({ path: path.join(repo, `docs/screenshot-${name}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
