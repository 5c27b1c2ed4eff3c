const { spawn } = require('child_process');
const fs = require('fs'); const path = require('path'); const os = require('os');
const { runCli } = require('./out/src/cli/main');
const { NodeFileHost } = require('./out/src/platform/node/nodeFileHost');
const { TINY_LEXICON, TINY_REVIEW, TINY_PASSAGE } = require('./out/test/unit/sidecarSafety/tinyFilm');
const { MemoryFileHost } = require('./out/test/unit/memoryHost');
const { SidecarStore } = require('./out/src/core/annotations/sidecarStore');
(async () => {
  const h0 = new MemoryFileHost({ 'memfs:/f/r.md': TINY_REVIEW });
  const start = TINY_REVIEW.indexOf(TINY_PASSAGE);
  await new SidecarStore(h0).addAnnotation('memfs:/f/r.md', TINY_REVIEW, { start, end: start + TINY_PASSAGE.length, tags: ['fall'], note: 'mine' });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dbg-')); const film = path.join(root, 'film'); fs.mkdirSync(film);
  fs.writeFileSync(path.join(film, 'film.yaml'), TINY_LEXICON);
  const sc = path.join(film, 'r.annotations.yaml'); fs.writeFileSync(sc, h0.text('memfs:/f/r.annotations.yaml'));
  const w = spawn(process.execPath, ['out/test/unit/sidecarSafety/racingWriter.js', sc, path.join(root, 'stop'), 'inplace'], { stdio: ['ignore', 'inherit', 'inherit'] });
  await new Promise(r => setTimeout(r, 300));
  for (let i = 0; i < 20; i++) {
    fs.writeFileSync(path.join(film, 'r.md'), TINY_REVIEW + '\nEdit ' + i + '\n');
    const t0 = Date.now(); let out = '', err = '';
    const code = await runCli(['annotate', 'film/r.md'], { out: t => out += t, err: t => err += t, cwd: root, host: new NodeFileHost({ blocking: true }) });
    console.log(i, Date.now() - t0, 'ms', code, out.slice(0, 60), err.slice(0, 200));
  }
  fs.writeFileSync(path.join(root, 'stop'), '');
})();
