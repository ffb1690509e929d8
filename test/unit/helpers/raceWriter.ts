// A second writer for the two-process race test: opens the same article's sidecar and adds and saves annotations in a
// loop, as another VS Code window (or another machine on a synced folder) would.
import { fork } from 'child_process';
import * as path from 'path';
import { ArticleSession } from '../../../src/core/session/session';

interface Start {
  article: string;
  prefix: string;
  count: number;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function run({ article, prefix, count }: Start): string[] {
  let n = 0;
  const s = ArticleSession.open(article, 'ana', { now: () => '2026-11-21T12:00:00Z', newId: () => `e-${prefix}${n++}` });
  const added: string[] = [];
  for (let i = 0; i < count; i++) {
    added.push(s.addEntity({ start: i % 40, end: (i % 40) + 3, label: 'ORG' }).id);
    // What the editor does: a reload when the file watcher fires, and a save after each change.
    if (i % 3 === 0) s.sidecar.reload();
    s.sidecar.save();
    // A moment between saves (an editor saves after 300 ms of quiet), so that the other writer gets the lock too.
    Atomics.wait(pause, 0, 0, 2 + Math.random() * 3);
  }
  s.sidecar.flush();
  return added;
}

export function raceLoop(start: Start): string[] {
  return run(start);
}

/**
 * Starts this file as a second writer in a child process, adding and saving `count` annotations (ids starting
 * `e-child`) to `article`'s layer of `ana`; resolves once it runs, with `done`: the ids it added, once it has saved them.
 */
export async function secondWriter(article: string, count: number): Promise<{ done: Promise<string[]> }> {
  const child = fork(path.join(__dirname, 'raceWriter.js'), [], { stdio: 'inherit' });
  const done = new Promise<string[]>((resolve, reject) => {
    child.on('message', (m: unknown) => { if (m !== 'ready') resolve((m as { added: string[] }).added); });
    child.on('error', reject);
    child.on('exit', (code) => { if (code) reject(new Error(`the second writer exited with ${code}`)); });
  });
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  child.send({ article, prefix: 'child', count });
  return { done };
}

if (require.main === module) {
  process.once('message', (m: Start) => {
    const added = run(m);
    process.send?.({ added }, () => process.exit(0));
  });
  process.send?.('ready');
}
