// The browser's twin of safeRead.ts (bounded reads through Node's fs): not reached there, where reads go through the
// file port (src/extension/platform/vscodeFileSystem.ts applies the same limits). See core/store/nodeOnly.ts.
import { nodeOnly } from '../store/nodeOnly';

export { MAX_SIDECAR_BYTES, ReadRefusal } from './readLimits';
export type { ReadProblem } from './readLimits';
export const readUpTo = (): Uint8Array => nodeOnly('a synchronous read');
export const readRegularFile = (): { bytes: Uint8Array; mtime: Date; size: number; mtimeMs: number } => nodeOnly('a synchronous read');
export const readTextFile = (): string => nodeOnly('a synchronous read');
export const readTextFileStat = (): { text: string; size: number; mtimeMs: number } => nodeOnly('a synchronous read');
