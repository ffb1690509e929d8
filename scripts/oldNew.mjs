// Shared by the scripts that compare an OLD build of the `sift` CLI with a NEW one (differential.mjs, ab-export.mjs):
// the repository root, `--name value` options, and the two CLIs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

/** `--old PATH` (default /tmp/old-dist/cli.js) and `--new PATH` (default dist/cli.js). */
export const OLD = path.resolve(arg('--old', '/tmp/old-dist/cli.js'));
export const NEW = path.resolve(repo, arg('--new', 'dist/cli.js'));
