// Issue 11, part 2: files are read as hostile. Links out of the workspace, links to devices, directory links that
// loop, sidecars written through a link, and the CLI's root.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { CliIo } from '../../src/cli/io';
import { findSidecars, findSidecarsIn } from '../../src/core/corpus/findSidecars';
import { ArticleSession } from '../../src/core/session/session';
import { validateSidecar } from '../../src/core/store/validate';
import { ArticleError, readArticle } from '../../src/core/text/article';
import { fixedOptions } from './helpers/tmp';

const SECRET = 'Secret Person met Hidden Agency in Nowhere.';

function tmp(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

/** A workspace (a folder with .git) holding `rel` with `text`, labelled by ana on its first five code points. */
function workspace(rel = 'a.txt', text = 'Alice met Bob in Paris.'): string {
  const ws = tmp('sift-ws-');
  fs.mkdirSync(path.join(ws, '.git'));
  const file = path.join(ws, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const s = ArticleSession.open(file, 'ana', fixedOptions());
  s.addEntity({ start: 0, end: 5, label: 'PERSON' });
  s.sidecar.save();
  return ws;
}

function cli(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { cwd, stdout: '', stderr: '', out: (t: string) => { io.stdout += t; }, err: (t: string) => { io.stderr += t; } };
  return io;
}

async function exportJsonl(ws: string, extra: string[] = []): Promise<{ lines: { file: string; text: string }[]; io: ReturnType<typeof cli> }> {
  const io = cli(ws);
  const out = path.join(tmp('sift-out-'), 'd.jsonl');
  await main(['export', ws, '--format', 'jsonl', '--out', out, '--json', ...extra], io);
  const text = fs.existsSync(out) ? fs.readFileSync(out, 'utf8').trim() : '';
  return { lines: text ? text.split('\n').map((l) => JSON.parse(l) as { file: string; text: string }) : [], io };
}

describe('files are read as hostile (issue 11)', () => {
  it('an article that is a link out of the workspace is not exported nor validated, unless --follow-outside-root', async () => {
    const ws = workspace('x.txt', SECRET);
    const outside = tmp('sift-outside-');
    fs.writeFileSync(path.join(outside, 'secret.txt'), SECRET);
    fs.rmSync(path.join(ws, 'x.txt'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'x.txt'));
    const { lines, io } = await exportJsonl(ws);
    assert.ok(!lines.some((l) => l.text.includes('Secret')), 'the outside text is not in the dataset');
    assert.match(io.stdout, /outside the workspace root/);
    const v = cli(ws);
    assert.strictEqual(await main(['validate', ws], v), 1);
    assert.match(v.stdout, /article-outside-root/);
    const followed = await exportJsonl(ws, ['--follow-outside-root']);
    assert.deepStrictEqual(followed.lines.map((l) => l.text), [SECRET], 'the user asked for it');
  });

  it('an article or sidecar linked to /dev/zero is refused at once, with a clear message', async function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    const ws = workspace();
    fs.symlinkSync('/dev/zero', path.join(ws, 'z.txt'));
    assert.throws(() => readArticle(path.join(ws, 'z.txt'), 1024), (e: unknown) => e instanceof ArticleError && e.problem === 'not-a-file' && /not a regular file/.test(e.message));
    // A sidecar of a.txt linked to /dev/zero: validate and export report it and go on.
    fs.symlinkSync('/dev/zero', path.join(ws, 'a.bob.ann.yaml'));
    const problems = validateSidecar(path.join(ws, 'a.bob.ann.yaml'));
    assert.deepStrictEqual(problems.map((p) => p.code), ['unreadable']);
    assert.match(problems[0].message, /not a regular file/);
    const { lines, io } = await exportJsonl(ws);
    assert.strictEqual(lines.length, 1);
    assert.match(io.stdout, /a\.bob\.ann\.yaml[\s\S]*\/dev\/zero is outside the workspace root/);
    const followed = await exportJsonl(ws, ['--follow-outside-root']);
    assert.strictEqual(followed.lines.length, 1);
    assert.match(followed.io.stdout, /a\.bob\.ann\.yaml[\s\S]*not a regular file/);
  });

  it('a directory link to . gives no duplicate records', async () => {
    const ws = workspace();
    fs.symlinkSync('.', path.join(ws, 'loop'));
    assert.deepStrictEqual(findSidecars([ws]).map((f) => path.relative(ws, f)), ['a.ana.ann.yaml']);
    const { lines } = await exportJsonl(ws);
    assert.deepStrictEqual(lines.map((l) => l.file), ['a.txt']);
  });

  it('two directory links to . finish, with no duplicates, in validate, detect and export', async () => {
    const ws = workspace();
    fs.symlinkSync('.', path.join(ws, 'l1'));
    fs.symlinkSync(ws, path.join(ws, 'l2'));
    assert.strictEqual(findSidecars([ws, path.join(ws, 'l1'), path.join(ws, 'a.ana.ann.yaml')]).length, 1, 'overlapping paths count once');
    const v = cli(ws);
    assert.strictEqual(await main(['validate'], v), 0);
    assert.match(v.stderr, /^1 sidecar checked/);
    const d = cli(ws);
    assert.strictEqual(await main(['detect', 'a.txt'], d), 0);
    assert.match(d.stdout, /Alice/);
    assert.strictEqual((await exportJsonl(ws)).lines.length, 1);
  });

  it('a sidecar path through a directory link to outside the workspace is refused', () => {
    const ws = workspace();
    const outside = tmp('sift-outside-');
    fs.writeFileSync(path.join(outside, 'o.txt'), 'Olga met Omar.');
    fs.symlinkSync(outside, path.join(ws, 'link'));
    assert.throws(() => ArticleSession.open(path.join(ws, 'link', 'o.txt'), 'ana', fixedOptions()),
      (e: unknown) => e instanceof ArticleError && e.problem === 'outside-root' && /outside the workspace root/.test(e.message));
    assert.deepStrictEqual(fs.readdirSync(outside), ['o.txt'], 'nothing written outside');
  });

  it('the CLI root is the nearest folder with sift.gazetteer.yaml or .git, else the article\'s own folder', async () => {
    // ws/.git; ws/notes/z.txt labels Zorblat as ORG; ws/news/deep/a.txt mentions Zorblat.
    const ws = workspace(path.join('notes', 'z.txt'), 'Zorblat is a firm.');
    const s = ArticleSession.open(path.join(ws, 'notes', 'z.txt'), 'ana', fixedOptions());
    s.update(s.layer.entities[0].id, { end: 7, label: 'ORG' });
    s.sidecar.save();
    fs.mkdirSync(path.join(ws, 'news', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'news', 'deep', 'a.txt'), 'They said zorblat and Zorblat grew.');
    const d = cli(ws);
    assert.strictEqual(await main(['detect', path.join('news', 'deep', 'a.txt')], d), 0);
    assert.match(d.stdout, /\tORG\tZorblat\t/, 'learned from a sidecar under the root (.git)');
    fs.rmSync(path.join(ws, '.git'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'news', 'sift.gazetteer.yaml'), 'entities: []\n');
    const g = cli(ws);
    assert.strictEqual(await main(['detect', path.join('news', 'deep', 'a.txt')], g), 0);
    assert.doesNotMatch(g.stdout, /\tORG\tZorblat\t/, 'the root is now news/ (its gazetteer): notes/ is unrelated');
  });

  it('the walk sift detect makes leaves unrelated folders after a probe, and stops at its budget', () => {
    const ws = workspace(path.join('news', 'a.txt'));
    fs.mkdirSync(path.join(ws, 'data'));
    for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(ws, 'data', `f${String(i).padStart(3, '0')}.dat`), '');
    const rel = (r: { sidecars: { file: string }[] }) => r.sidecars.map((f) => path.relative(ws, f.file));
    const all = findSidecarsIn([ws]);
    assert.deepStrictEqual([rel(all), all.entries], [[path.join('news', 'a.ana.ann.yaml')], 3 + 2 + 100], 'unbounded: every entry');
    const probed = findSidecarsIn([ws], { probe: 8 });
    assert.deepStrictEqual([rel(probed), probed.entries], [[path.join('news', 'a.ana.ann.yaml')], 3 + 2 + 8], 'data/ is left after 8 entries');
    const bounded = findSidecarsIn([path.join(ws, 'news'), ws], { maxEntries: 3 });
    assert.deepStrictEqual(rel(bounded), [path.join('news', 'a.ana.ann.yaml')], 'the near folder first');
    assert.strictEqual(bounded.truncated, true);
  });
});
