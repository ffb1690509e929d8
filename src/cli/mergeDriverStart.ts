// dist/mergeDriver.js, the command `sift git-setup` registers for git: a small start for the driver itself
// (dist/mergeDriverCore.js, built from mergeDriverMain.ts). Git starts it once per conflicted sidecar, so what Node does
// before the merge is paid on every file. Two things here cut that, and neither changes what the merge does:
// - V8's optimising compiler is off for a small merge (it would compile for longer than the merge runs), and each
//   regular expression is compiled to machine code on its first use, not first to bytecode for V8's regular-expression
//   interpreter and then, on its second use, compiled again (a merge uses about fifteen, and runs nearly all of them
//   more than once);
// - the driver's compiled code is kept in a V8 code cache beside it, written on the first run and used after (V8
//   checks it against the source, its own version and flags, and refuses it otherwise; then it is compiled as usual).
//   `yaml` (dist/mergeDriverYaml.js), which the driver loads only for a sidecar not in Sift's plain layout, has a cache
//   of its own, written after the first run that loads it: a plain merge reads and deserializes only the driver's.
import * as fs from 'fs';
import * as path from 'path';
import { Script } from 'vm';
import { cachedDataVersionTag, setFlagsFromString } from 'v8';
import type { WarmUpKind } from './mergeDriverWarmUp';

/** Up to this many bytes in the three sides, the merge is too short for V8's optimising compiler to pay off. */
export const SMALL_MERGE_BYTES = 512 * 1024;

/** The three sides' total size, or undefined when a side cannot be read (the driver then says why). */
function sidesBytes(args: string[]): number | undefined {
  try {
    return args.filter((a) => !a.startsWith('--')).slice(0, 3).reduce((n, f) => n + fs.statSync(f).size, 0);
  } catch {
    return undefined;
  }
}

/**
 * Which build of a file a cache was made from: V8 checks a cache against the source's length only, so the file's
 * size, modification time and inode head the cache, and a rebuilt file finds its old cache refused.
 */
function identity(file: string): string {
  const s = fs.statSync(file, { bigint: true });
  return `${s.size}:${s.mtimeNs}:${s.ino}`;
}

/** The cache written for this build of a file (its header: the identity), or undefined (none yet, another build's, unreadable). */
function readCache(file: string, id: string): Buffer | undefined {
  try {
    const data = fs.readFileSync(file);
    const head = data.subarray(0, data.indexOf(10) + 1).toString('latin1');
    return head === `${id}\n` ? data.subarray(head.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a cache next to its file, whole or not at all (a temporary file renamed); a read-only install keeps none. */
function writeCache(file: string, head: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${head}\n`, 'latin1'), data]));
    fs.renameSync(tmp, file);
  } catch {
    try { fs.unlinkSync(tmp); } catch { /* it was never written */ }
  }
}

type ModuleBody = (exports: object, req: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/** The driver's files run in this process whose caches are to be written (there were none, or they were refused). */
const uncached: { name: string; script: Script; cacheFile: string; id: string }[] = [];

/**
 * Runs one of the driver's files (beside this one, written as a CommonJS module's function) as Node runs a CommonJS
 * file, compiled from its code cache when V8 accepts it; gives its exports.
 */
function runCached(dir: string, name: string): object {
  const file = path.join(dir, name);
  // One cache per file, V8 version, flag set and CPU (Node's and an editor's Electron runtime do not share one).
  const cacheFile = path.join(dir, `${name.replace(/\.js$/, '')}.${cachedDataVersionTag()}.cache`);
  const id = identity(file);
  const cached = readCache(cacheFile, id);
  // The file is the function Node would wrap it in (scripts/driverBuild.mjs): compiled as it is read.
  const script = new Script(fs.readFileSync(file, 'utf8'), { filename: file, cachedData: cached });
  if (cached === undefined || script.cachedDataRejected) uncached.push({ name, script, cacheFile, id });
  const body = script.runInThisContext() as ModuleBody;
  const module = { exports: {} };
  body.call(module.exports, module.exports, require, module, file, dir);
  return module.exports;
}

/** What the driver's lazy `yaml` loads its file with (scripts/driverBuild.mjs, lazyYaml). */
const LOAD = Symbol.for('sift.mergeDriver.load');
const YAML_FILE = 'mergeDriverYaml.js';

/**
 * Runs the driver; then writes the caches it lacked. Before that, a small merge of each kind a cache is for runs in
 * this process (mergeDriverWarmUp.ts): a cache holds the code of the functions the process compiled, and the merge that
 * happens to write it may run almost none of a merge's code (two identical sides, say), or none of a plain merge's.
 */
function runDriver(dir: string): void {
  (globalThis as Record<symbol, unknown>)[LOAD] = (name: string) => runCached(dir, path.basename(name));
  const driver = runCached(dir, 'mergeDriverCore.js') as { warmUp?: (kind: WarmUpKind) => void };
  if (uncached.length === 0) return;
  try {
    driver.warmUp?.('plain');
    if (uncached.some((u) => u.name === YAML_FILE)) driver.warmUp?.('yaml');
  } catch {
    // A warm-up that fails leaves a cache with less in it, never a failed merge.
  }
  for (const u of uncached) writeCache(u.cacheFile, u.id, u.script.createCachedData());
}

const bytes = sidesBytes(process.argv.slice(2));
if (bytes !== undefined && bytes <= SMALL_MERGE_BYTES) setFlagsFromString('--no-opt --no-regexp-tier-up');
runDriver(__dirname);
