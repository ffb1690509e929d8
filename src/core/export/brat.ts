// brat standoff: for each article a .txt with the exact text and a .ann beside it. Offsets are character offsets
// into the .txt (code points); a span across a line break is written as fragments ("0 5;6 10"), as brat requires.
// A span made only of line breaks has no fragment, which brat cannot represent: it is reported and left out, with
// whatever refers to it (a claim's attributes, notes and relations; a source's or cue's relation).
import { BUILTIN_LABELS } from '../model';
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

/** Claims' named confidence levels (the `sift.confidenceLevels` setting) when none are configured. */
export const DEFAULT_CONFIDENCE_LEVELS: Readonly<Record<string, number>> = { low: 0.25, medium: 0.5, high: 0.75, certain: 1 };
/** The lowest confidence of each default level: the cut points Sift has always used for them. */
const DEFAULT_CUTS = [-Infinity, 0.4, 0.7, 0.95];
/** An entity label as sidecars and `sift.labels` spell it: upper case, digits and `_`. */
export const isEntityLabel = (l: unknown): l is string => typeof l === 'string' && /^[A-Z][A-Z0-9_]*$/.test(l);

/** A level as brat's attribute value: no spaces or separators (`quite likely` -> `quite_likely`). */
const bratValue = (name: string) => name.trim().replace(/[\s|,:;=]+/g, '_') || '_';

/** Confidence levels in increasing value, each with the lowest confidence it takes. */
export interface LevelBand {
  name: string;
  from: number;
}

/**
 * The levels brat's Confidence attribute takes: the configured ones (default low, medium, high, certain), in
 * increasing value. A claim takes the level nearest its confidence (the higher one when midway); the default levels keep
 * the cut points Sift has always used (0.4, 0.7, 0.95). Levels that are not numbers from 0 to 1 mean the defaults.
 */
export function confidenceBands(levels: unknown = DEFAULT_CONFIDENCE_LEVELS): LevelBand[] {
  const given = levels && typeof levels === 'object' ? Object.entries(levels as Record<string, unknown>) : [];
  const valid = given.length > 0 && given.every(([, v]) => typeof v === 'number' && v >= 0 && v <= 1);
  const entries = (valid ? given as [string, number][] : Object.entries(DEFAULT_CONFIDENCE_LEVELS)).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const isDefault = entries.length === 4 && entries.every(([k, v]) => DEFAULT_CONFIDENCE_LEVELS[k] === v);
  return entries.map(([name, v], i) => ({ name: bratValue(name), from: isDefault ? DEFAULT_CUTS[i] : i === 0 ? -Infinity : (entries[i - 1][1] + v) / 2 }));
}

function confidenceLevel(c: number, bands: LevelBand[]): string {
  let level = bands[0].name;
  for (const b of bands) if (c >= b.from) level = b.name;
  return level;
}

/**
 * brat's annotation.conf: the built-in labels, then the other entity labels given (the workspace's and those the data
 * uses), sorted; Claim, Source and Cue; and the confidence levels. With the defaults it is the file Sift always wrote.
 */
export function bratConf(labels: Iterable<string> = [], bands: LevelBand[] = confidenceBands()): string {
  const builtin = new Set<string>(BUILTIN_LABELS);
  const extra = [...new Set([...labels].filter((l) => isEntityLabel(l) && !builtin.has(l)))].sort();
  return `[entities]
${[...BUILTIN_LABELS, ...extra].join('\n')}
Claim
Source
Cue

[relations]
Attribution\tArg1:Claim, Arg2:Source
HasCue\tArg1:Claim, Arg2:Cue
<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Confidence\tArg:Claim, Value:${[...new Set(bands.map((b) => b.name))].join('|')}
Factuality\tArg:Claim, Value:asserted|reported|hedged|denied|unknown
`;
}

/** One article's .ann for the given annotator's annotations; spans brat cannot represent go to `problems`. */
export function toBratAnn(r: ArticleRecord, annotator?: string, problems: Problem[] = [], bands: LevelBand[] = confidenceBands()): string {
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
    lines.push(`A${++a}\tConfidence ${id} ${confidenceLevel(c.confidence, bands)}`);
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
export function bratFiles(r: ArticleRecord, problems: Problem[] = [], bands: LevelBand[] = confidenceBands()): [string, string][] {
  if (r.annotators.length <= 1) return [[`${r.id}.txt`, r.text], [`${r.id}.ann`, toBratAnn(r, undefined, problems, bands)]];
  const files: [string, string][] = [];
  const layer = (who: string): [string, string][] => [[`${who}/${r.id}.txt`, r.text], [`${who}/${r.id}.ann`, toBratAnn(r, who, problems, bands)]];
  for (const who of r.annotators) files.push(...layer(who));
  if (r.entities.some((e) => e.suggested)) files.push(...layer('sift-detector'));
  return files;
}
