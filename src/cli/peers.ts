// The peer libraries Sift is measured against, each wrapped to give mentions in code points on the same text.
// They are development dependencies: `sift eval` and `npm run bench` load them only when they are installed.
import { Mention } from '../core/review/spanScore';
import { OffsetIndex } from '../core/text/offsets';

export interface Peer {
  name: string;
  labels: string[];
  detect(text: string, reference: Date): Mention[];
}

/** Finds a peer's reported text near the offset it gave, and returns code points. */
function place(text: string, index: OffsetIndex, found: string, near: number, label: string, value?: string): Mention | undefined {
  if (!found) return undefined;
  let at = text.indexOf(found, Math.max(0, near - 8));
  if (at === -1) at = text.indexOf(found);
  if (at === -1) return undefined;
  const m: Mention = { start: index.toCp(at), end: index.toCp(at + found.length), label, text: found };
  if (value !== undefined) m.value = value;
  return m;
}

function tryRequire<T>(id: string): T | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the peers are optional: loaded only when installed
    return require(id) as T;
  } catch {
    return undefined;
  }
}

type Compromise = (t: string) => Record<'people' | 'places' | 'organizations', () => { out(f: 'offset'): { text: string; offset: { start: number } }[] }>;

export function compromisePeer(): Peer | undefined {
  const nlp = tryRequire<Compromise>('compromise');
  if (!nlp) return undefined;
  return {
    name: 'compromise',
    labels: ['PERSON', 'ORG', 'PLACE'],
    detect(text) {
      const index = new OffsetIndex(text);
      const doc = nlp(text);
      const out: Mention[] = [];
      for (const [fn, label] of [['people', 'PERSON'], ['places', 'PLACE'], ['organizations', 'ORG']] as const) {
        for (const m of doc[fn]().out('offset')) {
          const p = place(text, index, m.text, m.offset.start, label);
          if (p) out.push(p);
        }
      }
      return out;
    },
  };
}

interface ChronoComponent { isCertain(c: string): boolean; get(c: string): number | null }
type Chrono = { parse(t: string, ref: Date): { index: number; text: string; start: ChronoComponent }[] };

/** chrono-node's value at the precision it is certain of: a day, a month or a year. */
function chronoValue(c: ChronoComponent): string {
  const pad = (n: number | null, w = 2) => String(n ?? 0).padStart(w, '0');
  const y = pad(c.get('year'), 4);
  if (c.isCertain('day') || c.isCertain('weekday')) return `${y}-${pad(c.get('month'))}-${pad(c.get('day'))}`;
  if (c.isCertain('month')) return `${y}-${pad(c.get('month'))}`;
  return y;
}

export function chronoPeer(): Peer | undefined {
  const chrono = tryRequire<Chrono>('chrono-node');
  if (!chrono) return undefined;
  return {
    name: 'chrono-node',
    labels: ['DATE'],
    detect(text, reference) {
      const index = new OffsetIndex(text);
      return chrono.parse(text, reference).map((r) => place(text, index, r.text, r.index, 'DATE', chronoValue(r.start))).filter((m): m is Mention => !!m);
    },
  };
}

interface WinkDoc { entities(): { out(f: unknown): unknown[] }; tokens(): { out(f?: unknown): unknown[] } }
type Wink = { readDoc(t: string): WinkDoc; its: Record<string, unknown> };

export function winkPeer(): Peer | undefined {
  const winkNLP = tryRequire<(m: unknown) => Wink>('wink-nlp');
  const model = tryRequire<unknown>('wink-eng-lite-web-model');
  if (!winkNLP || !model) return undefined;
  const nlp = winkNLP(model);
  return {
    name: 'wink-nlp',
    labels: ['DATE'],
    detect(text) {
      const index = new OffsetIndex(text);
      const doc = nlp.readDoc(text);
      const values = doc.tokens().out() as string[];
      const spaces = doc.tokens().out(nlp.its.precedingSpaces) as string[];
      const starts: number[] = [];
      let at = 0;
      values.forEach((v, i) => {
        at += spaces[i].length;
        const found = text.indexOf(v, at);
        at = found === -1 ? at : found;
        starts.push(at);
        at += v.length;
      });
      const spans = doc.entities().out(nlp.its.span) as [number, number][];
      const types = doc.entities().out(nlp.its.type) as string[];
      const out: Mention[] = [];
      spans.forEach(([a, b], i) => {
        if (types[i] !== 'DATE') return;
        const s = starts[a];
        const e = starts[b] + values[b].length;
        out.push({ start: index.toCp(s), end: index.toCp(e), label: 'DATE', text: text.slice(s, e) });
      });
      return out;
    },
  };
}
