// Writes the README's screenshots (docs/screenshot-*.png) from the release build:
//   make screenshots
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from './harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = await serve(path.join(repo, 'dist/site'));
const browser = await launch();
try {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 1000 }], ['phone', { width: 360, height: 780 }]]) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: name === 'phone' ? 2 : 1 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // On the phone, the timeline itself; on the desktop, an event open below it.
    if (name === 'phone') {
      await page.goto(site.url);
      await page.locator('.tl-stage [data-event-id]').first().waitFor({ timeout: 20_000 });
    } else {
      await page.goto(`${site.url}#event=ps752-downed-2020`);
      await page.locator('.tl-details').waitFor({ timeout: 20_000 });
    }
    if (name === 'desktop') {
      // Zoom in around the selected event's marker.
      const box = await page.locator('.tl-stage').boundingBox();
      const marker = await page.locator('.tl-stage .tl-selected .tl-marker').boundingBox();
      await page.mouse.move(marker.x + marker.width / 2, box.y + 100);
      for (let i = 0; i < 4; i += 1) await page.mouse.wheel(0, -250);
      await page.waitForTimeout(300);
    }
    await page.screenshot({ path: path.join(repo, `docs/screenshot-${name}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
