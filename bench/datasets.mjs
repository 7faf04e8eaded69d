// Synthetic datasets for the peer benchmark, the same events written in three formats:
//   events-N.json      our format (docs/data-format.md)
//   events-N.vis.json  vis-timeline: { items: [{ id, content, title, start, end?, group }], groups }
//   events-N.tl.json   TimelineJS3: { events: [{ start_date, end_date?, text: { headline, text }, group }] }
//
// The generator follows src/model/synthetic.rs (SplitMix64, bursts of dense dates around a
// few hundred centres with spreads from days to years, 1950–2025, six categories, year /
// month / day precision, one event in twelve a range). Texts are plain strings in one
// language in every format, so each file carries the same content; ours adds the one
// source per event that our format requires. Same seed, same files.
//
//   node bench/datasets.mjs [outDir] [sizes…]     (default bench/out, 100 1000 10000 100000)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIZES = [100, 1_000, 10_000, 100_000];

const CATEGORIES = [
  ['diplomacy', 'Diplomacy', '#3f7ac4'],
  ['trade', 'Trade', '#a8913a'],
  ['security', 'Security', '#bb4037'],
  ['courts', 'Courts', '#735dab'],
  ['culture', 'Culture', '#2ca09a'],
  ['consular', 'Consular cases', '#c06932'],
];
const SUBJECTS = ['Delegation', 'Agreement', 'Ruling', 'Statement', 'Summit', 'Report', 'Sanctions', 'Exchange', 'Inquiry', 'Festival', 'Treaty', 'Hearing'];
const PLACES = ['Ottawa', 'Montréal', 'Toronto', 'Québec', 'Vancouver', 'Geneva', 'Paris', 'London', 'The Hague', 'New York'];

/** SplitMix64, as in src/model/synthetic.rs. */
function rng(seed) {
  const MASK = (1n << 64n) - 1n;
  let state = BigInt(seed);
  const next = () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
    return z ^ (z >> 31n);
  };
  return {
    unit: () => Number(next() >> 11n) / 2 ** 53,
    below: (n) => (n === 0 ? 0 : Number(next() % BigInt(n))),
  };
}

const DAY_MS = 86_400_000;
const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / DAY_MS;
const ymd = (day) => {
  const t = new Date(day * DAY_MS);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** A date at a precision: { year, month?, day? }, with its first and last day numbers. */
function dateAt(day, precision) {
  const [y, m, d] = ymd(day);
  if (precision === 'year') return { year: y, first: dayOf(y, 1, 1), last: dayOf(y + 1, 1, 1) - 1 };
  if (precision === 'month') return { year: y, month: m, first: dayOf(y, m, 1), last: dayOf(y, m + 1, 1) - 1 };
  return { year: y, month: m, day: d, first: day, last: day };
}
const ours = (date) => [pad(date.year, 4), date.month && pad(date.month), date.day && pad(date.day)].filter(Boolean).join('-');
const iso = (day) => ymd(day).map((x, i) => pad(x, i ? 2 : 4)).join('-');
const tlDate = ({ year, month, day }) => ({ year, ...(month && { month }), ...(day && { day }) });

/** The `n` events for `seed`, sorted by start: { id, start, end?, category, title, summary }. */
export function generate(n, seed = 1) {
  const r = rng(seed);
  const first = dayOf(1950, 1, 1);
  const last = dayOf(2025, 12, 31);
  const bursts = Array.from({ length: Math.min(400, Math.max(4, Math.floor(n / 25))) }, () => ({
    centre: first + r.below(last - first),
    // Spread from a few days to a few years, log-uniformly.
    spread: 3 * 400 ** r.unit(),
  }));
  const events = Array.from({ length: n }, (_, k) => {
    const { centre, spread } = bursts[r.below(bursts.length)];
    // Sum of uniforms: roughly bell-shaped around the burst centre.
    const offset = (r.unit() + r.unit() + r.unit() - 1.5) * spread;
    const day = Math.min(last, Math.max(first, centre + Math.trunc(offset)));
    const p = r.below(10);
    const start = dateAt(day, p === 0 ? 'year' : p <= 2 ? 'month' : 'day');
    const end = r.below(12) === 0 ? dateAt(Math.min(last, start.last + 1 + r.below(900)), 'day') : null;
    const [category] = CATEGORIES[r.below(CATEGORIES.length)];
    const subject = SUBJECTS[r.below(SUBJECTS.length)];
    const place = PLACES[r.below(PLACES.length)];
    return {
      id: `e${k}`,
      start,
      end,
      category,
      title: `${subject} in ${place} (event ${k})`,
      summary: `Synthetic event number ${k}, generated for benchmarks.`,
    };
  });
  return events.sort((a, b) => a.start.first - b.start.first || (a.end?.last ?? a.start.last) - (b.end?.last ?? b.start.last));
}

/** Our format (docs/data-format.md). */
export function toOurs(events) {
  return {
    title: `Synthetic timeline of ${events.length} events`,
    updated: '2025-12-31',
    categories: CATEGORIES.map(([id, label, color]) => ({ id, label, color })),
    events: events.map((e) => ({
      id: e.id,
      date: ours(e.start),
      ...(e.end && { end: ours(e.end) }),
      category: e.category,
      title: e.title,
      summary: e.summary,
      sources: [{ title: 'Synthetic source', publisher: 'Generator', url: `https://example.org/events/${e.id}` }],
    })),
  };
}

/** vis-timeline: a DataSet's items and groups. vis has no date precision: a date is its first day. */
export function toVis(events) {
  return {
    groups: CATEGORIES.map(([id, label]) => ({ id, content: label })),
    items: events.map((e) => ({
      id: e.id,
      content: e.title,
      title: e.summary,
      start: iso(e.start.first),
      // vis ranges end at an instant: the day after the last day covered.
      ...(e.end && { end: iso(e.end.last + 1) }),
      group: e.category,
    })),
  };
}

/** TimelineJS3's JSON (one slide per event; `group` is a label shown as a row). */
export function toTimelineJS(events) {
  const label = Object.fromEntries(CATEGORIES.map(([id, l]) => [id, l]));
  return {
    events: events.map((e) => ({
      start_date: tlDate(e.start),
      ...(e.end && { end_date: tlDate(e.end) }),
      text: { headline: e.title, text: e.summary },
      group: label[e.category],
      unique_id: e.id,
    })),
  };
}

/** Writes the three files for each size into `dir`; returns their paths by size. */
export function writeAll(dir, sizes = SIZES, seed = 1) {
  fs.mkdirSync(dir, { recursive: true });
  const files = {};
  for (const n of sizes) {
    const events = generate(n, seed);
    files[n] = {
      ours: `events-${n}.json`,
      vis: `events-${n}.vis.json`,
      timelinejs: `events-${n}.tl.json`,
    };
    fs.writeFileSync(path.join(dir, files[n].ours), JSON.stringify(toOurs(events)));
    fs.writeFileSync(path.join(dir, files[n].vis), JSON.stringify(toVis(events)));
    fs.writeFileSync(path.join(dir, files[n].timelinejs), JSON.stringify(toTimelineJS(events)));
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = process.argv[2] ?? path.join(here, 'out');
  const sizes = process.argv.length > 3 ? process.argv.slice(3).map(Number) : SIZES;
  writeAll(dir, sizes);
  for (const f of fs.readdirSync(dir).filter((f) => f.startsWith('events-')).sort()) {
    console.log(`${String(fs.statSync(path.join(dir, f)).size).padStart(10)}  ${f}`);
  }
}
