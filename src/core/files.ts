// File names and safe writes for sidecars.
import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { SIDECAR_SUFFIX } from './sidecarFormat';

export const RECOVERY_SUFFIX = '.ann.recovery.yaml';

/** `dir/000_abc.txt` + `analyst1` -> `dir/000_abc.analyst1.ann.yaml`. */
export function sidecarPathFor(articlePath: string, annotator: string): string {
  const dir = path.dirname(articlePath);
  const stem = path.basename(articlePath, path.extname(articlePath));
  return path.join(dir, `${stem}.${annotator}${SIDECAR_SUFFIX}`);
}

export function isSidecarPath(file: string): boolean {
  return file.endsWith(SIDECAR_SUFFIX);
}

/** `000_abc.analyst1.ann.yaml` -> { stem: '000_abc', annotator: 'analyst1' }. */
export function parseSidecarName(file: string): { stem: string; annotator: string } | undefined {
  const base = path.basename(file);
  if (!base.endsWith(SIDECAR_SUFFIX)) return undefined;
  const rest = base.slice(0, -SIDECAR_SUFFIX.length);
  const dot = rest.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return { stem: rest.slice(0, dot), annotator: rest.slice(dot + 1) };
}

/** Where unsaved work goes while the sidecar itself cannot be parsed. */
export function recoveryPathFor(sidecarPath: string): string {
  return sidecarPath.endsWith(SIDECAR_SUFFIX) ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length) + RECOVERY_SUFFIX : `${sidecarPath}.recovery.yaml`;
}

/** Writes via a temporary file in the same folder and a rename, so a crash leaves the old file or the new one. */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'w', 0o644);
  try {
    fs.writeFileSync(fd, content, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export function readTextIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
