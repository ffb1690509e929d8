// Test builder for one annotator's layer on one article (pattern: vscode-pull-request-github src/test/builders/).
//
//   aLayer().forArticle(text, 'x.txt').by('ann1')
//     .withEntity('Moscow', 'PLACE')
//     .withClaim('Russia has evacuated some of its diplomats', { source: 'Russian Foreign Ministry', sourceSpan: true, cue: 'said' })
//     .build();
//
// Spans are given by their quote (its nth occurrence) or by code point offsets; offsets, quotes, prefix and suffix are
// computed here from the text in code points, independently of the core's own offset code, so a test built on them
// also checks the core. Builders are immutable: every call returns a new builder, so one base can be shared by several
// annotators and diverge (`base.by('ann2').withEntity(...)` leaves `base` alone).
import { createHash } from 'crypto';
import {
  Anchor, ClaimAnnotation, ClaimLink, DiscussionComment, EntityAnnotation, Factuality, FORMAT_VERSION, Layer, LayerStatus, Rejection, ReviewComment, SubSpan, Target,
  compareAnnotations,
} from '../../src/core/model';

/** Code points of context kept each side of a quote; the format says "up to 32" (schemas/sidecar.schema.json). */
export const CONTEXT = 32;

/** Where a span is: the nth (0-based) occurrence of a quote, or code point offsets [start, end). */
export type SpanSpec = string | { quote: string; nth?: number } | { start: number; end: number };

/** Code point span of the nth occurrence (0-based) of `quote` in `text`; throws when there is none. */
export function cpSpan(text: string, quote: string, nth = 0): { start: number; end: number } {
  if (quote === '') throw new Error('an empty quote has no span');
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`'${quote}' occurs ${i} time(s) in the text; occurrence ${nth} was asked for`);
  }
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(quote).length };
}

/** The quote and up to CONTEXT code points of context each side of [start, end), in code points. */
export function cpAnchor(text: string, start: number, end: number): Anchor {
  const cps = Array.from(text);
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= cps.length)) {
    throw new RangeError(`span ${start}..${end} is outside the text (0..${cps.length})`);
  }
  return {
    start,
    end,
    quote: cps.slice(start, end).join(''),
    prefix: cps.slice(Math.max(0, start - CONTEXT), start).join(''),
    suffix: cps.slice(end, end + CONTEXT).join(''),
  };
}

function locate(text: string, spec: SpanSpec, nth = 0): { start: number; end: number } {
  if (typeof spec === 'string') return cpSpan(text, spec, nth);
  if ('quote' in spec) return cpSpan(text, spec.quote, spec.nth ?? nth);
  return { start: spec.start, end: spec.end };
}

function subSpan(text: string, spec: SpanSpec): SubSpan {
  const { start, end } = locate(text, spec);
  return { start, end, quote: cpAnchor(text, start, end).quote };
}

export interface EntityOptions {
  /** Which occurrence of the quote (0-based) when the span is given by its quote. */
  nth?: number;
  id?: string;
  value?: string;
  canonical?: string;
  note?: string;
  orphaned?: boolean;
  created?: string;
  updated?: string;
}

export interface ClaimOptions {
  nth?: number;
  id?: string;
  /** The source's name (default 'unnamed source'). */
  source?: string;
  /** Where the text names the source: true for the first occurrence of the source's name, or a span. */
  sourceSpan?: true | SpanSpec;
  /** The attribution cue ('said', 'told', 'according to'), by its first occurrence or as a span. */
  cue?: SpanSpec;
  /** The annotator's confidence, 0..1 (default 0.5). */
  confidence?: number;
  factuality?: Factuality;
  links?: ClaimLink[];
  comments?: ReviewComment[];
  note?: string;
  orphaned?: boolean;
  created?: string;
  updated?: string;
}

type Spec = { kind: 'entity'; span: SpanSpec; label: string; o: EntityOptions } | { kind: 'claim'; span: SpanSpec; o: ClaimOptions };

interface State {
  text?: string;
  article: string;
  annotator: string;
  published?: string;
  status?: LayerStatus;
  /** The text the header's hash and length describe, when it is not `text` (a stale sidecar). */
  hashedText?: string;
  specs: readonly Spec[];
  rejected: readonly Rejection[];
  discussion?: readonly DiscussionComment[];
}

/** Copies `o` without its undefined values, so a built layer equals the same layer read back from YAML. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export class LayerBuilder {
  constructor(private readonly s: State = { article: 'article.txt', annotator: 'ann1', specs: [], rejected: [] }) {}

  private with(patch: Partial<State>): LayerBuilder {
    return new LayerBuilder({ ...this.s, ...patch });
  }

  /** The article's text (offsets are computed in it) and its file name (default 'article.txt'). */
  forArticle(text: string, name = this.s.article): LayerBuilder {
    return this.with({ text, article: name });
  }

  by(annotator: string): LayerBuilder {
    return this.with({ annotator });
  }

  published(date: string): LayerBuilder {
    return this.with({ published: date });
  }

  /** The header's `status` (an annotator's `finished`, gold's `adjudicated`...). */
  withStatus(status: LayerStatus): LayerBuilder {
    return this.with({ status });
  }

  /** Stamps the header with another text's hash and length, as a sidecar written before the article changed. */
  hashedAs(text: string): LayerBuilder {
    return this.with({ hashedText: text });
  }

  withEntity(span: SpanSpec, label: string, o: EntityOptions = {}): LayerBuilder {
    return this.with({ specs: [...this.s.specs, { kind: 'entity', span, label, o }] });
  }

  withClaim(span: SpanSpec, o: ClaimOptions = {}): LayerBuilder {
    return this.with({ specs: [...this.s.specs, { kind: 'claim', span, o }] });
  }

  rejecting(quote: string, label: string): LayerBuilder {
    return this.with({ rejected: [...this.s.rejected, { quote, label }] });
  }

  /** A comment by this layer's annotator on an annotation of any layer (`on`), kept in this layer's `discussion`. */
  commentingOn(on: Target, text: string, o: { id?: string; at?: string } = {}): LayerBuilder {
    const discussion = this.s.discussion ?? [];
    const comment = { id: o.id ?? `d-${this.s.annotator}-${discussion.length + 1}`, on, at: o.at ?? '2026-01-01T00:00:00.000Z', text };
    return this.with({ discussion: [...discussion, comment] });
  }

  get text(): string | undefined {
    return this.s.text;
  }

  get article(): string {
    return this.s.article;
  }

  get annotator(): string {
    return this.s.annotator;
  }

  /**
   * A valid core Layer. Ids are `e-<annotator>-<n>` and `c-<annotator>-<n>` in the order the annotations were added,
   * unless given; annotations are in the core's stable order (by start, then id), as a sidecar read back gives them.
   */
  build(): Layer {
    const { text } = this.s;
    if (text === undefined) throw new Error('aLayer(): call forArticle(text, name) before build()');
    const hashed = this.s.hashedText ?? text;
    const entities: EntityAnnotation[] = [];
    const claims: ClaimAnnotation[] = [];
    for (const spec of this.s.specs) {
      const { start, end } = locate(text, spec.span, spec.o.nth);
      const anchor = cpAnchor(text, start, end);
      if (spec.kind === 'entity') {
        const { id, value, canonical, note, orphaned, created, updated } = spec.o;
        entities.push(defined({
          id: id ?? `e-${this.s.annotator}-${entities.length + 1}`, label: spec.label, ...anchor, value, canonical, orphaned, note, created, updated,
        }));
      } else {
        const o = spec.o;
        const name = o.source ?? 'unnamed source';
        const sourceSpan = o.sourceSpan === true ? subSpan(text, name) : o.sourceSpan && subSpan(text, o.sourceSpan);
        claims.push(defined({
          id: o.id ?? `c-${this.s.annotator}-${claims.length + 1}`,
          ...anchor,
          source: sourceSpan ? { name, span: sourceSpan } : { name },
          confidence: o.confidence ?? 0.5,
          cue: o.cue === undefined ? undefined : subSpan(text, o.cue),
          factuality: o.factuality,
          links: o.links,
          comments: o.comments,
          orphaned: o.orphaned,
          note: o.note,
          created: o.created,
          updated: o.updated,
        }));
      }
    }
    const header = defined({
      sift: FORMAT_VERSION,
      article: this.s.article,
      sha256: createHash('sha256').update(hashed, 'utf8').digest('hex'),
      length: Array.from(hashed).length,
      annotator: this.s.annotator,
      published: this.s.published,
      status: this.s.status,
    });
    return {
      header,
      entities: entities.sort(compareAnnotations),
      claims: claims.sort(compareAnnotations),
      // In the order a sidecar keeps them: by label, then quote.
      ...(this.s.rejected.length ? { rejected: [...this.s.rejected].sort((a, b) => (a.label + a.quote < b.label + b.quote ? -1 : 1)) } : {}),
      ...(this.s.discussion ? { discussion: [...this.s.discussion] } : {}),
    };
  }
}

export function aLayer(): LayerBuilder {
  return new LayerBuilder();
}
