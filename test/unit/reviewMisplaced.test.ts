// A layer written under the article's own hash with a span off its quote: review re-anchors it as the editor does.
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from './helpers/runCli';
import { aCorpus } from '../builders/corpus';

describe('sift review --merge on a layer with a span off its quote', () => {
  const made: string[] = [];
  after(() => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });

  it('merges a layer whose span was shifted past the end under the article\'s own hash, at its quote (no crash)', async () => {
    const text = 'The Kremlin said Putin met Ahmed al-Sharaa in Moscow';
    const sha = crypto.createHash('sha256').update(text, 'utf8').digest('hex');
    const at = text.indexOf('Moscow');
    const raw = (who: string) => `sift: 1\narticle: a.txt\nannotator: ${who}\nsha256: ${sha}\nlength: ${text.length}\nentities:\n  - id: e-${who}\n    label: PLACE\n    start: ${at + 3}\n    end: ${at + 9}\n    quote: Moscow\n`;
    const dir = aCorpus().withArticle('a.txt', text).withRawSidecar('ana', raw('ana')).withRawSidecar('bob', raw('bob')).build().dir;
    made.push(dir);
    const r = await runCli(['review', '--merge', '.', '--strategy', 'agreed', '--adjudicator', 'lead'], dir);
    assert.strictEqual(r.code, 0, r.err);
    const gold = fs.readFileSync(path.join(dir, 'a.gold.ann.yaml'), 'utf8');
    assert.match(gold, new RegExp(`start: ${at}\\n\\s+end: ${at + 6}\\n\\s+quote: Moscow`));
  });
});
