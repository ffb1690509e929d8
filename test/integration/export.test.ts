import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAll, sample, select, siftApi, useTester } from './helpers';

type Span = { start: number; end: number; text: string };

describe('export from the editor', function () {
  this.timeout(60_000);
  useTester();
  afterEach(closeAll);

  it('exports the workspace to JSONL and CoNLL with exact code point offsets, and reports a summary', async () => {
    const api = await siftApi();
    const editor = await sample('002_ec2a2dd01141acf4.txt', 'x002.txt');
    const id = path.basename(editor.document.uri.fsPath, '.txt');
    select(editor, 'Worthy News');
    await vscode.commands.executeCommand('sift.labelSelection', 'ORG');
    api.flush();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-export-'));
    try {
      const summary = await vscode.commands.executeCommand<{ articles: number; claims: number; written: string[]; entitiesByLabel: Record<string, number> }>('sift.exportDataset', { format: 'jsonl', layer: 'all', out });
      const lines = fs.readFileSync(path.join(out, 'dataset.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; entities: (Span & { label: string })[]; claims: Span[] });
      // The summary agrees with what was written, whatever else the workspace holds.
      assert.strictEqual(summary.articles, lines.length);
      assert.strictEqual(summary.entitiesByLabel.ORG, lines.flatMap((l) => l.entities).filter((e) => e.label === 'ORG').length);
      const rec = lines.find((l) => l.id === id);
      assert.ok(rec, `${id} is exported`);
      assert.deepStrictEqual(rec.entities.map((e) => [e.text, e.label]), [['Worthy News', 'ORG']]);
      for (const l of lines) {
        const cps = Array.from(l.text);
        for (const s of [...l.entities, ...l.claims]) assert.strictEqual(cps.slice(s.start, s.end).join(''), s.text, `${l.id} ${s.start}..${s.end}`);
      }
      const conllOut = path.join(out, 'conll');
      await vscode.commands.executeCommand('sift.exportDataset', { format: 'conll', layer: 'tester', out: conllOut });
      const conll = fs.readFileSync(path.join(conllOut, 'dataset.conll'), 'utf8');
      assert.match(conll, /^-DOCSTART- -X- -X- O$/m);
      assert.match(conll, /^Worthy _ _ B-ORG\nNews _ _ I-ORG$/m);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
