// Annotations in and out of the editor, in the real host: Export Annotations as W3C (positions in
// code points after an emoji), CSV (one row per annotation) and brat (a .txt and an .ann per
// review), an export refused where it would write into the corpus, Import Annotations of a
// Hypothesis export (format read from the file; annotations reach the AnnotationService; a second
// import adds nothing), a merge conflict recorded in a sidecar shown in Problems and the hover, and
// Install Git Merge Driver (Node host) or its absence (web worker host, which cannot run git).
// Only the vscode API and workspace.fs, so the same file runs in both hosts.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExportReport } from '../../src/extension/features/interchange/exportAnnotations';
import type { ImportReport } from '../../src/extension/features/interchange/importAnnotations';
import { api, EXTENSION_ID, exists, herDir, herKey, hoverText, inWebWorker, listNames, openReview, readText, remove, reviewUri, waitFor, workspaceRoot, writeText, removeSidecars, sidecarOf } from './helpers';


type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const exportsDir = () => vscode.Uri.joinPath(workspaceRoot(), 'exports');
const sidecar = sidecarOf;


/** The review's text as the exports count it: the file's, a leading BOM dropped. */
async function fileText(review: string): Promise<string> {
  return (await readText(reviewUri(review))).replace(/^\ufeff/, '');
}

async function annotate(review: string, passage: string, tags: string[], note: string): Promise<{ id: string; start: number; end: number }> {
  const text = await fileText(review);
  const start = text.indexOf(passage);
  assert.ok(start >= 0, passage);
  const id = await vscode.commands.executeCommand<string>('marginalia.annotateSelection', { review: herKey(review), start, end: start + passage.length, tags, note });
  assert.ok(id, `annotation on “${passage}” saved`);
  return { id, start, end: start + passage.length };
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('interchange: export and import annotations', () => {
  beforeEach(removeSidecars);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove(exportsDir());
    await removeSidecars();
  });

  describe('Export Annotations', () => {
    const passages = {
      afterEmoji: { review: 'blog-eyelights-her.md', passage: 'Just like ‘Eternal Sunshine’ and ‘Cyrano de Bergerac’.', tags: ['comparison'], note: 'After an emoji: code points and UTF-16 differ here.' },
      plain: { review: 'movie-review-her.md', passage: 'He craves connection with a human', tags: ['theodore', 'connection'], note: 'The whole film, "in one line", with a comma.' },
      tagged: { review: 'poignant-exploration.md', passage: 'Samantha’s evolution', tags: ['samantha'], note: '' },
    };
    let made: Record<keyof typeof passages, { id: string; start: number; end: number }>;
    beforeEach(async () => {
      made = {} as typeof made;
      for (const [key, p] of Object.entries(passages)) made[key as keyof typeof passages] = await annotate(p.review, p.passage, p.tags, p.note);
    });

    it('W3C with arguments: one collection, each annotation complete, positions in code points after an emoji', async () => {
      const out = vscode.Uri.joinPath(exportsDir(), 'her.jsonld');
      const report = await vscode.commands.executeCommand<ExportReport>('marginalia.exportAnnotations', { format: 'w3c', out: out.toString() });
      assert.deepStrictEqual([report.files, report.annotations, report.reviews, report.skipped, report.refused], [[out.toString()], 3, 5, [], []], JSON.stringify(report));
      const json: Json = JSON.parse(await readText(out));
      assert.strictEqual(json.type, 'AnnotationCollection');
      assert.strictEqual(json.total, 3);
      const items: Json[] = json.first.items;
      assert.strictEqual(items.length, 3);
      for (const item of items) assert.ok(item['@context'] && item.id && item.type === 'Annotation', JSON.stringify(item).slice(0, 200));
      const item = items.find((i) => String(i.id).endsWith(`her/blog-eyelights-her.md#${made.afterEmoji.id}`));
      assert.ok(item, items.map((i) => i.id).join(', '));
      const selectors: Json[] = item.target.selector;
      const position = selectors.find((s) => s.type === 'TextPositionSelector')!;
      const quote = selectors.find((s) => s.type === 'TextQuoteSelector')!;
      const text = await fileText('blog-eyelights-her.md');
      const codePoints = Array.from(text);
      const start = Array.from(text.slice(0, made.afterEmoji.start)).length;
      assert.ok(start < made.afterEmoji.start, 'an astral character (the emoji) comes before the passage, so the two counts differ');
      assert.deepStrictEqual([position.start, position.end], [start, start + Array.from(passages.afterEmoji.passage).length]);
      assert.strictEqual(codePoints.slice(position.start, position.end).join(''), passages.afterEmoji.passage);
      assert.strictEqual(quote.exact, passages.afterEmoji.passage);
      const bodies: Json[] = [].concat(item.body);
      assert.ok(bodies.some((b) => b.purpose === 'commenting' && b.value === passages.afterEmoji.note));
      assert.ok(bodies.some((b) => b.purpose === 'tagging' && b.value === 'comparison'));
    });

    it('CSV with arguments: one row per annotation, UTF-8 with BOM, quotes and commas kept', async () => {
      const out = vscode.Uri.joinPath(exportsDir(), 'her.csv');
      const report = await vscode.commands.executeCommand<ExportReport>('marginalia.exportAnnotations', { format: 'csv', out: out.toString() });
      assert.deepStrictEqual(report.files, [out.toString()]);
      const bytes = await vscode.workspace.fs.readFile(out);
      assert.deepStrictEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark for spreadsheet apps');
      const [head, ...rows] = csvRecords(new TextDecoder().decode(bytes).replace(/^\ufeff/, ''));
      assert.deepStrictEqual(head.slice(0, 6), ['review', 'critic', 'title', 'quote', 'start', 'end']);
      assert.strictEqual(rows.length, 3, JSON.stringify(rows));
      const col = (name: string) => head.indexOf(name);
      const ids = rows.map((r) => r[col('id')]).sort();
      assert.deepStrictEqual(ids, Object.values(made).map((m) => m.id).sort());
      const plain = rows.find((r) => r[col('id')] === made.plain.id)!;
      assert.deepStrictEqual([plain[col('review')], plain[col('quote')], plain[col('note')], plain[col('tags')]], ['her/movie-review-her.md', passages.plain.passage, passages.plain.note, 'theodore; connection']);
    });

    it('brat with mentions into a folder: a .txt and an .ann per review, and annotation.conf', async () => {
      const out = vscode.Uri.joinPath(exportsDir(), 'brat');
      const report = await vscode.commands.executeCommand<ExportReport>('marginalia.exportAnnotations', { format: 'brat', out: out.toString(), mentions: true });
      assert.ok(report.mentions > 100, `${report.mentions} mentions`);
      assert.strictEqual(report.files.length, 11, report.files.join('\n'));
      assert.ok(await exists(vscode.Uri.joinPath(out, 'annotation.conf')));
      const names = await listNames(vscode.Uri.joinPath(out, 'her'));
      const reviews = (await listNames(herDir())).filter((f) => f.endsWith('.md'));
      assert.deepStrictEqual(names, reviews.flatMap((r) => [r.replace(/\.md$/, '.ann'), r.replace(/\.md$/, '.txt')]).sort());
      const ann = await readText(vscode.Uri.joinPath(out, 'her', 'poignant-exploration.ann'));
      const line = ann.split('\n').find((l) => l.includes('\tsamantha ') && l.endsWith('\tSamantha’s evolution'));
      assert.ok(line, ann.slice(0, 500));
      // brat counts code points of the .txt copy; the span must cover the passage there.
      const [, span] = line.split('\t');
      const [from, to] = span.split(' ').slice(1).map(Number);
      const txt = Array.from(await readText(vscode.Uri.joinPath(out, 'her', 'poignant-exploration.txt')));
      assert.strictEqual(txt.slice(from, to).join(''), 'Samantha’s evolution');
      assert.match(ann, /^T\d+\tCharacter \d+ \d+\t/m, 'mentions as T lines typed by kind');
    });

    it('refuses to export brat into the workspace root, where its .txt copies would become reviews of the film', async () => {
      const before = await listNames(herDir());
      const report = await vscode.commands.executeCommand<ExportReport>('marginalia.exportAnnotations', { format: 'brat', out: workspaceRoot().toString() });
      assert.ok(report.refused.length >= 5, JSON.stringify(report));
      assert.match(report.refused[0], /inside a film’s folder/);
      assert.deepStrictEqual(report.files, []);
      assert.deepStrictEqual(await listNames(herDir()), before, 'nothing written into the film');
      assert.ok(!(await exists(vscode.Uri.joinPath(workspaceRoot(), 'annotation.conf'))));
    });
  });

  it('imports a Hypothesis export (format read from the file) into reviews without sidecars; a second import adds nothing', async () => {
    const { annotations } = await api();
    const fixture = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'test', 'fixtures', 'interchange', 'hypothesis-her-export.json');
    const file = vscode.Uri.joinPath(exportsDir(), 'hypothesis.json');
    await vscode.workspace.fs.writeFile(file, await vscode.workspace.fs.readFile(fixture));
    const first = await vscode.commands.executeCommand<ImportReport>('marginalia.importAnnotations', { file: file.toString() });
    assert.strictEqual(first.format, 'hypothesis');
    assert.deepStrictEqual(first.counts, { imported: 6, duplicate: 0, ambiguous: 2, unmatched: 1, skipped: 2 }, JSON.stringify(first.entries, null, 1));
    assert.deepStrictEqual(first.errors, []);
    // In the AnnotationService at once (reloaded by the command), anchored on their passages.
    const loaded = annotations.all().flatMap((r) => r.annotations);
    assert.strictEqual(loaded.length, 6);
    assert.ok(loaded.every((a) => !a.orphan));
    const hua = annotations.find(herKey('hua-ruonan-a-decade-later.md'), '7bR9TmC1Ee-cM6d4Gk1OrC');
    assert.ok(hua, 'the unknown page’s annotation matched by its quote');
    assert.strictEqual(hua.annotation.note, 'Shanghai standing in for LA.');
    assert.match(await readText(sidecar('hua-ruonan-a-decade-later.md')), /id: 7bR9TmC1Ee-cM6d4Gk1OrC/);
    const doc = await openReview('hua-ruonan-a-decade-later.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(hua.start + 1));
    assert.match(hoverText(hovers), /Shanghai standing in for LA/);
    const sidecarsBefore = await Promise.all(first.reviews.map((r) => vscode.workspace.fs.readFile(vscode.Uri.parse(r.replace(/\.md$/, '.annotations.yaml')))));

    const second = await vscode.commands.executeCommand<ImportReport>('marginalia.importAnnotations', { file: file.toString(), format: 'hypothesis' });
    assert.deepStrictEqual([second.counts.imported, second.counts.duplicate], [0, 6]);
    assert.strictEqual(annotations.all().flatMap((r) => r.annotations).length, 6);
    const sidecarsAfter = await Promise.all(first.reviews.map((r) => vscode.workspace.fs.readFile(vscode.Uri.parse(r.replace(/\.md$/, '.annotations.yaml')))));
    assert.deepStrictEqual(sidecarsAfter.map((b) => new TextDecoder().decode(b)), sidecarsBefore.map((b) => new TextDecoder().decode(b)), 'sidecars unchanged');
  });

  it('a conflict recorded by the merge driver is a warning on the annotation’s passage in Problems, and in the hover card', async () => {
    const { annotations } = await api();
    const { id, start, end } = await annotate('larb-jessica-gross-becoming-human.md', 'the prospect of real love is the scariest of all', ['love'], 'C: love as risk.');
    const written = await readText(sidecar('larb-jessica-gross-becoming-human.md'));
    const modified = new RegExp(`(- id: ${id}\\n(?: {4}.*\\n)*? {4}modified: .*\\n)`);
    assert.match(written, modified);
    await writeText(sidecar('larb-jessica-gross-becoming-human.md'), written.replace(modified, `$1    conflicts:\n      - field: note\n        theirs: 'D: love as growth.'\n        base: The thesis.\n`));
    // As git leaves it after a merge; not left to the file watcher, whose events may come late.
    await annotations.load(herKey('larb-jessica-gross-becoming-human.md'));
    const review = reviewUri('larb-jessica-gross-becoming-human.md');
    const diagnostic = await waitFor('the conflict in Problems', () => vscode.languages.getDiagnostics(review).find((d) => d.code === 'merge-conflict'));
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, new RegExp(`^Annotation ${id}: their version of note kept under conflicts: “D: love as growth\\.”`));
    const doc = await openReview('larb-jessica-gross-becoming-human.md');
    assert.deepStrictEqual([doc.offsetAt(diagnostic.range.start), doc.offsetAt(diagnostic.range.end)], [start, end], 'on the passage');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(start + 4));
    assert.match(hoverText(hovers), /Merge conflict:\*\* their version of note kept under conflicts: “D: love as growth\\\.”/);
    // Resolved (the entry deleted): the warning goes.
    await writeText(sidecar('larb-jessica-gross-becoming-human.md'), written);
    await annotations.load(herKey('larb-jessica-gross-becoming-human.md'));
    await waitFor('the warning gone', () => !vscode.languages.getDiagnostics(review).some((d) => d.code === 'merge-conflict'));
  });

  if (inWebWorker) {
    it('Install Git Merge Driver is not offered in the web worker host, which cannot run git', async () => {
      await api();
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('marginalia.exportAnnotations') && commands.includes('marginalia.importAnnotations'));
      assert.ok(!commands.includes('marginalia.installMergeDriver'));
    });
  } else {
    it('Install Git Merge Driver sets up the folder’s repository with the extension’s own merge driver', async () => {
      await api();
      // A repository made of the files git needs (HEAD, objects/, refs/), through workspace.fs.
      const repo = vscode.Uri.joinPath(workspaceRoot(), 'merge-driver-repo');
      try {
        await writeText(vscode.Uri.joinPath(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
        await writeText(vscode.Uri.joinPath(repo, '.git', 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = false\n');
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(repo, '.git', 'objects'));
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(repo, '.git', 'refs', 'heads'));
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(repo, 'her'));
        const done = await vscode.commands.executeCommand<{ top: string; attributesAdded: boolean; driver: string }>('marginalia.installMergeDriver', { folder: vscode.Uri.joinPath(repo, 'her').toString() });
        assert.ok(done, 'installed');
        assert.strictEqual(vscode.Uri.file(done.top).toString(), repo.toString());
        assert.strictEqual(done.attributesAdded, true);
        assert.strictEqual(await readText(vscode.Uri.joinPath(repo, '.gitattributes')), '*.annotations.yaml merge=marginalia\n');
        const config = await readText(vscode.Uri.joinPath(repo, '.git', 'config'));
        assert.match(config, /\[merge "marginalia"\]/);
        const driver = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'dist', 'mergeDriver.js');
        assert.ok(done.driver.includes(driver.fsPath) && done.driver.endsWith(' merge-driver %O %A %B %P'), done.driver);
        assert.ok(config.includes('dist/mergeDriver.js') && config.includes('merge-driver %O %A %B %P'), config);
        assert.ok(await exists(driver), 'the driver runs the merge driver bundled in the extension');
        const again = await vscode.commands.executeCommand<{ attributesAdded: boolean }>('marginalia.installMergeDriver', { folder: repo.toString() });
        assert.strictEqual(again.attributesAdded, false);
        assert.strictEqual(await readText(vscode.Uri.joinPath(repo, '.gitattributes')), '*.annotations.yaml merge=marginalia\n', 'added once');
      } finally {
        await remove(repo);
      }
    });
  }
});
