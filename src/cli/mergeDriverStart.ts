// dist/mergeDriver.js, the command `sift git-setup` registers for git: a small start for the driver itself
// (dist/mergeDriverCore.js, built from mergeDriverMain.ts). Git starts it once per conflicted sidecar, so what Node does
// before the merge is paid on every file. Two things here cut that, and neither changes what the merge does:
// - V8's optimising compiler is off for a small merge (it would compile for longer than the merge runs);
// - the driver's compiled code is kept in a V8 code cache beside it, written on the first run and used after (V8
//   checks it against the source, its own version and flags, and refuses it otherwise; then it is compiled as usual).
//   `yaml` (dist/mergeDriverYaml.js), which the driver loads only for a sidecar not in Sift's plain layout, has a cache
//   of its own, written after the first run that loads it: a plain merge reads and deserializes only the driver's,
//   and the driver's cache is written by a plain merge (Run).
import * as fs from 'fs';
import * as path from 'path';
import { Script } from 'vm';
import { cachedDataVersionTag, setFlagsFromString } from 'v8';

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

/**
 * The kind of run that wrote a cache: a plain merge, or one through yaml. A cache holds the code of the functions its
 * run compiled, or had from the cache it was read from and ran (measured: the driver's cache written after a yaml
 * run lacked most of the plain merge's code, and plain merges were 0.9 ms slower with it). So each file's cache is
 * written by a run of the kind it is for: the driver's by a plain merge (a yaml run writes it only when there is none),
 * yaml's by a yaml run.
 */
type Run = 'plain' | 'yaml';
const KIND_OF: Record<string, Run> = { 'mergeDriverCore.js': 'plain', 'mergeDriverYaml.js': 'yaml' };
interface Cache { data: Buffer; run: string }

/** The cache written for this build of a file (its header: the identity, then the kind of run that wrote it), or undefined. */
function readCache(file: string, id: string): Cache | undefined {
  try {
    const data = fs.readFileSync(file);
    const head = data.subarray(0, data.indexOf(10) + 1).toString('latin1');
    const [name, run = ''] = head.slice(0, -1).split(' ');
    return name === id ? { data: data.subarray(head.length), run } : undefined;
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

/** The driver's files run in this process, with the kind of run that wrote the cache each was compiled from (if any). */
const loaded: { name: string; script: Script; cacheFile: string; id: string; run: string | undefined }[] = [];

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
  const script = new Script(fs.readFileSync(file, 'utf8'), { filename: file, cachedData: cached?.data });
  loaded.push({ name, script, cacheFile, id, run: cached && !script.cachedDataRejected ? cached.run : undefined });
  const body = script.runInThisContext() as ModuleBody;
  const module = { exports: {} };
  body.call(module.exports, module.exports, require, module, file, dir);
  return module.exports;
}

/** What the driver's lazy `yaml` loads its file with (scripts/driverBuild.mjs, lazyYaml). */
export const LOAD = Symbol.for('sift.mergeDriver.load');
export const YAML_FILE = 'mergeDriverYaml.js';

/**
 * Runs the driver; then writes each cache it lacked, or that this run is the right kind to write (Run), after the
 * run, so that the functions the merge compiled are in it.
 */
function runDriver(dir: string): void {
  (globalThis as Record<symbol, unknown>)[LOAD] = (name: string) => runCached(dir, path.basename(name));
  runCached(dir, 'mergeDriverCore.js');
  const run: Run = loaded.some((l) => l.name === YAML_FILE) ? 'yaml' : 'plain';
  for (const l of loaded) {
    if (l.run === undefined || (l.run !== run && KIND_OF[l.name] === run)) writeCache(l.cacheFile, `${l.id} ${run}`, l.script.createCachedData());
  }
}

const bytes = sidesBytes(process.argv.slice(2));
if (bytes !== undefined && bytes <= SMALL_MERGE_BYTES) setFlagsFromString('--no-opt');
runDriver(__dirname);
