// Browser tests of the script-tag embed (dist/embed, built by `make dist`) on an example
// article (examples/article.html) with hostile CSS, a strict CSP, several widgets, a
// broken data-src and hostile data.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { run, assert, eventually, Widget } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const embed = path.join(repo, 'dist/embed');
const bundled = JSON.parse(fs.readFileSync(path.join(repo, 'assets/events.json'), 'utf8'));

for (const file of ['embed.js', 'timeline.js', 'timeline_bg.wasm', 'events.json', 'fallback.html']) {
  if (!fs.existsSync(path.join(embed, file))) {
    console.error(`ERROR: dist/embed/${file} is missing: run \`make dist\` first.`);
    process.exit(1);
  }
}

const ARTICLE = 'examples/article.html';

// TimelineJS3's npm package, where it is installed (never copied into the repository).
const TIMELINEJS_URL = 'node_modules/@knight-lab/timelinejs';
const TIMELINEJS = path.join(repo, TIMELINEJS_URL);
const TEMPLATES_URL = `${TIMELINEJS_URL}/src/template`;
const TEMPLATES = path.join(repo, TEMPLATES_URL);

/** HTML as the text it shows (tags as spaces, whitespace collapsed, a few entities). */
const plain = (html) => String(html ?? '').replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();

/** TimelineJS3's slides in its order: by start date (a missing month or day first), ties
 * in the order of the file (a stable sort). */
const byDate = (events) => {
  const key = (e) => ['year', 'month', 'day'].map((k) => Number(e.start_date?.[k]) || 0);
  return [...events].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
};

/** RFC 4180 CSV: rows of fields (quotes, doubled quotes, line breaks in quotes). */
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      rows.at(-1).push(field); field = ''; rows.push([]);
    } else field += c;
  }
  rows.at(-1).push(field);
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** Adds a widget to the article, as a page's script would: the loader mounts it. */
const addWidget = (page, id, attributes) => page.evaluate(([id, attributes]) => {
  const div = document.createElement('div');
  div.id = id;
  div.setAttribute('data-timeline', '');
  div.setAttribute('data-load', 'eager'); // at the article's end, beyond a screen
  for (const [name, value] of Object.entries(attributes)) div.setAttribute(name, value);
  document.querySelector('article').append(div);
}, [id, attributes]);

/** The widget's events in its list view, in order: [{ id, title }]. */
async function listedEvents(w, [list, timeline] = ['List', 'Timeline']) {
  await w.scope.getByRole('button', { name: list, exact: true }).click();
  await w.locator('.tl-list [data-event-id]').first().waitFor();
  const events = await w.locator('.tl-list [data-event-id]').evaluateAll((els) => els.map((el) => ({ id: el.dataset.eventId, title: el.querySelector('.tl-card-title').textContent.replace(/\s+/g, ' ').trim() })));
  // Back to the timeline, for what follows.
  await w.scope.getByRole('button', { name: timeline, exact: true }).click();
  await w.locator('.tl-stage [data-event-id]').first().waitFor();
  return events;
}

// The broken widget's 404 is expected, and so is the browser's own report of a file that
// fails its integrity check (the tampering tests); the harness fails a test on any other
// console error.
const expectedErrors = /missing\.json|valid digest in the 'integrity' attribute|SRI's integrity checks failed/;

/** The policies a security review may put the article under (a header, on top of the
 * article's own meta policy); STRICTEST is the one the README writes out. */
const STRICTEST = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' https:; require-trusted-types-for 'script'; trusted-types 'none'; base-uri 'none'; object-src 'none'";
const POLICIES = {
  'trusted types': "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
  "style-src 'self'": "style-src 'self'",
  "default-src 'self' 'wasm-unsafe-eval'": "default-src 'self' 'wasm-unsafe-eval'",
  strictest: STRICTEST,
};

/** Before the page's own scripts: records every Content-Security-Policy violation. */
function recordViolations() {
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
  });
}

/** Before the page's own scripts: console.error recorded in window.__errors (the
 * loader's messages are the expected outcome of a test), not reported. */
function recordErrors() {
  window.__errors = [];
  console.error = (...args) => window.__errors.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
}

/** A route handler that serves the real file with one byte changed (the same name). */
const tamper = (index = 100) => async (route) => {
  const response = await route.fetch();
  const body = Buffer.from(await response.body());
  body[Math.min(index, body.length - 1)] ^= 0x01;
  await route.fulfill({ response, body });
};

const REFUSED_EN = 'The timeline was not started: one of its files does not match its integrity hash.';

/** Runs `fn(root)` inside the shadow root of `#id`. */
const inWidget = (page, id, fn, arg) =>
  page.evaluate(([id, src, arg]) => new Function('root', 'arg', `return (${src})(root, arg)`)(document.getElementById(id).shadowRoot, arg), [id, fn.toString(), arg]);

/** The widget in the element `#id` (see harness.mjs). */
const widget = (page, id) => new Widget(page, `#${id}`);

/** Waits until the widgets `ids` show their events; resolves to their models by id. Each
 * loads once it is near the window: this scrolls to it as a reader would, then back to
 * the top. */
async function ready(page, ids = ['main-timeline', 'ps752-timeline']) {
  const widgets = {};
  for (const id of ids) {
    await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'nearest' }), id);
    widgets[id] = await widget(page, id).ready();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return widgets;
}

/** Before the page's own scripts: every layout shift (not of a reader's input) in
 * window.__shifts: the article moving. With `fromStart`, also the widget's insides (whose
 * nodes the API does not name: "in a shadow root"), from the first paint (a page whose
 * element reserves its box with a style, as the README's snippet does); else from two
 * frames after the loader reserved the widgets' boxes: before it runs (an async script)
 * the page shows the empty divs, and only a style the page writes itself could reserve
 * them earlier. */
function recordShifts(fromStart) {
  window.__shifts = [];
  let since = fromStart ? -1 : Infinity;
  if (!fromStart) {
    new MutationObserver((records, observer) => {
      if (!document.querySelector('[data-timeline]')?.style.minHeight) return;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => { since = performance.now(); }));
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['style'] });
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const moved = e.sources.filter((s) => fromStart || s.node).map((s) => `${s.node ? `${s.node.id || s.node.nodeName} "${(s.node.textContent ?? '').trim().slice(0, 30)}"` : 'in a shadow root'} from ${s.previousRect.y},${s.previousRect.height} to ${s.currentRect.y},${s.currentRect.height}`);
      if (!e.hadRecentInput && e.startTime > since && moved.length) window.__shifts.push({ value: e.value, moved: moved.join('; ') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The box of the widget in `#id`: the height of its host element, that of its reserved
 * content box (min-height), the height of the widget's root (null before it mounts). */
const boxOf = (page, id) => page.evaluate((id) => {
  const el = document.getElementById(id);
  const css = getComputedStyle(el);
  const frame = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce((sum, k) => sum + parseFloat(css[k]), 0);
  const root = el.shadowRoot?.querySelector('.tl-root');
  return { host: el.getBoundingClientRect().height, reserved: parseFloat(css.minHeight) + frame, root: root ? root.getBoundingClientRect().height : null };
}, id);

/** A page far taller than the window with widgets `widgets` (HTML) at its end, and the
 * loader; served at `/<name>.html`. */
const farPage = (page, name, widgets) => page.route(`**/${name}.html`, (route) => route.fulfill({
  contentType: 'text/html',
  body: `<!doctype html><html lang="fr"><body><p id="top" style="height: 4000px">Article</p>${widgets}<script src="/dist/embed/embed.js"></script></body></html>`,
}));

/** Resolves once IntersectionObserver callbacks created now have run for `selector`:
 * the loader's observer, created earlier, has had its first callback by then. */
const observed = (page, selector) => page.evaluate((selector) => new Promise((resolve) => {
  const observer = new IntersectionObserver(() => { observer.disconnect(); resolve(); });
  observer.observe(document.querySelector(selector));
}), selector);

const tests = {
  'every widget renders, independently': async ({ page, url }) => {
    await page.goto(url + ARTICLE);
    const { 'main-timeline': main, 'ps752-timeline': ps752Widget } = await ready(page);
    const n = bundled.events.length;
    await eventually(async () => assert((await main.count()) === `${n} of ${n} events`, await main.count()), { what: 'main count' });
    const ps752 = JSON.parse(fs.readFileSync(path.join(repo, 'examples/data/ps752.json'), 'utf8'));
    const m = ps752.events.length;
    await eventually(async () => assert((await ps752Widget.count()) === `${m} of ${m} events`, await ps752Widget.count()), { what: 'ps752 count' });
    assert((await inWidget(page, 'ps752-timeline', (root) => root.querySelector('.tl-root').dataset.theme === 'dark')), 'data-theme');
    // Zooming one leaves the other alone.
    const other = await ps752Widget.view();
    const mainBefore = await main.view();
    await inWidget(page, 'main-timeline', (root) => root.querySelector('button[aria-label="Zoom in"]').click());
    const zoomed = await main.viewChange(mainBefore, { what: 'Zoom in' });
    assert(zoomed.end - zoomed.start < 0.6 * (mainBefore.end - mainBefore.start), 'main zoomed');
    await ps752Widget.rendered();
    const after = await ps752Widget.view();
    assert(after.start === other.start && after.end === other.end, 'the other widget did not move');
  },

  'the widget first renders at exactly the height it reserved, in every language, with and without data-event, wide and narrow (no layout shift)': async ({ page, url }) => {
    const event = bundled.events[Math.floor(bundled.events.length / 2)].id;
    const html = fs.readFileSync(path.join(repo, ARTICLE), 'utf8');
    let attributes = '';
    // The article's first widget with the attributes of the case (the rest as it is).
    await page.route('**/examples/article.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: html.replace('data-height="640px"', `data-height="640px"${attributes}`),
    }));
    await page.addInitScript(recordShifts);
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      for (const lang of ['en', 'fr', 'fa']) {
        for (const selected of [null, event]) {
          const what = `${viewport.width} px, ${lang}, ${selected ? 'data-event' : 'no event'}`;
          attributes = ` data-lang="${lang}"${selected ? ` data-event="${selected}"` : ''}`;
          await page.goto(url + ARTICLE);
          // On a phone the article's headline puts the widget beyond a screen: it loads as
          // the reader scrolls to it.
          await page.evaluate(() => document.getElementById('main-timeline').scrollIntoView());
          await widget(page, 'main-timeline').ready();
          if (selected) await widget(page, 'main-timeline').expectSelected(selected, what);
          await widget(page, 'main-timeline').rendered();
          const box = await boxOf(page, 'main-timeline');
          assert(box.root === 640, `${what}: the widget is ${box.root} px tall in its 640 px`);
          assert(Math.abs(box.host - box.reserved) < 0.5, `${what}: the element is ${box.host} px tall, ${box.reserved} px reserved`);
          const shifts = await page.evaluate(() => window.__shifts);
          assert(shifts.length === 0, `${what}: layout shifts ${JSON.stringify(shifts)}`);
        }
      }
    }
  },

  'the snippet as the README gives it, above the fold on a phone: no layout shift from the first paint, with a long vertical timeline': async ({ page, url }) => {
    // 100 events over seventy years: the vertical timeline scrolls inside its box.
    const events = Array.from({ length: 100 }, (_, i) => ({
      id: `e${i}`, date: `${1953 + Math.floor(i * 0.72)}-0${1 + (i % 9)}-1${i % 10}`, category: 'c', title: `Event ${i}`, summary: `What happened (${i}).`,
      sources: [{ title: 'A source', publisher: 'A publisher', url: 'https://example.org/' }],
    }));
    const data = { title: 'A long timeline', updated: '2025-12-31', categories: [{ id: 'c', label: 'Events', color: '#3f7ac4' }], events };
    await page.route('**/long.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(data) }));
    const snippet = fs.readFileSync(path.join(repo, 'README.md'), 'utf8').match(/```html\n(<div data-timeline[^\n]*)\n/)[1]
      .replace('<div data-timeline', '<div id="long" data-timeline data-src="/long.json"');
    await page.route('**/snippet.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"></head><body><h1>An article</h1><p>Its first paragraph.</p>${snippet}<p>After the timeline.</p><script src="/dist/embed/embed.js" async></script></body></html>`,
    }));
    await page.addInitScript(recordShifts, true);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url + 'snippet.html');
    const long = await widget(page, 'long').ready();
    await long.rendered();
    assert((await long.count()) === '100 of 100 events', await long.count());
    assert(await inWidget(page, 'long', (root) => root.querySelector('.tl-root').dataset.layout === 'vertical'), 'the vertical timeline');
    const box = await boxOf(page, 'long');
    assert(box.root === 640 && box.host === 640, `the widget ${JSON.stringify(box)}`);
    const shifts = await page.evaluate(() => window.__shifts);
    assert(shifts.length === 0, `layout shifts ${JSON.stringify(shifts)}`);
  },

  'the stage fills the box it reserved: more rows in a taller one, nothing scrolls inside, and opening an event moves no row': async ({ page, url }) => {
    // The last is too small for the header and the fewest rows: it scrolls inside.
    const heights = [600, 760, 900, 360];
    await page.route('**/boxes.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><body>${heights.map((h) => `<div id="box-${h}" data-timeline data-load="eager" data-height="${h}px"></div>`).join('')}
        <script src="/dist/embed/embed.js"></script></body></html>`,
    }));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url + 'boxes.html');
    const ids = heights.map((h) => `box-${h}`);
    await ready(page, ids);
    // What a box shows: its root's height and scroll height, the stage's rows, and where
    // the stage, the last of its items and the hint end, relative to the root's box.
    const measure = (id) => inWidget(page, id, (root) => {
      const r = root.querySelector('.tl-root');
      const box = r.getBoundingClientRect();
      const stage = r.querySelector('.tl-stage');
      const s = stage.getBoundingClientRect();
      const lowest = Math.max(...[...stage.querySelectorAll('.tl-item, .tl-cluster')].map((el) => el.getBoundingClientRect().bottom));
      const axis = stage.querySelector('.tl-axis').getBoundingClientRect();
      return {
        height: box.height, scroll: r.scrollHeight, rows: Number(stage.dataset.rows),
        stage: s.height, itemsEnd: lowest - s.top, axisTop: axis.top - s.top,
        hintEnd: r.querySelector('.tl-hint').getBoundingClientRect().bottom - box.top,
        clusters: [...stage.querySelectorAll('.tl-cluster')].map((c) => Number(c.textContent.replace(/\D/g, ''))),
      };
    });
    const seen = [];
    for (const [i, id] of ids.entries()) {
      const m = await eventually(async () => {
        const m = await measure(id);
        // The rows the box holds, once measured: a stage of its rows' height, give or take
        // less than a row.
        const rowsHeight = 30 * (m.rows + 1) + 52;
        assert(m.stage >= rowsHeight - 0.5 && m.stage < rowsHeight + 30, `${id}: ${m.rows} rows in ${m.stage} px`);
        return m;
      }, { what: `${id} measured` });
      assert(m.height === heights[i], `${id}: ${m.height} px tall`);
      if (i === 3) {
        assert(m.rows === 3 && m.scroll > m.height, `${id}: ${m.rows} rows, scrolls ${m.scroll} in ${m.height}`);
      } else {
        assert(m.scroll <= m.height + 0.5, `${id}: scrolls inside (${m.scroll} in ${m.height})`);
        assert(m.hintEnd <= m.height + 0.5, `${id}: the hint ends at ${m.hintEnd}`);
      }
      assert(m.itemsEnd <= m.axisTop + 0.5, `${id}: an item hangs over the axis (${m.itemsEnd} > ${m.axisTop})`);
      assert(Math.max(0, ...m.clusters) <= 5, `${id}: clusters ${m.clusters}`);
      seen.push(m);
    }
    assert(seen[0].rows < seen[1].rows && seen[1].rows < seen[2].rows, `rows ${seen.map((m) => m.rows)}`);
    assert(seen[2].rows - seen[0].rows >= Math.floor((900 - 600) / 30) - 1, `rows ${seen.map((m) => m.rows)}`);
    // Opening an event: its details are a sheet inside the box; the stage keeps its rows.
    const tall = ids[2];
    const first = await inWidget(page, tall, (root) => root.querySelector('.tl-stage [data-event-id]').dataset.eventId);
    await inWidget(page, tall, (root, id) => root.querySelector(`.tl-stage [data-event-id="${id}"]`).click(), first);
    await widget(page, tall).expectSelected(first, 'clicked');
    const open = await measure(tall);
    assert(open.rows === seen[2].rows && Math.abs(open.stage - seen[2].stage) < 0.5, `rows ${open.rows}, stage ${open.stage}`);
    assert(open.height === 900 && open.scroll <= 900.5, `open: ${open.height}, scrolls ${open.scroll}`);
    const sheet = await inWidget(page, tall, (root) => {
      const d = root.querySelector('.tl-details').getBoundingClientRect();
      const box = root.querySelector('.tl-root').getBoundingClientRect();
      return { top: d.top - box.top, bottom: d.bottom - box.top, height: d.height };
    });
    assert(sheet.height > 0 && sheet.top >= 0 && sheet.bottom <= 900.5, `details ${JSON.stringify(sheet)}`);
  },

  'below the fold, nothing but the loader is requested until the widget scrolls near; the placeholder reserves exactly the space the widget then takes': async ({ page, url }) => {
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.addInitScript(recordShifts);
    const items = Array.from({ length: 80 }, (_, i) => `<li>Fallback event ${i}</li>`).join('');
    await farPage(page, 'far', `<div id="far" data-timeline><ul id="far-fallback">${items}</ul></div><div id="farther" data-timeline></div>`);
    await page.goto(url + 'far.html');
    await page.waitForFunction(() => document.getElementById('farther').shadowRoot);
    await observed(page, '#top');
    assert(JSON.stringify(requested) === '["/far.html","/dist/embed/embed.js"]', `requested before scrolling: ${requested.join(' ')}`);
    // The placeholders: the page's fallback clipped to the box, else the label (in the
    // page's language); each exactly the reserved height.
    assert(await page.locator('#far-fallback').isVisible(), 'the fallback shows in the placeholder');
    const label = await page.evaluate(() => document.getElementById('farther').shadowRoot.textContent);
    assert(label === 'Chronologie', `the placeholder says ${label}`);
    const placeholders = { far: await boxOf(page, 'far'), farther: await boxOf(page, 'farther') };
    for (const [id, box] of Object.entries(placeholders)) assert(box.host === 640 && box.reserved === 640, `${id}: placeholder ${JSON.stringify(box)}`);
    // Within a screen of the viewport, the first mounts; the second is farther still.
    await page.evaluate(() => window.scrollTo(0, 4000 - innerHeight - innerHeight / 2));
    await widget(page, 'far').ready();
    const box = await boxOf(page, 'far');
    assert(box.host === 640 && box.root === 640, `mounted: ${JSON.stringify(box)}`);
    assert(requested.some((p) => p.endsWith('.wasm')), 'the module was loaded');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await widget(page, 'farther').ready();
    const farther = await boxOf(page, 'farther');
    assert(farther.host === 640 && farther.root === 640, `farther mounted: ${JSON.stringify(farther)}`);
    const shifts = await page.evaluate(() => window.__shifts);
    assert(shifts.length === 0, `layout shifts ${JSON.stringify(shifts)}`);
  },

  'data-load="eager" and a deep link mount below the fold at once; so does a deep link given later': async ({ page, url }) => {
    // Screens apart: a deep link scrolls the article to its widget, and a neighbour within
    // a screen of it would load as any widget the reader scrolls near.
    const apart = '<p style="height: 3000px">More of the article</p>';
    await farPage(page, 'eager', `<div id="eager" data-timeline data-load="eager"></div>${apart}<div data-timeline></div>${apart}
      <div data-timeline data-hash-bookmark></div>${apart}<div data-timeline></div>`);
    await page.goto(url + 'eager.html#timeline-3/' + encodeURIComponent(bundled.events[0].id));
    await widget(page, 'eager').ready();
    // `timeline-3` is the third widget without an id; the first two stay waiting.
    await new Widget(page, 'div[data-timeline]:not([id]) ~ div[data-timeline]:not([id]) ~ div[data-timeline]:not([id])').ready();
    await observed(page, '#top');
    const mounted = () => page.evaluate(() => [...document.querySelectorAll('[data-timeline]')].map((el) => !!el.shadowRoot?.querySelector('.tl-root')));
    assert(JSON.stringify(await mounted()) === '[true,false,false,true]', `mounted: ${await mounted()}`);
    // TimelineJS3's #event-<id> is a deep link for a widget with data-hash-bookmark.
    await page.evaluate((id) => { location.hash = `#event-${id}`; }, bundled.events[1].id);
    await eventually(async () => assert(JSON.stringify(await mounted()) === '[true,false,true,true]', `after #event-: ${await mounted()}`), { what: '#event- mounts', timeout: 20_000 });
    await page.evaluate(() => { location.hash = '#timeline/x'; });
    await eventually(async () => assert(JSON.stringify(await mounted()) === '[true,true,true,true]', `after #timeline/: ${await mounted()}`), { what: '#timeline/ mounts', timeout: 20_000 });
  },

  'host CSS does not reach the widget': async ({ page, url }) => {
    await page.goto(url + ARTICLE);
    await ready(page);
    const styles = await inWidget(page, 'main-timeline', (root) => {
      const css = (sel) => getComputedStyle(root.querySelector(sel));
      return {
        font: css('.tl-root').fontFamily,
        size: css('.tl-root').fontSize,
        stage: css('.tl-stage').display,
        button: css('.tl-button').fontSize,
        box: css('.tl-stage').boxSizing,
        height: root.querySelector('.tl-stage').getBoundingClientRect().height,
      };
    });
    assert(!/Comic/.test(styles.font), `font ${styles.font}`);
    assert(styles.size === '16px', `font size ${styles.size}`);
    assert(styles.stage === 'block', `stage display ${styles.stage}`);
    assert(styles.button !== '40px', 'button font');
    assert(styles.box === 'border-box', 'box-sizing');
    // The stage takes the room its box leaves it, whole rows of it (see the next test).
    assert(styles.height >= 30 * 4 + 52, `stage height ${styles.height}`);
  },

  'the wheel scrolls the page; Ctrl + wheel zooms': async ({ page, url }) => {
    await page.goto(url + ARTICLE);
    const { 'main-timeline': main } = await ready(page);
    await page.evaluate(() => document.getElementById('main-timeline').scrollIntoView({ block: 'start' }));
    // What does not fit the widget's box scrolls inside it, and a wheel scrolls that first
    // (the browser's scroll chaining, as in any scrolling box): from its end, the page.
    const inner = await inWidget(page, 'main-timeline', (root) => {
      const box = root.querySelector('.tl-root');
      box.scrollTop = box.scrollHeight;
      return box.scrollTop;
    });
    await main.rendered();
    const before = await main.view();
    const scrollY = await page.evaluate(() => scrollY);
    // The hint shows for a moment (1.5 s): an observer notes that it did, however long
    // the wait below takes.
    await inWidget(page, 'main-timeline', (root) => {
      const stage = root.querySelector('.tl-stage');
      window.__hintShown = false;
      new MutationObserver(() => { window.__hintShown ||= stage.classList.contains('tl-show-wheel-hint'); })
        .observe(stage, { attributes: true, attributeFilter: ['class'] });
    });
    await page.mouse.move(before.left + before.width / 2, before.top + 60);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction((y) => scrollY > y, scrollY);
    const still = await inWidget(page, 'main-timeline', (root) => root.querySelector('.tl-root').scrollTop);
    assert(still === inner, `the box scrolled from ${inner} to ${still}`);
    await eventually(async () => assert(await page.evaluate(() => window.__hintShown), 'the Ctrl + scroll hint did not show'), { what: 'the hint' });
    await main.rendered();
    const unchanged = await main.view();
    assert(unchanged.start === before.start && unchanged.end === before.end, 'plain wheel did not zoom');
    const now = await main.view();
    await page.mouse.move(now.left + now.width / 2, now.top + 60);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    const zoomed = await main.viewChange(now, { what: 'Ctrl + wheel' });
    assert(zoomed.end - zoomed.start < before.end - before.start, 'Ctrl + wheel zoomed');
  },

  'keys typed in the host page do not move the timeline': async ({ page, url }) => {
    await page.goto(url + ARTICLE);
    const { 'main-timeline': main } = await ready(page);
    const before = await main.view();
    await page.locator('#site-search').focus();
    for (const key of ['ArrowRight', 'ArrowLeft', '+', '-', '0', 'Home', 'End', '/']) await page.keyboard.press(key);
    await page.keyboard.type('iran');
    // Every key has reached the host's input; and the widget has had two frames to react.
    await eventually(async () => assert((await page.locator('#site-search').inputValue()) === '+-0/iran', 'the host input'), { what: 'the host input' });
    await main.rendered();
    const after = await main.view();
    assert(after.start === before.start && after.end === before.end, 'view moved');
    const details = await inWidget(page, 'main-timeline', (root) => root.querySelectorAll('.tl-details').length);
    assert(details === 0, 'an event was selected');
    assert((await page.locator('#site-search').inputValue()) === '+-0/iran', 'the host input kept its keys');
  },

  'a broken data-src shows its error while the others work': async ({ page, url }) => {
    await page.goto(url + ARTICLE);
    await ready(page);
    await page.waitForFunction(() => document.getElementById('broken-timeline').shadowRoot?.querySelector('[role="alert"]'), null, { timeout: 20_000 });
    const text = await inWidget(page, 'broken-timeline', (root) => root.querySelector('[role="alert"]').textContent);
    assert(/missing\.json/.test(text) && /404/.test(text), text);
    const works = await inWidget(page, 'main-timeline', (root) => root.querySelectorAll('.tl-stage [data-event-id]').length);
    assert(works > 0, 'the main widget still works');
  },

  'hostile data runs no script and renders no javascript: link': async ({ page, url }) => {
    await page.goto(url + ARTICLE);
    await page.waitForFunction(() => document.getElementById('hostile-timeline').shadowRoot?.querySelector('.tl-stage [data-event-id]'), null, { timeout: 20_000 });
    const id = await inWidget(page, 'hostile-timeline', (root) => {
      const item = root.querySelector('.tl-stage [data-event-id]');
      item.click();
      return item.dataset.eventId;
    });
    await widget(page, 'hostile-timeline').expectSelected(id, 'click');
    const result = await page.evaluate(() => {
      const roots = [document, ...[...document.querySelectorAll('[data-timeline]')].map((el) => el.shadowRoot).filter(Boolean)];
      return {
        pwned: window.__pwned,
        jsLinks: roots.flatMap((r) => [...r.querySelectorAll('a')]).filter((a) => !/^(https?|mailto):/i.test(a.href)).length,
        imgs: roots.slice(1).flatMap((r) => [...r.querySelectorAll('img, script')]).length,
      };
    });
    assert(result.pwned === undefined, 'a script ran');
    assert(result.jsLinks === 0, `${result.jsLinks} non-http links`);
    assert(result.imgs === 0, 'markup from data became elements');
    const text = await inWidget(page, 'hostile-timeline', (root) => root.querySelector('h1').textContent);
    assert(text.includes('<img src=x'), 'the title is shown as text');
    const problem = await inWidget(page, 'hostile-timeline', (root) => root.querySelector('[role="alert"]').textContent);
    assert(problem.includes('events[0].sources[0].url'), problem);
  },

  'huge strings, control characters and bidi overrides stay contained': async ({ page, url }) => {
    await page.goto(url + ARTICLE);
    await ready(page);
    await page.evaluate(async () => {
      const huge = 'Ω'.repeat(200_000);
      const source = [{ title: 'S', publisher: 'P', url: 'https://example.org/' }];
      const doc = {
        title: 'Stress', updated: '2026-01-01',
        categories: [{ id: 'x', label: 'X', color: '#336699' }],
        events: [
          { id: 'huge', date: '2020-01-01', category: 'x', title: huge, summary: huge, sources: source },
          { id: 'bell', date: '2020-02-01', category: 'x', title: 'Bell \u0007 here', summary: 'S', sources: source },
          { id: 'bidi', date: '2020-03-01', category: 'x', title: '\u202Eevil\u202C then normal', summary: 'S', sources: source },
        ],
      };
      const el = document.createElement('div');
      el.id = 'stress';
      document.querySelector('article').append(el);
      window.__stress = await window.Timeline.mount(el, { data: JSON.stringify(doc) });
    });
    // Both events that pass validation are placed, and the problem with the third shows.
    const stress = widget(page, 'stress');
    await eventually(async () => {
      const n = await stress.locator('.tl-stage [data-event-id]').count();
      assert(n === 2, `${n} events on the stage`);
      assert((await stress.locator('[role="alert"]').count()) === 1, 'no alert');
    }, { what: 'the stress widget' });
    await stress.settled();
    const summary = await inWidget(page, 'stress', (root) => {
      const labelElement = root.querySelector('[data-event-id="huge"] .tl-label');
      const label = labelElement.getBoundingClientRect();
      const stage = root.querySelector('.tl-stage').getBoundingClientRect();
      return {
        // Cut (with its ellipsis) to the room its row gives it, inside the stage.
        labelWithinStage: label.left >= stage.left - 1 && label.right <= stage.right + 1 &&
          labelElement.scrollWidth > labelElement.clientWidth,
        label: [label.left, label.right, stage.left, stage.right].map(Math.round).join(' '),
        alert: root.querySelector('[role="alert"]')?.textContent ?? '',
        shown: [...root.querySelectorAll('.tl-stage [data-event-id]')].map((e) => e.dataset.eventId).sort(),
        pageWidth: document.documentElement.scrollWidth <= window.innerWidth,
        destroyed: (window.__stress.destroy(), root.querySelectorAll('.tl-root').length === 0),
      };
    });
    assert(summary.labelWithinStage, `a huge title is cut to its label (label, stage: ${summary.label})`);
    assert(/events\[1\]\.title/.test(summary.alert) && /control character/.test(summary.alert), summary.alert.slice(0, 300));
    assert(JSON.stringify(summary.shown) === JSON.stringify(['bidi', 'huge']), summary.shown.join());
    assert(summary.pageWidth, 'the page did not grow wider');
    assert(summary.destroyed, 'destroyed');
  },

  'a widget added later is mounted; the API updates and destroys it': async ({ page, url }) => {
    await page.goto(url + ARTICLE);
    await ready(page);
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.id = 'late';
      el.setAttribute('data-timeline', '');
      el.setAttribute('data-load', 'eager'); // at the article's end, beyond a screen
      el.setAttribute('data-event', 'irgc-listed-2024');
      el.innerHTML = '<p id="late-fallback">Fallback content</p>';
      document.querySelector('article').append(el);
    });
    await page.waitForFunction(() => document.getElementById('late').shadowRoot?.querySelector('.tl-details'), null, { timeout: 20_000 });
    const selected = await inWidget(page, 'late', (root) => root.querySelector('.tl-details').dataset.eventId);
    assert(selected === 'irgc-listed-2024', `data-event selected ${selected}`);
    await page.evaluate(() => window.Timeline.get(document.getElementById('late')).then((h) => h.update({ theme: 'dark' })));
    await page.waitForFunction(() => document.getElementById('late').shadowRoot.querySelector('.tl-root[data-theme="dark"]'));
    // update() also takes new data, language and selection.
    await page.evaluate(() => window.Timeline.get(document.getElementById('late')).then((h) => h.update({ lang: 'fr', event: 'embassy-closed-2012' })));
    await page.waitForFunction(() => document.getElementById('late').shadowRoot.querySelector('.tl-details')?.dataset.eventId === 'embassy-closed-2012', null, { timeout: 3000 });
    const french = await inWidget(page, 'late', (root) => root.querySelector('h1').textContent);
    assert(french === bundled.title.fr, `title after update: ${french}`);
    const listenersBefore = await hostListeners(page, '#late');
    assert(listenersBefore > 0, 'the mounted widget listens inside its element');
    await page.evaluate(() => window.Timeline.get(document.getElementById('late')).then((h) => { h.destroy(); h.update({ theme: 'light' }); }));
    const after = await inWidget(page, 'late', (root) => ({ widgets: root.querySelectorAll('.tl-root').length, slot: root.querySelectorAll('slot').length }));
    assert(after.widgets === 0 && after.slot === 1, JSON.stringify(after));
    assert(await page.locator('#late-fallback').isVisible(), 'the fallback shows again');
    assert((await hostListeners(page, '#late')) === 0, 'listeners left after destroy');
    // Taking a mounted element out of the page destroys its widget too.
    await page.evaluate(() => {
      window.__removed = document.getElementById('ps752-timeline');
      window.__removed.remove();
    });
    // Timeline.get answers with a promise, which waitForFunction would take as truthy at
    // once: ask again until the answer is null.
    await eventually(async () => {
      const gone = await page.evaluate(() => window.Timeline.get(window.__removed).then((h) => h === null));
      assert(gone, 'Timeline.get still finds a widget on the removed element');
    }, { what: 'the removed widget' });
    const lingering = await page.evaluate(() => window.__removed.shadowRoot.querySelectorAll('.tl-root').length);
    assert(lingering === 0, 'the removed element still holds a widget');
  },

  'a link into the article opens its event in the right one of two widgets, and Copy link gives such a link without writing history': async ({ page, url }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const spacer = '<p style="height: 1500px">Text of the article.</p>';
    await page.route('**/two-widgets.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Two timelines</title></head><body>
          <h2 id="comments">An anchor of the article's own</h2>${spacer}
          <div class="first" data-timeline data-load="eager"></div>${spacer}
          <div class="second" data-timeline data-src="/examples/data/ps752.json"></div>${spacer}
          <script src="/dist/embed/embed.js"></script></body></html>`,
      }),
    );
    const ps752 = JSON.parse(fs.readFileSync(path.join(repo, 'examples/data/ps752.json'), 'utf8'));
    const target = ps752.events[2].id;
    // The second widget without an id is `timeline-2`.
    await page.goto(`${url}two-widgets.html#timeline-2/${encodeURIComponent(target)}`);
    const [first, second] = [new Widget(page, 'div.first'), new Widget(page, 'div.second')];
    await first.ready();
    await second.ready();
    await second.expectSelected(target, 'the linked event opens in the second widget');
    assert((await first.selected()) === null, 'the first widget opened nothing');
    const inView = () => page.locator('div.second').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    });
    await eventually(async () => assert(await inView(), 'the second widget is scrolled into view'), { what: 'scrolled' });
    // Moving between events writes no history (no data-hash-bookmark).
    const entries = await page.evaluate(() => history.length);
    await second.scope.getByRole('button', { name: 'Next', exact: true }).click();
    await second.expectSelected(ps752.events[3].id, 'Next');
    assert((await page.evaluate(() => history.length)) === entries, 'no history entry');
    // Copy link in the first widget: the article's address with that widget's key.
    const id = await first.locator('.tl-stage [tabindex="0"]').getAttribute('data-event-id');
    await first.locator('.tl-stage [tabindex="0"]').click();
    await first.expectSelected(id, 'a click');
    await first.scope.getByRole('button', { name: 'Copy link', exact: true }).click();
    await first.scope.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert(copied === `${url}two-widgets.html#timeline/${encodeURIComponent(id)}`, `copied ${copied}`);
    assert((await page.evaluate(() => history.length)) === entries, 'Copy link writes no history');
    // A later hash naming the first widget opens there; the article's anchor leaves both alone.
    await page.evaluate(() => { location.hash = '#comments'; });
    await page.evaluate((h) => { location.hash = h; }, `#timeline/${encodeURIComponent(bundled.events[0].id)}`);
    await first.expectSelected(bundled.events[0].id, 'hashchange');
    assert((await second.selected()) === ps752.events[3].id, 'the second widget kept its event');
    // The share and download controls pass axe, inside the shadow roots (the scan is of
    // them: two whole widgets on one page repeat their landmarks, another matter).
    await second.locator('.tl-download > summary').click();
    await second.locator('.tl-download-menu').waitFor();
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const include = [{ fromShadowDom: ['div.first', '.tl-share'] }, { fromShadowDom: ['div.second', '.tl-download'] }];
      const result = await window.axe.run({ include });
      const checked = result.passes.length + result.violations.length;
      return checked > 0 ? result.violations : [{ id: 'nothing', help: 'nothing was checked', nodes: [] }];
    });
    assert(violations.length === 0, violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`).join('\n'));
  },

  'one module serves every page: the default data is fetched with it, at once, and only for a widget without data of its own': async ({ page, url }) => {
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.route('**/own-data.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><body>
          <div id="ps752-timeline" data-timeline data-src="/examples/data/ps752.json"></div>
          <script src="/dist/embed/embed.js"></script></body></html>`,
      }),
    );
    await page.goto(url + 'own-data.html');
    await ready(page, ['ps752-timeline']);
    const modules = () => requested.filter((p) => p.endsWith('.wasm')).map((p) => path.basename(p));
    assert(JSON.stringify(modules()) === '["timeline_bg.wasm"]', `modules: ${modules()}`);
    assert(!requested.some((p) => /\/events[.\w]*\.json$/.test(p)), `a page with its own data does not fetch the default data: ${requested.join(' ')}`);
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.id = 'late';
      el.setAttribute('data-timeline', '');
      document.body.append(el);
    });
    await ready(page, ['late']);
    const count = await inWidget(page, 'late', (root) => root.querySelector('.tl-count').textContent);
    assert(count === `${bundled.events.length} of ${bundled.events.length} events`, count);
    // In the reader's language only (English here), never all three.
    const data = requested.filter((p) => /\/events[.\w]*\.json$/.test(p));
    assert(JSON.stringify(data) === '["/dist/embed/events.en.json"]', `the default data came from events.en.json alone: ${data}`);
    assert(JSON.stringify(modules()) === '["timeline_bg.wasm"]', `one module: ${modules()}`);
    // The article: the same module, and the default data, requested while the module and
    // the rest of the loader are held back until then: all start at once, none waits for
    // another (a release that never came would time the widget out).
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    for (const file of ['timeline_bg.wasm', 'embed-mount.js']) await page.route(`**/dist/embed/${file}`, async (route) => { await held; await route.continue(); });
    page.on('request', (request) => { if (request.url().endsWith('/dist/embed/events.en.json')) release(); });
    requested.length = 0;
    await page.goto(url + ARTICLE);
    await ready(page);
    assert(JSON.stringify(modules()) === '["timeline_bg.wasm"]', `article modules: ${modules()}`);
    assert(requested.filter((p) => p === '/dist/embed/events.en.json').length === 1, `requests: ${requested.join(' ')}`);
  },

  'the wasm-pack package mounts from an ES module': async ({ page, url }) => {
    assert(fs.existsSync(path.join(repo, 'dist/pkg/timeline.js')), 'dist/pkg is missing: run `make package`');
    await page.route('**/bundler.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><body><div id="app"></div>
          <script type="module">
            import init, { mount } from '/dist/pkg/timeline.js';
            await init();
            window.handle = mount(document.getElementById('app'), { lang: 'fr' });
          </script></body></html>`,
      }),
    );
    await page.goto(url + 'bundler.html');
    await page.waitForFunction(() => document.getElementById('app').shadowRoot?.querySelector('.tl-stage [data-event-id]'), null, { timeout: 20_000 });
    const title = await page.evaluate(() => document.getElementById('app').shadowRoot.querySelector('h1').textContent);
    assert(title === bundled.title.fr, `title ${title}`);
    await page.evaluate(() => window.handle.destroy());
    const left = await page.evaluate(() => document.getElementById('app').shadowRoot.querySelectorAll('.tl-root').length);
    assert(left === 0, 'destroyed');
    // A link into the article opens its event in the package's widget too (its key is its
    // element's id, `app`), and scrolls the page to it.
    const linked = bundled.events[5];
    await page.route('**/bundler-far.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><body><p style="height: 3000px">Article</p><div id="app"></div>
          <script type="module">
            import init, { mount } from '/dist/pkg/timeline.js';
            await init();
            mount(document.getElementById('app'), {});
          </script></body></html>`,
      }),
    );
    await page.goto(`${url}bundler-far.html#app/${encodeURIComponent(linked.id)}`);
    await widget(page, 'app').expectSelected(linked.id, 'the linked event opens');
    await eventually(async () => {
      const top = await page.evaluate(() => document.getElementById('app').getBoundingClientRect().top);
      assert(top >= -1 && top < 800, `the widget is at ${top}`);
    }, { what: 'scrolled to the widget' });
  },

  'the language comes from data-lang, else the article, else the browser; the host page keeps its own': Object.assign(
    async ({ page, url }) => {
      const page1 = (htmlLang) => `<!doctype html><html${htmlLang}><body>
        <div id="article-lang" data-timeline></div><div id="persian" data-timeline data-lang="fa"></div>
        <script src="/dist/embed/embed.js"></script></body></html>`;
      await page.route('**/langs.html', (route) => route.fulfill({ contentType: 'text/html', body: page1(' lang="fr"') }));
      await page.route('**/no-lang.html', (route) => route.fulfill({ contentType: 'text/html', body: page1('') }));
      await page.goto(url + 'langs.html');
      await ready(page, ['article-lang', 'persian']);
      const rootOf = (id) => inWidget(page, id, (root) => {
        const el = root.querySelector('.tl-root');
        return { lang: el.lang, dir: el.dir, count: root.querySelector('.tl-count').textContent };
      });
      const fr = await rootOf('article-lang');
      assert(fr.lang === 'fr' && fr.dir === 'ltr', JSON.stringify(fr));
      const fa = await rootOf('persian');
      assert(fa.lang === 'fa' && fa.dir === 'rtl' && /^[۰-۹]+ از [۰-۹]+ رویداد$/.test(fa.count), JSON.stringify(fa));
      // The Persian widget is mirrored inside its box: the earliest event right of the latest.
      const order = await inWidget(page, 'persian', (root) => {
        const xs = [...root.querySelectorAll('.tl-stage [data-event-id]')].map((el) => ({ id: el.dataset.eventId, x: el.getBoundingClientRect().x }));
        return xs;
      });
      const dateOf = Object.fromEntries(bundled.events.map((e) => [e.id, e.date]));
      order.sort((a, b) => (dateOf[a.id] < dateOf[b.id] ? -1 : 1));
      assert(order[0].x > order[order.length - 1].x, 'mirrored');
      // Switching inside the widget changes neither the page nor the other widget.
      await inWidget(page, 'persian', (root) => root.querySelector('button[data-lang="en"]').click());
      await page.waitForFunction(() => document.getElementById('persian').shadowRoot.querySelector('.tl-root').lang === 'en');
      assert(await page.evaluate(() => document.documentElement.lang === 'fr' && !document.documentElement.hasAttribute('dir')), 'the page is untouched');
      assert((await rootOf('article-lang')).lang === 'fr', 'the other widget is untouched');
      // No lang on the page: the browser's language (Persian here).
      await page.goto(url + 'no-lang.html');
      await ready(page, ['article-lang']);
      assert((await rootOf('article-lang')).lang === 'fa', 'browser language');
      // The Persian fallback is right to left too.
      const fallback = fs.readFileSync(path.join(embed, 'fallback-fa.html'), 'utf8');
      assert(fallback.includes('lang="fa" dir="rtl"') && fallback.includes(bundled.events[0].title.fa), 'fallback-fa.html');
    },
    { locale: 'fa-IR' },
  ),

  'a French reader receives the French texts alone; switching to Persian fetches them and keeps the view': async ({ page, url }) => {
    const requested = [];
    page.on('request', (request) => { const p = new URL(request.url()).pathname; if (/\/events[.\w]*\.json$/.test(p)) requested.push(p); });
    await page.route('**/french.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="fr-CA"><body><div id="fr" data-timeline></div>
        <script src="/dist/embed/embed.js"></script></body></html>`,
    }));
    await page.goto(url + 'french.html');
    const { fr } = await ready(page, ['fr']);
    assert(JSON.stringify(requested) === '["/dist/embed/events.fr.json"]', `requests: ${requested}`);
    assert((await fr.locator('h1').textContent()) === bundled.title.fr, 'the French title');
    // The reader moves the view, then switches to Persian.
    const before = await fr.view();
    await fr.locator('button[aria-label="Zoom avant"]').click();
    const zoomed = await fr.viewChange(before, { what: 'Zoom in' });
    await fr.locator('button[data-lang="fa"]').click();
    await eventually(async () => {
      assert((await fr.locator('h1').textContent()) === bundled.title.fa, 'the Persian title');
      // An event on the stage reads in Persian.
      const shown = await fr.locator('.tl-stage [data-event-id]').first().evaluate((el) => ({ id: el.dataset.eventId, text: el.textContent }));
      const event = bundled.events.find((e) => e.id === shown.id);
      assert(event && shown.text.includes(event.title.fa), `an event's Persian title: ${JSON.stringify(shown)}`);
    }, { what: 'the Persian texts' });
    assert(JSON.stringify(requested) === '["/dist/embed/events.fr.json","/dist/embed/events.fa.json"]', `requests: ${requested}`);
    const after = await fr.view();
    assert(after.start === zoomed.start && after.end === zoomed.end, `the view moved: ${JSON.stringify({ zoomed, after })}`);
    // Back to French: nothing fetched again.
    await fr.locator('button[data-lang="fr"]').click();
    await eventually(async () => assert((await fr.locator('h1').textContent()) === bundled.title.fr, 'French again'), { what: 'French again' });
    assert(requested.length === 2, `requests: ${requested}`);
  },

  'the no-JS fallback lists the events with JavaScript disabled': Object.assign(
    async ({ page, url }) => {
      const fallback = fs.readFileSync(path.join(embed, 'fallback.html'), 'utf8');
      await page.route('**/no-js.html', (route) =>
        route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><body><div data-timeline>${fallback}</div><script src="/dist/embed/embed.js"></script></body></html>` }),
      );
      await page.goto(url + 'no-js.html');
      const items = await page.locator('[data-timeline] [data-event-id]').count();
      assert(items === bundled.events.length, `${items} events in the fallback`);
      assert(await page.getByText(bundled.events[0].title.en).isVisible(), 'readable');
    },
    { javaScriptEnabled: false },
  ),

  'data given but empty is an error in its widget, never the bundled events': async ({ page, url }) => {
    await page.route('**/empty.json', (route) => route.fulfill({ contentType: 'application/json', body: ' \n' }));
    const widgets = `
      <div id="empty-src" data-timeline data-src="/empty.json"></div>
      <div id="empty-inline" data-timeline><script type="application/json">
      </script></div>
      <div id="empty-api"></div>
      <script src="/dist/embed/embed.js"></script>
      <script>addEventListener('load', () => Timeline.mount(document.getElementById('empty-api'), { data: '' }));</script>`;
    // With a widget on the default data (fetched) and without one.
    await page.route('**/empty-full.html', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><body><div id="plain" data-timeline></div>${widgets}</body></html>` }));
    await page.route('**/empty-own.html', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><body>${widgets}</body></html>` }));
    const expected = { 'empty-src': /The data from http:\S+\/empty\.json is empty/, 'empty-inline': /The inline data is empty/, 'empty-api': /The data is empty/ };
    for (const file of ['empty-full.html', 'empty-own.html']) {
      await page.goto(url + file);
      for (const [id, message] of Object.entries(expected)) {
        // Whatever the widget shows first: an alert or events.
        await page.waitForFunction((id) => document.getElementById(id).shadowRoot?.querySelector('[role="alert"], .tl-stage [data-event-id]'), id, { timeout: 20_000 });
        const shown = await inWidget(page, id, (root) => ({ alert: root.querySelector('[role="alert"]')?.textContent ?? '', events: root.querySelectorAll('[data-event-id]').length }));
        assert(message.test(shown.alert), `${file} #${id}: ${shown.alert || 'no alert'}`);
        assert(shown.events === 0, `${file} #${id} shows ${shown.events} events`);
      }
    }
    // The widget on the bundled data still shows them.
    await page.goto(url + 'empty-full.html');
    await ready(page, ['plain']);
  },

  'a trap in the module stops every widget with a message, and the console says why': async ({ page, url }) => {
    assert(fs.existsSync(path.join(repo, 'dist/test-trap/timeline_bg.wasm')), 'dist/test-trap is missing: run `make dist`');
    // The loader's console.error is the expected outcome here: recorded, not reported.
    await page.addInitScript(() => {
      window.__errors = [];
      console.error = (...args) => window.__errors.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
    });
    const body = `<!doctype html><html lang="en"><body>
      <div id="first" data-timeline></div><div id="second" data-timeline data-lang="fr"></div>
      <script src="/dist/test-trap/embed.js"></script></body></html>`;
    await page.route('**/trap.html', (route) => route.fulfill({ contentType: 'text/html', body }));
    // Each widget says it in its own language (the second is French).
    const MESSAGE = {
      first: { lang: 'en', text: 'The timeline stopped working. Reload the page to try again.' },
      second: { lang: 'fr', text: 'La chronologie a cessé de fonctionner. Rechargez la page pour réessayer.' },
      late: { lang: 'en', text: 'The timeline stopped working. Reload the page to try again.' },
    };
    const stopped = (ids) => page.waitForFunction(([ids, messages]) => ids.every((id) => {
      const alert = document.getElementById(id).shadowRoot?.querySelector('[role="alert"]');
      return alert?.textContent === messages[id].text && alert.closest('[lang]')?.lang === messages[id].lang;
    }), [ids, MESSAGE], { timeout: 5000 });
    // A panic in an event handler, and one in a promise callback (an unhandled rejection).
    for (const event of ['timeline-trap', 'timeline-trap-later']) {
      await page.goto(url + 'trap.html');
      await ready(page, ['first', 'second']);
      await page.evaluate((event) => document.getElementById('first').dispatchEvent(new Event(event)), event);
      await stopped(['first', 'second']);
      const left = await page.evaluate(() => ['first', 'second'].map((id) => document.getElementById(id).shadowRoot.querySelectorAll('.tl-stage, [data-event-id]').length));
      assert(left.every((n) => n === 0), `${event}: the dead widgets are gone: ${left}`);
      // Yew's panic hook logs the panic's message; the loader then says what it means, once.
      const errors = (await page.evaluate(() => window.__errors)).filter((e) => e.startsWith('[timeline]'));
      assert(errors.length === 1 && /stopped working/.test(errors[0]) && /RuntimeError: unreachable/.test(errors[0]), `${event}: console: ${JSON.stringify(errors)}`);
    }
    // Afterwards: the API does not call into the dead module, a widget added later says so
    // too, and destroy shows the element's own content again.
    const after = await page.evaluate(async () => {
      const handle = await window.Timeline.get(document.getElementById('second'));
      handle.update({ theme: 'dark' });
      handle.destroy();
      const late = document.createElement('div');
      late.id = 'late';
      late.setAttribute('data-timeline', '');
      document.body.append(late);
      return document.getElementById('second').shadowRoot.querySelectorAll('slot').length;
    });
    assert(after === 1, 'destroy after the trap shows the fallback');
    await stopped(['first', 'late']);
    const said = await page.evaluate(() => window.__errors.filter((e) => e.startsWith('[timeline]')).length);
    assert(said === 1, `said ${said} times`);
  },

  ...Object.fromEntries(Object.entries(POLICIES).map(([label, policy]) => [
    `under a strict policy (${label}) the widgets render, zoom, show details, switch language, destroy and remount, with no violation`,
    async ({ page, url }) => {
      await page.addInitScript(recordViolations);
      // The article's own favicon, `data:,` (so that it asks for no /favicon.ico), is an
      // image an `img-src` without `data:` blocks: taken out, as such a site would.
      await page.route('**/examples/article.html?*', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace(/<link rel="icon"[^>]*>/, '') });
      });
      await page.goto(`${url}${ARTICLE}?csp=${encodeURIComponent(policy)}`);
      const { 'main-timeline': main, 'ps752-timeline': ps752 } = await ready(page);
      // One constructable stylesheet, shared; no <style> element; and it applies.
      const styled = await page.evaluate(() => {
        const roots = ['main-timeline', 'ps752-timeline'].map((id) => document.getElementById(id).shadowRoot);
        return {
          sheets: roots.map((r) => r.adoptedStyleSheets.length),
          shared: roots[0].adoptedStyleSheets[0] === roots[1].adoptedStyleSheets[0],
          elements: roots.map((r) => r.querySelectorAll('style, link').length),
          box: getComputedStyle(roots[0].querySelector('.tl-stage')).boxSizing,
        };
      });
      assert(JSON.stringify(styled.sheets) === '[1,1]' && styled.shared, `adopted sheets ${JSON.stringify(styled)}`);
      assert(JSON.stringify(styled.elements) === '[0,0]', `style elements ${styled.elements}`);
      assert(styled.box === 'border-box', `the sheet applies: stage box-sizing ${styled.box}`);
      // Zoom.
      const before = await main.view();
      await main.locator('button[aria-label="Zoom in"]').click();
      const zoomed = await main.viewChange(before, { what: 'Zoom in' });
      assert(zoomed.end - zoomed.start < 0.6 * (before.end - before.start), 'zoomed in');
      // Details (an event with sources: its links keep the referrer to the origin at most).
      const event = bundled.events.find((e) => e.sources?.length);
      await page.evaluate((id) => window.Timeline.get(document.getElementById('main-timeline')).then((h) => h.update({ event: id })), event.id);
      await main.expectSelected(event.id, 'details');
      const links = await main.locator('.tl-details a[href]').evaluateAll((as) => as.map((a) => `${a.referrerPolicy}|${a.rel}`));
      assert(links.length >= event.sources.length, `links ${links}`);
      assert(links.every((l) => /^(strict-origin-when-cross-origin|no-referrer)\|/.test(l)), `referrer policies ${links}`);
      // Language switch.
      await page.evaluate(() => window.Timeline.get(document.getElementById('main-timeline')).then((h) => h.update({ lang: 'fr' })));
      await eventually(async () => assert((await main.locator('h1').textContent()) === bundled.title.fr, 'French title'), { what: 'language switch' });
      // Destroy, then mount again.
      await page.evaluate(() => window.Timeline.get(document.getElementById('main-timeline')).then((h) => h.destroy()));
      const gone = await page.evaluate(() => {
        const root = document.getElementById('main-timeline').shadowRoot;
        return { widgets: root.querySelectorAll('.tl-root').length, slots: root.querySelectorAll('slot').length, sheets: root.adoptedStyleSheets.length };
      });
      assert(gone.widgets === 0 && gone.slots === 1 && gone.sheets === 0, `after destroy ${JSON.stringify(gone)}`);
      await page.evaluate(() => window.Timeline.mount(document.getElementById('main-timeline')));
      await main.ready();
      const n = bundled.events.length;
      await eventually(async () => assert((await main.count()) === `${n} of ${n} events`, await main.count()), { what: 'remounted' });
      assert((await ps752.count()).endsWith(' events'), 'the other widget still works');
      await ps752.rendered();
      const violations = await page.evaluate(() => window.violations);
      assert(violations.length === 0, `violations:\n${violations.join('\n')}`);
      assert(!(await page.evaluate(() => window.__pwned)), 'the hostile data ran a script');
    },
  ])),

  'a browser without constructable stylesheets links timeline.css (checked), allowed by style-src self': async ({ page, url }) => {
    await page.addInitScript(recordViolations);
    // Such a browser: no adoptedStyleSheets (the module tests for it before constructing).
    await page.addInitScript(() => { delete Document.prototype.adoptedStyleSheets; delete ShadowRoot.prototype.adoptedStyleSheets; });
    await page.goto(`${url}${ARTICLE}?csp=${encodeURIComponent("style-src 'self'")}`);
    const { 'main-timeline': main } = await ready(page);
    const linked = await page.evaluate(() => {
      const root = document.getElementById('main-timeline').shadowRoot;
      const link = root.querySelector('link[rel="stylesheet"]');
      return { href: link?.href, integrity: link?.integrity, styles: root.querySelectorAll('style').length };
    });
    assert(/\/dist\/embed\/timeline\.css$/.test(linked.href ?? '') && /^sha256-/.test(linked.integrity), JSON.stringify(linked));
    assert(linked.styles === 0, 'no <style>');
    await eventually(async () => {
      const box = await main.stage.evaluate((el) => getComputedStyle(el).boxSizing);
      assert(box === 'border-box', `stage box-sizing ${box}`);
    }, { what: 'the linked sheet applies' });
    const violations = await page.evaluate(() => window.violations);
    assert(violations.length === 0, `violations: ${violations.join('; ')}`);
  },

  'make dist writes the hashes: embed.js carries those of its files, the snippet that of embed.js': async ({ page, url }) => {
    const sri = (file, algorithm = 'sha384') => `${algorithm}-${crypto.createHash(algorithm).update(fs.readFileSync(path.join(embed, file))).digest('base64')}`;
    const loader = fs.readFileSync(path.join(embed, 'embed.js'), 'utf8');
    for (const file of ['embed-mount.js', 'timeline.js', 'timeline_bg.wasm', 'events.en.json', 'events.fr.json', 'events.fa.json', 'timeline.css']) {
      assert(loader.includes(sri(file, 'sha256')), `embed.js lacks the hash of ${file}`);
    }
    assert(!loader.includes('@TIMELINE_INTEGRITY@'), 'the placeholder is left');
    const pinned = fs.readFileSync(path.join(embed, 'embed.js.sri'), 'utf8').trim();
    assert(pinned === sri('embed.js'), `embed.js.sri ${pinned}`);
    assert(fs.readFileSync(path.join(embed, 'snippet.html'), 'utf8').includes(`integrity="${pinned}" crossorigin="anonymous"`), 'snippet.html');
    // The snippet as the README gives it loads, under the strictest policy.
    await page.addInitScript(recordViolations);
    await page.route('**/pinned.html', (route) => route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': STRICTEST },
      body: `<!doctype html><html lang="en"><body><div id="pinned" data-timeline></div>
        <script src="/dist/embed/embed.js" integrity="${pinned}" crossorigin="anonymous" async></script></body></html>`,
    }));
    const glue = [];
    page.on('request', (request) => { if (/\/timeline\.js$/.test(request.url())) glue.push(request.url()); });
    await page.goto(url + 'pinned.html');
    await ready(page, ['pinned']);
    // The glue is fetched once, by the checked modulepreload; import() reuses it.
    assert(glue.length === 1, `glue requests: ${glue.join(', ')}`);
    const violations = await page.evaluate(() => window.violations);
    assert(violations.length === 0, `violations: ${violations.join('; ')}`);
  },

  'a tampered module or glue is refused with a message in every box and the console': async ({ page, url }) => {
    await page.addInitScript(recordErrors);
    for (const file of ['timeline_bg.wasm', 'timeline.js']) {
      await page.unrouteAll();
      await page.route(`**/dist/embed/${file}`, tamper());
      await page.goto(url + ARTICLE);
      const ids = ['main-timeline', 'ps752-timeline', 'hostile-timeline'];
      // The second loads once near: as a reader scrolls to it.
      await page.evaluate(() => document.getElementById('ps752-timeline').scrollIntoView());
      await page.waitForFunction((ids) => ids.every((id) => document.getElementById(id).shadowRoot?.querySelector('[role="alert"]')), ids, { timeout: 20_000 });
      const shown = await page.evaluate((ids) => ids.map((id) => {
        const root = document.getElementById(id).shadowRoot;
        return { alert: root.querySelector('[role="alert"]').textContent, events: root.querySelectorAll('[data-event-id]').length };
      }), ids);
      assert(shown.every((s) => s.alert === REFUSED_EN && s.events === 0), `${file}: ${JSON.stringify(shown)}`);
      const errors = (await page.evaluate(() => window.__errors)).filter((e) => e.startsWith('[timeline] Refused'));
      assert(errors.length === 1 && errors.every((e) => e.includes(`/dist/embed/${file}`) && /integrity hash/.test(e)), `${file}: console ${JSON.stringify(errors)}`);
      assert(!(await page.evaluate(() => window.__pwned)), 'no script ran');
    }
  },

  // All widgets share one module, so a tampered module stops them all (above). What one
  // tampered file can spare is the rest: on a page whose widgets bring their own data, a
  // widget added later needs the default data, events.en.json; tampered, it is
  // refused in that widget's box, and the widget already mounted keeps its view, zooms
  // and selects as before.
  'a tampered events.en.json is refused in its widget; the widget already mounted is unaffected': async ({ page, url }) => {
    await page.addInitScript(recordErrors);
    await page.route('**/dist/embed/events.en.json', tamper(50));
    await page.route('**/own-data.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><body>
        <div id="ps752-timeline" data-timeline data-src="/examples/data/ps752.json"></div>
        <script src="/dist/embed/embed.js"></script></body></html>`,
    }));
    await page.goto(url + 'own-data.html');
    const { 'ps752-timeline': first } = await ready(page, ['ps752-timeline']);
    const before = await first.view();
    await first.locator('button[aria-label="Zoom in"]').click();
    const zoomed = await first.viewChange(before, { what: 'Zoom in' });
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.id = 'late';
      el.setAttribute('data-timeline', '');
      document.body.append(el);
    });
    const late = widget(page, 'late');
    await late.locator('[role="alert"]').first().waitFor({ timeout: 20_000 });
    const alert = await late.locator('[role="alert"]').first().textContent();
    assert(/Refused .*\/dist\/embed\/events\.en\.json.*integrity hash/.test(alert), `late: ${alert}`);
    assert((await late.locator('[data-event-id]').count()) === 0, 'the refused data shows no event');
    const errors = (await page.evaluate(() => window.__errors)).filter((e) => e.startsWith('[timeline]'));
    assert(errors.some((e) => /Refused .*events\.en\.json/.test(e)), `console ${JSON.stringify(errors)}`);
    // The first widget: the same view, and it still zooms.
    const still = await first.view();
    assert(still.start === zoomed.start && still.end === zoomed.end, 'the mounted widget did not move');
    await first.locator('button[aria-label="Zoom in"]').click();
    const again = await first.viewChange(still, { what: 'Zoom in again' });
    assert(again.end - again.start < still.end - still.start, 'zoomed again');
  },

  'media in the details: a lazy image in its reserved box, a broken one shows its alt, a video requests nothing from YouTube until its button is pressed': async ({ page, url }) => {
    const origin = new URL(url).origin;
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const youtube = () => requests.filter((u) => /youtube|ytimg|googlevideo|ggpht/.test(new URL(u).hostname));
    // A 3×2 PNG, made here; held back until the box has been measured.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/media-test/photo.png', async (route) => {
      await held;
      await route.fulfill({ contentType: 'image/png', body: tinyPng(3, 2) });
    });
    // Its name has "missing.json" in it: the page's console error about the 404 is expected.
    await page.route('**/media-test/missing.json.png', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'no' }));
    await page.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title>' }));
    await page.route('**/media.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head>
          <meta http-equiv="Content-Security-Policy" content="script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'" />
          </head><body><div id="media"></div><script src="/dist/embed/embed.js"></script></body></html>`,
      }),
    );
    const event = (id, date, media) => ({
      id, date, category: 'a', title: `Title ${id}`, summary: 'S', media,
      sources: [{ title: 'S', publisher: 'P', url: 'https://example.org/' }],
    });
    const data = {
      title: 'Media', updated: '2024-01-01',
      categories: [{ id: 'a', label: 'A', color: '#123456' }],
      events: [
        event('photo', '2001', { url: `${origin}/media-test/photo.png`, alt: 'A red square', caption: 'The square', credit: 'Photo: Test' }),
        event('broken', '2002', { url: `${origin}/media-test/missing.json.png`, alt: 'A lost picture', credit: 'Photo: Gone' }),
        event('video', '2003', { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', alt: 'The speech' }),
        event('vimeo', '2004', { url: 'https://vimeo.com/76979871', alt: 'The film' }),
      ],
    };
    await page.goto(url + 'media.html');
    await page.waitForFunction(() => window.Timeline?.mount);
    await page.evaluate((data) => window.Timeline.mount(document.getElementById('media'), { data: JSON.stringify(data), event: 'photo' }), data);
    const w = await widget(page, 'media').ready();
    await w.expectSelected('photo', 'the photo opens');
    const box = () => inWidget(page, 'media', (root) => {
      const frame = root.querySelector('.tl-details .tl-media-frame');
      const img = frame?.querySelector('img');
      return img && {
        frame: frame.getBoundingClientRect().height,
        details: root.querySelector('.tl-details').getBoundingClientRect().height,
        loading: img.loading, decoding: img.decoding, referrer: img.referrerPolicy,
        complete: img.complete && img.naturalWidth > 0, failed: frame.hasAttribute('data-failed'),
      };
    });
    const before = await box();
    assert(before && before.loading === 'lazy' && before.decoding === 'async', `image attributes: ${JSON.stringify(before)}`);
    assert(before.referrer === 'strict-origin-when-cross-origin', before.referrer);
    assert(!before.complete && before.frame > 100, `the box is reserved before the image loads: ${JSON.stringify(before)}`);
    release();
    await eventually(async () => assert((await box()).complete, 'not loaded yet'), { what: 'the image loads' });
    const after = await box();
    assert(after.frame === before.frame && after.details === before.details, `no layout shift: ${before.frame}/${before.details} → ${after.frame}/${after.details}`);
    assert(!after.failed, 'a loaded image is not marked failed');
    // The broken one: its alt in its box, its credit under it.
    await page.evaluate(() => window.Timeline.get(document.getElementById('media')).then((h) => h.update({ event: 'broken' })));
    await w.expectSelected('broken', 'the broken image opens');
    await eventually(async () => {
      const shown = await inWidget(page, 'media', (root) => {
        const frame = root.querySelector('.tl-details .tl-media-frame');
        const fallback = frame?.querySelector('.tl-media-fallback');
        return {
          failed: frame?.hasAttribute('data-failed'),
          img: frame && getComputedStyle(frame.querySelector('img')).display,
          alt: fallback && getComputedStyle(fallback).display !== 'none' ? fallback.textContent : null,
          credit: root.querySelector('.tl-details .tl-media-credit')?.textContent,
          height: frame?.getBoundingClientRect().height,
        };
      });
      assert(shown.failed && shown.img === 'none' && shown.alt === 'A lost picture' && shown.credit === 'Photo: Gone', JSON.stringify(shown));
      assert(shown.height === before.frame, `the same box: ${shown.height}`);
    }, { what: 'the broken image shows its alt' });
    // Back to the photo: its own box, not the broken one's marked as failed.
    await page.evaluate(() => window.Timeline.get(document.getElementById('media')).then((h) => h.update({ event: 'photo' })));
    await w.expectSelected('photo', 'the photo again');
    await eventually(async () => {
      const again = await box();
      assert(again && again.complete && !again.failed && again.frame === before.frame, JSON.stringify(again));
    }, { what: 'the photo shows again' });
    // The video: a button, and not one request to YouTube until it is pressed.
    await page.evaluate(() => window.Timeline.get(document.getElementById('media')).then((h) => h.update({ event: 'video' })));
    await w.expectSelected('video', 'the video opens');
    const play = w.locator('.tl-details button.tl-media-play');
    await play.waitFor();
    assert((await play.textContent()).includes('Play video: The speech'), await play.textContent());
    assert((await w.locator('.tl-details iframe').count()) === 0, 'no player before the click');
    await w.rendered();
    assert(youtube().length === 0, `requests to YouTube before the click: ${youtube()}`);
    await play.click();
    const frame = w.locator('.tl-details iframe.tl-media-embed');
    await frame.waitFor();
    const src = await frame.getAttribute('src');
    assert(src.startsWith('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'), src);
    assert((await frame.getAttribute('allow')) === 'autoplay; fullscreen; picture-in-picture', 'allow');
    assert((await frame.getAttribute('referrerpolicy')) === 'strict-origin-when-cross-origin', 'referrerpolicy');
    await eventually(async () => {
      const made = youtube();
      assert(made.length > 0 && made.every((u) => u.startsWith('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')), `after the click: ${made}`);
    }, { what: 'the player is requested after the click' });
    // The next video is a button again: pressing one plays only that one.
    await page.evaluate(() => window.Timeline.get(document.getElementById('media')).then((h) => h.update({ event: 'vimeo' })));
    await w.expectSelected('vimeo', 'the next video opens');
    await w.locator('.tl-details button.tl-media-play').waitFor();
    await w.rendered();
    assert((await w.locator('.tl-details iframe').count()) === 0, 'the next video has no player before its click');
    assert(!requests.some((u) => new URL(u).hostname.endsWith('vimeo.com')), 'nothing from Vimeo before its click');
  },

  'a night given to the minute fills the stage, zooms to minutes, and switches to UTC': async ({ page, url }) => {
    await page.route('**/night.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><body>
          <div id="night" data-timeline data-src="/tests/fixtures/valid/one-night.json"></div>
          <script src="/dist/embed/embed.js"></script></body></html>`,
      }),
    );
    await page.goto(url + 'night.html');
    const w = await widget(page, 'night').ready();
    const first = await w.view();
    // The first view is the night, not weeks around it: hour ticks.
    assert(first.end - first.start < 0.5, `first window ${first.end - first.start} days`);
    assert(/^(Hours|Minutes)\(/.test(first.unit), `first unit ${first.unit}`);
    const labels = () => inWidget(page, 'night', (root) => [...root.querySelectorAll('.tl-axis .tl-tick-label')].map((l) => l.textContent));
    // Zoom in with the button until it stops: half an hour across, ticks of minutes.
    const zoomIn = w.locator('.tl-zoom button').first();
    let view = first;
    while (!(await zoomIn.isDisabled())) {
      await zoomIn.click();
      view = await w.viewChange(view, { what: 'zooming in' });
    }
    assert(Math.abs((view.end - view.start) * 1440 - 30) < 0.01, `narrowest window ${(view.end - view.start) * 1440} minutes`);
    assert(/^Minutes\(\d+\)$/.test(view.unit), `unit at the narrowest: ${view.unit}`);
    const times = (await labels()).filter((l) => /^\d\d:\d\d$/.test(l));
    assert(times.length >= 2, `minute labels: ${await labels()}`);
    const minutes = times.map((t) => Number(t.slice(3)));
    assert(minutes.some((m) => m % 15 !== 0) || minutes.length >= 3, `ticks finer than quarter hours: ${times}`);
    // The event at 06:14 Tehran time, as written, then in UTC; the view stays.
    await page.evaluate(() => window.Timeline.get(document.getElementById('night')).then((h) => h.update({ event: 'step-8' })));
    await w.expectSelected('step-8', 'the 06:14 event opens');
    const when = () => w.locator('.tl-details time').first().textContent();
    await eventually(async () => assert((await when()).includes('06:14') && (await when()).includes('UTC+03:30'), await when()), { what: 'the time as written' });
    const utc = w.locator('.tl-zones button').filter({ hasText: 'UTC' });
    const local = w.locator('.tl-zones button').filter({ hasText: 'Local time' });
    assert((await local.getAttribute('aria-pressed')) === 'true', 'local time first');
    const before = await w.view();
    await utc.click();
    await eventually(async () => assert((await when()).includes('02:44') && !(await when()).includes('+03:30'), await when()), { what: 'the time in UTC' });
    assert((await utc.getAttribute('aria-pressed')) === 'true', 'UTC pressed');
    const after = await w.view();
    assert(Math.abs(after.start - before.start) < 1e-9 && Math.abs(after.end - before.end) < 1e-9, 'the view stays');
    await local.click();
    await eventually(async () => assert((await when()).includes('06:14'), await when()), { what: 'back to local time' });
  },

  'a TimelineJS3 file through data-src on the article, under the strictest policy (with media-src): every event, its title, its media, no script, no violation': async ({ page, url }) => {
    const file = JSON.parse(fs.readFileSync(path.join(TEMPLATES, 'all-media-types.json'), 'utf8'));
    await page.addInitScript(recordViolations);
    const outside = [];
    // Nothing leaves the machine: what the widget asks of other hosts (the images the
    // reader opens) is answered here, and noted.
    await page.route((u) => !u.href.startsWith(url), (route) => {
      outside.push(route.request().url());
      return route.fulfill({ contentType: 'image/png', body: tinyPng(4, 3) });
    });
    await page.route('**/examples/article.html?*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace(/<link rel="icon"[^>]*>/, '') });
    });
    // The strictest policy, with the media-src a page needs for video and audio files
    // (the README): the browser checks a <video src> against it even with preload="none",
    // before anything is played or fetched.
    await page.goto(`${url}${ARTICLE}?csp=${encodeURIComponent(`${STRICTEST}; media-src https:`)}`);
    await addWidget(page, 'tl3-timeline', { 'data-src': `/${TEMPLATES_URL}/all-media-types.json` });
    const w = await widget(page, 'tl3-timeline').ready();
    const n = file.events.length;
    await eventually(async () => assert((await w.count()) === `${n} of ${n} events`, await w.count()), { what: 'every event arrives' });
    assert((await w.locator('h1').textContent()) === plain(file.title.text.headline), 'the title slide is the title');
    // Every title, in TimelineJS3's order of its slides (by date, ties in file order).
    const listed = await listedEvents(w);
    const expected = byDate(file.events).map((e) => plain(e.text.headline));
    assert(JSON.stringify(listed.map((e) => e.title)) === JSON.stringify(expected), `titles:\n${listed.map((e) => e.title).join(' | ')}\n${expected.join(' | ')}`);
    // Open every event: an image is an <img> with its alt text (the file gives none, so
    // empty, and each is a warning naming its event); a video is a button named by it.
    const images = [];
    for (const [i, event] of byDate(file.events).entries()) {
      const { id } = listed[i];
      await page.evaluate((id) => window.Timeline.get(document.getElementById('tl3-timeline')).then((h) => h.update({ event: id })), id);
      await w.expectSelected(id, `event ${id} opens`);
      const shown = await w.locator('.tl-details').evaluate((d) => ({
        title: d.querySelector('.tl-card-title, h2')?.textContent,
        img: d.querySelector('img.tl-media-img') && { alt: d.querySelector('img.tl-media-img').getAttribute('alt') },
        play: d.querySelector('button.tl-media-play')?.textContent ?? null,
        scripts: d.querySelectorAll('script, iframe, object, embed').length,
      }));
      assert(shown.scripts === 0, `${id}: a script, frame or object in the details`);
      // An image by its extension (a wiki's page about a file, /wiki/File:….jpg, is a page).
      const where = new URL(event.media?.url ?? 'x:', 'http://x').pathname;
      if (/\.(jpe?g|png|gif)$/i.test(where) && !where.startsWith('/wiki/')) {
        images.push(plain(event.text.headline));
        assert(shown.img && shown.img.alt === (event.media.alt ?? event.media.title ?? ''), `${id}: image ${JSON.stringify(shown)}`);
      }
      if (/youtube|vimeo/.test(event.media?.url ?? '')) assert(shown.play?.includes(`Play video: ${plain(event.text.headline)}`), `${id}: ${shown.play}`);
    }
    assert(images.length === 5, `images ${images}`);
    const warnings = await w.locator('.tl-problems .tl-problem').allTextContents();
    for (const title of images) {
      assert(warnings.some((p) => p.includes('the image has no alt text') && p.includes(`(event "${title}")`)), `no warning for ${title}: ${warnings.join('\n')}`);
    }
    // No script from the data: none ran, none was asked for (the Twitter embed's
    // widgets.js), and the only requests to other hosts are the images opened.
    const result = await page.evaluate(() => ({
      pwned: window.__pwned,
      scripts: document.getElementById('tl3-timeline').shadowRoot.querySelectorAll('script').length,
      violations: window.violations,
    }));
    assert(result.pwned === undefined && result.scripts === 0, JSON.stringify(result));
    assert(result.violations.length === 0, `violations:\n${result.violations.join('\n')}`);
    const hosts = [...new Set(outside.map((u) => new URL(u).hostname))];
    assert(outside.every((u) => /\.(jpe?g|png|gif)$/i.test(new URL(u).pathname)), `requests to other hosts: ${outside.join('\n')}`);
    assert(!hosts.some((h) => /twitter|youtube|vimeo|knightlab|google-analytics|googletagmanager|fonts/.test(h)), `hosts ${hosts}`);
  },

  "TimelineJS3's eras, and data-start-at-end and data-start-at-slide open the event TimelineJS3 would": async ({ page, url }) => {
    const file = JSON.parse(fs.readFileSync(path.join(TEMPLATES, 'eras.json'), 'utf8'));
    await page.goto(url + ARTICLE);
    const src = `/${TEMPLATES_URL}/eras.json`;
    await addWidget(page, 'tl3-end', { 'data-src': src, 'data-start-at-end': '' });
    await addWidget(page, 'tl3-slide', { 'data-src': src, 'data-start-at-slide': '3' });
    await addWidget(page, 'tl3-none', { 'data-src': src, 'data-start-at-end': 'false' });
    const end = await widget(page, 'tl3-end').ready();
    const slide = await widget(page, 'tl3-slide').ready();
    const none = await widget(page, 'tl3-none').ready();
    const sorted = byDate(file.events).map((e) => plain(e.text.headline));
    const opened = (w) => eventually(async () => {
      const title = await w.locator('.tl-details h2').textContent({ timeout: 1000 });
      assert(title, 'no details');
      return title;
    }, { what: 'an event opens' });
    // The end: the last slide; slide 3 with a title slide: the third event.
    assert((await opened(end)) === sorted.at(-1), `end: ${await opened(end)}`);
    assert((await opened(slide)) === sorted[2], `slide 3: ${await opened(slide)} (expected ${sorted[2]})`);
    await none.rendered();
    assert((await none.selected()) === null, 'data-start-at-end="false" opens nothing');
    // Its eras are the bands behind the events, labelled by their headlines.
    const eras = await none.locator('.tl-era-label').allTextContents();
    const expected = file.eras.map((e) => plain(e.text.headline));
    assert(JSON.stringify([...eras].sort()) === JSON.stringify([...expected].sort()), `eras ${eras} (expected ${expected})`);
    const n = file.events.length;
    assert((await none.count()) === `${n} of ${n} events`, await none.count());
  },

  "a CSV in TimelineJS3's sheet layout through the JavaScript API, with TimelineJS3's options object": async ({ page, url }) => {
    const text = fs.readFileSync(path.join(TIMELINEJS, 'src/js/core/__tests__/women_in_computing.csv'), 'utf8');
    const [header, ...rows] = parseCsv(text).filter((r) => r.some((c) => c.trim()));
    const col = (name) => header.indexOf(name);
    const type = (r) => r[col('Type')].trim().toLowerCase();
    const events = rows.filter((r) => !['title', 'era'].includes(type(r)));
    const title = rows.find((r) => type(r) === 'title');
    await page.route('**/csv.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head>
          <meta http-equiv="Content-Security-Policy" content="script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'" />
          </head><body><div id="csv"></div><script src="/dist/embed/embed.js"></script></body></html>`,
      }),
    );
    await page.route((u) => !u.href.startsWith(url), (route) => route.fulfill({ contentType: 'image/png', body: tinyPng(4, 3) }));
    await page.goto(url + 'csv.html');
    await page.waitForFunction(() => window.Timeline?.mount);
    // As a page that built a TL.Timeline would: its options object, the data as text.
    await page.evaluate(async (src) => {
      const data = await (await fetch(src)).text();
      await window.Timeline.mount(document.getElementById('csv'), { data, start_at_end: true, language: 'fr', timenav_position: 'top', initial_zoom: 2 });
    }, `/${TIMELINEJS_URL}/src/js/core/__tests__/women_in_computing.csv`);
    const w = await widget(page, 'csv').ready();
    const n = events.length;
    await eventually(async () => assert((await w.count()) === `${n} sur ${n} événements`, await w.count()), { what: 'every row arrives' });
    assert((await w.locator('.tl-root').getAttribute('lang')) === 'fr', 'language: fr is lang');
    assert((await w.locator('h1').textContent()) === plain(title[col('Headline')]), 'the title row is the title');
    const headlines = events.map((r) => plain(r[col('Headline')]));
    const last = byDate(events.map((r) => ({ start_date: { year: r[col('Year')], month: r[col('Month')], day: r[col('Day')] }, headline: plain(r[col('Headline')]) }))).at(-1).headline;
    await eventually(async () => assert((await w.locator('.tl-details h2').textContent({ timeout: 1000 })) === last, 'the last event'), { what: 'start_at_end: true opens the last event' });
    const listed = await listedEvents(w, ['Liste', 'Chronologie']);
    assert(JSON.stringify([...listed.map((e) => e.title)].sort()) === JSON.stringify([...headlines].sort()), `titles ${listed.map((e) => e.title)}`);
  },

  "data-hash-bookmark keeps the event in the URL, and opens TimelineJS3's #event-<id> links": async ({ page, url }) => {
    const src = `/${TEMPLATES_URL}/eras.json`;
    await page.goto(`${url}${ARTICLE}#event-0633-battle-of-heavenfield`);
    await ready(page);
    await addWidget(page, 'tl3-hash', { 'data-src': src, 'data-hash-bookmark': '' });
    const w = await widget(page, 'tl3-hash').ready();
    await w.expectSelected('0633-battle-of-heavenfield', "TimelineJS3's link opens its event");
    await page.evaluate(() => window.Timeline.get(document.getElementById('tl3-hash')).then((h) => h.update({ event: '0641-battle-of-nehawand' })));
    await w.expectSelected('0641-battle-of-nehawand', 'another event');
    await eventually(async () => assert((await page.evaluate(() => location.hash)) === '#event=0641-battle-of-nehawand', await page.evaluate(() => location.hash)), { what: 'the URL follows' });
    await page.goBack();
    await w.expectSelected('0633-battle-of-heavenfield', 'Back opens the event before');
    // The article's own language and the other widgets are left alone.
    assert((await page.evaluate(() => document.documentElement.lang)) === 'en', 'the page language');
    assert((await widget(page, 'main-timeline').selected()) === null, 'the bundled widget opened nothing');
  },

  'a thumbnail marks its event on the stage: lazy, in its reserved box, decorative; a broken one hides itself': async ({ page, url }) => {
    const origin = new URL(url).origin;
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/thumbs/ada.png', async (route) => {
      await held;
      await route.fulfill({ contentType: 'image/png', body: tinyPng(8, 8) });
    });
    // Its name has "missing.json" in it: the console's report of the 404 is expected.
    await page.route('**/thumbs/missing.json.png', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'no' }));
    await page.route('**/thumbs.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head>
          <meta http-equiv="Content-Security-Policy" content="script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'" />
          </head><body><div id="thumbs"></div><script src="/dist/embed/embed.js"></script></body></html>`,
      }),
    );
    // TimelineJS3's own format, with its media.thumbnail.
    const data = {
      title: { text: { headline: 'Thumbnails' } },
      events: [
        { unique_id: 'ada', start_date: { year: '1843' }, text: { headline: 'Notes on the engine' }, media: { url: `${origin}/thumbs/note.png`, alt: 'A note', thumbnail: `${origin}/thumbs/ada.png` } },
        { unique_id: 'lost', start_date: { year: '1946' }, text: { headline: 'ENIAC' }, media: { url: 'https://youtu.be/dQw4w9WgXcQ', thumbnail: `${origin}/thumbs/missing.json.png` } },
        { unique_id: 'plain', start_date: { year: '1969' }, text: { headline: 'No thumbnail' }, media: { url: `${origin}/thumbs/note.png`, alt: 'A note' } },
      ],
    };
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(url + 'thumbs.html');
    await page.waitForFunction(() => window.Timeline?.mount);
    await page.evaluate((data) => window.Timeline.mount(document.getElementById('thumbs'), { data: JSON.stringify(data) }), data);
    const w = await widget(page, 'thumbs').ready();
    const thumb = (id) => inWidget(page, 'thumbs', (root, id) => {
      const item = root.querySelector(`.tl-stage [data-event-id="${id}"]`);
      const img = item?.querySelector('img.tl-thumb');
      const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height].map((v) => Math.round(v * 10) / 10); };
      return item && {
        item: box(item),
        img: img && { box: box(img), alt: img.getAttribute('alt'), loading: img.loading, hidden: img.hidden, display: getComputedStyle(img).display, complete: img.complete && img.naturalWidth > 0 },
        marker: getComputedStyle(item, '::after').display,
        name: item.getAttribute('aria-label'),
      };
    }, id);
    const before = await thumb('ada');
    assert(before.img && before.img.alt === '' && before.img.loading === 'lazy', `thumbnail ${JSON.stringify(before)}`);
    assert(!before.img.complete && before.img.box[2] === 20 && before.img.box[3] === 20, `its box is reserved before it loads: ${JSON.stringify(before)}`);
    assert(before.name.includes('Notes on the engine'), `the button is named by the event: ${before.name}`);
    release();
    await eventually(async () => assert((await thumb('ada')).img.complete, 'not loaded'), { what: 'the thumbnail loads' });
    const after = await thumb('ada');
    assert(JSON.stringify(after.img.box) === JSON.stringify(before.img.box) && JSON.stringify(after.item) === JSON.stringify(before.item), `no layout shift: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    // The broken one hides itself; its marker shows; its event still opens.
    await eventually(async () => {
      const lost = await thumb('lost');
      assert(lost.img && lost.img.hidden && lost.img.display === 'none' && lost.marker !== 'none', JSON.stringify(lost));
    }, { what: 'the broken thumbnail hides itself' });
    await w.locator('.tl-stage [data-event-id="lost"]').click();
    await w.expectSelected('lost', 'the item with a broken thumbnail opens');
    // No thumbnail, no picture on the stage: the event's media itself is not loaded there.
    assert((await thumb('plain')).img === null, 'an event without a thumbnail has none');
    assert(!requests.includes('/thumbs/note.png'), `the media itself was loaded for the stage: ${requests}`);
  },
};

/** Event listeners on the element `selector` and everything inside it, shadow roots
 * included, through the DevTools protocol. */
async function hostListeners(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})` });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: -1, pierce: true });
  await cdp.detach();
  return listeners.length;
}

/** A `width`×`height` PNG of red pixels, made here (no file, no other host). */
function tinyPng(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([255, 0, 0]))])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

await run(tests, { root: repo, ignoreErrors: expectedErrors });
