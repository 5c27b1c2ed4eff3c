// The importer's line rules on labelled hard cases: ratings, dates, bylines, chrome, and the
// near misses that must stay prose.

import * as assert from 'node:assert/strict';
import { importReview, parseByline, parseDateLine, parseRating } from '../../../src/core/import';
import { chromeLine } from '../../../src/core/import/chrome';
import { classifyLine } from '../../../src/core/import/classify';
import { findDate } from '../../../src/core/import/dates';
import { bareScore, splitTitleRating } from '../../../src/core/import/ratings';
import { shortTitle, slugify, suggestedFileName } from '../../../src/core/import/naming';

describe('import rules: ratings', () => {
  const cases: Array<[string, number, number, number]> = [
    ['★★★★½', 4.5, 5, 0.9],
    ['★★★★1/2', 4.5, 5, 0.9],
    ['★★★☆☆', 3, 5, 0.6],
    ['★★½☆', 2.5, 4, 0.625],
    ['⭐⭐⭐⭐', 4, 5, 0.8],
    ['4/5 stars', 4, 5, 0.8],
    ['4 out of 5 stars', 4, 5, 0.8],
    ['3 out of 4', 3, 4, 0.75],
    ['three out of four stars', 3, 4, 0.75],
    ['8.5/10', 8.5, 10, 0.85],
    ['85/100', 85, 100, 0.85],
    ['Rating: 3.5/4', 3.5, 4, 0.875],
    ['(3.5/5)', 3.5, 5, 0.7],
    ['3½ stars', 3.5, 5, 0.7],
    ['three and a half stars', 3.5, 5, 0.7],
    ['B+', 9, 12, 0.75],
    ['A-', 10, 12, 0.833],
    ['A−', 10, 12, 0.833],
    ['Grade: A', 11, 12, 0.917],
    ['Grade: F', 0, 12, 0],
    ['Rating: ***½', 3.5, 5, 0.7],
    ['Score: 7.5', 7.5, 10, 0.75],
  ];
  for (const [text, value, scale, normalized] of cases) {
    it(`reads ${text}`, () => {
      const r = parseRating(text);
      assert.ok(r, text);
      assert.deepEqual([r.value, r.scale, r.normalized], [value, scale, normalized]);
      assert.equal(r.text, text.replace(/^(?:Rating|Grade|Score):\s*/, '').replace(/^\((.*)\)$/, '$1'));
    });
  }
  it('keeps prose, scene breaks and lone letters out', () => {
    for (const s of ['***', '* * *', 'A', 'I', 'B', '10', '2016', 'I give it four stars and a hug.', 'one of the 10 best films of 2016', '6/10 of the cast', '12/7', 'C++']) {
      assert.equal(parseRating(s), undefined, s);
    }
  });
  it('a bare score beside a title is out of 10 only when it can only be', () => {
    assert.deepEqual(splitTitleRating('Her 8.5')?.rating.scale, 10);
    assert.equal(splitTitleRating('Her 8.5')?.title, 'Her');
    assert.equal(splitTitleRating('Us ★★★★½')?.title, 'Us');
    assert.equal(bareScore('4.5'), undefined, 'could be out of 5');
    assert.equal(bareScore('10'), undefined);
    assert.equal(splitTitleRating('Blade Runner 2049'), undefined);
    assert.equal(splitTitleRating('Ocean’s 11'), undefined);
  });
});

describe('import rules: dates', () => {
  const cases: Array<[string, string]> = [
    ['November 16, 2016', '2016-11-16'],
    ['Nov. 16, 2016', '2016-11-16'],
    ['Wednesday, November 16th, 2016', '2016-11-16'],
    ['16 November 2016', '2016-11-16'],
    ['2016-11-16', '2016-11-16'],
    ['2016-11-16T08:00:00+00:00', '2016-11-16'],
    ['16.11.2016', '2016-11-16'],
    ['11/16/2016', '2016-11-16'],
    ['16/11/2016', '2016-11-16'],
    ['Published: Jul. 21, 2022 at 9:00 a.m. ET', '2022-07-21'],
    ['Posted on March 3, 2017', '2017-03-03'],
    ['May 29, 2009 · 5 min read', '2009-05-29'],
  ];
  for (const [text, iso] of cases) it(`reads ${text}`, () => assert.equal(parseDateLine(text)?.iso, iso));
  it('never guesses: ambiguous or impossible dates, and dates inside prose lines', () => {
    for (const s of ['03/04/2016', 'February 30, 2016', 'November 2016', 'Released on November 11, 2016 in the US, the film grossed $203 million.', '2016', 'Release date: November 11, 2016']) {
      assert.equal(parseDateLine(s), undefined, s);
    }
  });
  it('tells viewing and update dates from the review’s date', () => {
    assert.equal(parseDateLine('Date of viewing: January 24, 2014')?.kind, 'viewed');
    assert.equal(parseDateLine('Updated: Nov 17, 2016')?.kind, 'updated');
    // Published, then updated, on one line: the first is the review's date.
    assert.deepEqual(parseDateLine('Published October 23, 2015 · Updated October 24, 2015'), { iso: '2015-10-23', text: 'October 23, 2015', kind: 'published' });
    assert.notEqual(parseDateLine('Updated October 24, 2015 · Published October 23, 2015')?.kind, 'published', 'not read as the review’s date');
    assert.equal(parseDateLine('The film opens October 23, 2015 · Updated October 24, 2015'), undefined);
  });
  it('finds a date glued to a name by a scraper', () => {
    assert.equal(findDate('Jessica GrossMarch 2, 2014')?.iso, '2014-03-02');
  });
});

describe('import rules: bylines', () => {
  const cases: Array<[string, { critic?: string; publication?: string; date?: string }]> = [
    ['By Jane Doe', { critic: 'Jane Doe' }],
    ['By: Hua Ruonan', { critic: 'Hua Ruonan' }],
    ['BY A.O. SCOTT', { critic: 'A.O. SCOTT' }],
    ['By A. O. Scott', { critic: 'A. O. Scott' }],
    ['Written by Marcus Hale | The Celluloid Ledger', { critic: 'Marcus Hale', publication: 'The Celluloid Ledger' }],
    ['By Jessica GrossMarch 2, 2014', { critic: 'Jessica Gross', date: '2014-03-02' }],
    ['By Jane Doe on November 16, 2016', { critic: 'Jane Doe', date: '2016-11-16' }],
    ['Review by Wendy Ide, Chief Film Critic', { critic: 'Wendy Ide' }],
    ['Words by Tomás Ibáñez', { critic: 'Tomás Ibáñez' }],
    ['By Ludovic van der Berg', { critic: 'Ludovic van der Berg' }],
    ['By Manohla Dargis and A.O. Scott', { critic: 'Manohla Dargis and A.O. Scott' }],
    ['Dana Whitfield | The Night Shift', { critic: 'Dana Whitfield', publication: 'The Night Shift' }],
    ['Posted on June 5, 2009 by Hannah Lindqvist', { critic: 'Hannah Lindqvist', date: '2009-06-05' }],
  ];
  // Parts joined by " · ", " | " or " • ": the byline, and beside it a date, a rating, a publication.
  const strips: Array<[string, { critic?: string; publication?: string; date?: string; rating?: string }]> = [
    ['Festival Dispatch · Sept. 20, 2015 · by Kwame Mensah', { critic: 'Kwame Mensah', publication: 'Festival Dispatch', date: '2015-09-20' }],
    ['Grade: A- · posted by Ines Carvalho on 2016-01-30', { critic: 'Ines Carvalho', date: '2016-01-30', rating: 'A-' }],
    ['★★★½ | by Dana Whitfield | The Night Shift', { critic: 'Dana Whitfield', publication: 'The Night Shift', rating: '★★★½' }],
    ['Watched by Sam Okonkwo · 12 Jan 2024', { critic: 'Sam Okonkwo', date: '2024-01-12' }],
  ];
  for (const [line, want] of strips) {
    it(`reads the byline in ${line}`, () => {
      const c = classifyLine(line, 'text');
      assert.equal(c.kind, 'byline', line);
      if (c.kind !== 'byline') return;
      assert.deepEqual({ critic: c.byline.critic, publication: c.byline.publication, date: c.byline.date?.iso, rating: c.rating?.text }, { critic: undefined, publication: undefined, date: undefined, rating: undefined, ...want });
    });
  }
  it('a line of parts is a byline only when every part is one', () => {
    for (const s of ['Festival Dispatch · Sept. 20, 2015 · by the river', 'Drama · 2015 · 118 minutes', 'Brie Larson · Jacob Tremblay · Joan Allen', 'Rated R · 118 minutes · by Lenny Abrahamson, from a novel']) {
      assert.notEqual(classifyLine(s, 'text').kind, 'byline', s);
    }
  });
  for (const [line, want] of cases) {
    it(`reads ${line}`, () => {
      const b = parseByline(line);
      assert.ok(b, line);
      assert.deepEqual({ critic: b.critic, publication: b.publication, date: b.date?.iso }, { critic: want.critic, publication: want.publication, date: want.date });
    });
  }
  it('is not fooled by prose that starts with "By"', () => {
    for (const s of ['By the end of the film, Louise knows.', 'By then it is too late', 'Directed by Denis Villeneuve', 'Arrival | Film | The Guardian', 'Home | Reviews | About']) {
      assert.equal(parseByline(s), undefined, s);
    }
    assert.deepEqual(parseByline('Written by:'), { empty: true });
  });
});

describe('import rules: chrome lines and near misses', () => {
  const chrome: Array<[string, string]> = [
    ['Share', 'share bar'],
    ['Share this:', 'share bar'],
    ['Facebook Twitter Email', 'share bar'],
    ['Click to share on Twitter (Opens in new window)', 'share bar'],
    ['Like Loading...', 'share bar'],
    ['Like this:  Like Loading…', 'share bar'],
    ['Close Menu', 'menu'],
    ['Skip to content', 'menu'],
    ['Home | Reviews | Features | About', 'menu'],
    ['MENU   NEWS   SPORT   ARTS   OPINION   Subscribe   Sign in', 'menu'],
    ['The Long Take — Home | Reviews | Festivals | Podcast | About', 'menu'],
    ['Search…', 'menu'],
    ['Liked by 48 people · 3 comments', 'counter'],
    ['1.2K views | 12 comments', 'counter'],
    ['Related: TIFF 2015 winners — the full list', 'related link'],
    ['Read more: Sundance 2020, day four', 'related link'],
    ['Sign up for Festival Dispatch daily', 'subscription notice'],
    ['Home › Reviews › Arrival', 'breadcrumb'],
    ['Home / Movies / Reviews', 'breadcrumb'],
    ['Tag: Amy Adams', 'tag list'],
    ['Tags: Jordan Peele, Horror', 'tag list'],
    ['Filed under: Reviews, Science Fiction', 'tag list'],
    ['Posted in Reviews', 'tag list'],
    ['We use cookies to improve your experience on our site.', 'cookie notice'],
    ['Subscribe to our newsletter', 'subscription notice'],
    ['Did you know LARB is a reader-supported nonprofit?', 'donation appeal'],
    ['© 2019 The Night Shift. All rights reserved.', 'footer'],
    ['Powered by WordPress', 'footer'],
    ['Leave a Reply', 'comment form'],
    ['Your email address will not be published. Required fields are marked *', 'comment form'],
    ['Reply', 'comment controls'],
    ['Still from “Her”', 'image caption'],
    ['Photo: Paramount Pictures', 'image caption'],
    ['Advertisement', 'advertisement'],
    ['Written by:', 'empty byline'],
  ];
  for (const [line, reason] of chrome) it(`drops ${JSON.stringify(line)} (${reason})`, () => assert.equal(chromeLine(line), reason));
  it('keeps sentences that only use chrome words', () => {
    for (const s of [
      'Share your thoughts with the person next to you afterwards; you will want to.',
      'Home is where the horror is, in Us.',
      'The cookies Theodore eats are the only warm thing in his apartment.',
      'She tags along with the soldiers to the shell.',
      'Menu choices at the diner say everything about Kevin.',
      'Reply all you like; Samantha answers every email before he reads it.',
      'Subscribe to nothing, Peele seems to say, least of all your own reflection.',
      'Email, for Theodore, is a kind of poetry.',
      'Related: that is what the film wants us to feel about the Tethered.',
      'Read more: the novel, then the screenplay, then the film again.',
      'Menu   Sign in', // two words of a menu are not yet a menu
      'The Long Take — a review of Room',
      'Liked by 48 people, and hated by the rest of the festival.',
    ]) {
      assert.equal(chromeLine(s), undefined, s);
    }
  });
});

describe('import rules: whole pages', () => {
  it('keeps the critic’s text byte for byte: curly quotes, dashes, NBSP, emoji, trailing spaces', () => {
    const line = 'She says, “Me too. Now we know how.”\u00a0 — and the screen goes white 🤍 ';
    const r = importReview({ fileName: 'x.txt', text: `A Title\nBy Jane Doe\n${line}\n` });
    assert.equal(r.body, line + '\n');
  });
  it('turns bullets into Markdown lists, nesting as the page nested them', () => {
    const text = 'The film has flaws, and I will list three of them here for the record.\n  • One is the pace.\n    • Another nested under it.\n      A second paragraph of that one.\n  • And the ending.\nThat is all I have to say about it, really, and I mean it.\n';
    const r = importReview({ fileName: 'x.txt', text });
    assert.equal(r.body, 'The film has flaws, and I will list three of them here for the record.\n\n- One is the pace.\n\n  - Another nested under it.\n\n    A second paragraph of that one.\n\n- And the ending.\n\nThat is all I have to say about it, really, and I mean it.\n');
  });
  it('a section label starts a section; the repeated title with its rating starts the review', () => {
    const text = 'NopeSynopsis: Two siblings who train horses find something in the clouds above their ranch.\n\nNope 8.0\n\nPeele looks up, and so do we, for two hours and ten minutes of dread and wonder.\n';
    const r = importReview({ fileName: 'x.txt', text });
    assert.equal(r.frontMatter.title, 'Nope');
    assert.equal(r.frontMatter.rating?.text, '8.0');
    assert.equal(r.body, '## Synopsis\n\nTwo siblings who train horses find something in the clouds above their ranch.\n\n## Review\n\nPeele looks up, and so do we, for two hours and ten minutes of dread and wonder.\n');
  });
  it('the site’s name above its menu is the publication, a section kicker is not the title', () => {
    const text = 'SUBSCRIBE   |   LOG IN\nThe Westside Weekly\nNews  •  Arts  •  Film  •  Food\n\nFILM\n‘Heat’: Mann’s city at night\nBy Gordon Achebe\n\nHeat is a crime picture with the soul of a novel, and Michael Mann knows it.\n';
    const r = importReview({ fileName: 'x.txt', text });
    assert.deepEqual([r.frontMatter.title, r.frontMatter.critic, r.frontMatter.publication], ['‘Heat’: Mann’s city at night', 'Gordon Achebe', 'The Westside Weekly']);
    assert.equal(r.body, 'Heat is a crime picture with the soul of a novel, and Michael Mann knows it.\n');
    // Without a menu below it, a short first line is still the title.
    assert.equal(importReview({ fileName: 'x.txt', text: 'The Westside Weekly\nBy Gordon Achebe\n\nHeat is a crime picture with the soul of a novel, and Mann knows it.\n' }).frontMatter.title, 'The Westside Weekly');
  });
  it('never invents a field: a page that says nothing gets no front matter', () => {
    const r = importReview({ fileName: 'notes.txt', text: 'I saw Up again today and cried at the same place, ten minutes in, as always.\n' });
    assert.deepEqual(r.frontMatter, {});
    assert.ok(!r.markdown.startsWith('---'));
    assert.equal(r.suggestedName, 'notes.md');
  });
  it('a source URL given by the caller wins over the page', () => {
    const r = importReview({ fileName: 'x.txt', text: 'Title Here\nSource: https://a.example/x\nA sentence that is long enough to be the review itself, for sure.\n', sourceUrl: 'https://b.example/y' });
    assert.equal(r.frontMatter.source, 'https://b.example/y');
  });
  it('Markdown: keeps front matter as written (comments, unknown keys), fills what is missing', () => {
    const text = '---\n# mine\ntitle: Up\nrating: 4/5\nmood: teary\n---\nBy Priya Raman\nMay 29, 2009\n\nThe first ten minutes of Up are the best ten minutes Pixar has made.\n';
    const r = importReview({ fileName: 'up.md', text });
    assert.equal(r.markdown, '---\n# mine\ntitle: Up\nrating: 4/5\nmood: teary\ncritic: Priya Raman\ndate: 2009-05-29\n---\nThe first ten minutes of Up are the best ten minutes Pixar has made.\n');
    assert.deepEqual(r.frontMatter.rating, { text: '4/5', value: 4, scale: 5, normalized: 0.8 });
  });
});

describe('import rules: file names', () => {
  it('critic or publication, then a short title', () => {
    assert.equal(shortTitle('Becoming Human: On Spike Jonze’s "Her"'), 'Becoming Human');
    assert.equal(shortTitle('“Her”: A Decade Later, a Reflection of Our Reality'), 'A Decade Later');
    assert.equal(shortTitle('Review: ‘Arrival’ is a stunning, cerebral first-contact film'), '‘Arrival’ is a stunning');
    assert.equal(suggestedFileName({ critic: 'Jessica Gross', title: 'Becoming Human: On Spike Jonze’s "Her"' }, 'x.txt'), 'jessica-gross-becoming-human.md');
    assert.equal(suggestedFileName({ publication: 'The Night Shift', title: 'Us' }, 'x.txt'), 'the-night-shift-us.md');
    assert.equal(suggestedFileName({}, 'Saved Page (3).HTML'), 'saved-page-3.md');
    assert.equal(suggestedFileName({}, ''), 'review.md');
    assert.equal(slugify('Tomás Ibáñez — Ça va'), 'tomas-ibanez-ca-va');
  });
});
