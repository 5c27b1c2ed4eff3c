// The editor imports without asking for the format when the file says what it is.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectImportFormat } from '../../../src/core/export/importers/detectFormat';
import { w3cExporter } from '../../../src/core/export/w3c';
import { ROOT } from '../fixtures';

const annotation = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:1', type: 'Annotation', target: { source: 'urn:x', selector: { type: 'TextQuoteSelector', exact: 'Samantha' } } };
const hypothesisRow = { id: 'abc', uri: 'https://example.org/review', text: 'a note', tags: [], target: [{ source: 'https://example.org/review', selector: [{ type: 'TextQuoteSelector', exact: 'Samantha' }] }] };

describe('detectImportFormat', () => {
  it('reads our W3C export, a lone annotation, a page, an array of annotations and a typed-only document as W3C', () => {
    const ours = w3cExporter.export({ reviews: [], entities: [] }).files[0].text;
    assert.equal(detectImportFormat(ours), 'w3c');
    assert.equal(detectImportFormat(JSON.stringify(annotation)), 'w3c');
    assert.equal(detectImportFormat(JSON.stringify({ '@context': ['http://www.w3.org/ns/anno.jsonld'], type: 'AnnotationPage', items: [annotation] })), 'w3c');
    assert.equal(detectImportFormat(JSON.stringify([annotation, annotation])), 'w3c');
    assert.equal(detectImportFormat(JSON.stringify({ type: 'oa:Annotation', target: 'urn:x' })), 'w3c');
  });

  it('reads the Hypothesis client export (with a BOM), an API search response and a bare list as Hypothesis', () => {
    const fixture = readFileSync(join(ROOT, 'test/fixtures/interchange/hypothesis-her-export.json'), 'utf8');
    assert.equal(detectImportFormat(fixture), 'hypothesis');
    assert.equal(detectImportFormat('\ufeff' + fixture), 'hypothesis');
    assert.equal(detectImportFormat(JSON.stringify({ total: 1, rows: [hypothesisRow] })), 'hypothesis');
    assert.equal(detectImportFormat(JSON.stringify([hypothesisRow])), 'hypothesis');
    assert.equal(detectImportFormat(JSON.stringify({ export_userid: 'acct:x@hypothes.is', annotations: [] })), 'hypothesis', 'an empty client export');
  });

  it('does not guess: invalid JSON, other JSON, and a file showing signs of both give undefined', () => {
    assert.equal(detectImportFormat('{"annotations": ['), undefined);
    assert.equal(detectImportFormat('{"name": "package", "version": "1.0.0"}'), undefined);
    assert.equal(detectImportFormat('[]'), undefined);
    assert.equal(detectImportFormat(JSON.stringify({ ...annotation, client_version: '1.0' })), undefined);
  });
});
