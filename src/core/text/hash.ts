// SHA-256, one module per platform: this one is Node's (the extension on desktop, the CLI); the browser build takes
// hash.web.ts in its place (scripts/build.mjs resolves `*.web.ts` first). Both give the same digests.
import { createHash } from 'crypto';

/** The SHA-256 of `text` as UTF-8, 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
