// Small statistics the benches share.

/** The median of `xs`: the middle value, or the upper of the two middle ones (as every bench here reports it). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
