// Security (issue 11, part 8): a colleague's sidecar or a shared gazetteer cannot plant links, images or HTML in Sift's
// hovers. A hostile sidecar and gazetteer are written with the builders; the hovers VS Code gets from Sift are rendered
// with a CommonMark renderer, and the only links left must be Sift's own actions, trusted command by command.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { aCorpus } from '../builders/corpus';
import { TESTER, closeAll, open, siftApi, uniqueName, useTester, waitFor, workspaceRoot } from './helpers';

interface Renderer { render(src: string): string }
// markdown-it ships no types and is a test-only tool here (installed with the dev dependencies).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: Record<string, unknown>) => Renderer;
const renderer = new MarkdownIt({ html: true, linkify: true });

const LINK = '[click](command:sift.deleteAnnotation?%5B%22e-1%22%5D)';
const IMAGE = '![](https://evil.example/x.png)';
const HTML = '<img src=x onerror=alert(1)>';
const DEFINITION = '\n[a]: command:sift.deleteAnnotation\n# [a]';
const HOSTILE = `${LINK} ${IMAGE} ${HTML} <command:sift.rejectSuggestion> \`code\`${DEFINITION}`;

type Sug = { start: number; text: string; canonical?: string };

/** What a hover shows, rendered: its links, images and text. */
function rendered(md: vscode.MarkdownString): { hrefs: string[]; images: number; text: string } {
  const html = renderer.render(md.value);
  const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  const text = html.replace(/<[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return { hrefs, images: (html.match(/<img/g) ?? []).length, text };
}

async function hoverAt(editor: vscode.TextEditor, needle: string): Promise<vscode.MarkdownString[]> {
  const at = editor.document.positionAt(editor.document.getText().indexOf(needle) + 1);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
  return hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c);
}

/** Asserts the hover part is safe: the planted text shows as text, and the only links are `commands`, all trusted. */
function assertSafe(md: vscode.MarkdownString, commands: string[], planted: string): void {
  const { hrefs, images, text } = rendered(md);
  assert.strictEqual(images, 0, `no image: ${md.value}`);
  assert.deepStrictEqual(hrefs.map((h) => /^command:([\w.]+)\?/.exec(h)?.[1]).sort(), [...commands].sort(), `only Sift's own links: ${md.value}`);
  assert.ok(text.includes(planted), `the planted string shows as text:\n${text}`);
  assert.ok(!md.value.includes(LINK) && !md.value.includes(IMAGE) && !md.value.includes(HTML), `nothing planted survives as Markdown: ${md.value}`);
  assert.strictEqual(md.supportHtml, false);
  assert.ok(typeof md.isTrusted === 'object', `trusted for listed commands only, not ${JSON.stringify(md.isTrusted)}`);
  assert.deepStrictEqual([...(md.isTrusted.enabledCommands ?? [])].sort(), [...commands].sort());
}

describe('security: data in hovers', function () {
  this.timeout(60_000);
  useTester({ saveDelayMs: 50 });
  const gazetteer = () => path.join(workspaceRoot(), 'sift.gazetteer.yaml');
  let original: string | undefined;
  before(() => {
    original = fs.existsSync(gazetteer()) ? fs.readFileSync(gazetteer(), 'utf8') : undefined;
  });
  after(() => {
    if (original === undefined) fs.rmSync(gazetteer(), { force: true });
    else fs.writeFileSync(gazetteer(), original);
  });
  afterEach(closeAll);

  it('escapes hostile notes, canonical names, values and sources, and keeps only Sift\'s own action links', async () => {
    const api = await siftApi();
    const text = 'Zorblax Vendt met officials in Quillmorrow on Monday. The talks failed, a spokesman said.\n';
    const name = uniqueName('hostile.txt');
    fs.writeFileSync(gazetteer(), `entities:\n  - name: ${JSON.stringify(HOSTILE)}\n    label: PLACE\n    aliases: [Quillmorrow]\n`);
    aCorpus().in(workspaceRoot()).withArticle(name, text)
      .annotatedBy(TESTER, (l) => l
        .withEntity('Zorblax Vendt', 'PERSON', { value: HOSTILE, canonical: HOSTILE, note: HOSTILE })
        .withClaim('The talks failed', { source: HOSTILE, note: HOSTILE }))
      .build();
    const editor = await open(path.join(workspaceRoot(), name));
    await waitFor(async () => ((await api.suggestions(editor.document)) as Sug[]).some((s) => s.text === 'Quillmorrow' && s.canonical === HOSTILE),
      { message: 'the hostile gazetteer to load' });

    const [entity] = await waitFor(() => hoverAt(editor, 'Zorblax'), { message: 'the entity hover' });
    assertSafe(entity, ['sift.relabelAnnotation', 'sift.deleteAnnotation'], HOSTILE);
    assert.strictEqual(rendered(entity).text.split(HOSTILE).length - 1, 3, 'value, canonical name and note each show as text');

    const [claim] = await hoverAt(editor, 'The talks failed');
    assertSafe(claim, ['sift.editClaim', 'sift.respanClaim', 'sift.linkClaim', 'sift.showLinkedClaims', 'sift.deleteAnnotation'], HOSTILE);

    const [suggestion] = await hoverAt(editor, 'Quillmorrow');
    assertSafe(suggestion, ['sift.acceptSuggestion', 'sift.changeSuggestionLabel', 'sift.rejectSuggestion', 'sift.acceptEverywhere'], HOSTILE);
  });
});
