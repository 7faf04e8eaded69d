// Writes the precompressed twins of every file in the folders given, for servers that
// send a file's `.br` or `.gz` instead of compressing it on each request (README,
// "Serving the files"):
//   <file>.br  brotli, quality 11 (the largest window: these are static files)
//   <file>.gz  gzip -9 -n (Debian's gzip; -n: no name or time inside, so the same input
//              gives the same bytes)
// Brotli comes from Node's own zlib (the brotli library Node is built with): Node is
// already needed for the build, so nothing more is installed. Each twin is checked on the
// spot: it must decompress to its original, byte for byte. Existing .br and .gz files are
// replaced, never compressed again.
//
//   node scripts/precompress.mjs dist/embed
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

/** The brotli settings of `brotli -q 11` (its default window is the largest, 24). */
export const BROTLI = {
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
  },
};

/** Whether `name` is a twin this script writes (never compressed itself). */
export const isTwin = (name) => name.endsWith('.br') || name.endsWith('.gz');

/** The files of `dir` that get twins: every plain file but the twins themselves. */
export function originals(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !isTwin(entry.name))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

/** Writes `file`.br and `file`.gz; returns their sizes. Throws if one does not round-trip. */
export function precompress(file) {
  const original = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(original, { ...BROTLI, params: { ...BROTLI.params, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: original.length } });
  const gz = execFileSync('gzip', ['-9', '-n', '-c', file], { maxBuffer: 1 << 30 });
  if (!zlib.brotliDecompressSync(br).equals(original)) throw new Error(`${file}.br does not decompress to ${file}`);
  if (!zlib.gunzipSync(gz).equals(original)) throw new Error(`${file}.gz does not decompress to ${file}`);
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, gz);
  return { bytes: original.length, br: br.length, gz: gz.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: node scripts/precompress.mjs DIR...');
    process.exit(2);
  }
  for (const dir of dirs) {
    // Twins left from an earlier build of files that are gone would be served stale.
    for (const entry of fs.readdirSync(dir)) if (isTwin(entry)) fs.rmSync(path.join(dir, entry));
    console.log(`==> Precompressed twins in ${dir} (bytes: file, brotli -q 11, gzip -9)`);
    for (const file of originals(dir)) {
      const { bytes, br, gz } = precompress(file);
      console.log(`${String(bytes).padStart(8)} ${String(br).padStart(8)} ${String(gz).padStart(8)}  ${path.basename(file)}`);
    }
  }
}
