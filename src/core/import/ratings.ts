// Ratings as pages write them — star glyphs, "4/5 stars", "8.5/10", "85/100", "3 out of 4",
// letter grades — read into value / scale / normalised (0..1), keeping the text as written.

export interface Rating {
  /** The rating exactly as the page wrote it (without a "Rating:" label). */
  text: string;
  value: number;
  scale: number;
  /** Where the rating sits from the scale's lowest mark (0, or schema.org's worstRating) to its highest: 0..1, 3 decimals. */
  normalized: number;
  /** True when the page did not state the scale (bare stars: 5; a bare decimal score: 10). */
  scaleAssumed?: boolean;
}

const FULL_STARS = '★⭐✭✮✯🌟✪✫✬';
const EMPTY_STARS = '☆✩';
const HALF_MARKS = ['½', '1/2', '⯪', '⯨', '⯫', '⯩', '.5'];

/** Letter grades on a 13-step scale: F = 0 … A+ = 12 (see docs/import.md). */
const GRADES = ['F', 'D-', 'D', 'D+', 'C-', 'C', 'C+', 'B-', 'B', 'B+', 'A-', 'A', 'A+'];

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

/** Labels a rating line may start with; the label is not part of the rating's text. */
const LABEL = /^(?:(?:our |my |the )?(?:rating|score|grade|verdict|stars|mark)s?\s*[:：\-–—]?\s*)/i;

function rating(text: string, value: number, scale: number, scaleAssumed = false): Rating | undefined {
  if (!(scale > 0) || !(value >= 0) || value > scale) return undefined;
  const r: Rating = { text, value, scale, normalized: Math.round((value / scale) * 1000) / 1000 };
  if (scaleAssumed) r.scaleAssumed = true;
  return r;
}

const num = (s: string): number => {
  const w = NUMBER_WORDS[s.toLowerCase()];
  return w !== undefined ? w : Number(s.replace(',', '.'));
};

const NUM = String.raw`(\d{1,3}(?:[.,]\d{1,2})?|zero|one|two|three|four|five|six|seven|eight|nine|ten)`;

/** A run of star glyphs, optionally with a half mark, and optionally empty stars after it. */
function parseStars(s: string): Rating | undefined {
  const compact = s.replace(/[\s\u00a0\uFE0F]+/g, '');
  if (!compact) return undefined;
  let full = 0;
  let empty = 0;
  let half = 0;
  let i = 0;
  const chars = Array.from(compact);
  while (i < chars.length) {
    const c = chars[i];
    if (FULL_STARS.includes(c) && empty === 0 && half === 0) {
      full++;
      i++;
      continue;
    }
    if (EMPTY_STARS.includes(c)) {
      empty++;
      i++;
      continue;
    }
    const rest = chars.slice(i).join('');
    const mark = HALF_MARKS.find((m) => rest.startsWith(m));
    if (mark && half === 0 && empty === 0) {
      half = 1;
      i += Array.from(mark).length;
      continue;
    }
    return undefined;
  }
  if (full + half === 0 && empty === 0) return undefined;
  if (full + half + empty === 0) return undefined;
  const value = full + half / 2;
  if (empty > 0) return rating(s, value, full + half + empty);
  return rating(s, value, 5, true);
}

/**
 * Reads one rating from a short piece of text that is nothing but a rating (a label such as
 * "Rating:" may come first). Returns undefined for anything else: prose is never mined for
 * ratings, so "I give it two thumbs" or "one of the 10 best films" stay prose.
 */
export function parseRating(input: string): Rating | undefined {
  let s = input.replace(/\u00a0/g, ' ').trim();
  s = s.replace(/^[([]\s*/, '').replace(/\s*[)\]]$/, '');
  const labelled = LABEL.exec(s);
  const hadLabel = !!labelled && labelled[0].length > 0;
  if (hadLabel) s = s.slice(labelled[0].length).trim();
  if (!s || s.length > 40) return undefined;
  const text = s;

  // Star glyphs: ★★★★½, ★★★★1/2, ★★★☆☆, ⭐⭐⭐⭐ (optionally followed by "stars").
  const starPart = s.replace(/\s*(?:stars?|out of \d+(?: stars?)?)$/i, '');
  if (/[★☆✩⭐✭✮✯🌟✪✫✬]/u.test(starPart)) {
    const outOf = /out of (\d+)/i.exec(s);
    const r = parseStars(starPart);
    if (r && outOf) return rating(text, r.value, Number(outOf[1]));
    return r ? { ...r, text } : undefined;
  }
  // Asterisks stand for stars only with a label or a half mark: "***" alone is a scene break.
  if (/^\*{1,5}(?:½|1\/2)?$/.test(s) && (hadLabel || /½|1\/2/.test(s))) {
    const full = (s.match(/\*/g) ?? []).length;
    return rating(text, full + (/½|1\/2/.test(s) ? 0.5 : 0), 5, true);
  }

  // "4/5", "8.5/10", "85/100", "3.5 / 4 stars", "4 out of 5", "three out of four stars".
  let m = new RegExp(String.raw`^${NUM}(½)?\s*(?:/|out of|of)\s*${NUM}(?:\s*stars?)?$`, 'i').exec(s);
  if (m) return rating(text, num(m[1]) + (m[2] ? 0.5 : 0), num(m[3]));

  // "4 stars", "4½ stars", "three and a half stars", "3.5 stars" — stars without a scale: 5.
  m = new RegExp(String.raw`^${NUM}(½| and a half)?\s+stars?$`, 'i').exec(s);
  if (m) return rating(text, num(m[1]) + (m[2] ? 0.5 : 0), 5, true);

  // Letter grades: "B+", "A-", "A−" (minus sign); a plain letter only after a label.
  m = /^([A-DF])([+\-−–]?)$/.exec(s);
  if (m && (m[2] || hadLabel)) {
    const grade = m[1] + (m[2] ? (m[2] === '+' ? '+' : '-') : '');
    const i = GRADES.indexOf(grade);
    if (i >= 0) return rating(text, i, GRADES.length - 1);
  }

  // A bare decimal after a label ("Score: 8.5"): out of 10 when it can only be.
  m = /^(\d{1,2}[.,]\d)$/.exec(s);
  if (m && hadLabel) return bareScore(text);
  return undefined;
}

/**
 * A bare score with one decimal, as blogs print beside a title ("Her 8.5"): a decimal score above
 * 5 and at most 10 can only be out of 10. Anything else is too ambiguous to read.
 */
export function bareScore(text: string): Rating | undefined {
  const m = /^(\d{1,2})[.,](\d)$/.exec(text.trim());
  if (!m) return undefined;
  const v = Number(`${m[1]}.${m[2]}`);
  if (v <= 5 || v > 10) return undefined;
  return rating(text.trim(), v, 10, true);
}

/** The text to write in front matter: as written, with the scale added when the page left it implicit. */
export function ratingDisplay(r: Rating): string {
  if (r.scaleAssumed && /^\d+(?:[.,]\d+)?$/.test(r.text)) return `${r.text}/${r.scale}`;
  return r.text;
}

/** "Us ★★★★½", "Her 8.5": a title followed by a rating. */
export function splitTitleRating(text: string): { title: string; rating: Rating } | undefined {
  const m = /^(.{1,80}?)\s+([★☆✩⭐✭✮✯🌟].*|\d{1,2}[.,]\d|\d{1,3}(?:[.,]\d)?\s*\/\s*\d{1,3}|[A-DF][+\-−]|\(\s*\d.*\))$/u.exec(text.trim());
  if (!m) return undefined;
  const rating = parseRating(m[2]) ?? bareScore(m[2]);
  return rating ? { title: m[1].trim(), rating } : undefined;
}
