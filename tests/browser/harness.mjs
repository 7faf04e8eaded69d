// A small browser-test harness: serves a folder on loopback, starts Debian's Chromium
// through playwright-core (never a downloaded browser) and runs named tests, each in a
// fresh browser context. Exits non-zero when a test fails.
//
// What it gives a test, in place of fixed sleeps:
// - `eventually(fn)`: retries an assertion until it holds, then throws its last error;
// - `openWidget(page, url)` / `new Widget(page, host)`: a small model of one timeline
//   widget (on the page, or inside the shadow root of `host`): its view as the stage's
//   data-view-* attributes say, a wait for the view to change, a wait for its glides (CSS
//   transitions) to finish, its count, its selection and focus.
// A failed test leaves, under tests/browser/out/: failed-<test>.png (the page when it
// failed), failed-<test>.log (the error, the page's console and errors) and
// failed-<test>.trace.zip (a Playwright trace: `node_modules/.bin/playwright-core
// show-trace <file>`; TRACE=0 turns tracing off).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The repository's root. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The path of axe-core's script, for `page.addScriptTag`. */
export const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The suites' built folders and files: exits with what to run when one is missing. */
export function requireBuilt(files) {
  for (const [file, how] of files) {
    if (!fs.existsSync(path.join(REPO, file))) {
      console.error(`ERROR: ${file} is missing: run \`${how}\` first.`);
      process.exit(1);
    }
  }
}

/** Where failed tests leave their screenshot, log and trace (gitignored). */
export const OUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Serves `root` on 127.0.0.1 at a free port; resolves to { url, close }. A request
 * with `?csp=<policy>` gets that Content-Security-Policy header. */
export function serve(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
      // A test asks for a Content-Security-Policy on its page with ?csp=<policy>.
      const csp = url.searchParams.get('csp');
      if (csp) headers['content-security-policy'] = csp;
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    timeout: 60_000,
  });
}

export class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AssertionError';
  }
}

export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

/** How long `eventually` and the widget's waits try before they give up (an upper bound,
 * never a pause: they return as soon as the state holds). */
export const WAIT_MS = 10_000;

/**
 * Runs `fn` (an assertion, sync or async) until it returns without throwing, and returns
 * what it returned. After `timeout` ms it throws the last error, its message prefixed with
 * `what` and how long it kept failing. The pause between tries is a polling interval, not
 * a condition: the first try that holds ends the wait.
 */
export async function eventually(fn, { timeout = WAIT_MS, interval = 25, what = 'eventually' } = {}) {
  const deadline = Date.now() + timeout;
  let tries = 0;
  for (;;) {
    tries += 1;
    try {
      return await fn();
    } catch (e) {
      if (Date.now() >= deadline) {
        const error = new AssertionError(`${what}: still failing after ${timeout} ms (${tries} tries): ${e?.message ?? e}`);
        error.cause = e;
        throw error;
      }
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * One timeline widget: the page's own (`host` null) or the one inside the shadow root of
 * the element `host` (a CSS selector; Playwright's CSS locators pierce open shadow roots).
 */
export class Widget {
  constructor(page, host = null) {
    this.page = page;
    this.host = host;
    this.scope = host ? page.locator(host) : page.locator(':root');
  }

  /** A locator for `selector` inside the widget. */
  locator(selector) {
    return this.scope.locator(selector);
  }

  get stage() {
    return this.locator('.tl-stage');
  }

  /** Waits until the stage, or the vertical timeline (a narrow widget's), shows an event. */
  async ready({ timeout = 20_000 } = {}) {
    await this.locator('.tl-stage [data-event-id], .tl-vertical [data-event-id]').first().waitFor({ timeout });
    return this;
  }

  /** The stage's window in days (its data-view-* attributes), the unit and calendar of its
   * axis, and its inner box (items are placed inside the border). */
  view() {
    return this.stage.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return {
        start: Number(el.dataset.viewStart),
        end: Number(el.dataset.viewEnd),
        unit: el.dataset.unit,
        calendar: el.dataset.calendar,
        left: r.left + el.clientLeft,
        top: r.top,
        width: el.clientWidth,
        height: r.height,
      };
    });
  }

  /** Waits until the view differs from `before` (a `view()`), then until the glide it
   * started is over; returns the new view. */
  async viewChange(before, { timeout = WAIT_MS, what = 'the view did not change' } = {}) {
    await eventually(async () => {
      const now = await this.view();
      assert(now.start !== before.start || now.end !== before.end, `still ${before.start}..${before.end}`);
    }, { timeout, what });
    await this.settled();
    return this.view();
  }

  /** Waits until no animation or transition runs in the widget: the jumps of the view
   * (buttons, Show all, a cluster, the overview, stepping to an event) glide for a moment,
   * so the boxes on the stage and the overview are where they end up only after that. */
  async settled({ timeout = WAIT_MS } = {}) {
    const running = await this.locator('.tl-root').evaluate(async (root, timeout) => {
      const deadline = performance.now() + timeout;
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (;;) {
        // getAnimations() brings the style up to date first, so a transition that the
        // last render starts is in the list.
        const animations = root.getAnimations({ subtree: true });
        if (animations.length === 0) return [];
        if (performance.now() > deadline) return animations.map((a) => `${a.constructor.name} ${a.transitionProperty ?? a.animationName ?? ''} on ${a.effect?.target?.className}`);
        const timer = new Promise((r) => setTimeout(r, Math.max(0, deadline - performance.now())));
        // A transition replaced by a newer one is cancelled: its `finished` rejects.
        await Promise.race([Promise.all(animations.map((a) => a.finished.catch(() => {}))), timer]);
        await frame();
      }
    }, timeout);
    assert(running.length === 0, `animations still running after ${timeout} ms: ${running.join('; ')}`);
  }

  /** Waits for two frames of the page: whatever an input already dispatched made the
   * widget do (its handlers and the render they schedule) has happened by then. For
   * asserting that an input changed nothing; a change is waited for with viewChange or
   * eventually instead. */
  rendered() {
    return this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  /** The count line ("36 of 36 events"). */
  count() {
    return this.locator('.tl-count').textContent();
  }

  /** The id of the event in the details (or the open card), or null when none is open. */
  selected() {
    return this.locator('.tl-details, .tl-vcard[data-open] .tl-vcard-head')
      .evaluateAll((els) => els[0]?.dataset.eventId ?? null);
  }

  /** Waits until the details (or, down the page, the open card) show event `id`. */
  async expectSelected(id, what) {
    await eventually(async () => {
      const now = await this.selected();
      assert(now === id, `expected ${id}, selected ${now}`);
    }, { what });
  }

  /** The element with keyboard focus, through shadow roots: its event id (or tag) and
   * whether it is on the stage. */
  focus() {
    return this.page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return { id: el?.dataset?.eventId ?? null, tag: el?.tagName ?? null, type: el?.type ?? null, onStage: !!el?.closest('.tl-stage') };
    });
  }

  /** Waits until keyboard focus is on the stage's element for event `id`. */
  async expectFocus(id, what) {
    await eventually(async () => {
      const f = await this.focus();
      assert(f.onStage && f.id === id, `focus is on ${f.id ?? f.tag}, not ${id}`);
    }, { what });
  }
}

/** Opens `url` and waits until its widget (see Widget) shows an event. */
export async function openWidget(page, url, { host = null, timeout = 20_000 } = {}) {
  await page.goto(url);
  return new Widget(page, host).ready({ timeout });
}

const slug = (name) => name.replace(/\W+/g, '-').replace(/^-|-$/g, '');

/** Per-test upper bound: a test stuck on a promise that never settles fails instead of
 * hanging the run. */
const TEST_MS = 120_000;

/**
 * Runs `tests` (name → async ({ page, url, outDir }) => void; a test may carry viewport,
 * locale, javaScriptEnabled, hasTouch), each in a fresh browser context; a page error or
 * console error (other than `ignoreErrors`) fails the test. ONLY=words runs the tests
 * whose name contains them. The last line is "N passed, N failed".
 */
export async function run(tests, { root, outDir = OUT_DIR, ignoreErrors = null }) {
  fs.mkdirSync(outDir, { recursive: true });
  const trace = process.env.TRACE !== '0';
  const site = await serve(root);
  const browser = await launch();
  let [failed, ran] = [0, 0];
  try {
    for (const [name, test] of Object.entries(tests)) {
      if (process.env.ONLY && !name.includes(process.env.ONLY)) continue;
      ran += 1;
      const artefact = (ext) => path.join(outDir, `failed-${slug(name)}.${ext}`);
      for (const ext of ['png', 'log', 'trace.zip']) fs.rmSync(artefact(ext), { force: true });
      const context = await browser.newContext({
        viewport: test.viewport ?? { width: 1280, height: 900 },
        javaScriptEnabled: test.javaScriptEnabled ?? true,
        hasTouch: test.hasTouch ?? false,
        // The browser's language, which the page follows when the URL names none.
        locale: test.locale ?? 'en-CA',
      });
      if (trace) await context.tracing.start({ screenshots: true, snapshots: true, title: name });
      const page = await context.newPage();
      const errors = [];
      const log = [];
      const started = Date.now();
      const stamp = () => `${String(Date.now() - started).padStart(6)} ms`;
      page.on('pageerror', (e) => {
        errors.push(`page error: ${e.message}`);
        log.push(`${stamp()} pageerror ${e.stack ?? e.message}`);
      });
      page.on('console', (m) => {
        log.push(`${stamp()} console.${m.type()} ${m.text()} (${m.location()?.url ?? ''})`);
        const expected = ignoreErrors && (ignoreErrors.test(m.text()) || ignoreErrors.test(m.location()?.url ?? ''));
        if (m.type() === 'error' && !expected) errors.push(`console error: ${m.text()}`);
      });
      page.on('requestfailed', (r) => log.push(`${stamp()} request failed ${r.url()} ${r.failure()?.errorText ?? ''}`));
      let timer;
      try {
        const timeout = new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the test did not end within ${TEST_MS / 1000} s`)), TEST_MS);
        });
        await Promise.race([test({ page, url: site.url, outDir }), timeout]);
        assert(errors.length === 0, errors.join('\n'));
        console.log(`ok   ${name} (${Date.now() - started} ms)`);
        if (trace) await context.tracing.stop();
      } catch (e) {
        failed += 1;
        const stack = String(e.stack ?? e) + (e.cause?.stack ? `\ncaused by: ${e.cause.stack}` : '');
        console.log(`FAIL ${name} (${Date.now() - started} ms)\n     ${stack.split('\n').join('\n     ')}`);
        await page.screenshot({ path: artefact('png') }).catch(() => {});
        fs.writeFileSync(artefact('log'), `${name}\n\n${stack}\n\nthe page's console, errors and failed requests:\n${log.join('\n')}\n`);
        if (trace) await context.tracing.stop({ path: artefact('trace.zip') }).catch(() => {});
        console.log(`     see ${path.relative(process.cwd(), artefact('log'))}, .png${trace ? ', .trace.zip' : ''}`);
      } finally {
        clearTimeout(timer);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  console.log(`${ran - failed} passed, ${failed} failed`);
  if (failed) process.exitCode = 1;
}
