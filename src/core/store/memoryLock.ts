// A lock held in memory, per file: orders the writers of one thread (one extension host). Used for every sidecar
// reached through a file port (SidecarFile's `port`), where no lock file can be created exclusively, and as the
// browser's lock (lock.web.ts). Another process is not excluded by it: compare-before-write is (verifiedWrite.ts).
import { LockTimeoutError, lockPathFor } from './lockNames';

const held = new Set<string>();
const queues = new Map<string, Promise<unknown>>();

/** Runs `fn` holding the in-memory lock on `file`; on one thread a synchronous holder can only meet itself. */
export function withMemoryLock<T>(file: string, fn: () => T): T {
  if (held.has(file)) throw new LockTimeoutError(lockPathFor(file), 'this window, in a save that is still running');
  held.add(file);
  try {
    return fn();
  } finally {
    held.delete(file);
  }
}

/** Runs `fn` after every earlier holder of `file`'s in-memory lock settled; held until what `fn` returns settles. */
export function withMemoryLockAsync<T>(file: string, fn: () => T | Promise<T>): Promise<T> {
  const before = queues.get(file) ?? Promise.resolve();
  const run = before.then(async () => {
    held.add(file);
    try {
      return await fn();
    } finally {
      held.delete(file);
    }
  });
  const tail = run.catch(() => undefined);
  queues.set(file, tail);
  void tail.then(() => { if (queues.get(file) === tail) queues.delete(file); });
  return run;
}
