// Dates as pages print them, read into ISO (YYYY-MM-DD). Only full dates with an unambiguous day
// and month are read: "03/04/2016" could be March or April, so it is left alone (never guessed).

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`((?:19|20)\d{2})`;
const WEEKDAY = String.raw`(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?`;
/** A time or reading-time tail: "at 9:00 am", "9:00 AM ET", "· 5 min read", "| Updated …". */
const TAIL = String.raw`(?:\s*(?:,|at|@|\||·|•|-|–|—)?\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?|\d+\s*min(?:ute)?s?\s+read))*`;

export interface FoundDate {
  iso: string;
  /** The date as written. */
  text: string;
  /** Where the date starts in the string it was found in. */
  index: number;
}

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => string | undefined }> = [
  // November 16, 2016 · Nov. 16 2016 · Wednesday, November 16th, 2016
  { re: new RegExp(`${WEEKDAY}${MONTH}\\s+${DAY},?\\s+${YEAR}`, 'i'), read: (m) => iso(+m[3], MONTHS[m[1].toLowerCase()], +m[2]) },
  // 16 November 2016 · 16th Nov. 2016 · Wed 16 November 2016
  { re: new RegExp(`${WEEKDAY}${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}`, 'i'), read: (m) => iso(+m[3], MONTHS[m[2].toLowerCase()], +m[1]) },
  // 2016-11-16 (optionally with a time: 2016-11-16T09:00:00Z) · 2016/11/16
  { re: /((?:19|20)\d{2})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/, read: (m) => iso(+m[1], +m[2], +m[3]) },
  // 16.11.2016 (day first, as everywhere dots are used)
  { re: /(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})/, read: (m) => iso(+m[3], +m[2], +m[1]) },
  // 11/16/2016 or 16/11/2016: only when one of the two cannot be a month.
  {
    re: /(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})/,
    read: (m) => {
      const a = +m[1];
      const b = +m[2];
      if (a > 12 && b <= 12) return iso(+m[3], b, a);
      if (b > 12 && a <= 12) return iso(+m[3], a, b);
      return undefined;
    },
  },
];

/** Finds the first full date anywhere in `s` (no word boundary needed before it: "GrossMarch 2, 2014"). */
export function findDate(s: string): FoundDate | undefined {
  let best: FoundDate | undefined;
  for (const p of PATTERNS) {
    const m = p.re.exec(s);
    if (!m) continue;
    const value = p.read(m);
    if (!value) continue;
    if (!best || m.index < best.index) best = { iso: value, text: m[0], index: m.index };
  }
  return best;
}

/** Labels that say what a date line is; `viewed` dates are not the review's date. */
const PUBLISHED = /^(?:published|posted|posted on|first published|date|dated|on|originally published)(?:\s+on)?\s*[:：]?\s*/i;
const UPDATED = /^(?:updated|last updated|modified|last modified)(?:\s+on)?\s*[:：]?\s*/i;
const VIEWED = /^(?:date of viewing|viewing date|viewed|seen|watched|screened|date watched|date seen)(?:\s+on)?\s*[:：]?\s*/i;

export interface DateLine {
  iso: string;
  text: string;
  kind: 'published' | 'updated' | 'viewed';
}

/**
 * A line that is nothing but a date (with an optional label, weekday, time or "5 min read"):
 * "November 16, 2016", "Published: Nov. 16, 2016 at 9:00 a.m. ET", "Date of viewing: January 24, 2014".
 */
export function parseDateLine(line: string): DateLine | undefined {
  // "Published October 23, 2015 · Updated October 24, 2015": the first date is the review's.
  const updated = /^(.+?)\s*(?:·|•|\||,|–|—|-)\s*(?:updated|last updated|modified|last modified)\b.*$/i.exec(line.trim());
  if (updated && !UPDATED.test(line.trim())) {
    const first = parseDateLine(updated[1]);
    if (first && first.kind === 'published') return first;
  }
  let s = line.replace(/\u00a0/g, ' ').trim();
  let kind: DateLine['kind'] = 'published';
  for (const [re, k] of [[VIEWED, 'viewed'], [UPDATED, 'updated'], [PUBLISHED, 'published']] as const) {
    const m = re.exec(s);
    if (m && m[0].length > 0) {
      s = s.slice(m[0].length);
      kind = k;
      break;
    }
  }
  for (const p of PATTERNS) {
    const re = new RegExp(`^${p.re.source}${TAIL}\\.?$`, p.re.flags);
    const m = re.exec(s);
    if (!m) continue;
    const value = p.read(m);
    if (value) return { iso: value, text: s.trim(), kind };
  }
  return undefined;
}
