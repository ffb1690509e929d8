import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { recoveryPathFor, sidecarPathFor } from '../../src/core/store/paths';
import { ArticleSession } from '../../src/core/session/session';
import { A0, fixedOptions, tmpCorpus } from './helpers/tmp';

function session(dir: string, annotator = 'ana') {
  return ArticleSession.open(path.join(dir, A0), annotator, fixedOptions());
}

describe('sidecar file: saving and loading', () => {
  it('does not create a sidecar until there is something to save', () => {
    const dir = tmpCorpus([A0]);
    const s = session(dir);
    assert.strictEqual(s.sidecar.save(), 'unchanged');
    assert.ok(!fs.existsSync(sidecarPathFor(path.join(dir, A0), 'ana')));
  });

  it('writes next to the article as <stem>.<annotator>.ann.yaml and reads it back', () => {
    const dir = tmpCorpus([A0]);
    const s = session(dir);
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    assert.strictEqual(s.sidecar.save(), 'written');
    const file = path.join(dir, '000_f5a8d1d13f9f611e.ana.ann.yaml');
    assert.ok(fs.existsSync(file));
    const again = session(dir);
    assert.deepStrictEqual(again.layer, s.layer);
    assert.strictEqual(again.all()[0].quote, 'Moscow');
  });

  it('writes atomically: no temporary files are left behind', () => {
    const dir = tmpCorpus([A0]);
    const s = session(dir);
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    s.sidecar.save();
    assert.deepStrictEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });

  it('does not write when nothing changed: the file keeps its bytes and its mtime', () => {
    const dir = tmpCorpus([A0]);
    const s = session(dir);
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    s.sidecar.save();
    const file = s.sidecar.path;
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(file, past, past);
    const before = fs.readFileSync(file);
    const again = session(dir);
    assert.strictEqual(again.sidecar.save(), 'unchanged');
    assert.strictEqual(again.sidecar.flush(), 'unchanged');
    assert.ok(fs.readFileSync(file).equals(before));
    assert.ok(Math.abs(fs.statSync(file).mtimeMs - past.getTime()) < 5, 'the file was not rewritten');
  });

  it('debounces a burst of changes into one write', async () => {
    const dir = tmpCorpus([A0]);
    const s = session(dir);
    const outcomes: string[] = [];
    const saved = new Promise<void>((resolve) => {
      for (let i = 0; i < 5; i++) {
        s.addEntity({ start: i, end: i + 1, label: 'ORG' });
        s.sidecar.scheduleSave(30, (o) => { outcomes.push(o); resolve(); });
      }
    });
    assert.ok(!fs.existsSync(s.sidecar.path), 'nothing written during the burst');
    assert.ok(s.sidecar.pendingSave);
    await saved;
    // The first save to run is the only one: no other is pending, so no other can follow.
    assert.deepStrictEqual(outcomes, ['written']);
    assert.ok(!s.sidecar.pendingSave);
    assert.strictEqual(session(dir).layer.entities.length, 5);
  });

  it('a later, slower schedule never puts off a pending save asked for at once', async () => {
    const dir = tmpCorpus([A0]);
    const s = session(dir);
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    const saved = new Promise<string>((resolve) => s.sidecar.scheduleSave(0, resolve));
    s.addEntity({ start: 7, end: 9, label: 'ORG' });
    s.sidecar.scheduleSave(60_000);
    const first = await Promise.race([saved, new Promise<string>((r) => setTimeout(() => r('put off'), 2_000))]);
    assert.strictEqual(first, 'written');
    assert.ok(!s.sidecar.pendingSave, 'no save is left pending');
    assert.strictEqual(session(dir).layer.entities.length, 2, 'the urgent save wrote the later change too');
    s.sidecar.dispose();
  });

  it('flush writes a pending save at once (as on deactivate)', () => {
    const dir = tmpCorpus([A0]);
    const s = session(dir);
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    s.sidecar.scheduleSave(60_000);
    assert.strictEqual(s.sidecar.flush(), 'written');
    assert.ok(!s.sidecar.pendingSave);
    assert.strictEqual(session(dir).layer.entities.length, 1);
  });
});

describe('sidecar file: a corrupted sidecar', () => {
  it('is never overwritten; new work goes to a recovery file and comes back once the file is fixed', () => {
    const dir = tmpCorpus([A0]);
    const s = session(dir);
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    s.sidecar.save();
    const good = fs.readFileSync(s.sidecar.path, 'utf8');
    const broken = good.replace('entities:', 'entities: [oops');
    fs.writeFileSync(s.sidecar.path, broken);

    const t = session(dir);
    assert.ok(t.sidecar.error, 'the parse error is reported');
    assert.ok(t.sidecar.error.problems[0].line > 0);
    t.addEntity({ start: 62, end: 68, label: 'PLACE' });
    assert.strictEqual(t.sidecar.save(), 'recovery');
    assert.strictEqual(fs.readFileSync(t.sidecar.path, 'utf8'), broken, 'the broken file is untouched');
    assert.ok(fs.existsSync(recoveryPathFor(t.sidecar.path)));

    // A new session (say, after a restart) still has the work, from the recovery file.
    const u = session(dir);
    assert.ok(u.sidecar.error);
    assert.deepStrictEqual(u.layer.entities.map((e) => [e.start, e.quote]), [[62, 'ts out']]);

    // The user fixes the file by hand; reopening merges the recovered work back and then removes the recovery file.
    fs.writeFileSync(t.sidecar.path, good);
    const v = session(dir);
    assert.strictEqual(v.sidecar.error, undefined);
    assert.deepStrictEqual(v.layer.entities.map((e) => e.start).sort((a, b) => a - b), [0, 62]);
    assert.strictEqual(v.sidecar.save(), 'written');
    assert.ok(!fs.existsSync(recoveryPathFor(v.sidecar.path)));
    assert.strictEqual(session(dir).layer.entities.length, 2);
  });

  it('merges in-memory work when the broken file is fixed while open', () => {
    const dir = tmpCorpus([A0]);
    const s = session(dir);
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    s.sidecar.save();
    const good = fs.readFileSync(s.sidecar.path, 'utf8');
    fs.writeFileSync(s.sidecar.path, `${good}\n: : bad`);
    assert.strictEqual(s.sidecar.reload().outcome, 'broken');
    s.addEntity({ start: 62, end: 68, label: 'PLACE' });
    assert.strictEqual(s.sidecar.save(), 'recovery');
    fs.writeFileSync(s.sidecar.path, good);
    assert.strictEqual(s.sidecar.reload().outcome, 'merged');
    assert.strictEqual(s.layer.entities.length, 2);
    assert.strictEqual(s.sidecar.save(), 'written');
    assert.ok(!fs.existsSync(recoveryPathFor(s.sidecar.path)));
  });
});

describe('sidecar file: changes from outside', () => {
  it('reloads an external change when there is no unsaved work', () => {
    const dir = tmpCorpus([A0]);
    const s = session(dir);
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    s.sidecar.save();
    const other = session(dir);
    other.update(other.layer.entities[0].id, { label: 'ORG' });
    other.sidecar.save();
    assert.strictEqual(s.sidecar.reload().outcome, 'reloaded');
    assert.strictEqual(s.layer.entities[0].label, 'ORG');
  });

  it('merges by id when there is unsaved work, and keeps both sides of a real conflict', () => {
    const dir = tmpCorpus([A0]);
    const s = session(dir);
    const a = s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    const b = s.addEntity({ start: 62, end: 68, label: 'PLACE' });
    s.sidecar.save();
    // A colleague (git pull) relabels a and adds one; meanwhile we relabel a differently and b, unsaved.
    const them = session(dir);
    them.update(a.id, { label: 'ORG' });
    them.addEntity({ start: 141, end: 148, label: 'ORG' });
    them.sidecar.save();
    s.update(a.id, { label: 'PERSON' });
    s.update(b.id, { note: 'capital' });
    const r = s.sidecar.reload();
    assert.strictEqual(r.outcome, 'merged');
    assert.deepStrictEqual(r.conflicts.map((c) => [c.id, c.kind]), [[a.id, 'both-changed']]);
    const labels = s.layer.entities.map((e) => `${e.start}:${e.label}`).sort();
    assert.deepStrictEqual(labels, ['0:ORG', '0:PERSON', '141:ORG', '62:PLACE']);
    assert.strictEqual(s.find(b.id)!.note, 'capital');
    assert.strictEqual(s.sidecar.save(), 'written');
    assert.strictEqual(session(dir).layer.entities.length, 4);
  });

  it('does not write over a file changed on disk since it was read: it merges first', () => {
    const dir = tmpCorpus([A0]);
    const s = session(dir);
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    s.sidecar.save();
    const them = session(dir);
    them.addEntity({ start: 62, end: 68, label: 'PLACE' });
    them.sidecar.save();
    s.addEntity({ start: 141, end: 148, label: 'ORG' });
    assert.strictEqual(s.sidecar.save(), 'written');
    assert.strictEqual(session(dir).layer.entities.length, 3);
  });

  it('keeps unsaved work when the sidecar is deleted on disk', () => {
    const dir = tmpCorpus([A0]);
    const s = session(dir);
    s.addEntity({ start: 0, end: 6, label: 'PLACE' });
    s.sidecar.save();
    s.addEntity({ start: 62, end: 68, label: 'PLACE' });
    fs.rmSync(s.sidecar.path);
    assert.strictEqual(s.sidecar.reload().outcome, 'kept');
    assert.strictEqual(s.sidecar.save(), 'written');
    assert.strictEqual(session(dir).layer.entities.length, 2);
  });
});
