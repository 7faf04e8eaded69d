// A small browser-test harness: serves a folder on loopback, starts Debian's Chromium
// through playwright-core (never a downloaded browser) and runs named tests, each in a
// fresh page. Exits non-zero when a test fails.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

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

/** Serves `root` on 127.0.0.1 at a free port; resolves to { url, close }. */
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
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
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

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Runs `tests` (name → async ({ page, url }) => void), each in a fresh context with the
 * given viewport and browser language; a page error or console error (other than `ignoreErrors`) fails the test.
 */
export async function run(tests, { root, outDir = 'test-results', ignoreErrors = null }) {
  fs.mkdirSync(outDir, { recursive: true });
  const site = await serve(root);
  const browser = await launch();
  let [failed, ran] = [0, 0];
  try {
    for (const [name, test] of Object.entries(tests)) {
      // ONLY=words runs the tests whose name contains them.
      if (process.env.ONLY && !name.includes(process.env.ONLY)) continue;
      ran += 1;
      const context = await browser.newContext({
        viewport: test.viewport ?? { width: 1280, height: 900 },
        javaScriptEnabled: test.javaScriptEnabled ?? true,
        hasTouch: test.hasTouch ?? false,
        // The browser's language, which the page follows when the URL names none.
        locale: test.locale ?? 'en-CA',
      });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        const expected = ignoreErrors && (ignoreErrors.test(m.text()) || ignoreErrors.test(m.location()?.url ?? ''));
        if (m.type() === 'error' && !expected) errors.push(`console error: ${m.text()}`);
      });
      const started = Date.now();
      try {
        await test({ page, url: site.url, outDir });
        assert(errors.length === 0, errors.join('\n'));
        console.log(`ok   ${name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed += 1;
        console.log(`FAIL ${name}\n     ${String(e.stack ?? e).split('\n').join('\n     ')}`);
        await page.screenshot({ path: path.join(outDir, `failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
      } finally {
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
