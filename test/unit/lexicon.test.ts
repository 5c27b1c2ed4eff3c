import * as assert from 'node:assert/strict';
import { parseLexicon } from '../../src/core/lexicon/parseLexicon';
import { MentionMatcher } from '../../src/core/mentions/mentionMatcher';
import { ARRIVAL_DIR, HER_DIR, loadLexicon } from './fixtures';

const BASE = `version: 1
film:
  id: her
  title: Her
  year: 2013
  director: spike-jonze
characters:
  - id: samantha
    name: Samantha
    playedBy: [scarlett-johansson]
people:
  - id: spike-jonze
    name: Spike Jonze
    aliases: [Jonze]
  - id: scarlett-johansson
    name: Scarlett Johansson
themes:
  - id: loneliness
    label: Loneliness
    terms: [lonely, alone]
`;

function codes(text: string) {
  return parseLexicon('/films/her/film.yaml', text).diagnostics.map((d) => `${d.code}@${d.line + 1}:${d.character + 1}`);
}

describe('lexicon', () => {
  it('reads the Her and Arrival lexicons without problems', () => {
    for (const dir of [HER_DIR, ARRIVAL_DIR]) {
      const lex = loadLexicon(dir);
      assert.deepEqual(lex.diagnostics, []);
      assert.ok(lex.entities.length > 10);
    }
    const her = loadLexicon(HER_DIR);
    for (const id of ['theodore', 'samantha', 'catherine', 'amy', 'charles', 'paul', 'isabella', 'blind-date', 'alan-watts']) assert.ok(her.byId.get(id)?.kind === 'character', id);
    for (const id of ['spike-jonze', 'joaquin-phoenix', 'scarlett-johansson', 'amy-adams', 'rooney-mara', 'olivia-wilde', 'chris-pratt', 'matt-letscher', 'portia-doubleday', 'samantha-morton', 'arcade-fire', 'owen-pallett', 'hoyte-van-hoytema', 'k-k-barrett']) {
      assert.ok(her.byId.get(id)?.kind === 'person', id);
    }
    assert.ok(her.entities.filter((e) => e.kind === 'theme').length >= 10);
    assert.equal(her.film.ambiguous, true);
    assert.deepEqual(her.byId.get('scarlett-johansson')?.plays, ['samantha']);
  });

  it('a valid lexicon has no diagnostics and links playedBy both ways', () => {
    const lex = parseLexicon('/f/film.yaml', BASE);
    assert.deepEqual(lex.diagnostics, []);
    assert.deepEqual(lex.byId.get('samantha')?.playedBy, ['scarlett-johansson']);
    assert.deepEqual(lex.byId.get('scarlett-johansson')?.plays, ['samantha']);
  });

  it('detects a one-word title that is an ordinary word', () => {
    assert.equal(parseLexicon('/f/film.yaml', BASE.replace('  director: spike-jonze\n', '')).film.ambiguous, true);
    assert.equal(parseLexicon('/f/film.yaml', BASE.replace('title: Her', 'title: Vertigo')).film.ambiguous, false);
  });

  it('bad YAML is reported with its line and column', () => {
    assert.deepEqual(codes('version: 1\nfilm: {id: her, title: Her\ncharacters: []\n').slice(0, 1)[0]?.split('@')[0], 'yaml-syntax');
    const lex = parseLexicon('/f/film.yaml', 'version: 1\nfilm:\n  id: her\n   title: Her\n');
    assert.ok(lex.diagnostics.length > 0);
    assert.equal(lex.diagnostics[0].file, '/f/film.yaml');
    assert.ok(lex.diagnostics[0].line >= 2);
  });

  it('a duplicate id is an error at the second one; the rest keeps working', () => {
    const text = BASE + '  - id: samantha\n    label: Samantha again\n    terms: [machine]\n';
    const lex = parseLexicon('/f/film.yaml', text);
    assert.deepEqual(lex.diagnostics.map((d) => `${d.code}@${d.line + 1}:${d.character + 1}`), ['duplicate-id@21:9']);
    assert.match(lex.diagnostics[0].message, /first defined on line 8/);
    const m = new MentionMatcher(lex).findMentions('Samantha is alone.');
    assert.deepEqual(m.map((x) => x.entity), ['samantha', 'loneliness']);
  });

  it('an unknown key is an error naming the key and where it is', () => {
    assert.deepEqual(codes(BASE.replace('    playedBy:', '    playedby: [x]\n    playedBy:')), ['unknown-key@10:5']);
    assert.deepEqual(codes(BASE + 'extras: 1\n'), ['unknown-key@21:1']);
  });

  it('wrong types, missing keys and unknown references are errors', () => {
    assert.deepEqual(codes(BASE.replace('year: 2013', 'year: soon')), ['wrong-type@5:9']);
    assert.deepEqual(codes(BASE.replace('playedBy: [scarlett-johansson]', 'playedBy: [nobody]')), ['unknown-reference@10:16']);
    assert.deepEqual(codes(BASE.replace('    name: Samantha\n', '')), ['missing-key@8:5']);
    assert.deepEqual(codes(BASE.replace('version: 1', 'version: 7')), ['bad-version@1:10']);
    assert.deepEqual(codes(BASE.replace('- id: samantha', '- id: Samantha!')), ['bad-id@8:9']);
  });

  it('an alias claimed by two entities is an error without a resolve rule, and dropped from both', () => {
    const clash = BASE.replace('    aliases: [Jonze]', '    aliases: [Jonze, Samantha]');
    const lex = parseLexicon('/f/film.yaml', clash);
    assert.deepEqual(lex.diagnostics.map((d) => d.code), ['ambiguous-alias', 'ambiguous-alias']);
    assert.match(lex.diagnostics[0].message, /samantha, spike-jonze/);
    assert.deepEqual(new MentionMatcher(lex).findMentions('Samantha and Jonze').map((m) => m.entity), ['spike-jonze']);

    const resolved = parseLexicon('/f/film.yaml', clash + 'resolve:\n  Samantha: samantha\n');
    assert.deepEqual(resolved.diagnostics, []);
    assert.deepEqual(new MentionMatcher(resolved).findMentions('Samantha and Jonze').map((m) => m.entity), ['samantha', 'spike-jonze']);
  });

  it('theme terms clash case-insensitively', () => {
    const lex = parseLexicon('/f/film.yaml', BASE + '  - id: solitude\n    label: Solitude\n    terms: [Alone]\n');
    assert.deepEqual(lex.diagnostics.map((d) => d.code), ['ambiguous-alias', 'ambiguous-alias']);
  });

  it('records where each entry stands, for Go to Definition', () => {
    const lex = parseLexicon('/f/film.yaml', BASE);
    const e = lex.byId.get('spike-jonze')!;
    assert.equal(BASE.slice(e.idSource!.start, e.idSource!.end), 'spike-jonze');
    assert.ok(BASE.slice(e.source!.start, e.source!.end).includes('aliases: [Jonze]'));
  });

  describe('an entry missing its id', () => {
    it('is reported at the entry and still matches under an id derived from its name; the rest loads', () => {
      const text = BASE.replace('  - id: samantha\n    name: Samantha\n', '  - name: Samantha\n');
      const lex = parseLexicon('/f/film.yaml', text);
      assert.deepEqual(lex.diagnostics.map((d) => `${d.code}@${d.line + 1}:${d.character + 1}`), ['missing-id@8:5']);
      assert.match(lex.diagnostics[0].message, /characters\[0\]: missing "id"; matched as "samantha"/);
      assert.equal(lex.diagnostics[0].severity, 'error');
      assert.deepEqual(lex.byId.get('samantha')?.playedBy, ['scarlett-johansson']);
      assert.equal(lex.byId.get('samantha')?.idSource, undefined);
      const m = new MentionMatcher(lex).findMentions('Samantha, Scarlett Johansson and Jonze are alone.');
      assert.deepEqual(m.map((x) => x.entity), ['samantha', 'scarlett-johansson', 'spike-jonze', 'loneliness']);
    });

    it('derives ids without accents or punctuation, and skips the entry when the derived id is taken', () => {
      const lex = parseLexicon('/f/film.yaml', BASE + '  - label: Jóhann’s “Grief”\n    terms: [grief]\n');
      assert.ok(lex.byId.get('johanns-grief'));
      const taken = parseLexicon('/f/film.yaml', BASE.replace('people:\n', 'people:\n  - name: Spike Jonze\n'));
      assert.deepEqual(taken.diagnostics.map((d) => `${d.code}@${d.line + 1}:${d.character + 1}`), ["missing-id@12:5"]);
      assert.match(taken.diagnostics[0].message, /is taken\); this entry is skipped/);
      assert.equal(taken.entities.filter((e) => e.name === 'Spike Jonze').length, 1);
      assert.deepEqual(new MentionMatcher(taken).findMentions('Jonze').map((m) => m.entity), ['spike-jonze']);
    });

    it('an id that is not text is a type error, not a derived id', () => {
      const lex = parseLexicon('/f/film.yaml', BASE.replace('- id: samantha', '- id: [samantha]'));
      assert.deepEqual(lex.diagnostics.map((d) => d.code), ['wrong-type']);
      assert.equal(lex.byId.get('samantha'), undefined);
    });
  });

  describe('playedBy and director', () => {
    it('accept a person’s name or alias as well as an id, resolved to the id', () => {
      const text = BASE.replace('playedBy: [scarlett-johansson]', 'playedBy: [Scarlett  Johansson]').replace('director: spike-jonze', 'director: Jonze');
      const lex = parseLexicon('/f/film.yaml', text);
      assert.deepEqual(lex.diagnostics, []);
      assert.deepEqual(lex.byId.get('samantha')?.playedBy, ['scarlett-johansson']);
      assert.deepEqual(lex.byId.get('scarlett-johansson')?.plays, ['samantha']);
      assert.equal(lex.film.director, 'spike-jonze');
    });

    it('an unknown name is reported at its position; an alias shared by two people must be an id', () => {
      assert.deepEqual(codes(BASE.replace('playedBy: [scarlett-johansson]', 'playedBy: [Scarlett Johanson]')), ['unknown-reference@10:16']);
      const shared = BASE.replace('    aliases: [Jonze]\n', '    aliases: [Jonze, SJ]\n').replace('    name: Scarlett Johansson\n', '    name: Scarlett Johansson\n    aliases: [SJ]\n').replace('resolve', 'x');
      const lex = parseLexicon('/f/film.yaml', shared.replace('playedBy: [scarlett-johansson]', 'playedBy: [SJ]'));
      assert.ok(lex.diagnostics.some((d) => d.code === 'ambiguous-reference' && d.line === 9 && /spike-jonze or scarlett-johansson/.test(d.message)));
      assert.deepEqual(lex.byId.get('samantha')?.playedBy, []);
    });
  });
});
