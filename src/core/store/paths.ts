// Sidecar file names: from an article and an annotator, and back.
import * as path from 'path';
import { SIDECAR_SUFFIX } from './sidecarFormat';

export const RECOVERY_SUFFIX = '.ann.recovery.yaml';

/** `dir/000_abc.txt` + `analyst1` -> `dir/000_abc.analyst1.ann.yaml`. */
export function sidecarPathFor(articlePath: string, annotator: string): string {
  const dir = path.dirname(articlePath);
  const stem = path.basename(articlePath, path.extname(articlePath));
  return path.join(dir, `${stem}.${annotator}${SIDECAR_SUFFIX}`);
}

/** `dir/000_abc.txt` -> `dir/000_abc`: the article's path without its extension, as a sidecar's name gives it (its stem in its folder). */
export function withoutExtension(file: string): string {
  return file.slice(0, file.length - path.extname(file).length);
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

/**
 * `dir/000_abc.ana.ann.yaml` -> `dir/000_abc`: the article a sidecar's file name stands for, in its folder and without
 * the article's extension (to match withoutExtension of an article's path); a file not named as a sidecar stands for itself.
 */
export function sidecarStem(sidecar: string): string {
  const name = parseSidecarName(sidecar);
  return name ? path.join(path.dirname(sidecar), name.stem) : sidecar;
}

/** Where unsaved work goes while the sidecar itself cannot be parsed. */
export function recoveryPathFor(sidecarPath: string): string {
  return sidecarPath.endsWith(SIDECAR_SUFFIX) ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length) + RECOVERY_SUFFIX : `${sidecarPath}.recovery.yaml`;
}
