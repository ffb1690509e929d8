// Suggestions are drawn in the web build: the bundled detector runs in the web worker extension host, and what it
// draws is what the CLI (the Node build of the same core) detects in the same article.
import * as assert from 'assert';
import { cli, copySample, dashedSpans, rpc, waitFor } from './host';

describe('web: suggestions', () => {
  it('are drawn on a sample article with a dashed underline, and each is a mention the CLI detects too', async () => {
    const article = copySample('000_f5a8d1d13f9f611e.txt');
    await rpc({ op: 'open', path: article });
    // "Moscow, Dec 16 (IANS) Russia has evacuated ... Damascus": the first line is in view.
    let seen: string[] = [];
    const drawn = await waitFor(async () => { const d = seen = await dashedSpans(); return ['Moscow', 'Damascus'].every((m) => d.includes(m)) && d; },
      { timeout: 60_000, message: 'Moscow and Damascus to be drawn as suggestions (a dashed underline) in the editor' })
      .catch((e: Error) => { throw new Error(`${e.message}; drawn dashed: ${JSON.stringify(seen)}`); });
    const detected = cli(['detect', article]);
    assert.strictEqual(detected.status, 0, detected.stderr);
    const mentions = detected.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[4]);
    // A mention can be drawn in more than one span (the editor splits it where other decorations start or end).
    const stray = drawn.filter((d) => !mentions.some((m) => m.includes(d)));
    assert.deepStrictEqual(stray, [], 'every dashed span is (part of) a mention the CLI detects');
  });
});
