// Finding sidecars on disk: every `*.ann.yaml` under the given files and folders.
import * as fs from 'fs';
import * as path from 'path';

/** Every sidecar under the given files and folders (skipping node_modules and dot-folders). */
export function findSidecars(paths: string[]): string[] {
  const out: string[] = [];
  // `kind` is what the folder listing says; only links (and entries it cannot tell) need a stat of their own.
  const walk = (p: string, kind?: fs.Dirent) => {
    let dir: boolean;
    if (kind && !kind.isSymbolicLink() && (kind.isDirectory() || kind.isFile())) dir = kind.isDirectory();
    else {
      try { dir = fs.statSync(p).isDirectory(); } catch { return; }
    }
    if (dir) {
      for (const e of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        walk(path.join(p, e.name), e);
      }
    } else if (p.endsWith('.ann.yaml')) out.push(p);
  };
  for (const p of paths) walk(p);
  return out;
}
