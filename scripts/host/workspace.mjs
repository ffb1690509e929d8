// A throwaway copy of the sample corpus, so tests can write sidecars without touching the repository.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { samplesDir } from './paths.mjs';

export function sampleWorkspace(prefix = 'sift-ws-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(samplesDir, dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
  return { dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
