// dist/mergeDriver.js: `sift merge-driver` alone, the command `sift git-setup` registers for git. Git starts the driver
// once per conflicted sidecar, so its start-up is most of a merge: this bundle holds only the merge (no detection,
// export or review code), its schema check is compiled when Sift is built, and `yaml` is loaded only for a file not in
// Sift's plain layout (scripts/driverBuild.mjs).
import * as fs from 'fs';
import { setFlagsFromString } from 'v8';
import { mergeDriverCommand } from './mergeDriver';
import { processIo } from './io';

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

// A usual merge runs for milliseconds: the optimising compiler (TurboFan) would compile hot functions on background
// threads for tens of ms of CPU and finish after the merge. Off for small files; nothing but speed depends on it.
const bytes = sidesBytes(process.argv.slice(2));
if (bytes !== undefined && bytes <= SMALL_MERGE_BYTES) setFlagsFromString('--no-opt');
process.exitCode = mergeDriverCommand(process.argv.slice(2), processIo);
