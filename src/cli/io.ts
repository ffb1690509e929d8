import { writeSync } from 'fs';

/** What a CLI command may touch, so tests can run commands in-process. */
export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  cwd: process.cwd(),
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/**
 * Writes to standard error as it is (fd 2), not through process.stderr: Node makes that stream on first use, about a
 * millisecond, which the merge driver would pay on every conflicted file it reports. The same bytes; whatever fd 2
 * does not take (a non-blocking pipe that is full, say) goes through the stream after all.
 */
export function writeStderr(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(2, bytes, done);
  } catch {
    process.stderr.write(bytes.subarray(done));
  }
}

/** processIo for `sift merge-driver`'s own process (dist/mergeDriverCore.js): errors through writeStderr. */
export const driverProcessIo: CliIo = { ...processIo, err: writeStderr };
