// `sift git-setup` and "Sift: Set Up Git for This Workspace": registers `sift merge-driver` for *.ann.yaml in a
// repository (its .git/config and .gitattributes) and, if asked, a pre-commit hook running `sift validate --strict` on
// staged sidecars. Idempotent: it says what it changed, and changes nothing that is already right. Node only (git).
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';

export const DRIVER_NAME = 'Sift annotations';
export const ATTRIBUTES_LINE = '*.ann.yaml merge=sift';
const HOOK_MARK = '# sift git-setup: validate staged sidecars';

export interface GitSetupOptions {
  /** How to run the Sift CLI: the command line before its arguments, e.g. `'/usr/bin/node' '/opt/sift/dist/cli.js'`. */
  cli: string;
  /** Also install the pre-commit hook. */
  hook?: boolean;
  /**
   * How git runs the merge driver, before its arguments: the small driver bundle (`driverCommand`, e.g.
   * `NODE_EXTRA_CA_CERTS= '/usr/bin/node' '/opt/sift/dist/mergeDriver.js'`, which starts faster than the whole CLI);
   * by default the CLI's own verb, `<cli> merge-driver`.
   */
  driver?: string;
}

export interface GitSetupResult {
  /** The repository's top folder. */
  root: string;
  /** What was changed, one line each; empty when everything was already set up. */
  changed: string[];
  /** What was left alone and why (a foreign pre-commit hook). */
  notes: string[];
}

/** Thrown when the folder is not in a git repository or git cannot be run; nothing was changed. */
export class GitSetupError extends Error {}

/** Quotes a word for sh, which runs git's merge drivers and hooks. */
export function shQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The driver bundle shipped beside a CLI script (dist/mergeDriver.js beside dist/cli.js), if it is there. */
export function driverBeside(script: string): string | undefined {
  const driver = path.join(path.dirname(script), 'mergeDriver.js');
  return fs.existsSync(driver) ? driver : undefined;
}

/** The command line that runs a CLI script with this process's runtime (Electron as Node inside VS Code). */
export function cliCommand(script: string, runtime = process.execPath, electron = Boolean(process.versions.electron)): string {
  return `${electron ? 'ELECTRON_RUN_AS_NODE=1 ' : ''}${shQuote(runtime)} ${shQuote(script)}`;
}

/**
 * How git runs the merge driver bundle: `cliCommand`, with NODE_EXTRA_CA_CERTS emptied for it. Node 20 reads and
 * parses that file of certificates at every start (about a third of its start-up where it is set, as on many company
 * machines), and the driver makes no TLS connection; an empty value is Node's "none", and sh-only syntax, as git runs it.
 */
export function driverCommand(bundle: string, runtime = process.execPath, electron = Boolean(process.versions.electron)): string {
  return `NODE_EXTRA_CA_CERTS= ${cliCommand(bundle, runtime, electron)}`;
}

function runGit(cwd: string, args: string[]): { status: number; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new GitSetupError(`git cannot be run: ${r.error.message}`);
  return { status: r.status ?? -1, out: r.stdout.trim(), err: r.stderr.trim() };
}

/** The repository's top folder, or why there is none. */
export function gitTopLevel(cwd: string): string {
  const r = runGit(cwd, ['rev-parse', '--show-toplevel']);
  if (r.status !== 0 || !r.out) throw new GitSetupError(`${cwd} is not in a git repository (${r.err || 'git rev-parse failed'})`);
  return r.out;
}

/** The driver command registered in the repository, or undefined. */
export function registeredDriver(root: string): string | undefined {
  const r = runGit(root, ['config', '--get', 'merge.sift.driver']);
  return r.status === 0 && r.out ? r.out : undefined;
}

function setConfig(root: string, key: string, value: string, changed: string[]): void {
  const now = runGit(root, ['config', '--local', '--get', key]);
  if (now.status === 0 && now.out === value) return;
  const r = runGit(root, ['config', '--local', key, value]);
  if (r.status !== 0) throw new GitSetupError(`git config ${key} failed: ${r.err}`);
  changed.push(`${now.status === 0 ? 'updated' : 'set'} ${key} in .git/config: ${value}`);
}

function ensureAttributes(root: string, changed: string[]): void {
  const file = path.join(root, '.gitattributes');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (text !== undefined && text.split(/\r?\n/).some((l) => /^\*\.ann\.yaml\s(.*\s)?merge=sift(\s|$)/.test(l.trim() + ' '))) return;
  const sep = text === undefined || text === '' || text.endsWith('\n') ? '' : '\n';
  fs.writeFileSync(file, `${text ?? ''}${sep}${ATTRIBUTES_LINE}\n`);
  changed.push(`${text === undefined ? 'created .gitattributes with' : 'added to .gitattributes:'} ${ATTRIBUTES_LINE}`);
}

/** The hook's lines: the staged sidecars (added, copied, modified, renamed) checked by `sift validate --strict`. */
export function hookBlock(cli: string): string {
  return `${HOOK_MARK}
if [ -n "$(git diff --cached --name-only --diff-filter=ACMR -- '*.ann.yaml')" ]; then
  git diff --cached --name-only --diff-filter=ACMR -z -- '*.ann.yaml' | xargs -0 ${cli} validate --strict || {
    echo "sift: fix the sidecar problems above before committing (or commit with --no-verify)" >&2
    exit 1
  }
fi
`;
}

function ensureHook(root: string, cli: string, changed: string[], notes: string[]): void {
  const rel = runGit(root, ['rev-parse', '--git-path', 'hooks/pre-commit']).out;
  const file = path.resolve(root, rel);
  const block = hookBlock(cli);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `#!/bin/sh\n${block}`, { mode: 0o755 });
    changed.push(`installed the pre-commit hook ${rel}: sift validate --strict on staged sidecars`);
    return;
  }
  const text = fs.readFileSync(file, 'utf8');
  if (text.includes(block)) return;
  if (text.includes(HOOK_MARK)) {
    notes.push(`${rel} already runs Sift's check with another command line; edit it by hand to change it`);
    return;
  }
  if (!/^#!\s*\/(usr\/)?bin\/(env\s+)?(ba|da|z)?sh\b/.test(text)) {
    notes.push(`${rel} exists and is not a shell script: not changed; add a call to \`sift validate --strict\` to it yourself`);
    return;
  }
  fs.writeFileSync(file, `${text}${text.endsWith('\n') ? '' : '\n'}\n${block}`);
  changed.push(`appended Sift's check (sift validate --strict on staged sidecars) to the existing hook ${rel}`);
}

/** Sets the repository holding `cwd` up for Sift; throws GitSetupError (having changed nothing) when there is none. */
export function setUpGit(cwd: string, options: GitSetupOptions): GitSetupResult {
  const root = gitTopLevel(cwd);
  const changed: string[] = [];
  const notes: string[] = [];
  setConfig(root, 'merge.sift.name', DRIVER_NAME, changed);
  setConfig(root, 'merge.sift.driver', `${options.driver ?? `${options.cli} merge-driver`} %O %A %B %P`, changed);
  ensureAttributes(root, changed);
  if (options.hook) ensureHook(root, options.cli, changed, notes);
  return { root, changed, notes };
}

/** What a setup reports, for the CLI and the extension alike. */
export function describeSetup(r: GitSetupResult): string {
  const lines = r.changed.length ? r.changed : [`already set up: the Sift merge driver is registered in ${r.root}`];
  return [...lines, ...r.notes].join('\n');
}
