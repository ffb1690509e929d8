// Waiting for a condition, never for a fixed time: shared by the integration suite (in the VS Code host) and the
// browser run (plain Node driving the page). No `vscode` here.

export interface WaitOptions {
  /** Give up after this many milliseconds (default 30 s: the machine may be loaded; a holding condition returns at once). */
  timeout?: number;
  /** What is awaited, for the failure message. */
  message?: string;
  /** Milliseconds between two looks (default 50). */
  interval?: number;
}

export type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/**
 * Polls `predicate` until it returns a truthy value, and returns that value. An exception counts as "not yet". Fails
 * after `timeout` with `message`, the last exception and the last value seen.
 */
export async function waitFor<T>(predicate: () => T | Promise<T>, { timeout = 30_000, message = 'a condition', interval = 50 }: WaitOptions = {}): Promise<Truthy<T>> {
  const until = Date.now() + timeout;
  let error: unknown;
  let last: unknown;
  for (;;) {
    try {
      last = await predicate();
      error = undefined;
      if (last) return last as Truthy<T>;
    } catch (e) {
      error = e;
    }
    if (Date.now() > until) {
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${error ? `: ${error instanceof Error ? error.message : JSON.stringify(error)}` : `; last seen: ${JSON.stringify(last)}`}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}
