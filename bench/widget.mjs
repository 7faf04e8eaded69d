// Benchmark (not a test): the standalone page's release build in headless Chromium, on the
// bundled data and on 1,000 and 10,000 synthetic events (`?synthetic=N`). Reports the time
// from navigation to the first rendered events, the median and 95th percentile of a wheel
// zoom step until the next frame is painted (with CSS transitions, and with
// prefers-reduced-motion), and the DOM node count.
//
//   make bench            (after `make build`)
//   node bench/widget.mjs [runs]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/browser/harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);
const datasets = [
  ['bundled (36 events)', ''],
  ['100 synthetic', '?synthetic=100'],
  ['1,000 synthetic', '?synthetic=1000'],
  ['10,000 synthetic', '?synthetic=10000'],
];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => quantile(xs, 0.5);

const site = await serve(path.join(repo, 'dist/site'));
const browser = await launch();
const rows = [];
try {
  for (const [name, query] of datasets) {
    const firstRender = [];
    const zoom = [];
    const still = [];
    const nodes = [];
    for (let r = 0; r < 2 * runs; r += 1) {
      // Alternate runs with animations on and off (prefers-reduced-motion): with them off,
      // the figure is our work and the frame alone, without CSS transitions in flight.
      const reduced = r % 2 === 1;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: reduced ? 'reduce' : 'no-preference' });
      const page = await context.newPage();
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('.tl-stage [data-event-id]')) {
            window.__firstRender = performance.now();
            observer.disconnect();
          }
        }).observe(document, { subtree: true, childList: true });
      });
      await page.goto(site.url + query);
      await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 60_000 });
      if (!reduced) firstRender.push(await page.evaluate(() => window.__firstRender));
      // A scripted sequence of wheel zooms, in and out, at several pointer positions.
      const steps = await page.evaluate(async () => {
        const stage = document.querySelector('.tl-stage');
        const box = stage.getBoundingClientRect();
        const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        const times = [];
        for (const [fx, dy, n] of [[0.5, -120, 6], [0.2, -120, 4], [0.8, 120, 5], [0.35, -120, 6], [0.6, 120, 12]]) {
          for (let i = 0; i < n; i += 1) {
            const t0 = performance.now();
            stage.dispatchEvent(new WheelEvent('wheel', {
              deltaY: dy, clientX: box.left + fx * box.width, clientY: box.top + 50, bubbles: true, cancelable: true,
            }));
            await frame();
            times.push(performance.now() - t0);
          }
        }
        return times;
      });
      (reduced ? still : zoom).push(...steps);
      if (!reduced) nodes.push(await page.evaluate(() => document.getElementsByTagName('*').length));
      await context.close();
    }
    rows.push({
      name,
      firstRender: median(firstRender),
      zoomMedian: median(zoom),
      zoomP95: quantile(zoom, 0.95),
      stillMedian: median(still),
      stillP95: quantile(still, 0.95),
      nodes: median(nodes),
    });
  }
} finally {
  await browser.close();
  await site.close();
}

console.log(`\n${runs} runs each, headless Chromium, 1280×900\n`);
console.log('| dataset | first render (ms, median) | zoom step (ms, median / p95) | zoom step, reduced motion (ms, median / p95) | DOM nodes |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) {
  const pair = (a, b) => `${a.toFixed(1)} / ${b.toFixed(1)}`;
  console.log(`| ${r.name} | ${r.firstRender.toFixed(0)} | ${pair(r.zoomMedian, r.zoomP95)} | ${pair(r.stillMedian, r.stillP95)} | ${r.nodes} |`);
}
