// A discussion comment's text (from a colleague's sidecar) in the Comments view: escapeMarkdownLines shows it as written,
// line by line, checked against a real CommonMark renderer (markdown-it with raw HTML and autolinks on): no link, image,
// HTML, heading, list or code comes out of any line.
import * as assert from 'assert';
import fc from 'fast-check';
import { escapeMarkdownLines } from '../../src/extension/platform/markdown';

interface Renderer { render(src: string): string }
// markdown-it ships no types and is a test-only tool here (installed with the dev dependencies).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: Record<string, unknown>) => Renderer;
const md = new MarkdownIt({ html: true, linkify: true });

/** The lines a rendered comment shows, or undefined when the HTML holds anything but paragraphs and line breaks. */
function shownLines(html: string): string[] | undefined {
  const paragraphs = html.trim() === '' ? [] : html.trim().split(/<\/p>\n<p>/);
  if (paragraphs.length && !/^<p>[\s\S]*<\/p>$/.test(html.trim())) return undefined;
  const inner = paragraphs.map((p) => p.replace(/^<p>|<\/p>$/g, ''));
  if (inner.some((p) => /<(?!br>)/.test(p))) return undefined;
  const unescape = (t: string) => t.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return inner.flatMap((p, i) => [...(i ? [''] : []), ...p.split('<br>\n').map(unescape)]);
}

const HOSTILE_LINES = [
  '[x](command:sift.deleteAnnotation?%5B%22e-1%22%5D)', '![](https://evil.example/x.png)', '<img src=x onerror=alert(1)>',
  '# heading', '===', '---', '- item', '1. item', '> quote', '    code', '```', '[a]: command:x', '<command:x>',
  'https://evil.example', '*em* __strong__', '| a | b |', 'plain words, 😀 and $(zap)', '  spaced  ', 'trailing\\',
];

describe('comment bodies: every line shows as written', () => {
  it('renders hostile lines as their text, one per line, with no markup', () => {
    const text = HOSTILE_LINES.join('\n');
    const html = md.render(escapeMarkdownLines(text));
    assert.deepStrictEqual(shownLines(html), HOSTILE_LINES, html);
  });

  it('shows an empty line as a paragraph break, and drops nothing else', () => {
    assert.deepStrictEqual(shownLines(md.render(escapeMarkdownLines('first\n\n# second\r\nthird\n'))), ['first', '', '# second', 'third']);
  });

  it('round-trips any non-empty lines (property)', () => {
    const line = fc.oneof(fc.constantFrom(...HOSTILE_LINES), fc.string({ unit: fc.constantFrom('a', ' ', '#', '*', '[', ']', '(', ')', '!', '<', '>', '`', '\\', '-', '=', '|', '&', ':', '😀') }))
      .filter((l) => l.trim() !== '');
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
      assert.deepStrictEqual(shownLines(md.render(escapeMarkdownLines(lines.join('\n')))), lines);
    }));
  });
});
