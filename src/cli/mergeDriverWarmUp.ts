// What the merge driver's start runs before it writes a code cache (mergeDriverStart.ts): a small merge of each kind,
// so that a cache holds the code a merge of that kind runs, whatever the merge that happened to write it (one of two
// identical sides, say, runs almost none of it). Sidecars of three annotations and a claim, in Sift's plain layout;
// the yaml kind adds a comment between annotations, which takes a merge through `yaml`. Nothing is written or printed.
import { mergeSidecarTexts } from '../core/store/gitMerge';

const LEAD = '# Sift annotations: one annotator, one article. Offsets are Unicode code points, end-exclusive.\n# Format and JSON Schema: schemas/sidecar.schema.json in the Sift repository.\n\n';
const entity = (id: string, label: string, start: number, quote: string, prefix: string, suffix: string) =>
  `  - id: ${id}\n    label: ${label}\n    start: ${start}\n    end: ${start + quote.length}\n    quote: ${quote}\n    prefix: ${prefix}\n    suffix: ${suffix}\n`;
const E1 = entity('e1', 'PLACE', 0, 'Russia', '""', '" has evacuated some of its diplo"');
const E2 = entity('e2', 'PLACE', 48, 'Damascus', '"ated some of its diplomats from "', '", TASS said on Monday."');
const E3 = entity('e3', 'ORG', 58, 'TASS', '"of its diplomats from Damascus, "', '" said on Monday."');
const E4 = entity('e4', 'DATE', 70, 'Monday', '"TASS said on "', '.');
const CLAIMS = 'claims:\n  - id: c1\n    start: 0\n    end: 38\n    quote: Russia has evacuated some of its diplo\n    prefix: ""\n    suffix: mats from Damascus, TASS said on\n    source:\n      name: TASS\n    confidence: 0.5\n';
const HEAD = `${LEAD}sift: 1\narticle: warm-up.txt\nannotator: ana\nsha256: ${'e949bf5d961bfc0a61b0fca3f8a950a04f9ce12834f51bf3aefc51b1a6d6b926'}\nlength: 78\nentities:\n`;

/** A merge through the plain writer, or one through `yaml`. */
export type WarmUpKind = 'plain' | 'yaml';

/** The warm-up's three sides: ours relabels one annotation and notes another; theirs adds one and a date. */
export function warmUpSides(kind: WarmUpKind): { base: string; ours: string; theirs: string } {
  const base = `${HEAD}${E1}${E2}${E3}${CLAIMS}`;
  const ours = `${HEAD}${kind === 'yaml' ? '  # checked with the desk\n' : ''}${E1}    note: checked "twice"\n${E2.replace('PLACE', 'ORG')}${E3}${CLAIMS}`;
  const theirs = `${HEAD}${E1}${E2}${E3}${E4}${CLAIMS}published: 2024-12-16\n`;
  return { base, ours, theirs };
}

/** Merges the warm-up's sides of this kind in this process (its result is not kept). */
export function warmUp(kind: WarmUpKind): void {
  const { base, ours, theirs } = warmUpSides(kind);
  mergeSidecarTexts(base, ours, theirs, 'warm-up.ana.ann.yaml');
}
