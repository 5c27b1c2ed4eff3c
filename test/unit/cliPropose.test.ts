// `marginalia propose` and `marginalia check film.yaml`, through runCli on copies of fixture films.

import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { parseLexicon } from '../../src/core/lexicon/parseLexicon';
import { NodeFileHost } from '../../src/platform/node/nodeFileHost';
import { ROOT } from './fixtures';

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), cwd, host: new NodeFileHost() });
  return { code, out, err };
}

const STARTER = `# Us (2019): only the film so far; the rest is proposed.
version: 1
film:
  id: us
  title: Us   # the title as critics write it
  year: 2019
`;

/** A copy of the Us fixture's reviews with a film.yaml that has only the film. */
function usFilm(lexicon = STARTER): { dir: string; film: string } {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-propose-'));
  const film = join(dir, 'us');
  mkdirSync(film);
  const src = join(ROOT, 'test/fixtures/films/us');
  for (const f of readdirSync(src)) if (f !== 'film.yaml') copyFileSync(join(src, f), join(film, f));
  writeFileSync(join(film, 'film.yaml'), lexicon);
  return { dir, film };
}

describe('marginalia propose', () => {
  it('--json prints the contract: id, kind, name, aliases, playedBy?, roles?, count, reviews, examples, confidence', async () => {
    const { dir } = usFilm();
    const r = await cli(['propose', 'us', '--json'], dir);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.deepEqual(Object.keys(json), ['entities', 'hints']);
    for (const e of json.entities) {
      const keys = Object.keys(e).filter((k) => k !== 'playedBy' && k !== 'roles');
      assert.deepEqual(keys, ['id', 'kind', 'name', 'aliases', 'count', 'reviews', 'examples', 'confidence']);
      assert.ok(['character', 'person', 'film', 'theme'].includes(e.kind));
      assert.ok(e.examples.length >= 1 && e.examples.length <= 2);
    }
    const red = json.entities.find((e: { name: string }) => e.name === 'Red');
    assert.deepEqual(red.playedBy, ['lupita-nyongo']);
    const peele = json.entities.find((e: { id: string }) => e.id === 'jordan-peele');
    assert.deepEqual(peele.roles.slice(0, 1), ['director']);
    assert.ok(!json.entities.some((e: { kind: string }) => e.kind === 'film'), 'the film is already in film.yaml');
    assert.equal(readFileSync(join(dir, 'us/film.yaml'), 'utf8'), STARTER, 'without --write nothing is written');
  });

  it('prints a readable table with the evidence', async () => {
    const { dir } = usFilm();
    const r = await cli(['propose', 'us'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /KIND\s+CONF\s+ID\s+NAME\s+ALIASES \/ TERMS\s+LINKS\s+SEEN\s+EVIDENCE/);
    assert.match(r.out, /character\s+0\.\d\d\s+adelaide-wilson\s+Adelaide Wilson\s+Adelaide\s+played by lupita-nyongo.*Character \(Actor\)/);
    assert.match(r.out, /add them to us\/film\.yaml with --write/);
  });

  it('--write merges into film.yaml: comments kept, a clean lexicon, nothing added twice', async () => {
    const { dir } = usFilm();
    const r = await cli(['propose', 'us', '--write'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /wrote \d+ new entries to us\/film\.yaml/);
    const text = readFileSync(join(dir, 'us/film.yaml'), 'utf8');
    assert.ok(text.startsWith(STARTER), 'what was there is there, byte for byte');
    const lex = parseLexicon('film.yaml', text);
    assert.deepEqual(lex.diagnostics, []);
    assert.deepEqual(lex.byId.get('adelaide-wilson')?.playedBy, ['lupita-nyongo']);
    assert.ok(readdirSync(join(dir, 'us')).every((f) => !f.endsWith('.tmp')), 'no temp file left');
    const again = await cli(['propose', 'us', '--write'], dir);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /nothing new to add/);
    assert.equal(readFileSync(join(dir, 'us/film.yaml'), 'utf8'), text);
    const mentions = await cli(['mentions', 'us/us-cinema-verite-mirror.md', '--json'], dir);
    assert.ok(JSON.parse(mentions.out).reviews[0].mentions.some((m: { entity: string }) => m.entity === 'red'));
  });

  it('refuses to write into a film.yaml that does not parse, and says where', async () => {
    const broken = 'version: 1\nfilm: {id: us, title: Us\ncharacters: []\n';
    const { dir } = usFilm(broken);
    const r = await cli(['propose', 'us', '--write'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /us\/film\.yaml:\d+:\d+: error: /);
    assert.match(r.err, /does not parse; fix it before proposing \(nothing written\)/);
    assert.equal(readFileSync(join(dir, 'us/film.yaml'), 'utf8'), broken);
  });

  it('a folder with no film.yaml, or not a folder, is an error; no folder is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-propose-'));
    mkdirSync(join(dir, 'empty'));
    assert.equal((await cli(['propose', 'empty'], dir)).code, 1);
    assert.equal((await cli(['propose', 'nowhere'], dir)).code, 1);
    assert.equal((await cli(['propose'], dir)).code, 2);
  });
});

describe('marginalia check on a lexicon', () => {
  it('an invalid film.yaml exits 1 and the message is about the lexicon, not sidecars', async () => {
    const { dir } = usFilm('version: 1\nfilm:\n  id: us\n  title: Us\ncharacters:\n  - name: Red\n    playedBy: [Lupita]\n');
    const r = await cli(['check', 'us/film.yaml'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /^us\/film\.yaml:6:5: error: characters\[0\]: missing "id"/m);
    assert.match(r.err, /^us\/film\.yaml:7:16: error: playedBy: "Lupita" is neither the id nor the name of a person/m);
    assert.match(r.out, /^checked 1 lexicon, 2 problems$/m);
    assert.doesNotMatch(r.out + r.err, /sidecar/);
  });

  it('a valid film.yaml exits 0; a folder checks its lexicon and its sidecars', async () => {
    const { dir } = usFilm();
    const r = await cli(['check', 'us/film.yaml'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out.trim(), 'checked 1 lexicon, no problems');
    const folder = await cli(['check', 'us', '--json'], dir);
    assert.equal(folder.code, 0, folder.err);
    assert.deepEqual(JSON.parse(folder.out).lexicons, [{ lexicon: 'us/film.yaml', entities: 1, problems: 0, errors: 0 }]);
  });
});
