// The run() contract that both @vscode/test-electron and the code-server runner call inside the extension host.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha = require('mocha');

/** Keep in step with scripts/host/suite.mjs. */
const RESULT_TAG = 'SIFT_SUITE_RESULT ';
const OUTPUT_TAG = 'SIFT| ';

/** Prints a line of the suite's own output, so the runner can tell it from the workbench's logs. */
export function report(...args: unknown[]): void {
  for (const line of util.format(...args).split('\n')) console.log(`${OUTPUT_TAG}${line}`);
}

export function runMochaIn(dir: string): Promise<void> {
  Mocha.reporters.Base.consoleLog = report;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.SIFT_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      console.log(`${RESULT_TAG}${JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending })}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
