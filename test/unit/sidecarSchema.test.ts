import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import schema from '../../schemas/sidecar.schema.json';
import { Annotation, isClaim, isEntity, ClaimAnnotation, ClaimLink, ClaimSource, DiscussionComment, Dismissal, EntityAnnotation, Layer, Rejection, ReviewComment, SidecarHeader, SubSpan, Target } from '../../src/core/model';
import { ArticleSession } from '../../src/core/session/session';
import { CLAIM_KEYS, COMMENT_KEYS, DISMISSAL_KEYS, ENTITY_KEYS, HEADER_KEYS } from '../../src/core/store/sidecarKeys';
import { sidecarPathFor } from '../../src/core/store/paths';
import { parseSidecar, readSidecarFast, serializeSidecar } from '../../src/core/store/sidecarFormat';
import { validateSidecar } from '../../src/core/store/validate';
import { A0, fixedOptions, tmpCorpus } from './helpers/tmp';

/** An article with a saved sidecar holding two entities and a claim, and the sidecar's path. */
function savedCorpus(): { article: string; sidecar: string; ids: string[] } {
  const dir = tmpCorpus([A0]);
  const article = path.join(dir, A0);
  const s = ArticleSession.open(article, 'ana', fixedOptions());
  const text = s.article.text;
  const at = (q: string) => ({ start: Array.from(text.slice(0, text.indexOf(q))).length, end: Array.from(text.slice(0, text.indexOf(q))).length + Array.from(q).length });
  const e1 = s.addEntity({ ...at('Moscow'), label: 'PLACE' });
  const e2 = s.addEntity({ ...at('Damascus'), label: 'PLACE' });
  const c1 = s.addClaim({ ...at('Russia has evacuated'), source: { name: 'TASS' }, confidence: 0.5 });
  s.sidecar.save();
  return { article, sidecar: sidecarPathFor(article, 'ana'), ids: [e1.id, e2.id, c1.id] };
}

/** The saved sidecar with the second entity and the claim given the first entity's id, as a hand edit or a bad merge leaves it. */
function withDuplicateIds(): { article: string; sidecar: string; id: string; text: string } {
  const { article, sidecar, ids } = savedCorpus();
  const text = fs.readFileSync(sidecar, 'utf8').split(`id: ${ids[1]}`).join(`id: ${ids[0]}`).split(`id: ${ids[2]}`).join(`id: ${ids[0]}`);
  fs.writeFileSync(sidecar, text);
  return { article, sidecar, id: ids[0], text };
}

const quotes = (s: ArticleSession) => [...s.layer.entities, ...s.layer.claims].map((a) => a.quote).sort();

describe('sidecar schema: duplicate ids', () => {
  it('renames duplicates on load (<id>-dup-2, -dup-3, unique across entities and claims), keeps them and warns', () => {
    const { sidecar, id, text } = withDuplicateIds();
    const parsed = parseSidecar(text, sidecar);
    const ids = [...parsed.layer.entities, ...parsed.layer.claims].map((a) => a.id);
    assert.deepStrictEqual(ids, [id, `${id}-dup-2`, `${id}-dup-3`]);
    assert.deepStrictEqual(parsed.warnings.map((w) => [w.severity, w.code, w.id]), [['warning', 'duplicate-id', `${id}-dup-2`], ['warning', 'duplicate-id', `${id}-dup-3`]]);
    assert.ok(parsed.warnings[0].line > 0, 'the warning points at the line');
    assert.deepStrictEqual(readSidecarFast(text, sidecar), parsed.layer, 'export reads the same layer');
  });

  it('sift validate still reports the duplicate in the file as an error', () => {
    const { sidecar, id } = withDuplicateIds();
    const dup = validateSidecar(sidecar).filter((p) => p.code === 'duplicate-id');
    assert.deepStrictEqual(dup.map((p) => [p.severity, p.id, p.message]), [
      ['error', id, `id '${id}' is used twice (first at /entities/0)`],
      ['error', id, `id '${id}' is used twice (first at /entities/0)`],
    ]);
  });

  it('update and delete touch one annotation, never every one that shared the id; the rename is written on save', () => {
    const { article, sidecar, id } = withDuplicateIds();
    const s = ArticleSession.open(article, 'ana', fixedOptions());
    assert.strictEqual(s.layer.entities.length + s.layer.claims.length, 3);
    s.update(id, { note: 'checked' });
    assert.deepStrictEqual([...s.layer.entities, ...s.layer.claims].filter((a) => a.note === 'checked').length, 1);
    s.remove(id);
    assert.deepStrictEqual(quotes(s), ['Damascus', 'Russia has evacuated']);
    s.sidecar.save();
    const back = parseSidecar(fs.readFileSync(sidecar, 'utf8'), sidecar);
    assert.deepStrictEqual([...back.layer.entities, ...back.layer.claims].map((a) => a.id), [`${id}-dup-2`, `${id}-dup-3`]);
    assert.deepStrictEqual(back.warnings, []);
  });

  it('a merge with a file on disk that has duplicate ids keeps every annotation', () => {
    const { article, sidecar, text } = withDuplicateIds();
    const s = ArticleSession.open(article, 'ana', fixedOptions());
    s.addEntity({ start: 0, end: 6, label: 'ORG' }); // unsaved work, so the reload merges
    fs.writeFileSync(sidecar, text.replace('label: PLACE', 'label: PLACE\n    note: theirs'));
    const r = s.sidecar.reload();
    assert.strictEqual(r.outcome, 'merged');
    assert.deepStrictEqual(quotes(s), ['Damascus', 'Moscow', 'Moscow', 'Russia has evacuated']);
    assert.strictEqual(new Set([...s.layer.entities, ...s.layer.claims].map((a) => a.id)).size, 4);
  });

  it('a renamed id stays within the schema\'s 64 characters', () => {
    const { sidecar, id, text } = withDuplicateIds();
    const long = 'x'.repeat(64);
    const parsed = parseSidecar(text.split(`id: ${id}`).join(`id: ${long}`), sidecar);
    for (const a of [...parsed.layer.entities, ...parsed.layer.claims]) assert.ok(a.id.length <= 64, a.id);
    assert.strictEqual(new Set(parsed.layer.entities.map((a) => a.id)).size, 2);
    parseSidecar(serializeSidecar(parsed.layer, parsed.doc), sidecar);
  });
});

describe('sidecar schema: keys Sift does not know', () => {
  /** The saved sidecar with an unknown top-level key, entity key, claim key and nested key (not x- keys). */
  function withUnknownKeys() {
    const { article, sidecar, ids } = savedCorpus();
    const text = fs.readFileSync(sidecar, 'utf8')
      .replace('annotator: ana\n', 'annotator: ana\nreviewed_by: bob\n')
      .replace(`id: ${ids[0]}\n`, `id: ${ids[0]}\n    colour: red\n`)
      .replace(`id: ${ids[2]}\n`, `id: ${ids[2]}\n    priority: 2\n`)
      .replace('    name: TASS\n', '    name: TASS\n    role: agency\n');
    fs.writeFileSync(sidecar, text);
    return { article, sidecar, ids, text };
  }
  const KEPT = [/^reviewed_by: bob$/m, /^ {4}colour: red$/m, /^ {4}priority: 2$/m, /^ {4}role: agency$/m];

  it('loads them with a warning each', () => {
    const { sidecar, text } = withUnknownKeys();
    const parsed = parseSidecar(text, sidecar);
    assert.deepStrictEqual(parsed.warnings.map((w) => [w.severity, w.code]), Array(4).fill(['warning', 'unknown-key']));
    assert.match(parsed.warnings.map((w) => w.message).join('\n'), /unknown key 'colour'/);
    assert.deepStrictEqual(validateSidecar(sidecar).filter((p) => p.code === 'unknown-key').map((p) => p.severity), Array(4).fill('warning'));
  });

  it('keeps them through load, modify and save', () => {
    const { article, sidecar, ids } = withUnknownKeys();
    const s = ArticleSession.open(article, 'ana', fixedOptions());
    s.update(ids[0], { label: 'ORG' });
    s.update(ids[2], { confidence: 0.75 });
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    s.remove(ids[1]);
    s.sidecar.save();
    const out = fs.readFileSync(sidecar, 'utf8');
    for (const re of KEPT) assert.match(out, re);
    assert.match(out, /label: ORG/);
    assert.match(out, /confidence: 0.75/);
  });

  it('keeps them when the sidecar is written without the document it was read from (a new file, a recovery file)', () => {
    const { sidecar, text } = withUnknownKeys();
    const out = serializeSidecar(parseSidecar(text, sidecar).layer);
    for (const re of KEPT) assert.match(out, re);
    assert.deepStrictEqual(parseSidecar(out, sidecar).layer, parseSidecar(text, sidecar).layer);
  });
});

/** True when A and B are the same set of keys; a drift makes one of the `true`s below a type error, and tsc fails. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Defs = typeof schema.definitions;
const MODEL_MATCHES_SCHEMA: {
  header: Same<keyof SidecarHeader | Exclude<keyof Layer, 'header'>, keyof typeof schema.properties>;
  rejection: Same<keyof Rejection, keyof typeof schema.properties.rejected.items.properties>;
  entity: Same<keyof EntityAnnotation, keyof Defs['entity']['properties']>;
  claim: Same<keyof ClaimAnnotation, keyof Defs['claim']['properties']>;
  source: Same<keyof ClaimSource, keyof Defs['claim']['properties']['source']['properties']>;
  subSpan: Same<keyof SubSpan, keyof Defs['subSpan']['properties']>;
  link: Same<keyof ClaimLink, keyof Defs['claim']['properties']['links']['items']['properties']>;
  comment: Same<keyof ReviewComment, keyof Defs['claim']['properties']['comments']['items']['properties']>;
  dismissal: Same<keyof Dismissal, keyof Defs['dismissal']['properties']>;
  discussion: Same<keyof DiscussionComment, keyof Defs['comment']['properties']>;
  target: Same<keyof Target, keyof Defs['target']['properties']>;
} = { header: true, rejection: true, entity: true, claim: true, source: true, subSpan: true, link: true, comment: true, dismissal: true, discussion: true, target: true };

describe('sidecar schema: the one source of the format', () => {
  it('isClaim and isEntity tell a claim from an entity, as the store reads them', () => {
    const { sidecar } = savedCorpus();
    const all: Annotation[] = [...parseSidecar(fs.readFileSync(sidecar, 'utf8'), sidecar).layer.entities, ...parseSidecar(fs.readFileSync(sidecar, 'utf8'), sidecar).layer.claims];
    assert.deepStrictEqual(all.map((a) => [isClaim(a), isEntity(a)]), [[false, true], [false, true], [true, false]]);
  });

  it('model.ts names exactly the keys the schema names (checked by the type checker)', () => {
    assert.ok(Object.values(MODEL_MATCHES_SCHEMA).every((v) => v));
  });

  it('writes every key the schema names, in the schema\'s order, and reads it back', () => {
    const { sidecar } = savedCorpus();
    const parsed = parseSidecar(fs.readFileSync(sidecar, 'utf8'), sidecar);
    const full = (keys: readonly string[], a: object) => Object.fromEntries(keys.map((k) => [k, (a as Record<string, unknown>)[k] ?? SAMPLE[k]]));
    const SAMPLE: Record<string, unknown> = { value: '2024', canonical: 'Moskva', orphaned: true, note: 'n', factuality: 'reported', comments: [{ author: 'bob', at: '2026-11-21T12:00:00Z', text: 'ok' }],
      cue: { start: 0, end: 1, quote: 'M' }, links: [{ relation: 'same', article: 'b.txt', claim: 'c-1', quote: 'q' }], published: '2024-12-16', rejected: [{ quote: 'Q', label: 'ORG' }],
      status: 'finished', from: [{ annotator: 'ana', id: 'e-1' }], adjudicator: 'rev',
      dismissed: [{ id: 'd-1', kind: 'entity', label: 'ORG', quote: 'Q', from: [{ annotator: 'bob', id: 'e-9' }], adjudicator: 'rev', created: '2026-11-21T12:00:00Z' }],
      discussion: [{ id: 'c-1', on: { annotator: 'bob', id: 'e-9' }, at: '2026-11-21T12:00:00Z', text: 'why ORG?', resolved: true, updated: '2026-11-21T12:05:00Z' }] };
    const layer = parsed.layer;
    layer.header = full(HEADER_KEYS.filter((k) => !['rejected', 'entities', 'claims', 'dismissed', 'discussion'].includes(k)), layer.header) as unknown as SidecarHeader;
    layer.rejected = SAMPLE.rejected as Rejection[];
    layer.dismissed = SAMPLE.dismissed as Dismissal[];
    layer.discussion = SAMPLE.discussion as DiscussionComment[];
    layer.entities = layer.entities.map((e) => full(ENTITY_KEYS, e) as unknown as EntityAnnotation);
    layer.claims = layer.claims.map((c) => full(CLAIM_KEYS, c) as unknown as ClaimAnnotation);
    const text = serializeSidecar(layer);
    const keysAt = (indent: string) => [...text.matchAll(new RegExp(`^${indent}([a-z0-9_]+):`, 'gm'))].map((m) => m[1]);
    assert.deepStrictEqual(keysAt(''), HEADER_KEYS);
    const back = parseSidecar(text, sidecar);
    assert.deepStrictEqual(back.layer, layer);
    assert.deepStrictEqual(back.warnings, []);
    assert.deepStrictEqual(Object.keys(back.layer.entities[0]), ENTITY_KEYS);
    assert.deepStrictEqual(Object.keys(back.layer.claims[0]), CLAIM_KEYS);
    assert.deepStrictEqual(Object.keys(back.layer.dismissed![0]), DISMISSAL_KEYS);
    assert.deepStrictEqual(Object.keys(back.layer.discussion![0]), COMMENT_KEYS);
    assert.deepStrictEqual(readSidecarFast(text, sidecar), back.layer, 'the fast reader reads review data as the careful parser does');
  });
});
