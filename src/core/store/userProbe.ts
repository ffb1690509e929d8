// Who the user is, as Node can tell (userProbe.web.ts is the browser's): git's user.name and the OS user name.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { userNameFromGitConfig } from './annotator';

/**
 * git's user.name, read from the config files (the repository's, then the global ones) rather than by running git:
 * activation must stay fast, and spawning a process takes tens of milliseconds.
 */
export function gitUserName(cwd?: string): string | undefined {
  const files: string[] = [];
  for (let dir = cwd && path.resolve(cwd); dir; ) {
    files.push(path.join(dir, '.git', 'config'));
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const home = os.homedir();
  files.push(path.join(process.env.XDG_CONFIG_HOME || path.join(home, '.config'), 'git', 'config'), path.join(home, '.gitconfig'));
  for (const f of files) {
    try {
      const name = userNameFromGitConfig(fs.readFileSync(f, 'utf8'));
      if (name) return name;
    } catch { /* no such file */ }
  }
  return undefined;
}

/** The OS user name ('' when it cannot be told). */
export function osUserName(): string {
  try { return os.userInfo().username; } catch { return process.env.USER ?? ''; }
}
