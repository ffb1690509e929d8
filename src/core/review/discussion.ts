// Discussion on any annotation (core, no `vscode`). Every layer of an article may carry `discussion`: the comments its
// own annotator wrote, each on an annotation (annotator and id) of any layer of the same article. This module gathers
// them into threads, one per discussed annotation, and makes the changes an author may make to their own comments.
// A comment is only ever written into its author's own layer: every change here takes that layer and its owner.
import { place } from '../anchor/place';
import { Annotation, AnnotationKind, DiscussionComment, Layer, Target, allAnnotations, isClaim, kindOf } from '../model';
import { ArticleText } from '../text/article';
import { LayerInput } from './units';

/** A comment with its author: the annotator of the layer it is stored in. */
export interface AuthoredComment extends DiscussionComment {
  author: string;
}

/** Where the discussed annotation stands now: on its span, orphaned (kept on its last span), or gone from its layer. */
export type TargetState = 'live' | 'orphaned' | 'deleted';

export interface ThreadTarget {
  state: TargetState;
  kind?: AnnotationKind;
  /** Entities: the label; claims: `CLAIM`. */
  label?: string;
  /** The span on the current text (live), or its last one (orphaned); none when deleted. */
  start?: number;
  end?: number;
  quote?: string;
}

export interface Thread {
  /** `<annotator>/<id>` of the discussed annotation: unique per article. */
  key: string;
  on: Target;
  /** Every entry with text, oldest first (by `at`, then id). */
  comments: AuthoredComment[];
  /** Resolve and reopen entries, oldest first. */
  statusChanges: AuthoredComment[];
  /** From the latest status change (by `at`, across every layer); a thread nobody resolved is open. */
  resolved: boolean;
  /** Who made the latest status change, if anyone. */
  statusBy?: string;
  /** The latest `at` of any entry: a new entry goes after it. */
  latestAt: string;
  target: ThreadTarget;
}

/** An annotation of some layer, placed on the article's current text. */
export interface PlacedAnnotation {
  annotator: string;
  annotation: Annotation;
  start: number;
  end: number;
  orphaned: boolean;
}

export const threadKey = (t: Target): string => `${t.annotator}/${t.id}`;

/** The annotation a thread key names (annotator slugs and ids hold no `/`); undefined for anything else. */
export function parseThreadKey(key: string): Target | undefined {
  const m = /^([^/]+)\/([^/]+)$/.exec(key);
  return m ? { annotator: m[1], id: m[2] } : undefined;
}

const time = (at: string): number => {
  const t = Date.parse(at);
  return Number.isNaN(t) ? 0 : t;
};
const collator = new Intl.Collator('en', { numeric: true });

/** Oldest first: by time, then id (numeric parts compared as numbers), then author. */
export function compareComments(a: AuthoredComment, b: AuthoredComment): number {
  return time(a.at) - time(b.at) || collator.compare(a.id, b.id) || collator.compare(a.author, b.author);
}

export interface PlaceLayerOptions {
  /** The layer's offsets are the text's own (a live session's layer, whose header is stamped only when saved). */
  current?: boolean;
  /** Only these annotations (by thread key), such as those discussed. */
  only?: ReadonlySet<string>;
}

/** The thread keys of every annotation some layer discusses. */
export function discussedKeys(layers: readonly LayerInput[]): Set<string> {
  return new Set(layers.flatMap((l) => (l.layer.discussion ?? []).map((c) => threadKey(c.on))));
}

/**
 * Places every annotation of `layer` on the article's current text: as it is when the layer was written for this very
 * text and its quote stands there, else re-anchored by quote and context (a colleague's layer written for an older
 * version of the text). Orphans keep their last span.
 */
export function placeLayer(input: LayerInput, article: ArticleText, { current = input.layer.header.sha256 === article.sha256, only }: PlaceLayerOptions = {}): PlacedAnnotation[] {
  const wanted = only ? allAnnotations(input.layer).filter((a) => only.has(threadKey({ annotator: input.annotator, id: a.id }))) : allAnnotations(input.layer);
  return wanted.map((a) => {
    const p = place(a, article, { current });
    const orphaned = p.outcome === 'orphaned';
    return { annotator: input.annotator, annotation: a, start: p.anchor.start, end: p.anchor.end, orphaned };
  });
}

const narrowestFirst = (a: PlacedAnnotation, b: PlacedAnnotation): number =>
  (a.end - a.start) - (b.end - b.start) || a.start - b.start || collator.compare(a.annotator, b.annotator) || collator.compare(a.annotation.id, b.annotation.id);

/** The annotations of every layer whose span covers code point `cp` (touching its ends counts), narrowest first. */
export function annotationsAt(placed: readonly PlacedAnnotation[], cp: number): PlacedAnnotation[] {
  return placed.filter((p) => !p.orphaned && p.start <= cp && cp <= p.end).sort(narrowestFirst);
}

/** The annotations under [start, end): at `start` when the span is empty (a cursor), else those overlapping it. */
export function annotationsIn(placed: readonly PlacedAnnotation[], start: number, end: number): PlacedAnnotation[] {
  if (start >= end) return annotationsAt(placed, start);
  return placed.filter((p) => !p.orphaned && p.start < end && start < p.end).sort(narrowestFirst);
}

/** "PERSON · Moscow · bob": a label, a quote (shortened) and an annotator, for a quick pick or a thread's heading. */
export function describeSpan(label: string, quote: string, annotator: string): string {
  const cps = [...quote];
  return `${label} · ${cps.length > 40 ? `${cps.slice(0, 39).join('')}…` : quote} · ${annotator}`;
}

/** What an annotation is: "PERSON · Moscow · bob", "CLAIM · Russia has evacuated… · ana". */
export function describeAnnotation(annotator: string, a: Annotation): string {
  return describeSpan(isClaim(a) ? 'CLAIM' : a.label, a.quote, annotator);
}

function targetOf(on: Target, placed: ReadonlyMap<string, PlacedAnnotation>): ThreadTarget {
  const p = placed.get(threadKey(on));
  if (!p) return { state: 'deleted' };
  const a = p.annotation;
  return { state: p.orphaned ? 'orphaned' : 'live', kind: kindOf(a), label: isClaim(a) ? 'CLAIM' : a.label, start: p.start, end: p.end, quote: a.quote };
}

/**
 * The threads of one article, from all its layers (each annotator's and gold's): one per discussed annotation, with its
 * comments in order, its state from the latest status change, and its target's span on the current text (`placed`,
 * from placeLayer over the same layers). A thread whose annotation is orphaned or gone is kept and says so.
 */
export function buildThreads(layers: readonly LayerInput[], placed: readonly PlacedAnnotation[]): Thread[] {
  const byKey = new Map<string, AuthoredComment[]>();
  for (const { annotator, layer } of layers) {
    for (const c of layer.discussion ?? []) {
      const key = threadKey(c.on);
      const list = byKey.get(key) ?? [];
      list.push({ ...c, author: annotator });
      byKey.set(key, list);
    }
  }
  const targets = new Map(placed.map((p) => [threadKey({ annotator: p.annotator, id: p.annotation.id }), p]));
  const threads: Thread[] = [];
  for (const [key, entries] of byKey) {
    entries.sort(compareComments);
    const statusChanges = entries.filter((c) => c.resolved !== undefined);
    const last = statusChanges[statusChanges.length - 1];
    threads.push({
      key,
      on: { ...entries[0].on },
      comments: entries.filter((c) => c.text !== undefined),
      statusChanges,
      resolved: last?.resolved ?? false,
      ...(last ? { statusBy: last.author } : {}),
      latestAt: entries.reduce((m, c) => (time(c.at) > time(m) ? c.at : m), entries[0].at),
      target: targetOf(entries[0].on, targets),
    });
  }
  return threads.sort((a, b) => (a.target.start ?? Infinity) - (b.target.start ?? Infinity) || collator.compare(a.key, b.key));
}

/** Open threads: not resolved. */
export function unresolvedCount(threads: readonly Thread[]): number {
  return threads.filter((t) => !t.resolved).length;
}

/**
 * The time to record for a new entry: `now`, or just after `after` (the thread's latest entry) when a clock behind
 * a colleague's would put it before what the author saw, so the author's latest word is the latest.
 */
export function entryTime(now: string, after?: string): string {
  if (!after || time(now) > time(after)) return now;
  // In the precision of `now` (whole seconds, or milliseconds), so times written by one clock also sort as text.
  const seconds = !/\.\d+/.test(now);
  const next = new Date(time(after) + (seconds ? 1000 - (time(after) % 1000) : 1)).toISOString();
  return seconds ? next.replace(/\.\d{3}Z$/, 'Z') : next;
}

/** A comment id unique within the author's layer: `c-<base36 of the time>-<n>`. */
export function newCommentId(layer: Pick<Layer, 'discussion'>, at: string): string {
  const taken = new Set((layer.discussion ?? []).map((c) => c.id));
  const base = `c-${time(at).toString(36)}`;
  for (let n = 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A comment by `owner` on someone's comment: refused, since a comment lives only in its author's own layer. */
export class NotYourCommentError extends Error {
  constructor(owner: string, author: string, id: string) {
    super(`${owner} cannot change ${author}'s comment ${id}: a comment is changed only by its author, in their own sidecar`);
  }
}

export interface CommentRef {
  /** The comment's author: the annotator of the layer it is stored in. */
  author: string;
  id: string;
}

function ownComment(layer: Layer, owner: string, ref: CommentRef): DiscussionComment {
  if (ref.author !== owner) throw new NotYourCommentError(owner, ref.author, ref.id);
  const c = (layer.discussion ?? []).find((x) => x.id === ref.id);
  if (!c) throw new Error(`no comment ${ref.id} by ${owner}`);
  return c;
}

/** Adds a comment by the layer's owner on `on`; `after` is the thread's latest entry, if any. */
export function addComment(layer: Layer, on: Target, text: string, now: string, after?: string): DiscussionComment {
  if (!text.trim()) throw new Error('a comment needs some text');
  const at = entryTime(now, after);
  const c: DiscussionComment = { id: newCommentId(layer, at), on: { annotator: on.annotator, id: on.id }, at, text };
  layer.discussion = [...(layer.discussion ?? []), c];
  return c;
}

/** Changes the text of the owner's own comment and records when. */
export function editComment(layer: Layer, owner: string, ref: CommentRef, text: string, now: string): DiscussionComment {
  if (!text.trim()) throw new Error('a comment needs some text');
  const c = ownComment(layer, owner, ref);
  const next: DiscussionComment = { ...c, text, updated: now };
  layer.discussion = (layer.discussion ?? []).map((x) => (x.id === c.id ? next : x));
  return next;
}

/** Deletes the owner's own comment. */
export function deleteComment(layer: Layer, owner: string, ref: CommentRef): DiscussionComment {
  const c = ownComment(layer, owner, ref);
  layer.discussion = (layer.discussion ?? []).filter((x) => x.id !== c.id);
  if (!layer.discussion.length) delete layer.discussion;
  return c;
}

/** Resolves (or reopens) the thread on `on`: a status entry in the owner's layer, later than `after`. */
export function setResolved(layer: Layer, on: Target, resolved: boolean, now: string, after?: string): DiscussionComment {
  const at = entryTime(now, after);
  const c: DiscussionComment = { id: newCommentId(layer, at), on: { annotator: on.annotator, id: on.id }, at, resolved };
  layer.discussion = [...(layer.discussion ?? []), c];
  return c;
}
