// What a widget costs the article it is embedded in (issue 16): Lighthouse 12.2.3 (npm,
// pinned: 13 needs Node 22) on an article page, alone and with each widget, above the fold
// and four screens below it, in Lighthouse's mobile emulation with simulated throttling.
//
// The article is modelled on examples/article.html: a headline, a hero image (the page's
// LCP element), and twenty paragraphs; the widget goes after the first paragraph ("above":
// in the first screen) or after the sixteenth ("below": about four phone screens down,
// where no reader sees it before scrolling, and Lighthouse never scrolls). Each widget shows
// the same 100 synthetic events (bench/datasets.mjs), ours also with its bundled data as the
// default embed ships. Every file is served brotli-compressed (quality 11, as our `make dist`
// precompresses and as any CDN does for every widget), so transfer sizes are what readers
// receive. Nothing leaves the machine: the server is on loopback, and the pages reference
// nothing else.
//
// Per page, the median of the runs: performance score, LCP, TBT, CLS, total bytes
// transferred, main-thread work, and the bytes transferred for the widget itself (its
// scripts, styles, module and data). The deltas are to the article alone.
//
//   node bench/host.mjs [--runs 3] [--out bench/results.md]   (the section between the
//                        markers in results.md is replaced; bench/peers.mjs keeps it)
//   node bench/host.mjs --smoke    one run of the article alone and with ours above and
//                                  below; fails if a figure is missing
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { writeAll } from './datasets.mjs';
import { HOST_MARKERS as MARKERS, WIDGETS } from './widgets.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const outDir = path.join(here, 'out', 'host');

function options(argv) {
  const o = { runs: 3, out: path.join(here, 'results.md'), smoke: false };
  for (let i = 0; i < argv.length; i += 1) {
    const value = () => argv[++i];
    switch (argv[i]) {
      case '--runs': o.runs = Number(value()); break;
      case '--out': o.out = path.resolve(value()); break;
      case '--smoke': o.smoke = true; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (o.smoke) Object.assign(o, { runs: 1, out: path.join(here, 'out', 'host-smoke.md') });
  return o;
}

// ---------------------------------------------------------------------------------------
// The pages

const HERO = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
<rect width="1200" height="675" fill="#2d4a66"/><circle cx="860" cy="260" r="180" fill="#e0b04a"/>
<path d="M0 520 L300 380 L520 470 L760 330 L1200 520 L1200 675 L0 675 Z" fill="#1b2f42"/></svg>\n`;

const PARAGRAPH = (k) => `<p>Paragraph ${k} of the article. A news article runs to a few thousand words, set in a ` +
  'column that a phone shows a few paragraphs of at a time; the reader scrolls through it, and an embedded ' +
  'timeline sits somewhere in the middle. This text stands in for the reporting around it, so that the page has ' +
  'the weight and the layout of a real article without any of its third-party scripts.</p>';

/** The article with `widget` ({ head, body }) after paragraph `after` (0: no widget). */
function article(widget, after) {
  const paragraphs = [];
  for (let k = 1; k <= 20; k += 1) {
    paragraphs.push(PARAGRAPH(k));
    if (k === after) paragraphs.push(widget.body);
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ottawa and Tehran: seventy years of a troubled relationship</title><link rel="icon" href="data:,">
<style>body { margin: 0 auto; max-width: 44rem; padding: 0 1rem; font: 1.125rem/1.6 Georgia, serif; }
img { width: 100%; height: auto; display: block; }</style>
${widget.head ?? ''}
</head><body>
<h1>Ottawa and Tehran: seventy years of a troubled relationship</h1>
<img src="hero.svg" width="1200" height="675" alt="An illustration: a sun over mountains">
${paragraphs.join('\n')}
</body></html>\n`;
}

/** The pages: [id, name, file]. */
function writePages() {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'hero.svg'), HERO);
  const files = writeAll(outDir, [100])[100];
  const pages = [['alone', 'the article alone', 'alone.html', article({}, 0)]];
  const widgets = [
    ['ours-default', 'ours, bundled data', { body: '<div data-timeline data-height="640px" style="min-height:640px"></div>\n<script src="/dist/embed/embed.js" async></script>' }],
    ...WIDGETS.map((w) => [w.id, w.name, w.parts(files)]),
  ];
  for (const [id, name, parts] of widgets) {
    if (opts.smoke && id !== 'ours-default') continue;
    pages.push([`${id}-above`, `${name}, above the fold`, `${id}-above.html`, article(parts, 1)]);
    pages.push([`${id}-below`, `${name}, below the fold`, `${id}-below.html`, article(parts, 16)]);
  }
  for (const [, , file, html] of pages) fs.writeFileSync(path.join(outDir, file), html);
  return pages.map(([id, name, file]) => ({ id, name, file }));
}

// ---------------------------------------------------------------------------------------
// The server: the repository root, every response brotli-compressed (cached by path)

function serveCompressed(root) {
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
    '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };
  const cache = new Map();
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url, 'http://localhost').pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    if (!cache.has(file)) {
      cache.set(file, zlib.brotliCompressSync(fs.readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-encoding': 'br', 'cache-control': 'no-store' });
    res.end(cache.get(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => server.close(done)),
  })));
}

// ---------------------------------------------------------------------------------------
// Lighthouse

const WIDGET_FILES = /\/(dist\/embed|node_modules)\/|\/events-100[.a-z]*\.json$/;

/** One Lighthouse run of `url`: the figures, or null where one is missing. */
async function measure(chrome, url) {
  const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const audit = (id) => lhr.audits[id]?.numericValue;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  return {
    score: lhr.categories.performance.score === null ? undefined : lhr.categories.performance.score * 100,
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    bytes: audit('total-byte-weight'),
    mainThread: audit('mainthread-work-breakdown'),
    widgetBytes: requests.filter((r) => WIDGET_FILES.test(r.url)).reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    error: lhr.runtimeError?.message,
  };
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return undefined;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const opts = options(process.argv.slice(2));
for (const [file, hint] of [['dist/embed/embed.js', 'make dist'], ['node_modules/lighthouse', 'npm ci'], ['node_modules/vis-timeline', 'npm ci']]) {
  if (!fs.existsSync(path.join(repo, file))) {
    console.error(`ERROR: ${file} is missing: run \`${hint}\` first.`);
    process.exit(1);
  }
}
const started = Date.now();
const pages = writePages();
const site = await serveCompressed(repo);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const chromium = await versionOf();
const results = Object.fromEntries(pages.map((p) => [p.id, []]));
try {
  // Pages take turns within a run, so a slow minute of a shared machine spreads over all.
  for (let r = 0; r < opts.runs; r += 1) {
    for (const p of pages) {
      const figures = await measure(chrome, `${site.url}bench/out/host/${p.file}`);
      results[p.id].push(figures);
      console.log(`run ${r + 1}/${opts.runs} ${p.id}: score ${figures.score}, LCP ${figures.lcp?.toFixed(0)} ms, TBT ${figures.tbt?.toFixed(0)} ms, ` +
        `CLS ${figures.cls?.toFixed(3)}, ${figures.bytes} B (widget ${figures.widgetBytes} B)${figures.error ? `, error: ${figures.error}` : ''}`);
    }
  }
} finally {
  await chrome.kill();
  await site.close();
}

// ---------------------------------------------------------------------------------------
// The report

const FIGURES = [
  ['score', 'performance', (v) => v.toFixed(0), (d) => `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(0)}`],
  ['lcp', 'LCP', (v) => `${(v / 1000).toFixed(2)} s`, (d) => `${d >= 0 ? '+' : '−'}${Math.abs(d / 1000).toFixed(2)} s`],
  ['tbt', 'TBT', (v) => `${v.toFixed(0)} ms`, (d) => `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(0)} ms`],
  ['cls', 'CLS', (v) => v.toFixed(3), (d) => `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(3)}`],
  ['bytes', 'total bytes', (v) => `${(v / 1024).toFixed(1)} KB`, (d) => `${d >= 0 ? '+' : '−'}${Math.abs(d / 1024).toFixed(1)} KB`],
  ['mainThread', 'main-thread work', (v) => `${v.toFixed(0)} ms`, (d) => `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(0)} ms`],
  ['widgetBytes', 'widget bytes', (v) => `${(v / 1024).toFixed(1)} KB`, null],
];
const medians = Object.fromEntries(pages.map((p) => [p.id, Object.fromEntries(FIGURES.map(([key]) => [key, median(results[p.id].map((f) => f[key]))]))]));
const missing = [];
const cell = (p, [key, , show, delta]) => {
  const v = medians[p.id][key];
  if (v === undefined) {
    missing.push(`${p.id}: ${key}`);
    return '–';
  }
  const base = medians.alone[key];
  return p.id === 'alone' || !delta || base === undefined ? show(v) : `${show(v)} (${delta(v - base)})`;
};
const lines = [
  MARKERS[0],
  '## The host page (Lighthouse)',
  '',
  `\`node bench/host.mjs\` (\`make bench-host\`), ${new Date().toISOString().slice(0, 10)}: Lighthouse ${JSON.parse(fs.readFileSync(path.join(repo, 'node_modules/lighthouse/package.json'), 'utf8')).version}, ` +
    `mobile emulation, simulated throttling, median of ${opts.runs} run${opts.runs > 1 ? 's' : ''} per page, Chromium ${chromium}. ` +
    'The article (bench/host.mjs) alone and with each widget after its first paragraph (above the fold) or its sixteenth ' +
    '(four screens down; Lighthouse never scrolls). Every file served brotli -q 11. In brackets: the change from the article alone. ' +
    '"widget bytes": what the widget transferred (scripts, styles, module, data) before any scrolling.',
  '',
  `| page | ${FIGURES.map(([, name]) => name).join(' | ')} |`,
  `|---|${FIGURES.map(() => '---:').join('|')}|`,
  ...pages.map((p) => `| ${p.name} | ${FIGURES.map((f) => cell(p, f)).join(' | ')} |`),
  '',
  `Took ${((Date.now() - started) / 60_000).toFixed(1)} min.`,
  MARKERS[1],
];
const section = lines.join('\n');
if (opts.smoke) {
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, `${section}\n`);
} else {
  const old = fs.existsSync(opts.out) ? fs.readFileSync(opts.out, 'utf8') : '';
  const [start, end] = [old.indexOf(MARKERS[0]), old.indexOf(MARKERS[1])];
  const text = start >= 0 && end > start
    ? old.slice(0, start) + section + old.slice(end + MARKERS[1].length)
    : `${old.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(opts.out, text);
}
console.log(`\n${section}\n\nwritten to ${path.relative(repo, opts.out)}`);
if (missing.length) {
  console.error(`ERROR: figures missing: ${missing.join(', ')}`);
  process.exit(1);
}

async function versionOf() {
  try {
    const res = await fetch(`http://127.0.0.1:${chrome.port}/json/version`);
    return (await res.json()).Browser?.split('/')[1] ?? '';
  } catch {
    return '';
  }
}
