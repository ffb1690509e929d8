// Alignment of a big article in pieces, for the editor: the same units as alignLayers, with a pause between pieces so
// the extension host is never blocked for long (issue 12: turning review on for a 1 MB article with 3 layers never
// blocks for more than 50 ms at a time; `npm run bench` measures the longest piece).
import { alignLayers } from './align';
import { Alignment, LayerInput, Unit } from './units';
import { yieldTurn } from '../text/turn';

/** Annotations (all layers together) aligned between two pauses. */
export const PIECE = 1000;

/** Spans packed as start * SHIFT + end in one float64 (exact below 2^52), so a typed array sorts them by start fast. */
const SHIFT = 2 ** 26;

function packedSpans(inputs: LayerInput[]): Float64Array {
  const n = inputs.reduce((k, l) => k + l.layer.entities.length + l.layer.claims.length, 0);
  const out = new Float64Array(n);
  let i = 0;
  for (const l of inputs) for (const list of [l.layer.entities, l.layer.claims]) for (const a of list) out[i++] = a.start * SHIFT + Math.min(a.end, SHIFT - 1);
  return out.sort();
}

/** Lets the event loop run (I/O, timers, other work) before the next piece. */
const nextTurn = yieldTurn;

/**
 * Aligns like alignLayers, in pieces of about PIECE annotations cut only where no annotation crosses, with a yield to
 * the event loop between pieces, so a big article never blocks the extension host for long. Units never cross a cut
 * (their members overlap), so the pieces' units are the whole article's; a small article is aligned in one call.
 */
export async function alignInPieces(inputs: LayerInput[], annotators: string[], pause: () => Promise<void> = nextTurn): Promise<Alignment> {
  const spans = packedSpans(inputs);
  if (spans.length <= PIECE) return alignLayers(inputs, { annotators });
  const cuts: number[] = [];
  let reach = -1;
  let count = 0;
  for (const packed of spans) {
    const start = Math.floor(packed / SHIFT);
    if (count >= PIECE && start >= reach) { cuts.push(start); count = 0; }
    reach = Math.max(reach, packed % SHIFT);
    count++;
  }
  cuts.push(Infinity);
  await pause();
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
