// How `yaml` writes a scalar in a sidecar, with the options serializeSidecar uses (no folding, a line break always
// escaped): the one copy of these rules for the two writers that stand in for serializeSidecar without the `yaml`
// document, freshSidecar.ts (a new sidecar) and plainWriter.ts (the merge driver's rewrite). Each is held
// byte-identical to serializeSidecar by its property test. What these rules do not cover is declined (Declined), and
// the writer's caller takes serializeSidecar's path.
import { nonStringTests } from './yamlScalarTags';

/** Thrown inside a writer when a value is outside these rules; the caller then writes with serializeSidecar. */
export class Declined extends Error {}
export const decline = (): never => {
  throw new Declined();
};

/** How a string scalar is written: plain, or in double or single quotes. */
export type Quote = 'plain' | 'double' | 'single';
export type Scalar = string | number | boolean | null;

/**
 * `yaml`'s tests as one regular expression, their sources as alternatives: one match instead of eight for every string
 * written (the merge driver runs cold, where each match is a call from the interpreter and each expression is compiled
 * on first use). Tests with flags, that name a group or refer back to one (whose numbers joining would shift) are kept
 * apart and tried one by one.
 */
export function unitedTests(tests: readonly RegExp[]): { united: RegExp | undefined; apart: RegExp[] } {
  const together = tests.filter((t) => t.flags === '' && !t.source.includes('(?<') && !/\\[1-9]/.test(t.source));
  const apart = tests.filter((t) => !together.includes(t));
  return { united: together.length ? new RegExp(together.map((t) => `(?:${t.source})`).join('|')) : undefined, apart };
}

let united: ReturnType<typeof unitedTests> | undefined;

/**
 * `yaml`'s tests for the core schema's other types (null, bool, int, float): a string they match must be quoted. They
 * come from yamlScalarTags.ts, which the merge driver's bundle replaces by the list computed at build time.
 */
export function looksLikeOtherType(s: string): boolean {
  united ??= unitedTests(nonStringTests());
  if (united.united?.test(s)) return true;
  // Indexed, without a closure: the merge driver calls this for every string it writes, cold.
  const apart = united.apart;
  for (let i = 0; i < apart.length; i++) if (apart[i].test(s)) return true;
  return false;
}

/** What `yaml` will not write plain (stringifyString.js's plainString): indicators at the start, `: `, ` #`, edge spaces. */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/**
 * Line breaks and tabs, and a space at either end (serializeSidecar's styleNode); control characters and lone
 * surrogates (`yaml`'s own rule). One expression, as a module constant: a literal in a function is a new object per call.
 */
// eslint-disable-next-line no-control-regex -- the characters `yaml` writes double-quoted
const FORCED_DOUBLE = /[\n\r\t]|^\s|\s$|[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

/** Whether a string is double-quoted whatever its node's style (FORCED_DOUBLE). */
export const forcedDouble = (v: string): boolean => FORCED_DOUBLE.test(v);

/**
 * The quotes `yaml` gives a new string value in a block map or list (not a key, and never at indent 0, where it would
 * write a string starting a document marker as a block scalar): single quotes for one with `"` and no `'`.
 */
export function defaultQuote(v: string): Quote {
  if (forcedDouble(v)) return 'double';
  if (NOT_PLAIN.test(v) || looksLikeOtherType(v)) return v.includes('"') && !v.includes("'") ? 'single' : 'double';
  return 'plain';
}

const SHORT_ESCAPES: Record<string, string> = { '0000': '\\0', '0007': '\\a', '000b': '\\v', '001b': '\\e', '0085': '\\N', '00a0': '\\_', '2028': '\\L', '2029': '\\P' };

/** `yaml`'s double-quoted string on one line (no folding: lineWidth 0, doubleQuotedMinMultiLineLength unlimited). */
export function doubleQuoted(value: string): string {
  const json = JSON.stringify(value);
  // Only JSON's escapes are rewritten (and a space before an escaped line break): without a backslash it is as it is.
  if (!json.includes('\\')) return json;
  let str = '';
  let start = 0;
  for (let i = 0; i < json.length; i++) {
    if (json[i] === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      str += `${json.slice(start, i)}\\ `;
      start = i + 1;
      continue;
    }
    if (json[i] !== '\\') continue;
    if (json[i + 1] === 'u') {
      const code = json.substr(i + 2, 4);
      str += json.slice(start, i) + (SHORT_ESCAPES[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : json.substr(i, 6)));
      i += 5;
      start = i + 1;
    } else i += 1;
  }
  return start ? str + json.slice(start) : json;
}

/** A string value in the given quotes (a forced double quote wins over the one asked for), else in its default ones. */
export function stringText(v: string, quote?: Quote): string {
  const q = quote === undefined ? defaultQuote(v) : forcedDouble(v) ? 'double' : quote;
  return q === 'plain' ? v : q === 'single' ? `'${v.replace(/'/g, "''")}'` : doubleQuoted(v);
}

/** A scalar value as `yaml` writes it (-0 as `-0`); declines NaN and the infinities, which it writes otherwise. */
export function scalarText(v: Scalar, quote?: Quote): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? '-0' : JSON.stringify(v)) : decline();
  return stringText(v, quote);
}

/** Keys already found plain: a sidecar has a few dozen, written again and again. */
const plainKeys = new Set<string>();
/** A map key written plain: a simple name that no other type claims (anything else is declined). */
export function keyText(k: string): string {
  if (plainKeys.has(k)) return k;
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) || looksLikeOtherType(k)) decline();
  if (plainKeys.size > 1000) plainKeys.clear();
  plainKeys.add(k);
  return k;
}
