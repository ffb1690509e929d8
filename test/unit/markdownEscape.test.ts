// escapeMarkdown, the one escaping function for data in Sift's Markdown (hovers, tooltips), checked against a real
// CommonMark renderer (markdown-it, with raw HTML and GFM-style URL autolinking on, the most permissive settings): the
// rendered text equals the input, and nothing else (no link, image, HTML, heading, list, code, emphasis) comes out.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { commandArgs, escapeMarkdown, markdownCommandLink, messageText } from '../../src/extension/platform/markdown';

interface Renderer { render(src: string): string }
// markdown-it ships no types and is a test-only tool here (installed with the dev dependencies).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: Record<string, unknown>) => Renderer;
const md = new MarkdownIt({ html: true, linkify: true });

/** The text of rendered HTML that is one paragraph (with optional `inner` tag), or undefined when it is anything else. */
function paragraphText(html: string, inner?: string): string | undefined {
  const m = inner ? /^<p><(\w+)>([^<]*)<\/\1>\n?<\/p>\n$/.exec(html) : /^<p>()([^<]*)<\/p>\n$/.exec(html);
  if (!m || (inner && m[1] !== inner)) return undefined;
  return m[2].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Renders the escaped `s` on its own (at the start of a block, where most Markdown constructs can begin). */
function renderedText(s: string): string | undefined {
  const html = md.render(escapeMarkdown(s));
  return s === '' && html === '' ? '' : paragraphText(html);
}

/** The one change the escaped text may show: control characters other than line breaks and tabs become U+FFFD. */
// eslint-disable-next-line no-control-regex -- control characters are the point
const expected = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\ufffd');

const HOSTILE = [
  '[x](command:sift.deleteAnnotation)',
  '[x](command:sift.deleteAnnotation?%5B%22e-1%22%5D "Delete")',
  '![](https://evil/x.png)',
  '![a][ref]\n\n[ref]: https://evil/x.png',
  '<img src=x onerror=alert(1)>',
  '<a href="command:sift.deleteAnnotation">x</a>',
  '`code` ``double`` ```fence```',
  '```\nfenced\n```',
  '[a]: command:x',
  '\n[a]: command:x "t"\n[a]',
  '<command:x>',
  '<https://evil/x.png>',
  'https://evil.example/x www.evil.example a@evil.example',
  'line\n# heading\n## two',
  'a\n\n---\n\nb\n===',
  '*em* **strong** _em_ __strong__ ~~strike~~',
  '| a | b |\n|---|---|\n| c | d |',
  '- item\n+ item\n1. item\n> quote',
  '    indented code',
  '  two spaces  ',
  '\ttab',
  'emoji 😀 👩🏽‍🚀 :smile: $(zap) $(trash~spin)',
  'a\\[b\\](c) \\ trailing backslash\\',
  '&amp; &lt;script&gt; &#x5B; &#91; &copy;',
  'line1\r\nline2\rline3\u2028line4',
  'nul\0char',
  '',
];

describe('escapeMarkdown: data in Markdown renders as exactly its text', () => {
  for (const s of HOSTILE) {
    it(`renders ${JSON.stringify(s)} as its text, in one paragraph, with no markup`, () => {
      assert.strictEqual(renderedText(s), expected(s), md.render(escapeMarkdown(s)));
      const html = md.render(`Note: ${escapeMarkdown(s)}`);
      assert.strictEqual(paragraphText(html), s ? `Note: ${expected(s)}` : 'Note:', html);
    });
  }

  it('keeps hostile text inside bold as plain bold text', () => {
    for (const s of HOSTILE.filter((x) => x.trim())) {
      const html = md.render(`**${escapeMarkdown(s)}**`);
      assert.strictEqual(paragraphText(html, 'strong'), expected(s), html);
    }
  });

  it('round-trips any string (property)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('[', ']', '(', ')', '!', '<', '>', '&', '`', '*', '_', '#', '|', '\\', '\n', '\r\n', ' ', '    ', '\t', ':',
        'command:sift.deleteAnnotation', 'https://evil/x.png', '&amp;', '&#91;', '$(zap)', '😀', '\u00a0', '=', '-', '1.', '>'),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), (s) => {
      assert.strictEqual(renderedText(s), expected(s), md.render(escapeMarkdown(s)));
    }), { numRuns: 300 });
  });

  it('leaves no Markdown-significant character unescaped (structure)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const out = escapeMarkdown(s);
      // Every ASCII punctuation character is either backslash-escaped or part of a numeric character reference.
      const bare = out.replace(/\\[!-/:-@[-`{-~]/g, '').replace(/&#\d+;/g, '');
      assert.doesNotMatch(bare, /[!-/:-@[-`{-~]/);
      // eslint-disable-next-line no-control-regex -- no raw line break or control character survives
      assert.doesNotMatch(out, /[\u0000-\u001f\u007f\u2028\u2029]/);
    }), { numRuns: 300 });
  });
});

describe('command links', () => {
  it('encode their arguments so that no argument can end the link or start another', () => {
    const hostile = ['a) [x](command:sift.deleteAnnotation "t")', "it's (*) !"];
    const args = commandArgs([hostile]);
    assert.doesNotMatch(args, /[()'!*[\]" ]/);
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(args)), [hostile]);
    const html = md.render(markdownCommandLink('Delete', 'sift.deleteAnnotation', [hostile]));
    const links = html.match(/<a /g) ?? [];
    assert.strictEqual(links.length, 1, html);
    assert.match(html, /^<p><a href="command:sift\.deleteAnnotation\?[^"]+" title="Delete">Delete<\/a><\/p>\n$/);
  });
});

describe('notification messages', () => {
  // VS Code's parseLinkedText (src/vs/base/common/linkedText.ts): what turns a notification's text into links.
  const LINKED = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
  it('keep data with link syntax as text (no command link survives), and look the same', () => {
    for (const s of ['Sift: "[x](command:sift.deleteAnnotation)" is now an alias', '[a](https://evil/x) [b](file:///etc/passwd "t")']) {
      assert.ok(LINKED.test(s), 'the hostile text would be a link');
      LINKED.lastIndex = 0;
      assert.ok(!LINKED.test(messageText(s)), messageText(s));
      LINKED.lastIndex = 0;
      assert.strictEqual(messageText(s).replace(/\u200b/g, ''), s);
    }
  });
});

describe('workspace trust and trusted Markdown', () => {
  const repo = path.resolve(__dirname, '..', '..', '..');
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
    capabilities?: { untrustedWorkspaces?: { supported: unknown; description?: string }; virtualWorkspaces?: { supported: unknown; description?: string } };
  };
  it('declares limited support for untrusted workspaces and for virtual ones (the browser build), saying what is off', () => {
    assert.strictEqual(pkg.capabilities?.untrustedWorkspaces?.supported, 'limited');
    assert.match(pkg.capabilities?.untrustedWorkspaces?.description ?? '', /hover.*no action links/i);
    // github.dev's workspace is virtual: Sift's browser entry reaches it through vscode.workspace.fs (issue 15).
    assert.strictEqual(pkg.capabilities?.virtualWorkspaces?.supported, 'limited');
    assert.match(pkg.capabilities?.virtualWorkspaces?.description ?? '', /git/);
  });
  it('never trusts Markdown wholesale or renders HTML, and gates hover actions on workspace trust', () => {
    const dir = path.join(repo, 'src', 'extension');
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.doesNotMatch(text, /isTrusted\s*[:=]\s*true|supportHtml\s*[:=]\s*true|new vscode\.MarkdownString\([^)]*,\s*true,\s*true/, f);
    }
    assert.match(fs.readFileSync(path.join(dir, 'views', 'hover.ts'), 'utf8'), /vscode\.workspace\.isTrusted/);
    assert.match(fs.readFileSync(path.join(dir, 'views', 'statusBar.ts'), 'utf8'), /onDidGrantWorkspaceTrust/);
  });
});
