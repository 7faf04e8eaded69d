// The widgets under benchmark and the scripted interactions, shared by bench/peers.mjs and
// bench/profile.mjs: each widget's page (our embed, vis-timeline, TimelineJS3, served from
// the repository root), where its events and its timeline area are, how it zooms, the
// in-page instrumentation, and the zoom and pan scripts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const version = (pkg) => JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', pkg, 'package.json'), 'utf8')).version;

/** Where bench/host.mjs's section of bench/results.md begins and ends (bench/peers.mjs,
 * which writes the rest of the file, keeps it). */
export const HOST_MARKERS = ['<!-- host page: bench/host.mjs -->', '<!-- end of host page -->'];

const TL_JS = '/node_modules/@knight-lab/timelinejs/dist/js/';
const page = (title, head, body) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>\n` +
  `<body style="margin:0">\n${body}\n</body></html>\n`;

/**
 * The widgets: what a page needs to show a dataset (`parts`: its `head` and `body` markup,
 * which bench/host.mjs also puts into an article), the page of its own that shows it, where
 * its event elements are (`host` is the shadow host, if any), where to drag and how to zoom.
 */
export const WIDGETS = [
  {
    id: 'ours',
    name: 'ours (embed)',
    // `embed`: the folder of embed.js (bench/profile.mjs uses a build that keeps names).
    parts: (files, embed = '/dist/embed/') => ({
      // As the README's snippet: the script beside the element, which reserves its box.
      body: `<div id="widget" data-timeline data-src="${files.ours}" data-height="640px" style="min-height:640px"></div>\n<script src="${embed}embed.js" async></script>`,
    }),
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
    parts: (files) => ({
      head: '<script src="/node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"></script>',
      body: `<div id="widget"></div>\n<script>\nfetch('${files.vis}').then((r) => r.json()).then(({ items, groups }) => {\n` +
        `  window.widget = new vis.Timeline(document.getElementById('widget'), new vis.DataSet(items), new vis.DataSet(groups), { height: '640px' });\n});\n</script>`,
    }),
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
    parts: (files) => ({
      head: `<link rel="stylesheet" href="/node_modules/@knight-lab/timelinejs/dist/css/timeline.css">\n<script src="${TL_JS}timeline.js"></script>`,
      body: `<div id="widget" style="width: 100%; height: 640px"></div>\n<script>\nwindow.widget = new TL.Timeline('widget', '${files.timelinejs}', ` +
        `{ script_path: new URL('${TL_JS}', location.href).href });\n</script>`,
    }),
    host: null,
    event: '.tl-timemarker',
    loaded: () => window.widget.config.events.length,
    stage: '.tl-timenav',
    zoom: 'buttons',
  },
];
for (const widget of WIDGETS) {
  /** The widget's page of its own, at the top of an empty page. */
  widget.page = (files, embed) => {
    const { head, body } = widget.parts(files, embed);
    return page(widget.id === 'ours' ? 'ours' : widget.name.split(' ')[0], head, body);
  };
}

/** Installed in every page before its scripts: finds events, times inputs and frames. */
export function instrument({ host, event }) {
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

export class Timeout extends Error {}

/** `promise`, or a Timeout after `ms`, or the page's crash, whichever comes first. */
export function deadline(promise, ms, crashed, what) {
  let timer;
  return Promise.race([
    promise,
    crashed,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Timeout(`${what}: timed out after ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The zoom script: [pointer x as a fraction of the stage, zoom in?, steps]. It never zooms
 * out past the first view nor more than 5 steps in, so it stays within TimelineJS3's zoom
 * levels (its buttons are disabled at the ends) and every step does work in every widget.
 */
export const ZOOMS = [[0.5, true, 5], [0.2, false, 3], [0.8, true, 3], [0.35, false, 5], [0.6, true, 4], [0.5, false, 4], [0.65, true, 5], [0.3, false, 5]];

/**
 * Runs `zooms` (default ZOOMS); resolves to { steps: [ms], partial }. Each step has the
 * deadline `timeout`; once the script has taken twice that, the remaining steps are
 * skipped (partial).
 */
export async function zoomScript(page, widget, box, { timeout, zooms = ZOOMS }) {
  const started = Date.now();
  class Enough extends Error {}
  const step = async (input) => {
    if (Date.now() - started > 2 * timeout) throw new Enough();
    const count = await page.evaluate(() => { window.__bench.armed = true; return window.__bench.steps.length; });
    await input();
    await page.waitForFunction((n) => window.__bench.steps.length > n, count, { polling: 5, timeout })
      .catch((e) => { throw e.name === 'TimeoutError' ? new Timeout(`zoom step: timed out after ${timeout / 1000} s`) : e; });
    await page.waitForTimeout(100); // a pause between steps, as between a reader's inputs
  };
  let partial = false;
  try {
    await zoomSteps(page, widget, box, step, zooms);
  } catch (e) {
    if (!(e instanceof Enough)) throw e;
    partial = true;
  }
  return { steps: await page.evaluate(() => window.__bench.steps), partial };
}

async function zoomSteps(page, widget, box, step, zooms) {
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

/** A mouse drag, 40 moves of 15 px left and back; resolves to { gaps: [frame intervals], dropped }. */
export async function panScript(page, box) {
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
