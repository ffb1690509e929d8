import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A temporary folder holding copies of the named sample articles (all five by default). */
export function tmpCorpus(names?: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-unit-'));
  const samples = path.resolve(__dirname, '..', '..', '..', '..', 'samples');
  for (const n of names ?? fs.readdirSync(samples)) {
    fs.copyFileSync(path.join(samples, n), path.join(dir, n));
    fs.chmodSync(path.join(dir, n), 0o644);
  }
  return dir;
}

export const SAMPLES = path.resolve(__dirname, '..', '..', '..', '..', 'samples');
export const A0 = '000_f5a8d1d13f9f611e.txt';

let n = 0;
/** Deterministic ids and clock for tests. */
export const fixedOptions = () => {
  let i = 0;
  n++;
  return { now: () => '2026-11-21T12:00:00Z', newId: (k: 'entity' | 'claim') => `${k[0]}-t${n}x${++i}` };
};
