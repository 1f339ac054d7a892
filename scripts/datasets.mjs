#!/usr/bin/env node
// Builds the committed teaching datasets of ProdML Lab from an unpacked
// vega-datasets npm package. Called by scripts/datasets.sh; uses Node built-ins only.
//
//   node scripts/datasets.mjs --src <dir of unpacked package> --out <repo>/datasets
//
// For every dataset it writes data.csv, dataset.json and DATASHEET.md (plus the
// seattle-weather time spans) and finally datasets/README.md. All numbers quoted in
// the generated Markdown are computed from the data here, not typed in by hand.
//
// CSV conventions: RFC 4180, header row, comma separator, fields quoted only when
// they contain a comma, a double quote, CR or LF; lines end with "\n"; a missing value
// is an empty field; numbers are written as they appear in the source; dates are
// YYYY-MM-DD and date-times YYYY-MM-DDTHH:MM (no zone).
//
// Every file is written atomically (temporary file in the same folder, then rename)
// and only when its content changed, so running the build twice is a no-op.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const PACKAGE = 'vega-datasets@3.2.1';
const REGENERATE = 'scripts/datasets.sh';
const CAVEAT =
  'vega-datasets itself warns that its per-dataset licence metadata is only a starting point, ' +
  'given without warranty; check the original source before reusing the data outside teaching.';

// ---------------------------------------------------------------------------------------------
// Small helpers

function fail(msg) {
  console.error(`datasets.mjs: ${msg}`);
  process.exit(1);
}

function sha(algo, data) {
  return createHash(algo).update(data).digest('hex');
}

/** datapackage.json lists `sha1:<git blob id>`, i.e. sha1 over "blob <size>\0" + content. */
function gitBlobSha1(data) {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
}

/** Atomic, change-aware write. Returns 'written' or 'unchanged'. */
function writeAtomic(path, content) {
  const buf = Buffer.from(content, 'utf8');
  if (existsSync(path) && readFileSync(path).equals(buf)) return 'unchanged';
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, buf);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return 'written';
}

/** RFC 4180 field: quote only when needed. null/undefined is a missing value: empty field. */
function csvField(v) {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(header, rows) {
  const out = [header.map(csvField).join(',')];
  for (const r of rows) out.push(r.map(csvField).join(','));
  return out.join('\n') + '\n';
}

/** Minimal RFC 4180 parser (quoted fields, doubled quotes, CRLF or LF). Returns string[][]. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { i++; continue; }
    if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
    field += c; i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const RE = {
  INTEGER: /^-?\d+$/,
  DOUBLE: /^-?\d+(\.\d+)?$/, // plain decimal notation only: no exponent, no NaN
  LOCAL_DATE: /^\d{4}-\d{2}-\d{2}$/,
  LOCAL_DATE_TIME: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
};

function validCalendarDate(s) {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** JSON value -> CSV text (null = missing). Numbers keep JS's shortest round-trip form. */
function jsonValue(v, where) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    const s = String(v);
    if (!RE.DOUBLE.test(s)) fail(`${where}: number ${s} would not be written in plain decimal form`);
    return s;
  }
  if (typeof v === 'string') {
    if (v === '') fail(`${where}: empty string would be indistinguishable from a missing value`);
    return v;
  }
  fail(`${where}: unsupported JSON value ${JSON.stringify(v)}`);
}

const count = (xs, pred) => xs.reduce((n, x) => n + (pred(x) ? 1 : 0), 0);
const pct = (n, total, digits = 1) => `${((100 * n) / total).toFixed(digits)} %`;
const fmtInt = (n) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// Tables and statistics

class Table {
  constructor(header, rows) {
    this.header = header;
    this.rows = rows;
  }
  idx(name) {
    const i = this.header.indexOf(name);
    if (i < 0) fail(`no column ${name}`);
    return i;
  }
  col(name) {
    const i = this.idx(name);
    return this.rows.map((r) => r[i]);
  }
  counts(name) {
    const m = new Map();
    for (const v of this.col(name)) m.set(v, (m.get(v) ?? 0) + 1);
    return m; // insertion order = order of first appearance
  }
  filter(pred) {
    return new Table(this.header, this.rows.filter(pred));
  }
}

function columnStats(table, name, type) {
  const vals = table.col(name);
  const present = vals.filter((v) => v !== null);
  const st = { name, type, missing: vals.length - present.length, distinct: new Set(present).size };
  if (type === 'INTEGER' || type === 'DOUBLE') {
    let lo = null, hi = null;
    for (const v of present) {
      if (lo === null || Number(v) < Number(lo)) lo = v;
      if (hi === null || Number(v) > Number(hi)) hi = v;
    }
    st.min = lo; st.max = hi;
  } else if (type === 'LOCAL_DATE' || type === 'LOCAL_DATE_TIME') {
    const sorted = [...present].sort();
    st.min = sorted[0]; st.max = sorted[sorted.length - 1];
  } else {
    st.values = [...table.counts(name)].filter(([v]) => v !== null);
  }
  return st;
}

function checkTypes(table, specs) {
  for (const c of specs) {
    const re = RE[c.type];
    const i = table.idx(c.name);
    table.rows.forEach((r, k) => {
      const v = r[i];
      if (v === null) return;
      if (re && !re.test(v)) fail(`${c.name} row ${k + 1}: ${JSON.stringify(v)} is not a ${c.type}`);
      if ((c.type === 'LOCAL_DATE' || c.type === 'LOCAL_DATE_TIME') && !validCalendarDate(v))
        fail(`${c.name} row ${k + 1}: ${v} is not a calendar date`);
      if (c.type === 'INTEGER' && Math.abs(Number(v)) > 2147483647) fail(`${c.name}: ${v} exceeds int range`);
    });
  }
}

function isSorted(values) {
  for (let i = 1; i < values.length; i++) if (values[i - 1] > values[i]) return false;
  return true;
}

function mdTable(head, rows) {
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

const indent = (text) => text.split('\n').map((l) => `  ${l}`).join('\n');

function rangeText(st) {
  if (st.values) {
    if (st.values.length <= 12) return st.values.map(([v, n]) => `\`${v}\` ${n}`).join(', ');
    const top = [...st.values].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
    return `${st.distinct} distinct; most frequent ${top.map(([v, n]) => `\`${v}\` ${n}`).join(', ')}`;
  }
  return `${st.min} … ${st.max}`;
}

// ---------------------------------------------------------------------------------------------
// Dataset definitions. Prose is ours; every number comes from the data via `s`.

const DATASETS = [
  {
    name: 'seattle-weather',
    title: 'Seattle daily weather 2012-2015',
    row: 'one day of weather observations at Seattle-Tacoma airport',
    resource: 'seattle-weather.csv',
    label: 'weather',
    task: 'classification',
    time: 'date',
    columns: [
      { name: 'date', type: 'LOCAL_DATE', description: 'Calendar day of the observation (local date, no time of day).' },
      { name: 'precipitation', type: 'DOUBLE', unit: 'mm', description: 'Total precipitation over the day.' },
      { name: 'temp_max', type: 'DOUBLE', unit: '°C', description: 'Highest air temperature of the day.' },
      { name: 'temp_min', type: 'DOUBLE', unit: '°C', description: 'Lowest air temperature of the day.' },
      {
        name: 'wind', type: 'DOUBLE', unit: 'm/s',
        description: 'Average wind speed over the day. The vega-datasets metadata says km/h, but its generating script divides NOAA AWND (tenths of m/s) by 10, so the values are m/s.',
      },
      {
        name: 'weather', type: 'STRING', domain: true,
        description: 'Weather category of the day, derived by vega-datasets from NOAA weather-type flags and precipitation (snow > rain > drizzle > fog > sun). Label.',
      },
    ],
    spans: [
      { name: 'train-2012-2013', file: 'spans/train-2012-2013.csv', from: '2012-01-01', to: '2013-12-31' },
      { name: 'test-2014', file: 'spans/test-2014.csv', from: '2014-01-01', to: '2014-12-31' },
      { name: 'serving-2015', file: 'spans/serving-2015.csv', from: '2015-01-01', to: '2015-12-31' },
    ],
    load(src) {
      const parsed = parseCsv(readFileSync(join(src, 'data', this.resource), 'utf8'));
      const [header, ...rows] = parsed;
      rows.forEach((r, k) => { if (r.length !== header.length) fail(`${this.resource} row ${k + 1}: ${r.length} fields`); });
      // CSV source: keep every field's text exactly (e.g. "0.0"); an empty field is missing.
      return new Table(header, rows.map((r) => r.map((v) => (v === '' ? null : v))));
    },
    describe(t, s) {
      const n = t.rows.length;
      const w = t.counts('weather');
      const years = [...new Set(t.col('date').map((d) => d.slice(0, 4)))];
      const classes = [...w.keys()];
      const byYear = years.map((y) => {
        const sub = t.filter((r) => r[0].startsWith(y));
        const c = sub.counts('weather');
        return [y, sub.rows.length, ...classes.map((k) => c.get(k) ?? 0)];
      });
      const dates = t.col('date');
      let gaps = 0;
      for (let i = 1; i < dates.length; i++) if (Date.parse(dates[i]) - Date.parse(dates[i - 1]) !== 86400000) gaps++;
      const pIdx = t.idx('precipitation'), wIdx = t.idx('weather');
      const wet = t.filter((r) => Number(r[pIdx]) > 0);
      const wetCounts = wet.counts('weather');
      const dryRain = count(t.rows, (r) => Number(r[pIdx]) === 0 && r[wIdx] === 'rain');
      const zeroInYear = [];
      for (const row of byYear) classes.forEach((k, j) => { if (row[2 + j] === 0) zeroInYear.push(`no \`${k}\` day in ${row[0]}`); });
      const sorted = [...w].sort((a, b) => b[1] - a[1]);
      return {
        collector:
          'Daily summaries of the NOAA weather station at Seattle-Tacoma International Airport, ' +
          'obtained from NOAA\'s National Climatic Data Center (now NCEI). vega-datasets converted the raw ' +
          'tenths-of-unit integers to metric values and condensed several NOAA weather-type flags into the single ' +
          '`weather` category (script `scripts/weather.py` in the vega-datasets repository).',
        labelText:
          `\`weather\` (classification, ${classes.length} classes). The classes are very unequal: ` +
          sorted.map(([k, c]) => `\`${k}\` ${c} (${pct(c, n)})`).join(', ') + '. ' +
          `Always predicting \`${sorted[0][0]}\` is already right ${pct(sorted[0][1], n)} of the time, ` +
          'so report per-class metrics, not accuracy alone.',
        quirks: [
          `${fmtInt(n)} rows, one per day from ${s.date.min} to ${s.date.max}; ${gaps === 0 ? 'no day is missing or repeated' : `${gaps} gaps between consecutive rows`} (2012 is a leap year, hence 366 rows that year). No column has missing values.`,
          isSorted(dates) ? 'The source is already in time order (dates ascending) and is kept in that order.' : 'The source is NOT in time order; the order is kept as is.',
          `The label mix moves from year to year (label drift):\n\n` +
            indent(mdTable(['year', 'days', ...classes], byYear)) +
            `\n\n  Notable: ${zeroInYear.join('; ') || 'every class occurs every year'}. ` +
            `\`fog\` grows from ${byYear[0][2 + classes.indexOf('fog')]} days in ${years[0]} to ${byYear.at(-1)[2 + classes.indexOf('fog')]} in ${years.at(-1)}, ` +
            `while \`drizzle\` goes from ${byYear.map((r) => r[2 + classes.indexOf('drizzle')]).join(' → ')} days per year. ` +
            'Whether this is real weather or a change in how the station set its weather-type flags is not documented; ' +
            'either way it is a realistic example of an upstream data change.',
          `The label is computed from the data, so some features nearly determine it: every one of the ${wet.rows.length} days with ` +
            `precipitation > 0 is labelled ${[...wetCounts].map(([k, c]) => `\`${k}\` (${c})`).join(' or ')}. ` +
            `The reverse does not hold: ${dryRain} \`rain\` days have precipitation 0.0 (a rain or hail flag was set without a measurable amount).`,
          'Wind speed is in m/s although the vega-datasets metadata states km/h (see the `wind` column).',
          'Numbers are kept exactly as written in the source CSV, which always has one decimal (e.g. `0.0`).',
        ],
        teaching:
          'Seasons and year-to-year change make this the drift dataset. The three span files support a ' +
          'train (2012-2013) / test (2014) / serving (2015) story: a model trained once on the first two years (static training) ' +
          'meets a 2015 label mix it never saw, which can be compared with retraining on a sliding window (dynamic training). ' +
          'Monthly temperature distributions show seasonal feature drift that is normal and should not raise an alarm, ' +
          'while the `fog`/`drizzle` shift is the kind of change a skew/drift monitor should catch. ' +
          'The label leakage through `precipitation` is a good feature-audit exercise.',
      };
    },
  },
  {
    name: 'penguins',
    title: 'Palmer Archipelago penguins',
    row: 'one adult penguin observed in the Palmer Archipelago (Antarctica): species, island, body measurements and sex',
    resource: 'penguins.json',
    label: 'Species',
    task: 'classification',
    time: null,
    columns: [
      { name: 'Species', type: 'STRING', domain: true, description: 'Penguin species. Label.' },
      { name: 'Island', type: 'STRING', domain: true, description: 'Island of the Palmer Archipelago where the bird was sampled.' },
      { name: 'Beak Length (mm)', type: 'DOUBLE', unit: 'mm', description: 'Length of the beak (culmen).' },
      { name: 'Beak Depth (mm)', type: 'DOUBLE', unit: 'mm', description: 'Depth (height) of the beak (culmen).' },
      { name: 'Flipper Length (mm)', type: 'INTEGER', unit: 'mm', description: 'Flipper length, whole millimetres.' },
      { name: 'Body Mass (g)', type: 'INTEGER', unit: 'g', description: 'Body mass, whole grams.' },
      { name: 'Sex', type: 'STRING', domain: true, description: 'Sex as recorded. Empty when unknown; one row holds the placeholder "." instead of a value.' },
    ],
    load(src) { return loadJson(src, this); },
    describe(t, s) {
      const n = t.rows.length;
      const meas = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'].map((c) => t.idx(c));
      const sexI = t.idx('Sex'), spI = t.idx('Species'), isI = t.idx('Island');
      const allMissing = [], sexOnly = [], dot = [];
      t.rows.forEach((r, k) => {
        const line = k + 2; // data.csv line (header is line 1)
        if (meas.every((i) => r[i] === null)) allMissing.push(`line ${line} (${r[spI]}, ${r[isI]})`);
        else if (r[sexI] === null) sexOnly.push(line);
        if (r[sexI] === '.') dot.push(`line ${line} (${r[spI]}, ${r[isI]})`);
      });
      const incomplete = count(t.rows, (r) => r.some((v) => v === null) || r[sexI] === '.');
      const cross = [];
      for (const [island] of t.counts('Island')) {
        const sub = t.filter((r) => r[isI] === island).counts('Species');
        cross.push([island, ...[...t.counts('Species').keys()].map((sp) => sub.get(sp) ?? 0)]);
      }
      const runs = [];
      for (const sp of t.col('Species')) if (runs.at(-1)?.[0] !== sp) runs.push([sp, 1]); else runs.at(-1)[1]++;
      return {
        collector:
          'Field measurements of adult Adélie, Chinstrap and Gentoo penguins taken by Dr. Kristen Gorman with the ' +
          'Palmer Station Antarctica Long Term Ecological Research (LTER) programme, 2007-2009, made popular as a ' +
          'teaching dataset by Allison Horst\'s palmerpenguins package. vega-datasets renamed the columns ' +
          '(e.g. `Beak Length (mm)` instead of `bill_length_mm`); the names are kept exactly as in the package.',
        labelText:
          `\`Species\` (classification, 3 classes): ${s.Species.values.map(([k, c]) => `\`${k}\` ${c}`).join(', ')}. ` +
          '`Sex` is an alternative binary label (after dropping the unknown rows).',
        quirks: [
          `${incomplete} of ${n} rows have at least one missing value or the \`.\` placeholder.`,
          `${allMissing.length} rows have all four measurements and \`Sex\` missing: ${allMissing.join(', ')}. Only species and island are known for them.`,
          `${s.Sex.missing} rows have \`Sex\` missing in total (the ${allMissing.length} above plus data.csv lines ${sexOnly.join(', ')}).`,
          `\`Sex\` holds the string \`.\` in ${dot.length} row: ${dot.join(', ')}. It is neither MALE nor FEMALE and is kept as in the source; treat it as missing.`,
          `Rows are grouped by species (${runs.map(([sp, c]) => `${c} ${sp}`).join(', then ')}), not shuffled. ` +
            'Splitting by position without shuffling puts whole species into one side of the split.',
          'Island and species are strongly tied (Gentoo only on Biscoe, Chinstrap only on Dream):\n\n' +
            indent(mdTable(['Island', ...t.counts('Species').keys()], cross)) +
            '\n\n  `Island` alone therefore separates much of the label; it is a legitimate feature here but a good example of a shortcut.',
          'There is no time column: the file carries no sampling date, so no temporal split is possible.',
        ],
        teaching:
          'A small, clean-looking multi-class problem that still needs a missing-value policy: drop vs. impute, what to do ' +
          'with the `.` placeholder, and whether the serving path handles an all-missing row the same way as training ' +
          '(training/serving skew). Slicing metrics by `Island` or `Sex` shows how aggregate accuracy hides slices.',
      };
    },
  },
  {
    name: 'cars',
    title: 'Cars: fuel economy of 1970s-1980s models',
    row: 'one car model: name, engine and body specifications, model year, region of origin and fuel economy',
    resource: 'cars.json',
    label: 'Miles_per_Gallon',
    task: 'regression',
    time: 'Year',
    columns: [
      { name: 'Name', type: 'STRING', description: 'Make and model in lower case, e.g. "chevrolet chevelle malibu". Not unique.' },
      {
        name: 'Miles_per_Gallon', type: 'DOUBLE', unit: 'mpg (US)',
        description: 'Fuel economy in miles per US gallon. Label (regression). The source schema says integer, but many values have a decimal.',
      },
      { name: 'Cylinders', type: 'INTEGER', description: 'Number of engine cylinders.' },
      { name: 'Displacement', type: 'DOUBLE', unit: 'cubic inches', description: 'Engine displacement.' },
      { name: 'Horsepower', type: 'INTEGER', unit: 'hp', description: 'Engine power.' },
      { name: 'Weight_in_lbs', type: 'INTEGER', unit: 'lb', description: 'Vehicle weight.' },
      {
        name: 'Acceleration', type: 'DOUBLE', unit: 's',
        description: 'Acceleration time in seconds (usually read as 0-60 mph; the original documentation does not say). Lower is faster.',
      },
      { name: 'Year', type: 'LOCAL_DATE', description: 'Model year, stored as 1 January of that year. Only the year carries information.' },
      { name: 'Origin', type: 'STRING', domain: true, description: 'Region of the manufacturer. Alternative classification label.' },
    ],
    load(src) { return loadJson(src, this); },
    describe(t, s) {
      const n = t.rows.length;
      const yearCounts = t.counts('Year');
      const yrs = [...yearCounts.keys()].map((d) => Number(d.slice(0, 4)));
      const missingYears = [];
      for (let y = Math.min(...yrs); y <= Math.max(...yrs); y++) if (!yrs.includes(y)) missingYears.push(y);
      const notJan1 = count(t.col('Year'), (d) => !d.endsWith('-01-01'));
      const mpgI = t.idx('Miles_per_Gallon'), hpI = t.idx('Horsepower'), nameI = t.idx('Name'), yI = t.idx('Year');
      const mpgMissing = t.rows.filter((r) => r[mpgI] === null).map((r) => `${r[nameI]} (${r[yI].slice(0, 4)})`);
      const hpMissing = t.rows.filter((r) => r[hpI] === null).map((r) => `${r[nameI]} (${r[yI].slice(0, 4)})`);
      const both = count(t.rows, (r) => r[mpgI] === null && r[hpI] === null);
      const mpgFrac = count(t.col('Miles_per_Gallon'), (v) => v !== null && v.includes('.'));
      const dispFrac = t.rows.filter((r) => r[t.idx('Displacement')]?.includes('.')).map((r) => `${r[nameI]}: ${r[t.idx('Displacement')]}`);
      const names = t.counts('Name');
      const repeated = [...names].filter(([, c]) => c > 1);
      const maxYear = Math.max(...yrs);
      const maxYearRows = yearCounts.get(`${maxYear}-01-01`);
      const others = [...yearCounts].filter(([d]) => !d.startsWith(String(maxYear))).map(([, c]) => c);
      return {
        collector:
          'The classic "auto-mpg" data of the StatLib archive at Carnegie Mellon University, which took it from the ' +
          '1983 ASA Data Exposition (originally distributed in 1982); the underlying figures come from car ' +
          'specifications of that era. vega-datasets ships it as JSON with renamed columns and the model year turned into a date.',
        labelText:
          `\`Miles_per_Gallon\` (regression; ${s.Miles_per_Gallon.min} … ${s.Miles_per_Gallon.max} mpg, ${s.Miles_per_Gallon.missing} missing). ` +
          `\`Origin\` is a natural alternative classification label (${s.Origin.values.map(([k, c]) => `\`${k}\` ${c}`).join(', ')}); ` +
          'if you use it, note that `Name` begins with the maker and so leaks the origin.',
        quirks: [
          `\`Miles_per_Gallon\` is missing in ${mpgMissing.length} rows: ${mpgMissing.join(', ')}. These rows cannot be used to train or evaluate the regression label (they are the rows absent from the better-known 398-row UCI version).`,
          `\`Horsepower\` is missing in ${hpMissing.length} rows: ${hpMissing.join(', ')}. ${both === 0 ? 'No row misses both.' : `${both} rows miss both.`}`,
          `\`Year\` is a full date but ${notJan1 === 0 ? 'every value is 1 January' : `${notJan1} values are not 1 January`}: only the model year is real. ` +
            `Years run ${Math.min(...yrs)} … ${maxYear}; ${missingYears.length ? `there is no ${missingYears.join(', ')} row at all, and ` : ''}` +
            `${maxYear} has ${maxYearRows} rows against ${Math.min(...others)}-${Math.max(...others)} for every other year, ` +
            `so the ${missingYears.join('/')} and ${maxYear} models were probably merged upstream (not verified). Treat \`Year\` as coarse.`,
          `The source schema declares \`Miles_per_Gallon\` an integer, yet ${mpgFrac} values have decimals, so it is typed DOUBLE here. ` +
            `\`Displacement\` is whole numbers except ${dispFrac.join(', ')}, hence DOUBLE as well.`,
          `\`Name\` is not a key: ${s.Name.distinct} distinct names for ${n} rows; ${repeated.length} names occur more than once (e.g. ${[...repeated].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, c]) => `"${k}" ${c}×`).join(', ')}).`,
          isSorted(t.col('Year')) ? 'Rows are sorted by `Year` (source order kept), so a split by position is a split by model year.' : 'Rows are not sorted by `Year`; the source order is kept.',
          'US customary units throughout (mpg, lb, cubic inches).',
        ],
        teaching:
          'Regression with missing values in both the label and a feature: which rows to drop, how imputation of `Horsepower` ' +
          'must be identical at training and serving time. The US units make it the unit-change demo: a producer that switches ' +
          '`Weight_in_lbs` to kilograms or fuel economy to L/100 km keeps the schema valid while every prediction goes wrong, ' +
          'which only distribution checks catch. Model years give a small temporal split (older cars for training, newer for testing) ' +
          'with an obvious trend in the label.',
      };
    },
  },
  {
    name: 'flights-20k',
    title: 'US domestic flights, sample of 20,000 (Q1 2001)',
    row: 'one domestic US flight operated in early 2001: actual departure time, arrival delay, distance and the two airports',
    resource: 'flights-20k.json',
    label: 'delay',
    task: 'regression',
    time: 'date',
    columns: [
      {
        name: 'date', type: 'LOCAL_DATE_TIME',
        description: 'Actual departure (scheduled departure plus departure delay), minute precision, no time zone; by BTS convention local time at the origin airport.',
      },
      {
        name: 'delay', type: 'INTEGER', unit: 'min',
        description: 'Arrival delay in minutes; negative means early. Label (regression). Common binary framing, derived and not stored: delayed = delay > 15.',
      },
      { name: 'distance', type: 'INTEGER', unit: 'mi', description: 'Distance between the two airports in statute miles, as reported to BTS.' },
      { name: 'origin', type: 'STRING', description: 'IATA code of the departure airport.' },
      { name: 'destination', type: 'STRING', description: 'IATA code of the arrival airport.' },
    ],
    load(src) {
      const t = loadJson(src, this);
      const i = t.idx('date');
      for (const r of t.rows) {
        const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})$/.exec(r[i]);
        if (!m) fail(`flights-20k: unexpected date ${r[i]}`);
        r[i] = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`;
      }
      return t;
    },
    describe(t, s) {
      const n = t.rows.length;
      const d = t.col('delay').map(Number);
      const early = count(d, (x) => x < 0), onTime = count(d, (x) => x === 0), late = count(d, (x) => x > 15);
      const sortedD = [...d].sort((a, b) => a - b);
      const median = sortedD[Math.floor(n / 2)];
      const months = [...new Map(t.col('date').map((x) => [x.slice(0, 7), 0]))].map(([m]) => [m, count(t.col('date'), (x) => x.startsWith(m))]);
      const orig = [...t.counts('origin')].sort((a, b) => b[1] - a[1]);
      const top10 = orig.slice(0, 10).reduce((a, [, c]) => a + c, 0);
      const rare = count(orig, ([, c]) => c <= 5), single = count(orig, ([, c]) => c === 1);
      const airports = new Set([...t.col('origin'), ...t.col('destination')]);
      const routes = new Map();
      for (const r of t.rows) { const k = `${r[t.idx('origin')]}>${r[t.idx('destination')]}`; routes.set(k, (routes.get(k) ?? 0) + 1); }
      const singleRoutes = count([...routes.values()], (c) => c === 1);
      return {
        collector:
          'On-time performance reports that US carriers must file with the Bureau of Transportation Statistics (BTS) ' +
          'under 14 CFR Part 234. vega-datasets dropped cancelled flights and rows without delay figures, computed the ' +
          'actual departure time, drew a random sample of 20,000 flights and sorted it by time (script `scripts/flights.py` ' +
          'in the vega-datasets repository).',
        labelText:
          `\`delay\` (regression, minutes; ${s.delay.min} … ${s.delay.max}, median ${median}). The file has no classification label; ` +
          `the usual framing is the derived binary label \`delayed = delay > 15\` (BTS itself counts an arrival 15 minutes or more late as delayed), which is true for ` +
          `${fmtInt(late)} rows (${pct(late, n)}). ProdML Lab derives it in Java; it is deliberately not stored in data.csv.`,
        quirks: [
          `Dates run from ${s.date.min} to ${s.date.max}: only the first quarter of 2001 (${months.map(([m, c]) => `${m}: ${fmtInt(c)}`).join(', ')}). ` +
            'Any seasonal pattern beyond winter is invisible.',
          isSorted(t.col('date')) ? 'Rows are in ascending time order in the source and kept that way.' : 'Rows are NOT in time order in the source; the order is kept as is.',
          'No time zone: BTS times are local to the airport, so two rows at "the same" time at different airports are not simultaneous, and sorting by `date` is not a true global order.',
          `Negative delays are normal (early arrival): ${fmtInt(early)} rows (${pct(early, n)}) are negative, ${fmtInt(onTime)} are exactly 0. A log transform or a "delay ≥ 0" assumption breaks on them.`,
          'Cancelled flights and flights without an arrival delay (e.g. diverted ones) were removed upstream, so the worst disruptions are under-represented.',
          `Many airport keys with a long tail: ${s.origin.distinct} origins, ${s.destination.distinct} destinations, ${airports.size} airports overall and ` +
            `${fmtInt(routes.size)} origin-destination routes. The 10 busiest origins carry ${pct(top10, n)} of flights, while ${rare} origins have ≤ 5 flights ` +
            `(${single} have exactly one) and ${fmtInt(singleRoutes)} routes occur only once.`,
          'No missing values. The 20,000 rows are a random sample, so consecutive rows are unrelated flights.',
        ],
        teaching:
          'The long tail of airports and routes is the static- vs dynamic-inference example: precomputing predictions for every ' +
          'origin-destination pair is cheap for the head but wasteful or impossible for the tail and for unseen keys, which an ' +
          'online model handles. Time order supports a train-on-January / serve-on-March split. For scale experiments, ' +
          'the same columns are available with 200k, 1M and 3M rows via `scripts/bench-data.sh` (not committed).',
      };
    },
  },
];

function loadJson(src, ds) {
  const data = JSON.parse(readFileSync(join(src, 'data', ds.resource), 'utf8'));
  if (!Array.isArray(data) || data.length === 0) fail(`${ds.resource}: expected a non-empty array`);
  const header = Object.keys(data[0]);
  const rows = data.map((o, k) => {
    const keys = Object.keys(o);
    if (keys.length !== header.length || keys.some((key, j) => key !== header[j])) fail(`${ds.resource} row ${k + 1}: keys differ from first row`);
    return header.map((h) => jsonValue(o[h], `${ds.resource} row ${k + 1} ${h}`));
  });
  return new Table(header, rows);
}

// ---------------------------------------------------------------------------------------------
// Build

function licenceText(res) {
  return (res.licenses ?? [])
    .map((l) => `${[l.name, l.title].filter(Boolean).join(': ')}${l.path ? ` (${l.path})` : ''}`)
    .join('; ');
}

function build(src, out) {
  const pkgDir = resolve(src);
  const dp = JSON.parse(readFileSync(join(pkgDir, 'datapackage.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  if (`${pkg.name}@${pkg.version}` !== PACKAGE) fail(`expected ${PACKAGE}, found ${pkg.name}@${pkg.version}`);

  const results = [];
  const summary = [];
  for (const ds of DATASETS) {
    const res = dp.resources.find((r) => r.path === ds.resource);
    if (!res) fail(`datapackage.json has no resource ${ds.resource}`);
    const raw = readFileSync(join(pkgDir, 'data', ds.resource));
    if (res.bytes !== undefined && res.bytes !== raw.length) fail(`${ds.resource}: size differs from datapackage.json`);
    if (!res.hash?.startsWith('sha1:') || gitBlobSha1(raw) !== res.hash.slice(5))
      fail(`${ds.resource}: git blob sha1 does not match datapackage.json (${res.hash})`);

    const t = ds.load(pkgDir);
    const names = ds.columns.map((c) => c.name);
    if (JSON.stringify(t.header) !== JSON.stringify(names)) fail(`${ds.name}: columns ${t.header} != ${names}`);
    checkTypes(t, ds.columns);

    const stats = {};
    for (const c of ds.columns) stats[c.name] = columnStats(t, c.name, c.type);
    const dir = join(out, ds.name);
    const csv = toCsv(t.header, t.rows);
    results.push([join(dir, 'data.csv'), writeAtomic(join(dir, 'data.csv'), csv), t.rows.length]);

    const spans = [];
    for (const sp of ds.spans ?? []) {
      const ti = t.idx(ds.time);
      const sub = t.rows.filter((r) => r[ti] >= sp.from && r[ti] <= sp.to);
      const p = join(dir, sp.file);
      results.push([p, writeAtomic(p, toCsv(t.header, sub)), sub.length]);
      spans.push({ ...sp, rows: sub.length });
    }

    const info = ds.describe(t, stats);
    const sourceUrl = res.sources?.[0]?.path ?? null;
    const licence = licenceText(res);

    // dataset.json: exactly the keys of the Java record org.prodml.data.DatasetSpec, in its order; a Java test
    // parses every dataset.json under datasets/ into it and fails on a key it does not know.
    const meta = {
      name: ds.name,
      title: ds.title,
      row: ds.row,
      file: 'data.csv',
      label: ds.label,
      task: ds.task,
      time: ds.time,
      group: null,
      id: null,
      columns: ds.columns.map((c) => {
        const o = { name: c.name, type: c.type };
        if (c.unit) o.unit = c.unit;
        o.description = c.description;
        if (c.domain) o.domain = stats[c.name].values.map(([v]) => v);
        return o;
      }),
      spans: (ds.spans ?? []).map(({ name, file, from, to }) => ({ name, file, from, to })),
      source: { package: PACKAGE, path: `data/${ds.resource}`, original: sourceUrl },
      licence,
      regenerate: REGENERATE,
    };
    results.push([join(dir, 'dataset.json'), writeAtomic(join(dir, 'dataset.json'), JSON.stringify(meta, null, 2) + '\n'), null]);

    const colRows = ds.columns.map((c) => {
      const st = stats[c.name];
      return [`\`${c.name}\``, c.type, c.unit ?? '', c.description, st.missing, rangeText(st)];
    });
    const md = [
      `# ${ds.title}`,
      '',
      `<!-- Generated by scripts/datasets.mjs from ${PACKAGE}. Edit the script, not this file. -->`,
      '',
      '## What a row is',
      '',
      `One row is ${ds.row}.`,
      '',
      '## Source and collector',
      '',
      info.collector,
      '',
      `- Package file: \`${PACKAGE}\`, \`data/${ds.resource}\` (${fmtInt(raw.length)} bytes, git blob id \`${res.hash}\` verified against its datapackage.json).`,
      ...(res.sources ?? []).map((x) => `- Original source: ${x.title} — <${x.path}>`),
      '',
      '## Licence',
      '',
      `As stated in the package's datapackage.json: ${(res.licenses ?? []).map((l) => `**${[l.name, l.title].filter(Boolean).join(' — ')}**${l.path ? ` (<${l.path}>)` : ''}`).join('; ')}.`,
      '',
      `Caveat: ${CAVEAT}`,
      '',
      '## Size',
      '',
      `- data.csv: ${fmtInt(t.rows.length)} rows + header, ${t.header.length} columns, ${fmtInt(Buffer.byteLength(csv))} bytes, sha256 \`${sha('sha256', csv)}\`.`,
      ...spans.map((sp) => `- ${sp.file}: ${fmtInt(sp.rows)} rows (${sp.from} … ${sp.to}), same header as data.csv.`),
      `- Label: \`${ds.label}\` (${ds.task}). Time column: ${ds.time ? `\`${ds.time}\`` : 'none'}.`,
      '',
      '## Label',
      '',
      info.labelText,
      '',
      '## Columns',
      '',
      'Missing = empty field in data.csv. Range is min … max for numbers and dates; for text, the observed values with their counts (order of first appearance) or the most frequent ones.',
      '',
      mdTable(['Column', 'Type', 'Unit', 'Meaning', 'Missing', 'Range / values'], colRows),
      '',
      '## Known quirks',
      '',
      ...info.quirks.map((q) => `- ${q}`),
      '',
      '## Teaching use in ProdML Lab',
      '',
      info.teaching,
      '',
      `ProdML Lab only reads this folder; it never modifies data.csv${spans.length ? ' or the span files' : ''}.`,
      '',
      '## Regenerate',
      '',
      '```sh',
      'scripts/datasets.sh',
      '```',
      '',
      `Fetches \`${PACKAGE}\` with \`npm pack\` into a temporary directory and rewrites this folder; the output is byte-identical on every run.`,
      '',
    ].join('\n');
    results.push([join(dir, 'DATASHEET.md'), writeAtomic(join(dir, 'DATASHEET.md'), md), null]);

    summary.push({ ds, rows: t.rows.length, cols: t.header.length, bytes: Buffer.byteLength(csv), licence: res.licenses?.[0], sourceUrl });
  }

  const readme = readmeText(summary);
  results.push([join(out, 'README.md'), writeAtomic(join(out, 'README.md'), readme), null]);

  for (const [p, what, rows] of results)
    console.log(`${what.padEnd(9)} ${p}${rows === null ? '' : `  (${fmtInt(rows)} rows)`}`);
}

function readmeText(summary) {
  const rows = summary.map((x) => [
    `[${x.ds.name}](${x.ds.name}/DATASHEET.md)`,
    fmtInt(x.rows),
    x.cols,
    `\`${x.ds.label}\` (${x.ds.task})`,
    x.ds.time ? `\`${x.ds.time}\`` : '—',
    x.licence ? (x.licence.name && x.licence.name !== 'other-open' ? x.licence.name : x.licence.title ?? x.licence.name) : '—',
    x.sourceUrl ? `<${x.sourceUrl}>` : '—',
  ]);
  return [
    '# Datasets',
    '',
    `<!-- Generated by scripts/datasets.mjs. Edit the script, not this file. -->`,
    '',
    `Small, real, public datasets used by ProdML Lab's lessons and audits. All are converted from the npm package`,
    `\`${PACKAGE}\` (<https://github.com/vega/vega-datasets>). ProdML Lab treats every file here as read-only input:`,
    'it reads these files and never modifies them.',
    '',
    mdTable(['Folder', 'Rows', 'Columns', 'Label', 'Time column', 'Licence (per datapackage.json)', 'Original source'], rows),
    '',
    `Licences are quoted from the package metadata. ${CAVEAT} Each DATASHEET.md has the full licence text and URL.`,
    '',
    '## Files in each folder',
    '',
    '- `data.csv`: the data. RFC 4180 CSV, UTF-8, one header row, comma separator, fields quoted only when needed,',
    '  `\\n` line ends. A missing value is an empty field. Numbers are written as in the source (no float noise),',
    '  dates as `YYYY-MM-DD`, date-times as `YYYY-MM-DDTHH:MM` without a zone. Rows keep the source order.',
    '- `dataset.json`: machine-readable description, read by the Java code into `org.prodml.data.DatasetSpec` (a key it',
    '  does not know is an error). Keys, always all present:',
    '  `name`, `title`, `row` (what one row is), `file` (always `data.csv`), `label`, `task`',
    '  (`classification` | `regression`), `time` (time column or null), `group` (null), `id` (null),',
    '  `columns` (list of `{name, type, unit?, description, domain?}`; `type` is a Tablesaw ColumnType name:',
    '  `LOCAL_DATE`, `LOCAL_DATE_TIME`, `DOUBLE`, `INTEGER`, `STRING`; `domain` lists the observed values of',
    '  low-cardinality text columns in order of first appearance), `spans` (named time slices, see below;',
    '  `[]` when none), `source` (`{package, path, original}`), `licence`, `regenerate`.',
    '- `DATASHEET.md`: human-readable datasheet: what a row is, source and collector, licence, size, a column table',
    '  with missing counts and ranges computed from the data, known quirks, intended teaching use, how to regenerate.',
    '- `spans/` (seattle-weather only): `train-2012-2013.csv`, `test-2014.csv`, `serving-2015.csv`, the same',
    '  columns as `data.csv` restricted to the date range given in `dataset.json`.',
    '',
    '## Regenerate',
    '',
    '```sh',
    'scripts/datasets.sh',
    '```',
    '',
    `Needs Node.js ≥ 18.3 (tested with 20) and npm with access to the npm registry. It runs \`npm pack ${PACKAGE}\` in a temporary`,
    'directory (nothing is downloaded into the repository), checks each source file against the sha1 in the',
    'package\'s datapackage.json (git blob ids), and rewrites the files above with `scripts/datasets.mjs` (Node built-ins only).',
    'Files are written atomically and only when their content changes; two runs give byte-identical output.',
    'Set `VEGA_DATASETS_DIR=/path/to/unpacked/package` to use an already unpacked copy instead of `npm pack`.',
    '',
    '## Other folders',
    '',
    'This script writes only the folders listed above and this README. Other folders under `datasets/` come from other',
    'generators: the benchmark data below, and folders whose own README says how to regenerate them.',
    '',
    '## Benchmark data (not committed)',
    '',
    '```sh',
    'scripts/bench-data.sh            # add --force to rebuild existing files',
    '```',
    '',
    'writes large CSV files into `datasets/bench/`, which is git-ignored:',
    '',
    mdTable(['File', 'Rows', 'Content'], [
      ['`flights-200k.csv`', '200,000', 'first 200,000 rows of `flights-3m.parquet`'],
      ['`flights-1m.csv`', '1,000,000', 'first 1,000,000 rows'],
      ['`flights-3m.csv`', '3,000,000', 'all rows'],
    ]),
    '',
    'Same columns and conventions as `flights-20k/data.csv` (`date,delay,distance,origin,destination`, date as',
    '`YYYY-MM-DDTHH:MM`). The parquet stores `date` as a zone-less microsecond timestamp (`isAdjustedToUTC=false`);',
    'its wall-clock value is written unchanged (formatted as UTC, i.e. no zone conversion). The 3M rows run from',
    '2001-01-01T00:01 to 2001-07-01T00:00 in ascending time order, so the smaller files are *time prefixes* covering',
    'only the first weeks of that period, not random samples (bench-data.sh prints each file\'s date range). The script reads the parquet with the npm packages `hyparquet` and `hyparquet-compressors` (ZSTD),',
    'installed in `${XDG_CACHE_HOME:-~/.cache}/prodml`, never in the repository. Existing complete files are',
    'skipped; it prints each file with its row count and size.',
    '',
  ].join('\n');
}

const { values } = parseArgs({ options: { src: { type: 'string' }, out: { type: 'string' } } });
if (!values.src || !values.out) fail('usage: datasets.mjs --src <unpacked vega-datasets package> --out <datasets dir>');
build(values.src, resolve(values.out));
