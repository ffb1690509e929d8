// What finding a workspace root asks of the file system, on Node (rootProbe.web.ts is the browser's).
import * as fs from 'fs';

export function isDirectory(p: string): boolean {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

export function exists(p: string): boolean {
  return fs.existsSync(p);
}

/** The real path (links resolved), or undefined when it does not exist. */
export function realPath(p: string): string | undefined {
  try { return fs.realpathSync(p); } catch { return undefined; }
}
