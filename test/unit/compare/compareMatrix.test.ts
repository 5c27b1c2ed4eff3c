import * as assert from 'node:assert/strict';
import { buildCompareMatrix, matrixToCsv, maxCount, passagesFor, type CompareMatrix } from '../../../src/core/compare';
import { compareInput, herFilm } from './compareFixtures';

/** A minimal RFC 4180 reader, to prove the CSV reads back to what was written. */
function readCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && csv[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  assert.equal(field, '', 'the CSV ends with CRLF');
  return rows;
}

describe('compare: the critic × entity matrix on the Her corpus', () => {
  it('counts every mention: column totals equal the index totals, cells equal per-review counts', async () => {
    const film = await herFilm();
    const { reviews, entities } = compareInput(film);
    const m = buildCompareMatrix(reviews, entities, { includeUnmentioned: true });
    assert.equal(m.critics.length, 5);
    assert.equal(m.entities.length, film.lexicon.entities.length);
    let checked = 0;
    for (const [c, e] of m.entities.entries()) {
      const expected = film.totalMentions(e.id);
      assert.equal(e.total, expected.mentions, `${e.id} total`);
      assert.equal(e.reviews, expected.reviews, `${e.id} reviews`);
      assert.equal(m.counts.reduce((s, row) => s + row[c], 0), expected.mentions);
      m.critics.forEach((critic, r) => {
        assert.equal(m.counts[r][c], film.reviews.get(critic.uri)!.counts.get(e.id) ?? 0, `${critic.label} × ${e.id}`);
        checked++;
      });
    }
    assert.equal(checked, 5 * film.lexicon.entities.length);
    const samantha = m.entities.find((e) => e.id === 'samantha')!;
    assert.ok(samantha.total >= 40 && samantha.reviews === 5, JSON.stringify(samantha));
    console.log(`      Samantha: ${samantha.total} mentions in ${samantha.reviews} reviews; max cell ${maxCount(m)}`);
  });

  it('sorts by count (columns by total, rows by row total) or by name', async () => {
    const { reviews, entities } = compareInput(await herFilm());
    const byCount = buildCompareMatrix(reviews, entities, { sort: 'count' });
    const totals = byCount.entities.map((e) => e.total);
    assert.deepEqual(totals, [...totals].sort((a, b) => b - a));
    const rowTotals = byCount.counts.map((r) => r.reduce((a, b) => a + b, 0));
    assert.deepEqual(rowTotals, [...rowTotals].sort((a, b) => b - a));
    assert.ok(byCount.entities.every((e) => e.total > 0), 'unmentioned entities are dropped by default');
    const byName = buildCompareMatrix(reviews, entities, { sort: 'name' });
    const names = byName.entities.map((e) => e.name);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const labels = byName.critics.map((c) => c.label);
    assert.deepEqual(labels, [...labels].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    // the same cells, only moved
    const cell = (m: CompareMatrix, uri: string, id: string) => m.counts[m.critics.findIndex((c) => c.uri === uri)][m.entities.findIndex((e) => e.id === id)];
    for (const r of reviews) assert.equal(cell(byName, r.uri, 'theodore'), cell(byCount, r.uri, 'theodore'));
  });

  it('filters by kind', async () => {
    const { reviews, entities } = compareInput(await herFilm());
    const themes = buildCompareMatrix(reviews, entities, { filters: { kinds: ['theme'] } });
    assert.ok(themes.entities.length > 3);
    assert.ok(themes.entities.every((e) => e.kind === 'theme'));
    const people = buildCompareMatrix(reviews, entities, { filters: { kinds: ['person', 'character'] } });
    assert.ok(people.entities.some((e) => e.kind === 'person') && people.entities.some((e) => e.kind === 'character'));
    assert.ok(people.entities.every((e) => e.kind === 'person' || e.kind === 'character'));
    assert.equal(people.counts[0].length, people.entities.length);
  });
});

describe('compare: passages', () => {
  it('gives every critic’s sentences on Samantha, each mention inside its sentence', async () => {
    const film = await herFilm();
    const { reviews } = compareInput(film);
    const columns = passagesFor(reviews, 'samantha');
    assert.equal(columns.length, 5);
    let passages = 0;
    for (const col of columns) {
      const review = reviews.find((r) => r.uri === col.uri)!;
      assert.equal(col.count, film.reviews.get(col.uri)!.counts.get('samantha'));
      assert.equal(col.passages.reduce((n, p) => n + p.mentions.length, 0), col.count, 'every mention is in one passage');
      for (const p of col.passages) {
        passages++;
        assert.ok(p.start >= review.bodyStart!, 'never in front matter');
        assert.equal(p.text.length, p.end - p.start);
        assert.ok(!/[\r\n]/.test(p.text));
        for (const m of p.mentions) assert.match(p.text.slice(m.start, m.end), /^Samantha/);
        // a sentence: starts with a capital or an opening quote, ends with its punctuation
        assert.match(p.text, /^[“"‘'(\p{Lu}\d]/u, p.text);
        assert.match(p.text, /[.!?…”"’):]$|[\p{L}]$/u, p.text);
      }
    }
    const gross = columns.find((c) => c.label.startsWith('Jessica Gross'))!;
    assert.ok(gross.passages.some((p) => p.text.startsWith('His OS (voiced by Scarlett Johansson) names herself Samantha')), gross.passages.map((p) => p.text).join('\n'));
    // two mentions in one sentence make one passage
    const both = gross.passages.find((p) => p.text.startsWith('Walking around, examining passersby with Samantha'));
    assert.ok(both, 'the sentence with Samantha is found');
    console.log(`      ${passages} passages on Samantha across ${columns.length} critics`);
  });

  it('for one cell: that review only, with the passage line', async () => {
    const { reviews } = compareInput(await herFilm());
    const uri = reviews.find((r) => r.label.startsWith('Hua Ruonan'))!.uri;
    const cell = passagesFor(reviews, 'catherine', uri);
    assert.equal(cell.length, 1);
    assert.equal(cell[0].uri, uri);
    const review = reviews.find((r) => r.uri === uri)!;
    for (const p of cell[0].passages) {
      const lineStart = review.text.split('\n').slice(0, p.line).join('\n').length + (p.line > 0 ? 1 : 0);
      assert.ok(lineStart <= p.start && p.start <= lineStart + review.text.split('\n')[p.line].length, `line ${p.line}`);
    }
    assert.deepEqual(passagesFor(reviews, 'no-such-entity'), []);
  });
});

describe('compare: CSV', () => {
  it('quotes commas, quotes and line breaks in names, and reads back to the matrix', () => {
    const matrix: CompareMatrix = {
      critics: [
        { uri: 'a', label: 'Gross, Jessica — "Becoming Human"' },
        { uri: 'b', label: 'Line\nbreak\r\nreview' },
        { uri: 'c', label: '=HYPERLINK("http://x")' },
      ],
      entities: [
        { id: 'x', kind: 'character', name: 'Twombly, Theodore', total: 3, reviews: 2 },
        { id: 'y', kind: 'theme', name: 'the "real"', total: 1, reviews: 1 },
        { id: 'z', kind: 'person', name: 'Plain', total: 0, reviews: 0 },
      ],
      counts: [
        [2, 0, 0],
        [1, 1, 0],
        [0, 0, 0],
      ],
    };
    const csv = matrixToCsv(matrix);
    assert.equal(csv.split('\r\n')[0], 'Review,"Twombly, Theodore","the ""real""",Plain');
    const rows = readCsv(csv);
    assert.deepEqual(rows, [
      ['Review', 'Twombly, Theodore', 'the "real"', 'Plain'],
      ['Gross, Jessica — "Becoming Human"', '2', '0', '0'],
      ['Line\nbreak\r\nreview', '1', '1', '0'],
      ["'=HYPERLINK(\"http://x\")", '0', '0', '0'],
    ]);
  });

  it('writes the real matrix: one row per review, one column per entity', async () => {
    const { reviews, entities } = compareInput(await herFilm());
    const m = buildCompareMatrix(reviews, entities);
    const rows = readCsv(matrixToCsv(m));
    assert.equal(rows.length, m.critics.length + 1);
    assert.deepEqual(rows[0].slice(1), m.entities.map((e) => e.name));
    rows.slice(1).forEach((row, r) => assert.deepEqual(row.slice(1).map(Number), m.counts[r]));
  });
});
