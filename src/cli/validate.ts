import * as path from 'path';
import { Problem, formatProblem } from '../core/store/problems';
import { scanCorpus } from '../core/corpus/nodeIndex';
import { validateIndexed } from '../core/store/validate';
import { CliIo } from './io';

export const VALIDATE_USAGE = `sift validate [paths...] [--json] [--follow-outside-root]
  Checks every *.ann.yaml sidecar under the paths (default: .): schema, hash and anchors against the article,
  orphans and duplicate ids. Prints file:line:col severity code: message, or a JSON array with --json.
  Links to folders are not followed; a sidecar or article whose real path leaves the workspace root (the nearest
  folder with sift.gazetteer.yaml or .git) is reported, not read, unless --follow-outside-root.
  Exits 1 when any problem is found, 0 when none.`;

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const follow = args.includes('--follow-outside-root');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json' && a !== '--follow-outside-root');
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
  const problems: Problem[] = [];
  for (const f of found) {
    for (const p of validateIndexed(index, f.file, { root: follow ? undefined : f.root })) problems.push({ ...p, file: path.relative(io.cwd, p.file) || p.file });
  }
  if (json) io.out(`${JSON.stringify({ sidecars: files.length, problems }, null, 2)}\n`);
  else {
    for (const p of problems) io.out(`${formatProblem(p)}\n`);
    io.err(`${files.length} sidecar${files.length === 1 ? '' : 's'} checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
  }
  return problems.length ? 1 : 0;
}
