// Random ids and temp file names from Web Crypto's generator (`globalThis.crypto`), the same on Node 20 and in a browser.

/** `bytes` random bytes as lower-case hex. */
export function randomHex(bytes: number): string {
  const out = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  return [...out].map((b) => b.toString(16).padStart(2, '0')).join('');
}
