// `sift merge-driver %O %A %B %P`: git's merge driver for *.ann.yaml (registered by `sift git-setup`). It writes the
// merge into %A and exits 0 when clean, 1 when git must mark the file conflicted. It never throws at git: a side that
// does not parse, is not a sidecar or is too large falls back to `git merge-file`, and either side is always kept.
// Named imports: a namespace import of a Node module is copied, export by export, when the driver's bundle starts.
import { appendFileSync, readFileSync, writeFileSync } from 'fs';
import { basename, resolve } from 'path';
import type { SpawnSyncReturns } from 'child_process';
import { mergeSidecarTexts } from '../core/store/gitMerge';
import { describeConflict } from '../core/store/mergeConflicts';
import { SidecarError } from '../core/store/problems';
import { MAX_SIDECAR_BYTES } from '../core/store/sidecarFormat';
import { CliIo } from './io';

export const MERGE_DRIVER_USAGE = `sift merge-driver <base> <ours> <theirs> [<path>]
  Git's merge driver for sidecars (git passes %O %A %B %P; set up by sift git-setup). Merges by annotation id and
  field by field; a field changed differently on both sides keeps ours and records theirs in x-sift-conflicts, which
  sift validate reports. Exits 0 when merged cleanly, 1 when the file is left conflicted for a person to decide.`;

let utf8: InstanceType<typeof TextDecoder> | undefined;
/** Reads a side as UTF-8 text, or says why it cannot be merged as a sidecar (one decoder for the three: it keeps no state). */
function readSide(file: string): string {
  const bytes = readFileSync(file);
  if (bytes.length > MAX_SIDECAR_BYTES) throw new Error(`over ${MAX_SIDECAR_BYTES / 1048576} MB`);
  return (utf8 ??= new TextDecoder('utf-8', { fatal: true })).decode(bytes);
}

/** `git merge-file`; child_process is loaded only then, as loading it is a good part of the driver's start-up. */
function gitMergeFile(args: string[], cwd: string): SpawnSyncReturns<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (see above)
  return (require('child_process') as typeof import('child_process')).spawnSync('git', ['merge-file', ...args], { cwd, encoding: 'utf8' });
}

/** The line-based merge git does without a driver, written into ours; conflicts there are marked as git marks them. */
function textMerge(base: string, ours: string, theirs: string, name: string, why: string, io: CliIo): number {
  io.err(`sift merge-driver: ${name}: ${why}; merged as text (git merge-file)\n`);
  const r = gitMergeFile(['-L', `${name} (ours)`, '-L', `${name} (base)`, '-L', `${name} (theirs)`, ours, base, theirs], io.cwd);
  if (r.error || r.status === null || r.status < 0 || r.status > 127) io.err(`sift merge-driver: git merge-file failed (${r.error?.message ?? r.stderr.trim()}); ours is left as it was\n`);
  // Even a clean text merge of something Sift cannot read is left for a person to check.
  return 1;
}

/**
 * With SIFT_MERGE_DRIVER_TIMING naming a file, each run appends one line to it: the path, the merge's own time (reading
 * the three sides, merging, writing) and the time since the process started, both in ms, and the exit code. For
 * measuring a team's merges (npm run bench); nothing is written without it.
 */
function recordTiming(file: string, name: string, started: bigint, code: number): void {
  const merge = Number(process.hrtime.bigint() - started) / 1e6;
  const since = process.uptime() * 1000;
  try {
    appendFileSync(file, `${JSON.stringify(name)}\t${merge.toFixed(3)}\t${since.toFixed(3)}\t${code}\n`);
  } catch {
    // A measurement must never fail a merge.
  }
}

export function mergeDriverCommand(args: string[], io: CliIo): number {
  // process.hrtime and process.uptime, not `performance`: its first read loads perf_hooks, which would add to what
  // is measured (its time, and garbage in the young generation the merge then collects).
  const timing = process.env.SIFT_MERGE_DRIVER_TIMING;
  const started = timing ? process.hrtime.bigint() : 0n;
  const code = mergeFiles(args, io);
  if (timing) recordTiming(timing, args.filter((a) => !a.startsWith('--'))[3] ?? '', started, code);
  return code;
}

function mergeFiles(args: string[], io: CliIo): number {
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length < 3 || files.length > 4) {
    io.err(`sift merge-driver: expected <base> <ours> <theirs> [<path>]\n${MERGE_DRIVER_USAGE}\n`);
    return 2;
  }
  const [base, ours, theirs] = files.slice(0, 3).map((f) => resolve(io.cwd, f));
  const name = files[3] ?? basename(ours);
  let texts: string[];
  try {
    texts = [base, ours, theirs].map(readSide);
  } catch (e) {
    return textMerge(base, ours, theirs, name, `a side cannot be read as a sidecar (${(e as Error).message})`, io);
  }
  try {
    const r = mergeSidecarTexts(texts[0], texts[1], texts[2], name);
    if (r.text !== texts[1]) writeFileSync(ours, r.text);
    for (const c of r.conflicts) io.err(`sift merge-driver: ${name}: ${describeConflict(c)}\n`);
    return r.conflicts.length ? 1 : 0;
  } catch (e) {
    const why = e instanceof SidecarError ? `a side is not a sidecar Sift can read (${e.problems[0]?.code ?? 'error'}: ${e.problems[0]?.message ?? ''})` : `the merge failed (${String(e)})`;
    return textMerge(base, ours, theirs, name, why, io);
  }
}
