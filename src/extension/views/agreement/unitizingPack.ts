// A unitizing study packed into typed arrays, to hand to a worker thread without cloning one object per segment (the
// buffers are transferred, not copied). No `vscode`: the worker and the bench use it.
import { Segment, UnitizingStudy } from '../../../core/review/agreement/unitizing';

export interface PackedStudy {
  coders: number;
  begin: number;
  length: number;
  categories: string[];
  coder: Int32Array;
  category: Int32Array;
  start: Float64Array;
  end: Float64Array;
  labels: string[];
}

export function packStudy(study: UnitizingStudy, labels: string[]): PackedStudy {
  const n = study.segments.length;
  const index = new Map<string, number>();
  const p: PackedStudy = { coders: study.coders, begin: study.begin, length: study.length, categories: [], coder: new Int32Array(n), category: new Int32Array(n), start: new Float64Array(n), end: new Float64Array(n), labels };
  study.segments.forEach((s, k) => {
    let c = index.get(s.category);
    if (c === undefined) { c = p.categories.length; index.set(s.category, c); p.categories.push(s.category); }
    p.coder[k] = s.coder;
    p.category[k] = c;
    p.start[k] = s.start;
    p.end[k] = s.end;
  });
  return p;
}

export function unpackStudy(p: PackedStudy): UnitizingStudy {
  const segments: Segment[] = new Array<Segment>(p.coder.length);
  for (let k = 0; k < p.coder.length; k++) segments[k] = { coder: p.coder[k], start: p.start[k], end: p.end[k], category: p.categories[p.category[k]] };
  return { coders: p.coders, begin: p.begin, length: p.length, segments };
}

/** The buffers to transfer with a packed study. */
export const transferables = (p: PackedStudy): ArrayBuffer[] => [p.coder.buffer, p.category.buffer, p.start.buffer, p.end.buffer] as ArrayBuffer[];
