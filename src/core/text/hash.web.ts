// The browser's SHA-256 (see hash.ts, Node's): the same digests with no Node `crypto`. It must be synchronous (the
// article's hash goes into every sidecar header as it is opened), and Web Crypto's digest is asynchronous only, so it
// is @noble/hashes' audited, dependency-free SHA-256. test/unit/hash.test.ts holds it equal to Node's and Web Crypto's.
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';

/** The SHA-256 of `text` as UTF-8, 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}
