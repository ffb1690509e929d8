// The browser's twin of leftovers.ts (temp files left by crashed saves, found with Node's fs): through the file port no
// save leaves a temp file behind (verifiedWrite.ts removes its own), so a sidecar opened there never looks for them
// (SidecarFile.opened). See nodeOnly.ts.
import { nodeOnly } from './nodeOnly';

export type { Leftover } from './leftovers';
export const LIVE_TEMP_MS = 60_000;
export const ORPHAN_TEMP_SUFFIX = '.orphan-tmp.yaml';
export const withFoldersListedOnce = <T>(work: () => Promise<T>): Promise<T> => work();
export const findLeftoverTemps = (): string[] => nodeOnly('finding temp files');
export const collectLeftovers = (): never => nodeOnly('finding temp files');
