// brat standoff: for each article a .txt with the exact text and a .ann beside it. Offsets are character offsets
// into the .txt (code points); a span across a line break is written as fragments ("0 5;6 10"), as brat requires.
import { ArticleRecord, SpanOut } from './dataset';

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

/** One article's .ann for the given annotator's annotations. */
export function toBratAnn(r: ArticleRecord, annotator?: string): string {
  const lines: string[] = [];
  const chars = Array.from(r.text);
  let t = 0, a = 0, n = 0, rel = 0;
  const span = (type: string, s: SpanOut): string => {
    const frags = fragments(chars, s.start, s.end);
    const id = `T${++t}`;
    lines.push(`${id}\t${type} ${frags.map(([x, y]) => `${x} ${y}`).join(';')}\t${frags.map(([x, y]) => chars.slice(x, y).join('')).join(' ')}`);
    return id;
  };
  const note = (id: string, text: string) => lines.push(`#${++n}\tAnnotatorNotes ${id}\t${oneLine(text)}`);
  for (const e of r.entities.filter((x) => !annotator || x.annotator === annotator)) {
    const id = span(e.label, e);
    const notes = [e.value ? `value=${e.value}` : '', e.canonical ? `canonical=${e.canonical}` : '', e.suggested ? 'suggested' : ''].filter(Boolean);
    if (notes.length) note(id, notes.join('; '));
  }
  for (const c of r.claims.filter((x) => !annotator || x.annotator === annotator)) {
    const id = span('Claim', c);
    lines.push(`A${++a}\tConfidence ${id} ${confidenceLevel(c.confidence)}`);
    if (c.factuality) lines.push(`A${++a}\tFactuality ${id} ${c.factuality}`);
    note(id, `source=${c.source}; confidence=${c.confidence}${c.note ? `; note=${c.note}` : ''}; id=${c.id}`);
    if (c.source_span) lines.push(`R${++rel}\tAttribution Arg1:${id} Arg2:${span('Source', c.source_span)}`);
    if (c.cue) lines.push(`R${++rel}\tHasCue Arg1:${id} Arg2:${span('Cue', c.cue)}`);
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** One record's brat files: <id>.txt and <id>.ann (per annotator subfolder when layers are mixed). */
export function bratFiles(r: ArticleRecord): [string, string][] {
  if (r.annotators.length <= 1) return [[`${r.id}.txt`, r.text], [`${r.id}.ann`, toBratAnn(r)]];
  const files: [string, string][] = [];
  for (const who of r.annotators) files.push([`${who}/${r.id}.txt`, r.text], [`${who}/${r.id}.ann`, toBratAnn(r, who)]);
  if (r.entities.some((e) => e.suggested)) files.push([`sift-detector/${r.id}.txt`, r.text], [`sift-detector/${r.id}.ann`, toBratAnn(r, 'sift-detector')]);
  return files;
}
