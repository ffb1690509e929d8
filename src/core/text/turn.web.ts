// The browser's turn of the event loop (turn.ts is Node's): a message to itself, which, unlike a nested setTimeout,
// is not clamped to 4 ms, so time-sliced work (detection, alignment) keeps its pace in a web worker.

/** A web MessagePort, as far as used here (the project's types are Node's, whose ports have no `onmessage`). */
interface WebPort {
  onmessage: (() => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

/** Lets the event loop run (messages, timers, other work) before the next piece. */
export function yieldTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel() as unknown as { port1: WebPort; port2: WebPort };
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
