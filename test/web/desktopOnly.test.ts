// What needs git or a process stays desktop only: on the web its commands are hidden from the palette, not broken.
import * as assert from 'assert';
import { copySample, rpc, waitFor, web } from './host';

/** The rows the command palette lists for `query`, once it has listed `expect` (or shown that nothing matches). */
async function paletteRows(query: string): Promise<string[]> {
  await rpc({ op: 'command', command: 'workbench.action.quickOpen', args: [`>${query}`] });
  const widget = web().page.locator('.quick-input-widget');
  try {
    let before = '';
    return await waitFor(async () => {
      // The palette has taken the query, and its list has settled (the same rows twice running, 300 ms apart).
      if (!await widget.isVisible() || await widget.locator('input').first().inputValue() !== `>${query}`) return undefined;
      const rows = (await widget.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
      const now = JSON.stringify(rows);
      const settled = now === before;
      before = now;
      return settled && rows;
    }, { interval: 300, message: `the command palette to list the commands matching '${query}'` });
  } finally {
    await rpc({ op: 'command', command: 'workbench.action.closeQuickOpen' });
  }
}

describe('web: desktop-only commands', () => {
  it('Set Up Git is not offered in the command palette, while the annotation commands are', async () => {
    await rpc({ op: 'open', path: copySample('002_ec2a2dd01141acf4.txt') });
    const claim = await paletteRows('Sift: Mark Claim');
    assert.ok(claim.some((r) => r.includes('Sift: Mark Claim')), `Mark Claim is offered (${JSON.stringify(claim)})`);
    const git = await paletteRows('Sift: Set Up Git');
    assert.deepStrictEqual(git.filter((r) => r.includes('Set Up Git')), [], 'Set Up Git for This Workspace is hidden on the web');
  });
});
