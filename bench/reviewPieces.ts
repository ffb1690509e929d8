// Review mode on a big article: the editor aligns a 1 MB article with 3 layers in pieces (alignInPieces), pausing
// between them; the figure is the longest piece, i.e. the longest the extension host is blocked (issue 12's target:
// never more than 50 ms at a time).
import { alignInPieces } from '../src/core/review/alignPieces';
import { ArticleText } from '../src/core/text/article';
import { divergingLayers } from './review';

export async function reviewOnBench(text: string): Promise<string[]> {
  const article = new ArticleText(text.slice(0, 1024 * 1024));
  // About one mention per 100 code points in each layer: ~10,000 annotations per layer.
  const layers = divergingLayers(article, 'big.txt', ['ana', 'bob', 'cat'], Math.floor(article.length / 100));
  const count = layers.reduce((n, l) => n + l.layer.entities.length + l.layer.claims.length, 0);
  const slices: number[] = [];
  let units = 0;
  for (let round = 0; round < 3; round++) {
    slices.length = 0;
    let t = process.hrtime.bigint();
    const pause = () => new Promise<void>((r) => { slices.push(Number(process.hrtime.bigint() - t) / 1e6); setImmediate(() => { t = process.hrtime.bigint(); r(); }); });
    units = (await alignInPieces(layers, ['ana', 'bob', 'cat'], pause)).units.length;
  }
  const total = slices.reduce((a, b) => a + b, 0);
  const sorted = [...slices].sort((a, b) => a - b);
  return [`Review on for a ${(Buffer.byteLength(article.text) / 1024 / 1024).toFixed(1)} MB article, 3 layers, ${count} annotations, ${units} units: ${slices.length} pieces, longest ${sorted[sorted.length - 1].toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, ${total.toFixed(0)} ms in all (target: no piece over 50 ms)`];
}
