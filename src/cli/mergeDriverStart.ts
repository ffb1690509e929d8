// dist/mergeDriver.js, the command `sift git-setup` registers for git: a small start for the driver itself
// (dist/mergeDriverCore.js, built from mergeDriverMain.ts). Git starts it once per conflicted sidecar, so what Node does
// before the merge is paid on every file. Two things here cut that, and neither changes what the merge does:
// - V8's optimising compiler is off for a small merge (it would compile for longer than the merge runs);
// - the driver's compiled code is kept in a V8 code cache beside it, written on the first run and used after (V8
//   checks it against the source, its own version and flags, and refuses it otherwise; then it is compiled as usual).
//   `yaml`, which the driver loads only for a sidecar not in Sift's plain layout, is compiled into it too: the cache is
//   written once more after the first run that loads it (a merge of such a file then takes about half the time).
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

type ModuleBody = (exports: object, req: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/**
 * Which build of the driver a cache was made from: V8 checks a cache against the source's length only, so the file's
 * size, modification time and inode head the cache, and a rebuilt driver finds its old cache refused.
 */
function identity(core: string): string {
  const s = fs.statSync(core, { bigint: true });
  return `${s.size}:${s.mtimeNs}:${s.ino}\n`;
}

/** Set by the driver's bundle when it loads `yaml` (scripts/driverBuild.mjs, lazyYaml). */
const YAML_LOADED = Symbol.for('sift.mergeDriver.yamlLoaded');
/** The header of a cache that holds `yaml`'s code too: the build's identity, marked. */
const withYaml = (id: string) => `${id.slice(0, -1)} yaml\n`;

interface Cache { data: Buffer; withYaml: boolean }

/** The cache written for this build of the driver, or undefined (none yet, another build's, unreadable). */
function readCache(file: string, id: string): Cache | undefined {
  try {
    const data = fs.readFileSync(file);
    const head = data.subarray(0, data.indexOf(10) + 1).toString('latin1');
    return head === id || head === withYaml(id) ? { data: data.subarray(head.length), withYaml: head !== id } : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the cache next to the driver, whole or not at all (a temporary file renamed); a read-only install keeps none. */
function writeCache(file: string, id: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(id, 'latin1'), data]));
    fs.renameSync(tmp, file);
  } catch {
    try { fs.unlinkSync(tmp); } catch { /* it was never written */ }
  }
}

/** Runs the driver as Node runs a CommonJS file, compiled from the code cache when V8 accepts it. */
function runDriver(dir: string): void {
  const core = path.join(dir, 'mergeDriverCore.js');
  // One cache per V8 version, flag set and CPU (Node's and an editor's Electron runtime do not share one).
  const cacheFile = path.join(dir, `mergeDriverCore.${cachedDataVersionTag()}.cache`);
  const id = identity(core);
  const cached = readCache(cacheFile, id);
  const source = fs.readFileSync(core, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: core, cachedData: cached?.data });
  const body = script.runInThisContext() as ModuleBody;
  const module = { exports: {} };
  body.call(module.exports, module.exports, require, module, core, dir);
  // After the run, so that the functions the merge compiled are in it too; again once `yaml` has been compiled.
  const yaml = (globalThis as Record<symbol, unknown>)[YAML_LOADED] === true;
  if (cached === undefined || script.cachedDataRejected || (yaml && !cached.withYaml)) writeCache(cacheFile, yaml ? withYaml(id) : id, script.createCachedData());
}

const bytes = sidesBytes(process.argv.slice(2));
if (bytes !== undefined && bytes <= SMALL_MERGE_BYTES) setFlagsFromString('--no-opt');
runDriver(__dirname);
