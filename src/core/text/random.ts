// Random ids and temp file names from Web Crypto's generator (`globalThis.crypto`), the same on Node 20 and in a browser.
// Bytes are drawn 4 KB at a time rather than one call per name: a bulk merge names thousands of temp files and ids.

const pool = new Uint8Array(4096);
let used = pool.length;
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** `bytes` random bytes as lower-case hex. */
export function randomHex(bytes: number): string {
  if (bytes > pool.length) return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes)), (b) => HEX[b]).join('');
  if (used + bytes > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    used = 0;
  }
  let hex = '';
  for (let i = 0; i < bytes; i++) hex += HEX[pool[used + i]];
  used += bytes;
  return hex;
}
