// `sift git-setup [--hook] [--cli <command>] [folder]`: registers `sift merge-driver` in the repository (core/store/gitSetup.ts).
import * as fs from 'fs';
import * as path from 'path';
import { GitSetupError, cliCommand, describeSetup, driverBeside, driverCommand, setUpGit } from '../core/store/gitSetup';
import { CliIo } from './io';

export const GIT_SETUP_USAGE = `sift git-setup [--hook] [--cli <command>] [folder]
  Sets the git repository holding the folder (default: .) up for team work: registers sift merge-driver for
  *.ann.yaml in .git/config (by the absolute path of this CLI's dist/mergeDriver.js, or by --cli, e.g. --cli sift
  for a global install: sift merge-driver), adds
  '*.ann.yaml merge=sift' to .gitattributes, and with --hook a pre-commit hook running sift validate --strict on
  staged sidecars (appended to an existing shell hook). Idempotent; prints what it changed.`;

/** The script this CLI runs from (dist/cli.js when installed). */
function thisCli(): string {
  const script = require.main?.filename ?? process.argv[1];
  try {
    return fs.realpathSync(script);
  } catch {
    return path.resolve(script);
  }
}

export function gitSetupCommand(args: string[], io: CliIo): number {
  const rest = [...args];
  const hook = rest.includes('--hook');
  const at = rest.indexOf('--cli');
  const cli = at === -1 ? cliCommand(thisCli()) : rest[at + 1];
  // Git starts the driver once per conflicted sidecar: the small bundle beside this CLI, unless --cli names another.
  const bundle = at === -1 ? driverBeside(thisCli()) : undefined;
  if (at !== -1) rest.splice(at, 2);
  const unknown = rest.filter((a) => a.startsWith('-') && a !== '--hook');
  const folders = rest.filter((a) => !a.startsWith('-'));
  if (unknown.length || folders.length > 1 || !cli) {
    io.err(`sift git-setup: ${unknown.length ? `unknown option ${unknown[0]}` : !cli ? '--cli needs a command' : 'one folder at most'}\n${GIT_SETUP_USAGE}\n`);
    return 2;
  }
  try {
    io.out(`${describeSetup(setUpGit(path.resolve(io.cwd, folders[0] ?? '.'), { cli, hook, ...(bundle ? { driver: driverCommand(bundle) } : {}) }))}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof GitSetupError)) throw e;
    io.err(`sift git-setup: ${e.message}\n`);
    return 1;
  }
}
