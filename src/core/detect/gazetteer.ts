// The workspace gazetteer: canonical entities with their labels and aliases (spelling variants), kept in a YAML file.
import Ajv, { ValidateFunction } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { Problem } from '../store/problems';
import schema from '../../../schemas/gazetteer.schema.json';
import { KnownNames } from './entities';

export const GAZETTEER_FILE = 'sift.gazetteer.yaml';

export interface GazetteerEntry {
  name: string;
  label: string;
  aliases?: string[];
  note?: string;
}

export interface Gazetteer {
  entities: GazetteerEntry[];
}

let validate: ValidateFunction | undefined;

/** Parses a gazetteer file; returns the problems (with line and column) instead of throwing. */
export function parseGazetteer(source: string, file: string): { gazetteer: Gazetteer; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((e) => ({ file, ...lines.linePos(e.pos[0]), severity: 'error' as const, code: 'yaml-syntax', message: e.message.split('\n')[0] }));
  if (problems.length) return { gazetteer: { entities: [] }, problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? { entities: [] };
  } catch (e) {
    return { gazetteer: { entities: [] }, problems: [{ file, line: 1, col: 1, severity: 'error', code: 'yaml-aliases', message: (e as Error).message }] };
  }
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (!validate(data)) {
    return {
      gazetteer: { entities: [] },
      problems: (validate.errors ?? []).map((e) => ({ file, line: 1, col: 1, severity: 'error' as const, code: 'schema', message: `${e.instancePath || '(top level)'}: ${e.message}` })),
    };
  }
  return { gazetteer: data as Gazetteer, problems: [] };
}

/** Names a detector looks up: exact spelling first, then case-insensitive. */
export class NameIndex implements KnownNames {
  private readonly exact = new Map<string, { label: string; canonical?: string; how: string }>();
  private readonly folded = new Map<string, { label: string; canonical?: string; how: string }>();
  maxWords = 1;
  /** First words (lower case) of the names of two or more words. */
  private readonly firsts = new Set<string>();
  /** Changes whenever the names change, so caches keyed on it stay right. */
  version = 0;

  add(text: string, label: string, how: string, canonical?: string): void {
    const key = text.trim().replace(/\s+/g, ' ');
    if (!key) return;
    const value = { label, how, ...(canonical && canonical !== key ? { canonical } : canonical ? { canonical } : {}) };
    if (!this.exact.has(key)) this.exact.set(key, value);
    if (!this.folded.has(key.toLowerCase())) this.folded.set(key.toLowerCase(), value);
    this.maxWords = Math.max(this.maxWords, key.split(' ').length);
    if (key.includes(' ')) this.firsts.add(key.toLowerCase().slice(0, key.toLowerCase().indexOf(' ')));
    this.version++;
  }

  addGazetteer(g: Gazetteer): void {
    for (const e of g.entities) {
      this.add(e.name, e.label, 'gazetteer', e.name);
      for (const a of e.aliases ?? []) this.add(a, e.label, 'gazetteer', e.name);
    }
  }

  get(text: string): { label: string; canonical?: string; how: string } | undefined {
    return this.exact.get(text) ?? this.folded.get(text.toLowerCase());
  }

  startsName(word: string): boolean {
    return this.firsts.size > 0 && this.firsts.has(word.toLowerCase());
  }

  get size(): number {
    return this.exact.size;
  }
}

/** Adds `alias` to the entry named `name` (creating it with `label`), keeping the rest of the file as it is. */
export function addAlias(source: string, name: string, label: string, alias: string): string {
  const doc = parseDocument(source || 'entities: []\n');
  const entities = doc.get('entities', true) as { items: unknown[] } | undefined;
  const data = (doc.toJS() as Gazetteer | null) ?? { entities: [] };
  const index = (data.entities ?? []).findIndex((e) => e.name === name);
  if (index === -1) {
    const node = doc.createNode({ name, label, aliases: alias === name ? [] : [alias] });
    if (entities && Array.isArray(entities.items)) entities.items.push(node);
    else doc.set('entities', doc.createNode([{ name, label, aliases: alias === name ? [] : [alias] }]));
  } else {
    const aliases = data.entities[index].aliases ?? [];
    if (!aliases.includes(alias) && alias !== name) doc.setIn(['entities', index, 'aliases'], doc.createNode([...aliases, alias]));
  }
  return doc.toString({ lineWidth: 0 });
}
