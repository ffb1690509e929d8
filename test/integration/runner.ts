// The run() contract that both @vscode/test-electron and the code-server runner call inside the extension host.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- mocha's CommonJS export is the class itself; the host's loader needs this form
import Mocha = require('mocha');

/** Keep in step with scripts/host/suite.mjs. */
const RESULT_TAG = 'SIFT_SUITE_RESULT ';
const OUTPUT_TAG = 'SIFT| ';

/** Prints a line of the suite's own output, so the runner can tell it from the workbench's logs. */
export function report(...args: unknown[]): void {
  for (const line of util.format(...args).split('\n')) console.log(`${OUTPUT_TAG}${line}`);
}

/** A small seeded generator (mulberry32), so that a shuffled order can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles the suites and the tests inside each suite, at every level (hooks stay with their suite). */
function shuffle(suite: Mocha.Suite, next: () => number): void {
  const mix = <T>(list: T[]) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
  };
  mix(suite.suites);
  mix(suite.tests);
  for (const s of suite.suites) shuffle(s, next);
}

/**
 * Runs the *.test.js files of `dir`. SIFT_TEST_GREP filters tests by title; SIFT_TEST_SHUFFLE=<seed> (or 'random')
 * runs suites and tests in a shuffled order, to show that no test depends on another one's leftovers.
 */
export function runMochaIn(dir: string): Promise<void> {
  Mocha.reporters.Base.consoleLog = report;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.SIFT_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  const order = process.env.SIFT_TEST_SHUFFLE;
  if (order) {
    // Load with require, as run() would (the extension host's `vscode` module is served through require), then say so.
    const loader = mocha as unknown as { loadFiles(): void; lazyLoadFiles(enable: boolean): void };
    loader.loadFiles();
    loader.lazyLoadFiles(true);
    const seed = order === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(order);
    if (!Number.isInteger(seed)) throw new Error(`SIFT_TEST_SHUFFLE is a number (a seed) or 'random', not '${order}'`);
    report(`shuffled order, seed ${seed} (SIFT_TEST_SHUFFLE=${seed} replays it)`);
    shuffle(mocha.suite, random(seed));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      console.log(`${RESULT_TAG}${JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending })}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
