// Yielding to the event loop between pieces of work, one module per platform: Node's setImmediate here (it lets I/O
// and timers run without a timer's minimum delay); the browser build takes turn.web.ts, where setImmediate is absent.

/** Lets the event loop run (I/O, timers, other work) before the next piece. */
export function yieldTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
