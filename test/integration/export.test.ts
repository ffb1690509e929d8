import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAll, select, openArticle, siftApi } from './helpers';

type Span = { start: number; end: number; text: string };

describe('export from the editor', function () {
  this.timeout(60_000);
  afterEach(closeAll);

  it('exports the workspace to JSONL and CoNLL with exact code point offsets, and reports a summary', async () => {
    await vscode.workspace.getConfiguration('sift').update('annotator', 'tester', vscode.ConfigurationTarget.Global);
    const api = await siftApi();
    const editor = await openArticle('002_ec2a2dd01141acf4.txt');
    select(editor, 'Worthy News');
    await vscode.commands.executeCommand('sift.labelSelection', 'ORG');
    api.flush();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-export-'));
    const summary = await vscode.commands.executeCommand<{ articles: number; claims: number; written: string[]; entitiesByLabel: Record<string, number> }>('sift.exportDataset', { format: 'jsonl', layer: 'all', out });
    assert.ok(summary.articles >= 1);
    assert.ok((summary.entitiesByLabel.ORG ?? 0) >= 1);
    const lines = fs.readFileSync(path.join(out, 'dataset.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; entities: Span[]; claims: Span[] });
    const rec = lines.find((l) => l.id === '002_ec2a2dd01141acf4')!;
    assert.ok(rec.entities.some((e) => e.text === 'Worthy News'));
    for (const l of lines) {
      const cps = Array.from(l.text);
      for (const s of [...l.entities, ...l.claims]) assert.strictEqual(cps.slice(s.start, s.end).join(''), s.text, `${l.id} ${s.start}..${s.end}`);
    }
    const conllOut = path.join(out, 'conll');
    await vscode.commands.executeCommand('sift.exportDataset', { format: 'conll', layer: 'tester', out: conllOut });
    const conll = fs.readFileSync(path.join(conllOut, 'dataset.conll'), 'utf8');
    assert.match(conll, /^-DOCSTART- -X- -X- O$/m);
    assert.match(conll, /^Worthy _ _ B-ORG\nNews _ _ I-ORG$/m);
  });
});
