// The one escaping function for text that comes from data (sidecars, the gazetteer, articles, settings, file names)
// and goes into Markdown that VS Code renders (hovers, tooltips). No `vscode` import: plain-Node unit tests use it.
//
// Every ASCII punctuation character is backslash-escaped (CommonMark: any ASCII punctuation may be, and then it is
// literal), which covers links, images, autolinks, link reference definitions, emphasis, code spans, headings, lists,
// tables, HTML (`<`, `>`, `&`), GFM autolinked URLs (`https:`, `www.`, `a@b.c`), emoji shortcodes and VS Code's theme
// icons (`$(…)`). Line breaks and tabs become numeric character references, which are text and
// never structure: the escaped string stays inside one paragraph (it cannot start a block, a heading or a link
// definition), and leading or trailing spaces, which Markdown would strip or turn into a code block, become `&#32;` (and so on).

const PUNCTUATION = /[!-/:-@[-`{-~]/g;
// Line breaks and tabs, kept as references; other control characters (C0, DEL, C1) cannot be written as references
// (CommonMark and HTML turn them into U+FFFD or Windows-1252 characters), so they become U+FFFD, as NUL does anyway.
const BREAKS = /[\t\n\r\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function reference(ch: string): string {
  return `&#${ch.codePointAt(0) ?? 0xfffd};`;
}

/**
 * `s` as Markdown that renders exactly as the text `s` (control characters other than line breaks and tabs as U+FFFD),
 * inline, with no link, image, HTML or block.
 */
export function escapeMarkdown(s: string): string {
  const escaped = s.replace(PUNCTUATION, '\\$&').replace(BREAKS, reference).replace(CONTROL, '\ufffd');
  return escaped.replace(/^\s+|\s+$/gu, (spaces) => [...spaces].map(reference).join(''));
}

/**
 * The arguments of a `command:` link: encodeURIComponent(JSON.stringify(args)), and also the characters
 * encodeURIComponent leaves (`(`, `)`, `'`, `!`, `*`), so that no argument can end the link's destination or title.
 */
export function commandArgs(args: readonly unknown[]): string {
  return encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A Markdown link that runs command `id` with `args`; its title is escaped too. The hover must enable `id`. */
export function markdownCommandLink(title: string, id: string, args: readonly unknown[]): string {
  return `[${escapeMarkdown(title)}](command:${id}?${commandArgs(args)} "${escapeMarkdown(title)}")`;
}

/**
 * A notification's text with data in it. VS Code turns `[label](command:…)`, `(https://…)` and `(file:…)` in
 * notification messages into links that run any command when clicked; a zero-width space between `]` and `(` keeps
 * such text as text, and changes nothing visible.
 */
export function messageText(s: string): string {
  return s.replace(/\]\(/g, ']\u200b(');
}

/**
 * Text of several lines (a comment) as Markdown that shows it as written, line by line: each line escaped by
 * escapeMarkdown, joined by hard line breaks (two spaces before the break), so no line can start a block. An empty line
 * shows as a paragraph break.
 */
export function escapeMarkdownLines(s: string): string {
  return s.split(/\r\n|[\n\r\u2028\u2029]/).map(escapeMarkdown).join('  \n');
}
