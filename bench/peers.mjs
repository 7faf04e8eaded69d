// Benchmark against the widgets our users would otherwise pick (../shared/research/peers.md):
// our script-tag embed (dist/embed), vis-timeline (standalone UMD build) and TimelineJS3,
// all installed from npm (package-lock.json) and served on loopback; nothing leaves the
// machine (requests to other hosts are blocked and listed).
//
// Each widget gets the same synthetic events (bench/datasets.mjs), in its own format, from a
// data file it fetches itself, in a page of its own, in headless Chromium at 1280×900 in a
// 640 px tall box. For every dataset the widgets take turns (run r starts with widget r mod
// 3), each run in a fresh browser context (cold cache), and each step has a deadline: a
// widget that misses it or crashes is recorded as such and the run goes on.
//
// Measured per run:
//   bytes     every response the widget itself loads (JS, CSS, WASM, fonts, locales), each
//             gzip -9 compressed; the page and the data file are not counted
//   visible   from navigation start to the first frame with an event element in the viewport
//   zoom      34 zoom steps, in and out at several pointer positions (100 ms apart; the rest
//             are skipped once a run's zoom script has taken twice the deadline), each from the input
//             event's timestamp to the first frame painted after it (rAF, then a task);
//             ours: Ctrl + wheel (the embed's wheel zoom); vis: wheel; TimelineJS3: its zoom
//             buttons (it has no wheel zoom)
//   pan       a scripted mouse drag, 2 × 40 moves of 15 px: the intervals between animation
//             frames during it (median, p95) and the frames missed at 60 Hz
//   memory    after a forced GC: V8's JS heap (CDP JSHeapUsedSize, which does not count
//             ArrayBuffer backing stores) plus, for ours, the WebAssembly linear memory
//             (its buffer's byteLength, a high-water mark: it never shrinks); after load and
//             after the zoom and pan script
//   elements  DOM elements in the page after load, counted through shadow roots
//
//   node bench/peers.mjs [--runs 5] [--large-runs 3] [--sizes 100,1000,10000,100000]
//                        [--timeout 60000] [--out bench/results.md]
//   node bench/peers.mjs --smoke    100 events, one run, 8 zoom steps, fails if a widget or a figure is missing
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/browser/harness.mjs';
import { writeAll, SIZES } from './datasets.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const outDir = path.join(here, 'out');

function options(argv) {
  const o = { runs: 5, largeRuns: 3, sizes: SIZES, timeout: 60_000, out: path.join(here, 'results.md'), smoke: false };
  for (let i = 0; i < argv.length; i += 1) {
    const value = () => argv[++i];
    switch (argv[i]) {
      case '--runs': o.runs = Number(value()); break;
      case '--large-runs': o.largeRuns = Number(value()); break;
      case '--sizes': o.sizes = value().split(',').map(Number); break;
      case '--timeout': o.timeout = Number(value()); break;
      case '--out': o.out = path.resolve(value()); break;
      case '--smoke': o.smoke = true; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (o.smoke) Object.assign(o, { runs: 1, sizes: [100], timeout: 30_000, out: path.join(outDir, 'smoke.md') });
  return o;
}
const opts = options(process.argv.slice(2));

const version = (pkg) => JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', pkg, 'package.json'), 'utf8')).version;
for (const [file, hint] of [['dist/embed/embed.js', 'make dist'], ['node_modules/vis-timeline', 'npm ci'], ['node_modules/@knight-lab/timelinejs', 'npm ci']]) {
  if (!fs.existsSync(path.join(repo, file))) {
    console.error(`ERROR: ${file} is missing: run \`${hint}\` first.`);
    process.exit(1);
  }
}

const TL_JS = '/node_modules/@knight-lab/timelinejs/dist/js/';
const page = (title, head, body) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>\n` +
  `<body style="margin:0">\n${body}\n</body></html>\n`;

/**
 * The widgets: the page that shows a dataset, where its event elements are (`host` is the
 * shadow host, if any), where to drag and how to zoom.
 */
const WIDGETS = [
  {
    id: 'ours',
    name: 'ours (embed)',
    page: (files) => page('ours',
      '<script src="/dist/embed/embed.js" async></script>',
      `<div id="widget" data-timeline data-src="${files.ours}" data-height="640px"></div>`),
    host: '#widget',
    event: '.tl-stage [data-event-id]',
    // "N of N events", and no problem reported: the file is valid in our format.
    loaded: () => {
      const root = document.querySelector('#widget').shadowRoot;
      const count = Number(root.querySelector('.tl-count').textContent.split(' of ')[0].replace(/\D/g, ''));
      return root.querySelector('.tl-problem') ? -1 : count;
    },
    stage: '.tl-stage',
    zoom: 'ctrl-wheel',
  },
  {
    id: 'vis',
    name: `vis-timeline ${version('vis-timeline')}`,
    // The standalone build injects its own stylesheet.
    page: (files) => page('vis-timeline',
      '<script src="/node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"></script>',
      `<div id="widget"></div>\n<script>\nfetch('${files.vis}').then((r) => r.json()).then(({ items, groups }) => {\n` +
      `  window.widget = new vis.Timeline(document.getElementById('widget'), new vis.DataSet(items), new vis.DataSet(groups), { height: '640px' });\n});\n</script>`),
    host: null,
    event: '.vis-item',
    loaded: () => window.widget.itemsData.length,
    stage: '.vis-panel.vis-center',
    zoom: 'wheel',
  },
  {
    id: 'timelinejs',
    name: `TimelineJS3 ${version('@knight-lab/timelinejs')}`,
    // script_path (absolute) makes it load its locale and font CSS from here, not its CDN.
    page: (files) => page('TimelineJS3',
      `<link rel="stylesheet" href="/node_modules/@knight-lab/timelinejs/dist/css/timeline.css">\n<script src="${TL_JS}timeline.js"></script>`,
      `<div id="widget" style="width: 100%; height: 640px"></div>\n<script>\nwindow.widget = new TL.Timeline('widget', '${files.timelinejs}', ` +
      `{ script_path: new URL('${TL_JS}', location.href).href });\n</script>`),
    host: null,
    event: '.tl-timemarker',
    loaded: () => window.widget.config.events.length,
    stage: '.tl-timenav',
    zoom: 'buttons',
  },
];

/** Installed in every page before its scripts: finds events, times inputs and frames. */
function instrument({ host, event }) {
  const B = (window.__bench = { visibleAt: null, steps: [], frames: null, armed: false });
  const root = () => (host ? document.querySelector(host)?.shadowRoot : document);
  B.eventVisible = () => {
    const r = root();
    if (!r) return false;
    for (const el of r.querySelectorAll(event)) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight &&
          el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
    }
    return false;
  };
  const watch = () => {
    if (B.eventVisible()) B.visibleAt = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  // An armed input (wheel or click) is timed from its timestamp to the first frame after it.
  const time = (e) => {
    if (!B.armed) return;
    B.armed = false;
    requestAnimationFrame(() => setTimeout(() => B.steps.push(performance.now() - e.timeStamp), 0));
  };
  addEventListener('wheel', time, { capture: true, passive: true });
  addEventListener('click', time, { capture: true, passive: true });
  B.recordFrames = () => {
    B.frames = [];
    const tick = (t) => {
      if (!B.frames) return;
      B.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  B.stopFrames = () => {
    const frames = B.frames;
    B.frames = null;
    return frames;
  };
  B.elements = (node = document) => {
    let n = 0;
    for (const el of node.querySelectorAll('*')) n += 1 + (el.shadowRoot ? B.elements(el.shadowRoot) : 0);
    return n;
  };
}

class Timeout extends Error {}

/** `promise`, or a Timeout after `ms`, or the page's crash, whichever comes first. */
function deadline(promise, ms, crashed, what) {
  let timer;
  return Promise.race([
    promise,
    crashed,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Timeout(`${what}: timed out after ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => quantile(xs, 0.5);

/**
 * The zoom script: [pointer x as a fraction of the stage, zoom in?, steps]. It never zooms
 * out past the first view nor more than 5 steps in, so it stays within TimelineJS3's zoom
 * levels (its buttons are disabled at the ends) and every step does work in every widget.
 */
const ZOOMS = [[0.5, true, 5], [0.2, false, 3], [0.8, true, 3], [0.35, false, 5], [0.6, true, 4], [0.5, false, 4], [0.65, true, 5], [0.3, false, 5]];

/** The smoke run's script: in and out once (TimelineJS3 takes up to a second per step). */
const zooms = opts.smoke ? ZOOMS.slice(0, 2) : ZOOMS;

/**
 * Runs the zoom script; resolves to { steps: [ms], partial }. Each step has the deadline;
 * once the script has taken twice the deadline, the remaining steps are skipped (partial).
 */
async function zoomScript(page, widget, box) {
  const started = Date.now();
  class Enough extends Error {}
  const step = async (input) => {
    if (Date.now() - started > 2 * opts.timeout) throw new Enough();
    const count = await page.evaluate(() => { window.__bench.armed = true; return window.__bench.steps.length; });
    await input();
    await page.waitForFunction((n) => window.__bench.steps.length > n, count, { polling: 5, timeout: opts.timeout })
      .catch((e) => { throw e.name === 'TimeoutError' ? new Timeout(`zoom step: timed out after ${opts.timeout / 1000} s`) : e; });
    await page.waitForTimeout(100); // a pause between steps, as between a reader's inputs
  };
  let partial = false;
  try {
    await zoomSteps(page, widget, box, step);
  } catch (e) {
    if (!(e instanceof Enough)) throw e;
    partial = true;
  }
  return { steps: await page.evaluate(() => window.__bench.steps), partial };
}

async function zoomSteps(page, widget, box, step) {
  if (widget.zoom === 'buttons') {
    // Clicked by position: no waiting for the button to be "stable" while the strip animates.
    const centre = (label) => page.locator(`button[aria-label="${label}"]`).evaluate((b) => {
      const r = b.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    const buttons = { true: await centre('Zoom in'), false: await centre('Zoom out') };
    for (const [, zoomIn, n] of zooms) for (let i = 0; i < n; i += 1) await step(() => page.mouse.click(buttons[zoomIn].x, buttons[zoomIn].y));
  } else {
    if (widget.zoom === 'ctrl-wheel') await page.keyboard.down('Control');
    for (const [fx, zoomIn, n] of zooms) {
      await page.mouse.move(box.x + fx * box.width, box.y + box.height / 2);
      for (let i = 0; i < n; i += 1) await step(() => page.mouse.wheel(0, zoomIn ? -120 : 120));
    }
    if (widget.zoom === 'ctrl-wheel') await page.keyboard.up('Control');
  }
}

async function panScript(page, box) {
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 0.75 * box.width, y);
  await page.evaluate(() => window.__bench.recordFrames());
  await page.mouse.down();
  for (let i = 1; i <= 80; i += 1) await page.mouse.move(box.x + 0.75 * box.width - 15 * (i <= 40 ? i : 80 - i), y);
  await page.mouse.up();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const frames = await page.evaluate(() => window.__bench.stopFrames());
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  return { gaps, dropped: gaps.reduce((n, dt) => n + Math.max(0, Math.round(dt / (1000 / 60)) - 1), 0) };
}

async function memory(page, cdp, widget) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  // The glue returns the initialised module's exports; `memory` is its linear memory.
  const wasm = widget.id === 'ours'
    ? await page.evaluate(async () => (await (await import('/dist/embed/timeline.js')).default()).memory.buffer.byteLength)
    : 0;
  return { heap, wasm, total: heap + wasm };
}

/** One run of one widget on one dataset: every figure, or the step that failed and why. */
async function run(browser, site, widget, n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const result = { blocked: new Set() };
  const bodies = [];
  let crash;
  const crashed = new Promise((_, reject) => { crash = reject; });
  crashed.catch(() => {});
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(site.url)) return route.continue();
      result.blocked.add(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('crash', () => crash(new Error('crashed')));
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (/^\/(dist|node_modules)\//.test(pathname)) bodies.push(response.body().catch(() => Buffer.alloc(0)));
    });
    await page.addInitScript(instrument, { host: widget.host, event: widget.event });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const step = (what, fn) => deadline(fn(), opts.timeout, crashed, what);

    await step('load', async () => {
      await page.goto(`${site.url}bench/out/${widget.id}-${n}.html`);
      await page.waitForFunction(() => window.__bench.visibleAt !== null, null, { timeout: 0, polling: 50 });
    });
    result.visible = await page.evaluate(() => window.__bench.visibleAt);
    const loaded = await page.evaluate(widget.loaded);
    if (loaded !== n) throw new Error(`shows ${loaded} of the ${n} events${loaded < 0 ? ' (problems in the data)' : ''}`);
    result.elements = await page.evaluate(() => window.__bench.elements());
    result.memLoad = await step('memory after load', () => memory(page, cdp, widget));
    const box = await step('stage', () => page.evaluate(([host, stage]) => {
      const root = host ? document.querySelector(host).shadowRoot : document;
      const { x, y, width, height } = root.querySelector(stage).getBoundingClientRect();
      return { x, y, width, height };
    }, [widget.host, widget.stage]));
    result.zoom = await deadline(zoomScript(page, widget, box), 3 * opts.timeout, crashed, 'zoom');
    result.pan = await step('pan', () => panScript(page, box));
    result.memAfter = await step('memory after interaction', () => memory(page, cdp, widget));
  } catch (e) {
    result.failure = e instanceof Timeout ? e.message : `${e.message === 'crashed' ? 'crashed' : `failed: ${e.message.split('\n')[0]}`}`;
  } finally {
    // What the widget loaded up to the end (or the failure); a body that never came counts 0.
    const all = await deadline(Promise.all(bodies), 5_000, new Promise(() => {}), 'bodies').catch(() => []);
    if (all.length) result.bytes = all.reduce((sum, body) => sum + zlib.gzipSync(body, { level: 9 }).length, 0);
    await deadline(context.close(), 30_000, new Promise(() => {}), 'close').catch(() => {});
  }
  return result;
}

// ---------------------------------------------------------------------------------------

const started = Date.now();
const files = writeAll(outDir, opts.sizes);
for (const n of opts.sizes) for (const w of WIDGETS) fs.writeFileSync(path.join(outDir, `${w.id}-${n}.html`), w.page(files[n]));

const site = await serve(repo);
const browser = await launch();
const results = {}; // n → widget id → [run results]
try {
  for (const n of opts.sizes) {
    results[n] = Object.fromEntries(WIDGETS.map((w) => [w.id, []]));
    const runs = n >= 100_000 ? Math.min(opts.runs, opts.largeRuns) : opts.runs;
    const given = new Set(); // widgets that failed to load: not tried again at this size
    for (let r = 0; r < runs; r += 1) {
      for (let k = 0; k < WIDGETS.length; k += 1) {
        const widget = WIDGETS[(r + k) % WIDGETS.length];
        if (given.has(widget.id)) continue;
        const t = Date.now();
        const result = await run(browser, site, widget, n);
        results[n][widget.id].push(result);
        if (result.failure && result.visible === undefined) given.add(widget.id);
        console.log(`${String(n).padStart(6)} ${widget.name.padEnd(20)} run ${r + 1}/${runs}: ${result.failure ?? 'ok'} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      }
    }
  }
} finally {
  await browser.close();
  await site.close();
}

// ---------------------------------------------------------------------------------------

/** Summaries of the runs of one widget on one dataset: { metric: { value, text } }. */
function summarise(runs) {
  const ok = (f) => runs.map(f).filter((x) => x !== undefined);
  const failure = runs.find((r) => r.failure)?.failure;
  const spread = (xs, unit, digits = 0) => {
    if (!xs.length) return { text: failure ?? 'missing' };
    const m = median(xs);
    const range = xs.length > 1 ? ` (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})` : '';
    return { value: m, text: `${m.toFixed(digits)}${unit}${range}` };
  };
  const pooled = (xs, digits = 1) => (xs.length
    ? { value: median(xs), p95: quantile(xs, 0.95), text: `${median(xs).toFixed(digits)} / ${quantile(xs, 0.95).toFixed(digits)}` }
    : { text: failure ?? 'missing' });
  const mb = (x) => x / 1e6;
  return {
    bytes: spread(ok((r) => r.bytes).map((b) => b / 1000), ' KB', 1),
    visible: spread(ok((r) => r.visible), ' ms'),
    zoom: partialNote(pooled(ok((r) => r.zoom?.steps).flat()), runs),
    pan: pooled(ok((r) => r.pan?.gaps).flat()),
    dropped: spread(ok((r) => r.pan?.dropped), ''),
    memLoad: spread(ok((r) => r.memLoad && mb(r.memLoad.total)), ' MB', 1),
    memAfter: spread(ok((r) => r.memAfter && mb(r.memAfter.total)), ' MB', 1),
    elements: spread(ok((r) => r.elements), ''),
    runs: `${runs.filter((r) => !r.failure).length}/${runs.length}`,
    failure,
    wasm: ok((r) => r.memAfter?.wasm).map(mb),
    blocked: new Set(runs.flatMap((r) => [...r.blocked])),
  };
}

/** Marks a zoom figure whose runs stopped early, with the steps done out of the script's. */
function partialNote(figure, runs) {
  const partial = runs.filter((r) => r.zoom?.partial);
  if (!partial.length || figure.value === undefined) return figure;
  const done = partial.map((r) => r.zoom.steps.length).join(', ');
  const total = zooms.reduce((sum, [, , n]) => sum + n, 0);
  return { ...figure, text: `${figure.text} (${partial.length} run(s) stopped after ${done} of ${total} steps)` };
}

const METRICS = [
  ['bytes', 'widget bytes, gzip -9'],
  ['visible', 'navigation → events visible'],
  ['zoom', 'zoom step → painted, ms (median / p95)'],
  ['pan', 'pan frame interval, ms (median / p95)'],
  ['dropped', 'pan frames dropped at 60 Hz'],
  ['memLoad', 'memory after load (JS heap + WASM)'],
  ['memAfter', 'memory after zoom + pan'],
  ['elements', 'DOM elements after load'],
];
const ratio = (peer, ours) => (peer.value !== undefined && ours.value ? `${(peer.value / ours.value).toFixed(2)}×` : '–');

const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? os.cpus()[0]?.model;
const chromium = browser.version();
const lines = [
  `# Benchmark: our embed against vis-timeline and TimelineJS3`,
  '',
  `Generated by \`${opts.smoke ? 'make bench-smoke' : 'make bench-peers'}\` (bench/peers.mjs) on ${new Date().toISOString().slice(0, 10)}: ` +
  `${os.cpus().length} cores (\`nproc\`: ${execFileSync('nproc').toString().trim()}), ${cpu}, headless Chromium ${chromium} (software rendering), ` +
  `1280×900 viewport, widgets in a 640 px tall box. ${opts.runs} runs per widget and dataset` +
  `${opts.sizes.some((n) => n >= 100_000) && opts.largeRuns < opts.runs ? ` (${opts.largeRuns} at 100,000 events)` : ''}, widgets alternating, ` +
  `each run in a fresh context; each step had a ${opts.timeout / 1000} s deadline. Figures are medians with (min–max) over runs; ` +
  `zoom and pan are pooled over every step or frame of every run. The ratio is peer / ours: above 1, the peer costs more.`,
  '',
];
const summaries = {};
for (const n of opts.sizes) {
  summaries[n] = Object.fromEntries(WIDGETS.map((w) => [w.id, summarise(results[n][w.id])]));
  const [ours, ...peers] = WIDGETS.map((w) => summaries[n][w.id]);
  lines.push(`## ${n.toLocaleString('en')} events`, '');
  lines.push(`| | ${WIDGETS[0].name} | ${WIDGETS.slice(1).map((w) => `${w.name} | ratio`).join(' | ')} |`);
  lines.push(`|---|---:|${peers.map(() => '---:|---:').join('|')}|`);
  for (const [key, label] of METRICS) {
    const cells = peers.map((p) => {
      const r = ratio(p[key], ours[key]);
      const p95 = p[key].p95 !== undefined && ours[key].p95 ? ` / ${(p[key].p95 / ours[key].p95).toFixed(2)}×` : '';
      return `${p[key].text} | ${r}${r === '–' ? '' : p95}`;
    });
    lines.push(`| ${label} | ${ours[key].text} | ${cells.join(' | ')} |`);
  }
  lines.push(`| runs completed | ${ours.runs} | ${peers.map((p) => `${p.runs} | `).join(' | ')}|`);
  lines.push('');
}
const wasm = opts.sizes.map((n) => `${n.toLocaleString('en')}: ${median(summaries[n].ours.wasm)?.toFixed(1) ?? '–'} MB`).join(', ');
const blocked = WIDGETS.map((w) => [w, new Set(opts.sizes.flatMap((n) => [...summaries[n][w.id].blocked]))]).filter(([, s]) => s.size);
lines.push('## Notes', '',
  `- Our WebAssembly linear memory after the interaction script (included in the memory rows above), by dataset: ${wasm}.`,
  ...blocked.map(([w, s]) => `- ${w.name} asked for ${s.size} file(s) on other hosts, blocked here and not counted in its bytes: ${[...s].map((u) => `\`${u}\``).join(', ')}.`),
  '- TimelineJS3 zooms only by its buttons (the wheel pans): its zoom steps are button clicks, timed from the click. ' +
  'Ours and TimelineJS3 animate a zoom over several frames; the figure is the first frame painted after the input.',
  `- Total time: ${((Date.now() - started) / 1000).toFixed(0)} s.`, '');
fs.mkdirSync(path.dirname(opts.out), { recursive: true });
fs.writeFileSync(opts.out, lines.join('\n'));
console.log(`\n${lines.join('\n')}\nwritten to ${path.relative(repo, opts.out)}`);

if (opts.smoke) {
  // Every widget rendered and every figure is there.
  const missing = opts.sizes.flatMap((n) => WIDGETS.flatMap((w) => {
    const s = summaries[n][w.id];
    return [...METRICS.map(([key]) => key).filter((key) => s[key].value === undefined), ...(s.failure ? [s.failure] : [])]
      .map((what) => `${w.name} at ${n}: ${what}`);
  }));
  if (missing.length) {
    console.error(`bench smoke FAILED:\n  ${missing.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log(`bench smoke ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
