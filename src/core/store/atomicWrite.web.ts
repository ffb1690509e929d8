// The browser's twin of atomicWrite.ts (temp files, renames and strict reads through Node's fs): not reached there,
// where sidecars are written by verifiedWrite.ts through the file port. See nodeOnly.ts.
import { MAX_SIDECAR_BYTES } from '../text/readLimits';
import { nodeOnly } from './nodeOnly';

export const MAX_SIDECAR_READ_BYTES = MAX_SIDECAR_BYTES;
export const tempPathFor = (): string => nodeOnly('a temp file name');
export const writeTemp = (): string => nodeOnly('a synchronous temp file');
export const writeTempAsync = (): Promise<string> => nodeOnly('a temp file');
export const commitTemp = (): void => nodeOnly('a rename');
export const removeFile = (): void => nodeOnly('a synchronous removal');
export const writeFileAtomic = (): void => nodeOnly('a synchronous atomic write');
export const readSidecarText = (): string | undefined => nodeOnly('a synchronous sidecar read');
