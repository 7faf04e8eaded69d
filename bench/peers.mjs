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
//                        [--timeout 60000] [--out bench/results.md] [--widgets vis,timelinejs]
//                        [--embed /bench/out/variant/]  (our embed from another folder, to compare builds)
//   node bench/peers.mjs --smoke    100 events, one run, 8 zoom steps, fails if a widget or a figure is missing
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/browser/harness.mjs';
import { writeAll, SIZES } from './datasets.mjs';
import { HOST_MARKERS, WIDGETS as ALL_WIDGETS, ZOOMS, Timeout, deadline, instrument, zoomScript, panScript } from './widgets.mjs';

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
      case '--widgets': o.widgets = value().split(','); break;
      case '--embed': o.embed = value(); break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (o.smoke) Object.assign(o, { runs: 1, sizes: [100], timeout: 30_000, out: path.join(outDir, 'smoke.md') });
  return o;
}
const opts = options(process.argv.slice(2));
// Ours always comes first (the ratios are to it); --widgets picks the peers to run.
const WIDGETS = ALL_WIDGETS.filter((w, k) => k === 0 || !opts.widgets || opts.widgets.includes(w.id));
/** The smoke run's zoom script: in and out once (TimelineJS3 takes up to a second per step). */
const zooms = opts.smoke ? ZOOMS.slice(0, 2) : ZOOMS;

for (const [file, hint] of [['dist/embed/embed.js', 'make dist'], ['node_modules/vis-timeline', 'npm ci'], ['node_modules/@knight-lab/timelinejs', 'npm ci']]) {
  if (!fs.existsSync(path.join(repo, file))) {
    console.error(`ERROR: ${file} is missing: run \`${hint}\` first.`);
    process.exit(1);
  }
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => quantile(xs, 0.5);

async function memory(page, cdp, widget) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  // The glue returns the initialised module's exports; `memory` is its linear memory. The
  // glue the loader loaded (importing another would load a second module).
  const wasm = widget.id === 'ours'
    ? await page.evaluate(async () => {
      const glue = performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname)
        .find((p) => /\/timeline\.js$/.test(p));
      return (await (await import(glue)).default()).memory.buffer.byteLength;
    })
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
    result.zoom = await deadline(zoomScript(page, widget, box, { timeout: opts.timeout, zooms }), 3 * opts.timeout, crashed, 'zoom');
    result.pan = await step('pan', () => panScript(page, box));
    result.memAfter = await step('memory after interaction', () => memory(page, cdp, widget));
  } catch (e) {
    result.failure = e instanceof Timeout ? e.message : `${e.message === 'crashed' ? 'crashed' : `failed: ${e.message.split('\n')[0]}`}`;
  } finally {
    // What the widget loaded, once it has shown its events (before that the list is partial).
    const all = result.visible === undefined ? [] : await deadline(Promise.all(bodies), 5_000, new Promise(() => {}), 'bodies').catch(() => []);
    if (all.length) {
      result.bytes = all.reduce((sum, body) => sum + zlib.gzipSync(body, { level: 9 }).length, 0);
      result.brotli = all.reduce((sum, body) => sum + zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
    }
    await deadline(context.close(), 30_000, new Promise(() => {}), 'close').catch(() => {});
  }
  return result;
}

// ---------------------------------------------------------------------------------------

const started = Date.now();
const files = writeAll(outDir, opts.sizes);
for (const n of opts.sizes) for (const w of WIDGETS) fs.writeFileSync(path.join(outDir, `${w.id}-${n}.html`), w.page(files[n], opts.embed));

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
    brotli: spread(ok((r) => r.brotli).map((b) => b / 1000), ' KB', 1),
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
  ['brotli', 'widget bytes, brotli -q 11'],
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
// The host-page section (bench/host.mjs) is that script's: kept as it is.
const old = fs.existsSync(opts.out) ? fs.readFileSync(opts.out, 'utf8') : '';
const [hostStart, hostEnd] = HOST_MARKERS.map((m) => old.indexOf(m));
if (hostStart >= 0 && hostEnd > hostStart) lines.push(old.slice(hostStart, hostEnd + HOST_MARKERS[1].length), '');
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
