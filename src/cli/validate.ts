import * as fs from 'fs';
import * as path from 'path';
import { Problem, formatProblem } from '../core/store/problems';
import { scanCorpus } from '../core/corpus/nodeIndex';
import { validateIndexed } from '../core/store/validate';
import { conflictMarkers, strictly, unmergedSidecars } from '../core/store/strictChecks';
import { CliIo } from './io';

export const VALIDATE_USAGE = `sift validate [paths...] [--json] [--strict] [--follow-outside-root]
  Checks every *.ann.yaml sidecar under the paths (default: .): schema, hash and anchors against the article,
  orphans, duplicate ids and merge conflicts the merge driver recorded. Prints file:line:col severity code: message,
  or a JSON array with --json. --strict (for CI and the pre-commit hook) also fails on git's conflict markers left in
  a sidecar, orphaned annotations and sidecars git has unmerged.
  Links to folders are not followed; a sidecar or article whose real path leaves the workspace root (the nearest
  folder with sift.gazetteer.yaml or .git) is reported, not read, unless --follow-outside-root.
  Exits 1 when any problem is found, 0 when none.`;

const OPTIONS = ['--json', '--follow-outside-root', '--strict'];

/** What only --strict checks: markers in each sidecar, and unmerged sidecars in the repositories of the paths. */
function strictProblems(files: string[], roots: string[]): Problem[] {
  const out = files.flatMap(conflictMarkers);
  const seen = new Set<string>();
  for (const root of roots) {
    const dir = fs.existsSync(root) && fs.statSync(root).isDirectory() ? root : path.dirname(root);
    for (const p of unmergedSidecars(dir)) {
      const inside = p.file === root || p.file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
      if (inside && !seen.has(p.file)) { seen.add(p.file); out.push(p); }
    }
  }
  return out;
}

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const follow = args.includes('--follow-outside-root');
  const strict = args.includes('--strict');
  const unknown = args.filter((a) => a.startsWith('-') && !OPTIONS.includes(a));
  if (unknown.length) {
    io.err(`sift validate: unknown option ${unknown[0]}\n${VALIDATE_USAGE}\n`);
    return 2;
  }
  const paths = args.filter((a) => !a.startsWith('-'));
  const roots = (paths.length ? paths : ['.']).map((p) => path.resolve(io.cwd, p));
  // Every sidecar read once, by the corpus index (the careful parser: every problem has its line and column).
  const index = await scanCorpus(roots, { careful: true, followOutsideRoot: follow });
  const found = index.sidecars();
  const files = found.map((f) => f.file);
  const all: Problem[] = found.flatMap((f) => validateIndexed(index, f.file, { root: follow ? undefined : f.root }));
  if (strict) all.push(...strictProblems(files, roots));
  const problems = all.map((p) => ({ ...(strict ? strictly(p) : p), file: path.relative(io.cwd, p.file) || p.file }));
  if (json) io.out(`${JSON.stringify({ sidecars: files.length, problems }, null, 2)}\n`);
  else {
    for (const p of problems) io.out(`${formatProblem(p)}\n`);
    io.err(`${files.length} sidecar${files.length === 1 ? '' : 's'} checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
  }
  return problems.length ? 1 : 0;
}
