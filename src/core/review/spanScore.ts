// Scoring detections against a gold set: per-label precision, recall and F1 on exact spans (and on overlapping spans,
// as a lenient second view), and the accuracy of normalised date values on the dates found with the right span.

export interface Mention {
  start: number;
  end: number;
  label: string;
  text: string;
  value?: string;
}

export interface LabelScore {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
  /** Same, counting any overlap with a gold span of the same label as a hit. */
  overlapF1: number;
}

export interface Score {
  labels: Record<string, LabelScore>;
  micro: LabelScore;
  /** Dates found with the exact span whose value is right, out of those found. */
  dateValues: { correct: number; total: number; accuracy: number; /** Predicted dates that carry a value at all. */ valued: number };
}


function prf(gold: number, predicted: number, correct: number, overlapP: number, overlapR: number): LabelScore {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const op = predicted ? overlapP / predicted : 0;
  const or = gold ? overlapR / gold : 0;
  return { gold, predicted, correct, precision, recall, f1, overlapF1: op + or ? (2 * op * or) / (op + or) : 0 };
}

/** Scores predictions for several articles (pairs of gold and predicted mentions), only on the given labels. */
export function score(pairs: { gold: Mention[]; predicted: Mention[] }[], labels: string[]): Score {
  const counts = new Map(labels.map((l) => [l, { gold: 0, predicted: 0, correct: 0, oP: 0, oR: 0 }]));
  let dateCorrect = 0;
  let dateTotal = 0;
  let valued = 0;
  for (const { gold, predicted } of pairs) {
    const key = (m: Mention) => `${m.start}:${m.end}:${m.label}`;
    const goldByKey = new Map(gold.map((m) => [key(m), m]));
    const overlaps = (a: Mention, b: Mention) => a.label === b.label && a.start < b.end && b.start < a.end;
    for (const l of labels) {
      const c = counts.get(l)!;
      const g = gold.filter((m) => m.label === l);
      const p = predicted.filter((m) => m.label === l);
      c.gold += g.length;
      c.predicted += p.length;
      c.correct += p.filter((m) => goldByKey.has(key(m))).length;
      c.oP += p.filter((m) => g.some((x) => overlaps(m, x))).length;
      c.oR += g.filter((x) => p.some((m) => overlaps(m, x))).length;
    }
    for (const m of predicted) {
      if (m.label === 'DATE' && m.value !== undefined) valued++;
      const hit = m.label === 'DATE' ? goldByKey.get(key(m)) : undefined;
      if (!hit) continue;
      dateTotal++;
      if (hit.value === m.value) dateCorrect++;
    }
  }
  const out: Record<string, LabelScore> = {};
  let G = 0, P = 0, C = 0, OP = 0, OR = 0;
  for (const [l, c] of counts) {
    out[l] = prf(c.gold, c.predicted, c.correct, c.oP, c.oR);
    G += c.gold; P += c.predicted; C += c.correct; OP += c.oP; OR += c.oR;
  }
  return { labels: out, micro: prf(G, P, C, OP, OR), dateValues: { correct: dateCorrect, total: dateTotal, accuracy: dateTotal ? dateCorrect / dateTotal : 0, valued } };
}
