// End of security support of the runtimes a Django stack runs on (Django, Python, PostgreSQL), from each project's
// published policy, and how to read a version out of an image tag. Dates are the last day of support; a series not
// listed is newer than the table (supported) or older than its rows (long unsupported).
import { parseImageRef } from './dockerfile/_stages.js';

export type Series = readonly [number, number];

export interface Product {
  name: string;
  /** Oldest first. */
  series: readonly { version: Series; eol: string }[];
  policy: string;
}

/** https://www.djangoproject.com/download/#supported-versions (LTS: x.2). */
export const DJANGO: Product = {
  name: 'Django',
  policy: 'https://www.djangoproject.com/download/#supported-versions',
  series: [
    { version: [1, 8], eol: '2018-04-01' },
    { version: [1, 9], eol: '2017-04-04' },
    { version: [1, 10], eol: '2017-12-02' },
    { version: [1, 11], eol: '2020-04-01' },
    { version: [2, 0], eol: '2019-04-01' },
    { version: [2, 1], eol: '2019-12-02' },
    { version: [2, 2], eol: '2022-04-11' },
    { version: [3, 0], eol: '2021-04-06' },
    { version: [3, 1], eol: '2021-12-07' },
    { version: [3, 2], eol: '2024-04-01' },
    { version: [4, 0], eol: '2023-04-01' },
    { version: [4, 1], eol: '2023-12-01' },
    { version: [4, 2], eol: '2026-04-30' },
    { version: [5, 0], eol: '2025-04-02' },
    { version: [5, 1], eol: '2025-12-03' },
    { version: [5, 2], eol: '2028-04-30' },
    { version: [6, 0], eol: '2027-04-30' },
  ],
};

/** https://devguide.python.org/versions/ */
export const PYTHON: Product = {
  name: 'Python',
  policy: 'https://devguide.python.org/versions/',
  series: [
    { version: [2, 7], eol: '2020-01-01' },
    { version: [3, 4], eol: '2019-03-18' },
    { version: [3, 5], eol: '2020-09-30' },
    { version: [3, 6], eol: '2021-12-23' },
    { version: [3, 7], eol: '2023-06-27' },
    { version: [3, 8], eol: '2024-10-07' },
    { version: [3, 9], eol: '2025-10-31' },
    { version: [3, 10], eol: '2026-10-31' },
    { version: [3, 11], eol: '2027-10-31' },
    { version: [3, 12], eol: '2028-10-31' },
    { version: [3, 13], eol: '2029-10-31' },
    { version: [3, 14], eol: '2030-10-31' },
  ],
};

/** https://www.postgresql.org/support/versioning/ (before 10 a major version was x.y). */
export const POSTGRES: Product = {
  name: 'PostgreSQL',
  policy: 'https://www.postgresql.org/support/versioning/',
  series: [
    { version: [9, 3], eol: '2018-11-08' },
    { version: [9, 4], eol: '2020-02-13' },
    { version: [9, 5], eol: '2021-02-11' },
    { version: [9, 6], eol: '2021-11-11' },
    { version: [10, 0], eol: '2022-11-10' },
    { version: [11, 0], eol: '2023-11-09' },
    { version: [12, 0], eol: '2024-11-21' },
    { version: [13, 0], eol: '2025-11-13' },
    { version: [14, 0], eol: '2026-11-12' },
    { version: [15, 0], eol: '2027-11-11' },
    { version: [16, 0], eol: '2028-11-09' },
    { version: [17, 0], eol: '2029-11-08' },
    { version: [18, 0], eol: '2030-11-14' },
  ],
};

export function compareSeries(a: Series, b: Series): number {
  return a[0] - b[0] || a[1] - b[1];
}

export interface EndOfLife {
  series: Series;
  label: string;
  /** Last day of support; null for a series older than the table (unsupported for years). */
  eol: string | null;
  /** Past that day more than a year: long unsupported (the full severity), else recently (low). */
  longAgo: boolean;
}

/** The end of life of `series` when it is past on `today` (YYYY-MM-DD), else null (supported or newer than known). */
export function pastEndOfLife(product: Product, series: Series, today: string): EndOfLife | null {
  const label = `${series[0]}.${series[1]}`;
  const row = product.series.find((s) => compareSeries(s.version, series) === 0);
  if (!row) {
    // Not listed: newer than the table (supported), or an old series from before it (or between its rows).
    const newest = product.series[product.series.length - 1].version;
    return compareSeries(series, newest) < 0 ? { series, label, eol: null, longAgo: true } : null;
  }
  if (row.eol >= today) return null;
  const yearLater = `${Number(row.eol.slice(0, 4)) + 1}${row.eol.slice(4)}`;
  return { series, label, eol: row.eol, longAgo: yearLater < today };
}

/**
 * How the end-of-life rules report a version past support: `endOfLife` with its date, or `longGone` before the
 * table; at the rule's severity, or low within a year of the date (recently out of support: plan the upgrade).
 */
export function endOfLifeReport(past: EndOfLife): { messageId: 'endOfLife' | 'longGone'; severity: 'low' | undefined; data: { series: string; eol: string } } {
  return { messageId: past.eol ? 'endOfLife' : 'longGone', severity: past.longAgo ? undefined : 'low', data: { series: past.label, eol: past.eol ?? '' } };
}

/** The newest listed series of a major version ("python:3" runs the newest 3.x). */
function newestOfMajor(product: Product, major: number): Series | 'newer' {
  const rows = product.series.filter((s) => s.version[0] === major);
  if (rows.length === 0) return major < product.series[0].version[0] ? [major, 0] : 'newer';
  // A major version still getting new series (python 3): the tag follows them, so it is supported.
  const last = product.series[product.series.length - 1].version;
  return last[0] === major ? 'newer' : rows[rows.length - 1].version;
}

/** Images that run PostgreSQL, with the tag naming its version first ("postgis/postgis:12-3.0" is PostgreSQL 12). */
const POSTGRES_IMAGES = /^(postgres|postgis\/postgis|bitnami\/postgresql|timescale\/timescaledb|pgvector\/pgvector)$/;

/**
 * The product and series an image runs, read from its official-image tag (python:3.8-slim, postgres:12-alpine,
 * postgis/postgis:13-3.1); null when the image is another one or the tag names no version (latest, alpine).
 * `newer` when the tag follows a major version that still gets releases.
 */
export function imageSeries(image: string): { product: Product; series: Series | 'newer'; tag: string } | null {
  const ref = parseImageRef(image);
  const repo = ref.repository.toLowerCase().replace(/^(docker\.io\/)?(library\/)?/, '');
  if (ref.tag === null) return null;
  let product: Product;
  let tag = ref.tag;
  if (repo === 'python') product = PYTHON;
  else if (POSTGRES_IMAGES.test(repo)) {
    product = POSTGRES;
    // timescale's tags name PostgreSQL after "pg" (2.14.2-pg15, latest-pg12).
    const pg = /(?:^|-)pg(\d+)(?:$|-)/.exec(tag);
    if (repo.startsWith('timescale/')) {
      if (!pg) return null;
      tag = pg[1];
    }
  } else return null;
  const m = /^(\d+)(?:\.(\d+))?/.exec(tag);
  if (!m) return null;
  const major = Number(m[1]);
  const minor = m[2] === undefined ? null : Number(m[2]);
  if (product === POSTGRES && major >= 10) return { product, series: [major, 0], tag: ref.tag };
  return { product, series: minor === null ? newestOfMajor(product, major) : [major, minor], tag: ref.tag };
}
