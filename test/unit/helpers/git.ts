// Real git repositories for the merge driver's tests: temporary, local identity, no signing, the built CLI as driver.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';

/** The built CLI (npm run test:unit builds it first). */
export const CLI = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

export interface GitRun { status: number; out: string; err: string }

export function gitTry(cwd: string, ...args: string[]): GitRun {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_EDITOR: 'true', GIT_TERMINAL_PROMPT: '0' } });
  return { status: r.status ?? -1, out: r.stdout, err: r.stderr };
}

export function git(cwd: string, ...args: string[]): string {
  const r = gitTry(cwd, ...args);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed (${r.status}): ${r.err}${r.out}`);
  return r.out;
}

/** Local identity and settings, so that tests do not depend on the machine's git configuration. */
export function configure(repo: string): void {
  git(repo, 'config', 'user.name', 'Sift Test');
  git(repo, 'config', 'user.email', 'test@sift.invalid');
  git(repo, 'config', 'commit.gpgsign', 'false');
  git(repo, 'config', 'pull.rebase', 'false');
}

/** A new repository holding `files` (name -> text) in one commit on branch main. */
export function aRepo(files: Record<string, string>): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-git-'));
  git(repo, 'init', '-q', '-b', 'main');
  configure(repo);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(repo, name), text);
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'base');
  // Clones push to it; its own work tree is never used.
  git(repo, 'config', 'receive.denyCurrentBranch', 'ignore');
  return repo;
}

/** A clone of `repo` with the same local settings. */
export function aClone(repo: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-clone-'));
  git(dir, 'clone', '-q', repo, '.');
  configure(dir);
  return dir;
}

export function commitAll(repo: string, message: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
}

/** Runs the built CLI as a process (so that it registers its own path), in `cwd`. */
export function siftCli(cwd: string, ...args: string[]): GitRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** `sift git-setup` by the built CLI; throws when it fails. */
export function setUp(repo: string, ...args: string[]): string {
  const r = siftCli(repo, 'git-setup', ...args);
  if (r.status !== 0) throw new Error(`sift git-setup failed (${r.status}): ${r.err}`);
  return r.out;
}
