#!/usr/bin/env node
// Writes a wide, seeded benchmark CSV for scripts/bench-scale.sh (into datasets/bench/, git-ignored):
//
//   node scripts/bench-wide.mjs --columns 1000 --rows 2000 --seed 15 --out datasets/bench/wide-1000x2000.csv
//   node scripts/bench-wide.mjs --columns 1000 --rows 2000 --seed 16 --drift --out …-serving.csv
//
// The same arguments always give the same bytes (a seeded xorshift generator, no Math.random).
// The seed draws the rows; each column's centre and scale are drawn from seed 15 whatever the
// seed, so files of the same width follow the same distributions. --drift shifts every 100th
// column (f3, f103, …) by two of its standard deviations, as serving data that drifted would.
// There are `columns - 1` features f0 … f{n} and a yes/no `label`. The features cycle through ten
// kinds a real wide table has: decimals on different scales, a skewed decimal, counts, a small
// integer code, a categorical code, a decimal with 2% missing values, and, every 50th column, a
// near copy of the column before it (so the audit has correlated pairs to find, a fixed share of
// the columns whatever the width). The label depends on f0 and f1 with noise.
// Only Node built-ins; the file is written to a temporary name and renamed when complete.

import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    columns: { type: 'string' },
    rows: { type: 'string' },
    seed: { type: 'string', default: '15' },
    out: { type: 'string' },
    drift: { type: 'boolean', default: false },
  },
});
for (const k of ['columns', 'rows', 'out']) {
  if (!args[k]) {
    console.error(`bench-wide.mjs: missing --${k}`);
    process.exit(2);
  }
}
const columns = Number(args.columns);
const rows = Number(args.rows);
if (!(columns >= 2) || !(rows >= 1)) {
  console.error('bench-wide.mjs: --columns must be at least 2 and --rows at least 1');
  process.exit(2);
}
const features = columns - 1;

// xorshift64*: small, fast, and the same on every platform (BigInt-free 32-bit halves would be
// faster, but this is not the bottleneck next to string building)
const MASK = (1n << 64n) - 1n;
const seeded = (seed) => BigInt(seed) * 0x9e3779b97f4a7c15n + 1n; // wider than 64 bits at first: kept so, as the files were made
let state = seeded(args.seed);
function next53() {
  state ^= state >> 12n;
  state ^= (state << 25n) & MASK;
  state ^= state >> 27n;
  return Number(((state * 0x2545f4914f6cdd1dn) & MASK) >> 11n) / 2 ** 53;
}
// Uniform [0,1) from a 32-bit mulberry stream seeded from the 64-bit one: the per-value path.
let m = Number(next53() * 2 ** 32) >>> 0;
function uniform() {
  m = (m + 0x6d2b79f5) | 0;
  let t = Math.imul(m ^ (m >>> 15), 1 | m);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function normal() {
  // Irwin–Hall approximation: cheap and bounded, good enough for benchmark data
  return uniform() + uniform() + uniform() + uniform() + uniform() + uniform() - 3;
}

// per-column scale and centre, from seed 15 whatever the seed (its first draw seeded the rows)
state = seeded(15);
next53();
const scale = [];
const centre = [];
for (let j = 0; j < features; j++) {
  scale.push(1 + Math.floor(next53() * 100));
  centre.push(Math.floor(next53() * 1000) - 500);
}
const fixed2 = (x) => (Math.round(x * 100) / 100).toString();

const header = [];
for (let j = 0; j < features; j++) header.push(`f${j}`);
header.push('label');

const tmp = join(dirname(args.out), `.${basename(args.out)}.${process.pid}.tmp`);
const fd = openSync(tmp, 'w');
process.on('SIGINT', () => {
  rmSync(tmp, { force: true });
  process.exit(130);
});
try {
  writeSync(fd, header.join(',') + '\n');
  const values = new Array(columns);
  let chunk = [];
  let chunkBytes = 0;
  for (let r = 0; r < rows; r++) {
    const numbers = new Float64Array(features);
    for (let j = 0; j < features; j++) {
      const kind = j % 10;
      let x;
      let text;
      if (j % 50 === 49) {
        x = numbers[j - 1] + normal() * 0.01 * scale[j - 1]; // a near copy of the column before
        text = fixed2(x);
      } else if (kind === 4) {
        x = Math.floor(uniform() * 1000);
        text = String(x);
      } else if (kind === 5) {
        x = Math.floor(uniform() * uniform() * 10);
        text = String(x);
      } else if (kind === 6) {
        x = Math.floor(uniform() * uniform() * 8);
        text = `k${x}`;
      } else if (kind === 7) {
        x = centre[j] + normal() * scale[j];
        text = uniform() < 0.02 ? '' : fixed2(x);
      } else if (kind === 8) {
        x = Math.exp(normal()) * scale[j];
        text = fixed2(x);
      } else {
        x = centre[j] + normal() * scale[j] + (args.drift && j % 100 === 3 ? 2 * scale[j] : 0);
        text = fixed2(x);
      }
      numbers[j] = x;
      values[j] = text;
    }
    const signal = (numbers[0] - centre[0]) / scale[0] + (features > 1 ? (numbers[1] - centre[1]) / scale[1] : 0);
    values[features] = signal + normal() > 0 ? 'yes' : 'no';
    const line = values.join(',') + '\n';
    chunk.push(line);
    chunkBytes += line.length;
    if (chunkBytes > 1 << 22) {
      writeSync(fd, chunk.join(''));
      chunk = [];
      chunkBytes = 0;
    }
  }
  writeSync(fd, chunk.join(''));
  closeSync(fd);
  renameSync(tmp, args.out);
} catch (e) {
  rmSync(tmp, { force: true });
  throw e;
}
