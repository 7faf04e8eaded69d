// Benchmark (not a test): the vertical timeline (src/ui/vertical.rs) of the standalone
// page's release build in headless Chromium at 390 × 844, on 10,000 synthetic events
// (`?synthetic=10000&layout=vertical`), scrolled from top to bottom at a steady fling
// (a step of scrollTop on every animation frame), then by long jumps. Reports the frame
// times (requestAnimationFrame intervals: median, 95th percentile, and the share of
// frames longer than 1.5 × 16.7 ms, i.e. dropped at 60 Hz) and the DOM node count of the
// widget (the most seen while scrolling).
//
//   make bench            (after `make build`)
//   node bench/vertical.mjs [runs] [events]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/browser/harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 3);
const events = Number(process.argv[3] ?? 10_000);
/** Pixels scrolled per frame: 2,400 px/s at 60 Hz, a fast fling on a phone. */
const STEP_PX = 40;
/** Frames of scrolling per run, at most (the run stops at the bottom). */
const FRAMES = 1_200;

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const site = await serve(path.join(repo, 'dist/site'));
const browser = await launch();
const results = [];
try {
  for (let r = 0; r < runs; r += 1) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.url}?synthetic=${events}&layout=vertical`);
    await page.locator('.tl-vertical .tl-vcard-head').first().waitFor({ timeout: 60_000 });
    const run = await page.evaluate(async ({ step, frames }) => {
      const el = document.querySelector('.tl-vertical');
      const root = document.querySelector('.tl-root');
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      const intervals = [];
      let nodes = 0;
      let last = await frame();
      for (let i = 0; i < frames && el.scrollTop + el.clientHeight < el.scrollHeight - 1; i += 1) {
        el.scrollTop += step;
        const now = await frame();
        intervals.push(now - last);
        last = now;
        if (i % 30 === 0) nodes = Math.max(nodes, root.getElementsByTagName('*').length);
      }
      const scrolled = el.scrollTop;
      // Long jumps (the scrollbar dragged, End pressed): each to an arbitrary place.
      const jumps = [];
      for (let i = 0; i < 40; i += 1) {
        el.scrollTop = ((i * 7919) % 1000) / 1000 * el.scrollHeight;
        const now = await frame();
        jumps.push(now - last);
        last = now;
        nodes = Math.max(nodes, root.getElementsByTagName('*').length);
      }
      return { intervals, jumps, nodes, scrolled, height: el.scrollHeight, cards: el.querySelectorAll('.tl-vcard').length };
    }, { step: STEP_PX, frames: FRAMES });
    results.push(run);
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}

const all = results.flatMap((r) => r.intervals);
const jumps = results.flatMap((r) => r.jumps);
const dropped = all.filter((t) => t > 25).length / all.length;
const f = (x) => x.toFixed(1);
console.log(`\n${runs} runs, headless Chromium, 390×844, ${events.toLocaleString('en')} synthetic events, vertical layout`);
console.log(`scrolled ${results.map((r) => r.scrolled).join(', ')} px of ${results[0].height} px at ${STEP_PX} px a frame\n`);
console.log('| what | frames | frame time median (ms) | p95 (ms) | fps (from the median) | frames over 25 ms | DOM nodes (widget, most) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
console.log(`| steady scroll | ${all.length} | ${f(quantile(all, 0.5))} | ${f(quantile(all, 0.95))} | ${f(1000 / quantile(all, 0.5))} | ${(100 * dropped).toFixed(1)} % | ${Math.max(...results.map((r) => r.nodes))} |`);
console.log(`| long jumps | ${jumps.length} | ${f(quantile(jumps, 0.5))} | ${f(quantile(jumps, 0.95))} | ${f(1000 / quantile(jumps, 0.5))} | ${(100 * jumps.filter((t) => t > 25).length / jumps.length).toFixed(1)} % | |`);
