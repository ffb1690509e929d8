// How review UI words units and versions, in one place for the hover, the quick pick and the review view. These
// return plain text; Markdown callers escape it (escapeMarkdown) where they build Markdown.
import { Annotation, isClaim } from '../../core/model';
import { Unit, UnitState, Version } from '../../core/review/units';

export const STATE_TEXT: Record<UnitState, string> = {
  agreed: 'agreed',
  label: 'labels differ',
  boundary: 'boundaries differ',
  missing: 'missing in some layers',
  feature: 'claim features differ',
  adjudicated: 'decided in gold',
};

/** A quote on one line, cut to `max` characters. */
export function shortQuote(quote: string, max = 60): string {
  const one = quote.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** What a version says: "PERSON · Bashar al-Assad", or "claim · source Kremlin · 0.75 · reported · cue said". */
export function versionText(v: Version): string {
  if (v.kind === 'entity') return `${v.label ?? '?'} · ${shortQuote(v.quote)}`;
  const c = v.claim;
  if (!c) return `claim · ${shortQuote(v.quote)}`;
  const parts = [`claim · source ${c.source.name}`, String(c.confidence)];
  if (c.factuality) parts.push(c.factuality);
  if (c.cue) parts.push(`cue "${c.cue.quote}"`);
  return `${parts.join(' · ')} · ${shortQuote(v.quote, 40)}`;
}

/** What a gold annotation says, in the same words as a version. */
export function annotationText(a: Annotation): string {
  if (!isClaim(a)) return `${a.label} · ${shortQuote(a.quote)}`;
  return `claim · source ${a.source.name} · ${a.confidence}${a.factuality ? ` · ${a.factuality}` : ''} · ${shortQuote(a.quote, 40)}`;
}

/** What gold decided on a unit, if anything: "rejected" or its annotations. */
export function goldText(u: Unit): string | undefined {
  if (u.dismissal) return 'rejected (not an annotation)';
  return u.gold.length ? u.gold.map(annotationText).join('; ') : undefined;
}

/** The unit's one-line summary for the view and the quick pick's title. */
export function unitText(u: Unit): string {
  const first = u.versions[0];
  return first ? versionText(first) : u.gold[0] ? annotationText(u.gold[0]) : `${u.kind} ${u.start}–${u.end}`;
}
