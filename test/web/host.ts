// What the web tests reach: the workbench that scripts/test-web.mjs opened (code-server, headless Chromium, the
// installed Sift in the web worker extension host) and the probe extension that runs requests in that host.
// These tests run under plain Node; everything they do in VS Code goes through the probe or the page.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { ProbeRequest } from './probe/probe';

export const EXTENSION_ID = 'sift-annotation.sift';
/** The annotator the web run annotates as (the runner sets it in the user settings). */
export const WEB_ANNOTATOR = 'webtester';

export interface WebWorkbench {
  page: Page;
  /** The workspace folder, on this machine. */
  folder: string;
  /** Where the .vsix was installed. */
  extensionsDir: string;
  /** What the page and the extension host logged to the console so far. */
  console: string[];
  rpc(request: ProbeRequest, opts?: { timeout?: number; message?: string }): Promise<unknown>;
  /** Reloads the page: a new workbench and a new web worker extension host. */
  reload(): Promise<void>;
  /** Figures the run prints at its end ("activation in the web worker: 12 ms"). */
  figures: string[];
}

export function web(): WebWorkbench {
  const w = (globalThis as { siftWeb?: WebWorkbench }).siftWeb;
  if (!w) throw new Error('the web tests run under scripts/test-web.mjs, which opens the workbench');
  return w;
}

export async function rpc<T>(request: ProbeRequest, opts?: { timeout?: number; message?: string }): Promise<T> {
  return await web().rpc(request, opts) as T;
}

export { Truthy, WaitOptions, waitFor } from '../support/waitFor';

let counter = 0;
/** A copy of a sample article in the workspace under a name no other test uses; returns its workspace-relative name. */
export function copySample(sample: string): string {
  const name = `${path.basename(sample, '.txt')}-web${++counter}.txt`;
  fs.copyFileSync(path.join(web().folder, sample), path.join(web().folder, name));
  return name;
}

/** `<stem>.<annotator>.ann.yaml` beside the article (workspace-relative names in, absolute path out). */
export function sidecarOf(article: string, annotator: string): string {
  return path.join(web().folder, `${article.replace(/\.txt$/, '')}.${annotator}.ann.yaml`);
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Runs the packaged CLI (dist/cli.js, built with the package) under this Node. */
export function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], { cwd: web().folder, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The text of Sift's output channel as the Output panel shows it (Sift: Show Log). */
export async function siftLog(): Promise<string> {
  await rpc({ op: 'command', command: 'sift.showLog' });
  // The Output view follows the end of the log and draws only the lines in view: go to its top first.
  const lines = web().page.locator('.part.panel .monaco-editor .view-lines').first();
  await lines.click();
  await web().page.keyboard.press('Control+Home');
  return lines.innerText();
}

/**
 * Runs in the page: the text under each decoration of the active editor drawn with a dashed bottom border (Sift's
 * suggestions). Such decorations are drawn as empty boxes in the editor's overlay layer, so the text is found by
 * geometry: the characters of the view line at the same height whose middle lies inside the box. (A string, as the
 * tests are type-checked without the DOM's types.)
 */
const DASHED_TEXTS = `(() => {
  const ed = document.querySelector('.editor-group-container.active .monaco-editor');
  if (!ed) return [];
  const lines = [...ed.querySelectorAll('.view-lines .view-line')];
  const out = [];
  for (const box of ed.querySelectorAll('.view-overlays .cdr')) {
    if (getComputedStyle(box).borderBottomStyle !== 'dashed') continue;
    const r = box.getBoundingClientRect();
    const line = lines.find((l) => Math.abs(l.getBoundingClientRect().top - r.top) < 2);
    if (!line) continue;
    let text = '';
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.data.length; i++) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const c = range.getBoundingClientRect();
        const mid = c.left + c.width / 2;
        if (mid > r.left && mid < r.right) text += n.data[i];
      }
    }
    out.push(text.replace(/\u00a0/g, ' ').trim());
  }
  return out.filter(Boolean);
})()`;

/** The texts the active editor draws with a dashed underline (Sift's suggestions), in the order of their boxes. */
export async function dashedSpans(): Promise<string[]> {
  return web().page.evaluate<string[]>(DASHED_TEXTS);
}
