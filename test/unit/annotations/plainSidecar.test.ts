// The sidecar of a review nobody has annotated, written without the yaml package, is byte for byte
// what renderSidecar writes; and a second write with nothing changed leaves such a file alone
// without reading it as YAML, while any other file still goes the general way.

import * as assert from 'node:assert/strict';
import { renderPlainSidecar, renderSidecar, textHash } from '../../../src/core/annotations/sidecarFormat';
import { SIDECAR_VERSION, type SidecarMention } from '../../../src/core/annotations/model';
import { SidecarStore, sidecarUriFor } from '../../../src/core/annotations/sidecarStore';
import type { Mention } from '../../../src/core/mentions/types';
import { MentionMatcher } from '../../../src/core/mentions/mentionMatcher';
import { decodeText, encodeText } from '../../../src/core/text';
import { MemoryFileHost } from '../memoryHost';
import { HER_DIR, loadLexicon } from '../fixtures';
import { loadSeedReviews } from './groundTruth';

const rng = (seed: number) => (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);

describe('plain sidecars', () => {
  it('renderPlainSidecar writes what renderSidecar writes, for names and mention texts of every shape', async () => {
    const rand = rng(3);
    const names = ['review-00001.md', 'hua.txt', 'My Review.md', 'a  b.md', 'x.markdown', '-dash.md', 'true.md', '1.5.md', 'Ürsula.md', 'a: b.md', 'a #b.md', "o'hara.md", 'notes.yaml', ' lead.md'];
    const texts = ['Samantha', 'Her', 'Theodore Twombly', 'A.I.', 'it’s', 'yes: no', 'a, b', '[x]', '{y}', '#tag', '"q"', "'s", 'null', 'true', '12', 'line\nbreak', 'ß', '🎬', ' padded ', '-', '*star'];
    let fast = 0;
    for (const review of names) {
      for (let k = 0; k < 6; k++) {
        const mentions: SidecarMention[] = Array.from({ length: k === 0 ? 0 : 1 + rand(30) }, () => {
          const start = rand(5000);
          return { entity: ['samantha', 'her', 'love-and-loss'][rand(3)], kind: (['character', 'film', 'theme'] as const)[rand(3)], start, end: start + 1 + rand(20), text: texts[rand(texts.length)] };
        });
        const hash = await textHash(`${review} ${k}`);
        const expected = renderSidecar({ version: SIDECAR_VERSION, review, textHash: hash, annotations: [], mentions });
        assert.equal(renderPlainSidecar(review, hash, mentions), expected, `${review} with ${mentions.length} mentions`);
        if (/^[A-Za-z0-9_]/.test(review) && /\.(md|txt|markdown)$/.test(review)) fast++;
      }
    }
    assert.ok(fast > 30);
  });

  it('a second annotate leaves an up-to-date sidecar as it is, and still keeps what a person wrote', async () => {
    const review = 'memfs:/corpus/her/hua.txt';
    const text = loadSeedReviews()[0].text;
    const matcher = new MentionMatcher(loadLexicon(HER_DIR));
    const mentions: Mention[] = matcher.findMentions(text);
    const host = new MemoryFileHost({ [review]: text });
    const first = await new SidecarStore(host).write(review, text, mentions);
    assert.equal(first.status, 'written');
    const written = decodeText(host.files.get(sidecarUriFor(review))!);
    assert.equal(written, renderPlainSidecar('hua.txt', await textHash(text), mentions.map(({ entity, kind, start, end, text: t }) => ({ entity, kind, start, end, text: t }))));

    // A fresh store (a new `annotate` run): unchanged, the file untouched.
    const again = await new SidecarStore(host).write(review, text, mentions);
    assert.deepEqual({ status: again.status, errors: again.errors, orphans: again.orphans, anchors: again.anchors }, { status: 'unchanged', errors: [], orphans: 0, anchors: {} });
    assert.equal(decodeText(host.files.get(sidecarUriFor(review))!), written);

    // A comment written by hand: not the plain form, so the general way keeps it, unchanged too.
    const commented = written.replace('annotations: []\n', 'annotations: [] # none yet\n');
    host.files.set(sidecarUriFor(review), encodeText(commented));
    assert.equal((await new SidecarStore(host).write(review, text, mentions)).status, 'unchanged');
    assert.equal(decodeText(host.files.get(sidecarUriFor(review))!), commented);

    // The review changed: written again, with the new hash.
    const edited = text.replace('Samantha', 'Samantha, the OS,');
    const after = await new SidecarStore(host).write(review, edited, matcher.findMentions(edited));
    assert.equal(after.status, 'written');
    assert.match(decodeText(host.files.get(sidecarUriFor(review))!), new RegExp(`textHash: ${await textHash(edited)}`));
  });
});
