// Export in the web build: Sift: Export Dataset writes into a folder of the workspace through vscode.workspace.fs,
// and what it writes is, file for file, what `sift export` (the Node build of the same core) writes for the same corpus.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { aCorpus } from '../builders/corpus';
import { cli, rpc, web } from './host';

const SAMPLE = '000_f5a8d1d13f9f611e.txt';
/** brat last: it writes article texts (.txt), which would be articles to the exports after it. */
const FORMATS = ['jsonl', 'conll', 'csv', 'hf', 'brat'] as const;

interface Summary { articles: number; written: string[]; cancelled?: boolean }

/** Two annotators on a sample article, with a claim, in a folder of its own. */
function corpus(): void {
  const text = fs.readFileSync(path.join(web().folder, SAMPLE), 'utf8');
  aCorpus().in(web().folder).withArticle('export-web/a.txt', text)
    .annotatedBy('amy', (l) => l.withEntity('Moscow', 'PLACE').withEntity('Dec 16', 'DATE', { value: '2024-12-16' })
      .withClaim('Russia has evacuated some of its diplomats', { source: 'Russian Foreign Ministry', sourceSpan: true, cue: 'said' }))
    .annotatedBy('ben', (l) => l.withEntity('Moscow', 'PLACE').withEntity('Russian Foreign Ministry', 'ORG'))
    .build();
}

/** Every file under `dir`, by its path relative to `dir` ('/' separators), with its text. */
function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
  }
  return out;
}

/** The export time differs between two runs; nothing else may. */
const timeless = (text: string): string => text.replace(/"exported_at":"[^"]*"/g, '"exported_at":"T"');

describe('web: export', () => {
  const expected = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-web-export-'));
  after(() => {
    fs.rmSync(expected, { recursive: true, force: true });
    fs.rmSync(path.join(web().folder, 'export'), { recursive: true, force: true });
  });

  for (const format of FORMATS) {
    it(`writes ${format} into the workspace's export folder, the same files as sift export`, async () => {
      if (!fs.existsSync(path.join(web().folder, 'export-web'))) corpus();
      const want = path.join(expected, format);
      const byCli = cli(['export', '.', '--format', format, '--out', want, '--layer', 'all']);
      assert.strictEqual(byCli.status, 0, `sift export: ${byCli.stderr}`);
      await rpc({ op: 'open', path: 'export-web/a.txt' });
      const summary = await rpc<Summary>({ op: 'command', command: 'sift.exportDataset', args: [{ format, layer: 'all' }] }, { timeout: 60_000 });
      assert.ok(summary && !summary.cancelled && summary.articles > 0, `an export of at least one article (${JSON.stringify(summary)})`);
      const out = path.join(web().folder, 'export', format);
      const got = filesUnder(out);
      const wanted = filesUnder(want);
      assert.deepStrictEqual([...got.keys()].sort(), [...wanted.keys()].sort(), `the files written in ${out}`);
      for (const [name, text] of wanted) assert.strictEqual(timeless(got.get(name)!), timeless(text), `${format}: ${name} as sift export writes it`);
    });
  }
});
