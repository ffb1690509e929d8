// The browser's twin of exportDisk.ts: the editor passes its index and writer to runExport there (RunOptions.index,
// RunOptions.write), so Node's defaults are never reached. See core/store/nodeOnly.ts.
import type { CorpusIndex } from '../corpus/corpusIndex';
import { nodeOnly } from '../store/nodeOnly';

export const scanCorpus = (): Promise<CorpusIndex> => nodeOnly('scanning the corpus from disk');
export const writeOutput = (): Promise<void> => nodeOnly('an atomic write of an export');
