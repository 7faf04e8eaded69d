// Browser tests of the editor page (dist/site/editor.html, built by `trunk build
// --release` with index.html: see scripts/editor-page.sh): opening data, the problems
// and their places, the live preview, the options, the embed code pasted into an
// article (dist/embed, `make dist`), the downloads, a 10,000-event text, accessibility.
import fs from 'node:fs';
import path from 'node:path';
import { run, serve, assert, eventually, Widget, REPO, AXE_PATH, requireBuilt } from './harness.mjs';

const repo = REPO;
const site = path.join(repo, 'dist/site');
const embed = path.join(repo, 'dist/embed');
const axePath = AXE_PATH;
requireBuilt([['dist/site/editor.html', 'make build'], ['dist/embed/embed.js', 'make dist'], ['dist/embed/fallback.html', 'make dist']]);

const EDITOR = 'editor.html';
const read = (file) => fs.readFileSync(path.join(repo, file), 'utf8');
const ps752Text = read('examples/data/ps752.json');
const ps752 = JSON.parse(ps752Text);
const bundled = JSON.parse(read('assets/events.json'));

/** A TimelineJS3 file (its own JSON format, as its authoring tool writes it) whose third
 * event has one error, a month 13; its line and column, and the text with it fixed. */
function timelinejs3() {
  const slide = (year, month, headline) => ({
    start_date: { year: String(year), month: String(month) },
    text: { headline, text: `<p>What happened in ${headline.toLowerCase()}.</p>` },
  });
  const doc = {
    title: { text: { headline: 'A test timeline', text: '<p>Made for the editor test.</p>' } },
    events: [slide(2001, 3, 'The first event'), slide(2005, 7, 'The second event'), slide(2010, 13, 'The third event'), slide(2015, 1, 'The fourth event')],
  };
  const text = JSON.stringify(doc, null, 2);
  const at = text.indexOf('"month": "13"') + '"month": '.length;
  const before = text.slice(0, at).split('\n');
  return {
    text,
    events: doc.events.length,
    line: before.length,
    column: before.at(-1).length + 1,
    // The UTF-16 offset of the bad value's digits "13" (inside the quotes).
    offset: at + 1,
  };
}

/** The editor's page model. */
class Editor {
  constructor(page) {
    this.page = page;
    this.text = page.locator('#ed-text');
    this.summary = page.locator('.ed-problems-summary');
    this.preview = new Widget(page, '.ed-preview');
  }

  static async open(page, url, query = '') {
    await page.goto(`${url}${EDITOR}${query}`);
    const editor = new Editor(page);
    await editor.text.waitFor();
    return editor;
  }

  /** Waits until the checker has read the text (not typing) with `errors` errors (and
   * `warnings` warnings, when given). */
  async checked({ errors, warnings, what = 'the check' }) {
    await eventually(async () => {
      const state = await this.summary.evaluate((el) => ({ errors: Number(el.dataset.errors), warnings: Number(el.dataset.warnings), text: el.textContent }));
      assert(!/…/.test(state.text), `still checking: ${state.text}`);
      assert(state.errors === errors, `${state.errors} errors, not ${errors} (${state.text})`);
      if (warnings !== undefined) assert(state.warnings === warnings, `${state.warnings} warnings, not ${warnings}`);
    }, { what, timeout: 20_000 });
  }

  /** Pastes `text` over the whole text (Ctrl/⌘+A, then a paste), as a reader does. */
  async paste(text) {
    await this.text.focus();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.evaluate((text) => {
      const area = document.querySelector('#ed-text');
      // What a paste does: the text replaces the selection, then an input event.
      area.setRangeText(text, area.selectionStart, area.selectionEnd, 'end');
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
  }

  /** Waits until the preview's count line reads `n of n events` (English). */
  async previewCount(n, what = 'preview count') {
    await eventually(async () => {
      const count = await this.preview.count();
      assert(count === `${n.toLocaleString('en')} of ${n.toLocaleString('en')} events`, count);
    }, { what, timeout: 20_000 });
  }

  snippet() {
    return this.page.locator('#ed-snippet').inputValue();
  }
}

/** The day number (days since 1970-01-01) of an ISO date's first day, as the stage's
 * data-view-* attributes count. */
const day = (iso) => {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** Runs axe-core on the page; fails with each violation. */
async function axe(page, what) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  assert(violations.length === 0, `${what}:\n` + violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`).join('\n'));
}

/** The file a click on `locator` downloads, as text, and its suggested name. */
async function downloaded(page, locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/** The clipboard's text (the test's context may read it). */
const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

const tests = {
  'a TimelineJS3 file with one error: the problem at its line, the caret there, fixed by typing': async ({ page, url }) => {
    const tl = timelinejs3();
    const editor = await Editor.open(page, url);
    await page.locator('#ed-file').setInputFiles({ name: 'tl3.json', mimeType: 'application/json', buffer: Buffer.from(tl.text) });
    await eventually(async () => assert((await page.locator('#ed-open-status').textContent()) === 'tl3.json opened', 'status'), { what: 'opened' });
    await editor.checked({ errors: 1, what: 'the one error' });
    const problem = page.locator('.ed-problem[data-severity="error"]');
    assert((await problem.count()) === 1, 'one error listed');
    const place = await problem.evaluate((el) => ({ line: Number(el.dataset.line), column: Number(el.dataset.column), text: el.textContent }));
    assert(place.line === tl.line && place.column === tl.column, `the problem at ${place.line}:${place.column}, not ${tl.line}:${tl.column}`);
    assert(place.text.includes(`line ${tl.line}, column ${tl.column}`), `its place is written: ${place.text}`);
    assert(/month 13/.test(place.text), `what is wrong: ${place.text}`);
    // The valid events are shown meanwhile.
    await editor.previewCount(tl.events - 1, 'the three valid events');
    // Keyboard only: Tab to the problem, Enter puts the caret on the value.
    await problem.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => {
      const caret = await page.evaluate(() => ({ id: document.activeElement.id, at: document.activeElement.selectionStart }));
      assert(caret.id === 'ed-text' && caret.at === tl.offset - 1, `caret ${JSON.stringify(caret)}, not at ${tl.offset - 1}`);
    }, { what: 'the caret at the problem' });
    // Fix it by typing: select "13", type 12.
    await page.evaluate((at) => document.querySelector('#ed-text').setSelectionRange(at, at + 2), tl.offset);
    await page.keyboard.type('12');
    await editor.checked({ errors: 0, what: 'the error cleared' });
    assert((await page.locator('.ed-problem[data-severity="error"]').count()) === 0, 'no error listed');
    await editor.previewCount(tl.events, 'every event in the preview');
    const titles = await editor.preview.locator('.tl-stage [data-event-id], .tl-vertical [data-event-id]').allTextContents();
    assert(titles.some((t) => t.includes('The third event')), `the fixed event in the preview: ${titles}`);
  },

  'a CSV from an address and a drop: problems name the row and the column header': async ({ page, url }) => {
    const template = read('assets/template.csv');
    const lines = template.split('\n');
    // The third event row gets a bad date.
    const row = 4;
    const cells = lines[row - 1].split(',');
    cells[2] = '2020-02-30';
    lines[row - 1] = cells.join(',');
    const bad = lines.join('\n');
    await page.route('**/data/bad.csv', (route) => route.fulfill({ contentType: 'text/csv', body: bad }));
    const editor = await Editor.open(page, url);
    await page.locator('#ed-url').fill(`${url}data/bad.csv`);
    await page.locator('#ed-url').press('Enter');
    await editor.checked({ errors: 1, what: 'the CSV error' });
    const text = await page.locator('.ed-problem[data-severity="error"]').textContent();
    assert(text.includes(`row ${row}, "date"`) && text.includes(`line ${row}, column`), `row and header: ${text}`);
    // A dropped file replaces the text.
    await page.locator('.ed-text').evaluate((el, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'template.csv', { type: 'text/csv' }));
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, template);
    await editor.checked({ errors: 0, what: 'the dropped template' });
    assert((await editor.text.inputValue()) === template.replace(/\r\n/g, '\n'), 'the dropped text');
    // An address that fails says so.
    await page.route('**/data/missing.csv', (route) => route.fulfill({ status: 404, body: 'no' }));
    await page.locator('#ed-url').fill(`${url}data/missing.csv`);
    await page.locator('#ed-url').press('Enter');
    await eventually(async () => assert(/could not be read: HTTP 404/.test(await page.locator('#ed-open-status').textContent()), 'the failure'), { what: 'the 404' });
  },

  'the options show in the preview, and the copied embed code mounts exactly them in an article': async ({ page, url }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    // Wide enough for a preview of 600 px or more: the stage, whose window the options set
    // (narrower, the preview is the vertical timeline, as an article would show it).
    await page.setViewportSize({ width: 1800, height: 1000 });
    const editor = await Editor.open(page, url);
    await editor.paste(ps752Text);
    await editor.checked({ errors: 0, warnings: 0 });
    await editor.previewCount(ps752.events.length);
    const options = { lang: 'fr', theme: 'dark', start: '2019-06', end: '2024-12', event: 'ps752-downed-2020', categories: ['aviation', 'legal'], height: '520px' };
    await page.locator('#ed-lang').selectOption(options.lang);
    await page.locator('#ed-theme').selectOption(options.theme);
    await page.locator('#ed-start').fill(options.start);
    await page.locator('#ed-end').fill(options.end);
    await page.locator('#ed-event').fill(options.event);
    for (const id of options.categories) await page.locator(`.ed-categories input[value="${id}"]`).check();
    await page.locator('#ed-height').fill(options.height);
    // The preview shows them.
    await eventually(async () => {
      const root = await editor.preview.locator('.tl-root').evaluate((el) => ({ lang: el.lang, theme: el.dataset.theme }));
      assert(root.lang === 'fr' && root.theme === 'dark', JSON.stringify(root));
    }, { what: 'preview language and theme' });
    await editor.preview.expectSelected(options.event, 'the event selected first');
    const previewView = await editor.preview.view();
    // From the start's first day to the day after the end's last (2024-12: 2025-01-01).
    assert(Math.abs(previewView.start - day(options.start)) < 1 && Math.abs(previewView.end - day('2025-01')) < 1,
      `the preview's window ${previewView.start}..${previewView.end}, not ${day(options.start)}..${day('2025-01')}`);
    const pressed = await editor.preview.locator('[data-category][aria-pressed="true"]').evaluateAll((els) => els.map((e) => e.dataset.category).sort());
    assert(JSON.stringify(pressed) === JSON.stringify(options.categories), `preview categories ${pressed}`);
    // Where the embed is: this test's copy of dist/embed, with its real integrity hash.
    const article = await serve(repo);
    try {
      const integrity = fs.readFileSync(path.join(embed, 'embed.js.sri'), 'utf8').trim();
      await page.locator('#ed-script').fill(`${article.url}dist/embed/embed.js`);
      await page.locator('#ed-integrity').fill(integrity);
      await page.locator('#ed-copy').click();
      await eventually(async () => assert((await page.locator('#ed-copy + .ed-status').textContent()) === 'Copied', 'Copied'), { what: 'the confirmation' });
      const snippet = await clipboard(page);
      assert(snippet === (await editor.snippet()), 'the clipboard holds the code shown');
      assert(snippet.includes(`integrity="${integrity}"`), 'with the integrity hash');
      const articlePage = await page.context().newPage();
      const errors = [];
      articlePage.on('pageerror', (e) => errors.push(e.message));
      articlePage.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await articlePage.route('**/editor-article.html', (route) => route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title></head><body><article><h1>An article</h1><p>Before.</p>\n${snippet}\n<p>After.</p></article></body></html>`,
      }));
      await articlePage.goto(`${article.url}editor-article.html`);
      // The element's attributes as pasted (the loader's own style, the reserved height,
      // is checked below).
      const attributes = await articlePage.locator('[data-timeline]').evaluate((el) => Object.fromEntries([...el.attributes].filter((a) => a.name !== 'style').map((a) => [a.name, a.value])));
      assert(JSON.stringify(attributes) === JSON.stringify({
        'data-timeline': '', 'data-height': options.height, 'data-lang': options.lang, 'data-start': options.start, 'data-end': options.end,
        'data-event': options.event, 'data-categories': options.categories.join(','), 'data-theme': options.theme,
      }), `the element's attributes: ${JSON.stringify(attributes)}`);
      const widget = await new Widget(articlePage, '[data-timeline]').ready();
      await widget.expectSelected(options.event, 'the event selected first, in the article');
      const root = await widget.locator('.tl-root').evaluate((el) => ({ lang: el.lang, theme: el.dataset.theme }));
      assert(root.lang === 'fr' && root.theme === 'dark', `article widget ${JSON.stringify(root)}`);
      const view = await widget.view();
      assert(Math.abs(view.start - previewView.start) < 0.01 && Math.abs(view.end - previewView.end) < 0.01, `the article's window ${view.start}..${view.end}, the preview's ${previewView.start}..${previewView.end}`);
      const shown = await widget.locator('[data-category][aria-pressed="true"]').evaluateAll((els) => els.map((e) => e.dataset.category).sort());
      assert(JSON.stringify(shown) === JSON.stringify(options.categories), `article categories ${shown}`);
      const count = await widget.count();
      const matching = ps752.events.filter((e) => options.categories.includes(e.category)).length;
      assert(count === `${matching} sur ${ps752.events.length} événements`, `article count: ${count}`);
      const minHeight = await articlePage.locator('[data-timeline]').evaluate((el) => el.style.minHeight);
      assert(minHeight === options.height, `the reserved height ${minHeight}`);
      assert(errors.length === 0, `the article's errors: ${errors.join('\n')}`);
    } finally {
      await article.close();
    }
  },

  'the downloaded JSON validates and holds the same events': async ({ page, url }) => {
    const editor = await Editor.open(page, url);
    const tl = timelinejs3();
    await editor.paste(tl.text.replace('"month": "13"', '"month": "12"'));
    await editor.checked({ errors: 0 });
    await editor.previewCount(tl.events);
    const { name, text } = await downloaded(page, page.locator('#ed-download-json'));
    assert(name === 'timeline.json', name);
    const doc = JSON.parse(text);
    assert(doc.events.length === tl.events, `${doc.events.length} events`);
    const titles = doc.events.map((e) => (typeof e.title === 'string' ? e.title : e.title.en));
    assert(JSON.stringify(titles) === JSON.stringify(['The first event', 'The second event', 'The third event', 'The fourth event']), `titles ${titles}`);
    assert(doc.events[2].date === '2010-12', `the fixed date ${doc.events[2].date}`);
    // Ours, and valid: the editor reads it as our format without an error (the
    // TimelineJS3 file's warnings, sources that are missing, stay warnings).
    await editor.paste(text);
    await editor.checked({ errors: 0 });
    await editor.previewCount(tl.events);
    // Our own data goes out as it came in.
    await editor.paste(ps752Text);
    await editor.checked({ errors: 0, warnings: 0 });
    const ours = JSON.parse((await downloaded(page, page.locator('#ed-download-json'))).text);
    const key = (e) => JSON.stringify([e.id, e.date, e.end_date ?? null, e.category, e.title, e.summary, e.sources]);
    assert(JSON.stringify(ours.events.map(key)) === JSON.stringify(ps752.events.map(key)), 'the same events');
  },

  'the no-JS fallback in each language is the one make dist writes, and the template downloads': async ({ page, url }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const editor = await Editor.open(page, url);
    await editor.paste(read('assets/events.json'));
    await editor.checked({ errors: 0, warnings: 0 });
    for (const [lang, file] of [['en', 'fallback.html'], ['fr', 'fallback-fr.html'], ['fa', 'fallback-fa.html']]) {
      const row = page.locator(`.ed-fallbacks [data-lang="${lang}"]`);
      await row.locator('[data-action="copy-fallback"]').click();
      await eventually(async () => assert((await row.locator('.ed-status').textContent()) === 'Copied', 'Copied'), { what: `${lang} copied` });
      const expected = fs.readFileSync(path.join(embed, file), 'utf8');
      const copied = await clipboard(page);
      assert(copied === expected, `${lang}: the copied fallback differs from dist/embed/${file} (${copied.length} and ${expected.length} characters)`);
      const { name, text } = await downloaded(page, row.locator('[data-action="download-fallback"]'));
      assert(name === `fallback-${lang}.html` && text === expected, `${lang}: the downloaded fallback`);
    }
    assert(bundled.events.length > 0);
    const template = await downloaded(page, page.locator('#ed-template-download'));
    assert(template.name === 'template.csv' && template.text === read('assets/template.csv'), 'the template');
    await page.locator('#ed-template').click();
    await editor.checked({ errors: 0 });
    assert((await editor.text.inputValue()).startsWith('type,id,date,'), 'the template in the editor');
  },

  'a 10,000-event paste keeps the page responsive while typing': async ({ page, url }) => {
    const n = 10_000;
    const categories = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, label: `Category ${id}`, color: ['#1f77b4', '#d62728', '#2ca02c', '#9467bd'][i] }));
    const events = Array.from({ length: n }, (_, i) => {
      const y = 1950 + Math.floor(i / 140);
      const m = 1 + (i % 12);
      const d = 1 + (i % 28);
      return {
        id: `event-${i}`, date: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, category: categories[i % 4].id,
        title: `Event number ${i}`, summary: `A generated event for the editor's responsiveness test, number ${i}.`,
        sources: [{ title: `Source ${i}`, publisher: 'Test', url: `https://example.org/${i}` }],
      };
    });
    const text = JSON.stringify({ title: 'Ten thousand events', updated: '2026-12-01', categories, events }, null, 2);
    const editor = await Editor.open(page, url);
    await editor.paste(text);
    await editor.checked({ errors: 0, warnings: 0, what: 'the 10,000 events checked' });
    await editor.previewCount(n, 'the 10,000 events in the preview');
    // From here on, every task over 50 ms is recorded.
    await page.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: Math.round(e.duration) })))).observe({ type: 'longtask' });
      window.longTaskStarts = [];
      new PerformanceObserver((list) => window.longTaskStarts.push(...list.getEntries().map((e) => `${Math.round(performance.timeOrigin + e.startTime)}+${Math.round(e.duration)}`))).observe({ type: 'longtask' });
    });
    // Scroll to event 5000's title, as a reader would: the textarea's window of lines
    // follows (src/editor/text_area.rs).
    const target = '"Event number 5000"';
    const line = text.slice(0, text.indexOf(target)).split('\n').length;
    await page.locator('.ed-scroller').evaluate((el, line) => { el.scrollTop = (line - 1) * 20 - 100; }, line);
    await eventually(async () => {
      const window = await editor.text.evaluate((el) => ({ first: Number(el.dataset.firstLine), lines: el.value.split('\n').length }));
      assert(window.first <= line && line < window.first + window.lines, `the window is lines ${window.first}+${window.lines}, not around ${line}`);
    }, { what: 'the window around the scrolled-to line' });
    await editor.text.evaluate((el, target) => {
      const at = el.value.indexOf(target) + target.length - 1;
      el.focus();
      el.setSelectionRange(at, at);
    }, target);
    const started = Date.now();
    const typingFrom = await page.evaluate(() => performance.now());
    // A reader's typing: one key at a time, with the pauses between keys of a fast typist.
    await page.keyboard.type(' (edited)', { delay: 40 });
    const typingTo = await page.evaluate(() => performance.now());
    const typed = Date.now() - started;
    await eventually(async () => assert((await editor.text.inputValue()).includes('"Event number 5000 (edited)"'), 'typed'), { what: 'the typed text' });
    await editor.checked({ errors: 0 });
    const all = await page.evaluate(() => window.longTasks);
    // While typing: the tasks that began between the first key and the last. The check
    // of the edited text, debounced, runs after the last key; its time is reported.
    const tasks = all.filter((t) => t.start >= typingFrom && t.start <= typingTo).map((t) => t.duration);
    const after = all.filter((t) => t.start > typingTo).map((t) => t.duration);
    if (process.env.DEBUG_TASKS) console.log(await page.evaluate(() => window.longTaskStarts.join(' ')));
    console.log(`     10,000 events: typed 9 keys in ${typed} ms; long tasks while typing (ms): ${tasks.length ? tasks.join(', ') : 'none'}; after the last key (the check): ${after.length ? after.join(', ') : 'none'}`);
    // The checker read the edit: the preview's search finds the edited title.
    await editor.preview.locator('input[type="search"]').fill('5000 (edited)');
    await eventually(async () => assert((await editor.preview.count()) === '1 of 10,000 events', await editor.preview.count()), { what: 'the edited event found' });
    assert(tasks.every((t) => t <= 200), `a task over 200 ms while typing: ${tasks.join(', ')}`);
  },

  'axe-core finds nothing, in each language, with problems listed': async ({ page, url }) => {
    for (const lang of ['en', 'fr', 'fa']) {
      const editor = await Editor.open(page, url, `?lang=${lang}`);
      await eventually(async () => assert((await page.evaluate(() => document.documentElement.lang)) === lang, 'page lang'), { what: `${lang} page` });
      await axe(page, `${lang}, empty`);
      await editor.paste(timelinejs3().text);
      await editor.checked({ errors: 1 });
      await editor.preview.ready();
      await axe(page, `${lang}, with a problem and the preview`);
      if (lang === 'fa') assert((await page.evaluate(() => document.documentElement.dir)) === 'rtl', 'Persian is right to left');
    }
    // The page's strings follow its language switch.
    await page.locator('.ed-languages button[lang="fr"]').click();
    await eventually(async () => assert((await page.locator('.ed-header h1').textContent()) === 'Éditeur de ligne du temps', 'French title'), { what: 'switched' });
  },

  "the main page's footer links the editor": async ({ page, url }) => {
    await page.goto(url);
    await page.locator('footer a[href="editor.html"]').click();
    await page.waitForURL(/editor\.html/);
    await new Editor(page).text.waitFor();
  },
};

// The 404 of the failing address is the point of its test.
await run(tests, { root: site, ignoreErrors: /missing\.csv/ });
