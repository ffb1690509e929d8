// The merge driver's core under random concurrent edit scripts on two branches from one base.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { Layer } from '../../src/core/model';
import { mergeSidecarTexts } from '../../src/core/store/gitMerge';
import { conflictsIn } from '../../src/core/store/mergeConflicts';
import { parseSidecar, serializeSidecar } from '../../src/core/store/sidecarFormat';
import { aLayer } from '../builders/layer';
import { A0, SAMPLES } from './helpers/tmp';

const TEXT = fs.readFileSync(path.join(SAMPLES, A0), 'utf8');
const FILE = 'a.ana.ann.yaml';
const BASE_QUOTES = ['Moscow', 'Damascus', 'Syria', 'Belarus', 'North Korea', 'Xinhua'];
const NEW_QUOTES = ['Russia', 'Ministry', 'December', 'diplomats'];

type Action = { do: 'keep' } | { do: 'delete' } | { do: 'label'; label: string } | { do: 'note'; note: string };
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant({ do: 'keep' as const }),
  fc.constant({ do: 'delete' as const }),
  fc.constantFrom('PERSON', 'ORG', 'DATE').map((label) => ({ do: 'label' as const, label })),
  fc.constantFrom('x', 'y').map((note) => ({ do: 'note' as const, note })),
);
const script = fc.record({ actions: fc.array(action, { minLength: BASE_QUOTES.length, maxLength: BASE_QUOTES.length }), adds: fc.subarray(NEW_QUOTES) });
type Script = { actions: Action[]; adds: string[] };

const base = (): Layer => BASE_QUOTES.reduce((b, q, i) => b.withEntity(q, 'PLACE', { id: `b${i}` }), aLayer().forArticle(TEXT, A0).by('ana')).build();

/** A side's layer after its script, written as Sift writes it (a rewrite of the base's document). */
function apply(s: Script, side: string, baseText: string): string {
  const p = parseSidecar(baseText, FILE);
  const l = p.layer;
  s.actions.forEach((a, i) => {
    const e = l.entities.find((x) => x.id === `b${i}`)!;
    if (a.do === 'delete') l.entities = l.entities.filter((x) => x !== e);
    else if (a.do === 'label') e.label = a.label;
    else if (a.do === 'note') e.note = a.note;
  });
  for (const q of s.adds) l.entities.push(aLayer().forArticle(TEXT, A0).by('ana').withEntity(q, 'ORG', { id: `${side}-${q}` }).build().entities[0]);
  return serializeSidecar(l, p.doc);
}

describe('merge driver core: random concurrent edits', () => {
  it('keeps every addition and edit, drops what was deleted and not edited, and is stable', () => {
    const baseText = serializeSidecar(base());
    fc.assert(fc.property(script, script, (o, t) => {
      const oursText = apply(o, 'o', baseText);
      const theirsText = apply(t, 't', baseText);
      const r = mergeSidecarTexts(baseText, oursText, theirsText, FILE);
      const merged = parseSidecar(r.text, FILE).layer;
      const ids = new Set(merged.entities.map((e) => e.id));
      for (const q of o.adds) assert.ok(ids.has(`o-${q}`));
      for (const q of t.adds) assert.ok(ids.has(`t-${q}`));
      o.actions.forEach((oa, i) => {
        const ta = t.actions[i];
        const id = `b${i}`;
        const deleted = (oa.do === 'delete' && ta.do !== 'label' && ta.do !== 'note') || (ta.do === 'delete' && oa.do !== 'label' && oa.do !== 'note');
        assert.strictEqual(ids.has(id), !deleted, `${id}: ${oa.do} / ${ta.do}`);
        const e = merged.entities.find((x) => x.id === id);
        if (e && oa.do === 'label' && ta.do !== 'label') assert.strictEqual(e.label, oa.label);
        if (e && ta.do === 'label' && oa.do !== 'label') assert.strictEqual(e.label, ta.label);
        if (e && oa.do === 'label' && ta.do === 'label') assert.strictEqual(e.label, oa.label, 'ours stays in place');
      });
      // A conflict only where both sides changed the same field differently, or an edit met a deletion.
      const expected = o.actions.filter((oa, i) => {
        const ta = t.actions[i];
        if (oa.do === 'delete' || ta.do === 'delete') return (oa.do === 'delete') !== (ta.do === 'delete') && (oa.do !== 'keep' && ta.do !== 'keep');
        return oa.do === ta.do && oa.do !== 'keep' && JSON.stringify(oa) !== JSON.stringify(ta);
      }).length;
      assert.strictEqual(r.conflicts.length, expected);
      assert.strictEqual(conflictsIn(merged.header).length, expected);
      // Merging an already merged file with itself changes no byte.
      assert.strictEqual(mergeSidecarTexts(r.text, r.text, r.text, FILE).text, r.text);
      assert.strictEqual(mergeSidecarTexts(baseText, r.text, r.text, FILE).text, r.text);
    }), { numRuns: 80 });
  });

  it('gives the same annotations whichever side is ours', () => {
    const baseText = serializeSidecar(base());
    fc.assert(fc.property(script, script, (o, t) => {
      const a = parseSidecar(mergeSidecarTexts(baseText, apply(o, 'o', baseText), apply(t, 't', baseText), FILE).text, FILE).layer;
      const b = parseSidecar(mergeSidecarTexts(baseText, apply(t, 't', baseText), apply(o, 'o', baseText), FILE).text, FILE).layer;
      assert.deepStrictEqual(a.entities.map((e) => e.id), b.entities.map((e) => e.id));
    }), { numRuns: 40 });
  });
});
