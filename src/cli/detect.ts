import * as fs from 'fs';
import * as path from 'path';
import { ArticleError, readArticle } from '../core/text/article';
import { Detector, referenceDate } from '../core/detect/detector';
import { isoDay } from '../core/detect/dates';
import { workspaceNames } from '../core/corpus/workspaceNames';
import { parseSidecar } from '../core/store/sidecarFormat';
import { CliIo } from './io';

export const DETECT_USAGE = `sift detect FILE... [--json] [--reference YYYY-MM-DD]
  Prints the suggested PERSON, ORG, PLACE and DATE mentions: file, start and end in code points, label, text,
  normalised value and canonical name. Uses the nearest sift.gazetteer.yaml and strings labelled in sidecars.`;

/** The publication date recorded in any sidecar of the article. */
function publishedFor(file: string): string | undefined {
  const dir = path.dirname(file);
  const stem = path.basename(file, path.extname(file));
  for (const f of fs.readdirSync(dir).filter((n) => n.startsWith(`${stem}.`) && n.endsWith('.ann.yaml')).sort()) {
    try {
      const p = parseSidecar(fs.readFileSync(path.join(dir, f), 'utf8'), f).layer.header.published;
      if (p) return p;
    } catch { /* reported by sift validate */ }
  }
  return undefined;
}

export function detectCommand(args: string[], io: CliIo): number {
  let json = false;
  let forced: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--reference' && /^\d{4}-\d{2}-\d{2}$/.test(args[i + 1] ?? '')) forced = args[++i];
    else if (a.startsWith('-')) {
      io.err(`sift detect: bad option ${a}\n${DETECT_USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (!files.length) {
    io.err(`${DETECT_USAGE}\n`);
    return 2;
  }
  const results: unknown[] = [];
  let failed = 0;
  const detectors = new Map<string, Detector>();
  for (const f of files) {
    const file = path.resolve(io.cwd, f);
    let text: string;
    try {
      text = readArticle(file);
    } catch (e) {
      if (!(e instanceof ArticleError)) throw e;
      io.err(`sift detect: ${e.message}\n`);
      failed++;
      continue;
    }
    const dir = path.dirname(file);
    if (!detectors.has(dir)) detectors.set(dir, new Detector(workspaceNames(dir).names));
    const ref = referenceDate(text, forced ?? publishedFor(file), fs.statSync(file).mtime);
    const rel = path.relative(io.cwd, file) || file;
    for (const s of detectors.get(dir)!.detect(text, ref.date)) {
      if (json) results.push({ file: rel, reference: isoDay(ref.date), ...s });
      else io.out(`${rel}\t${s.start}\t${s.end}\t${s.label}\t${s.text}\t${s.value ?? ''}\t${s.canonical ?? ''}\n`);
    }
  }
  if (json) io.out(`${JSON.stringify(results, null, 2)}\n`);
  return failed ? 1 : 0;
}
