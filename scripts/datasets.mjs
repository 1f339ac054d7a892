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
  {
    name: 'birdstrikes',
    title: 'Wildlife strikes on aircraft reported to the FAA, 1999-2002',
    row: 'one wildlife strike on an aircraft reported to the US Federal Aviation Administration: where and when, the aircraft, the animal, the phase of flight and the damage',
    resource: 'birdstrikes.csv',
    label: 'Effect Amount of damage',
    task: 'classification',
    time: 'Flight Date',
    from: '1999-01-01',
    columns: [
      { name: 'Airport Name', type: 'STRING', description: 'Airport where the strike happened, as named in the FAA database (upper case).' },
      { name: 'Aircraft Make Model', type: 'STRING', description: 'Aircraft make and model code, e.g. B-737-300.' },
      {
        name: 'Effect Amount of damage', type: 'STRING', domain: true,
        description: 'Damage to the aircraft: None, Minor, Medium, Substantial (civil categories); military reports use the letter classes B and C. Label.',
      },
      { name: 'Flight Date', type: 'LOCAL_DATE', description: 'Day of the strike.' },
      { name: 'Aircraft Airline Operator', type: 'STRING', description: 'Operator of the aircraft (an airline, MILITARY, BUSINESS, PRIVATELY OWNED …).' },
      { name: 'Origin State', type: 'STRING', description: 'US state (or territory, or N/A) of the airport.' },
      { name: 'Phase of flight', type: 'STRING', domain: true, description: 'Phase of flight when the animal was struck.' },
      { name: 'Wildlife Size', type: 'STRING', domain: true, description: 'Size class of the animal struck.' },
      { name: 'Wildlife Species', type: 'STRING', description: 'Species struck, as identified (often "Unknown bird - small/medium/large").' },
      { name: 'Time of day', type: 'STRING', domain: true, description: 'Light conditions: Day, Night, Dusk or Dawn.' },
      { name: 'Cost Other', type: 'INTEGER', unit: 'USD', description: 'Other costs of the strike (lost revenue, fuel, hotels …), known only after the damage was assessed.' },
      { name: 'Cost Repair', type: 'INTEGER', unit: 'USD', description: 'Repair cost, known only after the damage was assessed.' },
      { name: 'Cost Total $', type: 'INTEGER', unit: 'USD', description: 'Cost Other plus Cost Repair.' },
      { name: 'Speed IAS in knots', type: 'INTEGER', unit: 'kn', description: 'Indicated airspeed when struck.' },
    ],
    load(src) {
      const [header, ...rows] = parseCsv(readFileSync(join(src, 'data', this.resource), 'utf8'));
      rows.forEach((r, k) => { if (r.length !== header.length) fail(`${this.resource} row ${k + 1}: ${r.length} fields`); });
      const date = header.indexOf(this.time);
      // The full file has 10,000 strikes from 1990; the last four years keep the shipped data small.
      return new Table(header, rows.filter((r) => r[date] >= this.from).map((r) => r.map((v) => (v === '' ? null : v))));
    },
    describe(t, s) {
      const n = t.rows.length;
      const dmg = t.counts('Effect Amount of damage');
      const damaged = n - (dmg.get('None') ?? 0);
      const years = [...new Set(t.col('Flight Date').map((d) => d.slice(0, 4)))].sort();
      const byYear = years.map((y) => {
        const sub = t.filter((r) => r[t.idx('Flight Date')].startsWith(y));
        return [y, sub.rows.length, count(sub.col('Effect Amount of damage'), (v) => v !== 'None')];
      });
      const costI = t.idx('Cost Total $'), dI = t.idx('Effect Amount of damage');
      const costlyNone = count(t.rows, (r) => r[dI] === 'None' && Number(r[costI]) > 0);
      const costlyDamaged = count(t.rows, (r) => r[dI] !== 'None' && Number(r[costI]) > 0);
      const keys = new Map();
      for (const r of t.rows) keys.set(r.join('\u0001'), (keys.get(r.join('\u0001')) ?? 0) + 1);
      const dup = [...keys.values()].reduce((a, c) => a + c - 1, 0);
      return {
        collector:
          'Reports of wildlife strikes filed with the FAA National Wildlife Strike Database by airlines, airports, pilots and ' +
          'the military (reporting is voluntary for civil aviation). vega-datasets ships 10,000 reports from 1990 to 2002 with a ' +
          'subset of the database\'s columns; this folder keeps the reports from ' + this.from + ' on.',
        labelText:
          `\`Effect Amount of damage\` (classification): ${[...dmg].map(([k, c]) => `\`${k}\` ${c}`).join(', ')}. ` +
          `Damage is rare: ${damaged} of ${fmtInt(n)} strikes (${pct(damaged, n)}) did any. The usual framing is the binary label ` +
          '"damaged" (anything but None), on which always answering "no damage" is right ' + pct(n - damaged, n) + ' of the time: ' +
          'judge a model by a proper score (log loss, AUC), not accuracy.',
        quirks: [
          `Reports per year: ${byYear.map(([y, c, d]) => `${y}: ${fmtInt(c)} (${d} damaged)`).join(', ')}. ${years.at(-1)} ends on ${s['Flight Date'].max}, so it is a partial year.`,
          'The three cost columns are written down after the damage is assessed: they are not known when a strike happens, so a model ' +
            `predicting damage must not use them (label leakage). A cost above 0 comes with damage in ${costlyDamaged} reports and without in ${costlyNone}.`,
          `Military reports use the damage classes \`B\` and \`C\` (${(dmg.get('B') ?? 0) + (dmg.get('C') ?? 0)} reports) instead of the civil words.`,
          `\`Speed IAS in knots\` is missing in ${s['Speed IAS in knots'].missing} reports; ${dup} reports repeat an earlier report field for field (two animals of one flock, or a report filed twice: the source does not say).`,
          `${s['Airport Name'].distinct} airports, ${s['Aircraft Make Model'].distinct} aircraft models, ${s['Aircraft Airline Operator'].distinct} operators and ${s['Wildlife Species'].distinct} species: long tails of rare values.`,
          isSorted(t.col('Flight Date')) ? 'Rows are in date order.' : 'Rows are not in date order (the source order, grouped by airport, is kept).',
        ],
        teaching:
          'A rare binary label with real leakage next to it (the costs) and long-tailed categorical features: the precision ' +
          'suite\'s scenarios split it by year and plant leaks, copied rows and backfills in copies of it.',
      };
    },
  },
  {
    name: 'earthquakes',
    title: 'Earthquakes of one week from the USGS real-time feed (31 January – 7 February 2018)',
    row: 'one seismic event reported by the US Geological Survey\'s "all earthquakes" feed: time, place, depth, magnitude, the network that located it and the public\'s "Did You Feel It?" reports',
    resource: 'earthquakes.json',
    label: 'felt',
    task: 'regression',
    time: 'time',
    columns: [
      { name: 'time', type: 'LOCAL_DATE_TIME', description: 'Origin time of the event in UTC, to the minute (the feed gives milliseconds).' },
      { name: 'latitude', type: 'DOUBLE', unit: '°', description: 'Latitude of the epicentre.' },
      { name: 'longitude', type: 'DOUBLE', unit: '°', description: 'Longitude of the epicentre.' },
      { name: 'depth', type: 'DOUBLE', unit: 'km', description: 'Depth of the hypocentre (negative: above sea level).' },
      { name: 'mag', type: 'DOUBLE', description: 'Magnitude, on the scale named by magType.' },
      { name: 'magType', type: 'STRING', domain: true, description: 'Magnitude scale (ml local, md duration, mb body wave, mww moment …).' },
      { name: 'place', type: 'STRING', description: 'Where, in words (e.g. "4km W of Castaic, CA"): nearly one value per event.' },
      { name: 'nst', type: 'INTEGER', description: 'Number of seismic stations used to locate the event.' },
      { name: 'gap', type: 'DOUBLE', unit: '°', description: 'Largest azimuthal gap between stations.' },
      { name: 'dmin', type: 'DOUBLE', unit: '°', description: 'Distance to the nearest station.' },
      { name: 'rms', type: 'DOUBLE', unit: 's', description: 'Root-mean-square travel-time residual of the location.' },
      { name: 'net', type: 'STRING', domain: true, description: 'Network that contributed the preferred location (ci, ak, nc, us …).' },
      { name: 'code', type: 'STRING', description: 'The network\'s own code for the event: an identifier (digits for most networks, letters and digits for us).' },
      { name: 'type', type: 'STRING', domain: true, description: 'Kind of event: earthquake, explosion or quarry blast.' },
      { name: 'status', type: 'STRING', domain: true, description: 'automatic, or reviewed by a seismologist.' },
      { name: 'felt', type: 'INTEGER', description: 'Number of "Did You Feel It?" reports from the public; empty when there were none.' },
      { name: 'cdi', type: 'DOUBLE', description: 'Highest intensity reported by the public (only where felt).' },
      { name: 'mmi', type: 'DOUBLE', description: 'Instrumental intensity (ShakeMap), for few events.' },
      { name: 'alert', type: 'STRING', domain: true, description: 'PAGER alert level, for few events.' },
      { name: 'tsunami', type: 'INTEGER', description: '1 when the event was in an oceanic region that may warrant a tsunami message.' },
      { name: 'sig', type: 'INTEGER', description: 'USGS significance, 0-1000+, computed from magnitude, intensity, felt reports and impact: known only after the public reported.' },
    ],
    load(src) {
      const data = JSON.parse(readFileSync(join(src, 'data', this.resource), 'utf8'));
      const rows = data.features.map((f, k) => {
        const p = f.properties;
        const [lon, lat, depth] = f.geometry.coordinates;
        const v = (x, c) => jsonValue(x, `${this.resource} feature ${k + 1} ${c}`);
        return [
          new Date(p.time).toISOString().slice(0, 16),
          v(lat, 'latitude'), v(lon, 'longitude'), v(depth, 'depth'), v(p.mag, 'mag'), v(p.magType, 'magType'),
          v(p.place, 'place'), v(p.nst, 'nst'), v(p.gap, 'gap'), v(p.dmin, 'dmin'), v(p.rms, 'rms'), v(p.net, 'net'),
          v(p.code, 'code'), v(p.type, 'type'), v(p.status, 'status'), v(p.felt, 'felt'), v(p.cdi, 'cdi'), v(p.mmi, 'mmi'),
          v(p.alert, 'alert'), v(p.tsunami, 'tsunami'), v(p.sig, 'sig'),
        ];
      });
      return new Table(this.columns.map((c) => c.name), rows);
    },
    describe(t, s) {
      const n = t.rows.length;
      const felt = t.col('felt');
      const feltSome = count(felt, (v) => v !== null && Number(v) > 0);
      const feltZero = count(felt, (v) => v === '0');
      const nets = [...t.counts('net')].sort((a, b) => b[1] - a[1]);
      const places = t.counts('place');
      return {
        collector:
          'The USGS Earthquake Hazards Program\'s GeoJSON summary feed of all earthquakes of the past week, as fetched on 7 February 2018: ' +
          'events located by the regional seismic networks of the US and the USGS National Earthquake Information Center. ' +
          'The "felt" reports come from the public through the USGS "Did You Feel It?" web form. vega-datasets stores the feed as ' +
          'GeoJSON; this folder flattens each feature into a row (longitude, latitude and depth from its point geometry) and leaves ' +
          'out the feed\'s links and bookkeeping (url, detail, ids, sources, types, updated, tz, title).',
        labelText:
          `No column is a label by itself. The precision suite\'s framing is "was it felt": at least one "Did You Feel It?" report, ` +
          `true for ${feltSome} of ${fmtInt(n)} events (${pct(feltSome, n)}); ${feltZero} events have a report count of 0. ` +
          '`felt`, `cdi`, `mmi`, `alert` and `sig` are all known only after the public reacted.',
        quirks: [
          `${fmtInt(n)} events from ${s.time.min} to ${s.time.max} (UTC). ${isSorted(t.col('time')) ? 'Rows are in time order.' : 'Rows are newest first, as in the feed.'}`,
          `\`code\` is an identifier: ${s.code.distinct} distinct values for ${fmtInt(n)} events. \`place\` nearly is one: ${places.size} distinct texts.`,
          `Networks: ${nets.map(([k, c]) => `\`${k}\` ${c}`).join(', ')}. Each network reports magnitude on its own scales (\`magType\`), so \`mag\` is not one scale.`,
          `Missing: \`nst\` ${s.nst.missing}, \`gap\` ${s.gap.missing}, \`dmin\` ${s.dmin.missing}, \`rms\` ${s.rms.missing} (networks that do not report them), ` +
            `\`cdi\` ${s.cdi.missing} and \`mmi\` ${s.mmi.missing} (events nobody reported or no ShakeMap).`,
          `Depths run ${s.depth.min} … ${s.depth.max} km; magnitudes ${s.mag.min} … ${s.mag.max}.`,
        ],
        teaching:
          'A week of a real-time feed: identifiers and near-unique texts beside real measurements, a rare outcome, and columns ' +
          'known only after it. The precision suite splits it by day.',
      };
    },
  },
  {
    name: 'new-york-weather',
    title: 'New York daily weather 2012-2015',
    row: 'one day of weather observations in New York City',
    resource: 'weather.csv',
    label: 'weather',
    task: 'classification',
    time: 'date',
    columns: [
      { name: 'date', type: 'LOCAL_DATE', description: 'Calendar day of the observation.' },
      { name: 'precipitation', type: 'DOUBLE', unit: 'mm', description: 'Total precipitation over the day.' },
      { name: 'temp_max', type: 'DOUBLE', unit: '°C', description: 'Highest air temperature of the day.' },
      { name: 'temp_min', type: 'DOUBLE', unit: '°C', description: 'Lowest air temperature of the day.' },
      { name: 'wind', type: 'DOUBLE', unit: 'm/s', description: 'Average wind speed over the day (NOAA AWND in tenths of m/s, divided by 10 by vega-datasets).' },
      {
        name: 'weather', type: 'STRING', domain: true,
        description: 'Weather category of the day, derived by vega-datasets from NOAA weather-type flags and precipitation (snow > rain > drizzle > fog > sun). Label.',
      },
    ],
    load(src) {
      const [header, ...rows] = parseCsv(readFileSync(join(src, 'data', this.resource), 'utf8'));
      const loc = header.indexOf('location');
      if (loc !== 0) fail(`${this.resource}: expected the first column to be location`);
      // The file holds Seattle (shipped as seattle-weather) and New York; this dataset is New York.
      const ny = rows.filter((r) => r[loc] === 'New York').map((r) => r.slice(1).map((v) => (v === '' ? null : v)));
      return new Table(header.slice(1), ny);
    },
    describe(t, s) {
      const n = t.rows.length;
      const w = [...t.counts('weather')].sort((a, b) => b[1] - a[1]);
      const years = [...new Set(t.col('date').map((d) => d.slice(0, 4)))];
      const classes = w.map(([k]) => k);
      const byYear = years.map((y) => {
        const c = t.filter((r) => r[0].startsWith(y)).counts('weather');
        return [y, ...classes.map((k) => c.get(k) ?? 0)];
      });
      return {
        collector:
          'Daily summaries of the NOAA weather station for New York City (Central Park), from NOAA\'s Climate Data Online, converted ' +
          'by vega-datasets with the same script as its Seattle weather (`scripts/weather.py`). The file `weather.csv` holds both cities; ' +
          'this folder keeps the New York rows and drops the `location` column.',
        labelText:
          `\`weather\` (classification, ${classes.length} classes): ${w.map(([k, c]) => `\`${k}\` ${c} (${pct(c, n)})`).join(', ')}.`,
        quirks: [
          `${fmtInt(n)} days from ${s.date.min} to ${s.date.max}; ${isSorted(t.col('date')) ? 'in date order' : 'not in date order'}.`,
          'Class counts per year:\n\n' + indent(mdTable(['year', ...classes], byYear)),
          'Strong seasons: temperatures swing by about 25 °C between January and July, so a month of data looks unlike the year as a whole.',
        ],
        teaching:
          'A second city for the weather lessons, never used to tune ProdML Lab\'s rules: the precision suite trains on 2012-2013 and serves 2015 ' +
          'in monthly windows, where seasons the training years already span must not be called drift.',
      };
    },
  },
  {
    name: 'football',
    title: 'European football league matches, seasons 2014-15 to 2016-17',
    row: 'one league match: date, division, the two teams and the final score',
    resource: 'football.json',
    label: 'home_score',
    task: 'regression',
    time: 'date',
    from: '2014-07-01',
    columns: [
      { name: 'date', type: 'LOCAL_DATE', description: 'Day of the match.' },
      { name: 'division', type: 'STRING', domain: true, description: 'League: one of five European first divisions.' },
      { name: 'home_team', type: 'STRING', description: 'Team playing at home.' },
      { name: 'away_team', type: 'STRING', description: 'Visiting team.' },
      { name: 'home_score', type: 'INTEGER', description: 'Goals of the home team at full time.' },
      { name: 'away_score', type: 'INTEGER', description: 'Goals of the away team at full time.' },
    ],
    load(src) {
      const t = loadJson(src, this);
      // The package covers 2013-2017; three whole seasons keep the shipped data small.
      return t.filter((r) => r[0] >= this.from);
    },
    describe(t, s) {
      const n = t.rows.length;
      const hs = t.idx('home_score'), as = t.idx('away_score');
      const scored = t.rows.filter((r) => r[hs] !== null && r[as] !== null);
      const home = count(scored, (r) => Number(r[hs]) > Number(r[as]));
      const away = count(scored, (r) => Number(r[hs]) < Number(r[as]));
      const draw = scored.length - home - away;
      const months = [...t.counts('date')].reduce((m, [d, c]) => m.set(d.slice(5, 7), (m.get(d.slice(5, 7)) ?? 0) + c), new Map());
      const teams = new Set([...t.col('home_team'), ...t.col('away_team')]);
      return {
        collector:
          'Results from the openfootball project (open public-domain football data, maintained by volunteers from league ' +
          'fixtures and results). vega-datasets ships a subset of five divisions for 2013-2017; this folder keeps the seasons from ' +
          this.from + ' on.',
        labelText:
          'No label column: the usual framing is the result, derived from the two scores: home win ' +
          `${home} (${pct(home, scored.length)}), draw ${draw} (${pct(draw, scored.length)}), away win ${away} (${pct(away, scored.length)}). ` +
          'The scores themselves are known only after the match.',
        quirks: [
          `${fmtInt(n)} matches from ${s.date.min} to ${s.date.max}: ${s.division.values.map(([k, c]) => `${k} ${c}`).join(', ')}.`,
          `${n - scored.length} matches have no score (not played or not recorded).`,
          `Seasons run August to May with a winter break in some leagues; matches per calendar month: ${[...months].sort().map(([m, c]) => `${m}: ${c}`).join(', ')}.`,
          `${teams.size} teams; promotion and relegation change the teams of a division from one season to the next.`,
        ],
        teaching:
          'Match outcomes are hard to predict from team names alone: a model barely beats "the home team wins", which makes it ' +
          'the precision suite\'s test of a quality gate that must not call a weak but honest model useless.',
      };
    },
  },
  {
    name: 'gapminder',
    title: 'Gapminder: life expectancy, fertility and population, 1955-2005',
    row: 'one country in one year (every fifth year from 1955 to 2005): population, life expectancy and fertility',
    resource: 'gapminder.json',
    label: 'life_expect',
    task: 'regression',
    time: null,
    columns: [
      { name: 'year', type: 'INTEGER', description: 'Year of the figures (every fifth year).' },
      { name: 'country', type: 'STRING', description: 'Country.' },
      { name: 'cluster', type: 'INTEGER', description: 'A grouping of countries into six world regions (0-5), as in the vega-datasets examples.' },
      { name: 'pop', type: 'INTEGER', unit: 'people', description: 'Population.' },
      { name: 'life_expect', type: 'DOUBLE', unit: 'years', description: 'Life expectancy at birth. Label (regression).' },
      { name: 'fertility', type: 'DOUBLE', unit: 'babies per woman', description: 'Total fertility rate.' },
    ],
    load(src) { return loadJson(src, this); },
    describe(t, s) {
      const n = t.rows.length;
      const per = [...t.counts('country').values()];
      return {
        collector:
          'Figures compiled by the Gapminder Foundation from UN and national statistics (life expectancy, population, fertility), ' +
          'as shipped by vega-datasets for its examples.',
        labelText:
          `\`life_expect\` (regression; ${s.life_expect.min} … ${s.life_expect.max} years).`,
        quirks: [
          `${s.country.distinct} countries with ${Math.min(...per)}-${Math.max(...per)} rows each (${fmtInt(n)} rows): every country appears in every year, so a random split puts each country on both sides.`,
          'Life expectancy rises over the decades nearly everywhere: a model that sees the year and the country mostly learns each country\'s trend.',
          'Gapminder notes that its figures for early years and small countries are partly modelled estimates.',
        ],
        teaching:
          'Countries are groups: the precision suite splits by country (honest) or by row (a country on both sides).',
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
