// The browser's SHA-256 (see hash.ts, Node's): the same digests with no Node `crypto`. It is synchronous where Sift
// needs it (sha256.ts says why); test/unit/hash.test.ts holds it equal to Node's and to Web Crypto's.
import { sha256Text } from './sha256';

/** The SHA-256 of `text` as UTF-8, 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  return sha256Text(text);
}
