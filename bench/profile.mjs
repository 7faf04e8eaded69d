// Where our widget spends its time, next to a peer: loads one dataset in our embed and in
// vis-timeline (or the widgets given), and records (1) the load and (2) the scripted zoom
// sequence of bench/peers.mjs with the V8 sampling profiler (JavaScript and WebAssembly
// functions, self and total time) and a Chromium trace (the renderer main thread's own
// work by kind: script, style, layout, paint…, self time so nothing is counted twice).
//
// Our embed is rebuilt for this into bench/out/profile-embed/ from the same compiled
// module as `make dist`'s (no data compiled in: the pages use data-src) and the
// same wasm-opt -Oz, but keeping the function names, so the profile names Rust functions.
//
//   node bench/profile.mjs [--size 10000] [--widgets ours,vis] [--top 15]
//   (after `make dist`; writes bench/profile.md)
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/browser/harness.mjs';
import { writeAll } from './datasets.mjs';
import { WIDGETS, instrument, zoomScript } from './widgets.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const outDir = path.join(here, 'out');

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const size = Number(args.size ?? 10_000);
const widgets = (args.widgets ?? 'ours,vis').split(',').map((id) => WIDGETS.find((w) => w.id === id));
const top = Number(args.top ?? 15);

/** Our embed with function names (the shipped one strips them): the one module, without
 *  the default data, as `make dist` builds it. */
function namedEmbed() {
  execFileSync('cargo', ['build', '--release', '--lib', '--target', 'wasm32-unknown-unknown', '--no-default-features'], { cwd: repo, stdio: 'inherit' });
  const wasm = path.join(repo, 'target/wasm32-unknown-unknown/release/timeline.wasm');
  const dir = path.join(outDir, 'profile-embed');
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', dir, '--out-name', 'timeline', wasm], { stdio: 'inherit' });
  const module = path.join(dir, 'timeline_bg.wasm');
  execFileSync('wasm-opt', ['-Oz', '--debuginfo', module, '-o', module], { stdio: 'inherit' });
  for (const file of ['embed.js', 'embed-mount.js']) fs.copyFileSync(path.join(repo, 'assets', file), path.join(dir, file));
  return '/bench/out/profile-embed/';
}

/** A V8 CPU profile's self and total time (ms) per function, the top `top` by self time. */
function functions(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
  const key = ({ callFrame: f }) => `${f.functionName || '(anonymous)'}${f.url ? ` (${path.basename(f.url)})` : ''}`;
  const rows = new Map();
  const row = (k) => rows.get(k) ?? rows.set(k, { self: 0, total: 0 }).get(k);
  // Total time: a node's self time counts once for every distinct function on its stack.
  const walk = (node, stack) => {
    const k = key(node);
    const s = self.get(node.id) ?? 0;
    row(k).self += s;
    const onStack = new Set(stack).add(k);
    for (const f of onStack) row(f).total += s;
    for (const child of node.children ?? []) walk(byId.get(child), onStack);
  };
  walk(profile.nodes[0], new Set());
  rows.delete('(root)');
  return [...rows].sort((a, b) => b[1].self - a[1].self).slice(0, top);
}

/** The renderer main thread's trace events: self time (ms) per event name. */
function mainThread(trace) {
  const events = JSON.parse(trace).traceEvents;
  const main = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  // The page's renderer is the main thread with the most work.
  const work = new Map();
  for (const e of events) if (e.ph === 'X' && main.includes(`${e.pid}:${e.tid}`)) work.set(`${e.pid}:${e.tid}`, [...(work.get(`${e.pid}:${e.tid}`) ?? []), e]);
  const [, xs] = [...work].sort((a, b) => b[1].length - a[1].length)[0];
  xs.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of xs) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    if (stack.length) self.set(stack.at(-1).name, (self.get(stack.at(-1).name) ?? 0) - (e.dur ?? 0) / 1000);
    self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    stack.push(e);
  }
  return [...self].filter(([, ms]) => ms >= 0.5).sort((a, b) => b[1] - a[1]).slice(0, top);
}

const TRACE = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'toplevel'];

async function profileWidget(browser, site, widget, embed) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => (route.request().url().startsWith(site.url) ? route.continue() : route.abort()));
  const page = await context.newPage();
  await page.addInitScript(instrument, { host: widget.host, event: widget.event });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const phase = async (name, fn) => {
    await browser.startTracing(page, { categories: TRACE });
    await cdp.send('Profiler.start');
    const started = Date.now();
    const extra = await fn();
    const { profile } = await cdp.send('Profiler.stop');
    const trace = await browser.stopTracing();
    return { name, wall: Date.now() - started, functions: functions(profile), thread: mainThread(trace.toString()), ...extra };
  };
  const file = `profile-${widget.id}-${size}.html`;
  fs.writeFileSync(path.join(outDir, file), widget.page(writeAll(outDir, [size])[size], embed));
  const load = await phase('load', async () => {
    await page.goto(site.url + `bench/out/${file}`);
    await page.waitForFunction(() => window.__bench.visibleAt !== null, null, { timeout: 120_000, polling: 50 });
    return { visible: await page.evaluate(() => window.__bench.visibleAt) };
  });
  await page.waitForTimeout(1000);
  const box = await page.evaluate(([host, stage]) => {
    const root = host ? document.querySelector(host).shadowRoot : document;
    const { x, y, width, height } = root.querySelector(stage).getBoundingClientRect();
    return { x, y, width, height };
  }, [widget.host, widget.stage]);
  const zoom = await phase('zoom', async () => {
    const { steps } = await zoomScript(page, widget, box, { timeout: 60_000 });
    return { steps: steps.length, median: steps.sort((a, b) => a - b)[steps.length >> 1] };
  });
  await context.close();
  return [load, zoom];
}

const embed = namedEmbed();
const site = await serve(repo);
const browser = await launch();
const lines = [`# Profile: ${size.toLocaleString('en')} events`, '',
  `Generated by \`node bench/profile.mjs --size ${size}\` on ${new Date().toISOString().slice(0, 10)}, headless Chromium ${browser.version()}. ` +
  'Self time: the function itself, or the trace event minus the events inside it. Total: with what it calls. ' +
  'Sampling every 0.1 ms, so small figures are approximate; the profiler slows the page, so wall times exceed bench/results.md.', ''];
try {
  for (const widget of widgets) {
    for (const p of await profileWidget(browser, site, widget, embed)) {
      const per = p.steps ? ` (${p.steps} steps; ms per step = ms / ${p.steps}; median step ${p.median.toFixed(1)} ms)` : ` (events visible at ${p.visible.toFixed(0)} ms)`;
      lines.push(`## ${widget.name}: ${p.name}, ${p.wall} ms wall${per}`, '');
      lines.push('| function (V8 sampling profiler) | self ms | total ms |', '|---|---:|---:|');
      for (const [name, t] of p.functions) lines.push(`| \`${name.replaceAll('|', '\\|')}\` | ${t.self.toFixed(1)} | ${t.total.toFixed(1)} |`);
      lines.push('', '| main-thread trace event | self ms |', '|---|---:|');
      for (const [name, ms] of p.thread) lines.push(`| ${name} | ${ms.toFixed(1)} |`);
      lines.push('');
    }
  }
} finally {
  await browser.close();
  await site.close();
}
fs.writeFileSync(path.join(here, 'profile.md'), lines.join('\n'));
console.log(lines.join('\n'));
