import * as path from 'path';
import { Problem, formatProblem } from '../core/store/problems';
import { findSidecars } from '../core/corpus/findSidecars';
import { validateSidecar } from '../core/store/validate';
import { CliIo } from './io';

export const VALIDATE_USAGE = `sift validate [paths...] [--json]
  Checks every *.ann.yaml sidecar under the paths (default: .): schema, hash and anchors against the article,
  orphans and duplicate ids. Prints file:line:col severity code: message, or a JSON array with --json.
  Exits 1 when any problem is found, 0 when none.`;

export function validateCommand(args: string[], io: CliIo): number {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
  if (unknown.length) {
    io.err(`sift validate: unknown option ${unknown[0]}\n${VALIDATE_USAGE}\n`);
    return 2;
  }
  const paths = args.filter((a) => !a.startsWith('-'));
  const roots = (paths.length ? paths : ['.']).map((p) => path.resolve(io.cwd, p));
  const files = findSidecars(roots);
  const problems: Problem[] = [];
  for (const f of files) {
    for (const p of validateSidecar(f)) problems.push({ ...p, file: path.relative(io.cwd, p.file) || p.file });
  }
  if (json) io.out(`${JSON.stringify({ sidecars: files.length, problems }, null, 2)}\n`);
  else {
    for (const p of problems) io.out(`${formatProblem(p)}\n`);
    io.err(`${files.length} sidecar${files.length === 1 ? '' : 's'} checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
  }
  return problems.length ? 1 : 0;
}
