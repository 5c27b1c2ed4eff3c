// Runs the MUST assertions of the W3C Web Annotation test suite (w3c/web-annotation-tests) on an
// export: `node scripts/w3c-suite.mjs SUITE_DIR EXPORT.jsonld`. SUITE_DIR is a checkout of that
// repository (not vendored here). Each annotation of the collection is tested on its own with
// annotations/annotationMusts.test; the collection with collections/collectionMusts.test and
// collections/pages/pageMusts.test. Prints one line per failure and a closing count; exit 1 on any.
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const [suite, file] = process.argv.slice(2);
if (!suite || !file) {
  console.error('usage: node scripts/w3c-suite.mjs SUITE_DIR EXPORT.jsonld');
  process.exit(2);
}
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv);
const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
for (const f of walk(join(suite, 'definitions')).filter((f) => f.endsWith('.json'))) ajv.addSchema(JSON.parse(readFileSync(f, 'utf8')));
const assertions = (test) => JSON.parse(readFileSync(join(suite, test), 'utf8')).assertions.map((a) => {
  const schema = JSON.parse(readFileSync(join(suite, a), 'utf8'));
  return { name: a, validate: ajv.getSchema(schema.id) ?? ajv.compile(schema), expected: schema.expectedResult ?? 'valid' };
});
const annotationMusts = assertions('annotations/annotationMusts.test');
const collectionMusts = assertions('collections/collectionMusts.test');
const pageMusts = assertions('collections/pages/pageMusts.test');

const collection = JSON.parse(readFileSync(file, 'utf8'));
const items = collection.first?.items ?? [];
let checks = 0;
let failures = 0;
const run = (list, data, what) => {
  for (const a of list) {
    checks++;
    const ok = a.validate(data) === (a.expected === 'valid');
    if (!ok) {
      failures++;
      console.log(`FAIL ${what}: ${a.name} ${JSON.stringify(a.validate.errors?.slice(0, 2))}`);
    }
  }
};
run(collectionMusts, collection, 'collection');
run(pageMusts, collection, 'page');
for (const item of items) run(annotationMusts, item, item.id);
console.log(`W3C MUST assertions: ${annotationMusts.length} per annotation × ${items.length} annotations, ${collectionMusts.length} collection, ${pageMusts.length} page (from ${relative(process.cwd(), suite) || suite})`);
console.log(`${checks - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
