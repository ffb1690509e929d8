// Opening and saving a big sidecar as the editor does it (ArticleSession, SidecarFile): the synchronous time each takes,
// which is how long the extension host is blocked (issue 11's target: no block over 50 ms with 5,000 annotations).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArticleSession } from '../src/core/session/session';
import { ArticleText } from '../src/core/text/article';
import { FORMAT_VERSION, Layer } from '../src/core/model';
import { serializeSidecar } from '../src/core/store/sidecarFormat';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A folder with one article of `n` sentences and one sidecar with `n` entities on it. */
function bigSidecar(n: number): { dir: string; article: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-sidecar-bench-'));
  const text = Array.from({ length: n }, (_, i) => `Minister Ada Lovelace${i} met officials in Moscow on Dec 16.`).join('\n');
  const article = new ArticleText(text);
  const name = 'big.txt';
  const layer: Layer = { header: { sift: FORMAT_VERSION, article: name, annotator: 'bench', sha256: article.sha256, length: article.length }, entities: [], claims: [] };
  let at = 0;
  for (let i = 0; i < n; i++) {
    const start = text.indexOf('Moscow', at);
    layer.entities.push({ id: `e-${i}`, label: 'PLACE', ...article.anchor(start, start + 6) });
    at = start + 6;
  }
  fs.mkdirSync(path.join(dir, '.git'));
  fs.writeFileSync(path.join(dir, name), text);
  fs.writeFileSync(path.join(dir, `big.bench.ann.yaml`), serializeSidecar(layer));
  return { dir, article: path.join(dir, name) };
}

export function sidecarBench(n = 5_000, rounds = 5): string[] {
  const { dir, article } = bigSidecar(n);
  const size = fs.statSync(path.join(dir, 'big.bench.ann.yaml')).size;
  const open: number[] = [];
  const save: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t = process.hrtime.bigint();
    const s = ArticleSession.open(article, 'bench');
    open.push(Number(process.hrtime.bigint() - t) / 1e6);
    s.update(`e-${r}`, { note: `round ${r}` });
    t = process.hrtime.bigint();
    s.sidecar.save();
    save.push(Number(process.hrtime.bigint() - t) / 1e6);
    s.sidecar.dispose();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return [`A sidecar of ${n} annotations (${(size / 1024 / 1024).toFixed(1)} MB): open ${median(open).toFixed(0)} ms, save after one change ${median(save).toFixed(0)} ms (medians of ${rounds}; both block the extension host today; target: no block over 50 ms)`];
}
