// Each detection rule, on sentences written to trap the engine.

import * as assert from 'node:assert/strict';
import { MentionMatcher } from '../../src/core/mentions/mentionMatcher';
import { soundex } from '../../src/core/mentions/soundex';
import { readReviewInfo } from '../../src/core/review';
import { decodeText } from '../../src/core/text';
import { HER_DIR, loadLexicon } from './fixtures';

const matcher = new MentionMatcher(loadLexicon(HER_DIR));
const names = (text: string) => matcher.findMentions(text).filter((m) => m.kind !== 'theme').map((m) => `${m.text}=${m.entity}`);
const themes = (text: string) => matcher.findMentions(text).filter((m) => m.kind === 'theme').map((m) => `${m.text}=${m.entity}`);
const film = (text: string) => matcher.findMentions(text).filter((m) => m.entity === 'her').map((m) => m.start);

describe('mention rules', () => {
  describe('names', () => {
    it('are whole words and case-sensitive', () => {
      assert.deepEqual(names('Samanthas, Theodoreish and samantha are not names; Samantha is.'), ['Samantha=samantha']);
      assert.deepEqual(names('a paul, a spike in sales, a phoenix rising'), []);
    });

    it('keep possessives (’s and \'s) out of the span', () => {
      const text = 'Theodore’s letters and Samantha\'s voice';
      const ms = matcher.findMentions(text).filter((m) => m.kind !== 'theme');
      assert.deepEqual(ms.map((m) => text.slice(m.start, m.end)), ['Theodore', 'Samantha']);
    });

    it('are found inside curly and straight quotes', () => {
      assert.deepEqual(names('“Samantha,” he says; "Theodore" replies; ‘Amy’ nods.'), ['Samantha=samantha', 'Theodore=theodore', 'Amy=amy']);
    });

    it('span non-breaking spaces and a line break, but not a paragraph break', () => {
      assert.deepEqual(names('Joaquin\u00a0Phoenix'), ['Joaquin\u00a0Phoenix=joaquin-phoenix']);
      assert.deepEqual(names('Scarlett\nJohansson'), ['Scarlett\nJohansson=scarlett-johansson']);
      assert.deepEqual(names('Scarlett\n\nJohansson'), ['Scarlett=scarlett-johansson', 'Johansson=scarlett-johansson']);
    });

    it('prefer the longest name', () => {
      assert.deepEqual(names('Samantha Morton first voiced Samantha.'), ['Samantha Morton=samantha-morton', 'Samantha=samantha']);
      assert.deepEqual(names('Amy Adams plays Amy.'), ['Amy Adams=amy-adams', 'Amy=amy']);
      assert.deepEqual(names('Theodore Twombly, Theo to friends'), ['Theodore Twombly=theodore', 'Theo=theodore']);
    });

    it('resolve surnames and short forms', () => {
      assert.deepEqual(names('Jonze cast Phoenix; Twombly is Theo.'), ['Jonze=spike-jonze', 'Phoenix=joaquin-phoenix', 'Twombly=theodore', 'Theo=theodore']);
    });

    it('match misspelt multi-word names fuzzily and say what they were read as', () => {
      const ms = matcher.findMentions('Joaquim Phoenix and Scarlet Johanson and Rooney Marra.');
      assert.deepEqual(ms.map((m) => [m.text, m.entity, m.fuzzy]), [
        ['Joaquim Phoenix', 'joaquin-phoenix', 'Joaquin Phoenix'],
        ['Scarlet Johanson', 'scarlett-johansson', 'Scarlett Johansson'],
        ['Rooney Marra', 'rooney-mara', 'Rooney Mara'],
      ]);
    });

    it('forgive a surname two edits off after an exact first name when it sounds the same, and swapped letters', () => {
      assert.deepEqual(names('Spike Jones directs; Joaquin Pheonix stars.'), ['Spike Jones=spike-jonze', 'Joaquin Pheonix=joaquin-phoenix']);
    });

    it('never match single short words fuzzily, nor names too far off', () => {
      assert.deepEqual(names('Amie and Thea met Sam at Then.'), []);
      assert.deepEqual(names('Samantha Morgan'), []); // someone else, not a misspelling
      assert.deepEqual(names('Spoke Jones'), []);
    });
  });

  describe('the title when it is an ordinary word', () => {
    it('names the film before a verb at a sentence start', () => {
      assert.deepEqual(film('Her opens on Theodore’s face.'), [0]);
      assert.deepEqual(film('It ends. Her is a love story.'), [9]);
      assert.deepEqual(film('Her also explores consciousness.'), [0]);
      assert.deepEqual(film('Her stars Joaquin Phoenix.'), [0]);
      assert.deepEqual(film('Her ultimately asks what love is.'), [0]);
      assert.deepEqual(film('Her sounds like a dream.'), [0]);
    });

    it('is a pronoun before a noun at a sentence start', () => {
      assert.deepEqual(film('Her voice carries the story.'), []);
      assert.deepEqual(film('Her laugh is real.'), []);
      assert.deepEqual(film('She grows. Her needs and desires grow.'), []);
      assert.deepEqual(film('He says, “Her voice is lovely.”'), []);
      assert.deepEqual(film('Her eyes are wet. Her hands shake.'), []);
      assert.deepEqual(film('Her quietly devastating reply stays with him.'), []);
    });

    it('names the film in mid-sentence, in quotes, italics, and after a possessive or “film”', () => {
      assert.deepEqual(film('what makes Her unusual'), [11]);
      assert.deepEqual(film('“Her,” released in 2013'), [1]);
      assert.deepEqual(film('I loved *Her* and ‘Her’.'), [9, 19]);
      assert.deepEqual(film('Spike Jonze’s Her is tender.'), [14]);
      assert.deepEqual(film('the new movie Her follows'), [14]);
    });

    it('names the film alone on a line or before a rating', () => {
      assert.deepEqual(film('## Her\n'), [3]);
      assert.deepEqual(film('Her 8.5\n'), [0]);
    });

    it('lower-case her is never the film', () => {
      assert.deepEqual(film('Samantha begins to fill the role of Theodore’s her.'), []);
    });
  });

  describe('themes', () => {
    it('match term families with inflections, case-insensitively, as whole words', () => {
      assert.deepEqual(themes('Lonely people feel loneliness; isolation isolates.'), ['Lonely=loneliness', 'loneliness=loneliness', 'isolation=loneliness', 'isolates=loneliness']);
      assert.deepEqual(themes('lonelyhearts'), []);
    });

    it('match acronyms only in capitals', () => {
      assert.deepEqual(themes('an AI and an OS; ai and os are not'), ['AI=artificial-intelligence', 'OS=artificial-intelligence']);
      assert.deepEqual(themes('his O.S. and her A.I.'), ['O.S.=artificial-intelligence', 'A.I.=artificial-intelligence']);
    });
  });

  describe('offsets', () => {
    it('are UTF-16 units after the BOM, with emoji, CRLF and NBSP', () => {
      const raw = '\ufeff---\r\ntitle: T\r\n---\r\n🙂 Samantha\u00a0Morton and 👩‍💻 Amy\r\nTheodore';
      const text = decodeText(new TextEncoder().encode(raw));
      assert.equal(text.charCodeAt(0), '-'.charCodeAt(0));
      const info = readReviewInfo('/r.md', text);
      const ms = matcher.findMentions(text, { bodyStart: info.bodyStart });
      for (const m of ms) assert.equal(text.slice(m.start, m.end), m.text);
      assert.deepEqual(ms.filter((m) => m.kind !== 'theme').map((m) => [m.entity, m.start]), [
        ['samantha-morton', text.indexOf('Samantha')],
        ['amy', text.indexOf('Amy')],
        ['theodore', text.indexOf('Theodore')],
      ]);
      assert.equal(text.indexOf('Samantha'), 23); // 20 for the front matter (CRLF counts 2), 2 for the emoji, 1 space
    });

    it('skip front matter and URLs', () => {
      const text = '---\ntitle: Samantha and Her\n---\nSee https://example.com/Samantha-Theodore for Samantha.';
      const info = readReviewInfo('/r.md', text);
      const ms = matcher.findMentions(text, { bodyStart: info.bodyStart });
      assert.deepEqual(ms.map((m) => m.start), [text.lastIndexOf('Samantha')]);
    });
  });
});

describe('one-word names next to other names', () => {
  it('are part of someone else’s name', () => {
    assert.deepEqual(names('Spike Lee and Oscar Wilde, from Phoenix, Arizona.'), []);
  });
  it('still count after role words, adverbs and sentence starts, and in title-case headings', () => {
    assert.deepEqual(names('Director Jonze and actress Mara. Meanwhile Samantha grows. Then Theodore Twombly smiles.'), ['Jonze=spike-jonze', 'Mara=rooney-mara', 'Samantha=samantha', 'Theodore Twombly=theodore']);
    assert.deepEqual(names('## Theodore Meets Samantha'), ['Theodore=theodore', 'Samantha=samantha']);
    assert.deepEqual(names('Phoenix, Johansson, Adams and Mara star.'), ['Phoenix=joaquin-phoenix', 'Johansson=scarlett-johansson', 'Adams=amy-adams', 'Mara=rooney-mara']);
  });
});

describe('soundex', () => {
  it('gives the standard codes', () => {
    assert.deepEqual(['Robert', 'Rupert', 'Ashcraft', 'Tymczak', 'Pfister', 'Jonze', 'Jones', 'Morton', 'Morgan'].map(soundex), ['R163', 'R163', 'A261', 'T522', 'P236', 'J520', 'J520', 'M635', 'M625']);
  });
});
