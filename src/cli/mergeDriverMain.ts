// dist/mergeDriver.js: `sift merge-driver` alone, the command `sift git-setup` registers for git. Git starts the driver
// once per conflicted sidecar, so its start-up is most of a merge: this bundle holds only the merge (no detection,
// export or review code), and its schema check is compiled when Sift is built, not on every start (scripts/build.mjs).
import { mergeDriverCommand } from './mergeDriver';
import { processIo } from './io';

process.exitCode = mergeDriverCommand(process.argv.slice(2), processIo);
