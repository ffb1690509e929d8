// Alignment of a big article in pieces, for the editor: the same units as alignLayers, with a pause between pieces so
// the extension host is never blocked for long (issue 12: turning review on for a 1 MB article with 3 layers never
// blocks for more than 50 ms at a time; `npm run bench` measures the longest piece).
import { alignLayers } from './align';
import { Alignment, LayerInput, Unit } from './units';

/** Annotations (all layers together) aligned between two pauses. */
export const PIECE = 1000;

/** Lets the event loop run (I/O, timers, other work) before the next piece. */
const nextTurn = () => new Promise<void>((r) => setImmediate(r));

/**
 * Aligns like alignLayers, in pieces of about PIECE annotations cut only where no annotation crosses, with a yield to
 * the event loop between pieces, so a big article never blocks the extension host for long. Units never cross a cut
 * (their members overlap), so the pieces' units are the whole article's; a small article is aligned in one call.
 */
export async function alignInPieces(inputs: LayerInput[], annotators: string[], pause: () => Promise<void> = nextTurn): Promise<Alignment> {
  const spans = inputs.flatMap((l) => [...l.layer.entities, ...l.layer.claims]).map((a) => [a.start, a.end] as const).sort((a, b) => a[0] - b[0]);
  if (spans.length <= PIECE) return alignLayers(inputs, { annotators });
  const cuts: number[] = [];
  let reach = -1;
  let count = 0;
  for (const [start, end] of spans) {
    if (count >= PIECE && start >= reach) { cuts.push(start); count = 0; }
    reach = Math.max(reach, end);
    count++;
  }
  cuts.push(Infinity);
  const units: Unit[] = [];
  let from = 0;
  let result: Alignment | undefined;
  for (const cut of cuts) {
    const inPiece = <T extends { start: number }>(list: T[]) => list.filter((a) => a.start >= from && a.start < cut);
    result = alignLayers(inputs.map((l) => ({ annotator: l.annotator, layer: { ...l.layer, entities: inPiece(l.layer.entities), claims: inPiece(l.layer.claims) } })), { annotators });
    units.push(...result.units);
    from = cut;
    await pause();
  }
  return { annotators: result?.annotators ?? [], units };
}
