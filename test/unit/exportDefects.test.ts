// Export defects of issue 10: colliding article names, spans brat cannot represent, skipped sidecars and fuzzy
// placements in the summary, and brat's annotation.conf from the workspace's labels and confidence levels.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runExport } from '../../src/core/export/run';
import { ArticleSession } from '../../src/core/session/session';
import { fixedOptions, tmpCorpus } from './helpers/tmp';

/** Writes `text` as `rel` under `dir` and labels its first `len` code points as `label` for annotator ana. */
function article(dir: string, rel: string, text: string, label = 'PERSON', len = 5): void {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const s = ArticleSession.open(file, 'ana', fixedOptions());
  s.addEntity({ start: 0, end: len, label });
  s.sidecar.save();
}

const jsonl = (file: string) => fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; file: string });

describe('export defects', () => {
  it('articles with the same file name in different folders get distinct ids and distinct brat files', async () => {
    const dir = tmpCorpus([]);
    article(dir, 'a/x.txt', 'Alice met Bob.');
    article(dir, 'b/x.txt', 'Carol met Dan.');
    article(dir, 'y.txt', 'Ellen met Fay.');
    const j = await runExport([dir], { format: 'jsonl', out: path.join(dir, 'j'), layer: 'all', root: dir });
    assert.strictEqual(j.articles, 3);
    const ids = jsonl(path.join(dir, 'j', 'dataset.jsonl')).map((r) => `${r.id}=${r.file}`);
    assert.deepStrictEqual(ids, [`a__x=${path.join('a', 'x.txt')}`, `b__x=${path.join('b', 'x.txt')}`, 'y=y.txt'], 'colliding names take their path; the others keep their name');
    await runExport([dir], { format: 'brat', out: path.join(dir, 'brat'), layer: 'all', root: dir });
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'brat')).sort(), ['a__x.ann', 'a__x.txt', 'annotation.conf', 'b__x.ann', 'b__x.txt', 'y.ann', 'y.txt']);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'brat', 'b__x.txt'), 'utf8'), 'Carol met Dan.');
  });

  it('an id taken from a path never collides with another article\'s name', async () => {
    const dir = tmpCorpus([]);
    article(dir, 'a/x.txt', 'Alice met Bob.');
    article(dir, 'b/x.txt', 'Carol met Dan.');
    article(dir, 'a__x.txt', 'Ellen met Fay.');
    await runExport([dir], { format: 'jsonl', out: path.join(dir, 'j'), layer: 'all', root: dir });
    const ids = jsonl(path.join(dir, 'j', 'dataset.jsonl')).map((r) => r.id);
    assert.strictEqual(new Set(ids).size, 3, ids.join(' '));
    assert.ok(ids.includes('a__x') && ids.includes('b__x'), ids.join(' '));
  });
});
