import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { CliIo } from '../../src/cli/io';
import { findSidecars } from '../../src/core/corpus/findSidecars';
import { validateSidecar } from '../../src/core/store/validate';
import { A0, SAMPLES, tmpCorpus } from './helpers/tmp';
import { aCorpus } from '../builders/corpus';

/** Writes ana's sidecar for the first sample article into `dir`; returns its path. */
function annotated(dir: string): string {
  return aCorpus().in(dir).withSample(A0)
    .annotatedBy('ana', (l) => l.withEntity('Moscow', 'PLACE').withEntity('Damascus', 'PLACE').withClaim({ start: 22, end: 77 }, { source: 'Russian Foreign Ministry', confidence: 0.8 }))
    .build().sidecarPath(A0, 'ana');
}

async function run(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const io: CliIo = { cwd, out: (t) => { out += t; }, err: (t) => { err += t; } };
  const code = await main(args, io);
  return { code, out, err };
}

describe('sift validate', () => {
  it('passes a sidecar that matches its article', async () => {
    const dir = tmpCorpus([A0]);
    assert.deepStrictEqual(validateSidecar(annotated(dir)), []);
    const r = await run(['validate', '.'], dir);
    assert.strictEqual(r.code, 0);
    assert.match(r.err, /1 sidecar checked, 0 problems/);
  });

  it('passes the sample corpus (no sidecars yet is not an error)', async () => {
    const r = await run(['validate', SAMPLES], process.cwd());
    assert.strictEqual(r.code, 0, r.out + r.err);
  });

  it('reports duplicate ids, out-of-range offsets and quote mismatches as file:line:col', async () => {
    const dir = tmpCorpus([A0]);
    const file = annotated(dir);
    const src = fs.readFileSync(file, 'utf8');
    const ids = [...src.matchAll(/id: (e-\S+)/g)].map((m) => m[1]);
    fs.writeFileSync(file, src.replace(`id: ${ids[1]}`, `id: ${ids[0]}`).replace(/start: 22\n {4}end: 77/, 'start: 22\n    end: 99999').replace('quote: Moscow', 'quote: Moskva'));
    const r = await run(['validate', '.'], dir);
    assert.strictEqual(r.code, 1);
    const lines = r.out.trim().split('\n');
    const text = fs.readFileSync(file, 'utf8').split('\n');
    const find = (code: string) => {
      const l = lines.find((x) => x.includes(code));
      assert.ok(l, `${code} is reported:\n${r.out}`);
      const m = /^(.+?):(\d+):(\d+) (error|warning) /.exec(l)!;
      assert.strictEqual(m[1], path.basename(file));
      return text[Number(m[2]) - 1];
    };
    assert.match(find('duplicate-id'), /id: e-/);
    assert.match(find('quote-mismatch'), /quote: Moskva/);
    assert.match(find('out-of-range'), /start: 22/);
  });

  it('reports a stale hash and the annotations that can no longer be found', () => {
    const dir = tmpCorpus([A0]);
    const file = annotated(dir);
    const article = path.join(dir, A0);
    fs.writeFileSync(article, fs.readFileSync(article, 'utf8').replace(/Damascus/g, 'the capital'));
    const codes = validateSidecar(file).map((p) => p.code);
    assert.deepStrictEqual(codes.sort(), ['orphaned', 'stale']);
  });

  it('reports a sidecar whose article is missing or whose name does not match it', async () => {
    const dir = tmpCorpus([A0]);
    const file = annotated(dir);
    fs.copyFileSync(file, path.join(dir, '001_other.bob.ann.yaml'));
    fs.rmSync(path.join(dir, A0));
    const r = await run(['validate', '--json', dir], dir);
    assert.strictEqual(r.code, 1);
    const json = JSON.parse(r.out) as { sidecars: number; problems: { code: string }[] };
    assert.strictEqual(json.sidecars, 2);
    const codes = json.problems.map((p) => p.code);
    for (const c of ['article-missing', 'annotator-mismatch', 'article-mismatch']) assert.ok(codes.includes(c), `${c} in ${codes.join(', ')}`);
  });

  it('reports a malformed sidecar with its line and column, and orphans flagged in the file', () => {
    const dir = tmpCorpus([A0]);
    const file = annotated(dir);
    const src = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, src.replace('    label: PLACE\n', '    label: PLACE\n    orphaned: true\n'));
    assert.ok(validateSidecar(file).some((p) => p.code === 'orphaned'));
    fs.writeFileSync(file, src.replace('entities:', 'entities: {'));
    const p = validateSidecar(file);
    assert.strictEqual(p[0].code, 'yaml-syntax');
    assert.ok(p[0].line > 1 && p[0].col >= 1);
  });

  it('finds sidecars recursively, skipping node_modules and dot-folders', () => {
    const dir = tmpCorpus([A0]);
    annotated(dir);
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'x.a.ann.yaml'), 'junk');
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, '.git', 'y.a.ann.yaml'), 'junk');
    assert.strictEqual(findSidecars([dir]).length, 1);
  });

  it('exits 2 on an unknown option or command', async () => {
    assert.strictEqual((await run(['validate', '--nope'], process.cwd())).code, 2);
    assert.strictEqual((await run(['frobnicate'], process.cwd())).code, 2);
  });
});

describe('the README sidecar example', () => {
  it('is a valid sidecar for the first sample article', () => {
    const readme = fs.readFileSync(path.resolve(SAMPLES, '..', 'README.md'), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)![1];
    const dir = tmpCorpus([A0]);
    const file = path.join(dir, '000_f5a8d1d13f9f611e.analyst1.ann.yaml');
    fs.writeFileSync(file, yaml);
    assert.deepStrictEqual(validateSidecar(file), []);
  });
});
