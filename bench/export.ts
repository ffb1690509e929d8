// Export speed: 10,000 generated articles of about 3 KB, annotated, exported to JSONL and to CoNLL.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArticleText } from '../src/core/text/article';
import { parseIsoDay } from '../src/core/detect/dates';
import { Detector } from '../src/core/detect/detector';
import { runExport } from '../src/core/export/run';
import { FORMAT_VERSION, Layer } from '../src/core/model';
import { serializeSidecar } from '../src/core/store/sidecarFormat';

/** Writes `n` generated, annotated articles of about 3 KB (every detected mention, and a claim) into a new folder. */
export function generateExportCorpus(samples: string, n: number, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-export-bench-'))): string {
  const bases = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));
  const ref = parseIsoDay('2024-12-16')!;
  const detector = new Detector();
  // Each article: a unique first line and about 3 KB of a sample article; annotations: every detected mention, and a claim.
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length].slice(0, 3000);
    const text = `Generated article ${i}.\n${base}`;
    const article = new ArticleText(text);
    const found = detector.detect(text, ref);
    const layer: Layer = {
      header: { sift: FORMAT_VERSION, article: `a${i}.txt`, annotator: 'bench', sha256: article.sha256, length: article.length },
      entities: found.map((s, k) => ({ id: `e-${k}`, ...article.anchor(s.start, s.end), label: s.label, ...(s.value ? { value: s.value } : {}) })),
      claims: [{ id: 'c-1', ...article.anchor(0, 22), source: { name: 'Bench' }, confidence: 0.5 }],
    };
    fs.writeFileSync(path.join(dir, `a${i}.txt`), text);
    fs.writeFileSync(path.join(dir, `a${i}.bench.ann.yaml`), serializeSidecar(layer));
  }
  return dir;
}

export async function exportBench(samples: string, n = 10_000): Promise<string[]> {
  const t0 = Date.now();
  const dir = generateExportCorpus(samples, n);
  const lines = [`Export: generated ${n} annotated articles of about 3 KB in ${((Date.now() - t0) / 1000).toFixed(1)} s (setup, not timed below)`];
  for (const format of ['jsonl', 'conll'] as const) {
    const t = Date.now();
    const s = await runExport([dir], { format, out: path.join(dir, `out-${format}`), layer: 'all', root: dir });
    const secs = (Date.now() - t) / 1000;
    lines.push(`Export to ${format.toUpperCase()}: ${s.articles} articles, ${Object.values(s.entitiesByLabel).reduce((a, b) => a + b, 0)} entities in ${secs.toFixed(2)} s (target: 10 s or less)`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return lines;
}
