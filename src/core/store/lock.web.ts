// The browser's lock (lock.ts is Node's). vscode.workspace.fs cannot create a file exclusively (no O_EXCL), so there is
// no lock file: the lock is held in memory, per sidecar, which orders the saves of this extension host (one web worker,
// one thread). Another writer (a second browser tab, a colleague's push) is not excluded by it; there the save's
// compare-before-write takes over (the file is read right before it is replaced and merged first when it changed), and
// the written file is read back (core/store/verifiedWrite.ts). README: "Sift in the browser".

export { LOCK_WAIT_MS, LockTimeoutError, STALE_LOCK_MS, lockPathFor } from './lockNames';

/** No other process can be seen from a web worker; a temp file's writer is taken as gone. */
export function processIsAlive(): boolean {
  return false;
}

export { withMemoryLock as withLock, withMemoryLockAsync as withLockAsync } from './memoryLock';
