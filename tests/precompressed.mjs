// Browser-free checks of dist/embed/'s precompressed twins (scripts/precompress.mjs, run
// by `make dist`): every file has a .br and a .gz that decompress to it byte for byte (so
// none is stale, embed.js's included: its twins are of the final loader, with its hashes),
// no twin is left without its file, and the integrity hashes (embed.js's table, the
// snippet's) are those of the plain files, which is what a browser checks after it has
// undone the Content-Encoding. `make test` runs it (target `precompressed`).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { isTwin, originals } from '../scripts/precompress.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(repo, 'dist/embed');
if (!fs.existsSync(path.join(dir, 'embed.js'))) {
  console.error('ERROR: dist/embed/embed.js is missing: run `make dist` first.');
  process.exit(1);
}

const sri = (bytes, algorithm = 'sha384') => `${algorithm}-${crypto.createHash(algorithm).update(bytes).digest('base64')}`;
const read = (name) => fs.readFileSync(path.join(dir, name));
let checks = 0;

function check(name, fn) {
  fn();
  checks += 1;
  console.log(`ok   ${name}`);
}

const files = originals(dir).map((f) => path.basename(f));
check('dist/embed holds the loader, the modules and their glue', () => {
  for (const name of ['embed.js', 'timeline.js', 'timeline_bg.wasm', 'convert.js', 'convert_bg.wasm', 'events.json', 'events.en.json', 'events.fr.json', 'events.fa.json', 'fallback.html', 'snippet.html']) {
    assert.ok(files.includes(name), `${name} is missing`);
  }
});

for (const name of files) {
  check(`${name}: its .br and .gz decompress to it`, () => {
    const original = read(name);
    for (const [ext, decompress] of [['br', zlib.brotliDecompressSync], ['gz', zlib.gunzipSync]]) {
      const twin = `${name}.${ext}`;
      assert.ok(fs.existsSync(path.join(dir, twin)), `${twin} is missing`);
      const bytes = read(twin);
      assert.ok(decompress(bytes).equals(original), `${twin} does not decompress to ${name} (stale or corrupt)`);
      // A twin is only worth serving when it is smaller (tiny files may not be).
      if (original.length > 1024) assert.ok(bytes.length < original.length, `${twin} (${bytes.length} B) is not smaller than ${name} (${original.length} B)`);
    }
    // gzip -n: no file name and no time in the header (the same input, the same bytes).
    const gz = read(`${name}.gz`);
    assert.equal(gz[3] & 0x08, 0, `${name}.gz carries a file name`);
    assert.equal(gz.readUInt32LE(4), 0, `${name}.gz carries a time`);
  });
}

check('no twin without its file', () => {
  const orphans = fs.readdirSync(dir).filter((name) => isTwin(name) && !files.includes(name.replace(/\.(br|gz)$/, '')));
  assert.deepEqual(orphans, []);
});

check("the integrity hashes are the plain files', the loader's and the snippet's", () => {
  const loader = read('embed.js').toString('utf8');
  const hashed = ['embed-mount.js', 'timeline.js', 'timeline_bg.wasm', 'events.en.json', 'events.fr.json', 'events.fa.json', 'timeline.css'].filter((name) => files.includes(name));
  assert.ok(hashed.length >= 6, `hashed files: ${hashed}`);
  // The loader's table is sha256 (smaller); the snippet's pin of embed.js is sha384.
  for (const name of hashed) assert.ok(loader.includes(sri(read(name), 'sha256')), `embed.js does not carry the hash of ${name}`);
  const own = sri(read('embed.js'));
  assert.equal(read('embed.js.sri').toString('utf8').trim(), own, 'embed.js.sri');
  assert.ok(read('snippet.html').toString('utf8').includes(`integrity="${own}"`), 'snippet.html carries the hash of embed.js');
  // The converter's hashes are in embed-mount.js (whose own hash the loader carries).
  const mount = read('embed-mount.js').toString('utf8');
  for (const name of ['convert.js', 'convert_bg.wasm']) assert.ok(mount.includes(sri(read(name), 'sha256')), `embed-mount.js does not carry the hash of ${name}`);
});

console.log(`${checks} passed, 0 failed`);
