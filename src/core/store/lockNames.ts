// What the lock's two implementations share: Node's lock files (lock.ts) and the browser's in-memory lock (lock.web.ts).

/** A lock older than this is taken as left by a crash, whoever holds it: a save holds it for milliseconds. */
export const STALE_LOCK_MS = 10_000;
/** How long a save waits for another writer's lock before it gives up (the work stays in memory). */
export const LOCK_WAIT_MS = 3_000;

export class LockTimeoutError extends Error {
  constructor(readonly lockFile: string, owner: string) {
    super(`${lockFile} is held by another writer (${owner}); try again`);
    this.name = 'LockTimeoutError';
  }
}

export function lockPathFor(file: string): string {
  return `${file}.lock`;
}
