// A big sidecar, as a long-running annotation project makes: one article of `n` sentences and one sidecar with an
// entity on each (5,000 give about 1.5 MB of YAML), written by Sift's own writer. Used by the bench and the tests of
// the off-thread codec.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArticleText } from '../../src/core/text/article';
import { FORMAT_VERSION, Layer } from '../../src/core/model';
import { serializeSidecar } from '../../src/core/store/sidecarFormat';

export interface BigSidecar {
  dir: string;
  article: string;
  sidecar: string;
  annotator: string;
}

/**
 * The article `name` and `n` entities in `annotator`'s sidecar, in `dir` (by default a new folder, made a workspace
 * root with .git).
 */
export function aBigSidecar(n: number, annotator = 'bench', dir?: string, name = 'big.txt'): BigSidecar {
  const root = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sift-big-sidecar-'));
  if (!dir) fs.mkdirSync(path.join(root, '.git'));
  const text = Array.from({ length: n }, (_, i) => `Minister Ada Lovelace${i} met officials in Moscow on Dec 16.`).join('\n');
  const article = new ArticleText(text);
  const layer: Layer = { header: { sift: FORMAT_VERSION, article: name, annotator, sha256: article.sha256, length: article.length }, entities: [], claims: [] };
  let at = 0;
  for (let i = 0; i < n; i++) {
    const start = text.indexOf('Moscow', at);
    layer.entities.push({ id: `e-${i}`, label: 'PLACE', ...article.anchor(start, start + 6) });
    at = start + 6;
  }
  fs.writeFileSync(path.join(root, name), text);
  const sidecar = path.join(root, `${path.basename(name, path.extname(name))}.${annotator}.ann.yaml`);
  fs.writeFileSync(sidecar, serializeSidecar(layer));
  return { dir: root, article: path.join(root, name), sidecar, annotator };
}
