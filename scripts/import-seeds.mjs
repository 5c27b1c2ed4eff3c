#!/usr/bin/env node
// Turns the five scraped reviews of Spike Jonze's *Her* (../shared/seeds/*.txt) into the Markdown
// review files of corpus/her/: YAML front matter, then the critic's text.
//
// The critics' words are COPIED from the seeds, never retyped: every paragraph below is a line of
// the seed, byte for byte (curly quotes, U+00A0, dashes, emoji, trailing spaces included). The only
// edits are the ones each seed's rule table names:
//   - lines that are site chrome (titles and bylines repeated in the front matter, menus, donation
//     appeals, comment forms) are dropped, each by its exact text and with the reason;
//   - a few lines become Markdown structure: `## ` section headings, `- ` list items;
//   - a label glued to the start of a line is cut off (seed 004: "HerSynopsis: ").
// Every seed line must be claimed by a rule or be a plain paragraph; an unexpected line stops the
// script, so a changed seed is noticed instead of silently mis-converted.
//
// Paragraphs are separated by one blank line; files end with one newline (LF).
//
// Usage: node scripts/import-seeds.mjs [--seeds DIR] [--out DIR] [--check]
//   --check  only verify that the files on disk are what the script would write, and that every
//            line of review prose in each seed occurs verbatim in its output (exit 1 otherwise).
// Without --check the files are (re)written and then verified the same way.

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const seedsDir = resolve(opt('--seeds', process.env.MARGINALIA_SEEDS ?? join(repo, '..', 'shared', 'seeds')));
const outDir = resolve(opt('--out', join(repo, 'corpus', 'her')));
const checkOnly = args.includes('--check');

// ---------------------------------------------------------------------------------------------
// Rule helpers. A seed is processed line by line (split on "\n"; the seeds have no CR). Each rule
// says what to do with one exact line; lines no rule mentions become paragraphs unchanged.

/** Drop a line of chrome. `text` must equal the seed line exactly. */
const drop = (text, why) => ({ kind: 'drop', text, why });
/** Turn a line into a `## ` heading (the line's text is kept verbatim after "## "). */
const heading = (text) => ({ kind: 'heading', text });
/** Replace a line by something else (used for structure only; `why` says what and why). */
const replace = (text, withBlocks, why) => ({ kind: 'replace', text, blocks: withBlocks, why });
/** A line matched by a regular expression rather than exact text. */
const match = (re, fn, why) => ({ kind: 'match', re, fn, why });

// The Her seeds, one entry each. `meta` keys are written in this order; a key whose value is
// undefined is omitted (the page does not give it, and nothing is invented).
const SEEDS = [
  {
    seed: '000_ce26396ba656f6c0.txt',
    out: 'hua-ruonan-a-decade-later.md',
    meta: {
      title: '“Her”: A Decade Later, a Reflection of Our Reality', // line 1 of the seed
      critic: 'Hua Ruonan', // "By: Hua Ruonan"; the review also signs off "(Hua Ruonan)"
      // publication: not named on the page.
      // date: not given (the text only says "A Decade Later" / "more than a decade later").
    },
    rules: [
      drop('“Her”: A Decade Later, a Reflection of Our Reality', 'page title, in front matter'),
      drop('By: Hua Ruonan', 'byline, in front matter'),
      // An image caption with no image: chrome. Dropped (the corpus keeps no captions).
      drop('Still from “Her”', 'image caption without its image'),
      // The critic's own section headings.
      heading('A Narrative Space Where the Virtual and Real Intertwine'),
      heading('An Emotional Utopia Woven from Code'),
      heading('The Social Dilemma of the Cyborg Age'),
    ],
  },
  {
    seed: '001_6d2cec24d2cec96c.txt',
    out: 'movie-review-her.md',
    meta: {
      title: '[Movie Review] Her', // the page's headline, verbatim
      // critic: the page has an empty "Written by:" — no critic named.
      // publication, date: not given.
    },
    rules: [
      drop('[Movie Review] Her', 'page title, in front matter'),
      drop('Written by:', 'empty byline label (no name follows)'),
      drop('Close Menu', 'site navigation'),
    ],
  },
  {
    seed: '002_056cdc7b25516e1d.txt',
    out: 'larb-jessica-gross-becoming-human.md',
    meta: {
      title: 'Becoming Human: On Spike Jonze’s "Her"',
      critic: 'Jessica Gross',
      // The page says "LARB Contributor", "LARB Staff Recommendations", "Did you know LARB is a
      // reader-supported nonprofit?": the Los Angeles Review of Books.
      publication: 'Los Angeles Review of Books',
      date: '2014-03-02', // "By Jessica GrossMarch 2, 2014"
    },
    rules: [
      drop('Becoming Human: On Spike Jonze’s "Her"', 'page title (it occurs twice), in front matter'),
      drop('By Jessica GrossMarch 2, 2014', 'byline and date glued together, in front matter'),
      // "Jessica Gross is a freelance writer in New York City." closes the article itself (LARB
      // prints it as the review's last line) and is kept as its sign-off. What follows it is the
      // site's contributor box and donation appeal.
      drop('LARB Contributor', 'contributor box'),
      drop(
        'Jessica Gross is a writer based in New York City. She contributes to\u00a0The New York Times Magazine,, and\u00a0The\u00a0Paris Review Daily, among other places. Jessica has a Master\'s degree in cultural reporting and criticism from New York University and a Bachelor\'s in anthropology from Princeton University.',
        'contributor bio box',
      ),
      drop('LARB Staff Recommendations', 'site chrome'),
      drop('Did you know LARB is a reader-supported nonprofit?', 'donation appeal'),
      drop(
        'LARB\u00a0publishes daily without a paywall as part of our mission to make rigorous, incisive, and engaging writing on every aspect of literature, culture, and the arts freely accessible to the public. Help us continue this work with your tax-deductible donation today!',
        'donation appeal',
      ),
    ],
  },
  {
    seed: '003_de4be868db719e04.txt',
    out: 'poignant-exploration.md',
    meta: {
      // No headline, critic, publication or date on the page: only the review text. The file is
      // named after its first sentence ("… Her is a poignant exploration of love, …").
    },
    rules: [],
  },
  {
    seed: '004_e0716a62bcd4b50c.txt',
    out: 'blog-eyelights-her.md',
    meta: {
      title: 'Her', // the page title, glued to "Synopsis:" on the first line
      // critic, publication: not named (a WordPress.com blog, judging by its comment form).
      // date: not given; the post gives only the date the critic saw the film:
      viewed: '2014-01-24', // "Date of viewing: January 24, 2014"
      rating: '8.5/10', // "Her 8.5" (the blog rates out of 10)
    },
    rules: [
      // "HerSynopsis: Set in …" = page title "Her" + the distributor's synopsis, labelled.
      match(
        /^HerSynopsis: /,
        (line) => ['## Synopsis', line.slice('HerSynopsis: '.length)],
        'page title "Her" (front matter) glued to the label "Synopsis:" → a Synopsis section',
      ),
      // The rating line ends the synopsis; the critic's own text starts after it. It gets a
      // heading of its own so the Outline does not file the review under "Synopsis".
      replace('Her 8.5', ['## Review'], 'title + rating (rating in front matter) → start of the review section'),
      // The seed's bullets ("  • ") become Markdown list items.
      match(/^ {2}• /, (line) => ['- ' + line.slice(4)], 'bullet → list item'),
      drop('Date of viewing: January 24, 2014', 'in front matter as `viewed`'),
      // The reader comments stay, under a heading of their own. The seed's "2 responses to “Her"
      // is the comment counter (with its quotation left open by the scraper).
      replace('2 responses to “Her', ['## Responses'], 'comment counter → Responses heading'),
      // Comment 1, the blogger's reply nested under it, and the reply's second paragraph.
      match(/^ {2}1\. /, (line) => ['1. ' + line.slice(5)], 'numbered comment → list item'),
      match(/^ {4}• /, (line) => ['   - ' + line.slice(6)], 'nested reply → nested list item'),
      match(/^ {6}As for /, (line) => ['     ' + line.slice(6)], 'reply, second paragraph → indented under it'),
      // The WordPress comment form.
      drop('What do you think?', 'comment form'),
      drop('Fill in your details below or click an icon to log in:', 'comment form'),
      drop('WordPress.com Logo', 'comment form'),
      drop('You are commenting using your WordPress.com account. Log\u00a0Out\u00a0/\u00a0 Change\u00a0)', 'comment form'),
      drop('Twitter picture', 'comment form'),
      drop('You are commenting using your Twitter account. Log\u00a0Out\u00a0/\u00a0 Change\u00a0)', 'comment form'),
      drop('Facebook photo', 'comment form'),
      drop('You are commenting using your Facebook account. Log\u00a0Out\u00a0/\u00a0 Change\u00a0)', 'comment form'),
      drop('Connecting to %s', 'comment form'),
    ],
  },
];

const COMMON_META = (entry) => ({ film: 'her', seed: entry.seed });
const KEY_ORDER = ['title', 'critic', 'publication', 'date', 'viewed', 'source', 'rating', 'film', 'seed'];

// ---------------------------------------------------------------------------------------------

function yamlScalar(value) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value; // ISO date, plain
  if (/^[A-Za-z][A-Za-z0-9 ._-]*$/.test(value) && !/[:#]/.test(value)) return value; // plain word(s)
  if (!value.includes("'")) return `'${value}'`; // single-quoted: no escapes to worry about
  return JSON.stringify(value); // JSON strings are valid YAML double-quoted scalars
}

function frontMatter(meta) {
  const lines = ['---'];
  for (const key of KEY_ORDER) {
    if (meta[key] !== undefined) lines.push(`${key}: ${yamlScalar(meta[key])}`);
  }
  for (const key of Object.keys(meta)) {
    if (!KEY_ORDER.includes(key)) throw new Error(`unknown front matter key ${key}`);
  }
  lines.push('---');
  return lines.join('\n') + '\n';
}

/** Converts one seed. Returns the file text and, for the check, what happened to every line. */
function convert(entry, seedText) {
  if (seedText.includes('\r')) throw new Error(`${entry.seed}: unexpected CR`);
  const lines = seedText.split('\n');
  const used = new Set();
  const blocks = [];
  const trace = []; // { line, action, why, kept } kept = the text expected verbatim in the output
  lines.forEach((line, i) => {
    if (line.trim() === '') return; // blank lines only separate paragraphs
    const rule = entry.rules.find((r) => (r.kind === 'match' ? r.re.test(line) : r.text === line));
    if (!rule) {
      blocks.push(line);
      trace.push({ n: i + 1, line, action: 'paragraph', kept: line });
      return;
    }
    used.add(rule);
    switch (rule.kind) {
      case 'drop':
        trace.push({ n: i + 1, line, action: 'drop', why: rule.why });
        break;
      case 'heading':
        blocks.push('## ' + line);
        trace.push({ n: i + 1, line, action: 'heading', kept: line });
        break;
      case 'replace':
        blocks.push(...rule.blocks);
        trace.push({ n: i + 1, line, action: 'replace', why: rule.why });
        break;
      case 'match': {
        const out = rule.fn(line);
        blocks.push(...out);
        // What remains of the seed line must still be there, verbatim: the last block's text
        // without the Markdown marker we put in front of it.
        const kept = out[out.length - 1].replace(/^(?:## |\s*- |\s*1\. |\s+)/, '');
        trace.push({ n: i + 1, line, action: 'match', why: rule.why, kept });
        break;
      }
    }
  });
  for (const rule of entry.rules) {
    if (!used.has(rule)) throw new Error(`${entry.seed}: rule never applied: ${rule.text ?? rule.re}`);
  }
  const meta = { ...entry.meta, ...COMMON_META(entry) };
  const text = frontMatter(meta) + blocks.join('\n\n') + '\n';
  return { text, trace };
}

/**
 * The check: every line of the seed that is not dropped as chrome occurs verbatim in the output;
 * so does every sentence of it (trivially, but it is what a reader cares about, and it catches a
 * rule that cuts too much). Also: no line of the output body is anything but seed text or
 * Markdown structure we added on purpose.
 */
function verify(entry, seedText, outText, trace) {
  const problems = [];
  const body = outText.slice(outText.indexOf('\n---\n') + 5);
  for (const t of trace) {
    if (t.kept === undefined) continue;
    if (!body.includes(t.kept)) problems.push(`line ${t.n} not found verbatim: ${t.kept.slice(0, 60)}…`);
    const sentences = t.kept.split(/(?<=[.!?…”"’)])\s+(?=[“"‘(A-Z0-9])/u);
    for (const s of sentences) {
      if (!body.includes(s)) problems.push(`line ${t.n}: sentence not found: ${s.slice(0, 60)}…`);
    }
  }
  // Seed lines without the list markers and glued label that the rules turn into Markdown.
  const seedLines = new Set(seedText.split('\n').map((l) => l.replace(/^(?:HerSynopsis: |\s*• |\s*1\. |\s+)/, '')));
  const added = new Set(['## Synopsis', '## Review', '## Responses']); // headings we add (seed 004)
  for (const line of body.split('\n')) {
    if (line === '' || added.has(line)) continue;
    const bare = line.replace(/^(?:## |\s*- |\s*1\. |\s+)/, '');
    if (!seedLines.has(bare)) problems.push(`output line is not seed text: ${line.slice(0, 60)}…`);
  }
  return problems;
}

let failed = false;
if (!checkOnly) mkdirSync(outDir, { recursive: true });
for (const entry of SEEDS) {
  const seedPath = join(seedsDir, entry.seed);
  const seedText = readFileSync(seedPath, 'utf8');
  const { text, trace } = convert(entry, seedText);
  const outPath = join(outDir, entry.out);
  if (checkOnly) {
    if (!existsSync(outPath) || readFileSync(outPath, 'utf8') !== text) {
      console.error(`DIFFERS ${entry.out}: run node scripts/import-seeds.mjs to regenerate`);
      failed = true;
    }
  } else {
    writeFileSync(outPath, text);
  }
  const problems = verify(entry, seedText, text, trace);
  const dropped = trace.filter((t) => t.action === 'drop' || t.action === 'replace');
  const keptCount = trace.filter((t) => t.kept !== undefined).length;
  console.log(`${problems.length ? 'FAIL' : 'OK  '} ${entry.seed} → corpus/her/${entry.out}: ${keptCount} seed lines kept verbatim, ${dropped.length} dropped/replaced`);
  for (const t of dropped) console.log(`       - line ${t.n} (${t.action}: ${t.why}): ${t.line.slice(0, 70)}`);
  for (const p of problems) console.log(`       ! ${p}`);
  if (problems.length) failed = true;
}
process.exit(failed ? 1 : 0);
