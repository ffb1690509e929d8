// The browser's lock (lock.ts is Node's). vscode.workspace.fs cannot create a file exclusively (no O_EXCL), so there is
// no lock file: the lock is held in memory, per sidecar, which orders the saves of this extension host (one web worker,
// one thread). Another writer (a second browser tab, a colleague's push) is not excluded by it; there the save's
// compare-before-write takes over (the file is read right before it is replaced and merged first when it changed), and
// the written file is read back (core/store/verifiedWrite.ts). README: "Sift in the browser".

import { LockTimeoutError, lockPathFor } from './lockNames';

export { LOCK_WAIT_MS, LockTimeoutError, STALE_LOCK_MS, lockPathFor } from './lockNames';

/** No other process can be seen from a web worker; a temp file's writer is taken as gone. */
export function processIsAlive(): boolean {
  return false;
}

const held = new Set<string>();
const queues = new Map<string, Promise<unknown>>();

/** Runs `fn` holding the in-memory lock on `file`; on one thread a synchronous holder can only meet itself. */
export function withLock<T>(file: string, fn: () => T): T {
  if (held.has(file)) throw new LockTimeoutError(lockPathFor(file), 'this window, in a save that is still running');
  held.add(file);
  try {
    return fn();
  } finally {
    held.delete(file);
  }
}

/** Runs `fn` after every earlier holder of `file`'s in-memory lock settled; held until what `fn` returns settles. */
export function withLockAsync<T>(file: string, fn: () => T | Promise<T>): Promise<T> {
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
