#!/usr/bin/env node
// Writes the benchmark CSV files of ProdML Lab (datasets/bench/, git-ignored) from
// flights-3m.parquet of vega-datasets. Called by scripts/bench-data.sh, which provides
// the parquet file and a directory with the npm packages hyparquet and hyparquet-compressors.
//
//   node scripts/bench-data.mjs --parquet <flights-3m.parquet> --datapackage <datapackage.json>
//                               --deps <dir with node_modules> --out <dir> [--force]
//
// Output: flights-200k.csv, flights-1m.csv (the first 200,000 / 1,000,000 rows) and
// flights-3m.csv (all rows), columns date,delay,distance,origin,destination, with the CSV
// conventions of datasets/README.md. The parquet stores `date` as INT64 TIMESTAMP(MICROS)
// with isAdjustedToUTC=false, i.e. a zone-less wall-clock time; it is formatted with UTC
// field accessors, which reproduces that wall-clock value without any zone shift.
//
// Rows are decoded one row group at a time and written in chunks, so memory stays bounded.
// Existing complete files (right header, right number of lines, trailing newline) are
// skipped unless --force is given. Each file is written to a temporary file in the output
// folder and renamed when complete.

import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const COLUMNS = ['date', 'delay', 'distance', 'origin', 'destination'];
const HEADER = COLUMNS.join(',') + '\n';
const CHUNK_ROWS = 16384;

function fail(msg) {
  console.error(`bench-data.mjs: ${msg}`);
  process.exit(1);
}

const { values: args } = parseArgs({
  options: {
    parquet: { type: 'string' },
    datapackage: { type: 'string' },
    deps: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
for (const k of ['parquet', 'datapackage', 'deps', 'out']) if (!args[k]) fail(`missing --${k}`);

const t0 = process.hrtime.bigint();
const seconds = () => Number(process.hrtime.bigint() - t0) / 1e9;
const fmtInt = (n) => n.toLocaleString('en-US');

// --- verify the parquet against the package metadata (git blob sha1 and size) ---------------
const dp = JSON.parse(readFileSync(args.datapackage, 'utf8'));
const res = dp.resources.find((r) => r.path === 'flights-3m.parquet');
if (!res) fail('datapackage.json has no flights-3m.parquet');
{
  const size = statSync(args.parquet).size;
  if (res.bytes !== undefined && res.bytes !== size) fail(`parquet has ${size} bytes, datapackage.json says ${res.bytes}`);
  const h = createHash('sha1').update(`blob ${size}\0`);
  for await (const chunk of createReadStream(args.parquet)) h.update(chunk);
  if (`sha1:${h.digest('hex')}` !== res.hash) fail(`parquet hash does not match datapackage.json ${res.hash}`);
}

// --- load hyparquet from the cache directory (never from the repository) ---------------------
const req = createRequire(join(resolve(args.deps), 'package.json'));
const hp = await import(pathToFileURL(req.resolve('hyparquet')).href);
const { compressors } = await import(pathToFileURL(req.resolve('hyparquet-compressors')).href);

const file = await hp.asyncBufferFromFile(args.parquet);
const metadata = await hp.parquetMetadataAsync(file);
const totalRows = Number(metadata.num_rows);

// Check the physical schema before trusting the conversion below.
const leaves = metadata.schema.slice(1).map((e) => ({ name: e.name, type: e.type, logical: e.logical_type }));
const expect = {
  date: (e) => e.type === 'INT64' && e.logical?.type === 'TIMESTAMP' && e.logical.unit === 'MICROS',
  delay: (e) => e.type === 'INT64' || e.type === 'INT32',
  distance: (e) => e.type === 'INT64' || e.type === 'INT32',
  origin: (e) => e.type === 'BYTE_ARRAY' && e.logical?.type === 'STRING',
  destination: (e) => e.type === 'BYTE_ARRAY' && e.logical?.type === 'STRING',
};
if (JSON.stringify(leaves.map((e) => e.name)) !== JSON.stringify(COLUMNS)) fail(`unexpected columns ${leaves.map((e) => e.name)}`);
for (const e of leaves) if (!expect[e.name](e)) fail(`unexpected type for ${e.name}: ${JSON.stringify(e)}`);

const targets = [
  { file: 'flights-200k.csv', rows: 200_000 },
  { file: 'flights-1m.csv', rows: 1_000_000 },
  { file: 'flights-3m.csv', rows: totalRows },
].map((t) => ({ ...t, path: join(resolve(args.out), t.file) }));
for (const t of targets) if (t.rows > totalRows) fail(`${t.file}: parquet has only ${totalRows} rows`);

/** Complete = header as expected, exactly rows+1 lines, ends with a newline. */
async function isComplete(t) {
  if (!existsSync(t.path)) return false;
  let lines = 0, first = null, last = -1;
  for await (const chunk of createReadStream(t.path, { highWaterMark: 1 << 20 })) {
    if (first === null) first = chunk.subarray(0, HEADER.length).toString('utf8');
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    last = chunk[chunk.length - 1];
  }
  return first === HEADER && last === 10 && lines === t.rows + 1;
}

mkdirSync(resolve(args.out), { recursive: true });
const todo = [];
for (const t of targets) {
  if (!args.force && (await isComplete(t))) {
    t.status = 'kept';
  } else {
    t.status = 'written';
    todo.push(t);
  }
}

function csvField(s) {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const MINUTE_US = 60_000_000n;
let lastMicros = null, lastText = '';
function formatDate(us) {
  if (us === lastMicros) return lastText;
  if (us % MINUTE_US !== 0n) fail(`timestamp ${us} has seconds; the CSV format only keeps minutes`);
  lastMicros = us;
  lastText = new Date(Number(us / 1000n)).toISOString().slice(0, 16); // YYYY-MM-DDTHH:MM, wall clock
  return lastText;
}
const cell = (v) => (v === null || v === undefined ? '' : typeof v === 'string' ? csvField(v) : String(v));

if (todo.length) {
  const limit = Math.max(...todo.map((t) => t.rows));
  for (const t of todo) {
    t.tmp = join(resolve(args.out), `.${basename(t.path)}.${process.pid}.tmp`);
    t.fh = await open(t.tmp, 'w');
    await t.fh.write(HEADER);
    t.first = null;
    t.last = null;
  }
  const cleanup = () => { for (const t of todo) rmSync(t.tmp, { force: true }); };
  process.on('SIGINT', () => { cleanup(); process.exit(130); });

  try {
    let groupStart = 0;
    let written = 0; // rows emitted so far
    let prevDate = null, unsorted = 0;
    for (const rg of metadata.row_groups) {
      const groupEnd = groupStart + Number(rg.num_rows);
      if (groupStart >= limit) break;
      const rowEnd = Math.min(groupEnd, limit);
      let rows;
      await hp.parquetRead({
        file, metadata, compressors, columns: COLUMNS, rowStart: groupStart, rowEnd,
        parsers: { timestampFromMicroseconds: (us) => us }, // keep raw BigInt micros, format ourselves
        onComplete: (r) => { rows = r; },
      });
      if (rows.length !== rowEnd - groupStart) fail(`row group at ${groupStart}: got ${rows.length} rows`);
      for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
        const part = rows.slice(i, i + CHUNK_ROWS);
        const lines = part.map((r) => {
          const d = r[0] === null || r[0] === undefined ? '' : formatDate(r[0]);
          if (prevDate !== null && d < prevDate) unsorted++;
          prevDate = d;
          return `${d},${cell(r[1])},${cell(r[2])},${cell(r[3])},${cell(r[4])}\n`;
        });
        const chunkStart = written;
        const chunkEnd = written + lines.length;
        const whole = lines.join('');
        for (const t of todo) {
          if (t.rows <= chunkStart) continue;
          const n = Math.min(chunkEnd, t.rows) - chunkStart;
          await t.fh.write(n === lines.length ? whole : lines.slice(0, n).join(''));
          if (t.first === null) t.first = lines[0].slice(0, 16);
          t.last = lines[n - 1].slice(0, 16);
        }
        written = chunkEnd;
      }
      groupStart = groupEnd;
    }
    if (written !== limit) fail(`wrote ${written} rows, expected ${limit}`);
    for (const t of todo) {
      await t.fh.close();
      renameSync(t.tmp, t.path);
    }
    if (unsorted) console.log(`note: ${unsorted} rows are earlier than the row before them`);
  } catch (e) {
    cleanup();
    throw e;
  }
}

console.log(`source: ${args.parquet} (${fmtInt(totalRows)} rows, ${metadata.row_groups.length} row groups, created by ${metadata.created_by})`);
for (const t of targets) {
  const bytes = statSync(t.path).size;
  const range = t.first ? `  ${t.first} … ${t.last}` : '';
  console.log(`${t.status.padEnd(8)} ${t.path}  ${fmtInt(t.rows)} rows  ${fmtInt(bytes)} bytes${range}`);
}
console.log(`done in ${seconds().toFixed(1)} s`);
