// brat standoff: for each article a .txt with the exact text and a .ann beside it. Offsets are character offsets
// into the .txt (code points); a span across a line break is written as fragments ("0 5;6 10"), as brat requires.
// A span made only of line breaks has no fragment, which brat cannot represent: it is reported and left out, with
// whatever refers to it (a claim's attributes, notes and relations; a source's or cue's relation).
import { ArticleRecord, SpanOut } from './dataset';
import type { Problem } from './formats';

/** brat fragments for [start, end) of the text's code points: split at line breaks, empty fragments dropped. */
export function fragments(chars: string[], start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || chars[i] === '\n' || chars[i] === '\r') {
      if (i > s) out.push([s, i]);
      s = i + 1;
    }
  }
  return out;
}

const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ');

export const BRAT_CONF = `[entities]
PERSON
ORG
PLACE
DATE
Claim
Source
Cue

[relations]
Attribution	Arg1:Claim, Arg2:Source
HasCue	Arg1:Claim, Arg2:Cue
<OVERLAP>	Arg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Confidence	Arg:Claim, Value:low|medium|high|certain
Factuality	Arg:Claim, Value:asserted|reported|hedged|denied|unknown
`;

function confidenceLevel(c: number): string {
  return c >= 0.95 ? 'certain' : c >= 0.7 ? 'high' : c >= 0.4 ? 'medium' : 'low';
}

/** One article's .ann for the given annotator's annotations; spans brat cannot represent go to `problems`. */
export function toBratAnn(r: ArticleRecord, annotator?: string, problems: Problem[] = []): string {
  const lines: string[] = [];
  const chars = Array.from(r.text);
  let t = 0, a = 0, n = 0, rel = 0;
  const span = (type: string, s: SpanOut): string | undefined => {
    const frags = fragments(chars, s.start, s.end);
    if (!frags.length) {
      problems.push({ file: r.file, message: `${r.id}${annotator ? `@${annotator}` : ''}: ${type} ${JSON.stringify(s.text)} at ${s.start}..${s.end} is only line breaks, which brat cannot represent (a span needs a fragment); left out` });
      return undefined;
    }
    const id = `T${++t}`;
    lines.push(`${id}\t${type} ${frags.map(([x, y]) => `${x} ${y}`).join(';')}\t${frags.map(([x, y]) => chars.slice(x, y).join('')).join(' ')}`);
    return id;
  };
  const note = (id: string, text: string) => lines.push(`#${++n}\tAnnotatorNotes ${id}\t${oneLine(text)}`);
  for (const e of r.entities.filter((x) => !annotator || x.annotator === annotator)) {
    const id = span(e.label, e);
    if (!id) continue;
    const notes = [e.value ? `value=${e.value}` : '', e.canonical ? `canonical=${e.canonical}` : '', e.suggested ? 'suggested' : ''].filter(Boolean);
    if (notes.length) note(id, notes.join('; '));
  }
  for (const c of r.claims.filter((x) => !annotator || x.annotator === annotator)) {
    const id = span('Claim', c);
    if (!id) continue;
    lines.push(`A${++a}\tConfidence ${id} ${confidenceLevel(c.confidence)}`);
    if (c.factuality) lines.push(`A${++a}\tFactuality ${id} ${c.factuality}`);
    note(id, `source=${c.source}; confidence=${c.confidence}${c.note ? `; note=${c.note}` : ''}; id=${c.id}`);
    const source = c.source_span && span('Source', c.source_span);
    if (source) lines.push(`R${++rel}\tAttribution Arg1:${id} Arg2:${source}`);
    const cue = c.cue && span('Cue', c.cue);
    if (cue) lines.push(`R${++rel}\tHasCue Arg1:${id} Arg2:${cue}`);
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** One record's brat files: <id>.txt and <id>.ann (per annotator subfolder when layers are mixed). */
export function bratFiles(r: ArticleRecord, problems: Problem[] = []): [string, string][] {
  if (r.annotators.length <= 1) return [[`${r.id}.txt`, r.text], [`${r.id}.ann`, toBratAnn(r, undefined, problems)]];
  const files: [string, string][] = [];
  for (const who of r.annotators) files.push([`${who}/${r.id}.txt`, r.text], [`${who}/${r.id}.ann`, toBratAnn(r, who, problems)]);
  if (r.entities.some((e) => e.suggested)) files.push([`sift-detector/${r.id}.txt`, r.text], [`sift-detector/${r.id}.ann`, toBratAnn(r, 'sift-detector', problems)]);
  return files;
}
