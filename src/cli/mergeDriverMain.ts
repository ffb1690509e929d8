// dist/mergeDriverCore.js: `sift merge-driver` alone, which git runs through dist/mergeDriver.js (mergeDriverStart.ts)
// once per conflicted sidecar, so its start-up is most of a merge: this bundle holds only the merge (no detection,
// export or review code), its schema check is compiled when Sift is built, and `yaml` is loaded only for a file not in
// Sift's plain layout (scripts/driverBuild.mjs).
import { mergeDriverCommand } from './mergeDriver';
import { driverProcessIo } from './io';

/** For the driver's start, before it writes a code cache (mergeDriverWarmUp.ts). */
export { warmUp } from './mergeDriverWarmUp';

process.exitCode = mergeDriverCommand(process.argv.slice(2), driverProcessIo);
