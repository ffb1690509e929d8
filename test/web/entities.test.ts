// Entity labelling and accepting suggestions in the web build: each writes the annotator's sidecar through
// vscode.workspace.fs, at the right code points, and the CLI validates what was written.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { cpSpan } from '../builders/layer';
import { WEB_ANNOTATOR, cli, copySample, dashedSpans, rpc, sidecarOf, waitFor, web } from './host';

interface SidecarEntity { id: string; label: string; quote: string; start: number; end: number; value?: string }
interface Sidecar { annotator?: string; entities?: SidecarEntity[] }

const SAMPLE = '000_f5a8d1d13f9f611e.txt';

function sidecar(article: string): Sidecar | undefined {
  const f = sidecarOf(article, WEB_ANNOTATOR);
  return fs.existsSync(f) ? parseYaml(fs.readFileSync(f, 'utf8')) as Sidecar : undefined;
}

/** Waits for the sidecar on disk to hold an entity on `quote`, and returns it. */
async function savedEntity(article: string, quote: string): Promise<SidecarEntity> {
  return waitFor(() => sidecar(article)?.entities?.find((e) => e.quote === quote),
    { message: `an entity on '${quote}' in ${sidecarOf(article, WEB_ANNOTATOR)}` });
}

/** The code point span of the first occurrence of `quote` in the article on disk. */
function spanOf(article: string, quote: string): { start: number; end: number } {
  return cpSpan(fs.readFileSync(path.join(web().folder, article), 'utf8'), quote);
}

/** Waits for the entity on `quote` in my sidecar on disk and checks its label and its span; returns it. */
async function savedAs(article: string, quote: string, label: string): Promise<SidecarEntity> {
  const saved = await savedEntity(article, quote);
  assert.deepStrictEqual({ label: saved.label, start: saved.start, end: saved.end }, { label, ...spanOf(article, quote) });
  return saved;
}

function assertValid(article: string): void {
  const v = cli(['validate', sidecarOf(article, WEB_ANNOTATOR), '--strict']);
  assert.strictEqual(v.status, 0, `sift validate --strict: ${v.stdout}${v.stderr}`);
}

/** Runs Label Selection as Entity… without a label, and answers its quick pick in the page by typing `label`. */
async function labelThroughPicker(label: string): Promise<void> {
  const running = rpc({ op: 'command', command: 'sift.labelSelection' });
  const input = web().page.locator('.quick-input-widget input').first();
  await waitFor(async () => await input.isVisible() && await web().page.locator('.quick-input-widget .quick-input-title').first().innerText() === 'Sift: label the selection',
    { message: 'the label picker to be shown' });
  await input.fill(label);
  await waitFor(async () => (await web().page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused').first().innerText().catch(() => '')).trim() === label,
    { message: `the label picker to offer ${label} first` });
  await input.press('Enter');
  await running;
}

describe('web: entities', () => {
  it('the browser saves an annotation change at once, whatever the quiet time, and it is there after a reload', async () => {
    // A reload or a closed tab ends the worker with no time to flush: a save put off by sift.saveDelayMs would be lost.
    await rpc({ op: 'setting', text: 'sift.saveDelayMs', args: [600_000] });
    try {
      const article = copySample(SAMPLE);
      await rpc({ op: 'open', path: article });
      await rpc({ op: 'select', text: 'Khmeimim Air Base' });
      await rpc({ op: 'command', command: 'sift.labelSelection', args: ['PLACE'] });
      const base = await savedAs(article, 'Khmeimim Air Base', 'PLACE');
      await web().reload();
      await rpc({ op: 'open', path: article });
      await rpc({ op: 'command', command: 'sift.relabelAnnotation', args: [base.id, 'ORG'] });
      await waitFor(() => sidecar(article)?.entities?.find((e) => e.quote === 'Khmeimim Air Base')?.label === 'ORG',
        { message: 'the relabel after the reload, saved at once' });
      assert.strictEqual(sidecar(article)?.entities?.length, 1, 'the label read back after the reload is the one relabelled');
      assertValid(article);
    } finally {
      await rpc({ op: 'setting', text: 'sift.saveDelayMs' });
    }
  });

  it('Label Selection as Entity writes the entity to my sidecar, with a label given or picked in the picker', async () => {
    const article = copySample(SAMPLE);
    await rpc({ op: 'open', path: article });
    await rpc({ op: 'select', text: 'Russian Foreign Ministry' });
    await rpc({ op: 'command', command: 'sift.labelSelection', args: ['ORG'] });
    await savedAs(article, 'Russian Foreign Ministry', 'ORG');

    await rpc({ op: 'select', text: 'Khmeimim Air Base' });
    await labelThroughPicker('PLACE');
    await savedAs(article, 'Khmeimim Air Base', 'PLACE');
    assert.strictEqual(sidecar(article)?.annotator, WEB_ANNOTATOR);
    assertValid(article);
  });

  it('accepting a suggestion under the cursor writes it to my sidecar as the CLI detects it (label and date value)', async () => {
    const article = copySample(SAMPLE);
    await rpc({ op: 'open', path: article });
    const before = await waitFor(async () => { const d = await dashedSpans(); return d.includes('Moscow') && d.includes('Dec 16') && d; },
      { timeout: 60_000, message: 'the suggestions Moscow and Dec 16 to be drawn' });
    const detected = cli(['detect', article]);
    assert.strictEqual(detected.status, 0, detected.stderr);
    const rows = detected.stdout.split('\n').filter(Boolean).map((l) => l.split('\t'));
    for (const quote of ['Moscow', 'Dec 16']) {
      await rpc({ op: 'select', text: quote });
      await rpc({ op: 'command', command: 'sift.acceptSuggestion' });
      const saved = await savedEntity(article, quote);
      const row = rows.find((r) => r[4] === quote);
      assert.ok(row, `sift detect finds ${quote}`);
      assert.deepStrictEqual({ start: saved.start, end: saved.end, label: saved.label, value: saved.value ?? '' },
        { start: Number(row[1]), end: Number(row[2]), label: row[3], value: row[5] }, `${quote} as sift detect gives it`);
    }
    // Accepted, each is an annotation now, no longer drawn as a suggestion: Dec 16 (once in the article) is gone, and
    // Moscow is drawn once fewer (the article names it again further on, still suggested there).
    const count = (d: string[], m: string) => d.filter((x) => x === m).length;
    let after: string[] = [];
    await waitFor(async () => { after = await dashedSpans(); return count(after, 'Dec 16') === 0 && count(after, 'Moscow') === count(before, 'Moscow') - 1; },
      { message: 'the accepted suggestions no longer to be drawn as suggestions' })
      .catch((e: Error) => { throw new Error(`${e.message}; dashed before: ${JSON.stringify(before)}, now: ${JSON.stringify(after)}`); });
    assertValid(article);
  });

  it('Accept Everywhere labels the text in an article that is not open too (read through vscode.workspace.fs)', async () => {
    // Homs is only in sample 004, which no other web test uses.
    const open = copySample('004_72a6e1414d8de193.txt');
    const closed = copySample('004_72a6e1414d8de193.txt');
    await rpc({ op: 'open', path: open });
    await rpc({ op: 'select', text: 'Homs' });
    const text = fs.readFileSync(path.join(web().folder, open), 'utf8');
    const line = text.slice(0, text.indexOf('Homs')).split('\n').length;
    await rpc({ op: 'command', command: 'revealLine', args: [{ lineNumber: line - 1, at: 'center' }] });
    await waitFor(async () => (await dashedSpans()).includes('Homs'), { timeout: 60_000, message: 'Homs to be drawn as a suggestion' });
    const added = await rpc<number>({ op: 'command', command: 'sift.acceptEverywhere' }, { timeout: 60_000 });
    const everywhere = [...text.matchAll(/(?<![\p{L}\p{N}])Homs(?![\p{L}\p{N}])/gu)].map((m) => { const start = [...text.slice(0, m.index)].length; return { start, end: start + 4 }; });
    assert.ok(everywhere.length > 1 && added >= 2 * everywhere.length, `Homs labelled in both copies at least (${added} added, ${everywhere.length} in each)`);
    const saved = await waitFor(() => { const e = sidecar(closed)?.entities?.filter((x) => x.quote === 'Homs'); return e?.length === everywhere.length && e; },
      { message: `every Homs in the closed ${closed} labelled in its sidecar` });
    assert.deepStrictEqual(saved.map((e) => ({ start: e.start, end: e.end, label: e.label })), everywhere.map((o) => ({ ...o, label: 'PLACE' })));
    assertValid(closed);
  });
});
