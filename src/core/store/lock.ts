// A lock file beside a sidecar, so that two writers (two windows, two processes) never interleave a read and a write.
import * as fs from 'fs';
import * as os from 'os';
import { LOCK_WAIT_MS, LockTimeoutError, STALE_LOCK_MS, lockPathFor } from './lockNames';

export { LOCK_WAIT_MS, LockTimeoutError, STALE_LOCK_MS, lockPathFor } from './lockNames';

interface Owner {
  pid: number;
  host: string;
  time: number;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** This machine's name as a lock file records it: asked of the system at most once a second (a bulk merge takes thousands of locks). */
let host: { name: string; at: number } | undefined;
function hostName(): string {
  const now = Date.now();
  if (!host || now - host.at > 1000) host = { name: os.hostname(), at: now };
  return host.name;
}

/** Removes a file; a missing one is no error (fs.rmSync's `force`, without its walk: a lock is never a folder). */
function unlinkIfPresent(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lock: string): Owner | undefined {
  try {
    const o = JSON.parse(fs.readFileSync(lock, 'utf8')) as Partial<Owner>;
    return typeof o.pid === 'number' && typeof o.time === 'number' ? { pid: o.pid, host: String(o.host), time: o.time } : undefined;
  } catch {
    return undefined;
  }
}

/** Stale: its owner on this machine is gone, or it is older than STALE_LOCK_MS (also when unreadable). */
function isStale(lock: string, now: number): boolean {
  const owner = readOwner(lock);
  if (owner && owner.host === hostName() && !processIsAlive(owner.pid)) return true;
  let mtime: number;
  try {
    mtime = fs.statSync(lock).mtimeMs;
  } catch {
    return false;
  }
  return now - Math.max(mtime, owner?.time ?? 0) > STALE_LOCK_MS;
}

/** Moves a stale lock aside and removes it; if the one moved turns out to be fresh (a race), it is put back. */
function breakLock(lock: string, seen: string): void {
  const aside = `${lock}.${process.pid}.stale`;
  try {
    fs.renameSync(lock, aside);
  } catch {
    return;
  }
  let moved = '';
  try {
    moved = fs.readFileSync(aside, 'utf8');
  } catch {
    // Unreadable: treat as the stale one.
  }
  if (moved !== seen) {
    try {
      fs.linkSync(aside, lock);
    } catch {
      // Someone took the lock meanwhile; theirs stands.
    }
  }
  fs.rmSync(aside, { force: true });
}

/** Creates the lock exclusively (O_EXCL); returns what it holds, or undefined when another writer has it. */
function tryCreate(lock: string): string | undefined {
  const mine = JSON.stringify({ pid: process.pid, host: hostName(), time: Date.now() });
  let fd: number;
  try {
    fd = fs.openSync(lock, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw e;
  }
  try {
    fs.writeSync(fd, mine);
  } finally {
    fs.closeSync(fd);
  }
  return mine;
}

/** After a failed try: breaks the lock if stale (true: try again now), else throws past the deadline. */
function mayRetry(lock: string, deadline: number): boolean {
  let seen = '';
  try {
    seen = fs.readFileSync(lock, 'utf8');
  } catch {
    // Gone already, or unreadable: judged by its age below.
  }
  if (isStale(lock, Date.now())) {
    breakLock(lock, seen);
    return true;
  }
  if (Date.now() > deadline) throw new LockTimeoutError(lock, seen);
  return false;
}

function acquire(lock: string, waitMs: number): string {
  const deadline = Date.now() + waitMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, 8)) {
    const mine = tryCreate(lock);
    if (mine !== undefined) return mine;
    if (!mayRetry(lock, deadline)) sleep(pause + Math.random() * pause);
  }
}

/**
 * `acquire` whose waits for another writer are timers, never a blocked thread. Creating the lock file is a small
 * synchronous write (no sync to disk to wait for): through promises it cost a bulk merge more than the write itself.
 */
async function acquireAsync(lock: string, waitMs: number): Promise<string> {
  const deadline = Date.now() + waitMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, 8)) {
    const mine = tryCreate(lock);
    if (mine !== undefined) return mine;
    if (!mayRetry(lock, deadline)) await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
  }
}

/** Removes the lock if it is still ours (held past STALE_LOCK_MS, it may have been broken and taken by another). */
function release(lock: string, mine: string): void {
  let now: string | undefined;
  try {
    now = fs.readFileSync(lock, 'utf8');
  } catch {
    return;
  }
  if (now === mine) unlinkIfPresent(lock);
}

/** Runs `fn` holding `<file>.lock` (created exclusively); the lock is always released, also when `fn` throws. */
export function withLock<T>(file: string, fn: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = lockPathFor(file);
  const mine = acquire(lock, waitMs);
  try {
    return fn();
  } finally {
    release(lock, mine);
  }
}

/**
 * Runs `fn` holding `<file>.lock` as `withLock` does, waiting for another writer's lock by timers (many saves at once
 * overlap their waits on the disk); held until what `fn` returns settles, and always released.
 */
export async function withLockAsync<T>(file: string, fn: () => T | Promise<T>, waitMs = LOCK_WAIT_MS): Promise<T> {
  const lock = lockPathFor(file);
  const mine = await acquireAsync(lock, waitMs);
  try {
    return await fn();
  } finally {
    release(lock, mine);
  }
}
