// The strings annotators labelled, each with the label most of them gave it: what the detector learns from a corpus.

/** The most frequent label each annotated string received across the layers given. */
export function learnedLabels(layers: { entities: { quote: string; label: string; orphaned?: boolean }[] }[]): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const l of layers) {
    for (const e of l.entities) {
      if (e.orphaned || e.label === 'DATE' || !e.quote.trim()) continue;
      const v = votes.get(e.quote) ?? new Map<string, number>();
      v.set(e.label, (v.get(e.label) ?? 0) + 1);
      votes.set(e.quote, v);
    }
  }
  const out = new Map<string, string>();
  for (const [q, v] of votes) out.set(q, [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]);
  return out;
}
