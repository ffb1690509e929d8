// What an export asks of Node's fs by default (exportDisk.web.ts is the browser's twin): the corpus scanned from
// disk, and each output file written atomically. The editor in the browser passes its own index and writer (RunOptions).
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../store/atomicWrite';

export { scanCorpus } from '../corpus/nodeIndex';

/** Writes one output file atomically, its folder created first. */
export function writeOutput(file: string, content: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, content);
  return Promise.resolve();
}
