// Mark Claim in the web build writes the annotator's sidecar through vscode.workspace.fs, and the CLI validates it.
import * as assert from 'assert';
import * as fs from 'fs';
import { parse as parseYaml } from 'yaml';
import { WEB_ANNOTATOR, cli, copySample, rpc, sidecarOf, waitFor } from './host';

const CLAIM = 'Russia has evacuated some of its diplomats out of the Syrian capital Damascus while its embassy continues to function';

interface SidecarClaims { annotator?: string; claims?: { quote: string; source?: { name: string; span?: { quote: string } }; confidence?: number; start: number; end: number }[] }

describe('web: claims', () => {
  it('Mark Claim (source and confidence picked as offered) writes a sidecar that sift validate accepts', async () => {
    const article = copySample('000_f5a8d1d13f9f611e.txt');
    await rpc({ op: 'open', path: article });
    const span = await rpc<{ start: number; end: number }>({ op: 'select', text: CLAIM });
    const claim = await rpc<{ id: string; quote: string } | null>({ op: 'acceptPicks', command: 'sift.markClaim' });
    assert.ok(claim, 'Mark Claim returned the claim it made');
    assert.strictEqual(claim.quote, CLAIM);
    const file = sidecarOf(article, WEB_ANNOTATOR);
    const onDisk = await waitFor(() => {
      const data = fs.existsSync(file) ? parseYaml(fs.readFileSync(file, 'utf8')) as SidecarClaims : undefined;
      return data?.claims?.some((c) => c.quote === CLAIM) && data;
    }, { message: `the claim in ${file}` });
    assert.strictEqual(onDisk.annotator, WEB_ANNOTATOR);
    const saved = onDisk.claims!.find((c) => c.quote === CLAIM)!;
    assert.deepStrictEqual([saved.start, saved.end], [span.start, span.end], 'offsets in code points, as the text has no astral characters');
    assert.strictEqual(saved.source?.name, 'Russian Foreign Ministry', 'the speaker the attribution names is offered first');
    assert.strictEqual(saved.source?.span?.quote, 'Russian Foreign Ministry', 'and its span in the text is recorded');
    assert.ok(typeof saved.confidence === 'number', 'a confidence');
    const v = cli(['validate', file, '--strict']);
    assert.strictEqual(v.status, 0, `sift validate --strict: ${v.stdout}${v.stderr}`);
  });
});
